// "Retry storm during the outage of 02/12", written a week later, tells when the trouble was — why the
// change is made — not how long it lasts: an event dated before the text was written is over already.
import { describe, expect, it } from 'vitest';
import { duringPast } from '../../src/verdict/during-past.js';
import { readIntent } from '../../src/verdict/intent.js';

const WRITTEN = '2026-12-08T16:12:00-03:00';
const temporary = (body: string) =>
  readIntent({ subject: 'PAY-902 retry 5 -> 3 in qa', body, author: 'a', email: 'a@x', date: WRITTEN }, 'qa', ['qa', 'uat', 'live']).temporary;

describe('a "during" an event dated before the text is when it happened', () => {
  it.each([
    'retry storm at the acquirer during the outage on 12/02',
    'Retry-Sturm beim Acquirer während des Ausfalls am 02.12.',
    'rafale de retries chez l’acquéreur pendant la panne du 02/12',
    'tormenta de reintentos durante la caída del 2 de diciembre',
    'tempestade de retries no adquirente durante a queda de 02/12',
    'retry-storm bij de acquirer tijdens de storing van 2 december',
  ])('%s', (body) => {
    expect(temporary(body)).toBeUndefined();
  });

  it.each([
    'retries at 3 during the migration',
    'retries at 3 during the freeze of 15/12',
    'retries at 3 during the outage on 2026-12-08',
    'Retries auf 3 während der Migration',
  ])('still a limit where the event is not over when written: %s', (body) => {
    expect(temporary(body)).toBeDefined();
  });

  it('reads only a "during" lead', () => {
    expect(duringPast('retries at 3 until the outage of 02/12', 'until the outage', WRITTEN)).toBe(false);
    expect(duringPast('errors during the outage of 02/12', 'during the outage', WRITTEN)).toBe(true);
  });
});

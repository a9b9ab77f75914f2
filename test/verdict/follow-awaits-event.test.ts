// Reported by the spent lane sp26f (session 29, no story yet): production went first and the text
// said the lower environment follows once something happens ("staging follows once the sandbox is
// upgraded"); months later, with nothing written since saying it happened, the follow was suggested
// at 0.6 — a confident answer on the plan's age alone. The event, not the time passed, was the gate:
// the lean stays a backfill at 0.45 with the question whether it happened. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy, why } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';

const KEY = 'ledger.export.batchSize';
const ana = messagesBy('Ana Ruiz', 'ana@x', 'a');
const created = ana('2026-01-05T09:00:00Z', 'initial config');
const judge = (body: string, later: Message[] = []) => {
  const changed = ana('2026-03-02T09:00:00Z', 'batch size to 500 in prod', body);
  const base = (e: string) => ({ ...eventOf(created, `config/${e}.yaml`, null, '200', { merge: false, revert: false }), order: 1 });
  return explainCrossEnv({
    key: KEY,
    history: {
      production: [{ ...eventOf(changed, 'config/production.yaml', '200', '500', { merge: false, revert: false }), order: 0 }, base('production')],
      staging: [base('staging')],
    },
    messages: [...later, changed, created],
    values: { staging: '200', production: '500' },
    type: 'number',
    today: '2026-09-20',
  });
};

describe('a follow waiting for an event nobody reported', () => {
  it.each([
    ['English, once', 'bigger batches in prod; staging follows once the ledger mock is upgraded'],
    ['English, stays until', 'prod first. Staging stays at 200 until the mock upgrade is done, then follows.'],
    ['German', 'Prod braucht es für den Monatsabschluss; Staging folgt, sobald der Ledger-Mock aktualisiert ist'],
    ['Dutch', 'verhoogd in prod voor de maandafsluiting; staging volgt later, zodra de ledger-mock is bijgewerkt'],
    ['Swedish', 'höjt i prod för månadsbokslutet; staging följer när ledger-mocken är uppgraderad'],
  ])('%s', (_, body) => {
    const v = judge(body);
    expect(v.suggested, why(v)).toBe('backfill');
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toMatch(/has that happened\?/);
  });
});

describe('near misses', () => {
  it('the event reported since keeps the follow confident', () => {
    const v = judge('bigger batches in prod; staging follows once the ledger mock is upgraded', [
      ana('2026-04-10T09:00:00Z', 'ledger mock upgraded', 'The ledger mock is upgraded to 4.2: done.'),
    ]);
    expect(v.suggested, why(v)).toBe('backfill');
    expect(v.confidence, why(v)).toBeGreaterThanOrEqual(0.6);
  });

  it('a follow with no event keeps its backport', () => {
    const v = judge('bigger batches in prod; staging follows later');
    expect(v.suggested, why(v)).toBe('backfill');
    expect(v.confidence, why(v)).toBeGreaterThanOrEqual(0.6);
  });
});

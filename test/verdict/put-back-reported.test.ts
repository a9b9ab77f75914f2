// A put-back reported as done is a report, not a plan with an end (tense.ts `reportedAt`): "Pool wurde
// nach dem 20.11. wieder auf 600 gesetzt" tells what happened after the 20th; before, its "wieder auf"
// was read as a plan to go back on 20.11., a time limit on the change itself. The same plan written as
// one ("nach dem 20.11. wieder auf 600") still is one, in every language.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { reportedAt, tenseOf } from '../../src/verdict/tense.js';
import { AHEAD, goFor } from '../../src/verdict/conditions.js';

const intentOf = (subject: string, body = '') =>
  readIntent({ subject, body, author: 'Dana Ops', email: 'dana@example.com', date: '2026-11-25T10:00:00Z' }, 'staging', ['dev', 'staging', 'production']);

describe('a put-back reported in the past is no time limit', () => {
  it.each([
    // German, passive and perfect
    ['Pool wurde nach dem 20.11. wieder auf 600 gesetzt'],
    ['Pool wurde nach dem 20.11. wieder auf 600 gesetzt, der Sale ist vorbei.'],
    ['Der Pool ist nach dem Sale wieder auf 600 gestellt worden.'],
    ['DB-Pool: nach dem Black Friday wurde er wieder auf 600 gesetzt'],
    // English
    ['pool was set back to 600 after 20.11.'],
    ['Connection pool has been put back to 600 after the sale.'],
    // French
    ['Le pool a été remis à 600 après le 20/11.'],
    // Spanish
    ['El pool se volvió a poner en 600 después del 20/11.'],
    // Swedish
    ['Poolen återställdes till 600 efter 20.11.'],
    ['Poolen sattes tillbaka till 600 efter rean.'],
    // Polish
    ['Pool został przywrócony do 600 po 20.11.'],
  ])('%s', (text) => {
    expect(intentOf(text).temporary).toBeUndefined();
  });
});

describe('the same put-back as a plan still ends the change', () => {
  it.each([
    ['Pool auf 900 für den Sale, nach dem 20.11. wieder auf 600 setzen', '2026-11-20'],
    ['Pool wurde für den Sale auf 900 erhöht, nach dem 20.11. wieder auf 600', '2026-11-20'],
    ['pool 900 for the sale; back to 600 after 20.11.', '2026-11-20'],
    ['pool à 900 pour les soldes, remettre à 600 après le 20/11', '2026-11-20'],
    ['pool a 900 para las rebajas, volver a poner en 600 después del 20/11', '2026-11-20'],
  ])('%s', (text, until) => {
    expect(intentOf(text).temporary?.until).toBe(until);
  });

  it('a Swedish plan to put it back stays a time limit', () => {
    expect(intentOf('pool 900 för rean, återställ till 600 efter 20.11.').temporary).toBeDefined();
  });
});

describe('tense of a clause around a word', () => {
  it.each([
    ['Poolen återställdes till 600', 'past'],
    ['El pool se volvió a poner en 600', 'past'],
    ['volver a poner en 600 después del 20/11', undefined],
    ['Poolen ble satt tilbake til 600', 'past'],
  ] as const)('%s: %s', (clause, tense) => {
    expect(tenseOf(clause)).toBe(tense);
  });

  it('reads the clause, not the sentence: a plan after a report of the raise is a plan', () => {
    const text = 'Pool wurde auf 900 erhöht, nach dem 20.11. wieder auf 600';
    expect(reportedAt(text, text.indexOf('wieder'))).toBe(false);
    expect(reportedAt(text, text.indexOf('erhöht'))).toBe(true);
  });
});

describe('Polish "po" (after) is a gate; "PO" (product owner, purchase order) is none', () => {
  it.each(['po 15 grudnia', 'po akceptacji QA', 'Po testach obciążeniowych', 'after the soak', 'sobald QA freigibt'])('ahead: %s', (after) => {
    expect(AHEAD.test(after)).toBe(true);
  });

  it.each([', PO approved 2026-12-01.', ' (PO sign-off recorded)', ' per PO-4711', ' — approved by the PO.'])('no gate: %s', (after) => {
    expect(AHEAD.test(after)).toBe(false);
  });

  it('a go beside a product owner\'s approval is a go; one waiting "po" a date is not', () => {
    expect(goFor('OK for prod, PO approved 2026-12-01.', 'prod')).toBeDefined();
    expect(goFor('Cleared for production; PO signed off yesterday.', 'production')).toBeDefined();
    expect(goFor('OK for prod po 15 grudnia.', 'prod')).toBeUndefined();
    expect(goFor('OK for prod after the PO approves.', 'prod')).toBeUndefined();
  });
});

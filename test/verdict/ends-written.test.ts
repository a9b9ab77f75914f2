// Ends as engineers write them (issue 10, the readers2 lane of session 24): a month's, quarter's or
// year's end after a limit word is an end, without one it is not ("end of October numbers look good");
// a date moved is its new date; German "am 1. Dezember" is one sentence; a window's end written
// dd/mm(/yyyy) or dd.mm in French, Spanish, Polish and Dutch. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { sentenceEnds } from '../../src/verdict/sentence-end.js';
import { judge, type Step } from './memory-story.js';

const written = '2026-10-05T10:00:00Z';
const read = (text: string) => readDeadline(text, written);

describe('a period’s end after a limit word is an end', () => {
  it.each([
    ['keep staging at 50 through end of October', '2026-10-31'],
    ['revoke by the end of March 2027', '2027-03-31'],
    ['raise the cap till the end of the month', '2026-10-31'],
    ['until end of month, then back to 20', '2026-10-31'],
    ['leave it on until end of Q4', '2026-12-31'],
    ['keep it through the end of the quarter', '2026-12-31'],
    ['until end of next month', '2026-11-30'],
    ['revert by EOM', '2026-10-31'],
    ['only till year end', '2026-12-31'],
    ['Expires: end of March', '2027-03-31'],
    ['bis Monatsende, dann zurück', '2026-10-31'],
    ['bis Ende des Monats', '2026-10-31'],
    ["jusqu'à la fin du mois", '2026-10-31'],
    ['hasta fin de mes', '2026-10-31'],
    ['tymczasowo, do końca miesiąca', '2026-10-31'],
    ['tijdelijk, tot het einde van de maand', '2026-10-31'],
  ])('%s → %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });

  it.each([
    'end of October numbers look good',
    'the end of the month is busy for finance',
    'month-end close ran fine',
    'we saw the spike at the end of March',
    'Ende des Monats kommt die Abrechnung',
    'fin du mois chargée pour la compta',
  ])('%s: no end', (text) => {
    expect(read(text).date).toBeUndefined();
  });
});

describe('a date moved ends on its new date', () => {
  it.each([
    ['Go-Live verschoben von 1.12. auf KW 4', '2027-01-31'],
    ['verschoben von 1.12. auf 15.12.', '2026-12-15'],
    ['Termin verlegt auf 15.12.', '2026-12-15'],
    ['postponed from Dec 1 to Dec 15', '2026-12-15'],
    ['end date pushed out to 15 December', '2026-12-15'],
    ['reporté au 15/12', '2026-12-15'],
    ['aplazado al 15/12', '2026-12-15'],
    ['przesunięte na 15.12.', '2026-12-15'],
    ['uitgesteld tot 15 december', '2026-12-15'],
  ])('%s → %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });

  it('moved to an environment is no date', () => {
    expect(read('moved to prod, see the release notes').date).toBeUndefined();
  });
});

describe('German day. Month is one sentence, and its day', () => {
  const split = (text: string) => text.split(sentenceEnds(/(?<=[.!?])\s+/));
  it.each(['Die Prod-Umstellung erfolgt am 1. Dezember nach dem Freeze.', 'Bis zum 15. Januar 2027 bleibt Staging auf 40.', 'Ab 3. März gilt wieder 20.'])(
    '%s',
    (text) => {
      expect(split(text)).toHaveLength(1);
    },
  );
  it('a sentence ending in a number still ends', () => {
    expect(split('Wir brauchen 3. Danach zurück.')).toHaveLength(2);
  });
  it.each([
    ['Prod-Umstellung am 1. Dezember', '2026-12-01'],
    ['bis zum 15. Januar 2027', '2027-01-15'],
  ])('%s → %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });
});

describe('a window written dd/mm(/yyyy) or dd.mm in other languages', () => {
  it.each([
    ["on le garde jusqu'au 15/11/2026", '2026-11-15'],
    ["activé jusqu'au 15/11", '2026-11-15'],
    ['hasta el 30/11', '2026-11-30'],
    ['sólo hasta el 30/11/2026', '2026-11-30'],
    ['tymczasowo do 30.11', '2026-11-30'],
    ['do 30.11.2026', '2026-11-30'],
    ['tijdelijk t/m 1 december', '2026-12-01'],
    ['tijdelijk t/m 15/11', '2026-11-15'],
  ])('%s → %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });
});

describe('through the verdict: the end read decides a temporary change', () => {
  const start: Step = { subject: 'service defaults', date: '2026-06-01T10:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } };
  const verdictOn = (body: string, today: string) =>
    judge('pool.size', [start, { subject: 'staging: pool 20 -> 40', body, date: written, set: { staging: ['20', '40'] } }], today);
  it.each([
    'Temporary for the import, till the end of the month.',
    'Only until end of October, then back to 20.',
    'Staging nur vorübergehend, bis Monatsende.',
  ])('%s: kept until the month’s end, reverted after it', (body) => {
    const before = verdictOn(body, '2026-10-20');
    expect(before.suggested, before.reasons.join('\n')).toBe('declare');
    expect(before.expires).toBe('2026-10-31');
    const after = verdictOn(body, '2026-11-12');
    expect(after.suggested, after.reasons.join('\n')).toBe('revert');
  });
  it('a month’s end named without a limit gives no expiry', () => {
    const v = verdictOn('end of October numbers look good with 40', '2026-11-12');
    expect(v.expires).toBeUndefined();
  });
});

describe('an end given beside the event it waits for', () => {
  it.each([
    ['Until Acme finishes the firmware rollout, end of October.', '2026-10-31'],
    ['Bis der Umzug durch ist, Ende des Monats.', '2026-10-31'],
  ])('%s → %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });
  it('a wait in another sentence does not reach it', () => {
    expect(read('Kept until the migration is done. End of October numbers look good.').date).toBeUndefined();
  });
});

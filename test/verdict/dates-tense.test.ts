// A day and month written without a year is the nearest such day the clause's tense allows: a report
// of the past ("was set back to 600 after 20.11.") the one before the commit, a plan's limit ("until
// 20.11.", "bis zum 3.1.") the next one after it, anything else the nearer one. Before, every such day
// was the next one after the commit: "back to 600 after 20.11." written on 25 November was 20.11.2027.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { tenseOf, yearOfClause } from '../../src/verdict/tense.js';

const date = (text: string, written: string) => readDeadline(text, `${written}T10:00:00Z`).date;

describe('a report of the past names a day behind the commit', () => {
  const written = '2026-11-25';
  it.each([
    // English, in each date style
    ['Pool was set back to 600 after 20.11.'],
    ['The pool was reset to 600 after 20/11 when the sale ended.'],
    ['Pool was reset to 600 after Nov 20.'],
    ['Connection pool was lowered again after 20 Nov, as agreed with finance.'],
    ['We have reverted the pool to 600 after 20.11'],
    // German
    ['Pool wurde nach dem 20.11. wieder auf 600 gesetzt.'],
    ['Pool ist nach dem 20. November auf 600 zurückgesetzt worden.'],
    // French
    ['Le pool a été remis à 600 après le 20/11.'],
    ['Pool remis à 600 après le 20 nov. : les soldes étaient finies.'],
    // Polish and Czech
    ['Pool został przywrócony do 600 po 20.11.'],
    ['Pool przywróciliśmy do 600 po 20 listopada.'],
    ['Pool byl vrácen na 600 po 20. listopadu.'],
    // Dutch
    ['Pool is na 20 november teruggezet naar 600.'],
    ['De pool werd na 20/11 verlaagd naar 600.'],
  ])('%s', (text) => {
    expect(date(text, written)).toBe('2026-11-20');
  });

  it('across the year\'s end: "was lowered after 20.12." written on 5 January is the December just gone', () => {
    expect(date('Pool was lowered after 20.12.', '2027-01-05')).toBe('2026-12-20');
    expect(date('Pool wurde nach dem 20. Dezember gesenkt.', '2027-01-05')).toBe('2026-12-20');
  });
});

describe('a day with no tense is the one just gone (within six weeks), else the next', () => {
  it.each([
    ['Pool back to 600 after 20.11.', '2026-11-25', '2026-11-20'],
    ['pool 900 for the sale; back to 600 after 20.11.', '2026-11-10', '2026-11-20'],
    ['Temporarily 900; back to 600 after 3.1.', '2026-12-20', '2027-01-03'],
    ['back to 600 po 3 stycznia', '2026-12-28', '2027-01-03'],
    ['vendor says the fix ships (9/25)', '2026-03-10', '2026-09-25'],
    ['back to 600 after 20.11.', '2026-12-20', '2026-11-20'],
    ['back to 600 after 20.9.', '2026-11-25', '2027-09-20'],
  ])('%s (written %s)', (text, written, day) => {
    expect(date(text, written)).toBe(day);
  });
});

describe('a plan names a day after the commit', () => {
  const written = '2026-12-20';
  it.each([
    ['Raise pool to 900 temporarily until 3.1.'],
    ['Pool bis zum 3.1. auf 900'],
    ['Temporarily raise pool until Jan 3'],
    ['Temporarily raise the pool until the 3rd of January'],
    ['Pool tymczasowo na 900 do 3.01.'],
    ['Pool tymczasowo na 900 do 3 stycznia'],
    ['Pool tijdelijk op 900 tot 3 januari'],
    ["Pool temporairement à 900 jusqu'au 3 janvier"],
    ["Pool à 900 jusqu'au 3/1"],
    // A future in the clause makes even "after" the next one.
    ['Pool wird nach dem 3.1. auf 600 gesetzt.'],
    ['We will set the pool back to 600 after Jan 3.'],
  ])('%s', (text) => {
    expect(date(text, written)).toBe('2027-01-03');
  });

  it('a limit in a past clause is the nearer day: "has been raised until 20.11." written on 10 November is ten days ahead', () => {
    expect(date('The pool has been raised until 20.11.', '2026-11-10')).toBe('2026-11-20');
    expect(date('Pool wurde bis zum 20.11. erhöht.', '2026-11-10')).toBe('2026-11-20');
  });

  it('a past verb in another clause leaves a tenseless one its nearer day', () => {
    expect(date('We raised it for the sale, back to 600 after 20.11', '2026-11-10')).toBe('2026-11-20');
  });
});

describe('tense of a clause', () => {
  it.each([
    ['Pool was set back to 600', 'past'],
    ['pool has been lowered', 'past'],
    ['Pool wurde gesenkt', 'past'],
    ['Pool ist zurückgesetzt worden', 'past'],
    ['Le pool a été remis à 600', 'past'],
    ['pool zmieniono na 600', 'past'],
    ['pool is teruggezet', 'past'],
    ['pool heeft verlaagd', 'past'],
    ['we will lower the pool', 'future'],
    ['pool sera remis à 600', 'future'],
    ['pool zostanie przywrócony', 'future'],
  ] as const)('%s: %s', (clause, tense) => {
    expect(tenseOf(clause)).toBe(tense);
  });

  it.each([
    // An English "is" with an English participle is no Dutch perfect; "koło" (around) no Polish past.
    ['the pool is raised for the sale'],
    ['pool back to 600 koło 20.11'],
    ['jeśli pool wróci do 600'],
    ['Raise the pool to 900'],
    ['Pool bis zum 3.1. auf 900'],
  ])('%s: no tense', (clause) => {
    expect(tenseOf(clause)).toBeUndefined();
  });

  it('the year a clause reads', () => {
    expect(yearOfClause('was lowered after', false)).toBe('past');
    expect(yearOfClause('back after', false)).toBe('recent');
    expect(yearOfClause('until', true)).toBe('ahead');
    expect(yearOfClause('was raised until', true)).toBe('near');
    expect(yearOfClause('will be lowered after', false)).toBe('ahead');
  });
});

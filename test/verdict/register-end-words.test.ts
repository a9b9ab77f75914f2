// A register's end column headed in Estonian or Hungarian ("kehtib", "kuni", "érvényes", "lejárat"), and an
// end cell that gives its day among words ("kuni välitöö lõpuni, hiljemalt 15.02.2029": until fieldwork
// ends, at the latest 15.02.2029), give the row its end (register-end.ts; spent holdout-35/23: an auditors'
// read binding past its approval, declared). A cell naming two days, or a column that is not an end, gives none.
import { describe, expect, it } from 'vitest';
import { rowEnd } from '../../src/verdict/register-end.js';

const W = '2029-01-09T16:00:00Z';
describe('a register row gives its end', () => {
  it.each([
    ['Estonian "kehtib", words and a day', 'nr: 31; kes: ext-audit; kehtib: kuni välitöö lõpuni, hiljemalt 15.02.2029', '2029-02-15'],
    ['Estonian "kehtib kuni", a bare day', 'kes: vendor-x; kehtib kuni: 2029-03-01', '2029-03-01'],
    ['Hungarian "lejárat"', 'ki: ext-vendor; lejárat: 2029-03-31', '2029-03-31'],
    ['Hungarian "érvényes", words and a day', 'ki: auditor; érvényes: a terepmunka végéig, legkésőbb 2029-04-15', '2029-04-15'],
    ['English "until", words and a day', 'who: ext-audit; until: end of fieldwork, 2029-02-15 at the latest', '2029-02-15'],
  ])('%s', (_what, row, day) => {
    expect(rowEnd(row, W)).toBe(day);
  });

  it.each([
    ['two days among words in the end cell', 'kes: ext-audit; kehtib: kinnitatud 09.01.2029, pikendatud 15.03.2029'],
    ['a day in a column that is no end', 'kes: ext-audit; kinnitas: Triin, 09.01.2029'],
    ['an end cell with no day', 'kes: ext-audit; kehtib: kuni välitöö lõpuni'],
  ])('not: %s', (_what, row) => {
    expect(rowEnd(row, W)).toBeUndefined();
  });
});

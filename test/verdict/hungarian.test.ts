// Hungarian is read as the other languages are: its words that plan or order a grant's or an object's
// end ("törölni kell", "vissza kell vonni", "meg kell vonni"; never one denied: "nem kell törölni"), its
// "until" as the suffix after a date ("2027-03-31-ig"), done and approved. Own phrasings here.
import { describe, expect, it } from 'vitest';
import { foreignDeadline, foreignFamily, foreignWord, languageOf } from '../../src/verdict/languages.js';

describe('Hungarian is a language read', () => {
  it.each(['A hozzáférést a projekt után vissza kell vonni.', 'Az ideiglenes jogot törölni kell, mert a munka kész.'])('%s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'hu', read: true });
  });
});

describe('a removal planned or ordered', () => {
  it.each([
    'A RoleBindingot a migráció után törölni kell.',
    'A külső csapat jogosultságát vissza kell vonni.',
    'A hozzáférést meg kell vonni a projekt végén.',
    'Az ideiglenes CronJobot el kell távolítani.',
    'Töröljük a bindingot pénteken.',
    'A szerepkört visszavonjuk, amint kész a mentés.',
  ])('%s', (text) => {
    expect(foreignFamily(text, 'remove')?.language).toBe('hu');
  });

  it.each([
    'A RoleBindingot nem kell törölni, a csapat tovább dolgozik.',
    'Ne töröljétek a bindingot!',
    'A hozzáférést soha ne vonjátok vissza kérés nélkül.',
    'A jogosultság marad, a szerződés meghosszabbítva.',
  ])('not: %s', (text) => {
    expect(foreignFamily(text, 'remove')).toBeUndefined();
  });
});

describe('"until" after the date, done and approved', () => {
  it.each([
    ['Jóváhagyva 2027-03-31-ig.', '2027-03-31'],
    ['Az edit jog 2027-04-15-ig érvényes.', '2027-04-15'],
  ])('%s', (text, date) => {
    expect(foreignDeadline(text, '2027-03-01T10:00:00Z')).toBe(date);
  });

  it('no until without the suffix', () => {
    expect(foreignDeadline('Létrehozva 2027-03-31 10:12, a csapat kérésére.', '2027-03-01T10:00:00Z')).toBeUndefined();
  });

  it.each([
    ['A migráció lezárva, minden rendben.', 'done'],
    ['A kérést a biztonsági vezető jóváhagyta.', 'approved'],
  ] as const)('%s', (text, kind) => {
    expect(foreignWord(text, kind)?.language).toBe('hu');
  });

  it('a done word denied is none', () => {
    expect(foreignWord('A migráció még nem kész.', 'done')).toBeUndefined();
  });
});

// Greek is read as the other languages are: its words that plan or order a grant's or an object's end
// (an action item "διαγραφή του …", "να αφαιρεθεί", "ανακαλέστε"; never one denied: "δεν χρειάζεται
// διαγραφή", "μην διαγράψετε"), temporary, its "until" before a date, done and approved. Own phrasings,
// with and without accents; never the past ("διαγράφηκε" reports it done).
import { describe, expect, it } from 'vitest';
import { foreignDeadline, foreignFamily, foreignWord, languageOf, readForeign } from '../../src/verdict/languages.js';
import { mentions } from '../../src/verdict/envnames.js';

describe('Greek is a language read', () => {
  it.each(['Η πρόσβαση αφαιρείται μετά το έργο.', 'προσωρινά μόνο για το staging'])('%s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'el', read: true });
  });
});

describe('a removal planned or ordered', () => {
  it.each([
    '- [ ] διαγραφή του job nightly-export από το cluster (Νίκος)',
    'Το RoleBinding πρέπει να αφαιρεθεί μετά τη μετάπτωση.',
    'Ανακαλέστε την πρόσβαση του vendor-team στο τέλος του έργου.',
    'Θα διαγραφεί το CronJob όταν τελειώσει η καμπάνια.',
    'Ανάκληση δικαιωμάτων ops-debugger την Παρασκευή.',
    'διαγραφη του cache-warmer μετα την εκστρατεια',
  ])('%s', (text) => {
    expect(foreignFamily(text, 'remove')?.language).toBe('el');
  });

  it.each([
    'Δεν χρειάζεται διαγραφή, το CronJob μένει.',
    'Μην διαγράψετε το RoleBinding!',
    'Το CronJob διαγράφηκε χθες.',
    'Το job τρέχει κάθε βράδυ για την αναφορά.',
  ])('not: %s', (text) => {
    expect(foreignFamily(text, 'remove')).toBeUndefined();
  });
});

describe('temporary, until, done and approved', () => {
  it.each(['Προσωρινό CronJob για την καμπάνια.', 'Η ρύθμιση ισχύει προσωρινά.'])('temporary: %s', (text) => {
    expect(readForeign(text, 'production', mentions, '2027-11-01T10:00:00Z').temporary).toBeDefined();
  });

  it.each(['Ισχύει έως 02.12.2027.', 'Η πρόσβαση μένει μέχρι τις 2 Δεκεμβρίου.', 'εγκεκριμένο εως 2/12'])('until before a date: %s', (text) => {
    expect(foreignDeadline(text, '2027-11-01T10:00:00Z')).toBe('2027-12-02');
  });

  it.each([
    ['Η μετάπτωση ολοκληρώθηκε χωρίς προβλήματα.', 'done'],
    ['Το αίτημα εγκρίθηκε από την ασφάλεια.', 'approved'],
  ] as const)('%s', (text, kind) => {
    expect(foreignWord(text, kind)?.language).toBe('el');
  });

  it('a done word denied is none', () => {
    expect(foreignWord('Η μετάπτωση δεν ολοκληρώθηκε ακόμα.', 'done')).toBeUndefined();
  });
});

// Session 39 (holdout-36/28): going back on a day, in the languages read ("επαναφορά 1/8", "ripristinare
// 1/9", "palautetaan 1/9"), is when a temporary value ends, as "back to block in W45" is in English
// (languages.ts `foreignEnd`): once the day has passed the environment goes back. Phrasings of their own;
// with the negatives: the day still to come, and a dotted number after a going-back word, which is a value
// ("zurück auf 1.5"), never a day.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const KEY = 'promo.discountPct';
const steps = (subject: string, to = '30'): Step[] => [
  { subject: 'promo config', date: '2026-11-02T09:00:00Z', set: { staging: ['', '10'], production: ['', '10'] } },
  { subject, date: '2027-06-01T09:00:00Z', set: { production: ['10', to] } },
];

describe('going back on a day is the end of a temporary value', () => {
  it.each([
    'Promo estiva MKT-9: sconto 30 in produzione, ripristinare 1/9',
    'Προσφορά MKT-9: έκπτωση 30 στην παραγωγή — επιστρέφουμε 1/9',
    'Kesäkampanja MKT-9: alennus 30 tuotannossa, palautetaan 1/9',
  ])('"%s": past the day, production goes back', (subject) => {
    const v = judge(KEY, steps(subject), '2027-09-10');
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: '10' });
    expect(v.reasons.join('\n')).toMatch(/2027-09-01/);
  });

  it.each(['Promo estiva MKT-9: sconto 30 in produzione, ripristinare 1/9', 'Προσφορά MKT-9: έκπτωση 30 στην παραγωγή — επιστρέφουμε 1/9'])(
    '"%s": before the day, nothing goes back yet',
    (subject) => {
      const v = judge(KEY, steps(subject), '2027-08-20');
      expect(v, why(v)).not.toMatchObject({ suggested: 'revert' });
    },
  );

  it('a dotted number after a going-back word is a value, not a day', () => {
    const v = judge(KEY, steps('Sommeraktion MKT-9: Rabatt 30 in Prod, danach zurück auf 1.5'), '2027-09-10');
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/2027-05-01|2027-01-05|deadline/);
  });
});

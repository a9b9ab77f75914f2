// A decision handed back to a person is no undo (handed-back.ts): the words that put a value back
// ("goes back to", "går tillbaka", "vuelve a", "terug naar") also send a question back to whoever has to
// answer it. Where the decision is the verb's subject, the value stays until that person decides; where
// the decision is to go back ("Decision: go back to 40", "the decision to go back to 40"), it is an undo.
// Phrasings and languages of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { handsDecisionBack } from '../../src/verdict/handed-back.js';
import { judge } from './memory-story.js';

describe('handsDecisionBack', () => {
  it.each([
    ['The load test settles nothing; the decision goes back to the product owner.', 'goes back to'],
    ['No clear winner, so the call now goes back to Dana.', 'goes back to'],
    ['Resultatet är oklart och beslutet går tillbaka till Karin.', 'går tillbaka'],
    ['Sin diferencia clara: la decisión vuelve a la dueña del producto.', 'vuelve a'],
    ['Geen verschil gemeten; het besluit gaat terug naar Femke.', 'terug naar'],
    ['Nessuna differenza: la decisione torna a Giulia.', 'torna a'],
  ])('%s', (text, phrase) => {
    expect(handsDecisionBack(text, phrase)).toBe(true);
  });

  it.each([
    ['Decision: go back to 40 in production.', 'go back to'],
    ['We took the decision to go back to 40.', 'go back to'],
    ['Beslut: vi går tillbaka till 40 i prod.', 'går tillbaka'],
    ['Beslutet att gå tillbaka till 40 togs i går.', 'tillbaka till'],
    ['El valor vuelve a 40 el lunes.', 'vuelve a'],
    ['Pool size goes back to 40 after the sale.', 'goes back to'],
  ])('an undo, not a decision handed on: %s', (text, phrase) => {
    expect(handsDecisionBack(text, phrase)).toBe(false);
  });
});

describe('a result that hands the decision back leaves the change where it is', () => {
  const story = (text: string) =>
    judge(
      'thumbnails.jpegQuality',
      [
        { subject: 'initial values', date: '2026-03-01T10:00:00Z', set: { staging: ['', '85'], production: ['', '85'] } },
        { subject: 'production: jpegQuality 70 for page weight', date: '2026-10-01T10:00:00Z', set: { production: ['85', '70'] } },
        { subject: 'experiment result', date: '2026-11-02T10:00:00Z' },
      ],
      '2026-12-03',
      {},
      { documents: [{ path: 'docs/experiments/jpeg-quality.md', text, step: 2 }] },
    );

  it.each([
    ['# jpegQuality 70 vs 85\n\nNo significant difference in conversion (p = 0.4). The test settles nothing; the decision goes back to Dana (product).'],
    ['# jpegQuality 70 mot 85\n\nIngen signifikant skillnad i konvertering. Testet avgör inte frågan; beslutet går tillbaka till Karin (produktägare).'],
  ])('%s', (text) => {
    const v = story(text);
    expect(v.suggested).not.toBe('revert');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('a result that decides to go back is an undo', () => {
    const v = story('# jpegQuality 70 vs 85\n\n70 loses conversion (p = 0.01). Decision: production goes back to 85.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'production', '85']);
  });
});

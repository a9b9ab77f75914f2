// The one negation reader (conditions.ts' negatedBefore) that a go, a backport, an undo and a document's
// put-back ask before they count: in the span each asks of it (the words right before the word, or its
// clause), in the languages it reads. Phrasings of our own, not from a verdict story.
import { describe, expect, it } from 'vitest';
import { negatedBefore } from '../../src/verdict/conditions.js';

/** Whether `word` in `text` is negated, in `span`. */
const negated = (text: string, word: string, span: 'words' | 'clause') => negatedBefore(text, text.indexOf(word), span);

describe('a negation right before a word', () => {
  it.each([
    ['this is not OK for prod', 'OK'],
    ['we should never restore the limit to 5', 'restore'],
    ["don't revert the override to 3", 'revert'],
    ['das ist nicht freigegeben für Prod', 'freigegeben'],
    ['keine Freigabe für Prod', 'Freigabe'],
    ['on ne doit pas remettre la limite à 5', 'remettre'],
    ['ne jamais rétablir la limite à 5', 'rétablir'],
    ['no restablecer el límite a 5', 'restablecer'],
    ['nunca restaurar o limite para 5', 'restaurar'],
    ['não repor o valor em 5', 'repor'],
    ['non ripristinare il pool a 20', 'ripristinare'],
    ['dit is niet goedgekeurd voor prod', 'goedgekeurd'],
    ['nooit terugzetten naar 20', 'terugzetten'],
    ['nie wolno przywracać na prod', 'przywracać'],
    ['это не одобрено для prod', 'одобрено'],
  ])('"%s": negated', (text, word) => {
    expect(negated(text, word, 'words')).toBe(true);
  });

  it.each([
    ['OK for prod', 'OK'],
    ['restore the limit to 5 now', 'restore'],
    ['the note was not short, but restore the limit to 5', 'restore'],
    // A word that only begins or ends like a negation is none.
    ['cannot wait: restore it', 'restore'],
    ['the nota says restore it', 'restore'],
    ['notably restore the limit', 'restore'],
    ['freigegeben für Prod', 'freigegeben'],
    ['remettre la limite à 5', 'remettre'],
  ])('"%s": said', (text, word) => {
    expect(negated(text, word, 'words')).toBe(false);
  });
});

describe('a negation in the clause before a word', () => {
  it.each([
    ["don't set WORKER_PREFETCH back to 20", 'back to'],
    ['WORKER_PREFETCH bitte nicht wieder auf 20', 'wieder auf'],
    ['on ne remet pas la limite de nouveau à 20', 'de nouveau'],
    ['no poner el límite de nuevo a 20', 'de nuevo'],
    ['não colocar o limite de novo para 20', 'de novo'],
    ['zet de limiet nooit terug naar 20', 'terug naar'],
    ['ustawić limit nie z powrotem na 20', 'z powrotem'],
  ])('"%s": negated', (text, word) => {
    expect(negated(text, word, 'clause')).toBe(true);
  });

  it.each([
    // The negation belongs to a clause that has ended.
    ['the peak did not last. Set WORKER_PREFETCH back to 20', 'back to'],
    ['nicht jetzt; dann WORKER_PREFETCH wieder auf 20', 'wieder auf'],
    // Further back than a clause reaches.
    ['not this sprint and not by the team on call who handles the pager, set X back to 20', 'back to'],
    ['set WORKER_PREFETCH back to 20', 'back to'],
    ['zet de limiet terug naar 20', 'terug naar'],
  ])('"%s": said', (text, word) => {
    expect(negated(text, word, 'clause')).toBe(false);
  });
});

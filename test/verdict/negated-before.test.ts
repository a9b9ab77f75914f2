// The one negation reader (conditions.ts' negatedBefore) that a go, a backport, an undo and a document's
// put-back ask before they count: in the span each asks of it (the words right before the word, or its
// clause), in the languages it reads. Phrasings of our own, not from a verdict story.
import { describe, expect, it } from 'vitest';
import { negatedBefore } from '../../src/verdict/conditions.js';

describe('a negation before a word, in the span asked: the words right before it, or its clause', () => {
  it.each([
    ['this is not OK for prod', 'OK', 'words', true],
    ['we should never restore the limit to 5', 'restore', 'words', true],
    ["don't revert the override to 3", 'revert', 'words', true],
    ['das ist nicht freigegeben für Prod', 'freigegeben', 'words', true],
    ['keine Freigabe für Prod', 'Freigabe', 'words', true],
    ['on ne doit pas remettre la limite à 5', 'remettre', 'words', true],
    ['ne jamais rétablir la limite à 5', 'rétablir', 'words', true],
    ['no restablecer el límite a 5', 'restablecer', 'words', true],
    ['nunca restaurar o limite para 5', 'restaurar', 'words', true],
    ['não repor o valor em 5', 'repor', 'words', true],
    ['non ripristinare il pool a 20', 'ripristinare', 'words', true],
    ['dit is niet goedgekeurd voor prod', 'goedgekeurd', 'words', true],
    ['nooit terugzetten naar 20', 'terugzetten', 'words', true],
    ['nie wolno przywracać na prod', 'przywracać', 'words', true],
    ['это не одобрено для prod', 'одобрено', 'words', true],
    ['OK for prod', 'OK', 'words', false],
    ['restore the limit to 5 now', 'restore', 'words', false],
    ['the note was not short, but restore the limit to 5', 'restore', 'words', false],
    // A word that only begins or ends like a negation is none.
    ['cannot wait: restore it', 'restore', 'words', false],
    ['the nota says restore it', 'restore', 'words', false],
    ['notably restore the limit', 'restore', 'words', false],
    ['freigegeben für Prod', 'freigegeben', 'words', false],
    ['remettre la limite à 5', 'remettre', 'words', false],
    ["don't set WORKER_PREFETCH back to 20", 'back to', 'clause', true],
    ['WORKER_PREFETCH bitte nicht wieder auf 20', 'wieder auf', 'clause', true],
    ['on ne remet pas la limite de nouveau à 20', 'de nouveau', 'clause', true],
    ['no poner el límite de nuevo a 20', 'de nuevo', 'clause', true],
    ['não colocar o limite de novo para 20', 'de novo', 'clause', true],
    ['zet de limiet nooit terug naar 20', 'terug naar', 'clause', true],
    ['ustawić limit nie z powrotem na 20', 'z powrotem', 'clause', true],
    // The negation belongs to a clause that has ended.
    ['the peak did not last. Set WORKER_PREFETCH back to 20', 'back to', 'clause', false],
    ['nicht jetzt; dann WORKER_PREFETCH wieder auf 20', 'wieder auf', 'clause', false],
    // Further back than a clause reaches.
    ['not this sprint and not by the team on call who handles the pager, set X back to 20', 'back to', 'clause', false],
    ['set WORKER_PREFETCH back to 20', 'back to', 'clause', false],
    ['zet de limiet terug naar 20', 'terug naar', 'clause', false],
  ] as const)('"%s" (%s, %s): negated %s', (text, word, span, negated) => {
    expect(negatedBefore(text, text.indexOf(word), span)).toBe(negated);
  });
});

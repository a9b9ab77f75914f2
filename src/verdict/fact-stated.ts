// An event a put-back waits for is often reported in its own words, with no word of having happened:
// a state said again as a fact ("set back to 10 once the queue is empty" … "queue empty since 06:00";
// "sobald die Warteschlange leer ist" … "Warteschlange seit 6 Uhr leer"; "dès que la file est vide" …
// "file vide depuis 6 h"), or a checklist item ticked off ("when finance signs off the close" … "- [x]
// 03.08 finance sign-off" under "# Close July"). A person reading the two texts sees the condition met;
// reportsDone does not, since neither text says "done". Read only where every word of the event is
// named — a ticked item's section heading counts, it says what the list is of — and the clause states
// it: not negated, asked, supposed ("if", "once", "sobald"), still to come ("will be", "expected"), or
// an item not yet ticked.
import { negatedBefore } from './conditions.js';
import { doubtIn } from './languages.js';
import { regex } from './pattern.js';
import { tenseOf } from './tense.js';

// Verbs that only join the event's subject to its state ("the queue is empty", "die Queue leer ist",
// "la cola esté vacía", "la coda sia vuota"): they are no word of the event's own.
const LINKS = new Set([
  'sind',
  'wird',
  'werden',
  'esté',
  'está',
  'estén',
  'están',
  'sean',
  'soit',
  'sont',
  'sera',
  'será',
  'sarà',
  'siano',
  'zijn',
  'wordt',
  'jest',
  'będzie',
  'blir',
  'bliver',
  'sudah',
  'telah',
  'akan',
  'gets',
  'become',
  'becomes',
]);

// A lead that supposes the event or waits for it, in the languages read: what follows is not a report.
const SUPPOSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|when|whenever|until|unless|before|as soon as|wait(?:ing)? for|wenn|falls|sobald|bis|bevor|quand|dès que|lorsque|`,
  String.raw`avant que|jusqu['’]à ce que|cuando|hasta que|en cuanto|antes de que|quando|appena|finché|zodra|wanneer|totdat|voordat|når|när|innan|`,
  String.raw`tills|kiedy|gdy|jeśli|jeżeli|zanim|jos|kunnes|jika|bila|kalau|apabila|setelah|sesudah|begitu|sampai|hingga|sebelum)(?![\p{L}])`,
);
// An estimate or a plan, not a report: "expected empty by noon", "should be empty", "voraussichtlich leer".
const AHEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:expected|expect|should be|ought to|hopefully|by tomorrow|voraussichtlich|erwartet|sollte|soll|prévu|devrait|`,
  String.raw`previsto|debería|dovrebbe|verwacht|zou|förväntas|forventet|powinn\p{L}*|diperkirakan|seharusnya|harusnya)(?![\p{L}])`,
);
const UNTICKED = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\[ \]/u;
const TICKED = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\[[xX✓✔]\]/u;
const CLAUSES = /\n+|(?<=[.!?;。])\s+/u;

/** The words of an event that name it, less the verbs joining subject and state. */
export const factWords = (words: readonly string[]): string[] => words.filter((w) => !LINKS.has(w.toLowerCase()));

// A word's stem, so an inflected or compounded form names it ("signs off" … "sign-off", "vacía" … "vacías").
const stemOf = (w: string) => w.toLowerCase().slice(0, Math.max(4, w.length - 2));

/** Where each stem starts a word of `lower`, or undefined if one is missing. */
function positions(lower: string, stems: readonly string[]): number[] | undefined {
  const at: number[] = [];
  for (const stem of stems) {
    let found = -1;
    for (let i = lower.indexOf(stem); i >= 0; i = lower.indexOf(stem, i + 1)) {
      if (i === 0 || !/[\p{L}\p{N}]/u.test(lower[i - 1]!)) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    at.push(found);
  }
  return at;
}

/** The clause of `text` that states the event named by `words` as a fact (a ticked item whose text and
 * `heading` name it, or, for an event of two words or more, a clause naming all of them), if one does. */
export function restatedFact(text: string, words: readonly string[], heading = ''): string | undefined {
  const own = factWords(words);
  if (own.length === 0) return undefined;
  const stems = own.map(stemOf);
  const said = (clause: string, at: readonly number[]) =>
    !/[?？]\s*$/u.test(clause) &&
    !SUPPOSED.test(clause) &&
    !AHEAD.test(clause) &&
    tenseOf(clause) !== 'future' &&
    at.every((i) => i < 0 || (!negatedBefore(clause, i, 'clause') && !doubtIn(clause, i, 1)));
  if (TICKED.test(text)) {
    const item = text.split('\n', 1)[0]!.replace(TICKED, '');
    const lower = item.toLowerCase();
    const inItem = stems.map((s) => positions(lower, [s])?.[0] ?? -1);
    const named = positions(`${lower}\n${heading.toLowerCase()}`, stems);
    return inItem.some((i) => i >= 0) && named && said(item, inItem) ? item.trim().slice(0, 160) : undefined;
  }
  if (own.length < 2 || UNTICKED.test(text)) return undefined;
  for (const clause of text.split(CLAUSES)) {
    const at = positions(clause.toLowerCase(), stems);
    if (at && said(clause, at)) return clause.trim().slice(0, 160);
  }
  return undefined;
}

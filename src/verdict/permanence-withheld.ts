// A permanence a refusal withholds is none. A change board or a review that answers an emergency or
// temporary change "not approved as a permanent change" ("NO se aprueba como cambio permanente",
// "nicht als permanent genehmigt", "refusé comme changement définitif", "als permanente wijziging
// afgewezen") names the permanence to deny it: the change stays what its own text said it was, a
// stop-gap to be undone. A reader that took the word "permanent" alone would turn that refusal into
// the board's keep of the very value it refused.
//
// Read where the permanence is what the change is approved, accepted or kept *as* (an "as" word
// right before it, at most two words between: "as a permanent change", "como cambio permanente"),
// and that "as" is governed by a negation or a refusal of the few words before it ("not approved
// as", "rejected as", "no se aprueba como", "pas validé comme"), or, where the verb stands last
// (German, Dutch), by a refusal right after the permanence ("als permanente Lösung abgelehnt"). A
// negation further away ("we did not wait and approved it as permanent") governs another verb.
import { languageOf } from './languages.js';
import { regex } from './pattern.js';

// "as" in the languages read: en, es/pt (como), fr (comme, en tant que), de/nl (als), it (come), sv/da/no (som), pl (jako).
const AS = new Set(['as', 'como', 'comme', 'als', 'come', 'som', 'jako', 'qua']);
// A negation particle (never a determiner: "no objections, approved as permanent" negates nothing).
const NEGATION = new Set([
  'not',
  'never',
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "won't",
  'no',
  'nunca',
  'jamás',
  'pas',
  'non',
  'jamais',
  'nicht',
  'nie',
  'niemals',
  'mai',
  'não',
  'niet',
  'nooit',
  'inte',
  'ej',
  'aldrig',
  'ikke',
  'aldri',
]);
// A refusal: rejected, refused, declined, denied, vetoed — in the languages read.
const REFUSAL = regex(
  'iu',
  String.raw`^(?:rejected|refused|declined|denied|vetoed|rechaz\p{L}*|deneg\p{L}*|refus\p{L}*|rejet\p{L}*|abgelehnt|verweigert|respint\p{L}*|`,
  String.raw`rifiutat\p{L}*|rejeitad\p{L}*|recusad\p{L}*|afgewezen|geweigerd|avslag\p{L}*|avslog\p{L}*|avvisad\p{L}*|afvist|avvist|avslått|odrzuc\p{L}*)$`,
);

const CLAUSE_END = /[,;:.!?\n(){}[\]]/u;
const WORD = /[\p{L}'’-]+/gu;

const wordsOf = (text: string): string[] => [...text.matchAll(WORD)].map((m) => m[0].toLowerCase().replace(/’/g, "'"));

function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 120), index);
  let start = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(before[i]!)) {
      start = i + 1;
      break;
    }
  }
  return before.slice(start);
}

function clauseAfter(text: string, index: number): string {
  const after = text.slice(index, index + 80);
  const end = CLAUSE_END.exec(after);
  return end ? after.slice(0, end.index) : after;
}

// A bare "no" is the verb's negation in Spanish and Portuguese ("no se aprueba como"), a determiner in
// English ("no objections"): it counts where the clause is not English.
const notEnglish = (clause: string): boolean => {
  const language = languageOf(clause)?.language;
  return language !== undefined && language !== 'en';
};
const negates = (word: string, clause: string): boolean => NEGATION.has(word) && (word !== 'no' || notEnglish(clause));

/** Is the permanence word at text[index, index + length) what a refusal withholds ("not approved as a
 * permanent change", "NO se aprueba como cambio permanente", "als permanente Lösung abgelehnt")? */
export function permanenceWithheld(text: string, index: number, length: number): boolean {
  const clause = clauseBefore(text, index);
  const before = wordsOf(clause);
  // The "as" at most two words before the permanence ("as a permanent", "como cambio permanente").
  let as = -1;
  for (let i = before.length - 1; i >= Math.max(0, before.length - 3); i--) {
    if (AS.has(before[i]!)) {
      as = i;
      break;
    }
  }
  if (as < 0) return false;
  const lead = before.slice(Math.max(0, as - 3), as);
  if (lead.some((w) => negates(w, clause) || REFUSAL.test(w))) return true;
  // Verb last: "als permanente Lösung abgelehnt", "als permanente wijziging afgewezen".
  return wordsOf(clauseAfter(text, index + length))
    .slice(0, 3)
    .some((w) => REFUSAL.test(w));
}

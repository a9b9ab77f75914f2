// A removal said without its object, in a passage about one object: people name the thing once
// ("CronJob `x` created by hand in prod, full refresh every night for a week.") and then give its end
// as a short sentence of its own, the object left out — a passive ("To be deleted on 20 October",
// "Wird am 20.10. gelöscht", "Slettes 20. oktober", "Wordt op 20 oktober verwijderd") or a bare order
// ("Delete on 20 Oct.", "À supprimer le 20 octobre"). What it removes is the passage's object. Only a
// short sentence that gives a day and names nothing of its own: a longer one has an object of its own
// ("delete the old export job and its bucket on 20 October" speaks of other things), and one without a
// day is a wish, not an end someone set.
import { dateIn } from './calendar.js';
import { foreignFamily } from './languages.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

// English, where the object is left out: a passive of the removal, or the order with a day right after it.
const PASSIVE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:to be|will be|is to be|are to be|must be|shall be|should be|gets?|can be)\s`,
  String.raw`(?:deleted|removed|torn down|cleaned up|dropped|revoked)(?![\p{L}])`,
);
const BARE_ORDER = /^[^\p{L}\d]*(?:delete|remove|drop|revoke|tear down|clean up)\s+(?:it\s+|this\s+)?(?:on|by|at|latest|\d)/iu;
const NOT_SAID = /(?<![\p{L}])(?:not|never|no longer|don't|do not|won't|unless|if|whether)(?![\p{L}])|[?？]\s*$/iu;
// Anything the sentence names of its own: a code span, a name with a hyphen, underscore or @.
const NAMED = /`[^`]+`|(?<![\p{L}\d_@.-])\p{L}[\p{L}\d]*[-_@][\p{L}\d]/u;
const MAX_WORDS = 6;
const SENTENCES = sentenceEnds(/(?<=[.!?])\s+/);

export interface BareRemoval {
  phrase: string;
  /** The day it gives. */
  until: string;
}

/** The removal `clause` says with its object left out and a day given (`written`: when it was written,
 * for a day without its year); `whole`: the text it is from, which tells its language. */
export function bareRemoval(clause: string, written: string, whole = clause): BareRemoval | undefined {
  // Emphasis hides a sentence's end from a split at ". " ("**Slettes 20. oktober.** Ikke i git"): split again without it.
  for (const sentence of clause.replace(/\*\*|__/g, '').split(SENTENCES)) {
    const found = bareSentence(sentence.trim(), written, whole);
    if (found) return found;
  }
  return undefined;
}

function bareSentence(plain: string, written: string, whole: string): BareRemoval | undefined {
  if ((plain.match(/\p{L}+/gu) ?? []).length > MAX_WORDS || NAMED.test(plain)) return undefined;
  const until = dateIn(plain, written);
  if (!until) return undefined;
  const english = PASSIVE.exec(plain) ?? BARE_ORDER.exec(plain);
  if (english) return NOT_SAID.test(plain) ? undefined : { phrase: english[0].trim(), until };
  // The other languages' removal words, said (languages.ts rejects a denied or asked one).
  const foreign = foreignFamily(plain, 'remove', whole);
  return foreign && !/[?？]\s*$/u.test(plain) ? { phrase: foreign.phrase, until } : undefined;
}

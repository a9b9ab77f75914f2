// A put-back forbidden before something still to come: "do not scale the storefront down before the
// capacity review on 8 December", "nicht vor dem Review am 8.12. herunterskalieren", "ne pas réduire avant la
// revue du 8 décembre", "no bajar las réplicas antes de la revisión". A person holds the hand edit until
// then; what happens after is not said (the review decides), so it is neither a put-back on that day nor a
// keep for good. Read in a sentence live-fate.ts has found to be about the change.
import { regex } from './pattern.js';
import { negatedAfter, negatedBefore } from './conditions.js';
import { dateIn } from './calendar.js';

// Taking a raise back down: scaling down, lowering, reducing, in the languages read. (Only of a value
// raised: "do not lower it" of a value cut by hand says something else.)
export const LOWER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:scal(?:e|es|ed|ing) (?:[\p{L}\d/-]+ )?down|downscal\p{L}*|lower(?:s|ing)?|reduc(?:e|es|ing)|decreas(?:e|es|ing)|`,
  String.raw`(?:herunter|runter)skalier\p{L}*|skalier\p{L}* (?:\p{L}+ )?(?:herunter|runter)|reduzier\p{L}*|verringer\p{L}*|`,
  String.raw`rédui\p{L}*|baisser|diminuer|redescendre|reducir|bajar|disminuir|ridurre|abbassare|diminuire|`,
  String.raw`afschalen|terugschalen|verlagen|verminderen|reduzir|baixar|diminuir|skal(?:a|ere|er) (?:\p{L}+ )?ne[dr]|nedskal\p{L}*|`,
  String.raw`minska|sänka|redusere|reducere|zmniejsz\p{L}*|obniż\p{L}*)(?![\p{L}])`,
);
// Putting it back, whichever way it moved.
const UNDO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:revert|roll (?:it |this )?back|put (?:it |this )?back|undo|zurücksetz\p{L}*|zurückdreh\p{L}*|rückgängig|`,
  String.raw`remettre|revenir|revertir|deshacer|ripristinare|annullare|terugzetten|terugdraaien|reverter|desfazer|återställa|tilbakestille|`,
  String.raw`cofn\p{L}*|przywróc\p{L}*)(?![\p{L}])`,
);
// Before (or until) what it waits for.
const BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:before|prior to|until|till|vor|bis|avant|jusqu['’]?(?:à|au)|antes d(?:e|el|a|o|as|os)|hasta|prima d\p{L}*|`,
  String.raw`vóór|voor|tot|até|före|innan|før|przed|ennen)(?![\p{L}])`,
);
// "… not before the review", the negation on the wait itself.
const NOT_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|nicht|pas|no|non|niet|não|inte|ikke|nie|ei)\s+(?:before|until|vor|avant|antes|prima|vóór|voor|før|före|innan|przed|ennen)(?![\p{L}])`,
);

// The negation inside a separable verb ("skala inte ner", "skalere ikke ned") and a subject that forbids it
// ("nobody lowers it", "niemand skaliert herunter", "personne ne réduit", "nadie baja").
const NEGATED_INSIDE = /(?<![\p{L}])(?:inte|ikke|ikkje|nicht|niet|not)(?![\p{L}])/iu;
const NOBODY = regex('iu', String.raw`(?<![\p{L}])(?:nobody|no one|no-one|niemand|personne|nadie|nessuno|ninguém|ingen|nikt)(?![\p{L}])`);

export interface NotBefore {
  /** The words that hold it. */
  phrase: string;
  /** The day it is held until, if the sentence gives one. */
  date?: string;
  /** What it waits for, where no day is given. */
  event?: string;
}

/** The hold a sentence puts on taking the change back before something still to come, if it does
 * (`raised`: the change raised the value, so lowering it is taking it back). */
export function notBefore(sentence: string, written: string, raised: boolean): NotBefore | undefined {
  const verb = (raised ? LOWER.exec(sentence) : null) ?? UNDO.exec(sentence);
  if (!verb) return undefined;
  const end = verb.index + verb[0].length;
  const negated =
    negatedBefore(sentence, verb.index, 'clause') ||
    negatedAfter(sentence, end) ||
    NEGATED_INSIDE.test(verb[0]) ||
    NOBODY.test(sentence.slice(Math.max(0, verb.index - 40), verb.index)) ||
    NOT_BEFORE.test(sentence);
  if (!negated) return undefined;
  const before = BEFORE.exec(sentence);
  if (!before) return undefined;
  // What it waits for: the words after "before", to the clause's end (a date's dots end nothing: "vor dem 8.12.").
  const rest = sentence
    .slice(before.index + before[0].length)
    .split(/[;:!?\n]|\.(?=\s+\p{Lu})/u)[0]!
    .trim();
  if (!rest) return undefined;
  const phrase = sentence.trim().slice(0, 120);
  const date = dateIn(rest, written, 'ahead');
  if (date) return { phrase, date };
  return { phrase, event: rest.slice(0, 80) };
}

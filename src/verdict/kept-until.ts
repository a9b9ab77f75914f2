// A later text that keeps a measure until a new day moves its end: "we keep the campaign scaling until
// 8 January", "bleibt bis zum 8.1.", "lo mantenemos hasta el 8 de enero", "on le garde jusqu'au 8 janvier",
// "teniamo lo scaling fino all'8 gennaio", "houden het tot 8 januari". The end its first text gave may
// have passed; the owner's later word is the latest, and the measure holds until the new day. A keep
// with no day, or a day not after the text was written (a report of when it ended), moves nothing.
import { dateNamed } from './deadline.js';
import { doubtIn } from './languages.js';
import { regex } from './pattern.js';

// A keep, as a decision, in the languages read. Not a state ("the pilot stays active until 28.02.",
// "bleibt bis"): that restates the end it has, and moves nothing.
const KEEP = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:keep(?:s|ing)?|behalten|mantenemos|mantener|garde(?:r|ons)?|teniamo|tenere|manteniamo|mantenere|mantemos|manter|`,
  String.raw`houden|behåller|behåll|beholder|zostawiamy|mantenim|pidetään|κρατάμε)(?![\p{L}])`,
);
// The until word after it, in its sentence.
const UNTIL = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|through|bis(?: zum| zur)?|hasta(?: el)?|jusqu['’](?:au|à)|fino (?:al(?:l['’])?|a)|até(?: ao| o| a)?|tot(?: en met)?|`,
  String.raw`t\.?o\.?m\.?|do|fins (?:al|a)|έως|μέχρι)(?:\s{1,3}|(?<=['’]))`,
);

// A negation right before the keep ("don't keep", "nicht behalten", "no mantenemos", "ne gardons pas").
const NEGATED = /(?:(?<![\p{L}])(?:not|never|no|nicht|kein\p{L}*|ne|non|niet|nie|δεν|ei)|n['’]t)\s{1,3}$/iu;
const SENTENCE_END = /[;!?\n]|\.\s+\p{Lu}/u;

/** The new end a sentence keeps the measure until, if it gives one after the day it was written. */
export function keptUntil(sentence: string, written: string): string | undefined {
  if (/[?？]\s*$/u.test(sentence)) return undefined;
  for (const keep of sentence.matchAll(KEEP)) {
    if (doubtIn(sentence, keep.index, keep[0].length) || NEGATED.test(sentence.slice(Math.max(0, keep.index - 16), keep.index))) continue;
    // The until word of the keep's own sentence, not of the next one.
    const after = sentence.slice(keep.index + keep[0].length, keep.index + keep[0].length + 120);
    const rest = after.slice(0, after.search(SENTENCE_END) >= 0 ? after.search(SENTENCE_END) : after.length);
    const until = UNTIL.exec(rest);
    if (!until) continue;
    const on = dateNamed(rest.slice(until.index + until[0].length), written);
    if (on && on > written.slice(0, 10)) return on;
  }
  return undefined;
}

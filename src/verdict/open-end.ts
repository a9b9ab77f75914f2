// "Until further notice" is an end nobody set: the value is kept, open-ended, until someone decides
// otherwise, not held for an event or a date that could pass. "bis auf Weiteres", "jusqu'à nouvel
// ordre", "hasta nuevo aviso", "fino a nuovo avviso", "tot nader order", "até segunda ordem", "tills
// vidare", "do odwołania", "toistaiseksi" say the same: a keep, with no end to wait for or outlive.
import { regex } from './pattern.js';

const OPEN_END = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:until further notice|till further notice|until (?:we|someone) say(?:s)? otherwise|bis auf weiteres|bis auf widerruf|`,
  String.raw`jusqu['’]à nouvel ordre|jusqu['’]à nouvel avis|hasta nuevo aviso|hasta nueva orden|hasta nuevo orden|fino a nuovo avviso|fino a nuovo ordine|`,
  String.raw`tot nader order|tot nader bericht|tot nader orde|até segunda ordem|até nova ordem|até novo aviso|tills vidare|tills annat meddelas|`,
  String.raw`indtil videre|inntil videre|do odwołania|do odwolania|toistaiseksi)(?![\p{L}])`,
);

/** The text with its open ends blanked out (same length, so positions still hold). */
export function withoutOpenEnds(text: string): string {
  return text.replace(OPEN_END, (m) => ' '.repeat(m.length));
}

/** Does `text` say its value is kept until further notice? */
export function saysOpenEnd(text: string): boolean {
  return openEndIn(text) !== undefined;
}

/** Is `phrase`, read in `text` as a time limit ("until", "bis", "tills"), only ever part of an open
 * end? Then the text sets no limit: it keeps the value with no end. */
export function onlyInOpenEnd(text: string, phrase: string): boolean {
  if (!saysOpenEnd(text)) return false;
  const p = phrase.trim().toLowerCase();
  if (p === '') return false;
  return !withoutOpenEnds(text).toLowerCase().includes(p);
}

/** The open end `text` says ("bis auf Weiteres"), if it says one. */
export function openEndIn(text: string): string | undefined {
  OPEN_END.lastIndex = 0;
  const m = OPEN_END.exec(text);
  OPEN_END.lastIndex = 0;
  return m?.[0];
}

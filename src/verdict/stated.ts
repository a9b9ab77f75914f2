// A question is not an answer: "Do we keep the binding? Keep it or remove it?", "¿La mantenemos o la
// quitamos?", "Behalten wir das?", "On la garde ?" ask for the decision a reader of decisions looks
// for. What a text STATES is what is left once its questions are set aside; an answer written after
// the question ("Do we keep it? Yes, keep it — agreed with security.") is a statement and stays.
import { sentenceEnds } from './sentence-end.js';

// The shared split (dates' and abbreviations' dots end nothing), at "?" too, and at line breaks.
const ENDS = sentenceEnds(/(?<=[.!?？;])\s+|\n+/);
// A sentence that asks: it ends in a question mark (French sets a space before it; a quote or a
// bracket may close it), or opens with Spanish's inverted one.
const ASKS = /[?？]["'”’»)\]*_]*\s*$|^[-*•>\s]*¿/u;

/** The text without the sentences that ask. */
export function statedOnly(text: string): string {
  if (!/[?？¿]/u.test(text)) return text;
  return text
    .split(ENDS)
    .filter((s) => !ASKS.test(s.trim()))
    .join(' ');
}

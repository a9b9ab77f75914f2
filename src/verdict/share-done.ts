// A share of the work below the whole is progress, not completion: "(about 40% done)", "70 % erledigt",
// "à moitié fait", "half done", "3/4 migrated", "completada al 60 %", "fast fertig". A put-back or a
// condition waiting for the work's end must not take a progress report for it; "100% done" is done.
import { regex } from './pattern.js';

// Words for a part, right before the done word (one word may stand between: "half of it done"):
// half, partly, mostly, almost — in the languages the readers read (German "fast", an English
// adjective too, only right before it: "fast fertig", not "fast rollback done").
const PART_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:fast|beinahe)\s*$|(?<![\p{L}])(?:half(?:way)?|partly|partially|mostly|largely|almost|nearly|not quite|halb|zur hälfte|teilweise|größtenteils|grösstenteils|` +
    String.raw`weitgehend|à moitié|a moitié|partiellement|en partie|presque|a medias|a la mitad|parcialmente|en parte|en su mayoría|casi|` +
    String.raw`a metà|parzialmente|in parte|quasi|voor de helft|gedeeltelijk|grotendeels|bijna|pela metade|em parte|quase|w połowie|częściowo|` +
    String.raw`prawie|puoliksi|osittain|melkein|lähes|halvvägs|delvis|nästan|halvveis|nesten|næsten|halvt)(?:\s+[\p{L}'’-]+)?\s*$`,
  'iu',
);
// A percentage or a fraction in the few words before it ("about 40% done", "zu 70 % abgeschlossen", "3/4 migrated").
const SHARE_BEFORE = regex(
  'iu',
  String.raw`(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,2})?)\s?(?:%|(?:per ?cent|prozent|pour ?cent|por ?ciento|procent)(?![\p{L}]))\)?(?:\s+[\p{L}'’-]+){0,3}\s*$|`,
  String.raw`(?<![\d/.])(\d)\s?\/\s?(\d)(?![\d/.])(?:\s+[\p{L}'’-]+){0,2}\s*$`,
);
// … or right after it ("done (40%)", "completada al 60 %", "erledigt: 70 %", "finished for 40% of the rows").
const SHARE_AFTER = /^ ?[(:–—-]? ?(?:(?:at|for|to|about|al|a|à|zu|für|voor|per|para|ca\.?|circa|etwa|environ) )?(?:~ ?)?(\d{1,3}(?:[.,]\d{1,2})?) ?%/iu;

const below = (n: string | undefined) => n !== undefined && Number(n.replace(',', '.')) < 100;

const LETTER = /\p{L}/u;
/** Where the last word of a match starts (scanned, not matched: a run of letters before an anchored end backtracks). */
function lastWordAt(match: string): number {
  let i = match.length;
  while (i > 0 && !LETTER.test(match[i - 1]!)) i--;
  const end = i;
  while (i > 0 && LETTER.test(match[i - 1]!)) i--;
  return i < end ? i : 0;
}

/** Is the done word at text[index, index + length) said of a part of the work only? */
export function partlyDone(text: string, index: number, length: number): boolean {
  // A reader's match may hold the work's name before its done word ("migration half done"): the share stands before that word.
  const word = index + lastWordAt(text.slice(index, index + length));
  const before = text.slice(Math.max(0, word - 60), word);
  // (Spaces as one: the patterns then read one space where people type any run.)
  const after = text.slice(index + length, index + length + 40).replace(/\s+/g, ' ');
  if (PART_BEFORE.test(before)) return true;
  const share = SHARE_BEFORE.exec(before);
  if (share && (share[1] !== undefined ? below(share[1]) : Number(share[2]) < Number(share[3]))) return true;
  return below(SHARE_AFTER.exec(after)?.[1]);
}

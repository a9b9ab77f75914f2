// Where a sentence ends: at ".", "!", "?" (and ";" where a reader says so), but not at the closing dot
// of a date written day.month. when the text goes on in lower case or with a number ("verschoben von
// 1.12. auf KW 2", "ab 3.12. in prod", "bis 15.12. und dann"): that dot is the date's, the sentence
// goes on. ("bis 1.12. Danach zurück": a capital after it still ends one; "2.14." is no day.month.)
const DATE_DOT_GOES_ON = String.raw`(?!(?<=(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.)\s+[\p{Ll}\d])`;
// … nor at the dot of a day written before its month's name, as German writes it ("am 1. Dezember",
// "bis zum 15. Jan. 2027", "ab 3. März"): the month is capitalised there, and the sentence goes on.
const DE_MONTHS = String.raw`Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez`;
const DAY_DOT_MONTH = String.raw`(?!(?<=(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.)\s+(?:${DE_MONTHS})(?![\p{L}]))`;
const MADE = new Map<string, RegExp>();

/** `re`, a split at sentence ends written `(?<=[…])\s+…`, that keeps a date's closing dot inside its sentence. */
export function sentenceEnds(re: RegExp): RegExp {
  const key = `${re.flags}/${re.source}`;
  let made = MADE.get(key);
  if (!made) {
    const source = re.source.replace(/^(\(\?<=\[[^\]]*\]\))/, `$1${DATE_DOT_GOES_ON}${DAY_DOT_MONTH}`);
    made = new RegExp(source, re.flags.includes('u') ? re.flags : `${re.flags}u`);
    MADE.set(key, made);
  }
  return made;
}

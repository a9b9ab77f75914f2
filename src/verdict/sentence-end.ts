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

// … nor at an abbreviation's dot: "e.g.", "z. B.", "approx.", "etc." before more of the sentence, "No. 5",
// "Jan. 2027", or a day's ordinal dot before a month Polish, Czech, Danish, Norwegian or Finnish writes in lower case ("1. grudnia",
// "1. prosince"). Read after the split, on the piece's last word and the next piece's first, and the
// two pieces joined again: a pattern for each inside the split would make it long (and slow to prove
// safe), while a word compared with a list costs nothing.
const NEVER_ENDS = new Set([
  'e.g.',
  'i.e.',
  'z.b.',
  'd.h.',
  'u.a.',
  'p.ex.',
  'bzw.',
  'ca.',
  'cca.',
  'approx.',
  'aprox.',
  'vs.',
  'cf.',
  'vgl.',
  'incl.',
  'inkl.',
  'ggf.',
  'evtl.',
  'np.',
  'tj.',
]);
/** Abbreviations that end no sentence when more of it follows in lower case or a number ("etc. and", "usw. bis", "lit. c"). */
const ENDS_UNLESS_LOWER = new Set(['etc.', 'usw.', 'resp.', 'itd.', 'atd.', 'lit.']);
/** Abbreviations that stand before a number ("No. 5", "Nr. 12", "Jan. 2027", "déc. 2026"), and the
 * parts of a legal or standard's citation ("art. 8.1", "Abs. 2", "al. 3", "§ 4 Ziff. 2", "ust. 1 pkt 3"):
 * a decision quoting the law it answers is one sentence, not a fragment left unread. */
const BEFORE_NUMBER = new Set(
  [
    'no nr núm num jan feb mar apr jun jul aug sep sept oct nov dec mär okt dez janv févr avr juil déc ene dic',
    'art arts abs al ch chap cap sec ziff ust pkt par',
  ]
    .join(' ')
    .split(' ')
    .map((w) => `${w}.`),
);
const LOWER_MONTHS = new Set(
  [
    'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
    'ledna února března dubna května června července srpna září října listopadu prosince',
    // Danish and Norwegian ("20. oktober"), Finnish ("20. lokakuuta").
    'januar februar marts mars april maj mai juni juli august september oktober november december desember',
    'tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta',
  ]
    .join(' ')
    .split(' '),
);
const DAY = /^(?:0?[1-9]|[12]\d|3[01])\.$/;

/** Whether a split between `piece` and `next` (with `gap`, white space without a line break, between
 * them) fell at an abbreviation's dot or a day's ordinal dot, so the two are one sentence. */
function joinsNext(piece: string, gap: string, next: string): boolean {
  if (gap.includes('\n') || !/^\s+$/.test(gap)) return false;
  // A list item's number alone ("1. Raise the pool"): the item is the sentence.
  if (/^\s*\d{1,3}\.$/.test(piece)) return true;
  const words = piece.slice(-24).split(/\s+/);
  const last = words
    .at(-1)!
    .toLowerCase()
    .replace(/^[("'„“«]+/u, '');
  const prev = (words.at(-2) ?? '').toLowerCase();
  // "z. B.", "e. g.": two one-letter abbreviations written apart.
  const pair = /^\p{L}\.$/u.test(last) && /^\p{L}\.$/u.test(prev) ? `${prev}${last}` : '';
  const first = next.slice(0, 24).split(/\s+/)[0] ?? '';
  // … whose first half ends this piece and second half is the next piece's first word.
  const ahead = /^\p{L}\.$/u.test(last) && /^\p{L}\.$/u.test(first) ? `${last}${first.toLowerCase()}` : '';
  if (NEVER_ENDS.has(last) || NEVER_ENDS.has(pair) || NEVER_ENDS.has(ahead)) return true;
  if (ENDS_UNLESS_LOWER.has(last)) return /^[\p{Ll}\d]/u.test(first);
  // French and Italian elide the article onto the abbreviation ("l'art. 4", "dell'art. 5").
  if (BEFORE_NUMBER.has(last) || BEFORE_NUMBER.has(last.replace(/^\p{L}{1,4}['’]/u, ''))) return /^\d/.test(first);
  let month = first;
  while (/[,.;:*_]/.test(month.at(-1) ?? '')) month = month.slice(0, -1);
  if (DAY.test(last) && LOWER_MONTHS.has(month)) return true;
  // A week's number before more of the sentence in lower case ("bis KW 50. in prod", "do tygodnia 50. na
  // prodzie"); any other number's dot ends one ("Staging gets 31. prod stays.").
  return /^\d{1,2}\.$/.test(last) && WEEK_WORDS.has(prev.replace(/\.$/, '')) && /^[\p{Ll}\d]/u.test(first);
}
const WEEK_WORDS = new Set(['kw', 'cw', 'wk', 'week', 'woche', 'semaine', 'semana', 'settimana', 'tydzień', 'tygodnia', 'tydzien', 'týden']);

/** A split at sentence ends that joins again the pieces an abbreviation's dot cut apart (`joinsNext`). */
class SentenceSplit extends RegExp {
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  /** The same split without the joining, which `String.prototype.split` runs as it always did. */
  private plain?: RegExp;

  override [Symbol.split](text: string, limit?: number): string[] {
    this.plain ??= new RegExp(this.source, this.flags);
    const out: string[] = [];
    let open: { text: string; end: number } | undefined;
    let at = 0;
    for (const piece of text.split(this.plain)) {
      const start = text.indexOf(piece, at);
      const end = start < 0 ? at : start + piece.length;
      if (open && start >= 0 && joinsNext(open.text, text.slice(open.end, start), piece)) {
        open.text += text.slice(open.end, start) + piece;
        open.end = end;
      } else {
        if (open) out.push(open.text);
        open = { text: piece, end };
      }
      at = end;
    }
    if (open) out.push(open.text);
    return limit === undefined ? out : out.slice(0, limit);
  }
}

/** `re`, a split at sentence ends written `(?<=[…])\s+…`, that keeps a date's closing dot inside its
 * sentence, and (used with `split`) an abbreviation's dot. */
export function sentenceEnds(re: RegExp): RegExp {
  const key = `${re.flags}/${re.source}`;
  let made = MADE.get(key);
  if (!made) {
    const source = re.source.replace(/^(\(\?<=\[[^\]]*\]\))/, `$1${DATE_DOT_GOES_ON}${DAY_DOT_MONTH}`);
    const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
    // A pattern with groups puts what they took among the pieces: those are split as before.
    made = new RegExp(`${source}|`, flags).exec('')!.length > 1 ? new RegExp(source, flags) : new SentenceSplit(source, flags);
    MADE.set(key, made);
  }
  return made;
}

// The one split into sentences for a reader that has no marks of its own to add: at ".", "!", "?" before
// white space and at a line — but not at a date's, an abbreviation's, a list item's or a week's dot
// (sentenceEnds). (held.ts' split: one pattern, proved safe once.)
const SENTENCES = sentenceEnds(/(?<=[.!?])\s+|\n+/);

/** The sentences of `text`, trimmed, without empty ones. */
export function sentencesIn(text: string): string[] {
  return text
    .split(SENTENCES)
    .map((s) => s.trim())
    .filter(Boolean);
}

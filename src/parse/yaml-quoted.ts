// A double-quoted YAML scalar read in one linear pass. The `yaml` library builds such a value one
// character at a time (`res += ch`), which V8 keeps as a rope of one node per character: 50 MB of
// quoted values held 1.6 GB. Here runs of ordinary characters are cut out whole and joined once,
// with the same escapes, folding and trimming as the library (test/parse/yaml-quoted.test.ts
// compares the two).

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Where the next character that is not copied as it stands may be (escape, line break, blank). */
const SPECIAL = /[\\\n\r \t]/g;

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** Text built from many pieces, joined a bounded number at a time: an array of millions of short
 * pieces costs more than the text they make. */
class Pieces {
  private pieces: string[] = [];
  private joined: string[] = [];
  push(piece: string): void {
    if (piece === '') return;
    this.pieces.push(piece);
    if (this.pieces.length >= 4096) {
      this.joined.push(this.pieces.join(''));
      this.pieces = [];
    }
  }
  text(): string {
    return this.joined.join('') + this.pieces.join('');
  }
}

/**
 * The value of a double-quoted scalar's source (quotes included), or undefined when the source is
 * not well formed (an unknown escape, a bad character code, no closing quote): the library reads
 * those, to report the error as it words it.
 */
export function doubleQuotedValue(source: string): string | undefined {
  if (source.length < 2 || source[0] !== '"' || source[source.length - 1] !== '"') return undefined;
  const end = source.length - 1;
  const out = new Pieces();
  // Characters from `copied` up to the one looked at are the value as they stand.
  let copied = 1;
  let i = 1;
  const replace = (upTo: number, by: string, resume: number) => {
    out.push(source.slice(copied, upTo));
    out.push(by);
    copied = resume;
    i = resume;
  };
  while (i < end) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(source);
    if (found === null || found.index >= end) break;
    i = found.index;
    const ch = source[i];
    if (ch === '\r') {
      // CR before LF belongs to the line break (dropped); a lone CR is text.
      if (source[i + 1] === '\n') replace(i, '', i + 1);
      else i += 1;
    } else if (ch === '\n') {
      // A line break folds to a space; each further (empty) line is one line feed. The blanks
      // that open the next line are dropped.
      let feeds = 0;
      let j = i + 1;
      for (;;) {
        const c = source[j];
        if (c === '\n') feeds += 1;
        else if (c === '\r') {
          if (source[j + 1] !== '\n') break;
        } else if (!isBlank(c)) break;
        j += 1;
      }
      replace(i, feeds > 0 ? '\n'.repeat(feeds) : ' ', j);
    } else if (ch === ' ' || ch === '\t') {
      // Blanks before a line break are dropped; elsewhere they are text.
      let j = i + 1;
      while (isBlank(source[j])) j += 1;
      if (source[j] === '\n' || (source[j] === '\r' && source[j + 1] === '\n')) replace(i, '', j);
      else i = j;
    } else {
      // A backslash: an escape.
      const code = source[i + 1];
      if (code === undefined || i + 1 >= end) return undefined;
      const plain = ESCAPES[code];
      if (plain !== undefined) {
        replace(i, plain, i + 2);
      } else if (code === '\n' || (code === '\r' && source[i + 2] === '\n')) {
        // An escaped line break joins the lines; the next line's blanks are dropped.
        let j = i + (code === '\n' ? 2 : 3);
        while (isBlank(source[j])) j += 1;
        replace(i, '', j);
      } else if (HEX_LENGTH[code] !== undefined) {
        const length = HEX_LENGTH[code];
        const digits = source.slice(i + 2, i + 2 + length);
        if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
        const point = parseInt(digits, 16);
        if (point > 0x10ffff) return undefined;
        replace(i, String.fromCodePoint(point), i + 2 + length);
      } else {
        return undefined;
      }
    }
  }
  out.push(source.slice(copied, end));
  return out.text();
}

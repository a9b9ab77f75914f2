/** Text as the terminal shows it: how many columns it takes, safe to print, wrapped to a width. */

// Hangul Jamo, CJK (radicals to ideographs, Yi, Hangul syllables, compatibility forms, full-width
// forms), emoji and the supplementary ideographic planes: the ranges terminals draw two columns wide.
const WIDE_RANGES = [
  String.raw`\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3`,
  String.raw`\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6`,
  String.raw`\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}`,
];
const WIDE = new RegExp(`[${WIDE_RANGES.join('')}]`, 'u');
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f]/u;

/** Columns the text takes on a terminal (wide CJK and emoji count two, combining marks none). */
export function widthOf(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Below U+0300 (where combining marks begin) every character takes one column: most of what
    // the view measures (keys, values, a frame's lines) costs a comparison per character.
    if (unit < 0x300) {
      width++;
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++;
    width += columnsOf(point);
  }
  return width;
}

/** Each character past U+0300 is measured once (the frame's glyphs, a value's letters): a lookup,
 * not two tests of a regular expression per character and frame. */
const measured = new Map<number, number>();
function columnsOf(point: number): number {
  let width = measured.get(point);
  if (width === undefined) {
    const ch = String.fromCodePoint(point);
    width = ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
    if (measured.size < 10_000) measured.set(point, width);
  }
  return width;
}

/** Text from a repository, a cluster or a commit, made safe to print with the project's one
 * sanitiser: an escape sequence in a value cannot move the cursor, recolour the screen or set the
 * clipboard; it shows as `\e`. */
export { terminalSafe as safeText } from '../wording/terminal-text.js';

/** Word-wraps text to a width, so that every line the screen shows is exactly one row. The
 * text's own indentation is kept; continuation lines are indented by `indent` more. */
export function wrapLines(text: string, width: number, indent = '  '): string[] {
  if (text.trim() === '') return [''];
  const lead = /^\s*/.exec(text)![0];
  if (width <= widthOf(lead) + widthOf(indent) + 4) return chop(text.trim(), Math.max(1, width));
  const out: string[] = [];
  let line = lead;
  // Words with the spaces before them, so that runs of spaces inside a line (columns) survive.
  const tokens = [...text.trim().matchAll(/(\s*)(\S+)/g)].map((m) => ({ space: m[1]!.replace(/\s/g, ' '), word: m[2]! }));
  for (const { space, word } of tokens) {
    const candidate = line.trim() ? `${line}${space || ' '}${word}` : `${line}${word}`;
    if (widthOf(candidate) <= width) {
      line = candidate;
      continue;
    }
    // A word longer than a whole line (an image reference, a digest) starts where it is.
    if (widthOf(word) > width - widthOf(lead + indent) && width - widthOf(line) > 8) {
      const before = `${line}${line.trim() ? space || ' ' : ''}`;
      const [head, tail] = cutWord(`${before}${word}`, width, [...before].length);
      out.push(head);
      line = `${lead}${indent}${tail}`;
      while (widthOf(line) > width) {
        const [h, t] = cutWord(line, width, [...(lead + indent)].length);
        out.push(h);
        line = `${lead}${indent}${t}`;
      }
      continue;
    }
    if (line.trim()) out.push(line);
    let rest = line.trim() ? `${lead}${indent}${word}` : `${lead}${word}`;
    while (widthOf(rest) > width) {
      const [head, tail] = cutWord(rest, width, [...(line.trim() ? lead + indent : lead)].length);
      out.push(head);
      rest = `${lead}${indent}${tail}`;
    }
    line = rest;
  }
  if (line.trim()) out.push(line);
  return out;
}

/** A line ending in a word too long for it, cut to the width: after the word's last `.`, `/`, `-`,
 * `=` or `:` that fits rather than inside a name (`.data.` then `PAYMENT_GATEWAY_TIMEOUT_MS);`,
 * not `.data.PAYMENT_GATEWAY_TIMEOUT_M` then `S);`, in the detail pane at 80 columns). `from` is
 * where the word starts (in characters); a word with no such mark is cut where the line is full. */
function cutWord(text: string, width: number, from: number): [string, string] {
  const [head, tail] = splitAt(text, width);
  const chars = [...head];
  const word = /[\p{L}\p{N}_]/u;
  if (!tail || !word.test(chars.at(-1)!) || !word.test([...tail][0]!)) return [head, tail];
  for (let at = chars.length - 1; at > from + 1; at--) {
    if (/[./=:-]/.test(chars[at - 1]!) && word.test(chars[at]!)) return [chars.slice(0, at).join(''), chars.slice(at).join('') + tail];
  }
  return [head, tail];
}

/** The text cut into pieces of at most `width` columns. */
function chop(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    const [head, tail] = splitAt(rest, width);
    out.push(head);
    rest = tail;
  }
  return out;
}

// Punctuation that closes what comes before it: a line that starts with it reads as a stray
// mark (`; delete on secrets`, `", production`), so a hard cut falls before the character it
// follows. A quote closes when punctuation, a space or the end follows it.
const CLOSING = /^[;,.:!?)\]}]/;
const closes = (chars: string[], at: number) =>
  CLOSING.test(chars[at]!) || (/^["'`]$/.test(chars[at]!) && (at + 1 >= chars.length || /^[\s;,.:!?)\]}]$/.test(chars[at + 1]!)));

export function splitAt(text: string, width: number): [string, string] {
  let used = 0;
  let i = 0;
  const chars = [...text];
  while (i < chars.length && used + widthOf(chars[i]!) <= width) used += widthOf(chars[i++]!);
  if (i === 0) i = 1;
  let cut = i;
  while (cut > 1 && cut < chars.length && closes(chars, cut) && chars[cut - 1]!.trim() !== '') cut--;
  // A run of closing marks as long as the line is cut where it fills it.
  if (cut <= 1 && i > 1) cut = i;
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}

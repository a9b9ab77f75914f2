// Terminal-safe text: the one place that decides how text from outside undrift (values, keys,
// file names, commit messages, server replies) is shown to a person. A value such as
// "\e]0;PWNED\a" must not retitle the terminal, "\r" must not overwrite a line, a right-to-left
// override must not reorder what is read, and a zero-width space must not make two keys look the
// same. Every such character is rendered visibly instead. JSON output stays exact: there the same
// characters are written as JSON escapes, which parse back to the same string.

/** Control (Cc: C0, DEL, C1) and format (Cf: bidi overrides and isolates, zero-width characters,
 * soft hyphen, BOM, tag characters) characters, line and paragraph separators, and the invisible
 * Hangul fillers that pass for letters. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu;
const UNSAFE_BUT_LINES = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;

const NAMED: Record<string, string> = { '\u001b': '\\e', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

/** How one unsafe character is shown: `\e`, `\n`, `\x07`, `\u202e`, `\u{e0041}`. */
export function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  if (code < 0x20) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code > 0xffff) return `\\u{${code.toString(16)}}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of outside text as a terminal may show it: every control or format character,
 * newlines included, rendered visibly. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** True when `terminalSafe` would change the text. */
export const needsEscaping = (text: string): boolean => UNSAFE_BUT_LINES.test(text);

/** Any character but tab, newline and printable ASCII: where `holdsUnsafe` looks closer. */
const NOT_PLAIN = /[^\t\n\x20-\x7e]/g;

/** Whether the text holds a character `safeOutput` shows visibly (with `controls`: a control
 * character but newline and tab; without: a non-ASCII one, as `jsonSafe` escapes). A Helm scan's
 * JSON is 44 MB, nearly all of it ASCII: a Unicode-property regex over all of it took ~1 s, an
 * ASCII class skips to the few other characters in a few ms. */
function holdsUnsafe(text: string, controls: boolean): boolean {
  NOT_PLAIN.lastIndex = 0;
  for (let match = NOT_PLAIN.exec(text); match; match = NOT_PLAIN.exec(text)) {
    const at = match.index;
    if (text.charCodeAt(at) < 0x20) {
      if (controls) return true;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at)!);
    if (UNSAFE_BUT_LINES.test(char)) return true;
    NOT_PLAIN.lastIndex = at + char.length;
  }
  return false;
}

/**
 * The last guard on everything undrift prints for a person (after each renderer has made its own
 * pieces safe): newlines and tabs are kept, the colour codes undrift itself writes (`ESC [ n m`
 * with n in `colourCodes`) are kept, and every other control or format character is shown
 * visibly, so that nothing a renderer missed can reach the terminal raw.
 */
export function safeOutput(text: string, colourCodes: ReadonlySet<number> = new Set()): string {
  // Most output (all JSON) has nothing to change but many newlines, each of which would call the
  // replacer: one test first (a 44 MB scan spent 2.5 s in the replace).
  if (!holdsUnsafe(text, true)) return text;
  return text.replace(/\u001b\[(\d{1,3})m|[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu, (match, code: string | undefined) => {
    if (code !== undefined) return colourCodes.has(Number(code)) ? match : `\\e[${code}m`;
    return match === '\n' || match === '\t' ? match : visible(match);
  });
}

/** JSON text (as JSON.stringify writes it) with every character `terminalSafe` would show
 * visibly written as a JSON escape instead: the document parses to exactly the same values, and
 * printing it to a terminal does nothing but print it. Outside strings JSON text is plain ASCII. */
export function jsonSafe(json: string): string {
  if (!holdsUnsafe(json, false)) return json;
  return json.replace(/[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu, (char) => {
    let out = '';
    for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/** Outside text inside Markdown prose or a table cell: terminal-safe, and with every character
 * Markdown or GitHub's HTML would act on escaped (links, images, emphasis, HTML tags, mentions,
 * table pipes), so a commit message cannot add a link, an image or a heading to the report.
 * `<` and `>` take a backslash, as the rest: an escaped `<` opens no tag in CommonMark, and the
 * text reads as itself both rendered and as plain text (`&lt;env&gt;` was shown literally where
 * the report is read unrendered, and by viewers that keep entities). */
export function markdownSafe(text: string): string {
  return terminalSafe(text)
    .replace(/[\\`*_[\]<>!|~@&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))
    .replace(/:\/\//g, '\\://'); // no autolink
}

/** Our own sentence that marks names as code with backticks (`map:`, `undrift init`), holding
 * outside text: each backticked span a code span, the rest `markdownSafe`, so the marks render as
 * code rather than as literal backticks, and nothing outside can break out of either. */
export function markdownProse(text: string): string {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, i) => (i % 2 === 1 ? markdownCode(part) : markdownSafe(part)))
    .join('');
}

/** Outside text as a Markdown code span: terminal-safe, no backtick can close the span, and a
 * pipe cannot end a table cell. */
export function markdownCode(text: string): string {
  const body = terminalSafe(text).replace(/`/g, 'ˋ').replace(/\|/g, '\\|');
  return `\`${body}\``;
}

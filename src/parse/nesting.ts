// A document too deep to read is refused by its real depth (value-shape.ts, or a parser's stack
// running out); the error then names the line where it gets too deep, found here from the text
// alone: brackets outside quoted strings and comments, plus the indentation of block mappings and
// the `- ` of block lists. It is an estimate (a line's own key and its value count as one level), so
// it is only ever asked where the text already failed.

const SPACE = 32;
const NEWLINE = 10;

/** Whether a quote at `at` opens a quoted string: in JSON, HCL and YAML flow text quotes open
 * tokens; a `'` inside a plain YAML word (`don't`) does not. */
function opensQuote(text: string, at: number): boolean {
  if (text.charCodeAt(at) === 34) return true;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') continue;
    return c === '\n' || ':[{,-'.includes(c);
  }
  return true;
}

/** Where a quoted string that opens at `at` ends (after its closing quote, or at the line's end
 * for a `'` the text never closes). */
function afterQuoted(text: string, at: number): number {
  const quote = text[at]!;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** The 1-based line where `text` first nests deeper than `limit` levels of maps and lists (or,
 * when the estimate never passes it, where it nests deepest). */
export function lineTooDeep(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let deepest = { depth: -1, line: 1 };
  let lineStart = true;
  for (let i = 0; i < text.length;) {
    if (lineStart && flow > 0) lineStart = false;
    if (lineStart) {
      lineStart = false;
      let at = i;
      while (text.charCodeAt(at) === SPACE) at++;
      const c = text.charCodeAt(at);
      if (at >= text.length || c === NEWLINE || c === 13 || c === 35) {
        i = at;
        continue;
      }
      while (indents.length > 0 && indents[indents.length - 1]! >= at - i) indents.pop();
      // Each `- ` opens a list item one level in; what follows it, another.
      let column = at - i;
      while (text[at] === '-' && (text[at + 1] === ' ' || text[at + 1] === '\n')) {
        indents.push(column);
        at++;
        while (text.charCodeAt(at) === SPACE) at++;
        column = at - i;
      }
      indents.push(column);
      i = at;
      if (indents.length > deepest.depth) deepest = { depth: indents.length, line };
      if (indents.length > limit) return line;
    }
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = true;
      i++;
      continue;
    }
    if ((c === '"' || c === "'") && opensQuote(text, i)) {
      const end = afterQuoted(text, i);
      for (let j = text.indexOf('\n', i); j >= 0 && j < end; j = text.indexOf('\n', j + 1)) line++;
      i = end;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
      continue;
    }
    if (c === '[' || c === '{' || c === '(') {
      flow++;
      const depth = indents.length + flow;
      if (depth > deepest.depth) deepest = { depth, line };
      if (depth > limit) return line;
    } else if ((c === ']' || c === '}' || c === ')') && flow > 0) flow--;
    i++;
  }
  return deepest.line;
}

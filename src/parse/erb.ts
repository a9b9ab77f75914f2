// Rails reads its YAML settings through ERB first. undrift never runs Ruby: an output tag
// (`<%= ENV["REDIS_URL"] %>`) stays in the value as written, an unresolved expression, and a
// line that is only a control or comment tag (`<% if … %>`, `<% end %>`, `<%# … %>`) is read as
// an empty line (so line numbers hold, and every branch is read: the later wins).

export interface ErbRead {
  text: string;
  /** Output tags, as written, with their line. */
  expressions: Array<{ line: number; code: string }>;
  /** Lines that were only control or comment tags. */
  controlLines: number;
}

const CONTROL_LINE = /^\s*<%(?!=)[\s\S]*?%>\s*$/;
const OUTPUT = /<%=[\s\S]*?%>/g;

export const hasErb = (text: string): boolean => text.includes('<%');

export function readErb(text: string): ErbRead {
  const expressions: ErbRead['expressions'] = [];
  let controlLines = 0;
  const lines = text.split('\n').map((line, i) => {
    if (CONTROL_LINE.test(line)) {
      controlLines++;
      return '';
    }
    for (const m of line.matchAll(OUTPUT)) expressions.push({ line: i + 1, code: m[0] });
    return line;
  });
  return { text: lines.join('\n'), expressions, controlLines };
}

/** One line saying what was not evaluated. */
export function erbNote(file: string, read: ErbRead): string | undefined {
  if (read.expressions.length === 0 && read.controlLines === 0) return undefined;
  const parts: string[] = [];
  if (read.expressions.length > 0) {
    const first = read.expressions[0]!;
    parts.push(
      `${read.expressions.length} ERB expression(s) not evaluated (first ${file}:${first.line}: ${first.code}); their values are shown as written, unresolved`,
    );
  }
  if (read.controlLines > 0) parts.push(`${read.controlLines} ERB control line(s) ignored, so every branch is read (the later wins)`);
  return `${file}: ${parts.join('; ')}`;
}

/** Word-wraps text to a width, so that every line the screen shows is exactly one row. The
 * text's own indentation is kept; continuation lines are indented by `indent` more. */
export function wrapLines(text: string, width: number, indent = '  '): string[] {
  if (text.trim() === '') return [''];
  const lead = /^\s*/.exec(text)![0];
  if (width <= lead.length + 4) return [[...text].slice(0, Math.max(1, width)).join('')];
  const out: string[] = [];
  let line = lead;
  for (const word of text.trim().split(/\s+/)) {
    const candidate = line.trim() ? `${line} ${word}` : `${line}${word}`;
    if ([...candidate].length <= width) {
      line = candidate;
      continue;
    }
    if (line.trim()) out.push(line);
    let rest = `${lead}${indent}${word}`;
    if (!line.trim()) rest = `${lead}${word}`;
    while ([...rest].length > width) {
      out.push([...rest].slice(0, width).join(''));
      rest = `${lead}${indent}${[...rest].slice(width).join('')}`;
    }
    line = rest;
  }
  if (line.trim()) out.push(line);
  return out;
}

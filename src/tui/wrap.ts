/** Word-wraps text to a width, so that every line the screen shows is exactly one row. */
export function wrapLines(text: string, width: number, indent = '  '): string[] {
  if (width <= 4) return [text.slice(0, Math.max(1, width))];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if ([...candidate].length <= width) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    let rest = out.length > 0 || line ? `${indent}${word}` : word;
    while ([...rest].length > width) {
      out.push([...rest].slice(0, width).join(''));
      rest = `${indent}${[...rest].slice(width).join('')}`;
    }
    line = rest;
  }
  if (line) out.push(line);
  return out;
}

/** Where a text holds an unresolved merge conflict: the 1-based line of a `<<<<<<< ` marker that a
 * `=======` and a `>>>>>>> ` line follow, or undefined. Asked only once a file failed to parse: a
 * block scalar may hold such lines as text. */
export function conflictMarkerLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('<<<<<<< ') || l === '<<<<<<<');
  if (start < 0) return undefined;
  const middle = lines.findIndex((l, i) => i > start && /^=======\s*$/.test(l));
  if (middle < 0 || !lines.some((l, i) => i > middle && (l.startsWith('>>>>>>> ') || l === '>>>>>>>'))) return undefined;
  return start + 1;
}

/** What a file left mid-merge is told, after `file:line: `. */
export const CONFLICT_PROBLEM = 'an unresolved merge conflict (<<<<<<< ... >>>>>>>): resolve it, then run undrift again';

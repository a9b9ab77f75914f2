// The comment a person wrote beside a setting ("# keepalive: 60s required by the load balancer",
// "DEBUG=true  # TEMP until the 1st"): the comment lines right above its line, and a comment after
// the value on the same line. Line-based, for the formats whose comments start with `#` (YAML,
// dotenv, properties, Terraform variables; `//` too in the last); JSON has none.
import type { KeyPath, Value } from '../model/types.js';
import type { Format } from './format.js';

/** A note longer than this is cut: the first lines say why. */
const NOTE_LIMIT = 300;

function commentOf(line: string, slashes: boolean): string | undefined {
  const t = line.trim();
  if (t.startsWith('#') || t.startsWith('!')) return t.replace(/^[#!]+\s*/, '');
  if (slashes && t.startsWith('//')) return t.replace(/^\/\/+\s*/, '');
  return undefined;
}

/** A comment after a value (` # …`, or ` // …` where `slashes`), where the text before it has no
 * open quote. */
function trailing(line: string, slashes: boolean): string | undefined {
  for (const marker of slashes ? [' #', ' //'] : [' #']) {
    for (let i = line.indexOf(marker); i !== -1; i = line.indexOf(marker, i + 1)) {
      const before = line.slice(0, i);
      if ((before.split('"').length - 1) % 2 === 0 && (before.split("'").length - 1) % 2 === 0) return line.slice(i + marker.length).trim();
    }
  }
  return undefined;
}

/** Each line's note (1-based), for the lines that have one. */
export function notesByLine(text: string, format: Format): Map<number, string> {
  const notes = new Map<number, string>();
  if (format === 'json') return notes;
  const slashes = format === 'tfvars';
  const lines = text.split('\n');
  let above: string[] = [];
  lines.forEach((line, i) => {
    const comment = commentOf(line, slashes);
    if (comment !== undefined) {
      if (comment) above.push(comment);
      return;
    }
    if (line.trim() === '' || line.trim() === '---') {
      above = [];
      return;
    }
    const parts = [...above];
    const after = trailing(line, slashes);
    if (after) parts.push(after);
    above = [];
    if (parts.length > 0) notes.set(i + 1, parts.join(' ').slice(0, NOTE_LIMIT));
  });
  return notes;
}

/** The values of `file` with the notes written beside them; a secret's note is never kept (it may
 * hold the value). The values not in `file`, or without a note, are the same objects. */
export function withNotes(values: Map<KeyPath, Value>, file: string, text: string, format: Format): Map<KeyPath, Value> {
  if (!text.includes('#') && !(format === 'tfvars' && text.includes('//'))) return values;
  const notes = notesByLine(text, format);
  if (notes.size === 0) return values;
  let lines: string[] | undefined;
  const out = new Map<KeyPath, Value>();
  for (const [key, value] of values) {
    let note: string | undefined;
    if (value.location.file === file && value.type !== 'secret') {
      const line = value.location.line;
      note = notes.get(line);
      // A block list or map is located at its first item; the comment above it sits over its key's own line.
      if (!note && (value.text?.startsWith('[') || value.text?.startsWith('{'))) {
        lines ??= text.split('\n');
        if (opensBlock(lines[line - 2], key)) note = notes.get(line - 1);
      }
    }
    out.set(key, note ? { ...value, note } : value);
  }
  return out;
}

/** `allowedOrigins:` (a trailing comment allowed): the line that names `key`'s last segment and
 * opens its block below. */
function opensBlock(line: string | undefined, key: KeyPath): boolean {
  if (line === undefined) return false;
  let t = line.trim();
  if (t.startsWith('- ')) t = t.slice(2).trim();
  const comment = t.indexOf(' #');
  if (comment !== -1) t = t.slice(0, comment).trim();
  if (!t.endsWith(':')) return false;
  const name = unquote(t.slice(0, -1).trim());
  const last = key.slice(key.lastIndexOf('.') + 1);
  // `a["b.c"]`: the segment is in brackets.
  const bracket = key.endsWith('"]') ? key.slice(key.lastIndexOf('["') + 2, -2) : undefined;
  return name === (bracket ?? last);
}

const unquote = (s: string) => (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.at(-1) === s[0] ? s.slice(1, -1) : s);

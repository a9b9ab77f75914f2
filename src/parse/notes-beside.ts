// The comment a person wrote beside a setting ("# keepalive: 60s required by the load balancer",
// "DEBUG=true  # TEMP until the 1st"): the comment lines right above its line, and a comment after
// the value on the same line. Line-based, for the formats whose comments start with `#` (YAML,
// dotenv, properties, Terraform variables; `//` and `/* … */` too in the last). JSON has no
// comments, so teams write them as a sibling key (`"_comment": "…"`, `"//": "…"`, `"__comment"`,
// `"$comment"`, `"description"`, `"note"`): such a member on its own line is the comment above the
// value after it, as a `#` line is in YAML.
import type { KeyPath, Value } from '../model/types.js';
import type { Format } from './format.js';

/** A note longer than this is cut: the first lines say why. */
const NOTE_LIMIT = 300;

/** The names of JSON members that are comments by convention: never configuration (the scan does
 * not compare them), and read as the comment above the value after them. */
export const COMMENT_KEY = /^(?:_+comments?|\/\/+|_+notes?|\$comment|#)$/i;
/** … and members that may be configuration an application reads (a flag's "description"), whose
 * text is read as that comment too, while the scan still compares them. */
const DESCRIBING_KEY = /^(?:comments?|notes?|description|desc|_?description|remarks?)$/i;
// A member on its own line: `"_comment": "frozen rates for the rounding test suite",`.
const JSON_MEMBER = /^\s*"((?:[^"\\]|\\.){1,40})"\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$/;

/** A JSON line that is a comment member, as its text. */
function jsonComment(line: string): string | undefined {
  const m = JSON_MEMBER.exec(line);
  if (!m || !(COMMENT_KEY.test(m[1]!) || DESCRIBING_KEY.test(m[1]!))) return undefined;
  try {
    const text = JSON.parse(m[2]!) as unknown;
    return typeof text === 'string' ? text.trim() : undefined;
  } catch {
    return undefined;
  }
}

function commentOf(line: string, slashes: boolean): string | undefined {
  const t = line.trim();
  if (t.startsWith('#') || t.startsWith('!')) return t.replace(/^[#!]+\s*/, '');
  if (slashes && t.startsWith('//')) return t.replace(/^\/\/+\s*/, '');
  // A one-line block comment in HCL: `/* DR region: prod only */`.
  if (slashes && t.startsWith('/*') && t.endsWith('*/')) return t.slice(2, -2).trim();
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
  const json = format === 'json';
  const slashes = format === 'tfvars';
  const lines = text.split('\n');
  let above: string[] = [];
  lines.forEach((line, i) => {
    const comment = json ? jsonComment(line) : commentOf(line, slashes);
    if (comment !== undefined) {
      if (comment) above.push(comment);
      return;
    }
    if (line.trim() === '' || line.trim() === '---') {
      above = [];
      return;
    }
    const parts = [...above];
    const after = json ? undefined : trailing(line, slashes);
    if (after) parts.push(after);
    above = [];
    if (parts.length > 0) notes.set(i + 1, parts.join(' ').slice(0, NOTE_LIMIT));
  });
  return notes;
}

// A text without any of these has no comment member: its notes are not looked for.
const JSON_COMMENT_WORD = /comment|"\/\/|note|desc|remark|"#"/i;

/** The values of `file` with the notes written beside them; a secret's note is never kept (it may
 * hold the value). The values not in `file`, or without a note, are the same objects. */
export function withNotes(values: Map<KeyPath, Value>, file: string, text: string, format: Format): Map<KeyPath, Value> {
  if (format === 'json' ? !JSON_COMMENT_WORD.test(text) : !text.includes('#') && !(format === 'tfvars' && text.includes('//'))) return values;
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

/** The comment block a YAML file opens with (before its first line of content): in a Kustomize
 * patch or an overlay's own manifest ("# PERF-88 load test 10.-14.11. remove after!"), the author's
 * word on everything the file sets, since the file exists only to set those values. */
export function headerNote(text: string): string | undefined {
  const parts: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    const t = line.trim();
    if (t === '' || t === '---') {
      if (parts.length > 0) break;
      continue;
    }
    if (!t.startsWith('#')) break;
    const comment = t.replace(/^#+\s*/, '');
    if (comment) parts.push(comment);
  }
  return parts.length > 0 ? parts.join(' ').slice(0, NOTE_LIMIT) : undefined;
}

/** The values located in `file` with its header comment (see `headerNote`) as their note, after any
 * comment beside the value itself. Never a secret's (the note may hold the value). */
export function withHeaderNote(values: Map<KeyPath, Value>, file: string, text: string): Map<KeyPath, Value> {
  const header = headerNote(text);
  if (!header) return values;
  const out = new Map<KeyPath, Value>();
  for (const [key, value] of values) {
    const mine = value.location.file === file && value.type !== 'secret';
    const note = mine ? (value.note && !value.note.includes(header) ? `${value.note} ${header}` : header).slice(0, NOTE_LIMIT) : undefined;
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

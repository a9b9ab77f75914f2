import { UserError } from '../errors.js';
import type { KeyPath } from '../model/types.js';
import { continues, parseProperties, propertyKeyPath, WHITE } from '../parse/properties.js';

// Java `.properties` edited by its own rules (java.util.Properties#load, as parse/properties.ts
// reads it): the key and separator keep their spelling, the value is escaped as Properties#store
// escapes it (a backslash, the control characters, a leading blank), a value continued over several
// lines becomes one line, and a key set twice is edited where the later, winning, line is. Every
// other line stays as it was.

const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

function escapeValue(value: string): string {
  const escaped = value.replace(/[\\\t\n\r\f]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' })[c]!);
  // Leading blanks would be read as part of the separator.
  return escaped.replace(/^[ ]/, '\\ ');
}

function escapeKey(key: string): string {
  return key.replace(/[\\ \t\f=:]/g, (c) => ({ '\t': '\\t', '\f': '\\f' })[c] ?? `\\${c}`).replace(/^[#!]/, '\\$&');
}

/** Where a logical line's value starts on its first physical line, or undefined when the key
 * itself runs over the line's end (written that way only by hand: left to a person). */
function valueStart(line: string): number | undefined {
  let at = 0;
  while (at < line.length && WHITE.has(line[at]!)) at++;
  while (at < line.length) {
    const c = line[at]!;
    if (c === '\\') {
      if (at === line.length - 1) return undefined;
      at += 2;
      continue;
    }
    if (c === '=' || c === ':' || WHITE.has(c)) break;
    at++;
  }
  while (at < line.length && WHITE.has(line[at]!)) at++;
  if (line[at] === '=' || line[at] === ':') at++;
  while (at < line.length && WHITE.has(line[at]!)) at++;
  return at;
}

/** The physical lines (0-based, inclusive) of the logical line that starts at `line` (1-based). */
function span(lines: string[], line: number): [number, number] {
  let end = line - 1;
  while (continues(lines[end]!.replace(/\r$/, '')) && end + 1 < lines.length) end++;
  return [line - 1, end];
}

/** Sets (`value` a string) or removes (null) one key of a `.properties` text. `spring`: the file
 * is read as Spring reads it, where a `#---` line splits it into documents that may each belong to
 * other profiles: such a file is left to a person. */
export function editProperties(text: string, file: string, key: KeyPath, value: string | null, spring: boolean): string {
  const lines = text.split('\n');
  const find = (current: string) => {
    const parsed = parseProperties(current, file, spring);
    if (parsed.documents.length > 1)
      throw new UserError(`${file}: its #--- lines split it into Spring documents for different profiles; change ${key} by hand`);
    return [...parsed.entries.values()].find((e) => propertyKeyPath(e.key) === key);
  };
  if (/\r(?!\n)/.test(text)) throw new UserError(`${file}: its lines end in a bare carriage return; change ${key} by hand`);
  const entry = find(text);
  if (value === null) {
    if (!entry) return text;
    const [first, last] = span(lines, entry.line);
    lines.splice(first, last - first + 1);
    // An earlier line of the same key would win once the later is gone.
    const earlier = find(lines.join('\n'));
    if (earlier) throw new UserError(`${file}: ${key} is set on lines ${earlier.line} and ${entry.line}; remove it by hand`);
    return lines.join('\n');
  }
  if (!entry) {
    if (propertyKeyPath(key) !== key) throw new UserError(`${file}: "${key}" is not a key a .properties file can name; add it by hand`);
    const line = `${escapeKey(key)}=${escapeValue(value)}`;
    const eol = eolOf(text);
    return text === '' || text.endsWith('\n') ? `${text}${line}${eol}` : `${text}${eol}${line}${eol}`;
  }
  const [first, last] = span(lines, entry.line);
  const cr = lines[last]!.endsWith('\r') ? '\r' : '';
  const head = lines[first]!.replace(/\r$/, '');
  const at = valueStart(head);
  if (at === undefined) throw new UserError(`${file}:${entry.line}: the key ${key} runs over several lines; change it by hand`);
  lines.splice(first, last - first + 1, `${head.slice(0, at)}${escapeValue(value)}${cr}`);
  return lines.join('\n');
}

// Java `.properties` as java.util.Properties#load reads it (and so Spring Boot's
// application[-<profile>].properties): `#`/`!` comment lines, a key ended by the first unescaped
// `=`, `:` or white space, a line ending in an odd number of backslashes continued on the next
// (whose leading white space is dropped), escapes `\t \n \r \f \uXXXX` and `\x` for any other x;
// a key set twice keeps the later value. Spring Boot (2.4+) also splits one file into documents
// at a `#---` or `!---` line (OriginTrackedPropertiesLoader): only where a logical line starts, with
// no leading blanks and nothing but blanks after, and not right after a comment line of the same
// prefix (`# note` then `#---` is two comments); java.util.Properties reads that line as a comment.

import { LimitError } from '../errors.js';
import { DEFAULT_READ_LIMITS, tooManyKeys, type ReadLimits } from '../model/limits.js';
import type { KeyPath } from '../model/types.js';
import { joinKey } from './keypath.js';

export interface PropertyEntry {
  key: string;
  value: string;
  line: number;
  column: number;
}

export interface ParsedProperties {
  /** Every document's entries, later ones over earlier ones. */
  entries: Map<string, PropertyEntry>;
  /** Spring's documents in order (one when not split, or not read as Spring). */
  documents: Array<Map<string, PropertyEntry>>;
  warnings: string[];
}

const SEPARATOR = /^([#!])---[ \t\f]*$/;

export const WHITE = new Set([' ', '\t', '\f']);

/** The backslashes `piece` ends in; `before` the run the text before it ended in, counted on
 * when `piece` is all backslashes. */
function trailingBackslashes(piece: string, before: number): number {
  let n = 0;
  for (let i = piece.length - 1; i >= 0 && piece[i] === '\\'; i--) n++;
  return n === piece.length ? before + n : n;
}

/** Is the line's end escaped (an odd run of backslashes)? */
export function continues(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

export function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const next = text[++i]!;
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[next] ?? next;
  }
  return out;
}

/** Past `limits.keys` keys the file is refused at the line that passes it. */
export function parseProperties(
  text: string,
  file: string,
  springDocuments = false,
  limits: Pick<ReadLimits, 'keys' | 'from'> = DEFAULT_READ_LIMITS,
): ParsedProperties {
  let keys = 0;
  const lines = text.split(/\r\n|\r|\n/);
  const all = new Map<string, PropertyEntry>();
  let entries = new Map<string, PropertyEntry>();
  const documents = [entries];
  const warnings: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    const separator = springDocuments ? SEPARATOR.exec(lines[i]!) : null;
    if (separator && !(i > 0 && lines[i - 1]!.replace(/^[ \t\f]+/, '').startsWith(separator[1]!))) {
      documents.push((entries = new Map<string, PropertyEntry>()));
      continue;
    }
    const start = lines[i]!.replace(/^[ \t\f]+/, '');
    if (start === '' || start.startsWith('#') || start.startsWith('!')) continue;
    const column = lines[i]!.length - start.length + 1;
    // The logical line's pieces, each without its escaping backslash, joined once: the line so
    // far copied per continued line cost the square of the lines of a long continuation.
    const pieces = [start];
    let trailing = trailingBackslashes(start, 0);
    while (trailing % 2 === 1 && i + 1 < lines.length) {
      pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
      const next = lines[++i]!.replace(/^[ \t\f]+/, '');
      pieces.push(next);
      // The run of backslashes at the end of the joined text: into the piece before only when
      // this one is all backslashes.
      trailing = trailingBackslashes(next, trailing - 1);
    }
    // A continuation at the end of the file.
    if (trailing % 2 === 1) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
    const logical = pieces.join('');
    // The key ends at the first unescaped separator.
    let end = 0;
    while (end < logical.length) {
      const c = logical[end]!;
      if (c === '\\') {
        end += 2;
        continue;
      }
      if (c === '=' || c === ':' || WHITE.has(c)) break;
      end++;
    }
    const key = unescape(logical.slice(0, end));
    let at = end;
    while (at < logical.length && WHITE.has(logical[at]!)) at++;
    if (logical[at] === '=' || logical[at] === ':') at++;
    while (at < logical.length && WHITE.has(logical[at]!)) at++;
    const value = unescape(logical.slice(at));
    const earlier = entries.get(key);
    if (!earlier && ++keys > limits.keys) throw new LimitError(file, first, tooManyKeys(limits));
    if (earlier) warnings.push(`${file}:${first}: "${key}" is set twice (lines ${earlier.line} and ${first}); the later wins, as Java and Spring read it`);
    entries.set(key, { key, value, line: first, column });
    all.set(key, entries.get(key)!);
  }
  return { entries: all, documents: documents.filter((d, i) => i === 0 || d.size > 0), warnings };
}

/** `spring.datasource.url` names what a YAML file nests as `spring: {datasource: {url}}`, and
 * `servers[0]` an item by its place: the same key path, so .properties and .yml files layer. */
export function propertyKeyPath(key: string, prefix = ''): KeyPath {
  let path = prefix;
  for (const segment of key.split('.')) {
    const indexed = /^(.+?)((?:\[\d+\])+)$/.exec(segment);
    path = indexed ? joinKey(path, indexed[1]!) + indexed[2] : joinKey(path, segment);
  }
  return path;
}

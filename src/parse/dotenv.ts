import { LimitError, UserError, located } from '../errors.js';
import { DEFAULT_READ_LIMITS, tooManyKeys, type ReadLimits } from '../model/limits.js';
import { CONFLICT_PROBLEM, conflictMarkerLine } from './conflict.js';

export interface DotenvEntry {
  key: string;
  value: string;
  line: number;
  column: number;
}

export interface ParsedDotenv {
  entries: Map<string, DotenvEntry>;
  warnings: string[];
}

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;
const YAML_PAIR = /^\s*[A-Za-z_][A-Za-z0-9_.-]*:(\s|$)/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

/** True when a file named like dotenv is really written as YAML (`KEY: "value"`), as some repos do. */
export function looksLikeYaml(text: string): boolean {
  let yamlLines = 0;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') continue;
    if (ASSIGNMENT.test(line)) return false;
    if (YAML_PAIR.test(line)) yamlLines++;
  }
  return yamlLines > 0;
}

/** Parses dotenv as docker compose and the dotenv libraries read it: `export`, single quotes
 * (literal), double quotes (escapes, may span lines), inline ` #` comments, empty values.
 * A key written twice keeps its last value, with a warning. In one pass: each line is looked at
 * once, and past `limits.keys` keys the file is refused at the line that passes it. */
export function parseDotenv(text: string, file: string, limits: Pick<ReadLimits, 'keys' | 'from'> = DEFAULT_READ_LIMITS): ParsedDotenv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries = new Map<string, DotenvEntry>();
  const warnings: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      const conflict = conflictMarkerLine(text);
      if (conflict) throw new UserError(located(file, conflict, 1, CONFLICT_PROBLEM));
      throw new UserError(located(file, i + 1, 1, `invalid dotenv line (expected KEY=value): ${trimmed.slice(0, 60)}`));
    }
    const [, lead, key, eq, rest] = m as unknown as [string, string, string, string, string];
    const lineNo = i + 1;
    const column = lead.length + key.length + eq.length + 1;
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // The value's lines, each scanned once for the closing quote: joining them and scanning
      // the whole value again per line cost the square of the lines of an unclosed quote.
      const pieces = [rest.slice(1)];
      let close = closingQuote(pieces[0]!, quote);
      while (close < 0 && i + 1 < lines.length) {
        pieces.push(lines[++i]!);
        close = closingQuote(pieces[pieces.length - 1]!, quote);
      }
      if (close < 0) throw new UserError(located(file, lineNo, column, `unterminated ${quote === '"' ? 'double' : 'single'} quote in ${key}`));
      const last = pieces[pieces.length - 1]!;
      const after = last.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        throw new UserError(located(file, i + 1, 1, `unexpected text after the closing quote of ${key}: ${after.slice(0, 40)}`));
      }
      pieces[pieces.length - 1] = last.slice(0, close);
      const inner = pieces.join('\n');
      value = quote === '"' ? inner.replace(/\\(.)/g, (all, c: string) => ESCAPES[c] ?? all) : inner;
    } else {
      value = withoutComment(rest).trim();
    }
    const previous = entries.get(key);
    if (previous) warnings.push(located(file, lineNo, undefined, `${key} is set twice (lines ${previous.line} and ${lineNo}); the last one wins`));
    else if (entries.size >= limits.keys) throw new LimitError(file, lineNo, tooManyKeys(limits));
    entries.delete(key); // keep file order of the winning line
    entries.set(key, { key, value, line: lineNo, column });
  }
  return { entries, warnings };
}

/** Where one line of a quoted value closes its quote, -1 where it does not. Inside double quotes
 * a backslash escapes the next character: one that ends the line escapes its line break, so the
 * next line is read from its start as this one is. */
function closingQuote(piece: string, quote: string): number {
  for (let j = 0; j < piece.length; j++) {
    if (quote === '"' && piece[j] === '\\') {
      j++;
      continue;
    }
    if (piece[j] === quote) return j;
  }
  return -1;
}

/** An unquoted value without its inline comment: from the first `#` that starts it or follows a
 * blank (what `(^|\s+)#.*$` removed, without trying every run of blanks from every blank). */
function withoutComment(rest: string): string {
  for (let at = rest.indexOf('#'); at >= 0; at = rest.indexOf('#', at + 1)) {
    if (at === 0 || /\s/.test(rest[at - 1]!)) return rest.slice(0, at);
  }
  return rest;
}

/** Parses a Kustomize generator's env file (`configMapGenerator: [{envs: [app.env]}]`) as
 * Kustomize reads it, which is not as dotenv does: each line is `KEY=rest`, the rest kept as
 * written — quotes, a ` # …` after it and an `export ` before the key included (`export X=1` is the
 * key "export X") — after leading white space; `#` lines and blank lines are skipped. A line
 * without `=` takes its value from the environment of the build, unknown here: it is left out.
 * Read with dotenv's rules, `A="30"` was 30 where the built ConfigMap holds "30" with its quotes. */
export function parseKustomizeEnv(text: string, file: string, limits: Pick<ReadLimits, 'keys' | 'from'> = DEFAULT_READ_LIMITS): ParsedDotenv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries = new Map<string, DotenvEntry>();
  const warnings: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    const eq = content.indexOf('=');
    if (eq <= 0) continue;
    const key = content.slice(0, eq);
    const earlier = entries.get(key);
    if (earlier) warnings.push(`${file}:${i + 1}: ${key} is set twice (lines ${earlier.line} and ${i + 1}); the last one wins`);
    else if (entries.size >= limits.keys) throw new LimitError(file, i + 1, tooManyKeys(limits));
    entries.set(key, { key, value: content.slice(eq + 1), line: i + 1, column: indent + eq + 2 });
  }
  return { entries, warnings };
}

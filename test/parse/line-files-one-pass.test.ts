import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/parse/dotenv.js';
import { continues, parseProperties, unescape, WHITE } from '../../src/parse/properties.js';

// The one-pass readings of dotenv quotes, inline comments and continued .properties lines give
// what the readings before them gave (each line joined to the value so far and the whole value
// scanned again; `(^|\s+)#.*$`), on random texts made of the characters that decide them. The
// reference readings are those earlier ones, kept here as they were (the pieces they share with
// today's reader, `continues` and `unescape`, are imported).

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

function findClosingQuote(body: string, quote: string): number {
  for (let j = 0; j < body.length; j++) {
    if (quote === '"' && body[j] === '\\') {
      j++;
      continue;
    }
    if (body[j] === quote) return j;
  }
  return -1;
}

/** The dotenv values as the reading before the one-pass one gave them ('!' for an error). */
function referenceDotenv(text: string): Record<string, string> | '!' {
  const lines = text.split(/\r?\n/);
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) return '!';
    const key = m[2]!;
    const rest = m[4]!;
    const quote = rest[0];
    let value: string;
    if (quote === '"' || quote === "'") {
      let body = rest.slice(1);
      let close = findClosingQuote(body, quote);
      while (close < 0 && i + 1 < lines.length) {
        body += `\n${lines[++i]}`;
        close = findClosingQuote(body, quote);
      }
      if (close < 0) return '!';
      const after = body.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#')) return '!';
      const inner = body.slice(0, close);
      value = quote === '"' ? inner.replace(/\\(.)/g, (all, c: string) => ESCAPES[c] ?? all) : inner;
    } else value = rest.replace(/(^|\s+)#.*$/, '').trim();
    delete out[key];
    out[key] = value;
  }
  return out;
}

/** The logical lines of a .properties text as the reading before gave them. */
function referenceLogical(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let logical = lines[i]!.replace(/^[ \t\f]+/, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    while (continues(logical) && i + 1 < lines.length) logical = logical.slice(0, -1) + lines[++i]!.replace(/^[ \t\f]+/, '');
    if (continues(logical)) logical = logical.slice(0, -1);
    out.push(logical);
  }
  return out;
}

/** A logical line's key and value, cut as before. */
function cut(logical: string): [string, string] {
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
  let at = end;
  while (at < logical.length && WHITE.has(logical[at]!)) at++;
  if (logical[at] === '=' || logical[at] === ':') at++;
  while (at < logical.length && WHITE.has(logical[at]!)) at++;
  return [unescape(logical.slice(0, end)), unescape(logical.slice(at))];
}

/** A pseudo-random text of `pieces` drawn from `alphabet` (the same seed, the same text). */
function randomText(seed: number, alphabet: string[], pieces: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: pieces }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
}

describe('one-pass line readings', () => {
  it('read dotenv quotes and inline comments as before', () => {
    const alphabet = ['\nA=', '\nB=', '\nexport C=', '"', "'", '\\', '#', ' ', '\t', 'x', '\n', '\\\n', ' #', '\u00a0'];
    let errors = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const text = randomText(seed, alphabet, 2 + (seed % 30));
      const expected = referenceDotenv(text);
      let got: Record<string, string> | '!';
      try {
        got = Object.fromEntries([...parseDotenv(text, '.env').entries].map(([k, e]) => [k, e.value]));
      } catch {
        got = '!';
      }
      if (expected === '!') errors++;
      expect(got, JSON.stringify(text)).toEqual(expected);
    }
    // Both kinds of texts were tried.
    expect(errors).toBeGreaterThan(100);
    expect(errors).toBeLessThan(3900);
  });

  it('join continued .properties lines as before', () => {
    const alphabet = ['\n', '\\', '\\\\', 'a', '=', ' ', '\t', '\r\n', '#', 'k=v'];
    for (let seed = 1; seed <= 4000; seed++) {
      const text = randomText(seed, alphabet, 2 + (seed % 40));
      const keys = new Map(referenceLogical(text).map(cut));
      const got = parseProperties(text, 'a.properties').entries;
      expect(Object.fromEntries([...got].map(([k, e]) => [k, e.value])), JSON.stringify(text)).toEqual(Object.fromEntries(keys));
    }
  });
});

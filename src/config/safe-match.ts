import { RE2JS } from 're2js';

// Patterns written by whoever can change the contract, or typed on the command line, are matched
// without backtracking: a contract regex like /^(a+)+$/ or a glob like `*a*a*a*a*a*b` must not
// hold a CI job for hours. Regexes run on RE2 (linear in the text), globs on a two-pointer matcher
// (at most the text's length times the pattern's).

/** Something a key or a value is tested against; `String(m)` shows it as written. */
export interface Matcher {
  test(text: string): boolean;
  toString(): string;
}

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, s: RE2JS.DOTALL, m: RE2JS.MULTILINE, u: 0 };

/** A regular expression in JavaScript syntax, run by RE2. Throws an Error whose message says why
 * the pattern cannot be used (RE2 has no backreferences and no lookaround). */
export function safeRegex(source: string, flags = ''): Matcher {
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAGS[flag];
    if (bit === undefined) throw new Error(`unsupported flag "${flag}" (use i, s, m)`);
    bits |= bit;
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (e) {
    const why = (e as Error).message.split('\n')[0] ?? String(e);
    throw new Error(`${why} (contract regexes run on RE2, in time linear in the value: no backreferences, no lookahead or lookbehind)`);
  }
  const shown = `/${source}/${flags}`;
  return { test: (text) => re.test(text), toString: () => shown };
}

/** `*` matches any run of characters (dots included, so `resources.*` covers every key below
 * `resources`), `?` one character; everything else is literal. */
export function globMatcher(pattern: string): Matcher {
  const p = [...pattern];
  const matches = (text: string): boolean => {
    const t = [...text];
    let i = 0;
    let j = 0;
    // Where the last `*` was, and where in the text it started matching: on a mismatch the star
    // takes one more character. Each text position is revisited at most once per star.
    let star = -1;
    let from = 0;
    while (i < t.length) {
      if (j < p.length && (p[j] === '?' || (p[j] !== '*' && p[j] === t[i]))) {
        i++;
        j++;
      } else if (j < p.length && p[j] === '*') {
        star = j++;
        from = i;
      } else if (star >= 0) {
        j = star + 1;
        i = ++from;
      } else {
        return false;
      }
    }
    while (j < p.length && p[j] === '*') j++;
    return j === p.length;
  };
  return { test: matches, toString: () => pattern };
}

// Long phrase tables written as pieces, one line each, so no line outgrows the limit and a reader
// sees the alternatives as a list. The pieces are regular-expression source, joined with nothing
// between them and escaped nowhere: exactly what the same text would be as one literal.

/** The source of one pattern written as pieces (a piece usually ends after a `|`). */
export const sourceOf = (...pieces: string[]): string => pieces.join('');

// After "keep": "keep an eye on X in prod", "keep track of it", "keep this in mind" are verbs of
// attention, not a decision to keep anything (one list for every keep reader).
export const KEEP_IDIOM = String.raw`(?! (?:an? (?:close |careful )?(?:eye|ear)|track|tabs|watch\w*|monitor\w*|checking|looking|in mind)\b)`;

/** `text` as regular-expression source that matches it literally (a key, a value, a name). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A RegExp with these flags whose source is the pieces joined, as `sourceOf` joins them. */
export const regex = (flags: string, ...pieces: string[]): RegExp => new RegExp(sourceOf(...pieces), flags);

// Patterns built from an environment's or a key's name are asked for again for every text a verdict
// reads (each reader once per change of every divergent key): compiling them each time (and their
// global twins, which languages.ts keys by the object) was a third of the verdicts' reading. A
// pattern without `g` or `y` keeps no state between uses (exec and test neither read nor write its
// lastIndex), so one object per source and flags serves every caller. Bounded: cleared when full.
const PATTERNS_LIMIT = 4096;
const patterns = new Map<string, RegExp>();

/** `new RegExp(source, flags)`, the same object each time for the same source and flags (never
 * for `g` or `y` flags, whose lastIndex a caller moves). */
export function pattern(source: string, flags: string): RegExp {
  if (flags.includes('g') || flags.includes('y')) return new RegExp(source, flags);
  const key = `${flags}/${source}`;
  let re = patterns.get(key);
  if (re === undefined) {
    if (patterns.size >= PATTERNS_LIMIT) patterns.clear();
    patterns.set(key, (re = new RegExp(source, flags)));
  }
  return re;
}

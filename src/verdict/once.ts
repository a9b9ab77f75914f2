// Answers of readers that are functions of their arguments alone (a text, a key's name, an
// environment), kept for the process. A scan weighs thousands of divergences, and each reads the
// same few hundred texts again: a commit's message for every key it changed, a note for every key
// it names. Only for readers that read nothing else — not the log (a verdict's reads of the log are
// recorded as it reads them, reads.ts: an answer kept from another verdict would hide them), not the
// day, not a finding. Answers are frozen where they are objects: a caller that wrote into a shared
// answer would change another verdict's reading, and throws instead. Bounded: cleared when full.
const LIMIT = 4096;
/** A longer key (a text of more than this many characters) is read each time: kept, 4,096 of them could hold
 * hundreds of megabytes. */
const LONGEST = 65_536;

/** `read`, answering again from what it answered before for the same key (`keyOf` of the same
 * arguments: it must name every argument the reader reads). */
export function once<A extends unknown[], R>(keyOf: (...args: A) => string, read: (...args: A) => R): (...args: A) => R {
  const kept = new Map<string, R>();
  return (...args: A): R => {
    const key = keyOf(...args);
    if (key.length > LONGEST) return read(...args);
    if (kept.has(key)) return kept.get(key) as R;
    if (kept.size >= LIMIT) kept.clear();
    const answer = frozen(read(...args));
    kept.set(key, answer);
    return answer;
  };
}

function frozen<R>(value: R): R {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof RegExp)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

/** One key of the parts, each written with its length first, so no two lists of parts give the same key. */
export function keyOf(...parts: ReadonlyArray<string | number | boolean | undefined | null | readonly string[]>): string {
  let key = '';
  for (const p of parts) {
    if (Array.isArray(p)) {
      key += `[${p.length}`;
      for (const s of p as readonly string[]) key += `|${s.length}:${s}`;
    } else if (typeof p === 'string') key += `|${p.length}:${p}`;
    else key += `|${String(p)}`;
  }
  return key;
}

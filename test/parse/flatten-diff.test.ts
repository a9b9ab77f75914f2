import { describe, expect, it } from 'vitest';
import { diffItemTexts, diffTexts, flattenItemTexts, flattenTexts, type TextChange } from '../../src/parse/flatten.js';

// An anchor edit re-resolves every unit that aliases the anchor; the history patches each unit's
// last flat piece with `diffTexts` instead of flattening it again. Whenever it answers, the answer
// must be what flattening both values and comparing the maps gives, and the keys of both must be
// the same in the same order (the patched map then is the map a flattening makes).

/** The reference: both flattened, the same keys in the same order, and the texts that differ. */
function reference(before: Map<string, string | null>, after: Map<string, string | null>): TextChange[] | undefined {
  const a = [...before.keys()];
  const b = [...after.keys()];
  if (a.length !== b.length || a.some((k, i) => k !== b[i])) return undefined;
  return a.filter((k) => before.get(k) !== after.get(k)).map((key) => ({ key, from: before.get(key)!, to: after.get(key)! }));
}

function random(seed: number) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
  const SCALARS: unknown[] = ['a', 'b', '1', 1, 2, 0.5, true, false, null, '', 'x y', new Date('2026-01-02T00:00:00Z'), [], {}, [1, 2], ['a']];
  const scalar = () => SCALARS[rand(SCALARS.length)];
  const NAMES = ['name', 'key', 'id', 'cpu', 'memory', 'a.b', 'x y', 'env', 'limits', '0'];
  const value = (depth: number): unknown => {
    const r = rand(depth > 3 ? 1 : 4);
    if (r === 0) return scalar();
    if (r === 1) return Array.from({ length: rand(3) }, () => scalar());
    if (r === 2) {
      // A list of maps, with an identity field or not.
      const field = ['name', 'key', undefined][rand(3)];
      return Array.from({ length: 1 + rand(3) }, (_, i) => ({ ...(field ? { [field]: rand(4) === 0 ? i : `n${i}` } : {}), v: value(depth + 1) }));
    }
    const out: Record<string, unknown> = {};
    for (let i = rand(4); i > 0; i--) out[NAMES[rand(NAMES.length)]!] = value(depth + 1);
    return out;
  };
  /** The value with some parts shared (as an alias resolution keeps them) and some edited. */
  const edit = (v: unknown, depth: number): unknown => {
    const r = rand(6);
    if (r === 0) return v; // the same object
    if (r === 1) return value(depth); // replaced
    if (r === 2 && typeof v !== 'object') return scalar(); // another scalar
    if (Array.isArray(v)) return v.map((item) => edit(item, depth + 1));
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[k] = edit(inner, depth + 1);
      if (rand(8) === 0) out[NAMES[rand(NAMES.length)]!] = scalar();
      return out;
    }
    return v;
  };
  return { rand, value, edit };
}

describe('diffTexts: a flat piece patched instead of flattened again', () => {
  it('answers, when it answers, what flattening both values and comparing gives', () => {
    let answered = 0;
    let changed = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const { value, edit } = random(seed);
      const before = value(0);
      const after = edit(before, 0);
      const got = diffTexts(before, after, 'apps');
      const want = reference(flattenTexts(before, 'apps'), flattenTexts(after, 'apps'));
      if (got) {
        answered++;
        if (got.length > 0) changed++;
        expect(got, `seed ${seed}`).toEqual(want);
      }
    }
    // It answers for most edits that keep the keys, and finds changed values among them.
    expect(answered).toBeGreaterThan(1000);
    expect(changed).toBeGreaterThan(100);
  });

  it('names an item of a list of maps as flattening the item does', () => {
    let answered = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const { rand, value, edit } = random(seed);
      const field = rand(2) === 0 ? 'name' : undefined;
      const inner = value(1);
      const before = { ...(field ? { name: `app-${seed % 7}` } : {}), spec: inner, more: value(2) };
      const after = rand(10) === 0 ? { ...before, name: 'renamed' } : { ...before, spec: edit(inner, 1) };
      const index = rand(5);
      const got = diffItemTexts(before, after, field, index, 'apps');
      const want = reference(flattenItemTexts(before, field, index, 'apps'), flattenItemTexts(after, field, index, 'apps'));
      if (got) {
        answered++;
        expect(got, `seed ${seed}`).toEqual(want);
      }
    }
    expect(answered).toBeGreaterThan(800);
  });
});

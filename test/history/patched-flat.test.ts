import { describe, expect, it } from 'vitest';
import { patchedFlat } from '../../src/history/units.js';
import type { TextChange } from '../../src/parse/flatten.js';

// A unit's piece patched after an anchor edit is made a map of its own only when read. Whatever
// reads it, whenever, it must be the map a copy of its base with the changes set would be, through
// chains of patches (one piece patched from another patched one) that are read in any order.

type Flat = Map<string, string | null>;

function random(seed: number) {
  let state = seed;
  return (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
}

/** Every way a reader sees a map, as one comparable value. */
const seen = (m: Flat) => ({
  entries: [...m],
  keys: [...m.keys()],
  values: [...m.values()],
  pairs: [...m.entries()],
  each: (() => {
    const out: Array<[string, string | null]> = [];
    m.forEach((v, k) => out.push([k, v]));
    return out;
  })(),
  size: m.size,
  got: ['k0', 'k3', 'k9', 'missing'].map((k) => [m.has(k), m.get(k)]),
});

describe('patchedFlat: a patched piece made whole only when read', () => {
  it('reads as a copy with the changes set, through chains longer than the bound, read in any order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(seed);
      const base: Flat = new Map(Array.from({ length: 1 + rand(12) }, (_, i) => [`k${i}`, rand(5) === 0 ? null : `v${i}`]));
      const lazy: Flat[] = [base];
      const copies: Flat[] = [base];
      for (let step = 0; step < 40; step++) {
        // Patch the last piece, or now and then an older one (a branch of the history).
        const from = rand(4) === 0 ? rand(lazy.length) : lazy.length - 1;
        const keys = [...copies[from]!.keys()];
        const changes: TextChange[] = [...new Set(Array.from({ length: 1 + rand(3) }, () => keys[rand(keys.length)]!))].map((key) => ({
          key,
          from: copies[from]!.get(key)!,
          to: rand(6) === 0 ? null : `s${seed}.${step}.${rand(100)}`,
        }));
        const copy = new Map(copies[from]);
        for (const change of changes) copy.set(change.key, change.to);
        lazy.push(patchedFlat(lazy[from]!, changes));
        copies.push(copy);
        // Some pieces are read as soon as made, most later or never.
        if (rand(5) === 0) expect(seen(lazy.at(-1)!)).toEqual(seen(copy));
      }
      for (const i of Array.from({ length: lazy.length }, (_, i) => i).sort(() => rand(3) - 1))
        expect(seen(lazy[i]!), `seed ${seed} piece ${i}`).toEqual(seen(copies[i]!));
    }
  });

  it('writes as a map does, after or before a read', () => {
    const base: Flat = new Map([
      ['a', '1'],
      ['b', '2'],
    ]);
    const first = patchedFlat(base, [{ key: 'a', from: '1', to: '9' }]);
    const second = patchedFlat(first, [{ key: 'b', from: '2', to: null }]);
    second.set('c', '3');
    expect([...second]).toEqual([
      ['a', '9'],
      ['b', null],
      ['c', '3'],
    ]);
    expect(second.delete('a')).toBe(true);
    expect([...first]).toEqual([
      ['a', '9'],
      ['b', '2'],
    ]);
    expect([...base]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    first.clear();
    expect(first.size).toBe(0);
    expect([...second]).toEqual([
      ['b', null],
      ['c', '3'],
    ]);
  });
});

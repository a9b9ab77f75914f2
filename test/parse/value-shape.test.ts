import { describe, expect, it } from 'vitest';
import { measureShape, shapeProblem, surelyWithin, type Shape } from '../../src/parse/value-shape.js';
import { readLimitsOf } from '../../src/model/limits.js';

// The history reads a unit that aliases other units' anchors as its parse with each placeholder
// replaced by an anchor's value, and bounds that read's shape by the parse's and the anchors'
// (`surelyWithin`) instead of walking it. The bound must never call a value within the limits that
// `shapeProblem` refuses: checked here on random values built the same way, shared parts included.

function values(seed: number) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
  const PLACEHOLDER = Symbol('placeholder');
  /** A random tree; some leaves are placeholders, some parts shared between places. */
  const tree = (depth: number, shared: object[], holes: boolean): unknown => {
    if (depth === 0 || rand(4) === 0) return holes && rand(3) === 0 ? PLACEHOLDER : rand(10);
    if (shared.length > 0 && rand(6) === 0) return shared[rand(shared.length)];
    const n = rand(5);
    const node =
      rand(2) === 0
        ? Array.from({ length: n }, () => tree(depth - 1, shared, holes))
        : Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, tree(depth - 1, shared, holes)]));
    if (rand(3) === 0) shared.push(node);
    return node;
  };
  /** The tree with each placeholder replaced by one of the parts. */
  const fill = (v: unknown, parts: unknown[], done: Map<object, unknown>): unknown => {
    if (v === PLACEHOLDER) return parts[rand(parts.length)];
    if (typeof v !== 'object' || v === null) return v;
    const known = done.get(v);
    if (known !== undefined) return known;
    const out = Array.isArray(v) ? v.map((x) => fill(x, parts, done)) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, parts, done)]));
    done.set(v, out);
    return out;
  };
  const base = tree(2 + rand(5), [], true);
  const parts = Array.from({ length: 1 + rand(3) }, () => tree(1 + rand(5), [], false));
  // A placeholder reads as a map of one key in a parse (`{<alias>: true}`): measured so.
  const parse = fill(base, [{ alias: true }], new Map());
  return { parse, parts, read: fill(base, parts, new Map()) };
}

describe('value shapes', () => {
  it('measures what shapeProblem measures, and refuses what it refuses', () => {
    const limits = readLimitsOf({ expandedValues: 40, nesting: 5 });
    for (let seed = 1; seed < 3000; seed++) {
      const { read } = values(seed);
      const shape = measureShape(read, limits);
      expect(typeof shape === 'string', `seed ${seed}`).toBe(shapeProblem(read, limits) !== undefined);
    }
  });

  it('calls a read within the limits only where shapeProblem finds it so', () => {
    let within = 0;
    let refused = 0;
    for (const limits of [
      readLimitsOf({ expandedValues: 40, nesting: 6 }),
      readLimitsOf({ expandedValues: 200, nesting: 4 }),
      readLimitsOf({ expandedValues: 5_000_000, nesting: 256 }),
    ]) {
      for (let seed = 1; seed < 3000; seed++) {
        const { parse, parts, read } = values(seed);
        const base = measureShape(parse, limits);
        const shapes = parts.map((p) => measureShape(p, limits));
        if (typeof base === 'string' || shapes.some((s) => typeof s === 'string')) continue;
        if (surelyWithin(base, shapes as Shape[], limits)) {
          within++;
          expect(shapeProblem(read, limits), `seed ${seed}`).toBeUndefined();
        } else if (shapeProblem(read, limits) !== undefined) refused++;
      }
    }
    // Both sides were met.
    expect(within).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(50);
  });
});

// The readers run on commit text a pull request controls (README "Running on untrusted configuration"):
// each reader on 100 KB of each hostile text must take what a linear reading takes. The patterns
// themselves are checked by recheck in redos.test.ts; this half is its own file so the two run on
// two workers side by side.
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, READERS, storyTexts } from './redos-readers.js';

describe('the readers on hostile text', () => {
  // Timed as they run in a scan: every reader has first read the stories' texts (as redos.test.ts's
  // collection of the patterns run, which preceded this in one file, made them do), so the timings
  // are of code V8 has compiled for the texts it meets, not of its first compilations.
  beforeAll(() => {
    for (const t of storyTexts()) for (const read of Object.values(READERS)) read(t);
  }, 300_000);
  // Each reader reads each hostile text at 20 KB and at 100 KB. Linear work takes about five times
  // as long at five times the size; a quadratic pattern takes twenty-five times (and seconds: 10^9
  // steps). The budget is fifteen times the small reading, plus 300 times a plainly linear scan
  // of the large text measured now (for readings too short to time), so load on the machine moves
  // both sides; a reading over budget is tried twice more on fresh texts (no memo hit) before it fails.
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  let nonce = 0;
  const fresh = (kind: string, size: number) => `${nonce++} ${HOSTILE[kind]!(size)}`;

  it.each(Object.keys(HOSTILE))('%s: every reader grows linearly', { timeout: 300_000 }, (kind) => {
    const over: string[] = [];
    for (const [name, read] of Object.entries(READERS)) {
      let verdict = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        const [small, large] = [fresh(kind, 20_000), fresh(kind, 100_000)];
        const baseline = time(() => {
          let n = 0;
          for (const _ of large.toLowerCase().matchAll(/\S+/g)) n++;
          return n;
        });
        const t20 = time(() => read(small));
        const t100 = time(() => read(large));
        const budget = 15 * t20 + 300 * baseline;
        verdict = t100 <= budget ? '' : `${name}: ${t100.toFixed(1)} ms at 100 KB, ${t20.toFixed(1)} ms at 20 KB, budget ${budget.toFixed(1)} ms`;
        if (!verdict) break;
      }
      if (verdict) over.push(verdict);
    }
    expect(over).toEqual([]);
  });
});

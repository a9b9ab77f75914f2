// The binary bounds V8's heap growth before it loads anything else (src/cli/heap.ts): a first
// scan's peak memory was the garbage V8 let pile up between full collections.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { repoWithFiles } from '../support/repo.js';

// 1 + HEAP_GROWING_PERCENT / 100 (src/cli/heap.ts; not imported here: it sets the flag on import),
// as V8's trace prints it: one decimal.
const FACTOR = Number((1.75).toFixed(1));
const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));

// src/cli/heap.ts' bound on each semi-space of the young generation (MB).
const SEMI_SPACE_MB = 4;
const HEAP = fileURLToPath(new URL('../../dist/cli/heap.js', import.meta.url));

/** A process allocating as the history read does (most of it surviving a scavenge, the event loop
 * turning between pieces of work), with or without the heap module: its largest semi-space (MB). */
async function largestSemiSpace(withHeap: boolean): Promise<number> {
  const script = `
    import v8 from 'node:v8';
    if (${withHeap}) await import(${JSON.stringify(HEAP)});
    const semi = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 / 1048576;
    let largest = 0;
    let kept = [];
    for (let turn = 0; turn < 1500; turn++) {
      for (let i = 0; i < 2000; i++) {
        kept.push({ i, text: 'x' + i });
        if (kept.length > 200000) kept = [];
      }
      largest = Math.max(largest, semi());
      await new Promise((resolve) => setImmediate(resolve));
    }
    console.log(largest);`;
  const run = await execa(process.execPath, ['--input-type=module', '-e', script]);
  return Number(run.stdout.trim());
}

describe('the heap of a scan', () => {
  it("holds the young generation's semi-spaces at SEMI_SPACE_MB, where V8 alone grows them to 16 MB", async () => {
    const [held, alone] = await Promise.all([largestSemiSpace(true), largestSemiSpace(false)]);
    expect(alone).toBeGreaterThan(SEMI_SPACE_MB);
    expect(held).toBeGreaterThan(0);
    // V8 13 (Node 24) still grows a full semi-space by a page or more at a growth factor of 1 (seen
    // 4 -> 4.125 -> ... -> 5.25, once to 8, where alone it reaches 64): held far below V8's own
    // size, not at the bound (src/cli/heap.ts).
    // Before V8 13 the steering holds the bound, but its observer runs between turns of the event
    // loop: two scavenges in one turn grow 2 -> 4 -> 8 MB before it sets the factor to 1 (heap.ts
    // says so; CI on Node 20 saw 8 once in session 21, under a parallel suite's load): one growth
    // past the bound at most, half of V8's own 16.
    if (Number(process.versions.v8.split('.')[0]) >= 13) expect(held).toBeLessThanOrEqual(alone / 4);
    else expect(held).toBeLessThanOrEqual(Math.min(2 * SEMI_SPACE_MB, alone / 2));
  });

  it('grows by the bounded factor at every full collection after start-up', async () => {
    const repo = await repoWithFiles({
      'config/dev.yaml': 'A: 1\nB: 2\n',
      'config/prod.yaml': 'A: 1\nB: 3\n',
      'undrift.yaml': 'environments:\n  dev: config/dev.yaml\n  prod: config/prod.yaml\n',
    });
    // Every collection a full one, each tracing the limit it sets and the factor (on stdout: the
    // scan's own output goes to a file).
    const run = await execa(
      process.execPath,
      ['--gc-global', '--trace-gc-verbose', BIN, 'scan', '--format', 'json', '--no-cache', '-o', path.join(repo, 'out.json')],
      {
        cwd: repo,
        reject: false,
        env: { NO_COLOR: '1' },
      },
    );
    // Node 20 and 22 (V8 11–12) print the factor applied at the end of the limit line; Node 24
    // (V8 13) prints it on the line before ("[HeapController] factor 2.5 based on mu=…") and no
    // longer on the limit line, where the older ones print the factor computed before the flag.
    const onLimit = [...run.stdout.matchAll(/\[HeapController\] Limit: .*\((\d+\.\d)\)$/gm)].map((m) => Number(m[1]));
    const factors = onLimit.length > 0 ? onLimit : [...run.stdout.matchAll(/\[HeapController\] factor (\d+\.\d) based on/gm)].map((m) => Number(m[1]));
    // The first may come before the binary runs (Node's own start-up).
    expect(factors.length).toBeGreaterThan(3);
    expect(factors.slice(1)).toEqual(factors.slice(1).map(() => FACTOR));
  });
});

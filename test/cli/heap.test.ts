// The binary bounds V8's heap growth before it loads anything else (src/cli/heap.ts): a first
// scan's peak memory was the garbage V8 let pile up between full collections.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { repoWithFiles } from '../support/repo.js';

// 1 + HEAP_GROWING_PERCENT / 100 (src/cli/heap.ts; not imported here: it sets the flag on import).
const FACTOR = 2.0;
const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));

describe('the heap of a scan', () => {
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

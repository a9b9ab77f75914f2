import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

// Opt-in (UNDRIFT_TEST_COST_LOG=file): one JSON line per test file with the CPU it cost, its own
// and its child processes' (git, the CLI, tmux). A worker runs one file at a time (vitest.config.ts),
// so what the worker and its reaped children used between the file's start and end is the file's.
// Linux only (/proc/self/stat); used to write /work/tools/suite-cost.txt-style tables.

/** CPU seconds of this process and of its children it has waited for. */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing paren).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime are fields 14–17, i.e. 11–14 after the name and state.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
}

export function recordFileCost(log: string): void {
  // From the setup file's run, before the test file is imported: its collection counts too.
  const cpu = cpuSeconds();
  const wall = performance.now();
  afterAll(() => {
    const file = expect.getState().testPath ?? '?';
    appendFileSync(log, `${JSON.stringify({ file, cpu: +(cpuSeconds() - cpu).toFixed(2), wall: +((performance.now() - wall) / 1000).toFixed(2) })}\n`);
  });
}

import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readExec } from '../../src/sources/live/exec.js';

// An exec live source's whole process tree ends at its deadline (issue 11), also a grandchild that
// left the process group with setsid and holds the output open: real processes, found in /proc.
const MARK = '611.0931';

async function running(): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(MARK)) pids.push(Number(pid));
  }
  return pids;
}

async function goneWithin(ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await running()).length === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe.runIf(process.platform === 'linux')('exec process trees', () => {
  it('a grandchild that calls setsid (leaves the group) is killed at the timeout too', async () => {
    // The grandchild keeps the command's standard output: the run cannot end until it is dead.
    const state = await readExec('/', 'production', { command: ['sh', '-c', `setsid sleep ${MARK} & sleep ${MARK}`], timeout: 1 });
    expect(state.status).toBe('unavailable');
    expect(state.reason).toBe('sh timed out after 1s (it and everything it started were killed)');
    const survivors = await running();
    for (const pid of survivors) process.kill(pid, 'SIGKILL'); // the test's own processes, never left behind
    expect(survivors, 'processes of the exec still running').toEqual([]);
    expect(await goneWithin(1000)).toBe(true);
  });

  it('one left behind by a command that exited (setsid, double fork) is killed when it exits', async () => {
    const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid sleep ${MARK} >/dev/null 2>&1 &); echo A=1`] });
    expect(state.status).toBe('ok');
    const survivors = await running();
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    expect(survivors, 'processes of the exec still running').toEqual([]);
  });
});

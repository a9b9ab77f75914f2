import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readExec } from '../../src/sources/live/exec.js';

// An exec live source's whole process tree ends at its deadline or with the command (issue 11):
// real processes, found in /proc. In a PID namespace the kernel ends them all. Without it, four
// traces find a process that outlived the command (src/sources/bounded-process.ts): its process
// group, a mark in its environment, the command's output it still holds, and a mark in its
// RTTIME resource limit. Each case below leaves exactly one trace (or, in the namespace, none),
// so each fails when its mechanism is switched off; the escaping process first says it is in
// place (a file), so the run cannot end while it still carries a trace it is about to drop.
const MARK = '611.0931';

/** Whether this machine lets the exec run in a PID namespace of its own (the full guarantee). */
const namespaces = spawnSync('unshare', ['--user', '--map-current-user', '--pid', '--fork', '--kill-child', '--', 'true'], { stdio: 'ignore' }).status === 0;

/** Whether util-linux's prlimit is here (the resource-limit mark without the namespace). */
const prlimit = spawnSync('prlimit', ['--version'], { stdio: 'ignore' }).status === 0;

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

/** What of the exec still runs once the kill it was sent has had time to land (a process sent
 * SIGKILL a moment ago still shows its command line until it has exited: under load that read
 * raced the kill), then kills what is left (the test's own processes, never left behind) and says
 * what it was. An escaped `sleep 611` never goes by itself, so the wait cannot hide one. */
async function survivors(): Promise<number[]> {
  await goneWithin(2000);
  const left = await running();
  for (const pid of left) process.kill(pid, 'SIGKILL');
  return left;
}

/** A lower RTTIME hard limit than the run's mark (a process may lower its limit, never raise it). */
const LOWERED = 'prlimit --rttime=1000000000:1000000000';

let readyDir = '';
let readyCount = 0;

/**
 * A command that starts `escape` in the background (`escape` runs the daemon `DAEMON` it is given
 * with whatever it drops first), waits until the daemon is in place, then prints A=1 and exits.
 * `streams` closed: the daemon holds neither the command's output nor its error stream.
 */
function leaving(escape: string, streams: 'closed' | 'kept'): string[] {
  const ready = path.join(readyDir, `ready-${++readyCount}`);
  const daemon = `sh -c 'echo > ${ready}; exec sleep ${MARK}'`;
  const redirect = streams === 'closed' ? ' </dev/null >/dev/null 2>&1' : '';
  return ['sh', '-c', `(${escape.replace('DAEMON', daemon)}${redirect} &); while [ ! -e ${ready} ]; do sleep 0.02; done; echo A=1`];
}

describe.runIf(process.platform === 'linux')('exec process trees', () => {
  beforeAll(async () => {
    readyDir = await mkdtemp(path.join(tmpdir(), 'undrift-exec-tree-'));
  });

  it('a grandchild that calls setsid (leaves the group) is killed at the timeout too', async () => {
    // The grandchild keeps the command's standard output: the run cannot end until it is dead.
    const state = await readExec('/', 'production', { command: ['sh', '-c', `setsid sleep ${MARK} & sleep ${MARK}`], timeout: 1 });
    expect(state.status).toBe('unavailable');
    expect(state.reason).toBe('sh timed out after 1s (it and everything it started were killed)');
    expect(await survivors(), 'processes of the exec still running').toEqual([]);
  });

  it.runIf(namespaces)(
    'in a PID namespace nothing escapes: a daemon that leaves the group, clears its environment, lowers its limit and closes its output',
    async () => {
      const state = await readExec('/', 'production', { command: leaving(`setsid env -i ${LOWERED} DAEMON`, 'closed') });
      expect(state.status).toBe('ok');
      expect(state.values.get('A')?.text).toBe('1');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    },
  );

  it('a program that does not exist is "not found", namespace or not', async () => {
    const state = await readExec('/', 'production', { command: ['undrift-no-such-program-611'] });
    expect(state.reason).toBe('command not found: undrift-no-such-program-611');
  });

  describe('without the namespace (UNDRIFT_EXEC_NAMESPACE=off: the fallback where user namespaces are off), each trace alone', () => {
    const before = process.env.UNDRIFT_EXEC_NAMESPACE;
    afterEach(() => {
      if (before === undefined) delete process.env.UNDRIFT_EXEC_NAMESPACE;
      else process.env.UNDRIFT_EXEC_NAMESPACE = before;
    });
    const run = async (command: string[], timeout?: number) => {
      process.env.UNDRIFT_EXEC_NAMESPACE = 'off';
      return readExec('/', 'production', { command, ...(timeout ? { timeout } : {}) });
    };

    it('the process group: a grandchild that clears its environment, lowers its limit and closes its output', async () => {
      const state = await run(leaving(`env -i ${LOWERED} DAEMON`, 'closed'));
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });

    it('the environment mark: a daemon that leaves the group, lowers its limit and closes its output', async () => {
      const state = await run(leaving(`setsid ${LOWERED} DAEMON`, 'closed'));
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });

    it('the output it holds: a daemon that leaves the group, clears its environment and lowers its limit', async () => {
      const state = await run(leaving(`setsid env -i ${LOWERED} DAEMON`, 'kept'));
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });

    it.runIf(prlimit)('the resource limit: a daemon done by the book (double fork, setsid, env -i, output closed)', async () => {
      const state = await run(leaving('setsid env -i DAEMON', 'closed'));
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });

    it('at the timeout: a grandchild that clears its environment and leaves the group, holding the output', async () => {
      const state = await run(['sh', '-c', `setsid env -i sleep ${MARK} & sleep ${MARK}`], 1);
      expect(state.status).toBe('unavailable');
      expect(state.reason).toBe('sh timed out after 1s (it and everything it started were killed)');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });
  });
});

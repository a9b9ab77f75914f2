import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readExec } from '../../src/sources/live/exec.js';

// An exec live source's whole process tree ends at its deadline (issue 11), also a grandchild that
// left the process group with setsid, one that cleared its environment (env -i) and one that did
// both and closed its output: real processes, found in /proc.
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

describe.runIf(process.platform === 'linux')('exec process trees', () => {
  it('a grandchild that calls setsid (leaves the group) is killed at the timeout too', async () => {
    // The grandchild keeps the command's standard output: the run cannot end until it is dead.
    const state = await readExec('/', 'production', { command: ['sh', '-c', `setsid sleep ${MARK} & sleep ${MARK}`], timeout: 1 });
    expect(state.status).toBe('unavailable');
    expect(state.reason).toBe('sh timed out after 1s (it and everything it started were killed)');
    expect(await survivors(), 'processes of the exec still running').toEqual([]);
  });

  it('one left behind by a command that exited (setsid, double fork) is killed when it exits', async () => {
    const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid sleep ${MARK} >/dev/null 2>&1 &); echo A=1`] });
    expect(state.status).toBe('ok');
    expect(await survivors(), 'processes of the exec still running').toEqual([]);
  });

  it('a grandchild that clears its environment and leaves the group (double fork, setsid, env -i) is killed when the command exits', async () => {
    // It keeps the command's output: found by the stream it holds when no namespace is available.
    const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid env -i sleep ${MARK} &); echo A=1`] });
    expect(state.status).toBe('ok');
    expect(await survivors(), 'processes of the exec still running').toEqual([]);
  });

  it('a grandchild that clears its environment is killed at the timeout', async () => {
    const state = await readExec('/', 'production', { command: ['sh', '-c', `setsid env -i sleep ${MARK} & sleep ${MARK}`], timeout: 1 });
    expect(state.status).toBe('unavailable');
    expect(await survivors(), 'processes of the exec still running').toEqual([]);
  });

  it.runIf(namespaces)('in a PID namespace nothing escapes: a daemon that leaves the group, clears its environment and closes its output', async () => {
    const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid env -i sleep ${MARK} </dev/null >/dev/null 2>&1 &); echo A=1`] });
    expect(state.status).toBe('ok');
    expect(state.values.get('A')?.text).toBe('1');
    expect(await survivors(), 'processes of the exec still running').toEqual([]);
  });

  it('a program that does not exist is "not found", namespace or not', async () => {
    const state = await readExec('/', 'production', { command: ['undrift-no-such-program-611'] });
    expect(state.reason).toBe('command not found: undrift-no-such-program-611');
  });

  describe('without the namespace (UNDRIFT_EXEC_NAMESPACE=off: the fallback where user namespaces are off)', () => {
    const before = process.env.UNDRIFT_EXEC_NAMESPACE;
    afterEach(() => {
      if (before === undefined) delete process.env.UNDRIFT_EXEC_NAMESPACE;
      else process.env.UNDRIFT_EXEC_NAMESPACE = before;
    });

    it('a double-forked, setsid, env -i grandchild that keeps the output is found by the stream it holds', async () => {
      process.env.UNDRIFT_EXEC_NAMESPACE = 'off';
      const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid env -i sleep ${MARK} &); echo A=1`] });
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });

    it.runIf(prlimit)('a daemon done by the book (double fork, setsid, env -i, output closed) is found by the resource limit it inherited', async () => {
      process.env.UNDRIFT_EXEC_NAMESPACE = 'off';
      const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid env -i sleep ${MARK} </dev/null >/dev/null 2>&1 &); echo A=1`] });
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });

    it('a setsid grandchild that keeps its environment is found by the mark (output closed)', async () => {
      process.env.UNDRIFT_EXEC_NAMESPACE = 'off';
      const state = await readExec('/', 'production', { command: ['sh', '-c', `(setsid sleep ${MARK} </dev/null >/dev/null 2>&1 &); echo A=1`] });
      expect(state.status).toBe('ok');
      expect(await survivors(), 'processes of the exec still running').toEqual([]);
    });
  });
});

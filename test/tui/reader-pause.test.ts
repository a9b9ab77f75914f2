// The view stops its reader's process group while it answers a key (reader-pause.ts); a group
// must never be stopped without a watch that continues it once the view is gone. Readers were
// left stopped after tmux tests (session 32): a closing terminal's SIGHUP to the view's process
// group killed the watch between its fork and its setsid, and the view stopped the group anyway.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { pausableGroup } from '../../src/tui/reader-pause.js';

const onLinux = process.platform === 'linux';
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A process leading a group of its own, as the view's reader does. */
function leader(): number {
  const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  started.push(child);
  return child.pid!;
}
const stat = (pid: number) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
const state = (pid: number) => stat(pid)[0];
async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('never happened');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe.runIf(onLinux)("the view's pause of its reader", () => {
  it('stops the group only once its watch runs in a session of its own, and continues it on resume', async () => {
    const pid = leader();
    const group = pausableGroup(pid);
    group.pause();
    // Not at once: the watch has not said it runs yet.
    expect(group.paused).toBe(false);
    await until(() => state(pid) === 'T');
    expect(group.paused).toBe(true);
    const watches = findWatch(pid);
    expect(watches).toHaveLength(1);
    // Its own session (field 6 of stat, here index 3 after the state): not the view's.
    const [watch] = watches;
    expect(Number(stat(watch!)[3])).toBe(watch);
    group.resume();
    await until(() => state(pid) !== 'T');
    group.release();
  });

  it('never stops the group when its watch died before it ran', async () => {
    const pid = leader();
    // A watch killed before it says it runs, as a SIGHUP to the view's group between fork and setsid did.
    const group = pausableGroup(pid, process.platform, 'exit 0');
    group.pause();
    await settle();
    group.pause();
    await settle();
    expect(state(pid)).not.toBe('T');
    expect(group.paused).toBe(false);
    group.release();
  });

  it('stops nothing when the pause was taken back before the watch was ready', async () => {
    const pid = leader();
    const group = pausableGroup(pid);
    group.pause();
    group.resume();
    await settle();
    expect(state(pid)).not.toBe('T');
    // A later pause, the watch ready by now, stops it at once.
    group.pause();
    expect(group.paused).toBe(true);
    group.release();
    await until(() => state(pid) !== 'T');
  });
});

/** The watch shells of `group` (`undrift-reader-watch <group>`). */
function findWatch(group: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes('undrift-reader-watch') && cmdline.includes(String(group))) out.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

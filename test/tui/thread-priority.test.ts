import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority } from '../../src/tui/thread-priority.js';

/** A thread's nice value as the kernel reports it (field 19 of /proc/self/task/TID/stat). */
const niceOf = (tid: number) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
const onLinux = process.platform === 'linux';

describe("the scan worker's thread priority", () => {
  it.runIf(onLinux)("lowers only the calling thread's priority, not the view's", async () => {
    // A real worker thread (plain Node, so the built module: the global setup builds dist/ first)
    // calls it and says which thread it is.
    const helper = new URL('../../dist/tui/thread-priority.js', import.meta.url).href;
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
       import(${JSON.stringify(helper)}).then(({ lowerThreadPriority }) => {
         const nice = lowerThreadPriority();
         const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
         parentPort.postMessage({ nice, tid });
         setTimeout(() => undefined, 60_000);
       }, (e) => parentPort.postMessage({ error: String(e) }));`,
      { eval: true },
    );
    try {
      const answer = await new Promise<{ nice?: number; tid?: number; error?: string }>((resolve) => worker.once('message', resolve));
      expect(answer.error).toBeUndefined();
      const mainNice = niceOf(process.pid);
      expect(answer.nice).toBe(Math.min(19, mainNice + 10));
      expect(niceOf(answer.tid!)).toBe(answer.nice);
      expect(niceOf(process.pid)).toBe(mainNice); // the view's thread is untouched
    } finally {
      await worker.terminate();
    }
  });

  it.runIf(onLinux)("lowers the session's priority only in a session the process leads (the reader's), never the terminal's", async () => {
    const sessionNice = (pid: number | 'self') => Number(/nice (-?\d+)/.exec(readFileSync(`/proc/${pid}/autogroup`, 'utf8'))?.[1]);
    const ours = sessionNice('self');
    // A real process calls it, in a session of its own (as the reader is started) and in this one.
    const helper = new URL('../../dist/tui/thread-priority.js', import.meta.url).href;
    const call = (detached: boolean) => {
      const child = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { lowerSessionPriority } = await import(${JSON.stringify(helper)});
           console.log(JSON.stringify({ nice: lowerSessionPriority() ?? null }));
           setTimeout(() => undefined, 60_000);`,
        ],
        { detached, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const said = new Promise<{ nice: number | null }>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(String(d)))));
      return { child, said };
    };
    const own = call(true);
    const shared = call(false);
    try {
      const [inOwn, inShared] = await Promise.all([own.said, shared.said]);
      if (Number.isNaN(ours)) return; // autogroups are off: there is no session priority to set
      expect(inOwn.nice).toBe(Math.min(19, ours + 10));
      expect(sessionNice(own.child.pid!)).toBe(inOwn.nice);
      // In the terminal's session (here, the test run's) it does nothing: the view would pay.
      expect(inShared.nice).toBeNull();
      expect(sessionNice('self')).toBe(ours);
    } finally {
      own.child.kill('SIGKILL');
      shared.child.kill('SIGKILL');
    }
  });

  it('returns undefined rather than throw where threads cannot be told apart', () => {
    expect(() => lowerThreadPriority(0)).not.toThrow();
  });
});

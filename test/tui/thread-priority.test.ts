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

  it('returns undefined rather than throw where threads cannot be told apart', () => {
    expect(() => lowerThreadPriority(0)).not.toThrow();
  });
});

import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Lowers the calling thread's CPU priority (Linux: `setpriority` on the thread's own id, read
 * from /proc/thread-self), so that the view's thread, which answers keys, is served first when
 * both want the CPU. Within one terminal session's scheduling group (Linux autogroup) this takes
 * nothing from other programs: only the reading yields to the keys. Returns the new nice value,
 * or undefined where it cannot (not Linux): the reading then shares the CPU evenly. */
export function lowerThreadPriority(by = 10): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid)) return undefined;
    const nice = Math.min(19, getPriority(tid) + by);
    setPriority(tid, nice);
    return getPriority(tid);
  } catch {
    return undefined;
  }
}

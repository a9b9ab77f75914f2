import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
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

/** Lowers the CPU priority of this process's whole session, when the process leads a session of
 * its own (the view's reader: background-scan.ts starts it with `detached`): Linux shares the CPU
 * between sessions first (autogroups: /proc/self/autogroup), then between the threads of each, so
 * a thread's own nice value only orders the reader's threads among themselves (its garbage
 * collector, its git processes), never the reader against the view. A session's nice value is
 * what the reader yields to the keys with. Never in a session it does not lead (that would be the
 * user's terminal, the view with it). Returns the session's new nice value, or undefined where
 * there is none to set (not Linux, autogroups off, not a session leader). */
export function lowerSessionPriority(by = 10): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const session = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
    if (session !== process.pid) return undefined;
    const nice = /nice (-?\d+)/.exec(readFileSync('/proc/self/autogroup', 'utf8'))?.[1];
    if (nice === undefined) return undefined;
    writeFileSync('/proc/self/autogroup', String(Math.min(19, Number(nice) + by)));
    return Number(/nice (-?\d+)/.exec(readFileSync('/proc/self/autogroup', 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';

// The view's reader runs in a process group (and session) of its own; while the view answers a key
// the whole group (the reader, its collector threads, the git processes it runs) is stopped
// (SIGSTOP) and continued once the key's frame is written. On a machine whose cores are taken the
// view's thread otherwise waits its turn behind the reading it started: a key costs the view ~2 ms
// of CPU, and the reader loses only that much of its time.
//
// A stopped group must never outlive the view. The view continues it when it ends by itself (quit,
// an error, an exception: `process.on('exit')`); for an end it cannot see (SIGKILL, a closed
// terminal's SIGHUP) a shell in a process group of its own holds a pipe the view never writes: at
// its end of file (every copy of the view's end closed, i.e. the view gone) it continues the
// reader's group, whose lifeline (lifeline.ts) then ends it. The shell only ever sends SIGCONT,
// which does nothing to a process that is not stopped.

/** A process group the view can stop while it answers a key. */
export interface Pausable {
  /** Stops the group (no-op when it already is, or where groups cannot be stopped). */
  pause(): void;
  /** Continues the group (no-op unless paused). */
  resume(): void;
  /** Whether the group is stopped now. */
  readonly paused: boolean;
  /** Continues the group if paused and ends the watch: the group is ending or has ended. */
  release(): void;
}

const stoppedGroups = new Set<number>();
let exitHooked = false;
/** Every group still stopped is continued when the view's process ends (synchronously, in 'exit'). */
function continueAllOnExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const group of stoppedGroups) signal(group, 'SIGCONT');
  });
}

function signal(group: number, name: 'SIGSTOP' | 'SIGCONT'): boolean {
  try {
    process.kill(-group, name);
    return true;
  } catch {
    return false;
  }
}

/** The watch that continues `group` once this process is gone (see above). */
function watch(group: number): ChildProcess | undefined {
  try {
    // `read` waits for a line or the end of its input; nothing is ever written to it.
    const shell = spawn('/bin/sh', ['-c', 'read -r _; kill -s CONT -- "-$1"', 'undrift-reader-watch', String(group)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    shell.on('error', () => undefined);
    // Neither the shell nor its pipe keeps the view running.
    shell.unref();
    (shell.stdin as (Writable & { unref?: () => void }) | null)?.unref?.();
    shell.stdin?.on('error', () => undefined);
    return shell;
  } catch {
    return undefined;
  }
}

/** The process group led by `group` (a process started `detached`), stopped and continued by the view.
 * Not on Windows (no process groups to stop): there `pause` does nothing. */
export function pausableGroup(group: number | undefined, platform: NodeJS.Platform = process.platform): Pausable {
  let paused = false;
  let watcher: ChildProcess | undefined;
  let released = group === undefined || platform === 'win32';
  const resume = () => {
    if (!paused || group === undefined) return;
    paused = false;
    stoppedGroups.delete(group);
    signal(group, 'SIGCONT');
  };
  return {
    get paused() {
      return paused;
    },
    pause() {
      if (paused || released || group === undefined) return;
      // The watch first: a group is never stopped without one (spawned at the first key, not before
      // the first screen: a fork of the view costs its thread a few milliseconds).
      watcher ??= watch(group);
      if (!watcher?.pid) {
        released = true;
        return;
      }
      continueAllOnExit();
      if (!signal(group, 'SIGSTOP')) return;
      paused = true;
      stoppedGroups.add(group);
    },
    resume,
    release() {
      resume();
      released = true;
      if (watcher?.pid !== undefined && watcher.exitCode === null && watcher.signalCode === null) watcher.kill('SIGKILL');
    },
  };
}

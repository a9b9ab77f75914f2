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
//
// No group is stopped before its watch has said it runs (a line on its output, written once the
// shell is exec'd, i.e. in its own session): a child is in the view's process group from its fork
// until its setsid, and a closing terminal's SIGHUP to that group in between killed the watch
// before it ran, while the view, whose SIGHUP handler (Ink's) waits for its event loop, went on
// to stop the group. On a loaded machine that window is milliseconds, and the terminal closing
// is itself a key (the end of the view's input): readers were left stopped after tmux tests (3 of
// 5 runs at load 25, session 32). Until the watch answers, a pause is only wished for: the group
// stops when the watch is ready, if the wish still holds.

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

/** The watch that continues `group` once this process is gone (see above); `ready` is called
 * once it runs in a session of its own. `script` is the shell's (tests give one that dies first). */
function watch(group: number, ready: () => void, script = WATCH_SCRIPT): ChildProcess | undefined {
  try {
    const shell = spawn('/bin/sh', ['-c', script, 'undrift-reader-watch', String(group)], {
      detached: true,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    shell.on('error', () => undefined);
    // Neither the shell nor its pipes keep the view running.
    shell.unref();
    (shell.stdin as (Writable & { unref?: () => void }) | null)?.unref?.();
    shell.stdin?.on('error', () => undefined);
    const said = shell.stdout;
    if (said) {
      (said as typeof said & { unref?: () => void }).unref?.();
      said.on('error', () => undefined);
      said.once('data', () => {
        said.destroy();
        ready();
      });
    }
    return shell;
  } catch {
    return undefined;
  }
}

/** The watch's script: says it runs, then waits for a line or the end of its input (nothing is
 * ever written to it) and continues the group. */
export const WATCH_SCRIPT = 'echo; read -r _; kill -s CONT -- "-$1"';

/** The process group led by `group` (a process started `detached`), stopped and continued by the view.
 * Not on Windows (no process groups to stop): there `pause` does nothing. */
export function pausableGroup(group: number | undefined, platform: NodeJS.Platform = process.platform, script = WATCH_SCRIPT): Pausable {
  let paused = false;
  // A pause asked for and not yet taken back: carried out once the watch is ready.
  let wished = false;
  let ready = false;
  let watcher: ChildProcess | undefined;
  let released = group === undefined || platform === 'win32';
  const stop = () => {
    if (paused || released || group === undefined) return;
    continueAllOnExit();
    if (!signal(group, 'SIGSTOP')) return;
    paused = true;
    stoppedGroups.add(group);
  };
  const resume = () => {
    wished = false;
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
      wished = true;
      if (ready) return stop();
      // The watch first: a group is never stopped without one (spawned at the first key, not before
      // the first screen: a fork of the view costs its thread a few milliseconds).
      if (watcher) return;
      watcher = watch(
        group,
        () => {
          ready = true;
          if (wished) stop();
        },
        script,
      );
      if (!watcher?.pid) released = true;
    },
    resume,
    release() {
      resume();
      released = true;
      if (watcher?.pid !== undefined && watcher.exitCode === null && watcher.signalCode === null) watcher.kill('SIGKILL');
    },
  };
}

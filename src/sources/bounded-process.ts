import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';

// The one place, besides src/git/, that starts a process on the repository's behalf: the exec
// live source's command and the Kustomize build. Both run with a deadline, an output cap and
// everything they start killed with them.
//
// On Linux the command runs, where the system allows it, in a PID namespace of its own (unshare,
// through an unprivileged user namespace that maps the user to itself): when its first process
// dies the kernel kills every process in it, so nothing it starts can outlive the run, whatever it
// does (setsid, a double fork, a cleared environment). Elsewhere, or where user namespaces are
// off (some CI images restrict them), the run's processes are found in /proc by what they
// inherited: the process group, a mark in the environment, the command's output and error
// streams, and a mark in a resource limit. A daemon done by the book leaves the group, clears its
// environment and closes those streams, but keeps its resource limits: the command starts (through
// util-linux's prlimit) with a hard limit of real-time CPU time no other process has, which a
// process can lower but never raise, and which only processes under real-time scheduling feel
// (a run of 12 days of real-time CPU). What still escapes without the namespace: a process that
// drops all four traces (it lowers that limit on purpose as well), one forked after the last scan
// by a parent the scan killed, and another user's process (setuid) whose /proc entries cannot be
// read; in both modes, one started by another service at the command's request (systemd-run, at,
// a container daemon, ssh), which is no descendant of it at all.

export type BoundedResult =
  | { ok: true; stdout: Buffer; exitCode: number }
  | { ok: false; reason: 'not-found' | 'timeout' | 'too-much-output' | 'failed'; exitCode?: number; stderr: string };

/** `UNDRIFT_EXEC_NAMESPACE=off` runs commands without the PID namespace (a command that must see
 * the user's real uid, for sudo or ssh's own user lookup). */
const NAMESPACE_SETTING = 'UNDRIFT_EXEC_NAMESPACE';

const UNSHARE_ARGS = ['--user', '--map-current-user', '--pid', '--fork', '--kill-child', '--'];

let namespacesWork: boolean | undefined;

/** Whether this system lets an unprivileged process start a command in its own PID namespace
 * (asked once: util-linux 2.38's unshare, user namespaces allowed). */
function namespaces(): boolean {
  if (process.platform !== 'linux' || process.env[NAMESPACE_SETTING] === 'off') return false;
  namespacesWork ??= spawnSync('unshare', [...UNSHARE_ARGS, 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  return namespacesWork;
}

/** Whether `program` can be started from `cwd`, as spawn would find it (PATH for a bare name):
 * inside the namespace a missing program would be unshare's failure, not "not found". */
function findable(program: string, cwd: string): boolean {
  const candidates = program.includes('/')
    ? [path.resolve(cwd, program)]
    : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.resolve(cwd, dir || '.', program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** Kills the whole process group (the command and everything it started that stayed in it). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

/** The variable that marks every process of one run: it is inherited down the whole tree, also
 * by a process that leaves the group (setsid, a daemon's double fork). */
const RUN_MARK = 'UNDRIFT_EXEC_RUN';

/** The resource limit that marks one run's processes (RLIMIT_RTTIME, in microseconds): 2^40
 * (~12 days of real-time CPU) plus a random part, unlike any limit set by hand. */
const LIMIT_MARK_BASE = 2 ** 40;
const limitMarkLine = (value: number) => new RegExp(`^Max realtime timeout +${value} +${value} `, 'm');

/** What identifies one run's processes in /proc besides its group. */
interface RunTraces {
  mark: string;
  /** The run's real-time CPU limit, when prlimit set it. */
  limit?: number;
  /** The command's standard output and error as /proc names them (`socket:[123]`): every process
   * that still holds one inherited it from the run. */
  streams: string[];
}

/** The command's own output and error streams, read from /proc right after it starts. */
function streamsOf(pid: number | undefined): string[] {
  if (pid === undefined) return [];
  const streams: string[] = [];
  for (const fd of [1, 2]) {
    try {
      streams.push(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // gone already, or no /proc
    }
  }
  return streams;
}

function holdsStream(pid: string, streams: string[]): boolean {
  if (streams.length === 0) return false;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      return streams.includes(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      return false;
    }
  });
}

/** Whether the process carries the run's mark in its environment; undefined when its
 * environment cannot be read (another user's process, which no run of ours can have started
 * without a setuid program, or one that is gone). */
function carriesMark(pid: string, needle: Buffer): boolean | undefined {
  let environ: Buffer;
  try {
    environ = readFileSync(`/proc/${pid}/environ`);
  } catch {
    return undefined;
  }
  return environ.indexOf(needle) === 0 || environ.indexOf(Buffer.concat([Buffer.from([0]), needle])) >= 0;
}

function carriesLimit(pid: string, line: RegExp | undefined): boolean {
  if (!line) return false;
  try {
    return line.test(readFileSync(`/proc/${pid}/limits`, 'latin1'));
  } catch {
    return false;
  }
}

/** Kills every process (Linux: our own, in /proc) whose environment or resource limits carry
 * this run's mark, or that holds the command's output or error stream. */
function killTraced(traces: RunTraces): void {
  const needle = Buffer.from(`${RUN_MARK}=${traces.mark}\0`);
  const limitLine = traces.limit === undefined ? undefined : limitMarkLine(traces.limit);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    const marked = carriesMark(pid, needle);
    if (marked === undefined) continue;
    if (!marked && !holdsStream(pid, traces.streams) && !carriesLimit(pid, limitLine)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/**
 * Runs a command (argv, no shell) in a PID namespace or a process group of its own, so that at
 * the deadline, when its output passes `maxOutput` bytes, or when it exits, everything it started
 * is killed with it (a `sleep 600 &` left behind would otherwise hold its output open and the run
 * with it). Without the namespace, a process that left the group is found by its traces.
 */
export function runBounded(
  program: string,
  args: string[],
  /** `env`: variables set (over this process's) for the command. */
  options: { cwd: string; timeoutMs: number; maxOutput: number; env?: Record<string, string> },
): Promise<BoundedResult> {
  const contained = namespaces();
  // Without the namespace (Linux), the command is started held: a shell waits for one line before
  // it becomes the command, so the output streams are read from /proc before the command can run
  // (one that exits at once leaves a zombie without them, and its grandchildren unfound).
  const held = !contained && process.platform === 'linux';
  if ((contained || held) && !findable(program, options.cwd)) return Promise.resolve({ ok: false, reason: 'not-found', stderr: `${program}: not found` });
  // prlimit sets the limit on itself and becomes the held shell (one process, the same pid).
  const limit = held && findable('prlimit', options.cwd) ? LIMIT_MARK_BASE + randomBytes(4).readUInt32BE() : undefined;
  const holding = ['sh', '-c', 'read -r _ && exec "$0" "$@"', program, ...args];
  const [file, argv] = contained
    ? ['unshare', [...UNSHARE_ARGS, program, ...args]]
    : held
      ? limit !== undefined
        ? ['prlimit', [`--rttime=${limit}:${limit}`, ...holding]]
        : [holding[0]!, holding.slice(1)]
      : [program, args];
  return new Promise((resolve) => {
    const mark = randomBytes(12).toString('hex');
    const child = spawn(file, argv, {
      cwd: options.cwd,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, [RUN_MARK]: mark },
    });
    const traces: RunTraces = { mark, ...(limit !== undefined ? { limit } : {}), streams: streamsOf(child.pid) };
    // Standard input ends at once, as /dev/null would (a held command is released by the line
    // first). A command that is gone before it reads leaves the write unread: nothing to report.
    child.stdin.on('error', () => {});
    child.stdin.end(held ? '\n' : '');
    const killAll = () => {
      killGroup(child.pid);
      killTraced(traces);
    };
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let verdict: BoundedResult | undefined;
    let exitCode: number | null = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      // Once more: a process forked while the first scan ran (a double fork mid-exec) is not
      // seen by it, and would outlive the run.
      killTraced(traces);
      clearTimeout(deadline);
      clearTimeout(straggler);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve(
        verdict ??
          (exitCode === 0
            ? { ok: true, stdout: Buffer.concat(out, outBytes), exitCode }
            : { ok: false, reason: 'failed', ...(exitCode !== null ? { exitCode } : {}), stderr }),
      );
    };
    let straggler: NodeJS.Timeout | undefined;
    const stop = (why: BoundedResult) => {
      verdict ??= why;
      killAll();
      // The pipes close once every writer is dead; one that left the group is not waited for.
      straggler ??= setTimeout(finish, 2000);
    };
    const deadline = setTimeout(() => stop({ ok: false, reason: 'timeout', stderr }), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (verdict) return;
      outBytes += chunk.length;
      if (outBytes > options.maxOutput) return stop({ ok: false, reason: 'too-much-output', stderr });
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      verdict ??= { ok: false, reason: e.code === 'ENOENT' ? 'not-found' : 'failed', stderr: e.message };
      finish();
    });
    child.on('exit', (code) => {
      exitCode = code;
      // What it left running goes with it.
      killAll();
      straggler ??= setTimeout(finish, 2000);
    });
    child.on('close', finish);
  });
}

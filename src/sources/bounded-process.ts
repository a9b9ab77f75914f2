import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

// The one place, besides src/git/, that starts a process on the repository's behalf: the exec
// live source's command and the Kustomize build. Both run with a deadline, an output cap and
// everything they start killed with them.

export type BoundedResult =
  | { ok: true; stdout: Buffer; exitCode: number }
  | { ok: false; reason: 'not-found' | 'timeout' | 'too-much-output' | 'failed'; exitCode?: number; stderr: string };

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

/** Kills every process whose environment carries this run's mark (Linux: /proc/<pid>/environ of
 * our own processes). Elsewhere there is no /proc and the group kill alone stands. A process that
 * rewrites its whole environment (env -i) drops the mark and is not found. */
function killMarked(mark: string): void {
  const needle = Buffer.from(`${RUN_MARK}=${mark}\0`);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${pid}/environ`);
    } catch {
      continue; // another user's process, or gone
    }
    if (environ.indexOf(needle) !== 0 && environ.indexOf(Buffer.concat([Buffer.from([0]), needle])) < 0) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/**
 * Runs a command (argv, no shell) in a process group of its own, so that at the deadline, when
 * its output passes `maxOutput` bytes, or when it exits, everything it started is killed with it
 * (a `sleep 600 &` left behind would otherwise hold its output open and the run with it). A
 * process that leaves the group (setsid) is found by the mark its environment inherited.
 */
export function runBounded(program: string, args: string[], options: { cwd: string; timeoutMs: number; maxOutput: number }): Promise<BoundedResult> {
  return new Promise((resolve) => {
    const mark = randomBytes(12).toString('hex');
    const child = spawn(program, args, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [RUN_MARK]: mark } });
    const killAll = () => {
      killGroup(child.pid);
      killMarked(mark);
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
      killMarked(mark);
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

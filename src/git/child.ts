import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { UserError } from '../errors.js';
import { GIT_TIMEOUT_S } from '../model/limits.js';

// Every git process undrift starts is bounded: a credential helper waiting for a password, a hook
// or fsmonitor that never returns, or a git waiting on a lock must not hang a CI job. One-shot
// commands get a deadline; streaming walks (which may rightly run for minutes on a huge
// repository) get a deadline on silence instead: they are stopped only when no output came for
// that long while undrift was waiting for some.

/** Seconds a one-shot git command may run, and a stream may stay silent: UNDRIFT_GIT_TIMEOUT. */
export function gitTimeoutSeconds(): number {
  const chosen = Number(process.env.UNDRIFT_GIT_TIMEOUT);
  return Number.isFinite(chosen) && chosen > 0 ? chosen : GIT_TIMEOUT_S;
}

/**
 * The environment of every git undrift starts. Every path undrift gives git comes from undrift.yaml
 * (a pull request's, in CI) or from a tree git listed (whose names the pull request chose too), so
 * git reads each as the literal path it is: never as pathspec magic (`:(glob)**` walking every
 * file, `:!secret` or `:(exclude)` leaving files out, `:(top)`, `:(attr:…)`, `:(icase)`).
 * GIT_LITERAL_PATHSPECS applies to every pathspec of every command, including those a later call
 * adds; the other global pathspec settings are dropped, since git refuses to mix them with it.
 */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, GIT_LITERAL_PATHSPECS: '1' };
  delete env.GIT_GLOB_PATHSPECS;
  delete env.GIT_NOGLOB_PATHSPECS;
  delete env.GIT_ICASE_PATHSPECS;
  return env;
}

const shown = (args: string[]) =>
  `git ${args
    .filter((a) => !a.startsWith('--format=') && !a.includes('\n'))
    .slice(0, 4)
    .join(' ')}`;

/** A git command stopped by its deadline, naming the command and the fix. */
export class GitTimeout extends UserError {
  constructor(args: string[], seconds: number, silent: boolean) {
    super(
      `${shown(args)} ${silent ? `gave no output for ${seconds} s` : `did not finish within ${seconds} s`} and was stopped ` +
        `(a credential helper, hook or fsmonitor waiting, or a lock held by another git?); ` +
        `fix that, or set UNDRIFT_GIT_TIMEOUT=<seconds> to wait longer`,
    );
    this.name = 'GitTimeout';
  }
}

/** The process groups of the gits still running: when undrift ends (an error elsewhere, a
 * deadline), they end with it instead of staying behind with a hung helper. */
const running = new Set<ChildProcess>();
let reaperInstalled = false;
function track(child: ChildProcess, ownGroup: boolean): void {
  if (!ownGroup || child.pid === undefined) return;
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.once('exit', () => {
    for (const left of running) killTree(left, true);
  });
}

/** Kills the process group a git was started in (git and the helpers and hooks it started). */
function killTree(child: ChildProcess, ownGroup: boolean): void {
  if (child.pid === undefined) return;
  try {
    if (ownGroup) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // gone already
  }
}

export interface SpawnedGit {
  child: ChildProcess & { stdout: NonNullable<ChildProcess['stdout']> };
  /** Restarts the silence deadline: call it on output. */
  alive(): void;
  /** Starts or stops waiting for output (a long-lived `cat-file --batch` waits only while asked). */
  waiting(on: boolean): void;
  /** Why it was stopped, once it was. */
  readonly stopped: GitTimeout | undefined;
  /** Stop watching (the process ended). */
  done(): void;
}

/**
 * Spawns git with a deadline on silence: when no output arrived for UNDRIFT_GIT_TIMEOUT seconds
 * while waiting, its whole process group is killed, its output streams are destroyed with a
 * GitTimeout (so a reader of them gets the error even if an escaped helper holds the pipe open)
 * and `onStop` is told. `interactive` keeps git in the terminal's process group (a push may ask
 * for a password there); then only git itself is killed.
 */
export function spawnGit(
  cwd: string,
  args: string[],
  options: { stdio?: SpawnOptions['stdio']; env?: Record<string, string>; interactive?: boolean; onStop?: (error: GitTimeout) => void } = {},
): SpawnedGit {
  const ownGroup = options.interactive !== true;
  const child = spawn('git', args, {
    cwd,
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
    detached: ownGroup,
    env: gitEnvironment(options.env),
  }) as SpawnedGit['child'];
  track(child, ownGroup);
  const seconds = gitTimeoutSeconds();
  let timer: NodeJS.Timeout | undefined;
  let waiting = true;
  let stopped: GitTimeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    // Unref'd: while git runs, its pipes keep the process alive; the deadline alone must not.
    timer = waiting && !stopped ? setTimeout(stop, seconds * 1000).unref() : undefined;
  };
  function stop() {
    stopped = new GitTimeout(args, seconds, true);
    killTree(child, ownGroup);
    child.stdout?.destroy(stopped);
    child.stderr?.destroy();
    options.onStop?.(stopped);
  }
  child.once('exit', () => {
    clearTimeout(timer);
    timer = undefined;
    // Helpers git left behind in its group go with it.
    if (ownGroup) killTree(child, true);
  });
  arm();
  return {
    child,
    alive: () => timer !== undefined && arm(),
    waiting(on) {
      waiting = on;
      arm();
    },
    get stopped() {
      return stopped;
    },
    done: () => {
      waiting = false;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export interface GitResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
  /** Set when the run was stopped for printing more than `maxStdoutBytes`. */
  overLimit?: true;
}

/** A one-shot git command with a deadline on its whole run: its exit code and output, or a
 * GitTimeout. `interactive` as for spawnGit. */
export function runGitOnce(
  cwd: string,
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string>; interactive?: boolean; maxStdoutBytes?: number } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const ownGroup = options.interactive !== true;
    const child = spawn('git', args, {
      cwd,
      stdio: [options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      detached: ownGroup,
      env: gitEnvironment(options.env),
    });
    track(child, ownGroup);
    const seconds = gitTimeoutSeconds();
    const out: Buffer[] = [];
    let stderr = '';
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      killTree(child, ownGroup);
      child.stdout!.destroy();
      child.stderr!.destroy();
      reject(new GitTimeout(args, seconds, false));
    }, seconds * 1000);
    let outBytes = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (settled) return;
      outBytes += chunk.length;
      // Over the caller's limit (a blob of another commit, which the checkout's size checks never
      // saw): stop git rather than hold the rest in memory.
      if (options.maxStdoutBytes !== undefined && outBytes > options.maxStdoutBytes) {
        settled = true;
        clearTimeout(timer);
        killTree(child, ownGroup);
        child.stdout!.destroy();
        child.stderr!.destroy();
        resolve({ exitCode: -1, stdout: Buffer.alloc(0), stderr: `output over ${options.maxStdoutBytes} bytes`, overLimit: true });
        return;
      }
      out.push(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    // No git, or no such directory: a failure like any other, with what was said.
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ exitCode: -1, stdout: Buffer.alloc(0), stderr: e.message });
    });
    child.on('exit', () => {
      if (ownGroup) killTree(child, true);
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr });
    });
    if (options.input !== undefined) {
      child.stdin!.on('error', () => {
        // git exited without reading all of it: its exit code says why
      });
      child.stdin!.end(options.input);
    }
  });
}

import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ScanOutputCache } from '../sources/repo/scan-output-cache.js';
import { startKeyOf, utcToday } from '../sources/repo/start-key.js';

// The start of `undrift scan --format json` when nothing it reads changed since the output kept
// last (an unchanged re-run): decided from the raw inputs (sources/repo/start-key.ts) before the
// CLI, the engine and their libraries are loaded, then the kept bytes are copied out. Anything
// unusual — another command, a trusted config named (its ref is not in the key), a repository that is not the current directory's own `.git`, git
// pointed elsewhere by the environment, no kept output, any change — is left to the full CLI.

/** A kept output to write instead of running the CLI. */
export interface KeptStart {
  /** Copies the output to `stdout` and the run's messages to `stderr`; the exit code. */
  /** The exit code the run that kept it returned (known before a byte is written). */
  exit: number;
  writeTo(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number>;
}

/** The kept output of the scan `argv` (the arguments after `undrift`) run in `cwd`, when the run
 * that kept it read the same inputs; undefined otherwise (never an error: the CLI runs). */
export async function keptStart(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv, today = utcToday()): Promise<KeptStart | undefined> {
  try {
    if (argv[0] !== 'scan' || ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_WORK_TREE'].some((name) => env[name] !== undefined)) return undefined;
    // A trusted config's ref can move while HEAD and the files stay (the base branch gains a
    // commit): the key cannot see it, and a kept output made under the old ref's live sources or
    // limits must not answer for the new one.
    if (env.UNDRIFT_TRUSTED_CONFIG !== undefined || argv.some((a) => a === '--trusted-config' || a.startsWith('--trusted-config='))) return undefined;
    const root = realpathSync(cwd);
    // The repository's own git directory, not a linked worktree's (whose HEAD and caches live elsewhere).
    if (!statSync(path.join(root, '.git')).isDirectory()) return undefined;
    const found = await ScanOutputCache.in(path.join(root, '.git', 'undrift')).started();
    if (!found) return undefined;
    const { start } = found;
    const wellFormed =
      typeof start.key === 'string' &&
      Array.isArray(start.files) &&
      start.files.every((f) => typeof f === 'string') &&
      Number.isInteger(start.exit) &&
      typeof start.stderr === 'string';
    if (!wellFormed || startKeyOf({ argv, root, today, env }, start.files) !== start.key) {
      await found.close();
      return undefined;
    }
    return {
      exit: start.exit,
      writeTo: async (stdout, stderr) => {
        await found.output.copyTo(stdout);
        if (start.stderr) stderr.write(start.stderr);
        return start.exit;
      },
    };
  } catch {
    return undefined;
  }
}

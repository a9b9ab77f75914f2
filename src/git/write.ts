import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGitOnce } from './child.js';
import { outputText } from './run.js';
import { UserError } from '../errors.js';

// The git operations that write: apply's temporary worktrees, branch refs and the decision
// ledger. Every call goes through runGit or reports what git said.

/** A git command that failed, with what git said. */
export class GitFailed extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | undefined,
    readonly said: string,
  ) {
    super(
      `git ${args
        .filter((a) => !a.startsWith('-'))
        .slice(0, 2)
        .join(' ')} failed (exit ${exitCode ?? '?'})${said ? `: ${said}` : ' without a message'}`,
    );
    this.name = 'GitFailed';
  }
}

const textOf = (output: unknown): string => (typeof output === 'string' ? output : Buffer.isBuffer(output) ? output.toString('utf8') : '');

/** What git said when it failed: its error output, else its standard output (git commit speaks
 * on stdout), never an empty message. */
function saidBy(result: { stderr: unknown; stdout: unknown }): string {
  const said = [textOf(result.stderr).trim(), textOf(result.stdout).trim()].find((t) => t !== '');
  return said
    ? said
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(0, 3)
        .join(' / ')
    : '';
}

export interface GitOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Keep a trailing newline (file contents). */
  raw?: boolean;
  /** May ask for credentials on the terminal (fetch, push). */
  interactive?: boolean;
}

export async function runGit(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  const result = await runGitOnce(cwd, args, {
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.interactive ? { interactive: true } : {}),
  });
  if (result.exitCode !== 0) throw new GitFailed(args, result.exitCode, saidBy(result));
  return options.raw ? result.stdout.toString('utf8') : outputText(result.stdout);
}

/** A file's bytes at a revision, or undefined when it is not there (or is larger than `maxBytes`,
 * which is then never held whole). */
export async function committedBytes(repo: string, revision: string, file: string, maxBytes?: number): Promise<Buffer | undefined> {
  const result = await runGitOnce(repo, ['cat-file', 'blob', `${revision}:${file}`], maxBytes === undefined ? {} : { maxStdoutBytes: maxBytes });
  return result.exitCode === 0 ? result.stdout : undefined;
}

export async function resolveCommit(repo: string, revision: string): Promise<string | undefined> {
  const result = await runGitOnce(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

export async function branchExists(repo: string, name: string): Promise<boolean> {
  return (await runGitOnce(repo, ['show-ref', '--verify', '--quiet', `refs/heads/${name}`])).exitCode === 0;
}

/** A branch name git accepts (`git check-ref-format --branch`), else a one-line error. */
export async function checkBranchName(repo: string, name: string): Promise<void> {
  const result = await runGitOnce(repo, ['check-ref-format', '--branch', name]);
  if (result.exitCode !== 0 || name.startsWith('-')) {
    throw new UserError(
      `--branch ${JSON.stringify(name)} is not a valid git branch name (see git check-ref-format: no spaces, "..", "~", "^", ":", "?", "*", "[", "\\", no leading "-" or trailing ".lock")`,
    );
  }
}

/** Creates refs/heads/NAME at `sha` only if it does not exist yet (atomically: two runs racing
 * for one name cannot both get it). Returns false when it exists. */
export async function createBranch(repo: string, name: string, sha: string, reflog: string): Promise<boolean> {
  const zero = '0'.repeat(sha.length);
  const result = await runGitOnce(repo, ['update-ref', '-m', reflog, `refs/heads/${name}`, sha, zero]);
  if (result.exitCode === 0) return true;
  if (await branchExists(repo, name)) return false;
  throw new GitFailed(['update-ref', `refs/heads/${name}`], result.exitCode, saidBy(result));
}

export const WORKTREE_PREFIX = 'undrift-worktree-';

/** A temporary worktree on a detached HEAD at `base`, locked with this process's id so that a
 * later run can tell a killed run's leftover from a running one. */
export async function addTemporaryWorktree(repo: string, base: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), WORKTREE_PREFIX));
  try {
    await runGit(repo, ['worktree', 'add', '--quiet', '--detach', '--lock', '--reason', `undrift apply pid ${process.pid}`, dir, base]);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return dir;
}

export async function removeTemporaryWorktree(repo: string, dir: string): Promise<void> {
  await runGitOnce(repo, ['worktree', 'remove', '--force', '--force', dir]);
  await rm(dir, { recursive: true, force: true });
  await runGitOnce(repo, ['worktree', 'prune']);
}

/** Whether a process of this host still runs (a lock or worktree of a killed run is stale). */
export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Worktrees a killed undrift run left behind (its process is gone): removed. Returns their
 * directories. */
export async function removeStaleWorktrees(repo: string): Promise<string[]> {
  const listing = await runGit(repo, ['worktree', 'list', '--porcelain']).catch(() => '');
  const stale: string[] = [];
  for (const block of listing.split('\n\n')) {
    const dir = /^worktree (.+)$/m.exec(block)?.[1];
    if (!dir || !path.basename(dir).startsWith(WORKTREE_PREFIX)) continue;
    const pid = Number(/^locked undrift apply pid (\d+)$/m.exec(block)?.[1]);
    if (pid && processAlive(pid)) continue;
    stale.push(dir);
    await removeTemporaryWorktree(repo, dir);
  }
  return stale;
}

/** Branches undrift made (`undrift/…`) that HEAD does not contain yet, newest first: local ones
 * and the ones a teammate pushed (`origin/undrift/…`, remote-tracking), so two people do not
 * resolve one key twice. A remote branch is listed once with its local copy: left out when a
 * local branch of the same name holds its tip. */
export async function openUndriftBranches(repo: string): Promise<Array<{ name: string; sha: string }>> {
  const lines = (
    await runGit(repo, [
      'for-each-ref',
      '--sort=-committerdate',
      '--format=%(refname)%00%(refname:short)%00%(objectname)%00%(symref)',
      'refs/heads/undrift/',
      'refs/remotes/',
    ]).catch(() => '')
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\0') as [string, string, string, string])
    // refs/remotes/<remote>/undrift/…, not origin/HEAD nor a remote's other branches.
    .filter(([ref, , , symref]) => !symref && (ref.startsWith('refs/heads/undrift/') || /^refs\/remotes\/[^/]+\/undrift\//.test(ref)));
  const local = new Map(lines.filter(([ref]) => ref.startsWith('refs/heads/')).map(([ref, , sha]) => [ref.slice('refs/heads/'.length), sha]));
  const open: Array<{ name: string; sha: string }> = [];
  for (const [ref, name, sha] of lines) {
    if (ref.startsWith('refs/remotes/')) {
      const mine = local.get(ref.replace(/^refs\/remotes\/[^/]+\//, ''));
      if (mine !== undefined && (mine === sha || (await runGitOnce(repo, ['merge-base', '--is-ancestor', sha, mine])).exitCode === 0)) continue;
    }
    const merged = (await runGitOnce(repo, ['merge-base', '--is-ancestor', sha, 'HEAD'])).exitCode === 0;
    if (!merged) open.push({ name, sha });
  }
  return open;
}

/** Whether any remote-tracking ref has this branch name (`origin/NAME`): a new branch of that
 * name could not be pushed beside it. */
export async function remoteBranchExists(repo: string, name: string): Promise<boolean> {
  const refs = await runGit(repo, ['for-each-ref', '--format=%(refname)', 'refs/remotes/']).catch(() => '');
  return refs.split('\n').some((ref) => ref.replace(/^refs\/remotes\/[^/]+\//, '') === name);
}

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { tryGit } from './run.js';
import { runGit } from './write.js';

/** The top of the git work tree holding `dir`. */
export async function findRepoRoot(dir: string): Promise<string> {
  const absolute = await existingDirectory(dir);
  const top = await tryGit(absolute, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw notInRepository(absolute);
  return top.stdout.trim();
}

/** What a scan needs to know of the repository before it reads it, from one `git rev-parse`. */
export interface RepoFacts {
  /** The top of the work tree. */
  root: string;
  shallow: boolean;
  /** The git common directory, absolute. */
  commonDir: string;
  /** HEAD's commit; undefined before the first commit. */
  head: string | undefined;
}

/** The facts of the repository holding `dir`: one process where findRepoRoot, hasCommits and the
 * history's own question would be three (a scan of a small repository starts few others). */
export async function readRepoFacts(dir: string): Promise<RepoFacts> {
  const absolute = await existingDirectory(dir);
  // --verify fails (printing no commit) before the first commit; the lines before it still come.
  const asked = await tryGit(absolute, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-common-dir', '--verify', '--quiet', 'HEAD^{commit}']);
  const [root, shallow, commonDir, head] = asked.stdout === '' ? [] : asked.stdout.split(/\r?\n/);
  if (root === undefined || commonDir === undefined) throw notInRepository(absolute);
  return {
    root,
    shallow: shallow === 'true',
    commonDir: path.resolve(absolute, commonDir),
    head: asked.ok && head && /^[0-9a-f]{40,64}$/.test(head) ? head : undefined,
  };
}

async function existingDirectory(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(`${dir}: no such directory`);
  return absolute;
}

const notInRepository = (absolute: string) =>
  new UserError(
    `${absolute} is not inside a git repository: undrift reads declared config and its history from git (run it in your config repo, or pass --repo DIR)`,
  );

/** Whether the repository has a commit yet (a fresh `git init` has none). */
export async function hasCommits(root: string): Promise<boolean> {
  return (await tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).ok;
}

/** Files in the work tree that git tracks, plus the untracked ones it does not ignore, repo-relative
 * with forward slashes. Not a tracked file deleted or renamed in the work tree and not yet staged:
 * the index still lists it, and discovery offered a layout of files that are not there (every
 * command then failed on the first one, a newcomer's trial, session 32). */
export async function listRepoFiles(root: string): Promise<string[]> {
  const [out, deleted] = await Promise.all([
    runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']),
    runGit(root, ['ls-files', '-z', '--deleted']),
  ]);
  const gone = new Set(deleted.split('\0').filter(Boolean));
  return [...new Set(out.split('\0').filter((file) => file && !gone.has(file)))].sort();
}

/** A remote's URL, or '' when the repository has no such remote. */
export async function remoteUrl(repo: string, remote: string): Promise<string> {
  return (await tryGit(repo, ['remote', 'get-url', remote])).stdout.trim();
}

/** The checked-out branch's short name, or '' on a detached HEAD. */
export async function currentBranch(repo: string): Promise<string> {
  return (await tryGit(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).stdout.trim();
}

/** Whether git has an author identity here (user.name and user.email, or the environment's). */
export async function hasAuthorIdentity(repo: string): Promise<boolean> {
  return (await tryGit(repo, ['var', 'GIT_AUTHOR_IDENT'])).ok;
}

/** Pushes a local branch to the same name on the remote; undefined when pushed, else the last
 * line git said. */
export async function pushBranch(repo: string, remote: string, branch: string): Promise<string | undefined> {
  // `--`: the remote may come from undrift.yaml (forge.remote); never an option.
  const pushed = await tryGit(repo, ['push', '--quiet', '--', remote, `refs/heads/${branch}:refs/heads/${branch}`], undefined, { interactive: true });
  return pushed.ok ? undefined : (pushed.stderr.trim().split('\n').at(-1) ?? '');
}

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { UserError } from '../errors.js';

/** The top of the git work tree holding `dir`. */
export async function findRepoRoot(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(`${dir}: no such directory`);
  try {
    const top = await simpleGit(absolute).revparse(['--show-toplevel']);
    return top.trim();
  } catch {
    throw new UserError(`${absolute} is not inside a git repository: undrift reads declared config and its history from git (run it in your config repo, or pass --repo DIR)`);
  }
}

/** Files git tracks plus the untracked ones it does not ignore, repo-relative with forward slashes. */
export async function listRepoFiles(root: string): Promise<string[]> {
  const out = await simpleGit(root).raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return [...new Set(out.split('\0').filter(Boolean))].sort();
}

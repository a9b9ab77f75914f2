import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './write.js';

/** undrift's own folder inside the repository's git directory (`.git/undrift`): never in the
 * work tree, shared by every worktree of the repository. */
export async function undriftDir(repoRoot: string): Promise<string> {
  return undriftDirIn(await commonDir(repoRoot));
}

/** The repository's git common directory. At a repository's top, a `.git` directory is that
 * directory, unless the environment points git elsewhere: asked of the file system, not of a git
 * process (each scan asks; a process start costs more than the scan of a small repository). A
 * worktree's or submodule's `.git` file, and anything else, is asked of git. */
async function commonDir(repoRoot: string): Promise<string> {
  const dotGit = path.join(repoRoot, '.git');
  const pointed = ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_WORK_TREE'].some((name) => process.env[name] !== undefined);
  if (
    !pointed &&
    (await stat(dotGit).catch(() => undefined))?.isDirectory() &&
    (await stat(path.join(dotGit, 'commondir')).catch(() => undefined)) === undefined
  )
    return dotGit;
  return path.resolve(repoRoot, (await runGit(repoRoot, ['rev-parse', '--git-common-dir'])).trim());
}

/** `.git/undrift` under a git common directory the caller has already asked git for. */
export const undriftDirIn = (commonDir: string): string => path.join(commonDir, 'undrift');

/** The key secret fingerprints are made with, kept per repository in `.git/undrift` (readable by
 * its owner only) so that fingerprints in the history cache still match the next run's. Where it
 * cannot be kept, a key for this run only. */
export async function fingerprintKey(repoRoot: string): Promise<Buffer> {
  let file: string;
  try {
    file = path.join(await undriftDir(repoRoot), 'fingerprint-key');
  } catch {
    return randomBytes(32);
  }
  try {
    const key = await readFile(file);
    if (key.length === 32) return key;
  } catch {
    // first run: made below
  }
  const key = randomBytes(32);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, key, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch {
    // a read-only .git: fingerprints hold for this run
  }
  return key;
}

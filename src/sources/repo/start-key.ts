import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { headFromFiles } from '../../git/head-file.js';
import { DEFAULT_READ_LIMITS } from '../../model/limits.js';
import { codeStamp } from './read-cache.js';

// An unchanged re-run of `scan --format json` writes the output kept by the run before
// (scan-output-cache.ts). The engine's key for it is made once the configuration, every file and
// the history key are read, which takes loading the engine, the `yaml` library and the read
// cache: more than copying the output. This key is made from what those are read from — the
// command line, HEAD (read from git's files), the day, the environment variables git and undrift
// read, this installation's code, and the bytes of every file the scan read from the work tree —
// so that the CLI can decide before it loads anything else (cli/kept-start.ts). It is kept only
// for scans whose inputs are all named here: a configuration file (not a discovered layout),
// environments of plain files (no Kustomize overlay, no directory) and no live source.

const START_VERSION = 2;

/** What a scan's output is made from besides its files' bytes. */
export interface StartInputs {
  /** The command line after `undrift`, as given. */
  argv: readonly string[];
  /** The repository's top directory; the process runs there. */
  root: string;
  /** The day verdicts and expiries are judged on (UTC, YYYY-MM-DD). */
  today: string;
  env: NodeJS.ProcessEnv;
}

/** The environment variables git or undrift read while scanning (PATH finds git). */
const readVariables = (env: NodeJS.ProcessEnv) =>
  Object.entries(env)
    .filter(([name]) => name === 'PATH' || name.startsWith('GIT_') || name.startsWith('UNDRIFT_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The key of a scan made from `inputs` and the repository-relative `files` (a missing file
 * counts as missing); undefined when it cannot be made (HEAD not readable from the files, a file
 * unreadable or not a regular file) or, with `unchanged`, when a file may have changed while the
 * scan read it: its bytes differ from those `unchanged.before` recorded when the scan started
 * (fileDigests), or, not recorded then, it was modified at or after `unchanged.since` (ms). */
export function startKeyOf(
  inputs: StartInputs,
  files: readonly string[],
  unchanged?: { since: number; before: ReadonlyMap<string, string> },
): string | undefined {
  const head = headFromFiles(path.join(inputs.root, '.git'));
  if (head === undefined) return undefined;
  const hash = createHash('sha1').update(
    JSON.stringify([START_VERSION, codeStamp(), inputs.argv, inputs.root, inputs.today, readVariables(inputs.env), head, files]),
  );
  for (const file of files) {
    const read = readDigest(inputs.root, file);
    if (read === undefined) return undefined;
    if (unchanged) {
      const before = unchanged.before.get(file);
      if (before !== undefined ? before !== read.digest : read.modified !== undefined && read.modified >= unchanged.since) return undefined;
    }
    hash.update(`\0${read.digest}`);
  }
  return hash.digest('hex');
}

/** Each file's digest now (the ones that can be read), to give `startKeyOf` as `before`. */
export function fileDigests(root: string, files: readonly string[]): Map<string, string> {
  const digests = new Map<string, string>();
  for (const file of files) {
    const read = readDigest(root, file);
    if (read !== undefined) digests.set(file, read.digest);
  }
  return digests;
}

/** A file's digest ('missing' for no file) and modification time; undefined when it cannot be read,
 * is not a regular file, is larger than undrift reads from one file, or leads outside the
 * repository: the files are the kept run's, and the work tree may have turned one into a link to a
 * file outside since (which the full scan then refuses). git's own files (`.git/config`) count. */
function readDigest(root: string, file: string): { digest: string; modified?: number } | undefined {
  try {
    const real = realpathSync(path.join(root, file));
    const rel = path.relative(realpathSync(root), real);
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
    const stats = statSync(real);
    if (!stats.isFile() || stats.size > DEFAULT_READ_LIMITS.fileBytes) return undefined;
    return { digest: createHash('sha1').update(readFileSync(real)).digest('hex'), modified: stats.mtimeMs };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { digest: 'missing' } : undefined;
  }
}

/** Today as a scan judges it when not told (`--today`): the UTC date. */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

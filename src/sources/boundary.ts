import { closeSync, constants, fstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { DEFAULT_READ_LIMITS, mib, raiseWith, type ReadLimits } from '../model/limits.js';

// The repository boundary. undrift runs in CI on configuration written by whoever opens a pull
// request, next to the CI's tokens: every path a configuration names is resolved (symlinks
// included) and must stay inside the repository's work tree, outside `.git`, and be a regular
// file or a directory. This module is the only place that opens a configured path.

/** `where` names the setting in messages, e.g. `undrift.yaml:5:12: environments.production.files[0]`. */
export interface Inside {
  /** The real path (symlinks resolved) of the file or directory. */
  real: string;
  /** Repo-relative, forward slashes: how messages and locations name it. */
  rel: string;
  /** False when nothing is there (yet): its text stayed inside, its real path is unknown. */
  exists: boolean;
}

const realRoots = new Map<string, string>();

function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync.native(root);
    realRoots.set(root, real);
  }
  return real;
}

const shown = (p: string) => JSON.stringify(p);

/** `undrift.yaml:4:12: environments.x.files[0]: "../y"`, or just `config/x.yaml` when the setting is the path. */
const subject = (where: string, given: string) => (where === given ? where : `${where}: ${shown(given)}`);

/**
 * A path component some filesystem takes for `.git`, refused as git's own verify_path refuses it:
 * in any case (macOS and Windows filesystems ignore case, so `.GIT/config` is `.git/config`
 * there), with NTFS's trailing dots and spaces and stream suffix (`.git.`, `.git::$DATA`), as
 * NTFS's short name (`GIT~1`), and with the code points HFS+ ignores (`.g\u200cit`).
 */
export function namesGitDir(part: string): boolean {
  let name = part.replace(/[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g, '');
  const stream = name.indexOf(':');
  if (stream >= 0) name = name.slice(0, stream);
  let end = name.length;
  while (end > 0 && (name[end - 1] === '.' || name[end - 1] === ' ')) end--;
  name = name.slice(0, end).toLowerCase();
  return name === '.git' || /^git~\d{1,6}$/.test(name);
}

/** Where `real` lies relative to the root, or why it is not allowed. */
function relativeInside(rootReal: string, real: string): { rel: string } | { refused: string } {
  const rel = path.relative(rootReal, real);
  if (rel === '') return { rel: '.' };
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { refused: 'outside the repository' };
  const parts = rel.split(path.sep);
  if (parts.some(namesGitDir)) return { refused: "inside .git (git's own directory is never read as configuration)" };
  return { rel: parts.join('/') };
}

/**
 * Resolves a configured path against the repository and checks it stays inside: the text as
 * written first (absolute paths, `..`), then the real path (a symlink pointing out). A path that
 * does not exist yet passes when its text stays inside; reading it later checks again.
 */
export function resolveInside(root: string, given: string, where: string): Inside {
  const rootReal = realRoot(root);
  if (given.includes('\0')) throw new UserError(`${subject(where, given)} is not a usable path (it holds a NUL byte)`);
  const lexical = relativeInside(path.resolve(root), path.resolve(root, given));
  if ('refused' in lexical) throw new UserError(`${subject(where, given)} is ${lexical.refused}`);
  let real: string;
  try {
    real = realpathSync.native(path.resolve(root, given));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { real: path.resolve(rootReal, lexical.rel), rel: lexical.rel, exists: false };
    if (code === 'ELOOP') throw new UserError(`${subject(where, given)} is a symlink loop`);
    throw new UserError(`${subject(where, given)} cannot be resolved (${code ?? (e as Error).message})`);
  }
  const checked = relativeInside(rootReal, real);
  if ('refused' in checked) throw new UserError(`${subject(where, given)} is a symlink to ${shown(real)}, ${checked.refused}`);
  return { real, rel: lexical.rel, exists: true };
}

/**
 * Opens a checked path for reading and checks again what was opened: `realpath` then `open` is
 * two steps, and a directory on the way can be swapped for a symlink pointing out in between
 * (O_NOFOLLOW guards only the last component). So the descriptor itself is asked where it is
 * (Linux: /proc/self/fd) and must still be inside; elsewhere the path is resolved again and must
 * lead to the very file that was opened (same device and inode). undefined when nothing is there.
 */
export function openInside(root: string, inside: Inside, given: string, where: string): number | undefined {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    fd = openSync(inside.real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw new UserError(`${subject(where, given)} changed into a symlink while being read`);
    throw new UserError(`${subject(where, given)} cannot be opened (${code ?? (e as Error).message})`);
  }
  try {
    const opened = openedPath(fd, inside.real);
    const checked =
      opened === undefined ? { refused: 'changed while being read (it is no longer the file that was checked)' } : relativeInside(realRoot(root), opened);
    if ('refused' in checked)
      throw new UserError(
        `${subject(where, given)} ${opened === undefined ? '' : `was swapped for a path to ${shown(opened)} while being read: `}${checked.refused}`,
      );
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/** The real path of an open descriptor; undefined when it cannot be told to be `expected`. */
function openedPath(fd: number, expected: string): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    // no /proc: resolve the path again and compare the file it leads to with the one opened
  }
  try {
    const again = realpathSync.native(expected);
    const [opened, found] = [fstatSync(fd), statSync(again)];
    return opened.dev === found.dev && opened.ino === found.ino ? again : undefined;
  } catch {
    return undefined;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

export type Entry = { type: 'file'; inside: Inside; size: number } | { type: 'directory'; inside: Inside } | { type: 'missing'; inside: Inside };

/** What a configured path is, once checked: a regular file, a directory, or nothing yet. Devices,
 * FIFOs and sockets are refused (opening a FIFO would wait for a writer forever). */
export function statInside(root: string, given: string, where: string): Entry {
  const inside = resolveInside(root, given, where);
  if (!inside.exists) return { type: 'missing', inside };
  const fd = openInside(root, inside, given, where);
  if (fd === undefined) return { type: 'missing', inside };
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { type: 'directory', inside };
    if (!stats.isFile()) throw new UserError(`${subject(where, given)} is ${kindOf(stats)}, not a regular file`);
    return { type: 'file', inside, size: stats.size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a configured regular file inside the repository, at most the fileBytes read limit; undefined when
 * it does not exist. The file is opened by its real path and checked again on the open
 * descriptor (where it is, what it is), so what is checked is what is read.
 */
export function readInside(
  root: string,
  given: string,
  where: string,
  limits: Pick<ReadLimits, 'fileBytes' | 'from'> = DEFAULT_READ_LIMITS,
): string | undefined {
  const buffer = readBytesInside(root, given, where, limits);
  return buffer?.toString('utf8');
}

export function readBytesInside(root: string, given: string, where: string, limits: Pick<ReadLimits, 'fileBytes' | 'from'>): Buffer | undefined {
  const inside = resolveInside(root, given, where);
  if (!inside.exists) return undefined;
  const maxBytes = limits.fileBytes;
  const fd = openInside(root, inside, given, where);
  if (fd === undefined) return undefined;
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UserError(`${subject(where, given)} is a directory, not a file`);
    if (!stats.isFile()) throw new UserError(`${subject(where, given)} is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes)
      throw new UserError(
        `${subject(where, given)} is ${mib(stats.size)}, more than the ${mib(maxBytes)} undrift reads from one file (${raiseWith(limits, 'fileBytes')})`,
      );
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      // A file that grows while it is read is bounded too.
      if (total > maxBytes)
        throw new UserError(`${subject(where, given)} is more than the ${mib(maxBytes)} undrift reads from one file (${raiseWith(limits, 'fileBytes')})`);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * The files below a configured directory whose names `wanted` accepts, sorted, repo-relative.
 * Real subdirectories are walked; a symlink is followed only when it stays inside the repository
 * (one that points out is an error naming it); symlinked directories are not walked, so a link
 * back up cannot loop.
 */
export function listInside(root: string, given: string, where: string, wanted: (name: string) => boolean): string[] {
  const top = resolveInside(root, given, where);
  const files: string[] = [];
  const walk = (rel: string) => {
    const real = path.resolve(realRoot(root), rel);
    const entries = readdirSync(real, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = rel === '.' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!namesGitDir(entry.name)) walk(child);
        continue;
      }
      if (!wanted(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        const target = statInside(root, child, `${where}: ${child}`);
        if (target.type !== 'file') continue;
      } else if (!entry.isFile()) {
        continue; // FIFOs, sockets and devices are never read
      }
      files.push(child);
    }
  };
  walk(top.rel);
  return files;
}

import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileDigests, startKeyOf } from './start-key.js';
import { tempBeside } from '../../kept-file.js';

// The interactive view's first screen is the repository's files read and compared (no history, no
// live state): on a second `undrift` with the same files at the same HEAD that is the same list.
// It is kept here (`.git/undrift/view-first`: a header line naming the files read and the key of
// their bytes, the options, HEAD, the day and the code — start-key.ts —, then the list as V8
// serialises it, in parts: what the first frame shows first) and shown from it before the engine reads anything; the reading that follows
// (history, live state) is the same as without it. Kept only where those files are every input of
// the list (start-key.ts refuses a directory); failing to read or write it only costs speed.

const VERSION = 2;
const FILE = 'view-first';
/** The repository's key for fingerprints of secret values (git/undrift-dir.ts), relative to its top. */
export const FINGERPRINT_KEY = '.git/undrift/fingerprint-key';

interface Header {
  version: number;
  key: string;
  files: string[];
  /** The bytes of each part but the last, as V8 serialised them (the parts follow the header). */
  sizes: number[];
}

/** A kept first screen: its first part deserialised, the others when asked (each once). */
export interface KeptScreen<T> {
  first: T;
  /** The part at `index` (1 and up). */
  part(index: number): unknown;
}

/** The repository's top directory and its `.git` directory, found from `dir` by the file system
 * alone (no git process: this runs before anything is loaded); undefined for a worktree's or
 * submodule's `.git` file, or with git pointed elsewhere by the environment. */
export function repositoryTop(dir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_WORK_TREE'].some((name) => env[name] !== undefined)) return undefined;
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const dotGit = path.join(at, '.git');
    if (existsSync(dotGit)) return statSync(dotGit).isDirectory() && !existsSync(path.join(dotGit, 'commondir')) ? at : undefined;
    if (path.dirname(at) === at) return undefined;
  }
}

/** What a first screen is read from besides the files: the options as given, and the day. */
export interface FirstScreenInputs {
  root: string;
  options: unknown;
  today: string;
}

const keyOf = (inputs: FirstScreenInputs, files: readonly string[], unchanged?: { since: number; before: ReadonlyMap<string, string> }) =>
  startKeyOf({ argv: ['view', JSON.stringify(inputs.options)], root: inputs.root, today: inputs.today, env: process.env }, files, unchanged);

/** The first screen kept for these inputs, if the files it was read from are unchanged: the parts
 * it was kept in, the first deserialised now (what the first frame shows), the others when asked
 * (V8's deserialising of the whole list, and the collections after it, were ~0.3 s of the view's
 * thread before the first screen on the Helm corpus). */
export function keptFirstScreen<T>(inputs: FirstScreenInputs): KeptScreen<T> | undefined {
  try {
    const bytes = readFileSync(path.join(inputs.root, '.git', 'undrift', FILE));
    const end = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Header;
    if (header.version !== VERSION || !Array.isArray(header.files) || !Array.isArray(header.sizes)) return undefined;
    if (keyOf(inputs, header.files) !== header.key) return undefined;
    const bounds = [end + 1];
    for (const size of header.sizes) bounds.push(bounds.at(-1)! + size);
    bounds.push(bytes.length);
    const first = deserialize(bytes.subarray(bounds[0], bounds[1])) as T;
    const parts = new Map<number, unknown>();
    return {
      first,
      part(index) {
        if (!parts.has(index)) parts.set(index, deserialize(bytes.subarray(bounds[index], bounds[index + 1])));
        return parts.get(index);
      },
    };
  } catch {
    return undefined;
  }
}

/** Keeps a first screen read from `files` (repository-relative), in `parts` (the first one what the
 * first frame shows): only when none of the files may have changed while it was read (modified
 * after `since`, in ms, less 2 s for coarse clocks). */
export function keepFirstScreen(inputs: FirstScreenInputs, files: readonly string[], since: number, parts: readonly unknown[]): void {
  // The fingerprint key is made by the first scan of a repository and never changes: its bytes now
  // are the ones the read used, however new the file.
  const key = keyOf(inputs, files, {
    since: since - 2000,
    before: fileDigests(
      inputs.root,
      files.filter((file) => file === FINGERPRINT_KEY),
    ),
  });
  if (key === undefined) return;
  const file = path.join(inputs.root, '.git', 'undrift', FILE);
  const temp = tempBeside(file);
  let fd: number | undefined;
  try {
    const bodies = parts.map((part) => serialize(part));
    // Readable by its owner only, as the other caches: the list quotes the files' values.
    fd = openSync(temp, 'w', 0o600);
    writeSync(fd, `${JSON.stringify({ version: VERSION, key, files: [...files], sizes: bodies.slice(0, -1).map((b) => b.length) } satisfies Header)}\n`);
    for (const body of bodies) writeSync(fd, body);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
  }
}

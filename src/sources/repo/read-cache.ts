import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as limits from '../../model/limits.js';
import type { ReadLimits } from '../../model/limits.js';
import type { KeyPath, Value } from '../../model/types.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';
import type { FileValues } from '../../parse/format.js';
import { readKeptJson, tempBeside } from '../../kept-file.js';

// Reading a current file is the whole cost of a re-run's repo side: the `yaml` library composes a
// 4,000-line values file in ~0.3 s to give every key its line and column. A file's keys, values,
// locations and warnings are a function of its text, its name and format, the fingerprint key, the
// read limits in force (undrift.yaml's `limits:`) and the code that reads it, so a read is kept per file under `.git/undrift/reads/` and reused while
// all of those are the same. Failing to read or write it only costs speed; errors are not kept
// (the file is read again and reports them).

const FORMAT_VERSION = 1;

interface SavedRead {
  version: number;
  key: string;
  values: Array<[KeyPath, Value]>;
  warnings: string[];
}

/** A kept read patched to be the read of `text` (the file's text now) from the text it was made
 * of (`before`), or undefined when only a whole read can say (parse/patch-read.ts). */
export type PatchRead = (before: string, kept: ReadonlyMap<KeyPath, Value>) => Map<KeyPath, Value> | undefined;

export class ReadCache {
  constructor(private readonly dir: string) {}

  /** The read of `text` (the file `relPath` read as `format` within `limits`), from the cache or made by `read`. */
  async read(
    relPath: string,
    format: string,
    text: string,
    limits: Readonly<ReadLimits>,
    fingerprint: SecretFingerprint,
    read: () => Promise<FileValues>,
    patch?: PatchRead,
  ): Promise<FileValues> {
    const { file, key, saved, stale } = await this.lookUp(relPath, format, text, limits, fingerprint);
    if (saved) return saved;
    // The file changed since its read was kept: where the change is a few scalars rewritten in
    // place, the kept read is patched (the text it was made of is kept beside it).
    const before = stale && patch ? await readFile(`${file}.text`, 'utf8').catch(() => undefined) : undefined;
    const patched =
      before !== undefined && this.keyOf(relPath, format, before, limits, fingerprint) === stale!.key ? patch!(before, new Map(stale!.values)) : undefined;
    const fresh = patched ? { values: patched, warnings: stale!.warnings } : await read();
    // The text is kept only for a file that holds no secret: its value is in the text, while the
    // read keeps only its fingerprint (a file's secrets are never written out, not even to .git).
    const keepText = patch !== undefined && ![...fresh.values.values()].some((v) => v.type === 'secret');
    await this.save(file, { version: FORMAT_VERSION, key, values: [...fresh.values], warnings: fresh.warnings }, keepText ? text : undefined);
    return fresh;
  }

  /** The kept read of `text`, if there is one (nothing is read or written otherwise). */
  async saved(relPath: string, format: string, text: string, limits: Readonly<ReadLimits>, fingerprint: SecretFingerprint): Promise<FileValues | undefined> {
    return (await this.lookUp(relPath, format, text, limits, fingerprint)).saved;
  }

  private async lookUp(
    relPath: string,
    format: string,
    text: string,
    limits: Readonly<ReadLimits>,
    fingerprint: SecretFingerprint,
  ): Promise<{ file: string; key: string; saved?: FileValues; stale?: SavedRead }> {
    const key = this.keyOf(relPath, format, text, limits, fingerprint);
    const file = path.join(this.dir, `${createHash('sha1').update(`${relPath}\0${format}`).digest('hex')}.json`);
    // A kept read that is not JSON (cut short, or written over by another run) is no kept read.
    const saved = await readKeptJson<SavedRead>(file);
    if (saved?.version === FORMAT_VERSION && saved.key === key) return { file, key, saved: { values: new Map(saved.values), warnings: saved.warnings } };
    return { file, key, ...(saved?.version === FORMAT_VERSION ? { stale: saved } : {}) };
  }

  /** The key of a read: everything it is a function of (see above). */
  private keyOf(relPath: string, format: string, text: string, limits: Readonly<ReadLimits>, fingerprint: SecretFingerprint): string {
    return createHash('sha1')
      .update(JSON.stringify([FORMAT_VERSION, codeStamp(), limits, relPath, format, fingerprint.of(Buffer.from('undrift read cache'))]))
      .update(text)
      .digest('hex');
  }

  /** Keeps a read, and the text it was made of where a later read may be patched from it. */
  private async save(file: string, saved: SavedRead, text?: string): Promise<void> {
    const temp = tempBeside(file);
    try {
      await mkdir(this.dir, { recursive: true });
      // The text first: a read is patched only from the text its key names (checked), so a text
      // left from an earlier read is never taken for this one's.
      if (text !== undefined) {
        await writeFile(temp, text, { mode: 0o600 });
        await rename(temp, `${file}.text`);
      } else await rm(`${file}.text`, { force: true });
      // Readable by its owner only: a work-tree file's values, secrets not yet known as such among them.
      await writeFile(temp, JSON.stringify(saved), { mode: 0o600 });
      await rename(temp, file);
    } catch {
      // a read-only .git: the next run reads the file again
    }
  }
}

let stamp: string | undefined;

/** What identifies the code that reads files: every module of this installation (name, size,
 * modification time; not the type declarations beside them) and the limits it reads within. A
 * rebuilt or upgraded undrift reads again. Made on every run, before the view's first frame and
 * the kept re-run's copy: names are joined and sorted as plain strings (path.relative and
 * localeCompare over ~400 files were most of its ~50 ms). */
export function codeStamp(): string {
  if (stamp !== undefined) return stamp;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hash = createHash('sha1').update(JSON.stringify(limits));
  const visit = (dir: string, relative: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.isDirectory()) visit(path.join(dir, entry.name), `${relative}${entry.name}/`);
      else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        const stats = statSync(path.join(dir, entry.name));
        hash.update(`${relative}${entry.name}\0${stats.size}\0${stats.mtimeMs}\n`);
      }
    }
  };
  visit(root, '');
  return (stamp = hash.digest('hex'));
}

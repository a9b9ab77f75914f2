import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEvent } from '../model/types.js';
import type { KeyChange } from './versions.js';

export type CachedDiff = KeyChange[];

/** A RepoHistory as JSON: env → key → events. */
export interface SavedHistory {
  envs: Record<string, Record<string, HistoryEvent[]>>;
  broken: Array<{ commit: string; file: string; error: string }>;
  truncatedAt?: string;
  stats: { commits: number; entries: number; blobsRead: number; cacheHits: number };
}

const resultFile = (cacheFile: string) => path.join(path.dirname(cacheFile), 'history-result.json');

// Bump when parsing or flattening changes what a version's keys are.
const FORMAT_VERSION = 1;

interface CacheFile {
  version: number;
  diffs: Record<string, Array<[string, string | null, string | null]>>;
  /** Per blob (with the format it is read in): '' when it parses, else the parse error. */
  blobs: Record<string, string>;
}

/** Diffs between blob pairs, kept under `.git/undrift/`. Blobs are immutable, so a diff computed
 * once is right forever: a re-run costs only the `git log --raw` walk, and new commits cost only
 * themselves. Never in the work tree; failing to read or write it only costs speed. */
export class HistoryCache {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly data: CacheFile,
  ) {}

  /** The cache in `dir` (the repository's `.git/undrift`). */
  static async open(dir: string): Promise<HistoryCache> {
    const file = path.join(dir, 'history-cache.json');
    const empty: CacheFile = { version: FORMAT_VERSION, diffs: {}, blobs: {} };
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      return new HistoryCache(file, data.version === FORMAT_VERSION ? data : empty);
    } catch {
      return new HistoryCache(file, empty);
    }
  }

  has(key: string): boolean {
    return key in this.data.diffs;
  }

  get(key: string): CachedDiff | undefined {
    const diff = this.data.diffs[key];
    return diff?.map(([k, from, to]) => ({ key: k, from, to }));
  }

  set(key: string, diff: CachedDiff): void {
    this.data.diffs[key] = diff.map((c) => [c.key, c.from, c.to]);
    this.dirty = true;
  }

  blobStatus(id: string): string | undefined {
    return this.data.blobs[id];
  }

  setBlobStatus(id: string, error: string): void {
    this.data.blobs[id] = error;
    this.dirty = true;
  }

  /** The whole history computed for the same HEAD and the same files: a re-run with no new
   * commit reads it and walks nothing. */
  async result(key: string): Promise<SavedHistory | undefined> {
    try {
      const saved = JSON.parse(await readFile(resultFile(this.file), 'utf8')) as { key: string; history: SavedHistory };
      return saved.key === key ? saved.history : undefined;
    } catch {
      return undefined;
    }
  }

  async saveResult(key: string, history: SavedHistory): Promise<void> {
    try {
      const temp = `${resultFile(this.file)}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ key, history }));
      await rename(temp, resultFile(this.file));
    } catch {
      // only speed is lost
    }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(this.data));
      await rename(temp, this.file);
      this.dirty = false;
    } catch {
      // a read-only .git only makes the next run slower
    }
  }
}

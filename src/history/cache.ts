import { readFileSync } from 'node:fs';
import { appendFile, mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { HistoryEvent } from '../model/types.js';
import type { KeyChange } from './versions.js';
import { tempBeside } from '../kept-file.js';

export type CachedDiff = KeyChange[];

/** A RepoHistory's parts: env → key → events. */
export interface HistoryParts {
  envs: Map<string, Map<string, HistoryEvent[]>>;
  broken: Array<{ commit: string; file: string; error: string }>;
  truncatedAt?: string;
  stats: { commits: number; entries: number; blobsRead: number; cacheHits: number };
}

/** The same, as saved: each commit once, events as rows that point at it. A history has many
 * events per commit, and this is written on every first run and read on every re-run. */
interface SavedHistory {
  commits: Array<[sha: string, author: string, email: string, date: string, committed: string, subject: string, body: string, order?: number]>;
  files: string[];
  envs: Record<string, Record<string, Array<[commit: number, file: number, from: string | null, to: string | null, flags: number, renamedFrom?: string]>>>;
  broken: HistoryParts['broken'];
  truncatedAt?: string;
  stats: HistoryParts['stats'];
}

const MERGE = 1;
const REVERT = 2;
const ACROSS_BROKEN = 4;
const TRUNCATED = 8;

type SavedRow = SavedHistory['envs'][string][string][number];

/** Commits and files as saved, each once, with their indexes: events are rows pointing at them. */
class SavedTables {
  readonly commits: SavedHistory['commits'] = [];
  readonly files: string[] = [];
  private readonly commitIndex = new Map<string, number>();
  private readonly fileIndex = new Map<string, number>();

  rows(events: readonly HistoryEvent[]): SavedRow[] {
    return events.map((e) => {
      let commit = this.commitIndex.get(e.commit);
      if (commit === undefined) {
        this.commitIndex.set(e.commit, (commit = this.commits.length));
        const facts: SavedHistory['commits'][number] = [e.commit, e.author, e.email, e.date, e.committed, e.subject, e.body];
        if (e.order !== undefined) facts.push(e.order);
        this.commits.push(facts);
      }
      let file = this.fileIndex.get(e.file);
      if (file === undefined) {
        this.fileIndex.set(e.file, (file = this.files.length));
        this.files.push(e.file);
      }
      const flags = (e.merge ? MERGE : 0) | (e.revert ? REVERT : 0) | (e.acrossBroken ? ACROSS_BROKEN : 0) | (e.truncated ? TRUNCATED : 0);
      return e.renamedFrom ? [commit, file, e.from, e.to, flags, e.renamedFrom] : [commit, file, e.from, e.to, flags];
    });
  }
}

function encodeHistory(history: HistoryParts): SavedHistory {
  const tables = new SavedTables();
  const envs: SavedHistory['envs'] = {};
  for (const [env, keys] of history.envs) {
    const rows: SavedHistory['envs'][string] = (envs[env] = {});
    for (const [key, events] of keys) rows[key] = tables.rows(events);
  }
  return {
    commits: tables.commits,
    files: tables.files,
    envs,
    broken: history.broken,
    ...(history.truncatedAt ? { truncatedAt: history.truncatedAt } : {}),
    stats: history.stats,
  };
}

/** `shift`: new commits since the history was saved, each before every saved one in the commit order. */
function decodeHistory(saved: SavedHistory, shift = 0): HistoryParts {
  const envs = new Map<string, Map<string, HistoryEvent[]>>();
  for (const [env, rows] of Object.entries(saved.envs)) {
    const keys = new Map<string, HistoryEvent[]>();
    envs.set(env, keys);
    for (const [key, events] of Object.entries(rows)) keys.set(key, decodeRows(events, saved.commits, saved.files, shift));
  }
  return { envs, broken: saved.broken, ...(saved.truncatedAt ? { truncatedAt: saved.truncatedAt } : {}), stats: saved.stats };
}

function decodeRows(events: readonly SavedRow[], commits: SavedHistory['commits'], files: readonly string[], shift: number): HistoryEvent[] {
  return events.map(([commit, file, from, to, flags, renamedFrom]) => {
    const [sha, author, email, date, committed, subject, body, order] = commits[commit]!;
    return {
      commit: sha,
      author,
      email,
      date,
      committed,
      subject,
      body,
      file: files[file]!,
      from,
      to,
      merge: (flags & MERGE) !== 0,
      revert: (flags & REVERT) !== 0,
      ...(flags & ACROSS_BROKEN ? { acrossBroken: true } : {}),
      ...(flags & TRUNCATED ? { truncated: true } : {}),
      ...(order !== undefined ? { order: order + shift } : {}),
      ...(renamedFrom ? { renamedFrom } : {}),
    };
  });
}

/** The result file: the last run's whole history, under its key. */
interface SavedResult {
  version: number;
  /** Which writing of the file this is: the journal's lines name the one they follow. */
  id?: string;
  key: string;
  head?: string;
  scope?: string;
  history: SavedHistory;
}

/** The commits a run added to the kept result (./extend.ts), as a line of the result's journal
 * (`history-result.journal`) instead of the whole result (3 MB on the bench's Helm corpus, most
 * of a run after one new commit's save) written again: each key they changed, per environment in
 * the order the extension set them, with its new events (prepended to the kept ones; older events
 * never change). Folded into the file once the journal is half its size. */
interface ResultLine {
  version: number;
  /** The writing of the file it follows, and the HEAD of the result it extends (the file's or
   * the line's before): a line that follows neither is not read (another run's, or a stale one). */
  base: string;
  from: string;
  key: string;
  head: string;
  scope?: string;
  /** New walked commits: every older event's place in the commit order moves by this many. */
  shift: number;
  commits: SavedHistory['commits'];
  files: string[];
  envs: Array<[env: string, keys: Array<[key: string, rows: SavedRow[]]>]>;
  stats: HistoryParts['stats'];
}

/** What an extension added to a kept result, as `save` journals it. */
export interface ResultExtension {
  /** The kept result's HEAD it extends. */
  from: string;
  shift: number;
  /** Per environment (each the extension went through, in its order), the keys with new events. */
  envs: Array<[env: string, keys: Array<[key: string, added: HistoryEvent[]]>]>;
}

/** A saved result as read: its key, HEAD and scope, and the history decoded when asked. */
export interface KeptResult {
  key: string;
  head?: string;
  scope?: string;
  decode: (shift: number) => HistoryParts;
}

const resultFile = (cacheFile: string) => path.join(path.dirname(cacheFile), 'history-result.json');
const resultJournal = (cacheFile: string) => path.join(path.dirname(cacheFile), 'history-result.journal');

// Bump when parsing or flattening changes what a version's keys are, or a diff what it keeps
// (5: a merge's diff keeps the values it took from a parent other than its first; 6: a key's
// history drops changes a merge threw away, so a result saved before is not reused; 7: a kept
// merge diff says which of its changes were taken from a parent — before, they came back from the
// cache as the merge's own changes, and every run after a new commit named such merges as events;
// 8: a renamed file's older blob is read as the file it was — a `.properties` moved to `.yml` was
// read as YAML, and the rename's diff kept that).
const FORMAT_VERSION = 8;

interface CacheFile {
  version: number;
  /** Per reading (format, subtree, file name), per blob pair (`parents>blob`): the changes, a
   * merge's value taken from a parent other than its first marked 1. */
  diffs: Record<string, Record<string, Array<[string, string | null, string | null, carried?: 1]>>>;
  /** Per reading (format, file name), per blob: the parse error; '' for one that parsed next to
   * a broken one (bridging needs to know). Blobs of kept diffs parsed. */
  blobs: Record<string, Record<string, string>>;
}

/** One entry learnt by a run, as a line of the journal: a diff, or a blob's parse status. */
type JournalLine =
  | [version: number, kind: 'd', reading: string, pair: string, rows: CacheFile['diffs'][string][string]]
  | [version: number, kind: 'b', reading: string, blob: string, error: string];

/** Diffs between blob pairs, kept under `.git/undrift/`. Blobs are immutable, so a diff computed
 * once is right forever: a re-run costs only the `git log --raw` walk, and new commits cost only
 * themselves. Never in the work tree; failing to read or write it only costs speed.
 *
 * What a run learns is appended to a journal beside the file (one JSON line per entry), not
 * written into the file again: after one new commit the file is megabytes and the commit's new
 * diffs are a few lines. The journal is folded into the file once it is half the file's size. */
export class HistoryCache {
  private readonly pending: JournalLine[] = [];
  private keptRead: Promise<KeptResult | undefined> | undefined;
  private loaded: CacheFile | undefined;
  /** False in a view that only learns (`learnOnly`). */
  private lookUps = true;
  /** The cache a view is of (itself for the cache). */
  private readonly root: HistoryCache = this;

  private constructor(
    private readonly file: string,
    /** Bytes of the file and of the journal as found (0 for a file that was missing or of another version). */
    private readonly sizes: { file: number; journal: number },
  ) {}

  /** The cache in `dir` (the repository's `.git/undrift`). Its diffs are read when first looked
   * up: a run that extends a kept history by new commits, or reads the kept one, looks none up
   * (the file is megabytes; parsing it was ~0.1 CPU-s of a run after one commit). */
  static async open(dir: string): Promise<HistoryCache> {
    const file = path.join(dir, 'history-cache.json');
    const sizeOf = (name: string) =>
      stat(name).then(
        (found) => found.size,
        () => 0,
      );
    const [fileBytes, journalBytes, current] = await Promise.all([sizeOf(file), sizeOf(journalOf(file)), ofThisVersion(file)]);
    return new HistoryCache(file, { file: current ? fileBytes : 0, journal: journalBytes });
  }

  /** The same cache for a run whose diffs are all new (the commits since a kept history): nothing
   * is looked up, so the kept diffs are not read; what it learns is kept as by this cache. */
  learnOnly(): HistoryCache {
    const view = Object.create(this) as HistoryCache;
    view.lookUps = false;
    return view;
  }

  /** The kept diffs and statuses: the file, then the journal's lines over it. */
  private get data(): CacheFile {
    if (this.loaded) return this.loaded;
    let data: CacheFile = { version: FORMAT_VERSION, diffs: {}, blobs: {} };
    try {
      const read = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (read.version === FORMAT_VERSION) data = read;
    } catch {
      // missing or unreadable: an empty cache
    }
    let journal = '';
    try {
      journal = readFileSync(journalOf(this.file), 'utf8');
    } catch {
      // none
    }
    for (const line of journalLines<JournalLine>(journal)) {
      if (!Array.isArray(line) || line[0] !== FORMAT_VERSION) continue;
      if (line[1] === 'd') (data.diffs[line[2]] ??= {})[line[3]] = line[4];
      else if (line[1] === 'b') (data.blobs[line[2]] ??= {})[line[3]] = line[4];
    }
    // Kept by the cache itself, not by a view of it (both read the same diffs).
    return (this.root.loaded = data);
  }

  has(reading: string, pair: string): boolean {
    return this.lookUps && this.data.diffs[reading]?.[pair] !== undefined;
  }

  get(reading: string, pair: string): CachedDiff | undefined {
    if (!this.lookUps) return undefined;
    return this.data.diffs[reading]?.[pair]?.map(([key, from, to, carried]) => (carried ? { key, from, to, carried: true } : { key, from, to }));
  }

  set(reading: string, pair: string, diff: CachedDiff): void {
    const rows = diff.map((c): [string, string | null, string | null, carried?: 1] => (c.carried ? [c.key, c.from, c.to, 1] : [c.key, c.from, c.to]));
    if (this.loaded) (this.loaded.diffs[reading] ??= {})[pair] = rows;
    this.pending.push([FORMAT_VERSION, 'd', reading, pair, rows]);
  }

  blobStatus(reading: string, blob: string): string | undefined {
    return this.lookUps ? this.data.blobs[reading]?.[blob] : undefined;
  }

  setBlobStatus(reading: string, blob: string, error: string): void {
    if (this.loaded) (this.loaded.blobs[reading] ??= {})[blob] = error;
    this.pending.push([FORMAT_VERSION, 'b', reading, blob, error]);
  }

  /** The whole history computed for the same HEAD and the same files: a re-run with no new
   * commit reads it and walks nothing. */
  async result(key: string): Promise<HistoryParts | undefined> {
    const kept = await this.kept();
    return kept?.key === key ? kept.decode(0) : undefined;
  }

  /** The whole history the last run saved, whatever its HEAD: `scope` is its key without HEAD
   * (the files, the boundary, the mailmap), so that one kept for an older HEAD can be extended by
   * the commits since (./extend.ts). Read once. */
  kept(): Promise<KeptResult | undefined> {
    this.keptRead ??= Promise.all([readFile(resultFile(this.file), 'utf8'), readFile(resultJournal(this.file), 'utf8').catch(() => '')]).then(
      ([text, journal]) => {
        const saved = JSON.parse(text) as SavedResult;
        if (saved.version !== FORMAT_VERSION) return undefined;
        // The journal's lines that follow this writing of the file, one after another.
        const lines: ResultLine[] = [];
        let head = saved.head;
        if (saved.id !== undefined && head !== undefined)
          for (const line of journalLines<ResultLine>(journal)) {
            if (line?.version !== FORMAT_VERSION || line.base !== saved.id || line.from !== head) continue;
            lines.push(line);
            head = line.head;
          }
        const last = lines.at(-1);
        this.resultState = { id: saved.id, head, fileBytes: text.length, journalBytes: journal.length, cut: journal !== '' && !journal.endsWith('\n') };
        const scope = last ? last.scope : saved.scope;
        return {
          key: last ? last.key : saved.key,
          ...(head ? { head } : {}),
          ...(scope ? { scope } : {}),
          decode: (shift: number) => {
            let after = shift + lines.reduce((sum, line) => sum + line.shift, 0);
            const history = decodeHistory(saved.history, after);
            for (const line of lines) {
              after -= line.shift;
              for (const [env, keys] of line.envs) {
                let known = history.envs.get(env);
                if (!known) history.envs.set(env, (known = new Map<string, HistoryEvent[]>()));
                for (const [key, rows] of keys) known.set(key, [...decodeRows(rows, line.commits, line.files, after), ...(known.get(key) ?? [])]);
              }
            }
            return last ? { ...history, stats: last.stats } : history;
          },
        };
      },
      () => undefined,
    );
    return this.keptRead;
  }

  /** Writes the diffs learnt in this run (appended to the journal, or the whole cache when the
   * journal would pass half of it) and, with a key, the whole result. A read-only `.git` only
   * makes the next run slower. */
  async save(result?: { key: string; head?: string; scope?: string; history: HistoryParts; extension?: ResultExtension }): Promise<void> {
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
    } catch {
      return;
    }
    await Promise.all([this.pending.length > 0 ? this.saveLearnt() : undefined, result ? this.saveResult(result) : undefined]);
  }

  /** The result kept as read by `kept` (its writing's id, the HEAD its journal reaches, sizes). */
  private resultState:
    | {
        id: string | undefined;
        head: string | undefined;
        fileBytes: number;
        journalBytes: number;
        /** Its last line was cut off (a run stopped writing it). */ cut: boolean;
      }
    | undefined;

  /** The result: a line of the journal where it extends the one `kept` read and the journal stays
   * under half the file, else the whole file (a new writing, the journal emptied). */
  private async saveResult(result: { key: string; head?: string; scope?: string; history: HistoryParts; extension?: ResultExtension }): Promise<void> {
    const state = this.resultState;
    const { extension } = result;
    if (extension && result.head && state?.id !== undefined && state.head === extension.from) {
      const tables = new SavedTables();
      const line: ResultLine = {
        version: FORMAT_VERSION,
        base: state.id,
        from: extension.from,
        key: result.key,
        head: result.head,
        ...(result.scope ? { scope: result.scope } : {}),
        shift: extension.shift,
        commits: tables.commits,
        files: tables.files,
        envs: extension.envs.map(([env, keys]) => [env, keys.map(([key, added]) => [key, tables.rows(added)])]),
        stats: result.history.stats,
      };
      // After a line cut off, on a line of its own.
      const text = `${state.cut ? '\n' : ''}${JSON.stringify(line)}\n`;
      if ((state.journalBytes + text.length) * 2 <= state.fileBytes) {
        await appendFile(resultJournal(this.file), text).catch(() => undefined);
        [state.head, state.journalBytes, state.cut] = [result.head, state.journalBytes + text.length, false];
        return;
      }
    }
    const id = randomBytes(8).toString('hex');
    const text = JSON.stringify({
      version: FORMAT_VERSION,
      id,
      key: result.key,
      ...(result.head ? { head: result.head } : {}),
      ...(result.scope ? { scope: result.scope } : {}),
      history: encodeHistory(result.history),
    } satisfies SavedResult);
    if (await writeAtomically(resultFile(this.file), text)) {
      await writeAtomically(resultJournal(this.file), '');
      this.resultState = { id, head: result.head, fileBytes: text.length, journalBytes: 0, cut: false };
    }
  }

  private async saveLearnt(): Promise<void> {
    // A first run (no file yet) writes the file at once: its journal would be all of it.
    const pendingNow = this.pending.splice(0);
    const lines = this.sizes.file > 0 ? pendingNow.map((line) => `${JSON.stringify(line)}\n`) : [];
    const added = lines.reduce((sum, line) => sum + line.length, 0);
    if (this.sizes.file > 0 && (this.sizes.journal + added) * 2 <= this.sizes.file) {
      // One write in append mode: lines of runs writing at once do not interleave.
      await appendFile(journalOf(this.file), lines.join('')).catch(() => undefined);
      this.sizes.journal += added;
      return;
    }
    // Folded: the whole cache written anew, then the journal emptied (lines another run appended
    // in between are lost, which costs only speed: their diffs are made again). Read first where
    // no look-up read it: the pending lines are in the data then (set and setBlobStatus add them
    // to the data only once it is read, and the journal read is the one on disk without them).
    const data = this.data;
    for (const line of pendingNow) {
      if (line[1] === 'd') (data.diffs[line[2]] ??= {})[line[3]] = line[4];
      else (data.blobs[line[2]] ??= {})[line[3]] = line[4];
    }
    const text = JSON.stringify(data);
    if (await writeAtomically(this.file, text)) {
      await writeAtomically(journalOf(this.file), '');
      [this.sizes.file, this.sizes.journal] = [text.length, 0];
    }
  }
}

/** Whether the cache file is of this format (its first bytes name the version: it is written by
 * JSON.stringify of a CacheFile, version first). */
async function ofThisVersion(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(32);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('latin1').startsWith(`{"version":${FORMAT_VERSION},`);
  } finally {
    await handle.close();
  }
}

/** A journal's lines, parsed; the end of a line another run was writing, or an empty one, is left out. */
function journalLines<T>(journal: string): T[] {
  const out: T[] = [];
  for (const text of journal.split('\n')) {
    try {
      out.push(JSON.parse(text) as T);
    } catch {
      // cut short or empty
    }
  }
  return out;
}

const journalOf = (cacheFile: string) => `${cacheFile.replace(/\.json$/, '')}.journal`;

/** Whether it was written: only speed is lost when it is not. */
async function writeAtomically(file: string, text: string): Promise<boolean> {
  const temp = tempBeside(file);
  try {
    await writeFile(temp, text);
    await rename(temp, file);
    return true;
  } catch {
    return false;
  }
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnvironmentConfig } from '../config/load.js';
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { detectFormat, type Format } from '../sources/repo/read.js';
import { BlobReader } from './cat-file.js';
import { HistoryCache, type CachedDiff } from './cache.js';
import { findRenameSource, gitLines, streamLog, type LogCommit, type RawEntry } from './git-log.js';
import { diffVersions, EMPTY_VERSION, flatOf, VersionParser, type Flat, type KeyChange, type ParsedVersion, type Version } from './versions.js';

/** The file an environment declares, as it is named today; historic paths map onto it. */
interface Target {
  envs: EnvName[];
  /** The configured path (file or directory) today. */
  path: string;
  format: Format;
  select?: string;
}

export interface BrokenVersion {
  commit: string;
  file: string;
  error: string;
}

export interface RepoHistory {
  /** env → key → events, newest first. */
  envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
  broken: BrokenVersion[];
  /** Set for a shallow clone: the date of its oldest commit. */
  truncatedAt?: string;
  stats: { commits: number; entries: number; blobsRead: number; cacheHits: number; /** read whole from the cache (same HEAD) */ resultCached?: boolean };
}

export interface HistoryOptions {
  /** Keep and reuse diffs under .git/undrift (default true). */
  cache?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A walk job: the git pathspec to log from a revision, and the target its files belong to. */
interface Segment {
  pathspec: string;
  rev: string;
  target: Target;
  /** Today's name of what `pathspec` was then (for a directory: the directory). */
  base: string;
}

interface WorkItem {
  commit: LogCommit;
  entry: RawEntry;
  target: Target;
  /** The file as it is named today (for events). */
  file: string;
  format: Format;
}

const isRevert = (c: LogCommit) => /^Revert "/.test(c.subject) || /This reverts commit [0-9a-f]{7,}/.test(c.body);

/** Value history of every key of every environment's files, from one walk of git history: each
 * commit's own before/after blobs, fetched through one `git cat-file --batch`, parsed and diffed. */
export async function readHistory(repo: string, environments: EnvironmentConfig[], options: HistoryOptions = {}): Promise<RepoHistory> {
  const targets = new Map<string, Target>();
  for (const env of environments) {
    for (const file of env.files) {
      const key = `${file}\0${env.format}\0${env.select ?? ''}`;
      const target = targets.get(key) ?? { envs: [], path: file.replace(/\/+$/, ''), format: env.format, ...(env.select ? { select: env.select } : {}) };
      target.envs.push(env.name);
      targets.set(key, target);
    }
  }
  // History is a function of the commits and the files: the same HEAD, the same answer.
  const [cache, truncatedAt, [head]] = await Promise.all([
    options.cache === false ? undefined : HistoryCache.open(repo),
    shallowBoundary(repo),
    gitLines(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']),
  ]);
  const resultKey = createHash('sha1').update(JSON.stringify({ head, truncatedAt, targets: [...targets.keys()].sort(), envs: [...targets.values()].map((t) => t.envs) })).digest('hex');
  const saved = head && cache ? await cache.result(resultKey) : undefined;
  if (saved) {
    return {
      envs: new Map(Object.entries(saved.envs).map(([env, keys]) => [env, new Map(Object.entries(keys))])),
      broken: saved.broken,
      ...(saved.truncatedAt ? { truncatedAt: saved.truncatedAt } : {}),
      stats: { ...saved.stats, blobsRead: 0, cacheHits: saved.stats.entries, resultCached: true },
    };
  }
  const seen = new Set<string>();
  let commits = 0;

  // Walk each path, following renames by hand: `--follow` would switch off git's changed-path
  // filters, takes one path only and follows copies. A file created by a rename gets its old
  // blob from the rename, and the walk continues under the old name from the parent. Walks run
  // side by side; each keeps its own items so that neighbouring versions stay together.
  const queue = new WorkQueue();
  const walkSegment = async (segment: Segment): Promise<void> => {
    const followers: Array<Promise<void>> = [];
    for await (const commit of streamLog(repo, [segment.pathspec], segment.rev)) {
      commits++;
      const renamedFrom = new Set<string>();
      const found: Array<{ entry: RawEntry; file: string; format: Format }> = [];
      for (const entry of commit.entries) {
        const file = rebase(entry.path, segment);
        const format = file === undefined ? undefined : entryFormat(segment.target, file);
        if (file === undefined || !format) continue;
        if (entry.parentBlobs.length === 1 && entry.parentBlobs[0] === null && commit.parents[0]) {
          const source = await findRenameSource(repo, commit.sha, commit.parents[0], entry.path);
          if (source) {
            entry.parentBlobs = [source.blob];
            renamedFrom.add(source.fromPath);
            // Within a walked directory the old name's history is in this walk already.
            const jobKey = `${source.fromPath}@${commit.parents[0]}`;
            if (rebase(source.fromPath, segment) === undefined && !seen.has(jobKey)) {
              seen.add(jobKey);
              followers.push(walkSegment({ pathspec: source.fromPath, rev: commit.parents[0], target: segment.target, base: file }));
            }
          }
        }
        found.push({ entry, file, format });
      }
      for (const { entry, file, format } of found) {
        // The deletion half of a rename inside a walked directory is not a change of any key.
        if (entry.blob === null && renamedFrom.has(entry.path)) continue;
        queue.push({ commit, entry, target: segment.target, file, format });
      }
    }
    await Promise.all(followers);
  };
  const segments: Segment[] = [...targets.values()].map((target) => ({ pathspec: target.path, rev: 'HEAD', target, base: target.path }));
  const boundary = new Set(truncatedAt ? await shallowShas(repo) : []);
  // Diffing starts with the first commit git prints: the walk and the parsing overlap.
  const walking = Promise.all(segments.map(walkSegment)).then(
    () => queue.finish(),
    (error: unknown) => queue.fail(error as Error),
  );
  const result = await diffItems(repo, queue, cache, boundary, options.onProgress);
  await walking;
  const history: RepoHistory = {
    envs: result.envs,
    broken: result.broken,
    ...(truncatedAt ? { truncatedAt } : {}),
    stats: { commits, entries: queue.items.length, blobsRead: result.blobsRead, cacheHits: result.cacheHits },
  };
  if (cache) {
    await cache.save();
    if (head) {
      await cache.saveResult(resultKey, {
        envs: Object.fromEntries([...history.envs].map(([env, keys]) => [env, Object.fromEntries(keys)])),
        broken: history.broken,
        ...(truncatedAt ? { truncatedAt } : {}),
        stats: history.stats,
      });
    }
  }
  return history;
}

/** Items as the walks produce them; the differ awaits the next one. */
class WorkQueue {
  readonly items: WorkItem[] = [];
  /** Which item produced each blob of a file: the parent chain for bridging broken versions. */
  readonly producer = new Map<string, WorkItem>();
  done = false;
  private error: Error | undefined;
  private waiter: (() => void) | undefined;

  push(item: WorkItem): void {
    this.items.push(item);
    if (item.entry.blob) this.producer.set(`${item.file}\0${item.entry.blob}`, item);
    this.wake();
  }

  finish(): void {
    this.done = true;
    this.wake();
  }

  fail(error: Error): void {
    this.error = error;
    this.finish();
  }

  async at(index: number): Promise<WorkItem | undefined> {
    while (index >= this.items.length && !this.done) await new Promise<void>((resolve) => (this.waiter = resolve));
    if (this.error) throw this.error;
    return this.items[index];
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}

/** Maps a path seen in a walk segment to today's name of the file. */
function rebase(entryPath: string, segment: Segment): string | undefined {
  if (entryPath === segment.pathspec) return segment.base;
  if (entryPath.startsWith(`${segment.pathspec}/`)) return `${segment.base}/${entryPath.slice(segment.pathspec.length + 1)}`;
  return undefined;
}

/** The configured file is read in its configured format; the files of a configured directory
 * are manifests, as the scan reads them. */
function entryFormat(target: Target, file: string): Format | undefined {
  if (file === target.path) return target.format;
  return /\.(ya?ml|json)$/i.test(file) ? 'manifests' : undefined;
}

async function shallowBoundary(repo: string): Promise<string | undefined> {
  const [shallow] = await gitLines(repo, ['rev-parse', '--is-shallow-repository']);
  if (shallow !== 'true') return undefined;
  const shas = await shallowShas(repo);
  if (shas.length === 0) return undefined;
  const dates = await gitLines(repo, ['log', '--no-walk', '--format=%cI', ...shas]);
  return dates.sort()[0];
}

async function shallowShas(repo: string): Promise<string[]> {
  const [file] = await gitLines(repo, ['rev-parse', '--git-path', 'shallow']);
  if (!file) return [];
  const text = await readFile(path.resolve(repo, file), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean);
}

interface DiffResult {
  envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
  broken: BrokenVersion[];
  blobsRead: number;
  cacheHits: number;
}

async function diffItems(repo: string, queue: WorkQueue, cache: HistoryCache | undefined, boundary: Set<string>, onProgress?: (done: number, total: number) => void): Promise<DiffResult> {
  const { items, producer } = queue;
  const reader = new BlobReader(repo);
  const parser = new VersionParser();
  const envs = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
  const broken: BrokenVersion[] = [];
  let cacheHits = 0;

  const parsed = new Map<string, Promise<ParsedVersion>>();
  const versionOf = (item: WorkItem, blob: string): Promise<ParsedVersion> => {
    const id = `${blob}\0${item.format}\0${path.posix.basename(item.file)}`;
    let promise = parsed.get(id);
    if (!promise) {
      promise = reader.read(blob).then((content) =>
        content === undefined ? { ok: false as const, error: `blob ${blob} is missing` } : parser.parse(content, item.file, item.format),
      );
      parsed.set(id, promise);
      // Bounded: historic versions are needed by their neighbours only.
      if (parsed.size > 512) parsed.delete(parsed.keys().next().value!);
    }
    return promise;
  };
  const cacheKeyOf = (item: WorkItem, parents: Array<string | null>) =>
    `${item.format}|${item.target.select ?? ''}|${path.posix.basename(item.file)}|${parents.map((p) => p ?? '-').join(',')}>${item.entry.blob ?? '-'}`;
  // Blobs are requested ahead of the diff that needs them, so cat-file streams instead of
  // answering one round trip at a time.
  const PREFETCH = 64;
  let prefetched = 0;
  const prefetch = (upTo: number) => {
    for (; prefetched < Math.min(upTo, items.length); prefetched++) {
      const item = items[prefetched]!;
      if (cache?.has(cacheKeyOf(item, item.entry.parentBlobs))) continue;
      for (const blob of [item.entry.blob, ...item.entry.parentBlobs]) if (blob) void versionOf(item, blob).catch(() => undefined);
    }
  };
  const isBroken = async (item: WorkItem, blob: string): Promise<string | undefined> => {
    const id = `${item.format}|${path.posix.basename(item.file)}|${blob}`;
    const known = cache?.blobStatus(id);
    if (known !== undefined) return known === '' ? undefined : known;
    const version = await versionOf(item, blob);
    cache?.setBlobStatus(id, version.ok ? '' : version.error);
    return version.ok ? undefined : version.error;
  };

  const emit = (item: WorkItem, changes: KeyChange[], flags: { merge: boolean; acrossBroken?: boolean }) => {
    const { commit } = item;
    for (const env of item.target.envs) {
      const keys = envs.get(env) ?? new Map<KeyPath, HistoryEvent[]>();
      envs.set(env, keys);
      for (const change of changes) {
        const list = keys.get(change.key) ?? [];
        list.push({
          commit: commit.sha,
          author: commit.author,
          email: commit.email,
          date: commit.date,
          committed: commit.committed,
          subject: commit.subject,
          body: commit.body,
          file: item.file,
          from: change.from,
          to: change.to,
          merge: flags.merge,
          revert: isRevert(commit),
          ...(flags.acrossBroken ? { acrossBroken: true } : {}),
          ...(boundary.has(commit.sha) ? { truncated: true } : {}),
        });
        keys.set(change.key, list);
      }
    }
  };

  // Items whose broken parent version was produced by a commit the walk has not reached yet.
  const deferred: WorkItem[] = [];
  for (let i = 0; ; i++) {
    const next = await queue.at(i);
    const item = next ?? deferred.shift();
    if (!item) break;
    prefetch(i + PREFETCH);
    onProgress?.(i, items.length);
    const { entry } = item;
    const newBlob = entry.blob;
    const error = newBlob ? await isBroken(item, newBlob) : undefined;
    if (error !== undefined) {
      broken.push({ commit: item.commit.sha, file: item.file, error });
      continue;
    }
    const merge = entry.parentBlobs.length > 1;
    // Bridge an unparseable parent along the parent chain to the last version that parsed.
    let acrossBroken = false;
    const parents: Array<string | null> = [];
    let waitForWalk = false;
    for (let blob of entry.parentBlobs) {
      while (blob && (await isBroken(item, blob)) !== undefined) {
        acrossBroken = true;
        const before = producer.get(`${item.file}\0${blob}`);
        if (!before && !queue.done) waitForWalk = true;
        blob = before && before.entry.parentBlobs.length === 1 ? before.entry.parentBlobs[0]! : null;
      }
      parents.push(blob);
    }
    if (waitForWalk && next) {
      deferred.push(item);
      continue;
    }
    const cacheKey = cacheKeyOf(item, parents);
    let diff: CachedDiff | undefined = cache?.get(cacheKey);
    if (diff) cacheHits++;
    else {
      const load = async (blob: string | null): Promise<Version | undefined> => {
        if (!blob) return EMPTY_VERSION;
        const version = await versionOf(item, blob);
        return version.ok ? version.version : undefined;
      };
      const after = await load(newBlob);
      const befores = await Promise.all(parents.map(load));
      if (!after || befores.some((b) => !b)) continue; // cannot happen after bridging; keep going
      const select = item.target.select;
      diff = merge ? mergeChanges(befores.map((b) => flatOf(b!, select)), flatOf(after, select)) : diffVersions(befores[0]!, after, select);
      cache?.set(cacheKey, diff);
    }
    if (diff.length > 0) emit(item, diff, { merge, acrossBroken });
  }
  reader.close();

  for (const keys of envs.values()) for (const events of keys.values()) orderAndMarkReverts(events);
  return { envs, broken, blobsRead: reader.requests, cacheHits };
}

/** A merge is an event for a key only when its result differs from every parent: the merge
 * itself chose the value (a conflict resolution). Values taken from a parent belong to the commit
 * on that parent's side that introduced them. */
function mergeChanges(parents: Flat[], result: Flat): KeyChange[] {
  const keys = new Set<KeyPath>([...result.keys(), ...parents.flatMap((p) => [...p.keys()])]);
  const changes: KeyChange[] = [];
  for (const key of keys) {
    const to = result.has(key) ? result.get(key)! : null;
    const differsFromAll = parents.every((p) => (p.has(key) ? p.get(key)! : null) !== to);
    if (differsFromAll) changes.push({ key, from: parents[0]!.has(key) ? parents[0]!.get(key)! : null, to });
  }
  return changes;
}

/** Newest first; an event that returns the key to a value it held before is marked a revert. */
function orderAndMarkReverts(events: HistoryEvent[]): void {
  events.sort((a, b) => (a.committed < b.committed ? 1 : a.committed > b.committed ? -1 : 0));
  const held = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.from !== null) held.add(event.from);
    if (event.to !== null && event.to !== event.from && held.has(event.to) && !event.merge) event.revert = true;
  }
}

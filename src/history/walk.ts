import { DEFAULT_READ_LIMITS, limitsKey, type ReadLimits } from '../model/limits.js';
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnvironmentConfig } from '../config/load.js';
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { HistoryCache } from './cache.js';
import { utc } from './key-timeline.js';
import { followObjectRenames } from './renames.js';
import { mounted } from '../parse/mount.js';
import { markReverts, stackHistory, withoutNulls, type FileEvents, type Layer } from './stack.js';
import { commitGraph, keptFiles, keptSides, type MergeWalked, type WalkedCommits } from './graph.js';
import { keepLineage, type MergeFacts } from './lineage.js';
import { springView } from '../parse/documents.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../parse/fingerprint.js';
import type { ParseStats } from './versions.js';
import { diffItems, orderEvents, WorkQueue, type BrokenVersion } from './differ.js';
import type { RepoFacts } from '../git/repo.js';
import { blobsAt, findRenames, gitLines, repoFacts, streamLog, type LogCommit, type RawEntry } from '../git/log.js';
import { configuredFiles, insidePath, predecessorOf, type Place } from './configured.js';
import { committedBytes } from '../git/write.js';
import { undriftDirIn } from '../git/undrift-dir.js';
import { readInside } from '../sources/boundary.js';
import { formatOfFile, type Format } from '../parse/format.js';
import { extendHistory } from './extend.js';
import { entryFormat, rebase, targetKey, targetsOf, type Target, type WalkedPath } from './targets.js';

export type { BrokenVersion } from './differ.js';

export interface RepoHistory {
  /** env → key → events, newest first. */
  envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
  broken: BrokenVersion[];
  /** Set for a shallow clone: the date of its oldest commit. */
  truncatedAt?: string;
  /** What the history is a function of (HEAD, a shallow clone's boundary, the files read), where
   * HEAD exists: equal keys, equal histories (what is derived from one can be kept under it). */
  key?: string;
  /** Set where the history is one kept for an older HEAD with the commits since added: that one's
   * key, and per environment the keys those commits changed (all others' events are as kept, each
   * `order` moved by the new commits). What was derived from the older history per key holds. */
  extendedFrom?: { key: string; changed: Map<EnvName, Set<KeyPath>> };
  stats: {
    commits: number;
    entries: number;
    blobsRead: number;
    cacheHits: number;
    /** read whole from the cache (same HEAD) */
    resultCached?: boolean;
    /** How this run read the versions it parsed. */
    parse?: ParseStats;
  };
}

export interface HistoryOptions {
  /** Keep and reuse diffs under .git/undrift (default true). */
  cache?: boolean;
  /** Commits diffed, of the commits found so far (the total grows while git's walk runs ahead). */
  onProgress?: (done: number, total: number) => void;
  /** How secret values are fingerprinted: the repository's key (the engine's), so that the
   * fingerprints kept in the cache match across runs. */
  fingerprint?: SecretFingerprint;
  /** The bounds each historic version is read within: the configuration's (the defaults without). */
  limits?: Readonly<ReadLimits>;
  /** The repository's facts as the caller read them (readRepoFacts), not asked of git again. */
  facts?: Pick<RepoFacts, 'shallow' | 'commonDir' | 'head'>;
  /** undrift.yaml's path in the repository, where the environments came from one: its older
   * versions say which file an environment read before a move (./configured.ts). */
  configFile?: string;
}

/** A walk job: one `git log` from a revision over several paths. */
interface Segment {
  rev: string;
  paths: WalkedPath[];
}

/** Value history of every key of every environment's files, from one walk of git history: each
 * commit's own before/after blobs, fetched through one `git cat-file --batch`, parsed and diffed. */
export async function readHistory(repo: string, environments: EnvironmentConfig[], options: HistoryOptions = {}): Promise<RepoHistory> {
  const { targets, stacks } = targetsOf(environments);
  const { shallow, commonDir, head } = options.facts ?? (await repoFacts(repo));
  const [cache, boundary, mailmap] = await Promise.all([
    options.cache === false ? undefined : HistoryCache.open(undriftDirIn(commonDir)),
    shallow ? shallowBoundary(repo, commonDir) : undefined,
    mailmapOf(repo),
  ]);
  const truncatedAt = boundary?.date;
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const resultKey = resultKeyOf(head, truncatedAt, stacks, mailmap, limits);
  const keptResult = head && cache ? await cache.kept() : undefined;
  if (keptResult?.key === resultKey) {
    const saved = keptResult.decode(0);
    return { ...saved, key: resultKey, stats: { ...saved.stats, blobsRead: 0, cacheHits: saved.stats.entries, resultCached: true } };
  }
  // Kept for an older HEAD of the same files: the commits since are added to it (./extend.ts).
  const scope = resultKeyOf(undefined, truncatedAt, stacks, mailmap, limits);
  if (head && cache && keptResult?.head && keptResult.scope === scope && !boundary) {
    const extended = await extendHistory(
      repo,
      head,
      { head: keptResult.head, decode: keptResult.decode },
      {
        targets,
        stacks,
        cache,
        fingerprint: options.fingerprint ?? PROCESS_FINGERPRINT,
        limits: options.limits ?? DEFAULT_READ_LIMITS,
      },
    );
    if (extended) {
      options.onProgress?.(extended.commits, extended.commits);
      const history: RepoHistory = { ...extended.history, key: resultKey, extendedFrom: { key: keptResult.key, changed: extended.changed } };
      await cache.save({ key: resultKey, head, scope, history, extension: { from: keptResult.head, shift: extended.commits, envs: extended.added } });
      return history;
    }
  }
  const followed = new Set<string>();
  let commits = 0;
  /** Commits with a file to diff, as found; and those diffed (their items come one after another). */
  let commitsFound = 0;
  let commitsDiffed = 0;
  let lastDiffed: LogCommit | undefined;

  // One walk over every path, following renames by hand: `--follow` would switch off git's
  // changed-path filters, takes one path only and follows copies. A file created by a rename
  // gets its old blob from the rename, and the walk goes on under the old names, from the
  // parent, in one more walk for all the files that commit renamed.
  const queue = new WorkQueue();
  const targetIds = new Map([...targets.values()].map((target, i) => [target, i]));
  // The commits of each walk in git's order (children before parents), to order events by the
  // commit graph rather than by dates, which rebases and scripts make equal or skewed.
  const walked: WalkedCommits[] = [];
  // Merges, with the files each did not change against every parent: which parent's file a
  // merge kept is asked of git when an environment stacks files (./graph.ts).
  const merges: MergeWalked[] = [];
  // Per target, the merges whose version of the configured file the differ read.
  const mergesRead = new Map<string, Set<string>>();
  // Per directory target: its files (as named in the walk from HEAD), and per merge the files
  // the differ read there; a merge can take each file from another parent.
  const dirFiles = new Map<string, Set<string>>();
  const dirRead = new Map<string, Map<string, Set<string>>>();
  // Where each walked file sits in today's environments, and their lists: a file that appears
  // without a rename git sees may have taken an older file's place (./configured.ts).
  const places = new Map<Target, Place[]>();
  for (const [env, stack] of stacks)
    stack.forEach(({ key }, index) => {
      const target = targets.get(key);
      if (target) (places.get(target) ?? places.set(target, []).get(target)!).push({ env, index });
    });
  const nowFiles = new Map(
    environments.flatMap((env) => {
      const files = env.files.map(insidePath);
      return files.every((f) => f !== undefined) ? [[env.name, files] as const] : [];
    }),
  );
  const configsAt = new Map<string, Promise<Map<string, string[]> | undefined>>();
  const configAt = (commit: string, file: string) => {
    let read = configsAt.get(commit);
    if (!read) {
      read = committedBytes(repo, commit, file, limits.fileBytes).then((content) =>
        content === undefined ? undefined : configuredFiles(content.toString('utf8'), limits),
      );
      configsAt.set(commit, read);
    }
    return read;
  };
  /** Adds to `renames` the configured files `created` took the place of at `parent`. Only the
   * files as named today: a second move further back is not followed. */
  const movedByConfiguration = async (
    created: RawEntry[],
    paths: WalkedPath[],
    parent: string,
    renames: Map<string, { fromPath: string; blob: string }>,
  ): Promise<void> => {
    const configFile = options.configFile;
    if (!configFile) return;
    const wanted = created.flatMap((entry) => {
      const walked = renames.has(entry.path) ? undefined : paths.find((w) => w.pathspec === entry.path && w.pathspec === w.target.path);
      return walked ? [{ entry, target: walked.target }] : [];
    });
    if (wanted.length === 0) return;
    const then = await configAt(parent, configFile);
    if (!then) return;
    const moves = wanted.flatMap(({ entry, target }) => {
      const from = predecessorOf(target.path, places.get(target) ?? [], nowFiles, then);
      return from ? [{ entry, from }] : [];
    });
    if (moves.length === 0) return;
    const blobs = await blobsAt(
      repo,
      parent,
      moves.map((m) => m.from),
    );
    for (const { entry, from } of moves) {
      const blob = blobs.get(from);
      if (blob) renames.set(entry.path, { fromPath: from, blob });
    }
  };
  const walkSegment = async (segment: Segment, anchor?: string): Promise<void> => {
    const seen: WalkedCommits = { ...(anchor ? { anchor } : {}), pathspecs: [...new Set(segment.paths.map((p) => p.pathspec))], commits: [] };
    walked.push(seen);
    const followers: Array<Promise<void>> = [];
    for await (const batch of streamLog(repo, [...new Set(segment.paths.map((p) => p.pathspec))], segment.rev)) {
      for (const commit of batch) {
        // A file that appears may have been renamed: ask git once for the commit's renames. At a
        // merge, against each parent that lacks a file the merge has: a file renamed on one side
        // and changed under its old name on another comes together there.
        const renames: Array<Map<string, { fromPath: string; blob: string }> | undefined> = [];
        for (const [i, parent] of commit.parents.entries()) {
          const created = commit.entries.filter((e) => e.blob !== null && e.parentBlobs.length === commit.parents.length && e.parentBlobs[i] === null);
          const found = created.length > 0 ? await findRenames(repo, commit.sha, parent) : undefined;
          if (found) await movedByConfiguration(created, segment.paths, parent, found);
          renames.push(found);
        }
        walkCommit(commit, renames);
      }
      queue.notify();
    }
    await Promise.all(followers);

    function walkCommit(commit: LogCommit, renamesByParent: Array<Map<string, { fromPath: string; blob: string }> | undefined>): void {
      commits++;
      seen.commits.push({ sha: commit.sha, committed: commit.committed, commit });
      const renamedFrom = new Set<string>();
      // Per entry, the path each parent's blob had where a rename gave it: it is read as that file.
      const parentPaths = new Map<RawEntry, string[]>();
      const follow = new Map<string, WalkedPath[]>(); // by the parent the old names are walked from
      const found: Array<{ entry: RawEntry; walked: WalkedPath; file: string; format: Format }> = [];
      for (const entry of commit.entries) {
        // The parents that lack the file, as git listed it (every target that reads it follows).
        const absentIn = entry.blob === null ? [] : entry.parentBlobs.flatMap((blob, i) => (blob === null ? [i] : []));
        for (const walked of segment.paths) {
          const file = rebase(entry.path, walked);
          const format = file === undefined ? undefined : entryFormat(walked.target, file);
          if (file === undefined || !format) continue;
          renamesByParent.forEach((renames, i) => {
            if (!renames || !absentIn.includes(i)) return;
            const source = renames.get(entry.path);
            if (!source) return;
            entry.parentBlobs[i] = source.blob;
            (parentPaths.get(entry) ?? parentPaths.set(entry, []).get(entry)!)[i] = source.fromPath;
            if (i === 0) renamedFrom.add(source.fromPath);
            // Within a walked directory the old name's history is in this walk already.
            const from = commit.parents[i]!;
            const job = `${source.fromPath}@${from}@${targetIds.get(walked.target)}`;
            if (rebase(source.fromPath, walked) === undefined && !followed.has(job)) {
              followed.add(job);
              (follow.get(from) ?? follow.set(from, []).get(from)!).push({ pathspec: source.fromPath, target: walked.target, base: file });
            }
          });
          found.push({ entry, walked, file, format });
        }
      }
      if (found.length > 0) commitsFound++;
      for (const { walked, file } of found) {
        if (file === walked.target.path || walked.pathspec !== walked.target.path) continue;
        const target = targetKey(walked.target);
        (dirFiles.get(target) ?? dirFiles.set(target, new Set()).get(target)!).add(file);
        if (commit.parents.length < 2) continue;
        const byMerge = dirRead.get(target) ?? dirRead.set(target, new Map()).get(target)!;
        (byMerge.get(commit.sha) ?? byMerge.set(commit.sha, new Set()).get(commit.sha)!).add(file);
      }
      if (commit.parents.length > 1) {
        for (const { walked, file } of found)
          if (file === walked.target.path)
            (mergesRead.get(targetKey(walked.target)) ?? mergesRead.set(targetKey(walked.target), new Set()).get(targetKey(walked.target))!).add(commit.sha);
        merges.push({
          sha: commit.sha,
          unlisted: segment.paths.filter((w) => !found.some((f) => f.walked === w)).map((w) => ({ target: targetKey(w.target), pathspec: w.pathspec })),
        });
      }
      for (const { entry, walked, file, format } of found) {
        // The deletion half of a rename inside a walked directory is not a change of any key.
        if (entry.blob === null && renamedFrom.has(entry.path)) continue;
        const paths = parentPaths.get(entry);
        queue.push({ commit, entry, target: walked.target, file, format, ...(paths ? { parentPaths: paths } : {}) });
      }
      for (const [from, paths] of follow) followers.push(walkSegment({ rev: from, paths }, commit.sha));
    }
  };
  const first: Segment = { rev: 'HEAD', paths: [...targets.values()].map((target) => ({ pathspec: target.path, target, base: target.path })) };
  // Diffing starts with the first commit git prints: the walk and the parsing overlap.
  const walking = walkSegment(first).then(
    () => queue.finish(),
    (error: unknown) => queue.fail(error as Error),
  );
  const onProgress = options.onProgress;
  const result = await diffItems(
    repo,
    queue,
    cache,
    new Set(boundary?.shas),
    options.fingerprint ?? PROCESS_FINGERPRINT,
    options.limits ?? DEFAULT_READ_LIMITS,
    onProgress &&
      ((done) => {
        const commit = queue.items[done - 1]?.commit;
        if (!commit || commit === lastDiffed) return;
        lastDiffed = commit;
        onProgress(++commitsDiffed, commitsFound);
      }),
  );
  await walking;
  const order = commitOrder(walked);
  for (const keys of result.envs.values()) for (const events of keys.values()) orderEvents(events, order);
  // Environments that stack files (or a Spring file's views) follow the commit graph.
  const layeredKeys = new Set(
    [...stacks.values()].filter((stack) => stack.length > 1 || stack.some((s) => s.spring)).flatMap((stack) => stack.map((s) => s.key)),
  );
  // With merges, every file's keys follow the lines that led to HEAD's values (./lineage.ts).
  const graph = layeredKeys.size > 0 || merges.length > 0 ? await commitGraph(repo, walked, order) : undefined;
  const kept = graph && merges.length > 0 ? await keptSides(repo, graph, merges) : new Map<string, Map<string, number>>();
  const keptByFile = graph && merges.length > 0 && dirFiles.size > 0 ? await keptFiles(repo, graph, merges, dirFiles) : undefined;
  const history: RepoHistory = {
    envs: new Map(
      [...stacks].map(([env, stack]) => {
        const layers = stack.flatMap(({ key, spring }): Layer[] => {
          const target = targets.get(key)!;
          const file = target.path;
          const whole = formatOfFile(target, file) === 'tfvars';
          const unsets = formatOfFile(target, file) === 'helm';
          // A mounted file's keys (a subchart's defaults, a release's values) as its environments name them.
          const events = mounted(target.mount, followObjectRenames(result.envs.get(key) ?? new Map<KeyPath, HistoryEvent[]>()));
          // A key an object rename moved keeps no carried values under its old name.
          const carried: FileEvents = new Map(
            [...mounted(target.mount, result.carried.get(key) ?? new Map<KeyPath, HistoryEvent[]>())].filter(([k]) => events.has(k)),
          );
          const sides = kept.get(key);
          const read = mergesRead.get(key);
          const layer = (e: FileEvents, c: FileEvents): Layer => ({
            events: e,
            carried: c,
            file,
            ...(sides ? { kept: sides } : {}),
            ...(read ? { read } : {}),
            ...(whole ? { whole } : {}),
            ...(unsets ? { unsets } : {}),
          });
          if (!spring && stack.length === 1 && graph) {
            const files = dirFiles.has(key) ? filesOf(events, carried, keptByFile?.get(key), dirRead.get(key)) : undefined;
            const lineage = keepLineage(
              events,
              { carried, ...(sides ? { kept: sides } : {}), read: (sha) => read?.has(sha) ?? false, ...(files ? { files } : {}) },
              graph,
            );
            for (const [k, list] of lineage) if (list !== events.get(k)) markReverts(list);
            return [layer(lineage, carried)];
          }
          if (!spring) return [layer(events, carried)];
          const views = springView(events, env);
          const carriedViews = springView(carried, env);
          return [layer(views.base, carriedViews.base), layer(views.profile, carriedViews.profile)];
        });
        const only = layers.length === 1 ? layers[0]! : undefined;
        return [env, only ? (only.unsets ? withoutNulls(only.events) : only.events) : stackHistory(layers, graph!)];
      }),
    ),
    broken: result.broken,
    ...(truncatedAt ? { truncatedAt } : {}),
    ...(head ? { key: resultKey } : {}),
    stats: { commits, entries: queue.items.length, blobsRead: result.blobsRead, cacheHits: result.cacheHits, parse: result.parse },
  };
  await cache?.save(head ? { key: resultKey, head, scope, history } : undefined);
  return history;
}

/** Every walked commit's position, newest (0) to oldest. Each walk lists children before parents;
 * the commits of a walk that followed a rename are all older than the renaming commit, and are
 * placed among the other commits older than it by date (the only thing that relates them). */
export function commitOrder(walks: WalkedCommits[]): Map<string, number> {
  let list = walks[0]?.commits ?? [];
  for (const follow of walks.slice(1)) {
    const at = list.findIndex((c) => c.sha === follow.anchor) + 1;
    const tail = list.slice(at);
    const merged: typeof list = [];
    let i = 0;
    let j = 0;
    while (i < tail.length || j < follow.commits.length) {
      const takeFollow = j < follow.commits.length && (i >= tail.length || follow.commits[j]!.committed > tail[i]!.committed);
      merged.push(takeFollow ? follow.commits[j++]! : tail[i++]!);
    }
    list = [...list.slice(0, at), ...merged];
  }
  const order = new Map<string, number>();
  for (const c of list) if (!order.has(c.sha)) order.set(c.sha, order.size);
  return order;
}

/** History is a function of the commits and the files: the same HEAD, the same answer. `lineage`
 * names the rules a saved result was made by: a result saved before directories were followed
 * file by file at merges (2) is not reused at the same HEAD; the diffs are. Authors are named
 * through the work tree's `.mailmap`. Versions are read within the run's limits: a result kept
 * under others read (or skipped, and said where the limit comes from) other versions. */
function resultKeyOf(
  head: string | undefined,
  truncatedAt: string | undefined,
  stacks: Map<EnvName, unknown>,
  mailmap: string,
  limits: Readonly<ReadLimits>,
): string {
  // `spring: 1`: a Spring file's dotted YAML keys are bound as Spring binds them (parse/documents.ts
  // springKey), so a history kept before that names them apart is not reused; `tfvars: 1`: a
  // stack of tfvars files replaces whole variables (history/stack.ts); `helmNull: 1`: a Helm values
  // file's null is no value (history/stack.ts withoutNulls); `configured: 1`: a file that took an
  // older one's place in undrift.yaml continues its history (./configured.ts).
  return createHash('sha1')
    .update(
      JSON.stringify({
        head,
        truncatedAt,
        stacks: [...stacks],
        lineage: 2,
        spring: 1,
        tfvars: 1,
        helmNull: 1,
        configured: 1,
        mailmap,
        limits: limitsKey(limits),
      }),
    )
    .digest('hex');
}

/** The work tree's `.mailmap` (git log names authors through it, as the history does): an edit
 * not yet committed renames authors at the same HEAD. Read as git reads it: a regular file, never
 * through a symlink (git opens it with O_NOFOLLOW), so a pull request's `.mailmap` linking to
 * /dev/zero (half a gigabyte read and held) or to a file outside the checkout is not read. */
async function mailmapOf(repo: string): Promise<string> {
  try {
    const stats = await lstat(path.join(repo, '.mailmap'));
    if (!stats.isFile() || stats.size > DEFAULT_READ_LIMITS.fileBytes) return '';
    // Checked again on the opened file: what was checked is what is read.
    return readInside(repo, '.mailmap', '.mailmap') ?? '';
  } catch {
    return '';
  }
}

/** The key `readHistory` would give these environments' history (RepoHistory.key), without
 * reading it: undefined where there is no HEAD. What is derived from a history can be looked up
 * under it before the history is read. */
export async function historyKeyOf(
  repo: string,
  environments: EnvironmentConfig[],
  facts?: Pick<RepoFacts, 'shallow' | 'commonDir' | 'head'>,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<string | undefined> {
  const { shallow, commonDir, head } = facts ?? (await repoFacts(repo));
  if (!head) return undefined;
  const [boundary, mailmap] = await Promise.all([shallow ? shallowBoundary(repo, commonDir) : undefined, mailmapOf(repo)]);
  return resultKeyOf(head, boundary?.date, targetsOf(environments).stacks, mailmap, limits);
}

/** A directory's merge facts file by file, with the file each key is in (its events name it). */
function filesOf(
  events: FileEvents,
  carried: FileEvents,
  kept: Map<string, Map<string, number>> | undefined,
  read: Map<string, Set<string>> | undefined,
): NonNullable<MergeFacts['files']> {
  const fileOfKey = new Map<KeyPath, string>();
  for (const map of [carried, events]) for (const [key, list] of map) if (list[0]) fileOfKey.set(key, list[0].file);
  return { of: (key) => fileOfKey.get(key), kept: kept ?? new Map<string, Map<string, number>>(), read: read ?? new Map<string, Set<string>>() };
}

/** A shallow clone's oldest commits (git keeps them in the common dir's `shallow` file), and the
 * date of the oldest. */
async function shallowBoundary(repo: string, commonDir: string): Promise<{ shas: string[]; date: string } | undefined> {
  const text = await readFile(path.join(commonDir, 'shallow'), 'utf8').catch(() => '');
  const shas = text.split('\n').filter(Boolean);
  if (shas.length === 0) return undefined;
  // In UTC, as every other time undrift prints: `%cI` keeps the committer's zone (+01:00), and
  // dates in different zones do not sort as text.
  const [date] = (await gitLines(repo, ['log', '--no-walk', '--format=%cI', ...shas])).map(utc).sort();
  return date ? { shas, date } : undefined;
}

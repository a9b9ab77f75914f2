import type { ReadLimits } from '../model/limits.js';
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import type { SecretFingerprint } from '../parse/fingerprint.js';
import { gitLines, streamLog, type LogCommit } from '../git/log.js';
import type { HistoryCache, HistoryParts } from './cache.js';
import { diffItems, orderEvents, WorkQueue } from './differ.js';
import { markReverts, withoutNulls } from './stack.js';
import { formatOfFile } from '../parse/format.js';
import { entryFormat, rebase, type Target, type WalkedPath } from './targets.js';

// After new commits on top of the HEAD a history was kept for, the history is the kept one plus
// the new commits' own events: a commit with one parent, on the line from the kept HEAD, changes
// no older event. Its place in the commit order comes before every kept commit's (which all move
// by the number of new walked commits), a merge's lineage is unchanged (the line from the new HEAD
// runs through the kept HEAD: ./lineage.ts reaches what it reached, and the new commits), and a
// new event's revert mark reads only the events older than it. So the run costs the new commits,
// not the 1,500 kept ones: the log, their diffs, lineage at every merge and the order of every
// event are not made again. Anything outside that shape is read in full: a merge or a rewritten
// line since the kept HEAD, a file created (a rename to follow), a Kubernetes object's keys added
// or removed (renames of objects are read across the whole history), a version that does not
// parse, a shallow clone, environments that stack files or read Spring profiles.

/** New commits read this way at most; more is a whole walk (it is as cheap then). */
const MAX_NEW = 200;

/** Keys of a Kubernetes object (`Kind/name…`): adding or removing them may be an object's rename. */
const OBJECT_KEY = /^[A-Z][A-Za-z0-9]*\/[^.[]+/;

export interface KeptBase {
  head: string;
  /** The kept history, each event's `order` moved back by `shift` new commits. */
  decode: (shift: number) => HistoryParts;
}

export interface Extended {
  history: HistoryParts;
  /** Per environment, the keys the new commits changed (every other key's events are the kept ones). */
  changed: Map<EnvName, Set<KeyPath>>;
  /** The commits walked since the kept HEAD. */
  commits: number;
  /** What they added, as the history cache journals it (each environment in turn, its keys' new events). */
  added: Array<[EnvName, Array<[KeyPath, HistoryEvent[]]>]>;
}

/** The history at `head`, made from the one kept at `kept.head` and the commits since; undefined
 * where that is not the same as a whole walk's answer (the caller walks). */
export async function extendHistory(
  repo: string,
  head: string,
  kept: KeptBase,
  walk: {
    targets: Map<string, Target>;
    stacks: Map<EnvName, Array<{ key: string; spring: boolean }>>;
    cache: HistoryCache;
    fingerprint: SecretFingerprint;
    limits: Readonly<ReadLimits>;
  },
): Promise<Extended | undefined> {
  // One file per environment (a stack's or a profile's values follow the graph: read in full).
  for (const stack of walk.stacks.values()) if (stack.length !== 1 || stack[0]!.spring || walk.targets.get(stack[0]!.key)?.mount) return undefined;
  if (!(await lineSince(repo, kept.head, head))) return undefined;
  const paths: WalkedPath[] = [...walk.targets.values()].map((target) => ({ pathspec: target.path, target, base: target.path }));
  const queue = new WorkQueue();
  const commits: LogCommit[] = [];
  for await (const batch of streamLog(repo, [...new Set(paths.map((p) => p.pathspec))], `${kept.head}..${head}`)) {
    for (const commit of batch) {
      if (commit.parents.length !== 1) return undefined;
      commits.push(commit);
      for (const entry of commit.entries)
        for (const walked of paths) {
          const file = rebase(entry.path, walked);
          const format = file === undefined ? undefined : entryFormat(walked.target, file);
          if (file === undefined || !format) continue;
          // A file that appears may be a rename, which the walk follows back: read in full.
          if (entry.blob !== null && entry.parentBlobs[0] === null) return undefined;
          queue.push({ commit, entry, target: walked.target, file, format });
        }
    }
  }
  queue.finish();
  // A kept version that did not parse is bridged along the whole walk's parent chains.
  const base = kept.decode(commits.length);
  if (base.broken.length > 0 || base.truncatedAt !== undefined) return undefined;
  // The new commits' diffs are new: the kept diffs are not read (see HistoryCache.learnOnly).
  const diffs = await diffItems(repo, queue, walk.cache.learnOnly(), new Set(), walk.fingerprint, walk.limits);
  if (diffs.broken.length > 0 || diffs.carried.size > 0) return undefined;
  for (const keys of diffs.envs.values())
    for (const [key, events] of keys) if (OBJECT_KEY.test(key) && events.some((e) => e.from === null || e.to === null)) return undefined;
  const order = new Map(commits.map((c, i) => [c.sha, i]));
  const changed = new Map<EnvName, Set<KeyPath>>();
  const added: Extended['added'] = [];
  for (const [env, stack] of walk.stacks) {
    const keys = base.envs.get(env) ?? new Map<KeyPath, HistoryEvent[]>();
    base.envs.set(env, keys);
    const touched = new Set<KeyPath>();
    changed.set(env, touched);
    const addedHere: Array<[KeyPath, HistoryEvent[]]> = [];
    added.push([env, addedHere]);
    const target = walk.targets.get(stack[0]!.key);
    const read = diffs.envs.get(stack[0]!.key) ?? new Map<KeyPath, HistoryEvent[]>();
    // A Helm values file's null is no value, as the whole walk reads it (./stack.ts).
    for (const [key, fresh] of target && formatOfFile(target, target.path) === 'helm' ? withoutNulls(read) : read) {
      // Each environment its own events (the kept ones are decoded per environment too).
      const events = fresh.map((e) => ({ ...e }));
      orderEvents(events, order);
      const list = [...events, ...(keys.get(key) ?? [])];
      markReverts(list);
      keys.set(key, list);
      touched.add(key);
      addedHere.push([key, events]);
    }
  }
  return {
    history: {
      ...base,
      stats: {
        commits: base.stats.commits + commits.length,
        entries: base.stats.entries + queue.items.length,
        blobsRead: diffs.blobsRead,
        cacheHits: base.stats.entries + diffs.cacheHits,
      },
    },
    changed,
    commits: commits.length,
    added,
  };
}

/** Whether `head` descends from `base` through commits of one parent each (a line, few enough). */
async function lineSince(repo: string, base: string, head: string): Promise<boolean> {
  const lines = await gitLines(repo, ['rev-list', '--parents', '--topo-order', `--max-count=${MAX_NEW + 1}`, `${base}..${head}`]).catch(() => undefined);
  if (!lines || lines.length === 0 || lines.length > MAX_NEW) return false;
  let expected = head;
  for (const line of lines) {
    const [sha, ...parents] = line.split(' ');
    if (sha !== expected || parents.length !== 1) return false;
    expected = parents[0]!;
  }
  return expected === base;
}

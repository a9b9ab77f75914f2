import { limitsKey, type ReadLimits } from '../model/limits.js';
import path from 'node:path';
import { eventOf, type EnvName, type HistoryEvent, type KeyPath } from '../model/types.js';
import type { Format } from '../parse/format.js';
import type { SecretFingerprint } from '../parse/fingerprint.js';
import { BlobReader } from '../git/cat-file.js';
import type { CachedDiff, HistoryCache } from './cache.js';
import type { LogCommit, RawEntry } from '../git/log.js';
import {
  diffVersions,
  EMPTY_VERSION,
  flatOf,
  VersionParser,
  type Flat,
  type KeyChange,
  type ParsedVersion,
  type ParseStats,
  type Version,
} from './versions.js';

/** One file of one commit, as a walk found it. */
export interface WorkItem {
  commit: LogCommit;
  entry: RawEntry;
  /** The environments the file belongs to, and the subtree they read of it. */
  target: { envs: EnvName[]; select?: string };
  /** The file as it is named today (for events). */
  file: string;
  format: Format;
  /** Per parent, the path its blob had where this commit renamed the file: each blob is read as
   * the file it was (a `.properties` file moved to `.yml` is no YAML before the move). */
  parentPaths?: string[];
  /** Set by the differ when it first meets the item. */
  reading?: Reading;
  /** `parents>blob`, the cache's name for the item's own diff. */
  pair?: string;
}

/** How the items of one file in one format and subtree are read, and what is known of its
 * blobs. Versions are shared by the readings of one file in one format. */
interface Reading {
  versions: Map<string, ParsedVersion | typeof PENDING>;
  /** The last item (by index) a version was asked for: after it, the version is dropped. */
  lastUse: Map<string, number>;
  /** Per blob: '' when it parses, else the parse error. */
  statuses: Map<string, string>;
  /** This reading's names in the cache: for blob statuses, and for diffs. */
  statusKey: string;
  diffKey: string;
}

export interface BrokenVersion {
  commit: string;
  file: string;
  error: string;
}

export interface DiffResult {
  envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
  /** Per environment, the values merges took from a parent other than their first (no events). */
  carried: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
  broken: BrokenVersion[];
  blobsRead: number;
  cacheHits: number;
  parse: ParseStats;
}

/** Items as the walk produces them; the differ is told of each. */
export class WorkQueue {
  readonly items: WorkItem[] = [];
  /** Which item produced each blob of a file: the parent chain for bridging broken versions. */
  readonly producer = new Map<string, WorkItem>();
  done = false;
  error: Error | undefined;
  onChange: (() => void) | undefined;

  /** Adds an item; the differ hears of new items at the next `notify`. */
  push(item: WorkItem): void {
    this.items.push(item);
    if (item.entry.blob) this.producer.set(`${item.file}\0${item.entry.blob}`, item);
  }

  notify(): void {
    this.onChange?.();
  }

  finish(): void {
    this.done = true;
    this.onChange?.();
  }

  fail(error: Error): void {
    this.error = error;
    this.finish();
  }
}

/** Versions are asked of `git cat-file` this many items ahead of the one being diffed, so that
 * it streams while the differ works; each is parsed as it arrives. */
const AHEAD = 512;
/** The longest the differ works before it lets the event loop run. */
const SLICE_MS = 8;
const PENDING = 'pending';
/** At most this many broken versions in a row are bridged. */
const MAX_BRIDGE = 10_000;

/** Diffs each item's version against its parents' as the walk produces items and cat-file
 * delivers blobs. Everything runs in the callbacks of those two: no promise per item, so the
 * walk, the blob stream and the diffing interleave without waiting on one another. */
export function diffItems(
  repo: string,
  queue: WorkQueue,
  cache: HistoryCache | undefined,
  boundary: Set<string>,
  fingerprint: SecretFingerprint,
  limits: Readonly<ReadLimits>,
  onProgress?: (done: number, total: number) => void,
): Promise<DiffResult> {
  return new Promise((resolve, reject) => {
    const differ = new Differ(repo, queue, cache, boundary, new VersionParser(fingerprint, limits), limitsKey(limits), onProgress, resolve, reject);
    queue.onChange = () => differ.pump();
    differ.pump();
  });
}

class Differ {
  private readonly reader: BlobReader;
  private readonly readings = new Map<string, Reading>();
  private readonly sharedVersions = new Map<string, Pick<Reading, 'versions' | 'lastUse'>>();
  private readonly envs = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
  private readonly carried = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
  private readonly broken: BrokenVersion[] = [];
  /** Items whose broken parent version was produced by a commit the walk has not reached yet. */
  private readonly deferred: WorkItem[] = [];
  private cursor = 0;
  private asked = 0;
  private cacheHits = 0;
  private pumping = false;
  private resuming: NodeJS.Immediate | undefined;
  private settled = false;

  constructor(
    repo: string,
    private readonly queue: WorkQueue,
    private readonly cache: HistoryCache | undefined,
    private readonly boundary: Set<string>,
    private readonly parser: VersionParser,
    /** The limits versions are read within (limitsKey): a kept status or diff is of one reading
     * within them, since a version skipped under one limit is read under another, and a skipped
     * version's warning says where its limit comes from. */
    private readonly within: string,
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
    private readonly resolve: (result: DiffResult) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.reader = new BlobReader(repo, (error) => this.stop(error));
  }

  /** Diffs every item it can; returns when the next one waits for a blob or for the walk. */
  pump(): void {
    if (this.pumping || this.settled) return;
    this.pumping = true;
    const started = performance.now();
    try {
      const { items } = this.queue;
      for (;;) {
        // Others share the event loop (the interactive view answers keys while history loads).
        if (performance.now() - started > SLICE_MS) {
          if (!this.resuming) this.resuming = setImmediate(() => ((this.resuming = undefined), this.pump()));
          return;
        }
        if (this.queue.error) return this.stop(this.queue.error);
        this.askAhead();
        const fromWalk = this.cursor < items.length;
        const item = fromWalk ? items[this.cursor] : this.queue.done ? this.deferred[0] : undefined;
        if (!item) {
          if (this.queue.done) this.finish();
          return;
        }
        const outcome = this.diff(item, fromWalk);
        if (outcome === 'wait') return;
        if (!fromWalk) this.deferred.shift();
        else {
          if (outcome === 'defer') this.deferred.push(item);
          this.release(item, this.cursor);
          this.cursor++;
          this.onProgress?.(this.cursor, items.length);
        }
      }
    } catch (error) {
      this.stop(error as Error);
    } finally {
      this.pumping = false;
    }
  }

  private diff(item: WorkItem, fromWalk: boolean): 'done' | 'wait' | 'defer' {
    const { entry } = item;
    const newBlob = entry.blob;
    const merge = entry.parentBlobs.length > 1;
    const reading = this.readingOf(item);
    // A diff kept from an earlier run was made from versions that parsed: nothing to check.
    const kept = this.cache?.get(reading.diffKey, this.pairOf(item));
    if (kept) {
      this.cacheHits++;
      if (kept.length > 0) this.emit(item, kept, merge, false);
      return 'done';
    }
    if (newBlob) {
      const error = this.status(item, newBlob);
      if (error === undefined) return 'wait';
      if (error !== '') {
        this.broken.push({ commit: item.commit.sha, file: item.file, error });
        return 'done';
      }
    }
    // Bridge an unparseable parent along the parent chain to the last version that parsed.
    let acrossBroken = false;
    let waitForWalk = false;
    const parents: Array<string | null> = [];
    for (let blob of entry.parentBlobs) {
      const seen = new Set<string>();
      for (;;) {
        if (!blob) break;
        const error = this.status(item, blob);
        if (error === undefined) return 'wait';
        if (error === '') break;
        acrossBroken = true;
        // A blob met twice is a loop through producers the walk has not yet replaced by older
        // ones (a file switching between two broken versions and back): once the walk is done,
        // each blob's producer is its oldest, and the chain only goes back in time. Bounded too.
        if (seen.has(blob) || seen.size >= MAX_BRIDGE) {
          if (!this.queue.done) waitForWalk = true;
          blob = null;
          break;
        }
        seen.add(blob);
        const before = this.queue.producer.get(`${item.file}\0${blob}`);
        if (!before && !this.queue.done) waitForWalk = true;
        blob = before && before.entry.parentBlobs.length === 1 ? before.entry.parentBlobs[0]! : null;
      }
      parents.push(blob);
    }
    if (waitForWalk && fromWalk) return 'defer';
    const pair = acrossBroken ? pairOf(parents, newBlob) : this.pairOf(item);
    let diff: CachedDiff | undefined = acrossBroken ? this.cache?.get(reading.diffKey, pair) : undefined;
    if (diff) this.cacheHits++;
    else {
      const after = newBlob ? this.version(item, newBlob) : EMPTY_VERSION;
      const befores = parents.map((blob) => (blob ? this.version(item, blob) : EMPTY_VERSION));
      if (after === undefined || befores.includes(undefined)) return 'wait';
      if (after === null || befores.includes(null)) return 'done'; // checked above; cannot happen
      const select = item.target.select;
      diff = merge ? mergeDiff(befores as Version[], after, select) : diffVersions(befores[0]!, after, select);
      this.cache?.set(reading.diffKey, pair, diff);
      // The next run bridges the same way from the kept statuses alone, reading nothing.
      if (acrossBroken) for (const blob of [newBlob, ...parents]) if (blob) this.cache?.setBlobStatus(reading.statusKey, blob, '');
    }
    if (diff.length > 0) this.emit(item, diff, merge, acrossBroken);
    return 'done';
  }

  /** '' when the blob parses in this item's reading, the error when it does not, undefined
   * while that is not known yet (the blob is on its way). */
  private status(item: WorkItem, blob: string): string | undefined {
    const reading = this.readingOf(item);
    let status = reading.statuses.get(blob) ?? this.cache?.blobStatus(reading.statusKey, blob);
    if (status === undefined) {
      const version = this.parsed(item, blob);
      if (!version) return undefined;
      status = version.ok ? '' : version.error;
      // Failures are kept (a blob in a kept diff parsed, and any other is read anyway to diff it).
      if (status !== '') this.cache?.setBlobStatus(reading.statusKey, blob, status);
    }
    reading.statuses.set(blob, status);
    return status;
  }

  /** The parsed version; undefined while it is on its way, null when it does not parse. */
  private version(item: WorkItem, blob: string): Version | null | undefined {
    const version = this.parsed(item, blob);
    return version && (version.ok ? version.version : null);
  }

  /** The blob read in this item's reading, or undefined while it is on its way (asked for here
   * if nobody has yet). */
  private parsed(item: WorkItem, blob: string): ParsedVersion | undefined {
    const version = this.readingOf(item).versions.get(blob);
    if (version === undefined) this.ask(item, blob);
    return version === PENDING ? undefined : version;
  }

  private askAhead(): void {
    const { items } = this.queue;
    for (const end = Math.min(items.length, this.cursor + AHEAD); this.asked < end; this.asked++) {
      const item = items[this.asked]!;
      const reading = this.readingOf(item);
      if (this.cache?.has(reading.diffKey, this.pairOf(item))) continue;
      for (const blob of [item.entry.blob, ...item.entry.parentBlobs]) {
        // A blob with a kept status is part of a broken stretch: asked for only if a diff needs it.
        if (!blob || this.cache?.blobStatus(reading.statusKey, blob) !== undefined) continue;
        reading.lastUse.set(blob, this.asked);
        this.ask(item, blob);
      }
    }
  }

  private ask(item: WorkItem, blob: string): void {
    const { versions } = this.readingOf(item);
    if (versions.has(blob)) return;
    versions.set(blob, PENDING);
    const settle = (version: ParsedVersion) => {
      if (versions.get(blob) === PENDING) versions.set(blob, version);
      this.pump();
    };
    this.reader.read(blob, (content) => {
      if (content === undefined) return settle({ ok: false, error: `blob ${blob} is missing` });
      const parsed = this.parser.parse(content, nameOf(item, blob), item.format);
      if (parsed instanceof Promise) parsed.then(settle, (error: Error) => this.stop(error));
      else settle(parsed);
    });
  }

  private readingOf(item: WorkItem): Reading {
    if (item.reading) return item.reading;
    const id = `${item.file}\0${item.format}\0${item.target.select ?? ''}`;
    let reading = this.readings.get(id);
    if (!reading) {
      const fileId = `${item.file}\0${item.format}`;
      let shared = this.sharedVersions.get(fileId);
      if (!shared) this.sharedVersions.set(fileId, (shared = { versions: new Map(), lastUse: new Map() }));
      const base = path.posix.basename(item.file);
      reading = {
        ...shared,
        statuses: new Map(),
        statusKey: `${item.format}|${base}|${this.within}`,
        diffKey: `${item.format}|${item.target.select ?? ''}|${base}|${this.within}`,
      };
      this.readings.set(id, reading);
    }
    return (item.reading = reading);
  }

  private pairOf(item: WorkItem): string {
    return (item.pair ??= pairOf(item.entry.parentBlobs, item.entry.blob));
  }

  /** Drops the versions no item ahead asked for; one needed again is simply read again. */
  private release(item: WorkItem, index: number): void {
    const { versions, lastUse } = this.readingOf(item);
    for (const blob of [item.entry.blob, ...item.entry.parentBlobs]) {
      if (!blob) continue;
      const last = lastUse.get(blob);
      if ((last !== undefined && last > index) || versions.get(blob) === PENDING) continue;
      versions.delete(blob);
      lastUse.delete(blob);
    }
  }

  private emit(item: WorkItem, changes: KeyChange[], merge: boolean, acrossBroken: boolean): void {
    const { commit } = item;
    const revert = isRevert(commit);
    const truncated = this.boundary.has(commit.sha);
    // Events outlive the parses: their strings are copied off the text they were parsed from,
    // which a parser's substring would keep alive (a whole version, or a memoised unit).
    const from = changes.map((c) => detached(c.from));
    const to = changes.map((c) => detached(c.to));
    for (const env of item.target.envs) {
      const eventKeys = this.envs.get(env) ?? this.envs.set(env, new Map()).get(env)!;
      for (const [i, change] of changes.entries()) {
        const keys = change.carried ? (this.carried.get(env) ?? this.carried.set(env, new Map()).get(env)!) : eventKeys;
        let list = keys.get(change.key);
        if (!list) keys.set(detached(change.key), (list = []));
        // Made as one literal and marked after, not spread: V8 gives an object made by spreading
        // others a shape of its own when a spread adds keys, and again when `order` is set later
        // (44,469 events, one hidden class each: 19 MB of the heap on the Helm corpus, and every
        // reader of an event's fields went through megamorphic look-ups).
        const event = eventOf(commit, item.entry.path, from[i]!, to[i]!, { merge, revert });
        if (acrossBroken) event.acrossBroken = true;
        if (truncated) event.truncated = true;
        list.push(event);
      }
    }
  }

  private finish(): void {
    this.settled = true;
    this.reader.close();
    for (const keys of this.envs.values()) for (const events of keys.values()) orderAndMarkReverts(events);
    this.resolve({
      envs: this.envs,
      carried: this.carried,
      broken: this.broken,
      blobsRead: this.reader.requests,
      cacheHits: this.cacheHits,
      parse: this.parser.stats,
    });
  }

  private stop(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reader.close();
    this.reject(error);
  }
}

/** A string of its own (V8 keeps substrings of 13 characters or more as views of their source). */
function detached<T extends string | null>(text: T): T {
  return (text === null || text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8')) as T;
}

/** The cache's name for a diff between blobs: the parents' blobs and the item's own. */
const pairOf = (parents: Array<string | null>, blob: string | null) => `${parents.map((p) => p ?? '-').join(',')}>${blob ?? '-'}`;

const isRevertMessage = (subject: string, body: string) => /^Revert "/.test(subject) || /This reverts commit [0-9a-f]{7,}/.test(body);
const isRevert = (c: LogCommit) => isRevertMessage(c.subject, c.body);

/** A merge is an event for a key only when its result differs from every parent: the merge
 * itself chose the value (a conflict resolution). Values taken from a parent belong to the commit
 * on that parent's side that introduced them; those taken from another parent than the first are
 * kept as `carried` changes, so that the file's value at the merge is known (first parent's, with
 * every change). */
/** A merge's changes. Where every parent has the same pieces in the same places as the result
 * (the same entries: the usual case), a place whose piece is the same object in every version
 * holds no change and is left out of the maps compared; keys do not cross pieces (a piece is a
 * top-level entry or one list item, named into every key it holds), so the changes and their order
 * are what comparing the whole versions gives. On the Helm corpus a merge's three whole versions
 * were ~5,000 keys each, of which a few pieces differ. */
export function mergeDiff(parents: Version[], result: Version, select?: string): KeyChange[] {
  const keys = result.keys;
  if (
    select !== undefined ||
    !keys ||
    !parents.every((p) => p.keys?.length === keys.length && p.chunks.length === result.chunks.length && p.keys.every((key, i) => key === keys[i]))
  )
    return mergeChanges(
      parents.map((p) => flatOf(p, select)),
      flatOf(result, select),
    );
  const places: number[] = [];
  for (let i = 0; i < result.chunks.length; i++) if (parents.some((p) => p.chunks[i] !== result.chunks[i])) places.push(i);
  const at = (version: Version) => flatOf({ chunks: places.map((i) => version.chunks[i]!) });
  return mergeChanges(parents.map(at), at(result));
}

export function mergeChanges(parents: Flat[], result: Flat): KeyChange[] {
  const keys = new Set<KeyPath>([...result.keys(), ...parents.flatMap((p) => [...p.keys()])]);
  const changes: KeyChange[] = [];
  for (const key of keys) {
    const to = result.has(key) ? result.get(key)! : null;
    const from = parents[0]!.has(key) ? parents[0]!.get(key)! : null;
    if (from === to) continue;
    const differsFromAll = parents.every((p) => (p.has(key) ? p.get(key)! : null) !== to);
    changes.push(differsFromAll ? { key, from, to } : { key, from, to, carried: true });
  }
  return changes;
}

/** Newest first; an event that returns the key to a value it held before is marked a revert. */
function orderAndMarkReverts(events: HistoryEvent[]): void {
  events.sort((a, b) => (a.committed < b.committed ? 1 : a.committed > b.committed ? -1 : 0));
  markReverts(events);
}

/** Puts each event at its commit's place in the commit graph (`order`: 0 is the newest commit)
 * and orders the events newest first by it: dates can be equal or skewed, the graph cannot. */
export function orderEvents(events: HistoryEvent[], order: Map<string, number>): void {
  for (const event of events) {
    const position = order.get(event.commit);
    if (position !== undefined) event.order = position;
  }
  events.sort((a, b) => (a.order ?? -1) - (b.order ?? -1));
  // Marked again in this order: by dates, a value could seem to return before it left.
  for (const event of events) event.revert = isRevertMessage(event.subject, event.body);
  markReverts(events);
}

function markReverts(events: HistoryEvent[]): void {
  const held = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.from !== null) held.add(event.from);
    if (event.to !== null && event.to !== event.from && held.has(event.to) && !event.merge) event.revert = true;
  }
}

/** The path a blob of `item` had: the commit's own path for its blob, a renamed parent's old path
 * for that parent's blob. Read under that name (its reader, its profile), as the scan read it then. */
function nameOf(item: WorkItem, blob: string): string {
  if (blob === item.entry.blob) return item.entry.path;
  const index = item.entry.parentBlobs.indexOf(blob);
  return (index >= 0 ? item.parentPaths?.[index] : undefined) ?? item.entry.path;
}

import type { HistoryEvent, KeyPath } from '../model/types.js';

/** One file's (or stack's) per-key events, newest first. */
type FileEvents = Map<KeyPath, HistoryEvent[]>;
/** The walked commits, every one after its parents, and each one's walked parents. */
interface Lines {
  oldestFirst: string[];
  parents: Map<string, string[]>;
}

// A key's history is the line of changes that made the value HEAD holds, as `git log -- file`
// shows a file's: at a merge that took one parent's value, only that parent's line led there
// (git follows the first parent the merge is TREESAME to); a merge that made a value of its own
// (differs from every parent) joins every parent's line. A change on a line a merge threw away
// never reached HEAD, so it is no event of the key (else it could be the newest one, naming a
// value HEAD never had). The walk runs over every environment's files at once, so such a line
// is walked whenever it changed another file the merge did keep.

/** What a file's history knows of each merge, beyond the events it made. */
export interface MergeFacts {
  /** Values of keys a merge took from another parent than its first (the differ's `carried`). */
  carried: Map<KeyPath, Array<Pick<HistoryEvent, 'commit' | 'to'>>>;
  /** Merges that left the file as one parent had it: that parent's index. */
  kept?: Map<string, number>;
  /** Merges whose result the differ read (the file differs from every parent): a key it did not
   * change holds its first parent's value. */
  read: (merge: string) => boolean;
}

/** The events on the line that leads to HEAD's value of each key. A merge of which nothing is
 * known for the file joins every parent's line, as before: nothing is dropped on a guess. Lists
 * that lost events are new arrays (their reverts are to be marked again); others are kept. */
export function keepLineage(events: FileEvents, facts: MergeFacts, graph: Lines): FileEvents {
  const reached = reachedChanges(events, facts, graph);
  if (!reached) return events;
  const out: FileEvents = new Map();
  for (const [key, list] of events) {
    const on = reached.get(key)!;
    const kept = list.filter((event) => on.has(event.commit));
    if (kept.length > 0) out.set(key, kept.length === list.length ? list : kept);
  }
  return out;
}

/** Per key, the commits among those that changed it (its events, and merges that carried a
 * value) that lie on a line leading to HEAD's value; undefined when the graph has no merge. */
export function reachedChanges(events: FileEvents, facts: MergeFacts, graph: Lines): Map<KeyPath, Set<string>> | undefined {
  const shas = graph.oldestFirst;
  const index = new Map(shas.map((sha, i) => [sha, i]));
  const parents = shas.map((sha) => (graph.parents.get(sha) ?? []).map((p) => index.get(p)).filter((p): p is number => p !== undefined));
  if (!parents.some((list) => list.length > 1)) return undefined;
  const hasChild = new Uint8Array(shas.length);
  for (const list of parents) for (const p of list) hasChild[p] = 1;
  const kept = shas.map((sha) => facts.kept?.get(sha));
  const read = shas.map((sha, i) => parents[i]!.length > 1 && facts.read(sha));
  const out = new Map<KeyPath, Set<string>>();
  const value: Array<string | null> = new Array<string | null>(shas.length);
  const known = new Uint8Array(shas.length);
  const visited = new Uint8Array(shas.length);
  for (const key of new Set([...events.keys(), ...facts.carried.keys()])) {
    const changes = [...(events.get(key) ?? []), ...(facts.carried.get(key) ?? [])];
    const own = new Map<number, string | null>();
    for (const event of events.get(key) ?? []) {
      const i = index.get(event.commit);
      if (i !== undefined) own.set(i, event.to);
    }
    const carried = new Map<number, string | null>();
    for (const event of facts.carried.get(key) ?? []) {
      const i = index.get(event.commit);
      if (i !== undefined) carried.set(i, event.to);
    }
    // The key's value at every commit, parents first.
    for (let i = 0; i < shas.length; i++) {
      const ps = parents[i]!;
      known[i] = 1;
      if (own.has(i)) value[i] = own.get(i)!;
      else if (ps.length === 0) value[i] = null;
      else if (ps.length === 1) value[i] = value[ps[0]!]!;
      else if (carried.has(i)) value[i] = carried.get(i)!;
      else if (kept[i] !== undefined && ps[kept[i]!] !== undefined) value[i] = value[ps[kept[i]!]!]!;
      else {
        value[i] = value[ps[0]!]!;
        known[i] = read[i] ? 1 : 0;
      }
    }
    // Back from HEAD (the commits nothing walked descends from) along the lines that led there.
    visited.fill(0);
    const stack: number[] = [];
    for (let i = 0; i < shas.length; i++) if (!hasChild[i]) stack.push(i);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (visited[i]) continue;
      visited[i] = 1;
      const ps = parents[i]!;
      const same = ps.length > 1 && known[i] && !own.has(i) ? ps.find((p) => value[p] === value[i]) : undefined;
      if (same !== undefined) stack.push(same);
      else stack.push(...ps);
    }
    out.set(
      key,
      new Set(
        changes
          .filter((change) => {
            const i = index.get(change.commit);
            return i === undefined || visited[i] === 1;
          })
          .map((change) => change.commit),
      ),
    );
  }
  return out;
}

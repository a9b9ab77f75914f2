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
  /** For a directory (one environment, several files), the same facts file by file: a merge can
   * take one file from a parent and another from another, so that the directory as a whole
   * equals no parent. `of` names the file a key is in. */
  files?: { of: (key: KeyPath) => string | undefined; kept: Map<string, Map<string, number>>; read: Map<string, Set<string>> };
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
  const shape = graphShape(graph);
  if (!shape) return undefined;
  const { index, parents, root, depth, enter, leave, heads, merges } = shape;
  const kept = new Map(merges.map((m) => [m, facts.kept?.get(graph.oldestFirst[m]!)]));
  const read = new Map(merges.map((m) => [m, facts.read(graph.oldestFirst[m]!)]));
  /** `a` is `b` or one of its single-parent ancestors (the same chain down to one root). */
  const onChain = (a: number, b: number) => root[a] === root[b] && enter[a]! <= enter[b]! && leave[b]! <= leave[a]!;
  const out = new Map<KeyPath, Set<string>>();
  for (const key of new Set([...events.keys(), ...facts.carried.keys()])) {
    const changes = [...(events.get(key) ?? []), ...(facts.carried.get(key) ?? [])];
    // The key's own changes, by the root of the chain they lie on.
    const own = new Map<number, string | null>();
    const ownByRoot = new Map<number, number[]>();
    for (const event of events.get(key) ?? []) {
      const i = index.get(event.commit);
      if (i === undefined) continue;
      own.set(i, event.to);
      const list = ownByRoot.get(root[i]!);
      if (list) list.push(i);
      else ownByRoot.set(root[i]!, [i]);
    }
    const carried = new Map<number, string | null>();
    for (const event of facts.carried.get(key) ?? []) {
      const i = index.get(event.commit);
      if (i !== undefined) carried.set(i, event.to);
    }
    // A commit's value is that of the nearest own change down its chain, else its chain's root's:
    // a root commit's own value or nothing, a merge's as it joined its parents (computed parents
    // first, so only at merges and their parents — not at every commit for every key).
    const mergeValue = new Map<number, string | null>();
    const known = new Map<number, boolean>();
    const valueAt = (i: number): string | null => {
      let nearest = -1;
      for (const c of ownByRoot.get(root[i]!) ?? []) if (onChain(c, i) && (nearest < 0 || depth[c]! > depth[nearest]!)) nearest = c;
      if (nearest >= 0) return own.get(nearest)!;
      const r = root[i]!;
      return parents[r]!.length === 0 ? null : mergeValue.get(r)!;
    };
    const file = facts.files?.of(key);
    const fileKept = (m: number) => (file === undefined ? undefined : facts.files!.kept.get(graph.oldestFirst[m]!)?.get(file));
    const fileRead = (m: number) => file !== undefined && (facts.files!.read.get(graph.oldestFirst[m]!)?.has(file) ?? false);
    for (const m of merges) {
      const ps = parents[m]!;
      const side = fileKept(m) ?? kept.get(m);
      let known1 = true;
      let value: string | null;
      if (own.has(m)) value = own.get(m)!;
      else if (carried.has(m)) value = carried.get(m)!;
      else if (side !== undefined && ps[side] !== undefined) value = valueAt(ps[side]);
      else {
        value = valueAt(ps[0]!);
        known1 = read.get(m)! || fileRead(m);
      }
      mergeValue.set(m, value);
      known.set(m, known1);
    }
    // Back from HEAD (the commits nothing walked descends from) along the lines that led there:
    // a commit reached is reached with its whole chain; at the chain's merge, the line goes on to
    // the parent whose value the merge kept, else to every parent.
    const reachedAt = new Map<number, number[]>();
    const done = new Set<number>();
    const stack = [...heads];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const r = root[i]!;
      const list = reachedAt.get(r);
      if (list) list.push(i);
      else reachedAt.set(r, [i]);
      if (done.has(r)) continue;
      done.add(r);
      const ps = parents[r]!;
      if (ps.length < 2) continue;
      const value = mergeValue.get(r);
      const same = known.get(r) && !own.has(r) ? ps.find((p) => valueAt(p) === value) : undefined;
      if (same !== undefined) stack.push(same);
      else stack.push(...ps);
    }
    out.set(
      key,
      new Set(
        changes
          .filter((change) => {
            const i = index.get(change.commit);
            return i === undefined || (reachedAt.get(root[i]!) ?? []).some((j) => onChain(i, j));
          })
          .map((change) => change.commit),
      ),
    );
  }
  return out;
}

/** The graph cut into chains: each commit with one parent hangs below it, so every commit lies
 * on one chain from a root — a merge or a commit without parents. `enter`/`leave` number a walk
 * of those trees, so that one commit lies down another's chain when its interval holds the other's. */
function graphShape(graph: Lines) {
  const shas = graph.oldestFirst;
  const index = new Map(shas.map((sha, i) => [sha, i]));
  const parents = shas.map((sha) => (graph.parents.get(sha) ?? []).map((p) => index.get(p)).filter((p): p is number => p !== undefined));
  const merges: number[] = [];
  parents.forEach((list, i) => list.length > 1 && merges.push(i));
  if (merges.length === 0) return undefined;
  const hasChild = new Uint8Array(shas.length);
  for (const list of parents) for (const p of list) hasChild[p] = 1;
  const heads: number[] = [];
  for (let i = 0; i < shas.length; i++) if (!hasChild[i]) heads.push(i);
  const root = new Int32Array(shas.length);
  const depth = new Int32Array(shas.length);
  const below: number[][] = shas.map(() => []);
  // Parents come first in `oldestFirst`.
  for (let i = 0; i < shas.length; i++) {
    const ps = parents[i]!;
    if (ps.length === 1) {
      root[i] = root[ps[0]!]!;
      depth[i] = depth[ps[0]!]! + 1;
      below[ps[0]!]!.push(i);
    } else root[i] = i;
  }
  const enter = new Int32Array(shas.length);
  const leave = new Int32Array(shas.length);
  let clock = 0;
  for (let r = 0; r < shas.length; r++) {
    if (root[r] !== r) continue;
    const walk: Array<[number, number]> = [[r, 0]];
    enter[r] = clock++;
    while (walk.length > 0) {
      const top = walk[walk.length - 1]!;
      const next = below[top[0]]![top[1]++];
      if (next === undefined) {
        leave[top[0]] = clock++;
        walk.pop();
      } else {
        enter[next] = clock++;
        walk.push([next, 0]);
      }
    }
  }
  return { index, parents, root, depth, enter, leave, heads, merges };
}

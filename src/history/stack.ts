import { eventOf, type CommitFacts, type HistoryEvent, type KeyPath } from '../model/types.js';
import { reachedChanges } from './lineage.js';
import { formatKeyPath, parseKeyPath } from '../parse/keypath.js';

/** One file's per-key events, newest first (as the differ gives them). */
export type FileEvents = Map<KeyPath, HistoryEvent[]>;

const isRevertCommit = (e: HistoryEvent) => /^Revert "/.test(e.subject) || /This reverts commit [0-9a-f]{7,}/.test(e.body);

/** The walked commits as a graph: what stacking files needs to follow branches and merges. */
export interface CommitGraph {
  /** Every walked commit after its parents. */
  oldestFirst: string[];
  /** Each walked commit's parents among the walked commits, first parent first. */
  parents: Map<string, string[]>;
  /** Each walked commit's place (0 is the newest), as events carry it. */
  order: Map<string, number>;
  /** Each walked commit's facts: a merge can make a new effective value without editing the key. */
  facts: Map<string, CommitFacts & { sha: string }>;
}

/** One file of a stack (or one Spring view of it). */
export interface Layer {
  events: FileEvents;
  /** Values merges took from a parent other than their first: not events of the file, but its
   * value at the merge. */
  carried?: FileEvents;
  /** The file as named today. */
  file: string;
  /** Merges that kept the whole file as one parent had it: that parent's index. */
  kept?: Map<string, number>;
  /** Merges whose version of the file the differ read (it differed from every parent). */
  read?: Set<string>;
  /** A Terraform variables file: a variable it sets replaces the whole value earlier files gave
   * it (Terraform does not merge variable files), so a key below it that this file lacks is
   * absent, not the earlier file's. */
  whole?: boolean;
  /** A Helm values file: a key it sets to null, or below a key it sets to null, is taken out of
   * what the chart sees (Helm's merge deletes it), whatever earlier files set. */
  unsets?: boolean;
}

/** The text a YAML null flattens to (parse/flatten.ts scalarText). */
const NULL_TEXT = 'null';

/** The keys above `key` (`db` and `db.pool` above `db.pool.max`), nearest last. */
function ancestorsOf(key: KeyPath): KeyPath[] {
  const segments = parseKeyPath(key);
  const out: KeyPath[] = [];
  for (let i = 1; i < segments.length; i++) out.push(formatKeyPath(segments.slice(0, i)));
  return out;
}

/** A Helm values file's events as its environment sees them: a null is no value (absent), and a
 * change between absent and null is no change. The events of one file stacked alone. */
export function withoutNulls(events: FileEvents): FileEvents {
  const out: FileEvents = new Map();
  for (const [key, list] of events) {
    if (!list.some((e) => e.from === NULL_TEXT || e.to === NULL_TEXT)) {
      out.set(key, list);
      continue;
    }
    const kept = list.map((e) => ({ ...e, from: e.from === NULL_TEXT ? null : e.from, to: e.to === NULL_TEXT ? null : e.to })).filter((e) => e.from !== e.to);
    if (kept.length === 0) continue;
    markReverts(kept);
    out.set(key, kept);
  }
  return out;
}

/** A key's top-level variable (`tags` of `tags.team`). */
const variableOf = (key: KeyPath): string => /^[^.[]*/.exec(key)![0];
const holdsVariable = (map: Map<KeyPath, string>, variable: string) => {
  for (const k of map.keys()) if (variableOf(k) === variable) return true;
  return false;
};

/** An environment's history from the histories of the files in its stack (base first, later
 * wins), as the consuming tool layers them: at every commit of the graph each file's value is
 * its own (edited there, else its parent's; at a merge, the parent's it kept, with what the merge
 * changed), and the effective value is the last file's that sets the key. An event is a commit
 * whose effective value differs from its parent's; at a merge, from every parent's (a merge that
 * takes one side changes nothing; one that combines or resolves to a new value is the event).
 * A one-file stack is its file's history as it is. */
export function stackHistory(layers: Layer[], graph: CommitGraph): FileEvents {
  if (layers.length === 1) return layers[0]!.events;
  // Each layer's events (and values merges carried) by commit.
  const edits = layers.map((layer) => {
    const byCommit = new Map<string, Array<[KeyPath, HistoryEvent]>>();
    for (const map of [layer.events, layer.carried ?? new Map<KeyPath, HistoryEvent[]>()])
      for (const [key, events] of map)
        for (const event of events) {
          const list = byCommit.get(event.commit);
          if (list) list.push([key, event]);
          else byCommit.set(event.commit, [[key, event]]);
        }
    return byCommit;
  });
  const children = new Map<string, number>();
  for (const sha of graph.oldestFirst) for (const parent of graph.parents.get(sha) ?? []) children.set(parent, (children.get(parent) ?? 0) + 1);
  /** Per layer: key → value (absent keys are not kept). */
  type State = Array<Map<KeyPath, string>>;
  const states = new Map<string, State>();
  const out: FileEvents = new Map();
  // Merges that make a new effective value by combining files as different parents had them
  // (no file edited the key there): an event only if the merge lies on the line that led to
  // HEAD's value in one of the files it took from another parent than its first (checked below).
  const combined: Array<{ event: HistoryEvent; key: KeyPath; sha: string; layers: Map<number, string | null> }> = [];
  // Per layer and key, its file's changes that reached HEAD's value of the key in that file
  // (./lineage.ts): a change a merge threw away is no event, though it was the effective value
  // on its line. Each file's own line, not the effective value's: a value a later file shadowed
  // at a merge can still be the one HEAD shows once the shadow goes.
  const reached = layers.map((layer) =>
    reachedChanges(
      layer.events,
      {
        carried: layer.carried ?? new Map<KeyPath, HistoryEvent[]>(),
        ...(layer.kept ? { kept: layer.kept } : {}),
        read: (sha) => layer.read?.has(sha) ?? false,
      },
      graph,
    ),
  );
  const whole = layers.some((layer) => layer.whole);
  const unsets = layers.some((layer) => layer.unsets);
  const ancestors = new Map<KeyPath, KeyPath[]>();
  /** Whether Helm takes the key out at layer l: the file sets it, or a key above it, to null. */
  const unsetAt = (state: State, l: number, key: KeyPath) => {
    if (layers[l]!.unsets !== true) return false;
    const map = state[l]!;
    if (map.get(key) === NULL_TEXT) return true;
    let above = ancestors.get(key);
    if (!above) ancestors.set(key, (above = ancestorsOf(key)));
    return above.some((a) => map.get(a) === NULL_TEXT);
  };
  /** Whether layer l decides the key: it sets it, or (a tfvars file) sets its variable, or (a Helm
   * values file) sets it or a key above it to null. */
  const decides = (state: State, l: number, key: KeyPath) =>
    state[l]!.has(key) || (layers[l]!.whole === true && holdsVariable(state[l]!, variableOf(key))) || (unsets && unsetAt(state, l, key));
  const effective = (state: State, key: KeyPath): string | null => {
    for (let l = state.length - 1; l >= 0; l--) {
      if (unsets && unsetAt(state, l, key)) return null;
      const value = state[l]!.get(key);
      if (value !== undefined) return value;
      if (whole && decides(state, l, key)) return null;
    }
    return null;
  };
  const winningSlot = (state: State, key: KeyPath) => {
    let l = state.length - 1;
    while (l > 0 && !decides(state, l, key)) l--;
    return l;
  };
  /** The keys of earlier files that a tfvars file's edit of a variable can hide or reveal. */
  const alongside = (state: State | undefined, slots: Map<KeyPath, Map<number, HistoryEvent>>): KeyPath[] => {
    if ((!whole && !unsets) || !state) return [];
    const variables = new Set<string>();
    // A Helm values file's key set to null, or no longer null: the keys below it appear or go.
    const nulled: KeyPath[] = [];
    for (const [key, byLayer] of slots)
      for (const [l, event] of byLayer) {
        if (layers[l]!.whole) variables.add(variableOf(key));
        if (layers[l]!.unsets && (event.to === NULL_TEXT || state[l]!.get(key) === NULL_TEXT)) nulled.push(key);
      }
    if (variables.size === 0 && nulled.length === 0) return [];
    const below = (k: KeyPath) => nulled.some((n) => k.startsWith(`${n}.`) || k.startsWith(`${n}[`));
    const keys = new Set<KeyPath>();
    for (const map of state) for (const k of map.keys()) if ((variables.has(variableOf(k)) || below(k)) && !slots.has(k)) keys.add(k);
    return [...keys];
  };
  const apply = (map: Map<KeyPath, string>, key: KeyPath, to: string | null) => (to === null ? map.delete(key) : map.set(key, to));
  for (const sha of graph.oldestFirst) {
    const parentShas = graph.parents.get(sha) ?? [];
    const parents = parentShas.map((p) => states.get(p));
    const known = parents.filter((p): p is State => p !== undefined);
    const edited = new Map<KeyPath, Map<number, HistoryEvent>>();
    for (const [l, byCommit] of edits.entries())
      for (const [key, event] of byCommit.get(sha) ?? []) {
        if (!edited.has(key)) edited.set(key, new Map());
        edited.get(key)!.set(l, event);
      }
    let state: State;
    let candidates: Iterable<KeyPath> = edited.keys();
    const first = known[0];
    const befores = (key: KeyPath) => known.map((p) => effective(p, key));
    const previous = new Map<KeyPath, Array<string | null>>();
    if (known.length <= 1) {
      for (const key of edited.keys()) previous.set(key, first ? [effective(first, key)] : [null]);
      const hidden = alongside(first, edited);
      for (const key of hidden) previous.set(key, [effective(first!, key)]);
      if (hidden.length > 0) candidates = [...edited.keys(), ...hidden];
      const only = parentShas.find((p) => states.has(p));
      // The last child of its parent takes its parent's state over; others copy it.
      state = first && children.get(only!) === 1 ? first : first ? first.map((m) => new Map(m)) : layers.map(() => new Map<KeyPath, string>());
      for (const [key, slots] of edited) for (const [l, event] of slots) apply(state[l]!, key, event.to);
    } else {
      // A merge: each file as the parent it kept had it, or its first parent's with what the
      // merge changed; the keys to look at are those where the result can differ from the first.
      const keys = new Set<KeyPath>(edited.keys());
      state = layers.map((layer, l) => {
        const kept = layer.kept?.get(sha);
        const side = kept !== undefined ? parents[kept] : undefined;
        if (side && side !== first) {
          for (const [key, value] of side[l]!) if (first![l]!.get(key) !== value) keys.add(key);
          for (const key of first![l]!.keys()) if (!side[l]!.has(key)) keys.add(key);
          return new Map(side[l]);
        }
        const map = new Map(first![l]);
        for (const [key, slots] of edited) {
          const event = slots.get(l);
          if (event) apply(map, key, event.to);
        }
        return map;
      });
      for (const key of alongside(first, edited)) keys.add(key);
      candidates = keys;
      for (const key of keys) previous.set(key, befores(key));
    }
    for (const key of candidates) {
      const before = previous.get(key)!;
      const after = effective(state, key);
      if (before.some((value) => value === after)) continue;
      const slots = edited.get(key);
      if (slots && slots.size > 0 && ![...slots.keys()].some((l) => reached[l]?.get(key)?.has(sha) ?? true)) continue;
      const winner = winningSlot(state, key);
      // The event names the file that now wins, when this commit edited it; else the later file
      // that stopped setting the key; else (a merge combining its parents' files) the winner.
      const own = slots?.get(winner) ?? (slots && slots.size > 0 ? slots.get(Math.max(...slots.keys())) : undefined);
      const event: HistoryEvent = own ?? eventOf(graph.facts.get(sha)!, layers[winner]!.file, null, null, { merge: true, revert: false });
      const list = out.get(key) ?? out.set(key, []).get(key)!;
      const made: HistoryEvent = { ...event, from: before[0]!, to: after, merge: known.length > 1, order: graph.order.get(sha)! };
      list.push(made);
      if (known.length > 1 && !(slots && slots.size > 0)) {
        const taken = new Map<number, string | null>();
        state.forEach((map, l) => {
          if (map.get(key) !== first![l]!.get(key)) taken.set(l, map.get(key) ?? null);
        });
        combined.push({ event: made, key, sha, layers: taken });
      }
    }
    states.set(sha, state);
    for (const parent of parentShas) {
      const left = (children.get(parent) ?? 1) - 1;
      children.set(parent, left);
      if (left === 0) states.delete(parent);
    }
  }
  dropUnreached(combined, layers, graph, out);
  for (const events of out.values()) {
    events.sort((a, b) => a.order! - b.order!);
    markReverts(events);
  }
  return out;
}

/** Leaves out the combining merges (see `stackHistory`) that lie on no line to HEAD's value in
 * any file they took from another parent: with three or more parents, a file can follow one
 * parent's line while the merge's effective value came from files another merge threw away. */
function dropUnreached(
  combined: Array<{ event: HistoryEvent; key: KeyPath; sha: string; layers: Map<number, string | null> }>,
  layers: Layer[],
  graph: CommitGraph,
  out: FileEvents,
): void {
  if (combined.length === 0) return;
  const keys = new Set(combined.map((c) => c.key));
  const reached = layers.map((layer, l) => {
    // The file's own changes of those keys, and each combining merge as a change of the file.
    const events: FileEvents = new Map([...layer.events].filter(([key]) => keys.has(key)));
    const carried = new Map<KeyPath, Array<Pick<HistoryEvent, 'commit' | 'to'>>>([...(layer.carried ?? [])].filter(([key]) => keys.has(key)));
    for (const c of combined) {
      if (!c.layers.has(l)) continue;
      carried.set(c.key, [...(carried.get(c.key) ?? []), { commit: c.sha, to: c.layers.get(l)! }]);
    }
    return reachedChanges(events, { carried, ...(layer.kept ? { kept: layer.kept } : {}), read: (sha) => layer.read?.has(sha) ?? false }, graph);
  });
  for (const c of combined) {
    if ([...c.layers.keys()].some((l) => reached[l]?.get(c.key)?.has(c.sha) ?? true)) continue;
    const list = out.get(c.key)!;
    const kept = list.filter((e) => e !== c.event);
    if (kept.length > 0) out.set(c.key, kept);
    else out.delete(c.key);
  }
}

/** A revert commit, or a value returning to one the effective value held before. */
export function markReverts(newestFirst: HistoryEvent[]): void {
  const held = new Set<string>();
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const event = newestFirst[i]!;
    if (event.from !== null) held.add(event.from);
    event.revert = isRevertCommit(event) || (event.to !== null && event.to !== event.from && held.has(event.to) && !event.merge);
  }
}

import { expect, it } from 'vitest';
import type { HistoryEvent, KeyPath } from '../../src/model/types.js';
import { reachedChanges, type MergeFacts } from '../../src/history/lineage.js';

// reachedChanges computes a key's value only at merges and their parents (from the nearest own
// change down each chain). The reference below is the definition it replaced: the value of every
// key at every commit, parents first, then a walk back from HEAD over every commit. On random
// graphs with merges, carried values, kept sides and merges read or not, both must agree.

type FileEvents = Map<KeyPath, HistoryEvent[]>;
interface Lines {
  oldestFirst: string[];
  parents: Map<string, string[]>;
}

function everyCommitReference(events: FileEvents, facts: MergeFacts, graph: Lines): Map<KeyPath, Set<string>> | undefined {
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

function randomCase(seed: number) {
  let state = seed;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return (state >>> 8) % n;
  };
  const n = 2 + rand(60);
  const shas = Array.from({ length: n }, (_, i) => `c${i}`);
  const parents = new Map<string, string[]>();
  shas.forEach((sha, i) => {
    if (i === 0 || rand(15) === 0) return parents.set(sha, []);
    const count = rand(4) === 0 ? 2 + rand(2) : 1;
    // Mostly the previous commit or a recent one, so that lines run side by side and join.
    const ps = new Set(Array.from({ length: count }, () => shas[Math.max(0, i - 1 - rand(Math.min(i, 6)))]!));
    // A parent outside the walk now and then (filtered out as the walk's graph would).
    parents.set(sha, [...ps, ...(rand(10) === 0 ? ['outside'] : [])]);
  });
  const values = ['a', 'b', 'c', null];
  const event = (commit: string, to: string | null) => ({ commit, to }) as HistoryEvent;
  const events: FileEvents = new Map();
  const carried = new Map<KeyPath, Array<Pick<HistoryEvent, 'commit' | 'to'>>>();
  const kept = new Map<string, number>();
  const read = new Set<string>();
  for (let k = 0; k < 6; k++) {
    const list = shas.filter(() => rand(4) === 0).map((sha) => event(sha, values[rand(4)]!));
    if (rand(8) === 0) list.push(event('unwalked', 'z'));
    if (list.length > 0) events.set(`.k${k}`, list);
    const merged = shas.filter((sha) => parents.get(sha)!.length > 1 && rand(3) === 0).map((sha) => event(sha, values[rand(4)]!));
    if (merged.length > 0) carried.set(`.k${k}`, merged);
  }
  for (const sha of shas) {
    if (parents.get(sha)!.length < 2) continue;
    if (rand(3) === 0) kept.set(sha, rand(3));
    if (rand(2) === 0) read.add(sha);
  }
  const facts: MergeFacts = { carried, kept, read: (sha) => read.has(sha) };
  return { events, facts, graph: { oldestFirst: shas, parents } };
}

it('finds the changes on the lines to HEAD as computing every key at every commit does (random graphs)', () => {
  let withMerges = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const { events, facts, graph } = randomCase(seed);
    const expected = everyCommitReference(events, facts, graph);
    if (expected) withMerges++;
    const text = (m: Map<KeyPath, Set<string>> | undefined) => JSON.stringify(m && [...m].map(([k, set]) => [k, [...set].sort()]));
    expect(text(reachedChanges(events, facts, graph)), `seed ${seed}`).toBe(text(expected));
  }
  expect(withMerges).toBeGreaterThan(250);
});

import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/walk.js';
import { detectFormat } from '../../src/parse/format.js';
import { readText } from '../../src/parse/read.js';
import { repoFromGraph, type GraphCommit } from '../support/graph-repo.js';
import { commitsOf, readVersions } from '../support/versions.js';

// Generated commit graphs with what real repositories have and `git merge` scenarios rarely
// make (written by one fast-import): octopus merges (three and four parents), a stack's base file
// renamed on one line while others change it under its old name, and directories of manifests
// (one environment, several files) that a merge takes partly from each side. Each directory
// environment's events must equal reading every version of every file whole, over the whole
// graph: an event is a commit whose value differs from every parent's, on the lines that led to
// HEAD's value (at a merge that holds a parent's value, the first such parent's line).
//
const OLD_BASE = 'config/settings.yml';
const NEW_BASE = 'config/base.yml';
const SLOTS = {
  base: [NEW_BASE, OLD_BASE],
  staging: ['config/settings/staging.yml'],
  production: ['config/settings/production.yml'],
  'staging/a': ['deploy/staging/a.yaml'],
  'staging/b': ['deploy/staging/b.yaml'],
  'production/a': ['deploy/production/a.yaml'],
  'production/b': ['deploy/production/b.yaml'],
} as const;
type Slot = keyof typeof SLOTS;
const SLOT_NAMES = Object.keys(SLOTS) as Slot[];
const isManifest = (slot: Slot) => slot.includes('/');

interface Line {
  head: number;
  values: Record<Slot, Map<string, string>>;
  renamed: boolean;
}

const render = (slot: Slot, values: Map<string, string>) =>
  isManifest(slot)
    ? `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${slot.slice(slot.indexOf('/') + 1)}\ndata:${values.size ? `\n${[...values].map(([k, v]) => `  ${k}: "${v}"\n`).join('')}` : ' {}\n'}`
    : values.size
      ? [...values].map(([k, v]) => `${k}: ${v}\n`).join('')
      : '{}\n';

const pathOf = (slot: Slot, line: Line) => (slot === 'base' ? (line.renamed ? NEW_BASE : OLD_BASE) : SLOTS[slot][0]);

function tree(line: Line): Record<string, string> {
  return Object.fromEntries(SLOT_NAMES.map((slot) => [pathOf(slot, line), render(slot, line.values[slot])]));
}

/** Up to four lines of history editing the stacks and the directories, merged two at a time and
 * by octopus, the base renamed on a side line; the last commit merges every line into main. */
function generate(seed: number): { commits: GraphCommit[]; renamed: boolean } {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 16) % n);
  const keysOf = (slot: Slot) => (isManifest(slot) ? ['K1', 'K2', 'K3'] : ['a', 'b', 'c', 'd']);
  const VALUES = ['1', '2', 'x', 'true', 'on', 'null'];
  const commits: GraphCommit[] = [];
  const commit = (parents: number[], line: Line, message: string) => {
    const at = new Date(Date.UTC(2026, 4, 1) + commits.length * 3_600_000).toISOString().replace('.000', '');
    commits.push({ parents, files: tree(line), message: `${message} ${commits.length}`, at, author: commits.length % 2 ? 'ana' : 'ben' });
    line.head = commits.length - 1;
  };
  const edit = (line: Line) => {
    for (const slot of new Set([SLOT_NAMES[rand(SLOT_NAMES.length)]!, ...(rand(2) ? [SLOT_NAMES[rand(SLOT_NAMES.length)]!] : [])])) {
      const keys = keysOf(slot);
      const key = keys[rand(keys.length)]!;
      if (rand(5) === 0) line.values[slot].delete(key);
      else line.values[slot].set(key, VALUES[rand(VALUES.length)]!);
    }
  };
  const copy = (line: Line): Line => ({
    head: line.head,
    renamed: line.renamed,
    values: Object.fromEntries(SLOT_NAMES.map((s) => [s, new Map(line.values[s])])) as Line['values'],
  });
  const merge = (into: Line, others: Line[], message: string) => {
    const sides = [into, ...others];
    for (const slot of SLOT_NAMES) {
      const how = rand(3);
      let result: Map<string, string>;
      if (how === 0) result = new Map(sides[rand(sides.length)]!.values[slot]);
      else if (how === 1) result = new Map(into.values[slot]);
      else {
        result = new Map();
        for (const key of keysOf(slot)) {
          const pick = rand(sides.length + 1);
          const value = pick < sides.length ? sides[pick]!.values[slot].get(key) : VALUES[rand(VALUES.length)];
          if (value !== undefined) result.set(key, value);
        }
      }
      into.values[slot] = result;
    }
    into.renamed = sides.some((s) => s.renamed);
    commit(
      sides.map((s) => s.head),
      into,
      message,
    );
  };

  const main: Line = { head: -1, renamed: false, values: Object.fromEntries(SLOT_NAMES.map((s) => [s, new Map([[keysOf(s)[0]!, '1']])])) as Line['values'] };
  commit([], main, 'create');
  const lines: Line[] = [main];
  for (let c = 1; c < 34; c++) {
    const r = rand(10);
    if (c === 3 || (r === 5 && lines.length < 4) || (c < 8 && lines.length < 2)) {
      const line = copy(lines[rand(lines.length)]!);
      lines.push(line);
      edit(line);
      commit([line.head], line, 'branch');
    } else if (c === 5) {
      // The base renamed (nothing else changed, as `git mv` does) on a side line, while the
      // other lines keep editing it under its old name.
      const line = lines[1]!;
      line.renamed = true;
      commit([line.head], line, 'rename base');
    } else if (r >= 6 && lines.length >= 2) {
      const into = lines[rand(lines.length)]!;
      const others = lines.filter((l) => l !== into && l.head !== into.head);
      for (let i = others.length - 1; i > 0; i--) {
        const j = rand(i + 1);
        [others[i], others[j]] = [others[j]!, others[i]!];
      }
      const taken = others.slice(0, r >= 8 ? 3 : 1);
      if (taken.length === 0) {
        edit(into);
        commit([into.head], into, 'change');
      } else merge(into, taken, taken.length > 1 ? 'octopus' : 'merge');
    } else {
      const line = lines[rand(lines.length)]!;
      edit(line);
      commit([line.head], line, 'change');
    }
  }
  const others = lines.slice(1).filter((l) => l.head !== main.head);
  if (others.length > 0) merge(main, others, others.length > 1 ? 'octopus' : 'merge');
  return { commits, renamed: main.renamed };
}

interface RefEnv {
  config: EnvironmentConfig;
  slots: Slot[];
}

/** Every commit of the graph read whole; each environment's events by the definition above. */
async function referenceEvents(repo: string, envs: RefEnv[]): Promise<Map<string, Map<string, string[]>>> {
  const commits = commitsOf(repo, { newestFirst: true });
  const names = [...new Set(SLOT_NAMES.flatMap((s) => SLOTS[s]))];
  const texts = readVersions(
    repo,
    commits.flatMap((c) => names.map((name) => `${c.sha}:${name}`)),
  );
  // Each slot's own values at each commit, under the name it had there.
  const own = new Map<string, Map<string, string | null>>();
  for (const { sha } of commits)
    for (const slot of SLOT_NAMES) {
      const name = SLOTS[slot].find((n) => texts.get(`${sha}:${n}`) !== undefined);
      const values = new Map<string, string | null>();
      if (name) {
        const read = await readText(`${texts.get(`${sha}:${name}`)!}\n`, name, isManifest(slot) ? 'manifests' : detectFormat(SLOTS[slot][0])!);
        for (const [key, value] of read.values) values.set(key, value.text);
      }
      own.set(`${sha}:${slot}`, values);
    }
  const valueIn = (sha: string, slot: Slot, key: string) => own.get(`${sha}:${slot}`)!.get(key) ?? null;
  const parentsOf = new Map(commits.map((c) => [c.sha, c.parents]));
  const reachedCache = new Map<string, Set<string>>();
  const reached = (slot: Slot, key: string) => {
    const id = `${slot}\0${key}`;
    let seen = reachedCache.get(id);
    if (seen) return seen;
    seen = new Set<string>();
    const todo = [commits[0]!.sha];
    while (todo.length > 0) {
      const sha = todo.pop()!;
      if (seen.has(sha)) continue;
      seen.add(sha);
      const parents = parentsOf.get(sha) ?? [];
      const same = parents.length > 1 ? parents.find((p) => valueIn(p, slot, key) === valueIn(sha, slot, key)) : undefined;
      todo.push(...(same !== undefined ? [same] : parents));
    }
    reachedCache.set(id, seen);
    return seen;
  };
  const out = new Map<string, Map<string, string[]>>();
  for (const env of envs) {
    const layered = (sha: string) => {
      const values = new Map<string, string | null>();
      for (const slot of env.slots) for (const [k, v] of own.get(`${sha}:${slot}`)!) values.set(k, v);
      return values;
    };
    const events = new Map<string, string[]>();
    for (const { sha, parents, subject } of commits) {
      const after = layered(sha);
      const before = parents.map(layered);
      for (const key of new Set([...after.keys(), ...before.flatMap((b) => [...b.keys()])])) {
        const to = after.get(key) ?? null;
        if (before.length === 0 ? to === null : before.some((b) => (b.get(key) ?? null) === to)) continue;
        const changedIn = env.slots.filter((slot) => valueIn(sha, slot, key) !== (parents[0] ? valueIn(parents[0], slot, key) : null));
        if (changedIn.length > 0 && !changedIn.some((slot) => reached(slot, key).has(sha))) continue;
        const from = before[0]?.get(key) ?? null;
        events.set(key, [...(events.get(key) ?? []), `${subject}: ${from ?? '∅'}→${to ?? '∅'}`]);
      }
    }
    out.set(env.config.name, events);
  }
  return out;
}

describe('history over generated graphs: octopus merges, a renamed base, directories merged partly', () => {
  for (const seed of [7, 19, 31, 43]) {
    it(`equals reading every version whole (seed ${seed})`, async () => {
      const { commits, renamed } = generate(seed);
      expect(commits.some((c) => c.parents.length >= 3)).toBe(true);
      const { repo } = await repoFromGraph(commits);
      const base = renamed ? NEW_BASE : OLD_BASE;
      const envs: RefEnv[] = [
        { config: { name: 'staging', files: [base, SLOTS.staging[0]], format: 'auto' }, slots: ['base', 'staging'] },
        { config: { name: 'production', files: [base, SLOTS.production[0]], format: 'auto' }, slots: ['base', 'production'] },
        { config: { name: 'staging-dir', files: ['deploy/staging'], format: 'auto' }, slots: ['staging/a', 'staging/b'] },
        { config: { name: 'production-dir', files: ['deploy/production'], format: 'auto' }, slots: ['production/a', 'production/b'] },
      ];
      const history = await readHistory(
        repo,
        envs.map((e) => e.config),
        { cache: false },
      );
      const reference = await referenceEvents(repo, envs);
      for (const env of envs) {
        const engine = history.envs.get(env.config.name)!;
        const expected = reference.get(env.config.name)!;
        expect(new Set(engine.keys()), env.config.name).toEqual(new Set(expected.keys()));
        for (const [key, events] of expected)
          expect(
            engine.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
            `${env.config.name} ${key}`,
          ).toEqual(events);
      }
    });
  }
});

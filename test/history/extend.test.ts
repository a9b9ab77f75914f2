import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readHistory, type RepoHistory } from '../../src/history/walk.js';
import { repoFromGraph, type GraphCommit } from '../support/graph-repo.js';
import { git } from '../support/repo.js';

// A history kept for an older HEAD, extended by the commits since (src/history/extend.ts), must
// be the history a walk without any cache reads: every event of every key, with its place in the
// commit order and its revert mark. The graph has merges that keep one side, merges that make a
// value of their own and values that return, then a line of new commits on top; HEAD is moved
// along that line one commit at a time (each run extends the one before), then onto shapes that
// must be walked in full (a merge, an older commit).

const ENVS: EnvironmentConfig[] = [
  { name: 'staging', files: ['config/staging.yaml'], format: 'auto' },
  { name: 'production', files: ['config/production.yaml'], format: 'auto' },
  { name: 'objects', files: ['deploy'], format: 'manifests' },
];
const FILES = ['config/staging.yaml', 'config/production.yaml'] as const;
const KEYS = ['a', 'b', 'c', 'd', 'e'];
const VALUES = ['1', '2', 'x', 'true', 'on'];

type Tree = Record<string, Map<string, string>>;
const render = (values: Map<string, string>) => (values.size ? [...values].map(([k, v]) => `${k}: ${v}\n`).join('') : '{}\n');
const manifest = (values: Map<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${[...values].map(([k, v]) => `  ${k}: "${v}"\n`).join('')}`;
const files = (tree: Tree): Record<string, string> => ({
  ...Object.fromEntries(FILES.map((f) => [f, render(tree[f]!)])),
  'deploy/app.yaml': manifest(tree.deploy!),
  'README.md': tree.readme!.get('text') ?? '',
});

function generate(seed: number): { commits: GraphCommit[]; tail: number[]; merge: number } {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 16) % n);
  const commits: GraphCommit[] = [];
  const copy = (t: Tree): Tree => Object.fromEntries(Object.entries(t).map(([f, m]) => [f, new Map(m)]));
  const commit = (parents: number[], tree: Tree, message: string) => {
    const at = new Date(Date.UTC(2026, 4, 1) + commits.length * 3_600_000).toISOString().replace('.000', '');
    commits.push({ parents, files: files(tree), message, at, author: commits.length % 2 ? 'ana' : 'ben' });
    return commits.length - 1;
  };
  const edit = (tree: Tree) => {
    const file = FILES[rand(2)]!;
    const key = KEYS[rand(KEYS.length)]!;
    if (rand(5) === 0) tree[file]!.delete(key);
    else tree[file]!.set(key, VALUES[rand(VALUES.length)]!);
    if (rand(3) === 0) tree.deploy!.set('K1', VALUES[rand(VALUES.length)]!);
  };
  let main: Tree = { [FILES[0]]: new Map([['a', '1']]), [FILES[1]]: new Map([['a', '1']]), deploy: new Map([['K1', '1']]), readme: new Map() };
  let head = commit([], main, 'create');
  for (let round = 0; round < 4; round++) {
    let side = copy(main);
    let sideHead = head;
    for (let i = 0; i < 3; i++) {
      edit(side);
      sideHead = commit([sideHead], side, `side ${round}.${i}`);
      edit(main);
      head = commit([head], main, `main ${round}.${i}`);
    }
    // The merge keeps one side's file, or makes a value of its own.
    const merged = copy(main);
    for (const file of FILES) merged[file] = rand(2) ? new Map(side[file]) : new Map(main[file]);
    if (rand(2)) merged[FILES[0]]!.set('e', `merged${round}`);
    main = merged;
    side = merged;
    head = commit([head, sideHead], main, `Merge side ${round}`);
  }
  // The new commits: edits, a key added, one removed, a value back to an older one, a revert
  // message, a commit touching none of the files, and two commits at once.
  const tail: number[] = [];
  const step = (change: (t: Tree) => void, message: string) => {
    change(main);
    head = commit([head], main, message);
    tail.push(head);
  };
  step((t) => t[FILES[1]]!.set('a', '2'), 'a to 2');
  step((t) => t[FILES[0]]!.set('z', 'new'), 'add z');
  step((t) => t[FILES[0]]!.delete('z'), 'remove z');
  step((t) => t[FILES[1]]!.set('a', '1'), 'a back to 1');
  step((t) => t[FILES[0]]!.set('b', 'x'), 'Revert "b"\n\nThis reverts commit 0123456789abcdef.');
  step((t) => t.readme!.set('text', 'docs'), 'docs only');
  step((t) => t.deploy!.set('K1', 'changed'), 'configmap value');
  step((t) => t[FILES[0]]!.set('c', 'on'), 'c on');
  tail.push(-1); // the two commits above read at once
  step((t) => t[FILES[1]]!.set('d', 'x'), 'd');
  const side = copy(main);
  side[FILES[0]]!.set('a', 'side');
  const sideHead = commit([head], side, 'side again');
  main[FILES[1]]!.set('b', 'main');
  head = commit([head], main, 'main again');
  const merge = commit([head, sideHead], { ...main, [FILES[0]]: side[FILES[0]]! }, 'Merge side again');
  return { commits, tail, merge };
}

const everything = (h: RepoHistory) => Object.fromEntries([...h.envs].map(([env, keys]) => [env, Object.fromEntries(keys)]));

describe('a kept history extended by the commits since', () => {
  it('equals a walk without cache at every new HEAD, and is used where the shape allows', async () => {
    for (const seed of [3, 17]) {
      const { commits, tail, merge } = generate(seed);
      const { repo, shas } = await repoFromGraph(commits);
      const at = async (i: number) => {
        await git(repo, 'update-ref', 'refs/heads/main', shas[i]!);
        const kept = await readHistory(repo, ENVS);
        const fresh = await readHistory(repo, ENVS, { cache: false });
        expect(everything(kept)).toEqual(everything(fresh));
        return kept;
      };
      await at(tail[0]! - 1);
      const steps = tail.filter((i, n) => i >= 0 && tail[n + 1] !== -1);
      for (const i of steps) {
        const h = await at(i);
        expect(h.extendedFrom, `commit ${commits[i]!.message}`).toBeDefined();
      }
      const a = (await at(tail[0]!)).extendedFrom; // an older HEAD: walked
      expect(a).toBeUndefined();
      await at(tail.at(-1)!);
      expect((await at(merge)).extendedFrom).toBeUndefined();
      // The keys the new commits changed are named, and only those.
      await at(tail.at(-1)!);
      await git(repo, 'update-ref', 'refs/heads/main', shas[tail.at(-1)! + 2]!);
      const after = await readHistory(repo, ENVS);
      expect(after.extendedFrom?.changed.get('production')).toEqual(new Set(['b']));
      expect(after.extendedFrom?.changed.get('staging')).toEqual(new Set());
    }
  });
});

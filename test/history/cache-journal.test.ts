// The history cache keeps what a run learns in a journal appended beside the file
// (src/history/cache.ts): after one new commit the cache file is not written again, a line cut
// off by a run that stopped mid-write is skipped, and the journal is folded into the file once it
// is half the file's size. Real files in a temporary directory.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { HistoryCache, type HistoryParts } from '../../src/history/cache.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { tempDir } from '../support/repo.js';

const diff = (n: number) => [{ key: `apps[${n}].image.tag`, from: `v${n}`, to: `v${n + 1}` }];

it('a run appends what it learnt; the cache file is written again only to fold the journal', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'history-cache.json');
  const journal = path.join(dir, 'history-cache.journal');

  const first = await HistoryCache.open(dir);
  for (let n = 0; n < 100; n++) first.set('yaml:values.yaml', `a${n}>b${n}`, diff(n));
  first.setBlobStatus('yaml:values.yaml', 'bad', 'invalid YAML: line 3');
  await first.save();
  const written = await readFile(file, 'utf8');

  // One new commit: its diff goes to the journal; the file stays as it was.
  const second = await HistoryCache.open(dir);
  expect(second.get('yaml:values.yaml', 'a7>b7')).toEqual(diff(7));
  second.set('yaml:values.yaml', 'new>commit', [{ key: 'replicas', from: '2', to: '3', carried: true }]);
  await second.save();
  expect(await readFile(file, 'utf8')).toBe(written);
  expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(1);

  // A line another run was cut off writing is skipped; the lines before it are read.
  await appendFile(journal, '[7,"d","yaml:values.yaml","x>y",[["k"');
  const third = await HistoryCache.open(dir);
  expect(third.get('yaml:values.yaml', 'new>commit')).toEqual([{ key: 'replicas', from: '2', to: '3', carried: true }]);
  expect(third.has('yaml:values.yaml', 'x>y')).toBe(false);
  expect(third.blobStatus('yaml:values.yaml', 'bad')).toBe('invalid YAML: line 3');

  // Learning as much again as the file holds folds the journal into the file.
  for (let n = 100; n < 200; n++) third.set('yaml:values.yaml', `a${n}>b${n}`, diff(n));
  await third.save();
  expect(await readFile(journal, 'utf8')).toBe('');
  const folded = await HistoryCache.open(dir);
  for (const pair of ['a0>b0', 'a199>b199', 'new>commit']) expect(folded.has('yaml:values.yaml', pair)).toBe(true);
});

it('a view that only learns (new commits on a kept history) looks nothing up and keeps what it learns, folded or not', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'history-cache.json');
  const journal = path.join(dir, 'history-cache.journal');
  const first = await HistoryCache.open(dir);
  for (let n = 0; n < 10; n++) first.set('yaml:values.yaml', `a${n}>b${n}`, diff(n));
  await first.save();

  // Appended to the journal without the file read: the next run finds both.
  const learning = (await HistoryCache.open(dir)).learnOnly();
  expect(learning.get('yaml:values.yaml', 'a1>b1')).toBeUndefined();
  expect(learning.has('yaml:values.yaml', 'a1>b1')).toBe(false);
  learning.set('yaml:values.yaml', 'c>d', diff(20));
  learning.setBlobStatus('yaml:values.yaml', 'broken', 'invalid YAML');
  await learning.save();
  expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(2);
  const next = await HistoryCache.open(dir);
  expect([next.get('yaml:values.yaml', 'a1>b1'), next.get('yaml:values.yaml', 'c>d')]).toEqual([diff(1), diff(20)]);
  expect(next.blobStatus('yaml:values.yaml', 'broken')).toBe('invalid YAML');

  // Learning more than the file holds folds: the file is read then, and nothing kept is lost.
  const more = (await HistoryCache.open(dir)).learnOnly();
  for (let n = 30; n < 60; n++) more.set('yaml:values.yaml', `a${n}>b${n}`, diff(n));
  await more.save();
  expect(await readFile(journal, 'utf8')).toBe('');
  const folded = await HistoryCache.open(dir);
  for (const pair of ['a0>b0', 'c>d', 'a59>b59']) expect(folded.has('yaml:values.yaml', pair)).toBe(true);
  expect(JSON.parse(await readFile(file, 'utf8')).blobs['yaml:values.yaml'].broken).toBe('invalid YAML');
});

// The whole history a run saved (history-result.json) is not written again after new commits on
// it (src/history/extend.ts): their new events are a line of history-result.journal, read over
// the file by the next run, until the journal is half the file's size.
const event = (commit: string, order: number, from: string | null, to: string | null): HistoryEvent => ({
  commit,
  author: 'Ana Lima',
  email: 'ana@example.test',
  date: '2026-01-05T10:00:00Z',
  committed: '2026-01-05T10:00:00Z',
  subject: `change ${commit}`,
  body: '',
  file: 'values.yaml',
  from,
  to,
  merge: false,
  revert: false,
  order,
});
const stats = (commits: number) => ({ commits, entries: commits, blobsRead: 0, cacheHits: 0 });
const asLists = (h: HistoryParts) => [...h.envs].map(([env, keys]) => [env, [...keys]]);

it("a history extended by new commits is a line of the result's journal; the next run reads it over the file", async () => {
  const dir = await tempDir();
  const resultFile = path.join(dir, 'history-result.json');
  const journal = path.join(dir, 'history-result.journal');
  // 40 keys with two events each: the file is large enough for a few lines before folding.
  const keys = (shift: number) =>
    new Map(Array.from({ length: 40 }, (_, n) => [`k${n}`, [event('c1', 0 + shift, '1', '2'), event('c0', 1 + shift, null, '1')]]));
  const h0: HistoryParts = { envs: new Map([['staging', keys(0)]]), broken: [], stats: stats(2) };
  await (await HistoryCache.open(dir)).save({ key: 'k-h0', head: 'h0', scope: 's', history: h0 });
  const whole = await readFile(resultFile, 'utf8');

  // One new commit: k3 changed, and k-new appears in production (an environment the file lacks).
  const cache1 = await HistoryCache.open(dir);
  const kept1 = (await cache1.kept())!;
  const h1 = kept1.decode(1);
  const added3 = [event('c2', 0, '2', '3')];
  h1.envs.get('staging')!.set('k3', [...added3, ...h1.envs.get('staging')!.get('k3')!]);
  const addedNew = [event('c2', 0, null, 'x')];
  h1.envs.set('production', new Map([['k-new', addedNew]]));
  const s1 = { ...h1, stats: stats(3) };
  await cache1.save({
    key: 'k-h1',
    head: 'h1',
    scope: 's',
    history: s1,
    extension: {
      from: 'h0',
      shift: 1,
      envs: [
        ['staging', [['k3', added3]]],
        ['production', [['k-new', addedNew]]],
      ],
    },
  });
  expect(await readFile(resultFile, 'utf8')).toBe(whole);
  expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(1);

  // Read over the file: the extended history, in the same order, each place moved by a later shift.
  const kept2 = (await (await HistoryCache.open(dir)).kept())!;
  expect([kept2.key, kept2.head, kept2.scope]).toEqual(['k-h1', 'h1', 's']);
  expect(asLists(kept2.decode(0))).toEqual(asLists(s1));
  expect(kept2.decode(0).stats).toEqual(stats(3));
  expect(
    kept2
      .decode(2)
      .envs.get('staging')!
      .get('k3')!
      .map((e) => e.order),
  ).toEqual([2, 3, 4]);
  expect(await (await HistoryCache.open(dir)).result('k-h1')).toBeDefined();

  // A line of another writing of the file, or cut off, is not read.
  await appendFile(
    journal,
    `${JSON.stringify({ version: 7, base: 'other', from: 'h1', key: 'k-x', head: 'hx', shift: 1, commits: [], files: [], envs: [], stats: stats(9) })}\n[7,"cut`,
  );
  expect((await (await HistoryCache.open(dir)).kept())!.key).toBe('k-h1');

  // Further commits append until the journal would pass half the file: then the file is written whole.
  let head = 'h1';
  let history = s1;
  for (let n = 3; n < 40; n++) {
    const cache = await HistoryCache.open(dir);
    const kept = (await cache.kept())!;
    expect(kept.head).toBe(head);
    const next = kept.decode(1);
    const added = [event(`c${n}`, 0, null, `${n}`)];
    next.envs.get('staging')!.set(`k${n}`, [...added, ...next.envs.get('staging')!.get(`k${n}`)!]);
    history = { ...next, stats: stats(n + 1) };
    await cache.save({ key: `k-h${n}`, head: `h${n}`, scope: 's', history, extension: { from: head, shift: 1, envs: [['staging', [[`k${n}`, added]]]] } });
    head = `h${n}`;
    if ((await readFile(journal, 'utf8')) === '') break;
  }
  expect(await readFile(journal, 'utf8')).toBe('');
  expect(await readFile(resultFile, 'utf8')).not.toBe(whole);
  const folded = (await (await HistoryCache.open(dir)).kept())!;
  expect([folded.key, folded.head]).toEqual([`k-${head}`, head]);
  expect(asLists(folded.decode(0))).toEqual(asLists(history));
});

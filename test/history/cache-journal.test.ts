// The history cache keeps what a run learns in a journal appended beside the file
// (src/history/cache.ts): after one new commit the cache file is not written again, a line cut
// off by a run that stopped mid-write is skipped, and the journal is folded into the file once it
// is half the file's size. Real files in a temporary directory.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { HistoryCache } from '../../src/history/cache.js';
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

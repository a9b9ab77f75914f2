// Kept verdicts (src/sources/repo/verdict-cache.ts): a saving after new commits appends the
// verdicts it made, and the keys it no longer holds, to a journal beside verdicts.json instead of
// writing the file again; a verdict the run did not use is dropped (it was not checked against the
// run's commits); a line that follows another saving of the file is not read; the journal is
// folded into the file once it is half its size. Real files in a temporary directory.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Verdict } from '../../src/model/types.js';
import { VerdictCache } from '../../src/sources/repo/verdict-cache.js';
import { tempDir } from '../support/repo.js';

const verdict = (value: string): Verdict => ({ deliberate: null, drifted: null, suggested: 'declare', value, confidence: 0.5, reasons: [`made ${value}`] });

/** Looks each key up; made ones get `value` and record it in `made`. */
function lookUpAll(cache: VerdictCache<string[]>, keys: string[], value: string, holds: (key: string) => boolean, made: string[] = []) {
  return keys.map(
    (key) =>
      cache.verdict(
        key,
        () => (made.push(key), { result: verdict(value), reads: [key] }),
        () => holds(key),
      ).value,
  );
}

it('appends what a run after new commits made, drops what it did not use, and folds when the journal grows', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'verdicts.json');
  const journal = path.join(dir, 'verdicts.journal');
  // Keys JSON escapes, and one far past a write's 64 KiB: the pieces meet at no seam.
  const keys = [...Array.from({ length: 38 }, (_, i) => `k${i}`), 'k"\\\u2028é', `k${'x'.repeat(70_000)}`];

  const first = await VerdictCache.open<string[]>(dir, 'scope', ['c1']);
  expect(lookUpAll(first, keys, 'v1', () => true)).toEqual(keys.map(() => 'v1'));
  await first.save();
  const written = await readFile(file, 'utf8');
  // Written a verdict at a time (writeJsonWith), it is the text JSON.stringify makes of it whole.
  expect(written).toBe(JSON.stringify(JSON.parse(written)));
  expect(Object.keys((JSON.parse(written) as { verdicts: object }).verdicts)).toEqual(keys);

  // A new commit that can change k3 alone: k3 is weighed again, the rest kept; the file stays.
  const second = await VerdictCache.open<string[]>(dir, 'scope', ['c1', 'c2']);
  const made: string[] = [];
  expect(lookUpAll(second, keys, 'v2', (key) => key !== 'k3', made)[3]).toBe('v2');
  expect(made).toEqual(['k3']);
  await second.save();
  expect(await readFile(file, 'utf8')).toBe(written);
  expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(1);

  // Read back: k3's new verdict, the others', nothing added since.
  const third = await VerdictCache.open<string[]>(dir, 'scope', ['c1', 'c2']);
  expect(third.added).toEqual([]);
  const none: string[] = [];
  expect(lookUpAll(third, keys, 'v3', () => false, none).slice(2, 5)).toEqual(['v1', 'v2', 'v1']);
  expect(none).toEqual([]);
  expect(third.keptFrom).toBe(second.id);

  // A run that uses k0..k9 only, after another commit: the others are dropped (not checked against c3).
  const fourth = await VerdictCache.open<string[]>(dir, 'scope', ['c1', 'c2', 'c3']);
  lookUpAll(fourth, keys.slice(0, 10), 'v4', () => true);
  await fourth.save();
  const fifth = await VerdictCache.open<string[]>(dir, 'scope', ['c1', 'c2', 'c3']);
  const again: string[] = [];
  lookUpAll(fifth, ['k5', 'k20'], 'v5', () => true, again);
  expect(again).toEqual(['k20']);

  // A partial line (a run stopped while writing) is skipped.
  await appendFile(journal, '{"version":2,"scope":"scope"');
  const sixth = await VerdictCache.open<string[]>(dir, 'scope', ['c1', 'c2', 'c3']);
  expect(lookUpAll(sixth, ['k3'], 'v6', () => true)).toEqual(['v2']);

  // Many savings: the journal passes half the file and is folded into it.
  let commits = ['c1', 'c2', 'c3'];
  for (let round = 0; round < 40 && (await readFile(journal, 'utf8')) !== ''; round++) {
    commits = [...commits, `n${round}`];
    const run = await VerdictCache.open<string[]>(dir, 'scope', commits);
    lookUpAll(run, keys, `r${round}`, () => false);
    await run.save();
  }
  expect(await readFile(journal, 'utf8')).toBe('');
  const folded = JSON.parse(await readFile(file, 'utf8')) as { verdicts: Record<string, unknown> };
  expect(Object.keys(folded.verdicts)).toHaveLength(40);
});

it('a journal line that follows another saving of the file is not read over it', async () => {
  const dir = await tempDir();
  const journal = path.join(dir, 'verdicts.journal');
  const first = await VerdictCache.open<string[]>(dir, 'scope', ['c1']);
  lookUpAll(first, ['a', 'b'], 'v1', () => true);
  await first.save();
  const second = await VerdictCache.open<string[]>(dir, 'scope', ['c1', 'c2']);
  lookUpAll(second, ['a', 'b'], 'v2', (key) => key === 'b');
  await second.save();
  const line = await readFile(journal, 'utf8');
  // The file written again by another scope (a new day): the journal is emptied...
  const other = await VerdictCache.open<string[]>(dir, 'other scope', ['c1', 'c2']);
  lookUpAll(other, ['a'], 'o', () => true);
  await other.save();
  expect(await readFile(journal, 'utf8')).toBe('');
  // ...and a line of the saving before, put back (a run that stopped between the two writes), is not read.
  await appendFile(journal, line.replaceAll('"scope":"scope"', '"scope":"other scope"'));
  const after = await VerdictCache.open<string[]>(dir, 'other scope', ['c1', 'c2']);
  expect(lookUpAll(after, ['a', 'b'], 'x', () => true)).toEqual(['o', 'x']);
});

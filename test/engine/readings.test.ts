// The verdict's text readings kept across runs (sources/repo/readings-cache.ts, asked through
// verdict/intent.ts `withReadings`): an answer kept by one run is the answer the next run takes,
// field for field; a file of another code, or a line cut short, is never taken.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadingsCache } from '../../src/sources/repo/readings-cache.js';
import { readIntent, textUnderstood, withReadings, type Intent, type ReadingKind, type Readings } from '../../src/verdict/intent.js';
import { tempDir } from '../support/repo.js';

const ENVS = ['staging', 'production'];
/** A text no other test reads (the readers keep their answers per text for the process). */
const unique = (subject: string) => ({
  subject: `${subject} ${Math.random().toString(36).slice(2)}`,
  body: 'Staging only until the load test on 2026-03-20 is done.',
  author: 'Ana Lima',
  email: 'ana@example.test',
  date: '2026-03-01T10:00:00Z',
});

describe('the readings an earlier run kept', () => {
  it('are taken as they were kept: every field in its order, one set to undefined too, per kind of reading', async () => {
    const dir = await tempDir();
    const first = await ReadingsCache.open(dir);
    const answer = {
      names: ['staging'],
      bare: false,
      bot: false,
      hold: { envs: ['production'], phrase: 'until the load test', follows: true, until: undefined },
    };
    first.made('intent', 'key one', answer);
    first.made('understood', 'key one', { understood: true, kinds: ['temporary'], phrases: ['until'], unread: [] });
    await first.save();
    const next = await ReadingsCache.open(dir);
    const intent = next.earlier('intent', 'key one') as typeof answer;
    expect(intent).toEqual(answer);
    expect(JSON.stringify(intent)).toBe(JSON.stringify(answer));
    expect(Object.keys(intent.hold)).toEqual(['envs', 'phrase', 'follows', 'until']);
    expect(next.earlier('understood', 'key one')).toEqual({ understood: true, kinds: ['temporary'], phrases: ['until'], unread: [] });
    expect(next.earlier('intent', 'key two')).toBeUndefined();
    // Appended to by the next run, read whole by the one after.
    next.made('intent', 'key two', { names: [], bare: true, bot: false });
    await next.save();
    const third = await ReadingsCache.open(dir);
    expect(third.earlier('intent', 'key one')).toEqual(answer);
    expect(third.earlier('intent', 'key two')).toEqual({ names: [], bare: true, bot: false });
  });

  it('are never taken from a line cut short, nor from a file another code wrote', async () => {
    const dir = await tempDir();
    const first = await ReadingsCache.open(dir);
    first.made('intent', 'whole', { names: [], bare: false, bot: false });
    first.made('intent', 'cut', { names: ['production'], bare: false, bot: false });
    await first.save();
    const file = path.join(dir, 'readings');
    const text = await readFile(file, 'utf8');
    // The last answer's line cut short by a write that did not end.
    await writeFile(file, text.slice(0, text.length - 12));
    const cut = await ReadingsCache.open(dir);
    expect(cut.earlier('intent', 'whole')).toEqual({ names: [], bare: false, bot: false });
    expect(cut.earlier('intent', 'cut')).toBeUndefined();
    // Another installation's answers (its header names other code): none is taken, and the file is
    // written again with this run's answers only.
    await writeFile(file, `${JSON.stringify({ version: 1, code: 'another build' })}\n${text.split('\n').slice(1).join('\n')}`);
    const other = await ReadingsCache.open(dir);
    expect(other.earlier('intent', 'whole')).toBeUndefined();
    other.made('intent', 'mine', { names: [], bare: true, bot: false });
    await other.save();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).not.toEqual({ version: 1, code: 'another build' });
    expect((await ReadingsCache.open(dir)).earlier('intent', 'mine')).toEqual({ names: [], bare: true, bot: false });
    // A run that makes no answer leaves a file of its own code as it is.
    const before = await readFile(file, 'utf8');
    await (await ReadingsCache.open(dir)).save();
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it("are asked by the verdict's readers before they read a text, and each reading made is told", () => {
    const told: Array<[ReadingKind, string]> = [];
    const earlier: Intent = { names: ['production'], bare: false, bot: false, pinned: 'kept by an earlier run' };
    const kept: Readings = {
      earlier: (kind) => (kind === 'intent' ? earlier : undefined),
      made: (kind, key) => told.push([kind, key]),
    };
    const commit = unique('Raise the pool');
    // The answer kept for the text is the answer, though the text says otherwise; nothing was made.
    expect(withReadings(kept, () => readIntent(commit, 'staging', ENVS))).toEqual(earlier);
    expect(told).toEqual([]);
    // A reading made (the understanding of the same text) is told with its key; outside, nothing is asked.
    const understood = withReadings(kept, () => textUnderstood(commit, 'staging', ENVS));
    expect(understood.understood).toBe(true);
    expect(told.map(([kind]) => kind)).toEqual(['understood']);
    const other = unique('Lower the pool');
    readIntent(other, 'staging', ENVS);
    expect(told).toHaveLength(1);
    // A kept answer is frozen as a made one is: no reader may write into a shared answer.
    expect(Object.isFrozen(readIntent(commit, 'staging', ENVS))).toBe(true);
  });

  it('give the verdict the answer it makes itself, through the file', async () => {
    const dir = await tempDir();
    const cache = await ReadingsCache.open(dir);
    const made: Array<[ReadingKind, string, object]> = [];
    const recording: Readings = {
      earlier: (kind, key) => cache.earlier(kind, key),
      made: (kind, key, reading) => (made.push([kind, key, reading]), cache.made(kind, key, reading)),
    };
    const commit = unique('Pool to 40 in staging');
    const intent = withReadings(recording, () => readIntent(commit, 'staging', ENVS));
    expect(intent.temporary?.until).toBe('2026-03-20');
    await cache.save();
    const next = await ReadingsCache.open(dir);
    expect(made.length).toBeGreaterThan(0);
    for (const [kind, key, reading] of made) expect(JSON.stringify(next.earlier(kind, key))).toBe(JSON.stringify(reading));
  });
});

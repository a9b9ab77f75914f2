// One scan saves the read of a file two environments share (an umbrella chart's values.yaml under
// staging and production) twice at once. With one temporary name per process, one save's text
// was renamed over the other's JSON, and the next run died on "Unexpected token 'r', "redis:\n  r"…
// is not valid JSON" (session 27's CI on Node 24, test/engine/helm-subcharts.test.ts).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS } from '../../src/model/limits.js';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import { readText } from '../../src/parse/read.js';
import { ReadCache } from '../../src/sources/repo/read-cache.js';
import { readKeptJson, tempBeside } from '../../src/kept-file.js';
import { tempDir } from '../support/repo.js';

const fingerprint = new SecretFingerprint(Buffer.alloc(32, 1));
const text = (i: number) => `redis:\n  replicas: ${i}\nglobal:\n  imageRegistry: registry-${i}.example.test\n`;

describe('the kept reads of one file saved at once', () => {
  it('are written through a temporary name of their own each', () => {
    const names = new Set(Array.from({ length: 5 }, () => tempBeside('/repo/.git/undrift/reads/a.json')));
    expect(names.size).toBe(5);
  });

  it('leave a kept read that is JSON, whichever save came last', async () => {
    const dir = await tempDir();
    const cache = new ReadCache(dir);
    // A patch that never applies: the text is kept beside the read, as for a values file.
    const noPatch = () => undefined;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        cache.read(
          'chart/values.yaml',
          'helm',
          text(i),
          DEFAULT_READ_LIMITS,
          fingerprint,
          () => readText(text(i), 'chart/values.yaml', 'helm', fingerprint, DEFAULT_READ_LIMITS),
          noPatch,
        ),
      ),
    );
    const kept = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(kept).toHaveLength(1);
    const saved = await readFile(path.join(dir, kept[0]!), 'utf8');
    expect(() => JSON.parse(saved) as unknown).not.toThrow();
    // No temporary file is left behind.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('read a kept read that is not JSON as none: the file is read again', async () => {
    const dir = await tempDir();
    const cache = new ReadCache(dir);
    let parsed = 0;
    const read = () =>
      cache.read(
        'values.yaml',
        'helm',
        text(1),
        DEFAULT_READ_LIMITS,
        fingerprint,
        () => (parsed++, readText(text(1), 'values.yaml', 'helm', fingerprint, DEFAULT_READ_LIMITS)),
      );
    await read();
    const [json] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    await writeFile(path.join(dir, json!), text(2));
    const again = await read();
    expect(parsed).toBe(2);
    expect(again.values.get('redis.replicas')?.text).toBe('1');
    expect(JSON.parse(await readFile(path.join(dir, json!), 'utf8'))).toMatchObject({ version: 1 });
  });
});

describe('a kept file read back (every cache reads its kept JSON through readKeptJson)', () => {
  it('is its JSON, or none when it is missing or not JSON', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'verdict-events.json');
    expect(await readKeptJson(file)).toBeUndefined();
    await writeFile(file, text(3));
    expect(await readKeptJson(file)).toBeUndefined();
    await writeFile(file, '{"version":1,"parts"');
    expect(await readKeptJson(file)).toBeUndefined();
    await writeFile(file, '{"version":1}');
    expect(await readKeptJson(file)).toEqual({ version: 1 });
  });
});

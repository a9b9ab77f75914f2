import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { DEFAULT_READ_LIMITS, readLimitsOf } from '../../src/model/limits.js';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import { readText } from '../../src/parse/read.js';
import { ReadCache } from '../../src/sources/repo/read-cache.js';
import { repoWithFiles, tempDir } from '../support/repo.js';

describe("a scan that reuses an earlier scan's repository read", () => {
  it('takes the environment files as read (one read shared by the quick and the full scan)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n',
      'config/staging.yaml': 'A: 1\nB: 2\n',
      'config/production.yaml': 'A: 1\nB: 3\n',
    });
    const quick = await scanRepository({ repo, history: false, live: false });
    expect(quick.divergences.map((d) => d.key)).toEqual(['B']);
    // Changed on disk after the first read: a reusing scan does not read it again, a fresh one does.
    await writeFile(path.join(repo, 'config/production.yaml'), 'A: 9\nB: 2\n');
    const full = await scanRepository({ repo, live: false, reuse: quick });
    expect(full.divergences.map((d) => d.key)).toEqual(['B']);
    expect(full.snapshot.envs.get('production')).toBe(quick.snapshot.envs.get('production'));
    expect(full.history).toBeDefined();
    const fresh = await scanRepository({ repo, history: false, live: false });
    expect(fresh.divergences.map((d) => d.key)).toEqual(['A']);
  });
});

const STAGING = 'base: &base\n  timeout: 30\n  mode: on\napps:\n  - name: api\n    <<: *base\n    replicas: 2\n';

describe("the current files' reads kept in .git/undrift", () => {
  it('reads a file again only when its text, name, format or fingerprint key changed', async () => {
    const dir = await tempDir();
    const cache = new ReadCache(dir);
    const fingerprint = new SecretFingerprint(Buffer.alloc(32, 1));
    let parsed = 0;
    const read = (text: string, file = 'values.yaml', format: 'helm' | 'yaml' = 'helm', key = fingerprint, limits = DEFAULT_READ_LIMITS) =>
      cache.read(file, format, text, limits, key, () => (parsed++, readText(text, file, format, key, limits)));
    const first = await read(STAGING);
    // Served from the saved read: the same keys, values, raw texts and file:line:column.
    expect(await read(STAGING)).toEqual(first);
    expect(parsed).toBe(1);
    // A read made within higher limits is not reused under lower ones: the file is refused.
    await expect(read(STAGING, 'values.yaml', 'helm', fingerprint, readLimitsOf({ yamlItems: 5 }))).rejects.toThrow(/limits\.yamlItems/);
    expect(first.values.get('apps[name=api].timeout')?.location).toEqual({ file: 'values.yaml', line: 2, column: 12 });
    expect(first.values.get('apps[name=api].mode')).toMatchObject({ text: 'true', raw: 'on' });
    const edited = await read(STAGING.replace('timeout: 30', 'timeout: 45'));
    expect(edited.values.get('apps[name=api].timeout')?.text).toBe('45');
    await read(STAGING, 'other.yaml');
    await read(STAGING, 'values.yaml', 'yaml');
    await read(STAGING, 'values.yaml', 'helm', new SecretFingerprint(Buffer.alloc(32, 2)));
    expect(parsed).toBe(6);
  });

  it('is what a second scan reads, and a scan without the cache neither reads nor writes it', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n',
      'config/staging.yaml': STAGING,
      'config/production.yaml': STAGING.replace('replicas: 2', 'replicas: 5'),
    });
    const reads = path.join(repo, '.git/undrift/reads');
    await scanRepository({ repo, history: false, live: false, historyCache: false });
    await expect(readdir(reads)).rejects.toThrow();
    const first = await scanRepository({ repo, history: false, live: false });
    // Each file's read, and the text it was made of (a later read may be patched from it).
    const kept = await readdir(reads);
    expect(kept.filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(kept.filter((f) => f.endsWith('.json.text'))).toHaveLength(2);
    for (const f of kept) expect((await stat(path.join(reads, f))).mode & 0o777).toBe(0o600);
    const again = await scanRepository({ repo, history: false, live: false });
    expect(again.divergences).toEqual(first.divergences);
    expect(again.snapshot.envs).toEqual(first.snapshot.envs);
    await writeFile(path.join(repo, 'config/production.yaml'), STAGING);
    expect((await scanRepository({ repo, history: false, live: false })).divergences).toEqual([]);
  });
});

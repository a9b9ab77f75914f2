import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';

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

import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';

describe('notes about keys whose values agree only as text', () => {
  it('are kept for the keys `--key` selects, whatever the key holds (a colon and a space too)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.json\n  production: config/production.json\npromotion: [staging, production]\n',
      'config/staging.json': '{"limits: burst": 10000, "other": 1}\n',
      'config/production.json': '{"limits: burst": "10000", "other": "1"}\n',
    });
    const all = await scanRepository({ repo, history: false, live: false });
    expect(all.notes).toEqual([
      '["limits: burst"]: "10000" is written as number in staging but as string in production (equal as text)',
      'other: "1" is written as number in staging but as string in production (equal as text)',
    ]);
    const one = await scanRepository({ repo, history: false, live: false, key: '*burst*' });
    expect(one.notes).toEqual([all.notes[0]]);
  });
});

import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG =
  'environments:\n  dev: config/dev.yaml\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [dev, staging, production]\n';
const THREE = (v: string) => ({ 'undrift.yaml': CONFIG, 'config/dev.yaml': v, 'config/staging.yaml': v, 'config/production.yaml': v });

describe('an edit in the work tree that no commit has', () => {
  it('is named as the work tree, never as a commit: no hash, author or date is made up for it', async () => {
    const repo = await repoFromScenario({
      commits: [{ at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('CLIENT_VERSION: 1.2.0\n') }],
    });
    await writeFile(`${repo}/config/production.yaml`, 'CLIENT_VERSION: 1.1.0\n');
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-03-01' });
    const verdict = scan.divergences.find((d) => d.key === 'CLIENT_VERSION')!.verdict!;
    const reasons = verdict.reasons.join('\n');
    expect(reasons).toContain('the work tree (not committed) took production down from "1.2.0" to "1.1.0": a downgrade is a deliberate step back');
    expect(reasons).not.toMatch(/work-tr|9999|uncommitted:/);
    // Evidence names only commits that `git show` can check; the edit has none.
    const shas = (verdict.evidence ?? []).flatMap((e) => (e.commit ? [e.commit] : []));
    for (const sha of shas) expect(sha).toMatch(/^[0-9a-f]{40}$/);
    // No age is counted for it: it has no date.
    expect(verdict.evidence?.filter((e) => e.kind === 'age' && e.text.startsWith('production'))).toEqual([]);
  });
});

import { expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

// A merge that keeps main's value of a key and discards a later change of it on the branch is no
// event (it equals a parent), and the branch's change must be none either: else it stays the
// newest event, history "ends" at a value HEAD never had, and the verdict claims an uncommitted
// edit on a clean tree. git's own `git log -- file` drops the branch (the merge is TREESAME to
// main for that file), but the walk runs over every environment's files at once, and the branch
// changed another one that the merge kept: per key, the history follows at each merge only the
// parent whose value the merge kept (src/history/lineage.ts).
it('a change discarded by a merge is not the newest event of the key', async () => {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-01-01T10:00:00Z',
        author: 'ana',
        message: 'create',
        write: {
          'config/staging.yaml': 'x: 1\ny: 1\n',
          'config/production.yaml': 'x: 5\ny: 1\n',
          'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
        },
      },
      { at: '2026-01-02T10:00:00Z', author: 'ana', message: 'main: x 3', set: { 'config/staging.yaml': { x: 3 } } },
      {
        at: '2026-01-03T10:00:00Z',
        author: 'ben',
        message: 'branch: x 2',
        checkout: 'b',
        set: { 'config/staging.yaml': { x: 2 }, 'config/production.yaml': { y: 2 } },
      },
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'merge b keeping main',
        checkout: 'main',
        merge: 'b',
        write: { 'config/staging.yaml': 'x: 3\ny: 1\n', 'config/production.yaml': 'x: 5\ny: 2\n' },
      },
    ],
  });
  const scan = await scanRepository({ repo, live: false, historyCache: false, today: '2026-02-01' });
  const d = scan.divergences.find((x) => x.key === 'x')!;
  expect(d.history!.staging!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`)).toEqual(['main: x 3: 1→3', 'create: ∅→1']);
  // The branch's change the merge kept is production's history.
  expect(scan.divergences.find((x) => x.key === 'y')?.history?.production?.[0]?.subject).toBe('branch: x 2');
  expect(d.verdict!.reasons.join('\n')).not.toMatch(/not committed/);
});

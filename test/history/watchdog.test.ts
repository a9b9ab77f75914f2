import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readHistory, type RepoHistory } from '../../src/history/walk.js';
import { repoFromScenario } from '../support/repo.js';

// A scan once spun for twelve minutes. The history engine must finish on any history: broken
// versions (alone, in a row, switching back and forth), merges of branches that broke the file,
// renames. Each run here has a deadline: a hang fails the test instead of stalling the suite.

const DEADLINE_MS = 90_000;

function withDeadline(run: Promise<RepoHistory>): Promise<RepoHistory> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`history did not finish within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  });
  return Promise.race([run, deadline]).finally(() => clearTimeout(timer));
}

const FILE = 'values-prod.yaml';
const ENVS: EnvironmentConfig[] = [{ name: 'prod', files: [FILE], format: 'auto' }];

describe('history engine watchdog', () => {
  it('finishes when a file switches between two broken versions and back (a loop through producers)', async () => {
    const A = 'a: [1\n';
    const B = 'a: {1\n';
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { [FILE]: 'a: 1\nb: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'break A', write: { [FILE]: A } },
        { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'break B', write: { [FILE]: B } },
        { at: '2026-01-04T10:00:00Z', author: 'ben', message: 'back to A', write: { [FILE]: A } },
        { at: '2026-01-05T10:00:00Z', author: 'ben', message: 'back to B', write: { [FILE]: B } },
        { at: '2026-01-06T10:00:00Z', author: 'ana', message: 'fix', write: { [FILE]: 'a: 2\nb: 1\n' } },
      ],
    });
    const h = await withDeadline(readHistory(repo, ENVS, { cache: false }));
    const a = h.envs.get('prod')!.get('a')!;
    expect(a.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`)).toEqual(['fix: 1→2', 'create: ∅→1']);
    expect(a[0]!.acrossBroken).toBe(true);
    expect(
      h.envs
        .get('prod')!
        .get('b')!
        .map((e) => e.subject),
    ).toEqual(['create']);
  });

  for (const seed of [1, 2, 3]) {
    it(`finishes on a generated history with broken versions, branches and merges (seed ${seed})`, async () => {
      let state = seed;
      const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
      const BROKEN = ['a: [1\n', 'a: {1\n', 'a: "x\n', ':\n  - [\n'];
      const commits: Parameters<typeof repoFromScenario>[0]['commits'] = [];
      let n = 0;
      const at = () => `2026-02-${String(1 + Math.floor(n / 24)).padStart(2, '0')}T${String(n++ % 24).padStart(2, '0')}:00:00Z`;
      commits.push({ at: at(), author: 'ana', message: 'create', write: { [FILE]: 'a: 0\nb: 0\n' } });
      for (let c = 0; c < 40; c++) {
        const text = rand(3) === 0 ? BROKEN[rand(BROKEN.length)]! : `a: ${rand(4)}\nb: ${rand(3)}\n`;
        const branch = c % 10 === 3 ? { checkout: `side${c}` } : c % 10 === 7 ? { checkout: 'main' } : {};
        commits.push({ at: at(), author: c % 2 ? 'ana' : 'ben', message: `edit ${c}`, ...branch, write: { [FILE]: text } });
        if (c % 10 === 7)
          commits.push({ at: at(), author: 'ana', message: `merge side${c - 4}`, merge: `side${c - 4}`, write: { [FILE]: `a: ${rand(4)}\nb: 9\n` } });
      }
      const h = await withDeadline(readHistory(await repoFromScenario({ commits }), ENVS, { cache: false }));
      expect(h.envs.get('prod')!.get('b')!.length).toBeGreaterThan(0);
    });
  }
});

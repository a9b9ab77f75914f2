// The scenario builder returns each step's commit, in story order, across branches and merges.
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/build.js';
import { parseScenario } from '../../src/scenario/scenario.js';
import { AUTHORS, git, tempDir } from '../support/repo.js';

describe('buildScenario', () => {
  it('returns the commit of every step, oldest first, through branches and merges', async () => {
    const dir = await tempDir();
    const scenario = parseScenario(
      {
        name: 't',
        authors: AUTHORS,
        commits: [
          { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'one', write: { 'a.yaml': 'A: 1\n' } },
          { at: '2026-01-02T10:00:00Z', author: 'ben', checkout: 'side', message: 'two', set: { 'a.yaml': { A: 2 } } },
          { at: '2026-01-03T10:00:00Z', author: 'ana', checkout: 'main', message: 'three', write: { 'b.yaml': 'B: 1\n' } },
          { at: '2026-01-04T10:00:00Z', author: 'ana', merge: 'side', message: 'four' },
        ],
      },
      't',
    );
    const shas = await buildScenario(scenario, dir);
    const bySubject = new Map((await git(dir, 'log', '--all', '--format=%s %H')).split('\n').map((l) => l.split(' ') as [string, string]));
    expect(shas).toEqual(['one', 'two', 'three', 'four'].map((s) => bySubject.get(s)));
    expect((await git(dir, 'log', '-1', '--format=%P', shas[3]!)).split(' ')).toEqual([shas[2], shas[1]]);
  });
});

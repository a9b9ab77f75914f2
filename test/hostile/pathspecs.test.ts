import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { scanRepository } from '../../src/engine.js';
import { commitsChanging } from '../../src/git/ledger.js';
import { streamLog } from '../../src/git/log.js';
import { commitGraph, type WalkedCommits } from '../../src/history/graph.js';
import { commitOrder, readHistory } from '../../src/history/walk.js';
import { git, repoFromScenario } from '../support/repo.js';

// A path undrift.yaml names (or a tree lists) reaches git as a pathspec, and a pathspec that
// starts with `:(` or `:!` is git's magic: `:(top)p.yaml` names p.yaml, `:(glob)**` every file,
// `:!x` everything but x. A pull request names such a file (a legal file name) and each git that
// reads it must read that file, not the files its magic names. Each test is one family of the
// places undrift hands git a path: the history walk, the commit graph, the ledger's search for
// copies of applied commits, and apply's own commits.

/** The file the configuration names, and the file its magic would name instead. */
const MAGIC = ':(top)p.yaml';
const OTHER = 'p.yaml';

const subjects = (lines: string) => lines.split('\n').filter(Boolean);

describe('a configured path that reads as pathspec magic', () => {
  it('is walked as the file it names (history)', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { [MAGIC]: 'A: 1\n', [OTHER]: 'A: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'raise A in the configured file', write: { [MAGIC]: 'A: 2\n' } },
        { at: '2026-01-03T10:00:00Z', author: 'ana', message: 'raise A in the other file', write: { [OTHER]: 'A: 3\n' } },
      ],
    });
    const history = await readHistory(repo, [{ name: 'production', files: [MAGIC], format: 'auto' }], { cache: false });
    expect((history.envs.get('production')?.get('A') ?? []).map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to}`)).toEqual([
      'raise A in the configured file: 1→2',
      'create: ∅→1',
    ]);
    const walked: string[] = [];
    for await (const batch of streamLog(repo, [MAGIC])) walked.push(...batch.map((c) => c.subject));
    expect(walked).toEqual(['raise A in the configured file', 'create']);
  });

  it("places a merge's commits by the file's own history (commit graph)", async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'c1', write: { [MAGIC]: 'A: 1\nB: 1\n', [OTHER]: 'A: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'c2', checkout: 'side', write: { [MAGIC]: 'A: 2\nB: 1\n' } },
        { at: '2026-01-03T10:00:00Z', author: 'ana', message: 'c3', checkout: 'main', write: { [MAGIC]: 'A: 1\nB: 2\n' } },
        { at: '2026-01-04T10:00:00Z', author: 'ana', message: 'merge', merge: 'side', write: { [MAGIC]: 'A: 2\nB: 2\n' } },
      ],
    });
    const sha = async (subject: string) => (await git(repo, 'log', '--all', '--format=%H', `--grep=^${subject}$`)).trim();
    const [c1, c2, c3, merge] = await Promise.all(['c1', 'c2', 'c3', 'merge'].map(sha));
    // The walk as the history walk meets it, built here from git with literal pathspecs, so that
    // only the graph's own git is under test.
    const log = await git(repo, '--literal-pathspecs', 'log', '--date-order', '--format=%H %cI %P', '--', MAGIC);
    const walk: WalkedCommits = {
      pathspecs: [MAGIC],
      commits: subjects(log).map((line) => {
        const [sha, committed, ...parents] = line.split(' ') as [string, string, ...string[]];
        const commit = { sha, parents, committed, entries: [], author: '', email: '', date: committed, subject: '', body: '' };
        return { sha, committed, commit };
      }),
    };
    expect(walk.commits.map((c) => c.sha)).toEqual([merge, c3, c2, c1]);
    const graph = await commitGraph(repo, [walk], commitOrder([walk]));
    // Read over p.yaml instead, c3's parent would be the walk's next commit (c2), which it is not.
    expect(graph.parents.get(c3!)).toEqual([c1]);
    expect(graph.parents.get(c2!)).toEqual([c1]);
    expect(new Set(graph.parents.get(merge!))).toEqual(new Set([c2, c3]));
  });

  it("finds the commits that changed the file, not the magic's (the ledger's copies of applied commits)", async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { [MAGIC]: 'A: 1\n', [OTHER]: 'A: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'configured', write: { [MAGIC]: 'A: 2\n' } },
        { at: '2026-01-03T10:00:00Z', author: 'ana', message: 'other', write: { [OTHER]: 'A: 3\n' } },
      ],
    });
    const found = await commitsChanging(repo, ['HEAD'], '2025-12-01T00:00:00Z', [MAGIC]);
    const named = await Promise.all(found.map(async (c) => (await git(repo, 'log', '-1', '--format=%s', c)).trim()));
    expect(named).toEqual(['configured', 'create']);
  });

  it('commits the edit to the file apply wrote (apply)', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            'undrift.yaml': `environments:\n  staging: {files: [staging.yaml]}\n  production: {files: ['${MAGIC}']}\npromotion: [staging, production]\n`,
            'staging.yaml': 'TIMEOUT: 3\n',
            [MAGIC]: 'TIMEOUT: 1\n',
            [OTHER]: 'TIMEOUT: 1\n',
          },
        },
      ],
    });
    const scan = await scanRepository({ repo, live: false, today: '2026-12-01', historyCache: false });
    const outcome = await applyDecisions(scan, [{ key: 'TIMEOUT', env: 'production', action: 'backfill' }], {
      today: '2026-12-01',
      env: process.env,
    });
    const branch = outcome.commit!.branch;
    expect(await git(repo, 'show', `${branch}:${MAGIC}`)).toBe('TIMEOUT: 3');
    expect(await git(repo, 'show', `${branch}:${OTHER}`)).toBe('TIMEOUT: 1');
  });
});

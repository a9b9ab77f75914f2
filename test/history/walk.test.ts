import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/walk.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';

const ENVS: EnvironmentConfig[] = [
  { name: 'staging', files: ['config/staging.yaml'], format: 'auto' },
  { name: 'production', files: ['config/production.yaml'], format: 'auto' },
];

const brief = (events: HistoryEvent[] | undefined) =>
  (events ?? []).map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}${e.merge ? ' [merge]' : ''}${e.revert ? ' [revert]' : ''}`);

async function history(commits: Parameters<typeof repoFromScenario>[0]['commits'], envs = ENVS, extra: Partial<Parameters<typeof repoFromScenario>[0]> = {}) {
  const repo = await repoFromScenario({ commits, ...extra });
  return { repo, history: await readHistory(repo, envs, { cache: false }) };
}

const BOTH = (staging: string, production: string) => ({ 'config/staging.yaml': staging, 'config/production.yaml': production });

describe('per-key value history', () => {
  it('attributes each change to the commit that changed the value, per environment', async () => {
    const { history: h } = await history([
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\nB: x\n', 'A: 1\nB: x\n') },
      { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'raise A in staging', set: { 'config/staging.yaml': { A: 2 } } },
      {
        at: '2026-01-03T10:00:00Z',
        author: 'ana',
        message: 'change B in both',
        set: { 'config/staging.yaml': { B: 'y' }, 'config/production.yaml': { B: 'z' } },
      },
    ]);
    expect(brief(h.envs.get('staging')!.get('A'))).toEqual(['raise A in staging: 1→2', 'create: ∅→1']);
    expect(brief(h.envs.get('production')!.get('A'))).toEqual(['create: ∅→1']);
    expect(brief(h.envs.get('production')!.get('B'))).toEqual(['change B in both: x→z', 'create: ∅→x']);
    const event = h.envs.get('staging')!.get('A')![0]!;
    expect(event).toMatchObject({
      author: 'Ben Ode',
      email: 'ben@example.test',
      date: '2026-01-02T10:00:00+00:00',
      file: 'config/staging.yaml',
      merge: false,
      revert: false,
    });
    expect(event.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('blames no re-indent, reordering, comment edit or trailing-newline fix', async () => {
    const { history: h } = await history([
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('app:\n  a: 1\n  b: 2\n', 'app:\n  a: 1\n  b: 2\n') },
      { at: '2026-01-02T10:00:00Z', author: 'ben', message: 're-indent', write: { 'config/staging.yaml': 'app:\n    a: 1\n    b: 2\n' } },
      {
        at: '2026-01-03T10:00:00Z',
        author: 'ben',
        message: 'reorder and comment',
        write: { 'config/staging.yaml': '# the app\napp:\n    b: 2  # bee\n    a: 1\n' },
      },
      {
        at: '2026-01-04T10:00:00Z',
        author: 'ben',
        message: 'no trailing newline',
        write: { 'config/staging.yaml': '# the app\napp:\n    b: 2  # bee\n    a: 1' },
      },
      { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'quote it', write: { 'config/staging.yaml': '# the app\napp:\n    b: "2"\n    a: 1\n' } },
      { at: '2026-01-06T10:00:00Z', author: 'ana', message: 'real change', set: { 'config/staging.yaml': { 'app.a': 5 } } },
    ]);
    expect(brief(h.envs.get('staging')!.get('app.a'))).toEqual(['real change: 1→5', 'create: ∅→1']);
    expect(brief(h.envs.get('staging')!.get('app.b'))).toEqual(['create: ∅→2']);
  });

  it('attributes a value brought in by a merge to the branch commit, and a conflict resolution to the merge', async () => {
    const { repo, history: h } = await history([
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\nB: 1\nC: 1\n', 'A: 1\nB: 1\nC: 1\n') },
      { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'branch: A to 2', checkout: 'feature', set: { 'config/staging.yaml': { A: 2 } } },
      { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'branch: C to 2', set: { 'config/staging.yaml': { C: 2 } } },
      { at: '2026-01-04T10:00:00Z', author: 'ana', message: 'main: C to 3', checkout: 'main', set: { 'config/staging.yaml': { C: 3 } } },
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'Merge branch feature',
        merge: 'feature',
        write: { 'config/staging.yaml': 'A: 2\nB: 1\nC: 4\n' },
      },
    ]);
    expect(brief(h.envs.get('staging')!.get('A'))).toEqual(['branch: A to 2: 1→2', 'create: ∅→1']);
    expect(brief(h.envs.get('staging')!.get('C'))).toEqual(['Merge branch feature: 3→4 [merge]', 'main: C to 3: 1→3', 'branch: C to 2: 1→2', 'create: ∅→1']);
    expect(h.envs.get('staging')!.get('B')).toHaveLength(1);
    // After a new commit the merge's diff comes from the cache: the value it took from the branch
    // (A) is still the branch's change, not the merge's (the cache once forgot which was which).
    await readHistory(repo, ENVS);
    await writeFile(path.join(repo, 'config/production.yaml'), 'A: 1\nB: 2\nC: 1\n');
    await git(repo, '-c', 'user.name=Ana Lima', '-c', 'user.email=ana@example.test', 'commit', '-qam', 'production: B to 2');
    const [cached, fresh] = [await readHistory(repo, ENVS), await readHistory(repo, ENVS, { cache: false })];
    expect(cached.stats.cacheHits).toBeGreaterThan(0);
    expect(brief(cached.envs.get('staging')!.get('A'))).toEqual(['branch: A to 2: 1→2', 'create: ∅→1']);
    expect(cached.envs).toEqual(fresh.envs);
  });

  it('marks reverts, by subject and by a value returning to an earlier one', async () => {
    const { repo } = await history([
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\nB: 1\n', 'A: 1\nB: 1\n') },
      { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'A to 2', set: { 'config/staging.yaml': { A: 2 } } },
      { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'B to 2', set: { 'config/staging.yaml': { B: 2 } } },
      { at: '2026-01-04T10:00:00Z', author: 'ana', message: 'put B back', set: { 'config/staging.yaml': { B: 1 } } },
    ]);
    const sha = (await git(repo, 'log', '--format=%H', '--grep', 'A to 2')).trim();
    await git(repo, '-c', 'user.name=Ana Lima', '-c', 'user.email=ana@example.test', 'revert', '--no-edit', sha);
    const h = await readHistory(repo, ENVS, { cache: false });
    const a = h.envs.get('staging')!.get('A')!;
    expect(a[0]).toMatchObject({ subject: 'Revert "A to 2"', from: '2', to: '1', revert: true });
    expect(brief(h.envs.get('staging')!.get('B'))).toEqual(['put B back: 2→1 [revert]', 'B to 2: 1→2', 'create: ∅→1']);
  });

  it('follows a renamed file by hand and keeps its earlier history', async () => {
    const envs: EnvironmentConfig[] = [{ name: 'staging', files: ['deploy/staging.yaml'], format: 'auto' }];
    const { history: h } = await history(
      [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { 'config/staging.yaml': 'A: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'A to 2', set: { 'config/staging.yaml': { A: 2 } } },
        { at: '2026-01-03T10:00:00Z', author: 'ana', message: 'move config', rename: { 'config/staging.yaml': 'deploy/staging.yaml' } },
        { at: '2026-01-04T10:00:00Z', author: 'ben', message: 'A to 3', set: { 'deploy/staging.yaml': { A: 3 } } },
      ],
      envs,
    );
    expect(brief(h.envs.get('staging')!.get('A'))).toEqual(['A to 3: 2→3', 'A to 2: 1→2', 'create: ∅→1']);
    expect(
      h.envs
        .get('staging')!
        .get('A')!
        .map((e) => e.file),
    ).toEqual(['deploy/staging.yaml', 'config/staging.yaml', 'config/staging.yaml']); // as named at each commit
  });

  it('follows files renamed in one commit in one more walk, for every environment that reads them', async () => {
    // Two environments read one file (each its own subtree); two more files move with it.
    const envs: EnvironmentConfig[] = [
      { name: 'staging', files: ['deploy/staging.yaml'], format: 'auto' },
      { name: 'production', files: ['deploy/production.yaml'], format: 'auto' },
      { name: 'eu', files: ['deploy/regions.yaml'], format: 'auto', select: 'eu' },
      { name: 'us', files: ['deploy/regions.yaml'], format: 'auto', select: 'us' },
    ];
    const { history: h } = await history(
      [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: { ...BOTH('A: 1\n', 'A: 1\n'), 'config/regions.yaml': 'eu:\n  A: 1\nus:\n  A: 1\n' },
        },
        {
          at: '2026-01-02T10:00:00Z',
          author: 'ben',
          message: 'A to 2 in staging and eu',
          set: { 'config/staging.yaml': { A: 2 }, 'config/regions.yaml': { 'eu.A': 2 } },
        },
        {
          at: '2026-01-03T10:00:00Z',
          author: 'ana',
          message: 'move config',
          rename: {
            'config/staging.yaml': 'deploy/staging.yaml',
            'config/production.yaml': 'deploy/production.yaml',
            'config/regions.yaml': 'deploy/regions.yaml',
          },
        },
        {
          at: '2026-01-04T10:00:00Z',
          author: 'ben',
          message: 'A to 3 in production and us',
          set: { 'deploy/production.yaml': { A: 3 }, 'deploy/regions.yaml': { 'us.A': 3 } },
        },
      ],
      envs,
    );
    expect(brief(h.envs.get('staging')!.get('A'))).toEqual(['A to 2 in staging and eu: 1→2', 'create: ∅→1']);
    expect(brief(h.envs.get('production')!.get('A'))).toEqual(['A to 3 in production and us: 1→3', 'create: ∅→1']);
    expect(brief(h.envs.get('eu')!.get('A'))).toEqual(['A to 2 in staging and eu: 1→2', 'create: ∅→1']);
    expect(brief(h.envs.get('us')!.get('A'))).toEqual(['A to 3 in production and us: 1→3', 'create: ∅→1']);
    expect(
      h.envs
        .get('eu')!
        .get('A')!
        .map((e) => e.file),
    ).toEqual(['config/regions.yaml', 'config/regions.yaml']); // as named at each commit
  });

  it('reads versions larger than a pipe read, cut anywhere in the blob stream', async () => {
    // ~300 KB per version: every version arrives in several chunks and ends mid-chunk.
    const big = (n: number) => Array.from({ length: 6000 }, (_, i) => `k${i}: ${i === 4321 ? n : `value-${i}-${'x'.repeat(30)}`}`).join('\n') + '\n';
    const { history: h } = await history(
      [1, 2, 3, 4, 5].map((n, i) => ({
        at: `2026-01-0${i + 1}T10:00:00Z`,
        author: 'ana',
        message: `k4321 to ${n}`,
        write: { 'config/staging.yaml': big(n), 'config/production.yaml': `A: ${n}\n` },
      })),
    );
    expect(brief(h.envs.get('staging')!.get('k4321'))).toEqual(['k4321 to 5: 4→5', 'k4321 to 4: 3→4', 'k4321 to 3: 2→3', 'k4321 to 2: 1→2', 'k4321 to 1: ∅→1']);
    expect(h.envs.get('staging')!.size).toBe(6000);
    expect(brief(h.envs.get('production')!.get('A'))).toHaveLength(5);
  });

  it('reports authors through .mailmap, as git log %aN/%aE does', async () => {
    const { repo, history: h } = await history(
      [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: { ...BOTH('A: 1\n', 'A: 1\n'), '.mailmap': 'Ana Lima <ana@new.test> <ana@example.test>\nAna Lima <ana@new.test> <ana.old@example.test>\n' },
        },
        { at: '2026-01-02T10:00:00Z', author: 'ana2', message: 'A to 2', set: { 'config/staging.yaml': { A: 2 } } },
      ],
      ENVS,
      {
        authors: {
          ana: { name: 'Ana Lima', email: 'ana@example.test' },
          ana2: { name: 'A. Lima', email: 'ana.old@example.test' },
          ben: { name: 'Ben Ode', email: 'ben@example.test' },
        },
      },
    );
    expect(
      h.envs
        .get('staging')!
        .get('A')!
        .map((e) => `${e.author} <${e.email}>`),
    ).toEqual(['Ana Lima <ana@new.test>', 'Ana Lima <ana@new.test>']);
    // An edit of .mailmap not yet committed names the authors anew, also through the kept result.
    const authors = async () =>
      (await readHistory(repo, ENVS)).envs
        .get('staging')!
        .get('A')!
        .map((e) => e.author);
    expect(await authors()).toEqual(['Ana Lima', 'Ana Lima']);
    await writeFile(path.join(repo, '.mailmap'), 'Ana Moreira <ana@new.test> <ana@example.test>\n');
    expect(await authors()).toEqual(['A. Lima', 'Ana Moreira']);
  });

  it('bridges an unparseable historic version along the parent chain and flags it', async () => {
    const { history: h } = await history([
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\nB: 1\n', 'A: 1\nB: 1\n') },
      { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'break it', write: { 'config/staging.yaml': 'A: 2\nB: [1\n' } },
      { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'fix it', write: { 'config/staging.yaml': 'A: 2\nB: 1\n' } },
    ]);
    expect(h.broken).toHaveLength(1);
    expect(h.broken[0]).toMatchObject({ file: 'config/staging.yaml' });
    expect(h.broken[0]!.error).toMatch(/flow sequence|unexpected end|missed comma/i);
    const a = h.envs.get('staging')!.get('A')!;
    expect(brief(a)).toEqual(['fix it: 1→2', 'create: ∅→1']);
    expect(a[0]!.acrossBroken).toBe(true);
    expect(h.envs.get('staging')!.get('B')).toHaveLength(1);
  });

  it('keeps a broken version broken through the cache, and bridges it again without reading it', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\nB: 1\n', 'A: 1\nB: 1\n') },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'break it', write: { 'config/staging.yaml': 'A: 2\nB: [1\n' } },
        { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'fix it', write: { 'config/staging.yaml': 'A: 2\nB: 1\n' } },
      ],
    });
    const first = await readHistory(repo, ENVS);
    await writeFile(`${repo}/config/production.yaml`, 'A: 1\nB: 2\n');
    await git(repo, '-c', 'user.name=Ana Lima', '-c', 'user.email=ana@example.test', 'commit', '-qam', 'B to 2 in production');
    const second = await readHistory(repo, ENVS);
    expect(second.broken).toEqual(first.broken);
    expect(brief(second.envs.get('staging')!.get('A'))).toEqual(['fix it: 1→2', 'create: ∅→1']);
    expect(second.envs.get('staging')!.get('A')![0]!.acrossBroken).toBe(true);
    expect(second.stats.blobsRead).toBe(2); // the new production version and its parent
  });

  it('reads dotenv, JSON and Helm values with the scan semantics', async () => {
    const envs: EnvironmentConfig[] = [
      { name: 'a', files: ['.env.a'], format: 'auto' },
      { name: 'b', files: ['b.json'], format: 'auto' },
      { name: 'c', files: ['values-c.yaml'], format: 'auto' },
    ];
    const { history: h } = await history(
      [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: { '.env.a': 'export X=1\n', 'b.json': '{"x": {"y": 1}}\n', 'values-c.yaml': 'enabled: on\n' },
        },
        {
          at: '2026-01-02T10:00:00Z',
          author: 'ana',
          message: 'same values, other spelling',
          write: { '.env.a': 'X="1"\n', 'b.json': '{\n  "x": {\n    "y": 1\n  }\n}\n', 'values-c.yaml': 'enabled: true\n' },
        },
        {
          at: '2026-01-03T10:00:00Z',
          author: 'ana',
          message: 'change',
          write: { '.env.a': 'X=2\n', 'b.json': '{"x": {"y": 2}}\n', 'values-c.yaml': 'enabled: off\n' },
        },
      ],
      envs,
    );
    expect(brief(h.envs.get('a')!.get('X'))).toEqual(['change: 1→2', 'create: ∅→1']);
    expect(brief(h.envs.get('b')!.get('x.y'))).toEqual(['change: 1→2', 'create: ∅→1']);
    expect(brief(h.envs.get('c')!.get('enabled'))).toEqual(['change: true→false', 'create: ∅→true']);
  });

  it('reports a shallow clone as truncated history and marks the boundary', async () => {
    const { repo } = await history([
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\n', 'A: 1\n') },
      // Committed in Paris: the boundary is said in UTC all the same, as every time undrift prints.
      { at: '2026-02-01T11:00:00+01:00', author: 'ben', message: 'A to 2', set: { 'config/staging.yaml': { A: 2 } } },
      { at: '2026-03-01T10:00:00Z', author: 'ben', message: 'A to 3', set: { 'config/staging.yaml': { A: 3 } } },
    ]);
    const shallow = `${await tempDir()}/shallow`;
    await git('/', 'clone', '--quiet', '--depth', '2', `file://${repo}`, shallow);
    const h = await readHistory(shallow, ENVS, { cache: false });
    expect(h.truncatedAt).toBe('2026-02-01T10:00:00Z');
    const a = h.envs.get('staging')!.get('A')!;
    expect(brief(a)).toEqual(['A to 3: 2→3', 'A to 2: ∅→2']);
    expect(a[1]!.truncated).toBe(true);
  });

  it('reuses diffs from the cache in .git on a re-run without reading blobs', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('A: 1\n', 'A: 1\n') },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'A to 2', set: { 'config/staging.yaml': { A: 2 } } },
      ],
    });
    const first = await readHistory(repo, ENVS);
    expect(first.stats.blobsRead).toBeGreaterThan(0);
    // The same HEAD: the whole result is read back, nothing is walked.
    const second = await readHistory(repo, ENVS);
    expect(second.stats).toMatchObject({ blobsRead: 0, cacheHits: first.stats.entries, resultCached: true });
    expect(brief(second.envs.get('staging')!.get('A'))).toEqual(brief(first.envs.get('staging')!.get('A')));
    // A new commit: the log is walked again, but only the new version is read and diffed.
    await writeFile(`${repo}/config/staging.yaml`, 'A: 3\n');
    await git(repo, '-c', 'user.name=Ana Lima', '-c', 'user.email=ana@example.test', 'commit', '-qam', 'A to 3');
    const third = await readHistory(repo, ENVS);
    expect(third.stats.resultCached).toBeUndefined();
    expect(third.stats.cacheHits).toBe(first.stats.entries);
    expect(third.stats.blobsRead).toBe(2);
    expect(brief(third.envs.get('staging')!.get('A'))).toEqual(['A to 3: 2→3', 'A to 2: 1→2', 'create: ∅→1']);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });
});

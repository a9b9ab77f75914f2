import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import type { Divergence } from '../../src/model/types.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';
import { scenarioRepo } from '../support/demo-repo.js';

const CONFIG =
  'environments:\n  dev: config/dev.yaml\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [dev, staging, production]\n';
const THREE = (v: string) => ({ 'undrift.yaml': CONFIG, 'config/dev.yaml': v, 'config/staging.yaml': v, 'config/production.yaml': v });

async function verdictFor(commits: Parameters<typeof repoFromScenario>[0]['commits'], key: string) {
  const repo = await repoFromScenario({ commits });
  const scan = await scanRepository({ repo, historyCache: false });
  const d = scan.divergences.find((x) => x.key === key);
  expect(d, `a divergence on ${key}`).toBeDefined();
  return { verdict: d!.verdict!, divergence: d!, repo };
}

describe('the explained verdict', () => {
  it('upstream changed alone, the message giving no reason to promote: the promotion order alone moves nothing, declare with a question', async () => {
    const { verdict } = await verdictFor(
      [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('POOL: 10\n') },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'bigger pool', set: { 'config/dev.yaml': { POOL: 20 }, 'config/staging.yaml': { POOL: 20 } } },
      ],
      'POOL',
    );
    expect(verdict).toMatchObject({ deliberate: 'staging', drifted: null, suggested: 'declare', value: null, risk: 'resources' });
    expect(verdict.confidence).toBeLessThan(0.5);
    expect(verdict.question).toMatch(/meant to reach production \(backfill production\), or is it staging's own setting \(declare\)/);
    expect(verdict.reasons[0]).toMatch(/^dev, staging and production last agreed on "10" after [0-9a-f]{7} \(2026-01-01, Ana Lima: "create"\)$/);
    expect(verdict.reasons.join('\n')).toContain('nothing says whether production should follow staging: declare the difference in the contract');
    expect(verdict.evidence).toContainEqual({
      kind: 'quality',
      text: 'only the promotion order speaks: nothing read in the change says why staging holds "20"',
    });
  });

  it('downstream changed alone, saying nothing of why: not backported on the promotion order alone, declare with a question', async () => {
    const { verdict } = await verdictFor(
      [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('RETRIES: 2\n') },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'more retries', set: { 'config/production.yaml': { RETRIES: 5 } } },
      ],
      'RETRIES',
    );
    expect(verdict).toMatchObject({ drifted: null, suggested: 'declare', value: null });
    expect(verdict.question).toMatch(/meant for staging too \(backfill staging\)/);
    expect(verdict.confidence).toBeLessThan(0.5);
  });

  it('both changed to different values, neither saying why: the evidence cannot decide, declare with a question', async () => {
    const { verdict } = await verdictFor(
      [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('TTL: 60\n') },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'staging ttl', set: { 'config/dev.yaml': { TTL: 90 }, 'config/staging.yaml': { TTL: 90 } } },
        { at: '2026-03-01T10:00:00Z', author: 'ana', message: 'production ttl', set: { 'config/production.yaml': { TTL: 120 } } },
      ],
      'TTL',
    );
    expect(verdict).toMatchObject({ deliberate: null, drifted: null, suggested: 'declare' });
    expect(verdict.confidence).toBeLessThan(0.5);
    expect(verdict.question).toMatch(/each changed TTL on their own: which value is right/);
    expect(verdict.reasons.join('\n')).toMatch(/staging and production each changed it since, to different values; the latest change is production's/);
  });

  it('added with different values in one commit: declared; meant only when the commit says why, a person decides when it is silent', async () => {
    const created = (message: string, production: string) => [
      {
        at: '2026-01-01T10:00:00Z',
        author: 'ana',
        message,
        write: { 'undrift.yaml': CONFIG, 'config/dev.yaml': 'F: a\n', 'config/staging.yaml': 'F: a\n', 'config/production.yaml': production },
      },
    ];
    const { verdict } = await verdictFor(created('production reads the live bank feed (b), dev and staging the sandbox (a)', 'F: b\n'), 'F');
    expect(verdict).toMatchObject({ deliberate: null, drifted: null, suggested: 'declare', confidence: 0.7 });
    expect(verdict.reasons[0]).toMatch(/added with different values in the same commit, [0-9a-f]{7} .*set apart from the start/);
    // Typed apart in a commit that says nothing: that proves someone wrote them, not that debug
    // is meant to stay on in production.
    const wip = await verdictFor(
      created('wip', 'F: a\nDEBUG: "true"\n').map((c) => ({
        ...c,
        write: { ...c.write, 'config/dev.yaml': 'F: a\nDEBUG: "false"\n', 'config/staging.yaml': 'F: a\nDEBUG: "false"\n' },
      })),
      'DEBUG',
    );
    expect(wip.verdict).toMatchObject({ suggested: 'declare', risk: 'debug' });
    expect(wip.verdict.confidence).toBeLessThanOrEqual(0.5);
    expect(wip.verdict.question).toMatch(/says nothing about why DEBUG differs/);
  });

  it('never equal: different since each was created, with low confidence', async () => {
    const { verdict } = await verdictFor(
      [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create dev and staging',
          write: { 'undrift.yaml': CONFIG, 'config/dev.yaml': 'X: 1\n', 'config/staging.yaml': 'X: 1\n' },
        },
        { at: '2026-01-05T10:00:00Z', author: 'ben', message: 'create production', write: { 'config/production.yaml': 'X: 2\n' } },
      ],
      'X',
    );
    expect(verdict.reasons[0]).toMatch(
      /^never equal: dev was created with "1" in .*production was created with "2" in [0-9a-f]{7} \(2026-01-05, Ben Ode: "create production"\)$/,
    );
    expect(verdict.confidence).toBeLessThan(0.5);
  });

  it('a key added upstream only, saying nothing of production: declare with a question', async () => {
    const { verdict, divergence } = await verdictFor(
      [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('A: 1\n') },
        {
          at: '2026-02-01T10:00:00Z',
          author: 'ben',
          message: 'add batch size',
          set: { 'config/dev.yaml': { BATCH: 500 }, 'config/staging.yaml': { BATCH: 500 } },
        },
      ],
      'BATCH',
    );
    expect(divergence.kind).toBe('missing');
    expect(verdict).toMatchObject({ deliberate: 'staging', drifted: null, suggested: 'declare', value: null });
    expect(verdict.reasons[0]).toBe('production never had this key; dev and staging added it');
  });

  it('quotes a commit message that speaks of another environment or an incident', async () => {
    const { verdict } = await verdictFor(
      [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('TIMEOUT: 3000\n') },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'Hotfix: raise timeout for prod (INC-77)', set: { 'config/staging.yaml': { TIMEOUT: 10000 } } },
      ],
      'TIMEOUT',
    );
    expect(verdict).toMatchObject({ deliberate: 'staging', drifted: 'production', suggested: 'backfill', value: '10000' });
    const reasons = verdict.reasons.join('\n');
    expect(reasons).toMatch(
      /edits staging's file \(config\/staging\.yaml\) but its message speaks of production, not staging: "Hotfix: raise timeout for prod \(INC-77\)"/,
    );
    expect(reasons).toContain('cites incident INC-77');
    expect(reasons).toContain("the change was meant for production but landed in staging's file");
    expect(verdict.confidence).toBeGreaterThan(0.75);
  });

  it('counts an uncommitted edit in the work tree as a change, and says it is not committed', async () => {
    const repo = await repoFromScenario({ commits: [{ at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('A: 1\n') }] });
    await writeFile(`${repo}/config/production.yaml`, 'A: 9\n');
    const scan = await scanRepository({ repo, historyCache: false });
    const verdict = scan.divergences.find((d) => d.key === 'A')!.verdict!;
    expect(verdict.deliberate).toBe('production');
    expect(verdict.reasons.join('\n')).toContain('production\'s file holds "9" in the work tree, which is not committed');
  });

  it('a contract violation suggests reverting to the value before, or declaring the new one', async () => {
    const { verdict } = await verdictFor(
      [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            ...THREE('replicas: 4\n'),
            'config/expected-env-diff.yaml': 'expected_differences:\n  replicas:\n    production: {one_of: [4, 6]}\n    owner: sre\n',
          },
        },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'save cost', set: { 'config/production.yaml': { replicas: 3 } } },
      ],
      'replicas',
    );
    expect(verdict).toMatchObject({ deliberate: 'production', drifted: 'production', suggested: 'revert', value: '4' });
    expect(verdict.reasons[0]).toBe('the contract (owner: sre) allows production one of 4, 6; it holds "3"');
  });

  it('a shallow clone weakens the verdict and says where history stops', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: THREE('A: 1\n') },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'touch', write: { 'README.md': 'x\n' } },
        { at: '2026-03-01T10:00:00Z', author: 'ben', message: 'A in staging', set: { 'config/dev.yaml': { A: 2 }, 'config/staging.yaml': { A: 2 } } },
      ],
    });
    const shallow = `${await tempDir()}/shallow`;
    await git('/', 'clone', '--quiet', '--depth', '2', `file://${repo}`, shallow);
    const scan = await scanRepository({ repo: shallow, historyCache: false });
    const verdict = scan.divergences.find((d) => d.key === 'A')!.verdict!;
    expect(verdict.reasons.at(-1)).toMatch(/^history truncated at 2026-02-01T10:00:00Z \(shallow clone\)/);
    expect(verdict.confidence).toBeLessThan(0.75);
    expect(scan.warnings.find((w) => w.startsWith('shallow clone:'))).toBe(
      'shallow clone: history truncated at 2026-02-01T10:00:00Z, so verdicts weigh less of it; ' +
        '`git fetch --unshallow` reads it all (in CI: a checkout with full history, e.g. `fetch-depth: 0`)',
    );
  });
});

describe('ordering by the commit graph', () => {
  const story = (dates: string[]): Parameters<typeof repoFromScenario>[0]['commits'] => [
    { at: dates[0]!, author: 'ana', message: 'create', write: THREE('X: 1\n') },
    { at: dates[1]!, author: 'ben', message: 'X to 2 in dev and staging', set: { 'config/dev.yaml': { X: 2 }, 'config/staging.yaml': { X: 2 } } },
    { at: dates[2]!, author: 'ben', message: 'X to 2 in production', set: { 'config/production.yaml': { X: 2 } } },
    { at: dates[3]!, author: 'ana', message: 'X to 3 in staging', set: { 'config/staging.yaml': { X: 3 } } },
  ];
  const same = '2026-01-01T10:00:00Z';
  it.each([
    ['equal dates (a rebased pull request)', [same, same, same, same]],
    ['skewed dates (children dated before their parents)', ['2026-03-01T10:00:00Z', '2026-02-01T10:00:00Z', '2026-01-15T10:00:00Z', '2026-01-01T10:00:00Z']],
  ])('%s do not change the answer', async (_name, dates) => {
    const { verdict } = await verdictFor(story(dates), 'X');
    const reasons = verdict.reasons.join('\n');
    expect(verdict.reasons[0]).toMatch(/^dev, staging and production last agreed on "2" after [0-9a-f]{7} \(.*"X to 2 in production"\)$/);
    expect(reasons).toMatch(/staging changed it "2" → "3" in [0-9a-f]{7} \(.*"X to 3 in staging"\)/);
    expect(verdict.deliberate).toBe('staging');
    expect(verdict.evidence?.filter((e) => e.kind === 'order').length).toBeGreaterThan(0);
  });
});

describe('the demo story', () => {
  // One full scan of the demo, shared: its verdicts and histories do not depend on live state.
  const today = '2026-12-03';
  let fullScan: ReturnType<typeof scanRepository> | undefined;
  const full = async () => (fullScan ??= scanRepository({ repo: await scenarioRepo(), historyCache: false, live: false, today }));

  it('explains the timeout: staging changed by the INC-2041 commit that speaks of production; production never changed', async () => {
    const scan = await full();
    const d = scan.divergences.find((x) => x.key === 'PAYMENT_GATEWAY_TIMEOUT_MS')!;
    expect(d.history!.production!.map((e) => `${e.from}→${e.to} ${e.subject}`)).toEqual(['null→3000 Add payment-service config for staging and production']);
    expect(d.history!.staging!.map((e) => `${e.from}→${e.to} ${e.author}`)).toEqual(['3000→10000 Dana Whitfield', 'null→3000 Priya Raman']);
    expect(d.verdict).toMatchObject({ deliberate: 'staging', drifted: 'production', suggested: 'backfill', value: '10000' });
    const reasons = d.verdict!.reasons.join('\n');
    expect(reasons).toContain(
      'edits staging\'s file (config/staging.yaml) but its message speaks of production, not staging: "Raise payment gateway timeout to 10s in production (INC-2041)"',
    );
    expect(reasons).toContain('cites incident INC-2041');
    expect(reasons).toMatch(/production has not changed it since [0-9a-f]{7} \(2026-02-02, Priya Raman/);

    // History and scan read every value alike: each key's newest event is its value in the work tree.
    for (const env of scan.snapshot.environments) {
      for (const [key, value] of scan.snapshot.envs.get(env)!.values) {
        expect(scan.history!.envs.get(env)!.get(key)?.[0]?.to, `${env} ${key}`).toBe(value.text);
      }
    }
  });

  it('a view of some environments (scan -e) gives each key the verdict a scan of all gives it', async () => {
    const repo = await scenarioRepo();
    const [whole, ...views] = await Promise.all([
      scanRepository({ repo, historyCache: false, today }),
      scanRepository({ repo, historyCache: false, today, envs: ['production'] }),
      scanRepository({ repo, historyCache: false, today, envs: ['staging'] }),
    ]);
    // `-e production` suggested reverting the live hotfix (PAYMENT_GATEWAY_TIMEOUT_MS back to 3000,
    // 0.60): staging's history, where INC-2041 was codified, was not read.
    const hotfix = views[0].divergences.find((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && d.kind === 'live-drift')!;
    expect(hotfix.verdict).toMatchObject({ suggested: 'backfill', value: '10000' });
    const judged = (v: Divergence['verdict']) => v && { suggested: v.suggested, value: v.value, drifted: v.drifted, confidence: v.confidence };
    for (const view of views) {
      expect(view.divergences.length).toBeGreaterThan(0);
      for (const d of view.divergences) {
        const between = !d.kind.startsWith('live') && d.kind !== 'missing-live' && d.kind !== 'artifact';
        const same = whole.divergences.find((x) => x.key === d.key && x.kind === d.kind && (between || x.envs.join() === d.envs.join()));
        if (d.kind === 'object-cross-env' || d.kind === 'permission') {
          // Objects and grants are compared between the environments read: never surer than a person checking.
          expect(d.verdict!.confidence, `${d.key} (${d.kind})`).toBeLessThanOrEqual(Math.max(same?.verdict?.confidence ?? 0, 0.5));
          continue;
        }
        expect(judged(d.verdict), `${d.key} (${d.kind}) in ${d.envs.join()}: ${d.verdict!.reasons.join(' / ')}`).toEqual(judged(same?.verdict));
      }
    }
  });
});

// Evidence beyond the change's own message (session 4): the pull request or merge that brought it
// in, earlier steps of the same change, commits that change no value (freeze notices, a ticket
// reported done, a note naming the key), siblings the contract forbids, and the safety net.
// Phrasings are our own; none comes from a verdict story.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, CONTRACT_HISTORY, explain } from '../../src/verdict/verdict.js';
import { mergesThatBrought, type Message } from '../../src/verdict/log.js';
import { movesTowardProduction, safetyNet, SAFETY_CAP } from '../../src/verdict/safety.js';
import { Findings } from '../../src/verdict/findings.js';
import { repoFromScenario } from '../support/repo.js';
import { judge, type Step } from './memory-story.js';

const CONFIG = 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n';
const BOTH = (v: string) => ({ 'undrift.yaml': CONFIG, 'config/staging.yaml': v, 'config/production.yaml': v });

type Story = Parameters<typeof repoFromScenario>[0];
async function verdictFor(commits: Story['commits'], key: string, today: string, authors?: Story['authors']) {
  const repo = await repoFromScenario({ commits, ...(authors ? { authors } : {}) });
  const scan = await scanRepository({ repo, historyCache: false, today });
  const d = scan.divergences.find((x) => x.key === key);
  expect(d, `a divergence on ${key}`).toBeDefined();
  return d!.verdict!;
}

describe('the pull request that brought a change in', () => {
  it("a bare commit brought in by a merge whose message sets a deadline: the merge's words are its intent", async () => {
    const verdict = await verdictFor(
      [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'create', write: BOTH('SEARCH_PAGE_SIZE: 20\n') },
        {
          at: '2026-01-10T10:00:00Z',
          author: 'ben',
          checkout: 'page-size',
          message: 'Update staging.yaml',
          set: { 'config/staging.yaml': { SEARCH_PAGE_SIZE: 200 } },
        },
        {
          at: '2026-01-10T12:00:00Z',
          author: 'ana',
          checkout: 'main',
          merge: 'page-size',
          message: 'Merge pull request #7 from acme/page-size\n\nBigger search pages on staging for the crawler trial, roll back by 2026-02-01.',
        },
      ],
      'SEARCH_PAGE_SIZE',
      '2026-03-01',
    );
    expect(verdict).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '20' });
    expect(verdict.evidence?.some((e) => e.kind === 'intent' && /came in through merge/.test(e.text))).toBe(true);
  });
});

describe('earlier steps and notes that state the purpose', () => {
  it('a later step that says nothing carries on the purpose an earlier step stated', async () => {
    const verdict = await verdictFor(
      [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'create', write: BOTH('CHECKOUT_V2_PERCENT: 0\n') },
        {
          at: '2026-01-12T10:00:00Z',
          author: 'ben',
          message: 'checkout v2 at 10% — on staging only',
          set: { 'config/staging.yaml': { CHECKOUT_V2_PERCENT: 10 } },
        },
        { at: '2026-01-19T10:00:00Z', author: 'ben', message: 'bump to 25', set: { 'config/staging.yaml': { CHECKOUT_V2_PERCENT: 25 } } },
      ],
      'CHECKOUT_V2_PERCENT',
      '2026-01-25',
    );
    expect(verdict.suggested).toBe('declare');
    expect(verdict.evidence?.some((e) => /an earlier step of the same change in staging/.test(e.text))).toBe(true);
  });

  it('a commit that names the key without changing it says what the change is for', async () => {
    const verdict = await verdictFor(
      [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'create', write: BOTH('CACHE_TTL_SECONDS: 300\n') },
        { at: '2026-01-12T10:00:00Z', author: 'ben', message: 'cache ttl 30', set: { 'config/staging.yaml': { CACHE_TTL_SECONDS: 30 } } },
        {
          at: '2026-01-13T10:00:00Z',
          author: 'ana',
          message: 'cache investigation notes\n\nCACHE_TTL_SECONDS stays at 30 for staging only while we measure hit rates.',
          write: { 'docs/cache.md': 'hit rates by ttl\n' },
        },
      ],
      'CACHE_TTL_SECONDS',
      '2026-01-20',
    );
    expect(verdict.suggested).toBe('declare');
    expect(verdict.evidence?.some((e) => e.kind === 'intent' && /names CACHE_TTL_SECONDS without changing it/.test(e.text))).toBe(true);
  });
});

describe('commits that change no value', () => {
  const freeze = (extra: Parameters<typeof repoFromScenario>[0]['commits']) => [
    { at: '2026-03-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('API_IMAGE: registry.example/api:2.2.0\n') },
    {
      at: '2026-03-10T10:00:00Z',
      author: 'ben',
      message: 'change freeze on production until 2026-04-10\n\nPayments migration: nothing goes to production before then.',
      write: { 'FREEZE.md': 'production frozen\n' },
    },
    { at: '2026-03-15T10:00:00Z', author: 'ana', message: 'api 2.3.0', set: { 'config/staging.yaml': { API_IMAGE: 'registry.example/api:2.3.0' } } },
    ...extra,
  ];

  it('a freeze notice on the lagging environment: declare until the freeze ends, never promote into it', async () => {
    const verdict = await verdictFor(freeze([]), 'API_IMAGE', '2026-03-20');
    expect(verdict).toMatchObject({ suggested: 'declare', expires: '2026-04-10' });
    expect(verdict.evidence?.some((e) => /freezes production until 2026-04-10/.test(e.text))).toBe(true);
  });

  it('once a later commit lifts the freeze, the freeze no longer holds the value back', async () => {
    const verdict = await verdictFor(
      freeze([{ at: '2026-03-18T10:00:00Z', author: 'ben', message: 'unfreeze production, migration went fine', write: { 'FREEZE.md': '' } }]),
      'API_IMAGE',
      '2026-03-20',
    );
    // The freeze is why production lagged, and it is over: production follows (below a recommendation).
    expect(verdict).toMatchObject({ suggested: 'backfill', drifted: 'production' });
    expect(verdict.expires).toBeUndefined();
    expect(verdict.evidence?.some((e) => /came while production was frozen, and that freeze is over/.test(e.text))).toBe(true);
  });

  it('a later commit citing the same ticket reports the work done: the test setting goes back', async () => {
    const verdict = await verdictFor(
      [
        { at: '2026-02-01T10:00:00Z', author: 'ana', message: 'create', write: BOTH('IMPORT_BATCH: 500\n') },
        {
          at: '2026-02-03T10:00:00Z',
          author: 'ben',
          message: 'bigger import batches for the OPS-77 reindex test',
          set: { 'config/staging.yaml': { IMPORT_BATCH: 5000 } },
        },
        { at: '2026-02-09T10:00:00Z', author: 'ben', message: 'OPS-77 reindex finished, numbers in the doc', write: { 'docs/reindex.md': 'done\n' } },
      ],
      'IMPORT_BATCH',
      '2026-02-12',
    );
    expect(verdict).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '500' });
  });
});

describe('siblings the contract forbids', () => {
  it('a change made together with one the contract forbids goes back with it', async () => {
    const verdict = await verdictFor(
      [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            ...BOTH('AUTH_MODE: oidc\nSESSION_COOKIE_SAMESITE: strict\n'),
            'config/expected-env-diff.yaml': 'expected_differences:\n  AUTH_MODE:\n    staging: [oidc]\n    production: [oidc]\n',
          },
        },
        {
          at: '2026-01-20T10:00:00Z',
          author: 'ben',
          message: 'let the kiosk app in on production',
          set: { 'config/production.yaml': { AUTH_MODE: 'none', SESSION_COOKIE_SAMESITE: 'none' } },
        },
      ],
      'SESSION_COOKIE_SAMESITE',
      '2026-02-01',
    );
    expect(verdict).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'strict' });
    expect(verdict.evidence?.some((e) => e.kind === 'contract' && /also set AUTH_MODE/.test(e.text))).toBe(true);
  });
});

describe('a release decision', () => {
  it('a flag switched on upstream, with no word about production, is declared rather than switched on in production', async () => {
    const verdict = await verdictFor(
      [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'create', write: BOTH('INSTANT_PAYOUTS_ENABLED: false\n') },
        {
          at: '2026-01-12T10:00:00Z',
          author: 'ben',
          message: 'Turn on instant payouts in staging',
          set: { 'config/staging.yaml': { INSTANT_PAYOUTS_ENABLED: true } },
        },
      ],
      'INSTANT_PAYOUTS_ENABLED',
      '2026-01-20',
    );
    expect(verdict.suggested).toBe('declare');
    expect(verdict.confidence).toBeLessThan(0.5);
    expect(verdict.question).toMatch(/meant to reach production/);
  });
});

describe('the safety net', () => {
  it('an incident fix upstream, with nothing saying it is meant for production, is never suggested into production with confidence', async () => {
    const verdict = await verdictFor(
      [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'create', write: BOTH('UPSTREAM_TIMEOUT_MS: 30\n') },
        { at: '2026-01-12T10:00:00Z', author: 'ben', message: 'INC-5521 raise upstream timeout', set: { 'config/staging.yaml': { UPSTREAM_TIMEOUT_MS: 90 } } },
      ],
      'UPSTREAM_TIMEOUT_MS',
      '2026-01-20',
    );
    // The safe suggestion takes the move's place: declare while a person checks, the move named
    // in the question.
    expect(verdict).toMatchObject({ suggested: 'declare', drifted: null, value: null });
    expect(verdict.confidence).toBeLessThan(0.5);
    expect(verdict.evidence?.some((e) => /needs explicit evidence/.test(e.text))).toBe(true);
    expect(verdict.question).toMatch(/if it is, backfill production with/);
    expect(verdict.reasons.join('\n')).toMatch(/not suggesting to backfill production with .*: the safe suggestion is to declare/);
  });

  const divergence: Divergence = {
    key: 'ADMIN_GROUPS',
    kind: 'cross-env',
    severity: 'drift',
    envs: ['staging', 'production'],
    values: { staging: { repo: 'ops,contractors' }, production: { repo: 'ops' } },
    contract: null,
    notes: [],
  } as unknown as Divergence;
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], risk: 'permissions' as const };

  it('puts the safe suggestion in place of any confident move toward production that is not explicit, whatever rule made it', () => {
    const f = new Findings();
    f.ask('an earlier question');
    const verdict: { deliberate: string; drifted: string | null; suggested: 'backfill' | 'declare'; value: string | null; confidence: number } = {
      deliberate: 'staging',
      drifted: 'production',
      suggested: 'backfill',
      value: 'ops,contractors',
      confidence: 0.9,
    };
    expect(movesTowardProduction(divergence, verdict, {}, context)).toBe(true);
    safetyNet(divergence, verdict, {}, context, f);
    expect(verdict).toMatchObject({ suggested: 'declare', drifted: null, value: null, confidence: SAFETY_CAP });
    expect(SAFETY_CAP).toBeLessThan(0.5);
    expect(f.questions[0]).toMatch(/is "ops,contractors" meant for production\?.*if it is, backfill production with "ops,contractors"/);
    expect(f.reasons.join('\n')).toMatch(/not suggesting to backfill production with "ops,contractors"/);
  });

  it('lets explicit evidence through, and does not count going back to a value production held', () => {
    const explicit = {
      deliberate: 'staging',
      drifted: 'production',
      suggested: 'backfill' as const,
      value: 'ops,contractors',
      confidence: 0.8,
      explicit: true,
    };
    safetyNet(divergence, explicit, {}, context, new Findings());
    expect(explicit.confidence).toBe(0.8);
    const held: HistoryEvent[] = [{ commit: 'a'.repeat(40), to: 'ops,contractors', from: null } as HistoryEvent];
    const back = { deliberate: 'staging', drifted: 'production', suggested: 'revert' as const, value: 'ops,contractors', confidence: 0.7 };
    expect(movesTowardProduction(divergence, back, { production: held }, context)).toBe(false);
    const upstream = { deliberate: 'production', drifted: 'staging', suggested: 'backfill' as const, value: 'ops', confidence: 0.7 };
    expect(movesTowardProduction(divergence, upstream, {}, { ...context, risk: 'none' as const })).toBe(false);
  });
});

describe('the log', () => {
  const msg = (sha: string, parents: string[], subject = sha): Message => ({
    sha: sha.padEnd(40, '0'),
    parents: parents.map((p) => p.padEnd(40, '0')),
    subject,
    body: '',
    author: 'a',
    email: 'a@x',
    date: '2026-01-01T00:00:00Z',
    committed: '2026-01-01T00:00:00Z',
  });

  it('knows which merge brought each side commit in, innermost first', () => {
    // main: a - m2 (merges feature: b - m1 (merges fix: c))
    const list = [msg('e2', ['e1', 'b2']), msg('b2', ['b1', 'c1']), msg('c1', ['a1']), msg('b1', ['a1']), msg('e1', ['a1']), msg('a1', [])];
    const brought = mergesThatBrought(list);
    expect(brought.get('c1'.padEnd(40, '0'))).toEqual(['b2'.padEnd(40, '0'), 'e2'.padEnd(40, '0')]);
    expect(brought.get('b1'.padEnd(40, '0'))).toEqual(['e2'.padEnd(40, '0')]);
    expect(brought.has('e1'.padEnd(40, '0'))).toBe(false);
    expect(brought.has('a1'.padEnd(40, '0'))).toBe(false);
  });

  it('the contract file is not an environment', () => {
    const event = { commit: 'f'.repeat(40), subject: 'declare X', body: '', from: null, to: '1' } as HistoryEvent;
    const log = buildLog(
      new Map([
        ['staging', new Map([['X', [{ ...event, commit: 'e'.repeat(40) }]]])],
        [CONTRACT_HISTORY, new Map([['expected_differences.X.staging', [event]]])],
      ]),
    );
    expect([...log.envs.keys()]).toEqual(['staging']);
    expect(log.commits.get('f'.repeat(40))?.changes).toEqual([]);
  });
});

describe('renames', () => {
  it('an event that renames around an unchanged value is not a change', () => {
    const at = (n: number, env: string, from: string | null, to: string | null, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({
      commit: String(n).repeat(40).slice(0, 40),
      author: 'Ana',
      email: 'a@x',
      date: `2026-01-0${n}T00:00:00Z`,
      committed: `2026-01-0${n}T00:00:00Z`,
      subject: `c${n}`,
      body: '',
      file: `${env}.yaml`,
      from,
      to,
      merge: false,
      revert: false,
      order: 9 - n,
      ...extra,
    });
    const d = {
      key: 'POOL',
      kind: 'cross-env',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: { staging: { repo: '5' }, production: { repo: '7' } },
      contract: null,
      notes: [],
    } as unknown as Divergence;
    const history = {
      staging: [at(1, 'staging', null, '5')],
      production: [at(3, 'production', '7', '7', { renamedFrom: 'OLD_POOL' }), at(2, 'production', '5', '7'), at(1, 'production', null, '5')],
    };
    const verdict = explain(d, history, { promotion: ['staging', 'production'], environments: ['staging', 'production'] });
    const reasons = verdict.reasons.join('\n');
    expect(reasons).not.toMatch(/"7" → "7"/);
    expect(reasons).toMatch(/production changed it "5" → "7" in 2222222/);
  });
});

// Session 5 (lead): a security fix on its way to production is not an expected difference. In
// memory (the rule reads the text, not git).
describe('a security fix rolling out', () => {
  const created: Step = { subject: 'create', date: '2026-01-05T10:00:00Z', set: { staging: ['', '1.4.2'], production: ['', '1.4.2'] } };
  const bump = (subject: string, author?: string): Step => ({
    subject,
    date: '2026-01-20T10:00:00Z',
    set: { staging: ['1.4.2', '1.4.3'] },
    ...(author ? { author, email: '49699333+dependabot[bot]@users.noreply.github.com' } : {}),
  });

  it.each([
    'chore(deps): bump openssl to 3.0.14 (CVE-2024-5535) — staging first, prod after the soak',
    'libxml2 security patch, rolling to production next week',
    'Bump log4j, fixes GHSA-jfh8-c2jp-5v3q. Prod follows after QA',
    'fix(deps): update dependency undici to v6.21.1 [SECURITY] — staging first, prod to follow',
  ])('%s: finish the rollout, never declare the lag', (message) => {
    const verdict = judge('image.tag', [created, bump(message)], '2026-01-26');
    expect(verdict).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '1.4.3' });
    expect(verdict.confidence).toBeLessThan(0.6);
  });

  it("a dependency bot's security bump: the bot says what it fixes, so the rollout is still finished", () => {
    const verdict = judge(
      'image.tag',
      [created, bump('Bump api image to 1.4.3 (security fix) in staging; production to follow', 'dependabot[bot]')],
      '2026-01-26',
    );
    expect(verdict).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '1.4.3' });
  });

  it('a rollout that fixes nothing stays declared while it is in progress', () => {
    const verdict = judge('image.tag', [created, bump('bump api to 1.4.3 — staging first, prod after the soak')], '2026-01-26');
    expect(verdict.suggested).toBe('declare');
  });
});

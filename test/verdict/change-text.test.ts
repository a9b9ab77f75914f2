// The comment beside a value is the change's text in full (session 15): read through the same
// intent reader as a commit message — a fix for every environment, an incident, a test, a time
// limit — not only for what keeps the value apart. Phrasings of our own, none from a verdict
// story; in memory.
import { describe, expect, it } from 'vitest';
import { judge, outsideContract, type Step } from './memory-story.js';

const bare = (subject: string, from: string, to: string): Step[] => [
  { subject: 'service config', date: '2026-03-02T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
  { subject, date: '2026-11-18T10:00:00Z', set: { staging: [from, to] } },
];

describe('a bare commit whose comment beside the value says the fix is for every environment', () => {
  it.each([
    ['pool', '5', '20', 'was 5: connections ran out under load in SEV-12; the right size for every environment'],
    ['timeouts', '3', '30', '30 everywhere - 3 was a typo (missing zero)'],
    ['update', '100', '400', 'Fix aus INC-88, gilt für alle Umgebungen'],
    ['tweak', '0.5', '2.0', 'below 1 every retry came sooner (INC-41); fixed for all envs'],
  ])('%s: %s', (subject, from, to, note) => {
    const v = judge('client.retry.factor', bare(subject, from, to), '2026-12-04', { staging: note });
    expect(v.suggested).toBe('backfill');
    expect(v.drifted).toBe('production');
  });

  it('a comment that keeps the value to its environment still keeps it', () => {
    const v = judge('client.retry.factor', bare('pool', '5', '20'), '2026-12-04', { staging: 'staging only: the load generator needs the bigger pool' });
    expect(v.suggested).toBe('declare');
  });
});

describe('a comment that makes the value temporary is a wait, never a keep', () => {
  const test: Step[] = [
    { subject: 'cache config', date: '2026-03-02T10:00:00Z', set: { staging: ['', '300'], production: ['', '300'] } },
    { subject: 'cache ttl', date: '2026-08-10T10:00:00Z', set: { staging: ['300', '5'] } },
  ];
  it.each([
    'temporary for the soak test, drop it afterwards',
    'only while the replay benchmark runs - put it back to 300 after',
    'provisoire : pour le test de charge, à retirer ensuite',
  ])('%s', (note) => {
    const v = judge('cache.ttlSeconds', test, '2026-12-04', { staging: note });
    expect(v.suggested).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it.each(['temporary until 2026-09-30, then back to 300', 'remove after 30.09.2026 (load test)', 'bis 30.09.2026, danach wieder 300'])(
    'dated and past: %s',
    (note) => {
      const v = judge('cache.ttlSeconds', test, '2026-12-04', { staging: note });
      expect(v.suggested).toBe('revert');
      expect(v.drifted).toBe('staging');
    },
  );
});

// A default never moves a value toward less protection (session 15): a value outside the contract
// with no word either way is a question — the contract may be the stale side — declared at 0.45;
// it goes back only where the value it holds is the weaker side (the contract's protection stands).
describe('a value outside the contract, with no word either way', () => {
  it.each([
    ['WORKER_COUNT', '"/^(4|8)$/"', '8', '12', 'workers'],
    ['pool.maxConnections', '"/^(50|100)$/"', '100', '250', 'prod pool'],
    ['QUEUE_VISIBILITY_SECONDS', '"/^(30|60)$/"', '60', '300', 'Anpassung Produktion'],
  ])('%s %s -> %s ("%s"): a question, declared', (key, allowed, from, to, subject) => {
    const v = outsideContract(key, allowed, from, to, subject);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/out of date|mistake/);
  });

  it.each([
    ['LOG_LEVEL', 'info', 'info', 'debug', 'prod logging'],
    ['REQUIRE_MFA', '"true"', 'true', 'false', 'mfa'],
    ['API_RATE_LIMIT_RPS', '"/^(100|200)$/"', '200', '0', 'limits'],
    ['replicas', '"/^(4|6)$/"', '4', '2', 'prod scale'],
  ])('%s %s -> %s: the weaker side goes back', (key, allowed, from, to, subject) => {
    const v = outsideContract(key, allowed, from, to, subject);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
  });
});

describe('a rollout past its date, with nothing named to wait for, is not rolled back toward less protection', () => {
  const rollout = (key: string, from: string, to: string): Step[] => [
    { subject: 'service config', date: '2026-03-02T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
    { subject: `${key}: rollout step 1, staging`, date: '2026-09-01T10:00:00Z', set: { staging: [from, to] } },
  ];
  it.each([
    ['REQUIRE_MFA', 'false', 'true'],
    ['tls.verifyPeer', 'false', 'true'],
    ['checkout.killSwitch', 'false', 'true'],
  ])('%s %s -> %s in staging: declared, asking', (key, from, to) => {
    const v = judge(key, rollout(key, from, to), '2026-12-04', {}, { declared: { reason: 'staged rollout, staging first', expires: '2026-10-31' } });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
  });

  it('a rollout that loosens nothing is still rolled back, asking', () => {
    const v = judge(
      'search.pageSize',
      rollout('search.pageSize', '20', '50'),
      '2026-12-04',
      {},
      { declared: { reason: 'staged rollout, staging first', expires: '2026-10-31' } },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
  });
});

// A question is open (session 15): a declare that asks (at most 0.5, with a question) is answered by
// a later text naming the key that says it can go back, as a declare that decided nothing is.
describe('a declare that asks is answered by a later undo', () => {
  const raised = (key: string): Step[] => [
    { subject: 'api config', date: '2026-03-02T10:00:00Z', set: { staging: ['', '5'], production: ['', '5'] } },
    { subject: `raise ${key} in staging so the contract test suite can hammer it`, date: '2026-06-10T10:00:00Z', set: { staging: ['5', '50'] } },
  ];
  it.each([
    ['ORDERS_MAX_PAGE', 'ORDERS_MAX_PAGE in staging is no longer needed at 50, it can go back to 5'],
    ['webhook.maxBurst', 'the raised webhook.maxBurst on staging has to go back to 5 now'],
    ['SEARCH_MAX_TERMS', 'SEARCH_MAX_TERMS staging override: not needed anymore'],
  ])('%s: "%s"', (key, later) => {
    const v = judge(key, [...raised(key), { subject: later, date: '2026-11-20T10:00:00Z', touched: ['docs/suite.md'] }], '2026-12-04');
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
  });
});

// One intent per key in a multi-key commit (session 15): the clause or item naming the key governs
// it; a follow or a rollout the message plans for the commit as a whole does not carry a key its own
// clause keeps to its environment, once the next deploy came.
describe('a key its own clause keeps to staging is not carried by the commit-wide rollout', () => {
  it.each([
    [
      'render: squash of #88',
      '- render.timeoutMs 3000 -> 5000, same value everywhere\n- render.previewCacheSeconds 60 in staging only, production keeps 3600\n\nRollout:\n- [x] staging\n- [ ] production (next deploy)',
    ],
    [
      'render timeout and preview cache',
      'Raise the render timeout to 5000 in every environment. The preview cache drops to 60 for QA on staging only (prod stays at 3600).\nProduction follows with the next deploy.',
    ],
    [
      'Render-Einstellungen (#91)',
      '* render.timeoutMs auf 5000, überall gleich\n* Vorschau-Cache (previewCacheSeconds) nur auf Staging 60, Prod bleibt bei 3600\n\nRollout: Prod mit dem nächsten Deploy',
    ],
    [
      'render settings (#93)',
      '- previewCacheSeconds: 60, staging only - prod keeps its hour\n- timeoutMs: 5000 for all envs\n- [ ] roll out to prod next week',
    ],
  ])('%s', (subject, body) => {
    const steps: Step[] = [
      {
        subject: 'render config',
        date: '2026-03-02T10:00:00Z',
        set: { staging: ['', '3600'], production: ['', '3600'] },
        also: { staging: ['render.timeoutMs', '', '3000'], production: ['render.timeoutMs', '', '3000'] },
      },
      { subject, body, date: '2026-11-10T10:00:00Z', set: { staging: ['3600', '60'] }, also: { staging: ['render.timeoutMs', '3000', '5000'] } },
      { subject: 'production: 5 replicas', date: '2026-11-17T10:00:00Z', also: { production: ['replicas', '4', '5'] } },
    ];
    const v = judge('render.previewCacheSeconds', steps, '2026-12-04');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});

// A production-first change whose text names the lower environment to follow is a backport due
// (session 15); the explanation never says nothing was read when the evidence shows something was.
describe('production first, the lower environment named to follow: backfill it', () => {
  it.each([
    ['Payments SDK 4.2 on production first, the provider forces it on 11-01. Staging follows when QA has a slot.'],
    ['prod first: search mapping v7 (the reindex only fits the prod window); staging to follow next sprint'],
    ['Production gets api version 2026-09 first, staging follows once someone has time for it'],
    ['SDK v7: production goes first (provider deadline). Staging is not forced; it follows when QA has a slot.'],
    ['Cert bundle v7 - production goes first because the old CA expires there. Staging (test CA) is not urgent; it follows later.'],
  ])('%s', (subject) => {
    const v = judge(
      'client.apiVersion',
      [
        { subject: 'client config', date: '2026-03-02T10:00:00Z', set: { staging: ['', 'v6'], production: ['', 'v6'] } },
        { subject, date: '2026-10-28T10:00:00Z', set: { production: ['v6', 'v7'] } },
      ],
      '2026-12-04',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: 'v7' });
    expect(v.reasons.join('\n')).not.toMatch(/nothing read in the change/);
  });
});

// The change's own text sends the value to the next environment now ("it must go to prod too"): as
// explicit as "everywhere", so the safety net does not turn it into a declare; a plan for later does not.
describe('a change whose text sends it to production now', () => {
  const steps = (subject: string, body: string): Step[] => [
    { subject: 'worker config', date: '2026-03-02T10:00:00Z', set: { staging: ['', 'lenient'], production: ['', 'lenient'] } },
    { subject, body, date: '2026-11-09T10:00:00Z', set: { staging: ['lenient', 'strict'] } },
  ];
  it.each([
    ['fix(ledger): strict rounding mode in staging (FIN-12)', 'Lenient rounding lost cents on refunds in staging. Must go to prod too.'],
    ['staging: fix the dedupe key mode', 'Duplicates in staging came from the lenient mode. Production needs it as well.'],
    ['isolation fix for the outbox, tried on staging', 'The lenient mode replays aborted rows; prod has the same bug and needs this too.'],
  ])('%s', (subject, body) => {
    const v = judge('worker.consistencyMode', steps(subject, body), '2026-12-04');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'strict' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('a plan for later is no send now: "prod next week"', () => {
    const v = judge('worker.consistencyMode', steps('strict mode in staging', 'Looks good so far, prod next week too.'), '2026-12-04');
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
});

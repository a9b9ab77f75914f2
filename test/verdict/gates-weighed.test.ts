// Holds and gates weighed against their answers (issue 10, the gates lane of session 17). Phrasings
// of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { judge, productionChange, TWO, type Step } from './memory-story.js';

// A later text that says "do not <verb> in <waiting env>" while the plan's gate is still pending ("not
// yet", "still", a date ahead, "until …") restates the hold: the plan stands and the environment that
// went ahead on it stays. A withdrawal says the plan itself is off ("not enabling it after all").
describe('a pending gate restated is the hold confirmed, not the plan withdrawn', () => {
  const start: Step = { subject: 'service defaults', date: '2026-06-01T10:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } };
  const plan = (key: string, subject: string, body: string): Step => ({ subject, body, date: '2026-11-17T10:00:00Z', set: { staging: ['false', 'true'] } });
  const doc = (path: string, text: string) => ({ path, text, step: 2 });
  const later: Step = { subject: 'status notes', date: '2026-12-01T10:00:00Z', touched: ['docs/status.md'] };
  const cases: Array<[string, string, string, string]> = [
    [
      'features.instantPayouts',
      'staging: turn on instant payouts',
      'Production once the bank signs the addendum (BANK-7).',
      '# Bank\n\n- BANK-7 addendum: legal review done, signing meeting scheduled for 2026-12-14. Do not switch production on before that.',
    ],
    [
      'features.cardOnFile',
      'enable card-on-file in staging',
      'Prod after the PCI assessment (SEC-40).',
      '# PCI\n\n- SEC-40: assessor on site next week. Still not assessed, so do not roll it out to production yet.',
    ],
    [
      'features.klarna',
      'staging: Klarna an',
      'Prod erst nach der Abnahme durch Klarna (KL-3).',
      '# Klarna\n\n- KL-3: Abnahme-Termin am 2026-12-11. Noch nicht abgenommen, do not enable in production until then.',
    ],
  ];
  it.each(cases)('%s', (key, subject, body, text) => {
    const v = judge(key, [start, plan(key, subject, body), later], '2026-12-04', {}, { documents: [doc('docs/status.md', text)] });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.deliberate).toBe('staging');
  });

  it('a plan called off is still a withdrawal', () => {
    const v = judge(
      'features.instantPayouts',
      [start, plan('features.instantPayouts', 'staging: turn on instant payouts', 'Production once the bank signs the addendum (BANK-7).'), later],
      '2026-12-04',
      {},
      {
        documents: [
          doc('docs/status.md', '# Bank\n\n- BANK-7: the bank declined the addendum. We are not enabling instant payouts after all; roll back staging.'),
        ],
      },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
  });
});

// A change made for a test that defers the waiting environment's decision to the result is weighed
// against the report that answers it: a later text about the key that recommends the value for that
// environment is the decision made (a backfill, explicit); a recommendation to keep it, or negated,
// answers nothing, and the question stays.
describe("a test's deferred decision is answered by the report that recommends the value", () => {
  const start: Step = { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', '16'], production: ['', '16'] } };
  const report: Step = { subject: 'results', date: '2026-11-26T10:00:00Z', touched: ['docs/results.md'] };
  const run = (key: string, subject: string, body: string, text: string, asCommit = false) => {
    const test: Step = { subject, body, date: '2026-11-16T10:00:00Z', set: { staging: ['16', '48'] } };
    if (asCommit) return judge(key, [start, test, { subject: text.split('\n')[0]!, body: text, date: '2026-11-26T10:00:00Z' }], '2026-12-04');
    return judge(key, [start, test, report], '2026-12-04', {}, { documents: [{ path: 'docs/results.md', text, step: 2 }] });
  };
  it.each([
    [
      'queue.prefetch',
      'soak test: prefetch 48 on staging',
      'This is only for the soak test. Decision for production after the results.',
      '# Soak results\n\n- queue.prefetch 48: no redeliveries in 48 h, CPU flat. Recommendation: 48 for production as well.',
      false,
    ],
    [
      'db.poolSize',
      'prueba de carga: pool 48 en staging',
      'Es solo para la prueba de carga. Decision for production after the evaluation.',
      '# Resultados\n\n- db.poolSize=48: p99 estable. Recomendamos 48 también en producción.',
      false,
    ],
    [
      'HTTP_WORKERS',
      'perf run: HTTP_WORKERS 48 in staging',
      'This is just for the perf run. We decide on production once the results are in.',
      'perf run results for HTTP_WORKERS\n\nThroughput +30 %, no errors. We recommend 48 for prod too.',
      true,
    ],
  ])('%s: backfill production', (key, subject, body, text, asCommit) => {
    const v = run(key, subject, body, text, asCommit);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('production');
    expect(v.value).toBe('48');
  });
  it.each([
    ['a keep', '# Soak results\n\n- queue.prefetch 48: fine in staging. Recommendation: keep production at 16 for now.'],
    ['a no', '# Soak results\n\n- queue.prefetch 48: redeliveries doubled. We do not recommend 48 for production.'],
  ])('%s answers nothing', (_, text) => {
    const v = run('queue.prefetch', 'soak test: prefetch 48 on staging', 'This is only for the soak test. Decision for production after the results.', text);
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.confidence).toBeLessThan(0.6);
  });
});

// A test dated by its own period ("Lasttest KW 48", "chaos week W47", "load test on 20.11.") is over
// when that period is; its setting goes back. A deferral that names another key of the same commit
// ("prod decision on HTTP_WORKERS after the evaluation") holds nothing of this one.
describe('a test dated by its week or day has ended when the period has', () => {
  const start: Step = { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } };
  it.each([
    ['retry.enabled', 'chaos week W46: retries off in staging', 'This is only for the chaos experiment.'],
    ['cache.enabled', 'Lasttest KW 46: Cache aus (staging)', 'Nur für den Lasttest!'],
    ['cdn.enabled', 'load test on 13.11.: CDN off on staging', 'Just for the load test.'],
  ])('%s: revert staging', (key, subject, body) => {
    const v = judge(key, [start, { subject, body, date: '2026-11-09T10:00:00Z', set: { staging: ['true', 'false'] } }], '2026-12-04');
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('true');
  });
  it('a week still ahead keeps the test setting', () => {
    const v = judge(
      'retry.enabled',
      [
        start,
        {
          subject: 'chaos week W50: retries off in staging',
          body: 'This is only for the chaos experiment.',
          date: '2026-12-01T10:00:00Z',
          set: { staging: ['true', 'false'] },
        },
      ],
      '2026-12-04',
    );
    expect(v.suggested).toBe('declare');
  });
});

// A value set for a test (load test, chaos, debugging, a QA run, a benchmark) never moves toward
// production without a recorded word that it is meant there, whatever its risk class: not on a plan,
// not on the gate's date passing (a date is not the test's result), not on a check nobody recorded.
describe('a value set for a test never moves toward production on a plan or a date', () => {
  it.each([
    ['log.level', 'info', 'debug', 'debug logging on staging for the repro', 'Production follows after 2026-11-20.'],
    ['http.retries', '3', '10', 'chaos week: retries 10 in staging', 'For the chaos experiment. Production after 20.11.'],
    ['cache.ttlSeconds', '60', '5', 'QA run: cache ttl 5s on staging', 'So QA can see fresh prices. prod gets it after the QA run (2026-11-20).'],
    ['db.pool.max', '20', '80', 'staging: pool 80 for the load test on Friday', 'Prod follows after it (20.11.).'],
    ['queue.batchSize', '100', '500', 'benchmark: batch 500 on staging', 'prod after the benchmark on 2026-11-20 if it helps'],
  ])('%s', (key, a, b, subject, body) => {
    const v = judge(
      key,
      [
        { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', a], production: ['', a] } },
        { subject, body, date: '2026-11-10T10:00:00Z', set: { staging: [a, b] } },
      ],
      '2026-12-04',
    );
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question ?? '').toMatch(/production/);
  });
});

// A contract declaration whose reason is a rollout ("search v2 canary (staging first)") is stale once
// the last environment takes the value on a recorded go — GA, 100 % in production, rollout complete —
// so the declaration goes; a GA is never reverted by default. A finish still planned ("before GA")
// is not one.
describe("a rollout's declaration ended by the go that finished it is stale", () => {
  const verdictOn = (key: string, reason: string, subject: string, body = '') => {
    const contract = parseContract(
      yamlFileFromText(`expected_differences:\n  ${key}:\n    staging: "true"\n    production: "false"\n    reason: "${reason}"\n`, 'c.yaml'),
      TWO,
    );
    const { message, event } = productionChange(subject, body, 'false', 'true');
    const violation = {
      key,
      kind: 'contract-violation',
      severity: 'drift',
      envs: ['production'],
      values: { staging: { repo: 'true', live: null }, production: { repo: 'true', live: null } },
      contract: { key, allowed: { production: 'false' }, reason },
      notes: [],
    } as unknown as Divergence;
    const log = buildLog(new Map([['production', new Map([[key, [event]]])]]), [message]);
    return explain(violation, { staging: [], production: [event] }, { promotion: TWO, environments: TWO, today: '2026-12-04', contract, log });
  };
  it.each([
    ['PAYMENTS_V2', 'payments v2 canary (staging first)', 'payments v2: generally available', 'On for every production customer since the review.'],
    ['SEARCH_UI_NEW', 'phased rollout of the new search UI', 'search ui: rollout complete, 100 % of prod traffic', ''],
    ['NEUER_CHECKOUT', 'Rollout: erst Staging, dann Produktion', 'Neuer Checkout in Produktion', 'Rollout abgeschlossen nach zwei Wochen bei 50 %.'],
  ])('%s: the declaration goes, production keeps its value', (key, reason, subject, body) => {
    const v = verdictOn(key, reason, subject, body);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.deliberate).toBe('production');
    expect(v.reasons.join('\n')).toMatch(/remove .* from the contract/);
  });
  it('a finish still planned is no finish', () => {
    const v = verdictOn(
      'PAYMENTS_V2',
      'payments v2 canary (staging first)',
      'payments v2 on in production before GA',
      'Internal users only until 100 % next month.',
    );
    expect(v.reasons.join('\n')).not.toMatch(/rollout the declaration was for is finished/);
  });
});

// A rollout plan that says in so many words that nothing holds the next step ("no feature flag",
// "ohne Flag", "no gate") has its step due, not waited for; a scope stated in the same commit for
// another key ("the chaos delay stays staging-only") keeps that key, not this one. A code review
// trailer is no gate either.
describe('a rollout that says nothing holds the next step', () => {
  const base = (key: string, other: string): Step => ({
    subject: 'service config',
    date: '2026-04-01T10:00:00Z',
    set: { staging: ['', 'false'], production: ['', 'false'] },
    also: { staging: [other, '0', '0'] },
  });
  it.each([
    [
      'search.client.retryOn429',
      'fix(search): retry on 429 from the index',
      'We drop queries instead of retrying.\n\nRollout: staging -> production, no feature flag.',
    ],
    [
      'orders.idempotentWrites',
      'orders: idempotent writes',
      'Duplicate orders on client retries.\n\nRollout: erst Staging, dann Prod (ohne Flag).\nReviewed-by: Ana Lima',
    ],
    ['mail.dkimSign', 'mail: sign outgoing mail with DKIM', 'Staging first, then production; no toggle needed.'],
  ])('%s: backfill production', (key, subject, body) => {
    const v = judge(key, [base(key, 'chaos.delayMs'), { subject, body, date: '2026-11-10T10:00:00Z', set: { staging: ['false', 'true'] } }], '2026-12-04');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('production');
  });
  it("another key's staging-only clause keeps that key, not the fix", () => {
    const subject = 'fix(payments): retry the PSP on 502';
    const body =
      'We fail captures instead of retrying. Also adds a 200 ms chaos delay in front of the PSP sandbox in staging (staging-only chaos, stays).\n\nRollout: staging -> production (no flag)';
    const steps = (key: string): Step[] => [
      { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', '0'], production: ['', '0'] } },
      {
        subject,
        body,
        date: '2026-11-10T10:00:00Z',
        set: { staging: ['0', key === 'psp.chaos.delayMs' ? '200' : '1'] },
        also: { staging: [key === 'psp.chaos.delayMs' ? 'psp.client.retryOn502' : 'psp.chaos.delayMs', '0', key === 'psp.chaos.delayMs' ? '1' : '200'] },
      },
    ];
    const fix = judge('psp.client.retryOn502', steps('psp.client.retryOn502'), '2026-12-04');
    const chaos = judge('psp.chaos.delayMs', steps('psp.chaos.delayMs'), '2026-12-04');
    expect(fix.suggested, fix.reasons.join('\n')).toBe('backfill');
    expect(chaos.suggested === 'backfill' && chaos.drifted === 'production', chaos.reasons.join('\n')).toBe(false);
  });
});

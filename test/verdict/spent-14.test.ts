// Readers corrected after holdout-14 was spent. Phrasings of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handGrant, judge, type Step } from './memory-story.js';

// The change held the other environment back until a dated check ("decide prod after the soak on
// 20.11.", "prod once the benchmark of 2026-11-10 shows it helps") and nothing records what the
// check showed. The gate's date passing is not its outcome: whether production takes the value is
// what the missing check was to decide, so no default moves it there (a question, the difference
// declared while someone finds the result).
describe('a dated check whose outcome nobody recorded sends nothing to production', () => {
  const cases: Array<[string, string, string]> = [
    ['http.maxConnections', 'staging: http.maxConnections 200', 'Trying whether it cuts the tail latency. Production decision after the soak test on 20.11.'],
    ['cache.sizeMb', 'raise staging cache to 2048', 'Prod follows once the benchmark on 2026-11-10 shows it helps.'],
    ['worker.threads', 'staging: worker.threads 32', 'Für prod entscheiden wir nach dem Lasttest am 15.11.'],
  ];
  it.each(cases)('%s', (key, subject, body) => {
    const steps: Step[] = [
      { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', '16'], production: ['', '16'] } },
      { subject, body, date: '2026-11-02T10:00:00Z', set: { staging: ['16', '64'] } },
    ];
    const v = judge(key, steps, '2026-12-04');
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question ?? '').toMatch(/production/);
  });
});

// A grant added by hand whose own note states its end ("remove after the incident", "drop once the
// migration is done"), and a document citing its ticket reports that end met (the incident closed,
// the migration finished) though the commit that wrote the document says only "incident review":
// the grant's stated time is over, so it goes from the cluster; declaring it keeps the widened
// access open. The document is read as the commit's own words are.
describe("a document citing an object's ticket reports the end its note states", () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-04' };
  const written = '2026-11-20T10:00:00Z';
  const commit = (subject: string) => ({ sha: 'e'.repeat(40), parents: [], subject, body: '', author: 'Ana', email: 'a@x', date: written, committed: written });
  const grant = handGrant;
  const run = (d: Divergence, subject: string, path: string, text: string) =>
    explain(d, {}, { ...context, log: buildLog(new Map(), [commit(subject)], [{ path, text, sha: 'e'.repeat(40) }]) });

  it.each([
    [
      'Role/reports',
      'OPS-311 debugging - remove after the incident',
      'postmortem OPS-311',
      'docs/pm/OPS-311.md',
      '# OPS-311\n\nCause: a stale cache key.\nStatus: resolved 2026-11-18.',
    ],
    [
      'RoleBinding/ci-deployer',
      'MIG-77: cluster-admin for the move, drop once the migration is done',
      'MIG-77 notes',
      'docs/mig/MIG-77.md',
      '# MIG-77\n\nThe migration is complete: all tenants moved on 2026-11-15.',
    ],
    [
      'ClusterRoleBinding/debug-admin',
      'temporary for CASE-88, remove when the outage is over',
      'CASE-88 timeline',
      'docs/cases/CASE-88.md',
      '# CASE-88\n\nThe outage ended at 03:10 on 2026-11-12 and the case is closed.',
    ],
    [
      'Role/billing',
      'SEC-12 Analyse - entfernen nach dem Vorfall',
      'Nachbetrachtung SEC-12',
      'docs/vorfall/SEC-12.md',
      '# SEC-12\n\nUrsache: falscher Pfad.\nStatus: closed 2026-11-19.',
    ],
  ])('%s: the grant goes from the cluster', (key, note, subject, path, text) => {
    const v = run(grant(key, note), subject, path, text);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('production');
  });

  it('a document that reports the incident still open keeps the question', () => {
    const v = run(
      grant('Role/reports', 'OPS-311 debugging - remove after the incident'),
      'OPS-311 notes',
      'docs/pm/OPS-311.md',
      '# OPS-311\n\nStatus: open, still investigating.',
    );
    expect(v.suggested).not.toBe('revert');
  });
});

// A setting changed "only for the test" whose same text defers the other environment's decision to
// the test's result ("decision for production after the evaluation"): the test scope says the value
// was not set FOR production, not that production is never to take it. Declaring the difference
// for good is not an answer to rest confidence on; the question is what the test showed.
describe("a test setting whose text defers the other environment's decision to the result is a question", () => {
  it.each([
    ['queue.prefetch', 'load test: prefetch 200 (staging only)', 'Only for the load test. Decision for production after the evaluation.'],
    ['db.poolSize', 'perf run: pool 50 in staging, just for the test', 'We decide on production once the results are in.'],
    ['worker.threads', 'Lasttest: 32 Threads (staging)', 'Nur für den Lasttest! Produktion: Entscheidung nach der Auswertung.'],
  ])('%s', (key, subject, body) => {
    const steps: Step[] = [
      { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', '16'], production: ['', '16'] } },
      { subject, body, date: '2026-11-23T10:00:00Z', set: { staging: ['16', '64'] } },
    ];
    const v = judge(key, steps, '2026-12-04');
    expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.6);
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.question ?? '').toMatch(/production/);
  });
});

// A rollout planned stage → production that names nothing to wait for: the attestation trailers
// git carries ("Reviewed-by:", "Signed-off-by:", "Tested-by:") record a check already made, never a
// gate the next step waits on. Without a gate, "production when it is signed off" is not in the
// text, so it is no ground for a confident declare.
describe('attestation trailers are no gate a rollout waits on', () => {
  it.each([
    [
      'client.retryOnTimeout',
      'retry upstream timeouts',
      'Retries the idempotent calls.\n\nReviewed-by: Ola Berg <ola@example.test>\nRollout: staging -> production',
    ],
    ['cache.warmOnStart', 'warm the cache on start', 'Cold starts were slow.\n\nSigned-off-by: Jo Park <jo@example.test>\nRollout: staging, then production'],
    [
      'http.gzip',
      'enable gzip responses',
      'Saves egress.\n\nTested-by: Ana Ruiz <ana@example.test>\nApproved-by: Li Wei <li@example.test>\nRollout: staging -> production',
    ],
  ])('%s', (key, subject, body) => {
    const steps: Step[] = [
      { subject: 'service config', date: '2026-04-01T10:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } },
      { subject, body, date: '2026-11-24T10:00:00Z', set: { staging: ['false', 'true'] } },
    ];
    const v = judge(key, steps, '2026-12-04');
    expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.6);
    expect(v.question ?? '').toMatch(/production/);
  });
});

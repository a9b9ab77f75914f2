// Leftovers past their end and gates passed, session 25 (spent lane c of holdout-22): a load test's
// setting written in Brazilian Portuguese's contractions ("pro teste", "volta ao normal"); a soak
// report's list items read one by one, and "no pending pods" is nothing waiting; a weakening the
// contract declared until a date that has passed. Phrasings of our own, none from a story; in memory.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import { pendingFor } from '../../src/verdict/pending.js';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { judge, type Step } from './memory-story.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');

/** staging's `key` changed from `from` to `to` on 2026-10-05 with `subject`/`body`, production still
 * at `from`, read on 2026-12-05. */
function leftover(key: string, from: string, to: string, subject: string, body: string) {
  const created = bo('2026-06-10T07:00:00Z', 'config per environment');
  const change = ana('2026-10-05T09:30:00Z', subject, body);
  const file = (env: string) => `.env.${env}`;
  const base = (env: string) => ({ ...eventOf(created, file(env), null, from, { merge: false, revert: false }), order: 1 });
  return explainCrossEnv({
    key,
    history: {
      staging: [{ ...eventOf(change, file('staging'), from, to, { merge: false, revert: false }), order: 0 }, base('staging')],
      production: [base('production')],
    },
    messages: [change, created],
    values: { staging: to, production: from },
    type: 'number',
    today: '2026-12-05',
  });
}

describe('Portuguese contractions: "pro teste", "pra testar", "volta ao normal" say a test and a return', () => {
  it.each([
    ['the subject says the test, the body the return', 'staging: mais conexões pro teste de estresse', 'volta ao normal quando acabar.'],
    ['"pra testar" and "volta pro valor antigo"', 'staging: fila maior pra testar o consumidor', 'depois a gente volta pro valor antigo.'],
    ['"pro teste" alone in the subject, "volta à" in the body', 'staging: réplicas extras pro teste de failover', 'Depois volta à config antiga.'],
    ['"volta ao" after the test week', 'staging: lote maior', 'Semana de testes de carga; volta ao valor normal depois.'],
    ['a return alone, "voltar ao" with a day', 'staging: mais workers', 'temporário, voltar ao 8 na segunda.'],
    ['"pros testes" with "voltar à"', 'staging: limite mais alto pros testes da campanha', 'depois voltar à configuração original.'],
  ])('%s: staging goes back, never production forward', (_what, subject, body) => {
    const v = leftover('WORKER_CONCURRENCY', '8', '32', subject, body);
    const why = v.reasons.join('\n');
    expect(v.suggested, why).toBe('revert');
    expect(v.drifted, why).toBe('staging');
    expect(v.value, why).toBe('8');
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['a permanent raise', 'staging: mais workers', 'ajuste permanente, validado no teste de carga.'],
    ['kept for a peak', 'staging: mais workers pro pico da Black Friday', 'fica assim.'],
    ['"volta" as a noun ("na volta das férias")', 'staging: mais workers', 'decidido na volta das férias, fica.'],
  ])('no test or return read: %s', (_what, subject, body) => {
    const v = leftover('WORKER_CONCURRENCY', '8', '32', subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/says the change is temporary|for a test or a one-off/);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, why).toBe(false);
  });
});

describe('a gate report read item by item: "no pending pods" is nothing waiting', () => {
  it.each([
    ['a bullet list', '* 14 days at the new ceiling, no pending pods, cost as estimated\n* soak green, ready for prod'],
    ['a dashed list', '- two weeks without errors\n- nothing pending on our side\n- production can follow'],
    ['a numbered list', '1. soak done, zero pending jobs\n2. OK for production'],
    ['one sentence', 'Soak done with no pending pods, so production can follow.'],
  ])('%s: no wait read', (_what, text) => expect(pendingFor(text, 'production', '2026-12-05')).toBeUndefined());

  it.each([
    ['an item that waits', '- soak done\n- production: still pending the CAB', 'production: still pending the CAB'],
    ['a sentence that waits', 'Soak done. Production pending sign-off by finance.', 'Production pending sign-off by finance.'],
    ['"not yet" in an item', '* staging soak green\n* not yet approved for production', 'not yet approved for production'],
    ['"pending" after an unrelated "no"', 'No, production is pending the review.', 'No, production is pending the review.'],
  ])('%s: still waits', (_what, text, sentence) => expect(pendingFor(text, 'production', '2026-12-05')?.replace(/^[-*\d.\s]+/, '')).toBe(sentence));

  const start: Step = { subject: 'cluster sizes', date: '2026-05-10T10:00:00Z', set: { staging: ['', '6'], production: ['', '6'] } };
  const raise = (body: string): Step => ({
    subject: 'Raise the autoscaler ceiling to 12 (#88)',
    body,
    date: '2026-11-03T10:00:00Z',
    set: { staging: ['6', '12'] },
  });
  const report = (body: string): Step => ({ subject: 'Soak report: ceiling 12 (#95)', body, date: '2026-11-20T10:00:00Z', touched: ['docs/soak.md'] });

  it.each([
    [
      'English bullets',
      '* staging first\n* prod follows after a two-week soak if cost looks ok',
      '* 14 days, peak 11 nodes, no pending pods\n* soak green, ready for prod',
    ],
    [
      'dashes, "no pending" mid-item',
      '- staging now\n- production after two weeks of soak',
      '- 16 days, no pending pods, no evictions\n- soak passed, OK for production',
    ],
  ])('%s: the soak passed, production takes the value', (_what, plan, done) => {
    const v = judge('cluster.maxNodes', [start, raise(plan), report(done)], '2026-12-05');
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/still waits for the gate/);
    expect(v.suggested, why).toBe('backfill');
    expect(v.drifted, why).toBe('production');
    expect(v.value).toBe('12');
  });

  it('an item that says production still waits keeps the gate closed', () => {
    const v = judge(
      'cluster.maxNodes',
      [
        start,
        raise('* staging first\n* prod follows after a two-week soak if cost looks ok'),
        report('* 14 days, no pending pods\n* prod: still pending the cost review'),
      ],
      '2026-12-05',
    );
    const why = v.reasons.join('\n');
    expect(v.suggested === 'backfill' && v.drifted === 'production', why).toBe(false);
  });
});

describe('a weakening the contract declared until a date that has passed goes back in the lower environment', () => {
  const start = (key: string, value: string): Step => ({
    subject: 'service config',
    date: '2026-02-10T10:00:00Z',
    set: { staging: ['', value], production: ['', value] },
  });
  const on = (subject: string, body: string, from: string, to: string): Step => ({
    subject,
    body,
    date: '2026-10-20T10:00:00Z',
    set: { staging: [from, to] },
    touched: ['config/expected-env-diff.yaml'],
  });
  const closed: Step = { subject: 'close the investigation', date: '2026-11-10T10:00:00Z', touched: ['db/migrations/0142.sql'] };

  it.each([
    [
      'SQL tracing, English',
      'SQL_TRACE',
      'false',
      'true',
      'PERF-12: SQL tracing on in staging',
      'We need the query plans of the search.',
      'PERF-12 slow search',
    ],
    ['debug logging, German', 'LOG_LEVEL', 'info', 'debug', 'Staging: Debug-Logging an', 'Für die Analyse der Timeouts.', 'INC-7 Analyse'],
    [
      'verbose logging, a language not read',
      'VERBOSE_LOGGING',
      'false',
      'true',
      'staging: utförlig loggning på',
      'Vi behöver se anropen.',
      'felsökning av betalningar',
    ],
    [
      'verification off, Spanish',
      'SKIP_SIGNATURE_CHECK',
      'false',
      'true',
      'staging: sin verificación de firmas',
      'Para depurar el proveedor.',
      'depuración del proveedor',
    ],
  ])('%s', (_what, key, safe, weak, subject, body, reason) => {
    const v = judge(
      key,
      [start(key, safe), on(subject, body, safe, weak), closed],
      '2026-12-05',
      {},
      {
        declared: { reason, expires: '2026-11-15', allowed: { staging: weak, production: safe } },
      },
    );
    const why = v.reasons.join('\n');
    expect(v.suggested, why).toBe('revert');
    expect(v.drifted, why).toBe('staging');
    expect(v.value, why).toBe(safe);
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
    expect(why).toMatch(/only until 2026-11-15, which has passed/);
  });

  it("production's own weakening, declared and expired, is not undone by this rule", () => {
    const key = 'RATE_LIMIT_ENABLED';
    const steps: Step[] = [
      { subject: 'limits', date: '2026-02-10T10:00:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } },
      { subject: 'production: rate limit off for the partner import', date: '2026-10-20T10:00:00Z', set: { production: ['true', 'false'] } },
    ];
    const v = judge(
      key,
      steps,
      '2026-12-05',
      {},
      { declared: { reason: 'partner import', expires: '2026-11-15', allowed: { staging: 'true', production: 'false' } } },
    );
    expect(v.reasons.join('\n')).not.toMatch(/which has passed: revert/);
  });

  it('an expired declaration of a value that weakens nothing is left to the other rules', () => {
    const steps: Step[] = [start('DB_POOL', '20'), on('staging: pool 40 for the new search', '', '20', '40')];
    const v = judge(
      'DB_POOL',
      steps,
      '2026-12-05',
      {},
      { declared: { reason: 'search rollout', expires: '2026-11-15', allowed: { staging: '40', production: '20' } } },
    );
    expect(v.reasons.join('\n')).not.toMatch(/weakened .* only until/);
  });

  it('a weakening without a contract entry is still only declared', () => {
    const v = judge(
      'SQL_TRACE',
      [start('SQL_TRACE', 'false'), on('PERF-12: SQL tracing on in staging', 'We need the query plans.', 'false', 'true')],
      '2026-12-05',
    );
    const why = v.reasons.join('\n');
    expect(why).not.toMatch(/only until/);
    expect(v.suggested === 'backfill' && v.drifted === 'production', why).toBe(false);
  });
});

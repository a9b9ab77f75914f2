// holdout-16's spent fixes (session 18), each as a principle with phrasings and kinds of its own.
import { describe, expect, it } from 'vitest';
import type { Divergence, HistoryEvent, Provenance } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { readIntent, withdrawalIn } from '../../src/verdict/intent.js';
import { keyName } from '../../src/verdict/documents.js';
import { judge } from './memory-story.js';

const event = (file: string, to: string, date = '2026-03-01T10:00:00Z'): HistoryEvent => ({
  commit: 'c'.repeat(40),
  author: 'Ana',
  email: 'a@x',
  date,
  committed: date,
  subject: 'secrets',
  body: '',
  file,
  from: null,
  to,
  merge: false,
  revert: false,
  order: 3,
});
const byHand: Provenance = { manager: 'kubectl-edit', operation: 'Update', time: '2026-11-21T10:00:00Z', exact: true, human: true, kind: 'human' };

// A secret changed by hand live is read as a rotation by default (backfill a reference); but a hand
// edit may as well have put another environment's credential in (holdout-16/43). No text says which,
// so the default is never confident and asks what decides it.
describe('a secret changed by hand live, nothing written about it', () => {
  const cases: Array<[string, string, string, string]> = [
    ["staging's DB password", 'Secret/app-db.data.DB_PASSWORD', 'staging', 'production'],
    ["dev's API token", 'Secret/payments.data.PSP_API_TOKEN', 'dev', 'prod'],
    ["qa's signing key", 'Secret/webhooks.data.SIGNING_KEY', 'qa', 'live'],
  ];
  it.each(cases)('%s: a rotation is asked, not asserted', (_what, key, env, other) => {
    const own = event(`k8s/${env}/secret.yaml`, 'secret:111111111111 (14 bytes)');
    const d = {
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: [env],
      values: { [env]: { repo: own.to, live: 'secret:54dad1132fe5 (14 bytes)', at: { file: own.file, line: 1, column: 1 }, type: 'secret' } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { [env]: byHand },
    } as unknown as Divergence;
    const log = buildLog(new Map([[env, new Map([[key, [own]]])]]), []);
    const v = explain(d, { [env]: [own] }, { promotion: [env, other], environments: [env, other], today: '2026-12-04', log });
    expect(v.suggested).not.toBe('revert');
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question).toMatch(/another environment's credential/);
  });
});

// A later review that refuses to carry a staged value further (holdout-16/18): the refusal names the
// step ("do not take 3600 to production", "don't ship it to prod") or puts the lead back ("set staging
// back to 60"); and prose names a key whose leaf is one word by its parent too ("cache TTL" for
// authz.cache.ttlSeconds), so the text is found as being about the key.
describe('a later text withdrawing a staged value', () => {
  it.each([
    ['do not take the value to production', 'Do not take 3600 to production; the access policy requires 60 s.'],
    ['not ship it to prod', 'We will not ship the new timeout to prod, it breaks the SLA.'],
    ['never promote it', 'This must never be promoted to live: revocations would lag by an hour.'],
    ['set the lead back', 'Please set staging back to 60 as well so tests reflect the real behaviour.'],
    ['put the lead back', 'put stage back to the old pool size, the load test was flawed'],
  ])('%s', (_what, text) => {
    expect(withdrawalIn(text, '3600')).toBeTruthy();
  });

  it.each([
    ['a plan going ahead', 'Take 3600 to production after the freeze.'],
    ['a back-off setting', 'the client backs off and retries after 60 s'],
  ])('%s is no withdrawal', (_what, text) => {
    expect(withdrawalIn(text, '3600')).toBeUndefined();
  });

  it.each([
    ['authz.cache.ttlSeconds', 'Review: authz cache TTL 3600 s (proposed 10 Nov)'],
    ['http.client.timeoutMs', 'The client timeout of 2 s is too short for the PSP.'],
    ['server.read.timeoutSeconds', 'a read timeout of 30 s drops the export'],
  ])('%s is named by its parent and leaf', (key, text) => {
    expect(keyName(key)?.pattern.test(text)).toBe(true);
  });

  it('a one-word leaf alone does not name the key', () => {
    expect(keyName('authz.cache.ttlSeconds')?.pattern.test('the TTL of the DNS record is 60 s')).toBe(false);
  });
});

// An environment-only scope denied ("this is not a staging-only experiment", holdout-16/35) says the
// value is meant beyond the environment it went into: the change's own everywhere, in every language read.
describe('an environment-only scope denied', () => {
  const intentOf = (subject: string, body: string) =>
    readIntent({ subject, body, author: 'Ana', email: 'a@x', date: '2026-11-24T10:00:00Z' }, 'staging', ['dev', 'staging', 'production']);
  it.each([
    ['English, "-only" denied', 'fix(worker): raise the visibility timeout', 'This is not a staging-only experiment: production is where it hurts.'],
    ['English, "just for"', 'pool: 40 connections', 'Not just for dev, the same pool exhaustion is in production.'],
    ['German', 'Timeout auf 120 s', 'Das ist nicht nur für Staging gedacht, Produktion braucht es auch.'],
    ['Spanish', 'timeout a 120 s', 'No es solo para staging: producción lo necesita más.'],
    ['French', 'timeout à 120 s', "Ce n'est pas seulement pour la préprod, la prod en a besoin."],
  ])('%s', (_what, subject, body) => {
    expect(intentOf(subject, body).everywhere).toBeTruthy();
  });

  it.each([
    ['a staging-only experiment', 'timeout 120 in staging', 'A staging-only experiment, not for production.'],
    ['not just for fun', 'pool 40', 'Not just for fun: the import needs it in staging.'],
  ])('%s is no everywhere', (_what, subject, body) => {
    expect(intentOf(subject, body).everywhere).toBeFalsy();
  });
});

it("a key named by its parent is still named by its leaf as written (the quick filter's run is in both)", () => {
  expect(keyName('authz.cache.ttlSeconds')?.pattern.test('authz.ttlSeconds: 60')).toBe(true);
  expect('authz.ttlseconds: 60'.includes(keyName('authz.cache.ttlSeconds')!.run!)).toBe(true);
  expect('the cache ttl'.includes(keyName('authz.cache.ttlSeconds')!.run!)).toBe(true);
});

// A comment beside a test value that gives its end as a condition ("12月1日のリリース後に削除", holdout-16/21):
// the value is qa's own only until then, and no reader dates the condition: whether it came is asked, never
// a confident declare (nor a copy onward).
describe('a test value whose comment gives its end as a condition', () => {
  const steps = [
    {
      subject: 'login config',
      date: '2026-04-01T10:00:00Z',
      set: { qa: ['', '5'], staging: ['', '5'], production: ['', '5'] } as Record<string, [string, string]>,
    },
    { subject: 'qa: 自動テスト用に変更', date: '2026-11-05T10:00:00Z', set: { qa: ['5', '0'] } as Record<string, [string, string]> },
  ];
  // A removal planned after a dated event is an end the comment dates (intent.ts plannedRemoval): past it, the
  // test value goes.
  it('after the 1 December release, remove: the comment dates its end, which has passed', () => {
    const v = judge('OTP_RETRY_LIMIT', steps, '2026-12-04', { qa: 'QA自動テスト用、12月1日のリリース後に削除' }, { envs: ['qa', 'staging', 'production'] });
    expect(v.suggested).toBe('revert');
    expect(v.drifted).toBe('qa');
  });
  it.each([
    ['once the migration is done, back', 'E2Eテスト用。移行完了後に戻す'],
    ['from the next sprint on, off', '負荷試験用、次のスプリント以降は無効'],
  ])('%s', (_what, note) => {
    const v = judge('OTP_RETRY_LIMIT', steps, '2026-12-04', { qa: note }, { envs: ['qa', 'staging', 'production'] });
    expect(v.suggested).not.toBe('backfill');
    expect(v.confidence).toBeLessThan(0.6);
  });
});

// Plans read as structures, not phrases (src/verdict/intent.ts, languages.ts): an end planned as
// turning something back on ("re-enable after", "turn back on after", "restore after", "à remettre",
// "wieder einschalten nach"), "for the duration of" an event ("le temps de", "während", "durante",
// "per la durata di"), a rollout gated on a named release ("goes with 4.2", "ships with 4.2", "prod
// in the 4.2 train"), a typo fixed ("is X, not Y", "(typo)", "prod has the same typo"). Phrasings of
// our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { readIntent, type CommitText } from '../../src/verdict/intent.js';

const ENVS = ['dev', 'staging', 'production'];
const commit = (subject: string, body = ''): CommitText => ({ subject, body, author: 'Lea Roux', email: 'lea@example.test', date: '2026-11-02T10:00:00Z' });
const intentOf = (subject: string, body = '', env = 'staging') => readIntent(commit(subject, body), env, ENVS);

describe('an end planned as turning it back on', () => {
  it.each([
    ['disable CSRF checks on staging, re-enable after the pentest (2026-11-20)', '2026-11-20'],
    ['turn the rate limit back on after 20/11', '2026-11-20'],
    ['cache bypass in staging; restore after the reindex (2026-11-20)', '2026-11-20'],
    ['Captcha aus auf staging, wieder einschalten nach dem 20.11.', '2026-11-20'],
    ['CSRF désactivé en staging, à remettre après le 20/11', '2026-11-20'],
    ['switch it back on by 20.11', '2026-11-20'],
  ])('%s', (subject, until) => {
    const intent = intentOf(subject);
    expect(intent.temporary?.until ?? intent.scope?.phrase).toBeDefined();
    expect(intent.temporary?.until).toBe(until);
  });

  it.each(['re-enabled the cache after the reindex', 'restored the old limit after the incident', 'turned the flag back on'])(
    'a report of it done is no plan: %s',
    (subject) => {
      expect(intentOf(subject).temporary).toBeUndefined();
    },
  );
});

describe('a run named as a noun is the plan, not an observation', () => {
  it.each([
    ['soak: higher pool in staging (soak run until 28.11)', '2026-11-28'],
    ['benchmark run until 20/11, then back to 30', '2026-11-20'],
    ['chaos test run in staging until 2026-11-20', '2026-11-20'],
  ])('%s', (subject, until) => {
    expect(intentOf(subject).temporary?.until).toBe(until);
  });

  it.each(['has run clean until today', 'running for 14 days without errors', 'the canary ran until the 20th without errors'])('observed: %s', (subject) => {
    expect(intentOf(subject).temporary).toBeUndefined();
  });
});

describe('for the duration of an event', () => {
  it.each([
    ['CSRF désactivé le temps de la migration front', 'migration front'],
    ['Rate-Limit aus während der Migration', 'migration'],
    ['caché desactivada durante la migración', 'migración'],
    ['cache spenta per la durata della migrazione', 'migrazione'],
    ['cache off for the duration of the migration', 'migration'],
  ])('%s', (subject, event) => {
    const t = intentOf(subject).temporary;
    expect(t).toBeDefined();
    expect((t?.event ?? t?.phrase ?? '').toLowerCase()).toContain(event);
  });
});

describe('a rollout gated on a named release', () => {
  it.each([
    'Staging now; prod goes with 4.2.',
    'new retry policy in staging, production ships with 4.2',
    'enable in staging; prod in the 4.2 train',
    'staging first, production comes with release 2026.12',
    'prod folgt mit Release 4.2',
  ])('%s', (subject) => {
    const i = intentOf(subject);
    expect(i.hold?.follows ?? i.rollout).toBeTruthy();
    expect(i.hold?.envs ?? i.rollout?.next).toContain('production');
  });
});

describe('a typo fixed, in the forms people write it', () => {
  it.each([
    ['collector port is 4317, not 4137', ''],
    ['fix endpoint host', 'it is otel-collector, not otel-colector'],
    ['queue name was misspelled', ''],
    ['fix: wrong port (typo)', ''],
    ['correct the bucket name: it should read eu-west-1 not eu-west-11', ''],
  ])('%s', (subject, body) => {
    expect(intentOf(subject, body).typo).toBeDefined();
  });

  it.each([
    ['prod has the same typo, fix it there too after the check', ''],
    ['fix the port typo', 'production has the same problem'],
    ['same typo in prod', ''],
  ])('the other environment has it too: %s', (subject, body) => {
    expect(intentOf(subject, body).everywhere).toBeDefined();
  });
});

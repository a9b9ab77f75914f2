// A change timed in hours ("trace everything for 48h (INC-3307)") is a time limit, as one timed in
// days is: an incident's diagnostic ends when its hours run out, and is never a fix to backport.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { readIntent } from '../../src/verdict/intent.js';

const WRITTEN = '2026-11-19T13:25:00Z';
const ENVS = ['dev', 'staging', 'production'];
const intentOf = (subject: string) => readIntent({ subject, body: '', author: 'a', email: 'a@x', date: WRITTEN }, 'production', ENVS);

describe('a span in hours is a time limit', () => {
  it.each([
    ['prod: trace everything for 48h (INC-3307)', '2026-11-21'],
    ['prod: full sampling for the next 72 hours (INC-9)', '2026-11-22'],
    ['prod: debug logging for 6 hrs while we chase the leak', '2026-11-20'],
    ['prod: Sampling für 48 Stunden auf 100% (INC-3307)', '2026-11-21'],
    ['prod: Sampling 48 Stunden lang auf 100%', '2026-11-21'],
    ['prod: muestreo al 100% durante 48h (INC-3307)', '2026-11-21'],
    ['prod: échantillonnage à 100% pendant 48h', '2026-11-21'],
    ['prod: sampling 100% voor 48 uur', '2026-11-21'],
  ])('%s', (subject, until) => {
    expect(intentOf(subject).temporary?.until).toBe(until);
    expect(readDeadline(subject, WRITTEN).date).toBe(until);
  });

  it.each([
    'prod: token lifetime for 24h',
    'prod: keep logs for 48 hours',
    'prod: cache results for 12h',
    'prod: rate limit 1000 per 24h',
    'prod: 48h retention for audit logs',
    'prod: alert after 48h without a heartbeat',
  ])('not the setting’s own length: %s', (subject) => {
    expect(intentOf(subject).temporary).toBeUndefined();
  });

  it.each([
    'HOTFIX prod: JWKS cache 300s. IdP rotated keys at 13:05; we cached the old JWKS for 24h and rejected every new token.',
    'prod: 2 replicas per shard. With 1 replica we served partial results for 3h (SRCH-881 post-mortem).',
    'prod: pool 40. The API was down for 6 hours on Monday.',
    'prod: pool 40, customers waited for 2 hours at checkout',
  ])('not what happened: %s', (subject) => {
    expect(intentOf(subject).temporary).toBeUndefined();
  });
});

describe('an incident diagnostic timed in hours goes back when they run out', () => {
  const ikaika = messagesBy('Ikaika Kahale', 'i@x', 'a');
  const zoe = messagesBy('Zoé Martin', 'z@x', 'b');
  const KEY = 'tracing.sampleRate';
  const judge = (subject: string, today: string) => {
    const created = zoe('2026-05-18T08:00:00Z', 'catalog app values per env');
    const change = ikaika(WRITTEN, subject, 'p99 on /catalog/search jumps to 4s every ~20 min, sampled traces miss it');
    const file = (env: string) => `apps/catalog/${env}/values.yaml`;
    const base = (env: string) => ({ ...eventOf(created, file(env), null, '0.05', { merge: false, revert: false }), order: 1 });
    const history: Record<string, HistoryEvent[]> = {
      dev: [base('dev')],
      staging: [base('staging')],
      production: [{ ...eventOf(change, file('production'), '0.05', '1', { merge: false, revert: false }), order: 0 }, base('production')],
    };
    return explainCrossEnv({
      key: KEY,
      history,
      messages: [change, created],
      values: { dev: '0.05', staging: '0.05', production: '1' },
      type: 'number',
      today,
    });
  };

  it.each(['prod: trace everything for 48h (INC-3307)', 'prod: Sampling für 48 Stunden auf 100% (INC-3307)', 'prod: muestreo al 100% durante 48h (INC-3307)'])(
    'past its hours: production goes back (%s)',
    (subject) => {
      const v = judge(subject, '2026-12-05');
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '0.05' });
    },
  );

  it('within its hours: no backport, production keeps it for now', () => {
    const v = judge('prod: trace everything for 48h (INC-3307)', '2026-11-20');
    const why = v.reasons.join('\n');
    // "for 48h" is the subject's, quoted whole beside the reason.
    expect(why, why).toContain('temporary until 2026-11-21: "prod: trace everything for 48h (INC-3307)"');
    expect(v.suggested === 'backfill', why).toBe(false);
  });
});

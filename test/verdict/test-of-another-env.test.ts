// A test named in a clause about another environment is that environment's reason to have the value,
// not a scope that keeps the change to a test (spent holdout-27, lane sp27e): "both envs: qa must
// reproduce the timing for the acceptance tests", written for a change made in prod too, sends the
// value to qa; as a time limit in such a clause is that environment's wait. And a text that sends the
// change everywhere names the lagging environment as one of them, not as the file it was meant for
// instead. Texts of our own, in the languages read, judged in memory.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-10-05T09:00:00Z';
const intentOf = (text: string, env: string) =>
  readIntent({ subject: 'cache TTL 900 -> 60 (INC-881)', body: text, author: 'a', email: 'a@x', date: WRITTEN }, env, TWO);
const KEY = 'pricing.cacheTtlSeconds';
const created: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '900'], production: ['', '900'] } };

describe("a test in a clause about the lagging environment is that environment's need", () => {
  it.each([
    ['en', 'Both environments. Staging needs it too, for the nightly e2e suite.'],
    ['en', 'In every environment: staging has to mirror the timing for the regression tests.'],
    ['de', 'Beide Umgebungen: Staging braucht es ebenfalls für die Lasttests.'],
    ['fr', 'Les deux environnements : staging en a besoin pour les tests de charge.'],
    ['es', 'En ambos entornos: staging lo necesita para las pruebas de carga.'],
    ['nl', 'Beide omgevingen: staging heeft het nodig voor de loadtests.'],
  ])('%s: %s → no test scope for the change made in production', (_lang, body) => {
    expect(intentOf(body, 'production').scope).toBeUndefined();
  });

  it.each([
    'For the load test in production; staging keeps 900.',
    'Load test on production this week, staging as it is.',
    'For the load test.',
    'Nur für den Lasttest in Produktion.',
  ])('a test about the changed environment, or about none, is still its scope — %s', (body) => {
    expect(intentOf(body, 'production').scope).toMatchObject({ kind: 'test' });
  });

  it('the clause about staging keeps its test for staging’s own reading', () => {
    expect(intentOf('Both environments. Staging needs it too, for the nightly e2e suite.', 'staging').scope).toMatchObject({ kind: 'test' });
  });

  it.each([
    'Both environments. Staging needs it too, for the nightly e2e suite.',
    'In every environment: staging has to mirror the timing for the regression tests.',
  ])('judged: the change made in production alone, meant for both → staging is backfilled — %s', (body) => {
    const v = judge(KEY, [created, { subject: 'cache TTL 900 -> 60 (INC-881)', body, date: WRITTEN, set: { production: ['900', '60'] } }], '2026-10-20');
    expect(v.suggested).toBe('backfill');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('60');
  });

  it('judged: a test the text keeps to production still declares', () => {
    const v = judge(
      KEY,
      [
        created,
        { subject: 'cache TTL 900 -> 60', body: 'For the load test in production; staging keeps 900.', date: WRITTEN, set: { production: ['900', '60'] } },
      ],
      '2026-10-20',
    );
    expect(v.suggested).toBe('declare');
  });
});

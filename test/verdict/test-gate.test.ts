// Session 22 (issue 10, holdout-18/20): a test named as what a step waits for ("prod tomorrow after a
// smoke test") is a gate before production, not the setting's purpose: the change was not made "for a
// test". A test the value is for ("for the smoke test", "so the smoke test passes"), or whose end ends
// the change ("revert after the load test"), still is. Phrasings of our own, in several languages.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { explainOneChange, messagesBy } from './log-builders.js';

const ENVS = ['staging', 'production'];
const written = (subject: string, body = '') => ({ subject, body, author: 'Ana Ruiz', email: 'ana@example.test', date: '2026-11-24T10:00:00Z' });
const scopeOf = (subject: string, body = '') => readIntent(written(subject, body), 'staging', ENVS).scope;

describe('a test the next step waits for is a gate, not the purpose', () => {
  it.each([
    ['search timeout 2 -> 5 in staging', 'prod after the smoke tests pass'],
    ['staging: retry budget 3', 'production once the smoke test is green'],
    ['raise worker pool to 12', 'staging now, prod as soon as the e2e tests pass'],
    ['timeout 5 on staging', 'will do prod when the smoke test passes'],
    ['Timeout auf 5s in Staging', 'Prod morgen nach dem Smoke-Test'],
    ['Staging: Pool auf 12', 'Produktion sobald der Lasttest grün ist'],
    ['timeout staging a 5s', 'prod après le smoke test'],
    ['pool 12 staging', 'prod na de smoke test'],
    ['connection limit 40, staging first', 'prod following a soak test next week'],
  ])('%s / %s', (subject, body) => {
    expect(scopeOf(subject, body)).toBeUndefined();
  });

  it.each([
    ['timeout 8 for the smoke test', '', 'for the smoke test'],
    ['staging: pool 50', 'revert after the load test', 'load test'],
    ['raise the timeout so the smoke test passes', '', 'so the smoke test'],
    ['staging pool 50 while the load test runs', 'when the load test runs we need the headroom', 'load test'],
    ['Staging: Pool 50 für den Lasttest', '', 'für den Lasttest'],
  ])('still the purpose: %s / %s', (subject, body, phrase) => {
    expect(scopeOf(subject, body)).toMatchObject({ kind: 'test', phrase });
  });
});

describe("the verdict's reasons say what the text says", () => {
  const ahmed = messagesBy('Ahmed Saleh', 'ahmed@example.test', 'c');
  it.each([
    ['lookup timeout 3 -> 8', '8s everywhere; staging first, prod tomorrow after a smoke test'],
    ['lookup timeout 3 -> 8', 'all environments: staging today, production once the smoke test is green'],
    ['Lookup-Timeout 3 -> 8', 'Überall 8s: Staging zuerst, Prod morgen nach dem Smoke-Test'],
  ])('%s / %s', (subject, body) => {
    const v = explainOneChange({
      key: 'geocoder.timeout',
      envs: ['staging', 'production'],
      file: (env) => `config/${env}.yml`,
      created: ahmed('2026-01-26T09:00:00Z', 'settings per env'),
      changed: ahmed('2026-11-24T16:10:00Z', subject, body),
      from: '3',
      to: '8',
      later: [],
      today: '2026-12-05',
    });
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/for a test or a one-off/);
    // Production is never told to go back to 3 (the change was meant for it).
    expect(v.suggested === 'revert' && v.drifted === 'staging', why).toBe(false);
  });
});

// Session 24 (issue 10): two readings of a lower environment's change that made it temporary when it
// is the next environment that waits. A span inside a condition ("prod if p99 holds for a week") is
// how long a check must hold before the next step, not the change's own length: read as a limit it
// turned an unrecorded check into "revert staging, its week is over" (0.75). And a gate in a sentence
// about another environment ("Prod on 2026-11-20, pending the security review") is that
// environment's wait, not a limit on this one. Phrasings of our own, with the negatives.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['staging', 'production'];
const commit = (subject: string, body = '') => ({ subject, body, author: 'Ana Ruiz', email: 'ana@example.test', date: '2026-10-20T10:00:00Z' });
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;
const TODAY = '2026-12-04';
const base: Step = { subject: 'client settings', date: '2026-03-01T09:00:00Z', set: { staging: ['', '10'], production: ['', '10'] } };
const change = (subject: string, body: string): Step => ({ subject, body, date: '2026-10-20T10:00:00Z', set: { staging: ['10', '3'] } });
const filler: Step = { subject: 'docs: readme', date: '2026-11-10T10:00:00Z', touched: ['README.md'] };

describe('a span inside a condition that must hold is the check, not the change', () => {
  it.each([
    ['staging: timeout 10 -> 3s', 'prod if p99 holds for a week on staging'],
    ['staging: timeout 10 -> 3s', 'production once the error rate stays under 1% for two weeks'],
    ['staging: timeout 10 -> 3s', 'prod as long as latency remains below 200ms for 7 days'],
    ['staging: timeout 10 -> 3 s', 'prod si el p99 se mantiene durante una semana'],
  ])('no time limit: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'staging', ENVS).temporary).toBeUndefined();
  });

  it.each([
    ['staging: timeout 3s for a week', 'then back to 10 if all goes well'],
    ['staging: timeout 3s', 'for two weeks, to see if p99 holds'],
    ['staging: timeout 3s', 'if needed, for two weeks'],
  ])('still a time limit: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'staging', ENVS).temporary).toBeDefined();
  });

  it.each(['prod if p99 holds for a week on staging', 'production once the error rate stays under 1% for two weeks'])(
    'with nothing since reporting the check, no revert and no confident answer: %s',
    (body) => {
      const v = judge('payments.timeout', [base, change('staging: payments timeout 10 -> 3s', body), filler], TODAY);
      expect(v.suggested, why(v)).not.toBe('revert');
      expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
      expect(v.question, why(v)).toBeTruthy();
    },
  );
});

describe("a gate in a sentence about another environment is that environment's wait", () => {
  it.each([
    'Prod on 2026-11-20, pending the security review.',
    'Production pending CAB approval.',
    'Rollout to production on 20.11., pending sign-off by the security team.',
  ])('staging is not temporary: %s', (body) => {
    expect(readIntent(commit('staging: token lifetime 60 -> 15 min', body), 'staging', ENVS).temporary).toBeUndefined();
  });

  it.each(['Staging only, pending the security review.', 'pending security review: revert if it is refused'])(
    "the changed environment's own gate still limits it: %s",
    (body) => {
      expect(readIntent(commit('staging: token lifetime 60 -> 15 min', body), 'staging', ENVS).temporary).toBeDefined();
    },
  );

  it('once the date passed with no review recorded, staging is not reverted', () => {
    const v = judge(
      'auth.tokenLifetime',
      [base, change('staging: token lifetime 10 -> 3 min', 'Prod on 2026-11-20, pending the security review.'), filler],
      TODAY,
    );
    expect(v.suggested, why(v)).not.toBe('revert');
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.55);
  });
});

// "Only prod for now." keeps the others out for now: the time word limits the scope, not the value
// (holdout-19/32: a hotfix cherry-picked to production only was read as a temporary value whose purpose
// was over, and production was to be reverted to the throttling limit: harmful).
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import { scopeForNow } from '../../src/verdict/intent.js';

const ana = messagesBy('Ana Souza', 'a@x', 'a');
const KEY = 'queue.consumerConcurrency';

const judge = (subject: string, body = '') => {
  const created = ana('2026-05-02T08:00:00Z', 'worker values per environment');
  const changed = ana('2026-11-20T21:10:00Z', subject, body);
  const file = (env: string) => `deploy/values-${env}.yaml`;
  const base = (env: string): HistoryEvent => ({ ...eventOf(created, file(env), null, '4', { merge: false, revert: false }), order: 1 });
  return explainCrossEnv({
    key: KEY,
    history: {
      staging: [base('staging')],
      production: [{ ...eventOf(changed, file('production'), '4', '12', { merge: false, revert: false }), order: 0 }, base('production')],
    },
    messages: [changed, created],
    values: { staging: '4', production: '12' },
    type: 'number',
    today: '2026-12-05',
  });
};

describe('a scope kept "for now" is the scope, not the value', () => {
  it.each([
    ['English', 'hotfix: consumers 4 -> 12, backlog growing', 'Only prod for now.'],
    ['English, after the env', 'raise consumer concurrency to 12 (prod only for now)', ''],
    ['German', 'Hotfix: Consumer auf 12', 'Nur Prod vorerst, Staging braucht ein Review.'],
    ['Spanish', 'hotfix: concurrencia a 12', 'solo prod por ahora'],
    ['French', 'hotfix : concurrence à 12', "seulement prod pour l'instant"],
    ['Dutch', 'hotfix: concurrency naar 12', 'alleen prod voorlopig'],
  ])('%s: the environment left out takes it, away from production, as a question', (_what, subject, body) => {
    const v = judge(subject, body);
    const why = v.reasons.join('\n');
    expect(v.suggested, why).toBe('backfill');
    expect(v.drifted, why).toBe('staging');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
    expect(v.question, why).toMatch(/left out only "for now"/);
    // Never production back to the old value.
    expect(v.suggested === 'revert' && v.drifted === 'production', why).toBe(false);
  });

  it('reads the phrase, and not a negated one, an ordinal or a time limit of the value', () => {
    expect(scopeForNow('Only prod for now.')).toBe('Only prod for now');
    expect(scopeForNow('prod only, for now')).toBe('prod only, for now');
    expect(scopeForNow('nur auf Prod vorerst')).toBe('nur auf Prod vorerst');
    expect(scopeForNow('not only prod for now, staging too')).toBeUndefined();
    expect(scopeForNow('disable the check for now')).toBeUndefined();
    expect(scopeForNow('for now only prod')).toBeUndefined();
  });

  it('a change that states its own end keeps its end: "prod only for now, until the vendor fixes it"', () => {
    const v = judge('turn off the partner check', 'prod only for now, until the vendor fixes it');
    const why = v.reasons.join('\n');
    expect(why).not.toMatch(/the limit was the scope, not the value/);
    expect(v.suggested === 'backfill' && v.drifted === 'staging', why).toBe(false);
  });
});

// Session 27 (spent holdout-24): production's change says it sets the value "like staging" and states
// it with staging's unit ("5 seconds, like staging"), yet wrote the bare number ("5" where staging holds
// "5s"). A number without its unit means another unit to the program that reads it (milliseconds, as
// often as not): the text and staging's value are the intent, and production goes back to staging's
// "5s" (at most 0.55, a move in production), never declared as production's own. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-10';
const base: Step = { subject: 'db parameters', date: '2026-05-04T09:00:00Z', set: { staging: ['', '30s'], production: ['', '30s'] } };
const stagingStep = (to: string): Step => ({ subject: 'lock timeout down for migrations', date: '2026-09-01T09:00:00Z', set: { staging: ['30s', to] } });
const prodStep = (to: string, subject: string, body = ''): Step => ({ subject, body, date: '2026-11-20T15:00:00Z', set: { production: ['30s', to] } });

describe('the bare number where the text and the source name a unit: production goes back to the source', () => {
  it.each([
    ['en', 'prod: lock timeout 5 seconds, same as staging'],
    ['de', 'Lock-Timeout in Prod auf 5 Sekunden, wie in Staging'],
    ['sv', 'prod: lock timeout 5 sekunder, samma som i staging'],
    ['fr', 'prod : lock timeout à 5 s comme en staging'],
  ])('%s', (_lang, subject) => {
    const v = judge('LOCK_TIMEOUT', [base, stagingStep('5s'), prodStep('5', subject)], TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '5s' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
    expect(v.reasons.join('\n')).toMatch(/wrote the bare number "5"/);
  });
});

describe('what is not a dropped unit', () => {
  it('the text states no unit: the rule does not speak', () => {
    const v = judge('LOCK_TIMEOUT', [base, stagingStep('5s'), prodStep('5', 'prod: lock timeout 5, same as staging')], TODAY);
    expect(v.reasons.join('\n')).not.toMatch(/bare number/);
  });

  it('the source holds another number: no unit was dropped', () => {
    const v = judge('LOCK_TIMEOUT', [base, stagingStep('10s'), prodStep('5', 'prod: lock timeout 5 s, same as staging')], TODAY);
    expect(v.reasons.join('\n')).not.toMatch(/bare number/);
  });

  it('the change names no environment it copies: the rule does not speak', () => {
    const v = judge('LOCK_TIMEOUT', [base, stagingStep('5s'), prodStep('5', 'prod: lock timeout 5 s (DBA-12)')], TODAY);
    expect(v.reasons.join('\n')).not.toMatch(/bare number/);
  });
});

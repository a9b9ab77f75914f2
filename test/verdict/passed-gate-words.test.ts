// A promotion's text reports the checks it passed: a test reported passed ("qa cycle passed", "QA-Lauf
// bestanden") is the check met before this step, not what the value is for; a severity counted as none
// ("0 open sev1/2", "keine offenen P1") is a release gate's figure, not an incident cited. Through the
// verdict, on phrasings of our own, with negatives that must still read as a test or an incident.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');
const ENVS = ['qa', 'uat', 'live'];

/** qa (2026-11-16) then uat (2026-11-25, with `subject`/`body`) moved release.version 3.3.2 → 3.4.0; live lags. */
function judge(subject: string, body = '') {
  const created = bo('2026-07-01T10:00:00Z', 'deploy config per environment');
  const toQa = ana('2026-11-16T10:00:00Z', 'qa -> 3.4.0');
  const toUat = ana('2026-11-25T15:30:00Z', subject, body);
  const file = (env: string) => `deploy/${env}.json`;
  const steps = (env: string): HistoryEvent[] => [
    ...(env === 'uat' ? [{ ...eventOf(toUat, file(env), '3.3.2', '3.4.0', { merge: false, revert: false }), order: 0 }] : []),
    ...(env === 'qa' ? [{ ...eventOf(toQa, file(env), '3.3.2', '3.4.0', { merge: false, revert: false }), order: 0 }] : []),
    { ...eventOf(created, file(env), null, '3.3.2', { merge: false, revert: false }), order: 1 },
  ];
  return explainCrossEnv({
    key: 'release.version',
    history: Object.fromEntries(ENVS.map((e) => [e, steps(e)])),
    messages: [toUat, toQa, created],
    values: { qa: '3.4.0', uat: '3.4.0', live: '3.3.2' },
    type: 'string',
    today: '2026-12-05',
  });
}

describe('checks a promotion reports passed', () => {
  it.each([
    ['English', 'uat -> 3.4.0', 'qa cycle passed (TC run r2, 0 open sev1/2)'],
    ['English, a regression run', 'uat: 3.4.0', 'the regression run was green; no open P1 bugs.'],
    ['German', 'uat -> 3.4.0', 'QA-Lauf bestanden, keine offenen P1.'],
    ['Spanish', 'uat -> 3.4.0', 'ciclo de QA superado, sin P1 abiertos.'],
    ['French', 'uat -> 3.4.0', 'campagne de tests terminée, aucun sev1 ouvert.'],
  ])('%s: neither a test scope nor an incident', (_what, subject, body) => {
    const v = judge(subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/for a test or a one-off/);
    expect(why, why).not.toMatch(/cites incident/);
    // Nothing sends the value on either: the order alone never moves a version into live.
    expect(v.suggested === 'revert', why).toBe(false);
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['a value set for the QA run', 'uat: 3.4.0 for the QA run', '', /for a test or a one-off/],
    ['a purpose with a result', 'uat: 3.4.0 so the smoke test passes', '', /for a test or a one-off/],
    ['an incident cited by id', 'uat: hotfix 3.4.0 for SEV-12', '', /cites incident SEV-12/],
    ['an incident cited beside a zero count', 'uat: 3.4.0 (INC-4411)', '0 open sev1 after this.', /cites incident INC-4411/],
  ])('still read: %s', (_what, subject, body, reading) => {
    const v = judge(subject, body);
    expect(v.reasons.join('\n')).toMatch(reading);
  });
});

// holdout-21's spent story 36 (session 24), as a principle: a contract entry that does not name an
// environment holds it to the other environments it does not name. An environment that had no value
// before (made by copying a named environment's file, the named one's sizing carried over) goes to
// what those others hold — the one value the contract allows it — not "an allowed value" it cannot name.
import { describe, expect, it } from 'vitest';
import { explainViolation, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';

const lotte = messagesBy('Lotte Smits', 'l@x', 'c');
const dirk = messagesBy('Dirk Hoekstra', 'd@x', 'd');

/** `added` (in `offender`'s new file) gave it `value`; the others hold `others` since `created`. */
function copied(offender: string, value: string, others: Record<string, string>, subject: string, entry: string) {
  const created = dirk('2026-03-10T09:00:00Z', 'worker config');
  const added = lotte('2026-11-25T10:20:00Z', subject);
  const history: Record<string, HistoryEvent[]> = Object.fromEntries(
    Object.keys(others).map((env) => [env, [{ ...eventOf(created, `env/${env}.yaml`, null, others[env]!, { merge: false, revert: false }), order: 5 }]]),
  );
  history[offender] = [{ ...eventOf(added, `env/${offender}.yaml`, null, value, { merge: false, revert: false }), order: 1 }];
  const envs = Object.keys(others);
  const values = { [envs[0]!]: others[envs[0]!]!, [offender]: value, ...Object.fromEntries(envs.slice(1).map((e) => [e, others[e]!])) };
  return explainViolation({ key: 'worker.concurrency', entry, violating: [offender], values, history, messages: [added, created], today: '2026-12-05' });
}

describe('an environment the entry does not name, added as a copy', () => {
  it.each([
    ['Dutch and English', 'nieuwe omgeving uat\n\ncopy of qa for now, sizing TODO'],
    ['English', 'add uat env (cloned from qa)'],
    ['German', 'uat angelegt, Kopie von qa'],
  ])('%s: goes to the value the unnamed environments share', (_what, subject) => {
    const v = copied('uat', '2', { qa: '2', live: '16' }, subject, '    qa: 2\n    reason: qa box has 2 cores\n');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'uat', value: '16', deliberate: 'live' });
    expect(v.reasons.join('\n')).toMatch(/does not name uat, so it must agree with live, which hold "16"/);
  });

  it('the unnamed others disagree: no value is made up', () => {
    const v = copied('uat', '2', { qa: '2', preprod: '8', live: '16' }, 'add uat env (cloned from qa)', '    qa: 2\n    reason: qa box\n');
    expect(v.value).toBeNull();
    // A revert that cannot name its value is no confident answer (it was 0.70, as if going back to a value before).
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('an environment the entry names keeps what the entry allows it', () => {
    const v = copied('uat', '2', { qa: '2', live: '16' }, 'add uat env (cloned from qa)', '    qa: 2\n    uat: 4\n    reason: sizes\n');
    expect(v.value).not.toBe('16');
  });
});

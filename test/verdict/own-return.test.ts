// "terug naar 30s", "zurück auf 30s": a going back to the value the change itself sets says what the
// change did, not that it will end. Read as a time limit, it made the return a temporary hack to undo.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';

const femke = messagesBy('Femke de Vries', 'f@x', 'a');
const pawel = messagesBy('Paweł Zieliński', 'p@x', 'b');
const ENVS = ['test', 'acc', 'prod'];
const KEY = 'partner_api_timeout_seconds';

const judge = (subject: string, body = '') => {
  const created = pawel('2026-04-14T07:00:00Z', 'gateway tfvars per environment');
  const lowered = pawel('2026-10-05T09:30:00Z', 'INT-514 partner timeout 30s -> 10s', 'A hanging partner held every worker for 30s x 2 retries.');
  const back = femke('2026-10-07T06:48:00Z', subject, body);
  const file = (env: string) => `environments/${env}/app.tfvars`;
  const steps = (env: string): HistoryEvent[] => [
    ...(env === 'acc' ? [{ ...eventOf(back, file(env), '10', '30', { merge: false, revert: true }), order: 0 }] : []),
    { ...eventOf(lowered, file(env), '30', '10', { merge: false, revert: false }), order: 1 },
    { ...eventOf(created, file(env), null, '30', { merge: false, revert: false }), order: 2 },
  ];
  const history: Record<string, HistoryEvent[]> = Object.fromEntries(ENVS.map((e) => [e, steps(e)]));
  return explainCrossEnv({
    key: KEY,
    history,
    messages: [back, lowered, created],
    values: { test: '10', acc: '30', prod: '10' },
    type: 'number',
    today: '2026-12-05',
  });
};

describe('a going back to the value the change sets is not a time limit', () => {
  it.each([
    ['Dutch', 'acc: partner timeout terug naar 30s', 'nightly e2e rood, de sandbox van de partner doet 15-20s per call'],
    ['Dutch, "weer terug"', 'acc: partner-timeout weer terug naar 30 seconden', ''],
    ['German', 'acc: Partner-Timeout zurück auf 30s', 'Die Sandbox des Partners braucht 15-20s pro Aufruf.'],
    ['Spanish', 'acc: el timeout del partner vuelve a 30s', 'el sandbox del partner tarda 15-20s'],
    ['Polish', 'acc: timeout partnera wracamy do 30s', 'sandbox partnera jest bardzo wolny'],
  ])('%s', (_what, subject, body) => {
    const v = judge(subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).toMatch(/goes back \(".+"\) to the value it sets, "30"/);
    expect(why).not.toMatch(/says the change is temporary/);
    // Neither acc forced back to 10 nor 30 spread to prod: what the return was for is the owner's question.
    expect(v.suggested === 'revert' && v.drifted === 'acc', why).toBe(false);
    expect(v.suggested === 'backfill' && v.drifted === 'prod', why).toBe(false);
  });

  it.each([
    ['a return with an end', 'acc: Partner-Timeout zurück auf 30s bis zum Sandbox-Fix'],
    ['a plan to go back to another value', 'acc: partner timeout tijdelijk 30s, daarna terug naar 10s'],
    ['a plan to go back, in Spanish', 'acc: timeout del partner a 30s por ahora, luego vuelve a 10s'],
  ])('still temporary: %s', (_what, subject) => {
    const why = judge(subject).reasons.join('\n');
    expect(why, why).toMatch(/says the change is temporary/);
    expect(why).not.toMatch(/to the value it sets/);
  });
});

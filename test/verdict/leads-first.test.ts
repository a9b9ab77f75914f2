// A staged rollout written the common way, the lower environment named as going first ("staging
// first", "Staging first.", "erst Staging", "d'abord en staging", "najpierw staging"), reads as the
// rollout phrasings the reader already took ("in staging first, then production"): a step, the
// environments after it in the promotion order to follow.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { readIntent } from '../../src/verdict/intent.js';

const WRITTEN = '2026-12-01T10:00:00Z';
const intentOf = (subject: string, env = 'staging', envs = ['dev', 'staging', 'production'], body = '') =>
  readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, env, envs);

describe('the environment named as going first is a step of a rollout', () => {
  it.each([
    ['staging first', 'staging first'],
    ['Staging first. Checkout v2 flag on.', 'Staging first'],
    ['Enable new checkout (staging first)', 'staging first'],
    ['checkout v2: stg first, then we watch conversion', 'stg first'],
    ['first in staging, then we see', 'first in staging'],
    ['new checkout: start with staging', 'start with staging'],
    ['Neuer Checkout zuerst auf Staging', 'zuerst auf Staging'],
    ['Neuer Checkout: Staging zuerst.', 'Staging zuerst'],
    ["nouveau checkout d'abord en staging", "d'abord en staging"],
    ["nouveau checkout, d'abord staging", "d'abord staging"],
    ['nuevo checkout primero en staging', 'primero en staging'],
    ['nowy checkout najpierw staging', 'najpierw staging'],
    ['nowy checkout, najpierw na stagingu', 'najpierw na stagingu'],
    ['新结账流程先在staging', '先在staging'],
  ])('%s', (subject, phrase) => {
    expect(intentOf(subject).rollout, subject).toEqual({ phrase, next: [], leads: true });
  });

  it.each([
    ['nieuwe checkout eerst acceptatie', 'eerst acceptatie'],
    ['nieuwe checkout eerst op acc', 'eerst op acc'],
  ])('Dutch DTAP: %s', (subject, phrase) => {
    expect(intentOf(subject, 'acc', ['test', 'acc', 'prod']).rollout).toEqual({ phrase, next: [], leads: true });
  });

  it.each([
    ['stage first, prod next week', ['production']],
    ['Neuer Checkout: erst Staging, dann Prod', ['production']],
    ['enable in staging first, prod follows', ['production']],
  ])('who follows, where the text names it: %s', (subject, next) => {
    expect(intentOf(subject).rollout?.next).toEqual(next);
  });

  it.each([
    'first attempt at fixing the pool',
    'the first pod crashed, raise memory',
    'staging first failed, raising timeout',
    'staging first showed the leak',
    'the first staging deploy failed, raise the timeout',
    'not staging first, all at once',
  ])('not an order of environments: %s', (subject) => {
    expect(intentOf(subject).rollout, subject).toBeUndefined();
  });

  it('asked, not said', () => {
    expect(intentOf('Prod first? No: everything at once', 'production').rollout).toBeUndefined();
    expect(intentOf('staging first? or all at once?').rollout).toBeUndefined();
  });

  it('another environment named first is not this one leading', () => {
    expect(intentOf('staging first', 'dev').rollout).toBeUndefined();
    expect(intentOf('erst Staging', 'dev').rollout).toBeUndefined();
  });
});

describe('a verdict on "staging first" is the verdict on "in staging first, then production"', () => {
  const ana = messagesBy('Ana Lima', 'ana@x', 'a');
  const judge = (subject: string) => {
    const created = ana('2026-05-18T08:00:00Z', 'checkout values per env');
    const change = ana(WRITTEN, subject);
    const file = (env: string) => `apps/checkout/${env}/values.yaml`;
    const base = (env: string) => ({ ...eventOf(created, file(env), null, 'false', { merge: false, revert: false }), order: 1 });
    const history: Record<string, HistoryEvent[]> = {
      dev: [base('dev')],
      staging: [{ ...eventOf(change, file('staging'), 'false', 'true', { merge: false, revert: false }), order: 0 }, base('staging')],
      production: [base('production')],
    };
    return explainCrossEnv({
      key: 'features.newCheckout',
      history,
      messages: [change, created],
      values: { dev: 'false', staging: 'true', production: 'false' },
      type: 'string',
      today: '2026-12-05',
    });
  };
  const handled = judge('Enable the new checkout in staging first, then production');

  it.each([
    'Enable the new checkout, staging first',
    'Staging first. Enable the new checkout.',
    'Neuen Checkout aktivieren, zuerst auf Staging',
    "Activer le nouveau checkout, d'abord en staging",
    'Activar el nuevo checkout, primero en staging',
    'Włączyć nowy checkout, najpierw staging',
  ])('%s', (subject) => {
    const v = judge(subject);
    const why = v.reasons.join('\n');
    expect(why, why).toMatch(/is a step of a rollout \(".+"\), with production to follow/);
    expect({ suggested: v.suggested, drifted: v.drifted, value: v.value, confidence: v.confidence }, why).toEqual({
      suggested: handled.suggested,
      drifted: handled.drifted,
      value: handled.value,
      confidence: handled.confidence,
    });
    // Never a confident push of the flag into production.
    expect(v.suggested === 'backfill' && v.drifted === 'production' && v.confidence >= 0.6, why).toBe(false);
  });
});

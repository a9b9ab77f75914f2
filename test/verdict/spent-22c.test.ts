// Leftovers past their end and gates passed, session 25 (spent lane c of holdout-22): a load test's
// setting written in Brazilian Portuguese's contractions ("pro teste", "volta ao normal"); a soak
// report's list items read one by one, and "no pending pods" is nothing waiting; a weakening the
// contract declared until a date that has passed. Phrasings of our own, none from a story; in memory.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import { explainCrossEnv, messagesBy } from './log-builders.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');

/** staging's `key` changed from `from` to `to` on 2026-10-05 with `subject`/`body`, production still
 * at `from`, read on 2026-12-05. */
function leftover(key: string, from: string, to: string, subject: string, body: string) {
  const created = bo('2026-06-10T07:00:00Z', 'config per environment');
  const change = ana('2026-10-05T09:30:00Z', subject, body);
  const file = (env: string) => `.env.${env}`;
  const base = (env: string) => ({ ...eventOf(created, file(env), null, from, { merge: false, revert: false }), order: 1 });
  return explainCrossEnv({
    key,
    history: {
      staging: [{ ...eventOf(change, file('staging'), from, to, { merge: false, revert: false }), order: 0 }, base('staging')],
      production: [base('production')],
    },
    messages: [change, created],
    values: { staging: to, production: from },
    type: 'number',
    today: '2026-12-05',
  });
}

describe('Portuguese contractions: "pro teste", "pra testar", "volta ao normal" say a test and a return', () => {
  it.each([
    ['the subject says the test, the body the return', 'staging: mais conexões pro teste de estresse', 'volta ao normal quando acabar.'],
    ['"pra testar" and "volta pro valor antigo"', 'staging: fila maior pra testar o consumidor', 'depois a gente volta pro valor antigo.'],
    ['"pro teste" alone in the subject, "volta à" in the body', 'staging: réplicas extras pro teste de failover', 'Depois volta à config antiga.'],
    ['"volta ao" after the test week', 'staging: lote maior', 'Semana de testes de carga; volta ao valor normal depois.'],
    ['a return alone, "voltar ao" with a day', 'staging: mais workers', 'temporário, voltar ao 8 na segunda.'],
    ['"pros testes" with "voltar à"', 'staging: limite mais alto pros testes da campanha', 'depois voltar à configuração original.'],
  ])('%s: staging goes back, never production forward', (_what, subject, body) => {
    const v = leftover('WORKER_CONCURRENCY', '8', '32', subject, body);
    const why = v.reasons.join('\n');
    expect(v.suggested, why).toBe('revert');
    expect(v.drifted, why).toBe('staging');
    expect(v.value, why).toBe('8');
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['a permanent raise', 'staging: mais workers', 'ajuste permanente, validado no teste de carga.'],
    ['kept for a peak', 'staging: mais workers pro pico da Black Friday', 'fica assim.'],
    ['"volta" as a noun ("na volta das férias")', 'staging: mais workers', 'decidido na volta das férias, fica.'],
  ])('no test or return read: %s', (_what, subject, body) => {
    const v = leftover('WORKER_CONCURRENCY', '8', '32', subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/says the change is temporary|for a test or a one-off/);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, why).toBe(false);
  });
});

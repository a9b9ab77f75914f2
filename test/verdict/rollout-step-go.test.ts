// A rollout in steps: the environment further down moved only part of the way toward the value the one
// before it holds (production 10 → 40 toward staging's 100), and a text written since gives it the go
// for that value. Its step is over and the go decides: production follows. Without a go for that value
// (none, one for the step already taken, one with a condition still ahead, a refusal since), the two
// values stay two decisions and are declared. Phrasings of our own, in several languages and styles.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';
import { goFor, goForValue } from '../../src/verdict/conditions.js';

const lea = messagesBy('Lea Brandt', 'l@x', 'c');
const raj = messagesBy('Raj Patel', 'r@x', 'e');

const KEY = 'search.newRanker.trafficPct';
const file = (env: string) => `config/${env}.json`;

/** Staging went straight to 100 and production to 10 in one change (ticket RNK-77); production then
 * stepped to `step` (default 40). `later` messages and `documents` follow. */
function judge(options: { step?: [string, string]; later?: Message[]; documents?: Document[]; today?: string }) {
  const [from, to] = options.step ?? ['10', '40'];
  const created = raj('2026-06-01T10:00:00Z', 'ranker config per environment');
  const plan = lea('2026-10-05T09:00:00Z', 'RNK-77 new ranker: staging 100, production 10');
  const step = lea('2026-10-19T09:00:00Z', `RNK-77 production ${from} -> ${to}`);
  const ev = (m: Message, env: string, a: string | null, b: string, order: number): HistoryEvent => ({
    ...eventOf(m, file(env), a, b, { merge: false, revert: false }),
    order,
  });
  const v = explainCrossEnv({
    key: KEY,
    history: {
      staging: [ev(plan, 'staging', '0', '100', 1), ev(created, 'staging', null, '0', 2)],
      production: [ev(step, 'production', from, to, 0), ev(plan, 'production', '0', from, 1), ev(created, 'production', null, '0', 2)],
    },
    messages: [...(options.later ?? []), step, plan, created],
    values: { staging: '100', production: to },
    type: 'number',
    today: options.today ?? '2026-12-01',
    ...(options.documents ? { documents: options.documents } : {}),
  });
  return { v, why: v.reasons.join('\n') };
}

/** A rollout document (citing the ticket) with `line` in its log, written on `date`. */
function rolloutLog(line: string, date = '2026-11-16T15:00:00Z'): { documents: Document[]; later: Message[] } {
  const doc: Document = {
    path: 'docs/rollouts/new-ranker.md',
    sha: 'f'.repeat(40),
    text: `# New ranker rollout (RNK-77)\n\nStaging at once, production in steps.\n\n## Log\n- 2026-10-19 production at 40\n- ${line}\n`,
  };
  const written: Message = {
    sha: doc.sha,
    parents: [],
    author: 'Lea Brandt',
    email: 'l@x',
    date,
    committed: date,
    subject: 'rollout log',
    body: '',
    files: [doc.path],
  };
  return { documents: [doc], later: [written] };
}

describe('a rollout step given its go for the value the other environment holds', () => {
  it.each([
    ['English, in the rollout log', '2026-11-16 four weeks at 40, error rate flat. Approved for 100% in production.'],
    ['English, terse', '2026-11-16 ok for 100 on production'],
    ['German', '2026-11-16 Vier saubere Wochen bei 40 %. Freigabe für 100 % in Produktion.'],
    ['French', '2026-11-16 Quatre semaines propres à 40 %. Feu vert pour 100 % en production.'],
    ['Spanish', '2026-11-16 Cuatro semanas sin errores con 40 %. Luz verde para 100 % en producción.'],
  ])('%s: production follows, with the go quoted', (_style, line) => {
    const { v, why } = judge(rolloutLog(line));
    expect(v.suggested, why).toBe('backfill');
    expect(v.drifted, why).toBe('production');
    expect(v.value, why).toBe('100');
    expect(why, why).toMatch(/a step of a rollout/);
    expect(why, why).toMatch(/gives production the go/);
    expect(v.confidence, why).toBeLessThanOrEqual(0.6);
  });

  it('a later commit citing the ticket gives the go as a document would', () => {
    const { v, why } = judge({ later: [raj('2026-11-20T10:00:00Z', 'RNK-77: go for 100% in production')] });
    expect(v.suggested, why).toBe('backfill');
    expect(v.value, why).toBe('100');
  });
});

describe('no go for the value: the difference stays declared', () => {
  it.each([
    ['a clean week recorded, no go', '2026-11-16 four weeks at 40, error rate flat'],
    ['a go for the step already taken', '2026-11-16 Approved for 40% in production.'],
    ['a go with a condition still ahead', '2026-11-16 Go for 100% in production once the holiday freeze ends.'],
    ['a go for the other environment', '2026-11-16 Approved for 100% in staging.'],
    ['a go negated', '2026-11-16 Not approved for 100% in production yet.'],
  ])('%s', (_what, line) => {
    const { v, why } = judge(rolloutLog(line));
    expect(v.suggested, why).toBe('declare');
  });

  it('a step away from the other value (a rollback to 5) is no step of the rollout, whatever the go', () => {
    const { v, why } = judge({ step: ['40', '5'], ...rolloutLog('2026-11-16 Approved for 100% in production.') });
    expect(v.suggested, why).toBe('declare');
    expect(why, why).not.toMatch(/a step of a rollout/);
  });

  it('a refusal written after the go is the latest word', () => {
    const { documents, later } = rolloutLog('2026-11-16 Approved for 100% in production.');
    const { v, why } = judge({ documents, later: [raj('2026-11-25T10:00:00Z', 'RNK-77: no-go for 100% in production, conversion dropped at 40'), ...later] });
    expect(v.suggested, why).toBe('declare');
  });
});

describe('goForValue reads a go for one value, named between it and the environment', () => {
  it.each([
    ['Go for 100% in prod.', 'prod', '100'],
    ['approved for 50 % on production', 'production', '50'],
    ['OK for `v2` in prod', 'prod', 'v2'],
    ['Freigabe für 100 % in Prod', 'prod', '100'],
    ['via libera per il 100% in produzione', 'produzione', '100'],
  ])('%s', (text, env, value) => {
    expect(goForValue(text, env, value)).toBeDefined();
  });

  it.each([
    ['a question', 'Go for 100% in prod?', 'prod', '100'],
    ['another environment', 'Approved for 100% in staging.', 'prod', '100'],
    ['another value', 'Approved for 50% in prod.', 'prod', '100'],
    ['a word, not a value, between', 'Approved for rollout in prod planning.', 'prod', 'rollout'],
    ['a gate still ahead', 'OK for 100% in prod after the soak.', 'prod', '100'],
  ])('not %s', (_what, text, env, value) => {
    expect(goForValue(text, env, value)).toBeUndefined();
  });

  it('goFor alone reads no go with a value between (it would not know which value)', () => {
    expect(goFor('Go for 100% in prod.', 'prod')).toBeUndefined();
  });
});

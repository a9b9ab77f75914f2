// Session 28 (holdout-25/07's cause): a write-up names a key by its last word once the system's prefix
// is gone ("prefetch" for RABBITMQ_PREFETCH): a passage naming that word with the live value speaks of
// the hand edit. And Japanese "〜のままとする / のままにする" decides a value stays (a bare "のまま"
// only says where it stands). Phrasings of their own (en, de, fr, es, ja), none from a verdict story.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handEditedLive, why } from './log-builders.js';
import { lastWordOf } from '../../src/verdict/documents.js';

const KEY = 'ConfigMap/bus-config.data.NATS_MAXPENDING';
const ENVS = ['staging', 'prod'];
const drift = (): Divergence => handEditedLive(KEY, 'prod', '5000', '800', 'kubectl-edit', '2026-11-14T22:10:00Z');
const note = (date: string) => ({ sha: 'e'.repeat(40), parents: [], subject: 'write-up', body: '', author: 'Pim', email: 'p@x', date, committed: date });
const run = (text: string) =>
  explain(
    drift(),
    {},
    {
      promotion: ENVS,
      environments: ENVS,
      today: '2026-11-30',
      log: buildLog(new Map(), [note('2026-11-18T08:00:00Z')], [{ path: 'docs/pm/bus.md', text, sha: 'e'.repeat(40) }]),
    },
  );

describe('a key named by its last word, with the live value', () => {
  it.each([
    '# bus incident\n\n- maxpending lowered from 5000 to 800 by hand; keep 800, it is the fix.',
    '# Bus-Störung\n\n- maxpending per Hand von 5000 auf 800 gesenkt. 800 bleibt dauerhaft.',
    '# incident bus\n\n- maxpending passé à 800 à la main : on le garde définitivement (permanent).',
    '# バス障害\n\n- maxpending は 800 のままにする (負荷試験で問題なし)',
    '# バス障害\n\n- maxpending は 800 のままとします',
  ])('"%s": kept (backfill)', (text) => {
    const v = run(text);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', value: '800' });
  });

  it.each([
    // The word without the live value: not this edit.
    '# bus\n\n- maxpending is tuned per queue; keep it documented and permanent.',
    // "のまま" alone says where it stands, decides nothing.
    '# バス障害\n\n- maxpending は今も 800 のまま',
  ])('"%s": no keep', (text) => {
    const v = run(text);
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill' });
  });
});

describe('lastWordOf', () => {
  it.each([
    ['RABBITMQ_PREFETCH', 'prefetch'],
    ['ConfigMap/r.data.REDIS_MAXMEMORY', 'maxmemory'],
    ['broker.consumerPrefetch', 'prefetch'],
  ])('%s → %s', (key, word) => expect(lastWordOf(key)).toBe(word));

  it.each(['DB_TIMEOUT', 'PREFETCH', 'POOL_SIZE', 'API_ENDPOINT', 'FEATURE_ENABLED'])('%s: none', (key) => expect(lastWordOf(key)).toBeUndefined());
});

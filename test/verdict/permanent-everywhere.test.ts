// Session 32 (spent holdout-29, lane sp29c): a decision that makes a temporary measure permanent for
// every environment ("5 s in every environment, permanently") was read as the measure made its own
// environment's — a confident declare — where it sets the value everywhere and the environments
// without it follow. A permanence said for every environment keeps nothing apart. Phrasings and
// languages of our own, none a story's; negatives: permanent in one environment, every environment
// negated or excepted, an everywhere in another clause.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { madePermanent, permanentEverywhere } from '../../src/verdict/made-permanent.js';
import { saysApart } from '../../src/verdict/later.js';
import { documentCommit, explainCrossEnv, messagesBy } from './log-builders.js';

describe('a permanence for every environment', () => {
  it.each([
    ['en', 'The pool size of 40 is kept permanently, in all environments.'],
    ['de', 'Der Wert gilt ab sofort dauerhaft in allen Umgebungen.'],
    ['fr', 'La valeur devient définitive dans tous les environnements.'],
    ['es', 'Se queda de forma permanente en todos los entornos.'],
    ['it', 'Il valore resta permanente in tutti gli ambienti.'],
    ['nl', 'Deze waarde is voortaan blijvend in alle omgevingen.'],
  ])('%s: set everywhere, kept apart nowhere', (_lang, sentence) => {
    expect(permanentEverywhere(sentence)).toBeTruthy();
    expect(madePermanent(sentence)).toBeUndefined();
    expect(saysApart(sentence, 'db.pool.size', 'prod')).toBeUndefined();
  });

  it.each([
    ['one environment', 'Permanent in prod only, the other environments keep 60.'],
    ['every environment negated', 'It is permanent, but not in all environments.'],
    ['every environment excepted', 'Permanent in every environment except dev.'],
    ['an everywhere in another clause', 'Permanently in prod; all environments will be reviewed next quarter.'],
  ])('%s: still the measure made its environment’s own', (_what, sentence) => {
    expect(permanentEverywhere(sentence)).toBeUndefined();
    expect(madePermanent(sentence)).toBeTruthy();
  });
});

describe('a temporary measure an ADR makes permanent everywhere: the others follow', () => {
  const KEY = 'search.cache.ttl_seconds';
  const ana = messagesBy('Ana Lindqvist', 'a@x', 'a');
  const judge = (doc: string) => {
    const created = ana('2026-01-05T09:00:00Z', 'search config per env');
    const temp = ana('2026-04-01T09:00:00Z', 'TEMP: search cache ttl 10s in prod (OPS-311)', 'Stale results during the sale. Back to 120 when OPS-312 lands.');
    const order = [temp.sha, created.sha];
    const stamp = (events: HistoryEvent[]) => events.map((e) => ({ ...e, order: order.indexOf(e.commit) }));
    const history: Record<string, HistoryEvent[]> = {
      prod: stamp([
        eventOf(temp, 'config/prod.yaml', '120', '10', { merge: false, revert: false }),
        eventOf(created, 'config/prod.yaml', null, '120', { merge: false, revert: false }),
      ]),
      staging: stamp([eventOf(created, 'config/staging.yaml', null, '120', { merge: false, revert: false })]),
    };
    return explainCrossEnv({
      key: KEY,
      history,
      messages: [documentCommit('d', '2026-05-20T10:00:00Z', 'ADR-31 search cache TTL (accepted)', ['docs/adr/ADR-31-search-cache-ttl.md']), temp, created],
      values: { prod: '10', staging: '120' },
      type: 'number',
      today: '2026-07-01',
      documents: [{ path: 'docs/adr/ADR-31-search-cache-ttl.md', sha: 'd'.repeat(40), text: doc }],
    });
  };

  it.each([
    [
      'en',
      '# ADR-31: search cache TTL\n\nStatus: Accepted\n\n## Decision\nThe search cache TTL is 10 s in every environment, permanently. OPS-312 will not make 120 s safe.\n',
    ],
    ['de', '# ADR-31: Such-Cache-TTL\n\nStatus: Angenommen\n\n## Entscheidung\nDie Such-Cache-TTL ist dauerhaft 10 s in allen Umgebungen (OPS-311).\n'],
  ])('%s: backfilled, never declared apart', (_lang, doc) => {
    const v = judge(doc);
    expect(v.reasons.join('\n')).not.toMatch(/temporary value its own|meant to stay apart/);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '10' });
  });

  it('made permanent for production only: declared', () => {
    const v = judge(
      '# ADR-31: search cache TTL\n\nStatus: Accepted\n\n## Decision\nThe search cache TTL in prod stays 10 s permanently (OPS-311); staging keeps 120.\n',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'prod' });
  });
});

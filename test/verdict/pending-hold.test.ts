// Session 27 (issue 10): a hand edit that a later document leaves as it runs only until someone
// returns or decides ("don't touch it until she is back", "nicht anfassen, bis Marta entschieden
// hat") is a hold pending that decision, not a decision to keep it: declared (≤ 0.5) with a question
// naming who decides, before the day and after it while nothing is recorded. A plain keep stays a
// keep. Phrasings of their own (en, de, fr, es, nl, it), none from a verdict story.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handEditedLive, why } from './log-builders.js';
import { pendingHold } from '../../src/verdict/pending-hold.js';

const KEY = 'ConfigMap/search-config.data.QUERY_TIMEOUT_MS';
const ENVS = ['staging', 'prod'];
const drift = (): Divergence => handEditedLive(KEY, 'prod', '1500', '6000', 'kubectl-patch', '2026-11-14T22:10:00Z');
const note = (date: string) => ({ sha: 'e'.repeat(40), parents: [], subject: 'ops notes', body: '', author: 'Pim', email: 'p@x', date, committed: date });
const run = (text: string, today = '2026-11-18') =>
  explain(
    drift(),
    {},
    {
      promotion: ENVS,
      environments: ENVS,
      today,
      log: buildLog(new Map(), [note('2026-11-16T08:00:00Z')], [{ path: 'docs/ops/2026-11-16.md', text, sha: 'e'.repeat(40) }]),
    },
  );

describe('a hand edit held until someone returns or decides', () => {
  it.each([
    '- search: QUERY_TIMEOUT_MS is 6000 in prod (repo 1500), patched by hand on Saturday. Marta owns search and decides whether 6000 stays; she is back on 23/11. Leave it alone till then.',
    '- search: QUERY_TIMEOUT_MS 6000 in prod, set by hand. Please do not touch it until Marta is back from leave on 23 Nov.',
    '- search: QUERY_TIMEOUT_MS steht in Prod auf 6000 (Repo 1500). Bitte nicht anfassen, bis Marta zurück ist (23.11.).',
    "- search : QUERY_TIMEOUT_MS vaut 6000 en prod (dépôt 1500). Ne pas toucher jusqu'à son retour le 23/11, Marta décidera.",
    '- search: QUERY_TIMEOUT_MS está en 6000 en prod. No lo toques hasta que Marta vuelva el 23/11.',
    '- search: QUERY_TIMEOUT_MS staat in prod op 6000. Niet aanraken tot Marta heeft besloten.',
    '- search: QUERY_TIMEOUT_MS è a 6000 in prod. Non toccarlo finché Marta non torna, il 23/11.',
  ])('"%s": declared with a question, not codified', (text) => {
    const v = run(text);
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toMatch(/decide/);
  });

  it('after the day, with nothing recorded, it is still asked', () => {
    const v = run(
      '- search: QUERY_TIMEOUT_MS 6000 in prod. Marta decides if it stays when she is back on 23/11; leave it as it runs until then.',
      '2027-01-10',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.question, why(v)).toMatch(/Marta/);
  });

  it.each([
    // A keep decided: the value is the right one.
    '- search: QUERY_TIMEOUT_MS 6000 in prod. Leave it at 6000, it is the right value; codify it in the repo.',
    '- search: QUERY_TIMEOUT_MS 6000 in prod was raised on purpose. Keep it as is in prod permanently.',
  ])('"%s": a keep, codified', (text) => {
    const v = run(text);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', value: '6000' });
  });

  it('a decision written later than the hold decides', () => {
    const v = explain(
      drift(),
      {},
      {
        promotion: ENVS,
        environments: ENVS,
        today: '2026-11-30',
        log: buildLog(
          new Map(),
          [note('2026-11-16T08:00:00Z'), { ...note('2026-11-24T08:00:00Z'), sha: 'f'.repeat(40) }],
          [
            { path: 'docs/ops/2026-11-16.md', text: '- search: QUERY_TIMEOUT_MS 6000 in prod. Do not touch it until Marta is back.', sha: 'e'.repeat(40) },
            {
              path: 'docs/ops/2026-11-24.md',
              text: '- search: QUERY_TIMEOUT_MS 6000 in prod: Marta says keep it as is in prod permanently.',
              sha: 'f'.repeat(40),
            },
          ],
        ),
      },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', value: '6000' });
  });
});

describe('pendingHold', () => {
  it.each([
    'Do not touch it until the vendor fix ships.',
    'Leave it at 6000.',
    'Nicht anfassen, bis der Patch ausgerollt ist.',
    'Should we leave it until she is back?',
  ])('"%s": no hold pending a decision', (text) => {
    expect(pendingHold(text)).toBeUndefined();
  });
});

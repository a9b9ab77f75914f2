// A review thread copied into a document later keeps each entry's label: a name and the day it was
// written ("**Mia, 4 Nov:** OK for production too"). That day is when the go was said, not a day ahead
// the go waits for: a day without a year, read forward from the day of the copy, would fall a year
// later and hold the go back (documented.ts `goesLater`, holdout-32/34's PR export). A day beside the
// environment, or after the go in its sentence, is still the go's own. Phrasings and languages of
// their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import { documentedMove } from '../../src/verdict/documented.js';
import { buildLog } from '../../src/verdict/log.js';
import { messagesBy } from './log-builders.js';

const KEY = 'search.queryTimeoutMs';
const by = messagesBy('Mia Jansen', 'mia@example.test', 'c');

/** The staging change (1 November, 800 → 2000) and a review thread exported on 20 November. */
function moveOf(thread: string, today = '2026-12-03') {
  const first = by('2026-03-01T10:00:00Z', 'search config');
  const change = by('2026-11-01T10:00:00Z', 'staging: longer query timeout');
  const exported = by('2026-11-20T10:00:00Z', 'docs: export of the review thread');
  const ev = (m: typeof first, env: string, from: string | null, to: string) => eventOf(m, `deploy/${env}.yaml`, from, to, { merge: false, revert: false });
  const log = buildLog(
    new Map([
      ['staging', new Map([[KEY, [ev(change, 'staging', '800', '2000'), ev(first, 'staging', null, '800')]]])],
      ['production', new Map([[KEY, [ev(first, 'production', null, '800')]]])],
    ]),
    [exported, change, first],
    [{ path: 'docs/reviews/query-timeout.md', text: `# Query timeout review\n\nqueryTimeoutMs 800 → 2000\n\n${thread}\n`, sha: exported.sha }],
  );
  return documentedMove(
    {
      key: KEY,
      env: 'staging',
      value: '2000',
      changedAt: change.date,
      tickets: [],
      values: { staging: '2000', production: '800' },
      promotion: ['staging', 'production'],
      environments: ['staging', 'production'],
      today,
    },
    log,
  );
}

describe('a go in a thread entry labelled with its writer and the day they wrote', () => {
  it.each([
    ['**Mia, 4 Nov:** cleared for production as well, p99 is flat.'],
    ['Mia Jansen (4 Nov): OK for production too.'],
    ['[4 Nov] Mia: green light for production.'],
    ['__Jonas, 04.11.:__ Freigabe für Production.'],
    ['**Lucie, 4 nov. :** feu vert pour la production.'],
  ])('%s', (thread) => {
    const move = moveOf(thread);
    expect([move?.kind, move?.into, move?.value]).toEqual(['go', 'production', '2000']);
  });

  it.each([
    // The day beside the environment is the go's own, and it is ahead.
    ['**Production, 20 Dec:** cleared for production.'],
    ['__Production, 20.12.:__ Freigabe für Production.'],
    ['**Mia, 4 Nov:** not OK for production: the heap grows.'],
  ])('not a go today: %s', (thread) => {
    expect(moveOf(thread)?.kind).not.toBe('go');
  });
});

// Session 28 (holdout-25/20's cause): a hand edit that a later text leaves alone while a named decider
// (a person, a team, a ticket's owners) settles its fate — "not touching it: the cache team decides
// whether it stays or goes back" — is theirs to settle. The contract pins the file's value, not whether
// the edit answered something: the verdict is a declare ≤ 0.5 asking that decider, whatever the
// contract says, until a later text records the decision. Phrasings of their own (en, de, fr, es, nl,
// it, pl), none from a verdict story.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handEditedLive, why } from './log-builders.js';
import { pendingHold } from '../../src/verdict/pending-hold.js';

const KEY = 'ConfigMap/search-config.data.QUERY_TIMEOUT_MS';
const ENVS = ['staging', 'prod'];
const drift = (): Divergence => handEditedLive(KEY, 'prod', '1500', '6000', 'kubectl-edit', '2026-11-14T22:10:00Z');
// The contract allows prod only the file's value: alone, it would revert the live one.
const contract = {
  entries: [
    {
      pattern: KEY,
      allowed: new Map([
        ['staging', { kind: 'exact', text: '800' }],
        ['prod', { kind: 'exact', text: '1500' }],
      ]),
      location: 'config/expected-env-diff.yaml:2',
      at: { file: 'config/expected-env-diff.yaml', line: 2 },
    },
  ],
} as never;
const note = (date: string, sha: string) => ({
  sha: sha.repeat(40),
  parents: [],
  subject: 'ops notes',
  body: '',
  author: 'Pim',
  email: 'p@x',
  date,
  committed: date,
});
const run = (docs: { text: string; date: string }[], today = '2026-11-30') =>
  explain(
    drift(),
    {},
    {
      promotion: ENVS,
      environments: ENVS,
      today,
      contract,
      log: buildLog(
        new Map(),
        docs.map((d, i) => note(d.date, 'ef'[i]!)),
        docs.map((d, i) => ({ path: `docs/ops/${i}.md`, text: d.text, sha: 'ef'[i]!.repeat(40) })),
      ),
    },
  );

describe('a hand edit left alone while a named decider settles it', () => {
  it.each([
    '- QUERY_TIMEOUT_MS is 6000 live in prod, repo says 1500. Edited by hand on the 14th, not by me.\n  Not touching it: the search team decides in SRCH-88 whether 6000 stays or goes back.',
    "- QUERY_TIMEOUT_MS 6000 in prod. We won't touch it; Ilse decides on Monday whether it stays (then codify it) or we revert.",
    '- QUERY_TIMEOUT_MS steht in Prod auf 6000. Ich fasse es nicht an, das Such-Team entscheidet in SRCH-88, ob 6000 bleibt.',
    "- QUERY_TIMEOUT_MS vaut 6000 en prod. On n'y touche pas : l'équipe recherche décidera si 6000 reste ou repart.",
    '- QUERY_TIMEOUT_MS está en 6000 en prod. No lo tocamos: el equipo de búsqueda decide si se queda o vuelve atrás.',
    '- QUERY_TIMEOUT_MS staat in prod op 6000. Ik raak het niet aan. Het zoekteam beslist in SRCH-88 of 6000 blijft.',
    '- QUERY_TIMEOUT_MS è a 6000 in prod. Non lo tocco: il team ricerca decide se resta o torna indietro.',
  ])('"%s": declared, asking the decider, not reverted by the contract', (text) => {
    const v = run([{ text, date: '2026-11-16T08:00:00Z' }]);
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toMatch(/decide/);
  });

  it('an undo written after the hold decides: the contract revert stands', () => {
    const v = run([
      { text: '- QUERY_TIMEOUT_MS 6000 in prod. Not touching it: the search team decides whether it stays.', date: '2026-11-16T08:00:00Z' },
      { text: '- QUERY_TIMEOUT_MS in prod: the search team says the hand edit was a mistake, revert the value to 1500.', date: '2026-11-24T08:00:00Z' },
    ]);
    expect(v, why(v)).toMatchObject({ suggested: 'revert' });
  });

  it('with no decision handed on, the contract still decides', () => {
    const v = run([{ text: '- QUERY_TIMEOUT_MS 6000 in prod, set by hand. Not touching it today, too late in the evening.', date: '2026-11-16T08:00:00Z' }]);
    expect(v, why(v)).toMatchObject({ suggested: 'revert' });
  });
});

describe('pendingHold: left alone beside a decision handed on', () => {
  it.each([
    ['Not touching it: the cache team decides in CACHE-3 whether it stays.', 'the cache team'],
    ['Nie ruszam tego; zespół cache zdecyduje, czy zostaje.', 'zespół cache'],
    ['Leaving it as is. Product decides whether it ships.', 'Product'],
  ])('"%s": held for %s', (text, owner) => {
    expect(pendingHold(text)?.owner).toBe(owner);
  });

  it.each([
    // Left alone for a reason of the writer's own, no decision handed to anyone.
    'Not touching it, it works.',
    'Leaving it as is: it is the right value.',
    // A decision already taken is no hold.
    'Not touching it: the cache team decided in CACHE-3 that it stays.',
    // A question.
    'Not touching it until the cache team decides whether it stays?',
    // Touching named, not left alone.
    'I am touching it now: the cache team decides later whether it stays.',
  ])('"%s": no hold', (text) => {
    expect(pendingHold(text)).toBeUndefined();
  });
});

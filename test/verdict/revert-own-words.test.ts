// Session 29 (spent holdout-26): a revert's subject quotes the title of the change it undoes
// (`Revert "align staging with production"`). Those are the undone change's words: the revert means
// their opposite, so it is no "change meant to copy production" that slipped. Only its body speaks
// for it; a reapply (`Revert "Revert "X""`) means X again. Phrasings of our own, several languages.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { copiedFrom } from '../../src/verdict/copied.js';
import { ownWords } from '../../src/verdict/reapplied.js';

const ENVS = ['staging', 'production'];

describe("a revert's quoted title is not its own claim to copy", () => {
  it.each([
    ['en', 'Revert "sync pool settings with production"', 'This reverts commit 1a2b3c4d5e6f.\n\nThe batch tests need the bigger pool.'],
    ['de', 'Revert "Staging: Limits an Produktion angleichen"', 'Bricht die Lasttests, zurück.'],
    ['fr', 'Revert "staging : timeout comme en production"', 'Les tests de charge ont besoin de la grande valeur.'],
    ['es', 'Revert "staging: timeout igual que en producción"', 'Rompe las pruebas manuales.'],
    ['sv', 'Revert "staging: samma som i prod"', 'Testerna behöver det större värdet.'],
  ])('%s', (_lang, subject, body) => {
    // The undone change did say it copies: the test would prove nothing otherwise.
    expect(copiedFrom(subject.slice(8, -1), 'staging', ENVS)?.from).toBe('production');
    expect(copiedFrom(ownWords(subject, body), 'staging', ENVS)).toBeUndefined();
  });
});

describe('its own words still count', () => {
  it.each([
    ['a reapply means the original again', 'Revert "Revert "sync pool settings with production""', 'false alarm'],
    ['the body says it copies', 'Revert "bump pool to 40"', 'Back to the same value as production.'],
    ["not git's form: the subject is its own", 'Revert the pool, same as production', ''],
    ['a plain change', 'staging: align pool size with production', ''],
  ])('%s', (_what, subject, body) => {
    expect(copiedFrom(ownWords(subject, body), 'staging', ENVS)?.from).toBe('production');
  });
});

describe('undoing an alignment is no slip in a copy', () => {
  const ana = messagesBy('Ana Sousa', 'a@x', 'a');
  const tiago = messagesBy('Tiago Marques', 't@x', 'b');
  const KEY = 'MAX_BATCH';
  const judge = (alignSubject: string, revertBody: string) => {
    const created = tiago('2026-10-12T10:00:00Z', 'deploy files');
    const prod = ana('2026-11-03T10:00:00Z', 'production: batch limit 25 (vendor contract)');
    const align = tiago('2027-05-12T15:00:00Z', alignSubject);
    const revert = ana('2027-05-13T09:00:00Z', `Revert "${alignSubject}"`, revertBody);
    // The commit graph's order, newest first, across both environments.
    const graph = [revert, align, prod, created].map((m) => m.sha);
    const stamp = (events: HistoryEvent[]) => events.map((e) => ({ ...e, order: graph.indexOf(e.commit) }));
    const history: Record<string, HistoryEvent[]> = {
      staging: stamp([
        eventOf(revert, 'deploy/staging.env', '25', '200', { merge: false, revert: true }),
        eventOf(align, 'deploy/staging.env', '200', '25', { merge: false, revert: false }),
        eventOf(created, 'deploy/staging.env', null, '200', { merge: false, revert: false }),
      ]),
      production: stamp([
        eventOf(prod, 'deploy/production.env', '200', '25', { merge: false, revert: false }),
        eventOf(created, 'deploy/production.env', null, '200', { merge: false, revert: false }),
      ]),
    };
    return explainCrossEnv({
      key: KEY,
      history,
      messages: [revert, align, prod, created],
      values: { staging: '200', production: '25' },
      type: 'number',
      today: '2027-06-03',
    });
  };
  it.each([
    ['en', 'staging: align batch limit with production', 'Broke the e2e suite: its fixtures are larger.'],
    ['pt', 'staging: alinhar limite com production', 'Partiu os testes e2e.'],
    ['it', 'staging: limite come in production', 'Rompe i test end-to-end.'],
    ['da', 'staging: grænse samme som i production', 'Ødelægger e2e-testene.'],
  ])('%s', (_lang, alignSubject, body) => {
    expect(copiedFrom(alignSubject, 'staging', ENVS)?.from).toBe('production');
    const v = judge(alignSubject, body);
    expect(v.reasons.join('\n')).not.toMatch(/slip in a change meant to copy/);
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'revert', drifted: 'staging', value: '25' });
  });
});

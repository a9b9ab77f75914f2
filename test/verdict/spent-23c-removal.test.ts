// holdout-23's spent fixes (session 26, lane spent23c), each read as a principle in phrasings of its own.
// (1) A contract entry withdrawn by a commit that says which environment is to be like the other
//     ("prod should be 60 like staging", "uat must behave like prod", "Prod soll wie Staging 60 haben",
//     "la prod doit être à 60 comme staging") ends the difference in the follower: it is backfilled
//     with the other's value. A step the text puts off ("will change after the freeze", "nach dem
//     Freeze") is due only once the committed documents date that event as over; before that, or
//     with nothing dating it, the difference waits (declare). A likeness denied ("prod should not be
//     like staging") names no follower.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';

const priya = messagesBy('Priya Iyer', 'p@x', 'p');
const dom = messagesBy('Dominik Kraus', 'd@x', 'd');
const plain = { merge: false, revert: false };

/** `changed`'s ttl moved 60 → `to` with a contract entry declaring it, the entry removed later by a
 * commit saying `removal`; the other environment still 60. */
function withdrawn(options: { changed: 'staging' | 'production'; to: string; removal: string; today?: string; freeze?: string }) {
  const { changed, to, removal, today = '2026-12-07', freeze } = options;
  const other = changed === 'staging' ? 'production' : 'staging';
  const key = 'pricing.cache.ttlSeconds';
  const created = dom('2026-02-10T09:00:00Z', 'pricing config');
  const declared = priya('2026-03-12T13:00:00Z', `${changed} price cache, declare`);
  const [subject, ...body] = removal.split('\n');
  const removed = priya('2026-11-19T16:30:00Z', subject!, body.join('\n').trim());
  const notice = freeze ? dom('2026-11-16T07:00:00Z', 'code freeze notice') : undefined;
  const documents: Document[] = notice ? [{ path: 'docs/freeze-2026-11.md', text: freeze!, sha: notice.sha }] : [];
  const file = (env: string) => `config/${env}.yaml`;
  const base = (env: string) => ({ ...eventOf(created, file(env), null, '60', plain), order: 2 });
  const entry = (field: string, value: string): [string, HistoryEvent[]] => [
    `expected_differences["${key}"].${field}`,
    [eventOf(removed, 'config/expected-env-diff.yaml', value, null, plain), eventOf(declared, 'config/expected-env-diff.yaml', null, value, plain)],
  ];
  const messages: Message[] = [removed, declared, created, ...(notice ? [notice] : [])];
  return explainCrossEnv({
    key,
    history: {
      staging: changed === 'staging' ? [{ ...eventOf(declared, file('staging'), '60', to, plain), order: 1 }, base('staging')] : [base('staging')],
      production:
        changed === 'production' ? [{ ...eventOf(declared, file('production'), '60', to, plain), order: 1 }, base('production')] : [base('production')],
    },
    messages,
    values: { staging: changed === 'staging' ? to : '60', production: changed === 'production' ? to : '60' },
    type: 'number',
    today,
    documents,
    contractHistory: new Map([entry(changed, to), entry(other, '60'), entry('reason', 'fewer calls')]),
  });
}

const FREEZE_EN = '# Code freeze\n\nBlack week freeze from 2026-11-20 to 2026-12-01 (inclusive). Production changes only with an incident ticket.\n';
const FREEZE_DE = '# Change-Freeze\n\nFreeze vom 2026-11-20 bis 2026-12-01. Änderungen an Prod nur mit Incident-Ticket.\n';

describe('a withdrawn contract entry whose commit says which environment is to be like the other', () => {
  it.each([
    ['terse, a value and a likeness', 'drop ttl entry, PRC-310\n\nmy entry was a mistake, prod should be 60 like staging.'],
    ['German', 'TTL-Eintrag entfernt\n\nDer Eintrag war falsch, Prod soll wie Staging 60 Sekunden haben.'],
    ['French', "retrait de l'entrée ttl\n\nl'entrée était une erreur, la prod doit être à 60 comme staging."],
    ['Spanish', 'quitar entrada ttl\n\nfue un error, prod debe tener 60 como en staging.'],
  ])('production is to follow staging: %s', (_what, removal) => {
    const v = withdrawn({ changed: 'production', to: '3600', removal });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '60' });
  });

  it.each([
    ['behave like', 'drop staging TTL exception\n\nQA uses the cache-bust endpoint now. staging must behave like prod.'],
    ['the same as', 'remove staging ttl entry\n\nstaging should work the same as production from now on'],
    ['German', 'Ausnahme entfernt\n\nStaging soll sich genauso wie Prod verhalten.'],
    ['Dutch', 'uitzondering weg\n\nstaging moet zich gedragen zoals prod.'],
  ])('staging is to follow production: %s', (_what, removal) => {
    const v = withdrawn({ changed: 'staging', to: '5', removal });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '60' });
  });

  it.each([
    ['English, freeze dated over', 'drop ttl entry\n\nit was wrong; prod should be 60 like staging, will change after the freeze.', FREEZE_EN],
    ['German, freeze dated over', 'TTL-Eintrag entfernt\n\nProd soll wie Staging 60 haben, Umstellung nach dem Freeze.', FREEZE_DE],
  ])('a step put off until an event the documents date as over: %s', (_what, removal, freeze) => {
    const v = withdrawn({ changed: 'production', to: '3600', removal, freeze });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '60' });
    expect(v.reasons.join('\n')).toMatch(/ended 2026-12-01/);
  });

  it.each([
    ['the freeze still runs', 'drop ttl entry\n\nprod should be 60 like staging, will change after the freeze.', FREEZE_EN, '2026-11-25'],
    ['German, the freeze still runs', 'TTL-Eintrag entfernt\n\nProd soll wie Staging 60 haben, Umstellung nach dem Freeze.', FREEZE_DE, '2026-11-25'],
    ['nothing dates the freeze', 'drop ttl entry\n\nprod should be 60 like staging, will change after the freeze.', undefined, '2026-12-07'],
    ['a date still ahead', 'drop ttl entry\n\nprod should be 60 like staging after 2026-12-15.', undefined, '2026-12-07'],
  ])('a step put off and not yet due waits: %s', (_what, removal, freeze, today) => {
    const v = withdrawn({ changed: 'production', to: '3600', removal, today, ...(freeze ? { freeze } : {}) });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.reasons.join('\n')).toMatch(/puts production's change off/);
    expect(v.confidence).toBeLessThan(0.6);
  });

  it.each([
    ['denied', 'drop ttl entry\n\nprod should not be like staging, but the entry is not needed.'],
    ["denied, n't", "drop ttl entry\n\nprod shouldn't behave like staging here"],
    ['unlike', 'drop ttl entry\n\nprod should stay at 3600, unlike staging.'],
    ['German denied', 'Eintrag entfernt\n\nProd soll nicht wie Staging sein.'],
    ['a likeness of something else', 'drop ttl entry\n\nprod should be tuned like the other services, staging is fine'],
  ])('no follower named: %s', (_what, removal) => {
    const v = withdrawn({ changed: 'production', to: '3600', removal });
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect(v.reasons.join('\n')).not.toMatch(/says production should match staging/);
  });
});

// A commit its own author marked not to be merged, merged anyway, is a leftover in the environment it
// reached: that environment goes back, and nothing of it moves on. Not a mark that gates the merge
// ("before the window", "until CI is green"), one quoted from a review, or one the merge speaks to.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { markedNotToMerge } from '../../src/verdict/unmerged.js';
import type { Message } from '../../src/verdict/log.js';

describe('a commit marked not to be merged', () => {
  it.each([
    ['English, in the subject', "wip sql debugging - DON'T MERGE", ''],
    ['an abbreviation', '[DNM] trace every request', ''],
    ['English, in the body', 'more logging', 'Only to find the N+1. Do not merge.'],
    ['German', 'WIP: SQL-Logging an', 'Nur zum Debuggen, bitte nicht mergen!'],
    ['Spanish', 'debug: logs de SQL', 'no mergear, es solo para depurar'],
    ['French', 'tmp: traces SQL', 'juste pour le debug, ne pas merger'],
    ['Dutch', 'debug logging aan', 'niet mergen, alleen om te testen'],
  ])('%s', (_what, subject, body) => {
    expect(markedNotToMerge(subject, body)).toBeDefined();
  });

  it.each([
    ['a gate on the merge', 'prod engine 16.6', 'Do not merge the prod tfvars change before the window on the 12th.'],
    ['a wait for CI', 'bump client', "don't merge until CI is green"],
    ['a quoted review reply', 'address review', "> don't merge yet, the flag is still on\n\nTurned the flag off."],
    ['quoted speech', 'address review', 'Fixed what the "do not merge" comment was about.'],
    ['no such mark', 'Merge branch rk/list-n-plus-one', 'ready to merge'],
  ])('not when %s', (_what, subject, body) => {
    expect(markedNotToMerge(subject, body)).toBeUndefined();
  });
});

describe('merged anyway: the environment it reached goes back', () => {
  const raj = messagesBy('Raj Kulkarni', 'r@x', 'a');
  const eva = messagesBy('Eva Svensson', 'e@x', 'b');
  const ENVS = ['staging', 'prod'];
  const base = eva('2026-04-14T07:00:00Z', 'merchant-service profiles');

  /** staging's `key` set from `from` to `to` by `change`; `merge` (if any) brought it in; prod holds `from`. */
  const judge = (key: string, [from, to]: [string | null, string], change: Message, merge?: Message) => {
    const file = 'src/main/resources/application-staging.properties';
    const history: Record<string, HistoryEvent[]> = {
      staging: [
        { ...eventOf(change, file, from, to, { merge: false, revert: false }), order: 0 },
        ...(from === null ? [] : [{ ...eventOf(base, file, null, from, { merge: false, revert: false }), order: 1 }]),
      ],
      prod:
        from === null ? [] : [{ ...eventOf(base, 'src/main/resources/application-prod.properties', null, from, { merge: false, revert: false }), order: 1 }],
    };
    const withParents = (m: Message, parents: string[]) => ({ ...m, parents });
    const messages = [...(merge ? [withParents(merge, [base.sha, change.sha])] : []), withParents(change, [base.sha]), base];
    const log = buildLog(new Map(Object.entries(history).map(([env, events]) => [env, new Map([[key, events]])])), messages);
    const d = {
      id: key,
      key,
      kind: from === null ? 'missing' : 'cross-env',
      severity: 'drift',
      envs: from === null ? ['prod'] : ENVS,
      values: { staging: { repo: to, live: null, at: null, type: 'string' }, prod: { repo: from, live: null, at: null, type: 'string' } },
      declared: false,
      contract: null,
      notes: [],
    } as unknown as Divergence;
    return explain(d, history, { promotion: ENVS, environments: ENVS, today: '2026-12-04', log });
  };
  const wip = () => raj('2026-11-02T17:12:00Z', "wip sql debugging - DON'T MERGE");
  const pr = (body = 'Fix N+1 on the merchant list page') => eva('2026-11-04T08:58:00Z', 'Merge pull request #77 from rk/merchant-list-n-plus-one', body);

  it('a value it changed: staging reverts, nothing moves to prod', () => {
    const v = judge('spring.jpa.show-sql', ['false', 'true'], wip(), pr());
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'false' });
    expect(v.reasons.join('\n')).toMatch(/not to be merged/);
  });

  it('a key it added: removed from staging', () => {
    const v = judge('logging.level.org.hibernate.orm.jdbc.bind', [null, 'TRACE'], wip(), pr());
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: null });
  });

  it('marked in German, merged by a PR about something else', () => {
    const v = judge('spring.jpa.show-sql', ['false', 'true'], raj('2026-11-02T17:12:00Z', 'SQL-Ausgabe an', 'WIP, nicht mergen'), pr());
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });

  it('committed straight to the branch the environments read (never merged): this rule says nothing', () => {
    const v = judge('spring.jpa.show-sql', ['false', 'true'], wip());
    expect(v.reasons.join('\n')).not.toMatch(/not to be merged/);
  });

  it('the merge speaks of the setting (the pull request kept it on purpose): this rule says nothing', () => {
    const v = judge('spring.jpa.show-sql', ['false', 'true'], wip(), pr('Fix N+1. Keeping spring SQL output on in staging for a week to watch the fix.'));
    expect(v.reasons.join('\n')).not.toMatch(/not to be merged/);
  });

  it('a mark that gated the merge ("before the window"): this rule says nothing', () => {
    const v = judge('spring.jpa.show-sql', ['false', 'true'], raj('2026-11-02T17:12:00Z', 'staging: sql output', "don't merge before Friday's window"), pr());
    expect(v.reasons.join('\n')).not.toMatch(/not to be merged/);
  });
});

// Session 37 (spent holdout-34, lane b): a maintenance banner switched on in production together with
// `maintenance.banner.until: 2029-02-03T05:00`, its message in Greek saying only "maintenance banner in
// production". The key beside it is the end its author wrote: the change is temporary until that day, in
// whatever language (or none) the message is written. Keys and messages of our own.
import { describe, expect, it } from 'vitest';
import { endBeside } from '../../src/verdict/end-beside.js';
import { buildLog } from '../../src/verdict/verdict.js';
import type { HistoryEvent } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const SHA = 'a'.repeat(40);
/** A log of one commit setting each `env → key → value` listed. */
function logOf(sets: Array<[string, string, string]>) {
  const message: Message = {
    sha: SHA,
    parents: [],
    subject: 'x',
    body: '',
    author: 'A',
    email: 'a@x',
    date: '2027-03-01T10:00:00Z',
    committed: '2027-03-01T10:00:00Z',
  };
  const byEnv = new Map<string, Map<string, HistoryEvent[]>>();
  for (const [env, key, to] of sets) {
    const keys = byEnv.get(env) ?? new Map<string, HistoryEvent[]>();
    keys.set(key, [{ ...message, commit: SHA, file: `${env}.yaml`, from: null, to, merge: false, revert: false }]);
    byEnv.set(env, keys);
  }
  return buildLog(byEnv, [message], []);
}

describe('an end written beside the value by the same commit', () => {
  it.each([
    ['maintenance.banner.until', '2029-02-03T05:00:00+02:00', '2029-02-03'],
    ['promo.expiresAt', '2027-04-30', '2027-04-30'],
    ['bypass.valid_until', '2027-05-01T00:00:00Z', '2027-05-01'],
    ['campaign.ends_at', '2027-06-15 18:00', '2027-06-15'],
    ['notice.end-date', '2027-07-01', '2027-07-01'],
  ])('%s = %s', (endKey, value, day) => {
    const parent = endKey.slice(0, endKey.lastIndexOf('.'));
    const log = logOf([
      ['production', `${parent}.enabled`, 'true'],
      ['production', endKey, value],
    ]);
    expect(endBeside(`${parent}.enabled`, 'production', SHA, log)).toMatchObject({ key: endKey, until: day });
  });

  it.each([
    [
      'another parent',
      [
        ['production', 'maintenance.banner.enabled', 'true'],
        ['production', 'maintenance.window.until', '2029-02-03'],
      ],
    ],
    [
      'another environment',
      [
        ['production', 'maintenance.banner.enabled', 'true'],
        ['staging', 'maintenance.banner.until', '2029-02-03'],
      ],
    ],
    [
      'not a date',
      [
        ['production', 'maintenance.banner.enabled', 'true'],
        ['production', 'maintenance.banner.until', 'next release'],
      ],
    ],
    [
      'empty',
      [
        ['production', 'maintenance.banner.enabled', 'true'],
        ['production', 'maintenance.banner.until', ''],
      ],
    ],
    [
      'not named for an end',
      [
        ['production', 'maintenance.banner.enabled', 'true'],
        ['production', 'maintenance.banner.created', '2029-02-03'],
      ],
    ],
    [
      'a word that only ends like one',
      [
        ['production', 'maintenance.banner.enabled', 'true'],
        ['production', 'maintenance.banner.backend', '2029-02-03'],
      ],
    ],
  ] as Array<[string, Array<[string, string, string]>]>)('not: %s', (_case, sets) => {
    expect(endBeside('maintenance.banner.enabled', 'production', SHA, logOf(sets))).toBeUndefined();
  });

  it('not for the end key itself', () => {
    const log = logOf([
      ['production', 'maintenance.banner.until', '2029-02-03'],
      ['production', 'maintenance.banner.expires', '2029-02-04'],
    ]);
    expect(endBeside('maintenance.banner.until', 'production', SHA, log)).toBeUndefined();
  });
});

describe('a banner switched on with its end beside it', () => {
  const KEY = 'maintenance.banner.enabled';
  const steps = (subject: string, until = '2027-03-05T05:00:00+01:00'): Step[] => [
    { subject: 'web config', date: '2027-01-10T10:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } },
    { subject, date: '2027-03-01T10:00:00Z', set: { production: ['false', 'true'] }, also: { production: ['maintenance.banner.until', '', until] } },
  ];

  it.each([
    ['German', 'CR-12: Wartungsbanner in Prod'],
    ['Greek', 'CR-12: banner συντήρησης στην παραγωγή'],
    ['English', 'CR-12: maintenance banner on'],
  ])('%s: once the end has passed, production goes back', (_lang, subject) => {
    const v = judge(KEY, steps(subject), '2027-03-20');
    expect(why(v)).toMatch(/maintenance\.banner\.until/);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'false' });
  });

  it('before the end, the difference is not sent back', () => {
    const v = judge(KEY, steps('CR-12: Wartungsbanner in Prod', '2027-04-05T05:00:00+01:00'), '2027-03-20');
    expect(v.suggested === 'revert' && v.drifted === 'production', why(v)).toBe(false);
  });
});

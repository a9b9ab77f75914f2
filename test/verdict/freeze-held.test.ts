// Session 31 (spent holdout-28): an object was added to production's manifests while production's
// sync was switched off for a migration, and it never appeared live after the freeze's end. An object
// that reached an environment's files while its deploys were frozen, missing there live once the
// freeze is over, was held back by the freeze, not retired: it is deployed (below the confident line),
// as a value that lagged behind a freeze is promoted. Phrasings and situations of our own.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { missingLive } from './log-builders.js';

const ENVS = ['staging', 'production'];
const sha = (c: string) => c.repeat(40);
const message = (c: string, date: string, subject: string, body = ''): Message => ({
  sha: sha(c),
  parents: [],
  subject,
  body,
  author: 'Noor Haddad',
  email: 'n@x',
  date,
  committed: date,
});

/** `key` written into production's files on `added`, with a freeze notice `freeze` committed on
 * 2027-02-01, read on `today`. */
function run(key: string, freeze: string, added: string, today = '2027-04-20') {
  const notice = message('f', '2027-02-01T09:00:00Z', freeze);
  const add = message('a', added, 'nightly archive job');
  const event: HistoryEvent = { ...eventOf({ ...add }, 'deploy/production/job.yaml', null, '30 2 * * *', { merge: false, revert: false }), order: 0 };
  const history = new Map([['production', new Map([[`${key}.schedule`, [event]]])]]);
  const log = buildLog(history, [add, notice]);
  return explain(missingLive(key), {}, { promotion: ENVS, environments: ENVS, today, log });
}

describe('an object added while its environment was frozen, missing live after the freeze', () => {
  it.each([
    ['a sync freeze with its dates', 'Argo auto-sync off for production from 2027-02-02 to 2027-02-14 (DB cut-over)'],
    ['a change freeze until a day', 'Change freeze on prod until 2027-02-20: no deploys'],
    ['a deploy moratorium', 'Deploy moratorium for production until 2027-02-15 (year-end close)'],
    ['nothing may ship', 'Nothing ships to production until 2027-02-18, audit window'],
  ])('%s: deploy it', (_what, freeze) => {
    const v = run('CronJob/archive-orders', freeze, '2027-02-05T10:00:00Z');
    const why = v.reasons.join('\n');
    expect([v.suggested, v.drifted, v.confidence], why).toEqual(['revert', 'production', 0.55]);
    expect(why).toMatch(/while it was frozen/);
  });

  it.each([
    ['added after the freeze ended', 'Change freeze on prod until 2027-02-20: no deploys', '2027-03-01T10:00:00Z', '2027-04-20'],
    ['added before the freeze began', 'Change freeze on prod from 2027-02-02 until 2027-02-20', '2027-01-20T10:00:00Z', '2027-04-20'],
    ['the freeze still on today', 'Change freeze on prod until 2027-05-31: no deploys', '2027-02-05T10:00:00Z', '2027-04-20'],
    ['a freeze of staging only', 'Change freeze on staging until 2027-02-20', '2027-02-05T10:00:00Z', '2027-04-20'],
    ['no freeze, a plan after one', 'prod after the freeze', '2027-02-05T10:00:00Z', '2027-04-20'],
  ])('near miss: %s', (_what, freeze, added, today) => {
    const v = run('CronJob/archive-orders', freeze, added, today);
    expect(v.reasons.join('\n')).not.toMatch(/while it was frozen/);
  });
});

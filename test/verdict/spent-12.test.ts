// Readers corrected after holdout-12 was spent: a sentence hard-wrapped across lines is one
// sentence (the date of another environment's clause stays that environment's), and "typo" naming
// the material a feature is measured on ("the typo set", "typo queries") corrects no mistake.
// Phrasings of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { readIntent, type CommitText } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['dev', 'staging', 'production'];
const commit = (subject: string, body = ''): CommitText => ({ subject, body, author: 'Lea Roux', email: 'lea@example.test', date: '2026-10-02T10:00:00Z' });
const intentOf = (subject: string, body = '', env = 'staging') => readIntent(commit(subject, body), env, ENVS);

describe("another environment's date, wrapped onto the next line, is that environment's wait", () => {
  it.each([
    ['Turn off legacy TLS in staging', 'Clients are moving to TLS 1.3. Staging now; production\nby 2026-11-15 once every client is on 1.3.'],
    ['Require signed webhooks in staging', 'All senders sign now. Enabled in staging first, and production\nbefore 2026-11-15 after the sender audit.'],
    ['Strict CSP on staging (WEB-12)', 'The report-only phase found nothing. staging today, production follows\nby 15.11. with the release.'],
    [
      'mTLS for the ledger in staging',
      'The ledger accepts client certificates now. Rolled to staging; prod\nno later than 2026-11-15, once the cert rotation is done.',
    ],
  ])('%s', (subject, body) => {
    const intent = intentOf(subject, body);
    expect(intent.temporary).toBeUndefined();
    expect(intent.hold?.envs).toEqual(['production']);
  });

  it('a wrapped time limit of the change itself is still its own', () => {
    const intent = intentOf('Debug logging in staging', 'Turned on to chase the retry storm, back off\nby 2026-10-20 at the latest.');
    expect(intent.temporary?.until).toBe('2026-10-20');
  });
});

describe('"typo" naming what a feature is measured on corrects nothing', () => {
  it.each([
    'spellcheck: fuzziness 2 in staging, recall +9% on the typo set',
    'search: raise edit distance, better hits on typo queries',
    'autocorrect threshold 0.7 in staging (typo corpus precision 94%)',
    'fuzzy matching on for the typo benchmark, prod next week',
    'typo-tolerant search in staging',
  ])('%s', (subject) => {
    expect(intentOf(subject).typo).toBeUndefined();
  });

  it.each(['fix typo in the queue name', 'typo: 4137 → 4317', 'staging had a typo in the host (statsu)', 'correct the typo'])('a typo fixed: %s', (subject) => {
    expect(intentOf(subject).typo).toBeDefined();
  });
});

describe('a test negated across the words that qualify it is no test', () => {
  it.each([
    ['retry budget 3 in staging', 'A real fix, not a quick experiment: the consumer lost messages.'],
    ['pool size 40 on staging', 'This is not a load-test hack, it is the sizing for the new nodes.'],
    ['Raise the queue depth in staging', 'It is not just a temporary experiment; production gets it next.'],
    ['isolation level fixed in staging', "This isn't a one-off debugging workaround, prod needs it as well."],
    ['consumer lag alarms tuned in staging', 'These thresholds are what the new brokers need, they are not a staging\nexperiment: production needs them too.'],
  ])('%s', (subject, body) => {
    expect(intentOf(subject, body).scope).toBeUndefined();
  });

  it.each(['pool size 40 on staging for the load test', 'queue depth 9 in staging, a quick experiment, not a fix'])('said: %s', (subject) => {
    expect(intentOf(subject).scope?.kind).toBe('test');
  });
});

describe('a comment beside the value that calls it temporary, without a date, makes it no environment own', () => {
  it.each([
    'allow none for the test (temporary). remove once the test is over',
    'テスト用に none を許可（一時的）。テストが終わったら削除',
    'nur für den Test erlaubt (vorübergehend), nach dem Test entfernen',
  ])('%s', (note) => {
    const steps: Step[] = [
      { subject: 'auth config', date: '2026-04-01T10:00:00Z', set: { staging: ['', 'RS256'], production: ['', 'RS256'] } },
      { subject: 'staging: accept unsigned tokens for the gateway integration test', date: '2026-08-19T10:00:00Z', set: { staging: ['RS256', 'RS256,none'] } },
    ];
    const v = judge('auth.algs', steps, '2026-12-04', { staging: note });
    expect(v.suggested === 'backfill').toBe(false);
    expect(v.confidence).toBeLessThan(0.6);
  });
});

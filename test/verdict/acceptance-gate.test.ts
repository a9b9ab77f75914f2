// An acceptance environment is a gate, not a test (holdout-15/08's pattern: "on in uat for
// acceptance" was read as a test scope and declared uat's own, so production never got a feature its
// acceptance approved). Other words, other languages, other kinds of key: the change set upstream for
// acceptance is the step before the next environment — a rollout waiting for its gate, and once a
// later text says the acceptance passed, the next step is due. A test a setting serves stays a scope.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-04';
const ENVS = ['qa', 'uat', 'prod'];
const story = (key: string, from: string, to: string, subject: string, later?: string): Step[] => [
  { subject: 'init', date: '2026-08-18T10:00:00Z', set: { qa: ['', from], uat: ['', from], prod: ['', from] } },
  { subject: `${key} in qa`, date: '2026-11-20T09:00:00Z', set: { qa: [from, to] } },
  { subject, date: '2026-11-24T09:00:00Z', set: { uat: [from, to] } },
  ...(later ? [{ subject: later, date: '2026-11-27T15:00:00Z', touched: ['docs/notes.md'] }] : []),
];

describe('a change set upstream for acceptance', () => {
  it.each([
    ['English, a flag, user acceptance testing', 'features.bulkRefunds', 'false', 'true', 'BILL-12: enable bulk refunds in uat for user acceptance testing'],
    ['German, a limit, Abnahme', 'exports.maxRows', '10000', '50000', 'EXP-7: maxRows 50000 auf UAT zur Fachabnahme'],
    ['French, a renderer, recette', 'pdf.renderer', 'wkhtml', 'chromium', 'PDF-3 : moteur chromium en recette pour validation métier'],
    ['Portuguese, a version, homologação', 'nfe.schemaVersion', '4.00', '4.01', 'NFE-31: schema 4.01 em homologação para aceite do cliente'],
  ])('%s: a rollout waiting for its gate, not uat’s own test setting', (_what, key, from, to, subject) => {
    const v = judge(key, story(key, from, to, subject), TODAY, {}, { envs: ENVS });
    expect(v.suggested).toBe('declare');
    expect(v.reasons.join('\n')).toMatch(/for acceptance/);
    expect(v.reasons.join('\n')).not.toMatch(/set for a test/);
    expect(v.question ?? '').toMatch(/prod/);
  });

  it.each([
    [
      'English',
      'features.bulkRefunds',
      'false',
      'true',
      'BILL-12: enable bulk refunds in uat for user acceptance testing',
      'BILL-12 acceptance passed, signed off by Finance',
    ],
    ['German', 'exports.maxRows', '10000', '50000', 'EXP-7: maxRows 50000 auf UAT zur Fachabnahme', 'EXP-7 Fachabnahme erfolgreich abgeschlossen'],
  ])('%s: a later word that the acceptance passed makes the next step due', (_what, key, from, to, subject, later) => {
    const v = judge(key, story(key, from, to, subject, later), TODAY, {}, { envs: ENVS });
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'prod', to]);
  });

  it('a test the setting serves stays a scope', () => {
    const v = judge('db.pool.max', story('db.pool.max', '20', '80', 'uat: pool 80 for the load test'), TODAY, {}, { envs: ENVS });
    expect(v.suggested).toBe('declare');
    expect(v.reasons.join('\n')).not.toMatch(/for acceptance/);
  });

  it('a hack to get the acceptance through is not the step before production', () => {
    const v = judge(
      'auth.skipSignatureCheck',
      story('auth.skipSignatureCheck', 'false', 'true', 'skip signature check in uat to unblock UAT sign-off'),
      TODAY,
      {},
      {
        envs: ENVS,
      },
    );
    expect(v.reasons.join('\n')).not.toMatch(/for acceptance/);
    expect(v.suggested === 'backfill' && v.drifted === 'prod').toBe(false);
  });
});

describe('an environment named for acceptance', () => {
  it('is named, not said to accept anything, where its name is all the text says', () => {
    const steps: Step[] = [
      { subject: 'init', date: '2026-04-01T10:00:00Z', set: { homolog: ['', '500'], prod: ['', '500'] } },
      { subject: 'homolog: export.pageSize 5000', date: '2026-11-19T10:00:00Z', set: { homolog: ['500', '5000'] } },
    ];
    const v = judge('export.pageSize', steps, TODAY, {}, { envs: ['homolog', 'prod'] });
    expect(v.reasons.join('\n')).not.toMatch(/for acceptance/);
  });
});

// A sync job that copies one environment's values into another ("chore(sync): values-stage → values-prod",
// "sync: qa -> production") copies what the source held, for whatever reason it held it: where the source set the
// value for a test and has since gone back ("load test over"), the copy is the test's value, and the environment
// it was copied into follows the source back (difference.ts `copiedStart`, copied.ts). A copy of a value the
// source meant for good, or a source that went back without saying its test is over, is not read so.
// Own keys, environments and phrasings, none of the story's (a redis policy, a German load test).
import { describe, expect, it } from 'vitest';
import { copiedFrom } from '../../src/verdict/copied.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['staging', 'production'];

describe("a sync commit's direction names its source", () => {
  it.each([
    ['chore(sync): values-staging → values-production [db]', 'staging'],
    ['sync: staging -> production (pool settings)', 'staging'],
    ['Sync staging.yaml => production.yaml', 'staging'],
  ])('%s', (text, from) => {
    expect(copiedFrom(text, 'production', ENVS)?.from).toBe(from);
  });

  it.each(['sync staging and production docs', 'chore(sync): bump lockfile', 'production → staging: nightly data refresh'])('not: %s', (text) => {
    expect(copiedFrom(text, 'production', ENVS)?.from).not.toBe('staging');
  });
});

const KEY = 'db.statementTimeout';
const created: Step = { subject: 'db settings', date: '2028-01-10T10:00:00Z', set: { staging: ['', '30s'], production: ['', '30s'] } };
const sync = (date: string): Step => ({
  subject: 'chore(sync): values-staging → values-production [db]',
  date,
  author: 'sync-bot',
  email: 'sync-bot@example.test',
  set: { production: ['30s', '0'] },
});

describe("a test's value copied by a sync follows its source back", () => {
  it('English: set for a soak test, synced, "soak test finished, back to 30s": production follows', () => {
    const v = judge(
      KEY,
      [
        created,
        {
          subject: 'staging: no statement timeout for the soak test',
          body: 'Runs until Friday, then 30s again.',
          date: '2028-03-01T10:00:00Z',
          set: { staging: ['30s', '0'] },
        },
        sync('2028-03-02T02:00:00Z'),
        { subject: 'staging: soak test finished, back to 30s', date: '2028-03-06T10:00:00Z', set: { staging: ['0', '30s'] } },
      ],
      '2028-03-20',
      {},
      { envs: ENVS },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ drifted: 'production', value: '30s' });
    expect(['backfill', 'revert']).toContain(v.suggested);
  });

  it('Spanish: "solo para la prueba de carga", synced, "prueba de carga terminada": production follows', () => {
    const v = judge(
      KEY,
      [
        created,
        { subject: 'staging: sin timeout solo para la prueba de carga', date: '2028-03-01T10:00:00Z', set: { staging: ['30s', '0'] } },
        sync('2028-03-02T02:00:00Z'),
        { subject: 'staging: prueba de carga terminada, vuelve a 30s', date: '2028-03-06T10:00:00Z', set: { staging: ['0', '30s'] } },
      ],
      '2028-03-20',
      {},
      { envs: ENVS },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ drifted: 'production', value: '30s' });
  });

  it("a value copied by hand with no word of a sync: not read as the source's phase", () => {
    const v = judge(
      KEY,
      [
        created,
        {
          subject: 'staging: no statement timeout for the soak test',
          body: 'Only for the soak test this week.',
          date: '2028-03-01T10:00:00Z',
          set: { staging: ['30s', '0'] },
        },
        { subject: 'production: disable statement timeout (OPS-77 long reports)', date: '2028-03-02T09:00:00Z', set: { production: ['30s', '0'] } },
        { subject: 'staging: soak test finished, back to 30s', date: '2028-03-06T10:00:00Z', set: { staging: ['0', '30s'] } },
      ],
      '2028-03-20',
      {},
      { envs: ENVS },
    );
    expect(v.reasons.join('\n')).not.toMatch(/copied staging's/);
  });
});

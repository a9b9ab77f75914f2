// Session 35 (spent holdout-32/12, lane d): a plan's step that takes the change to the next environment
// once a release runs there ("Pin production to 2027-04-30.dahlia once 4.12 is running in production") waits
// for that release, not for a person. A release log recording the version there — a heading "## 4.12 —
// staging 30 Jun, production 6 Jul 2027" records it by being there, as a table's row does — meets the gate,
// and the lagging environment follows (backfill). Not a step negated, a release recorded elsewhere, a
// heading that plans or schedules, or another version. Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { versionGate } from '../../src/verdict/version-reached.js';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const ENVS = ['staging', 'production'];

describe('versionGate: a step held until a version runs where it goes', () => {
  it.each([
    ['Pin production to 2026-07-15.basil once 7.4 is running in production', '7.4'],
    ['production: switch to basil as soon as 7.4 runs in production (7.3 drops the events)', '7.4'],
    ['Produktion: auf basil umstellen, sobald 7.4 in Produktion läuft', '7.4'],
    ['production : passer à basil dès que la 7.4 tourne en production', '7.4'],
    ['producción: cambiar a basil cuando la 7.4 esté en producción', '7.4'],
    ['production: move to basil when v7.4.1 is deployed there', '7.4.1'],
  ])('%s', (sentence, version) => {
    const gate = versionGate(sentence, 'production', ENVS);
    expect(gate?.wait.version).toBe(version);
    expect(gate?.wait.env).toBe('production');
  });

  it.each([
    ['Pin production to basil once the soak is over'],
    ['Pin production to basil once 7.4 is running in staging'],
    ['production keeps 7.3 for now'],
    ['production stays on acacia until 7.4 is running in production'],
  ])('not: %s', (sentence) => {
    expect(versionGate(sentence, 'production', ENVS)).toBeUndefined();
  });
});

const start: Step = {
  subject: 'payments config',
  date: '2026-05-01T10:00:00Z',
  set: { staging: ['', '2026-01-10.acacia'], production: ['', '2026-01-10.acacia'] },
};
const planned: Step = { subject: 'payments api upgrade plan', date: '2026-08-01T10:00:00Z' };
const changed: Step = {
  subject: 'staging: payments api version basil',
  date: '2026-08-02T10:00:00Z',
  set: { staging: ['2026-01-10.acacia', '2026-07-15.basil'] },
};
const released: Step = { subject: 'release log', date: '2026-09-10T10:00:00Z' };

const verdictOf = (step: string, log?: string) =>
  judge(
    'payments.apiVersion',
    [start, planned, changed, released],
    '2026-09-20',
    {},
    {
      documents: [
        {
          path: 'docs/payments/api-upgrade.md',
          text: `# Payments API 2026-07-15.basil\n\n## Steps\n\n- staging: switch to 2026-07-15.basil now.\n${step}\n`,
          step: 1,
        },
        ...(log ? [{ path: 'docs/releases/payments.md', text: log, step: 3 }] : []),
      ],
    },
  );

const LOG = '# payments releases\n\n## 7.4 — staging 1 Sep, production 8 Sep 2026\n\n- webhook parser for the basil events\n';
const STEP = '- production: switch to 2026-07-15.basil as soon as 7.4 runs in production (7.3 cannot read the new webhooks).';

describe('a step gated on a release, the release since recorded in the environment it waits for', () => {
  it.each([
    [STEP],
    ['- Produktion: auf 2026-07-15.basil umstellen, sobald 7.4 in Produktion läuft.'],
    ['- production : passer à 2026-07-15.basil dès que la 7.4 tourne en production.'],
    ['Once 7.4 is running in production, pin production to 2026-07-15.basil.'],
  ])('follows: %s', (step) => {
    const v = verdictOf(step, LOG);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '2026-07-15.basil' });
    expect(v.reasons.join('\n')).toMatch(/7\.4/);
  });

  it('with no release record, production is not moved', () => {
    expect(verdictOf(STEP).suggested).not.toBe('backfill');
  });
  it('a release recorded in staging only does not meet it', () => {
    expect(verdictOf(STEP, '# payments releases\n\n## 7.4 — staging 1 Sep 2026\n').suggested).not.toBe('backfill');
  });
  it('a heading that plans the release is no record', () => {
    expect(verdictOf(STEP, '# payments releases\n\n## 7.4 — staging 1 Sep, production planned 25 Sep 2026\n').suggested).not.toBe('backfill');
  });
  it('a day after the log was written is a schedule, not a record', () => {
    expect(verdictOf(STEP, '# payments releases\n\n## 7.4 — staging 1 Sep, production 30 Sep 2026\n').suggested).not.toBe('backfill');
  });
  it('another version is not the one waited for', () => {
    expect(verdictOf(STEP, '# payments releases\n\n## 7.5 — staging 1 Sep, production 8 Sep 2026\n').suggested).not.toBe('backfill');
  });
  it('a step refused is no step', () => {
    const step = '- production: do not switch to 2026-07-15.basil, even once 7.4 runs in production.';
    expect(verdictOf(step, LOG).suggested).not.toBe('backfill');
  });
});

// Session 13 (issue 10 points 4–6): the gate a change's own text sets before the next environment
// follows, and how sure a move on a plan may be. (1) A gate dated in the change's own sentence,
// however it is wrapped, is met once the date passes: the rollout is not "in progress" (a check the
// text waives is read in intent.ts, forms.test.ts). (2) An outside party's event nothing in the repo
// records is a question, never a planned step taken for granted. (3) A move toward production on a
// plan the change stated, with nothing written after it, stays below 0.6 and says what would
// confirm it. Phrasings and keys of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { gateFor } from '../../src/verdict/gates.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['dev', 'staging', 'production'];
const WRITTEN = '2026-11-10T10:00:00Z';

describe('a gate dated in the change’s own sentence', () => {
  it.each([
    ['Staging today; production after the code freeze\n(ends 2026-11-30), no separate review needed.', '2026-11-30'],
    ['prod once the release freeze is lifted on 30/11', '2026-11-30'],
    ['Production goes after the freeze, which ends on 30 November.', '2026-11-30'],
    ['Produktion nach dem Freeze (endet am 30.11.)', '2026-11-30'],
  ])('%s', (text, date) => {
    const env = /prod\b/i.test(text) && !/production|produktion/i.test(text) ? 'prod' : 'production';
    expect(gateFor(text, env, ['staging', env], WRITTEN)?.date).toBe(date);
  });

  it.each([
    'production once QA signs off; the ticket was opened 2026-11-03',
    'production after the freeze, announced on 2026-11-03',
    'production follows after the migration (INC-2041, 2026-11-03)',
    'production with the next release, cut on 2026-11-20',
  ])('a date that says when something happened, or that ends nothing, is not the gate’s: %s', (text) => {
    expect(gateFor(text, 'production', ENVS, WRITTEN)?.date).toBeUndefined();
  });

  it('a date in a clause about another environment is not the gate’s', () => {
    expect(gateFor('production after review; staging until 2026-12-01', 'production', ENVS, WRITTEN)?.date).toBeUndefined();
  });
});

describe('an outside party’s event as the gate', () => {
  it.each([
    ['production switches once the bank confirms the go-live date', 'bank'],
    ['production follows after the payment provider has enabled 3DS2 for our merchant id', 'payment provider'],
    ['Produktion folgt, sobald die Bank den Termin bestätigt.', 'Bank'],
    ['producción cuando el banco confirme la fecha', 'banco'],
    ['prod when our vendor ships the fixed SDK', 'vendor'],
  ])('%s', (text, party) => {
    const env = /producción/.test(text) ? 'producción' : /Produktion/.test(text) ? 'Produktion' : /prod\b/.test(text) ? 'prod' : 'production';
    expect(gateFor(text, env, ['staging', env], WRITTEN)?.outside).toBe(party);
  });
  it.each(['production after the customer demo on Friday', 'production once customer traffic drops below 100 rps', 'production after QA signs off'])(
    'the team’s own: %s',
    (text) => {
      expect(gateFor(text, 'production', ENVS, WRITTEN)?.outside).toBeUndefined();
    },
  );
});

describe('the verdict on a gate', () => {
  const TWO = ['staging', 'production'];
  const base: Step = { subject: 'order service env', date: '2026-06-01T10:00:00Z', set: { staging: ['', '40'], production: ['', '40'] } };
  const step = (subject: string, body: string, date = '2026-11-12T10:00:00Z'): Step => ({ subject, body, date, set: { staging: ['40', '25'] } });

  it.each([
    [
      'lower the consumer prefetch to 25',
      'Every environment needs it. Staging now; production after the year-end freeze\n(ends 2026-11-28), no extra sign-off needed.',
    ],
    ['prefetch 25 (broker memory)', 'For all envs: staging first, production once the freeze is lifted on 28/11.'],
    ['prefetch 40 -> 25', 'Applies everywhere. Production follows after the freeze, which ends on 28 November.'],
  ])('dated in the text and passed: the rollout is done waiting (%s)', (subject, body) => {
    const v = judge('CONSUMER_PREFETCH', [base, step(subject, body)], '2026-12-03', {}, { envs: TWO });
    expect(v.suggested).toBe('backfill');
    expect(v.drifted).toBe('production');
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('dated in the text and not yet passed: declared until then', () => {
    const v = judge(
      'CONSUMER_PREFETCH',
      [base, step('prefetch 40 -> 25', 'Staging now; production after the year-end freeze\n(ends 2026-12-20).')],
      '2026-12-03',
      {},
      { envs: TWO },
    );
    expect(v.suggested).toBe('declare');
    expect(v.expires).toBe('2026-12-20');
  });

  it.each([
    ['staging: statement import v3', 'production switches once the bank confirms the cut-over date.'],
    ['staging: 3DS2 challenge flow', 'production follows after the payment provider has enabled 3DS2 for our merchant id.'],
    ['staging: neues Exportformat', 'Produktion folgt, sobald die Bank den Termin bestätigt.'],
  ])('an outside party’s event nothing records: a question, not a rollout in progress (%s)', (subject, body) => {
    const v = judge('EXPORT_FORMAT', [base, step(subject, body)], '2026-12-03', {}, { envs: TWO });
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeDefined();
  });

  it('an outside party’s event a later commit reports: the rollout goes on', () => {
    const v = judge(
      'EXPORT_FORMAT',
      [
        base,
        { ...step('staging: statement import v3 (TRE-31)', 'production switches once the bank confirms the cut-over date.') },
        { subject: 'TRE-31: bank confirmed the cut-over, go for production', date: '2026-11-25T10:00:00Z' },
      ],
      '2026-12-03',
      {},
      { envs: TWO },
    );
    expect(v.suggested).toBe('backfill');
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    ['raise the consumer prefetch to 60 in staging, then everywhere', ''],
    ['prefetch 60', 'Staging first, then all environments.'],
    ['prefetch 60: staging now, production next', ''],
  ])('a plan with nothing written after it: below 0.6, with what would confirm it (%s)', (subject, body) => {
    const v = judge(
      'CONSUMER_PREFETCH',
      [base, { subject, body, date: '2026-11-12T10:00:00Z', set: { staging: ['40', '60'] } }],
      '2026-12-03',
      {},
      { envs: TWO },
    );
    if (v.suggested === 'backfill') {
      expect(v.drifted).toBe('production');
      expect(v.confidence).toBeLessThan(0.6);
      expect(v.question).toMatch(/still the plan/);
    } else expect(v.confidence).toBeLessThan(0.6);
  });
});

// Session 33 (spent holdout-30, lane f): one person set an environment's value as a step toward the next
// environment ("soak before prod", "canary, production next"); within weeks someone else set it again for
// a purpose of their own, without naming that step (its ticket, its value) or saying it was over. Two
// intentions pull one environment apart and neither is decided: a declare at 0.45 asking both owners, with
// neither side the deliberate one — never a declare surer than a question, never a move into production.
// The same person changing their mind, a change that names the step, a step that had reached production,
// or an answer since, is not this. Situations of our own.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'gateway config', date: '2027-01-10T10:00:00Z', set: { staging: ['', '1200'], production: ['', '1200'] } };
const later = (subject: string, date = '2027-04-09T11:00:00Z', extra: Partial<Step> = {}): Step => ({
  subject,
  date,
  set: { staging: ['800', '3000'] },
  ...extra,
});
const verdictOf = (step: string, by: Step, more: Step[] = []) =>
  judge(
    'upstream.read_timeout_ms',
    [start, { subject: step, date: '2027-04-02T10:00:00Z', set: { staging: ['1200', '800'] }, author: 'Wen', email: 'wen@x' }, by, ...more],
    '2027-04-30',
  );

describe("a step toward production cut short by another team's change", () => {
  it.each([
    ['upstream read timeout 800 in staging, soak before prod (GW-12)', 'staging: read timeout 3000 for the partner export tests (EXP-9)'],
    ['canary: staging 800 first, production next week', 'raise staging read timeout to 3000 so the nightly reconciliation suite passes'],
    ['staging 800 for two weeks, then production (GW-12)', 'staging: 3000 for the load test of the report service (PERF-3)'],
    ['read timeout 800: staging now, prod after the soak', 'staging read timeout 3000 for the data team demo'],
  ])('%s / %s', (step, by) => {
    const v = verdictOf(step, later(by));
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.deliberate).toBeNull();
    expect(v.question).toMatch(/which does staging serve/);
  });

  it.each([
    ['the same person changing the step', later('staging: read timeout 3000 for the partner export tests', undefined, { author: 'Wen', email: 'wen@x' })],
    ['a change that cites the step', later('GW-12 soak stopped; staging read timeout 3000 for the partner export tests')],
    ['a change that names the step’s value', later('staging: 800 was too tight for the export tests, 3000 for now')],
    ['a change months later', later('staging: read timeout 3000 for the partner export tests', '2027-07-20T11:00:00Z')],
    ['a rollback of the step', later('rolled the staging read timeout back, the exports broke', undefined, { set: { staging: ['800', '1200'] } })],
  ])('not: %s', (_, by) => {
    const v = judge(
      'upstream.read_timeout_ms',
      [
        start,
        {
          subject: 'upstream read timeout 800 in staging, soak before prod (GW-12)',
          date: '2027-04-02T10:00:00Z',
          set: { staging: ['1200', '800'] },
          author: 'Wen',
          email: 'wen@x',
        },
        by,
      ],
      '2027-09-30',
    );
    expect(v.question ?? '').not.toMatch(/which does staging serve/);
  });

  it('a step no next environment was waiting for is not one', () => {
    const v = verdictOf('staging read timeout 800 for the chaos drill', later('staging: read timeout 3000 for the partner export tests'));
    expect(v.question ?? '').not.toMatch(/which does staging serve/);
  });
});

// Session 36 (sp33a): an audit finding or a policy scoped to "every production environment" binds each
// production environment, and a fix that reached some leaves the others behind: the one left behind takes the
// fixed value — in English, German, Hungarian ("minden éles környezet"), Finnish ("kaikki tuotantoympäristöt").
// A row naming two keys' values ("idle_timeout 15m, max_age 8h") gives each key the value written beside its
// name, even where another key's value is the old value of this one. Situations of their own (none from a
// verdict story); negatives: the environment left behind is no production one by its name, the scope negated.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const steps = (envs: string[], lagging: string): Step[] => [
  { subject: 'session settings', date: '2027-02-01T10:00:00Z', set: Object.fromEntries(envs.map((e) => [e, ['', '8h']])) },
  {
    subject: 'SEC-12: shorter idle timeout',
    body: 'per the audit',
    date: '2027-06-01T10:00:00Z',
    set: Object.fromEntries(envs.filter((e) => e !== lagging).map((e) => [e, ['8h', '15m']])),
  },
  { subject: 'audit register update', date: '2027-07-01T10:00:00Z' },
];
const register = (scope: string) =>
  '# Audit register 2027\n\n| id | finding | scope | required | status |\n|---|---|---|---|---|\n' +
  `| SEC-12 | Sessions live too long | ${scope} | idle_timeout 15m, max_age 8h | closed |\n`;
const verdict = (scope: string, envs = ['stg', 'prod-eu', 'prod-us'], lagging = 'prod-us') =>
  judge(
    'session.idle_timeout',
    steps(envs, lagging),
    '2027-09-01',
    {},
    { envs, documents: [{ path: 'docs/audit/register.md', text: register(scope), step: 2 }] },
  );

describe('a finding scoped to every production environment', () => {
  it.each([
    ['English', 'all production environments'],
    ['German', 'alle Produktionsumgebungen'],
    ['Hungarian', 'minden éles környezetben'],
    ['Finnish', 'kaikki tuotantoympäristöt'],
  ])('%s: the production environment left behind takes the fixed value', (_lang, scope) => {
    const v = verdict(scope);
    expect([v.suggested, v.drifted, v.value], why(v)).toEqual(['backfill', 'prod-us', '15m']);
  });

  it('the environment left behind is no production one: nothing sends it', () => {
    const v = verdict('all production environments', ['stg', 'prod-eu', 'sandbox'], 'sandbox');
    expect(v.suggested === 'backfill' && v.drifted === 'sandbox', why(v)).toBe(false);
  });

  it('the scope negated: nothing sends it', () => {
    const v = verdict('not every production environment (EU only)');
    expect(v.suggested === 'backfill' && v.drifted === 'prod-us', why(v)).toBe(false);
  });
});

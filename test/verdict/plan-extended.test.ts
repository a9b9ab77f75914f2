// Session 23 (issue 10): a plan given more time moves its end, as a plan put off does. A declared
// pilot or launch whose date ran out while a later text extended it ("pilot extended to 31 January",
// "the go-live moves from 1 December to week 2", "wird bis 31.01.2027 verlängert") is renewed with the
// new end, never rolled back or finished on the old date. Situations and phrasings of their own, none
// from a verdict story; with the negatives: an extension that names no date (a scope, an amount).
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/verdict/answered.js';
import { judge, type Step } from './memory-story.js';

const WRITTEN = '2026-11-20T10:00:00Z';
const TODAY = '2026-12-04';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a plan extended, or moved from one date to another, is moved to the new end', () => {
  it.each([
    ['The beta phase was extended to 2027-02-28 (vendor SLA still open).', '2027-02-28'],
    ['Trial prolonged until end of February.', '2027-02-28'],
    ['Go-live moves from 1 December to week 3 2027.', '2027-01-24'],
    ['cut-over moved from the 15th to 2027-01-12 after the audit', '2027-01-12'],
    ['Die Pilotphase wird bis 28.02.2027 verlängert.', '2027-02-28'],
    ['Der Start wird auf KW 3 2027 verschoben.', '2027-01-24'],
    ['La fase piloto se prorrogó hasta el 28/02/2027.', '2027-02-28'],
    ['O piloto foi prorrogado até 28/02/2027.', '2027-02-28'],
    ['Le pilote est prolongé jusqu’au 28/02/2027.', '2027-02-28'],
    ["Le pilote est prolongé jusqu'au 28/02/2027.", '2027-02-28'],
  ])('%s', (sentence, on) => {
    const read = statusOf(sentence, WRITTEN);
    if (on) expect(read).toMatchObject({ says: 'moved', on });
    else expect(read?.says).not.toBe('moved');
  });

  it.each([
    // An extension of scope or of an amount gives no end: nothing moved in time.
    'We extended the pilot to the EU tenants.',
    'Retention extended from 30 to 90 days.',
    'Connect timeout extended from 5s to 20s.',
    'The rollout moved from staging to production.',
    // A condition or a question is no answer.
    'If the pilot is extended to 2027-02-28, staging keeps the new provider.',
    'Is the trial extended to 2027-02-28?',
    'Der Pilot bleibt bis 28.02.2027 aktiv.',
  ])('no new end: %s', (sentence) => {
    expect(statusOf(sentence, WRITTEN)?.says).not.toBe('moved');
  });
});

describe('an expired pilot declaration whose plan was extended is declared again with the new end', () => {
  const steps: Step[] = [
    { subject: 'search config', date: '2026-03-01T09:00:00Z', set: { staging: ['', 'solr'], production: ['', 'solr'] } },
    {
      subject: 'search: opensearch pilot in staging (SRCH-12)',
      body: 'declared until end of October, plan in docs/search/plan.md',
      date: '2026-09-01T10:00:00Z',
      set: { staging: ['solr', 'opensearch'] },
      touched: ['docs/search/plan.md'],
    },
    { subject: 'search plan update', date: '2026-10-28T10:00:00Z', touched: ['docs/search/plan.md'] },
  ];
  const plan = (update: string) => ({
    path: 'docs/search/plan.md',
    step: 2,
    text: `# Search engine migration (solr -> opensearch)\n\n- 2026-09-01 opensearch pilot in staging\n- ${update}\n`,
  });
  const declared = { reason: 'opensearch pilot (SRCH-12)', expires: '2026-10-31' };

  it('without the update the expired pilot is rolled back on its date (0.45), the default', () => {
    const v = judge('SEARCH_ENGINE', steps.slice(0, 2), TODAY, {}, { declared });
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });

  it.each([
    ['2026-10-28: pilot extended to 2027-01-15, the relevance tuning is not finished.', '2027-01-15'],
    ['2026-10-28: the production cut-over moves from November to week 4 2027.', '2027-01-31'],
    ['28.10.: Pilot wird bis 15.01.2027 verlängert, Relevanz-Tuning offen.', '2027-01-15'],
  ])('"%s": declare until %s, nothing moved', (update, until) => {
    const v = judge('SEARCH_ENGINE', steps, TODAY, {}, { declared, documents: [plan(update)] });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null, expires: until });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('an update that extends the pilot to more tenants, with no date, leaves the default', () => {
    const v = judge('SEARCH_ENGINE', steps, TODAY, {}, { declared, documents: [plan('2026-10-28: pilot extended to the support team as well.')] });
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
});

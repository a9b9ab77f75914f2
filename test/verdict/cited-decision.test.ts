// A change that names the decision it carries out by its number ("(decision 2)", "gemäß Entscheidung 2",
// "(décision n° 2)", "(besluit 2)") carries that item of the list of decisions as its own text
// (cited-decision.ts): its rollout, its gate and its "everywhere" are read as if the commit had said them.
// The gate met later lets the waiting environment follow; not met, nothing moves it. A number no list
// holds, a list that is no list of decisions, or a decision record whose numbered lines are its options,
// is no text of the change. Phrasings of our own, in the languages read. (The value, "json", is too short to
// link a document by itself: what the change reads here it reads through its citation.)
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'payments config', date: '2027-01-10T10:00:00Z', set: { staging: ['', 'text'], production: ['', 'text'] } };
const listDay: Step = { subject: 'decisions', date: '2027-03-03T10:00:00Z' };
const closed = (subject: string): Step => ({ subject, date: '2027-04-20T10:00:00Z' });
const verdictOf = (cite: string, list: string, later: Step[] = [], path = 'docs/team/2027-03-03.md') =>
  judge(
    'LOG_STYLE',
    [start, listDay, { subject: cite, date: '2027-03-04T10:00:00Z', set: { staging: ['text', 'json'] } }, ...later],
    '2027-05-10',
    {},
    {
      documents: [{ path, text: list, step: 1 }],
    },
  );

describe('the numbered decision a change names is read as its text', () => {
  it.each([
    [
      'staging: structured logs (decision 2)',
      '# Platform team: decisions of 3 March\n\n1. Retention stays at 30 days.\n2. **Structured logs everywhere.** Staging first; production once the pipeline parses them (PIPE-7).\n',
      'PIPE-7 done: the pipeline parses structured logs',
    ],
    [
      'Staging: strukturierte Logs gemäß Entscheidung 2',
      '# Entscheidungen des Plattform-Teams (3. März)\n\n1. Aufbewahrung bleibt 30 Tage.\n2. Strukturierte Logs überall. Erst Staging, Prod sobald die Pipeline sie liest (PIPE-7).\n',
      'PIPE-7 erledigt',
    ],
    [
      'staging : logs structurés (décision n° 2)',
      "# Décisions de l'équipe plateforme, 3 mars\n\n1. La rétention reste à 30 jours.\n2. Logs structurés partout. D'abord staging, la prod quand le pipeline les lit (PIPE-7).\n",
      'PIPE-7 terminé',
    ],
    [
      'staging: gestructureerde logs (besluit 2)',
      '# Overleg platformteam 3 maart\n\n## Besluiten\n\n1. Retentie blijft 30 dagen.\n2. Gestructureerde logs overal. Eerst staging, productie zodra de pipeline ze leest (PIPE-7).\n',
      'PIPE-7 afgerond',
    ],
  ])('%s', (cite, list, done) => {
    const v = verdictOf(cite, list, [closed(done)]);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.reasons.join('\n')).toContain('read as its own text');
  });

  it('the gate not met yet moves nothing', () => {
    const v = verdictOf(
      'staging: structured logs (decision 2)',
      '# Platform team: decisions of 3 March\n\n1. Retention stays at 30 days.\n2. Structured logs everywhere. Staging first; production once the pipeline parses them (PIPE-7).\n',
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).toContain('read as its own text');
  });
});

describe('no decision read where none is cited or none is listed', () => {
  const list = '# Platform team: decisions of 3 March\n\n1. Retention stays at 30 days.\n2. Structured logs everywhere, production included.\n';
  it.each([
    ['a number the list does not hold', 'staging: structured logs (decision 7)', list, 'docs/team/2027-03-03.md'],
    ['a number with no word for a decision', 'staging: structured logs (step 2)', list, 'docs/team/2027-03-03.md'],
    [
      'a record of one decision whose numbered lines are its options',
      'staging: structured logs (decision 2)',
      '# 2. Log format\n\nOptions:\n\n1. Keep plain logs.\n2. Structured logs everywhere, production included.\n',
      'docs/decisions/0002-log-format.md',
    ],
    [
      'a list that is no list of decisions',
      'staging: structured logs (decision 2)',
      '# Platform team: open questions\n\n1. Retention?\n2. Structured logs everywhere, production included?\n',
      'docs/team/2027-03-03.md',
    ],
  ])('%s', (_what, cite, text, path) => {
    const v = verdictOf(cite, text, [], path);
    expect(v.reasons.join('\n')).not.toContain('read as its own text');
  });
});

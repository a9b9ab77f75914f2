// Session 24 (issue 10): a change made first in the lower environment, its next step left to an
// approved change window that a change record, filed under the change's own ticket, dates. Four
// readings made it a temporary change called off: a problem "during peak" taken for the change's own
// span, "via the change window" not read as the next step, the record under the same ticket not read
// as the plan, and its "Rollback: set back to 200 and restart" (the plan's way back) read as the
// change undone. Phrasings of our own, several styles and languages, with the negatives.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { withoutContingencies } from '../../src/verdict/contingency.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['staging', 'production'];
const commit = (subject: string, body = '') => ({ subject, body, author: 'Ana Ruiz', email: 'ana@example.test', date: '2026-11-24T10:00:00Z' });
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a problem "during" an event says when the trouble comes, not how long the change lasts', () => {
  it.each([
    ['staging: pool 20 -> 40', 'pool exhaustion during peak, see OPS-12'],
    ['staging: raise worker count', '502s during the sale last year'],
    ['staging: lock timeout 5s -> 15s', 'lock timeouts during the nightly import'],
    ['staging: bigger buffer', 'we saw deadlocks during the reindex'],
  ])('not temporary: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'staging', ENVS).temporary).toBeUndefined();
  });

  it.each([
    ['staging: pool 20 -> 40 during the sale', ''],
    ['staging: cron off', 'disabled during the migration, back on after'],
  ])('still temporary: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'staging', ENVS).temporary).toBeDefined();
  });
});

describe('a window named as the way the next environment gets it is its next step', () => {
  it.each(['production via the change window', 'prod through the next maintenance window', 'production via the CAB window (CHG-9)'])('%s', (body) => {
    const hold = readIntent(commit('staging: pool 20 -> 40', body), 'staging', ENVS).hold;
    expect(hold?.follows).toBe(true);
    expect(hold?.envs).toEqual(['production']);
  });

  it('a tool named after "via" is no window', () => {
    expect(readIntent(commit('staging: pool 20 -> 40', 'applied via helm'), 'staging', ENVS).hold).toBeUndefined();
  });
});

describe('a change record filed under the change own ticket dates the step it leaves to a window', () => {
  const TODAY = '2026-12-04';
  const base: Step = { subject: 'db config', date: '2026-03-01T09:00:00Z', set: { staging: ['', '200'], production: ['', '200'] } };
  const change = (subject: string, body: string): Step => ({ subject, body, date: '2026-11-26T10:00:00Z', set: { staging: ['200', '400'] } });
  const record = (path: string): Step => ({ subject: 'change record', date: '2026-11-28T10:00:00Z', touched: [path] });

  it.each([
    [
      'an English record as a list',
      change('staging: max connections 200 -> 400 (CHG-2201)', 'production via the change window'),
      'docs/changes/CHG-2201.md',
      '# CHG-2201 max connections\n\n- Risk: medium, needs a restart\n- staging: done 2026-11-26\n' +
        '- production: window 2026-12-10 05:00-07:00 UTC\n- CAB: approved 2026-11-28\n- Rollback: set back to 200 and restart\n',
    ],
    [
      'a German record as a table',
      change('Staging: Verbindungen 200 -> 400 (CHG-2202)', 'Production im nächsten Wartungsfenster'),
      'changes/chg-2202.md',
      '# CHG-2202\n\n| Umgebung | Termin | Status |\n|---|---|---|\n| Production | 10.12.2026 05:00 | genehmigt |\n\nRückfallplan: zurück auf 200 setzen und neu starten.\n',
    ],
  ])('%s: declared until the window, never undone by the record', (_, step, path, text) => {
    const v = judge('db.maxConnections', [base, step, record(path)], TODAY, {}, { documents: [{ path, step: 2, text }] });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', expires: '2026-12-10' });
    expect(why(v)).not.toMatch(/calls (?:it|the change) off|revert staging/);
  });

  it('a record under another ticket dates nothing', () => {
    const v = judge(
      'db.maxConnections',
      [base, change('staging: max connections 200 -> 400 (CHG-2203)', 'production via the change window'), record('docs/changes/CHG-3000.md')],
      TODAY,
      {},
      { documents: [{ path: 'docs/changes/CHG-3000.md', step: 2, text: '# CHG-3000\n\n- production: window 2026-12-10 05:00 UTC\n' }] },
    );
    expect(why(v)).not.toMatch(/dates production's step/);
    expect(v.expires).toBeUndefined();
  });
});

describe('a rollback label followed by "set back" is the plan unless it marks the past', () => {
  it.each([
    ['- Rollback: set back to 200 and restart', 'set back'],
    ['Rollback: switched back to v1, then redeploy', 'switched back'],
    ['Back-out: put back the old URL if errors rise', 'put back'],
  ])('a plan, left out: %s', (text, words) => {
    expect(withoutContingencies(`Pool to 400.\n${text}`)).not.toContain(words);
  });

  it.each(['Rollback: set back to false after errors at 14:02', 'Rollback: switched back on 2026-11-20 because of INC-88'])('a report, kept: %s', (text) => {
    expect(withoutContingencies(text)).toBe(text);
  });
});

// Session 23 (issue 10): a change that leaves the next environment's step to a plan ("production in
// the change window, see docs/changes/OPS-88.md") is dated by that plan: the row or sentence of the
// document the change wrote, or the one it names by path, that gives the waiting environment a date.
// Before that date the difference is the plan, declared until then; moving the value now would take
// the step outside its window. Situations and phrasings of their own, none from a verdict story; with
// the negatives: a document the change neither wrote nor names, a row that records a day already past.
import { describe, expect, it } from 'vitest';
import { planDocumentGate } from '../../src/verdict/gates.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-04';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;
const base: Step = { subject: 'worker config', date: '2026-03-01T09:00:00Z', set: { staging: ['', '8'], production: ['', '8'] } };

describe('a step left to a plan document takes the date the plan gives it', () => {
  const change = (body: string, touched: string[] = []): Step => ({
    subject: 'worker pool 8 -> 16 in staging (OPS-88)',
    body,
    date: '2026-11-30T10:00:00Z',
    set: { staging: ['8', '16'] },
    touched,
  });

  it('without the plan, nothing dates the step', () => {
    const v = judge('worker.pool', [base, change('production in the change window')], TODAY);
    expect(v.expires, why(v)).toBeUndefined();
  });

  it.each([
    [
      'a table the change wrote',
      'production in the change window, see docs/changes/OPS-88.md',
      '# OPS-88\n\n| env | when | status |\n|---|---|---|\n| staging | 2026-11-30 | done |\n| production | 2026-12-10 21:00-22:00 UTC | approved |\n',
    ],
    [
      'a paragraph the change wrote',
      'prod follows in the maintenance window',
      '# OPS-88 worker pool\n\nStaging first. Production: 2026-12-10, 21:00 UTC, restart of all workers.\n',
    ],
    [
      'a German plan',
      'Prod im nächsten Wartungsfenster, siehe docs/changes/OPS-88.md',
      '# OPS-88\n\n| Umgebung | Termin | Status |\n|---|---|---|\n| Production | 10.12.2026 22:00 | genehmigt |\n',
    ],
  ])('%s: declared until its date', (_, body, text) => {
    const v = judge(
      'worker.pool',
      [base, change(body, ['docs/changes/OPS-88.md'])],
      TODAY,
      {},
      {
        documents: [{ path: 'docs/changes/OPS-88.md', step: 1, text }],
      },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null, expires: '2026-12-10' });
    expect(v.reasons.join('\n')).toMatch(/docs\/changes\/OPS-88\.md .* dates production's step: 2026-12-10/);
  });

  it('a plan written earlier and named by path dates it too', () => {
    const steps: Step[] = [
      base,
      { subject: 'release calendar', date: '2026-11-20T10:00:00Z', touched: ['ops/calendar.md'] },
      change('production in the next window (ops/calendar.md)'),
    ];
    const v = judge(
      'worker.pool',
      steps,
      TODAY,
      {},
      {
        documents: [{ path: 'ops/calendar.md', step: 1, text: '# Windows\n\n| env | window |\n|---|---|\n| production | 2026-12-10 21:00 UTC |\n' }],
      },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', expires: '2026-12-10' });
  });

  it('a plan the change neither wrote nor names dates nothing', () => {
    const steps: Step[] = [
      base,
      { subject: 'release calendar', date: '2026-11-20T10:00:00Z', touched: ['ops/calendar.md'] },
      change('production in the change window'),
    ];
    const v = judge(
      'worker.pool',
      steps,
      TODAY,
      {},
      {
        documents: [{ path: 'ops/calendar.md', step: 1, text: '# Windows\n\n| env | window |\n|---|---|\n| production | 2026-12-10 21:00 UTC |\n' }],
      },
    );
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/dates production's step/);
  });
});

describe('planDocumentGate reads rows one by one, and only dates ahead of the plan', () => {
  const message = (sha: string, date: string): Message => ({
    sha,
    parents: [],
    subject: 'plan',
    body: '',
    author: 'Ana',
    email: 'a@example.test',
    date,
    committed: date,
  });
  const gate = (text: string) =>
    planDocumentGate(
      'production',
      { commit: 'c1', text: 'production in the window' },
      ['staging', 'production'],
      buildLog(new Map(), [message('c1', '2026-11-30T10:00:00Z')], [{ path: 'docs/plan.md', text, sha: 'c1' }]),
      TODAY,
    );
  it('the production row of a table, not the staging row above it', () => {
    expect(gate('| env | when |\n|---|---|\n| staging | 2026-12-01 |\n| production | 2026-12-09 |\n')?.date).toBe('2026-12-09');
  });
  it('a row recording a day before the plan was written is no date of a step to come', () => {
    expect(gate('| env | when |\n|---|---|\n| production | 2026-11-02 (done) |\n')).toBeUndefined();
  });
  it('a plan naming production with no date gives none', () => {
    expect(gate('Production only inside an approved window, not before.\n')).toBeUndefined();
  });
});

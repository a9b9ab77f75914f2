// A check that gates the next environment's step, however it is worded (issue 10, the readers2 lane of
// session 24). "Prod in the window on 2026-11-20, after the smoke test" with the window passed and no
// word of the smoke test backfilled production at 0.70, as if the date alone were the go: the check,
// not its date, was the gate. A later text reporting the check made opens it again. Phrasings of our
// own, in English, German and French; in memory.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'service defaults', date: '2026-06-01T10:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } };
const change = (body: string): Step => ({ subject: 'staging: pool 20 -> 40', body, date: '2026-11-10T10:00:00Z', set: { staging: ['20', '40'] } });
const note = (subject: string): Step => ({ subject, date: '2026-11-15T10:00:00Z', touched: ['docs/release-notes.md'] });
const verdictOn = (body: string, today: string, later: Step[] = []) => judge('pool.size', [start, change(body), ...later], today);
const UNRECORDED = /nobody recorded/;

const GATED = [
  'Prod in the window on 2026-11-20, after the smoke test',
  'Prod in the window on 2026-11-20 once the checkout load test is done',
  'Production follows on 2026-11-20 once QA has seen it',
  'Prod on 2026-11-20 once QA has looked at it',
  'Prod on 2026-11-20 when security signs off',
  'Prod on 2026-11-20 if p99 holds for a week',
  'Prod in the 2026-11-20 window as long as the error rate stays under 1%',
  'Production follows in the 2026-11-20 window, once the e2e tests have passed on staging',
  'Prod follows on 2026-11-20 after the regression tests',
  'Prod folgt am 20.11.2026 nach dem Smoke-Test',
  'Prod folgt im Fenster am 20.11.2026, sobald QA es abgenommen hat',
];

describe('a check before the step, not recorded: the window passing is no go', () => {
  it.each(GATED)('%s', (body) => {
    const before = verdictOn(body, '2026-11-18');
    expect(before.suggested, before.reasons.join('\n')).toBe('declare');
    const after = verdictOn(body, '2026-12-04');
    expect(after.reasons.join('\n')).toMatch(UNRECORDED);
    expect(after.confidence).toBeLessThanOrEqual(0.5);
    expect(after.question).toBeTruthy();
  });
});

describe('the check reported made later opens the gate', () => {
  it.each([
    ['Prod in the window on 2026-11-20, after the smoke test', 'smoke test green on staging'],
    ['Production follows on 2026-11-20 once QA has seen it', "QA ok'd it, no findings"],
    ['Prod on 2026-11-20 when security signs off', 'Security sign-off: granted'],
    ['Prod folgt am 20.11.2026 nach dem Smoke-Test', 'Smoke-Test grün auf Staging'],
    ['Prod on 2026-11-20 if p99 holds for a week', 'p99 held all week (180 ms)'],
  ])('%s + "%s"', (body, report) => {
    const after = verdictOn(body, '2026-12-04', [note(report)]);
    expect(after.suggested, after.reasons.join('\n')).toBe('backfill');
    // (Read by check-met.ts, or by a reader of a gate met that was there before: either names the report.)
    expect(after.reasons.join('\n')).toContain(report);
    expect(after.reasons.join('\n')).not.toMatch(UNRECORDED);
    expect(after.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it.each([
    ['Prod in the window on 2026-11-20, after the smoke test', 'smoke test not green yet'],
    ['Production follows on 2026-11-20 once QA has seen it', 'QA has not seen it yet'],
    ['Prod on 2026-11-20 when security signs off', 'Security sign-off: still pending'],
    ['Prod folgt am 20.11.2026 nach dem Smoke-Test', 'Smoke-Test noch nicht grün'],
    ['Prod on 2026-11-20 when security signs off', 'is the security sign-off granted?'],
  ])('%s + "%s": not a report of the check made', (body, report) => {
    const after = verdictOn(body, '2026-12-04', [note(report)]);
    expect(after.reasons.join('\n')).toMatch(UNRECORDED);
    expect(after.confidence).toBeLessThanOrEqual(0.5);
  });

  it('a report written after today is not read', () => {
    const after = verdictOn('Prod in the window on 2026-11-20, after the smoke test', '2026-11-12', [note('smoke test green on staging')]);
    expect(after.suggested).toBe('declare');
  });
});

describe('a check made already, in the change itself, is no gate', () => {
  it.each(['Prod in the window on 2026-11-20; the load test is done, numbers in the PR', 'Prod in the window on 2026-11-20, smoke test green'])(
    '%s',
    (body) => {
      const after = verdictOn(body, '2026-12-04');
      expect(after.reasons.join('\n')).not.toMatch(UNRECORDED);
    },
  );
});

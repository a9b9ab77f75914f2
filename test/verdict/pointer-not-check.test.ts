// A pointer to where more is written is not a check to make (issue 10, the seedocs lane of session 23).
// "prod in the window, see docs/changes/CHG-0412.md" read "see" as a check: once the window had passed
// the verdict said production "was to follow after a check nobody recorded" (0.45) instead of the
// window's go. Phrasings of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'service defaults', date: '2026-06-01T10:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } };
const verdictOn = (body: string, today: string) =>
  judge('pool.size', [start, { subject: 'staging: pool 20 -> 40', body, date: '2026-11-10T10:00:00Z', set: { staging: ['20', '40'] } }], today);
const UNRECORDED = 'after a check nobody recorded';

describe('a reference to a document is not a check', () => {
  it.each([
    'Prod in the window on 2026-11-20, see docs/changes/CHG-0412.md',
    'Prod in the window on 2026-11-20, see the runbook for the steps',
    'Prod in the window on 2026-11-20 (see also README.md)',
    'Prod in the window on 2026-11-20, see CHG-0412',
    'Prod in the window on 2026-11-20, details: see https://wiki.example.com/chg/412',
    'Prod in the window on 2026-11-20, check the wiki for the rollback steps',
    'Prod in the window on 2026-11-20, see below',
    'Prod in the window on 2026-11-20, cf. runbook',
    'Prod in the window on 2026-11-20, siehe Wiki',
    'Prod in the window on 2026-11-20, voir la page du changement',
    'Prod in the window on 2026-11-20, ver el documento',
    'Prod in the window on 2026-11-20, details in CHG-12',
  ])('%s: the window passed is the go', (body) => {
    const before = verdictOn(body, '2026-11-18');
    expect(before.suggested, before.reasons.join('\n')).toBe('declare');
    const after = verdictOn(body, '2026-12-04');
    expect(after.suggested, after.reasons.join('\n')).toBe('backfill');
    expect(after.reasons.join('\n')).not.toContain(UNRECORDED);
    expect(after.confidence).toBeGreaterThanOrEqual(0.7);
  });
});

describe('a real check stays a check', () => {
  it.each([
    'Prod in the window on 2026-11-20, see that the error rate stays flat',
    'Prod in the window on 2026-11-20, but we want to see staging first',
    'Prod in the window on 2026-11-20, check the dashboard first',
    'Prod in the window on 2026-11-20 after sign-off',
    'Prod im Fenster am 20.11.2026 nach Abnahme',
  ])('%s: the window passed does not say how the check went', (body) => {
    const before = verdictOn(body, '2026-11-18');
    expect(before.suggested, before.reasons.join('\n')).toBe('declare');
    const after = verdictOn(body, '2026-12-04');
    expect(after.reasons.join('\n')).toContain(UNRECORDED);
    expect(after.confidence).toBeLessThan(0.7);
  });
});

// Session 28 (spent holdout-25): a release's change record found by the version the change wrote is
// about that change where its title names the version ("CHG-77 billing-api 3.4.1 to production"):
// approved, its window for the lagging environment passed, it is the go (approved-record.ts). A bare
// number, or a title naming no version or another one, says nothing of which change it is about.
import { describe, expect, it } from 'vitest';
import { approvedPlan } from '../../src/verdict/approved-record.js';

const q = { env: 'staging', environments: ['staging', 'production'], today: '2026-12-04', value: '3.4.1' };
const record = (heading: string, text: string, decided: string) => ({ heading, text, decided, link: 'value', written: { date: '2026-11-10T10:00:00Z' } });

describe('an approved release record titled by the version, its window passed', () => {
  it.each([
    ['English', 'CHG-77 billing-api 3.4.1 to production', '- Window: Thu 2026-11-20 22:00-23:00', 'APPROVED by CAB 2026-11-12'],
    ['with a v', 'RFC-9: release v3.4.1, production', 'Scheduled for: 2026-11-20', 'Approved'],
    ['German', 'Änderung billing-api 3.4.1 für Prod', 'Geplant: 2026-11-20, 22 Uhr', 'genehmigt (CAB 12.11.)'],
    ['French', 'Mise en production billing-api 3.4.1 (production)', 'Prévu : 2026-11-20', 'approuvé'],
    ['Dutch', 'Wijziging billing-api 3.4.1 naar prod', 'Uitvoering: 2026-11-20', 'goedgekeurd'],
  ])('%s: production goes ahead', (_what, heading, text, decided) => {
    expect(approvedPlan(record(heading, text, decided), q, ['production'])?.into).toBe('production');
  });

  it.each([
    ['no version in the title', 'CHG-77 billing-api to production', '- Window: 2026-11-20 22:00', 'Approved', q],
    ['another version in the title', 'CHG-77 billing-api 3.4.10 to production', '- Window: 2026-11-20 22:00', 'Approved', q],
    ['a bare number', 'CHG-77 pool 40 to production', '- Window: 2026-11-20 22:00', 'Approved', { ...q, value: '40' }],
    ['not approved', 'CHG-77 billing-api 3.4.1 to production', '- Window: 2026-11-20 22:00', 'submitted for CAB', q],
    ['a window still ahead', 'CHG-77 billing-api 3.4.1 to production', '- Window: 2026-12-20 22:00', 'Approved', q],
  ])('%s: no go', (_what, heading, text, decided, question) => {
    expect(approvedPlan(record(heading, text, decided), question, ['production'])).toBeUndefined();
  });
});

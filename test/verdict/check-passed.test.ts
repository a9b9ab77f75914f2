// Session 22 (spent holdout-19): a staged rollout waits for a check ("prod after we have confirmed
// the backup job picks up every volume"); a later note by whoever ran it reports the check done and
// passed in a verdict of its own ("checked … all volumes present. OK.", "geprüft: in Ordnung"): the
// next step's gate is met. A check still to come, failed, or asked about is no such report.
// Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { checkPassedIn } from '../../src/verdict/conditions.js';

const TODAY = '2026-12-03';

const created = (value: string): Step => ({
  subject: 'backup settings',
  date: '2026-03-02T09:00:00Z',
  set: { staging: ['', value], production: ['', value] },
});

/** staging's BACKUP_KEEP_DAYS cut 35 → 10 as a rollout's first step, production after a check; then a note (as a document or a commit). */
const story = (body: string, note: { subject: string; doc?: string }) =>
  judge(
    'BACKUP_KEEP_DAYS',
    [
      created('35'),
      { subject: 'backup retention 35 -> 10 days (OPS-412)', body, date: '2026-10-01T10:00:00Z', set: { staging: ['35', '10'] } },
      { subject: note.subject, date: '2026-10-20T10:00:00Z', touched: ['docs/ops/OPS-412.md'] },
    ],
    TODAY,
    {},
    note.doc ? { documents: [{ path: 'docs/ops/OPS-412.md', step: 2, text: note.doc }] } : {},
  );

describe("a check reported passed meets the gate of the rollout's next step", () => {
  const body =
    'Snapshots older than 10 days are in the archive vault anyway. Staging first; production once we have confirmed the archive vault receives every volume.';

  it('a document under the ticket: "verified the archive vault … all 12 volumes there. OK." → production follows', () => {
    const v = story(body, {
      subject: 'OPS-412 vault check',
      doc: '# OPS-412 backup retention\n\n- 2026-10-20 verified the archive vault for staging: all 12 volumes there, nothing missing\n  since the cut. OK.\n',
    });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '10' });
    // A bare verdict is fewer words than an approval: production moves, not confidently.
    expect(v.confidence, v.reasons.join('\n')).toBeLessThanOrEqual(0.6);
  });

  it('a German commit under the ticket: "Archiv-Vault geprüft … In Ordnung." → production follows', () => {
    const v = story(body, { subject: 'OPS-412: Archiv-Vault für staging geprüft, alle 12 Volumes vorhanden. In Ordnung.' });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '10' });
  });

  it('the check failed ("3 volumes missing"): production does not follow', () => {
    const v = story(body, {
      subject: 'OPS-412 vault check',
      doc: '# OPS-412 backup retention\n\n- 2026-10-20 verified the archive vault for staging: 3 volumes missing. Not OK.\n',
    });
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });

  it('the check is still to come ("to be verified next sprint. OK.") : production does not follow', () => {
    const v = story(body, {
      subject: 'OPS-412 vault check',
      doc: '# OPS-412 backup retention\n\n- archive vault for staging to be verified next sprint. OK.\n',
    });
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
});

describe('checkPassedIn reads a passed check in the languages the readers read', () => {
  it.each([
    ['checked the export for staging: all groups present, no gaps. OK.', true],
    ['Export für staging geprüft: alle Gruppen da. In Ordnung.', true],
    ["vérifié l'export sur staging : OK", true],
    ['export gecontroleerd op staging: groen', true],
    ['comprobado el export en staging: todo bien. Correcto.', true],
    ['tested the restore: passed ✅', true],
    ['checked the export: OK?', false],
    ['checked the export: not OK, 3 groups missing', false],
    ['once checked: OK for prod', false],
    ['to be checked next week. OK.', false],
    ['noch nicht geprüft. OK.', false],
    ['checked the export. Missing groups: 3.', false],
  ])('%s → %s', (text, passed) => {
    expect(!!checkPassedIn(text)).toBe(passed);
  });
});

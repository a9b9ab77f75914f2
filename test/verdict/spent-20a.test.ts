// holdout-20's spent fixes (session 23, lane spent20a), each as a principle read in situations and
// phrasings of its own, with what must not change.
// (1) A change record's rollback line ("Rollback: set X back to 20", "Terugdraaien: terug naar 168"),
//     written among its other fields, is the plan should the change fail, not a word that the change
//     is to be undone: no reader reverts the environment on it.
// (2) A change record approved by its own status, planning the change for a lagging environment on a
//     day or in a week that has passed, is the go for that environment (backfill, below the confident
//     line). Not a record still proposed, one whose plan for that environment is negated, gated or
//     postponed, or whose day or week is still ahead.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { withoutContingencies } from '../../src/verdict/contingency.js';
import type { Message } from '../../src/verdict/log.js';

describe('a record field that plans the way back is no undo', () => {
  it.each([
    ['English fields joined', 'Status: Approved Planned: 2026-12-03 Rollback: set POOL back to 20', 'Status: Approved Planned: 2026-12-03'],
    ['Back-out field', 'Owner: ops Window: Sat 02:00 Back-out: revert the commit, pool back to 20', 'Owner: ops Window: Sat 02:00'],
    ['Dutch Terugdraaien', 'Status: Goedgekeurd Uitvoering: prd in KW49 Terugdraaien: waarde terug naar 168', 'Status: Goedgekeurd Uitvoering: prd in KW49'],
    ['Dutch Terugzetten, on its own line', 'Besluit: akkoord\n\nTerugzetten: timeout terug naar 30', 'Besluit: akkoord'],
    ['German Rückfallplan field', 'Status: Genehmigt Termin: KW 50 Rückfallplan: zurück auf 20', 'Status: Genehmigt Termin: KW 50'],
  ])('%s', (_what, text, kept) => {
    const out = withoutContingencies(text);
    expect(out.trim()).toBe(kept);
  });

  it.each([
    ['lower case in prose: an event', 'We did the rollback: set POOL back to 20 after the errors'],
    ['a field reporting the undo done', 'Status: closed Rollback: done at 14:02, pool back to 20'],
    ['no label', 'Status: closed. Rolled back the pool to 20 after errors'],
  ])('kept: %s', (_what, text) => {
    expect(withoutContingencies(text)).toBe(text);
  });
});

const kai = messagesBy('Kai Brandt', 'k@x', 'a');
const ruth = messagesBy('Ruth Adeyemi', 'r@x', 'b');

/** staging's `key` moved `from` → `to` by `subject` on 2026-11-20; production still `from`; `doc` written on 2026-11-28. */
function withRecord(key: string, [from, to]: [string, string], subject: string, doc: { path: string; text: string }, today = '2026-12-05') {
  const created = ruth('2026-10-01T09:00:00Z', 'service values');
  const change = kai('2026-11-20T10:00:00Z', subject);
  const record: Message = ruth('2026-11-28T10:00:00Z', `docs: ${doc.path}`);
  const base = (e: string) => ({ ...eventOf(created, `values/${e}.yaml`, null, from, { merge: false, revert: false }), order: 2 });
  return explainCrossEnv({
    key,
    history: {
      staging: [{ ...eventOf(change, 'values/staging.yaml', from, to, { merge: false, revert: false }), order: 1 }, base('staging')],
      production: [base('production')],
    },
    messages: [record, change, created],
    values: { staging: to, production: from },
    type: 'number',
    today,
    documents: [{ ...doc, sha: record.sha }],
  });
}

describe('a rollback line in an approved change record reverts nothing', () => {
  it.each([
    [
      'English, fields on consecutive lines',
      'DB_POOL_SIZE',
      'pool 40 on staging (OPS-31)',
      '# OPS-31 pool size\n\nStatus: under review\nOwner: Kai\nRollback: set DB_POOL_SIZE back to 20\n',
    ],
    [
      'Dutch, Terugdraaien',
      'DB_POOL_SIZE',
      'pool 40 op staging (OPS-31)',
      '# OPS-31 pool\n\nStatus: in behandeling\nEigenaar: Kai\nTerugdraaien: DB_POOL_SIZE terug naar 20\n',
    ],
  ])('%s', (_what, key, subject, text) => {
    const v = withRecord(key, ['20', '40'], subject, { path: 'docs/changes/OPS-31.md', text });
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
});

describe('an approved change record whose day for production has passed: production follows', () => {
  const positives: Array<[string, string, string]> = [
    [
      'English, title names production, Planned field',
      'pool 40 on staging (OPS-31)',
      '# OPS-31 DB pool 20 -> 40 in production\n\nStatus: Approved (CAB 2026-11-27)\nPlanned: 2026-12-02\nRollback: set DB_POOL_SIZE back to 20\n',
    ],
    [
      'Dutch, the week in a clause naming production',
      'pool 40 (OPS-31)',
      '# OPS-31 DB_POOL_SIZE 20 -> 40\n\nStatus: Goedgekeurd\nUitvoering: staging gedaan, production in KW48\nTerugdraaien: terug naar 20\n',
    ],
    [
      'German, Genehmigt, production in a week',
      'Pool 40 auf Staging (OPS-31)',
      '# OPS-31 DB_POOL_SIZE auf 40\n\nStatus: Genehmigt\nUmsetzung: Staging erledigt, Produktion in KW 48/2026\n',
    ],
    [
      'a bold status and a list item for production with its date',
      'raise pool (OPS-31)',
      '# OPS-31 DB_POOL_SIZE\n\n**Status:** accepted\n\n- production: 2026-12-01, change window 22:00\n',
    ],
  ];
  it.each(positives)('%s', (_what, subject, text) => {
    const v = withRecord('DB_POOL_SIZE', ['20', '40'], subject, { path: 'docs/changes/OPS-31.md', text });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '40' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['still proposed', '# OPS-31 DB pool 20 -> 40 in production\n\nStatus: Proposed\nPlanned: 2026-12-02\n'],
    ['the day still ahead', '# OPS-31 DB pool 20 -> 40 in production\n\nStatus: Approved\nPlanned: 2026-12-14\n'],
    ['the week still ahead', '# OPS-31 DB_POOL_SIZE 20 -> 40\n\nStatus: Approved\nExecution: staging done, production in KW51\n'],
    ['production postponed', '# OPS-31 DB_POOL_SIZE 20 -> 40\n\nStatus: Approved\nExecution: staging done, production postponed from KW48\n'],
    ['production gated', '# OPS-31 DB_POOL_SIZE 20 -> 40\n\nStatus: Approved\nExecution: production in KW48 if the soak stays green\n'],
    ['production not in it', '# OPS-31 DB_POOL_SIZE 20 -> 40\n\nStatus: Approved\nExecution: production not before KW48\n'],
    ['the title names staging only', '# OPS-31 DB pool 20 -> 40 in staging\n\nStatus: Approved\nPlanned: 2026-11-20\n'],
  ])('no backfill: %s', (_what, text) => {
    const v = withRecord('DB_POOL_SIZE', ['20', '40'], 'pool 40 on staging (OPS-31)', { path: 'docs/changes/OPS-31.md', text });
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'backfill', drifted: 'production' });
    expect(v.reasons.join('\n')).not.toMatch(/approves the change for/);
  });

  it('a record not linked to the change (another ticket, another key) moves nothing', () => {
    const v = withRecord('DB_POOL_SIZE', ['20', '40'], 'pool 40 on staging (OPS-31)', {
      path: 'docs/changes/OPS-77.md',
      text: '# OPS-77 cache TTL 60 -> 120 in production\n\nStatus: Approved\nPlanned: 2026-12-02\n',
    });
    expect(v.reasons.join('\n')).not.toMatch(/approves the change for/);
  });
});

// (3) Where an environment rolled a value back to one a lagging environment held before it moved on,
//     a text written since that says the lagging environment goes back too, now, is that rollback
//     followed there (the lagging environment takes the rolled-back value); a later record of the
//     rollback itself ("flag rolled back in stg") withdraws nothing. Not a plan for later, a negation,
//     or where the change was no rollback.
describe('a rollback the lagging environment is told to follow', () => {
  const tom = messagesBy('Tom Berger', 't@x', 'c');
  /** on/off flag: both on by 11-10/11-12, staging back off on 11-20 by `subject`; `later` on 11-22. */
  function rolledBack(subject: string, later: string, opts: { back?: boolean; laterAt?: string; doc?: string } = {}) {
    const key = 'features.newCheckout';
    const created = ruth('2026-10-01T09:00:00Z', 'flags');
    const onStg = ruth('2026-11-10T09:00:00Z', 'new checkout on staging');
    const onPrd = ruth('2026-11-12T09:00:00Z', 'new checkout -> production');
    const off = tom('2026-11-20T10:00:00Z', subject);
    const note = tom(opts.laterAt ?? '2026-11-22T10:00:00Z', later.split('\n')[0]!, later.split('\n').slice(2).join('\n'));
    const ev = (m: Message, env: string, from: string | null, to: string, order: number, revert = false) => ({
      ...eventOf(m, `flags/${env}.yaml`, from, to, { merge: false, revert }),
      order,
    });
    const back = opts.back ?? true;
    const to = back ? 'false' : 'partial';
    return explainCrossEnv({
      key,
      history: {
        staging: [ev(off, 'staging', 'true', to, 1, back), ev(onStg, 'staging', 'false', 'true', 3), ev(created, 'staging', null, 'false', 5)],
        production: [ev(onPrd, 'production', 'false', 'true', 2), ev(created, 'production', null, 'false', 5)],
      },
      messages: [note, off, onPrd, onStg, created],
      values: { staging: to, production: 'true' },
      type: back ? 'boolean' : 'string',
      today: '2026-12-05',
      ...(opts.doc ? { documents: [{ path: 'docs/pay-77.md', text: opts.doc, sha: note.sha }] } : {}),
    });
  }

  it.each([
    [
      'English, a later note under the ticket',
      'switch new checkout off on staging (PAY-77)',
      'PAY-77 follow-up\n\nfinance confirmed real orders are hit. production must go back to false as well.',
    ],
    ['rolled back too', 'staging: newCheckout off again (PAY-77)', 'PAY-77\n\nSame bug seen by customers: production has to be rolled back too.'],
    ['German', 'newCheckout auf staging aus (PAY-77)', 'PAY-77 Nachtrag\n\nKunden sind betroffen. Prod zurück auf false, heute noch.'],
    [
      'a record of the rollback beside the word for production',
      'turn newCheckout off in staging (PAY-77)',
      'PAY-77 notes\n\nproduction needs to go back off now.',
    ],
  ])('%s', (_what, subject, later) => {
    const v = rolledBack(subject, later, { doc: '# PAY-77\n\n- 2026-11-20 newCheckout rolled back in staging\n- production affected too\n' });
    expect(v, v.reasons.join('\n')).toMatchObject({ drifted: 'production', value: 'false' });
    expect(['backfill', 'revert']).toContain(v.suggested);
  });

  it.each([
    ['a plan for later', 'switch new checkout off on staging (PAY-77)', 'PAY-77\n\nproduction goes back once finance confirms a real order is hit.'],
    ['negated', 'switch new checkout off on staging (PAY-77)', 'PAY-77\n\nproduction does not go back: no customer order is affected.'],
    ['the later word names staging only', 'switch new checkout off on staging (PAY-77)', 'PAY-77\n\nstaging has to go back to false for the QA run.'],
  ])('production stays: %s', (_what, subject, later) => {
    const v = rolledBack(subject, later);
    expect(v, v.reasons.join('\n')).not.toMatchObject({ drifted: 'production', value: 'false' });
  });

  it('no rollback: staging moved to a new value, "production goes back" moves nothing toward it', () => {
    const v = rolledBack('newCheckout partial on staging (PAY-77)', 'PAY-77\n\nproduction must go back now.', { back: false });
    expect(v, v.reasons.join('\n')).not.toMatchObject({ drifted: 'production', value: 'partial' });
  });
});

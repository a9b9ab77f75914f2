// holdout-17's spent fixes (session 20), each as a principle read in situations and phrasings of
// its own, with what must not change.
// (1) A pause a person made with its planned end ("resume on …", "unsuspend after …", "scale it back
//     up on …") is temporary until that day: on a live object's annotation, once the day has passed,
//     the hand edit goes back; a resumption reported as done, or not yet due, is no such end.
// (2) A contract entry older than a documented, approved change is what is stale: a document the
//     change cites (by path, file name or ticket), written after the entry, that approves the value
//     for the environment it went to, makes the contract the side to update (declare), never a move back.
import { describe, expect, it } from 'vitest';
import { explainViolation, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent, Provenance } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { readIntent } from '../../src/verdict/intent.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import type { Document, Message } from '../../src/verdict/log.js';

const ENVS = ['staging', 'production'];
const WRITTEN = '2026-11-20T17:48:02Z';
const intentOf = (text: string) => readIntent({ subject: text, body: '', author: 'Ines', email: 'i@x', date: WRITTEN }, 'production', ENVS);

describe('a pause with its planned end is temporary until that day', () => {
  it.each([
    ['an ISO date after "resume on"', 'paused the nightly export for the DC move; resume on 2026-11-23', '2026-11-23'],
    ['day.month after "unsuspend after"', 'suspended while the warehouse API is rebuilt, unsuspend after 23.11.', '2026-11-23'],
    ['a particle verb and a written date', 'scaled to zero for the failover drill, scale it back up on Monday 23 November', '2026-11-23'],
    ['a month and day after its object', 'Unpause the ingest job Nov 30th, the vendor fixes their feed by then', '2026-11-30'],
    ['a weekday before a day/month', 'job paused for the bank cutover - resumes Mon 23/11', '2026-11-23'],
    ['a weekday alone', 'sync paused during the re-key, turn it back on next Monday', '2026-11-23'],
  ])('%s', (_what, text, until) => {
    expect(intentOf(text).temporary?.until, JSON.stringify(intentOf(text))).toBe(until);
  });

  it('the resumption is the end even after an earlier date in the same text', () => {
    expect(readDeadline('suspended on 2026-11-20 for the migration, resume on 2026-11-23', WRITTEN).date).toBe('2026-11-23');
  });

  it.each([
    ['a resumption reported as done', 'resumed on 23/11 after the migration'],
    ['a switch reported as done', 're-enabled Monday after the fix'],
    ['a noun after the verb, no time', 'resume monitoring of the queue'],
    ['a resumption waiting for a person', 'Do not resume before the bank confirms the new host'],
    ['a resumption negated', 'we are not resuming on 23/11'],
  ])('%s is no end', (_what, text) => {
    expect(intentOf(text).temporary?.until).toBeUndefined();
  });
});

describe('a hand-made pause whose annotation gives its end', () => {
  const byHand: Provenance = { manager: 'kubectl-patch', operation: 'Update', time: WRITTEN, exact: true, human: true, kind: 'human' };
  const created: HistoryEvent = {
    commit: 'a'.repeat(40),
    author: 'Aiko',
    email: 'a@x',
    date: '2026-02-02T10:00:00Z',
    committed: '2026-02-02T10:00:00Z',
    subject: 'jobs',
    body: '',
    file: 'k8s/production/jobs.yaml',
    from: null,
    to: 'false',
    merge: false,
    revert: false,
    order: 0,
  };
  const paused = (key: string, file: string, live: string, note: string, today: string) => {
    const event = { ...created, to: file };
    const d = {
      id: key,
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['production'],
      values: {
        production: { repo: file, live, at: { file: event.file, line: 1, column: 1 }, type: null, liveAnnotations: { 'ops.example/note': note } },
      },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: byHand },
    } as unknown as Divergence;
    const log = buildLog(new Map([['production', new Map([[key, [event]]])]]), []);
    return explain(d, { production: [event] }, { promotion: ENVS, environments: ENVS, today, log });
  };

  it.each([
    ['a CronJob suspended', 'CronJob/ledger-export.suspend', 'false', 'true', 'suspended while the warehouse API is rebuilt, unsuspend after 23.11. (Ines)'],
    [
      'a Deployment scaled to zero',
      'Deployment/recs-worker.replicas',
      '3',
      '0',
      'scaled to zero for the failover drill, scale it back up on Monday 23 November',
    ],
    ['a rollout paused', 'Rollout/checkout.paused', 'false', 'true', 'paused for the PSP maintenance. Resume on 2026-11-23.'],
  ])('%s, its end passed: the live edit goes back', (_what, key, file, live, note) => {
    const v = paused(key, file, live, note, '2026-12-04');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: file });
    expect(v.reasons.join('\n')).toMatch(/has passed/);
  });

  it('its end still ahead: not reverted now, the end is said', () => {
    const v = paused('CronJob/ledger-export.suspend', 'false', 'true', 'paused for the DC move, resume on 2026-12-10', '2026-12-04');
    expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.5);
    expect(v.expires).toBe('2026-12-10');
  });

  it('a resumption reported, not planned, gives no end: no confident revert on it', () => {
    const v = paused('CronJob/ledger-export.suspend', 'false', 'true', 'suspended for the bank migration; resumed on 23/11 by Lukas', '2026-12-04');
    expect(v.reasons.join('\n')).not.toMatch(/lasts until/);
  });
});

describe('a contract entry older than a documented, approved change is stale', () => {
  const msg = messagesBy('Noor', 'n@x', 'd');
  const ENTRY = '2026-06-01T10:00:00Z';
  /** production's `key` moved `from` → `to` by `change` (staging holding `staging`), against an entry
   * written at `entry` that allows production `from` for `reason`; `docs` committed by their messages. */
  const violation = (
    key: string,
    [from, to, staging]: [string, string, string],
    change: Message,
    docs: Array<Omit<Document, 'sha'> & { by: Message }>,
    entry = ENTRY,
  ) => {
    const event: HistoryEvent = eventOf(change, 'deploy/production.env', from, to, { merge: false, revert: false });
    const declared: HistoryEvent = {
      ...event,
      commit: 'e'.repeat(40),
      file: 'config/expected-env-diff.yaml',
      from: null,
      to: from,
      date: entry,
      committed: entry,
      subject: 'contract',
    };
    return explainViolation({
      key,
      entry: `    staging: any\n    production: "${from}"\n    reason: only approved versions in production\n`,
      violating: ['production'],
      values: { staging, production: to },
      allowed: { staging: 'any', production: from },
      history: { staging: [], production: [event] },
      messages: [...docs.map((doc) => doc.by), change],
      documents: docs.map(({ by, ...doc }) => ({ ...doc, sha: by.sha })),
      today: '2026-12-04',
      contractHistory: new Map([[`expected_differences.${key}.production`, [declared]]]),
    });
  };

  it('cited by its path, every environment on the new value: the contract is updated, not production reverted', () => {
    const doc = msg('2026-11-02T09:00:00Z', 'security board: TLS review');
    const change = msg('2026-11-02T15:00:00Z', 'production: TLS 1.3 only (see docs/security/tls-review.md)');
    const v = violation('TLS_MIN_VERSION', ['1.2', '1.3', '1.3'], change, [
      {
        path: 'docs/security/tls-review.md',
        text: '# TLS 1.3-only review\n\nOutcome: TLS 1.3 only is approved for production by the security board.\n',
        by: doc,
      },
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.reasons.join('\n')).toMatch(/tls-review\.md/);
  });

  it('cited by a ticket in the file name, staging elsewhere: declare', () => {
    const doc = msg('2026-11-10T09:00:00Z', 'risk: ruleset sign-off');
    const change = msg('2026-11-12T10:00:00Z', 'prod ruleset r12', 'RISK-204');
    const v = violation('ANTI_FRAUD_RULESET', ['r11', 'r12', 'r13'], change, [
      { path: 'docs/risk/RISK-204.md', text: '# Ruleset r12\n\n- Backtest clean over 90 days.\n- Signed off for production on 10 Nov.\n', by: doc },
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production' });
  });

  it('cited by its file name, in German ("freigegeben"): declare', () => {
    const doc = msg('2026-11-05T09:00:00Z', 'Freigabe Exportformat');
    const change = msg('2026-11-06T10:00:00Z', 'Produktion: Export als xlsx (siehe freigabe-export.md)');
    const v = violation('EXPORT_FORMAT', ['csv', 'xlsx', 'xlsx'], change, [
      { path: 'docs/freigabe-export.md', text: '# Export xlsx\n\nDas Format xlsx ist für Produktion freigegeben (Fachbereich Buchhaltung).\n', by: doc },
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production' });
  });

  const cases: Array<[string, string, string?]> = [
    ['an approval still to come', '# Model v8\n\nv8 is to be approved for production once the bias review is done.\n'],
    ['an approval for staging only', '# Model v8\n\nv8 approved for staging; production stays on v7.\n'],
    ['another value approved, this one rejected', '# Models\n\nv9 approved for production; v8 rejected (drift on new merchants).\n'],
    ['a document older than the contract entry', '# Model v8\n\nv8 approved for production.\n', '2026-05-01T09:00:00Z'],
  ];
  it.each(cases)('%s backs nothing: the verdict stays as without it', (_what, text, written) => {
    const doc = msg(written ?? '2026-11-20T09:00:00Z', 'model risk notes');
    const change = msg('2026-11-20T14:00:00Z', 'production: fraud model v8 (see docs/model-risk/v8.md)');
    const v = violation('FRAUD_MODEL', ['v7', 'v8', 'v8'], change, [{ path: 'docs/model-risk/v8.md', text, by: doc }]);
    const without = violation('FRAUD_MODEL', ['v7', 'v8', 'v8'], change, []);
    expect({ suggested: v.suggested, confidence: v.confidence }, v.reasons.join('\n')).toEqual({
      suggested: without.suggested,
      confidence: without.confidence,
    });
    expect(v.reasons.join('\n')).not.toMatch(/backs production/);
  });

  it('an approving document the change does not cite backs nothing', () => {
    const doc = msg('2026-11-20T09:00:00Z', 'model risk notes');
    const change = msg('2026-11-20T14:00:00Z', 'production: fraud model v8');
    const v = violation('FRAUD_MODEL', ['v7', 'v8', 'v8'], change, [
      { path: 'docs/model-risk/v8.md', text: '# Model v8\n\nv8 approved for production.\n', by: doc },
    ]);
    expect(v.reasons.join('\n')).not.toMatch(/backs production/);
  });
});

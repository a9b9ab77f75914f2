// Session 12 (spent holdout-10): a person's fuller or later word outranks a rule that would move a
// value. (1) A contract violation made by a deliberate, explained change — a ticket, a stated
// reason, a later text that backs the value — says the contract is stale: declare, never a
// confident move back; a slip still goes back. (2) A plan a commit stated ("staging first, then
// prod") that a later committed text withdraws moves nothing forward. Situations and phrasings of
// their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import type { Document, Message } from '../../src/verdict/log.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';
const ENVS = ['staging', 'production'];

describe('a contract violation made by a deliberate, explained change: the contract is stale', () => {
  const msg = messagesBy('Noor', 'n@x', 'c');
  /** production's `key` moved from `from` to `to` by `change`, the contract allowing production `from`. */
  const violation = (
    key: string,
    from: string,
    to: string,
    change: Message,
    later: Message[] = [],
    documents: Array<Omit<Document, 'sha'> & { by: Message }> = [],
  ) => {
    const contract = parseContract(yamlFileFromText(`expected_differences:\n  ${key}:\n    staging: "other"\n    production: "${from}"\n`, 'c.yaml'), ENVS);
    const event: HistoryEvent = eventOf(change, 'deploy/production.yaml', from, to, { merge: false, revert: false });
    const d = {
      id: key,
      key,
      kind: 'contract-violation',
      severity: 'drift',
      envs: ['production'],
      values: { staging: { repo: 'other', live: null }, production: { repo: to, live: null } },
      contract: { key, allowed: { staging: 'other', production: from } },
      notes: [],
    } as unknown as Divergence;
    const docs = documents.map(({ by, ...doc }) => ({ ...doc, sha: by.sha }));
    const log = buildLog(new Map([['production', new Map([[key, [event]]])]]), [...[...later].reverse(), change], docs);
    return explain(d, { staging: [], production: [event] }, { promotion: ENVS, environments: ENVS, today: TODAY, contract, log });
  };

  it('a ticket and a pen-test finding in the change, and a later security note backing the value: declare', () => {
    const change = msg('2026-10-02T10:00:00Z', 'shorten production sessions (SEC-88 pen-test finding)');
    const note = msg('2026-10-12T10:00:00Z', 'docs: session policy');
    const v = violation(
      'SESSION_TTL_MIN',
      '30',
      '15',
      change,
      [note],
      [
        {
          path: 'docs/security/sessions.md',
          text: '# Sessions\n\nSEC-88: production sessions expire after `15` minutes from now on; 30 is too long.\n',
          by: note,
        },
      ],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.reasons.join('\n')).toMatch(/sessions\.md/);
  });

  it('a reason in the body, no ticket and no document ("because the checkout load doubled"): a question, not a move back', () => {
    const v = violation(
      'DB_POOL_MAX',
      '20',
      '40',
      msg('2026-11-02T10:00:00Z', 'raise the production pool', 'because the checkout load doubled since the sale'),
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeTruthy();
  });

  it('a later commit naming the key, with no value changed, backs it: declare', () => {
    const change = msg('2026-11-02T10:00:00Z', 'prod: retries to 3');
    const later = msg('2026-11-09T10:00:00Z', 'ops review: PAYMENT_RETRIES stays at 3 in production, the gateway asked for it');
    const v = violation('PAYMENT_RETRIES', '5', '3', change, [later]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.reasons.join('\n')).toMatch(/ops review/);
  });

  it('a reason in German ("wegen der Prüfung"): not a confident move back', () => {
    const v = violation('EXPORT_FORMAT', 'csv', 'xlsx', msg('2026-11-02T10:00:00Z', 'Produktion exportiert xlsx, wegen der Prüfung durch die Buchhaltung'));
    expect(v.suggested === 'revert' && v.confidence > 0.5, v.reasons.join('\n')).toBe(false);
  });

  it('a slip nobody explained still goes back: "bump prod log level"', () => {
    const v = violation('LOG_VERBOSITY', 'warn', 'debug', msg('2026-11-02T10:00:00Z', 'bump prod log level'));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'warn' });
    expect(v.confidence).toBeGreaterThan(0.5);
  });
});

describe('a plan a later text withdraws moves nothing forward', () => {
  const created = (value: string): Step => ({
    subject: 'service config',
    date: '2026-03-02T09:00:00Z',
    set: { staging: ['', value], production: ['', value] },
  });
  const later = (date: string, subject: string): Step => ({ subject, date, touched: ['docs/notes.md'] });

  it('a later commit naming the key says the rollout is cancelled: staging goes back, at most 0.5', () => {
    const v = judge(
      'BULK_EXPORT_ENABLED',
      [
        created('false'),
        { subject: 'enable bulk export in staging first, then everywhere', date: '2026-10-01T10:00:00Z', set: { staging: ['false', 'true'] } },
        later('2026-10-20T10:00:00Z', 'BULK_EXPORT_ENABLED: rollout cancelled, the legal review failed'),
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'false' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('a document names the plan by its words, not the key ("we will not raise the worker threads after all … 4 stays")', () => {
    const v = judge(
      'WORKER_THREADS',
      [
        created('4'),
        { subject: 'Raise worker threads to 16 on staging, then in all environments', date: '2026-10-01T10:00:00Z', set: { staging: ['4', '16'] } },
        later('2026-10-15T10:00:00Z', 'capacity notes'),
      ],
      TODAY,
      {},
      {
        documents: [
          {
            path: 'docs/capacity.md',
            step: 2,
            text: '# Capacity\n\nWorker threads: we will not raise them after all, the database cannot take it. 4 stays.\n',
          },
        ],
      },
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.reasons.join('\n')).toMatch(/capacity\.md/);
  });

  it('a document in German withdraws it ("kommt doch nicht")', () => {
    const v = judge(
      'RATE_LIMIT_RPS',
      [
        created('100'),
        { subject: 'rate limit 250 everywhere, staging first', date: '2026-10-01T10:00:00Z', set: { staging: ['100', '250'] } },
        later('2026-10-15T10:00:00Z', 'Entscheidungen'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/entscheidungen.md', step: 2, text: '# Entscheidungen\n\nRATE_LIMIT_RPS: das höhere Limit kommt doch nicht (Kosten).\n' }] },
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('a later text that names the key without withdrawing anything leaves the plan standing', () => {
    const v = judge(
      'CACHE_TTL_S',
      [
        created('60'),
        { subject: 'cache ttl 600 for all environments, staging first', date: '2026-10-01T10:00:00Z', set: { staging: ['60', '600'] } },
        later('2026-10-15T10:00:00Z', 'CACHE_TTL_S at 600 looks fine in staging so far'),
      ],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });

  it('a conditional instruction is no withdrawal ("if hit rates drop, roll back CACHE_TTL_S")', () => {
    const v = judge(
      'CACHE_TTL_S',
      [
        created('60'),
        { subject: 'cache ttl 600 for all environments, staging first', date: '2026-10-01T10:00:00Z', set: { staging: ['60', '600'] } },
        later('2026-10-15T10:00:00Z', 'runbook'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/runbook.md', step: 2, text: '# Cache\n\nIf hit rates drop, roll back CACHE_TTL_S to 60.\n' }] },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });

  // Production went first ("prod first, staging after"): a backport; a later withdrawal undoes
  // production only where it names the key or the change's ticket.
  it.each([
    ['raise the order pool to 80 in production first, staging after', 'Order pool: we are not raising it after all, the database cannot take it.'],
    ['production first: worker pool 80, then staging', 'Worker pool: the raise is cancelled, the DBA said no.'],
    ['prod first, staging next: queue pool to 80', 'Queue pool — decided to roll back the raise.'],
  ])('production first, a document withdraws it by words only: declared, production not undone (%s)', (subject, text) => {
    const v = judge(
      'POOL_SIZE',
      [created('40'), { subject, date: '2026-10-01T10:00:00Z', set: { production: ['40', '80'] } }, later('2026-10-15T10:00:00Z', 'capacity notes')],
      TODAY,
      {},
      { documents: [{ path: 'docs/capacity.md', step: 2, text: `# Capacity\n\n${text}\n` }] },
    );
    expect(v.suggested === 'revert' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect(v.suggested).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('production first, a document naming the key withdraws it: production goes back, at most 0.5', () => {
    const v = judge(
      'POOL_SIZE',
      [
        created('40'),
        { subject: 'raise the order pool to 80 in production first, staging after', date: '2026-10-01T10:00:00Z', set: { production: ['40', '80'] } },
        later('2026-10-15T10:00:00Z', 'capacity notes'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/capacity.md', step: 2, text: '# Capacity\n\nPOOL_SIZE: we are not raising it after all; 40 stays.\n' }] },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '40' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  // A rollout still waiting (declared, not moved) is as open to a later withdrawal as a move on it.
  it.each([
    ['search ranker v3 in staging; production after QA signs off', 'SEARCH_RANKER: v3 is cancelled, QA found regressions.'],
    ['ranker v3: staging first, prod once the soak is green', 'Ranker v3 soak: we are not rolling it out after all, roll back staging.'],
    ['staging: ranker v3 (SRCH-88), production follows after the CAB', 'SRCH-88 withdrawn: v2 stays everywhere.'],
  ])('a rollout waiting for its gate, withdrawn later: the environment that went first goes back (%s)', (subject, text) => {
    const v = judge(
      'SEARCH_RANKER',
      [created('v2'), { subject, date: '2026-11-10T10:00:00Z', set: { staging: ['v2', 'v3'] } }, later('2026-11-20T10:00:00Z', 'search notes')],
      TODAY,
      {},
      { documents: [{ path: 'docs/search.md', step: 2, text: `# Search ranker v3\n\n${text}\n` }] },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'v2' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  // Saying where the environment goes ("staging goes back to v2") is more than withdrawing the plan:
  // the document decides the undo itself (documented.ts, session 15), at 0.6.
  it('a withdrawal that says the environment goes back to the value decides the undo', () => {
    const v = judge(
      'SEARCH_RANKER',
      [
        created('v2'),
        { subject: 'search ranker v3 in staging; production after QA signs off', date: '2026-11-10T10:00:00Z', set: { staging: ['v2', 'v3'] } },
        later('2026-11-20T10:00:00Z', 'search notes'),
      ],
      TODAY,
      {},
      {
        documents: [
          { path: 'docs/search.md', step: 2, text: '# Search ranker v3\n\nSEARCH_RANKER: v3 is cancelled, QA found regressions; staging goes back to v2.\n' },
        ],
      },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'v2', confidence: 0.6 });
  });
});

// One reader, every kind (src/verdict/readers.ts): what people wrote about a key — an annotation on
// the live object or on the role that grants, a later commit that names it, a docs/ passage, the
// change's own message — is read for every kind of divergence, not only the one a reader was first
// written for. Situations and phrasings of their own (none from a verdict story); each case fails
// without the table (the kind's own rule declares at <= 0.45 and reads none of it).
import { describe, expect, it } from 'vitest';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import type { Message } from '../../src/verdict/log.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { READERS, notRead } from '../../src/verdict/readers.js';
import { DIVERGENCE_KINDS } from '../../src/model/types.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['staging', 'production'];
const TODAY = '2026-12-03';
const context = { promotion: ENVS, environments: ENVS, today: TODAY };
let n = 0;
const msg = (date: string, subject: string, body = ''): Message => ({
  sha: (++n).toString(16).padStart(40, 'e'),
  parents: [],
  subject,
  body,
  author: 'Rui',
  email: 'r@x',
  date,
  committed: date,
});
const withLog = (...messages: Message[]) => ({ ...context, log: buildLog(new Map(), messages) });
const byHand = (time: string) => ({ manager: 'kubectl-edit', operation: 'Update', time, exact: false, human: true, kind: 'human' as const });

const liveOnly = (key: string, live: string, annotations?: Record<string, string>): Divergence =>
  ({
    id: key,
    key,
    kind: 'live-only',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: null, live, at: null, type: null, ...(annotations ? { liveAnnotations: annotations } : {}) } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: byHand('2026-11-02T22:10:00Z') },
  }) as unknown as Divergence;

const grant = (annotations: Record<string, string>): Divergence =>
  ({
    id: 'g',
    key: 'permissions[subject=ServiceAccount/ledger-sync]',
    kind: 'permission',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo: null, live: 'get configmaps' }, production: { repo: null, live: 'get configmaps; list,watch pods' } },
    declared: false,
    contract: null,
    notes: [],
    grantedBy: { production: [{ object: 'Role/ledger-sync', annotations }] },
    provenance: { production: byHand('2026-10-20T09:00:00Z') },
  }) as unknown as Divergence;

const objectIn = (key: string, env: string, annotations: Record<string, string>): Divergence =>
  ({
    id: key,
    key,
    kind: 'object-cross-env',
    severity: 'drift',
    envs: ENVS,
    values: {
      staging: { repo: null, live: env === 'staging' ? 'exists' : null, ...(env === 'staging' ? { liveAnnotations: annotations } : {}) },
      production: { repo: null, live: env === 'production' ? 'exists' : null, ...(env === 'production' ? { liveAnnotations: annotations } : {}) },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { [env]: byHand('2026-10-01T12:00:00Z') },
  }) as unknown as Divergence;

describe('the table covers every kind', () => {
  it('every kind of divergence has its row, and every row reads unread text at least', () => {
    for (const kind of DIVERGENCE_KINDS) expect(READERS[kind], kind).toContain('unread');
    expect(Object.keys(READERS).sort()).toEqual([...DIVERGENCE_KINDS].sort());
  });
});

describe('a note that decides to keep is read for every live kind, not for live-drift only', () => {
  it('a value added live by hand whose annotation says it is permanent: codify it', () => {
    const d = liveOnly('FX_QUOTE_TTL_S', '20', { 'pay.example/why': 'permanent: the new FX provider needs it, add it to values-prod.yaml (Mei)' });
    expect(explain(d, {}, context).suggested).toBe('backfill');
    expect(explain(d, {}, context)).toMatchObject({ drifted: 'production', value: '20' });
  });
  it('a grant whose role carries "keep, codify in the chart": codify it, not a question', () => {
    const v = explain(
      grant({ 'ops.example/reason': 'pods list/watch needed by ledger-sync 5.x for leader election. Keep - codify in the chart.' }),
      {},
      context,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
  it('a later commit naming the key that says to keep it, for a value added live', () => {
    const note = msg('2026-11-03T08:00:00Z', 'ops log', 'FX_QUOTE_TTL_S on prod: keep it in place, write it into the repo next sprint');
    const v = explain(liveOnly('FX_QUOTE_TTL_S', '20'), {}, withLog(note));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: '20' });
  });
  it('a keep and an undo both written: a question quoting both, nothing moved', () => {
    const keep = msg('2026-11-03T08:00:00Z', 'ops log', 'FX_QUOTE_TTL_S on prod: keep it in place');
    const undo = msg('2026-11-04T08:00:00Z', 'review', 'FX_QUOTE_TTL_S was set by mistake, the provider default is fine');
    const v = explain(liveOnly('FX_QUOTE_TTL_S', '20'), {}, withLog(undo, keep));
    expect(v.suggested).toBe('declare');
    expect(v.question).toMatch(/which stands/);
  });
});

describe('a stated end, met, is read for every kind', () => {
  it('a grant whose role says "revoke when BILL-77 is closed", and BILL-77 closed later: remove it', () => {
    const closed = msg('2026-11-15T10:00:00Z', 'BILL-77 closed, auditors have their export');
    const v = explain(grant({ 'ops.example/why': 'temporary for the BILL-77 audit export, revoke when BILL-77 is closed' }), {}, withLog(closed));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
  it('not while the ticket is open: the grant stays a question', () => {
    const progress = msg('2026-11-15T10:00:00Z', 'BILL-77 export script, first draft');
    const v = explain(grant({ 'ops.example/why': 'temporary for the BILL-77 audit export, revoke when BILL-77 is closed' }), {}, withLog(progress));
    expect(v.suggested).not.toBe('revert');
  });
  it('a value set live "until the cursor migration is finished", and a later "cursor migration finished": remove it', () => {
    const set = msg('2026-11-02T22:30:00Z', 'ops note', 'FEED_PAGE_SIZE=50 set by hand on prod until the cursor migration is finished');
    const finished = msg('2026-11-20T09:00:00Z', 'feeds: cursor migration finished on all shards');
    const v = explain(liveOnly('FEED_PAGE_SIZE', '50'), {}, withLog(finished, set));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
  it('an object in staging only, "remove once the ETL has its own cluster", and a later word that it has', () => {
    const moved = msg('2026-11-25T09:00:00Z', 'ETL moved: own cluster is live, migration done');
    const d = objectIn('ResourceQuota/etl-cap', 'staging', { 'data.example/note': 'caps the nightly ETL; remove once the ETL has its own cluster' });
    const v = explain(d, {}, withLog(moved));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
  it("a contract violation made 'only for the load test of SRCH-31', and SRCH-31 reported done: revert it, not declare it", () => {
    const contract = parseContract(
      yamlFileFromText('expected_differences:\n  SEARCH_HOST:\n    staging: search-stg.internal\n    production: search-prd.internal\n', 'c.yaml'),
      ENVS,
    );
    const change = msg('2026-11-10T10:00:00Z', 'staging -> prod search cluster, only for the load test of SRCH-31');
    const done = msg('2026-11-18T10:00:00Z', 'SRCH-31 done, numbers in the wiki');
    const event: HistoryEvent = {
      commit: change.sha,
      file: 'deploy/staging.yaml',
      from: 'search-stg.internal',
      to: 'search-prd.internal',
      merge: false,
      revert: false,
      author: change.author,
      email: change.email,
      date: change.date,
      committed: change.date,
      subject: change.subject,
      body: '',
    };
    const violation = {
      key: 'SEARCH_HOST',
      kind: 'contract-violation',
      severity: 'drift',
      envs: ['staging'],
      values: { staging: { repo: 'search-prd.internal', live: null }, production: { repo: 'search-prd.internal', live: null } },
      contract: { key: 'SEARCH_HOST', allowed: { staging: 'search-stg.internal', production: 'search-prd.internal' } },
      notes: [],
    } as unknown as Divergence;
    const log = buildLog(new Map([['staging', new Map([['SEARCH_HOST', [event]]])]]), [done, change]);
    const v = explain(violation, { staging: [event], production: [] }, { ...context, contract, log });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'search-stg.internal' });
  });
});

describe('documents are read for differences between files, not only for hand edits', () => {
  it('a docs/ note saying the staging value goes back: revert staging', () => {
    const v = judge(
      'REPORT_BUCKET',
      [
        { subject: 'report service config', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'reports-test'], production: ['', 'reports-finance'] } },
        { subject: 'point staging at the finance bucket', date: '2026-10-01T10:00:00Z', set: { staging: ['reports-test', 'reports-finance'] } },
        { subject: 'docs: data handling', date: '2026-10-09T10:00:00Z', touched: ['docs/data.md'] },
      ],
      TODAY,
      {},
      {
        documents: [
          {
            path: 'docs/data.md',
            step: 2,
            text: '# Finance data\n\nREPORT_BUCKET in staging must go back to the test bucket: finance data stays in production.\n',
          },
        ],
      },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'reports-test' });
  });
});

describe('a declare over text no reader understood is never quiet', () => {
  const cases = [
    { what: 'Russian', subject: 'временно увеличено для миграции, вернуть после 20.11' },
    { what: 'Greek', subject: 'προσωρινά μόνο για το staging' },
    { what: 'Czech', subject: 'jen pro test na stagingu, pak se to vrátí' },
  ];
  for (const c of cases) {
    it(`${c.what}: the question names the commit, confidence at most 0.3`, () => {
      const v = judge(
        'SYNC_BATCH',
        [
          { subject: 'sync config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } },
          { subject: c.subject, date: '2026-10-01T10:00:00Z', set: { staging: ['30', '90'] } },
        ],
        TODAY,
      );
      if (v.suggested !== 'declare') return; // a reader that reads the language decides instead
      expect(v.confidence).toBeLessThanOrEqual(0.3);
      expect(v.question).toMatch(/could not read it/);
    });
  }
  it('plain English and terse commit subjects are read as English', () => {
    for (const text of ['bump opensearch-java 2.13.1 (stage)', 'raise pool size to 40', 'Update staging.yaml', 'PLAT-3310'])
      expect(notRead(text), text).toBe(false);
  });
});

describe('disagreement is seen where it is written: a matter said to be open is a question for every kind', () => {
  const base = (): Step => ({ subject: 'service config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '300'], production: ['', '300'] } });
  it('a later note naming the key by its words ("request-timeout" for requestTimeoutMs) that says it is not decided yet', () => {
    const v = judge(
      'gateway.requestTimeoutMs',
      [
        base(),
        { subject: 'staging: request timeout 900, the slow reports need it. This must stay.', date: '2026-10-01T10:00:00Z', set: { staging: ['300', '900'] } },
        {
          subject: 'platform notes',
          body: 'request-timeout for prod: no decision yet, we talk at the arch review',
          date: '2026-10-20T10:00:00Z',
          touched: ['NOTES.md'],
        },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/not decided/);
  });
  it('a pasted thread in the change\'s own body that ends open ("TBD whether it stays")', () => {
    const v = judge(
      'WORKER_PREFETCH',
      [
        base(),
        {
          subject: 'prefetch 50 in prod (from the thread)',
          body: '[09:02] lena: queue keeps growing, prefetch 50?\n[09:05] omar: risky, memory was tight at 40\n[09:07] lena: going for it\n[09:09] omar: fine, but TBD whether it stays',
          date: '2026-11-02T09:10:00Z',
          set: { production: ['300', '50'] },
        },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: null, drifted: null });
    expect(v.confidence).toBeLessThan(0.5);
  });
  it('a grant whose role note says it is still open: a question, not a quiet declare', () => {
    const v = explain(grant({ 'ops.example/why': 'pods list for the ledger-sync debug; still to be decided whether it stays (Rui/Ana)' }), {}, context);
    expect(v).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.question).toMatch(/not decided/);
  });
});

describe('a staged rollout of an object is read as for a value: its gate passed, the later environment gets it', () => {
  const policy = objectIn('NetworkPolicy/egress-lockdown', 'staging', { 'net.example/ticket': 'NET-12' });
  const plan = msg('2026-11-01T10:00:00Z', 'NET-12: egress lockdown applied in staging first', 'production after a week of soak');
  it('a later commit citing its ticket reports the soak ok: create it in production', () => {
    const ok = msg('2026-11-09T10:00:00Z', 'NET-12 soak ok, go ahead with production');
    const v = explain(policy, {}, withLog(ok, plan));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
  it('no word that the gate passed: not copied into production', () => {
    const v = explain(policy, {}, withLog(plan));
    expect(v.suggested).not.toBe('backfill');
  });
});

describe('a step back with an end that has passed is a temporary change past its deadline', () => {
  const story = (subject: string): Step[] => [
    { subject: 'gateway config', date: '2026-05-01T10:00:00Z', set: { staging: ['', '3.0.0'], production: ['', '3.0.0'] } },
    { subject, date: '2026-09-20T10:00:00Z', set: { staging: ['3.0.0', '2.4.0'] } },
  ];
  it('"allow 2.4 clients in staging until 15.10. for the partner demo": revert staging, not declare it', () => {
    const v = judge('MIN_CLIENT_VERSION', story('staging: allow 2.4 clients until 15.10. for the partner demo, then back to 3.0.0'), TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '3.0.0' });
  });
  it('with its end still ahead: declared until then', () => {
    const v = judge('MIN_CLIENT_VERSION', story('staging: allow 2.4 clients until 15.12. for the partner demo, then back to 3.0.0'), TODAY);
    expect(v.suggested).toBe('declare');
  });
});

describe('the comment beside the key is a text about it too, for every reader', () => {
  const story: Step[] = [
    { subject: 'pricing config', date: '2026-05-01T10:00:00Z', set: { staging: ['', '15'], production: ['', '15'] } },
    { subject: 'staging quote cache', date: '2026-09-20T10:00:00Z', set: { staging: ['15', '600'] } },
    { subject: 'pricing: shard cutover done, old quote path retired', date: '2026-11-02T10:00:00Z', touched: ['docs/pricing.md'] },
  ];
  it('"# long cache while the shard cutover runs; remove after the shard cutover" and a later "shard cutover done": revert', () => {
    const v = judge('QUOTE_CACHE_SECONDS', story, TODAY, { staging: 'long cache while the shard cutover runs; remove after the shard cutover' });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '15' });
  });
});

describe('a hold until a gate is a wait, not a claim to keep the environments apart', () => {
  const story = (subject: string, body: string): Step[] => [
    { subject: 'risk config', date: '2026-05-01T10:00:00Z', set: { staging: ['', '40'], production: ['', '40'] } },
    { subject, body, date: '2026-11-10T10:00:00Z', set: { staging: ['40', '65'] } },
  ];
  for (const [subject, body] of [
    ['fraud score threshold 65 in staging', 'Awaiting risk sign-off, staging only, do not roll to production yet.'],
    ['staging: fraud threshold 65 (staging only for now)', 'Pending compliance review; not for prod yet.'],
  ] as const) {
    it(`"${body}": not confident, asking whether the gate has passed`, () => {
      const v = judge('FRAUD_SCORE_THRESHOLD', story(subject, body), TODAY);
      expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
      expect(v.confidence).toBeLessThan(0.6);
      expect(v.question).toBeTruthy();
    });
  }
});

describe('a stated end names its own piece of work', () => {
  it('"remove once the move to pg-cluster-7 is done" is not met by another move reported done', () => {
    const other = msg('2026-11-20T09:00:00Z', 'reports: move to pg-cluster-5 done');
    const d = objectIn('ResourceQuota/report-cap', 'staging', { 'data.example/note': 'caps report jobs; remove once the move to pg-cluster-7 is done' });
    const v = explain(d, {}, withLog(other));
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
    const same = msg('2026-11-21T09:00:00Z', 'reports: move to pg-cluster-7 done');
    expect(explain(d, {}, withLog(same, other))).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
});

describe("the text readers' disagreement reaches every kind", () => {
  it('a value added live by hand, and a later note pasting a thread whose speakers disagree about it: a question', () => {
    const thread = msg(
      '2026-11-03T08:00:00Z',
      'ops: FX_QUOTE_TTL_S thread',
      '[10:02] mei: FX_QUOTE_TTL_S=20 on prod fixed the stale quotes\n[10:04] ravi: no, it hides the provider bug, I disagree with keeping it\n[10:06] mei: we need it until then',
    );
    const v = explain(liveOnly('FX_QUOTE_TTL_S', '20'), {}, withLog(thread));
    expect(v).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.question).toMatch(/not decided/);
  });
});

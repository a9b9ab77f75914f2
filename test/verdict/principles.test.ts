// Session 8's principles, each on situations and phrasings it was not written from (none comes
// from a verdict story): a fallback never moves a value; a protective object is never deleted by
// default; a contradicting explicit clause makes it a person's call; a later commit citing the
// change's ticket moves its deadline; history that starts at a shallow boundary is no addition.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { judge, type Step } from './memory-story.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { readIntent } from '../../src/verdict/intent.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { ReadRecorder } from '../../src/verdict/reads.js';
import type { Message } from '../../src/verdict/log.js';
import { READERS, notRead } from '../../src/verdict/readers.js';
import { DIVERGENCE_KINDS } from '../../src/model/types.js';

const TODAY = '2026-12-03';
const THREE = ['dev', 'staging', 'production'];
const created = (key: string, value: string, envs = ['staging', 'production']): Step => ({
  subject: 'create the service config',
  date: '2026-03-02T09:00:00Z',
  set: Object.fromEntries(envs.map((env) => [env, ['', value]])),
});

describe('a fallback never moves a value: when nothing read says why, a person decides', () => {
  const cases: Array<{ what: string; key: string; envs?: string[]; change: Step }> = [
    {
      what: 'an upstream change whose whole message is a ticket id',
      key: 'ingest.batchBytes',
      change: { subject: 'PLAT-3310', date: '2026-09-14T10:00:00Z', set: { staging: ['1048576', '4194304'] } },
    },
    {
      what: 'an upstream change in Portuguese no rule reads',
      key: 'HTTP_READ_TIMEOUT_MS',
      envs: THREE,
      change: { subject: 'ajuste do tempo limite de leitura', date: '2026-10-01T10:00:00Z', set: { dev: ['2000', '4500'], staging: ['2000', '4500'] } },
    },
    {
      what: 'a downstream change with a bare word',
      key: 'search.maxClauseCount',
      change: { subject: 'tweak', date: '2026-08-20T10:00:00Z', set: { production: ['1024', '4096'] } },
    },
    {
      what: 'a downstream change in Dutch',
      key: 'pdf.renderDpi',
      change: { subject: 'verhoogd na klachten van het team', date: '2026-07-07T10:00:00Z', set: { production: ['150', '300'] } },
    },
  ];
  for (const c of cases) {
    it(`${c.what}: declare below 0.5, with the question whether the value should follow`, () => {
      const v = judge(c.key, [created(c.key, Object.values(c.change.set!)[0]![0], c.envs), c.change], TODAY, {}, c.envs ? { envs: c.envs } : {});
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.value).toBeNull();
      expect(v.confidence).toBeLessThan(0.5);
      expect(v.question).toBeTruthy();
      expect(v.reasons.join('\n')).toMatch(/only the promotion order speaks/);
    });
  }

  it('explicit evidence still moves the value: "for every environment" backfills production', () => {
    const v = judge(
      'CONN_POOL_IDLE_MS',
      [
        created('CONN_POOL_IDLE_MS', '30000'),
        { subject: 'shorter idle timeout for every environment', date: '2026-10-01T10:00:00Z', set: { staging: ['30000', '10000'] } },
      ],
      TODAY,
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '10000' });
  });
});

describe('a protective object that exists live only is codified or declared, never deleted by default', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  const liveObject = (key: string): Divergence => ({
    id: key,
    key,
    kind: 'live-object',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: null, live: 'exists', at: null, type: null } },
    declared: false,
    contract: null,
    notes: [`${key} runs in production with no definition in the repo`],
    provenance: {
      production: { manager: 'kubectl-create', operation: 'Update', time: '2026-11-10T03:00:00Z', exact: false, human: true, kind: 'human' },
    },
  });
  for (const key of ['PodDisruptionBudget/checkout', 'NetworkPolicy/default-deny-egress', 'ResourceQuota/team-ml', 'LimitRange/defaults']) {
    it(`${key} made by hand: keep it (backfill into git), not delete it`, () => {
      const v = explain(liveObject(key), {}, context);
      expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
      expect(v.reasons.join('\n')).toMatch(/protect/);
      expect(v.question).toBeTruthy();
    });
  }
  it('a CronJob made by hand is not protective, yet nothing read says remove it: a question, no default removal', () => {
    const v = explain(liveObject('CronJob/cleanup'), {}, context);
    expect(v).toMatchObject({ suggested: 'declare' });
    expect(v.question).toMatch(/Codify it \(backfill\) or delete it \(revert\)/);
  });
  it("an object's annotation is its own text: a stopgap whose ticket a later commit reports done is removed; a protection is not", () => {
    const done = {
      sha: 'd'.repeat(40),
      parents: [],
      subject: 'OPS-4410 finished: the new ingress controller is rolled out everywhere',
      body: '',
      author: 'Ines',
      email: 'i@x',
      date: '2026-11-25T10:00:00Z',
      committed: '2026-11-25T10:00:00Z',
    };
    const annotated = (key: string, note: string): Divergence => {
      const base = liveObject(key);
      return { ...base, values: { production: { ...base.values.production!, liveAnnotations: { 'acme.io/why': note } } } };
    };
    const withLog = { ...context, log: buildLog(new Map(), [done]) };
    const stopgap = explain(annotated('Deployment/conn-drainer', 'temporary drainer until the ingress swap is complete (OPS-4410)'), {}, withLog);
    expect(stopgap, stopgap.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    const guard = explain(annotated('PodDisruptionBudget/ingress', 'added during the ingress swap (OPS-4410), keep it'), {}, withLog);
    expect(guard.suggested).not.toBe('revert');
  });

  it('a protective object whose own ticket says it was a mistake is removed', () => {
    const msg = {
      sha: 'c'.repeat(40),
      parents: [],
      subject: 'OPS-5120: the egress-lockdown NetworkPolicy was created by mistake in prod, delete it',
      body: '',
      author: 'Ines',
      email: 'i@x',
      date: '2026-11-20T10:00:00Z',
      committed: '2026-11-20T10:00:00Z',
    };
    const v = explain(liveObject('NetworkPolicy/ops-5120-egress-lockdown'), {}, { ...context, log: buildLog(new Map(), [msg]) });
    expect(v.suggested).toBe('revert');
  });
});

describe('a later commit citing the change ticket moves its deadline', () => {
  const hold = (subject: string): Step => ({ subject, date: '2026-09-01T10:00:00Z', set: { production: ['500', '2000'] } });
  const later = (subject: string, date = '2026-10-28T10:00:00Z'): Step => ({ subject, date, touched: ['docs/limits.md'] });
  it('extended to a date not yet come: declare until the new date, not revert', () => {
    const v = judge(
      'WITHDRAWAL_CAP_EUR',
      [
        created('WITHDRAWAL_CAP_EUR', '500'),
        hold('raise the withdrawal cap in production until 2026-11-15 (FIN-902)'),
        later('FIN-902: keep the raised cap until 2027-01-31'),
      ],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.expires).toBe('2027-01-31');
    expect(v.reasons.join('\n')).toMatch(/FIN-902/);
  });
  it('pushed back in other words: "postponed the end to January 20"', () => {
    const v = judge(
      'WITHDRAWAL_CAP_EUR',
      [created('WITHDRAWAL_CAP_EUR', '500'), hold('FIN-77 higher cap in prod through Nov 10'), later('FIN-77 postponed the end to January 20, finance asked')],
      TODAY,
    );
    expect(v).toMatchObject({ suggested: 'declare', expires: '2027-01-20' });
  });
  it('the new date has passed too: revert', () => {
    const v = judge(
      'WITHDRAWAL_CAP_EUR',
      [
        created('WITHDRAWAL_CAP_EUR', '500'),
        hold('higher cap in prod until 2026-10-01 (FIN-31)'),
        later('FIN-31 extended to 2026-11-20', '2026-09-28T10:00:00Z'),
      ],
      TODAY,
    );
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
});

describe('a contradicting explicit clause makes it a person call', () => {
  it('"staging only" in the change, "must match production" in a later note naming the key', () => {
    const v = judge(
      'ORDER_EXPORT_CHUNK',
      [
        created('ORDER_EXPORT_CHUNK', '200'),
        { subject: 'smaller export chunks, staging only (tiny db there)', date: '2026-10-02T10:00:00Z', set: { staging: ['200', '50'] } },
        {
          subject: 'ORDER_EXPORT_CHUNK has to stay in sync with production, otherwise the export tests mean nothing',
          date: '2026-10-20T10:00:00Z',
          touched: ['docs/export.md'],
        },
      ],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/staging only/);
    expect(v.question).toMatch(/in sync/);
  });
  it('the commit both environments last agreed at forbids raising it; a later change raises it with a plan for production', () => {
    const v = judge(
      'LEDGER_LOCK_TIMEOUT_S',
      [
        {
          subject: 'ledger lock timeout is 5s. Never raise it without the payments lead signing off',
          date: '2026-04-01T10:00:00Z',
          set: { staging: ['', '5'], production: ['', '5'] },
        },
        { subject: 'lock timeout 30s on staging first, production next sprint', date: '2026-11-20T10:00:00Z', set: { staging: ['5', '30'] } },
      ],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/Never raise it/);
  });
  it('a backfill read from "for all environments", against the comment beside the key in staging that keeps it', () => {
    const v = judge(
      'REPORT_WORKERS',
      [created('REPORT_WORKERS', '2'), { subject: 'more report workers for all environments', date: '2026-10-05T10:00:00Z', set: { production: ['2', '8'] } }],
      TODAY,
      { staging: 'staging keeps 2: the node pool there is tiny' },
    );
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
  });
});

describe('a later word that keeps them apart stops a move, whichever direction the verdict leans', () => {
  // The change says the value goes everywhere; a later commit that changes nothing names the key
  // and says production keeps its own: moving production's value would overrule that person.
  const laterNotes = [
    "leave PUSH_BATCH at 100 in prod, don't promote the 500 yet",
    'PUSH_BATCH: production stays on 100 until the capacity review',
    'Please do NOT backport/promote the new PUSH_BATCH to production, the APNs quota there is lower',
    'prod keeps PUSH_BATCH as is (quota), see OPS-88',
  ];
  for (const note of laterNotes) {
    it(`"${note}"`, () => {
      const v = judge(
        'PUSH_BATCH',
        [
          created('PUSH_BATCH', '100'),
          {
            subject: 'bigger push batches for all environments, staging first, prod with the next release',
            date: '2026-10-02T10:00:00Z',
            set: { staging: ['100', '500'] },
          },
          { subject: note, date: '2026-10-20T10:00:00Z', touched: ['docs/push.md'] },
        ],
        TODAY,
      );
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.confidence).toBeLessThanOrEqual(0.45);
    });
  }
});

describe('history that starts at a shallow boundary', () => {
  it('is not read as an addition meant from the start', () => {
    const v = judge(
      'CACHE_SHARDS',
      [{ subject: 'split the cache', date: '2026-11-01T10:00:00Z', set: { staging: ['', '4'], production: ['', '16'] }, truncated: true }],
      TODAY,
      {},
      { truncatedAt: '2026-11-01T10:00:00+00:00' },
    );
    const text = v.reasons.join('\n');
    expect(text).not.toMatch(/intentional from the start/);
    expect(text).toMatch(/history starts at the shallow boundary/);
    expect(v.confidence).toBeLessThan(0.5);
  });
});

describe('more of the evidence read as a whole, not one clause', () => {
  it('a squash body: an item about another file says nothing about the key', () => {
    const v = judge(
      'ingest.parallelism',
      [
        created('ingest.parallelism', '4'),
        {
          subject: 'Ingest improvements (#912)',
          body: '- correct a typo in CONTRIBUTING.md\n- wip\n- parallelism 8 for env\n- fix lint\n- review comments',
          date: '2026-10-01T10:00:00Z',
          set: { staging: ['4', '8'] },
        },
      ],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThan(0.5);
  });

  it('naming the next environment in a condition is a gate, not a go ("dopo la chiusura")', () => {
    const v = judge(
      'etl.sparkVersion',
      [
        created('etl.sparkVersion', '3.4.1'),
        { subject: 'spark 3.5.0 in staging; in prod dopo la chiusura trimestrale', date: '2026-11-20T10:00:00Z', set: { staging: ['3.4.1', '3.5.0'] } },
      ],
      TODAY,
    );
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
  });

  it('kept to one environment until an approval, and a later commit gives it: production follows', () => {
    const v = judge(
      'auth.argon2Memory',
      [
        created('auth.argon2Memory', '65536'),
        { subject: 'argon2 memory 128MB, staging only until secteam signs off (SEC-51)', date: '2026-10-01T10:00:00Z', set: { staging: ['65536', '131072'] } },
        { subject: 'SEC-51: secteam approved, 128MB can go to prod', date: '2026-10-20T10:00:00Z', touched: ['docs/security.md'] },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '131072' });
  });

  it('a staged rollout whose next step waited for a condition a later commit reports met: it goes on', () => {
    const v = judge(
      'search.synonymsFile',
      [
        created('search.synonymsFile', 'syn_v1.txt'),
        {
          subject: 'synonyms v2 on staging first, roll to prod once the relevance check passes (SRCH-8)',
          date: '2026-10-01T10:00:00Z',
          set: { staging: ['syn_v1.txt', 'syn_v2.txt'] },
        },
        { subject: 'SRCH-8 relevance check passed, go ahead with prod', date: '2026-10-09T10:00:00Z', touched: ['docs/search.md'] },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'syn_v2.txt' });
  });

  it('meant for every environment and staged only by the deploy: the step left out is missing', () => {
    const v = judge(
      'DB_SSL_MODE',
      [
        created('DB_SSL_MODE', 'prefer'),
        {
          subject: 'require TLS to postgres in every environment; staging today, production with the next release',
          date: '2026-10-01T10:00:00Z',
          set: { staging: ['prefer', 'require'] },
        },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'require' });
  });

  it('production was frozen when staging moved on, and the freeze is over: production follows', () => {
    const v = judge(
      'worker.image',
      [
        created('worker.image', '7.1.0'),
        { subject: 'code freeze on production until 2026-11-10, incident review', date: '2026-10-25T10:00:00Z', touched: ['FREEZE.md'] },
        { subject: 'worker 7.2.0', date: '2026-10-30T10:00:00Z', set: { staging: ['7.1.0', '7.2.0'] } },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '7.2.0' });
  });
});

// Session 9's principles, on situations and phrasings none of the verdict stories uses: no default
// moves a value (live kinds, grants, hand-made objects); protective objects both ways; intent where
// people write it (the deliberate environment's own comment, an approval quoted in the change's own
// body, two items of one message, dates as people write them).
describe('no default moves a value, live or in the cluster', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  const byHand = { manager: 'kubectl-patch', operation: 'Update', time: '2026-10-02T22:15:00Z', exact: true, human: true, kind: 'human' } as const;
  const message = (sha: string, date: string, subject: string, body = '') => ({
    sha: sha.repeat(40),
    parents: [],
    subject,
    body,
    author: 'Noor',
    email: 'n@x',
    date,
    committed: date,
  });
  const drift = (key: string, repo: string, live: string, extra: Partial<Divergence> = {}): Divergence => ({
    id: key,
    key,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo, live: null, at: null, type: 'number' }, production: { repo, live, at: null, type: 'number' } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: byHand },
    ...extra,
  });
  const needsHuman = (v: ReturnType<typeof explain>) => {
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toBeTruthy();
  };

  it('a hand edit nobody wrote about is neither codified nor undone', () => {
    needsHuman(explain(drift('WORKER_PREFETCH', '10', '40'), {}, context));
  });
  it('a note around the edit that names the key but says neither keep nor undo', () => {
    const log = buildLog(new Map(), [message('a', '2026-10-03T09:00:00Z', 'notes from the Thursday call: WORKER_PREFETCH discussed with the vendor')]);
    needsHuman(explain(drift('WORKER_PREFETCH', '10', '40'), {}, { ...context, log }));
  });
  it('a live value no tool is recorded writing', () => {
    const { provenance: _, ...unknown } = drift('WORKER_PREFETCH', '10', '40');
    needsHuman(explain(unknown, {}, context));
  });
  it('a value added live by hand, declared nowhere', () => {
    const d = drift('EXPERIMENT_BUCKETS', '', '12', { kind: 'live-only', values: { production: { repo: null, live: '12', at: null, type: 'number' } } });
    needsHuman(explain(d, {}, context));
  });
  it('an extra grant nothing explains', () => {
    const d: Divergence = {
      ...drift('permissions[subject=Group/analysts]', '', ''),
      kind: 'permission',
      values: {
        staging: { repo: null, live: 'get on pods', at: null, type: null },
        production: { repo: null, live: 'get on pods; get on secrets', at: null, type: null },
      },
      notes: ['production grants get on secrets to Group analysts; staging does not'],
    };
    needsHuman(explain(d, {}, context));
  });

  it('an undo said in German, Spanish or French undoes the hand edit', () => {
    for (const words of [
      'WORKER_PREFETCH bitte wieder zurücksetzen, war nur zum Testen',
      'WORKER_PREFETCH: hay que revertirlo mañana',
      'WORKER_PREFETCH à remettre à 10 demain matin',
    ]) {
      const log = buildLog(new Map(), [message('b', '2026-10-03T09:00:00Z', words)]);
      expect(explain(drift('WORKER_PREFETCH', '10', '40'), {}, { ...context, log }), words).toMatchObject({ suggested: 'revert', value: '10' });
    }
  });
  it('a committed document that decides to keep the edit codifies it; one that only describes it does not', () => {
    const docs = (text: string) =>
      buildLog(
        new Map(),
        [message('c', '2026-10-09T09:00:00Z', 'docs: review of the queue backlog')],
        [{ path: 'docs/reviews/backlog.md', text, sha: 'c'.repeat(40) }],
      );
    const kept = explain(
      drift('WORKER_PREFETCH', '10', '40'),
      {},
      { ...context, log: docs('## Outcome\nWe keep WORKER_PREFETCH=40 permanently; Noor writes it into values/prod.yaml.') },
    );
    expect(kept).toMatchObject({ suggested: 'backfill', value: '40', drifted: 'production' });
    needsHuman(explain(drift('WORKER_PREFETCH', '10', '40'), {}, { ...context, log: docs('## Timeline\n22:15 WORKER_PREFETCH patched from 10 to 40.') }));
  });
  it("a person's annotation on the live object, written with the edit, that says keep", () => {
    const d = drift('WORKER_PREFETCH', '10', '40');
    d.values.production!.liveAnnotations = { 'ops.example.net/note': 'prefetch 10->40 for the bigger tenant, permanent (noor)' };
    expect(explain(d, {}, context)).toMatchObject({ suggested: 'backfill', value: '40' });
  });

  it('a grant whose own role says when it ends, and that end has passed, is removed', () => {
    const d: Divergence = {
      ...drift('permissions[subject=User/vendor-dba]', '', ''),
      kind: 'permission',
      values: { staging: { repo: null, live: null, at: null, type: null }, production: { repo: null, live: 'get on secrets', at: null, type: null } },
      grantedBy: { production: [{ object: 'Role/vendor-dba', annotations: { 'sec.example.net/expires-on': '2026-11-15' } }] },
    } as unknown as Divergence;
    expect(explain(d, {}, context)).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
  it('a hand-made object whose maker planned to take it away again (in a note naming it) is removed at low confidence', () => {
    const d: Divergence = {
      ...drift('Deployment/tcpdump-sidecar', '', ''),
      kind: 'live-object',
      values: { production: { repo: null, live: 'exists', at: null, type: null } },
    };
    const log = buildLog(new Map(), [
      message('d', '2026-10-02T23:00:00Z', 'ops journal', 'started tcpdump-sidecar in prod to capture the TLS resets; I will delete it when we have a capture'),
    ]);
    const v = explain(d, {}, { ...context, log });
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    // Something else removed in a text that names it is no plan for it.
    const other = buildLog(new Map(), [
      message('d', '2026-10-02T23:00:00Z', 'tcpdump-sidecar notes', 'remove the old capture filter from the runbook, it was wrong'),
    ]);
    expect(explain(d, {}, { ...context, log: other }).suggested).toBe('declare');
  });
});

describe('protective objects, in every direction', () => {
  const THREE_ENVS = { promotion: THREE, environments: THREE, today: TODAY };
  const across = (key: string, present: string[], annotations?: Record<string, string>): Divergence => ({
    id: key,
    key,
    kind: 'object-cross-env',
    severity: 'drift',
    envs: present,
    values: Object.fromEntries(
      THREE.map((env) => [
        env,
        {
          repo: null,
          live: present.includes(env) ? 'exists' : null,
          at: null,
          type: null,
          ...(annotations && present.includes(env) ? { liveAnnotations: annotations } : {}),
        },
      ]),
    ),
    declared: false,
    contract: null,
    notes: [],
  });
  it('missing in an earlier environment that a later one protects: restore it there', () => {
    const v = explain(across('PodDisruptionBudget/api', ['staging', 'production']), {}, THREE_ENVS);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'dev' });
  });
  it('present only before production: never copied into production by default', () => {
    const v = explain(across('LimitRange/dev-defaults', ['dev']), {}, THREE_ENVS);
    expect(v.suggested).toBe('declare');
  });
  it('its own stated end, met by a commit citing its ticket, removes it; the end alone does not', () => {
    const note = { 'ops.example.net/why': 'freeze evictions for the index rebuild (SRCH-77); drop once the rebuild is finished' };
    const d = across('PodDisruptionBudget/search-rebuild-freeze', ['production'], note);
    const finished = {
      sha: 'e'.repeat(40),
      parents: [],
      subject: 'SRCH-77: index rebuild finished, 1.2B docs',
      body: '',
      author: 'Lu',
      email: 'l@x',
      date: '2026-11-20T10:00:00Z',
      committed: '2026-11-20T10:00:00Z',
    };
    const started = {
      ...finished,
      sha: 'f'.repeat(40),
      subject: 'SRCH-77: start the index rebuild',
      date: '2026-11-01T10:00:00Z',
      committed: '2026-11-01T10:00:00Z',
    };
    expect(explain(d, {}, { ...THREE_ENVS, log: buildLog(new Map(), [finished, started]) })).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(explain(d, {}, { ...THREE_ENVS, log: buildLog(new Map(), [started]) }).suggested).not.toBe('revert');
  });
});

describe('intent where people write it', () => {
  it("the comment beside the value in the deliberate environment's own file: its value is its own until then", () => {
    const steps: Step[] = [
      created('thumbs.quality', '85'),
      { subject: 'fix(thumbs): lower quality in prod (CDN bill)', date: '2026-11-02T10:00:00Z', set: { production: ['85', '70'] } },
    ];
    const open = judge('thumbs.quality', steps, TODAY, { production: 'lowered until 2027-02-28 while the CDN contract is renegotiated, then back to 85' });
    expect(open, open.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2027-02-28' });
    const over = judge('thumbs.quality', steps, TODAY, { production: 'lowered until 2026-11-20 while the CDN contract is renegotiated' });
    expect(over).toMatchObject({ suggested: 'revert', drifted: 'production', value: '85' });
    // Without the comment only the promotion order speaks ("in prod" names where it went, not that
    // staging follows): a question, no move (session 11; it was a backport at 0.6).
    const silent = judge('thumbs.quality', steps, TODAY);
    expect(silent).toMatchObject({ suggested: 'declare' });
    expect(silent.confidence).toBeLessThan(0.5);
    expect(silent.expires).toBeUndefined();
  });
  it("an approval quoted in the change's own body passes its gate; a plan does not", () => {
    const change = (chat: string): Step => ({
      subject: 'search: bigger result window in staging, production to follow',
      body: `- result window 500 -> 2000\n\n--- pasted from #search ---\n[14:01] ida: staging p99 unchanged with 2000\n${chat}`,
      date: '2026-11-10T10:00:00Z',
      set: { staging: ['500', '2000'] },
    });
    const go = judge('search.resultWindow', [created('search.resultWindow', '500'), change('[14:05] omar: approved for production, go ahead')], TODAY);
    expect(go, go.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '2000' });
    const plan = judge(
      'search.resultWindow',
      [created('search.resultWindow', '500'), change('[14:05] omar: go ahead for production once the soak is green')],
      TODAY,
    );
    expect(plan.suggested).not.toBe('backfill');
  });
  it('two items of one message that disagree about the environments: a person decides', () => {
    const v = judge(
      'cache.ttlSeconds',
      [
        created('cache.ttlSeconds', '300'),
        {
          subject: 'Cache tuning (#77)',
          body: '* cache ttl 60s, staging only for the soak\n* production: same cache ttl, per Ravi',
          date: '2026-11-12T10:00:00Z',
          set: { staging: ['300', '60'] },
        },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/disagree/);
  });
  it('dates as people write them, the year inferred from when they were written', () => {
    const written = '2026-10-20T10:00:00Z';
    expect(readDeadline('hasta el 15/11, luego lo quitamos', written).date).toBe('2026-11-15');
    expect(readDeadline('bis zum 3.12. so lassen', written).date).toBe('2026-12-03');
    expect(readDeadline("jusqu'au 15/11 seulement", written).date).toBe('2026-11-15');
    expect(readDeadline('till end of Q3', written).date).toBe('2027-09-30');
    expect(readDeadline('until Nov 15th', written).date).toBe('2026-11-15');
    expect(readDeadline('hasta el 15/03', written).date).toBe('2027-03-15');
  });
});

describe('a suggestion below needs-a-human still points the safe way, and says one thing', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  it("a shallow clone's boundary is not a change of the file after a hand edit: no revert of the hand edit", () => {
    const boundary: HistoryEvent = {
      commit: 'b'.repeat(40),
      author: 'Sam',
      email: 's@x',
      date: '2026-11-20T09:00:00Z',
      committed: '2026-11-20T09:00:00Z',
      subject: 'tune the retry budget',
      body: '',
      file: 'deploy/production.yaml',
      from: null,
      to: '25',
      merge: false,
      revert: false,
      order: 0,
      truncated: true,
    };
    const d: Divergence = {
      id: 'RETRY_BUDGET',
      key: 'RETRY_BUDGET',
      kind: 'live-drift',
      severity: 'drift',
      envs: ['production'],
      values: { production: { repo: '25', live: '60', at: null, type: 'number' } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: { manager: 'kubectl-edit', operation: 'Update', time: '2026-08-01T01:00:00Z', exact: false, human: true, kind: 'human' } },
    };
    const v = explain(d, { production: [boundary] }, { ...context, truncatedAt: '2026-11-20T09:00:00Z' });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).not.toMatch(/file changed after the hand edit/);
  });
  it('an expired rollout rolled back does not also advise declaring it', () => {
    const event = (env: string, to: string): HistoryEvent => ({
      commit: 'a'.repeat(40),
      author: 'Lee',
      email: 'l@x',
      date: '2026-05-02T09:00:00Z',
      committed: '2026-05-02T09:00:00Z',
      subject: 'new search ranking behind a flag',
      body: '',
      file: `deploy/${env}.yaml`,
      from: null,
      to,
      merge: false,
      revert: false,
      order: 0,
    });
    const d = {
      id: 'SEARCH_RANKING_V2',
      key: 'SEARCH_RANKING_V2',
      kind: 'stale-declaration',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: { staging: { repo: 'true', live: null, at: null, type: 'boolean' }, production: { repo: 'false', live: null, at: null, type: 'boolean' } },
      declared: true,
      contract: { key: 'SEARCH_RANKING_V2', expires: '2026-08-31', reason: 'ranking v2 rollout' },
      notes: [],
    } as unknown as Divergence;
    const v = explain(d, { staging: [event('staging', 'true')], production: [event('production', 'false')] }, context);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging' });
    expect(v.reasons.join('\n')).not.toMatch(/suggest declaring/);
  });
});

describe("a contract note's follow condition, met by a later commit citing its ticket", () => {
  const contract = (note: string) =>
    parseContract(
      yamlFileFromText(
        `expected_differences:\n  # ${note}\n  ingest.window:\n    staging: "15m"\n    production: "60m"\n    expires: "2026-10-01"\n`,
        'contract.yaml',
      ),
      ['staging', 'production'],
    );
  const created: HistoryEvent = {
    commit: '1'.repeat(40),
    author: 'Ada',
    email: 'a@x',
    date: '2026-06-01T09:00:00Z',
    committed: '2026-06-01T09:00:00Z',
    subject: 'ingest config',
    body: '',
    file: 'deploy/staging.yaml',
    from: null,
    to: '15m',
    merge: false,
    revert: false,
    order: 1,
  };
  const d = {
    id: 'ingest.window',
    key: 'ingest.window',
    kind: 'stale-declaration',
    severity: 'drift',
    envs: ['staging', 'production'],
    values: { staging: { repo: '15m', live: null, at: null, type: 'string' }, production: { repo: '60m', live: null, at: null, type: 'string' } },
    declared: true,
    contract: { key: 'ingest.window', expires: '2026-10-01' },
    notes: [],
  } as unknown as Divergence;
  const history = { staging: [created], production: [{ ...created, file: 'deploy/production.yaml', to: '60m' }] };
  const done = (subject: string) => ({
    sha: '2'.repeat(40),
    parents: [],
    subject,
    body: '',
    author: 'Bo',
    email: 'b@x',
    date: '2026-11-02T10:00:00Z',
    committed: '2026-11-02T10:00:00Z',
  });
  const note = 'production stays on the long window while the broker upgrade (MQ-40) runs; afterwards production gets 15m like staging';
  it("met: production takes staging's value", () => {
    const log = buildLog(new Map(), [done('MQ-40 broker upgrade completed on all nodes')]);
    const v = explain(d, history, {
      promotion: ['staging', 'production'],
      environments: ['staging', 'production'],
      today: TODAY,
      contract: contract(note),
      log,
    });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '15m' });
  });
  it('not met (the ticket cited, nothing done): no move', () => {
    const log = buildLog(new Map(), [done('MQ-40: broker upgrade scheduled for next week')]);
    const v = explain(d, history, {
      promotion: ['staging', 'production'],
      environments: ['staging', 'production'],
      today: TODAY,
      contract: contract(note),
      log,
    });
    expect(v.suggested).not.toBe('backfill');
  });
});

describe('an image tag running two builds: which is stale only the registry knows', () => {
  it('no environment is redeployed by default', () => {
    const d = {
      id: 'img',
      key: 'Deployment/api.containers[name=app].image',
      kind: 'artifact',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: { staging: { repo: null, live: '2.1.0@aaaa', at: null, type: null }, production: { repo: null, live: '2.1.0@bbbb', at: null, type: null } },
      declared: false,
      contract: null,
      notes: ['tag 2.1.0 runs two builds'],
    } as unknown as Divergence;
    const v = explain(d, {}, { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY });
    expect(v).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.question).toMatch(/registry/);
  });
});

describe("a kept verdict knows what the own-body approval's 'next train' read", () => {
  it('every key of the waiting environment is looked up by name, so a later train changing any of them is seen', () => {
    const sha = (n: number) => String(n).repeat(40);
    const at = (n: number, date: string, subject: string, body = '') => ({
      sha: sha(n),
      parents: [],
      subject,
      body,
      author: 'A',
      email: 'a@x',
      date,
      committed: date,
    });
    const change = at(
      2,
      '2026-11-10T10:00:00Z',
      'pool size 40 in staging, production to follow',
      '[10:00] ida: staging fine\n[10:02] omar: ship it to production with the next train',
    );
    const created = {
      commit: sha(1),
      author: 'A',
      email: 'a@x',
      date: '2026-06-01T10:00:00Z',
      committed: '2026-06-01T10:00:00Z',
      subject: 'create',
      body: '',
      file: 'p.yaml',
      from: null,
      to: '20',
      merge: false,
      revert: false,
      order: 2,
    };
    const raised = {
      ...created,
      commit: sha(2),
      date: change.date,
      committed: change.date,
      subject: change.subject,
      body: change.body,
      file: 's.yaml',
      from: '20',
      to: '40',
      order: 1,
    };
    const other = { ...created, key: 'LOG_FORMAT', file: 'p.yaml', from: null, to: 'json' };
    const log = buildLog(
      new Map([
        ['staging', new Map([['POOL_SIZE', [raised, created]]])],
        [
          'production',
          new Map([
            ['POOL_SIZE', [created]],
            ['LOG_FORMAT', [other]],
          ]),
        ],
      ]),
      [change, at(1, created.date, 'create')],
    );
    const recorder = new ReadRecorder(log);
    const d = {
      id: 'POOL_SIZE',
      key: 'POOL_SIZE',
      kind: 'cross-env',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: { staging: { repo: '40', live: null, at: null, type: 'number' }, production: { repo: '20', live: null, at: null, type: 'number' } },
      declared: false,
      contract: null,
      notes: [],
    } as unknown as Divergence;
    const { reads } = recorder.during(() =>
      explain(
        d,
        { staging: [raised, created], production: [created] },
        { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY, log: recorder.log },
      ),
    );
    expect(reads.keys).toContain('LOG_FORMAT');
  });
});

describe('a weakened value never moves on by default, in either direction', () => {
  // Production loosened a control during an incident: a stop-gap, not a fix to backport. Written
  // from a newcomer's finding (TLS_VERIFY turned off by "quick fix for prod outage", suggested for
  // staging at 0.70), tested on other controls and phrasings.
  const cases: Array<{ key: string; from: string; to: string; subject: string }> = [
    { key: 'env.TLS_VERIFY', from: 'true', to: 'false', subject: 'quick fix for prod outage' },
    { key: 'WEBHOOK_SKIP_SIGNATURE_CHECK', from: 'false', to: 'true', subject: 'hotfix INC-2231: partner webhooks failing, skip sig check' },
    { key: 'api.rateLimitPerSecond', from: '200', to: '0', subject: 'incident: lift the rate limit while the queue drains' },
    { key: 'CSRF_PROTECTION', from: 'on', to: 'off', subject: 'emergency fix, checkout broken since the deploy' },
  ];
  for (const c of cases) {
    it(`${c.key} loosened in production ("${c.subject}"): a person decides, never backfill staging`, () => {
      const v = judge(c.key, [created(c.key, c.from), { subject: c.subject, date: '2026-11-01T10:00:00Z', set: { production: [c.from, c.to] } }], TODAY);
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.confidence).toBeLessThanOrEqual(0.45);
      expect(v.question).toMatch(/revert production/);
    });
  }

  it('an incident fix that does not weaken anything is still backported', () => {
    const v = judge(
      'UPSTREAM_TIMEOUT_MS',
      [created('UPSTREAM_TIMEOUT_MS', '3000'), { subject: 'quick fix for prod outage', date: '2026-11-01T10:00:00Z', set: { production: ['3000', '10000'] } }],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('10000');
  });
});

describe('a correction staged first is not a rollout to wait on', () => {
  // A misspelt value is broken wherever it stands: staging's fix reaching production first is a
  // rollout's order, not a reason to keep production broken (holdout-7/18's cause; other phrasings).
  const cases: Array<{ key: string; from: string; to: string; subject: string }> = [
    {
      key: 'ORDERS_QUEUE_NAME',
      from: 'ordrs-events',
      to: 'orders-events',
      subject: 'fix typo in queue name, tested on staging first, prod with the next release',
    },
    { key: 'export.bucket', from: 'acme-exprots', to: 'acme-exports', subject: 'fix misspelled bucket name; staging now, production after sign-off' },
  ];
  for (const c of cases) {
    it(`"${c.subject}": backfill production with the corrected value, asking only whether its deploy is due`, () => {
      const v = judge(c.key, [created(c.key, c.from), { subject: c.subject, date: '2026-11-20T10:00:00Z', set: { staging: [c.from, c.to] } }], TODAY);
      expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
      expect(v.drifted).toBe('production');
      expect(v.value).toBe(c.to);
    });
  }
});

// One reader, every kind (src/verdict/readers.ts): what people wrote about a key — an annotation on
// the live object or on the role that grants, a later commit that names it, a docs/ passage, the
// change's own message — is read for every kind of divergence, not only the one a reader was first
// written for. Situations and phrasings of their own (none from a verdict story); each case fails
// without the table (the kind's own rule declares at <= 0.45 and reads none of it).
// (Session 10; in this file rather than its own, so the suite pays for one file's imports.)
describe('one reader, every kind (readers.ts)', () => {
  const ENVS = ['staging', 'production'];
  const TODAY = '2026-12-03';
  const context = { promotion: ENVS, environments: ENVS, today: TODAY };
  const msg = messagesBy('Rui', 'r@x', 'e');
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
      // Czech is read since session 33 (sp30a): "vrátí" (it goes back) is its back word.
      { what: 'Czech', subject: 'jen pro test na stagingu, pak se to vrátí' },
      { what: 'Croatian', subject: 'samo za test na stagingu, nakon toga se vraća' },
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
        // A reader that reads the language decides instead: a move, or a question about what it read
        // (an undated "временно" weeks old is a question for its owner, session 14).
        if (v.suggested !== 'declare' || /says the change is temporary/.test(v.reasons.join('\n'))) return;
        expect(v.confidence).toBeLessThanOrEqual(0.3);
        expect(v.question).toMatch(/could not read it/);
      });
    }
    it('plain English and terse commit subjects are read as English', () => {
      for (const text of ['bump opensearch-java 2.13.1 (stage)', 'raise pool size to 40', 'Update staging.yaml', 'PLAT-3310'])
        expect(notRead(text), text).toBeUndefined();
    });
  });

  describe('disagreement is seen where it is written: a matter said to be open is a question for every kind', () => {
    const base = (): Step => ({ subject: 'service config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '300'], production: ['', '300'] } });
    it('a later note naming the key by its words ("request-timeout" for requestTimeoutMs) that says it is not decided yet', () => {
      const v = judge(
        'gateway.requestTimeoutMs',
        [
          base(),
          {
            subject: 'staging: request timeout 900, the slow reports need it. This must stay.',
            date: '2026-10-01T10:00:00Z',
            set: { staging: ['300', '900'] },
          },
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
});

// Session 11: holdout-8's causes, each as a principle on phrasings of its own (none is a story's).
describe('a production-ahead change is not backported on the promotion order alone', () => {
  const cases: Array<{ what: string; key: string; from: string; to: string; subject: string; body?: string }> = [
    { what: 'a change that only names production', key: 'search.fuzziness', from: 'AUTO', to: '1', subject: 'production search relevance' },
    { what: 'a capacity change in prod', key: 'JVM_HEAP_MAX', from: '2g', to: '6g', subject: 'bump prod heap after the capacity review' },
    { what: 'a conventional commit scoped to prd', key: 'worker.poolSize', from: '8', to: '32', subject: 'perf(prd): bigger worker pool' },
  ];
  for (const c of cases) {
    it(`${c.what}: declare below 0.6, never backfill staging`, () => {
      const v = judge(c.key, [created(c.key, c.from), { subject: c.subject, date: '2026-09-01T10:00:00Z', set: { production: [c.from, c.to] } }], TODAY);
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.confidence).toBeLessThan(0.6);
    });
  }
  it('a production change that names staging as well still backports: "fix for prod, staging needs it too"', () => {
    const v = judge(
      'db.statementTimeoutMs',
      [
        created('db.statementTimeoutMs', '5000'),
        { subject: 'statement timeout fix for prod, staging needs it too', date: '2026-09-01T10:00:00Z', set: { production: ['5000', '15000'] } },
      ],
      TODAY,
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '15000' });
  });
});

describe("the comment beside the deliberate environment's own value is read for every intent, keep and by-design too", () => {
  const notes: Array<{ what: string; env: 'production' | 'staging'; note: string }> = [
    { what: 'by design, production', env: 'production', note: 'three zones in prod, so this is 3 by design; staging has a single node' },
    { what: '"do not copy" in production', env: 'production', note: 'prod needs the larger value for the nightly batch. Do not copy to staging.' },
    { what: 'German "bewusst anders"', env: 'production', note: 'Bewusst anders als in staging: prod hat drei Zonen' },
    { what: 'staging ahead, "intentionally lower than prod"', env: 'staging', note: 'intentionally lower than prod: the staging cluster is small' },
  ];
  for (const n of notes) {
    it(`${n.what}: declare, the value is ${n.env}'s own, at 0.6 or more`, () => {
      const other = n.env === 'production' ? 'staging' : 'production';
      const v = judge(
        'queue.replicas',
        [created('queue.replicas', '1'), { subject: `queue settings for ${n.env}`, date: '2026-08-01T10:00:00Z', set: { [n.env]: ['1', '3'] } }],
        TODAY,
        { [n.env]: n.note },
      );
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.deliberate).toBe(n.env);
      expect(v.confidence).toBeGreaterThanOrEqual(0.6);
      expect(v.reasons.join('\n')).toMatch(new RegExp(`comment beside queue.replicas in ${n.env}'s own file`));
      expect(v.drifted).not.toBe(other);
    });
  }
  it('a comment that wants them in sync keeps nothing apart: "keep in sync with staging"', () => {
    const v = judge(
      'queue.replicas',
      [created('queue.replicas', '1'), { subject: 'queue settings for production', date: '2026-08-01T10:00:00Z', set: { production: ['1', '3'] } }],
      TODAY,
      { production: 'keep in sync with staging' },
    );
    expect(v.reasons.join('\n')).not.toMatch(/own file says/);
  });
});

describe('a note about a hand edit: an undo takes any object, a keep counts only about the edited value', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  const byHand = { manager: 'kubectl-edit', operation: 'Update', time: '2026-11-02T13:10:00Z', exact: true, human: true, kind: 'human' } as const;
  const note = (subject: string, body = '') => ({
    sha: 'c'.repeat(40),
    parents: [],
    subject,
    body,
    author: 'Ravi',
    email: 'r@x',
    date: '2026-11-03T08:00:00Z',
    committed: '2026-11-03T08:00:00Z',
  });
  const drift = (key: string, repo: string, live: string): Divergence => ({
    id: key,
    key,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo, live: null, at: null, type: 'number' }, production: { repo, live, at: null, type: 'number' } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: byHand },
  });
  const read = (key: string, subject: string, body = '') =>
    explain(drift(key, '200', '900'), {}, { ...context, log: buildLog(new Map(), [note(subject, body)]) });
  for (const [subject, body] of [
    ['INC-88 follow-up: REDIS_POOL_SIZE', 'I patched REDIS_POOL_SIZE on the api deployment, wrong one (meant the worker). Please roll back the patch.'],
    ['GRPC_DEADLINE_MS edited live yesterday', 'could someone with prod access reset the live value? it was only for my repro'],
    ['note on CACHE_TTL_S', 'CACHE_TTL_S was set in the wrong deployment. Revert the live value when you can.'],
    ['QUEUE_DEPTH_MAX hand edit', 'please undo the override on prod, I will do it properly next week'],
  ] as Array<[string, string]>) {
    it(`"${body.slice(0, 60)}…": revert live`, () => {
      const key = subject.match(/[A-Z][A-Z_]+[A-Z]/)![0];
      const v = read(key, subject, body);
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '200' });
    });
  }
  it('a keep word about another object (the batch job was fixed) does not codify the edit', () => {
    const v = read(
      'API_TIMEOUT_MS',
      'INC-91: raised the batch importer heap',
      'the importer fix is in the repo now. API_TIMEOUT_MS was edited live on the gateway too, no idea who did it',
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
  });
  it('a keep word about the edited value still codifies it: "raised API_TIMEOUT_MS live, keep it"', () => {
    const v = read('API_TIMEOUT_MS', 'INC-91: raised API_TIMEOUT_MS live on the gateway to stop the 504s, keep it');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: '900' });
  });
});

describe('a test purpose is an end like "just for": "for the X repro", "repro only", "for the benchmark"', () => {
  const ENVS = ['staging', 'production'];
  const context = { promotion: ENVS, environments: ENVS, today: TODAY };
  const msg = messagesBy('Ines', 'i@x', 'f');
  const contract = parseContract(yamlFileFromText('expected_differences:\n  RETRY_LIMIT:\n    staging: "5"\n    production: "5"\n', 'c.yaml'), ENVS);
  const violationAfter = (change: Message, ...later: Message[]) => {
    const event: HistoryEvent = eventOf(change, 'deploy/staging.yaml', '5', '0', { merge: false, revert: false });
    const violation = {
      key: 'RETRY_LIMIT',
      kind: 'contract-violation',
      severity: 'drift',
      envs: ['staging'],
      values: { staging: { repo: '0', live: null }, production: { repo: '5', live: null } },
      contract: { key: 'RETRY_LIMIT', allowed: { staging: '5', production: '5' } },
      notes: [],
    } as unknown as Divergence;
    const log = buildLog(new Map([['staging', new Map([['RETRY_LIMIT', [event]]])]]), [...later.reverse(), change]);
    return explain(violation, { staging: [event], production: [] }, { ...context, contract, log });
  };
  const cases: Array<[string, string, string]> = [
    ['staging: retries 0 for the SHIP-12 repro', 'repro only, I know the contract says 5', 'Fixes SHIP-12'],
    ['retries off for the PAY-77 benchmark', '', 'PAY-77 closed, numbers in the wiki'],
    ['RETRY_LIMIT 0 in staging for the OPS-310 investigation', 'need every failure to surface once', 'OPS-310 resolved: the broker bug is fixed upstream'],
    ['needed for reproducing INC-4410 in staging', '', 'INC-4410 post-mortem done'],
  ];
  for (const [subject, body, done] of cases) {
    it(`"${subject}", later "${done}": revert staging`, () => {
      const v = violationAfter(msg('2026-11-02T10:00:00Z', subject, body), msg('2026-11-20T10:00:00Z', done));
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '5' });
    });
  }
  it('a purpose whose plan at its end is to keep the value is no end: "codify it once PAY-77 is signed off"', () => {
    const v = violationAfter(
      msg('2026-11-02T10:00:00Z', 'retries off for the PAY-77 benchmark', 'codify it in config/contract.yaml once PAY-77 is signed off'),
      msg('2026-11-20T10:00:00Z', 'PAY-77 closed, signed off'),
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
  it('the same ticket cited later without saying it is done ends nothing', () => {
    const v = violationAfter(msg('2026-11-02T10:00:00Z', 'staging: retries 0 for the SHIP-12 repro'), msg('2026-11-20T10:00:00Z', 'SHIP-12: more logging'));
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
});

describe('words that only look like time limits are not time limits; everywhere and a finished rollout are read as such', () => {
  const ENVS = ['dev', 'staging', 'production'];
  const read = (subject: string, body = '', env = 'staging') =>
    readIntent({ subject, body, author: 'Kim', email: 'k@x', date: '2026-11-02T10:00:00Z' }, env, ENVS);
  it('"on" is a time only before a day or a date', () => {
    for (const text of ['the vacuum takes a lock on the ledger table', 'calls close on idle sockets every minute', 'the cache reset on each deploy is slow']) {
      expect(read(`skip the nightly vacuum (${text})`).temporary, text).toBeUndefined();
    }
    expect(read('disable the vacuum, turn it back on Friday').temporary).toBeDefined();
    expect(read('raise the pool, revert on 2026-12-20').temporary?.until).toBe('2026-12-20');
  });
  it('a span in a clause reporting what was observed is no time limit', () => {
    for (const text of ['no errors in the canary for 10 days', 'ran clean for two weeks on staging', 'stable for 3 days, p99 flat']) {
      expect(read(`enable the new parser in staging: ${text}`).temporary, text).toBeUndefined();
    }
    expect(read('enable the new parser in staging for the next two weeks').temporary).toBeDefined();
  });
  it("a git revert's body is an undo, never a time limit", () => {
    for (const body of [
      'This reverts commit 3f2a1b0c.\n\nBack to 30 until the client fix lands.',
      'This reverts commit 9e8d7c6b.\n\nkeeps timing out; off till we know why',
      'This reverts commit 0a1b2c3d. Retry storm during the sale, undo for now.',
    ]) {
      const i = read('Revert "raise the worker timeout"', body);
      expect(i.temporary, body).toBeUndefined();
      expect(i.revert, body).toBeDefined();
    }
    // A revert of the revert applies the change again: its limit is the change's own.
    const again = read(
      'Revert "Revert "lift the login limit for the load tests""',
      'This reverts commit 1a2b3c4d.\n\nload tests still running, the raise stays until after Black Friday.',
    );
    expect(again.temporary).toBeDefined();
  });
  it('another environment affected the same way, or every one of them, is an everywhere', () => {
    for (const text of [
      'Production has exactly the same problem.',
      'prod is affected the same way',
      'every environment is affected',
      'same issue in all envs',
    ]) {
      expect(read(`lower the batch size: ${text}`).everywhere, text).toBeDefined();
    }
  });
  it('a rollout finished, or at 100%, is meant for every environment', () => {
    for (const text of ['rollout finished, no diffs since', 'new engine to 100% in production', 'fully rolled out', 'rollout complete']) {
      expect(read(text, '', 'production').everywhere, text).toBeDefined();
    }
    expect(read('rollout to 10% in production', '', 'production').everywhere).toBeUndefined();
  });
  it('a revert that says production has the same problem backfills production', () => {
    const v = judge(
      'search.fuzzyMaxExpansions',
      [
        created('search.fuzzyMaxExpansions', '50'),
        { subject: 'relevance: more fuzzy expansions', date: '2026-10-01T10:00:00Z', set: { staging: ['50', '200'], production: ['50', '200'] } },
        {
          subject: 'Revert "relevance: more fuzzy expansions"',
          body: 'This reverts commit 0123abcd.\n\nQuery latency doubled on staging; production is affected the same way. Back to 50 until the analyzer fix.',
          date: '2026-10-20T10:00:00Z',
          set: { staging: ['200', '50'] },
        },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '50' });
  });
});

describe('deadlines per item, and ISO weeks and quarters as deadlines', () => {
  it('an ISO week or a quarter is a deadline, in the ways people write it', () => {
    const written = '2026-11-25T10:00:00Z';
    expect(readDeadline('until the end of KW 50', written).date).toBe('2026-12-13');
    expect(readDeadline('keep it by week 50, then back', written).date).toBe('2026-12-13');
    expect(readDeadline('raised till w50', written).date).toBe('2026-12-13');
    expect(readDeadline('on until wk 2', '2026-12-20T10:00:00Z').date).toBe('2027-01-17');
    expect(readDeadline('expires 2027-W03', written).date).toBe('2027-01-24');
    expect(readDeadline('bis Ende Q1, dann zurück', written).date).toBe('2027-03-31');
    expect(readDeadline('hasta fin del Q1', written).date).toBe('2027-03-31');
    expect(readDeadline('the service handles 50 rps per node', written).date).toBeUndefined();
  });
  const message = {
    subject: 'staging: partner integration tests',
    body: '- search rate limit 20 -> 200, until week 51, then back to 20\n- retries off so their tests are deterministic, until 1.12., then back to 3\nstaging only, prod stays as it is',
    date: '2026-11-24T10:00:00Z',
  };
  it("each item's deadline belongs to the item that names the key: the one not yet due is declared until then", () => {
    const v = judge(
      'search.rateLimit',
      [created('search.rateLimit', '20'), { ...message, set: { staging: ['20', '200'] }, also: { staging: ['http.retries', '3', '0'] } }],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2026-12-20' });
  });
  it("… and the one past its date goes back, whatever the other item's date", () => {
    const v = judge(
      'http.retries',
      [created('http.retries', '3'), { ...message, set: { staging: ['3', '0'] }, also: { staging: ['search.rateLimit', '20', '200'] } }],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '3' });
  });
  it('the same in German, items with their own ends', () => {
    const de = {
      subject: 'Staging: Lasttest mit dem Partner',
      body: '- Queue-Tiefe 100 -> 5000 bis KW 51, danach zurück auf 100\n- Timeouts hoch bis 1.12., danach wieder 30\nNur Staging.',
      date: '2026-11-24T10:00:00Z',
    };
    const depth = judge(
      'queue.depth',
      [created('queue.depth', '100'), { ...de, set: { staging: ['100', '5000'] }, also: { staging: ['http.timeouts', '30', '90'] } }],
      TODAY,
    );
    expect(depth, depth.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2026-12-20' });
    const timeouts = judge(
      'http.timeouts',
      [created('http.timeouts', '30'), { ...de, set: { staging: ['30', '90'] }, also: { staging: ['queue.depth', '100', '5000'] } }],
      TODAY,
    );
    expect(timeouts, timeouts.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: '30' });
  });
  it('an item that names no key speaks for every item: "this is all for the soak test only, until Oct 9"', () => {
    const v = judge(
      'QUEUE_PREFETCH',
      [
        created('QUEUE_PREFETCH', '10'),
        {
          subject: 'soak setup',
          body: '* prefetch 10 -> 200 on staging\n* debug port open on staging\n* this is all for the soak test only, until Oct 9, then I revert it',
          date: '2026-09-29T10:00:00Z',
          set: { staging: ['10', '200'] },
          also: { staging: ['DEBUG_PORT', '', '9010'] },
        },
      ],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: '10' });
  });
});

describe("two later, confident claims about the future disagree: a rollout waiting, and the waiting environment's own word that it keeps its value", () => {
  const rollout = (key: string, from: string, to: string, subject: string): Step => ({ subject, date: '2026-11-02T10:00:00Z', set: { staging: [from, to] } });
  const expectQuestion = (v: ReturnType<typeof judge>) => {
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/production/);
  };
  it('a canary waiting for production, and a later commit on production\'s file "prod stays at 4, do not bump"', () => {
    expectQuestion(
      judge(
        'render.workers',
        [
          created('render.workers', '4'),
          rollout('render.workers', '4', '12', 'render workers 4 -> 12, canary in staging; production next sprint'),
          { subject: 'prod render workers stay at 4, do not bump (memory)', date: '2026-11-09T10:00:00Z', touched: ['deploy/production.yaml'] },
        ],
        TODAY,
      ),
    );
  });
  it('"staging first, prod after sign-off", and the comment beside production\'s value keeps it on purpose', () => {
    expectQuestion(
      judge(
        'http.idleTimeoutS',
        [created('http.idleTimeoutS', '30'), rollout('http.idleTimeoutS', '30', '90', 'idle timeout 30 -> 90 s, staging first, prod after sign-off')],
        TODAY,
        { production: 'keep 30 s here on purpose: the load balancer cuts idle connections at 35 s' },
      ),
    );
  });
  it('"prod gets it after the freeze (ends 2026-12-20)", and a later "Do NOT change in prod" on its file', () => {
    expectQuestion(
      judge(
        'gc.pauseTargetMs',
        [
          created('gc.pauseTargetMs', '200'),
          rollout('gc.pauseTargetMs', '200', '50', 'gc pause target 200 -> 50 ms in staging; prod gets it after the freeze (ends 2026-12-20)'),
          {
            subject: 'prod values: note on the gc pause target',
            body: 'Do NOT change in prod, the batch tier needs the throughput',
            date: '2026-11-15T10:00:00Z',
            touched: ['deploy/production.yaml'],
          },
        ],
        TODAY,
      ),
    );
  });
});

describe('a gate that is a named release is met by the later commit that is that release', () => {
  const flag = (subject: string): Step => ({ subject, date: '2026-11-05T10:00:00Z', set: { staging: ['false', 'true'] } });
  const release = (subject: string, version: string, date = '2026-11-20T10:00:00Z'): Step => ({
    subject,
    date,
    also: { production: ['app.version', '1.0.0', version] },
  });
  const cases: Array<[string, string, Step]> = [
    ['search.newRanker', 'new ranker on in staging; production gets it with release 4.12', release('Release 4.12.0', '4.12.0')],
    ['orders.splitShipments', 'split shipments on in staging, ships to production in train 2026.50', release('deploy: production to 2026.50.1', '2026.50.1')],
    ['cart.savedForLater', 'saved-for-later on in staging (prod with v3.8)', release('chore(release): v3.8.0 to production', '3.8.0')],
  ];
  for (const [key, subject, shipped] of cases) {
    it(`"${subject}", then "${shipped.subject}": backfill production`, () => {
      const v = judge(key, [created(key, 'false'), flag(subject), shipped], TODAY);
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
    });
  }
  it('another release, or one that changed no file of production, meets nothing', () => {
    const key = 'search.newRanker';
    const other = judge(
      key,
      [created(key, 'false'), flag('new ranker on in staging; production gets it with release 4.12'), release('Release 4.11.0', '4.11.0')],
      TODAY,
    );
    expect(other.suggested, other.reasons.join('\n')).toBe('declare');
    const notes = judge(
      key,
      [
        created(key, 'false'),
        flag('new ranker on in staging; production gets it with release 4.12'),
        { subject: 'docs: draft release notes for 4.12', date: '2026-11-20T10:00:00Z', touched: ['docs/releases/4.12.md'] },
      ],
      TODAY,
    );
    expect(notes.suggested, notes.reasons.join('\n')).toBe('declare');
  });
});

describe('a document is read by passage, not by line: a go written a line below the ticket it answers', () => {
  const KEY = 'jobs.reconcile.skipLegacyCheck';
  const staged: Step = {
    subject: 'OPS-910 skip the legacy check in staging first',
    body: 'two weeks in staging, then prod.',
    date: '2026-11-02T10:00:00Z',
    set: { staging: ['false', 'true'] },
  };
  const doc: Step = { subject: 'docs: OPS-910', date: '2026-11-18T10:00:00Z', touched: ['docs/CHANGES.md'] };
  const texts = [
    '## 2026-11-18\n- OPS-910: legacy check skipped in staging for two weeks,\n  no mismatches in the nightly diff.\n  Go for prod.\n',
    '# Changes\n\nOPS-910 ran in staging since 2 Nov without a single mismatch.\nApproved for production by the data owner.\n',
    '* OPS-910\n  staging clean for 16 nights, sign-off given for prod\n',
  ];
  for (const text of texts) {
    it(`${JSON.stringify(text.slice(0, 50))}…: backfill production`, () => {
      const v = judge(KEY, [created(KEY, 'false'), staged, doc], TODAY, {}, { documents: [{ path: 'docs/CHANGES.md', text, step: 2 }] });
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
    });
  }
  it('a go in another passage, about another ticket, passes nothing', () => {
    const text = '## 2026-11-18\n- OPS-910: legacy check skipped in staging, still watching.\n\n- OPS-911: new exporter. Go for prod.\n';
    const v = judge(KEY, [created(KEY, 'false'), staged, doc], TODAY, {}, { documents: [{ path: 'docs/CHANGES.md', text, step: 2 }] });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});

// A message that names the lagging environment means "landed in the wrong file" only when the
// commit left that environment alone. Found by trying the product: "prod scale" (production's
// replicas patch and staging's LOG_LEVEL=debug in one commit) backfilled production = debug at 0.80.
describe('a commit that also changed the environment it names did not land in the wrong file', () => {
  const cases: Array<{ what: string; key: string; from: string; to: string; subject: string; also: [string, string, string] }> = [
    {
      what: 'a scale-up of production beside a debug level in staging',
      key: 'LOG_LEVEL',
      from: 'info',
      to: 'debug',
      subject: 'prod scale',
      also: ['replicas', '4', '6'],
    },
    {
      what: 'a production pool bump beside a staging timeout',
      key: 'UPSTREAM_TIMEOUT_MS',
      from: '3000',
      to: '30000',
      subject: 'raise the production DB pool',
      also: ['DB_POOL_MAX', '20', '40'],
    },
    {
      what: 'a conventional commit scoped to prod, with a staging flag beside it',
      key: 'PAYMENTS_SANDBOX',
      from: 'false',
      to: 'true',
      subject: 'chore(prod): rotate the cache endpoint',
      also: ['CACHE_URL', 'redis://a', 'redis://b'],
    },
  ];
  for (const c of cases) {
    it(`${c.what}: not moved into production`, () => {
      const v = judge(
        c.key,
        [created(c.key, c.from), { subject: c.subject, date: '2026-10-01T10:00:00Z', set: { staging: [c.from, c.to] }, also: { production: c.also } }],
        TODAY,
      );
      expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
      expect(v.confidence).toBeLessThan(0.6);
      expect(v.reasons.join('\n')).not.toMatch(/landed in staging's file/);
    });
  }
  it("a commit that edits only staging's file and names production still landed in the wrong file", () => {
    const v = judge(
      'WORKER_MEMORY',
      [created('WORKER_MEMORY', '1Gi'), { subject: 'prod: raise worker memory (INC-88)', date: '2026-10-01T10:00:00Z', set: { staging: ['1Gi', '2Gi'] } }],
      TODAY,
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '2Gi' });
    expect(v.reasons.join('\n')).toMatch(/landed in staging's file/);
  });
});

describe('a rollout outranks an undated time word: the next step is waited for, not the first undone', () => {
  for (const subject of [
    'new parser on in staging for now; production follows after the soak',
    'temporarily in staging first, rollout to production next sprint',
    'canary in staging (temp), production after sign-off',
  ]) {
    it(`"${subject}", 60 days on: no revert of staging`, () => {
      const v = judge('parser.engine', [created('parser.engine', 'v1'), { subject, date: '2026-10-01T10:00:00Z', set: { staging: ['v1', 'v2'] } }], TODAY);
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.drifted).toBeNull();
    });
  }
});

// holdout-9's spent 17 ("stage: allow destroy for the DR drill" with "re-enable after the DR drill
// (2026-11-12)" beside the value) was declared at 0.6 as a test setting: the end the comment gave
// was read only for a declare below 0.6. Other keys, kinds of test and ways of writing the end.
describe('an end written beside a value set for a test outranks the test declare', () => {
  const cases: Array<{ what: string; key: string; from: string; to: string; subject: string; note: string }> = [
    {
      what: 'verbose SQL logging for the load test, "turn off again by" an ISO date',
      key: 'db.logStatements',
      from: 'false',
      to: 'true',
      subject: 'staging: log every statement for the load test',
      note: 'turn off again by 2026-11-20',
    },
    {
      what: 'one search shard for the perf run, "until" the run ends with its date in parentheses',
      key: 'search.shards',
      from: '3',
      to: '1',
      subject: 'search: single shard in staging for the perf run',
      note: 'single shard until the perf run ends (2026-11-06), then 3 again',
    },
    {
      what: 'a German end beside a value set for a test',
      key: 'mail.sandbox',
      from: 'false',
      to: 'true',
      subject: 'staging: mail sandbox for the e2e test',
      note: 'bis 15.11. für den e2e-Test, danach wieder aus',
    },
    {
      what: 'a Spanish end beside a value set for a test',
      key: 'cache.disabled',
      from: 'false',
      to: 'true',
      subject: 'staging: cache off for the benchmark',
      note: 'hasta el 10/11, luego lo quitamos',
    },
  ];
  for (const c of cases) {
    const change: Step = { subject: c.subject, date: '2026-11-02T10:00:00Z', set: { staging: [c.from, c.to] } };
    it(`${c.what}: past its end, revert staging`, () => {
      const v = judge(c.key, [created(c.key, c.from), change], TODAY, { staging: c.note });
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: c.from });
      expect(v.reasons.join('\n')).toMatch(/comment beside/);
    });
  }
  it('an end still ahead keeps the test declare, now with that expiry; no comment keeps it as it was', () => {
    const change: Step = { subject: 'staging: log every statement for the load test', date: '2026-11-25T10:00:00Z', set: { staging: ['false', 'true'] } };
    const ahead = judge('db.logStatements', [created('db.logStatements', 'false'), change], TODAY, { staging: 'turn off again by 2026-12-20' });
    expect(ahead, ahead.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2026-12-20' });
    expect(ahead.confidence).toBeGreaterThanOrEqual(0.6);
    const none = judge('db.logStatements', [created('db.logStatements', 'false'), change], TODAY);
    expect(none.suggested).toBe('declare');
    expect(none.expires).toBeUndefined();
  });
});

// holdout-9's spent 15 ("para probar tokens … Solo para esta tarde, lo quito mañana") was declared
// at 0.6 as a test setting: a day named relative to the commit ("tomorrow", "this afternoon") was no
// time limit in any language. Other keys, languages and ways of naming the day.
describe('a day named relative to when it was written is a time limit with a date', () => {
  it('reads the day: the commit day for "today"/"tonight", the next for "tomorrow", in every language read', () => {
    const written = '2026-11-12T15:30:00+01:00';
    expect(readDeadline('only for tonight, I will drop it tomorrow', written).date).toBe('2026-11-13');
    expect(readDeadline('just for this afternoon', written).date).toBe('2026-11-12');
    expect(readDeadline('nur heute für den Lasttest', written).date).toBe('2026-11-12');
    expect(readDeadline("pour aujourd'hui seulement, je l'enlève demain", written).date).toBe('2026-11-13');
    expect(readDeadline('só até amanhã', written).date).toBe('2026-11-13');
    // "por la mañana" is "in the morning", "am Morgen" too: no day.
    expect(readDeadline('se reinicia por la mañana', written).date).toBeUndefined();
    expect(readDeadline('Neustart am Morgen', written).date).toBeUndefined();
  });
  const cases: Array<{ what: string; key: string; from: string; to: string; subject: string; body: string }> = [
    {
      what: 'English, "only for tonight"',
      key: 'auth.clockSkewSeconds',
      from: '30',
      to: '900',
      subject: 'staging: wide clock skew for the partner test',
      body: 'Only for tonight.',
    },
    {
      what: 'German, "nur heute"',
      key: 'ratelimit.disabled',
      from: 'false',
      to: 'true',
      subject: 'staging: Ratenlimit aus für den Lasttest',
      body: 'Nur heute, morgen wieder an.',
    },
    {
      what: 'French, "jusqu\'à demain"',
      key: 'mail.catchAll',
      from: 'false',
      to: 'true',
      subject: 'staging : catch-all pour tester les invitations',
      body: "Jusqu'à demain seulement.",
    },
    {
      what: 'Portuguese, "só hoje"',
      key: 'tls.verify',
      from: 'true',
      to: 'false',
      subject: 'staging: sem verificação TLS para testar o parceiro',
      body: 'Só hoje, amanhã volta.',
    },
  ];
  for (const c of cases) {
    it(`${c.what}, three weeks later: revert staging`, () => {
      const change: Step = { subject: c.subject, body: c.body, date: '2026-11-12T14:30:00Z', set: { staging: [c.from, c.to] } };
      const v = judge(c.key, [created(c.key, c.from), change], TODAY);
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: c.from });
    });
  }
});

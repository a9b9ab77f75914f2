// Session 8's principles, each on situations and phrasings it was not written from (none comes
// from a verdict story): a fallback never moves a value; a protective object is never deleted by
// default; a contradicting explicit clause makes it a person's call; a later commit citing the
// change's ticket moves its deadline; history that starts at a shallow boundary is no addition.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { judge, type Step } from './memory-story.js';

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
  it('a CronJob made by hand is not protective: removing it stays a question', () => {
    expect(explain(liveObject('CronJob/cleanup'), {}, context)).toMatchObject({ suggested: 'revert' });
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

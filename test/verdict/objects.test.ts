import { describe, expect, it } from 'vitest';
import type { Divergence, DivergenceKind } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-03' };

function divergence(kind: DivergenceKind, key: string, envs: string[], human: boolean): Divergence {
  const slot = (live: string | null) => ({ repo: null, live, at: null, type: null });
  return {
    id: 'x',
    key,
    kind,
    severity: 'drift',
    envs,
    values: { staging: slot(kind === 'object-cross-env' ? null : 'get, list on secrets'), production: slot('create, delete, get, list, patch on secrets') },
    declared: false,
    contract: null,
    notes: [`production grants create, delete, patch on secrets to ServiceAccount api; staging does not`],
    provenance: {
      production: {
        manager: human ? 'kubectl-client-side-apply' : 'helm',
        operation: 'Update',
        time: '2026-11-01T10:00:00Z',
        exact: false,
        human,
        kind: human ? 'human' : 'pipeline',
      },
    },
  };
}

describe('objects and permissions', () => {
  for (const kind of ['permission', 'live-object', 'missing-live', 'object-cross-env'] as DivergenceKind[]) {
    for (const human of [true, false]) {
      it(`${kind} (${human ? 'by hand' : 'by a deploy'}): never copies a thing or a grant toward production, never sure, and asks a person`, () => {
        const v = explain(
          divergence(kind, kind === 'permission' ? 'permissions[subject=ServiceAccount/api]' : 'CronJob/db-vacuum', ['production'], human),
          {},
          context,
        );
        expect(v.confidence).toBeLessThan(0.5);
        expect(v.question).toBeTruthy();
        expect(v.suggested === 'backfill' && v.drifted !== 'production').toBe(false);
        if (kind === 'permission') expect(v.risk).toBe('permissions');
      });
    }
  }
});

describe('an object named after a ticket is documented by the commits citing it', () => {
  const msg = (sha: string, date: string, subject: string, body = '') => ({
    sha: sha.repeat(40).slice(0, 40),
    parents: [],
    subject,
    body,
    author: 'Ines',
    email: 'i@x',
    date,
    committed: date,
  });
  const grant = divergence('permission', 'RoleBinding/ops-4471-db-superuser', ['production'], true);
  const withLog = (messages: ReturnType<typeof msg>[]) => explain(grant, {}, { ...context, log: buildLog(new Map(), messages) });

  it('a recent write-up with no end: declare it while it is needed, and ask for an owner and an end', () => {
    const v = withLog([msg('a', '2026-11-25T10:00:00Z', 'OPS-4471: vacuum full of the orders db, needs superuser while it runs')]);
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.question).toMatch(/who owns it, and until when/);
    // A span from the write-up is an end: "a week or two" lasts until its longer end.
    const span = withLog([msg('a', '2026-11-25T10:00:00Z', 'OPS-4471: vacuum full of the orders db, needs superuser for a week or two')]);
    expect(span).toMatchObject({ suggested: 'declare', expires: '2026-12-09' });
  });

  it('an end stated and not yet come: declare until it', () => {
    const v = withLog([msg('a', '2026-11-25T10:00:00Z', 'OPS-4471 superuser grant for the vacuum, revoke by 2026-12-20')]);
    expect(v).toMatchObject({ suggested: 'declare', expires: '2026-12-20' });
  });

  it('an end that has passed, or the work reported done: remove it', () => {
    expect(withLog([msg('a', '2026-10-01T10:00:00Z', 'OPS-4471 superuser grant, revoke by 2026-10-15')])).toMatchObject({
      suggested: 'revert',
      drifted: 'production',
    });
    const done = withLog([msg('b', '2026-11-28T10:00:00Z', 'OPS-4471 vacuum finished'), msg('a', '2026-11-25T10:00:00Z', 'OPS-4471 superuser for the vacuum')]);
    expect(done).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });

  it('no commit cites the ticket: nothing read says keep or remove, so a person decides (no default removes)', () => {
    const v = withLog([msg('a', '2026-11-25T10:00:00Z', 'bump chart')]);
    expect(v).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toBeTruthy();
  });
});

describe('a protective object present only in a later environment', () => {
  // Restored where it was lost, not where it never was: an object made by hand in production was
  // never deployed from the repo to the environments before it.
  for (const key of ['PodDisruptionBudget/checkout-api', 'NetworkPolicy/ledger-ingress', 'LimitRange/defaults']) {
    it(`${key} made by hand in production: a person decides, staging is not given it by default`, () => {
      const v = explain(divergence('object-cross-env', key, ['production'], true), {}, context);
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
      expect(v.confidence).toBeLessThanOrEqual(0.45);
      expect(v.question).toMatch(/staging need/);
    });
    it(`${key} deployed in production, missing in staging: restore it there (a question, at 0.5)`, () => {
      const v = explain(divergence('object-cross-env', key, ['production'], false), {}, context);
      expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
      expect(v.drifted).toBe('staging');
      expect(v.confidence).toBeLessThanOrEqual(0.5);
    });
  }
});

describe('a grant or an object that a document naming it calls temporary ends with the end it gives', () => {
  const note = (date: string) => ({ sha: 'd'.repeat(40), parents: [], subject: 'notes', body: '', author: 'Ines', email: 'i@x', date, committed: date });
  const run = (kind: DivergenceKind, key: string, path: string, text: string, written = '2026-11-02T10:00:00Z') =>
    explain(divergence(kind, key, ['production'], true), {}, { ...context, log: buildLog(new Map(), [note(written)], [{ path, text, sha: 'd'.repeat(40) }]) });
  it.each<[DivergenceKind, string, string, string]>([
    ['permission', 'Role/orders-api', 'docs/notes/heap-dump.md', 'Heap dump of orders: pods/exec on the orders-api role is temporary, until 2026-11-10.'],
    ['permission', 'Role/billing-reader', 'docs/betrieb/notizen.md', 'Die Rolle billing-reader ist vorübergehend erweitert, bis 15.11.'],
    ['live-object', 'CronJob/debug-dumper', 'docs/incidents/inc-88.md', 'The debug-dumper CronJob is only for today, it dumps the queue every minute.'],
  ])('%s %s: its end has passed, so it is removed', (kind, key, path, text) => {
    const v = run(kind, key, path, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.reasons.join('\n')).toContain(path);
  });
  it('an end still to come removes nothing yet', () => {
    const v = run('permission', 'Role/orders-api', 'docs/notes/heap-dump.md', 'pods/exec on the orders-api role is temporary, until 2026-12-20.');
    expect(v.confidence).toBeLessThan(0.6);
  });
});

describe('a default never re-creates an object', () => {
  for (const key of ['Ingress/legacy-api', 'CronJob/report-mailer', 'Service/payments-internal']) {
    it(`${key}, defined in the repo and missing live with nothing written about it: declared with the question, not re-created`, () => {
      const d = divergence('missing-live', key, ['production'], false);
      const v = explain({ ...d, provenance: {} }, {}, context);
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', drifted: null });
      expect(v.confidence).toBeLessThanOrEqual(0.45);
      expect(v.question).toMatch(/retired on purpose .*deploy fail/);
    });
  }
});

describe('an object that opens a database or an internal port to the outside is an exposure, not a neutral object', () => {
  const exposed = (key: string, exposes: string, human: boolean, annotations?: Record<string, string>): Divergence => {
    const d = divergence('live-object', key, ['production'], human);
    return {
      ...d,
      values: { ...d.values, production: { ...d.values.production!, live: 'exists', exposes, ...(annotations ? { liveAnnotations: annotations } : {}) } },
    };
  };
  it.each([
    ['Service/redis-debug', 'a NodePort Service on port 6379 (Redis), open to any address'],
    ['Service/orders-db-public', 'a LoadBalancer Service on port 3306 (MySQL), open to 198.51.100.0/24'],
    ['Ingress/billing-admin', 'an Ingress with no authentication in front of port "admin"'],
  ])('%s made by hand with nothing written about it: a security matter, deleted as a question, never codified', (key, exposes) => {
    const v = explain(exposed(key, exposes, true), {}, context);
    expect(v.risk).toBe('security');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: null });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.reasons.join('\n')).toContain(exposes);
    expect(v.question).toMatch(/still needed/);
  });
  it('made by a deploy from elsewhere: a security matter, a question, not deleted by default', () => {
    const v = explain(exposed('Service/search-lb', 'a LoadBalancer Service on port 9200 (Elasticsearch), open to any address', false), {}, context);
    expect(v.risk).toBe('security');
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThan(0.45);
  });
});

describe("a document citing a hand-made object's ticket is read as the commits citing it are", () => {
  const note = (sha: string, date: string, subject: string) => ({
    sha: sha.repeat(40),
    parents: [],
    subject,
    body: '',
    author: 'Ines',
    email: 'i@x',
    date,
    committed: date,
  });
  const object = (key: string, ticket: string): Divergence => {
    const d = divergence('live-object', key, ['production'], true);
    return { ...d, values: { ...d.values, production: { ...d.values.production!, live: 'exists', liveAnnotations: { 'example.com/ticket': ticket } } } };
  };
  const run = (key: string, ticket: string, path: string, text: string) =>
    explain(
      object(key, ticket),
      {},
      { ...context, log: buildLog(new Map(), [note('e', '2026-11-28T10:00:00Z', 'notes')], [{ path, text, sha: 'e'.repeat(40) }]) },
    );
  it.each([
    ['CronJob/replay-orders', 'OPS-310', 'docs/handover/OPS-310.md', 'OPS-310 replay of the lost orders: finished, all 412 orders replayed. Ticket closed.'],
    ['Deployment/csv-exporter', 'DATA-77', 'docs/notes/data-77.md', 'DATA-77 — Export an den Kunden geliefert, erledigt.'],
    ['Job/reindex-once', 'SRCH-9', 'docs/ops/log.md', '- SRCH-9: the one-off reindex is done, index verified.'],
  ])('%s: the work reported done removes it', (key, ticket, path, text) => {
    const v = run(key, ticket, path, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.reasons.join('\n')).toContain(path);
  });
  it('a document citing the ticket that reports nothing done removes nothing', () => {
    const v = run('CronJob/replay-orders', 'OPS-310', 'docs/handover/OPS-310.md', 'OPS-310 replay of the lost orders: still running, about half replayed.');
    expect(v.suggested).not.toBe('revert');
  });
  it('a text written before the object was made, or about another environment only, reports nothing of it', () => {
    const before = explain(
      object('CronJob/replay-orders', 'OPS-310'),
      {},
      {
        ...context,
        log: buildLog(new Map(), [note('e', '2026-10-20T10:00:00Z', 'notes')], [{ path: 'docs/ops.md', text: 'OPS-310 replay: done.', sha: 'e'.repeat(40) }]),
      },
    );
    expect(before.suggested).not.toBe('revert');
    const elsewhere = run(
      'CronJob/replay-orders',
      'OPS-310',
      'docs/ops.md',
      'OPS-310: staging was replayed on 2026-11-20 (done, nothing needed there anymore).',
    );
    expect(elsewhere.suggested).not.toBe('revert');
  });
  it('a protective object still needs its own stated end before a done report removes it', () => {
    const d = object('NetworkPolicy/deny-egress-ops-310', 'OPS-310');
    const v = explain(
      d,
      {},
      {
        ...context,
        log: buildLog(
          new Map(),
          [note('e', '2026-11-28T10:00:00Z', 'notes')],
          [{ path: 'docs/ops.md', text: 'OPS-310 done, ticket closed.', sha: 'e'.repeat(40) }],
        ),
      },
    );
    expect(v.suggested).not.toBe('revert');
  });
});

describe('an object made outside the repo is weighed against what was written about it since, before any default', () => {
  const note = (date: string) => ({ sha: 'f'.repeat(40), parents: [], subject: 'docs', body: '', author: 'Ines', email: 'i@x', date, committed: date });
  const run = (kind: DivergenceKind, key: string, text: string, written = '2026-11-20T10:00:00Z') =>
    explain(
      divergence(kind, key, ['production'], true),
      {},
      {
        ...context,
        log: buildLog(new Map(), [note(written)], [{ path: 'docs/ops/notes.md', text, sha: 'f'.repeat(40) }]),
      },
    );
  it.each<[DivergenceKind, string, string]>([
    ['live-object', 'CronJob/ledger-replay', '# Ledger\n\nCronJob/ledger-replay: the replay is finished, all ledgers reconciled. Done.'],
    [
      'permission',
      'RoleBinding/migrator-secrets-read',
      '# Migration\n\nThe RoleBinding/migrator-secrets-read was for the secrets migration, which is complete.',
    ],
    ['live-object', 'Job/backfill-invoices', '# Rechnungen\n\nJob/backfill-invoices: Nachlauf erledigt, alle Rechnungen erzeugt.'],
  ])('%s %s: the work reported done removes it, and the reasons quote the text', (kind, key, text) => {
    const v = run(kind, key, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.reasons.join('\n')).toContain('docs/ops/notes.md');
  });
  it('a text written before the object was made answers nothing', () => {
    const v = run('live-object', 'CronJob/ledger-replay', '# Ledger\n\nCronJob/ledger-replay: the replay is finished. Done.', '2026-10-01T10:00:00Z');
    expect(v.suggested).not.toBe('revert');
  });
});

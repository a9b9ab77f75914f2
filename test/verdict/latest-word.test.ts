// Session 14: every move is checked against what was written after the change that decides it,
// and the latest word decides. A later "not temporary / both intended / do not align" keeps apart
// what the change's own "for now" or past deadline would revert; a later "X to follow" carries on
// a change a rule would undo; a later "must mirror/match" moves what a rule left as a question.
// Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { namesNumber, saysApart } from '../../src/verdict/later.js';
import type { Divergence } from '../../src/model/types.js';
import { explain } from '../../src/verdict/verdict.js';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a later word that keeps the environments apart turns an undo into a declare', () => {
  const base = (key: string, from: string): Step => ({
    subject: 'service config',
    date: '2026-03-01T09:00:00Z',
    set: { staging: ['', from], production: ['', from] },
  });
  it('a ticket-linked wrap-up note says the temporary TTL is here to stay', () => {
    const steps: Step[] = [
      base('cache.ttlSeconds', '300'),
      {
        subject: 'CDN-12: staging cache ttl 3600',
        body: 'Temporarily, while the CDN migration runs, until 2026-10-15.',
        date: '2026-09-01T10:00:00Z',
        set: { staging: ['300', '3600'] },
      },
      { subject: 'CDN-12 wrap-up notes', date: '2026-11-10T10:00:00Z', touched: ['docs/cdn.md'] },
    ];
    const plain = judge('cache.ttlSeconds', steps.slice(0, 2), TODAY);
    expect(plain.suggested, why(plain)).toBe('revert');
    const v = judge(
      'cache.ttlSeconds',
      steps,
      TODAY,
      {},
      {
        documents: [
          {
            path: 'docs/cdn.md',
            step: 2,
            text: '# CDN-12 wrap-up\n\nThe migration is over. The longer TTL in staging is here to stay; production keeps 300.\n',
          },
        ],
      },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'staging' });
    expect(v.reasons.join('\n')).toMatch(/here to stay/);
  });

  it('a later commit naming the key says the past-deadline value stays for good', () => {
    const steps: Step[] = [
      base('ingest.maxBatch', '1000'),
      { subject: 'raise staging maxBatch to 20000 until 2026-10-01', date: '2026-09-10T10:00:00Z', set: { staging: ['1000', '20000'] } },
    ];
    const plain = judge('ingest.maxBatch', steps, TODAY);
    expect(plain, why(plain)).toMatchObject({ suggested: 'revert', drifted: 'staging' });
    const v = judge(
      'ingest.maxBatch',
      [
        ...steps,
        {
          subject: 'docs: maxBatch in staging is permanent',
          body: 'The loader needs it; it stays for good.',
          date: '2026-11-01T10:00:00Z',
          touched: ['docs/ingest.md'],
        },
      ],
      TODAY,
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'staging' });
  });

  it('German: a note naming the batch and its value as written ("12.000") says it is permanent', () => {
    const steps: Step[] = [
      base('export.batchSize', '50000'),
      {
        subject: 'staging: kleinere Batches vorerst',
        body: 'Vorerst, bis wir den Speicher prüfen.',
        date: '2026-09-01T10:00:00Z',
        set: { staging: ['50000', '12000'] },
      },
      { subject: 'Notizen Export', date: '2026-11-12T10:00:00Z', touched: ['docs/export.md'] },
    ];
    const v = judge(
      'export.batchSize',
      steps,
      TODAY,
      {},
      {
        documents: [{ path: 'docs/export.md', step: 2, text: '# Export\n\nDie Batchgröße von 12.000 in Staging ist dauerhaft, Prod bleibt bei 50.000.\n' }],
      },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'staging' });
  });

  it('a later note that only asks or sets a condition keeps nothing apart', () => {
    const steps: Step[] = [
      base('cache.ttlSeconds', '300'),
      {
        subject: 'CDN-12: staging cache ttl 3600',
        body: 'Temporarily, while the CDN migration runs, until 2026-10-15.',
        date: '2026-09-01T10:00:00Z',
        set: { staging: ['300', '3600'] },
      },
      { subject: 'CDN-12 notes', date: '2026-11-10T10:00:00Z', touched: ['docs/cdn.md'] },
    ];
    for (const text of [
      'If the longer TTL in staging turns out permanent, we declare it.',
      'Is the longer TTL in staging permanent?',
      'The longer TTL in staging is not permanent.',
    ]) {
      const v = judge('cache.ttlSeconds', steps, TODAY, {}, { documents: [{ path: 'docs/cdn.md', step: 2, text: `# CDN-12\n\n${text}\n` }] });
      expect(v.suggested, `${text}\n${why(v)}`).toBe('revert');
    }
  });
});

describe('the phrase family of a later keep-apart word', () => {
  it.each([
    ['The smaller pool in staging is not temporary.', true],
    ['staging keeps 5, production keeps 20: both are intended', true],
    ['Do not align them: staging has a quarter of the nodes.', true],
    ['an intended difference between staging and prod', true],
    ['staging: leave them different', true],
    ['Ce n’est pas temporaire en staging, ne pas aligner.', true],
    ['The staging value was never meant to be permanent.', false],
    ['once staging is permanent we decide', false],
    ['should we align them in staging?', false],
  ])('"%s" keeps apart: %s', (text, apart) => {
    expect(!!saysApart(text, 'pool.size', 'staging'), text).toBe(apart);
  });

  it('a backfill is contradicted only by a word about the difference, not a keep of one value', () => {
    expect(saysApart("staging's pool is intentional", 'pool.size', 'staging', false)).toBeUndefined();
    expect(saysApart('staging and prod: both values are intended', 'pool.size', 'staging', false)).toBeDefined();
  });

  it.each([
    ['5 000-row batch', '5000', true],
    ['a batch of 5,000 rows', '5000', true],
    ['50k rows', '50000', true],
    ["12'000 Zeilen", '12000', true],
    ['15 000 rows', '5000', false],
    ['5.0001', '5000', false],
  ])('"%s" names %s: %s', (text, value, named) => {
    expect(namesNumber(text, value)).toBe(named);
  });
});

describe('a later linked document carries on a change a rule would undo', () => {
  it('production changed until a date now past; the rollout note says staging follows', () => {
    const steps: Step[] = [
      { subject: 'tls config', date: '2026-03-01T09:00:00Z', set: { staging: ['', 'tls1.2'], production: ['', 'tls1.2'] } },
      { subject: 'EDGE-9: prod min TLS 1.3 until 2026-10-15, then review', date: '2026-10-01T10:00:00Z', set: { production: ['tls1.2', 'tls1.3'] } },
      { subject: 'EDGE-9 review', date: '2026-10-20T10:00:00Z', touched: ['docs/tls.md'] },
    ];
    const plain = judge('edge.minTlsVersion', steps.slice(0, 2), TODAY);
    expect(plain, why(plain)).toMatchObject({ suggested: 'revert', drifted: 'production' });
    const v = judge(
      'edge.minTlsVersion',
      steps,
      TODAY,
      {},
      {
        documents: [
          { path: 'docs/tls.md', step: 2, text: '# EDGE-9 review\n\n- EDGE-9 rollout complete in production, no client errors. Staging to follow.\n' },
        ],
      },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: 'tls1.3' });
  });
});

describe('a later "must mirror / match" answers a question a rule left open', () => {
  const incident = (key: string, from: string, to: string, subject: string): Step[] => [
    { subject: 'service config', date: '2026-03-01T09:00:00Z', set: { staging: ['', from], production: ['', from] } },
    { subject, date: '2026-11-02T03:00:00Z', set: { production: [from, to] } },
    { subject: 'post-mortem', date: '2026-11-09T10:00:00Z', touched: ['docs/pm.md'] },
  ];
  it.each([
    [
      'db.pool.maxSize',
      '20',
      '40',
      'INC-77: pool 40 in prod',
      '- INC-77 follow-up: staging has to match production’s pool (40), or the soak tests mean nothing.',
    ],
    [
      'worker.memoryLimit',
      '1Gi',
      '2Gi',
      'INC-81 hotfix: worker memory 2Gi in prod',
      '- INC-81: Staging should mirror prod’s worker memory (2Gi) so load tests reproduce it.',
    ],
    ['replicaCount', '4', '6', 'INC-90: 6 replicas in production', 'INC-90 action item: pre-prod and staging must match production (6 replicas).'],
  ])('%s: staging follows production', (key, from, to, subject, text) => {
    const v = judge(key, incident(key, from, to, subject), TODAY, {}, { documents: [{ path: 'docs/pm.md', step: 2, text: `# Post-mortem\n\n${text}\n` }] });
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: to });
  });
  it('"staging does not need to match production" moves nothing', () => {
    const v = judge(
      'db.pool.maxSize',
      incident('db.pool.maxSize', '20', '40', 'INC-77: pool 40 in prod'),
      TODAY,
      {},
      {
        documents: [{ path: 'docs/pm.md', step: 2, text: '# Post-mortem\n\n- INC-77: staging does not need to match production’s pool (40).\n' }],
      },
    );
    expect(v.suggested, why(v)).toBe('declare');
  });
});

describe('a proposal or a matter left open decides nothing', () => {
  const staged: Step[] = [
    { subject: 'session config', date: '2026-03-01T09:00:00Z', set: { staging: ['', 'v1'], production: ['', 'v1'] } },
    { subject: 'staging: auth scheme v2 (AUTH-40)', body: 'Trying it here first.', date: '2026-11-01T10:00:00Z', set: { staging: ['v1', 'v2'] } },
    { subject: 'AUTH-40 design note', date: '2026-11-15T10:00:00Z', touched: ['docs/auth-40.md'] },
  ];
  it.each([
    ['# AUTH-40 auth scheme\n\nStatus: Draft\n\nAuth scheme v2 in every environment, production included.\n'],
    ['# AUTH-40 auth scheme\n\n**Status:** proposed\n\nv2 everywhere once the mobile clients ship.\n'],
    ['# AUTH-40\n\nProposal: v2 for all environments. To be discussed in the architecture review.\n'],
  ])('a linked document that proposes, not decides, moves nothing into production: %#', (text) => {
    const v = judge('auth.scheme', staged, TODAY, {}, { documents: [{ path: 'docs/auth-40.md', step: 2, text }] });
    expect(v.suggested, why(v)).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it.each([
    '## MAX_CONNS for production? (open)\n\n- anna: staging at 400 looks fine.\n- status: open, needs a decision from the owner.\n',
    '## Raising MAX_CONNS\n\n- ben: I am against it for now.\n- Still under discussion with the DBA team.\n',
    '### MAX_CONNS in prod\n\nPending decision by the service owner.\n',
  ])('a section headed by the key that says the matter is open makes it a question: %#', (text) => {
    const steps: Step[] = [
      { subject: 'db config', date: '2026-03-01T09:00:00Z', set: { staging: ['', '100'], production: ['', '100'] } },
      { subject: 'perf: MAX_CONNS 400 in staging for the soak test', date: '2026-11-10T10:00:00Z', set: { staging: ['100', '400'] } },
      { subject: 'decision log', date: '2026-11-12T10:00:00Z', touched: ['docs/decisions.md'] },
    ];
    const v = judge('MAX_CONNS', steps, TODAY, {}, { documents: [{ path: 'docs/decisions.md', step: 2, text: `# Decision log\n\n${text}` }] });
    expect(v.suggested, why(v)).toBe('declare');
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.4);
  });
});

describe('confidence is earned, not a flat constant per branch', () => {
  const base = (from: string): Step => ({ subject: 'service config', date: '2026-03-01T09:00:00Z', set: { staging: ['', from], production: ['', from] } });
  it.each([
    ['raise staging queue depth for now', 'queue.depth', '100', '400'],
    ['staging: temporarily disable the thumbnail cache', 'thumbs.cacheEnabled', 'true', 'false'],
    ['Staging-Worker vorerst auf 2 reduziert', 'worker.replicas', '4', '2'],
    ['staging: timeout más alto por ahora', 'http.timeoutMs', '1000', '5000'],
  ])('an undated "for now" weeks old is a question, not a confident move: "%s"', (subject, key, from, to) => {
    const v = judge(key, [base(from), { subject, date: '2026-10-01T10:00:00Z', set: { staging: [from, to] } }], TODAY);
    // The safe direction (undo it) stays the suggestion — declaring would record a hack as meant — at needs-a-human.
    expect(v.suggested, why(v)).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toMatch(/over\?|revert staging|could not read/);
  });

  const rollout = (date: string): Step[] => [
    base('false'),
    {
      subject: 'enable bulk refunds in staging',
      body: 'Rollout: staging first, production after sign-off from payments ops.',
      date,
      set: { staging: ['false', 'true'] },
    },
  ];
  it('a rollout a few days old is in progress', () => {
    const v = judge('refunds.bulkEnabled', rollout('2026-11-28T10:00:00Z'), TODAY);
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });
  it('a rollout whose next step has waited for weeks with nothing written since is a lag: a question', () => {
    const v = judge('refunds.bulkEnabled', rollout('2026-11-05T10:00:00Z'), TODAY);
    expect(v.suggested, why(v)).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toMatch(/forgotten/);
  });

  it('an end that is an event a document dates is undone below a recommendation; one the text dates itself, with confidence', () => {
    const doc = { path: 'docs/freeze-calendar.md', text: '# Change freezes\n\n- Autumn freeze 2026: 2026-10-10 to 2026-10-20.\n', step: 0 };
    const steps = (subject: string): Step[] => [
      { ...base('30'), touched: [doc.path] },
      { subject, date: '2026-10-05T10:00:00Z', set: { staging: ['30', '120'] } },
    ];
    const byEvent = judge('batch.intervalSeconds', steps('staging batch interval 120 until the autumn freeze ends'), TODAY, {}, { documents: [doc] });
    expect(byEvent, why(byEvent)).toMatchObject({ suggested: 'revert', drifted: 'staging' });
    expect(byEvent.confidence).toBeLessThan(0.6);
    const byDate = judge('batch.intervalSeconds', steps('staging batch interval 120 until 2026-10-20'), TODAY, {}, { documents: [doc] });
    expect(byDate, why(byDate)).toMatchObject({ suggested: 'revert', drifted: 'staging' });
    expect(byDate.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('an undated time word beside an explicit keep of the other environment does not outrank it', () => {
    const v = judge(
      'session.cookie.domain',
      [
        base('.shop.example'),
        {
          subject: 'staging: cookie domain per host',
          body: 'Only here for now. Production must stay on .shop.example: the partner widgets need it.',
          date: '2026-10-01T10:00:00Z',
          set: { staging: ['.shop.example', 'staging.shop.example'] },
        },
      ],
      TODAY,
    );
    expect(v.suggested, why(v)).toBe('declare');
  });
});

describe('an expired rollout whose reason names what it waits for is asked, not moved', () => {
  const event = (env: string, to: string) => ({
    commit: 'a'.repeat(40),
    author: 'Lee',
    email: 'l@x',
    date: '2026-05-02T09:00:00Z',
    committed: '2026-05-02T09:00:00Z',
    subject: 'switch the tax provider in staging',
    body: '',
    file: `deploy/${env}.yaml`,
    from: null,
    to,
    merge: false,
    revert: false,
    order: 0,
  });
  const expired = (reason: string) =>
    ({
      id: 'TAX_PROVIDER',
      key: 'TAX_PROVIDER',
      kind: 'stale-declaration',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: { staging: { repo: 'taxly', live: null, at: null, type: 'string' }, production: { repo: 'inhouse', live: null, at: null, type: 'string' } },
      declared: true,
      contract: { key: 'TAX_PROVIDER', expires: '2026-08-31', reason },
      notes: [],
    }) as unknown as Divergence;
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  it.each([
    'tax provider rollout: staging only until the Taxly production contract is signed',
    'rollout of Taxly, production once the vendor certifies our tenant',
    'Taxly-Rollout: Prod erst, sobald der Vertrag unterschrieben ist',
  ])('"%s": declared with the question, nothing rolled back on the date alone', (reason) => {
    const v = explain(expired(reason), { staging: [event('staging', 'taxly')], production: [event('production', 'inhouse')] }, context);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/has that happened\?/);
  });
  it('a reason that names no condition ("tax provider rollout") is still rolled back at 0.45', () => {
    const v = explain(expired('tax provider rollout'), { staging: [event('staging', 'taxly')], production: [event('production', 'inhouse')] }, context);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
});

describe('a value a pipeline deploys from elsewhere is not codified by default', () => {
  const liveOnly = (key: string, live: string, manager: string): Divergence =>
    ({
      id: key,
      key,
      kind: 'live-only',
      severity: 'drift',
      envs: ['production'],
      values: { production: { repo: null, live, at: null, type: null } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: { manager, operation: 'Update', time: '2026-11-02T22:10:00Z', exact: false, human: false, kind: 'pipeline' } },
    }) as unknown as Divergence;
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  it.each([
    ['OTEL_SERVICE_NAME', 'checkout', 'argocd-controller'],
    ['JAVA_TOOL_OPTIONS', '-XX:MaxRAMPercentage=75', 'helm'],
    ['GRPC_DNS_RESOLVER', 'native', 'flux-kustomize-controller'],
  ])('%s, written by %s with nothing said about it: declared with the question (README: 0.45)', (key, live, manager) => {
    const v = explain(liveOnly(key, live, manager), {}, context);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/should production's file own it/);
  });
});

// Session 13 (issue 10): documents decide a difference between environments in both directions
// (src/verdict/documented.ts). A document linked to the change — by an id the change cites, by the
// key or its words, by the value it wrote — that sets the value for every environment, gives a
// lagging environment the go, says a lower one follows, or calls one environment's value a slip,
// decides it; a document before the change that sets terms still governs it; a contested or gated
// word moves nothing. Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { judge, type Step } from './memory-story.js';
import { linkedPassages, pathWords, holdsBack, namesValueAsWritten } from '../../src/verdict/documented.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { explain } from '../../src/verdict/verdict.js';
import type { Divergence } from '../../src/model/types.js';

const TODAY = '2026-12-03';
const THREE = ['dev', 'staging', 'production'];
const base = (key: string, value: string, envs = ['staging', 'production']): Step => ({
  subject: 'initial values',
  date: '2026-03-01T10:00:00Z',
  set: Object.fromEntries(envs.map((e) => [e, ['', value]])),
});
const doc = (subject: string, date: string): Step => ({ subject, date });

describe('a document sets the value for every environment: the lagging one follows', () => {
  it('a decision record the change cites by id, accepted later', () => {
    const v = judge(
      'db.pool.maxConnections',
      [
        base('db.pool.maxConnections', '10'),
        { subject: 'staging: bigger pool, trying out DEC-7', date: '2026-11-02T10:00:00Z', set: { staging: ['10', '40'] } },
        doc('DEC-7 accepted', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      {
        documents: [{ path: 'docs/decisions/0007.md', text: '# DEC-7\n\nStatus: accepted.\n\nWe run a pool of 40 in all environments from now on.', step: 2 }],
      },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '40']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('a policy written before the change, naming the value, with a date now passed', () => {
    const v = judge(
      'tls.policy',
      [
        base('tls.policy', 'tls12-compat'),
        doc('security baseline', '2026-09-01T10:00:00Z'),
        { subject: 'stg tls', date: '2026-10-10T10:00:00Z', set: { staging: ['tls12-compat', 'tls13-strict'] } },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/security/baseline.md', text: '## Transport\nEvery environment has to run `tls13-strict` by 2026-11-15.', step: 1 }] },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'tls13-strict']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('a number written with its unit ("90s across all clusters"), linked by the key\'s words', () => {
    const v = judge(
      'proxy.readTimeoutSeconds',
      [
        base('proxy.readTimeoutSeconds', '30'),
        { subject: 'staging: longer proxy reads', date: '2026-11-05T10:00:00Z', set: { staging: ['30', '90'] } },
        doc('proxy notes', '2026-11-10T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/proxy.md', text: 'Proxy read timeout: 90s across all clusters (the export job needs it).', step: 2 }] },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '90']);
  });

  it('not a plan whose date is still ahead', () => {
    const v = judge(
      'tls.policy',
      [
        base('tls.policy', 'tls12-compat'),
        { subject: 'stg tls', date: '2026-11-10T10:00:00Z', set: { staging: ['tls12-compat', 'tls13-strict'] } },
        doc('baseline', '2026-11-12T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/baseline.md', text: 'All environments move to `tls13-strict` on 2027-02-01.', step: 2 }] },
    );
    expect(v.suggested).toBe('declare');
  });

  it('not when a later word in the linked documents contests it or holds production back', () => {
    for (const later of ['Status: contested by the DBA team.', "Don't roll the 40 out to production until the failover test."]) {
      const v = judge(
        'db.pool.maxConnections',
        [
          base('db.pool.maxConnections', '10'),
          { subject: 'staging: bigger pool (DEC-7)', date: '2026-11-02T10:00:00Z', set: { staging: ['10', '40'] } },
          doc('DEC-7', '2026-11-20T10:00:00Z'),
        ],
        TODAY,
        {},
        { documents: [{ path: 'docs/decisions/0007.md', text: `# DEC-7\n\nA pool of 40 in every environment.\n\n${later}`, step: 2 }] },
      );
      expect(v.suggested, later).toBe('declare');
    }
  });
});

describe('an image named by its version, in the one sentence that sets it for every environment', () => {
  const story = (image: string, good: string, bad: string, path: string, text: string) =>
    judge(
      'proxy.image',
      [
        base('proxy.image', `${image}:${good}`),
        {
          subject: 'bump',
          date: '2026-11-01T10:00:00Z',
          set: { staging: [`${image}:${good}`, `${image}:${bad}`], production: [`${image}:${good}`, `${image}:${bad}`] },
        },
        { subject: 'prod: roll back', date: '2026-11-05T10:00:00Z', set: { production: [`${image}:${bad}`, `${image}:${good}`] } },
        doc('note', '2026-11-06T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path, text, step: 3 }] },
    );
  it.each([
    [
      'redis',
      '7.2.5',
      '7.4.0',
      'docs/redis.md',
      '# Redis 7.4 regression\n\n7.4.0 drops keys under eviction. Keep 7.2.5 in every environment until 7.4.1 ships.',
    ],
    ['nginx', '1.25.4', '1.27.0', 'docs/ingress/nginx.md', 'nginx 1.27.0 leaks connections; all clusters run 1.25.4 until the fix.'],
  ])('%s', (image, good, bad, path, text) => {
    const v = story(image, good, bad, path, text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', `${image}:${good}`]);
  });
  it('not when the sentence keeps it to one environment', () => {
    expect(story('redis', '7.2.5', '7.4.0', 'docs/redis.md', '7.4.0 drops keys. Pin 7.2.5 in production only.').suggested).toBe('declare');
  });
});

describe('a document gives the lagging environment the go', () => {
  const story = (text: string, path = 'docs/soak/search-2.6.md') =>
    judge(
      'search.image',
      [
        base('search.image', 'ghcr.io/acme/search:2.5.0'),
        { subject: 'bump search', date: '2026-11-01T10:00:00Z', set: { staging: ['ghcr.io/acme/search:2.5.0', 'ghcr.io/acme/search:2.6.0'] } },
        doc('soak log', '2026-11-09T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path, text, step: 2 }] },
    );

  it.each([
    ['# search 2.6.0\n\n- week in staging, no regressions\n- cleared for production (Mia)'],
    ['| 2026-11-08 | search 2.6.0 | soak clean, approved for prod |'],
    ['# search 2.6.0\n\nEight days on staging. Good to go to production.'],
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'ghcr.io/acme/search:2.6.0']);
  });

  it.each([['# search 2.6.0\n\n- OK for production once the reindex finishes.'], ['# search 2.6.0\n\n- not OK for production: the heap grows.']])(
    'not a go with a gate ahead or negated: %s',
    (text) => {
      expect(story(text).suggested).toBe('declare');
    },
  );
});

describe('a document says a lower environment follows the one that went first (a backport)', () => {
  const story = (text: string) =>
    judge(
      'edge.hsts.maxAge',
      [
        base('edge.hsts.maxAge', '300', THREE),
        { subject: 'prod: HSTS a year (SECAUD-4)', date: '2026-11-03T10:00:00Z', set: { production: ['300', '31536000'] } },
        doc('audit notes', '2026-11-04T10:00:00Z'),
      ],
      TODAY,
      {},
      { envs: THREE, documents: [{ path: 'docs/audit/secaud-4.md', text, step: 2 }] },
    );

  it.each([
    ['SECAUD-4: production done on 11-03.\n\n- staging and dev to follow.'],
    ['- prod: done\n- dev, staging: follow next week'],
    ['Staging gets the same next.'],
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', '31536000']);
  });

  it('not when the text keeps it', () => {
    expect(story('SECAUD-4: production only; staging stays at 300, dev follows nothing.').suggested).toBe('declare');
  });
});

describe("a document calls one environment's value a slip and names the right one", () => {
  const story = (text: string) =>
    judge(
      'queue.region',
      [
        base('queue.region', 'ap-southeast-2', ['staging', 'production']),
        { subject: 'qa values', date: '2026-09-01T10:00:00Z', set: { qa: ['', 'us-west-2'] } },
        doc('notes', '2026-11-01T10:00:00Z'),
      ],
      TODAY,
      {},
      { envs: ['qa', 'staging', 'production'], documents: [{ path: 'docs/notes.md', text, step: 2 }] },
    );

  it.each([
    ["- qa's queue region us-west-2 was copy-pasted from the sandbox file; it should be ap-southeast-2 as everywhere else."],
    ['- The us-west-2 in qa is a leftover. Should be ap-southeast-2 like the others.'],
    ['QA points at us-west-2 by accident; ap-southeast-2 is right.'],
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value, v.deliberate]).toEqual(['revert', 'qa', 'ap-southeast-2', 'production']);
  });

  it('not when the right value is not named', () => {
    expect(story("- qa's us-west-2 was copy-pasted from the sandbox file.").suggested).not.toBe('revert');
  });
});

describe('the pieces', () => {
  it('path words: three or more that say something', () => {
    expect(pathWords('edge.tls.cipherSuites')).toEqual(['edge', 'tls', 'cipher', 'suites']);
    expect(pathWords('app.config.timeout')).toEqual([]);
  });
  it('a number with the unit prose adds', () => {
    expect(namesValueAsWritten('a 55s keepalive', '55')).toBe(true);
    expect(namesValueAsWritten('550 requests', '55')).toBe(false);
    expect(namesValueAsWritten('55.5 ms', '55')).toBe(false);
  });
  it('holding back', () => {
    expect(holdsBack('Do not roll this out to production until scope is confirmed.', 'production')).toBe(true);
    expect(holdsBack('Roll this out to production.', 'production')).toBe(false);
  });
  it('a document is linked as a whole by an id the change cites, by its headings, or by every word of the key', () => {
    const m: Message = {
      sha: 'b'.repeat(40),
      parents: [],
      author: 'A',
      email: 'a@x',
      date: '2026-11-01T00:00:00Z',
      committed: '2026-11-01T00:00:00Z',
      subject: 'd',
      body: '',
    };
    const log = buildLog(
      new Map(),
      [m],
      [
        { path: 'docs/adr/12.md', text: '# ADR-12\n\nWe decided.\n\nSecond paragraph.', sha: m.sha },
        { path: 'docs/edge.md', text: '# Edge TLS\n\nCipher suites are hardened.\n\nOther text.', sha: m.sha },
        { path: 'docs/other.md', text: 'Nothing about it.', sha: m.sha },
      ],
    );
    expect(linkedPassages({ key: 'x.y', values: [], tickets: ['ADR-12'] }, log).map((p) => `${p.file}:${p.link}`)).toEqual([
      'docs/adr/12.md:ticket',
      'docs/adr/12.md:ticket',
    ]);
    expect(linkedPassages({ key: 'edge.tls.cipherSuites', values: [], tickets: [] }, log).map((p) => p.link)).toEqual(['words', 'words']);
  });
});

// Live paths read documents the way the repo paths do (issue 10 point 8): a value added live by
// hand that a later document says to remove is removed; a keep naming the value itself ("keep 30s",
// "codify POOL_MAX=64 in the repo") codifies it; a value a pipeline writes that a document says no
// repo sets is declared, not copied in; an end an annotation states by a ticket is met by a
// document reporting that ticket done.
describe('live paths read documents as the repo paths do', () => {
  const ENVS = ['staging', 'production'];
  const msg = messagesBy('Ola', 'o@x', 'd');
  const context = (text: string, date = '2026-11-10T10:00:00Z') => {
    const m = msg(date, 'docs');
    return { promotion: ENVS, environments: ENVS, today: TODAY, log: buildLog(new Map(), [m], [{ path: 'docs/notes.md', text, sha: m.sha }]) };
  };
  const who = (kind: 'human' | 'pipeline', time = '2026-11-02T22:10:00Z') => ({
    manager: kind === 'human' ? 'kubectl-set' : 'argocd-controller',
    operation: 'Update',
    time,
    exact: false,
    human: kind === 'human',
    kind,
  });
  const liveOnly = (key: string, live: string, kind: 'human' | 'pipeline' = 'human'): Divergence =>
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
      provenance: { production: who(kind) },
    }) as unknown as Divergence;
  const liveDrift = (key: string, repo: string, live: string, annotations?: Record<string, string>): Divergence =>
    ({
      id: key,
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['production'],
      values: { production: { repo, live, at: null, type: null, ...(annotations ? { liveAnnotations: annotations } : {}) } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: who('human') },
    }) as unknown as Divergence;

  it.each([
    ['PAYMENT_SANDBOX_OVERRIDE', 'PAYMENT_SANDBOX_OVERRIDE was set live for the vendor demo; drop the sandbox override now that the demo is over.'],
    ['FEATURE_PREVIEW_TOKEN', '- Remove FEATURE_PREVIEW_TOKEN from the live deployment, the preview ended on Friday.'],
    ['DEBUG_TRACE_SAMPLER', 'Action items: unset DEBUG_TRACE_SAMPLER on prod (the tracing session is finished).'],
  ])('a value added by hand that a later document says to remove: %s', (key, text) => {
    const v = explain(liveOnly(key, 'x-demo'), {}, context(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: null });
  });
  it('not a removal planned for later', () => {
    const v = explain(liveOnly('PAYMENT_SANDBOX_OVERRIDE', 'x-demo'), {}, context('PAYMENT_SANDBOX_OVERRIDE: remove the override once the vendor confirms.'));
    expect(v.suggested).not.toBe('revert');
  });

  it.each([
    ['ConfigMap/api.data.HTTP_TIMEOUT_S', '10', '30', '- HTTP_TIMEOUT_S was raised by hand to 30. Keep 30s: the upstream SLA is 20s.'],
    ['ConfigMap/db.data.POOL_MAX', '16', '64', '- Action item: codify POOL_MAX=64 in the repo (owner: Bo).'],
    ['ConfigMap/db.data.POOL_MAX', '16', '64', 'POOL_MAX went to 64 during the sale. We keep it at 64.'],
  ])('a keep naming the value itself: %s', (key, repo, live, text) => {
    const v = explain(liveDrift(key, repo, live), {}, context(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: live });
  });
  it.each([
    [
      '# INC-88 checkout slow\n\n- 14:05 POOL_MAX raised from 16 to 64 by hand.\n\n## Decision\n\nKeep 64 in production and write it into the repo (owner: Ana).',
    ],
    ['POOL_MAX was edited live during the sale.\n\n## Entscheidung\n\nDie 64 behalten wir dauerhaft.'],
    ['Timeline: POOL_MAX bumped live.\n\nOutcome: 64 stays; codify it in the values file.'],
  ])('a keep naming the value, in a document that names the key in another passage: %s', (text) => {
    const v = explain(liveDrift('ConfigMap/db.data.POOL_MAX', '16', '64'), {}, context(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: '64' });
  });
  it('not a passage naming the value in a document that never names the key', () => {
    const v = explain(
      liveDrift('ConfigMap/db.data.POOL_MAX', '16', '64'),
      {},
      context('## Decision\n\nKeep 64 workers in production and write it into the repo.'),
    );
    expect(v.suggested).not.toBe('backfill');
  });
  it('"add the variable to your repo" in the passage naming it', () => {
    const text = 'The platform ran `kubectl set env deploy --all COST_CENTER_TAG=cc-12`.\nEach team: add the variable to your repo by the end of Q4.';
    const v = explain(liveOnly('COST_CENTER_TAG', 'cc-12'), {}, context(text, '2026-11-02T10:00:00Z'));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: 'cc-12' });
  });
  it('not "do not keep"', () => {
    const v = explain(liveDrift('ConfigMap/db.data.POOL_MAX', '16', '64'), {}, context('POOL_MAX at 64: do not keep 64, it starves the replicas.'));
    expect(v.suggested).not.toBe('backfill');
  });

  it.each([
    ['PLATFORM_TRACE_URL', 'PLATFORM_TRACE_URL is injected by the platform; app repos do not set it.'],
    ['ISTIO_META_CLUSTER_ID', 'The mesh adds ISTIO_META_CLUSTER_ID to every pod. It is not set in the app repo.'],
    ['NODE_LOCAL_DNS', '`NODE_LOCAL_DNS` comes from the cluster add-on: do not add it to your repo.'],
  ])('a value a pipeline writes that a document says no repo sets: declared, not codified (%s)', (key, text) => {
    const v = explain(liveOnly(key, 'http://x', 'pipeline'), {}, context(text, '2026-06-01T10:00:00Z'));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
  });

  it.each([
    ['remove when SEC-12 is closed', '- SEC-12 access review: done, ticket closed 2026-11-20.'],
    ['roll back to the repo image after BUG-7', '## 1.4.1\n- Fixed BUG-7: the cache key collision.'],
  ])('an end an annotation states by a ticket, met in a document: "%s"', (annotation, text) => {
    const d = liveDrift('Deployment/api.containers[name=app].image', 'reg/api:1.4.0', 'reg/api:1.4.0-debug', { 'ops.example/why': annotation });
    const v = explain(d, {}, context(text, '2026-11-25T10:00:00Z'));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
});

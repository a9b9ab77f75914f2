// Session 19 (issue 10): a change is linked by what it changed, not only by its whole value — a list's
// element added or removed (a JSON list or a comma-separated string), an element's host, a URL's host or
// path — and never where another key holds that part and the passage names none of this key's own words.
// Situations of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { linkedPassages, type ChangeLink } from '../../src/verdict/documented.js';
import { elementsOf, partsChanged } from '../../src/verdict/link-names.js';
import { buildLog, type Document, type Message } from '../../src/verdict/log.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { explain } from '../../src/verdict/verdict.js';
import { judge } from './memory-story.js';

const CHANGED = '2026-11-10T10:00:00Z';
const facts = (subject: string, date: string) => ({ author: 'Ines Moreau', email: 'ines@example.test', date, committed: date, subject, body: '' });
const message = (sha: string, subject: string, date: string): Message => ({ ...facts(subject, date), sha, parents: [] });
const event = (commit: string, from: string | null, to: string | null, date: string, file = 'config/staging.yaml'): HistoryEvent => ({
  ...facts('values', date),
  commit,
  file,
  from,
  to,
  merge: false,
  revert: false,
});

/** Staging's `key` changed from `from` to `to` (production keeps `from`); `others` are other keys of both environments. */
function links(key: string, from: string, to: string, doc: string, others: Record<string, [string, string]> = {}, values = [to]) {
  const staging = new Map<string, HistoryEvent[]>([[key, [event('c1', from, to, CHANGED), event('c0', null, from, '2026-03-01T10:00:00Z')]]]);
  const production = new Map<string, HistoryEvent[]>([[key, [event('c0', null, from, '2026-03-01T10:00:00Z', 'config/production.yaml')]]]);
  for (const [k, [s, p]] of Object.entries(others)) {
    staging.set(k, [event('c0', null, s, '2026-03-01T10:00:00Z')]);
    production.set(k, [event('c0', null, p, '2026-03-01T10:00:00Z', 'config/production.yaml')]);
  }
  const documents: Document[] = [{ path: 'docs/notes.md', text: doc, sha: 'd1' }];
  const messages = [
    message('d1', 'docs: notes', '2026-12-01T10:00:00Z'),
    message('c1', 'staging values', CHANGED),
    message('c0', 'initial', '2026-03-01T10:00:00Z'),
  ];
  const log = buildLog(
    new Map([
      ['staging', staging],
      ['production', production],
    ]),
    messages,
    documents,
  );
  const change: ChangeLink = {
    key,
    values,
    tickets: [],
    env: 'staging',
    date: CHANGED,
    author: 'Ines Moreau',
    allValues: [to, from],
    environments: ['staging', 'production'],
  };
  const indexed = linkedPassages(change, log, true);
  // The literal index finds what reading every passage finds.
  expect(indexed).toEqual(linkedPassages(change, log, true, true));
  return indexed.map((p) => p.link);
}

const ORIGINS = '["https://shop.acme.example","https://admin.acme.example"]';
const ORIGINS_NEW = '["https://shop.acme.example","https://admin.acme.example","https://shop.acme-new.example"]';

describe("a list's element added or removed", () => {
  it('reads the elements of a JSON list and of a comma-separated string, nothing else', () => {
    expect(elementsOf(ORIGINS)).toEqual(['https://shop.acme.example', 'https://admin.acme.example']);
    expect(elementsOf('a.example.com, reports.acme.example')).toEqual(['a.example.com', 'reports.acme.example']);
    expect(elementsOf('Hello, world and more')).toBeUndefined();
    expect(elementsOf('{"a":1}')).toBeUndefined();
  });

  it('takes the added and removed elements and their hosts, not those every value holds', () => {
    expect(partsChanged([ORIGINS_NEW], [ORIGINS_NEW, ORIGINS]).sort()).toEqual(['https://shop.acme-new.example', 'shop.acme-new.example']);
    expect(partsChanged(['a.acme.example,b.acme.example'], ['a.acme.example,legacy-b.acme.example']).sort()).toEqual([
      'b.acme.example',
      'legacy-b.acme.example',
    ]);
  });

  it.each([
    '- 1 Dec: shop.acme-new.example is served from production, DNS switched.',
    'Since Monday https://shop.acme-new.example answers for every customer.',
    'Die Domain `shop.acme-new.example` ist seit 1.12. produktiv.',
  ])('links an added element: %s', (doc) => {
    expect(links('web.cors.allowedOrigins', ORIGINS, ORIGINS_NEW, doc)).toEqual(['value']);
  });

  it('links a removed element, in a comma-separated list', () => {
    expect(
      links('ALLOWED_HOSTS', 'api.acme.example,legacy-portal.acme.example', 'api.acme.example', 'legacy-portal.acme.example was retired on 28 Nov.'),
    ).toEqual(['value']);
  });

  it('does not link an element every environment holds', () => {
    expect(links('web.cors.allowedOrigins', ORIGINS, ORIGINS_NEW, 'admin.acme.example moves to SSO next year.')).toEqual([]);
  });

  it("does not link an element another list holds too, unless the passage names this key's own words", () => {
    const csp = { 'web.csp.connectSrc': [ORIGINS_NEW, ORIGINS] as [string, string] };
    expect(links('web.cors.allowedOrigins', ORIGINS, ORIGINS_NEW, 'shop.acme-new.example was added to the CSP connect sources.', csp)).toEqual([]);
    expect(links('web.cors.allowedOrigins', ORIGINS, ORIGINS_NEW, 'shop.acme-new.example was added to the CORS origins in staging.', csp)).toEqual(['value']);
  });
});

describe("a URL's host or path", () => {
  const V1 = 'https://pay-v1.gateway.example/api';
  const V2 = 'https://pay-v2.gateway.example/api';
  it.each([
    'The provider switches off pay-v1.gateway.example on 31 January.',
    'pay-v1.gateway.example/api will stop answering after the 15th.',
    'Der Anbieter schaltet pay-v1.gateway.example zum Jahresende ab.',
  ])('links the host of the value another environment holds, asked with it: %s', (doc) => {
    expect(links('payments.baseUrl', V1, V2, doc, {}, [V2, V1])).toEqual(['value']);
  });

  it('links the new host', () => {
    expect(links('payments.baseUrl', V1, V2, 'pay-v2.gateway.example is generally available since 20 Nov.')).toEqual(['value']);
  });

  it('links a changed path where the host is the same', () => {
    expect(
      links('geo.endpoint', 'https://maps.acme.example/v1/geocode', 'https://maps.acme.example/v2/geocode', 'The /v2/geocode route returns plus codes.'),
    ).toEqual(['value']);
    // The host every environment shares names nothing of the change.
    expect(links('geo.endpoint', 'https://maps.acme.example/v1/geocode', 'https://maps.acme.example/v2/geocode', 'maps.acme.example had an outage.')).toEqual(
      [],
    );
  });

  it('does not link a host another key holds, in a passage naming that key and not this one', () => {
    const callback = { 'payments.callbackUrl': ['https://pay-v2.gateway.example/callback', 'https://pay-v2.gateway.example/callback'] as [string, string] };
    expect(links('payments.baseUrl', V1, V2, 'The callback on pay-v2.gateway.example is signed now.', callback)).toEqual([]);
    expect(links('payments.baseUrl', V1, V2, 'The base URL pay-v2.gateway.example is generally available.', callback)).toEqual(['value']);
  });
});

describe('a record that what the list gained is live in a lagging environment', () => {
  const TODAY = '2026-12-04';
  const story = (doc: string) =>
    judge(
      'web.cors.allowedOrigins',
      [
        { subject: 'initial values', date: '2026-03-01T10:00:00Z', set: { staging: ['', ORIGINS], production: ['', ORIGINS] } },
        { subject: 'staging: allow the new shop domain for the rehearsal', date: '2026-11-16T10:00:00Z', set: { staging: [ORIGINS, ORIGINS_NEW] } },
        { subject: 'docs: launch log', date: '2026-12-02T18:00:00Z' },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/launch/shop-domain.md', text: doc, step: 2 }] },
    );

  it.each([
    '# Domain launch\n\n- 16 Nov: rehearsal in staging.\n- 2 Dec: shop.acme-new.example live in production, DNS switched at 09:00.',
    '# Domain launch\n\nshop.acme-new.example is live on prod since 2 Dec.',
    '# Domain launch\n\nOn 2 Dec https://shop.acme-new.example went live in production.',
  ])('backfills production: %s', (doc) => {
    const v = story(doc);
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['backfill', 'production']);
  });

  it.each([
    '# Domain launch\n\nshop.acme-new.example goes live in production next week.',
    '# Domain launch\n\nshop.acme-new.example is live in staging for the rehearsal.',
    '# Domain launch\n\nIs shop.acme-new.example live in production already?',
    '# Domain launch\n\nshop.acme-new.example will be live in production on 15 December.',
    '# Domain launch\n\nshop.acme-new.example is live on staging, production in two weeks.',
    '# Domain launch\n\nshop.acme-new.example is live in stage for QA (it is not production yet).',
  ])('not %s', (doc) => {
    const v = story(doc);
    expect(v.suggested, v.reasons.join('\n') + JSON.stringify(v.evidence)).not.toBe('backfill');
  });
});

describe('a stopgap object made for a ticket, its work reported done in a document citing the ticket', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-03' };
  const written = (date: string) => ({ sha: 'd'.repeat(40), parents: [], subject: 'notes', body: '', author: 'Ines', email: 'i@x', date, committed: date });
  const object = (key: string): Divergence => ({
    id: 'x',
    key,
    kind: 'live-object',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: null, live: 'present', at: null, type: null, liveAnnotations: { 'ops.example/ticket': 'OPS-55' } } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: { manager: 'kubectl-create', operation: 'Update', time: '2026-11-01T10:00:00Z', exact: false, human: true, kind: 'human' } },
  });
  const run = (key: string, path: string, text: string, date = '2026-11-20T10:00:00Z') =>
    explain(object(key), {}, { ...context, log: buildLog(new Map(), [written(date)], [{ path, text, sha: 'd'.repeat(40) }]) });

  it.each([
    ['docs/handover/OPS-55.md', '# OPS-55 hand-over\n\nDebugging finished, the route is no longer needed.'],
    ['docs/handover/ops-55.md', '# OPS-55\n\nAnalyse abgeschlossen, Ticket geschlossen.'],
    ['docs/weekly/2026-48.md', '# Week 48\n\n- OPS-55 — done (27 Nov)\n- OPS-61 — waiting for the vendor'],
  ])('removes it: %s', (path, text) => {
    const v = run('Ingress/tmp-debug-route', path, text);
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['revert', 'production']);
  });

  it.each([
    ['docs/weekly/2026-48.md', '# Week 48\n\n- OPS-55 — still in progress, the route stays until Friday\n- OPS-61 — done'],
    ['docs/weekly/2026-48.md', '# Week 48\n\n- OPS-56 — done'],
  ])('not where its own ticket is not reported done: %s', (path, text) => {
    expect(run('Ingress/tmp-debug-route', path, text).suggested).not.toBe('revert');
  });

  it('not from a document written before the object was made', () => {
    expect(run('Ingress/tmp-debug-route', 'docs/handover/OPS-55.md', '# OPS-55\n\nDone.', '2026-10-01T10:00:00Z').suggested).not.toBe('revert');
  });

  it('not a protection that states no end of its own', () => {
    expect(run('NetworkPolicy/tmp-debug-deny', 'docs/handover/OPS-55.md', '# OPS-55 hand-over\n\nDebugging finished.').suggested).not.toBe('revert');
  });
});

describe('a protection made by hand in production, that a later document keeps and names a lacking environment for', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-03' };
  const written = (date: string) => ({ sha: 'e'.repeat(40), parents: [], subject: 'docs', body: '', author: 'Ines', email: 'i@x', date, committed: date });
  const crossEnv = (key: string): Divergence => ({
    id: 'x',
    key,
    kind: 'object-cross-env',
    severity: 'drift',
    envs: ['production'],
    values: {
      staging: { repo: null, live: null, at: null, type: null },
      production: { repo: null, live: 'present', at: null, type: null },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: { manager: 'kubectl-create', operation: 'Update', time: '2026-11-01T10:00:00Z', exact: false, human: true, kind: 'human' } },
  });
  const run = (key: string, text: string, date = '2026-11-20T10:00:00Z') =>
    explain(crossEnv(key), {}, { ...context, log: buildLog(new Map(), [written(date)], [{ path: 'docs/security/finding.md', text, sha: 'e'.repeat(40) }]) });

  it.each([
    [
      'NetworkPolicy/block-metadata',
      '# Finding\n\n`block-metadata` was created by hand in production.\n\nDecision: keep block-metadata and codify it in production and staging.',
    ],
    ['PodDisruptionBudget/api-pdb', '# api-pdb\n\nThe api-pdb stays for good. Codify it in the manifests for staging too.'],
    ['NetworkPolicy/block-metadata', '# block-metadata\n\nEntscheidung: block-metadata bleibt dauerhaft, auch für staging ins Repo übernehmen.'],
    // The decision speaks of "the quota" in a document that names it elsewhere; a negation in another clause is not about staging.
    [
      'ResourceQuota/batch-cap',
      '# Batch runaway\n\n`batch-cap` was applied by hand in production on 2 Nov.\n\nDecision: the quota is permanent. Add it to the repo for staging as well — it must not be lost on a rebuild.',
    ],
  ])('backfills the lacking environment: %s', (key, text) => {
    const v = run(key, text);
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['backfill', 'staging']);
  });

  it.each([
    '# block-metadata\n\nDecision: keep block-metadata in production; staging does not need it.',
    '# block-metadata\n\nDecision: keep block-metadata in production. Should staging get it too?',
    '# block-metadata\n\nblock-metadata was made in production during the incident, staging was checked.',
  ])('not into staging: %s', (text) => {
    // (Codifying it in production's own files is another rule's answer: the document keeps it there.)
    const v = run('NetworkPolicy/block-metadata', text);
    expect([v.suggested, v.drifted]).not.toEqual(['backfill', 'staging']);
  });

  it('not from a document written before it was made', () => {
    const v = run(
      'NetworkPolicy/block-metadata',
      '# block-metadata\n\nDecision: keep block-metadata and codify it in production and staging.',
      '2026-10-01T10:00:00Z',
    );
    expect([v.suggested, v.drifted]).not.toEqual(['backfill', 'staging']);
  });
});

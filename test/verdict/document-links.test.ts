// Session 14 (issue 10): a document is linked to a change the way a person links it — by a
// project's RFC-n, by the value written in other units or grouped ("1 MiB", "5 000", "30s" for a
// timeout in ms), by a digest cut short ("9f2c4e1b...92a3b4"), and by the key's last word where the
// passage also names the change's environment and a value, or its author and day. Situations and
// phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { lastWord, namesAuthorAndDay, namesValueAsWritten } from '../../src/verdict/documented.js';
import { abbreviates, writesAmount } from '../../src/verdict/written-values.js';
import { keyLeaf, keyNamePattern } from '../../src/verdict/documents.js';

const TODAY = '2026-12-03';
const base = (value: string, envs = ['staging', 'production']): Step => ({
  subject: 'initial values',
  date: '2026-03-01T10:00:00Z',
  set: Object.fromEntries(envs.map((e) => [e, ['', value]])),
});

describe('a value written in other units or grouped is the value', () => {
  it.each([
    ['accept payloads up to 2 MiB', '2097152', 'MAX_BODY_BYTES'],
    ['a 512 KiB buffer', '524288', 'buffer.sizeBytes'],
    ['the limit is 1 GB now', '1073741824', 'upload.maxBytes'],
    ['batches of 5 000 rows', '5000', 'export.batchRows'],
    ['batches of 5,000 rows', '5000', 'export.batchRows'],
    ['batches of 5\u2009000 rows', '5000', 'export.batchRows'],
    ['a 30s upstream timeout', '30000', 'upstream.timeoutMs'],
    ['TTL of 2 hours', '7200', 'cache.ttlSeconds'],
    ['1500 ms', '1.5', 'READ_TIMEOUT_S'],
    ['queue up to 20k events', '20000', 'queue.capacity'],
    ['heap of 4 GB', '4g', 'indexer.heapSize'],
    ['4096 MiB of heap', '4g', 'indexer.heapSize'],
    ['memory 512 MiB', '512Mi', 'resources.limits.memory'],
  ])('%s names %s (%s)', (text, value, key) => {
    expect(writesAmount(text, value, key)).toBe(true);
    expect(namesValueAsWritten(text, value, key)).toBe(true);
  });

  it.each([
    ['30 seconds', '30000', 'cache.size'], // a bare number with no unit in its key is not a time
    ['1 MiB', '1000', 'max.payload'], // not a small count
    ['version 5 000', '500', 'x.count'],
    ['2 hours', '7200', 'retry.count'],
    ['5m rows', '5000000', 'export.rows'], // "5m" is five minutes
    ['1 MiB', '1048575', 'MAX_BYTES'],
  ])('%s does not name %s (%s)', (text, value, key) => {
    expect(writesAmount(text, value, key)).toBe(false);
  });
});

describe('a digest cut short is the digest', () => {
  const pin = '3c7a1f09b2d44e8a9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d';
  it.each([`fingerprint 3c7a1f09...3a4b5c6d`, `SHA-256 3c7a1f09b2…5c6d`, `image @sha256:3c7a1f09b2d4`, `pinned to 3c7a1f0`])('%s', (text) => {
    expect(abbreviates(text, pin)).toBe(true);
  });
  it.each([`fingerprint 3c7a1f09...ffffff`, `deadbeef`, `3c7a1f`, `commit 1234567`, `4c7a1f09...5c6d`])('not %s', (text) => {
    expect(abbreviates(text, pin)).toBe(false);
  });
});

describe("the key's last word, with the change's environment and value or its author and day", () => {
  it('reads the last word of what a key is', () => {
    expect(lastWord('checkout.pricing.defaultCurrency')).toBe('currency');
    expect(lastWord('export.batchRows')).toBe('row');
    expect(lastWord('INGEST_MAX_PAYLOAD_BYTES')).toBe('payload');
    expect(lastWord('proxy.timeout')).toBeUndefined(); // a one-word leaf is the key's name itself
    expect(lastWord('svc.logLevel')).toBe('level');
  });

  it('names an author and a day as people write them', () => {
    for (const text of ["Ana's change of 3 Nov", 'the Nov 3rd commit by Ana', 'Ana, 2026-11-03', 'seit Anas Commit vom 3.11.', 'ana on 03/11']) {
      expect(namesAuthorAndDay(text, 'Ana Lima', '2026-11-03T10:00:00+01:00'), text).toBe(true);
    }
    for (const text of ["Ana's change of 13 Nov", "Bo's change of 3 Nov", 'Ana 3 Dec']) {
      expect(namesAuthorAndDay(text, 'Ana Lima', '2026-11-03T10:00:00+01:00'), text).toBe(false);
    }
  });

  const story = (key: string, from: string, to: string, author: string, text: string) =>
    judge(
      key,
      [
        base(from),
        // (Its body says nothing: "No functional change." over a changed value is itself a slip, links-17.test.ts.)
        { subject: 'restructure config files', date: '2026-11-03T10:00:00+01:00', author, set: { staging: [from, to] } },
        { subject: 'QA notes', date: '2026-11-20T10:00:00Z' },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/qa/notes.md', text, step: 2 }] },
    );

  it("a note calling staging's value a slip, naming the last word and the environment", () => {
    const v = story(
      'billing.invoice.graceDays',
      '30',
      '14',
      'Ana Lima',
      '# QA\n\n- staging has 14 grace days since the restructure, that was by accident: should be 30 like the others.',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'staging', '30']);
  });

  it('by the author and the day, the value named', () => {
    const v = story(
      'search.ranking.boostModel',
      'bm25-v3',
      'bm25-v1',
      'Jonas Berg',
      "# Search QA\n\nThe model went back to bm25-v1 in Jonas's commit of 3 Nov by mistake; it should be bm25-v3 like the others.",
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'staging', 'bm25-v3']);
  });

  it('not a passage naming the last word alone, about something else', () => {
    const v = story(
      'billing.invoice.graceDays',
      '30',
      '14',
      'Ana Lima',
      '# QA\n\n- Grace days by accident showed 14 in the report; it should be 30 like the others.',
    );
    expect(v.suggested).toBe('declare');
  });
});

describe("a project's RFC-n links its document", () => {
  it('the RFC the change cites, decided for every environment with the value in other units', () => {
    const v = judge(
      'UPLOAD_MAX_BYTES',
      [
        base('1048576'),
        { subject: 'uploads up to 8 MiB on staging, see RFC-7', date: '2026-11-02T10:00:00Z', set: { staging: ['1048576', '8388608'] } },
        { subject: 'RFC-7 decided', date: '2026-11-20T10:00:00Z' },
      ],
      TODAY,
      {},
      {
        documents: [
          { path: 'docs/rfcs/0007-uploads.md', text: '# RFC-7: bigger uploads\n\nStatus: accepted\n\nDecision: 8 MiB in all environments.', step: 2 },
        ],
      },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '8388608']);
  });
});

describe("a passage's section heading and a table row's headers belong to it", () => {
  const story = (text: string, envs = ['staging', 'production']) =>
    judge(
      'CACHE_TTL_SECONDS',
      [
        base('300', envs),
        { subject: 'cache ttl', date: '2026-11-02T10:00:00Z', set: { staging: ['300', '600'] } },
        { subject: 'docs', date: '2026-11-10T10:00:00Z' },
      ],
      TODAY,
      {},
      { envs, documents: [{ path: 'docs/releases.md', text, step: 2 }] },
    );

  it.each([
    '# Releases\n\n## 2.3.0 — 2026-11-08, shipped to every environment\n- Cache TTL raised from 300 to 600.\n- Faster search.',
    '# Notes\n\n## Rolled out across all environments (2026-11-09)\n\nThe cache TTL is 600 now.',
    '# Changes\n\n### Everywhere, 2026-11-05\n* cache ttl: 600 seconds',
  ])('an everywhere in the heading: %s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '600']);
  });

  it.each([
    '# Cache\n\n## Alternatives considered\n- Cache TTL of 600 in all environments.',
    '# Cache\n\n## Rejected\n- Cache TTL 600 everywhere.',
    '# Cache\n\n## Open questions\n- Cache TTL 600 in every environment.',
  ])('not under a heading of options or rejected ideas: %s', (text) => {
    expect(story(text).suggested).toBe('declare');
  });

  it.each([
    '# Remediation\n\n| finding | fix | due in production |\n| --- | --- | --- |\n| stale cache | cache TTL 600 | 2026-11-25 |',
    '# Plan\n\n| item | deadline for prod |\n|---|---|\n| cache TTL to 600 | 2026-11-28 |',
    '# Plan\n\nThe cache TTL of 600: production must have it before 2026-11-30.',
  ])('a date set for production, passed: %s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '600']);
  });

  it.each([
    '# Remediation\n\n| finding | fix | due in production |\n| --- | --- | --- |\n| stale cache | cache TTL 600 | 2027-01-25 |',
    '# Remediation\n\n| finding | fix | due in staging |\n| --- | --- | --- |\n| stale cache | cache TTL 600 | 2026-11-25 |',
  ])('not a date still ahead, nor one set for another environment: %s', (text) => {
    expect(story(text).suggested).toBe('declare');
  });
});

describe("a document's own status: a proposal decides nothing", () => {
  const story = (text: string) =>
    judge(
      'db.pool.maxConnections',
      [
        base('10'),
        { subject: 'staging: bigger pool (DEC-9)', date: '2026-11-02T10:00:00Z', set: { staging: ['10', '40'] } },
        { subject: 'DEC-9', date: '2026-11-20T10:00:00Z' },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/decisions/0009.md', text, step: 2 }] },
    );
  it.each([
    '# DEC-9\n\nStatus: Proposed\n\nA pool of 40 in every environment.',
    '---\nstatus: draft\n---\n# DEC-9\n\nA pool of 40 in all environments.',
    '# DEC-9\n\n**Status:** open\n\n40 everywhere.',
  ])('not %s', (text) => expect(story(text).suggested).toBe('declare'));
  it('but an accepted one does', () => {
    const v = story('# DEC-9\n\n**Status:** Accepted (2026-11-20)\n\nA pool of 40 in every environment.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '40']);
  });
});

describe('the go and follow families of conditions.ts, read in documents (goFor, followsIn)', () => {
  const rollout = (text: string) =>
    judge(
      'gateway.idleTimeoutSeconds',
      [
        base('60'),
        { subject: 'gateway(staging): idle timeout 60 -> 120 (GW-88), prod after a soak', date: '2026-11-02T10:00:00Z', set: { staging: ['60', '120'] } },
        { subject: 'GW-88 notes', date: '2026-11-06T10:00:00Z' },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/ops/gw-88.md', text, step: 2 }] },
    );
  it.each([
    '- GW-88: four days on staging, no dropped streams. Cleared to roll it out to production.',
    '- GW-88: keine Abbrüche auf Staging. Freigabe für Prod.',
    '- GW-88: soak clean, green light for prod.',
  ])('a go: %s', (text) => {
    const v = rollout(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '120']);
  });
  it.each(['- GW-88: OK to apply to prod once the CDN change is out.', '- GW-88: OK to apply to prod?', '- GW-88: not OK to apply to prod, streams drop.'])(
    'not a go gated, asked or negated: %s',
    (text) => expect(rollout(text).suggested).toBe('declare'),
  );

  const incident = (text: string) =>
    judge(
      'worker.heapSize',
      [
        base('1g'),
        { subject: 'INC-7001: worker heap 3g in production', date: '2026-11-10T10:00:00Z', set: { production: ['1g', '3g'] } },
        { subject: 'post-mortem INC-7001', date: '2026-11-17T10:00:00Z' },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/postmortems/INC-7001.md', text, step: 2 }] },
    );
  it.each([
    '# INC-7001\n\n- Staging should match production (3g): the soak ran with 1g and missed it.',
    '# INC-7001\n\n- Staging muss Prod entsprechen, sonst sehen wir das nie vorher.',
    '# INC-7001\n\n- Staging has to be kept in sync with production for heap settings.',
  ])('an incident fix a later post-mortem it cites says staging follows: %s', (text) => {
    const v = incident(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', '3g']);
  });
  it.each([
    '# INC-7001\n\n- Staging must not mirror production here: it has a tenth of the data.',
    '# INC-7001\n\n- staging stays at 1g, prod follows its own sizing.',
  ])('not where it keeps staging apart: %s', (text) => expect(incident(text).suggested).toBe('declare'));
});

describe('every one of a kind of thing, the test ones named as included, is an everywhere (a quoted notice read as its text)', () => {
  const story = (text: string) =>
    judge(
      'checkout.cohortLabel',
      [
        base('edge-2025-a'),
        { subject: 'checkout cohort label', date: '2026-11-02T10:00:00Z', set: { production: ['edge-2025-a', 'edge-2026-b'] } },
        { subject: 'vendor notice', date: '2026-11-03T10:00:00Z' },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/vendors/notice.md', text, step: 2 }] },
    );
  it.each([
    '> From 2026-11-10 only edge-2026-b is accepted. Use it for all tenants,\n> sandbox tenants included.',
    'From 2026-11-10 every cluster including the staging ones must send edge-2026-b.',
    '> Each account - test accounts included - must switch to edge-2026-b before 2026-11-15.',
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', 'edge-2026-b']);
  });
  it.each([
    'From 2026-11-10 every production tenant must send edge-2026-b; test tenants not included.',
    'Every tenant except the test ones switches to edge-2026-b from 2026-11-10.',
  ])('not %s', (text) => expect(story(text).suggested).toBe('declare'));
});

describe("a container env var's value goes by the variable's name in prose, not by `value`", () => {
  it.each([
    ['Deployment/api.containers[name=app].env[name=SHUTDOWN_DRAIN_SECONDS].value', 'raise SHUTDOWN_DRAIN_SECONDS to 50 everywhere', 'SHUTDOWN_DRAIN_SECONDS'],
    ['CronJob/reconcile.containers[name=job].env[name=BATCH_LIMIT].value', 'the batch limit of the reconcile job', 'BATCH_LIMIT'],
    ['StatefulSet/db.initContainers[name=migrate].env[name=LOCK_TIMEOUT].value', 'LOCK_TIMEOUT must be 60 in prod too', 'LOCK_TIMEOUT'],
  ])('%s', (key, prose, leaf) => {
    expect(keyLeaf(key)).toBe(leaf);
    expect(keyNamePattern(key)!.test(prose)).toBe(true);
    // The field holding the value is not its name: a passage about some other "value" does not name it.
    expect(keyNamePattern(key)!.test('the value was wrong')).toBe(false);
  });

  it('a key whose own last segment is value keeps it', () => {
    expect(keyLeaf('cache.value')).toBe('value');
    expect(keyLeaf('Deployment/api.containers[name=app].env[name=X].valueFrom.secretKeyRef.key')).toBe('key');
  });
});

// Session 15 (issue 10): documents linked by what people call the thing, and what they decide.
// A document names a feature ("bulk export"), not the key (`feature_flags.bulk_export`); a passage
// naming the key's words as a phrase with the environment is about the change. A document that
// says the environment goes back ("staging goes back to what production runs", "no longer needed,
// can go back to 50"), or whose own status withdraws the plan, undoes the change; a record that the
// change was deployed to an environment whose file lacks it is a go (the deploy missed it); a
// deletion recorded as a mistake, with an order to re-create, re-creates the object. Situations and
// phrasings of their own, none from a verdict story; other key shapes (.env, properties, tfvars
// maps, list items) and document shapes (decision records, READMEs, changelogs, tables, runbooks).
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { featurePattern } from '../../src/verdict/documented.js';
import { keyLeaf, keyNamePattern, passages } from '../../src/verdict/documents.js';
import { ticketsIn } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { missingLive } from './log-builders.js';

const TODAY = '2026-12-03';
const THREE = ['dev', 'staging', 'production'];
const base = (value: string, envs = ['staging', 'production']): Step => ({
  subject: 'initial values',
  date: '2026-03-01T10:00:00Z',
  set: Object.fromEntries(envs.map((e) => [e, ['', value]])),
});
const doc = (subject: string, date: string): Step => ({ subject, date });

describe('what people call the thing a key sets', () => {
  it.each([
    ['checkout.expressDelivery', ['express delivery for staging', 'Express-Delivery', 'delivery express']],
    ['AUTH_MAX_LOGIN_ATTEMPTS', ['the login attempts', 'max login attempts']],
    ['feature_flags.bulk_export', ['bulk export', 'Bulk exports', 'bulk-export']],
    ['features[name=partner-portal].enabled', ['the partner portal', 'portal for partners']],
    ['app.search.spellcheck-enabled', ['spellcheck for search', 'search spellcheck']],
    ['ConfigMap/indexer-config.data.INDEX_REFRESH_INTERVAL', ['the index refresh', 'refresh interval']],
    ['Deployment/api.containers[name=app].env[name=PDF_RENDER_TIMEOUT].value', ['the pdf render', 'render timeout']],
  ])('%s', (key, phrasings) => {
    const re = featurePattern(key);
    expect(re, key).toBeDefined();
    for (const text of phrasings) expect(re!.test(text), text).toBe(true);
  });

  it.each([
    ['checkout.guestEnabled', 'the checkout page and the guest list'],
    ['cache.maxSize', 'max size'],
    ['replicas', 'replicas'],
    ['Deployment/checkout.containers[name=app].image', 'the checkout container image'],
    ['feature_flags.bulk_export', 'the feature flags'],
  ])('%s: no pair of its words, or only bounds and units', (key, text) => {
    const re = featurePattern(key);
    expect(re === undefined || !re.test(text)).toBe(true);
  });
});

describe('a later document says the environment goes back: revert it', () => {
  const story = (key: string, from: string, to: string, subject: string, path: string, text: string, envs = ['staging', 'production']) => {
    const env = envs[0]!;
    return judge(
      key,
      [base(from, envs), { subject, date: '2026-10-05T10:00:00Z', set: { [env]: [from, to] } }, doc('notes', '2026-11-18T10:00:00Z')],
      TODAY,
      {},
      { envs, documents: [{ path, text, step: 2 }] },
    );
  };

  it.each([
    [
      'feature_flags.bulk_export',
      'false',
      'true',
      'staging: flags for the partner demo',
      'docs/partners/demo.md',
      '# Partner demo\n\nThe demo is over and we are not selling bulk export yet. Staging goes back to what production runs.',
    ],
    [
      'features[name=partner-portal].enabled',
      'false',
      'true',
      'enable the portal in staging',
      'docs/decisions/portal.md',
      '# Portal\n\nWe stop the partner portal pilot; the portal for partners in staging goes back to the production behaviour.',
    ],
    [
      'RATE_LIMIT_BURST',
      '50',
      '500',
      'staging: burst 500 for the soak',
      'loadtest/README.md',
      '# Soak\n\nThe soak test is done. RATE_LIMIT_BURST=500 in staging is not needed any more and can go back to 50.',
    ],
    [
      'search.synonymExpansion',
      'off',
      'aggressive',
      'stg: aggressive synonym expansion',
      'docs/search/relevance.md',
      '## Relevance review\n\nAggressive synonym expansion hurt precision. Reset staging to off, like production.',
    ],
  ])('%s', (key, from, to, subject, path, text) => {
    const v = story(key, from, to, subject, path, text);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', from]);
    expect(v.reasons.join('\n')).toContain(path);
  });

  it.each([
    ['once the QA run ends', 'The bulk export pilot in staging goes back to what production runs once the QA run ends.'],
    ['negated', 'Bulk export in staging does not go back to production behaviour: we sell it from January.'],
    ['asked', 'Should bulk export in staging go back to what production runs?'],
    ['another environment', 'Bulk export in production goes back to the old value.'],
    ['a common word only', 'Staging goes back to what production runs for the export job.'],
    ['a rollout, not a roll-back', 'Bulk export rolled out in staging like production will be next month.'],
    ['back to the value the change set', 'After the outage bulk export in staging went back to true.'],
  ])('not an undo: %s', (_, text) => {
    const v = story('feature_flags.bulk_export', 'false', 'true', 'staging: flags for the partner demo', 'docs/partners/demo.md', text);
    expect(v.suggested === 'revert' && v.drifted === 'staging' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });

  it('a document written before the change undoes nothing', () => {
    const v = judge(
      'feature_flags.bulk_export',
      [
        base('false'),
        doc('notes', '2026-09-01T10:00:00Z'),
        { subject: 'staging: bulk export on', date: '2026-10-05T10:00:00Z', set: { staging: ['false', 'true'] } },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/notes.md', text: 'Bulk export in staging goes back to what production runs.', step: 1 }] },
    );
    expect(v.suggested === 'revert' && v.drifted === 'staging').toBe(false);
  });
});

describe("a document's own status withdraws the plan the change went ahead on", () => {
  const story = (status: string, written: string) =>
    judge(
      'pricing.surgeMultiplier',
      [base('1.0'), { subject: 'staging: surge pricing per RFC-19', date: '2026-10-05T10:00:00Z', set: { staging: ['1.0', '1.8'] } }, doc('RFC-19', written)],
      TODAY,
      {},
      {
        documents: [
          { path: 'docs/rfc/RFC-19.md', text: `# RFC-19: surge pricing\n\nStatus: ${status}\n\nA surge multiplier up to 1.8 at peak hours.`, step: 2 },
        ],
      },
    );

  it.each(['Rejected', '**Withdrawn** (product)', 'superseded by RFC-23', 'Abgelehnt'])('%s: staging goes back, as a question', (status) => {
    const v = story(status, '2026-11-10T10:00:00Z');
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', '1.0']);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeDefined();
  });

  it('withdrawn before the change: nothing', () => {
    const v = judge(
      'pricing.surgeMultiplier',
      [
        base('1.0'),
        doc('RFC-19', '2026-09-10T10:00:00Z'),
        { subject: 'staging: surge pricing per RFC-19', date: '2026-10-05T10:00:00Z', set: { staging: ['1.0', '1.8'] } },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/rfc/RFC-19.md', text: '# RFC-19\n\nStatus: rejected\n\nSurge 1.8.', step: 1 }] },
    );
    expect(v.suggested === 'revert' && v.drifted === 'staging').toBe(false);
  });

  it('a withdrawn document gives no go', () => {
    const v = story('withdrawn', '2026-11-10T10:00:00Z');
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
  });
});

describe('a record that the change was deployed where its file lacks it: the deploy missed it', () => {
  const story = (path: string, text: string, written = '2026-11-20T10:00:00Z') =>
    judge(
      'refunds.idempotencyKeys',
      [
        base('false', THREE),
        { subject: 'PAY-31: idempotency keys on refunds', date: '2026-11-02T10:00:00Z', set: { dev: ['false', 'true'], staging: ['false', 'true'] } },
        doc('release notes', written),
      ],
      TODAY,
      {},
      { envs: THREE, documents: [{ path, text, step: 2 }] },
    );

  it.each([
    ['docs/releases/2026-11-19.md', '# Production release 2026-11-19\n\nShipped:\n\n- PAY-31 refund idempotency\n- PAY-40 receipts'],
    ['CHANGELOG.md', '## 4.7.0\n\nDeployed to production on 2026-11-18 (CAB-77).\n\n- Idempotent refunds (PAY-31)\n- Faster receipts'],
    ['docs/deploys.md', '# Deploys\n\n| ticket | environment | status |\n| --- | --- | --- |\n| PAY-31 | production | rolled out 2026-11-19 |'],
    ['docs/releases/2026-11.md', '# Wdrożenie prod 2026-11-19\n\nWdrożone:\n- PAY-31 idempotentne zwroty'],
  ])('%s', (path, text) => {
    const v = story(path, text);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', 'true']);
  });

  it.each([
    ['a plan', '# Next production window 2026-12-10\n\nTo be deployed:\n- PAY-31 refund idempotency'],
    ['a denial', '# Production release 2026-11-19\n\nNot deployed (failed checks):\n- PAY-31 refund idempotency'],
    ['another environment', '# Staging release 2026-11-19\n\nDeployed:\n- PAY-31 refund idempotency'],
    ['a window still ahead', '# Production release 2027-01-12\n\nDeployed:\n- PAY-31 refund idempotency'],
  ])('not a go: %s', (_, text) => {
    const v = story('docs/releases/x.md', text);
    expect(v.suggested === 'backfill' && v.drifted === 'production' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

describe('a list item is read with the short paragraph introducing its list', () => {
  it('the lead of each item, until the next paragraph or heading', () => {
    const ps = passages('# R\n\nDeployed:\n- A-1 one\n- A-2 two\n\nSomething else, much later.\n\n- A-3 three\n\n## Next\n- A-4 four');
    expect(ps.filter((p) => p.lead === 'Deployed:').map((p) => p.text)).toEqual(['- A-1 one', '- A-2 two']);
    expect(ps.find((p) => p.text === '- A-3 three')?.lead).toBe('Something else, much later.');
    expect(ps.find((p) => p.text === '- A-4 four')?.lead).toBeUndefined();
  });
});

describe('a pull request by its number is an id', () => {
  it.each([
    ['Merge pull request #871 from olek/retry-jitter', ['#871']],
    ['Retry with jitter (#871)', ['#871']],
    ['PR #42: faster receipts', ['#42']],
    ['Fixes #412 and closes #413', ['#412', '#413']],
    ['step #3 of the runbook', []],
    ['colour #ff0000', []],
  ])('%s', (text, ids) => {
    expect(ticketsIn(text)).toEqual(ids);
  });
});

describe('a deletion recorded as a mistake, with an order to re-create it', () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: TODAY };
  const note = {
    sha: 'd'.repeat(40),
    parents: [],
    subject: 'notes',
    body: '',
    author: 'Ines',
    email: 'i@x',
    date: '2026-11-20T10:00:00Z',
    committed: '2026-11-20T10:00:00Z',
  };
  const run = (key: string, path: string, text: string) =>
    explain(missingLive(key), {}, { ...context, log: buildLog(new Map(), [note], [{ path, text, sha: 'd'.repeat(40) }]) });

  it.each([
    [
      'Service/billing-webhooks',
      'docs/incidents/INC-88.md',
      '# INC-88\n\nDuring cleanup the `billing-webhooks` Service was deleted by mistake. Redeploy it from k8s/production/billing.yaml.',
    ],
    [
      'Ingress/partner-api',
      'docs/runbooks/cleanup.md',
      '- 14:02 partner-api should not have been removed: partners still call it. Please restore it from the repo.',
    ],
    [
      'CronJob/nightly-reconcile',
      'docs/ops-log.md',
      'nightly-reconcile is not a leftover, it books the ledger every night. Re-apply k8s/production/reconcile.yaml.',
    ],
    ['Deployment/pdf-worker', 'docs/notas.md', 'pdf-worker wurde versehentlich gelöscht. Bitte wieder anlegen aus k8s/production/pdf.yaml.'],
  ])('%s: re-create it live', (key, path, text) => {
    const v = run(key, path, text);
    expect([v.suggested, v.drifted, v.confidence], v.reasons.join('\n')).toEqual(['revert', 'production', 0.6]);
  });

  it.each([
    ['Service/billing-webhooks', 'If billing-webhooks is deleted by mistake, redeploy it from the repo.'],
    ['Ingress/partner-api', 'partner-api was removed by mistake? Should we restore it?'],
    ['CronJob/nightly-reconcile', 'The nightly-reconcile CronJob was deleted on purpose. Do not re-create it.'],
  ])('%s: an instruction for later, a question, or a retirement', (key, text) => {
    const v = run(key, 'docs/notes.md', text);
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });

  it('a mistake with no order is a question', () => {
    const v = run('Service/billing-webhooks', 'docs/notes.md', 'The billing-webhooks Service was deleted by accident on Friday.');
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['revert', 'production']);
    expect(v.confidence).toBe(0.5);
    expect(v.question).toBeDefined();
  });
});

describe("a named list item's value or switch goes by the item's name, whatever the list (every key shape)", () => {
  it.each([
    ['env[name=LOG_FORMAT].value', 'LOG_FORMAT is json in production', 'LOG_FORMAT'],
    ['api.extraEnv[name=UPSTREAM_TIMEOUT_S].value', 'the upstream timeout goes to 15 everywhere', 'UPSTREAM_TIMEOUT_S'],
    ['features[name=guest-checkout].enabled', 'guest checkout stays off in production', 'guest-checkout'],
    ['toggles[name="bulk export"].on', 'bulk export for every tenant', 'bulk export'],
  ])('%s', (key, prose, leaf) => {
    expect(keyLeaf(key)).toBe(leaf);
    expect(keyNamePattern(key)!.test(prose)).toBe(true);
    // The field is not its name: a passage saying "enabled" or "value" about something else does not name it.
    expect(keyNamePattern(key)!.test('the value was enabled')).toBe(false);
  });

  it('a list item by index, or a field that says what it is, keeps its own leaf', () => {
    expect(keyLeaf('ingress.hosts[0].value')).toBe('value');
    expect(keyLeaf('Deployment/api.containers[name=app].image')).toBe('image');
    expect(keyLeaf('features[name=guest-checkout].maxCartCents')).toBe('maxCartCents');
  });
});

describe('a later undo outranks a move the change planned', () => {
  it.each([
    ['staging: bulk export on, production follows next week', 'Bulk export: we are not launching. Staging goes back to what production runs.'],
    ['bulk export in staging first, then everywhere', 'The bulk export in staging is no longer needed and can go back to false.'],
    ['staging: bulk export (EXP-4), prod after the pilot', 'EXP-4 pilot result: bulk export off. Reset staging to false like production.'],
  ])('%s', (subject, text) => {
    const v = judge(
      'feature_flags.bulk_export',
      [base('false'), { subject, date: '2026-10-05T10:00:00Z', set: { staging: ['false', 'true'] } }, doc('pilot notes', '2026-11-18T10:00:00Z')],
      TODAY,
      {},
      { documents: [{ path: 'docs/pilot.md', text: `# Pilot\n\n${text}`, step: 2 }] },
    );
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', 'false']);
  });
});

describe('a later text naming the key that says it can go ends a test setting (not only one naming the test)', () => {
  const story = (key: string, from: string, to: string, subject: string, later: string) =>
    judge(
      key,
      [
        base(from),
        { subject, date: '2026-06-10T10:00:00Z', set: { staging: [from, to] } },
        { subject: later.split('\n')[0]!, body: later.split('\n').slice(1).join('\n'), date: '2026-11-20T10:00:00Z' },
      ],
      TODAY,
    );

  it.each([
    ['WORKER_CONCURRENCY', '8', '64', 'staging: 64 workers for the soak test', 'worker pool notes\nWORKER_CONCURRENCY=64 in staging is not needed any more.'],
    [
      'spring.datasource.hikari.maximum-pool-size',
      '10',
      '80',
      'staging: pool 80 so the replay benchmark does not starve',
      'db notes: the raised maximum-pool-size in staging is no longer needed',
    ],
    ['rate_limits.export_per_minute', '30', '0', 'stg: unlimited exports for the k6 run', 'exports: export_per_minute in staging can be reverted now'],
  ])('%s', (key, from, to, subject, later) => {
    const v = story(key, from, to, subject, later);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', from]);
  });

  it.each([
    ['about another environment', 'worker pool notes\nWORKER_CONCURRENCY in production is no longer needed at 8.'],
    ['work done, not the value gone', 'worker pool notes\nWORKER_CONCURRENCY dashboards done.'],
  ])('not an end: %s', (_, later) => {
    const v = story('WORKER_CONCURRENCY', '8', '64', 'staging: 64 workers for the soak test', later);
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

// Session 24 (spent holdout-21/28, 39, 42, 46), as principles in situations and words of our own:
// - capacity raised by hand live with nothing written about it is a question, not a revert by the
//   contract's pinned value (42: a pool raised in the night, reverted at 0.75, could bring an outage back);
// - a later record of an incident (a post-mortem citing its ticket) that keeps the lagging environment's
//   value decides as the fix's own text would (39: "backfill staging with the incident fix", 0.70);
// - an object a text calls made by mistake in this environment goes (28: a load generator applied with
//   the kube context still on production, declared at 0.35);
// - a write-up that names a rolled-back image by its version and keeps it codifies what runs (46).
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { eventOf, type Divergence } from '../../src/model/types.js';
import { saysMistake } from '../../src/verdict/live.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { byHandAt, documentCommit, explainCrossEnv, messagesBy } from './log-builders.js';

const TODAY = '2026-12-05';

describe('capacity raised by hand live, nothing written: a question, not a revert by the contract alone', () => {
  const ENVS = ['qa', 'live'];
  const EDIT = '2026-11-22T02:40:00Z';
  const drift = (key: string, file: string, live: string, manager = 'kubectl-edit'): Divergence =>
    ({
      id: key,
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['live'],
      values: { qa: { repo: '4', live: null, at: null, type: 'string' }, live: { repo: file, live, at: null, type: 'string' } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { live: byHandAt(EDIT, manager) },
    }) as unknown as Divergence;
  const judge = (key: string, file: string, live: string, docs: Array<{ path: string; text: string }> = [], manager?: string) => {
    const contract = parseContract(yamlFileFromText(`expected_differences:\n  "${key}": {qa: "4", live: "${file}"}\n`, 'c.yaml'), ENVS);
    const log = buildLog(
      new Map(),
      docs.map((d, i) => documentCommit(String(i + 1), '2026-11-23T09:00:00Z', 'notes', [d.path])),
      docs.map((d, i) => ({ ...d, sha: String(i + 1).repeat(40) })),
    );
    return explain(drift(key, file, live, manager), {}, { promotion: ENVS, environments: ENVS, today: TODAY, contract, log });
  };

  it.each([
    ['a worker pool in an env var', 'Deployment/billing.containers[name=app].env[name=WORKER_THREADS].value', '16', '48'],
    ['a replica count scaled up', 'Deployment/search.replicas', '3', '9', 'kubectl-scale'],
    ['a memory size in the same unit', 'Deployment/search.containers[name=app].resources.limits.memory', '512Mi', '1536Mi', 'kubectl-set'],
    ['a connection pool in a ConfigMap', 'ConfigMap/ledger.data.PG_POOL_SIZE', '30', '80', 'kubectl-patch'],
  ])('%s: declared with the question, never reverted', (_what, key, file, live, manager?: string) => {
    const v = judge(key, file, live, [], manager);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.reasons.join('\n')).toMatch(/more capacity set by hand/);
    expect(v.question).toMatch(/by hand/);
  });

  it('capacity lowered by hand below what the contract pins is put back', () => {
    expect(judge('Deployment/search.replicas', '6', '2')).toMatchObject({ suggested: 'revert', value: '6' });
  });
  it('a raise in another unit is not read as a raise: the contract decides as before', () => {
    expect(judge('Deployment/search.containers[name=app].resources.limits.memory', '512Mi', '2Gi')).toMatchObject({ suggested: 'revert' });
  });
  it('a setting that is no capacity (a log level) is put back by the contract', () => {
    expect(judge('ConfigMap/ledger.data.LOG_FORMAT', 'json', 'text')).toMatchObject({ suggested: 'revert', value: 'json' });
  });
  it.each([
    ['English', 'docs/ops/2026-11-22.md', 'PG_POOL_SIZE was raised to 80 on live by mistake, it was meant for qa.'],
    ['German', 'doku/betrieb.md', 'PG_POOL_SIZE auf live aus Versehen auf 80 gesetzt, gehört nach qa.'],
  ])('a raise a document calls a mistake (%s) is reverted', (_what, path, text) => {
    const v = judge('ConfigMap/ledger.data.PG_POOL_SIZE', '30', '80', [{ path, text }]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: '30' });
  });
});

describe('a later record of an incident keeps the lagging environment: declared, not backported', () => {
  const KEY = 'gateway.breaker.errorPercentThreshold';
  const by = messagesBy('Ravi', 'r@x', 'a');
  const created = by('2026-03-01T10:00:00Z', 'gateway config');
  const fix = by('2026-11-10T01:20:00Z', 'INC-4411: trip the breaker earlier in prod');
  const judge = (docText: string | null, docSubject = 'post-mortem INC-4411', later: ReturnType<typeof by>[] = [], docPath = 'docs/pm/ops-4411.md') => {
    const doc = documentCommit('d', '2026-11-18T14:00:00Z', docSubject, [docPath]);
    const ev = (m: typeof fix, env: string, from: string | null, to: string, order: number) => ({
      ...eventOf(m, `config/${env}.yaml`, from, to, { merge: false, revert: false }),
      order,
    });
    return explainCrossEnv({
      key: KEY,
      history: { staging: [ev(created, 'staging', null, '50', 1)], prod: [ev(fix, 'prod', '50', '20', 0), ev(created, 'prod', null, '50', 1)] },
      messages: [created, fix, ...(docText === null ? [] : [doc]), ...later],
      values: { staging: '50', prod: '20' },
      type: 'number',
      today: TODAY,
      documents: docText === null ? [] : [{ path: docPath, text: docText, sha: doc.sha }],
    });
  };

  it.each([
    [
      'English',
      '# INC-4411 review\n\nerrorPercentThreshold 50 -> 20 in prod.\n\n## Decisions\n- Staging stays at 50: the fault-injection runs need retries.\n',
    ],
    ['English, left as is', 'INC-4411 follow-up: errorPercentThreshold is 20 in prod now; staging is left at 50 on purpose for the chaos drills.\n'],
    ['German', '# Nachbetrachtung INC-4411\n\nerrorPercentThreshold in prod auf 20 gesenkt. Staging bleibt bei 50, die Lasttests brauchen das.\n'],
    ['Dutch', '# INC-4411\n\nerrorPercentThreshold naar 20 in prod. Staging blijft op 50 voor de chaostests.\n'],
    ['French', '# INC-4411\n\nerrorPercentThreshold passé à 20 en prod. Staging reste à 50 pour les tests de chaos.\n'],
  ])('%s: declare', (_what, text) => {
    const v = judge(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).toMatch(/later record of the same incident/);
  });

  it('a later commit citing the ticket that keeps staging decides the same', () => {
    const follow = by('2026-11-20T09:00:00Z', 'INC-4411 follow-up', 'Prod keeps 20. Staging keeps 50 on purpose: the chaos suite needs it.');
    const v = judge(null, '', [follow]);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).toMatch(/later record of the same incident/);
  });

  it.each([
    ['a record of another incident', '# INC-9000 review\n\nerrorPercentThreshold: staging stays at 50.\n', 'post-mortem INC-9000'],
    ['a record not naming the key', '# INC-4411 review\n\nStaging stays on the old gateway build.\n', 'post-mortem INC-4411'],
    ['a proposal', '# INC-4411 review\n\nStatus: proposed\n\nerrorPercentThreshold: staging stays at 50.\n', 'post-mortem INC-4411'],
    ['a record that backports', '# INC-4411 review\n\nerrorPercentThreshold: apply 20 to staging as well.\n', 'post-mortem INC-4411'],
  ])('%s: the incident fix is still backported', (_what, text, subject) => {
    const v = judge(text, subject);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging' });
  });
});

describe('an object a text says was made in this environment by mistake goes', () => {
  const ENVS = ['stage', 'prod'];
  const object = (key: string, manager = 'kubectl-client-side-apply', kind: 'pipeline' | 'human' = 'pipeline'): Divergence =>
    ({
      id: key,
      key,
      kind: 'live-object',
      severity: 'drift',
      envs: ['prod'],
      values: { prod: { repo: null, live: 'exists', at: null, type: null } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { prod: { manager, operation: 'Update', time: '2026-11-25T15:00:00Z', exact: false, human: kind === 'human', kind } },
    }) as unknown as Divergence;
  const judge = (key: string, text: string, date = '2026-11-25T16:00:00Z', kind: 'pipeline' | 'human' = 'pipeline') =>
    explain(
      object(key, kind === 'human' ? 'kubectl-create' : undefined, kind),
      {},
      {
        promotion: ENVS,
        environments: ENVS,
        today: TODAY,
        log: buildLog(new Map(), [documentCommit('e', date, 'ops log', ['ops/log.md'])], [{ path: 'ops/log.md', text, sha: 'e'.repeat(40) }]),
      },
    );

  it.each([
    ['a context left on prod', 'Job/seed-fixtures', '- kai: ran kubectl apply -f stage/seed-fixtures.yaml, kube context was still pointing at prod. ugh.'],
    ['a forgotten switch', 'CronJob/synthetic-checkout', 'synthetic-checkout: forgot to switch the context, it went to prod.'],
    ['the wrong cluster', 'Deployment/mock-psp', 'mock-psp was applied to the wrong cluster (prod) on 25.11.'],
    ['German', 'CronJob/synthetic-checkout', 'synthetic-checkout versehentlich in prod angelegt, war für stage gedacht.'],
    ['a protective kind, made by mistake', 'NetworkPolicy/deny-all-test', 'deny-all-test landed in prod by mistake (ctx still on prod).'],
  ])('%s: revert (delete it)', (_what, key, text) => {
    const v = judge(key, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prod' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['a mistake in another environment', 'CronJob/synthetic-checkout', 'synthetic-checkout was created in stage by mistake; prod is fine.'],
    ['a question', 'CronJob/synthetic-checkout', 'was synthetic-checkout created in prod by mistake?'],
    ['another object', 'CronJob/synthetic-checkout', 'mock-psp was applied to the wrong cluster. synthetic-checkout is our prod probe.'],
  ])('%s: not read as this object made by mistake here', (_what, key, text) => {
    // (The readers of answered.ts still take the first two as an undo of the object: their own
    // sentence-level reading is not this rule's; see the session's report.)
    const v = judge(key, text);
    expect(v.reasons.join('\n')).not.toMatch(/made in prod by mistake/);
  });

  it('a note written long before the object was made is about something else', () => {
    const v = judge('CronJob/synthetic-checkout', 'synthetic-checkout was applied to the wrong cluster.', '2026-06-01T10:00:00Z');
    expect(v.suggested).not.toBe('revert');
  });

  it('the context phrasings are read as a mistake, a switched context is not', () => {
    expect(saysMistake('applied it with ctx still on prod-eu1')).toBeDefined();
    expect(saysMistake('my kubecontext is still set to production, sorry')).toBeDefined();
    expect(saysMistake('switched the context to prod and applied the release')).toBeUndefined();
  });
});

describe('a write-up naming a rolled-back image by its version and keeping it: codify what runs', () => {
  const ENVS = ['staging', 'production'];
  const KEY = 'Deployment/mailer.containers[name=mailer].image';
  const drift = (): Divergence =>
    ({
      id: KEY,
      key: KEY,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['production'],
      values: {
        staging: { repo: 'registry.example/mailer:4.2.0', live: null, at: null, type: 'string' },
        production: { repo: 'registry.example/mailer:4.2.0', live: 'registry.example/mailer:4.1.7', at: null, type: 'string' },
      },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: byHandAt('2026-11-30T21:05:00Z', 'kubectl-rollout') },
    }) as unknown as Divergence;
  const judge = (text: string, path = 'docs/incidents/mailer-2026-11-30.md') =>
    explain(
      drift(),
      {},
      {
        promotion: ENVS,
        environments: ENVS,
        today: TODAY,
        log: buildLog(new Map(), [documentCommit('f', '2026-12-01T08:00:00Z', 'incident note', [path])], [{ path, text, sha: 'f'.repeat(40) }]),
      },
    );

  it.each([
    [
      'English',
      '# mailer incident\n\n- 21:05 rolled back with kubectl rollout undo -> 4.1.7\n- decision: keep 4.1.7 in production until 4.2.1; put 4.1.7 in git.\n',
    ],
    [
      'German',
      '# mailer Störung\n\n- Rollback auf 4.1.7 per kubectl rollout undo.\n- Entscheidung: 4.1.7 behalten, bis 4.2.1 fertig ist, und ins Repo übernehmen.\n',
    ],
    ['Spanish', '# incidente mailer\n\n- rollback a 4.1.7.\n- decisión: mantener 4.1.7 en producción y llevarlo al repo.\n'],
  ])('%s: backfill production with the running image', (_what, text) => {
    const v = judge(text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: 'registry.example/mailer:4.1.7' });
  });

  it.each([
    ['a note that does not name the image', '# payments incident\n\n- rolled back to 4.1.7; keep it in git.\n', 'docs/incidents/payments.md'],
    ['a note about another version', '# mailer incident\n\n- 4.2.0 leaked memory; keep 4.0.9 pinned in git for the batch host.\n', undefined],
  ])('%s: no keep read', (_what, text, path) => {
    expect(judge(text, path).suggested).not.toBe('backfill');
  });
});

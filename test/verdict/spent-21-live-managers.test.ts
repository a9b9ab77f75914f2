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
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { byHandAt, documentCommit } from './log-builders.js';

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

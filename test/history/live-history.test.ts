import { beforeAll, describe, expect, it } from 'vitest';
import { stateAt } from '../../src/cli/at.js';
import { scanRepository, type Scan } from '../../src/engine.js';
import { toJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { helmInstall, startCluster } from '../support/cluster.js';
import { repoWithFiles } from '../support/repo.js';

// A Helm-deployed service whose release history the cluster kept: the timeline of a key gains the
// deploys of each release revision that changed its value, and `at` answers from them exactly.

const PASSWORD = 'pg-pass-7e1d0c';
let repo: string;
let scan: Scan;

beforeAll(async () => {
  const { api } = await startCluster();
  helmInstall(api, 'payments', { TIMEOUT_MS: '3000' }, { time: '2026-03-02T09:14:07Z' });
  const release = (revision: number, status: string, time: string, timeout: number) =>
    api.helmRelease({
      namespace: 'payments',
      name: 'payment-service',
      revision,
      status,
      time,
      chart: 'payment-service',
      chartVersion: `1.${revision}.0`,
      config: { TIMEOUT_MS: timeout, db: { password: PASSWORD } },
    });
  release(1, 'superseded', '2026-03-02T09:14:02Z', 3000);
  release(2, 'superseded', '2026-05-01T10:00:00Z', 5000);
  release(3, 'failed', '2026-05-02T10:00:00Z', 9999); // never applied: not a deploy of its values
  release(4, 'deployed', '2026-06-01T10:00:00Z', 3000);
  repo = await repoWithFiles({
    'undrift.yaml': [
      'environments:',
      '  staging: config/staging.yaml',
      '  production:',
      '    files: config/production.yaml',
      '    live: {kubernetes: {kubeconfig: kubeconfig, context: prod, namespace: payments}, helmHistory: true}',
      'promotion: [staging, production]',
      '',
    ].join('\n'),
    kubeconfig: api.kubeconfig([{ name: 'prod', namespace: 'payments' }]),
    'config/staging.yaml': 'TIMEOUT_MS: 4000\n',
    'config/production.yaml': 'TIMEOUT_MS: 3000\n',
  });
  scan = await scanRepository({ repo, historyCache: false });
}, 120_000);

describe('Helm release history in the key timeline', () => {
  it('adds each release revision that changed the value, with its revision and record; failed releases deploy nothing', () => {
    const timeline = toJson(scan).timelines.TIMEOUT_MS!.filter((e) => e.kind === 'deploy' && e.revision);
    expect(timeline.map((e) => `${e.time} ${e.env} r${e.revision} ${e.from ?? '·'} → ${e.to}`)).toEqual([
      '2026-03-02T09:14:02Z production r1 · → 3000',
      '2026-05-01T10:00:00Z production r2 3000 → 5000',
      '2026-06-01T10:00:00Z production r4 5000 → 3000',
    ]);
    expect(timeline[1]).toMatchObject({
      exact: true,
      source: 'live',
      manager: 'helm',
      liveSource:
        'kubernetes prod/payments Helm release payment-service revision 2 (Secret/sh.helm.release.v1.payment-service.v2, chart payment-service 1.2.0, superseded)',
    });
  });

  it('keeps the values of keys the repository does not set as fingerprints only', () => {
    const releases = scan.snapshot.live!.get('production')!.history!.releases;
    expect(releases).toHaveLength(4);
    expect(releases[0]!.values['db.password']).toMatch(/^secret:[0-9a-f]{12} \(14 bytes\)$/);
    const everything = JSON.stringify(scan, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
    expect(everything).not.toContain(PASSWORD);
  });

  it('the report says what each source read of the past, and lists the Events the cluster still kept', () => {
    const md = renderMarkdown(scan);
    expect(md).toContain('production: ✓ read from kubernetes prod/payments · history: 1 workload revision, 4 Helm release records, 1 Event |');
    expect(md).toMatch(
      /## Cluster events still kept\n\n\| Time \(UTC\) \|.*\n\|---.*\n\| 2026-03-02 09:14 \| production \| Deployment\/payment-service \| Normal \| ScalingReplicaSet \| Scaled up replica set payment-service-[0-9a-f]{10} from 0 to 2 \| deployment-controller \|/,
    );
    expect(toJson(scan).live.production!.history).toMatchObject({
      revisions: 1,
      releases: 4,
      events: [{ reason: 'ScalingReplicaSet', time: '2026-03-02T09:14:07Z' }],
    });
  });

  it('says exactly what ran at a moment between two releases', async () => {
    const state = await stateAt({ repo, historyCache: false, noColor: true }, '2026-05-15T00:00Z');
    const production = state.keys.TIMEOUT_MS!.find((r) => r.env === 'production')!;
    expect(production.declared).toBe('3000');
    expect(production.ran).toMatchObject({ known: true, value: '5000', since: { revision: '2', manager: 'helm' } });
  });
});

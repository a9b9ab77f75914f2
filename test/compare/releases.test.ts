import { beforeAll, describe, expect, it } from 'vitest';
import { releaseView, type ReleaseView } from '../../src/compare/releases.js';
import type { LiveState, Snapshot } from '../../src/model/types.js';
import { readLive } from '../../src/sources/live/index.js';
import type { FakeKubeApi } from '../support/fake-kube-api.js';
import { helmInstall, startCluster } from '../support/cluster.js';
import { runCli } from '../support/cli.js';
import { scenarioRepo } from '../support/demo-repo.js';

// The release view over the real client-node against the fake API server, whose deployment and
// StatefulSet controllers keep revisions (ReplicaSets, ControllerRevisions) as a cluster does.

const D = (c: string) => `sha256:${c.repeat(64)}`;
const ENVS = ['staging', 'production'];

/** A Deployment (revision 1); its pod only when it is what keeps running (no rollout follows). */
function deployment(api: FakeKubeApi, namespace: string, name: string, image: string, digest: string | undefined, time: string) {
  const labels = { app: name };
  api.create(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } } },
    },
    { manager: 'helm', time },
  );
  if (digest) pod(api, namespace, name, image, digest, time);
}

function pod(api: FakeKubeApi, namespace: string, name: string, image: string, digest: string, time: string) {
  api.create(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-${digest.slice(7, 12)}`, namespace, labels: { app: name } },
      spec: { containers: [{ name: 'app', image }] },
      status: { containerStatuses: [{ name: 'app', image, imageID: `${image.split(/[:@]/)[0]}@${digest}` }] },
    },
    { manager: 'kubelet', time },
  );
}

/** Rolls a Deployment to another image (a new ReplicaSet) and starts its pod. */
function rollout(api: FakeKubeApi, namespace: string, name: string, image: string, digest: string, time: string) {
  api.update(
    'Deployment',
    namespace,
    name,
    (d) => (((d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image = image), undefined),
    { manager: 'helm', time },
  );
  pod(api, namespace, name, image, digest, time);
}

async function view(kubeconfig: string, live: Partial<Record<string, LiveState>> = {}): Promise<ReleaseView> {
  const states = await readLive(
    '/',
    ENVS.map((name) => ({ name, files: [], format: 'auto' as const, live: { kubernetes: { kubeconfig, context: name } } })),
  );
  for (const [env, state] of Object.entries(live)) states.set(env, state!);
  const snapshot: Snapshot = {
    repo: '/',
    environments: ENVS,
    promotion: ENVS,
    envs: new Map(ENVS.map((env) => [env, { env, files: [], values: new Map(), warnings: [] }])),
    live: states,
  };
  return releaseView(snapshot);
}

describe('the release view (client-node over HTTP, the fake API keeping revisions)', () => {
  let kubeconfig: string;
  let found: ReleaseView;
  beforeAll(async () => {
    const cluster = await startCluster({ contexts: ENVS.map((name) => ({ name, namespace: name })) });
    const { api } = cluster;
    kubeconfig = cluster.kubeconfig;
    for (const ns of ENVS) api.addNamespace(ns);
    // api: staging went 1.4.0 → 1.5.0; production runs 1.6.0, which never ran in staging.
    deployment(api, 'staging', 'api', 'registry.example/api:1.4.0', undefined, '2026-10-01T09:00:00Z');
    rollout(api, 'staging', 'api', 'registry.example/api:1.5.0', D('2'), '2026-10-08T09:00:00Z');
    deployment(api, 'production', 'api', 'registry.example/api:1.6.0', D('3'), '2026-10-09T22:10:00Z');
    // worker, pinned by digest: staging ran production's build in an earlier revision.
    deployment(api, 'staging', 'worker', `registry.example/worker@${D('b')}`, undefined, '2026-10-02T09:00:00Z');
    rollout(api, 'staging', 'worker', `registry.example/worker@${D('c')}`, D('c'), '2026-10-05T09:00:00Z');
    deployment(api, 'production', 'worker', `registry.example/worker@${D('b')}`, D('b'), '2026-10-03T09:00:00Z');
    // payment-service: the same tag in both, built twice.
    helmInstall(api, 'staging', { A: '1' }, { image: 'registry.example/payment-service:1.8.2', digest: D('a') });
    helmInstall(api, 'production', { A: '1' }, { image: 'registry.example/payment-service:1.8.2', digest: D('9') });
    found = await view(kubeconfig);
  });

  const row = (workload: string) => found.rows.find((r) => r.workload === workload)!;

  it('shows per environment the tag and digest that run', () => {
    expect(found.read).toEqual(ENVS);
    expect(row('Deployment/api').runs).toMatchObject({
      staging: { tag: '1.5.0', digests: [D('2')] },
      production: { tag: '1.6.0', digests: [D('3')] },
    });
  });

  it("says a build skipped staging: production's 1.6.0 ran neither now nor in staging's kept revisions", () => {
    const [check] = row('Deployment/api').upstream;
    expect(check).toMatchObject({ env: 'production', upstream: 'staging', status: 'never' });
    expect(check!.text).toBe(
      `production's 1.6.0 (${D('3').slice(0, 19)}) never ran in staging: not now (1.5.0), nor in its kept revisions 1–2 of Deployment/api — the build skipped staging`,
    );
  });

  it('finds the build in an earlier revision of staging when the template pinned its digest', () => {
    const [check] = row('Deployment/worker').upstream;
    expect(check).toMatchObject({ status: 'ran-before', revision: { number: 1 } });
    expect(check!.text).toMatch(/^staging ran this build in revision 1 \(2026-10-02T09:00:00Z, ReplicaSet\/worker-[0-9a-f]+\)$/);
  });

  it('names a tag rebuilt between environments (same tag, different digests)', () => {
    const r = row('Deployment/payment-service');
    expect(r.rebuilt).toEqual([
      {
        tag: '1.8.2',
        digests: { staging: [D('a')], production: [D('9')] },
        text: `the tag 1.8.2 runs as different builds: staging ${D('a').slice(0, 19)}; production ${D('9').slice(0, 19)} — rebuilt (pushed again) between environments`,
      },
    ]);
    expect(r.upstream[0]).toMatchObject({ status: 'tag-only' });
    expect(r.upstream[0]!.text).toContain('staging runs the tag 1.8.2 as another build');
  });

  it('cannot tell without the revisions, and says so', async () => {
    const blind = await view(kubeconfig, { staging: await readLiveWithoutHistory(kubeconfig) });
    const [check] = blind.rows.find((r) => r.workload === 'Deployment/api')!.upstream;
    expect(check).toMatchObject({ status: 'unknown' });
    expect(check!.text).toContain('its earlier revisions of Deployment/api were not read');
  });
});

async function readLiveWithoutHistory(kubeconfig: string): Promise<LiveState> {
  const states = await readLive('/', [
    { name: 'staging', files: [], format: 'auto' as const, live: { kubernetes: { kubeconfig, context: 'staging' }, history: false } },
  ]);
  return states.get('staging')!;
}

describe('undrift releases (the demo, from its snapshots)', () => {
  it('prints the release view and exits 1 on a rebuilt tag; --json is the same view', async () => {
    const dir = await scenarioRepo(); // the story `undrift demo` builds
    const table = await runCli(['releases'], { cwd: dir });
    expect(table.exitCode).toBe(1);
    expect(table.stdout).toContain('Deployment/payment-service (app)');
    expect(table.stdout).toMatch(/production +1\.8\.2 +sha256:9c4e7b21d0f3/);
    // The CronJob made by hand in production: its mark says what it means.
    expect(table.stdout).toMatch(/^ {2}production +1\.8\.2 +digest not read · staging does not run it$/m);
    expect(table.stdout).toContain('! the tag 1.8.2 runs as different builds: staging sha256:3f1a9c0e5b7d; production sha256:9c4e7b21d0f3');
    const json = JSON.parse((await runCli(['releases', '--json'], { cwd: dir })).stdout);
    expect(json.version).toBe(1);
    expect(json.rows.map((r: { workload: string }) => r.workload)).toEqual(['CronJob/settlement-reconcile', 'Deployment/payment-service']);
    expect(json.rows[0].upstream[0]).toMatchObject({ status: 'absent' });
    // The post-mortem report has the same view as a section.
    const report = await runCli(['report', '--no-history'], { cwd: dir });
    expect(report.stdout).toContain('## Releases');
    expect(report.stdout).toMatch(/\| `Deployment\/payment-service \(app\)` \| `1\.8\.2` sha256:3f1a9c0e5b7d \| `1\.8\.2` sha256:9c4e7b21d0f3 ! \|/);
  });
});

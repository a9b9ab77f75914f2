import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_PAGES } from '../../../src/model/limits.js';
import { readKubernetes } from '../../../src/sources/live/kubernetes.js';
import { readSnapshot } from '../../../src/sources/live/snapshot.js';
import { decodeRelease } from '../../../src/sources/live/helm-releases.js';
import { helmInstall, startCluster } from '../../support/cluster.js';
import type { FakeKubeApi } from '../../support/fake-kube-api.js';
import { tempDir } from '../../support/repo.js';

type Obj = Record<string, unknown>;
const containerOf = (d: Obj) => ((d.spec as Obj).template as { spec: { containers: Obj[] } }).spec.containers[0]!;

/** A Deployment's life: installed, an image bump, a hand-set env var, a restart, a rollback. */
function rolloutStory(api: FakeKubeApi) {
  helmInstall(api, 'payments', { LOG_LEVEL: 'warn' }, { image: 'registry.example/payment-service:1.8.0', time: '2026-03-02T09:14:07Z' });
  api.update('Deployment', 'payments', 'payment-service', (d) => (containerOf(d).image = 'registry.example/payment-service:1.8.1'), {
    manager: 'helm',
    time: '2026-04-10T08:00:00Z',
  });
  api.update('Deployment', 'payments', 'payment-service', (d) => ((containerOf(d).env as Obj[])[0]!.value = 'eu-central-1'), {
    manager: 'kubectl-set',
    time: '2026-05-01T12:30:00Z',
  });
  api.update(
    'Deployment',
    'payments',
    'payment-service',
    (d) => {
      const template = (d.spec as Obj).template as { metadata: { annotations?: Obj } };
      template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-05-02T07:00:00Z' };
    },
    { manager: 'kubectl-rollout', time: '2026-05-02T07:00:00Z' },
  );
}

describe('live history: what the cluster keeps of its past (real client-node against the fake API)', () => {
  it('reads a Deployment’s rollout history from its ReplicaSets, and its Events through events.k8s.io/v1', async () => {
    const { api, kubeconfig } = await startCluster();
    rolloutStory(api);
    const state = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments' },
      { history: { enabled: true, helm: false, known: () => true } },
    );
    expect(state.status).toBe('ok');
    const revisions = state.history!.revisions;
    expect(revisions.map((r) => [r.revision, r.time, r.exact, r.current, r.containers[0]!.image, r.containers[0]!.env.REGION])).toEqual([
      [1, '2026-03-02T09:14:07Z', true, false, 'registry.example/payment-service:1.8.0', 'eu-west-1'],
      [2, '2026-04-10T08:00:00Z', true, false, 'registry.example/payment-service:1.8.1', 'eu-west-1'],
      [3, '2026-05-01T12:30:00Z', true, false, 'registry.example/payment-service:1.8.1', 'eu-central-1'],
      [4, '2026-05-02T07:00:00Z', true, true, 'registry.example/payment-service:1.8.1', 'eu-central-1'],
    ]);
    expect(revisions[3]).toMatchObject({ workload: 'Deployment/payment-service', restartedAt: '2026-05-02T07:00:00Z' });
    expect(revisions[0]!.containers[0]!.envFrom).toEqual(['ConfigMap/payment-config']);
    expect(revisions[0]!.object).toMatch(/^ReplicaSet\/payment-service-[0-9a-f]{10}$/);
    // The deployment controller's ScalingReplicaSet Events, read as events.k8s.io/v1 gives them.
    expect(state.history!.events.filter((e) => e.message.startsWith('Scaled up')).map((e) => e.time)).toEqual([
      '2026-03-02T09:14:07Z',
      '2026-04-10T08:00:00Z',
      '2026-05-01T12:30:00Z',
      '2026-05-02T07:00:00Z',
    ]);
    expect(state.history!.events[0]).toMatchObject({ regarding: 'Deployment/payment-service', reason: 'ScalingReplicaSet', reporter: 'deployment-controller' });
    const lists = api.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    expect(lists).toContain('/apis/apps/v1/namespaces/payments/replicasets');
    expect(lists).toContain('/apis/events.k8s.io/v1/namespaces/payments/events');
    expect(lists.some((p) => p.includes('controllerrevisions'))).toBe(false); // no StatefulSet, no DaemonSet: not listed

    // A rollback reuses the old ReplicaSet: its revision moves to the top, its time is only "after revision 4".
    api.update(
      'Deployment',
      'payments',
      'payment-service',
      (d) => {
        containerOf(d).image = 'registry.example/payment-service:1.8.0';
        (containerOf(d).env as Obj[])[0]!.value = 'eu-west-1';
        delete ((d.spec as Obj).template as { metadata: { annotations?: Obj } }).metadata.annotations;
      },
      { manager: 'kubectl-rollout', time: '2026-05-03T10:00:00Z' },
    );
    const after = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments' },
      { history: { enabled: true, helm: false, known: () => true } },
    );
    expect(after.history!.revisions.map((r) => [r.revision, r.time, r.exact, r.reused ?? []])).toEqual([
      [2, '2026-04-10T08:00:00Z', true, []],
      [3, '2026-05-01T12:30:00Z', true, []],
      [4, '2026-05-02T07:00:00Z', true, []],
      [5, '2026-05-02T07:00:00Z', false, [1]],
    ]);
  });

  it('reads StatefulSet and DaemonSet history from ControllerRevisions', async () => {
    const { api, kubeconfig } = await startCluster();
    const statefulSet = (image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'ledger', namespace: 'payments' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'ledger' } },
        template: { metadata: { labels: { app: 'ledger' } }, spec: { containers: [{ name: 'db', image, env: [{ name: 'WAL_LEVEL', value: 'replica' }] }] } },
      },
    });
    api.create(statefulSet('postgres:16.2'), { manager: 'helm', time: '2026-01-05T10:00:00Z' });
    api.update('StatefulSet', 'payments', 'ledger', (s) => (containerOf(s).image = 'postgres:16.4'), { manager: 'helm', time: '2026-02-05T10:00:00Z' });
    const state = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments' },
      { history: { enabled: true, helm: false, known: () => true } },
    );
    expect(state.history!.revisions.map((r) => [r.workload, r.revision, r.time, r.containers[0]!.image, r.object.split('/')[0]])).toEqual([
      ['StatefulSet/ledger', 1, '2026-01-05T10:00:00Z', 'postgres:16.2', 'ControllerRevision'],
      ['StatefulSet/ledger', 2, '2026-02-05T10:00:00Z', 'postgres:16.4', 'ControllerRevision'],
    ]);
    expect(api.requests.some((r) => r.path.endsWith('/replicasets'))).toBe(false);
  });

  it('reads Helm release records only when asked; values of keys the repo does not hold are fingerprints', async () => {
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', { PAYMENT_GATEWAY_TIMEOUT_MS: '3000' });
    api.helmRelease({
      namespace: 'payments',
      name: 'payment-service',
      revision: 1,
      status: 'superseded',
      time: '2026-03-02T09:14:02Z',
      chart: 'payment-service',
      chartVersion: '1.8.1',
      appVersion: '1.8.1',
      config: { PAYMENT_GATEWAY_TIMEOUT_MS: 3000, db: { password: 'hunter2-prod' } },
    });
    api.helmRelease({
      namespace: 'payments',
      name: 'payment-service',
      revision: 2,
      status: 'deployed',
      time: '2026-04-10T07:59:58Z',
      chart: 'payment-service',
      chartVersion: '1.8.2',
      config: { PAYMENT_GATEWAY_TIMEOUT_MS: 5000, db: { password: 'hunter2-prod' } },
      driver: 'configmap',
    });
    const config = { kubeconfig, context: 'prod', namespace: 'payments' };
    const without = await readKubernetes('/', 'production', config, { history: { enabled: true, helm: false, known: () => true } });
    expect(without.history!.releases).toEqual([]);
    expect(api.requests.some((r) => r.query.labelSelector === 'owner=helm')).toBe(false);
    // A release record is Helm's bookkeeping: never a live value, never an object of the inventory.
    expect(without.values.has('release')).toBe(false);
    expect(without.objects!.some((o) => o.name.startsWith('sh.helm.release'))).toBe(false);

    api.requests.length = 0;
    const known = new Set(['PAYMENT_GATEWAY_TIMEOUT_MS']);
    const state = await readKubernetes('/', 'production', config, { history: { enabled: true, helm: true, known: (k) => known.has(k) } });
    expect(state.status).toBe('ok');
    expect(state.history!.releases.map((r) => [r.revision, r.status, r.time, r.chartVersion, r.object])).toEqual([
      [1, 'superseded', '2026-03-02T09:14:02Z', '1.8.1', 'Secret/sh.helm.release.v1.payment-service.v1'],
      [2, 'deployed', '2026-04-10T07:59:58Z', '1.8.2', 'ConfigMap/sh.helm.release.v1.payment-service.v2'],
    ]);
    expect(state.history!.releases[1]!.values.PAYMENT_GATEWAY_TIMEOUT_MS).toBe('5000');
    expect(state.history!.releases[0]!.values['db.password']).toMatch(/^secret:[0-9a-f]{12} \(12 bytes\)$/);
    expect(JSON.stringify(state)).not.toContain('hunter2');
    // The Secrets are listed by label and type, the ConfigMaps by label: no other Secret crosses the wire for this.
    const secretLists = api.requests.filter((r) => r.path.endsWith('/secrets') && r.query.labelSelector === 'owner=helm');
    expect(secretLists.map((r) => r.query.fieldSelector)).toEqual(['type=helm.sh/release.v1']);
    expect(api.requests.some((r) => r.path.endsWith('/configmaps') && r.query.labelSelector === 'owner=helm')).toBe(true);
  });

  it('a history list that is refused (403) is a note, and the source stays read', async () => {
    const { api, kubeconfig } = await startCluster();
    rolloutStory(api);
    api.forbid('list', 'events');
    api.forbid('list', 'secrets');
    const state = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments', inventory: false },
      { history: { enabled: true, helm: true, known: () => true } },
    );
    expect(state.status).toBe('ok');
    expect(state.history!.revisions).toHaveLength(4);
    expect(state.history!.notes).toEqual([
      expect.stringMatching(/^Events not read: forbidden \(403\): not allowed to list events\.events\.k8s\.io in namespace "payments"/),
      expect.stringMatching(/^Helm release records \(Secrets\) not read: forbidden \(403\): not allowed to list secrets in namespace "payments"/),
    ]);
  });

  it('an Events list stopped at the paging limit is a note: the compared state stays read', async () => {
    const { api, kubeconfig } = await startCluster();
    rolloutStory(api);
    let pages = 0;
    // A server (or proxy) that never stops paging Events, one new Event per page.
    api.intercept = (request, res) => {
      if (request.path !== '/apis/events.k8s.io/v1/namespaces/payments/events') return false;
      pages++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'EventList',
          apiVersion: 'events.k8s.io/v1',
          metadata: { continue: `page-${pages}` },
          items: [
            {
              metadata: { name: `payment-service.${pages}`, namespace: 'payments' },
              eventTime: '2026-05-02T07:00:01.000000Z',
              reason: 'ScalingReplicaSet',
              note: `Scaled up replica set payment-service-${pages} to 1`,
              regarding: { kind: 'Deployment', name: 'payment-service', namespace: 'payments' },
              type: 'Normal',
            },
          ],
        }),
      );
      return true;
    };
    const state = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments' },
      { history: { enabled: true, helm: false, known: () => true } },
    );
    expect(pages).toBe(MAX_LIST_PAGES);
    expect(state.status).toBe('ok');
    expect(state.reason).toBeUndefined();
    expect(state.history!.notes).toEqual([expect.stringMatching(/^list events\.events\.k8s\.io: the API server kept paging \(continue\) past 200 pages/)]);
    // What was read before the stop is kept.
    expect(state.history!.events.length).toBeGreaterThan(0);
  });

  it('falls back to core/v1 Events where events.k8s.io/v1 is not served', async () => {
    const { api, kubeconfig } = await startCluster();
    rolloutStory(api);
    api.intercept = (request, res) => {
      if (!request.path.startsWith('/apis/events.k8s.io/')) return false;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'NotFound',
          code: 404,
          message: 'the server could not find the requested resource',
        }),
      );
      return true;
    };
    const state = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments' },
      { history: { enabled: true, helm: false, known: () => true } },
    );
    expect(state.history!.notes).toEqual([]);
    expect(state.history!.events.filter((e) => e.reason === 'ScalingReplicaSet').length).toBeGreaterThanOrEqual(4);
    expect(api.requests.some((r) => r.path === '/api/v1/namespaces/payments/events')).toBe(true);
  });

  it('a snapshot of the same objects (kubectl get … -o yaml) gives the same history', async () => {
    const { api, kubeconfig } = await startCluster();
    rolloutStory(api);
    api.helmRelease({
      namespace: 'payments',
      name: 'payment-service',
      revision: 1,
      status: 'deployed',
      time: '2026-03-02T09:14:02Z',
      chart: 'payment-service',
      chartVersion: '1.8.1',
      config: { PAYMENT_GATEWAY_TIMEOUT_MS: 3000 },
    });
    const history = { enabled: true, helm: true, known: () => true };
    const live = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', namespace: 'payments' }, { history });
    // What `kubectl get deploy,rs,events,configmaps,secrets -o json` prints: each LIST's items.
    const items: unknown[] = [];
    for (const path of [
      '/apis/apps/v1/namespaces/payments/deployments',
      '/apis/apps/v1/namespaces/payments/replicasets',
      '/api/v1/namespaces/payments/events',
      '/api/v1/namespaces/payments/configmaps',
      '/api/v1/namespaces/payments/secrets',
      '/api/v1/namespaces/payments/pods',
    ]) {
      const list = (await (await fetch(`${api.url}${path}`, { headers: { authorization: 'Bearer token' } })).json()) as { items: Obj[]; kind: string };
      const kind = list.kind.replace(/List$/, '');
      items.push(...list.items.map((item) => ({ apiVersion: 'v1', kind, ...item })));
    }
    const dir = await tempDir();
    await mkdir(`${dir}/live`);
    await writeFile(`${dir}/live/production.json`, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    const snapshot = await readSnapshot(dir, 'production', { path: 'live/production.json' }, history);
    expect(snapshot.status).toBe('ok');
    expect(snapshot.history).toEqual(live.history);
    expect(snapshot.history!.revisions).toHaveLength(4);
    expect(snapshot.history!.releases).toHaveLength(1);
  });

  it('decodes a release record whatever layers of base64 it carries, and refuses what is not one', () => {
    const json = { name: 'x', version: 3 };
    const helm = gzipSync(Buffer.from(JSON.stringify(json))).toString('base64');
    expect(decodeRelease(helm)).toEqual(json); // a ConfigMap's data
    expect(decodeRelease(Buffer.from(helm).toString('base64'))).toEqual(json); // a Secret's data as the API returns it
    expect(decodeRelease(Buffer.from(JSON.stringify(json)).toString('base64'))).toEqual(json); // a record from before Helm compressed them
    expect(() => decodeRelease(Buffer.from('not a release').toString('base64'))).toThrow();
  });
});

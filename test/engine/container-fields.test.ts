import { beforeAll, describe, expect, it } from 'vitest';
import type { Scan } from '../../src/engine.js';
import { editText, verifyEdit } from '../../src/actions/edit.js';
import { quantityValue, sameQuantity } from '../../src/compare/quantity.js';
import { startCluster } from '../support/cluster.js';
import { repoWithFiles } from '../support/repo.js';
import { scanLive } from '../support/two-contexts.js';

// A repository of plain manifests against the cluster (the real client-node over real HTTP): a
// container's fields beyond env and image — resources, ports, probes, envFrom — are compared where
// the manifest declares them. `kubectl set resources` during an incident is the classic hand edit.

const cronJob = (suspend: boolean) =>
  [
    '---',
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: {name: reconcile}',
    'spec:',
    '  schedule: "0 3 * * *"',
    `  suspend: ${suspend}`,
    '  jobTemplate:',
    '    spec:',
    '      backoffLimit: 2',
    '      template:',
    '        spec:',
    '          restartPolicy: Never',
    '          containers: [{name: job, image: registry.example/api:1.0}]',
    '',
  ].join('\n');

const manifest = (grace: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: api}',
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata: {labels: {app: api}}',
    '    spec:',
    `      terminationGracePeriodSeconds: ${grace}`,
    '      containers:',
    '        - name: app',
    '          image: registry.example/api:1.0',
    '          envFrom: [{configMapRef: {name: api-config}}]',
    '          ports: [{name: http, containerPort: 8080}]',
    '          readinessProbe: {httpGet: {path: /healthz, port: 8080}}',
    '          resources:',
    '            requests: {cpu: 0.5, memory: 1024Mi}',
    '            limits: {cpu: 1000m, memory: 1Gi}',
    '',
  ].join('\n');

describe("a workload's settings and its containers' fields beyond env and image, live", () => {
  let scan: Scan;
  beforeAll(async () => {
    const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    // Stored as the API server stores what the manifest asked for: quantities in canonical form
    // (0.5 → 500m, 1024Mi → 1Gi, 1000m → 1), defaults filled in (imagePullPolicy, protocol).
    api.create(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'api', namespace: 'payments' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'api' } },
          template: {
            metadata: { labels: { app: 'api' } },
            spec: {
              terminationGracePeriodSeconds: 60,
              dnsPolicy: 'ClusterFirst',
              containers: [
                {
                  name: 'app',
                  image: 'registry.example/api:1.0',
                  imagePullPolicy: 'IfNotPresent',
                  terminationMessagePath: '/dev/termination-log',
                  envFrom: [{ configMapRef: { name: 'api-config' } }],
                  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
                  readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
                  resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
                },
              ],
            },
          },
        },
      },
      { manager: 'kubectl-client-side-apply', time: '2026-11-02T09:00:00Z' },
    );
    const job = { name: 'job', image: 'registry.example/api:1.0' };
    api.create(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'reconcile', namespace: 'payments' },
        spec: {
          schedule: '0 3 * * *',
          suspend: false,
          concurrencyPolicy: 'Allow',
          jobTemplate: { spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never', containers: [job] } } } },
        },
      },
      { manager: 'kubectl-client-side-apply', time: '2026-11-02T09:00:00Z' },
    );
    api.update('CronJob', 'payments', 'reconcile', (c) => Object.assign(c.spec as object, { suspend: true }), {
      manager: 'kubectl-patch',
      time: '2026-11-21T08:00:00Z',
    });
    // The incident: memory limit raised by hand, the probe path changed.
    api.update(
      'Deployment',
      'payments',
      'api',
      (d) => {
        type Container = { resources: { limits: { memory: string } }; readinessProbe: { httpGet: { path: string } } };
        const container = (d.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0]!;
        container.resources.limits.memory = '2Gi';
        container.readinessProbe.httpGet.path = '/ready';
      },
      { manager: 'kubectl-set', time: '2026-11-20T02:14:00Z' },
    );
    const repo = await repoWithFiles({
      'k8s/production.yaml': manifest(60) + cronJob(false),
      'k8s/staging.yaml': manifest(30) + cronJob(false),
      'undrift.yaml':
        'environments:\n  staging: {files: k8s/staging.yaml, format: manifests}\n' +
        '  production: {files: k8s/production.yaml, format: manifests, live: {kubernetes: {context: prod}}}\npromotion: [staging, production]\n',
    });
    scan = await scanLive(repo, kubeconfig, '2026-12-03');
  });

  it('a hand-raised memory limit and a changed probe are live drift, named by who made them; canonical quantities and server defaults are not', () => {
    expect(scan.divergences.map((d) => [d.kind, d.key, d.envs.join(',')]).sort()).toEqual([
      ['cross-env', 'Deployment/api.pod.terminationGracePeriodSeconds', 'staging,production'],
      ['live-drift', 'CronJob/reconcile.suspend', 'production'],
      ['live-drift', 'Deployment/api.containers[name=app].readinessProbe.httpGet.path', 'production'],
      ['live-drift', 'Deployment/api.containers[name=app].resources.limits.memory', 'production'],
    ]);
    expect(scan.divergences.find((d) => d.key === 'CronJob/reconcile.suspend')!.provenance?.production).toMatchObject({ manager: 'kubectl-patch' });
    const memory = scan.divergences.find((d) => d.key.endsWith('limits.memory'))!;
    expect(memory.values.production).toMatchObject({ repo: '1Gi', live: '2Gi' });
    expect(memory.provenance?.production).toMatchObject({ manager: 'kubectl-set', time: '2026-11-20T02:14:00Z' });
    // envFrom, ports and the probe's port meet their live fields: no "no live counterpart" warning.
    expect(scan.warnings.filter((w) => /no live counterpart/.test(w))).toEqual([]);
  });

  it("a pod setting is edited where the manifest writes it (apply's key → path mapping)", async () => {
    const text = manifest(30) + cronJob(false);
    const key = (k: string) => k;
    expect(editText(text, 'k8s/staging.yaml', 'manifests', key('Deployment/api.pod.terminationGracePeriodSeconds'), { text: '60', type: 'number' })).toBe(
      manifest(60) + cronJob(false),
    );
    expect(editText(text, 'k8s/staging.yaml', 'manifests', 'CronJob/reconcile.suspend', { text: 'true', type: 'boolean' })).toBe(manifest(30) + cronJob(true));
    expect(editText(text, 'k8s/staging.yaml', 'manifests', 'CronJob/reconcile.job.backoffLimit', { text: '5', type: 'number' })).toBe(
      manifest(30) + cronJob(false).replace('backoffLimit: 2', 'backoffLimit: 5'),
    );
    await verifyEdit(text, manifest(60) + cronJob(false), 'k8s/staging.yaml', 'manifests', 'Deployment/api.pod.terminationGracePeriodSeconds', {
      text: '60',
      type: 'number',
    });
  });

  it('reads Kubernetes quantities', () => {
    expect([quantityValue('500m'), quantityValue('0.5'), quantityValue('1Gi'), quantityValue('1024Mi'), quantityValue('1e3'), quantityValue('1k')]).toEqual([
      0.5,
      0.5,
      2 ** 30,
      2 ** 30,
      1000,
      1000,
    ]);
    expect(quantityValue('1 Gi')).toBeUndefined();
    expect(quantityValue('fast')).toBeUndefined();
    // Only a resource's request or limit is a quantity: a ConfigMap's "1Gi" is text the app reads.
    expect(sameQuantity('resources.limits.memory', '1024Mi', '1Gi')).toBe(true);
    expect(sameQuantity('Deployment/a.containers[name=x].resources.requests.cpu', '0.1', '100m')).toBe(true);
    expect(sameQuantity('resources.limits.memory', '1000Mi', '1Gi')).toBe(false);
    expect(sameQuantity('ConfigMap/c.data.CACHE_SIZE', '1024Mi', '1Gi')).toBe(false);
  });
});

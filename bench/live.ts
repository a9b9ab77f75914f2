// Benchmark of the live reader: a fake API server holding 3 namespaces × 2,000 objects of mixed
// kinds each; every environment reads its namespace through the real client-node.
//
//   npm run bench:live
//
// Prints the number of HTTP requests (it must be one LIST per kind per namespace, plus pages),
// each kind's count against the one the reader's rules give (computed here from the objects
// served, not from the requests seen), and the load time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLive } from '../src/sources/live/index.js';
import { FakeKubeApi } from '../test/support/fake-kube-api.js';

const NAMESPACES = ['dev', 'staging', 'production'];
// 2,000 objects per namespace, of mixed kinds (a real namespace is not all ConfigMaps).
const MIX: Record<string, number> = {
  ConfigMap: 700,
  Secret: 300,
  Service: 250,
  Deployment: 200,
  StatefulSet: 30,
  DaemonSet: 20,
  ServiceAccount: 150,
  Role: 100,
  RoleBinding: 100,
  CronJob: 100,
  Job: 50,
};
const API_VERSION: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  CronJob: 'batch/v1',
  Job: 'batch/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
};
const PER_NAMESPACE = Object.values(MIX).reduce((a, b) => a + b, 0);

const api = new FakeKubeApi();
await api.start();
const built = performance.now();
const podSpec = (i: number) => ({
  containers: [{ name: 'app', image: `registry.example/svc-${i}:1.0.${i % 7}`, env: [{ name: `SVC_${i}_MODE`, value: 'on' }] }],
});
for (const namespace of NAMESPACES) {
  for (const [kind, count] of Object.entries(MIX)) {
    for (let i = 0; i < count; i++) {
      const name = `${kind.toLowerCase()}-${i}`;
      const base = { apiVersion: API_VERSION[kind] ?? 'v1', kind, metadata: { name, namespace, labels: { app: name } } };
      const body: Record<string, unknown> =
        kind === 'ConfigMap'
          ? { data: { [`KEY_${i}`]: `${namespace}-${i}`, [`SHARED_${i % 50}`]: String(i) } }
          : kind === 'Secret'
            ? { type: 'Opaque', data: { token: Buffer.from(`${namespace}-${i}`).toString('base64') } }
            : kind === 'Service'
              ? { spec: { selector: { app: name }, ports: [{ port: 80 }] } }
              : kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet'
                ? {
                    spec: {
                      ...(kind === 'DaemonSet' ? {} : { replicas: 2 }),
                      selector: { matchLabels: { app: name } },
                      template: { metadata: { labels: { app: name } }, spec: podSpec(i) },
                    },
                  }
                : kind === 'CronJob'
                  ? { spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { ...podSpec(i), restartPolicy: 'Never' } } } } } }
                  : kind === 'Job'
                    ? { spec: { template: { spec: { ...podSpec(i), restartPolicy: 'Never' } } } }
                    : kind === 'Role'
                      ? { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] }
                      : kind === 'RoleBinding'
                        ? {
                            roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `role-${i}` },
                            subjects: [{ kind: 'ServiceAccount', name: `serviceaccount-${i}` }],
                          }
                        : {};
      api.create({ ...base, ...body }, { manager: 'helm' });
    }
  }
}
console.log(
  `fake API server: ${NAMESPACES.length} namespaces × ${PER_NAMESPACE} objects (${Object.entries(MIX)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')}), built in ${((performance.now() - built) / 1000).toFixed(1)} s`,
);

const dir = mkdtempSync(path.join(tmpdir(), 'undrift-bench-live-'));
const kubeconfig = path.join(dir, 'kubeconfig');
writeFileSync(kubeconfig, api.kubeconfig(NAMESPACES.map((name) => ({ name, namespace: name }))));
api.requests.length = 0;
const start = performance.now();
const states = await readLive(
  '/',
  NAMESPACES.map((name) => ({ name, files: [], format: 'auto' as const, live: { kubernetes: { kubeconfig, context: name } } })),
);
const ms = performance.now() - start;
const byResource = new Map<string, number>();
for (const r of api.requests) {
  const resource = r.path.split('/').at(-1)!;
  byResource.set(resource, (byResource.get(resource) ?? 0) + 1);
}
for (const [env, state] of states)
  console.log(`  ${env}: ${state.status}, ${state.values.size} keys, ${state.artifacts.length} images${state.reason ? ` (${state.reason})` : ''}`);
console.log(`HTTP requests: ${api.requests.length} (${[...byResource].map(([r, n]) => `${r} ${n}`).join(', ')})`);
// What the reader must ask, per namespace, by its own rules (README, "Live state"): one LIST per
// inventoried kind, in pages of 500; pods when a workload other than a CronJob runs; the live
// history — ReplicaSets when Deployments run, ControllerRevisions when StatefulSets or DaemonSets
// do, Events when any workload does. The fake API server makes one ReplicaSet (and one
// ScalingReplicaSet Event) per Deployment and one ControllerRevision per StatefulSet/DaemonSet,
// as the controllers do on a first rollout. Never a GET per object.
const pages = (n: number) => Math.max(1, Math.ceil(n / 500));
const n = (kind: string) => MIX[kind] ?? 0;
const RESOURCE: Record<string, string> = {
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Service: 'services',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  CronJob: 'cronjobs',
  Job: 'jobs',
  Ingress: 'ingresses',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  PodDisruptionBudget: 'poddisruptionbudgets',
  NetworkPolicy: 'networkpolicies',
  ResourceQuota: 'resourcequotas',
  LimitRange: 'limitranges',
  ServiceAccount: 'serviceaccounts',
  Role: 'roles',
  RoleBinding: 'rolebindings',
};
const expected = new Map<string, number>(Object.entries(RESOURCE).map(([kind, resource]) => [resource, pages(n(kind))]));
const workloads = n('Deployment') + n('StatefulSet') + n('DaemonSet') + n('CronJob');
if (n('Deployment') + n('StatefulSet') + n('DaemonSet') > 0) expected.set('pods', 1);
if (n('Deployment') > 0) expected.set('replicasets', pages(n('Deployment')));
if (n('StatefulSet') + n('DaemonSet') > 0) expected.set('controllerrevisions', pages(n('StatefulSet') + n('DaemonSet')));
if (workloads > 0) expected.set('events', pages(n('Deployment')));
const expectedTotal = NAMESPACES.length * [...expected.values()].reduce((a, b) => a + b, 0);
const off = [...new Set([...expected.keys(), ...byResource.keys()])].filter((r) => (byResource.get(r) ?? 0) !== (expected.get(r) ?? 0) * NAMESPACES.length);
const history = ['replicasets', 'controllerrevisions', 'events'].filter((r) => expected.has(r));
const differs = off.map((r) => `${r} (${byResource.get(r) ?? 0}, expected ${(expected.get(r) ?? 0) * NAMESPACES.length})`).join(', ');
console.log(
  `  expected: per namespace ${expected.size} LISTs (${expected.size - history.length} kinds read for config and ` +
    `inventory, ${history.length} for live history: ${history.join(', ')}), ${[...expected.values()].reduce((a, b) => a + b, 0)} ` +
    `requests with pages of 500 = ${expectedTotal}; ${off.length === 0 ? 'every kind as expected' : `differs for ${differs}`}`,
);
console.log(`load time for all ${NAMESPACES.length} environments (read concurrently): ${(ms / 1000).toFixed(2)} s`);
await api.stop();
rmSync(dir, { recursive: true, force: true });

// Benchmark of the live reader: a fake API server holding 3 namespaces × 2,000 ConfigMaps and
// 500 Deployments each; every environment reads its namespace through the real client-node.
//
//   npm run bench:live
//
// Prints the number of HTTP requests (it must be one LIST per kind per namespace, plus pages)
// and the load time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLive } from '../src/sources/live/index.js';
import { FakeKubeApi } from '../test/support/fake-kube-api.js';

const NAMESPACES = ['dev', 'staging', 'production'];
const CONFIGMAPS = 2000;
const DEPLOYMENTS = 500;

const api = new FakeKubeApi();
await api.start();
const built = performance.now();
for (const namespace of NAMESPACES) {
  for (let i = 0; i < CONFIGMAPS; i++) {
    api.create(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `config-${i}`, namespace },
        data: { [`KEY_${i}`]: `${namespace}-${i}`, [`SHARED_${i % 50}`]: String(i) },
      },
      { manager: 'helm' },
    );
  }
  for (let i = 0; i < DEPLOYMENTS; i++) {
    api.create(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `svc-${i}`, namespace },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: `svc-${i}` } },
          template: {
            metadata: { labels: { app: `svc-${i}` } },
            spec: { containers: [{ name: 'app', image: `registry.example/svc-${i}:1.0.${i % 7}`, env: [{ name: `SVC_${i}_MODE`, value: 'on' }] }] },
          },
        },
      },
      { manager: 'helm' },
    );
  }
}
console.log(
  `fake API server: ${NAMESPACES.length} namespaces × ${CONFIGMAPS} ConfigMaps and ${DEPLOYMENTS} Deployments, built in ${((performance.now() - built) / 1000).toFixed(1)} s`,
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
console.log(
  `  expected: per namespace one LIST each of configmaps (${Math.ceil(CONFIGMAPS / 500)} pages of 500), deployments (1 page), statefulsets, daemonsets, cronjobs, pods = ${NAMESPACES.length * (Math.ceil(CONFIGMAPS / 500) + 5)}`,
);
console.log(`load time for all ${NAMESPACES.length} environments (read concurrently): ${(ms / 1000).toFixed(2)} s`);
await api.stop();
rmSync(dir, { recursive: true, force: true });

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FakeKubeApi } from './fake-kube-api.js';
import { atFileEnd } from './file-end.js';
import { tempDir } from './repo.js';

/** A started fake API server and a kubeconfig file pointing at it. */
export async function startCluster(options: { token?: string; contexts?: Array<{ name: string; namespace?: string; token?: string }> } = {}) {
  const api = new FakeKubeApi(options.token ? { token: options.token } : {});
  await api.start();
  atFileEnd(() => api.stop());
  const dir = await tempDir('undrift-kube-');
  const kubeconfig = path.join(dir, 'kubeconfig');
  await writeFile(kubeconfig, api.kubeconfig(options.contexts ?? [{ name: 'prod', namespace: 'payments' }]));
  return { api, kubeconfig };
}

/** The payment-service objects as Helm 3 installs them. */
export function helmInstall(
  api: FakeKubeApi,
  namespace: string,
  data: Record<string, string>,
  options: { image?: string; digest?: string; time?: string } = {},
) {
  const labels = { 'app.kubernetes.io/name': 'payment-service', 'app.kubernetes.io/managed-by': 'Helm' };
  const time = options.time ?? '2026-03-02T09:14:07Z';
  api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'payment-config', namespace, labels }, data }, { manager: 'helm', time });
  const image = options.image ?? 'registry.example/payment-service:1.8.2';
  api.create(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'payment-service', namespace, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'payment-service' } },
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'payment-service' } },
          spec: {
            containers: [{ name: 'app', image, envFrom: [{ configMapRef: { name: 'payment-config' } }], env: [{ name: 'REGION', value: 'eu-west-1' }] }],
          },
        },
      },
    },
    { manager: 'helm', time },
  );
  api.create(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'payment-service-7c9d5-x2k9p', namespace, labels: { 'app.kubernetes.io/name': 'payment-service' } },
      spec: { containers: [{ name: 'app', image }] },
      status: { containerStatuses: [{ name: 'app', image, imageID: `registry.example/payment-service@${options.digest ?? `sha256:${'a'.repeat(64)}`}` }] },
    },
    { manager: 'kubelet', time },
  );
}

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FakeKubeApi } from './fake-kube-api.js';
import { atFileEnd } from './file-end.js';
import { repoWithFiles, tempDir } from './repo.js';

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

/** A cluster a pull request's undrift.yaml could point at: the payment service Helm installed in
 * payments (context prod), and in kube-system (context ops, from the same kubeconfig) a ConfigMap
 * holding a credential no pull request may have printed in a job's log. */
export async function prodAndOpsCluster() {
  const { api, kubeconfig } = await startCluster({
    contexts: [
      { name: 'prod', namespace: 'payments' },
      { name: 'ops', namespace: 'kube-system' },
    ],
  });
  helmInstall(api, 'payments', { TIMEOUT: '3000' });
  api.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cluster-config', namespace: 'kube-system' },
    data: { ADMIN_URL: 'https://admin:leak-5c1e@ops' },
  });
  return { api, kubeconfig };
}

/** Production's files and its cluster as a hand edit finds them: the cluster (context prod, namespace
 * payments) runs the payment service Helm installed with `data` (at `installed`), and a repository
 * whose staging and production files both hold `data`, production reading that cluster. `handEdit`
 * writes ConfigMap keys as a person does with `kubectl edit` at `time`. */
export async function productionWithCluster(data: Record<string, string>, installed?: string) {
  const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
  helmInstall(api, 'payments', data, installed ? { time: installed } : {});
  const handEdit = (values: Record<string, string>, time: string) =>
    api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, values), { manager: 'kubectl-edit', time });
  const text = Object.entries(data)
    .map(([key, value]) => `${key}: ${value}\n`)
    .join('');
  const repo = await repoWithFiles({
    'undrift.yaml':
      'environments:\n  staging: config/staging.yaml\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod}}\npromotion: [staging, production]\n',
    'config/staging.yaml': text,
    'config/production.yaml': text,
  });
  return { api, kubeconfig, repo, env: { KUBECONFIG: kubeconfig }, handEdit };
}

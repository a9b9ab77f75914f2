import { startCluster } from './cluster.js';
import { repoWithFiles } from './repo.js';

const KEY = 'Secret/db.data.DB_PASSWORD';
/** The Secret values below: never to be found in anything undrift prints or writes. */
export const ROTATED_VALUES = { repo: 'staging-pass-K4', rotated: 'staging-rotated-R8', production: 'prod-pass-Z9' };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const secret = (value: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {DB_PASSWORD: ${b64(value)}}\n`;

/** staging's DB_PASSWORD rotated by hand in the cluster (kubectl-edit), its file still the old one;
 * production as its file says. Both read through the Kubernetes API. */
export async function rotatedInStaging() {
  const { api, kubeconfig } = await startCluster({
    contexts: [
      { name: 'staging', namespace: 'pay-staging' },
      { name: 'prod', namespace: 'payments' },
    ],
  });
  for (const [ns, value] of [
    ['pay-staging', ROTATED_VALUES.repo],
    ['payments', ROTATED_VALUES.production],
  ] as const)
    api.create(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: ns }, data: { DB_PASSWORD: b64(value) } },
      { manager: 'helm', time: '2026-10-01T09:00:00Z' },
    );
  api.update('Secret', 'pay-staging', 'db', (s) => Object.assign(s.data as object, { DB_PASSWORD: b64(ROTATED_VALUES.rotated) }), {
    manager: 'kubectl-edit',
    time: '2026-11-21T10:00:00Z',
  });
  const repo = await repoWithFiles({
    'undrift.yaml': [
      'environments:',
      '  staging: {files: [k8s/staging/secret.yaml], live: {kubernetes: {context: staging, secrets: [db]}}}',
      '  production: {files: [k8s/production/secret.yaml], live: {kubernetes: {context: prod, secrets: [db]}}}',
      'promotion: [staging, production]',
      '',
    ].join('\n'),
    'config/expected-env-diff.yaml': `expected_differences:\n  ${KEY}: {staging: any, production: any}\n`,
    'k8s/staging/secret.yaml': secret(ROTATED_VALUES.repo),
    'k8s/production/secret.yaml': secret(ROTATED_VALUES.production),
  });
  return { repo, env: { KUBECONFIG: kubeconfig } };
}

import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { repoWithFiles, runUndrift } from '../support/repo.js';

// A declared image (a chart's image.tag, a manifest's container image) is compared with the image
// its workload runs, not with a live config value: explain's values must say what runs, as the
// divergence, the report and the JSON do, and the scan must not call the key unpaired.
async function cluster() {
  const { api, kubeconfig } = await startCluster({
    contexts: [
      { name: 'prod', namespace: 'payments' },
      { name: 'stg', namespace: 'payments-stg' },
    ],
  });
  helmInstall(api, 'payments-stg', { TIMEOUT_MS: '3000' }, { image: 'registry.example/payment-service:1.8.2' });
  helmInstall(api, 'payments', { TIMEOUT_MS: '3000' }, { image: 'registry.example/payment-service:1.8.2' });
  api.update(
    'Deployment',
    'payments',
    'payment-service',
    (d) => {
      (d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image =
        'registry.example/payment-service:1.8.3-hotfix';
    },
    { manager: 'kubectl-set', time: '2026-11-20T03:30:00Z' },
  );
  return { KUBECONFIG: kubeconfig };
}

const config =
  'environments:\n' +
  '  staging:\n    files: [config/staging.yaml]\n    live: {kubernetes: {context: stg}}\n' +
  '  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod}}\n' +
  'promotion: [staging, production]\n';
const values = 'TIMEOUT_MS: 3000\nimage:\n  repository: registry.example/payment-service\n  tag: 1.8.2\n';

describe("explain: a declared image's live value", () => {
  it("a chart's image.tag shows the tag that runs in each environment, and the scan does not list it as unpaired", async () => {
    const env = await cluster();
    const repo = await repoWithFiles({ 'undrift.yaml': config, 'config/staging.yaml': values, 'config/production.yaml': values });
    const explained = await runUndrift(['explain', 'image.tag', '--today', '2026-12-05'], { cwd: repo, env });
    expect(explained.exitCode).toBe(0);
    const lines = explained.stdout.split('\n');
    const after = (env: string) => lines[lines.findIndex((l) => l.startsWith(`  ${env} `)) + 1]!;
    expect(after('staging')).toMatch(
      /^ += live 1\.8\.2  kubernetes stg\/payments-stg Deployment\/payment-service \.spec\.template\.spec\.containers\[name=app\]\.image · written by helm/,
    );
    expect(after('production')).toMatch(
      new RegExp(
        String.raw`^ +≠ live 1\.8\.3-hotfix  kubernetes prod/payments Deployment/payment-service \.spec\.template\.spec\.containers\[name=app\]\.image` +
          String.raw` · written by kubectl-set \(by hand, Update\) at 2026-11-20T03:30:00Z$`,
      ),
    );
    expect(explained.stdout).not.toContain('live absent');
    expect(explained.stdout).not.toContain('no counterpart');
    const json = JSON.parse((await runUndrift(['explain', 'image.tag', '--json', '--today', '2026-12-05'], { cwd: repo, env })).stdout) as {
      values: Record<string, { live?: string | null }>;
    };
    expect(json.values.production!.live).toBe('1.8.3-hotfix');
    expect(json.values.staging!.live).toBe('1.8.2');
    const scan = await runUndrift(['scan', '--today', '2026-12-05'], { cwd: repo, env });
    expect(scan.stdout).toMatch(/~ live-drift +image\.tag +1\.8\.2 +1\.8\.2 ≠ 1\.8\.3…tfix live/);
    expect(scan.stderr + scan.stdout).not.toMatch(/no live counterpart/);
  });

  it("a manifest's container image shows the image that runs", async () => {
    const env = await cluster();
    const manifest = (image: string) =>
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payment-service\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n' +
      `        - name: app\n          image: ${image}\n`;
    const repo = await repoWithFiles({
      'undrift.yaml': config.replaceAll('config/staging.yaml', 'k8s/staging/deploy.yaml').replaceAll('config/production.yaml', 'k8s/production/deploy.yaml'),
      'k8s/staging/deploy.yaml': manifest('registry.example/payment-service:1.8.2'),
      'k8s/production/deploy.yaml': manifest('registry.example/payment-service:1.8.2'),
    });
    const key = 'Deployment/payment-service.containers[name=app].image';
    const explained = await runUndrift(['explain', key, '--today', '2026-12-05'], { cwd: repo, env });
    expect(explained.exitCode).toBe(0);
    expect(explained.stdout).toMatch(/≠ live registry\.example\/payment-service:1\.8\.3-hotfix +kubernetes prod\/payments Deployment\/payment-service/);
    expect(explained.stdout).not.toContain('live absent');
  });
});

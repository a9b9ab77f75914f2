import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { runCli } from '../support/cli.js';
import { canBuildKustomize } from '../support/programs.js';
import { repoWithFiles } from '../support/repo.js';

async function setup() {
  const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
  helmInstall(api, 'payments', { TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' });
  api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { TIMEOUT_MS: '10000' }), {
    manager: 'kubectl-edit',
    time: '2026-07-14T00:10:00Z',
  });
  api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'payments' }, stringData: { PASSWORD: 'live-only-pass' } });
  const repo = await repoWithFiles({
    'undrift.yaml':
      'environments:\n  staging: config/staging.yaml\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod, secrets: [db]}}\npromotion: [staging, production]\n',
    'config/staging.yaml': 'TIMEOUT_MS: 3000\nLOG_LEVEL: warn\nREGION: eu-west-1\nreplicas: 2\n',
    'config/production.yaml': 'TIMEOUT_MS: 3000\nLOG_LEVEL: warn\nREGION: eu-west-1\nreplicas: 2\n',
  });
  await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
  return { api, kubeconfig, repo, env: { KUBECONFIG: kubeconfig } };
}

const patches = (api: Awaited<ReturnType<typeof setup>>['api']) => api.requests.filter((r) => r.method === 'PATCH');

describe('live revert (Kubernetes)', () => {
  it('dry-runs on the server, shows the change, and patches with the resourceVersion as precondition once confirmed by name', async () => {
    const { api, repo, env } = await setup();
    const rv = String((api.get('ConfigMap', 'payments', 'payment-config')!.metadata as { resourceVersion: string }).resourceVersion);
    const result = await runCli(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      `live production: ConfigMap/payment-config in payments (context prod) .data.TIMEOUT_MS: "10000" → "3000" (server dry run passed, resourceVersion ${rv})`,
    );
    expect(result.stdout).toMatch(/live production: TIMEOUT_MS written in ConfigMap\/payment-config \(resourceVersion \d+, field manager undrift\)/);
    const [dry, real] = patches(api);
    expect(dry).toMatchObject({
      path: '/api/v1/namespaces/payments/configmaps/payment-config',
      contentType: 'application/merge-patch+json',
      query: { dryRun: 'All', fieldManager: 'undrift' },
    });
    expect(real).toMatchObject({ contentType: 'application/merge-patch+json', query: { fieldManager: 'undrift' } });
    expect(real!.query.dryRun).toBeUndefined();
    const after = api.get('ConfigMap', 'payments', 'payment-config')!;
    expect((after.data as Record<string, string>).TIMEOUT_MS).toBe('3000');
    const managers = (after.metadata as { managedFields: Array<{ manager: string; fieldsV1: Record<string, unknown> }> }).managedFields;
    expect(managers.find((m) => m.manager === 'undrift')!.fieldsV1).toEqual({ 'f:data': { 'f:TIMEOUT_MS': {} } });
    // No repo branch: a live revert changes only the cluster, and the ledger records it.
    expect(result.stdout).not.toContain('branch ');
    const log = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout) as { decisions: Array<Record<string, unknown>> };
    expect(log.decisions).toHaveLength(1);
    expect(log.decisions[0]).toMatchObject({
      kind: 'live',
      status: 'live applied',
      keys: ['TIMEOUT_MS'],
      envs: ['production'],
      actions: ['revert'],
      ref: 'refs/undrift/ledger',
      live: { object: 'ConfigMap/payment-config in payments (context prod)', field: '.data.TIMEOUT_MS', before: '10000', after: '3000' },
    });
    expect((await runCli(['log', '--status', 'live'], { cwd: repo })).stdout).toMatch(
      new RegExp(
        String.raw`^\d{4}-\d{2}-\d{2} {2}[0-9a-f]{7} {2}live {6}revert {4}production {3}TIMEOUT_MS {2}` +
          String.raw`\(live applied: ConfigMap\/payment-config in payments \(context prod\) \.data\.TIMEOUT_MS "10000" → "3000";`,
      ),
    );
    // Applying it again: the cluster runs the repo's value now.
    const again = await runCli(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe(
      'already in place (live): revert live TIMEOUT_MS (production already runs "3000" for TIMEOUT_MS)\nnothing to do: 1 decision already in place on the live objects',
    );
    expect(patches(api)).toHaveLength(2);
  });

  it('writes nothing to the last promotion stage without its name typed, nor without --live', async () => {
    const { api, repo, env } = await setup();
    const unconfirmed = await runCli(['apply', '--decisions', '../revert.yaml', '--live', '--yes'], { cwd: repo, env });
    expect(unconfirmed.exitCode).toBe(1);
    expect(unconfirmed.stdout).toContain('not written: production is the last promotion stage; confirm with --confirm production');
    expect(patches(api).map((r) => r.query.dryRun)).toEqual(['All']);
    const noLive = await runCli(['apply', '--decisions', '../revert.yaml'], { cwd: repo, env });
    expect(noLive.exitCode).toBe(2);
    expect(noLive.stderr).toBe('undrift: 1 decision(s) patch live objects (TIMEOUT_MS in production): pass --live to allow live writes; nothing was changed');
    expect((api.get('ConfigMap', 'payments', 'payment-config')!.data as Record<string, string>).TIMEOUT_MS).toBe('10000');
  });

  it('a 409 (the object changed meanwhile) re-reads it and asks again', async () => {
    const { api, repo, env } = await setup();
    let raced = false;
    api.onRequest = (r) => {
      if (!raced && r.method === 'PATCH' && r.query.dryRun === undefined) {
        raced = true; // someone edits the ConfigMap between our dry run and our write
        api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { LOG_LEVEL: 'error' }), {
          manager: 'kubectl-edit',
          time: '2026-11-22T09:00:00Z',
        });
      }
    };
    const result = await runCli(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/— read again after a conflict/);
    const statuses = patches(api).map((r) => (r.query.dryRun ? 'dry' : 'write'));
    expect(statuses).toEqual(['dry', 'write', 'dry', 'write']);
    const data = api.get('ConfigMap', 'payments', 'payment-config')!.data as Record<string, string>;
    expect(data).toMatchObject({ TIMEOUT_MS: '3000', LOG_LEVEL: 'error' });
  });

  it('a 403 names the missing permission; Secrets are never patched', async () => {
    const { api, repo, env } = await setup();
    api.forbid('patch', 'configmaps', 'payments');
    const forbidden = await runCli(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(forbidden.exitCode).toBe(2);
    expect(forbidden.stderr).toBe(
      'undrift: forbidden (403): not allowed to patch configmaps in namespace "payments" (configmaps is forbidden: User ' +
        '"alice" cannot patch resource "configmaps" in API group "" in the namespace "payments"): undrift needs the "patch" ' +
        'permission on configmaps in payments',
    );
    await writeFile(path.join(repo, '..', 'secret.yaml'), '- {key: PASSWORD, env: production, action: revert, target: live}\n');
    const secret = await runCli(['apply', '--decisions', '../secret.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(secret.exitCode).toBe(2);
    expect(secret.stderr).toMatch(/PASSWORD holds a Secret value: undrift never writes secrets|Secrets are never patched from the repo/);
  });
});

// A Kustomize overlay names its objects `prod-…` in the cluster; the repo compares them as the base
// names them (`ConfigMap/app-config.data.LOG_LEVEL`), so two overlays meet. A live revert must
// find and patch the object the cluster has, and say its name.
describe.skipIf(!canBuildKustomize)("live revert of a Kustomize overlay's renamed object", () => {
  it('patches prod-app-config, and names it in the preview and in what was written', async () => {
    const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    api.create(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'prod-app-config', namespace: 'payments' }, data: { LOG_LEVEL: 'info' } },
      { manager: 'kustomize-controller', time: '2026-11-01T10:00:00Z' },
    );
    api.update('ConfigMap', 'payments', 'prod-app-config', (cm) => Object.assign(cm.data as object, { LOG_LEVEL: 'debug' }), {
      manager: 'kubectl-edit',
      time: '2026-11-20T08:00:00Z',
    });
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: k8s/overlays/staging\n  production:\n    files: k8s/overlays/production\n    live: {kubernetes: {context: prod}}\npromotion: [staging, production]\n',
      'k8s/base/kustomization.yaml': 'resources: [configmap.yaml]\n',
      'k8s/base/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {LOG_LEVEL: info}\n',
      'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\nnamePrefix: staging-\n',
      'k8s/overlays/production/kustomization.yaml': 'resources: [../../base]\nnamePrefix: prod-\n',
    });
    await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: ConfigMap/app-config.data.LOG_LEVEL, env: production, action: revert, target: live}\n');
    const result = await runCli(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], {
      cwd: repo,
      env: { KUBECONFIG: kubeconfig },
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('live production: ConfigMap/prod-app-config in payments (context prod) .data.LOG_LEVEL: "debug" → "info"');
    expect(result.stdout).toMatch(/live production: ConfigMap\/app-config\.data\.LOG_LEVEL written in ConfigMap\/prod-app-config \(resourceVersion \d+/);
    expect(patches(api).map((r) => r.path)).toEqual([
      '/api/v1/namespaces/payments/configmaps/prod-app-config',
      '/api/v1/namespaces/payments/configmaps/prod-app-config',
    ]);
    expect((api.get('ConfigMap', 'payments', 'prod-app-config')!.data as Record<string, string>).LOG_LEVEL).toBe('info');
  });
});

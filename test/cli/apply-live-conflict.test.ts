import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { repoWithFiles, runUndrift } from '../support/repo.js';

// `apply --live --confirm production` confirms, before anything is read, the change it is about to
// see. A 409 means someone wrote the object in between: when they wrote the very field being
// reverted, the flags cannot be asked again, so what they wrote must not be overwritten.
async function setup() {
  const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
  helmInstall(api, 'payments', { TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' });
  api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { TIMEOUT_MS: '10000' }), {
    manager: 'kubectl-edit',
    time: '2026-07-14T00:10:00Z',
  });
  const repo = await repoWithFiles({
    'undrift.yaml':
      'environments:\n  staging: config/staging.yaml\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod}}\npromotion: [staging, production]\n',
    'config/staging.yaml': 'TIMEOUT_MS: 3000\nLOG_LEVEL: warn\n',
    'config/production.yaml': 'TIMEOUT_MS: 3000\nLOG_LEVEL: warn\n',
  });
  await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
  return { api, repo, env: { KUBECONFIG: kubeconfig } };
}

/** Someone edits the ConfigMap between undrift's dry run and its write (a 409 follows). */
function raceOnce(api: Awaited<ReturnType<typeof setup>>['api'], data: Record<string, string>) {
  let raced = false;
  api.onRequest = (r) => {
    if (!raced && r.method === 'PATCH' && r.query.dryRun === undefined) {
      raced = true;
      api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, data), {
        manager: 'kubectl-edit',
        time: '2026-11-22T09:00:00Z',
      });
    }
  };
}

const writes = (api: Awaited<ReturnType<typeof setup>>['api']) => api.requests.filter((r) => r.method === 'PATCH' && r.query.dryRun === undefined);

describe('apply --live after a conflict, confirmed by flags', () => {
  it('does not overwrite the field when someone else wrote it in between: says so, writes nothing, exits 1', async () => {
    const { api, repo, env } = await setup();
    raceOnce(api, { TIMEOUT_MS: '9000' });
    const result = await runUndrift(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('.data.TIMEOUT_MS: "9000" → "3000" (server dry run passed, resourceVersion');
    expect(result.stdout).toContain(
      '  not written: .data.TIMEOUT_MS was changed from "10000" to "9000" by someone else since it was read; run undrift apply again to decide on what runs now',
    );
    expect(result.stdout).toContain('live production: TIMEOUT_MS left as it is in ConfigMap/payment-config');
    expect(result.exitCode).toBe(1);
    expect((api.get('ConfigMap', 'payments', 'payment-config')!.data as Record<string, string>).TIMEOUT_MS).toBe('9000');
    expect(writes(api)).toHaveLength(1); // the first write, refused by the server with 409
  });

  it('still writes when the conflict was another field of the object', async () => {
    const { api, repo, env } = await setup();
    raceOnce(api, { LOG_LEVEL: 'error' });
    const result = await runUndrift(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(result.stdout).toContain('.data.TIMEOUT_MS: "10000" → "3000" (server dry run passed, resourceVersion');
    expect(result.stdout).toMatch(/— read again after a conflict/);
    expect(result.stdout).not.toContain('not written');
    expect(result.exitCode).toBe(0);
    expect(api.get('ConfigMap', 'payments', 'payment-config')!.data).toMatchObject({ TIMEOUT_MS: '3000', LOG_LEVEL: 'error' });
  });
});

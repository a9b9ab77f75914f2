import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKubernetes } from '../../src/sources/live/kubernetes.js';
import { helmInstall, startCluster } from '../support/cluster.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// The live client against a hostile or unlucky API server (issue 11): the real client-node over
// real HTTP against the fake API server.

async function clusterWithSecrets() {
  const { api, kubeconfig } = await startCluster();
  helmInstall(api, 'payments', { A: '1' });
  api.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'payments', labels: { app: 'pay' } },
    stringData: { PASSWORD: 'named-pass' },
  });
  api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ci-token', namespace: 'payments' }, stringData: { TOKEN: 'never-on-the-wire' } });
  api.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'tls', namespace: 'payments', labels: { app: 'edge' } },
    type: 'kubernetes.io/tls',
    stringData: { 'tls.key': 'private' },
  });
  return { api, kubeconfig };
}

describe('only the Secrets named under secrets: are read', () => {
  it('names: each is asked for by name; no other Secret’s data is ever sent, the inventory still lists them by name', async () => {
    const { api, kubeconfig } = await clusterWithSecrets();
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', secrets: ['db', 'Secret/missing'] });
    expect(state.status).toBe('ok');
    expect(api.secretDataServed).toEqual(['db']);
    expect(api.requests.filter((r) => r.path.endsWith('/secrets/db') && r.method === 'GET')).toHaveLength(1);
    expect([...state.values.keys()]).toContain('PASSWORD');
    expect(state.values.get('PASSWORD')!.text).not.toContain('named-pass');
    expect(state.warnings).toContain('Secret "missing" (named under secrets:) is not in namespace "payments"');
    const secrets = (state.objects ?? []).filter((o) => o.kind === 'Secret');
    expect(secrets.map((o) => o.name).sort()).toEqual(['ci-token', 'db', 'tls']);
    // Names only for the others: no keys, nothing of their data.
    expect(secrets.find((o) => o.name === 'ci-token')!.keys).toBeUndefined();
    expect(secrets.find((o) => o.name === 'db')!.keys).toEqual(['PASSWORD']);
  });

  it('a selector: only the Secrets it picks are sent', async () => {
    const { api, kubeconfig } = await clusterWithSecrets();
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', secrets: { selector: 'app=pay' } });
    expect(state.status).toBe('ok');
    expect(api.secretDataServed).toEqual(['db']);
    expect(api.requests.find((r) => r.path.endsWith('/secrets') && r.query.labelSelector)?.query.labelSelector).toBe('app=pay');
  });

  it('no secrets: no Secret data at all, with or without the inventory', async () => {
    const { api, kubeconfig } = await clusterWithSecrets();
    const withInventory = await readKubernetes('/', 'production', { kubeconfig, context: 'prod' });
    expect(withInventory.status).toBe('ok');
    expect((withInventory.objects ?? []).filter((o) => o.kind === 'Secret').map((o) => o.name)).toEqual(['ci-token', 'db', 'tls']);
    await readKubernetes('/', 'production', { kubeconfig, context: 'prod', inventory: false });
    expect(api.secretDataServed).toEqual([]);
  });
});

describe('an API answer is read with a size limit', () => {
  it('a server streaming an endless body: the source is unavailable with a one-line reason naming the server, memory stays bounded', async () => {
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', { A: '1' });
    const chunk = Buffer.from(`{"metadata":{"name":"x"},"data":{"K":"${'v'.repeat(1024 * 1024)}"}},`);
    api.intercept = (request, res) => {
      if (!request.path.endsWith('/configmaps')) return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"kind":"ConfigMapList","apiVersion":"v1","metadata":{},"items":[');
      let open = true;
      res.on('close', () => (open = false));
      const pump = () => {
        while (open && res.write(chunk));
        if (open) res.once('drain', pump);
      };
      pump();
      return true;
    };
    const before = process.memoryUsage().rss;
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', timeout: 120 });
    expect(state.status).toBe('unavailable');
    expect(state.reason).toMatch(
      /^list configmaps in namespace "payments": the answer of http:\/\/127\.0\.0\.1:\d+ \(context "prod"\) passed 64 MiB; stopped reading it/,
    );
    expect(state.reason).not.toContain('\n');
    // 64 MiB were held at most (plus what the runtime keeps around); without the limit it grows until the process dies.
    expect((process.memoryUsage().rss - before) / (1024 * 1024)).toBeLessThan(512);
  });
});

describe('a live PATCH whose answer is lost', () => {
  async function setup() {
    const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    helmInstall(api, 'payments', { TIMEOUT_MS: '3000' });
    api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { TIMEOUT_MS: '10000' }), { manager: 'kubectl-edit' });
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: config/staging.yaml\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod}}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'TIMEOUT_MS: 3000\n',
      'config/production.yaml': 'TIMEOUT_MS: 3000\n',
    });
    await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
    return { api, repo, env: { KUBECONFIG: kubeconfig } };
  }
  // In this process (the lost answer is the server's doing, not the process boundary's).
  const apply = (repo: string, env: Record<string, string>) =>
    runCli(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
  const isTheWrite = (r: { method: string; query: Record<string, string> }) => r.method === 'PATCH' && r.query.dryRun === undefined;

  it('applied, then the connection dropped: read again, reported as written and recorded', async () => {
    const { api, repo, env } = await setup();
    api.loseAnswer = isTheWrite;
    const result = await apply(repo, env);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`live production: TIMEOUT_MS written in ConfigMap/payment-config \(resourceVersion \d+, field manager undrift\) — ` +
          String.raw`the server's answer was lost \(.+\); read again, the object holds the new value`,
      ),
    );
    expect((api.get('ConfigMap', 'payments', 'payment-config')!.data as Record<string, string>).TIMEOUT_MS).toBe('3000');
    const log = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout) as { decisions: Array<Record<string, unknown>> };
    expect(log.decisions[0]).toMatchObject({ kind: 'live', status: 'live applied', keys: ['TIMEOUT_MS'] });
  });

  it('not applied, the connection dropped: read again, says it is not live and may still arrive', async () => {
    const { api, repo, env } = await setup();
    api.intercept = (request, res) => {
      if (!isTheWrite(request)) return false;
      res.socket?.destroy();
      return true;
    };
    const result = await apply(repo, env);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`^undrift: ConfigMap\/payment-config in payments \(context prod\): the PATCH of \.data\.TIMEOUT_MS was sent but ` +
          String.raw`its answer was lost \(.+\); read again, \.data\.TIMEOUT_MS is still "10000": not applied so far, but unknown — ` +
          String.raw`the request may still reach the server \(it can only apply to resourceVersion \d+\); run undrift apply again to ` +
          String.raw`check`,
      ),
    );
    const log = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout) as { decisions: unknown[] };
    expect(log.decisions).toEqual([]);
  });
});

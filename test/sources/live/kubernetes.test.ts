import { describe, expect, it } from 'vitest';
import { readKubernetes } from '../../../src/sources/live/kubernetes.js';
import { helmInstall, startCluster } from '../../support/cluster.js';

const DATA = { PAYMENT_GATEWAY_TIMEOUT_MS: '3000', LOG_LEVEL: 'warn', DEBUG_URL: 'http://$(REGION)' };

describe('Kubernetes reader (real client-node against the fake API server)', () => {
  it('reads ConfigMap data and the container environment, with who wrote each field', async () => {
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', DATA);
    api.update('ConfigMap', 'payments', 'payment-config', (cm) => ((cm.data as Record<string, string>).PAYMENT_GATEWAY_TIMEOUT_MS = '10000'), {
      manager: 'kubectl-edit',
      time: '2026-03-05T16:41:52Z',
    });
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', namespace: 'payments' });
    expect(state).toMatchObject({ status: 'ok', source: 'kubernetes prod/payments' });
    const timeout = state.values.get('PAYMENT_GATEWAY_TIMEOUT_MS')!;
    expect(timeout.text).toBe('10000');
    expect(timeout.location).toEqual({
      source: 'kubernetes prod/payments',
      context: 'prod',
      namespace: 'payments',
      kind: 'ConfigMap',
      name: 'payment-config',
      fieldPath: '.data.PAYMENT_GATEWAY_TIMEOUT_MS',
    });
    expect(timeout.provenance).toEqual({ manager: 'kubectl-edit', operation: 'Update', time: '2026-03-05T16:41:52Z', exact: true, human: true, kind: 'human' });
    expect(state.values.get('LOG_LEVEL')!.provenance).toMatchObject({
      manager: 'helm',
      human: false,
      kind: 'pipeline',
      exact: false,
      time: '2026-03-02T09:14:07Z',
    });
    // The container's own env, resolved as the kubelet does.
    expect(state.values.get('REGION')).toMatchObject({
      text: 'eu-west-1',
      location: { kind: 'Deployment', fieldPath: '.spec.template.spec.containers[name=app].env[name=REGION].value' },
    });
    expect(state.values.get('replicas')!.text).toBe('2');
    expect(state.artifacts).toEqual([
      expect.objectContaining({
        key: 'Deployment/payment-service.containers[name=app].image',
        image: 'registry.example/payment-service:1.8.2',
        digests: [`sha256:${'a'.repeat(64)}`],
      }),
    ]);
  });

  it('says how many kinds it has listed as it goes (ConfigMaps, four workload kinds, pods; the inventory kinds too)', async () => {
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', DATA);
    const seen: string[] = [];
    const state = await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments', inventory: false },
      { onKinds: (done, total) => seen.push(`${done}/${total}`) },
    );
    expect(state.status).toBe('ok');
    expect(seen).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    seen.length = 0;
    // With the inventory: Secrets, Jobs, Services, ServiceAccounts, Ingresses, NetworkPolicies, HPAs, PDBs, ResourceQuotas, LimitRanges, Roles, RoleBindings.
    await readKubernetes(
      '/',
      'production',
      { kubeconfig, context: 'prod', namespace: 'payments' },
      { onKinds: (done, total) => seen.push(`${done}/${total}`) },
    );
    expect(seen).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}/18`));
  });

  it('makes one LIST per kind per namespace, paged with limit/continue, and restarts on an expired token', async () => {
    const { api, kubeconfig } = await startCluster();
    for (let i = 0; i < 1200; i++)
      api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm-${String(i).padStart(4, '0')}`, namespace: 'payments' },
        data: { [`KEY_${i}`]: String(i) },
      });
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', workloads: [], inventory: false });
    expect(state.values.size).toBe(1200);
    const lists = api.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/configmaps'));
    expect(lists.map((r) => [r.query.limit, r.query.continue !== undefined])).toEqual([
      ['500', false],
      ['500', true],
      ['500', true],
    ]);
    expect(api.requests.filter((r) => !r.path.endsWith('/configmaps'))).toEqual([]);

    // A token that expires mid-listing (410 Expired): the listing starts again once and completes.
    api.requests.length = 0;
    let expired = false;
    api.onRequest = (r) => {
      if (!expired && r.query.continue) {
        expired = true;
        api.expireContinueTokens();
      }
    };
    const again = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', workloads: [], inventory: false });
    expect(again.status).toBe('ok');
    expect(again.values.size).toBe(1200);
    expect(api.requests.filter((r) => r.path.endsWith('/configmaps')).map((r) => r.query.continue !== undefined)).toEqual([false, true, false, true, true]);
  });

  it('resolves envFrom, env, $(VAR) expansion and key references; Secret values only as fingerprints', async () => {
    const { api, kubeconfig } = await startCluster();
    api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'base', namespace: 'payments' },
      data: { HOST: 'db.internal', PORT: '5432', MODE: 'from-configmap' },
    });
    api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'db',
        namespace: 'payments',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
            apiVersion: 'v1',
            kind: 'Secret',
            data: { password: Buffer.from('hunter2-live').toString('base64') },
          }),
        },
      },
      stringData: { password: 'hunter2-live', token: 'tok-live-7781' },
    });
    api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'payments' },
      spec: {
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'api:1',
                envFrom: [{ configMapRef: { name: 'base' } }, { secretRef: { name: 'db' }, prefix: 'DB_' }],
                env: [
                  { name: 'MODE', value: 'env-wins' },
                  { name: 'DSN', value: 'postgres://$(HOST):$(PORT)/pay?x=$$(HOST)&y=$(UNKNOWN)' },
                  { name: 'CM_REF', valueFrom: { configMapKeyRef: { name: 'base', key: 'HOST' } } },
                  { name: 'SECRET_REF', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                ],
              },
              { name: 'sidecar', image: 'proxy:2' },
            ],
          },
        },
      },
    });
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', secrets: ['db'], container: 'app' });
    const text = (key: string) => state.values.get(key)?.text;
    expect(text('MODE')).toBe('env-wins');
    expect(text('DSN')).toBe('postgres://db.internal:5432/pay?x=$(HOST)&y=$(UNKNOWN)');
    expect(text('CM_REF')).toBe('db.internal');
    expect(text('POD_NAME')).toBe('(fieldRef metadata.name)');
    expect(state.values.get('DB_password')!.type).toBe('secret');
    expect(text('SECRET_REF')).toBe(text('DB_password')); // same bytes, same fingerprint
    expect(text('DB_token')).toMatch(/^secret:[0-9a-f]{12} \(13 bytes\)$/);
    // The Secret's own keys: token is live but not in its last-applied configuration.
    expect(state.values.get('token')).toMatchObject({ type: 'secret', notInLastApplied: true });
    expect(state.values.get('password')!.notInLastApplied).toBeUndefined();
    const everything = JSON.stringify([...state.values], null, 1);
    for (const secret of ['hunter2-live', 'tok-live-7781', Buffer.from('hunter2-live').toString('base64')]) expect(everything).not.toContain(secret);
    expect(state.artifacts.map((a) => a.key)).toEqual(['Deployment/api.containers[name=app].image']);
  });

  it('keys a container env var by workload and container; the short name only where its definitions agree', async () => {
    const { api, kubeconfig } = await startCluster();
    const deployment = (name: string, env: Record<string, string>) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'payments' },
      spec: {
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'app', image: `${name}:1`, env: Object.entries(env).map(([k, v]) => ({ name: k, value: v })) }] },
        },
      },
    });
    api.create(deployment('api', { LOG_LEVEL: 'warn', REGION: 'eu-west-1' }));
    api.create(deployment('worker', { LOG_LEVEL: 'debug', REGION: 'eu-west-1' }));
    const state = await readKubernetes('/', 'production', { kubeconfig, context: 'prod' });
    expect(state.values.has('LOG_LEVEL')).toBe(false);
    expect(state.values.get('Deployment/api.containers[name=app].env[name=LOG_LEVEL]')).toMatchObject({
      text: 'warn',
      shortKey: 'LOG_LEVEL',
      manifestKey: 'Deployment/api.containers[name=app].env[name=LOG_LEVEL].value',
    });
    expect(state.values.get('Deployment/worker.containers[name=app].env[name=LOG_LEVEL]')!.text).toBe('debug');
    expect(state.values.get('REGION')!.text).toBe('eu-west-1');
    expect(state.warnings).toEqual([expect.stringContaining('LOG_LEVEL has 2 different definitions (Deployment/api "warn", Deployment/worker "debug")')]);
    // Two ConfigMaps disagreeing on a key: each under its own object's key too.
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'payments' }, data: { MODE: 'x' } });
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'payments' }, data: { MODE: 'y' } });
    const again = await readKubernetes('/', 'production', { kubeconfig, context: 'prod' });
    expect([...again.values.keys()].filter((k) => k.includes('MODE')).sort()).toEqual(['ConfigMap/a.data.MODE', 'ConfigMap/b.data.MODE']);
  });

  it('uses one KubeConfig per context: each cluster only ever sees its own credentials', async () => {
    const a = await startCluster({ token: 'token-a' });
    const b = await startCluster({ token: 'token-b' });
    helmInstall(a.api, 'payments', { A: '1' });
    helmInstall(b.api, 'payments', { A: '2' });
    // One kubeconfig, two clusters, two users: the way people keep staging and production.
    const { writeFile } = await import('node:fs/promises');
    const file = `${a.kubeconfig}.both`;
    await writeFile(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: staging',
        'clusters:',
        '  - name: a',
        '    cluster:',
        `      server: ${a.api.url}`,
        '      insecure-skip-tls-verify: true',
        '  - name: b',
        '    cluster:',
        `      server: ${b.api.url}`,
        '      insecure-skip-tls-verify: true',
        'users:',
        '  - name: ua',
        '    user:',
        '      token: token-a',
        '  - name: ub',
        '    user:',
        '      token: token-b',
        'contexts:',
        '  - name: staging',
        '    context:',
        '      cluster: a',
        '      user: ua',
        '      namespace: payments',
        '  - name: prod',
        '    context:',
        '      cluster: b',
        '      user: ub',
        '      namespace: payments',
        '',
      ].join('\n'),
    );
    const [staging, production] = await Promise.all([
      readKubernetes('/', 'staging', { kubeconfig: file, context: 'staging' }),
      readKubernetes('/', 'production', { kubeconfig: file, context: 'prod' }),
    ]);
    expect([staging.status, production.status]).toEqual(['ok', 'ok']);
    expect([staging.values.get('A')!.text, production.values.get('A')!.text]).toEqual(['1', '2']);
    expect(a.api.requests.length).toBeGreaterThan(0);
    expect(b.api.requests.length).toBeGreaterThan(0);
  });

  it('says why live state is unavailable: 401, 403 naming verb/resource/namespace, missing namespace, unknown context, unreachable, timeout', async () => {
    const { api, kubeconfig } = await startCluster({ token: 'right' });
    const gone = await startCluster();
    await gone.api.stop();
    // 401: the kubeconfig's token is not the server's.
    const unauthorizedConfig = `${kubeconfig}.401`;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(unauthorizedConfig, api.kubeconfig([{ name: 'prod', namespace: 'payments', token: 'wrong' }]));
    expect((await readKubernetes('/', 'production', { kubeconfig: unauthorizedConfig, context: 'prod' })).reason).toBe(
      'unauthorized (401): the API server of context "prod" refused its credentials; log in again or fix the kubeconfig',
    );
    api.addNamespace('payments');
    // A Secret named under `secrets:` is read by name (GET), never by listing them all.
    api.forbid('get', 'secrets', 'payments');
    const forbidden = await readKubernetes('/', 'production', { kubeconfig: `${kubeconfig}`, context: 'prod', secrets: ['db'] }).catch((e: Error) => e);
    expect(forbidden).toMatchObject({ status: 'unavailable' });
    expect((forbidden as { reason: string }).reason).toBe(
      'forbidden (403): not allowed to get secrets/db in namespace "payments" (secrets is forbidden: User "alice" cannot get resource "secrets" in API group "" in the namespace "payments")',
    );
    const missing = await readKubernetes('/', 'production', { kubeconfig, context: 'prod', namespace: 'nope' });
    expect(missing.reason).toBe('namespace "nope" not found in context "prod"');
    const unknown = await readKubernetes('/', 'production', { kubeconfig, context: 'prd' });
    expect(unknown.reason).toBe('no kubeconfig context "prd" (contexts: prod)');
    const down = await readKubernetes('/', 'production', { kubeconfig: gone.kubeconfig, context: 'prod' });
    expect(down.reason).toMatch(/^unreachable: cannot reach http:\/\/127\.0\.0\.1:\d+ for context "prod" \(ECONNREFUSED\)$/);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const { createServer } = await import('node:http');
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as { port: number }).port;
    const { writeFile } = await import('node:fs/promises');
    const { tempDir } = await import('../../support/repo.js');
    const file = `${await tempDir()}/kubeconfig`;
    await writeFile(
      file,
      `apiVersion: v1\nkind: Config\ncurrent-context: slow\nclusters:\n  - name: slow\n    cluster:\n      server: http://127.0.0.1:${port}\n` +
        `      insecure-skip-tls-verify: true\nusers:\n  - name: u\n    user:\n      token: t\ncontexts:\n  - name: slow\n` +
        `    context:\n      cluster: slow\n      user: u\n`,
    );
    const state = await readKubernetes('/', 'production', { kubeconfig: file, timeout: 0.3 });
    expect(state.reason).toBe(`timed out waiting for http://127.0.0.1:${port} (context "slow")`);
    hanging.closeAllConnections();
    hanging.close();
  });
});

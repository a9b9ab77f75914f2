import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { repoWithFiles, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';

const SECRET_VALUES = ['hunter2-live-Z9', 'repo-pass-Q7', 'staging-pass-K4'];
const forms = (value: string) => [value, Buffer.from(value).toString('base64')];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

async function liveRepo(extraConfig = '') {
  const { api, kubeconfig } = await startCluster({
    contexts: [
      { name: 'staging', namespace: 'pay-staging' },
      { name: 'prod', namespace: 'payments' },
    ],
  });
  helmInstall(api, 'pay-staging', { TIMEOUT_MS: '3000', LOG_LEVEL: 'debug' }, { digest: `sha256:${'a'.repeat(64)}` });
  helmInstall(api, 'payments', { TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' }, { digest: `sha256:${'b'.repeat(64)}` });
  api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { TIMEOUT_MS: '10000' }), {
    manager: 'kubectl-edit',
    time: '2026-07-14T00:10:00Z',
  });
  api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { DEBUG_SQL: 'true' }), {
    manager: 'kubectl-patch',
    time: '2026-07-14T00:31:00Z',
  });
  for (const [ns, value] of [
    ['pay-staging', SECRET_VALUES[2]!],
    ['payments', SECRET_VALUES[0]!],
  ] as const) {
    api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'db',
        namespace: ns,
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'db' },
            data: { DB_PASSWORD: Buffer.from(value).toString('base64') },
          }),
        },
      },
      data: { DB_PASSWORD: Buffer.from(value).toString('base64') },
    });
  }
  const repo = await repoWithFiles({
    'undrift.yaml': [
      'environments:',
      '  staging:',
      '    files: [config/staging.yaml, k8s/staging/secret.yaml]',
      '    live: {kubernetes: {context: staging, secrets: [db]}}',
      '  production:',
      '    files: [config/production.yaml, k8s/production/secret.yaml]',
      `    live: {kubernetes: {context: prod, secrets: [db]${extraConfig}}}`,
      'promotion: [staging, production]',
      '',
    ].join('\n'),
    'config/expected-env-diff.yaml': 'expected_differences:\n  LOG_LEVEL: {staging: debug, production: warn}\n  REGION: {staging: any, production: any}\n',
    'config/staging.yaml': 'TIMEOUT_MS: 3000\nLOG_LEVEL: debug\nREGION: eu-west-1\nreplicas: 2\n',
    'config/production.yaml': 'TIMEOUT_MS: 3000\nLOG_LEVEL: warn\nREGION: eu-west-1\nreplicas: 2\n',
    'k8s/staging/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {DB_PASSWORD: ${SECRET_VALUES[2]}}\n`,
    'k8s/production/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {DB_PASSWORD: ${Buffer.from(SECRET_VALUES[1]!).toString('base64')}}\n`,
  });
  return { api, kubeconfig, repo };
}

/** One cluster and repository for the cases that only read them (built once, by whichever runs first). */
let shared: ReturnType<typeof liveRepo> | undefined;
const readOnlyRepo = () => (shared ??= liveRepo());

describe('scan with live Kubernetes state', () => {
  it('reports live drift with who changed it, live-only keys and image digests', async () => {
    const { kubeconfig, repo } = await readOnlyRepo();
    const result = await runCli(['scan', '-f', 'json'], { cwd: repo, env: { KUBECONFIG: kubeconfig } });
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.live).toEqual({
      staging: { status: 'ok', source: 'kubernetes staging/pay-staging', history: expect.objectContaining({ revisions: 1, releases: 0 }) },
      production: { status: 'ok', source: 'kubernetes prod/payments', history: expect.objectContaining({ revisions: 1, releases: 0 }) },
    });
    const find = (kind: string, key: string) => json.divergences.find((d: { kind: string; key: string }) => d.kind === kind && d.key === key);
    const drift = find('live-drift', 'TIMEOUT_MS');
    expect(drift).toMatchObject({ envs: ['production'], values: { production: { repo: '3000', live: '10000', location: 'config/production.yaml:1' } } });
    expect(drift.provenance.production).toMatchObject({ manager: 'kubectl-edit', operation: 'Update', time: '2026-07-14T00:10:00Z', exact: true, human: true });
    // A hand edit nobody wrote about: no default moves a value (the verdict's rule since session 9), a person decides.
    expect(drift.verdict).toMatchObject({ suggested: 'declare', value: null, drifted: null });
    expect(drift.verdict.confidence).toBeLessThanOrEqual(0.45);
    expect(drift.verdict.question).toEqual(expect.any(String));
    const only = find('live-only', 'DEBUG_SQL');
    expect(only.provenance.production).toMatchObject({ manager: 'kubectl-patch', human: true });
    expect(only.verdict.suggested).toBe('revert');
    const image = find('artifact', 'Deployment/payment-service.containers[name=app].image');
    expect(image.notes[0]).toMatch(/runs as different digests/);
    // Secrets compare through fingerprints: production's live password differs from its repo file.
    expect(find('live-drift', 'Secret/db.data.DB_PASSWORD')).toMatchObject({ envs: ['production'] });
    expect(json.divergences.filter((d: { key: string }) => d.key.endsWith('DB_PASSWORD')).map((d: { kind: string }) => d.kind)).toEqual([
      'cross-env',
      'live-drift',
    ]);
    expect(find('live-drift', 'Secret/db.data.DB_PASSWORD').values.production.live).toMatch(/^secret:[0-9a-f]{12}/);
  });

  it("a production CronJob's LOG_LEVEL=debug never overwrites the app's warn: each workload keeps its own key", async () => {
    const { api, kubeconfig, repo } = await liveRepo();
    const env = { KUBECONFIG: kubeconfig };
    api.create(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'backfill', namespace: 'payments' },
        spec: {
          schedule: '0 3 * * *',
          jobTemplate: {
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: 'job',
                      image: 'registry.example/backfill:0.4',
                      env: [
                        { name: 'LOG_LEVEL', value: 'debug' },
                        { name: 'REGION', value: 'eu-west-1' },
                      ],
                    },
                  ],
                },
              },
            },
          },
        },
      },
      { manager: 'kubectl-create', time: '2026-07-20T11:00:00Z' },
    );
    const scan = async (args: string[] = []) => JSON.parse((await runCli(['scan', '-f', 'json', '--no-history', ...args], { cwd: repo, env })).stdout);
    const logLevel = (json: { divergences: Array<{ key: string; kind: string; envs: string[] }> }) =>
      json.divergences.filter((d) => d.key.includes('LOG_LEVEL')).map((d) => [d.kind, d.key, d.envs]);
    const first = await scan();
    // The app's warn agrees with the repo; the CronJob's debug is its own object's value, not production's LOG_LEVEL.
    expect(logLevel(first)).toEqual([['live-only', 'CronJob/backfill.containers[name=job].env[name=LOG_LEVEL]', ['production']]]);
    const cron = first.divergences.find((d: { key: string; kind: string }) => d.key.startsWith('CronJob/backfill') && d.kind === 'live-only');
    expect(cron.values.production).toMatchObject({ repo: null, live: 'debug' });
    expect(cron.provenance.production).toMatchObject({ manager: 'kubectl-create', human: true });
    expect(first.warnings.join('\n')).toContain('LOG_LEVEL has 2 different definitions (Deployment/payment-service "warn", CronJob/backfill "debug")');
    // The CronJob itself: in production only, made by hand.
    const object = first.divergences.find((d: { kind: string }) => d.kind === 'object-cross-env');
    expect(object).toMatchObject({ key: 'CronJob/backfill', envs: ['production'], values: { production: { live: 'exists' }, staging: { live: null } } });
    expect(object.notes).toEqual(['CronJob/backfill exists in production (created by kubectl-create (by hand) at 2026-07-20T11:00:00Z); not in staging']);
    // A short name the workloads agree on still meets the repo's key.
    expect(first.divergences.some((d: { key: string; kind: string }) => d.key.includes('REGION') && d.kind.startsWith('live'))).toBe(false);
    expect(first.warnings.join('\n')).not.toMatch(/no live counterpart.*LOG_LEVEL/);

    // Naming the app's workload takes the CronJob out: LOG_LEVEL is production's again.
    const { writeFile, readFile } = await import('node:fs/promises');
    const configPath = path.join(repo, 'undrift.yaml');
    await writeFile(
      configPath,
      (await readFile(configPath, 'utf8')).replace('context: prod, secrets: [db]', 'context: prod, secrets: [db], workloads: [Deployment/payment-service]'),
    );
    api.update('ConfigMap', 'payments', 'payment-config', (cm) => Object.assign(cm.data as object, { LOG_LEVEL: 'error' }), {
      manager: 'kubectl-edit',
      time: '2026-07-21T08:00:00Z',
    });
    const named = await scan();
    expect(logLevel(named)).toEqual([['live-drift', 'LOG_LEVEL', ['production']]]);
  });

  it('an unreachable cluster: the repo results are still printed, the source named with why, exit 3; --allow-partial-live exits on what was read; --no-live skips live', async () => {
    const { kubeconfig, repo } = await readOnlyRepo();
    // Point production at a context whose server does not answer.
    const gone = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    await gone.api.stop();
    const env = { KUBECONFIG: kubeconfig };
    const table = await runCli(['scan', '--no-history'], { cwd: repo, env: { KUBECONFIG: gone.kubeconfig } });
    expect(table.exitCode).toBe(3);
    expect(table.stdout).toMatch(/DB_PASSWORD/); // the repo's own divergences are still there
    expect(table.stderr).toMatch(
      new RegExp(
        String.raw`^undrift: exit 3: live state not read for staging \(kubernetes staging\): no kubeconfig context "staging" \(contexts: ` +
          String.raw`prod\); production \(kubernetes prod\/payments\): unreachable: cannot reach http:\/\/127\.0\.0\.1:\d+ for context ` +
          String.raw`"prod" \(ECONNREFUSED\) \(the repo results above stand; --allow-partial-live accepts a partial result\)$`,
        'm',
      ),
    );
    expect(table.stdout).toMatch(/live: staging ✗ kubernetes staging \(unavailable\) · production ✗ kubernetes prod\/payments \(unavailable\)/);
    expect(table.stdout).toMatch(
      /warning: live state of production unavailable \(kubernetes prod\/payments\): unreachable: cannot reach http:\/\/127\.0\.0\.1:\d+ for context "prod" \(ECONNREFUSED\)/,
    );
    const required = await runCli(['scan', '--no-history', '--require-live'], { cwd: repo, env: { KUBECONFIG: gone.kubeconfig } });
    expect(required.exitCode).toBe(3);
    const partial = await runCli(['scan', '--no-history', '--allow-partial-live', '-f', 'json'], { cwd: repo, env: { KUBECONFIG: gone.kubeconfig } });
    expect(partial.exitCode).toBe(1);
    expect(partial.stderr).toBe('');
    expect(JSON.parse(partial.stdout).live.production).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^unreachable/) });
    const noLive = JSON.parse((await runCli(['scan', '-f', 'json', '--no-live', '--no-history'], { cwd: repo, env })).stdout);
    expect(noLive.live).toEqual({});
    expect(noLive.divergences.some((d: { kind: string }) => d.kind.startsWith('live'))).toBe(false);
    // No kubeconfig anywhere: said so, not as a context or a server client-node made up ("loaded-context", localhost:8080).
    const home = await tempDir();
    const none = await runCli(['scan', '--no-history', '--context', 'prod'], { cwd: repo, env: { KUBECONFIG: '', HOME: home } });
    expect(none.exitCode).toBe(3);
    expect(none.stderr).toBe(
      'undrift: exit 3: live state not read for staging (kubernetes prod), production (kubernetes prod): cannot load the kubeconfig: none found: ' +
        'KUBECONFIG is not set, ~/.kube/config does not exist and this is not a pod with a service account (set KUBECONFIG) ' +
        '(the repo results above stand; --allow-partial-live accepts a partial result)',
    );
    // --context sends every Kubernetes source to one context.
    const oneContext = JSON.parse((await runCli(['scan', '-f', 'json', '--no-history', '--context', 'staging'], { cwd: repo, env })).stdout);
    expect(oneContext.live.production.source).toBe('kubernetes staging/pay-staging');
  });

  it('a 403 names the verb, resource and namespace that were refused', async () => {
    const { api, kubeconfig, repo } = await liveRepo();
    api.forbid('list', 'secrets', 'payments');
    const run = await runCli(['scan', '-f', 'json', '--no-history'], { cwd: repo, env: { KUBECONFIG: kubeconfig } });
    const json = JSON.parse(run.stdout);
    // Only the refused kind is unread: what the other kinds hold is still compared, and the
    // source says it is partly read (exit 3 by default, as for any live source not read whole).
    const refused =
      'forbidden (403): not allowed to list secrets in namespace "payments" (secrets is forbidden: User "alice" cannot list resource "secrets" in API group "" in the namespace "payments")';
    expect(json.live.production).toMatchObject({
      status: 'partial',
      source: 'kubernetes prod/payments',
      reason: refused,
      unread: [{ kind: 'Secret', reason: refused }],
    });
    expect(run.exitCode).toBe(3);
    expect(json.live.staging.status).toBe('ok');
  });

  it('never prints or writes a Secret value, in any output', async () => {
    const { kubeconfig, repo } = await readOnlyRepo();
    const env = { KUBECONFIG: kubeconfig };
    const outDir = await tempDir();
    const runs = [
      await runCli(['scan'], { cwd: repo, env }),
      await runCli(['scan', '-f', 'json'], { cwd: repo, env }),
      await runCli(['scan', '-f', 'markdown'], { cwd: repo, env }),
      await runCli(['scan', '-f', 'sarif'], { cwd: repo, env }),
      await runCli(['scan', '-f', 'junit'], { cwd: repo, env }),
      await runCli(['at', '2030-01-01', '--json'], { cwd: repo, env }),
      await runCli(['explain', 'DB_PASSWORD'], { cwd: repo, env }),
      await runCli(['explain', 'DB_PASSWORD', '--json'], { cwd: repo, env }),
      await runCli(['explain', 'Secret/db.data.DB_PASSWORD'], { cwd: repo, env }),
      await runCli(['report', '-o', path.join(outDir, 'report.md')], { cwd: repo, env }),
      await runCli(['report', '-f', 'json', '-o', path.join(outDir, 'report.json')], { cwd: repo, env }),
      await runCli(['report', '-f', 'html', '-o', path.join(outDir, 'report.html')], { cwd: repo, env }),
    ];
    // report exits 0 once written (it is a document; scan is the gate).
    expect(runs.map((r) => r.exitCode)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(runs[6]!.stdout).toContain('secret:');
    const written = [...(await filesUnder(outDir)), ...(await filesUnder(path.join(repo, '.git', 'undrift')))];
    expect(written.length).toBeGreaterThanOrEqual(4);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...(await Promise.all(written.map((f) => readFile(f, 'utf8'))))];
    for (const secret of SECRET_VALUES.flatMap(forms)) {
      for (const text of texts) expect(text.includes(secret), `a secret appeared in output: ${secret}`).toBe(false);
    }
    expect((await stat(path.join(repo, '.git', 'undrift', 'fingerprint-key'))).mode & 0o077).toBe(0);
  }, 180_000); // eight runs of the CLI one after the other, on a shared machine
});

import { beforeAll, describe, expect, it } from 'vitest';
import { editText, verifyEdit, type TypedValue } from '../../src/actions/edit.js';
import { runCli } from '../support/cli.js';
import { repoFromScenario } from '../support/repo.js';

// Two environments whose manifests differ only in annotations: an Ingress's body size and a pod
// template's scrape switch, which a person chose, and what tools write (Helm's release name, a
// chart's config checksum, the Deployment controller's revision, kubectl's last-applied), which
// nobody chose. The scan said "no divergences", exit 0.

const app = (env: string, bodySize: string, scrape: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  labels: {env: ${env}}
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: ${bodySize}
    meta.helm.sh/release-name: web-${env}
spec:
  rules:
    - host: web.example
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {env: ${env}}
  annotations:
    deployment.kubernetes.io/revision: "${env === 'staging' ? 7 : 31}"
    kubectl.kubernetes.io/last-applied-configuration: '{"env":"${env}"}'
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels: {app: api, env: ${env}}
      annotations:
        prometheus.io/scrape: "${scrape}"
        checksum/config: ${env === 'staging' ? 'aa11' : 'bb22'}
    spec:
      containers:
        - name: app
          image: registry.example/api:1.0.0
`;

const CONFIG = `environments:
  staging: {files: [deploy/staging/app.yaml]}
  prod: {files: [deploy/prod/app.yaml]}
promotion: [staging, prod]
`;

const INGRESS_KEY = 'Ingress/web.metadata.annotations["nginx.ingress.kubernetes.io/proxy-body-size"]';
const SCRAPE_KEY = 'Deployment/api.template.metadata.annotations["prometheus.io/scrape"]';

describe('annotations of repo manifests', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await repoFromScenario({
      commits: [
        {
          at: '2026-03-02T10:00:00Z',
          author: 'ana',
          message: 'Deploy web and api to staging and prod',
          write: { 'undrift.yaml': CONFIG, 'deploy/staging/app.yaml': app('staging', '1m', 'true'), 'deploy/prod/app.yaml': app('prod', '1m', 'true') },
        },
        {
          at: '2026-03-09T15:30:00Z',
          author: 'ben',
          message: 'Raise the upload limit in staging for the import test; stop scraping prod api',
          write: { 'deploy/staging/app.yaml': app('staging', '50m', 'true'), 'deploy/prod/app.yaml': app('prod', '1m', 'false') },
        },
      ],
    });
  });

  it('compares the annotations a person declares across environments, quoted as keys with dots and slashes are', async () => {
    const result = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    expect(result.exitCode).toBe(1);
    const rows = (
      JSON.parse(result.stdout) as { divergences: Array<{ kind: string; key: string; values: Record<string, { repo: string; location: string }> }> }
    ).divergences;
    expect(rows.map((d) => `${d.kind} ${d.key}`).sort()).toEqual([`cross-env ${SCRAPE_KEY}`, `cross-env ${INGRESS_KEY}`]);
    const ingress = rows.find((d) => d.key === INGRESS_KEY)!;
    expect(ingress.values.staging).toMatchObject({ repo: '50m', location: 'deploy/staging/app.yaml:7' });
    expect(ingress.values.prod).toMatchObject({ repo: '1m', location: 'deploy/prod/app.yaml:7' });
    expect(rows.find((d) => d.key === SCRAPE_KEY)!.values).toMatchObject({ staging: { repo: 'true' }, prod: { repo: 'false' } });
  });

  it('leaves out what tools write (revision, last-applied, Helm release, config checksum) and labels', async () => {
    const result = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    expect(result.stdout).not.toMatch(/revision|last-applied|meta\.helm\.sh|checksum|labels/);
  });

  it("follows an annotation through history: explain names the commit that changed prod's scrape switch", async () => {
    const json = JSON.parse((await runCli(['explain', SCRAPE_KEY, '--json'], { cwd: repo })).stdout) as {
      history: Record<string, Array<{ subject: string; from: string | null; to: string | null; author: string }>>;
    };
    expect(json.history.prod!.find((h) => h.author === 'Ben Ode')).toMatchObject({
      author: 'Ben Ode',
      from: 'true',
      to: 'false',
      subject: expect.stringContaining('stop scraping prod api'),
    });
    expect(json.history.staging!.at(-1)).toMatchObject({ to: 'true' });
  });

  it('a revert writes each annotation key where it is declared: the object, a workload, a pod template', async () => {
    const text = app('prod', '1m', 'false');
    const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {sidecar.istio.io/inject: "false"}
        spec:
          containers: [{name: job, image: registry.example/job:1}]
`;
    const cases: Array<[string, string, TypedValue, string]> = [
      [text, INGRESS_KEY, { text: '50m', type: 'string' }, '    nginx.ingress.kubernetes.io/proxy-body-size: 50m'],
      [text, SCRAPE_KEY, { text: 'true', type: 'string' }, '        prometheus.io/scrape: "true"'],
      [
        text.replace('  annotations:\n    deployment', '  annotations:\n    owner.example/team: payments\n    deployment'),
        'Deployment/api.metadata.annotations["owner.example/team"]',
        { text: 'checkout', type: 'string' },
        '    owner.example/team: checkout',
      ],
      [
        cronJob,
        'CronJob/nightly.job.template.metadata.annotations["sidecar.istio.io/inject"]',
        { text: 'true', type: 'string' },
        'sidecar.istio.io/inject: "true"',
      ],
    ];
    for (const [before, key, value, line] of cases) {
      const after = editText(before, 'app.yaml', 'yaml', key, value);
      await verifyEdit(before, after, 'app.yaml', 'yaml', key, value);
      expect(after).toContain(line);
      expect(after.split('\n').filter((l, i) => l !== before.split('\n')[i])).toHaveLength(1);
    }
  });
});

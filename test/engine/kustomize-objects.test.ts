import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { releaseView } from '../../src/compare/releases.js';
import type { Scan } from '../../src/engine.js';
import { explainKey, renderExplanation } from '../../src/report/explain.js';
import { styleFor } from '../../src/report/style.js';
import { valueJson } from '../../src/report/json.js';
import type { FakeKubeApi } from '../support/fake-kube-api.js';
import { canBuildKustomize } from '../support/programs.js';
import { scanLive, twoContexts } from '../support/two-contexts.js';

// A Kustomize repository's objects against the live inventory: the overlays are built (real
// kubectl kustomize), the clusters hold what the builds made (served over real HTTP to the real
// client-node), named with each overlay's namePrefix, namespace and generator hashes.

const FILES = {
  'k8s/base/kustomization.yaml':
    'resources: [deployment.yaml, service.yaml, rbac.yaml, hpa.yaml]\nconfigMapGenerator:\n  - name: app-config\n    literals: [LOG_LEVEL=info]\n',
  'k8s/base/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: api}',
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata: {labels: {app: api}}',
    '    spec:',
    '      serviceAccountName: api',
    '      containers:',
    '        - name: app',
    '          image: registry.example/api:1.0',
    '          envFrom: [{configMapRef: {name: app-config}}]',
    '',
  ].join('\n'),
  'k8s/base/hpa.yaml': [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata: {name: api}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
    '  minReplicas: 2',
    '  maxReplicas: 6',
    '',
  ].join('\n'),
  'k8s/base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n',
  'k8s/base/rbac.yaml': [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata: {name: api}',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: Role',
    'metadata: {name: api}',
    'rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, list]}]',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: RoleBinding',
    'metadata: {name: api}',
    'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: api}',
    'subjects: [{kind: ServiceAccount, name: api}]',
    '',
  ].join('\n'),
  'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\nnamePrefix: staging-\nnamespace: payments-staging\n',
  // Production also defines alert rules in another namespace, which its live source does not read.
  'k8s/overlays/production/kustomization.yaml':
    'resources: [../../base, alerts.yaml]\nnamePrefix: prod-\nconfigMapGenerator:\n  - name: app-config\n    behavior: merge\n    literals: [LOG_LEVEL=warn]\n',
  'k8s/overlays/production/alerts.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alert-rules, namespace: monitoring}\ndata: {rules: "[]"}\n',
};

type Obj = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string } };
type Stored = Parameters<FakeKubeApi['create']>[0];
const built = (repo: string, overlay: string): Obj[] =>
  parseAllDocuments(execFileSync('kubectl', ['kustomize', overlay], { cwd: repo, encoding: 'utf8' })).map((d) => d.toJS() as Obj);

const INVENTORY_KINDS = ['live-object', 'missing-live', 'object-cross-env', 'permission'];
const rows = (s: Scan) =>
  s.divergences
    .filter((d) => INVENTORY_KINDS.includes(d.kind))
    .map((d) => [d.kind, d.key, d.envs.join(',')])
    .sort();

describe.skipIf(!canBuildKustomize)('Kustomize overlays against the live inventory', () => {
  let scan: Scan;
  let kubeconfig: string;
  let prodGenerated: string;
  beforeAll(async () => {
    const cluster = await twoContexts({
      files: { staging: 'k8s/overlays/staging', production: 'k8s/overlays/production' },
      repo: FILES,
      namespaces: { staging: 'payments-staging', prod: 'payments' },
    });
    const { repo, api } = cluster;
    kubeconfig = cluster.kubeconfig;
    for (const o of built(repo, 'k8s/overlays/staging')) api.create(o as unknown as Stored, { manager: 'kustomize-controller', time: '2026-11-01T10:00:00Z' });
    const production = built(repo, 'k8s/overlays/production');
    prodGenerated = production.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('prod-app-config-'))!.metadata.name;
    // Production still runs an older build of the generated ConfigMap (another hash), and refers to
    // it; its Deployment was set to another image by hand than the overlay declares.
    const running = JSON.parse(
      JSON.stringify(production).replaceAll(prodGenerated, 'prod-app-config-7h2f9k5m4t').replaceAll('registry.example/api:1.0', 'registry.example/api:1.1'),
    ) as Obj[];
    for (const o of running) {
      if (o.metadata.namespace === 'monitoring') continue; // another namespace: not this source's
      if (o.kind === 'Service') continue; // deleted by hand: defined, absent live
      api.create(
        { ...o, metadata: { ...o.metadata, namespace: 'payments' } },
        {
          manager: 'kustomize-controller',
          time: '2026-11-02T10:00:00Z',
        },
      );
    }
    // A hot fix by hand in the running ConfigMap.
    api.update(
      'ConfigMap',
      'payments',
      'prod-app-config-7h2f9k5m4t',
      (o) => {
        (o.data as Record<string, string>).LOG_LEVEL = 'debug';
      },
      { manager: 'kubectl-edit', time: '2026-11-21T08:00:00Z' },
    );
    // Production's autoscaler floor raised by hand.
    api.update(
      'HorizontalPodAutoscaler',
      'payments',
      'prod-api',
      (o) => {
        (o.spec as Record<string, number>).minReplicas = 4;
      },
      { manager: 'kubectl-patch', time: '2026-11-21T09:00:00Z' },
    );
    // Made by hand in production only.
    api.create(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'settlement-backfill', namespace: 'payments' },
        spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'job', image: 'registry.example/api:1.0' }] } } } } },
      },
      { manager: 'kubectl-create', time: '2026-11-20T03:00:00Z' },
    );
    scan = await scanLive(repo, kubeconfig, '2026-12-03');
  });

  it('compares the built objects by the names that survive the overlay (prefix, namespace, generator hash) with what runs', () => {
    expect(scan.warnings.filter((w) => /not built|unavailable|partly/.test(w))).toEqual([]);
    expect(prodGenerated).toMatch(/^prod-app-config-[2456789bcdfghkmt]{10}$/);
    expect(prodGenerated).not.toBe('prod-app-config-7h2f9k5m4t');
    expect(rows(scan)).toEqual(
      [
        ['live-object', 'CronJob/settlement-backfill', 'production'],
        ['missing-live', 'Service/api', 'production'],
        ['object-cross-env', 'CronJob/settlement-backfill', 'production'],
        ['object-cross-env', 'Service/api', 'staging'], // named by the side of fewer environments
      ].sort(),
    );
    const missing = scan.divergences.find((d) => d.kind === 'missing-live')!;
    expect(missing.notes).toEqual([
      'k8s/overlays/production (built) defines Service/api for production (built as prod-api), but no Service/prod-api exists in kubernetes prod/payments',
    ]);
    // Placed by the overlay directory whose build defines it: no line, and `(built)` in the text.
    expect(missing.values.production!.at).toEqual({ file: 'k8s/overlays/production', built: true });
    expect(valueJson(missing.values.production!).location).toBe('k8s/overlays/production (built)');
    const crossEnv = scan.divergences.find((d) => d.kind === 'object-cross-env' && d.key === 'Service/api')!;
    expect(crossEnv.values.staging!.liveSource).toBe('kubernetes staging/payments-staging Service/staging-api');
    const handMade = scan.divergences.find((d) => d.kind === 'live-object')!;
    expect(handMade.provenance!.production).toMatchObject({ manager: 'kubectl-create', human: true });
  });

  it('an overlay that cannot be built: its objects are not compared with live, and the scan says so', async () => {
    process.env.UNDRIFT_KUSTOMIZE = 'off';
    try {
      const unbuilt = await scanLive(scan.repoRoot, kubeconfig, '2026-12-03');
      expect(rows(unbuilt).filter(([kind]) => kind === 'live-object' || kind === 'missing-live')).toEqual([]);
      expect(unbuilt.warnings.filter((w) => w.includes('could not be built'))).toEqual([
        'staging, production objects: k8s/overlays/staging, k8s/overlays/production could not be built, so their objects are not compared with the live ones (only across environments)',
      ]);
    } finally {
      delete process.env.UNDRIFT_KUSTOMIZE;
    }
  });

  it("pairs the live values of renamed and generated objects with the overlay's keys: a hand edit is live drift, not a live-only key", () => {
    const logLevel = scan.divergences.filter((d) => d.key.endsWith('LOG_LEVEL')).map((d) => [d.kind, d.key, d.envs.join(',')]);
    expect(logLevel).toEqual([
      ['cross-env', 'ConfigMap/app-config.data.LOG_LEVEL', 'staging,production'],
      ['live-drift', 'ConfigMap/app-config.data.LOG_LEVEL', 'production'],
    ]);
    const drift = scan.divergences.find((d) => d.kind === 'live-drift')!;
    expect(drift.values.production).toMatchObject({
      repo: 'warn',
      live: 'debug',
      liveSource: 'kubernetes prod/payments ConfigMap/prod-app-config-7h2f9k5m4t .data.LOG_LEVEL',
    });
    expect(drift.provenance!.production).toMatchObject({ manager: 'kubectl-edit', human: true });
    expect(scan.warnings.join('\n')).not.toMatch(/ConfigMap\/app-config\.data\.LOG_LEVEL/);
  });

  it("keys each workload's image by its name in the repo: prod-api and staging-api meet as api, across environments and with the overlay", () => {
    const image = 'Deployment/api.containers[name=app].image';
    const rows = scan.divergences.filter((d) => d.key === image).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(rows.map((d) => [d.kind, d.envs.join(',')])).toEqual([
      ['artifact', 'staging,production'],
      ['live-drift', 'production'],
    ]);
    expect(rows[0]!.notes).toContain('the environments run different images: staging registry.example/api:1.0, production registry.example/api:1.1');
    expect(rows[1]!.notes.join('\n')).toContain('production\'s repo declares "registry.example/api:1.0"');
    const row = releaseView(scan.snapshot).rows.find((r) => r.key === image)!;
    expect(releaseView(scan.snapshot).rows.map((r) => r.key)).toEqual(['CronJob/settlement-backfill.containers[name=job].image', image]);
    expect(row.runs).toMatchObject({
      staging: { tag: '1.0', liveWorkload: 'Deployment/staging-api' },
      production: { tag: '1.1', liveWorkload: 'Deployment/prod-api' },
    });
    // The live name stays beside the key, and where it was read.
    expect(scan.snapshot.live!.get('production')!.artifacts.find((a) => a.key === image)).toMatchObject({
      liveKey: 'Deployment/prod-api.containers[name=app].image',
      location: { kind: 'Deployment', name: 'prod-api' },
    });
    expect(scan.warnings.join('\n')).not.toContain(image);
  });

  it('compares live references to renamed objects by the names the overlay gives them: no drift in envFrom, serviceAccountName or scaleTargetRef', () => {
    // staging-api's envFrom names staging-app-config-<hash>, production's an older build's hash,
    // the service account is staging-api / prod-api, the autoscaler targets staging-api / prod-api:
    // all as built, none of them drift.
    const values = scan.divergences.filter((d) => !INVENTORY_KINDS.includes(d.kind)).map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`);
    expect(values.filter((r) => /envFrom|serviceAccountName|scaleTargetRef|roleRef|subjects/.test(r))).toEqual([]);
    expect(values.sort()).toEqual(
      [
        'artifact Deployment/api.containers[name=app].image staging,production',
        'cross-env ConfigMap/app-config.data.LOG_LEVEL staging,production',
        'live-drift ConfigMap/app-config.data.LOG_LEVEL production',
        'live-drift Deployment/api.containers[name=app].image production',
        'live-drift HorizontalPodAutoscaler/api.spec.minReplicas production',
        'missing ConfigMap/alert-rules.data.rules staging',
      ].sort(),
    );
  });

  it("names the live object by its cluster name where it was read: the autoscaler patched by hand is prod-api's", () => {
    const drift = scan.divergences.find((d) => d.key === 'HorizontalPodAutoscaler/api.spec.minReplicas')!;
    expect(drift.values.production).toMatchObject({
      repo: '2',
      live: '4',
      liveSource: 'kubernetes prod/payments HorizontalPodAutoscaler/prod-api .spec.minReplicas',
    });
    expect(drift.provenance!.production).toMatchObject({ manager: 'kubectl-patch', human: true });
    const text = renderExplanation(explainKey(scan, 'HorizontalPodAutoscaler/api.spec.minReplicas')!, styleFor(false));
    expect(text).toContain('HorizontalPodAutoscaler/prod-api .spec.minReplicas');
    expect(text).toContain('HorizontalPodAutoscaler/staging-api .spec.minReplicas');
  });

  it("explains an object's row with what each side holds (an object is no config value)", () => {
    const text = renderExplanation(explainKey(scan, 'CronJob/settlement-backfill')!, styleFor(false));
    expect(text).toMatch(/production\s+absent\s+not in the repo\n\s+≠ live exists {2}kubernetes prod\/payments CronJob\/settlement-backfill\n/);
  });

  it('holds the built objects, each with the name it gets live', () => {
    const objects = scan.snapshot.repoObjects!.get('production')!;
    expect(objects.find((o) => o.kind === 'ConfigMap' && o.name === 'app-config')).toMatchObject({ liveName: prodGenerated });
    expect(objects.find((o) => o.kind === 'RoleBinding')).toMatchObject({
      name: 'api',
      liveName: 'prod-api',
      roleRef: 'Role/api',
      subjects: ['ServiceAccount/api'],
    });
    expect(objects.find((o) => o.name === 'alert-rules')).toMatchObject({ namespace: 'monitoring' });
    expect(scan.snapshot.repoObjects!.get('staging')!.every((o) => o.namespace === 'payments-staging')).toBe(true);
  });
});

describe('Helm values repositories against the live inventory', () => {
  it('name no objects: live objects are compared across environments only, and the scan says what is not covered', async () => {
    const { repo, api, kubeconfig } = await twoContexts({
      files: {
        staging: '[charts/api/values.yaml, charts/api/values-staging.yaml]',
        production: '[charts/api/values.yaml, charts/api/values-production.yaml]',
      },
      repo: {
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        'charts/api/templates/cronjob.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {{ include "api.fullname" . }}-report\n',
        'charts/api/values.yaml': 'replicaCount: 1\nlogLevel: info\n',
        'charts/api/values-staging.yaml': 'logLevel: debug\n',
        'charts/api/values-production.yaml': 'replicaCount: 3\n',
      },
      namespaces: { staging: 'api-staging', prod: 'api' },
    });
    for (const namespace of ['api-staging', 'api'])
      api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace }, spec: { ports: [{ port: 80 }] } }, { manager: 'helm' });
    api.create(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'settlement-backfill', namespace: 'api' },
        spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'job', image: 'b:1' }] } } } } },
      },
      { manager: 'kubectl-create' },
    );
    const s = await scanLive(repo, kubeconfig, '2026-12-03');
    expect(rows(s)).toEqual([['object-cross-env', 'CronJob/settlement-backfill', 'production']]);
    // Said once, naming the environments and their files, not once per environment.
    expect(s.warnings.filter((w) => w.includes(' objects: '))).toEqual([
      'staging, production objects: charts/api/values.yaml, charts/api/values-staging.yaml, charts/api/values-production.yaml are Helm values, ' +
        'which name no objects: the chart in charts/api/ is not rendered (undrift does not run `helm template`); live objects are compared across ' +
        'environments only, never reported as missing from the repo or absent live',
    ]);
  });
});

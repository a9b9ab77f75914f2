import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';
import { scanLive, twoContexts } from '../support/two-contexts.js';

// The `spec` of the objects around a workload — an autoscaler's bounds, a Service's ports — is
// declared in the repo's manifests as `<Kind>/<name>.spec.…`; the live object's spec must meet
// those keys: an HPA patched during an incident is live drift (with who patched it), and a
// Service that runs as declared is neither drift nor "no live counterpart".

const manifests = (maxReplicas: number) =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: api}',
    'spec:',
    '  selector: {app: api}',
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: 8080',
    '---',
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata: {name: api}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
    '  minReplicas: 2',
    `  maxReplicas: ${maxReplicas}`,
    '',
  ].join('\n');

// As `kubectl get svc,hpa -o yaml` prints them: the Service with what the API server filled in
// (clusterIP, type, protocol), the HPA with its managedFields.
const capture = (minReplicas: number, targetPort: number, patchedBy?: string) => `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: api, namespace: shop}
    spec:
      clusterIP: 10.0.0.12
      clusterIPs: [10.0.0.12]
      type: ClusterIP
      sessionAffinity: None
      selector: {app: api}
      ports:
        - name: http
          port: 80
          protocol: TCP
          targetPort: ${targetPort}
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata:
      name: api
      namespace: shop
      managedFields:
        - manager: kubectl-client-side-apply
          operation: Update
          apiVersion: autoscaling/v2
          time: "2026-05-11T10:05:00Z"
          fieldsType: FieldsV1
          fieldsV1: {"f:spec": {"f:maxReplicas": {}, "f:scaleTargetRef": {}${patchedBy ? '' : ', "f:minReplicas": {}'}}}
${
  patchedBy
    ? `        - manager: ${patchedBy}
          operation: Update
          apiVersion: autoscaling/v2
          time: "2026-05-20T09:00:00Z"
          fieldsType: FieldsV1
          fieldsV1: {"f:spec": {"f:minReplicas": {}}}
`
    : ''
}    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: ${minReplicas}
      maxReplicas: 10
`;

const rowsOf = (scan: Scan) => scan.divergences.map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`);

describe("live objects' spec against the repo's manifests (snapshots)", () => {
  let scan: Scan;
  beforeAll(async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging:',
        '    files: [deploy/staging/api.yaml]',
        '    live: {snapshot: live/staging.yaml}',
        '  production:',
        '    files: [deploy/production/api.yaml]',
        '    live: {snapshot: live/production.yaml}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'deploy/staging/api.yaml': manifests(10),
      'deploy/production/api.yaml': manifests(10),
      // Production's autoscaler floor was patched up by hand; staging's Service was pointed at
      // another port by hand.
      'live/staging.yaml': capture(2, 9090),
      'live/production.yaml': capture(5, 8080, 'kubectl-patch'),
    });
    scan = await scanRepository({ repo, history: false, today: '2026-06-01' });
  });

  it('reports an HPA field patched live as live drift, with who patched it and when', () => {
    expect(rowsOf(scan)).toContain('live-drift HorizontalPodAutoscaler/api.spec.minReplicas production');
    const drift = scan.divergences.find((d) => d.key === 'HorizontalPodAutoscaler/api.spec.minReplicas')!;
    expect(drift.values.production).toMatchObject({
      repo: '2',
      live: '5',
      liveSource: 'snapshot live/production.yaml HorizontalPodAutoscaler/api .spec.minReplicas',
    });
    expect(drift.values.staging).toMatchObject({ repo: '2', live: '2' });
    expect(drift.provenance?.production).toMatchObject({ manager: 'kubectl-patch', time: '2026-05-20T09:00:00Z', human: true });
  });

  it('pairs the snapshot\'s Service with the manifest\'s: no "no live counterpart", and a hand-changed port is drift', () => {
    expect(scan.warnings.filter((w) => w.includes('no live counterpart'))).toEqual([]);
    expect(rowsOf(scan).filter((r) => r.includes('Service/api'))).toEqual(['live-drift Service/api.spec.ports[name=http].targetPort staging']);
    const port = scan.divergences.find((d) => d.key === 'Service/api.spec.ports[name=http].targetPort')!;
    expect(port.values.staging).toMatchObject({ repo: '8080', live: '9090' });
    expect(port.values.production).toMatchObject({ repo: '8080', live: '8080' });
  });

  it('says nothing of what the API server fills in and no manifest names (clusterIP, type, protocol)', () => {
    expect(rowsOf(scan).filter((r) => /clusterIP|\.type|protocol|sessionAffinity/.test(r))).toEqual([]);
    expect(rowsOf(scan).filter((r) => r.startsWith('live-only'))).toEqual([]);
  });
});

describe("live objects' spec against the repo's manifests (a cluster over the Kubernetes API)", () => {
  let scan: Scan;
  beforeAll(async () => {
    const { repo, api, kubeconfig } = await twoContexts({
      files: { staging: '[deploy/staging/api.yaml]', production: '[deploy/production/api.yaml]' },
      repo: { 'deploy/staging/api.yaml': manifests(10), 'deploy/production/api.yaml': manifests(10) },
    });
    for (const namespace of ['staging', 'shop']) {
      api.create(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'api', namespace },
          spec: { clusterIP: '10.0.0.12', type: 'ClusterIP', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] },
        },
        { manager: 'kubectl-client-side-apply', time: '2026-05-11T10:05:00Z' },
      );
      api.create(
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'api', namespace },
          spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 2, maxReplicas: 10 },
        },
        { manager: 'kubectl-client-side-apply', time: '2026-05-11T10:05:00Z' },
      );
    }
    // Production's ceiling raised by hand for a sale.
    api.update(
      'HorizontalPodAutoscaler',
      'shop',
      'api',
      (o) => {
        (o.spec as Record<string, number>).maxReplicas = 30;
      },
      { manager: 'kubectl-edit', time: '2026-05-25T18:00:00Z' },
    );
    scan = await scanLive(repo, kubeconfig, '2026-06-01');
  });

  it('reports the hand-raised maxReplicas as live drift by kubectl-edit, and nothing else', () => {
    expect(scan.warnings.filter((w) => /no live counterpart|unavailable/.test(w))).toEqual([]);
    expect(rowsOf(scan)).toEqual(['live-drift HorizontalPodAutoscaler/api.spec.maxReplicas production']);
    const drift = scan.divergences[0]!;
    expect(drift.values.production).toMatchObject({ repo: '10', live: '30', liveSource: 'kubernetes prod/shop HorizontalPodAutoscaler/api .spec.maxReplicas' });
    expect(drift.provenance?.production).toMatchObject({ manager: 'kubectl-edit', time: '2026-05-25T18:00:00Z', human: true });
  });
});

// `kubectl get hpa -o yaml` prints autoscaling/v2, whatever version the repo's manifest was written
// in: an autoscaling/v1 manifest's one CPU target meets the v2 object's CPU utilisation metric.
describe('an autoscaling/v1 manifest against the autoscaler captured as autoscaling/v2', () => {
  it("compares targetCPUUtilizationPercentage with the v2 object's cpu metric: a hand-raised target is drift", async () => {
    const v1 = [
      'apiVersion: autoscaling/v1',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: api}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
      '  minReplicas: 2',
      '  maxReplicas: 10',
      '  targetCPUUtilizationPercentage: 70',
      '',
    ].join('\n');
    const v2 = (target: number) => `apiVersion: v1
kind: List
items:
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api, namespace: shop}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 10
      metrics:
        - type: Resource
          resource:
            name: cpu
            target: {type: Utilization, averageUtilization: ${target}}
`;
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging:',
        '    files: [deploy/staging/hpa.yaml]',
        '    live: {snapshot: live/staging.yaml}',
        '  production:',
        '    files: [deploy/production/hpa.yaml]',
        '    live: {snapshot: live/production.yaml}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'deploy/staging/hpa.yaml': v1,
      'deploy/production/hpa.yaml': v1,
      'live/staging.yaml': v2(70),
      'live/production.yaml': v2(85),
    });
    const scan = await scanRepository({ repo, history: false, today: '2026-06-01' });
    expect(scan.warnings.filter((w) => w.includes('no live counterpart'))).toEqual([]);
    expect(rowsOf(scan)).toEqual(['live-drift HorizontalPodAutoscaler/api.spec.targetCPUUtilizationPercentage production']);
    expect(scan.divergences[0]!.values.production).toMatchObject({
      repo: '70',
      live: '85',
      liveSource: 'snapshot live/production.yaml HorizontalPodAutoscaler/api .spec.metrics',
    });
  });
});

// A KongPlugin keeps its settings beside metadata (`config:`), not under spec: a rate limit raised
// by hand on the live object was not compared, and a plugin whose config differs between the
// environments' manifests was no divergence at all.
describe("an object's own settings beside its metadata (a KongPlugin), in the repo and live", () => {
  const plugin = (minute: number) =>
    [
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongPlugin',
      'metadata: {name: rate-limit}',
      'plugin: rate-limiting',
      'config:',
      `  minute: ${minute}`,
      '  policy: local',
      '',
    ].join('\n');
  const captured = (minute: number, by: string) => `apiVersion: v1
kind: List
items:
  - apiVersion: configuration.konghq.com/v1
    kind: KongPlugin
    metadata:
      name: rate-limit
      namespace: edge
      generation: 1
      managedFields:
        - manager: kubectl-client-side-apply
          operation: Update
          apiVersion: configuration.konghq.com/v1
          time: "2027-03-01T09:00:00Z"
          fieldsType: FieldsV1
          fieldsV1: {"f:plugin": {}, "f:config": {"f:policy": {}${by === 'kubectl-client-side-apply' ? ', "f:minute": {}' : ''}}}
${
  by === 'kubectl-client-side-apply'
    ? ''
    : `        - manager: ${by}
          operation: Update
          apiVersion: configuration.konghq.com/v1
          time: "2027-03-09T22:10:00Z"
          fieldsType: FieldsV1
          fieldsV1: {"f:config": {"f:minute": {}}}
`
}    plugin: rate-limiting
    config:
      minute: ${minute}
      policy: local
`;

  it('compares config across environments and against the live object, with who changed it live', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging:',
        '    files: [deploy/staging/kong.yaml]',
        '    live: {snapshot: live/staging.yaml}',
        '  production:',
        '    files: [deploy/production/kong.yaml]',
        '    live: {snapshot: live/production.yaml}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'deploy/staging/kong.yaml': plugin(60),
      'deploy/production/kong.yaml': plugin(600),
      'live/staging.yaml': captured(60, 'kubectl-client-side-apply'),
      'live/production.yaml': captured(1200, 'kubectl-edit'),
    });
    const scan = await scanRepository({ repo, history: false, today: '2027-03-10' });
    expect(rowsOf(scan)).toEqual([
      'cross-env KongPlugin/rate-limit.config.minute staging,production',
      'live-drift KongPlugin/rate-limit.config.minute production',
    ]);
    const drift = scan.divergences.find((d) => d.kind === 'live-drift')!;
    expect(drift.values.production).toMatchObject({ repo: '600', live: '1200' });
    expect(drift.provenance?.production).toMatchObject({ manager: 'kubectl-edit', human: true });
    expect(scan.warnings.filter((w) => w.includes('no live counterpart'))).toEqual([]);
  });
});

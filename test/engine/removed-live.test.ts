import { beforeAll, describe, expect, it } from 'vitest';
import type { Scan } from '../../src/engine.js';
import { scanLive, twoContexts } from '../support/two-contexts.js';

// What a repository's manifest declares and the cluster's object no longer has: an annotation
// removed by hand (`kubectl annotate deploy/api team.example/owner-`) and a spec field removed by
// hand (`kubectl patch hpa api --type json -p '[{"op":"remove","path":"/spec/behavior"}]'`). The
// next `kubectl apply` puts them back: they are drift as a changed value is. Read with the real
// client-node over HTTP from a fake API server.

const manifests = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  '  annotations: {team.example/owner: payments, team.example/runbook: "https://runbooks.example/api"}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: api}}',
  '  template:',
  '    metadata:',
  '      labels: {app: api}',
  '      annotations: {prometheus.io/scrape: "true"}',
  '    spec:',
  '      terminationGracePeriodSeconds: 60',
  '      containers:',
  '        - name: app',
  '          image: registry.example/api:1.4.0',
  '---',
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata: {name: api}',
  'spec:',
  '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
  '  minReplicas: 2',
  '  maxReplicas: 10',
  '  behavior: {scaleDown: {stabilizationWindowSeconds: 600}}',
  '',
].join('\n');

const rowsOf = (scan: Scan) => scan.divergences.map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`).sort();

describe('what the repo declares and the live object no longer has', () => {
  let scan: Scan;
  beforeAll(async () => {
    const { repo, api, kubeconfig } = await twoContexts({
      files: { staging: '[deploy/staging/api.yaml]', production: '[deploy/production/api.yaml]' },
      repo: { 'deploy/staging/api.yaml': manifests, 'deploy/production/api.yaml': manifests },
    });
    const applied = { manager: 'kubectl-client-side-apply', time: '2026-05-11T10:05:00Z' };
    for (const namespace of ['staging', 'shop']) {
      api.create(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: 'api',
            namespace,
            annotations: { 'team.example/owner': 'payments', 'team.example/runbook': 'https://runbooks.example/api', 'deployment.kubernetes.io/revision': '3' },
          },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'api' } },
            template: {
              metadata: { labels: { app: 'api' }, annotations: { 'prometheus.io/scrape': 'true' } },
              spec: { terminationGracePeriodSeconds: 60, containers: [{ name: 'app', image: 'registry.example/api:1.4.0' }] },
            },
          },
        },
        applied,
      );
      api.create(
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'api', namespace },
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
            minReplicas: 2,
            maxReplicas: 10,
            behavior: { scaleDown: { stabilizationWindowSeconds: 600 } },
          },
        },
        applied,
      );
    }
    // In production, by hand: the owner annotation and the pod template's scrape annotation
    // removed, the autoscaler's scale-down window removed, the grace period removed.
    const byHand = { manager: 'kubectl-edit', time: '2026-05-25T18:00:00Z' };
    api.update(
      'Deployment',
      'shop',
      'api',
      (o) => {
        const deployment = o as {
          metadata: { annotations: Record<string, string> };
          spec: { template: { metadata: { annotations?: unknown }; spec: Record<string, unknown> } };
        };
        delete deployment.metadata.annotations['team.example/owner'];
        delete deployment.spec.template.metadata.annotations;
        delete deployment.spec.template.spec.terminationGracePeriodSeconds;
      },
      byHand,
    );
    api.update(
      'HorizontalPodAutoscaler',
      'shop',
      'api',
      (o) => {
        delete (o.spec as Record<string, unknown>).behavior;
      },
      byHand,
    );
    scan = await scanLive(repo, kubeconfig, '2026-06-01');
  });

  it('reports each removed annotation and spec field as live drift in production, and nothing in staging', () => {
    expect(scan.warnings.filter((w) => /no live counterpart|unavailable/.test(w))).toEqual([]);
    expect(rowsOf(scan)).toEqual([
      'live-drift Deployment/api.metadata.annotations["team.example/owner"] production',
      'live-drift Deployment/api.pod.terminationGracePeriodSeconds production',
      'live-drift Deployment/api.template.metadata.annotations["prometheus.io/scrape"] production',
      'live-drift HorizontalPodAutoscaler/api.spec.behavior.scaleDown.stabilizationWindowSeconds production',
    ]);
  });

  it('shows the removed value as unset live (not the text "null"), and the repo value beside it', () => {
    const owner = scan.divergences.find((d) => d.key === 'Deployment/api.metadata.annotations["team.example/owner"]')!;
    expect(owner.values.production).toMatchObject({ repo: 'payments', live: null });
    expect(owner.values.staging).toMatchObject({ repo: 'payments', live: 'payments' });
    expect(owner.notes[0]).toMatch(
      /^production's Deployment\/api does not have Deployment\/api\.metadata\.annotations\["team\.example\/owner"\] \(kubernetes prod\/shop\); its repo file says "payments"/,
    );
    const window = scan.divergences.find((d) => d.key.endsWith('stabilizationWindowSeconds'))!;
    expect(window.values.production).toMatchObject({ repo: '600', live: null });
  });
});

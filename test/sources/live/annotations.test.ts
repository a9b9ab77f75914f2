import { beforeAll, describe, expect, it } from 'vitest';
import type { Scan } from '../../../src/engine.js';
import { scanLive, twoContexts } from '../../support/two-contexts.js';

// A live object's annotations meet the ones its repo manifest declares: a `kubectl annotate` by
// hand of a declared annotation is live drift, with who made it; what the cluster and its tools
// add (a revision, Helm's release name, a restart stamp) is never a row.

const manifests = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 1m
spec:
  rules:
    - host: web.example
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels: {app: api}
      annotations:
        prometheus.io/scrape: "true"
    spec:
      containers:
        - name: app
          image: registry.example/api:1.0.0
`;

const rowsOf = (scan: Scan) => scan.divergences.map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`);

describe('live annotations against the repo manifests (a cluster over the Kubernetes API)', () => {
  let scan: Scan;
  beforeAll(async () => {
    const { repo, api, kubeconfig } = await twoContexts({
      files: { staging: '[deploy/staging/app.yaml]', production: '[deploy/prod/app.yaml]' },
      production: 'prod',
      repo: { 'deploy/staging/app.yaml': manifests, 'deploy/prod/app.yaml': manifests },
    });
    const applied = { manager: 'kubectl-client-side-apply', time: '2026-05-11T10:05:00Z' };
    for (const namespace of ['staging', 'shop']) {
      api.create(
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'Ingress',
          metadata: {
            name: 'web',
            namespace,
            annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '1m', 'meta.helm.sh/release-name': `web-${namespace}` },
          },
          spec: { rules: [{ host: 'web.example' }] },
        },
        applied,
      );
      api.create(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'api', namespace, annotations: { 'deployment.kubernetes.io/revision': namespace === 'shop' ? '31' : '7' } },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'api' } },
            template: {
              metadata: {
                labels: { app: 'api' },
                annotations: { 'prometheus.io/scrape': 'true', 'kubectl.kubernetes.io/restartedAt': `2026-05-1${namespace === 'shop' ? 2 : 3}T08:00:00Z` },
              },
              spec: { containers: [{ name: 'app', image: 'registry.example/api:1.0.0' }] },
            },
          },
        },
        applied,
      );
    }
    // During an incident, prod's upload limit was raised by hand.
    api.update(
      'Ingress',
      'shop',
      'web',
      (o) => {
        (o.metadata as { annotations: Record<string, string> }).annotations['nginx.ingress.kubernetes.io/proxy-body-size'] = '50m';
      },
      { manager: 'kubectl-annotate', time: '2026-05-25T18:00:00Z' },
    );
    scan = await scanLive(repo, kubeconfig, '2026-06-01');
  });

  it('reports the hand-annotated body size as live drift by kubectl-annotate, and no tool-written annotation', () => {
    expect(scan.warnings.filter((w) => /unavailable/.test(w))).toEqual([]);
    const key = 'Ingress/web.metadata.annotations["nginx.ingress.kubernetes.io/proxy-body-size"]';
    expect(rowsOf(scan).filter((r) => r.includes('annotations'))).toEqual([`live-drift ${key} prod`]);
    const drift = scan.divergences.find((d) => d.key === key)!;
    expect(drift.values.prod).toMatchObject({ repo: '1m', live: '50m' });
    expect(drift.values.staging).toMatchObject({ repo: '1m', live: '1m' });
    expect(drift.provenance?.prod).toMatchObject({ manager: 'kubectl-annotate', time: '2026-05-25T18:00:00Z' });
    expect(rowsOf(scan).filter((r) => /revision|restartedAt|meta\.helm\.sh/.test(r))).toEqual([]);
  });
});

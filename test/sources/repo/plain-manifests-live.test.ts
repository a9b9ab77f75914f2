import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../../src/engine.js';
import { repoFromScenario } from '../../support/repo.js';

// A repository that keeps plain Kubernetes manifests names a workload's fields as the manifest
// does (`Deployment/billing-api.replicas`); the live Deployment's fields must pair with those keys,
// or a scan reports a running value the repo declares as `live-only`.

const manifest = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing-api
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: app
          image: ${image}
          resources:
            limits:
              memory: 512Mi
`;

// A nightly job beside it: its container's image and args are paired with the live CronJob's.
const cronJob = (args: string, indent: string) =>
  `apiVersion: batch/v1
kind: CronJob
metadata:
  name: billing-reconcile
  namespace: billing
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: registry.example/billing-api:2.14.0
              args: ${args}
`.replace(/^/gm, indent);

const snapshot = (replicas: number, image: string) => `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: billing-api
      namespace: billing
    spec:
      replicas: ${replicas}
      template:
        spec:
          containers:
            - name: app
              image: ${image}
              resources:
                limits:
                  memory: 512Mi
`;

const withJob = (list: string, args: string) => `${list}${cronJob(args, '    ').replace('    apiVersion', '  - apiVersion')}`;

describe('plain manifests in the repo against the live workload', () => {
  let scan: Scan;
  beforeAll(async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-05-11T10:00:00Z',
          author: 'ana',
          message: 'billing-api manifests',
          write: {
            'undrift.yaml': [
              'environments:',
              '  staging:',
              '    files: [deploy/staging/billing-api.yaml]',
              '    live: {snapshot: live/staging.yaml}',
              '  production:',
              '    files: [deploy/production/billing-api.yaml]',
              '    live: {snapshot: live/production.yaml}',
              'promotion: [staging, production]',
              '',
            ].join('\n'),
            'deploy/staging/billing-api.yaml': `${manifest(2, 'registry.example/billing-api:2.14.0')}---\n${cronJob('[reconcile, --since, 24h]', '')}`,
            'deploy/production/billing-api.yaml': `${manifest(4, 'registry.example/billing-api:2.14.0')}---\n${cronJob('[reconcile, --since, 24h]', '')}`,
            // Production runs what its repo says; staging was scaled by hand to 3 and its job's
            // args edited by hand.
            'live/production.yaml': withJob(snapshot(4, 'registry.example/billing-api:2.14.0'), '[reconcile, --since, 24h]'),
            'live/staging.yaml': withJob(snapshot(3, 'registry.example/billing-api:2.14.0'), '[reconcile, --since, 72h]'),
          },
        },
      ],
    });
    scan = await scanRepository({ repo, history: false, today: '2026-10-26' });
  });

  it('pairs the live replicas with the manifest key: no live-only row, and real drift named by the manifest key', () => {
    const rows = scan.divergences.map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`);
    expect(rows.filter((r) => r.startsWith('live-only'))).toEqual([]);
    expect(rows).toContain('live-drift Deployment/billing-api.replicas staging');
    expect(rows.some((r) => r.includes('billing-api.replicas production'))).toBe(false);
    const staging = scan.divergences.find((d) => d.kind === 'live-drift' && d.key === 'Deployment/billing-api.replicas');
    expect(staging?.values.staging).toMatchObject({ repo: '2', live: '3' });
  });

  it('does not call the declared image, resources or job args unpaired', () => {
    expect(scan.warnings.filter((w) => w.includes('no live counterpart'))).toEqual([]);
  });

  it("compares the job container's args with the manifest's: a hand edit is live-drift under the manifest key", () => {
    const args = scan.divergences.filter((d) => d.key === 'CronJob/billing-reconcile.containers[name=job].args');
    expect(args.map((d) => `${d.kind} ${d.envs.join(',')}`)).toEqual(['live-drift staging']);
    expect(args[0]?.values.staging).toMatchObject({ repo: '["reconcile","--since","24h"]', live: '["reconcile","--since","72h"]' });
  });
});

// `files: [k8s/prod/]` names a directory of manifests: its values are read, and so must its
// objects be, or an object missing live (or live with no definition) is never reported.
describe('an environment whose files name a directory of manifests', () => {
  let scan: Scan;
  beforeAll(async () => {
    const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: billing\ndata:\n  LOG_LEVEL: info\n`;
    const listItem = (n: string) =>
      `  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: ${n}\n      namespace: billing\n    data:\n      LOG_LEVEL: info\n`;
    const liveList = (names: string[]) => `apiVersion: v1\nkind: List\nitems:\n${names.map(listItem).join('')}`;
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-05-11T10:00:00Z',
          author: 'ana',
          message: 'billing manifests per environment, one directory each',
          write: {
            'undrift.yaml': [
              'environments:',
              '  staging:',
              '    files: [k8s/staging/]',
              '    live: {snapshot: live/staging.yaml}',
              '  production:',
              '    files: [k8s/prod/]',
              '    live: {snapshot: live/production.yaml}',
              'promotion: [staging, production]',
              '',
            ].join('\n'),
            'k8s/staging/billing-config.yaml': configMap('billing-config'),
            'k8s/staging/jobs/billing-jobs.yaml': configMap('billing-jobs'),
            'k8s/prod/billing-config.yaml': configMap('billing-config'),
            'k8s/prod/jobs/billing-jobs.yaml': configMap('billing-jobs'),
            // Staging runs both and one made by hand; production lost billing-jobs.
            'live/staging.yaml': liveList(['billing-config', 'billing-jobs', 'billing-debug']),
            'live/production.yaml': liveList(['billing-config']),
          },
        },
      ],
    });
    scan = await scanRepository({ repo, history: false, today: '2026-10-26' });
  });

  it('reads the objects below the directory: a hand-made object is live-object, a lost one missing-live', () => {
    const rows = scan.divergences.filter((d) => d.kind === 'live-object' || d.kind === 'missing-live').map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`);
    expect(rows).toEqual(expect.arrayContaining(['live-object ConfigMap/billing-debug staging', 'missing-live ConfigMap/billing-jobs production']));
    expect(rows).toHaveLength(2);
  });
});

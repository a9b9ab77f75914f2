import { beforeAll, describe, expect, it } from 'vitest';
import { stateAt } from '../../src/cli/at.js';
import { scanRepository, type Scan } from '../../src/engine.js';
import { eventsOfKey } from '../../src/history/live-timeline.js';
import { toJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { explainKey, renderExplanation } from '../../src/report/explain.js';
import { renderHtml } from '../../src/report/html.js';
import { styleFor } from '../../src/report/style.js';
import { detailLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { helmInstall, startCluster } from '../support/cluster.js';
import { repoWithFiles } from '../support/repo.js';

// A Helm-deployed service whose release history the cluster kept: the timeline of a key gains the
// deploys of each release revision that changed its value, and `at` answers from them exactly.

const PASSWORD = 'pg-pass-7e1d0c';
let repo: string;
let scan: Scan;

beforeAll(async () => {
  const { api } = await startCluster();
  helmInstall(api, 'payments', { TIMEOUT_MS: '3000' }, { time: '2026-03-02T09:14:07Z' });
  const release = (revision: number, status: string, time: string, timeout: number) =>
    api.helmRelease({
      namespace: 'payments',
      name: 'payment-service',
      revision,
      status,
      time,
      chart: 'payment-service',
      chartVersion: `1.${revision}.0`,
      config: { TIMEOUT_MS: timeout, db: { password: PASSWORD } },
    });
  release(1, 'superseded', '2026-03-02T09:14:02Z', 3000);
  release(2, 'superseded', '2026-05-01T10:00:00Z', 5000);
  release(3, 'failed', '2026-05-02T10:00:00Z', 9999); // never applied: not a deploy of its values
  release(4, 'deployed', '2026-06-01T10:00:00Z', 3000);
  // Events the cluster still keeps: a pod of the rollout crash-looping, a config sync reporting a
  // change of the ConfigMap the workload reads, and a pod of another workload (not this key's).
  const [replicaSet] = api.names('ReplicaSet', 'payments');
  const event = (name: string, about: { kind: string; name: string }, reason: string, message: string, time: string, type = 'Normal') =>
    api.create(
      {
        kind: 'Event',
        metadata: { name, namespace: 'payments' },
        involvedObject: { ...about, namespace: 'payments' },
        reason,
        message,
        source: { component: about.kind === 'Pod' ? 'kubelet' : 'config-sync' },
        firstTimestamp: time,
        lastTimestamp: time,
        count: 3,
        type,
      },
      { manager: 'kube-controller-manager', time },
    );
  event('backoff', { kind: 'Pod', name: `${replicaSet}-x2k9p` }, 'BackOff', 'Back-off restarting failed container app', '2026-05-10T03:00:00Z', 'Warning');
  event('synced', { kind: 'ConfigMap', name: 'payment-config' }, 'ConfigMapUpdated', 'data changed: TIMEOUT_MS', '2026-05-01T10:00:03Z');
  event('other', { kind: 'Pod', name: 'billing-worker-6c8d9e7f5b-q7w2z' }, 'Killing', 'Stopping container worker', '2026-05-10T03:01:00Z');
  // A CronJob's runs: a Job it scheduled (named by the schedule, gone by now, only its Event left)
  // and one started by hand from it (`kubectl create job --from=cronjob/...`: another name, an
  // owner reference), whose Pod backs off. Their Events are the CronJob's.
  const cronJob = api.create(
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'settlement-reconcile', namespace: 'payments' },
      spec: {
        schedule: '*/30 * * * *',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'reconcile', image: 'payments:1.8.2' }] } } } },
      },
    },
    { manager: 'kubectl-create', time: '2026-05-09T01:05:19Z' },
  );
  api.create(
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'reconcile-by-hand',
        namespace: 'payments',
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'settlement-reconcile', uid: (cronJob.metadata as { uid: string }).uid }],
      },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'reconcile', image: 'payments:1.8.2' }] } } },
    },
    { manager: 'kubectl-create', time: '2026-05-10T04:00:00Z' },
  );
  event('scheduled', { kind: 'Job', name: 'settlement-reconcile-29640960' }, 'Completed', 'Job completed', '2026-05-10T03:30:47Z');
  event('by-hand', { kind: 'Pod', name: 'reconcile-by-hand-w9r2k' }, 'BackOff', 'Back-off pulling image "payments:1.8.2"', '2026-05-10T04:01:40Z', 'Warning');
  event('not-its', { kind: 'Job', name: 'settlement-report-29640960' }, 'Completed', 'Job completed', '2026-05-10T03:31:00Z');
  repo = await repoWithFiles({
    'undrift.yaml': [
      'environments:',
      '  staging: config/staging.yaml',
      '  production:',
      '    files: config/production.yaml',
      '    live: {kubernetes: {kubeconfig: kubeconfig, context: prod, namespace: payments}, helmHistory: true}',
      'promotion: [staging, production]',
      '',
    ].join('\n'),
    kubeconfig: api.kubeconfig([{ name: 'prod', namespace: 'payments' }]),
    'config/staging.yaml': 'TIMEOUT_MS: 4000\n',
    'config/production.yaml': 'TIMEOUT_MS: 3000\n',
  });
  scan = await scanRepository({ repo, historyCache: false });
}, 120_000);

describe('Helm release history in the key timeline', () => {
  it('adds each release revision that changed the value, with its revision and record; failed releases deploy nothing', () => {
    const timeline = toJson(scan).timelines.TIMEOUT_MS!.filter((e) => e.kind === 'deploy' && e.revision);
    expect(timeline.map((e) => `${e.time} ${e.env} r${e.revision} ${e.from ?? '·'} → ${e.to}`)).toEqual([
      '2026-03-02T09:14:02Z production r1 · → 3000',
      '2026-05-01T10:00:00Z production r2 3000 → 5000',
      '2026-06-01T10:00:00Z production r4 5000 → 3000',
    ]);
    expect(timeline[1]).toMatchObject({
      exact: true,
      source: 'live',
      manager: 'helm',
      liveSource:
        'kubernetes prod/payments Helm release payment-service revision 2 (Secret/sh.helm.release.v1.payment-service.v2, chart payment-service 1.2.0, superseded)',
    });
  });

  it('keeps the values of keys the repository does not set as fingerprints only', () => {
    const releases = scan.snapshot.live!.get('production')!.history!.releases;
    expect(releases).toHaveLength(4);
    expect(releases[0]!.values['db.password']).toMatch(/^secret:[0-9a-f]{12} \(14 bytes\)$/);
    const everything = JSON.stringify(scan, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
    expect(everything).not.toContain(PASSWORD);
  });

  it('the report says what each source read of the past, and lists the Events the cluster still kept', () => {
    const md = renderMarkdown(scan);
    expect(md).toContain('production: ✓ read from kubernetes prod/payments · history: 1 workload revision, 4 Helm release records, 5 Events |');
    expect(md).toMatch(
      new RegExp(
        String.raw`## Cluster events still kept\n\n\| Time \(UTC\) \|.*\n\|---.*\n\| 2026-03-02 09:14 \| production \| Deployment\/payment-service ` +
          String.raw`\| Normal \| ScalingReplicaSet \| Scaled up replica set payment-service-[0-9a-f]{10} from 0 to 2 \| deployment-controller ` +
          String.raw`\|`,
      ),
    );
    expect(toJson(scan).live.production!.history).toMatchObject({
      revisions: 1,
      releases: 4,
      events: [
        { reason: 'ScalingReplicaSet', time: '2026-03-02T09:14:07Z', workload: 'Deployment/payment-service' },
        { reason: 'ConfigMapUpdated', time: '2026-05-01T10:00:03Z', regarding: 'ConfigMap/payment-config' },
        { reason: 'BackOff', time: '2026-05-10T03:00:00Z', workload: 'Deployment/payment-service', count: 3 },
        { reason: 'Completed', regarding: 'Job/settlement-reconcile-29640960', workload: 'CronJob/settlement-reconcile' },
        { reason: 'BackOff', regarding: 'Pod/reconcile-by-hand-w9r2k', workload: 'CronJob/settlement-reconcile' },
      ],
    });
  });

  it("links a CronJob's Jobs and their Pods to it, by owner reference or by the Job's scheduled name, so their Events are in its timeline", () => {
    const state = scan.snapshot.live!.get('production')!;
    expect(eventsOfKey('CronJob/settlement-reconcile', state).map((e) => `${e.time} ${e.event!.regarding} ${e.event!.reason}`)).toEqual([
      '2026-05-10T03:30:47Z Job/settlement-reconcile-29640960 Completed',
      '2026-05-10T04:01:40Z Pod/reconcile-by-hand-w9r2k BackOff',
    ]);
    // The Deployment's keys do not get the CronJob's runs.
    expect(toJson(scan).timelines.TIMEOUT_MS!.filter((e) => e.kind === 'event' && e.event!.regarding.includes('reconcile'))).toEqual([]);
  });

  it('merges the Events about what runs the key into its timeline, marked as events, with time and reason', () => {
    const timeline = toJson(scan).timelines.TIMEOUT_MS!;
    const events = timeline.filter((e) => e.kind === 'event');
    expect(events.map((e) => `${e.time} ${e.env} ${e.event!.regarding} ${e.event!.type} ${e.event!.reason}`)).toEqual([
      '2026-03-02T09:14:07Z production Deployment/payment-service Normal ScalingReplicaSet',
      '2026-05-01T10:00:03Z production ConfigMap/payment-config Normal ConfigMapUpdated',
      expect.stringMatching(/^2026-05-10T03:00:00Z production Pod\/payment-service-[0-9a-f]{10}-x2k9p Warning BackOff$/),
    ]);
    expect(events[2]).toMatchObject({
      source: 'live',
      exact: true,
      manager: 'kubelet',
      event: { message: 'Back-off restarting failed container app', count: 3 },
    });
    expect(events[2]!.to).toBeUndefined(); // an Event records no value
    // Every renderer shows it as an event, its words in place of a value change.
    const pod = events[2]!.event!.regarding;
    expect(renderMarkdown(scan)).toContain(
      `| 2026-05-10 03:00 | production | event (live) | \`Warning BackOff: Back-off restarting failed container app (3 times)\` | kubelet | kubernetes prod/payments Event about ${pod} |  |`,
    );
    expect(renderExplanation(explainKey(scan, 'TIMEOUT_MS')!, styleFor(false))).toContain(
      `2026-05-10 03:00  production  event Warning BackOff: Back-off restarting failed container app (3 times)  event about ${pod} by kubelet`,
    );
    const state = initialState({ repoName: 'events', envs: scan.snapshot.environments, divergences: scan.divergences });
    expect(
      detailLines(
        state,
        scan.divergences.find((d) => d.key === 'TIMEOUT_MS')!,
        200,
      ).map((l) => l.text.trim()),
    ).toContain(`2026-05-10 03:00 production event Warning BackOff: Back-off restarting failed container app (3 times)  event about ${pod} by kubelet`);
    expect(renderHtml(scan)).toMatch(/class="event mark-event" data-kind="event" data-time="2026-05-10T03:00:00Z"/);
    // In time order among the deploys: the config sync's Event right after release 2.
    const order = timeline.map((e) => `${e.kind}${e.revision ? ` r${e.revision}` : ''}`);
    expect(order.indexOf('event', order.indexOf('deploy r2'))).toBe(order.indexOf('deploy r2') + 1);
  });

  it('says exactly what ran at a moment between two releases', async () => {
    const state = await stateAt({ repo, historyCache: false, noColor: true }, '2026-05-15T00:00Z');
    const production = state.keys.TIMEOUT_MS!.find((r) => r.env === 'production')!;
    expect(production.declared).toBe('3000');
    expect(production.ran).toMatchObject({ known: true, value: '5000', since: { revision: '2', manager: 'helm' } });
  });
});

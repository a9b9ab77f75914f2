import type { HelmRelease, KeyPath, LiveEvent, LiveState, TimelineEntry, WorkloadRevision } from '../model/types.js';

// A key's deploys, from what the cluster keeps of its past: each workload revision (ReplicaSet,
// ControllerRevision) that started running another value of it, and each Helm release revision
// that deployed another value; and the Events it kept about what runs the key. Pure: a live
// source's history in, timeline entries out.

/** Statuses of a Helm release whose values were applied to the cluster. */
const APPLIED = new Set(['deployed', 'superseded']);

/** What a key names inside a workload's pod template: a container's image, or one env var. */
type TemplateField = { workload: string; container: string; image: true } | { workload: string; container: string; env: string };

// A CronJob's pod template is inside its job template.
const ENV_FIELD = /^\.spec\.(?:jobTemplate\.spec\.)?template\.spec\.containers\[name=([^\]]+)\]\.env\[name=([^\]]+)\]\.(?:value|valueFrom)$/;

/** The template field a key's live value is read from, in this source (when it is one). */
function templateField(key: KeyPath, state: LiveState): TemplateField | undefined {
  const artifact = state.artifacts.find((a) => a.key === key);
  if (artifact) {
    // `Deployment/payment-service.containers[name=app].image` (a name may hold dots); the
    // revisions were read under the cluster's name of the workload.
    const live = artifact.liveKey ?? key;
    const at = live.lastIndexOf('.containers[name=');
    const container = /^\.containers\[name=([^\]]+)\]\.image$/.exec(live.slice(at))?.[1];
    if (at > 0 && container) return { workload: live.slice(0, at), container, image: true };
  }
  const value = state.values.get(key);
  const env = value ? ENV_FIELD.exec(value.location.fieldPath) : null;
  if (value && env) return { workload: `${value.location.kind}/${value.location.name}`, container: env[1]!, env: env[2]! };
  return undefined;
}

const valueIn = (revision: WorkloadRevision, field: TemplateField): string | null => {
  const container = revision.containers.find((c) => c.name === field.container);
  if (!container) return null;
  return 'image' in field ? (container.image ?? null) : (container.env[field.env] ?? null);
};

function fromRevisions(field: TemplateField, state: LiveState): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let before: string | null | undefined;
  for (const revision of state.history?.revisions ?? []) {
    if (revision.workload !== field.workload) continue;
    const value = valueIn(revision, field);
    if (value === before && revision.restartedAt && before !== undefined) {
      // `kubectl rollout restart`: the same value, its pods replaced by hand.
      entries.push({
        time: revision.time,
        exact: revision.exact,
        env: state.env,
        source: 'live',
        kind: 'restart',
        from: before,
        to: value,
        manager: 'kubectl-rollout',
        revision: String(revision.revision),
        liveSource: `${state.source} ${field.workload} revision ${revision.revision} (${revision.object}, kubectl rollout restart at ${revision.restartedAt})`,
      });
    } else if (value !== before) {
      entries.push({
        time: revision.time,
        exact: revision.exact,
        env: state.env,
        source: 'live',
        kind: 'deploy',
        // The oldest revision kept says what ran from then on, not what ran before it.
        ...(before !== undefined ? { from: before } : {}),
        to: value,
        revision: String(revision.revision),
        liveSource:
          `${state.source} ${field.workload} revision ${revision.revision} ` +
          `(${revision.object}${revision.reused ? `, rolled back to revision ${revision.reused.join(', ')}'s template` : ''})`,
      });
    }
    before = value;
  }
  return entries;
}

function fromReleases(key: KeyPath, state: LiveState): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const byRelease = new Map<string, HelmRelease[]>();
  for (const release of state.history?.releases ?? []) {
    if (!APPLIED.has(release.status)) continue;
    byRelease.set(release.name, [...(byRelease.get(release.name) ?? []), release]);
  }
  for (const [name, releases] of byRelease) {
    if (!releases.some((r) => key in r.values)) continue;
    let before: string | null | undefined;
    for (const release of releases) {
      const value = key in release.values ? (release.values[key] ?? null) : null;
      if (value !== before) {
        entries.push({
          time: release.time,
          exact: true,
          env: state.env,
          source: 'live',
          kind: 'deploy',
          ...(before !== undefined ? { from: before } : {}),
          to: value,
          manager: 'helm',
          revision: String(release.revision),
          liveSource:
            `${state.source} Helm release ${name} revision ${release.revision} (${release.object}, chart ` +
            `${release.chart}${release.chartVersion ? ` ${release.chartVersion}` : ''}, ${release.status})`,
        });
      }
      before = value;
    }
  }
  return entries;
}

/** Every deploy of `key` the source's history records, oldest first. */
export function deploysOf(key: KeyPath, state: LiveState): TimelineEntry[] {
  if (!state.history) return [];
  const field = templateField(key, state);
  return [...(field ? fromRevisions(field, state) : []), ...fromReleases(key, state)].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

const WORKLOAD_KEY = /^(?:Deployment|StatefulSet|DaemonSet|CronJob)\/[^./[\]]+$/;

/** What runs a key, for its Events: the workload whose template holds it, or the ConfigMap or
 * Secret it is read from with the workloads whose current template reads that object (`envFrom`,
 * or an env var's reference); for a workload's own key, the workload. */
function runnersOf(key: KeyPath, state: LiveState): { workloads: Set<string>; holder?: string } {
  const field = templateField(key, state);
  if (field) return { workloads: new Set([field.workload]) };
  // A workload's own row (`CronJob/settlement-reconcile`, an object of the inventory): its Events are its own.
  if (WORKLOAD_KEY.test(key)) return { workloads: new Set([key]) };
  const value = state.values.get(key);
  if (!value) return { workloads: new Set() };
  const holder = `${value.location.kind}/${value.location.name}`;
  const reads = (r: WorkloadRevision) =>
    r.containers.some((c) => c.envFrom.includes(holder) || Object.values(c.env).some((v) => v.startsWith(`(${holder} key `)));
  return { workloads: new Set((state.history?.revisions ?? []).filter((r) => r.current && reads(r)).map((r) => r.workload)), holder };
}

const eventEntry = (e: LiveEvent, state: LiveState): TimelineEntry => ({
  time: e.time,
  // An Event's time is when it was last seen (a repeated one keeps only its latest).
  exact: true,
  env: state.env,
  source: 'live',
  kind: 'event',
  ...(e.reporter ? { manager: e.reporter } : {}),
  liveSource: `${state.source} Event about ${e.regarding}`,
  event: e,
});

/** The Events the source kept about what runs `key`, oldest first. */
export function eventsOfKey(key: KeyPath, state: LiveState): TimelineEntry[] {
  const events = state.history?.events ?? [];
  if (events.length === 0) return [];
  const { workloads, holder } = runnersOf(key, state);
  return events.filter((e) => (e.workload && workloads.has(e.workload)) || e.regarding === holder).map((e) => eventEntry(e, state));
}

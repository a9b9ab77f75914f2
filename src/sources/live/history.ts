import type { KeyPath, LiveHistory } from '../../model/types.js';
import { eventsOf } from './events.js';
import { releasesOf } from './helm-releases.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';
import { revisionsOf } from './revisions.js';
import { isMap } from '../../model/is-map.js';

/** Which of the past a live source reads: `enabled` (revisions and Events, default on) and `helm`. */
export interface HistoryRead {
  enabled: boolean;
  helm: boolean;
  known: (key: KeyPath) => boolean;
  /** How a release's unknown values are fingerprinted (the repository's key). */
  fingerprint?: SecretFingerprint;
}

/** Which history to read from a source's objects. */
export interface HistoryOptions {
  /** The workloads read (`Deployment/payment-service`): only their revisions and Events count. */
  workloads: ReadonlySet<string>;
  /** Read Helm release records (opt-in: they are Secrets). */
  helm: boolean;
  /** Keys the repository's files set: their values in a release record are shown, every other
   * value is fingerprinted. */
  known: (key: KeyPath) => boolean;
  fingerprint?: SecretFingerprint;
}

/** Pod names as their controllers make them: a ReplicaSet's, DaemonSet's or Job's `<owner>-<5
 * characters>` (Kubernetes' generateName alphabet), a StatefulSet's `<owner>-<ordinal>`. */
const GENERATED = /^([a-z0-9][a-z0-9.-]*)-([bcdfghjklmnpqrstvwxz2456789]{5}|\d+)$/;

/** A CronJob names each Job it starts `<cronjob>-<scheduled time in minutes since the epoch>`. */
const SCHEDULED_JOB = /^([a-z0-9][a-z0-9.-]*)-(\d+)$/;

/** `Kind/name` → its controller's `Kind/name`, from the ownerReferences of the objects read (a
 * Job's CronJob, a Pod's Job): the objects themselves may be gone when only their Events are left. */
function controllersOf(objects: readonly unknown[], kinds: ReadonlySet<string>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const obj of objects) {
    if (!isMap(obj) || !kinds.has(String(obj.kind)) || !isMap(obj.metadata)) continue;
    const refs = Array.isArray(obj.metadata.ownerReferences) ? obj.metadata.ownerReferences.filter(isMap) : [];
    const ref = refs.find((r) => r.controller === true) ?? refs[0];
    if (ref && typeof ref.kind === 'string' && typeof ref.name === 'string')
      owners.set(`${String(obj.kind)}/${String(obj.metadata.name)}`, `${ref.kind}/${ref.name}`);
  }
  return owners;
}

/** The read workload an Event is about: the workload itself, one of its ReplicaSets, one of a
 * CronJob's Jobs, or one of their Pods (by owner reference, else by the name its controller gave it). */
function workloadOf(
  regarding: string,
  workloads: ReadonlySet<string>,
  rsOwner: ReadonlyMap<string, string>,
  owners: ReadonlyMap<string, string>,
): string | undefined {
  if (workloads.has(regarding)) return regarding;
  const owner = rsOwner.get(regarding);
  if (owner) return owner;
  if (regarding.startsWith('Job/')) {
    const cronJob = owners.get(regarding) ?? `CronJob/${SCHEDULED_JOB.exec(regarding.slice(4))?.[1] ?? ''}`;
    return workloads.has(cronJob) ? cronJob : undefined;
  }
  const ownerOfPod = owners.get(regarding);
  if (ownerOfPod) return workloadOf(ownerOfPod, workloads, rsOwner, owners);
  const pod = regarding.startsWith('Pod/') ? GENERATED.exec(regarding.slice(4)) : null;
  if (!pod) return undefined;
  const [, base, suffix] = pod as unknown as [string, string, string];
  if (/^\d+$/.test(suffix)) return workloads.has(`StatefulSet/${base}`) ? `StatefulSet/${base}` : undefined;
  return (
    rsOwner.get(`ReplicaSet/${base}`) ??
    (workloads.has(`DaemonSet/${base}`) ? `DaemonSet/${base}` : undefined) ??
    workloadOf(`Job/${base}`, workloads, rsOwner, owners)
  );
}

/** What the cluster keeps of its own past, from the objects a source returned (a cluster's LISTs or
 * a snapshot): the read workloads' revisions and Events, and with `helm` the release records. */
export function historyOf(objects: readonly unknown[], options: HistoryOptions, notes: string[] = []): LiveHistory {
  const revisions = revisionsOf(objects).filter((r) => options.workloads.has(r.workload));
  // The Events of a workload, its ReplicaSets, a CronJob's Jobs and their Pods speak of its rollouts
  // and runs and its pods' lives; a ConfigMap's count when a read workload's template reads it.
  const rsOwner = new Map(revisions.map((r) => [r.object, r.workload]));
  const readConfigMaps = new Set(
    revisions.flatMap((r) => r.containers.flatMap((c) => [...c.envFrom, ...Object.values(c.env).map((v) => /^\((ConfigMap\/\S+) key /.exec(v)?.[1])])),
  );
  const owners = controllersOf(objects, new Set(['Job', 'Pod']));
  const events = eventsOf(objects).flatMap((e) => {
    const workload = workloadOf(e.regarding, options.workloads, rsOwner, owners);
    if (workload) return [{ ...e, workload }];
    return readConfigMaps.has(e.regarding) ? [e] : [];
  });
  const helm = options.helm ? releasesOf(objects, options.known, options.fingerprint) : { releases: [], problems: [] };
  return { revisions, releases: helm.releases, events, notes: [...notes, ...helm.problems] };
}

/** A history with nothing in it is not worth carrying. */
export const isEmptyHistory = (h: LiveHistory): boolean => h.revisions.length + h.releases.length + h.events.length + h.notes.length === 0;

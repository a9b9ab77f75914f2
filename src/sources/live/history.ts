import type { KeyPath, LiveHistory } from '../../model/types.js';
import { eventsOf } from './events.js';
import { releasesOf } from './helm-releases.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';
import { revisionsOf } from './revisions.js';

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

/** Pod names as their controllers make them: a ReplicaSet's or DaemonSet's `<owner>-<5 characters>`
 * (Kubernetes' generateName alphabet), a StatefulSet's `<owner>-<ordinal>`. */
const GENERATED = /^([a-z0-9][a-z0-9.-]*)-([bcdfghjklmnpqrstvwxz2456789]{5}|\d+)$/;

/** The read workload an Event is about: the workload itself, one of its ReplicaSets, or one of its
 * Pods (by the name its controller gave it). */
function workloadOf(regarding: string, workloads: ReadonlySet<string>, rsOwner: ReadonlyMap<string, string>): string | undefined {
  if (workloads.has(regarding)) return regarding;
  const owner = rsOwner.get(regarding);
  if (owner) return owner;
  const pod = regarding.startsWith('Pod/') ? GENERATED.exec(regarding.slice(4)) : null;
  if (!pod) return undefined;
  const [, base, suffix] = pod as unknown as [string, string, string];
  if (/^\d+$/.test(suffix)) return workloads.has(`StatefulSet/${base}`) ? `StatefulSet/${base}` : undefined;
  return rsOwner.get(`ReplicaSet/${base}`) ?? (workloads.has(`DaemonSet/${base}`) ? `DaemonSet/${base}` : undefined);
}

/** What the cluster keeps of its own past, from the objects a source returned (a cluster's LISTs or
 * a snapshot): the read workloads' revisions and Events, and with `helm` the release records. */
export function historyOf(objects: readonly unknown[], options: HistoryOptions, notes: string[] = []): LiveHistory {
  const revisions = revisionsOf(objects).filter((r) => options.workloads.has(r.workload));
  // The Events of a workload, its ReplicaSets and its Pods speak of its rollouts and its pods'
  // lives; a ConfigMap's count when a read workload's template reads it.
  const rsOwner = new Map(revisions.map((r) => [r.object, r.workload]));
  const readConfigMaps = new Set(
    revisions.flatMap((r) => r.containers.flatMap((c) => [...c.envFrom, ...Object.values(c.env).map((v) => /^\((ConfigMap\/\S+) key /.exec(v)?.[1])])),
  );
  const events = eventsOf(objects).flatMap((e) => {
    const workload = workloadOf(e.regarding, options.workloads, rsOwner);
    if (workload) return [{ ...e, workload }];
    return readConfigMaps.has(e.regarding) ? [e] : [];
  });
  const helm = options.helm ? releasesOf(objects, options.known, options.fingerprint) : { releases: [], problems: [] };
  return { revisions, releases: helm.releases, events, notes: [...notes, ...helm.problems] };
}

/** A history with nothing in it is not worth carrying. */
export const isEmptyHistory = (h: LiveHistory): boolean => h.revisions.length + h.releases.length + h.events.length + h.notes.length === 0;

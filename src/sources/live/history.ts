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

/** What the cluster keeps of its own past, from the objects a source returned (a cluster's LISTs or
 * a snapshot): the read workloads' revisions and Events, and with `helm` the release records. */
export function historyOf(objects: readonly unknown[], options: HistoryOptions, notes: string[] = []): LiveHistory {
  const revisions = revisionsOf(objects).filter((r) => options.workloads.has(r.workload));
  // A ReplicaSet's Events speak of its Deployment's rollout: counted when its owner is read.
  const rsOwner = new Map(revisions.map((r) => [r.object, r.workload]));
  const events = eventsOf(objects).filter((e) => options.workloads.has(e.regarding) || options.workloads.has(rsOwner.get(e.regarding) ?? ''));
  const helm = options.helm ? releasesOf(objects, options.known, options.fingerprint) : { releases: [], problems: [] };
  return { revisions, releases: helm.releases, events, notes: [...notes, ...helm.problems] };
}

/** A history with nothing in it is not worth carrying. */
export const isEmptyHistory = (h: LiveHistory): boolean => h.revisions.length + h.releases.length + h.events.length + h.notes.length === 0;

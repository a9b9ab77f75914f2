import type { InventoryObject, Provenance } from '../../model/types.js';
import { classifyManager, countLeaves, f, ownersOf, timeText, type ManagedFieldsEntry } from './managed-fields.js';
import { isReleaseRecord } from './helm-releases.js';
import { exposureOf } from './exposure.js';
import { isMap } from '../../model/is-map.js';

/** The kinds the inventory counts, namespaced; cluster-scoped RBAC only when asked. */
export const INVENTORY_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ConfigMap',
  'Secret',
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'ServiceAccount',
  'Role',
  'RoleBinding',
] as const;
export const CLUSTER_RBAC_KINDS = ['ClusterRole', 'ClusterRoleBinding'] as const;

type Obj = Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

// What every namespace or cluster has without anyone writing it: never drift.
const SYSTEM_SECRET_TYPES = new Set(['helm.sh/release.v1']);
const TOKEN_TYPE = 'kubernetes.io/service-account-token';
// The name the token controller gave the tokens it made before Kubernetes 1.24: `<sa>-token-<5>`.
const LEGACY_TOKEN_NAME = /-token-[bcdfghjklmnpqrstvwxz245-9]{5}$/;

/** A ServiceAccount token Secret the cluster made (the legacy token controller: created by
 * kube-controller-manager, or, with no managedFields to say, named as it names them). One made
 * by a person or a deploy since (Kubernetes ≥ 1.24 makes none) is a long-lived credential: counted. */
function isClusterToken(meta: Obj, name: string): boolean {
  const creator = creatorOf(meta.managedFields as ManagedFieldsEntry[] | undefined, timeText(meta.creationTimestamp as ManagedFieldsEntry['time']));
  return creator ? creator.kind === 'controller' : LEGACY_TOKEN_NAME.test(name);
}
const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/** An object someone wrote, rather than one a controller made or the cluster ships: objects
 * with owner references (a CronJob's Jobs, ReplicaSets, Pods) are never counted. */
export function isCounted(raw: Obj & { kind?: string }): boolean {
  const kind = raw.kind ?? '';
  const meta = isMap(raw.metadata) ? raw.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (Array.isArray(meta.ownerReferences) && meta.ownerReferences.length > 0) return false;
  if (kind === 'ConfigMap' && name === 'kube-root-ca.crt') return false;
  if (isReleaseRecord(raw)) return false; // Helm's bookkeeping (configmap driver)
  if (kind === 'ServiceAccount' && name === 'default') return false;
  if (kind === 'Secret' && SYSTEM_SECRET_TYPES.has(typeof raw.type === 'string' ? raw.type : '')) return false;
  if (kind === 'Secret' && raw.type === TOKEN_TYPE && isClusterToken(meta, name)) return false;
  if (kind === 'Service' && name === 'kubernetes') return false;
  if (/^(Cluster)?Role(Binding)?$/.test(kind) && (name.startsWith('system:') || (kind === 'ClusterRole' && BUILT_IN_CLUSTER_ROLES.has(name)))) return false;
  return true;
}

/** A Role's or ClusterRole's rules as a set of (apiGroup, resource, resourceName, verb), so
 * two roles written differently compare by what they allow. */
export function grantsOf(rules: unknown): string[] {
  const out = new Set<string>();
  for (const rule of Array.isArray(rules) ? rules.filter(isMap) : []) {
    const verbs = strings(rule.verbs);
    if (Array.isArray(rule.nonResourceURLs)) {
      for (const url of strings(rule.nonResourceURLs)) for (const verb of verbs) out.add(`|url:${url}||${verb}`);
      continue;
    }
    const groups = strings(rule.apiGroups);
    const names = strings(rule.resourceNames);
    for (const group of groups.length ? groups : ['']) {
      for (const resource of strings(rule.resources)) {
        for (const name of names.length ? names : ['']) for (const verb of verbs) out.add(`${group}|${resource}|${name}|${verb}`);
      }
    }
  }
  return [...out].sort();
}

/**
 * Who created an object. An entry's `time` is when that manager last wrote, not when it first did,
 * so the oldest entry is not the creator once the creator has written again (a `helm upgrade`
 * after a `kubectl edit` makes the edit the oldest). The creator is the entry dated at the
 * object's creation; failing that, the one owning the most fields (a create owns every field
 * present after defaulting, a later edit only what it changed), the older on a tie.
 */
export function creatorOf(managedFields: ManagedFieldsEntry[] | undefined, createdAt?: string | null): Provenance | undefined {
  const entries = (managedFields ?? []).filter((e) => !e.subresource && e.manager);
  const atCreation = createdAt ? entries.find((e) => timeText(e.time) === createdAt) : undefined;
  const older = (a: ManagedFieldsEntry, b: ManagedFieldsEntry) => ((timeText(a.time) ?? '') < (timeText(b.time) ?? '') ? -1 : 1);
  const creator = atCreation ?? entries.map((e) => ({ e, owned: countLeaves(e.fieldsV1) })).sort((a, b) => b.owned - a.owned || older(a.e, b.e))[0]?.e;
  if (!creator) return undefined;
  const operation = creator.operation ?? 'Update';
  const kind = classifyManager(creator.manager!, operation);
  return { manager: creator.manager!, operation, time: timeText(creator.time), exact: false, human: kind === 'human', kind };
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
// The fields that say what a role or binding grants: whoever wrote them last granted it.
const GRANT_FIELDS: Record<string, string[]> = {
  Role: ['rules'],
  ClusterRole: ['rules', 'aggregationRule'],
  RoleBinding: ['subjects', 'roleRef'],
  ClusterRoleBinding: ['subjects', 'roleRef'],
};
const MAX_ANNOTATIONS = 20;
const MAX_ANNOTATION_CHARS = 200;

/** Annotations that may say why an object exists (a reason, a ticket, an owner): all but
 * kubectl's last-applied configuration (the object itself), bounded. */
export function annotationsOf(meta: Obj): Record<string, string> | undefined {
  if (!isMap(meta.annotations)) return undefined;
  const kept = Object.entries(meta.annotations)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'kubectl.kubernetes.io/last-applied-configuration')
    .slice(0, MAX_ANNOTATIONS)
    .map(([k, v]): [string, string] => [k.slice(0, MAX_ANNOTATION_CHARS), v.length > MAX_ANNOTATION_CHARS ? `${v.slice(0, MAX_ANNOTATION_CHARS - 1)}…` : v]);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** One object as the inventory holds it: identity, creator, the annotations that may say why,
 * and for RBAC what it grants and who last wrote that; Secrets by key name only. */
export function inventoryObject(raw: Obj & { kind?: string }, source: string): InventoryObject {
  const meta = isMap(raw.metadata) ? raw.metadata : {};
  const out: InventoryObject = { kind: String(raw.kind), name: typeof meta.name === 'string' ? meta.name : '(unnamed)', source };
  if (typeof meta.namespace === 'string') out.namespace = meta.namespace;
  const managedFields = meta.managedFields as ManagedFieldsEntry[] | undefined;
  const createdAt = timeText(meta.creationTimestamp as ManagedFieldsEntry['time']);
  const createdBy = creatorOf(managedFields, createdAt);
  if (createdBy) out.createdBy = createdBy;
  if (createdAt) out.createdAt = createdAt;
  if (RBAC_KINDS.has(out.kind)) {
    const writers = (GRANT_FIELDS[out.kind] ?? []).flatMap((field) => ownersOf(managedFields, [f(field)]));
    const latest = writers.sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? 1 : -1))[0];
    if (latest) out.grantWrittenBy = latest;
  }
  // Any object's annotations may say why it exists ("stopgap until CDN-118"), not only a grant's.
  const annotations = annotationsOf(meta);
  if (annotations) out.annotations = annotations;
  const exposes = exposureOf(raw);
  if (exposes) out.exposes = exposes;
  if (raw.kind === 'Role' || raw.kind === 'ClusterRole') out.grants = grantsOf(raw.rules);
  if ((raw.kind === 'RoleBinding' || raw.kind === 'ClusterRoleBinding') && isMap(raw.roleRef)) {
    out.roleRef = `${String(raw.roleRef.kind)}/${String(raw.roleRef.name)}`;
    out.subjects = (Array.isArray(raw.subjects) ? raw.subjects.filter(isMap) : []).map((s) => `${String(s.kind)}/${String(s.name)}`).sort();
  }
  if (raw.kind === 'Secret' && raw.type === TOKEN_TYPE) {
    const account = isMap(meta.annotations) ? meta.annotations['kubernetes.io/service-account.name'] : undefined;
    // Live Secrets are listed by name and type only (no annotations cross the wire): the account
    // is then unknown, and the token is a grant all the same.
    out.tokenFor = typeof account === 'string' && account ? `ServiceAccount/${account}` : '';
  }
  // Secrets not named under `secrets:` come as names only (their data is never asked for).
  if (raw.kind === 'Secret' && (isMap(raw.data) || isMap(raw.stringData)))
    out.keys = [...new Set([...Object.keys(isMap(raw.data) ? raw.data : {}), ...Object.keys(isMap(raw.stringData) ? raw.stringData : {})])].sort();
  return out;
}

/** The inventory of a list of objects: the counted ones of the inventoried kinds. */
export function inventoryOf(objects: ReadonlyArray<{ kind?: string }>, source: string, clusterRbac = false): InventoryObject[] {
  const kinds = new Set<string>([...INVENTORY_KINDS, ...(clusterRbac ? CLUSTER_RBAC_KINDS : [])]);
  return (objects as Array<Obj & { kind?: string }>).filter((o) => kinds.has(o.kind ?? '') && isCounted(o)).map((o) => inventoryObject(o, source));
}

import type { ManagerKind, Provenance } from '../../model/types.js';
import { isMap } from '../../model/is-map.js';

/** One step of a path into an object, as FieldsV1 addresses it: a field or map key (`f:`), or an
 * item of a keyed list (`k:{"name":"app"}`). */
export type PathStep = { field: string } | { item: Record<string, string | number> };

export const f = (field: string): PathStep => ({ field });
export const k = (item: Record<string, string | number>): PathStep => ({ item });

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string | Date | null;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

type Trie = Record<string, unknown>;

// The managers people run by hand, those that deploy from a pipeline, and the cluster's own.
const HUMAN = new Set([
  'kubectl-edit',
  'kubectl-patch',
  'kubectl-set',
  'kubectl-replace',
  'kubectl-label',
  'kubectl-annotate',
  'kubectl-create',
  'kubectl-rollout',
  'kubectl-run',
  'kubectl-expose',
  'kubectl-autoscale',
  'kubectl-taint',
  'k9s',
  'Lens',
  'lens',
]);
const PIPELINE = new Set([
  'helm',
  'argocd-controller',
  'argocd-application-controller',
  'kustomize-controller',
  'helm-controller',
  'Terraform',
  'HashiCorp',
  'kubectl-client-side-apply',
  'kubectl-last-applied',
  'pulumi-kubernetes',
  'undrift',
]);

// Operators that run a workload's rollout or scale for it: what they write live is their state.
const OPERATOR = new Set(['flagger', 'rollouts-controller', 'argo-rollouts', 'keda-operator', 'vpa-updater', 'vpa-admission-controller']);

// kubectl names the field manager of each imperative command after it (`kubectl-scale`, `kubectl-cordon`,
// …, `--field-manager` defaults to "kubectl-<command>"): one a person typed, like those listed above.
// Its apply is the exception (listed as a pipeline), as a deploy's tool is.
const KUBECTL_COMMAND = /^kubectl-[a-z]+$/;

export function classifyManager(manager: string, operation: string, subresource?: string): ManagerKind {
  if (HUMAN.has(manager)) return 'human';
  // `kubectl` is server-side apply (Apply), or `kubectl scale` (Update on the scale subresource).
  if (manager === 'kubectl') return operation === 'Apply' ? 'pipeline' : 'human';
  if (PIPELINE.has(manager) || manager.startsWith('pulumi')) return 'pipeline';
  if (KUBECTL_COMMAND.test(manager) && operation !== 'Apply') return 'human';
  if (OPERATOR.has(manager) || manager === 'kube-controller-manager' || manager === 'kube-scheduler' || manager === 'kubelet' || subresource === 'status')
    return 'controller';
  return 'unknown';
}

function keyMatches(encoded: string, item: Record<string, string | number>): boolean {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(encoded.slice(2)) as Record<string, unknown>;
  } catch {
    return false;
  }
  // The trie holds the list's key fields; the path may name more (a subset must agree).
  return Object.entries(fields).every(([name, value]) => name in item && String(item[name]) === String(value));
}

function child(trie: Trie, step: PathStep): unknown {
  if ('field' in step) return trie[`f:${step.field}`];
  for (const [encoded, node] of Object.entries(trie)) if (encoded.startsWith('k:') && keyMatches(encoded, step.item)) return node;
  return undefined;
}

const isLeaf = (node: unknown) => isMap(node) && Object.keys(node).length === 0;

/** How an entry owns the path: exactly, through an atomic ancestor, or not at all. */
function owns(fieldsV1: unknown, path: PathStep[]): 'exact' | 'ancestor' | undefined {
  let node: unknown = fieldsV1;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return undefined;
    if (i > 0 && isLeaf(node)) return 'ancestor';
    node = child(node, path[i]!);
    if (node === undefined) return undefined;
  }
  if (!isMap(node)) return undefined;
  return isLeaf(node) || '.' in node ? 'exact' : undefined;
}

/** The number of fields an entry owns, to tell an exact time from a bound. */
export function countLeaves(trie: unknown): number {
  if (!isMap(trie)) return 0;
  const keys = Object.keys(trie);
  if (keys.length === 0) return 1;
  return keys.reduce((sum, key) => sum + (key === '.' ? 0 : countLeaves(trie[key])), 0);
}

export const timeText = (t: ManagedFieldsEntry['time']): string | null => {
  if (!t) return null;
  const iso = t instanceof Date ? t.toISOString() : String(t);
  return iso.replace(/\.000Z$/, 'Z');
};

/** Who owns a live field now, newest first when several share it (shared ownership). */
export function ownersOf(managedFields: ManagedFieldsEntry[] | undefined, path: PathStep[]): Provenance[] {
  const owners: Provenance[] = [];
  for (const entry of managedFields ?? []) {
    if (entry.fieldsType && entry.fieldsType !== 'FieldsV1') continue;
    const how = owns(entry.fieldsV1, path);
    if (!how) continue;
    const manager = entry.manager ?? '(unnamed)';
    const operation = entry.operation ?? 'Update';
    const kind = classifyManager(manager, operation, entry.subresource);
    owners.push({
      manager,
      operation,
      time: timeText(entry.time),
      exact: how === 'exact' && countLeaves(entry.fieldsV1) === 1,
      human: kind === 'human',
      kind,
      ...(entry.subresource ? { subresource: entry.subresource } : {}),
      ...(how === 'ancestor' ? { viaAncestor: true } : {}),
    });
  }
  return owners.sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? 1 : -1));
}

/** Renders a path the way people read it: `.spec.template.spec.containers[name=app].env[name=X].value`. */
export function renderPath(path: PathStep[]): string {
  return path
    .map((step) => {
      if ('item' in step)
        return `[${Object.entries(step.item)
          .map(([key, value]) => `${key}=${value}`)
          .join(',')}]`;
      return /^[A-Za-z0-9_-]+$/.test(step.field) ? `.${step.field}` : `[${JSON.stringify(step.field)}]`;
    })
    .join('');
}

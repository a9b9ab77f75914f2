import type { WorkloadRevision } from '../../model/types.js';
import { isMap } from '../../model/is-map.js';

// What a workload ran before: the cluster keeps each earlier pod template of a Deployment as a
// ReplicaSet (annotation `deployment.kubernetes.io/revision`, scaled to 0, up to
// `revisionHistoryLimit`), and of a StatefulSet or DaemonSet as a ControllerRevision (`revision`,
// `data` holding the template). Read-only and pure: objects in, revisions out, from a cluster's
// LIST or a `kubectl get rs,controllerrevisions -o yaml` snapshot alike.

type Obj = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The kinds that hold revision history, and the workload kinds each belongs to. */
export const REVISION_KINDS = { ReplicaSet: ['Deployment'], ControllerRevision: ['StatefulSet', 'DaemonSet'] } as const;

const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** An ISO time as UTC to the second; undefined when it is none. */
function utcOf(value: unknown): string | undefined {
  const raw = value instanceof Date ? value.toISOString() : text(value);
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The workload that owns the object (its controller owner reference), among the kinds given. */
function ownerOf(meta: Obj, kinds: readonly string[]): string | undefined {
  const refs = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isMap) : [];
  const ref = refs.find((r) => r.controller === true && kinds.includes(String(r.kind))) ?? refs.find((r) => kinds.includes(String(r.kind)));
  return ref && text(ref.name) ? `${String(ref.kind)}/${String(ref.name)}` : undefined;
}

/** A container's env as the template writes it: values, or what `valueFrom` names. */
function envOf(container: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of Array.isArray(container.env) ? container.env.filter(isMap) : []) {
    const name = text(item.name);
    if (!name) continue;
    if (!isMap(item.valueFrom)) {
      env[name] = text(item.value) ?? '';
      continue;
    }
    const from = item.valueFrom;
    const ref: [string, Obj] | undefined = isMap(from.configMapKeyRef)
      ? ['ConfigMap', from.configMapKeyRef]
      : isMap(from.secretKeyRef)
        ? ['Secret', from.secretKeyRef]
        : undefined;
    if (ref) env[name] = `(${ref[0]}/${String(ref[1].name)} key ${String(ref[1].key)})`;
    else {
      const [kind, spec] = Object.entries(from)[0] ?? ['valueFrom', {}];
      const detail = isMap(spec) ? (text(spec.fieldPath) ?? text(spec.resource) ?? '') : '';
      env[name] = `(${kind}${detail ? ` ${detail}` : ''})`;
    }
  }
  return env;
}

function envFromOf(container: Obj): string[] {
  const out: string[] = [];
  for (const source of Array.isArray(container.envFrom) ? container.envFrom.filter(isMap) : []) {
    if (isMap(source.configMapRef) && text(source.configMapRef.name)) out.push(`ConfigMap/${String(source.configMapRef.name)}`);
    if (isMap(source.secretRef) && text(source.secretRef.name)) out.push(`Secret/${String(source.secretRef.name)}`);
  }
  return out;
}

function containersOf(template: unknown): WorkloadRevision['containers'] {
  const spec = isMap(template) && isMap(template.spec) ? template.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isMap) : [];
  return containers.map((c) => ({
    name: text(c.name) ?? '?',
    ...(text(c.image) ? { image: String(c.image) } : {}),
    env: envOf(c),
    envFrom: envFromOf(c),
  }));
}

const restartOf = (template: unknown): string | undefined => {
  const meta = isMap(template) && isMap(template.metadata) ? template.metadata : {};
  return isMap(meta.annotations) ? text(meta.annotations[RESTARTED_AT]) : undefined;
};

interface Raw {
  workload: string;
  revision: number;
  created: string;
  object: string;
  reused: number[];
  template: unknown;
}

function rawOf(obj: Obj): Raw | undefined {
  const meta = isMap(obj.metadata) ? obj.metadata : undefined;
  const name = meta ? text(meta.name) : undefined;
  if (!meta || !name) return undefined;
  const created = utcOf(meta.creationTimestamp);
  if (!created) return undefined;
  if (obj.kind === 'ReplicaSet') {
    const workload = ownerOf(meta, REVISION_KINDS.ReplicaSet);
    const annotations = isMap(meta.annotations) ? meta.annotations : {};
    const revision = Number(text(annotations[REVISION]));
    if (!workload || !Number.isInteger(revision) || revision < 1) return undefined;
    const reused = (text(annotations[REVISION_HISTORY]) ?? '')
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    return { workload, revision, created, object: `ReplicaSet/${name}`, reused, template: isMap(obj.spec) ? obj.spec.template : undefined };
  }
  if (obj.kind === 'ControllerRevision') {
    const workload = ownerOf(meta, REVISION_KINDS.ControllerRevision);
    const revision = Number(obj.revision);
    if (!workload || !Number.isInteger(revision) || revision < 1) return undefined;
    // `data` is the patch the controller applies: {spec: {template: {..., $patch: replace}}}.
    const data = isMap(obj.data) ? obj.data : {};
    const template = isMap(data.spec) ? data.spec.template : undefined;
    return { workload, revision, created, object: `ControllerRevision/${name}`, reused: [], template };
  }
  return undefined;
}

/**
 * Every workload's revisions, oldest first. A revision's time is when its template first rolled
 * out; a template a rollback rolled out again keeps its first creation time, so its time is then
 * only known to be after the revision before it (and is marked not exact).
 */
export function revisionsOf(objects: readonly unknown[]): WorkloadRevision[] {
  const byWorkload = new Map<string, Raw[]>();
  for (const obj of objects) {
    if (!isMap(obj) || (obj.kind !== 'ReplicaSet' && obj.kind !== 'ControllerRevision')) continue;
    const raw = rawOf(obj);
    if (!raw) continue;
    byWorkload.set(raw.workload, [...(byWorkload.get(raw.workload) ?? []), raw]);
  }
  const out: WorkloadRevision[] = [];
  for (const [, raws] of [...byWorkload].sort(([a], [b]) => a.localeCompare(b))) {
    raws.sort((a, b) => a.revision - b.revision);
    let previous: string | undefined;
    const restarts = new Set<string>();
    raws.forEach((raw, i) => {
      // Reused: rolled out again after the revision before it was made.
      const reusedLater = raw.reused.length > 0 || (previous !== undefined && raw.created < previous);
      const time = reusedLater && previous && previous > raw.created ? previous : raw.created;
      const restartedAt = restartOf(raw.template);
      const newRestart = restartedAt && !restarts.has(restartedAt) ? restartedAt : undefined;
      if (restartedAt) restarts.add(restartedAt);
      out.push({
        workload: raw.workload,
        revision: raw.revision,
        time,
        exact: !reusedLater,
        object: raw.object,
        current: i === raws.length - 1,
        ...(raw.reused.length > 0 ? { reused: raw.reused } : {}),
        ...(newRestart ? { restartedAt: newRestart } : {}),
        containers: containersOf(raw.template),
      });
      previous = time;
    });
  }
  return out;
}

import { isMap } from '../../model/is-map.js';
// What makes a Kubernetes object, as a cluster or a snapshot returned it, one undrift understands.
// An object that is not is never read silently as if it held nothing: the source is then only
// "partly read", and says which object and why (a live source is "read" only when every object
// it returned was understood).

type Obj = Record<string, unknown>;

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);

/** `ConfigMap/payment-config`, or as much of it as the object has. */
export function objectName(obj: unknown, kindHint?: string): string {
  const o = isMap(obj) ? obj : {};
  const kind = typeof o.kind === 'string' ? o.kind : (kindHint ?? '?');
  const name = isMap(o.metadata) && typeof o.metadata.name === 'string' ? o.metadata.name : '?';
  return `${kind}/${name}`;
}

function stringMapProblem(obj: Obj, field: string): string | undefined {
  const map = obj[field];
  if (map === undefined || map === null) return undefined;
  if (!isMap(map)) return `${field} is not a map`;
  for (const [key, value] of Object.entries(map)) if (typeof value !== 'string') return `${field}.${key} is not a string`;
  return undefined;
}

/** Why the object cannot be read as what it says it is, or undefined when it can. */
export function objectProblem(obj: unknown): string | undefined {
  if (!isMap(obj)) return 'is not an object';
  if (typeof obj.kind !== 'string' || obj.kind === '') return 'has no kind';
  if (!isMap(obj.metadata) || typeof obj.metadata.name !== 'string' || obj.metadata.name === '') return 'has no metadata.name';
  if (obj.kind === 'ConfigMap' || obj.kind === 'Secret') {
    for (const field of ['data', 'binaryData', 'stringData']) {
      const problem = stringMapProblem(obj, field);
      if (problem) return problem;
    }
  }
  if (WORKLOADS.has(obj.kind) && obj.spec !== undefined && !isMap(obj.spec)) return 'spec is not a map';
  return undefined;
}

/** One line for several problems: the first ones, and how many more. */
export function summarizeProblems(problems: string[], shown = 3): string {
  const head = problems.slice(0, shown).join('; ');
  return problems.length > shown ? `${head}; and ${problems.length - shown} more` : head;
}

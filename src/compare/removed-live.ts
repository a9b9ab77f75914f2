import type { ComparedObject, KeyPath, LiveState } from '../model/types.js';
import { TEMPLATE_KEY } from '../parse/annotations.js';

// A repo manifest's field that the object read live does not have was removed live (`kubectl
// annotate deploy/api owner-`, a JSON patch `remove`): the next `kubectl apply` puts it back, so
// it is drift as a changed value is. Said only of the fields the live reader compares wherever the
// object has them (sources/live/objects.ts, readObjects), named as a repo manifest names them
// (parse/manifests.ts, flattenManifest): what the reader does not compare (a container's env,
// read as the kubelet builds it; its image, compared as the image that runs; init containers; a
// pod template's labels) is never said removed.

/** Container fields compared otherwise: env by name, the image as the image that runs. */
const NOT_BY_FIELD = new Set(['env', 'image']);
/** A workload's own `spec` fields that are not settings: what its pods are made from, what names them. */
const NOT_SETTINGS = new Set(['template', 'selector', 'jobTemplate', 'initContainers', 'metadata']);

/** The object read live whose field `key` is, when that field is compared wherever the object has it. */
export function comparedObjectOf(state: LiveState, key: KeyPath): ComparedObject | undefined {
  return state.compared?.find((object) => key.startsWith(`${object.prefix}.`) && comparedField(object, key.slice(object.prefix.length + 1)));
}

function comparedField(object: ComparedObject, relative: KeyPath): boolean {
  if (relative.startsWith('metadata.annotations')) return true;
  if (object.shape === 'spec') return /^spec[.[]/.test(relative);
  if (object.shape === 'fields') return !relative.startsWith('metadata');
  if (object.shape !== 'workload') return false;
  const template = TEMPLATE_KEY[object.location.kind];
  if (template && relative.startsWith(`${template.key}.metadata.annotations`)) return true;
  const first = /^[^.[]+/.exec(relative)?.[0] ?? '';
  if (first === 'pod') return true;
  if (first === 'job') return object.location.kind === 'CronJob' && !relative.startsWith('job.template');
  if (first === 'containers') {
    const field = /^containers\[name=([^\]]*)\]\.([^.[]+)/.exec(relative);
    return field !== null && (object.containers ?? []).includes(field[1]!) && !NOT_BY_FIELD.has(field[2]!);
  }
  return !NOT_SETTINGS.has(first);
}

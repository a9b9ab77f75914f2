import type { KeyPath } from '../model/types.js';
import { joinKey } from './keypath.js';

// Annotations that a tool writes and no person declares: the cluster, kubectl, Helm, Argo CD,
// Flux, Kustomize and chart conventions fill them in per release, per apply or per restart, so
// they differ between environments (and between repo and live) on every deploy without anyone
// having chosen a value. Comparing them would bury the annotations people do set (an ingress's
// body size, a scrape switch) under rows nobody can act on. A live object's annotations are
// compared only where the repo declares them, so this set matters for what the repo holds
// (a rendered chart's `checksum/config`, a `kubectl get -o yaml` copy's last-applied) and for
// what stays out of live-only rows.
const TOOL_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', // kubectl apply's memory of the last apply
  'kubectl.kubernetes.io/restartedAt', // kubectl rollout restart
  'kubernetes.io/change-cause', // kubectl --record / set image: a log line, read by the verdict as a reason
  'deployment.kubernetes.io/revision', // the Deployment controller's counters
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'argocd.argoproj.io/tracking-id', // Argo CD's ownership mark
  'rollout.argoproj.io/revision',
  'reconcile.fluxcd.io/requestedAt', // `flux reconcile`
  'control-plane.alpha.kubernetes.io/leader',
  'endpoints.kubernetes.io/last-change-trigger-time',
  'batch.kubernetes.io/job-tracking',
]);

/** Prefixes whose every annotation a tool writes. */
const TOOL_PREFIXES = [
  'meta.helm.sh/', // Helm's release name and namespace
  'checksum/', // the chart convention `checksum/config: {{ sha256sum }}`: follows the config, is none
  'config.kubernetes.io/', // Kustomize build metadata (origin, index)
  'internal.config.kubernetes.io/',
  'pv.kubernetes.io/', // volume binding, set by the controllers
  'volume.kubernetes.io/',
  'volume.beta.kubernetes.io/',
  'autoscaling.alpha.kubernetes.io/',
];

/** Whether a tool, not a person, writes this annotation. */
export function isToolAnnotation(name: string): boolean {
  return TOOL_ANNOTATIONS.has(name) || TOOL_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The annotations a person declares, by name (tool-written ones left out). */
export function declaredAnnotations(metadata: unknown): Array<[string, unknown]> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return [];
  const annotations = (metadata as Record<string, unknown>).annotations;
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) return [];
  return Object.entries(annotations as Record<string, unknown>).filter(([name]) => !isToolAnnotation(name));
}

/** `<prefix>.metadata.annotations["prometheus.io/scrape"]`: an annotation's name holds dots and a
 * slash, so it is quoted as every such key is. */
export const annotationKey = (prefix: KeyPath, name: string): KeyPath => joinKey(`${prefix}.metadata.annotations`, name);

/** Where a workload kind keeps its pod template, as the manifest reader names it: `.template`
 * (below `spec`), a CronJob's `.job.template`; a Pod has none. */
export const TEMPLATE_KEY: Record<string, { key: string; path: string[] }> = {
  Deployment: { key: 'template', path: ['spec', 'template'] },
  StatefulSet: { key: 'template', path: ['spec', 'template'] },
  DaemonSet: { key: 'template', path: ['spec', 'template'] },
  ReplicaSet: { key: 'template', path: ['spec', 'template'] },
  Job: { key: 'template', path: ['spec', 'template'] },
  CronJob: { key: 'job.template', path: ['spec', 'jobTemplate', 'spec', 'template'] },
};

import type { ComparedObject, KeyPath, LiveArtifact, LiveLocation, LiveValue, Provenance } from '../../model/types.js';
import { canonicalJson, flattenTexts, scalarText } from '../../parse/flatten.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../../parse/fingerprint.js';
import { joinKey, parseKeyPath } from '../../parse/keypath.js';
import { annotationKey, declaredAnnotations, TEMPLATE_KEY } from '../../parse/annotations.js';
import { ownSettings, POD_SPEC_PATH, SKIPPED_KINDS } from '../../parse/manifests.js';
import { matchesSelector, parseSelector } from './labels.js';
import { isReleaseRecord } from './helm-releases.js';
import { annotationsOf } from './inventory.js';
import { f, k, ownersOf, renderPath, type ManagedFieldsEntry, type PathStep } from './managed-fields.js';
import { isMap } from '../../model/is-map.js';

/** A Kubernetes object as the API (or `kubectl get -o json|yaml`) returns it. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    managedFields?: ManagedFieldsEntry[];
    resourceVersion?: string;
  };
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** Which objects of a live source to read, and how their keys meet the repo's. */
export interface Selection {
  /** Names, or `{selector: "app=payments"}`; every ConfigMap when absent. */
  configMaps?: string[] | { selector: string };
  /** Names or a selector; no Secret is read unless asked for. */
  secrets?: string[] | { selector: string };
  /** `Deployment/name`, `name`, or a selector; every workload when absent. */
  workloads?: string[] | { selector: string };
  /** The container whose environment and image count; every container when absent. */
  container?: string;
  /** Prepended to every live key to name the repo key (`env.` when the repo nests them). */
  prefix?: string;
  /** Explicit live key → repo key. */
  map?: Record<string, string>;
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'] as const;

// Created in every namespace by the cluster; never configuration.
const SYSTEM_CONFIGMAPS = new Set(['kube-root-ca.crt']);

type Obj = Record<string, unknown>;

function selected(obj: KubeObject, selection: string[] | { selector: string } | undefined, fallback: boolean): boolean {
  if (selection === undefined) return fallback;
  if (Array.isArray(selection)) {
    const name = obj.metadata?.name ?? '';
    return selection.some((s) => s === name || s === `${obj.kind}/${name}`);
  }
  return matchesSelector(obj.metadata?.labels, parseSelector(selection.selector));
}

/** The workloads a selection reads (every one when it names none). */
export function selectedWorkloads(objects: KubeObject[], selection: Selection): KubeObject[] {
  return objects.filter((o) => (WORKLOAD_KINDS as readonly string[]).includes(o.kind ?? '') && selected(o, selection.workloads, true));
}

export interface LiveRead {
  values: Map<KeyPath, LiveValue>;
  artifacts: LiveArtifact[];
  warnings: string[];
  /** The objects whose declared annotations and settings were compared (LiveState.compared). */
  compared: ComparedObject[];
}

interface Origin {
  source: string;
  context?: string;
  /** How Secret values are fingerprinted (the repository's key). */
  fingerprint?: SecretFingerprint;
}

/** The digest a runtime reports in `imageID`, whatever its format. */
export function digestOf(imageID: string): string | undefined {
  const m = /sha256:[0-9a-f]{64}/.exec(imageID);
  return m?.[0];
}

function lastApplied(obj: KubeObject): Obj | undefined {
  const text = obj.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return isMap(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Turns the objects of one environment into flat live values: ConfigMap data, Secret data (as
 * fingerprints), and each selected container's environment as the kubelet builds it, with who
 * last wrote each field; plus the images the workloads run. */
export function readObjects(objects: KubeObject[], selection: Selection, origin: Origin): LiveRead {
  const warnings: string[] = [];
  const live = new Map<string, LiveValue>();
  // Every definition of a short name (a ConfigMap's key, a container's env var), with the key that
  // names it in its own object; resolved below, so two workloads never overwrite each other.
  const definitions = new Map<string, Definition[]>();
  const define = (short: string, long: KeyPath, definer: string, value: LiveValue) => {
    const list = definitions.get(short) ?? [];
    list.push({ long, definer, value });
    definitions.set(short, list);
  };
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const configMaps = new Map(byKind('ConfigMap').map((o) => [o.metadata?.name ?? '', o]));
  // Only the Secrets named under `secrets:` are read, for their own keys and for the env vars that refer to them.
  const secrets = new Map(
    byKind('Secret')
      .filter((o) => selected(o, selection.secrets, false))
      .map((o) => [o.metadata?.name ?? '', o]),
  );
  const location = (obj: KubeObject, path: PathStep[]): LiveLocation => ({
    source: origin.source,
    ...(origin.context ? { context: origin.context } : {}),
    ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}),
    kind: obj.kind ?? '?',
    name: obj.metadata?.name ?? '?',
    fieldPath: renderPath(path),
  });
  const provenance = (obj: KubeObject, path: PathStep[]): Provenance | undefined => ownersOf(obj.metadata?.managedFields, path)[0];
  const plain = (obj: KubeObject, path: PathStep[], text: string, inLastApplied?: boolean): LiveValue => {
    const owner = provenance(obj, path);
    const manifestKey = manifestKeyOf(obj, path);
    // The object's annotations may say why a value was set by hand ("scaled for the sale, revert
    // after the 2nd"): the verdict reads them.
    const annotations = isMap(obj.metadata) ? annotationsOf(obj.metadata) : undefined;
    return {
      text,
      type: 'string',
      location: location(obj, path),
      ...(owner ? { provenance: owner } : {}),
      ...(annotations ? { annotations } : {}),
      ...(inLastApplied === false ? { notInLastApplied: true } : {}),
      ...(manifestKey ? { manifestKey } : {}),
    };
  };
  const secret = (obj: KubeObject, path: PathStep[], bytes: Buffer): LiveValue => {
    const owner = provenance(obj, path);
    const manifestKey = manifestKeyOf(obj, path);
    return {
      ...(origin.fingerprint ?? PROCESS_FINGERPRINT).value(bytes),
      location: location(obj, path),
      ...(owner ? { provenance: owner } : {}),
      ...(manifestKey ? { manifestKey } : {}),
    };
  };

  // Fields named only as a repo manifest names them (no short name, no prefix or map).
  const fields = new Map<KeyPath, LiveValue>();
  // An object's annotations (and a workload's pod template's), compared where a repo manifest
  // declares them, under its key: a hand `kubectl annotate` of a declared annotation is drift, and
  // what the cluster and its tools add (a revision, Helm's release name) is never a row.
  const compared: ComparedObject[] = [];
  const comparing = (obj: KubeObject, shape: ComparedObject['shape'], containers?: string[]) =>
    compared.push({ prefix: `${obj.kind}/${obj.metadata?.name}`, shape, ...(containers ? { containers } : {}), location: location(obj, []) });
  const annotations = (obj: KubeObject, metadata: unknown, keyPrefix: KeyPath, path: PathStep[]) => {
    for (const [name, value] of declaredAnnotations(metadata)) {
      const key = annotationKey(keyPrefix, name);
      fields.set(key, {
        ...plain(obj, [...path, f('metadata'), f('annotations'), f(name)], scalarText(value).text ?? 'null'),
        manifestKey: key,
        manifestOnly: true,
      });
    }
  };

  for (const cm of configMaps.values()) {
    // A Helm release record (configmap driver) is Helm's bookkeeping, never configuration.
    if (isReleaseRecord(cm)) continue;
    if (!selected(cm, selection.configMaps, !SYSTEM_CONFIGMAPS.has(cm.metadata?.name ?? ''))) continue;
    annotations(cm, cm.metadata, `ConfigMap/${cm.metadata?.name}`, []);
    comparing(cm, 'data');
    const applied = lastApplied(cm);
    const appliedData = applied && isMap(applied.data) ? applied.data : undefined;
    for (const [key, text] of Object.entries(cm.data ?? {})) {
      define(
        key,
        joinKey(`ConfigMap/${cm.metadata?.name}.data`, key),
        `ConfigMap/${cm.metadata?.name}`,
        plain(cm, [f('data'), f(key)], String(text), applied ? appliedData !== undefined && key in appliedData : undefined),
      );
    }
    for (const [key, b64] of Object.entries(cm.binaryData ?? {})) {
      define(
        key,
        joinKey(`ConfigMap/${cm.metadata?.name}.binaryData`, key),
        `ConfigMap/${cm.metadata?.name}`,
        secret(cm, [f('binaryData'), f(key)], Buffer.from(b64, 'base64')),
      );
    }
  }
  for (const s of secrets.values()) {
    if (!selected(s, selection.secrets, false)) continue;
    annotations(s, s.metadata, `Secret/${s.metadata?.name}`, []);
    comparing(s, 'data');
    const applied = lastApplied(s); // holds the data: only its key names are looked at
    const appliedData = applied && isMap(applied.data) ? applied.data : undefined;
    for (const [key, b64] of Object.entries(s.data ?? {})) {
      const value = secret(s, [f('data'), f(key)], Buffer.from(b64, 'base64'));
      if (applied && !(appliedData && key in appliedData)) value.notInLastApplied = true;
      define(key, joinKey(`Secret/${s.metadata?.name}.data`, key), `Secret/${s.metadata?.name}`, value);
    }
  }

  const artifacts: LiveArtifact[] = [];
  const workloads = selectedWorkloads(objects, selection);
  const pods = byKind('Pod');
  for (const workload of workloads) {
    const specPath = POD_SPEC_PATH[workload.kind!]!;
    let podSpec: unknown = workload;
    for (const step of specPath) podSpec = isMap(podSpec) ? podSpec[step] : undefined;
    const containers = (isMap(podSpec) && Array.isArray(podSpec.containers) ? podSpec.containers : []).filter(isMap);
    const chosen = selection.container ? containers.filter((c) => c.name === selection.container) : containers;
    if (selection.container && chosen.length === 0) {
      warnings.push(
        `${workload.kind}/${workload.metadata?.name} has no container named "${selection.container}" (it has ${containers.map((c) => c.name).join(', ')})`,
      );
    }
    const matchLabels =
      isMap(workload.spec?.selector) && isMap(workload.spec.selector.matchLabels) ? (workload.spec.selector.matchLabels as Record<string, string>) : undefined;
    const ownPods = matchLabels ? pods.filter((p) => Object.entries(matchLabels).every(([key, value]) => p.metadata?.labels?.[key] === value)) : [];
    const applied = lastApplied(workload);
    // The workload's own settings, its Job template's and its pod's (see flattenManifest for the
    // names), compared where a repo manifest declares them: a CronJob suspended by hand, a grace
    // period or a service account changed live.
    const prefix = `${workload.kind}/${workload.metadata?.name}`;
    annotations(workload, workload.metadata, prefix, []);
    comparing(
      workload,
      'workload',
      chosen.map((c) => String(c.name)),
    );
    const template = TEMPLATE_KEY[workload.kind ?? ''];
    let pod: unknown = workload;
    for (const step of template?.path ?? []) pod = isMap(pod) ? pod[step] : undefined;
    if (template && isMap(pod)) annotations(workload, pod.metadata, `${prefix}.${template.key}`, template.path.map(f));
    const settings = (own: Record<string, unknown>, keyPrefix: string, path: PathStep[]) => {
      for (const [relative, text] of flattenTexts(own)) {
        const key = `${keyPrefix}${relative.startsWith('[') ? '' : '.'}${relative}`;
        fields.set(key, { ...plain(workload, [...path, ...pathSteps(relative)], text ?? 'null'), manifestKey: key, manifestOnly: true });
      }
    };
    if (isMap(workload.spec)) {
      const { template: _template, jobTemplate, selector: _selector, ...own } = workload.spec;
      settings(own, prefix, [f('spec')]);
      if (isMap(jobTemplate) && isMap(jobTemplate.spec)) {
        const { template: _jobPod, selector: _jobSelector, ...jobOwn } = jobTemplate.spec;
        settings(jobOwn, `${prefix}.job`, [f('spec'), f('jobTemplate'), f('spec')]);
      }
    }
    if (isMap(podSpec)) {
      const { containers: _containers, initContainers: _initContainers, ...podOwn } = podSpec;
      settings(podOwn, `${prefix}.pod`, specPath.map(f));
    }
    for (const container of chosen) {
      const name = String(container.name);
      const containerPath = [...specPath.map(f), f('containers'), k({ name })];
      for (const [key, value] of resolveEnv(container, containerPath, workload, configMaps, secrets, plain, secret, warnings)) {
        if (applied && value.location.kind === workload.kind && !appliedHasEnv(applied, specPath, name, key)) value.notInLastApplied = true;
        define(key, workloadEnvKey(workload, name, key), `${workload.kind}/${workload.metadata?.name}`, value);
      }
      // A container's command and args are compared where a repo manifest declares them, under
      // the manifest's key; a list of words is one value, as the manifest reader flattens it.
      for (const field of ['command', 'args'] as const) {
        const words = container[field];
        if (!Array.isArray(words)) continue;
        const key = `${workload.kind}/${workload.metadata?.name}.containers[name=${name}].${field}`;
        fields.set(key, { ...plain(workload, [...containerPath, f(field)], canonicalJson(words)), type: 'list', manifestKey: key, manifestOnly: true });
      }
      // Every other field a container sets (resources, ports, probes, volume mounts, envFrom, a
      // security context) is compared where a repo manifest declares it, under the manifest's
      // key: a `kubectl set resources` on a repo of manifests is drift, and a field the API
      // server fills in (imagePullPolicy, terminationMessagePath) that no manifest names stays
      // silent. Quantities the server canonicalised (0.5 → 500m) are compared as quantities.
      const { name: _name, env: _env, image: _image, command: _command, args: _args, ...rest } = container;
      settings(rest, `${prefix}.containers[name=${name}]`, containerPath);
      if (typeof container.image === 'string') {
        const digests = new Set<string>();
        for (const pod of ownPods) {
          const statuses = isMap(pod.status) && Array.isArray(pod.status.containerStatuses) ? pod.status.containerStatuses : [];
          for (const status of statuses.filter(isMap)) {
            if (status.name !== name || typeof status.imageID !== 'string') continue;
            const digest = digestOf(status.imageID);
            if (digest) digests.add(digest);
          }
        }
        const imagePath = [...containerPath, f('image')];
        const owner = provenance(workload, imagePath);
        // "kubectl set image … " leaves its why in a change-cause annotation: the verdict reads it.
        const annotations = isMap(workload.metadata) ? annotationsOf(workload.metadata) : undefined;
        artifacts.push({
          key: `${workload.kind}/${workload.metadata?.name}.containers[name=${name}].image`,
          image: container.image,
          digests: [...digests].sort(),
          location: location(workload, imagePath),
          ...(owner ? { provenance: owner } : {}),
          ...(annotations ? { annotations } : {}),
        });
      }
    }
    // One long-running workload is "the app": its replicas and its container's resources meet the
    // repo's `replicas` and `resources.*`, as a chart's values name them. Every workload has them
    // (the server fills in `replicas: 1`; an autoscaler moves it), so where no repo file declares
    // them they are no live-only row.
    if (workloads.filter((w) => LONG_RUNNING.has(w.kind ?? '')).length === 1 && LONG_RUNNING.has(workload.kind ?? '')) {
      if (workload.spec?.replicas !== undefined)
        live.set('replicas', { ...plain(workload, [f('spec'), f('replicas')], scalarText(workload.spec.replicas).text ?? 'null'), manifestOnly: true });
      const container = chosen[0];
      if (chosen.length === 1 && container && isMap(container.resources)) {
        for (const [group, quantities] of Object.entries(container.resources)) {
          if (!isMap(quantities)) continue;
          for (const [resource, quantity] of Object.entries(quantities)) {
            const path = [...specPath.map(f), f('containers'), k({ name: String(container.name) }), f('resources'), f(group), f(resource)];
            live.set(`resources.${group}.${resource}`, { ...plain(workload, path, scalarText(quantity).text ?? ''), manifestOnly: true });
          }
        }
      }
    }
  }

  // Every other object's `spec` (an autoscaler's bounds, a Service's ports, a disruption budget,
  // an Ingress's rules, a NetworkPolicy), under the key a repo manifest of it has
  // (`HorizontalPodAutoscaler/api.spec.minReplicas`, as the manifest reader flattens it), compared
  // where a manifest declares it: a `kubectl patch hpa` during an incident is live-drift with who
  // made it, while what the API server fills in (a Service's clusterIP, a port's protocol) and no
  // manifest names stays silent.
  for (const obj of objects) {
    const kind = obj.kind ?? '';
    if (!isMap(obj.spec) && obj.data === undefined && specKind(kind) && notOwned(obj)) {
      // Settings kept beside metadata (a StorageClass, a KongPlugin's config): read as the manifest
      // reader reads them, each top-level field under the object's name.
      annotations(obj, obj.metadata, `${kind}/${obj.metadata?.name}`, []);
      comparing(obj, 'fields');
      for (const [relative, text] of flattenTexts(ownSettings(obj as Record<string, unknown>))) {
        const key = `${kind}/${obj.metadata?.name}.${relative}`;
        fields.set(key, { ...plain(obj, pathSteps(relative), text ?? 'null'), manifestKey: key, manifestOnly: true });
      }
      continue;
    }
    if (!isMap(obj.spec) || !specKind(kind) || !notOwned(obj)) continue;
    annotations(obj, obj.metadata, `${kind}/${obj.metadata?.name}`, []);
    comparing(obj, 'spec');
    const prefix = `${kind}/${obj.metadata?.name}.spec`;
    for (const [relative, text] of flattenTexts(obj.spec)) {
      const key = `${prefix}${relative.startsWith('[') ? '' : '.'}${relative}`;
      fields.set(key, { ...plain(obj, [f('spec'), ...pathSteps(relative)], text ?? 'null'), manifestKey: key, manifestOnly: true });
    }
    const cpu = kind === 'HorizontalPodAutoscaler' ? cpuTargetOfV2(obj.spec) : undefined;
    if (cpu !== undefined) {
      const key = `${prefix}.targetCPUUtilizationPercentage`;
      fields.set(key, { ...plain(obj, [f('spec'), f('metrics')], cpu), manifestKey: key, manifestOnly: true });
    }
  }

  const values = new Map<KeyPath, LiveValue>(fields);
  for (const [key, value] of live) values.set(selection.map?.[key] ?? `${selection.prefix ?? ''}${key}`, value);
  for (const [short, list] of definitions) {
    const resolved = resolveShortName(short, list);
    if (resolved.warning) warnings.push(resolved.warning);
    for (const [key, value] of resolved.values) {
      values.set(selection.map?.[key] ?? (key === short ? `${selection.prefix ?? ''}${key}` : key), value);
    }
  }
  return { values, artifacts, warnings, compared };
}

/** The managedFields path of a key below a container (`resources.limits.cpu`,
 * `ports[name=http].containerPort`), as far as it names fields and items; an index ends it, since
 * managedFields name items by their merge key, never by position. */
function pathSteps(relative: KeyPath): PathStep[] {
  const steps: PathStep[] = [];
  for (const segment of parseKeyPath(relative)) {
    if ('key' in segment) steps.push(f(segment.key));
    else if ('match' in segment) steps.push(k({ [segment.match.field]: segment.match.value }));
    else break;
  }
  return steps;
}

/** Kinds whose `spec` a repo manifest declares as `<Kind>/<name>.spec.…` (as flattenManifest reads
 * them): not ConfigMaps and Secrets (their data), workloads and pods (read above, by container),
 * nor what describes the cluster around the app (namespaces, accounts, roles). */
const specKind = (kind: string) => kind !== '' && kind !== 'ConfigMap' && kind !== 'Secret' && !SKIPPED_KINDS.has(kind) && POD_SPEC_PATH[kind] === undefined;

/** An autoscaling/v2 autoscaler's CPU utilisation target, as autoscaling/v1 names it
 * (`targetCPUUtilizationPercentage`): the API server serves one object in either version, and
 * `kubectl get hpa` prints v2, so a repo that keeps the v1 manifest meets its one target there. */
function cpuTargetOfV2(spec: Record<string, unknown>): string | undefined {
  if (spec.targetCPUUtilizationPercentage !== undefined || !Array.isArray(spec.metrics)) return undefined;
  for (const metric of spec.metrics.filter(isMap)) {
    const resource = isMap(metric.resource) ? metric.resource : undefined;
    const target = resource && isMap(resource.target) ? resource.target : undefined;
    if (metric.type === 'Resource' && resource?.name === 'cpu' && target?.type === 'Utilization' && target.averageUtilization !== undefined)
      return scalarText(target.averageUtilization).text ?? undefined;
  }
  return undefined;
}

/** Made by someone rather than by a controller that owns it (ownerReferences): no manifest
 * declares a controller's object. */
const notOwned = (obj: KubeObject) => !(obj.metadata as { ownerReferences?: unknown[] } | undefined)?.ownerReferences?.length;

interface Definition {
  /** The key naming it in its own object: `Deployment/api.containers[name=app].env[name=X]`, `ConfigMap/c.data.X`. */
  long: KeyPath;
  /** `CronJob/backfill`, `ConfigMap/c`. */
  definer: string;
  value: LiveValue;
}

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** A container's env var, named by its workload and container. */
export function workloadEnvKey(workload: KubeObject, container: string, name: string): KeyPath {
  return `${workload.kind}/${workload.metadata?.name}.containers[name=${container}].env[name=${name}]`;
}

/** A short name (`LOG_LEVEL`) stands for its value only when it has one: one definition (a
 * ConfigMap key and the env vars read from it are one), or several that agree. When they
 * disagree (an app's `warn`, a CronJob's `debug`), each is kept under the key of its own object
 * (never the last one read), and a warning says so. */
function resolveShortName(short: string, all: Definition[]): { values: Array<[KeyPath, LiveValue]>; warning?: string } {
  // What a container sees is what counts: a ConfigMap's key is its env var when one reads it (or
  // overrides it); ConfigMaps and Secrets alone only when no workload defines the name.
  const inContainers = all.filter((d) => d.long.includes('.containers['));
  const list = inContainers.length > 0 ? inContainers : all;
  const source = (d: Definition) => `${d.value.location.kind}/${d.value.location.name}${d.value.location.fieldPath}`;
  const sources = new Set(list.map(source));
  if (sources.size === 1 || new Set(list.map((d) => d.value.text)).size === 1) return { values: [[short, list.at(-1)!.value]] };
  const kept = list;
  const shown = (d: Definition) => (d.value.type === 'secret' ? d.definer : `${d.definer} ${JSON.stringify(d.value.text)}`);
  return {
    values: kept.map((d) => [d.long, { ...d.value, shortKey: short }]),
    warning:
      `${short} has ${sources.size} different definitions (${kept.map(shown).join(', ')}): each is compared under its ` +
      `own object's key (${kept.map((d) => d.long).join(', ')}); \`workloads:\` in undrift.yaml chooses the app's`,
  };
}

/** The key a repo manifest of the same object gives this field (see the repo manifest reader):
 * `ConfigMap/x.data.K`, `Secret/x.data.K`, `Deployment/x.containers[name=c].env[name=K].value`. */
function manifestKeyOf(obj: KubeObject, path: PathStep[]): KeyPath | undefined {
  const prefix = `${obj.kind}/${obj.metadata?.name}`;
  const first = path[0];
  if (path.length === 2 && first && 'field' in first && (first.field === 'data' || first.field === 'binaryData')) {
    return joinKey(`${prefix}.${first.field}`, (path[1] as { field: string }).field);
  }
  // A workload's replica count: the manifest reader names it without `spec`, as here.
  if (path.length === 2 && first && 'field' in first && first.field === 'spec' && 'field' in path[1]! && path[1].field === 'replicas')
    return `${prefix}.replicas`;
  const containers = path.findIndex((step) => 'field' in step && step.field === 'containers');
  if (containers < 0) return undefined;
  let key = prefix;
  for (const step of path.slice(containers)) {
    if ('item' in step) key += `[name=${String(step.item.name)}]`;
    else key = joinKey(key, step.field);
  }
  return key;
}

function appliedHasEnv(applied: Obj, specPath: string[], container: string, env: string): boolean {
  let node: unknown = applied;
  for (const step of specPath) node = isMap(node) ? node[step] : undefined;
  const containers: unknown[] = isMap(node) && Array.isArray(node.containers) ? (node.containers as unknown[]) : [];
  const c = containers.find((x) => isMap(x) && x.name === container);
  return isMap(c) && Array.isArray(c.env) && c.env.some((e) => isMap(e) && e.name === env);
}

/** The container's environment as the kubelet builds it at start: `envFrom` sources in order
 * (later ones win), then `env` in order (overriding), each `value` expanding `$(VAR)` from what
 * was defined before it (`$$` escapes). */
function resolveEnv(
  container: Obj,
  containerPath: PathStep[],
  workload: KubeObject,
  configMaps: Map<string, KubeObject>,
  secrets: Map<string, KubeObject>,
  plain: (obj: KubeObject, path: PathStep[], text: string) => LiveValue,
  secret: (obj: KubeObject, path: PathStep[], bytes: Buffer) => LiveValue,
  warnings: string[],
): Map<string, LiveValue> {
  const env = new Map<string, LiveValue>();
  const where = `${workload.kind}/${workload.metadata?.name} container ${String(container.name)}`;
  for (const source of Array.isArray(container.envFrom) ? container.envFrom.filter(isMap) : []) {
    const prefix = typeof source.prefix === 'string' ? source.prefix : '';
    const ref = isMap(source.configMapRef) ? source.configMapRef : isMap(source.secretRef) ? source.secretRef : undefined;
    const fromSecret = isMap(source.secretRef);
    const name = ref && typeof ref.name === 'string' ? ref.name : '';
    const obj = (fromSecret ? secrets : configMaps).get(name);
    if (!obj) {
      if (!(ref && ref.optional === true)) warnings.push(`${where}: envFrom ${fromSecret ? 'Secret' : 'ConfigMap'} "${name}" is not in what was read`);
      continue;
    }
    for (const [key, raw] of Object.entries(obj.data ?? {})) {
      env.set(prefix + key, fromSecret ? secret(obj, [f('data'), f(key)], Buffer.from(raw, 'base64')) : plain(obj, [f('data'), f(key)], raw));
    }
  }
  for (const item of Array.isArray(container.env) ? container.env.filter(isMap) : []) {
    const name = String(item.name);
    const itemPath = [...containerPath, f('env'), k({ name })];
    const from = isMap(item.valueFrom) ? item.valueFrom : undefined;
    if (!from) {
      const raw = typeof item.value === 'string' ? item.value : '';
      let secretInside = false;
      const text = raw.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (all, ref: string | undefined) => {
        if (!ref) return '$';
        const earlier = env.get(ref);
        if (!earlier) return all; // unresolvable references stay literal, as the kubelet leaves them
        if (earlier.type === 'secret') secretInside = true;
        return earlier.text ?? '';
      });
      const value = secretInside ? secret(workload, [...itemPath, f('value')], Buffer.from(text)) : plain(workload, [...itemPath, f('value')], text);
      env.set(name, value);
      continue;
    }
    const keyRef = isMap(from.configMapKeyRef) ? from.configMapKeyRef : isMap(from.secretKeyRef) ? from.secretKeyRef : undefined;
    if (keyRef) {
      const fromSecret = isMap(from.secretKeyRef);
      const obj = (fromSecret ? secrets : configMaps).get(String(keyRef.name));
      const raw = obj?.data?.[String(keyRef.key)];
      if (!obj || raw === undefined) {
        if (keyRef.optional !== true)
          warnings.push(
            `${where}: ${name} refers to ${fromSecret ? 'Secret' : 'ConfigMap'} ${String(keyRef.name)} key ${String(keyRef.key)}, which is not in what was read`,
          );
        continue;
      }
      const path = [f('data'), f(String(keyRef.key))];
      env.set(name, fromSecret ? secret(obj, path, Buffer.from(raw, 'base64')) : plain(obj, path, raw));
      continue;
    }
    // Pod-specific values (fieldRef, resourceFieldRef) are only known inside the pod: say what they are.
    const [kind, spec] = Object.entries(from)[0] ?? ['valueFrom', {}];
    const detail = isMap(spec) ? (scalarText(spec.fieldPath ?? spec.resource ?? '').text ?? '') : '';
    env.set(name, plain(workload, [...itemPath, f('valueFrom')], `(${kind} ${detail})`.replace(' )', ')')));
  }
  return env;
}

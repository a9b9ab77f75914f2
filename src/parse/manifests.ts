import type { KeyPath, Value } from '../model/types.js';
import { fixedLocator, flatten, type Locator } from './flatten.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from './fingerprint.js';
import { annotationKey, declaredAnnotations, TEMPLATE_KEY } from './annotations.js';
import { joinKey } from './keypath.js';
import { profilePrefix, springProfiles } from './documents.js';
import type { FileValues } from './format.js';
import { isMap } from '../model/is-map.js';

type Obj = Record<string, unknown>;

export const isManifest = (v: unknown): v is Obj & { apiVersion: string; kind: string } =>
  isMap(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string';

export const isKustomization = (v: unknown): v is Obj =>
  isMap(v) && (v.kind === 'Kustomization' || 'resources' in v || 'configMapGenerator' in v || 'images' in v || 'patches' in v || 'bases' in v);

/** Where each workload kind keeps its pod template's spec. */
export const POD_SPEC_PATH: Record<string, string[]> = {
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Pod: ['spec'],
};

/** Kinds that describe the cluster around the app rather than its configuration. */
export const SKIPPED_KINDS = new Set(['Namespace', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition']);

function dig(v: unknown, path: string[], locator: Locator): { value: unknown; locator: Locator } {
  let value = v;
  let loc = locator;
  for (const segment of path) {
    value = isMap(value) ? value[segment] : undefined;
    loc = loc.at(segment);
  }
  return { value, locator: loc };
}

/** Flattens Kubernetes objects as `<Kind>/<name>.<path>` so two overlays (or repo and live) compare
 * key by key: ConfigMap `data`, Secret `data` as fingerprints, workload replicas and containers
 * (image, env, resources, ...), and the `spec` of anything else. `kind: List` is unpacked. */
export function flattenManifest(obj: unknown, locator: Locator, out: Map<KeyPath, Value>, fingerprint: SecretFingerprint = PROCESS_FINGERPRINT): void {
  if (!isManifest(obj)) return;
  if (obj.kind === 'List' || obj.kind.endsWith('List')) {
    const items = Array.isArray(obj.items) ? obj.items : [];
    items.forEach((item, i) => flattenManifest(item, locator.at('items').at(i), out, fingerprint));
    return;
  }
  if (SKIPPED_KINDS.has(obj.kind)) return;
  const name = isMap(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '(unnamed)';
  const prefix = `${obj.kind}/${name}`;
  // What a person annotates (an ingress's body size, a pod template's scrape switch) configures
  // the object as its spec does: `<Kind>/<name>.metadata.annotations["…"]`, and a workload's pod
  // template's as `.template.metadata.annotations["…"]` (a CronJob's `.job.template…`). Labels are
  // not read: they name and group (an `env: prod` label differs by design), and the selectors
  // that route traffic are spec (a Service's, a NetworkPolicy's), compared there.
  flattenAnnotations(obj.metadata, locator.at('metadata'), prefix, out);
  const template = TEMPLATE_KEY[obj.kind];
  if (template) {
    const pod = dig(obj, template.path, locator);
    if (isMap(pod.value)) flattenAnnotations(pod.value.metadata, pod.locator.at('metadata'), `${prefix}.${template.key}`, out);
  }

  if (obj.kind === 'ConfigMap') {
    for (const [key, text] of Object.entries(isMap(obj.data) ? obj.data : {})) {
      out.set(joinKey(`${prefix}.data`, key), flattenScalar(text, locator.at('data').at(key)));
    }
    for (const [key, b64] of Object.entries(isMap(obj.binaryData) ? obj.binaryData : {})) {
      out.set(joinKey(`${prefix}.binaryData`, key), fingerprint.value(Buffer.from(String(b64), 'base64'), locator.at('binaryData').at(key).location()));
    }
    return;
  }
  if (obj.kind === 'Secret') {
    const data = isMap(obj.data) ? obj.data : {};
    const stringData = isMap(obj.stringData) ? obj.stringData : {};
    for (const [key, b64] of Object.entries(data)) {
      out.set(joinKey(`${prefix}.data`, key), fingerprint.value(Buffer.from(String(b64), 'base64'), locator.at('data').at(key).location()));
    }
    // stringData is merged over data by the API server, so it wins here too.
    for (const [key, text] of Object.entries(stringData)) {
      out.set(joinKey(`${prefix}.data`, key), fingerprint.value(Buffer.from(String(text), 'utf8'), locator.at('stringData').at(key).location()));
    }
    return;
  }
  const podSpecPath = POD_SPEC_PATH[obj.kind];
  if (podSpecPath) {
    const spec = dig(obj, ['spec'], locator);
    if (isMap(spec.value) && spec.value.replicas !== undefined) {
      flatten(spec.value.replicas, spec.locator.at('replicas'), `${prefix}.replicas`, out);
    }
    const podSpec = dig(obj, podSpecPath, locator);
    // The workload's own settings (a CronJob's schedule, a Deployment's strategy) as `<Kind>/<name>.<field>`,
    // a Job template's (backoffLimit) as `.job.<field>`, the pod's (serviceAccountName, volumes,
    // terminationGracePeriodSeconds, nodeSelector) as `.pod.<field>`: the template and the selector are
    // what they hold or what names them, not settings.
    if (isMap(spec.value)) {
      const { replicas: _replicas, template: _template, jobTemplate, selector: _selector, ...own } = spec.value;
      flattenFields(own, spec.locator, prefix, out);
      const job = dig(jobTemplate, ['spec'], spec.locator.at('jobTemplate'));
      if (isMap(job.value)) {
        const { template: _jobPod, selector: _jobSelector, ...jobOwn } = job.value;
        flattenFields(jobOwn, job.locator, `${prefix}.job`, out);
      }
    }
    if (isMap(podSpec.value)) {
      const { containers: _containers, initContainers: _initContainers, ...podOwn } = podSpec.value;
      flattenFields(podOwn, podSpec.locator, `${prefix}.pod`, out);
    }
    for (const field of ['initContainers', 'containers']) {
      const containers = isMap(podSpec.value) ? podSpec.value[field] : undefined;
      if (!Array.isArray(containers)) continue;
      containers.forEach((container, i) => {
        const containerName = isMap(container) && typeof container.name === 'string' ? container.name : String(i);
        const { name: _name, ...rest } = isMap(container) ? container : {};
        flatten(rest, podSpec.locator.at(field).at(i), `${prefix}.${field}[name=${containerName}]`, out);
      });
    }
    return;
  }
  if (obj.spec !== undefined) flatten(obj.spec, locator.at('spec'), `${prefix}.spec`, out);
  else if (obj.data !== undefined) flatten(obj.data, locator.at('data'), `${prefix}.data`, out);
  else flattenFields(ownSettings(obj), locator, prefix, out);
}

/** Not settings of the object: what names and types it, and what the cluster writes. */
const NOT_OWN_SETTINGS = new Set(['apiVersion', 'kind', 'metadata', 'status']);

/** An object that keeps its settings beside `metadata`, not under `spec` or `data` (a StorageClass's
 * `reclaimPolicy`, a PriorityClass's `value`, a KongPlugin's `config`): those fields, each under
 * `<Kind>/<name>.<field>`, as the live reader names them. */
export function ownSettings(obj: Record<string, unknown>): Record<string, unknown> {
  // A kustomization read as a file (no kustomize to build it) lists what to build, not settings.
  if (obj.kind === 'Kustomization' || obj.kind === 'Component') return {};
  return Object.fromEntries(Object.entries(obj).filter(([field]) => !NOT_OWN_SETTINGS.has(field)));
}

function flattenAnnotations(metadata: unknown, locator: Locator, prefix: KeyPath, out: Map<KeyPath, Value>): void {
  for (const [name, value] of declaredAnnotations(metadata)) flatten(value, locator.at('annotations').at(name), annotationKey(prefix, name), out);
}

/** Each field of an object under `<prefix>.<field>`: Kubernetes field names hold no dots. */
function flattenFields(fields: Obj, locator: Locator, prefix: KeyPath, out: Map<KeyPath, Value>): void {
  for (const [field, value] of Object.entries(fields)) flatten(value, locator.at(field), `${prefix}.${field}`, out);
}

function flattenScalar(text: unknown, locator: Locator): Value {
  const out = new Map<KeyPath, Value>();
  flatten(text, locator, '$', out);
  return out.get('$')!;
}

/** Kustomize's own file: image overrides, replica overrides and generated ConfigMaps/Secrets
 * (literals here; `envs` files are read by the caller through `readFile`). */
export function flattenKustomization(
  obj: Obj,
  locator: Locator,
  out: Map<KeyPath, Value>,
  readEnvFile: (relativePath: string) => Map<string, Value>,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
): void {
  const withIdentity = (field: string, prefix: string, idField: string) => {
    const items = Array.isArray(obj[field]) ? (obj[field] as unknown[]) : [];
    items.forEach((item, i) => {
      if (!isMap(item) || typeof item[idField] !== 'string') return;
      const { [idField]: id, ...rest } = item;
      flatten(rest, locator.at(field).at(i), `${prefix}[${idField}=${String(id)}]`, out);
    });
  };
  withIdentity('images', 'Kustomization.images', 'name');
  withIdentity('replicas', 'Kustomization.replicas', 'name');
  for (const [field, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    const generators = Array.isArray(obj[field]) ? (obj[field] as unknown[]) : [];
    generators.forEach((gen, i) => {
      if (!isMap(gen) || typeof gen.name !== 'string') return;
      const genLocator = locator.at(field).at(i);
      const dataPrefix = `${kind}/${gen.name}.data`;
      const put = (key: string, text: string, loc: Locator, fromValue?: Value) => {
        const value = kind === 'Secret' ? fingerprint.value(Buffer.from(text), loc.location()) : (fromValue ?? flattenScalar(text, loc));
        out.set(joinKey(dataPrefix, key), value);
      };
      const envFiles = [...(Array.isArray(gen.envs) ? (gen.envs as unknown[]) : []), ...(typeof gen.env === 'string' ? [gen.env] : [])];
      for (const envFile of envFiles) {
        for (const [key, value] of readEnvFile(String(envFile))) put(key, value.text ?? '', fixedLocator(value.location), value);
      }
      const literals = Array.isArray(gen.literals) ? gen.literals : [];
      literals.forEach((literal, j) => {
        const text = String(literal);
        const eq = text.indexOf('=');
        if (eq <= 0) return;
        put(text.slice(0, eq), unquoteLiteral(text.slice(eq + 1)), genLocator.at('literals').at(j));
      });
    });
  }
}

/** Kustomize removes one pair of surrounding quotes from a generator literal (`K="v"` is `v`). */
function unquoteLiteral(text: string): string {
  const q = text[0];
  return text.length >= 2 && (q === '"' || q === "'") && text.endsWith(q) ? text.slice(1, -1) : text;
}

/** The keys of a YAML stream: Kubernetes objects when every document is one, else each document
 * flattened under what identifies it when there are several — a Kubernetes object by kind/name,
 * a Spring profile document by its profile (`[profile=staging].server.port`), a document without
 * a profile as top-level keys when it is the only one, and only the remaining anonymous ones by
 * their place among themselves (`[1].x`) — so inserting a document moves no other's keys. */
export function flattenDocuments(
  docs: Array<{ value: unknown; locator: Locator }>,
  relPath: string,
  forceManifests = false,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
): FileValues {
  const values = new Map<KeyPath, Value>();
  const warnings: string[] = [];
  if (forceManifests || (docs.length > 0 && docs.every((d) => isManifest(d.value)))) {
    for (const doc of docs) {
      if (isManifest(doc.value)) flattenManifest(doc.value, doc.locator, values, fingerprint);
      else warnings.push(`${relPath}: a document without apiVersion/kind was skipped`);
    }
    return { values, warnings };
  }
  if (docs.length === 1) {
    flatten(docs[0]!.value, docs[0]!.locator, '', values);
    return { values, warnings };
  }
  const anonymous = docs.filter((d) => !isManifest(d.value) && springProfiles(d.value) === undefined);
  docs.forEach((doc) => {
    if (isManifest(doc.value)) return flattenManifest(doc.value, doc.locator, values, fingerprint);
    const profiles = springProfiles(doc.value);
    if (profiles !== undefined) return flatten(doc.value, doc.locator, profilePrefix(profiles), values);
    flatten(doc.value, doc.locator, anonymous.length === 1 ? '' : `[${anonymous.indexOf(doc)}]`, values);
  });
  return { values, warnings };
}

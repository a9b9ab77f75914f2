import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that speaks the Kubernetes API for what undrift reads and writes: discovery,
 * namespaced and cluster-wide LIST of every kind undrift reads (workloads, Jobs, ConfigMaps,
 * Secrets, Services, Ingresses, HPAs, PDBs, NetworkPolicies, ServiceAccounts, RBAC; items without
 * kind/apiVersion, `limit`/`continue`, 410 for an expired token, label selectors, 403 per resource), GET, PATCH (merge and strategic merge, `resourceVersion` preconditions, dry
 * run, field managers), `managedFields` kept as the API server keeps them, Secrets as base64
 * (stringData folded in and never returned), and `Status` bodies for 401/403/404/409/410/415/422.
 * It shares no code with undrift: a mistake in undrift cannot be mirrored here.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export interface KubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  userAgent: string;
  contentType: string;
  /** The Accept header: `as=Table` asks for a table of names instead of objects. */
  accept: string;
  fieldManager?: string;
}

interface ResourceType {
  group: string; // '' for core
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

const RESOURCES: ResourceType[] = [
  { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  { group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  { group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true },
  { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true },
  { group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true },
  { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true },
  { group: '', version: 'v1', resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true },
  { group: '', version: 'v1', resource: 'limitranges', kind: 'LimitRange', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
  // What the cluster keeps of its past: made by the controllers below, never by a client here.
  { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true },
  { group: 'apps', version: 'v1', resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
  { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true },
];

// events.k8s.io/v1 serves the same stored Events as core/v1, in its own words (as the API server
// converts between the two versions of one resource).
const EVENTS_V1: ResourceType = { group: 'events.k8s.io', version: 'v1', resource: 'events', kind: 'Event', namespaced: true };

/** The field selectors the API server accepts, per kind (beyond these it answers 400). */
const FIELD_SELECTORS: Record<string, string[]> = {
  Secret: ['metadata.name', 'metadata.namespace', 'type'],
  Event: [
    'metadata.name',
    'metadata.namespace',
    'involvedObject.kind',
    'involvedObject.name',
    'involvedObject.namespace',
    'involvedObject.uid',
    'reason',
    'type',
    'source',
  ],
  'events.k8s.io': [
    'metadata.name',
    'metadata.namespace',
    'regarding.kind',
    'regarding.name',
    'regarding.namespace',
    'regarding.uid',
    'reason',
    'type',
    'reportingController',
  ],
};

/** A core/v1 Event as events.k8s.io/v1 shows it. */
function eventV1(core: Obj): Obj {
  const { involvedObject, message, source, firstTimestamp, lastTimestamp, count, reportingComponent, ...rest } = core;
  return {
    ...rest,
    eventTime: null,
    regarding: involvedObject ?? null,
    note: message ?? null,
    reportingController: reportingComponent ?? (isObj(source) ? (source.component ?? null) : null),
    deprecatedSource: source ?? null,
    deprecatedFirstTimestamp: firstTimestamp ?? null,
    deprecatedLastTimestamp: lastTimestamp ?? null,
    deprecatedCount: count ?? null,
  };
}

const apiVersionOf = (r: ResourceType) => (r.group ? `${r.group}/${r.version}` : r.version);
const qualified = (r: ResourceType) => (r.group ? `${r.resource}.${r.group}` : r.resource);

interface ManagerEntry {
  manager: string;
  operation: 'Update' | 'Apply';
  apiVersion: string;
  time: string;
  subresource?: string;
  leaves: Set<string>;
  nodes: Set<string>;
}

interface Stored {
  type: ResourceType;
  object: Obj;
  managers: ManagerEntry[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const SEP = '\u0000';

// Lists the API server merges by key (server-side apply's list-map keys), and fields it treats
// as one value (atomic).
const LIST_KEYS: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  ports: ['containerPort', 'protocol'],
  volumeMounts: ['mountPath'],
};
const ATOMIC = new Set(['envFrom', 'args', 'command', 'configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'tolerations', 'selector']);
const UNTRACKED_METADATA = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields']);

/** Every owned leaf of an object with its value, keyed by its FieldsV1 path; plus the map and
 * list-item nodes on the way (which get the "." marker). */
function fieldsOf(object: Obj): { leaves: Map<string, string>; nodes: Set<string> } {
  const leaves = new Map<string, string>();
  const nodes = new Set<string>();
  const walk = (value: Json, path: string[], name: string) => {
    if (ATOMIC.has(name) || (!isObj(value) && !Array.isArray(value))) {
      leaves.set(path.join(SEP), JSON.stringify(value));
      return;
    }
    if (Array.isArray(value)) {
      const keys = LIST_KEYS[name];
      if (!keys || !value.every(isObj)) {
        leaves.set(path.join(SEP), JSON.stringify(value));
        return;
      }
      for (const item of value) {
        const key = Object.fromEntries(
          keys
            .filter((k) => item[k] !== undefined)
            .sort()
            .map((k) => [k, item[k]]),
        );
        const itemPath = [...path, `k:${JSON.stringify(key)}`];
        nodes.add(itemPath.join(SEP));
        for (const [field, inner] of Object.entries(item)) walk(inner, [...itemPath, `f:${field}`], field);
      }
      return;
    }
    if (Object.keys(value).length === 0) {
      leaves.set(path.join(SEP), '{}');
      return;
    }
    if (path.length > 0) nodes.add(path.join(SEP));
    for (const [field, inner] of Object.entries(value)) walk(inner, [...path, `f:${field}`], field);
  };
  for (const [field, value] of Object.entries(object)) {
    if (field === 'apiVersion' || field === 'kind' || field === 'status') continue;
    if (field === 'metadata' && isObj(value)) {
      for (const [metaField, inner] of Object.entries(value)) {
        if (UNTRACKED_METADATA.has(metaField)) continue;
        walk(inner, ['f:metadata', `f:${metaField}`], metaField);
      }
      continue;
    }
    walk(value, [`f:${field}`], field);
  }
  return { leaves, nodes };
}

function trieOf(entry: ManagerEntry): Obj {
  const root: Obj = {};
  const at = (path: string[]): Obj => {
    let node = root;
    for (const step of path) node = (node[step] ??= {}) as Obj;
    return node;
  };
  for (const leaf of entry.leaves) at(leaf.split(SEP));
  for (const node of entry.nodes) at(node.split(SEP))['.'] = {};
  return root;
}

function mergePatch(target: Json, patch: Json, strategic: boolean, name = ''): Json {
  if (!isObj(patch)) {
    if (strategic && Array.isArray(patch) && Array.isArray(target) && LIST_KEYS[name]) {
      const keys = LIST_KEYS[name];
      const result = clone(target) as Obj[];
      for (const item of patch.filter(isObj)) {
        const index = result.findIndex((existing) => keys.every((k) => existing[k] === item[k]));
        if (item.$patch === 'delete') {
          if (index >= 0) result.splice(index, 1);
        } else if (index >= 0) result[index] = mergePatch(result[index]!, item, strategic) as Obj;
        else result.push(item);
      }
      return result;
    }
    return clone(patch);
  }
  const result: Obj = isObj(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key] ?? null, value, strategic, key);
  }
  return result;
}

export class FakeKubeApi {
  readonly requests: KubeRequest[] = [];
  private store = new Map<string, Stored>();
  private namespaces = new Set<string>();
  private revision = 1000;
  private forbidden: Array<{ verb: string; resource: string; namespace?: string }> = [];
  private tokenSerial = 0;
  private tokensValidFrom = 0;
  private dryRunning = false;
  /** Called for every request, before it is answered (to change the server mid-listing). */
  onRequest: ((request: KubeRequest) => void) | undefined;
  /** Answers a request in its place (a fault: an HTML page, a wrong shape, a hang, a reset)
   * when it returns true; the server answers normally when it returns false. */
  intercept: ((request: KubeRequest, res: ServerResponse) => boolean) | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();
  /** Every answer waits this long (a slow server). */
  delayMs = 0;
  /** The names of the Secrets whose data went out in an answer (GET or LIST items). */
  readonly secretDataServed: string[] = [];
  /** Requests the server handles (a PATCH is applied) but whose answer is lost: the connection
   * closes instead (an unknown outcome for the client). */
  loseAnswer: ((request: KubeRequest) => boolean) | undefined;
  private server: Server | undefined;
  url = '';
  /** The time written into managedFields by the next write when none is given. */
  now = '2026-01-01T00:00:00Z';

  constructor(readonly options: { token?: string; user?: string } = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => (this.delayMs > 0 ? setTimeout(() => this.handle(req, res, body), this.delayMs) : this.handle(req, res, body)));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy(); // hung requests hold their sockets open
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A kubeconfig with one context per entry, all pointing at this server. */
  kubeconfig(contexts: Array<{ name: string; namespace?: string; token?: string }>, current?: string): string {
    const lines = [
      'apiVersion: v1',
      'kind: Config',
      `current-context: ${current ?? contexts[0]!.name}`,
      'clusters:',
      '  - name: fake',
      '    cluster:',
      `      server: ${this.url}`,
      '      insecure-skip-tls-verify: true',
      'users:',
    ];
    for (const c of contexts) lines.push(`  - name: ${c.name}-user`, '    user:', `      token: ${c.token ?? this.options.token ?? 'token'}`);
    lines.push('contexts:');
    for (const c of contexts)
      lines.push(
        `  - name: ${c.name}`,
        '    context:',
        '      cluster: fake',
        `      user: ${c.name}-user`,
        ...(c.namespace ? [`      namespace: ${c.namespace}`] : []),
      );
    return `${lines.join('\n')}\n`;
  }

  addNamespace(name: string): void {
    this.namespaces.add(name);
  }

  forbid(verb: string, resource: string, namespace?: string): void {
    this.forbidden.push({ verb, resource, ...(namespace ? { namespace } : {}) });
  }

  /** Every continue token handed out so far stops working (as after about five minutes). */
  expireContinueTokens(): void {
    this.tokensValidFrom = this.tokenSerial;
  }

  /** Creates an object as a POST by `manager` would: it owns every field. */
  create(object: Obj, options: { manager?: string; time?: string } = {}): Obj {
    const type = RESOURCES.find((r) => r.kind === object.kind);
    if (!type) throw new Error(`fake API: unsupported kind ${String(object.kind)}`);
    const meta = (object.metadata ??= {}) as Obj;
    const namespace = String(meta.namespace ?? 'default');
    if (type.namespaced) this.namespaces.add(namespace);
    const stored = clone(object);
    delete (stored as { apiVersion?: Json }).apiVersion;
    delete (stored as { kind?: Json }).kind;
    const m = stored.metadata as Obj;
    if (type.namespaced) m.namespace = namespace;
    else delete m.namespace;
    m.uid = randomUUID();
    m.creationTimestamp = options.time ?? this.now;
    m.resourceVersion = String(++this.revision);
    if (stored.spec !== undefined) m.generation = 1;
    if (type.kind === 'Secret') this.foldStringData(stored);
    const fields = fieldsOf(stored);
    const managers: ManagerEntry[] = [
      {
        manager: options.manager ?? 'kubectl-create',
        operation: 'Update',
        apiVersion: apiVersionOf(type),
        time: options.time ?? this.now,
        leaves: new Set(fields.leaves.keys()),
        nodes: fields.nodes,
      },
    ];
    const entry: Stored = { type, object: stored, managers };
    this.store.set(this.key(type, namespace, String(m.name)), entry);
    this.controllers(entry, undefined, options.time ?? this.now);
    return this.render(this.store.get(this.key(type, namespace, String(m.name)))!);
  }

  /** Changes an object as an Update (PUT, edit, patch) by `manager` would. */
  update(kind: string, namespace: string, name: string, change: (object: Obj) => void, options: { manager: string; time?: string; subresource?: string }): Obj {
    const type = RESOURCES.find((r) => r.kind === kind)!;
    const stored = this.store.get(this.key(type, namespace, name));
    if (!stored) throw new Error(`fake API: no ${kind} ${namespace}/${name}`);
    const next = clone(stored.object);
    change(next);
    this.write(stored, next, options.manager, options.time ?? this.now, options.subresource);
    return this.render(stored);
  }

  get(kind: string, namespace: string, name: string): Obj | undefined {
    const type = RESOURCES.find((r) => r.kind === kind)!;
    const stored = this.store.get(this.key(type, namespace, name));
    return stored ? this.render(stored) : undefined;
  }

  /** The names of the stored objects of a kind in a namespace (the ReplicaSets a rollout made). */
  names(kind: string, namespace: string): string[] {
    const type = RESOURCES.find((r) => r.kind === kind)!;
    const prefix = this.key(type, namespace, '');
    return [...this.store.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  private key(type: ResourceType, namespace: string, name: string): string {
    return `${qualified(type)}/${type.namespaced ? namespace : ''}/${name}`;
  }

  private foldStringData(object: Obj): void {
    if (isObj(object.stringData)) {
      const data = (object.data ??= {}) as Obj;
      for (const [k, v] of Object.entries(object.stringData)) data[k] = Buffer.from(String(v)).toString('base64');
      delete object.stringData;
    }
  }

  /** Stores `next` as written by `manager`: fields whose value changed move to it. */
  private write(stored: Stored, next: Obj, manager: string, time: string, subresource?: string): void {
    if (stored.type.kind === 'Secret') this.foldStringData(next);
    const before = fieldsOf(stored.object);
    const after = fieldsOf(next);
    const changed = [...after.leaves].filter(([path, value]) => before.leaves.get(path) !== value).map(([path]) => path);
    const removed = [...before.leaves.keys()].filter((path) => !after.leaves.has(path));
    if (changed.length === 0 && removed.length === 0) return;
    for (const entry of stored.managers) {
      for (const path of [...changed, ...removed]) entry.leaves.delete(path);
    }
    let mine = stored.managers.find((e) => e.manager === manager && e.operation === 'Update' && e.subresource === subresource);
    if (!mine) {
      mine = {
        manager,
        operation: 'Update',
        apiVersion: apiVersionOf(stored.type),
        time,
        leaves: new Set(),
        nodes: new Set(),
        ...(subresource ? { subresource } : {}),
      };
      stored.managers.push(mine);
    }
    for (const path of changed) mine.leaves.add(path);
    for (const node of after.nodes) if (!before.nodes.has(node) && changed.some((p) => p.startsWith(node + SEP))) mine.nodes.add(node);
    mine.time = time;
    stored.managers = stored.managers.filter((e) => e.leaves.size > 0);
    const meta = next.metadata as Obj;
    const oldMeta = stored.object.metadata as Obj;
    for (const field of ['uid', 'creationTimestamp', 'namespace', 'name']) meta[field] = oldMeta[field] ?? null;
    meta.resourceVersion = String(++this.revision);
    if (next.spec !== undefined)
      meta.generation = JSON.stringify(next.spec) === JSON.stringify(stored.object.spec) ? (oldMeta.generation ?? 1) : Number(oldMeta.generation ?? 1) + 1;
    const previous = stored.object;
    stored.object = next;
    if (!this.dryRunning) this.controllers(stored, previous, time);
  }

  /** What the cluster's controllers do after a write, at once: a Deployment whose pod template is
   * new gets a ReplicaSet (revision n+1, or an old one reused by a rollback), the others scaled
   * to 0 and the oldest beyond `revisionHistoryLimit` deleted, with the deployment controller's
   * ScalingReplicaSet Events; a StatefulSet or DaemonSet gets a ControllerRevision. */
  private controllers(stored: Stored, previous: Obj | undefined, time: string): void {
    const kind = stored.type.kind;
    if (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'DaemonSet') return;
    const spec = isObj(stored.object.spec) ? stored.object.spec : {};
    const template = spec.template;
    if (!isObj(template)) return;
    const before = previous && isObj(previous.spec) ? previous.spec.template : undefined;
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(template)) return;
    const meta = stored.object.metadata as Obj;
    const namespace = String(meta.namespace);
    const name = String(meta.name);
    const owner = { apiVersion: 'apps/v1', kind, name, uid: meta.uid ?? null, controller: true, blockOwnerDeletion: true };
    const childKind = kind === 'Deployment' ? 'ReplicaSet' : 'ControllerRevision';
    const childType = RESOURCES.find((r) => r.kind === childKind)!;
    const owned = [...this.store.values()].filter(
      (c) =>
        c.type === childType &&
        (c.object.metadata as Obj).namespace === namespace &&
        ((c.object.metadata as Obj).ownerReferences as Obj[] | undefined)?.some((r) => r.uid === meta.uid),
    );
    const revisionOf = (c: Stored) =>
      childKind === 'ReplicaSet'
        ? Number(((c.object.metadata as Obj).annotations as Obj)?.['deployment.kubernetes.io/revision'] ?? 0)
        : Number(c.object.revision ?? 0);
    const next = Math.max(0, ...owned.map(revisionOf)) + 1;
    const hash = createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 10);
    const templateOf = (c: Stored): Json =>
      childKind === 'ReplicaSet' ? (isObj(c.object.spec) ? (c.object.spec.template ?? null) : null) : (((c.object.data as Obj)?.spec as Obj)?.template ?? null);
    const withoutHash = (t: Json): string => {
      const copy = clone(t) as Obj;
      const labels = isObj(copy?.metadata) && isObj(copy.metadata.labels) ? copy.metadata.labels : undefined;
      if (labels) delete labels['pod-template-hash'];
      if (isObj(copy)) delete copy.$patch;
      return JSON.stringify(copy);
    };
    const same = owned.find((c) => withoutHash(templateOf(c)) === JSON.stringify(template));
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    if (same) {
      // A rollback: the old template's object is reused; its revision number moves to the top.
      const m = same.object.metadata as Obj;
      if (childKind === 'ReplicaSet') {
        const annotations = (m.annotations ??= {}) as Obj;
        const old = String(annotations['deployment.kubernetes.io/revision']);
        const history = annotations['deployment.kubernetes.io/revision-history'];
        annotations['deployment.kubernetes.io/revision-history'] = history ? `${String(history)},${old}` : old;
        annotations['deployment.kubernetes.io/revision'] = String(next);
        (same.object.spec as Obj).replicas = replicas;
      } else same.object.revision = next;
      m.resourceVersion = String(++this.revision);
    } else {
      const childName = `${name}-${hash}`;
      const labels = isObj(template.metadata) && isObj(template.metadata.labels) ? template.metadata.labels : {};
      const child: Obj =
        childKind === 'ReplicaSet'
          ? {
              kind: 'ReplicaSet',
              metadata: {
                name: childName,
                namespace,
                labels: { ...labels, 'pod-template-hash': hash },
                annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/revision': String(next) },
                ownerReferences: [owner],
              },
              spec: {
                replicas,
                selector: { matchLabels: { ...labels, 'pod-template-hash': hash } },
                template: {
                  ...template,
                  metadata: { ...(isObj(template.metadata) ? template.metadata : {}), labels: { ...labels, 'pod-template-hash': hash } },
                },
              },
            }
          : {
              kind: 'ControllerRevision',
              metadata: { name: childName, namespace, labels: { ...labels, 'controller-revision-hash': childName }, ownerReferences: [owner] },
              data: { spec: { template: { ...template, $patch: 'replace' } } },
              revision: next,
            };
      this.create(child, { manager: 'kube-controller-manager', time });
    }
    if (childKind !== 'ReplicaSet') return;
    const current = same ?? this.store.get(this.key(childType, namespace, `${name}-${hash}`))!;
    const event = (message: string) =>
      this.create(
        {
          kind: 'Event',
          metadata: { name: `${name}.${createHash('sha256').update(`${message}${time}${this.revision}`).digest('hex').slice(0, 16)}`, namespace },
          involvedObject: { apiVersion: 'apps/v1', kind, name, namespace, uid: meta.uid ?? null },
          reason: 'ScalingReplicaSet',
          message,
          source: { component: 'deployment-controller' },
          reportingComponent: 'deployment-controller',
          firstTimestamp: time,
          lastTimestamp: time,
          count: 1,
          type: 'Normal',
        },
        { manager: 'kube-controller-manager', time },
      );
    event(`Scaled up replica set ${String((current.object.metadata as Obj).name)} from 0 to ${replicas}`);
    for (const old of owned.filter((c) => c !== current && Number((c.object.spec as Obj)?.replicas ?? 0) > 0)) {
      (old.object.spec as Obj).replicas = 0;
      event(`Scaled down replica set ${String((old.object.metadata as Obj).name)} from ${String(replicas)} to 0`);
    }
    // revisionHistoryLimit (default 10) old ReplicaSets are kept; older ones are deleted.
    const limit = typeof spec.revisionHistoryLimit === 'number' ? spec.revisionHistoryLimit : 10;
    const old = [...this.store.entries()].filter(([, c]) => owned.includes(c) && c !== current).sort(([, a], [, b]) => revisionOf(a) - revisionOf(b));
    for (const [key] of old.slice(0, Math.max(0, old.length - limit))) this.store.delete(key);
  }

  /** A Helm 3 release record as `helm upgrade` stores it: a Secret of type helm.sh/release.v1
   * (driver `secret`, the default) or a ConfigMap (driver `configmap`) named
   * sh.helm.release.v1.<name>.v<revision>, whose `release` is the release JSON gzipped and
   * base64-encoded by Helm (and, in a Secret, base64 once more by the API). */
  helmRelease(release: {
    namespace: string;
    name: string;
    revision: number;
    status: string;
    time: string;
    chart: string;
    chartVersion: string;
    appVersion?: string;
    description?: string;
    config: Obj;
    driver?: 'secret' | 'configmap';
  }): Obj {
    const json = {
      name: release.name,
      info: {
        first_deployed: release.time,
        last_deployed: release.time,
        deleted: '',
        description: release.description ?? (release.revision === 1 ? 'Install complete' : 'Upgrade complete'),
        status: release.status,
      },
      chart: {
        metadata: { name: release.chart, version: release.chartVersion, ...(release.appVersion ? { appVersion: release.appVersion } : {}), apiVersion: 'v2' },
      },
      config: release.config,
      manifest: '---\n# Source: rendered templates\n',
      version: release.revision,
      namespace: release.namespace,
    };
    const helmText = gzipSync(Buffer.from(JSON.stringify(json)), { level: 9 }).toString('base64');
    const metadata = {
      name: `sh.helm.release.v1.${release.name}.v${release.revision}`,
      namespace: release.namespace,
      labels: { name: release.name, owner: 'helm', status: release.status, version: String(release.revision) },
    };
    if (release.driver === 'configmap')
      return this.create({ kind: 'ConfigMap', metadata, data: { release: helmText } }, { manager: 'helm', time: release.time });
    return this.create(
      { kind: 'Secret', type: 'helm.sh/release.v1', metadata, data: { release: Buffer.from(helmText).toString('base64') } },
      { manager: 'helm', time: release.time },
    );
  }

  private render(stored: Stored, asListItem = false): Obj {
    const object = clone(stored.object);
    const meta = object.metadata as Obj;
    meta.managedFields = stored.managers.map((e) => ({
      apiVersion: e.apiVersion,
      fieldsType: 'FieldsV1',
      fieldsV1: trieOf(e),
      manager: e.manager,
      operation: e.operation,
      ...(e.subresource ? { subresource: e.subresource } : {}),
      time: e.time,
    }));
    if (asListItem) return object; // the real server sends list items without kind and apiVersion
    return { apiVersion: apiVersionOf(stored.type), kind: stored.type.kind, ...object };
  }

  private status(res: ServerResponse, code: number, reason: string, message: string, details?: Obj): void {
    this.json(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
  }

  private json(res: ServerResponse, code: number, body: unknown): void {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams);
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!;
    const request: KubeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      userAgent: String(req.headers['user-agent'] ?? ''),
      contentType,
      accept: String(req.headers.accept ?? ''),
      ...(query.fieldManager ? { fieldManager: query.fieldManager } : {}),
    };
    this.requests.push(request);
    this.onRequest?.(request);
    if (this.intercept?.(request, res)) return;
    if (this.loseAnswer?.(request)) {
      // Handled in full, then the connection drops before a byte of the answer is sent.
      const socket = res.socket;
      res.writeHead = () => res;
      res.end = () => (socket?.destroy(), res);
    }
    if (this.options.token && req.headers.authorization !== `Bearer ${this.options.token}`) {
      return this.status(res, 401, 'Unauthorized', 'Unauthorized');
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/version') return this.json(res, 200, { major: '1', minor: '34', gitVersion: 'v1.34.0-fake' });
    if (path === '/api') return this.json(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (path === '/apis') {
      const groups = [...new Set([...RESOURCES, EVENTS_V1].filter((r) => r.group).map((r) => `${r.group}/${r.version}`))].map(
        (gv) => gv.split('/') as [string, string],
      );
      return this.json(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groups.map(([name, version]) => ({
          name,
          versions: [{ groupVersion: `${name}/${version}`, version }],
          preferredVersion: { groupVersion: `${name}/${version}`, version },
        })),
      });
    }
    const discovery = /^\/(?:api\/v1|apis\/([^/]+)\/(v[0-9a-z]+))$/.exec(path);
    if (discovery) {
      const group = discovery[1] ?? '';
      const version = discovery[2] ?? 'v1';
      return this.json(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: group ? `${group}/${version}` : 'v1',
        resources: [...RESOURCES, EVENTS_V1]
          .filter((r) => r.group === group && r.version === version)
          .map((r) => ({
            name: r.resource,
            singularName: r.kind.toLowerCase(),
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: ['get', 'list', 'patch', 'create', 'update', 'delete'],
          })),
      });
    }
    const m = /^\/(?:api\/v1|apis\/([^/]+)\/(v[0-9a-z]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (!m) return this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const [, group = '', version = 'v1', namespace, resource, name] = m;
    // `/api/v1/namespaces/x` is the namespace x itself.
    const isNamespaceItself = !group && resource === 'namespaces' && namespace === undefined && name !== undefined;
    const type = [...RESOURCES, EVENTS_V1].find((r) => r.group === group && r.version === version && r.resource === resource);
    if (!type) return this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const verb = req.method === 'GET' ? (name ? 'get' : 'list') : req.method === 'PATCH' ? 'patch' : (req.method ?? '').toLowerCase();
    const denied = this.forbidden.find((f) => f.verb === verb && f.resource === resource && (!f.namespace || f.namespace === namespace));
    if (denied) {
      return this.status(
        res,
        403,
        'Forbidden',
        `${qualified(type)} is forbidden: User "${this.options.user ?? 'alice'}" cannot ${verb} resource "${resource}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ''}`,
        { kind: resource! },
      );
    }
    if (isNamespaceItself) {
      if (!this.namespaces.has(name)) return this.status(res, 404, 'NotFound', `namespaces "${name}" not found`, { name: name, kind: 'namespaces' });
      return this.json(res, 200, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    if (type === EVENTS_V1 && !(req.method === 'GET' && !name))
      return this.status(res, 405, 'MethodNotAllowed', 'the fake serves events.k8s.io/v1 for LIST only');
    if (req.method === 'GET' && !name) return this.list(res, type, namespace ?? '', query, request.accept);
    if (req.method === 'GET') {
      const stored = this.store.get(this.key(type, namespace ?? '', name!));
      if (!stored)
        return this.status(res, 404, 'NotFound', `${qualified(type)} "${name}" not found`, { name: name!, ...(group ? { group } : {}), kind: resource! });
      if (type.kind === 'Secret') this.secretDataServed.push(name!);
      return this.json(res, 200, this.render(stored));
    }
    if (req.method === 'PATCH' && name) return this.patch(res, type, namespace ?? '', name, contentType, body, query, String(req.headers['user-agent'] ?? ''));
    return this.status(res, 405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }

  private list(res: ServerResponse, type: ResourceType, namespace: string, query: Record<string, string>, accept = ''): void {
    const stored = type === EVENTS_V1 ? RESOURCES.find((r) => r.kind === 'Event')! : type;
    const prefix = `${qualified(stored)}/${namespace}/`;
    let items = [...this.store.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, s]) => (type === EVENTS_V1 ? { ...s, object: eventV1(s.object) } : s));
    if (query.fieldSelector) {
      // The API server supports a few fields per kind; any other is refused, as it refuses it.
      const supported = FIELD_SELECTORS[type === EVENTS_V1 ? 'events.k8s.io' : type.kind] ?? ['metadata.name', 'metadata.namespace'];
      const requirements = query.fieldSelector.split(',').map((part) => {
        const [field, value] = part.split(/!=|==|=/);
        return { field: field!.trim(), value: (value ?? '').trim(), negate: part.includes('!=') };
      });
      const unknown = requirements.find((r) => !supported.includes(r.field));
      if (unknown) return this.status(res, 400, 'BadRequest', `"${unknown.field}" is not a known field selector: only "${supported.join('", "')}"`);
      items = items.filter((s) =>
        requirements.every((r) => {
          let node: Json = s.object;
          for (const step of r.field.split('.')) node = isObj(node) ? (node[step] ?? null) : null;
          const actual = node === null ? '' : String(node);
          return r.negate ? actual !== r.value : actual === r.value;
        }),
      );
    }
    if (query.labelSelector) {
      const requirements = query.labelSelector.split(',').map((part) => {
        const [key, value] = part.split(/!=|==|=/);
        return { key: key!.trim(), value: value?.trim(), negate: part.includes('!=') };
      });
      items = items.filter((s) => {
        const labels = ((s.object.metadata as Obj).labels ?? {}) as Obj;
        return requirements.every((r) => (r.value === undefined ? r.key in labels : r.negate ? labels[r.key] !== r.value : labels[r.key] === r.value));
      });
    }
    let start = 0;
    if (query.continue) {
      let token: { after?: string; serial?: number } = {};
      try {
        token = JSON.parse(Buffer.from(query.continue, 'base64').toString('utf8')) as typeof token;
      } catch {
        // an undecodable token is as good as expired
      }
      if (token.after === undefined || token.serial === undefined || token.serial < this.tokensValidFrom) {
        return this.status(
          res,
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
      }
      start = items.findIndex((s) => String((s.object.metadata as Obj).name) > token.after!);
      if (start < 0) start = items.length;
    }
    const limit = query.limit ? Number(query.limit) : items.length;
    const page = items.slice(start, start + limit);
    const more = start + limit < items.length;
    const metadata: Obj = { resourceVersion: String(this.revision) };
    if (more) {
      metadata.continue = Buffer.from(JSON.stringify({ after: String((page.at(-1)!.object.metadata as Obj).name), serial: this.tokenSerial++ })).toString(
        'base64',
      );
      metadata.remainingItemCount = items.length - start - limit;
    }
    if (/;\s*as=Table\b/.test(accept)) {
      // What `kubectl get` asks for: one row per object, its columns, and the object only when
      // includeObject says so (None: names and columns only; Secrets: NAME, TYPE, DATA, AGE).
      const rows = page.map((s) => {
        const object = s.object as Obj & { metadata: Obj; type?: string; data?: Obj };
        const cells =
          type.kind === 'Secret' ? [object.metadata.name, object.type ?? 'Opaque', Object.keys(object.data ?? {}).length, '1d'] : [object.metadata.name, '1d'];
        const included = query.includeObject === 'None' ? undefined : this.render(s, true);
        if (included && type.kind === 'Secret') this.secretDataServed.push(String(object.metadata.name));
        return { cells, ...(included ? { object: included } : {}) };
      });
      const columns = type.kind === 'Secret' ? ['Name', 'Type', 'Data', 'Age'] : ['Name', 'Age'];
      return this.json(res, 200, {
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata,
        columnDefinitions: columns.map((name) => ({
          name,
          type: 'string',
          format: name === 'Name' ? 'name' : '',
          description: '',
          priority: 0,
        })),
        rows,
      });
    }
    if (type.kind === 'Secret') this.secretDataServed.push(...page.map((s) => String((s.object.metadata as Obj).name)));
    const rendered = page.map((s) => this.render(s, true));
    this.json(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata, items: rendered });
  }

  private patch(
    res: ServerResponse,
    type: ResourceType,
    namespace: string,
    name: string,
    contentType: string,
    body: string,
    query: Record<string, string>,
    userAgent: string,
  ): void {
    const stored = this.store.get(this.key(type, namespace, name));
    const accepted = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
    if (!accepted.includes(contentType)) {
      return this.status(
        res,
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
      );
    }
    if (!stored)
      return this.status(res, 404, 'NotFound', `${qualified(type)} "${name}" not found`, {
        name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.resource,
      });
    const manager = query.fieldManager ?? userAgent.split('/')[0]!;
    if (query.force !== undefined && contentType !== 'application/apply-patch+yaml') {
      return this.status(res, 422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
    }
    let patch: Json;
    try {
      patch = JSON.parse(body) as Json;
    } catch {
      return this.status(res, 400, 'BadRequest', 'error decoding patch: invalid character');
    }
    let next: Obj;
    if (contentType === 'application/json-patch+json') {
      if (!Array.isArray(patch)) return this.status(res, 400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      next = clone(stored.object);
      for (const op of patch.filter(isObj)) {
        const steps = String(op.path)
          .split('/')
          .slice(1)
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        let node: Obj = next;
        for (const step of steps.slice(0, -1)) node = (node[step] ??= {}) as Obj;
        const last = steps.at(-1)!;
        if (op.op === 'test' && JSON.stringify(node[last]) !== JSON.stringify(op.value)) {
          return this.status(res, 422, 'Invalid', `the server rejected our request due to an error in our request: testing value ${String(op.path)} failed`);
        }
        if (op.op === 'replace' || op.op === 'add') node[last] = op.value ?? null;
        if (op.op === 'remove') delete node[last];
      }
    } else if (contentType === 'application/apply-patch+yaml') {
      if (!query.fieldManager) {
        return this.status(res, 422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
          group: 'meta.k8s.io',
          kind: 'PatchOptions',
          causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
        });
      }
      next = mergePatch(stored.object, patch, true) as Obj;
    } else {
      const precondition = isObj(patch) && isObj(patch.metadata) ? patch.metadata.resourceVersion : undefined;
      if (precondition !== undefined && precondition !== (stored.object.metadata as Obj).resourceVersion) {
        return this.status(
          res,
          409,
          'Conflict',
          `Operation cannot be fulfilled on ${qualified(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
          { name, ...(type.group ? { group: type.group } : {}), kind: type.resource },
        );
      }
      next = mergePatch(stored.object, patch, contentType === 'application/strategic-merge-patch+json') as Obj;
    }
    if (type.kind === 'ConfigMap' && isObj(next.data)) {
      const bad = Object.entries(next.data).find(([, v]) => typeof v !== 'string');
      if (bad)
        return this.status(res, 422, 'Invalid', `ConfigMap "${name}" is invalid: data[${bad[0]}]: Invalid value: must be a string`, {
          name,
          kind: 'ConfigMap',
          causes: [{ reason: 'FieldValueInvalid', field: `data[${bad[0]}]` }],
        });
    }
    if (query.dryRun === 'All') {
      const preview: Stored = {
        type: stored.type,
        object: clone(stored.object),
        managers: stored.managers.map((e) => ({ ...e, leaves: new Set(e.leaves), nodes: new Set(e.nodes) })),
      };
      const revision = this.revision;
      this.dryRunning = true;
      this.write(preview, next, manager, this.now);
      this.dryRunning = false;
      this.revision = revision; // a dry run persists nothing, not even a new resourceVersion
      (preview.object.metadata as Obj).resourceVersion = (stored.object.metadata as Obj).resourceVersion ?? null;
      return this.json(res, 200, this.render(preview));
    }
    this.write(stored, next, manager, this.now);
    return this.json(res, 200, this.render(stored));
  }
}

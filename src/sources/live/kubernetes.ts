import { DEFAULT_READ_LIMITS, MAX_API_ANSWER_BYTES, MAX_LIST_ITEMS, MAX_LIST_PAGES, mib, type ReadLimits } from '../../model/limits.js';
import { AnswerTooLarge, boundedHttpLibrary } from './bounded-http.js';
import { objectName, objectProblem, summarizeProblems } from './object-shape.js';
import { checkRepoKubeconfig } from './repo-kubeconfig.js';
import type { KubernetesSourceConfig } from '../../config/schema.js';
import type { EnvName, LiveState } from '../../model/types.js';
import { CLUSTER_RBAC_KINDS, INVENTORY_KINDS, inventoryOf } from './inventory.js';
import { readObjects, selectedWorkloads, WORKLOAD_KINDS, type KubeObject } from './objects.js';
import { historyOf, isEmptyHistory, type HistoryRead } from './history.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';
import { HELM_OWNER_SELECTOR, HELM_RELEASE_TYPE } from './helm-releases.js';

const DEFAULT_TIMEOUT_S = 10;
const PAGE = 500;

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** A Table answer (rows of name and type, no objects) turned into the list client-node expects:
 * one item per row holding only its name and, for Secrets, its type. */
async function tableAsList(
  k8s: ClientNode,
  ctx: import('@kubernetes/client-node').ResponseContext,
  namespace: string,
): Promise<import('@kubernetes/client-node').ResponseContext> {
  if (ctx.httpStatusCode !== 200) return ctx;
  let table: { kind?: unknown; metadata?: unknown; columnDefinitions?: Array<{ name?: unknown }>; rows?: Array<{ cells?: unknown[] }> };
  try {
    table = JSON.parse(await ctx.body.text()) as typeof table;
  } catch {
    return ctx;
  }
  if (table?.kind !== 'Table' || !Array.isArray(table.rows)) return ctx;
  const column = (name: string) => (table.columnDefinitions ?? []).findIndex((c) => String(c?.name).toLowerCase() === name);
  const nameAt = Math.max(column('name'), 0);
  const typeAt = column('type');
  const items = table.rows.map((row) => {
    const cells = Array.isArray(row?.cells) ? row.cells : [];
    return {
      metadata: { name: typeof cells[nameAt] === 'string' ? cells[nameAt] : '', namespace },
      ...(typeAt >= 0 && typeof cells[typeAt] === 'string' ? { type: cells[typeAt] } : {}),
    };
  });
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: table.metadata ?? {}, items });
  return new k8s.ResponseContext(
    200,
    { ...ctx.headers, 'content-type': 'application/json' },
    {
      text: () => Promise.resolve(text),
      binary: () => Promise.resolve(Buffer.from(text)),
    },
  );
}

/** Why a live source could not be read, in words that name the fix. */
export class LiveUnavailable extends Error {}

type ClientNode = typeof import('@kubernetes/client-node');

interface ListPage {
  items: unknown[];
  metadata?: { _continue?: string };
}

/** What one request was refused or failed with, in one line. */
export function describeFailure(error: unknown, what: { verb: string; resource: string; namespace: string; context: string; server: string }): string {
  const e = error as { code?: unknown; body?: unknown; name?: string; type?: string; message?: string; errno?: string };
  if (error instanceof AnswerTooLarge)
    return (
      `${what.verb} ${what.resource} in namespace "${what.namespace}": the answer of ${what.server} (context ` +
      `"${what.context}") passed ${mib(error.limit)}; stopped reading it (a proxy streaming without end, or far more ` +
      `objects than a namespace holds?)`
    );
  if (typeof e.code === 'number') {
    let status: { message?: string; reason?: string } = {};
    try {
      status = (typeof e.body === 'string' ? JSON.parse(e.body) : e.body) as typeof status;
    } catch {
      // a body that is not a Status: the code says enough
    }
    const detail = status?.message ? `: ${status.message}` : '';
    if (e.code === 401) return `unauthorized (401): the API server of context "${what.context}" refused its credentials; log in again or fix the kubeconfig`;
    if (e.code === 403)
      return `forbidden (403): not allowed to ${what.verb} ${what.resource} in namespace "${what.namespace}"${detail ? ` (${status.message})` : ''}`;
    if (e.code === 404) return `not found (404) while trying to ${what.verb} ${what.resource} in namespace "${what.namespace}"${detail}`;
    return `${what.verb} ${what.resource} in namespace "${what.namespace}" failed (${e.code}${status?.reason ? ` ${status.reason}` : ''})${detail}`;
  }
  if (e.name === 'AbortError' || e.type === 'aborted') return `timed out waiting for ${what.server} (context "${what.context}")`;
  // A 200 that is not the API's JSON: a login page, or a proxy or portal in front of the server.
  const mediaType = /mediaType (\S+) is not supported/.exec(e.message ?? '')?.[1];
  if (mediaType)
    return `${what.verb} ${what.resource} in namespace "${what.namespace}": ${what.server} answered with ${mediaType}, not JSON (a login page or a proxy in front of the API server?)`;
  const network = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|EPIPE|CERT_|DEPTH_ZERO|UNABLE_TO_VERIFY)|fetch failed|socket|network/i.test(
    `${e.errno ?? ''} ${e.message ?? ''} ${(e as { cause?: { code?: string; message?: string } }).cause?.code ?? ''} ${(e as { cause?: { message?: string } }).cause?.message ?? ''}`,
  );
  if (e.name === 'TypeError' && !network)
    return `${what.verb} ${what.resource} in namespace "${what.namespace}": the answer of ${what.server} is not a Kubernetes list (${e.message?.split('\n')[0]})`;
  if (e.name === 'SyntaxError')
    return `${what.verb} ${what.resource} in namespace "${what.namespace}": ${what.server} answered with something that is not JSON (a login page or a proxy in front of the API server?)`;
  const code = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\b/.exec(
    `${e.errno ?? ''} ${e.message ?? ''}`,
  )?.[1];
  return `unreachable: cannot reach ${what.server} for context "${what.context}"${code ? ` (${code})` : e.message ? ` (${e.message.split('\n')[0]})` : ''}`;
}

/** A connection to one context's cluster: a KubeConfig of its own (switching the context of a
 * shared one would send one cluster's credentials to another) and clients whose every request has
 * a deadline (an aborted request frees its socket, so an unreachable cluster cannot hang us).
 * client-node is loaded only here: it costs half a second to load. */
export async function connect(
  repoRoot: string,
  config: KubernetesSourceConfig,
  options: { context?: string; onRequest?: () => void; allowExec?: boolean; limits?: Readonly<ReadLimits> } = {},
) {
  const k8s: ClientNode = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    if (config.kubeconfig) {
      // Named by the repository: checked before the client sees it (no files outside, no commands).
      const { json, dir } = checkRepoKubeconfig(
        repoRoot,
        config.kubeconfig,
        `kubeconfig ${config.kubeconfig}`,
        options.allowExec === true,
        options.limits ?? DEFAULT_READ_LIMITS,
      );
      kc.loadFromString(json);
      kc.makePathsAbsolute(dir);
    } else {
      kc.loadFromDefault(undefined, true);
      // Finding no kubeconfig at all, client-node makes one up (context "loaded-context", server
      // http://localhost:8080): the error would name a context nobody wrote or a server nobody runs.
      const clusters = kc.getClusters();
      if (!process.env.KUBECONFIG && kc.getCurrentContext() === 'loaded-context' && clusters.length === 1 && clusters[0]!.server === 'http://localhost:8080')
        throw new Error('none found: KUBECONFIG is not set, ~/.kube/config does not exist and this is not a pod with a service account (set KUBECONFIG)');
    }
  } catch (e) {
    const missing = e as NodeJS.ErrnoException;
    // KUBECONFIG naming a file that is not there (a typo, a CI secret never written): Node's
    // "ENOENT: ... open" names neither the variable nor the fix.
    if (!config.kubeconfig && missing.code === 'ENOENT' && missing.path && process.env.KUBECONFIG)
      throw new LiveUnavailable(
        `cannot load the kubeconfig: KUBECONFIG names ${missing.path}, which does not exist (point KUBECONFIG at your kubeconfig file, or unset it to read ~/.kube/config)`,
      );
    throw new LiveUnavailable(`cannot load the kubeconfig: ${(e as Error).message.split('\n')[0]}`);
  }
  const context = options.context ?? config.context ?? kc.getCurrentContext();
  const contextObject = context ? kc.getContextObject(context) : null;
  if (!contextObject) {
    const known = kc.getContexts().map((c) => c.name);
    throw new LiveUnavailable(
      `no kubeconfig context "${context ?? ''}"${known.length ? ` (contexts: ${known.join(', ')})` : ' (the kubeconfig has none; set KUBECONFIG)'}`,
    );
  }
  kc.setCurrentContext(context);
  const namespace = config.namespace ?? contextObject.namespace ?? 'default';
  const server = kc.getCurrentCluster()?.server ?? '(no server)';
  const timeout = (config.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
  // Every answer is read with a size limit (client-node alone would read an endless body whole).
  const httpApi = boundedHttpLibrary(k8s, MAX_API_ANSWER_BYTES);
  const requestOptions = (extra?: { contentType?: string; namesOnly?: boolean }) => ({
    httpApi,
    middleware: [
      {
        pre: (ctx: import('@kubernetes/client-node').RequestContext) => {
          options.onRequest?.();
          ctx.setSignal(AbortSignal.timeout(timeout));
          if (extra?.contentType) ctx.setHeaderParam('Content-Type', extra.contentType);
          if (extra?.namesOnly) {
            // A table of names and types, without the objects: what `kubectl get secrets` shows.
            ctx.setHeaderParam('Accept', TABLE);
            ctx.setQueryParam('includeObject', 'None');
          }
          return new k8s.Observable(Promise.resolve(ctx));
        },
        post: (ctx: import('@kubernetes/client-node').ResponseContext) =>
          new k8s.Observable(extra?.namesOnly ? tableAsList(k8s, ctx, namespace) : Promise.resolve(ctx)),
      },
    ],
    middlewareMergeStrategy: 'append' as const,
  });
  return {
    k8s,
    context,
    namespace,
    server,
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    batch: kc.makeApiClient(k8s.BatchV1Api),
    networking: kc.makeApiClient(k8s.NetworkingV1Api),
    autoscaling: kc.makeApiClient(k8s.AutoscalingV2Api),
    policy: kc.makeApiClient(k8s.PolicyV1Api),
    rbac: kc.makeApiClient(k8s.RbacAuthorizationV1Api),
    events: kc.makeApiClient(k8s.EventsV1Api),
    requestOptions,
  };
}

/** Reads one environment from a cluster: one LIST per kind in the namespace, paged, never a GET
 * per object: the config values, and the inventory of whole objects. */
export async function readKubernetes(
  repoRoot: string,
  env: EnvName,
  config: KubernetesSourceConfig,
  options: {
    context?: string;
    onRequest?: () => void;
    allowExec?: boolean;
    /** Kinds listed so far, of all to list (pods count as one). */ onKinds?: (done: number, total: number) => void;
    /** What of the past to read (workload revisions and Events by default; Helm records opt-in). */
    history?: HistoryRead;
    /** How Secret values are fingerprinted (the repository's key). */
    fingerprint?: SecretFingerprint;
    /** The bounds a kubeconfig the repository names is read within (the configuration's). */
    limits?: Readonly<ReadLimits>;
  } = {},
): Promise<LiveState> {
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    connection = await connect(repoRoot, config, options);
  } catch (e) {
    if (e instanceof LiveUnavailable) return unavailable(env, `kubernetes ${options.context ?? config.context ?? ''}`.trim(), e.message);
    throw e;
  }
  const { context, namespace, server, core, apps, batch, networking, autoscaling, policy, rbac, events, requestOptions } = connection;
  const source = `kubernetes ${context}/${namespace}`;

  // What was returned but not read: the source is then only partly read, and says why. A history
  // list (revisions, Events, Helm records) says it in the history's notes instead: the past is
  // optional reading, never the state compared.
  const problems: string[] = [];
  const listAll = async (
    resource: string,
    kind: string,
    page: (cont: string | undefined, labelSelector?: string) => Promise<ListPage>,
    labelSelector?: string,
    scope = namespace,
    unreadSink: string[] = problems,
  ): Promise<KubeObject[]> => {
    const out: KubeObject[] = [];
    let cont: string | undefined;
    let restarted = false;
    let pages = 0;
    const tokens = new Set<string>();
    for (;;) {
      let result: ListPage;
      try {
        result = await page(cont, labelSelector);
      } catch (e) {
        // An expired continue token (410): the snapshot is gone; start the listing again, once.
        if ((e as { code?: number }).code === 410 && cont && !restarted) {
          restarted = true;
          out.length = 0;
          cont = undefined;
          continue;
        }
        throw new LiveUnavailable(describeFailure(e, { verb: 'list', resource, namespace: scope, context, server }));
      }
      pages++;
      const items: unknown = (result as { items?: unknown } | undefined)?.items;
      if (!Array.isArray(items)) {
        const answer =
          typeof result === 'object' && result !== null
            ? `holds no list of items (${items === undefined ? 'none' : `items is ${typeof items}`})`
            : 'is not JSON';
        throw new LiveUnavailable(
          `list ${resource} in namespace "${namespace}": the answer of ${server} ${answer} (a login page or a proxy in front of the API server?)`,
        );
      }
      for (const item of items) {
        // Typed models turn times into Dates and drop unknown fields; plain JSON is what the rest reads.
        const plain = JSON.parse(JSON.stringify(item ?? null)) as KubeObject | null;
        if (plain && typeof plain === 'object') plain.kind ??= kind; // list items come without kind
        const problem = objectProblem(plain);
        if (problem) {
          unreadSink.push(`${objectName(plain, kind)} ${problem}`);
          continue;
        }
        out.push(plain!);
      }
      cont = result.metadata?._continue || undefined;
      if (!cont) return out;
      // A server that never stops paging is stopped here, and says so.
      if (tokens.has(cont)) {
        unreadSink.push(`list ${resource}: the API server sent the same continue token twice; stopped after ${pages} pages`);
        return out;
      }
      tokens.add(cont);
      if (pages >= MAX_LIST_PAGES || out.length >= MAX_LIST_ITEMS) {
        unreadSink.push(
          `list ${resource}: the API server kept paging (continue) past ${pages} pages and ${out.length} objects; stopped ` +
            `there (at most ${MAX_LIST_PAGES} pages or ${MAX_LIST_ITEMS.toLocaleString('en')} objects per list)`,
        );
        return out;
      }
    }
  };
  const selectorOf = (selection: KubernetesSourceConfig['configMaps']) => (selection && !Array.isArray(selection) ? selection.selector : undefined);
  const inventory = config.inventory !== false;
  const wantedKinds = (() => {
    const w = config.workloads;
    if (inventory || !w || !Array.isArray(w)) return [...WORKLOAD_KINDS];
    const named = new Set(w.map((name) => (name.includes('/') ? name.split('/')[0]! : '*')));
    return named.has('*') ? [...WORKLOAD_KINDS] : WORKLOAD_KINDS.filter((kind) => named.has(kind));
  })();
  // The inventory lists every object (the selection then picks what is read as config).
  const filter = (selection: KubernetesSourceConfig['configMaps']) => (inventory ? undefined : selectorOf(selection));

  type PageArgs = { namespace: string; limit: number; _continue?: string; labelSelector?: string; fieldSelector?: string };
  type HistoryLister = (
    resource: string,
    kind: string,
    fn: (args: PageArgs) => Promise<unknown>,
    selectors: { labelSelector?: string; fieldSelector?: string } | undefined,
    /** Where what the list returned but could not be read is said. */
    notes: string[],
  ) => Promise<KubeObject[]>;
  /** The read workloads' revisions and Events, and with `helm` the release records: each a LIST in
   * the namespace; one that is refused (403) or fails is a note, never a failure of the source. */
  const readPast = async (objects: KubeObject[], history: HistoryRead, list: HistoryLister) => {
    const opts = requestOptions();
    // A CronJob keeps no revisions; its Events, its Jobs' and their Pods' are its runs.
    const workloads = selectedWorkloads(objects, config);
    const kinds = new Set(workloads.map((w) => w.kind));
    const notes: string[] = [];
    const attempt = async (what: string, run: () => Promise<KubeObject[]>): Promise<KubeObject[]> => {
      try {
        return await run();
      } catch (e) {
        if (!(e instanceof LiveUnavailable)) throw e;
        notes.push(`${what} not read: ${e.message}`);
        return [];
      }
    };
    const lists: Array<Promise<KubeObject[]>> = [];
    if (kinds.has('Deployment'))
      lists.push(
        attempt('rollout history (ReplicaSets)', () => list('replicasets.apps', 'ReplicaSet', (a) => apps.listNamespacedReplicaSet(a, opts), undefined, notes)),
      );
    if (kinds.has('StatefulSet') || kinds.has('DaemonSet'))
      lists.push(
        attempt('revision history (ControllerRevisions)', () =>
          list('controllerrevisions.apps', 'ControllerRevision', (a) => apps.listNamespacedControllerRevision(a, opts), undefined, notes),
        ),
      );
    if (workloads.length > 0)
      lists.push(
        attempt('Events', () =>
          // events.k8s.io/v1 first; a server that does not serve it still has core/v1 Events.
          list('events.events.k8s.io', 'Event', (a) => events.listNamespacedEvent(a, opts), undefined, notes).catch((e: unknown) => {
            if (!(e instanceof LiveUnavailable) || !/\(404\)/.test(e.message)) throw e;
            return list('events', 'Event', (a) => core.listNamespacedEvent(a, opts), undefined, notes);
          }),
        ),
      );
    if (history.helm) {
      lists.push(
        attempt('Helm release records (Secrets)', () =>
          list(
            'secrets',
            'Secret',
            (a) => core.listNamespacedSecret(a, opts),
            {
              labelSelector: HELM_OWNER_SELECTOR,
              fieldSelector: `type=${HELM_RELEASE_TYPE}`,
            },
            notes,
          ),
        ),
        attempt('Helm release records (ConfigMaps)', () =>
          list('configmaps', 'ConfigMap', (a) => core.listNamespacedConfigMap(a, opts), { labelSelector: HELM_OWNER_SELECTOR }, notes),
        ),
      );
    }
    const read = (await Promise.all(lists)).flat();
    return historyOf(
      // The inventory's Jobs name their CronJobs (owner references) for the Events about them.
      [...read, ...objects.filter((o) => o.kind === 'Job')],
      {
        workloads: new Set(workloads.map((w) => `${w.kind}/${w.metadata?.name}`)),
        helm: history.helm,
        known: history.known,
        ...(history.fingerprint ? { fingerprint: history.fingerprint } : {}),
      },
      notes,
    );
  };

  try {
    const opts = requestOptions();
    type Lister = (c: string | undefined, l?: string) => Promise<ListPage>;
    const page =
      (fn: (args: { namespace: string; limit: number; _continue?: string; labelSelector?: string }) => Promise<unknown>): Lister =>
      (c, l) =>
        fn({ namespace, limit: PAGE, ...(c ? { _continue: c } : {}), ...(l ? { labelSelector: l } : {}) }) as Promise<ListPage>;
    // What the config values need: a failure here makes the source unavailable.
    const needed: Array<[string, string, Lister, string | undefined]> = [
      ['configmaps', 'ConfigMap', page((a) => core.listNamespacedConfigMap(a, opts)), filter(config.configMaps)],
    ];
    // Secrets: only those `secrets:` names are read, each by name (or the ones its selector picks),
    // so no other Secret's data ever crosses the wire; the inventory gets names and types only.
    const secretSelector = config.secrets && !Array.isArray(config.secrets) ? config.secrets.selector : undefined;
    if (secretSelector) needed.push(['secrets', 'Secret', page((a) => core.listNamespacedSecret(a, opts)), secretSelector]);
    const secretWarnings: string[] = [];
    const namedSecrets = async (): Promise<KubeObject[]> => {
      const names = Array.isArray(config.secrets) ? [...new Set(config.secrets.map((n) => n.replace(/^Secret\//, '')))] : [];
      const read = await Promise.all(
        names.map(async (name) => {
          try {
            const plain = JSON.parse(JSON.stringify(await core.readNamespacedSecret({ name, namespace }, opts))) as KubeObject;
            plain.kind ??= 'Secret';
            return plain;
          } catch (e) {
            if ((e as { code?: number }).code === 404) {
              secretWarnings.push(`Secret "${name}" (named under secrets:) is not in namespace "${namespace}"`);
              return undefined;
            }
            throw new LiveUnavailable(describeFailure(e, { verb: 'get', resource: `secrets/${name}`, namespace, context, server }));
          }
        }),
      );
      return read.filter((o): o is KubeObject => o !== undefined);
    };
    const workloadSelector = filter(config.workloads);
    if (wantedKinds.includes('Deployment'))
      needed.push(['deployments.apps', 'Deployment', page((a) => apps.listNamespacedDeployment(a, opts)), workloadSelector]);
    if (wantedKinds.includes('StatefulSet'))
      needed.push(['statefulsets.apps', 'StatefulSet', page((a) => apps.listNamespacedStatefulSet(a, opts)), workloadSelector]);
    if (wantedKinds.includes('DaemonSet')) needed.push(['daemonsets.apps', 'DaemonSet', page((a) => apps.listNamespacedDaemonSet(a, opts)), workloadSelector]);
    if (wantedKinds.includes('CronJob')) needed.push(['cronjobs.batch', 'CronJob', page((a) => batch.listNamespacedCronJob(a, opts)), workloadSelector]);
    // What only the inventory needs: a kind that cannot be listed is named, and the rest stands.
    const extra: Array<[string, string, Lister]> = [];
    if (inventory) {
      const namesOnly = requestOptions({ namesOnly: true });
      extra.push(['secrets', 'Secret', page((a) => core.listNamespacedSecret(a, namesOnly))]);
      extra.push(
        ['jobs.batch', 'Job', page((a) => batch.listNamespacedJob(a, opts))],
        ['services', 'Service', page((a) => core.listNamespacedService(a, opts))],
        ['serviceaccounts', 'ServiceAccount', page((a) => core.listNamespacedServiceAccount(a, opts))],
        ['ingresses.networking.k8s.io', 'Ingress', page((a) => networking.listNamespacedIngress(a, opts))],
        ['networkpolicies.networking.k8s.io', 'NetworkPolicy', page((a) => networking.listNamespacedNetworkPolicy(a, opts))],
        ['horizontalpodautoscalers.autoscaling', 'HorizontalPodAutoscaler', page((a) => autoscaling.listNamespacedHorizontalPodAutoscaler(a, opts))],
        ['poddisruptionbudgets.policy', 'PodDisruptionBudget', page((a) => policy.listNamespacedPodDisruptionBudget(a, opts))],
        ['resourcequotas', 'ResourceQuota', page((a) => core.listNamespacedResourceQuota(a, opts))],
        ['limitranges', 'LimitRange', page((a) => core.listNamespacedLimitRange(a, opts))],
        ['roles.rbac.authorization.k8s.io', 'Role', page((a) => rbac.listNamespacedRole(a, opts))],
        ['rolebindings.rbac.authorization.k8s.io', 'RoleBinding', page((a) => rbac.listNamespacedRoleBinding(a, opts))],
      );
    }
    const clusterWide: Array<[string, string, Lister]> = config.clusterRbac
      ? [
          ['clusterroles.rbac.authorization.k8s.io', 'ClusterRole', (c) => rbac.listClusterRole({ limit: PAGE, ...(c ? { _continue: c } : {}) }, opts)],
          [
            'clusterrolebindings.rbac.authorization.k8s.io',
            'ClusterRoleBinding',
            (c) => rbac.listClusterRoleBinding({ limit: PAGE, ...(c ? { _continue: c } : {}) }, opts),
          ],
        ]
      : [];
    const unread: Array<{ kind: string; reason: string }> = [];
    const optional = (resource: string, kind: string, lister: Lister, scope?: string) =>
      listAll(resource, kind, lister, undefined, scope).catch((e: unknown) => {
        if (!(e instanceof LiveUnavailable)) throw e;
        unread.push({ kind, reason: e.message });
        return [] as KubeObject[];
      });
    let listed = 0;
    const kinds = needed.length + extra.length + clusterWide.length + 1;
    const counted = <T>(list: Promise<T>) => list.then((items) => (options.onKinds?.(++listed, kinds), items));
    const [required, secretsRead, optionalLists] = await Promise.all([
      Promise.all(needed.map(([resource, kind, lister, selector]) => counted(listAll(resource, kind, lister, selector)))),
      namedSecrets(),
      Promise.all([...extra.map(([r, k, l]) => counted(optional(r, k, l))), ...clusterWide.map(([r, k, l]) => counted(optional(r, k, l, '(cluster-wide)')))]),
    ]);
    // A Secret read whole stands for its name-only row.
    const readWhole = new Set([...required.flat(), ...secretsRead].filter((o) => o.kind === 'Secret').map((o) => o.metadata?.name));
    const objects = [...required.flat(), ...secretsRead, ...optionalLists.flat().filter((o) => !(o.kind === 'Secret' && readWhole.has(o.metadata?.name)))];

    // Pods are listed only to learn which image digests the selected workloads run.
    const pods = selectedWorkloads(objects, config).some((w) => w.kind !== 'CronJob')
      ? await listAll(
          'pods',
          'Pod',
          page((a) => core.listNamespacedPod(a, opts)),
          filter(config.workloads),
        )
      : [];
    options.onKinds?.(++listed, kinds);
    const read = readObjects([...objects, ...pods], config, { source, context, ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}) });
    if (objects.length === 0) {
      // Lists in a namespace that does not exist come back empty: ask whether it exists.
      try {
        await core.readNamespace({ name: namespace }, opts);
      } catch (e) {
        if ((e as { code?: number }).code === 404) throw new LiveUnavailable(`namespace "${namespace}" not found in context "${context}"`);
        // No permission to read namespaces: the empty lists stand.
      }
    }
    const past = options.history?.enabled
      ? await readPast(objects, options.history, (resource, kind, fn, selectors, notes) =>
          listAll(
            resource,
            kind,
            (c) => fn({ namespace, limit: PAGE, ...(c ? { _continue: c } : {}), ...selectors }) as Promise<ListPage>,
            undefined,
            namespace,
            notes,
          ),
        )
      : undefined;
    unread.sort((a, b) => a.kind.localeCompare(b.kind));
    const notRead = [...unread.map((u) => u.reason), ...problems];
    return {
      env,
      status: notRead.length > 0 ? 'partial' : 'ok',
      source,
      ...(notRead.length > 0 ? { reason: summarizeProblems(notRead) } : {}),
      values: read.values,
      artifacts: read.artifacts,
      ...(read.compared.length > 0 ? { compared: read.compared } : {}),
      warnings: [...secretWarnings, ...read.warnings],
      ...(inventory
        ? {
            objects: inventoryOf(objects, source, config.clusterRbac === true),
            inventoryKinds: [...INVENTORY_KINDS, ...(config.clusterRbac ? CLUSTER_RBAC_KINDS : [])].filter((kind) => !unread.some((u) => u.kind === kind)),
          }
        : {}),
      ...(unread.length > 0 ? { unread } : {}),
      ...(past && !isEmptyHistory(past) ? { history: past } : {}),
    };
  } catch (e) {
    if (e instanceof LiveUnavailable) return unavailable(env, source, e.message);
    throw e;
  }
}

function unavailable(env: EnvName, source: string, reason: string): LiveState {
  return { env, status: 'unavailable', source, reason, values: new Map(), artifacts: [], warnings: [] };
}

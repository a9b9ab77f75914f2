import { UserError } from '../errors.js';
import { connect, describeFailure, LiveUnavailable } from '../sources/live/kubernetes.js';
import { parseKeyPath } from '../parse/keypath.js';
import type { LiveChange } from './plan.js';
import { isMap } from '../model/is-map.js';

/** What a live patch would do, from the server's own dry run. */
export interface LivePreview {
  env: string;
  /** `ConfigMap/payment-config in payments (context prod)` */
  object: string;
  field: string;
  before: string | null;
  after: string | null;
  resourceVersion: string;
  /** Set when this preview follows a conflict: the object changed since it was first read. */
  afterConflict?: boolean;
  /** Set (by apply) when the decision goes against its divergence's verdict, in the words a
   * commit message uses: `revert production, where the verdict suggested backfill …`. */
  against?: string;
}

export interface LivePatchResult {
  applied: boolean;
  preview: LivePreview;
  resourceVersion?: string;
  /** Set when the PATCH's answer was lost (timeout, connection reset) and the object was read
   * again to learn what is live: why the answer was lost. */
  answerLost?: string;
}

/** The field manager undrift writes as, so the next investigation sees who wrote it. */
export const FIELD_MANAGER = 'undrift';

type Obj = Record<string, unknown>;

interface FieldRef {
  kind: 'ConfigMap' | 'Deployment' | 'StatefulSet' | 'DaemonSet';
  name: string;
  /** ConfigMap data key, or the container and variable of a literal env value. */
  dataKey?: string;
  container?: string;
  variable?: string;
}

function fieldRef(change: LiveChange): FieldRef {
  const { kind, name, fieldPath } = change.location;
  const segments = parseKeyPath(fieldPath.replace(/^\./, ''));
  if (kind === 'ConfigMap') {
    const key = segments[1];
    if (segments.length === 2 && key && 'key' in key) return { kind, name, dataKey: key.key };
  }
  if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') {
    const matches = segments.filter((s): s is { match: { field: string; value: string } } => 'match' in s);
    if (matches.length === 2) return { kind, name, container: matches[0]!.match.value, variable: matches[1]!.match.value };
  }
  throw new UserError(`${kind}/${name} ${fieldPath} cannot be patched by undrift; change it by deploying`);
}

function valueIn(object: Obj, ref: FieldRef): string | null {
  if (ref.dataKey !== undefined) {
    const data = isMap(object.data) ? object.data : {};
    return typeof data[ref.dataKey] === 'string' ? (data[ref.dataKey] as string) : null;
  }
  const spec = isMap(object.spec) && isMap(object.spec.template) && isMap(object.spec.template.spec) ? object.spec.template.spec : {};
  const container = (Array.isArray(spec.containers) ? spec.containers : []).find((c) => isMap(c) && c.name === ref.container) as Obj | undefined;
  const item = (Array.isArray(container?.env) ? container.env : []).find((e) => isMap(e) && e.name === ref.variable) as Obj | undefined;
  return typeof item?.value === 'string' ? item.value : null;
}

/** Exactly the drifted field, with the object's resourceVersion as a precondition. */
function patchBody(ref: FieldRef, value: string | null, resourceVersion: string): Obj {
  if (ref.dataKey !== undefined) return { metadata: { resourceVersion }, data: { [ref.dataKey]: value } };
  const env = value === null ? { name: ref.variable, $patch: 'delete' } : { name: ref.variable, value };
  return { metadata: { resourceVersion }, spec: { template: { spec: { containers: [{ name: ref.container, env: [env] }] } } } };
}

/**
 * Sets one live field back: reads the object, asks the server for a dry run of exactly that
 * change, shows it to `confirm`, and only then patches, with the resourceVersion read as a
 * precondition. When someone else changed the object in between (409), it is read again and
 * `confirm` is asked again with what is there now.
 */
export async function patchLive(
  repoRoot: string,
  change: LiveChange,
  confirm: (preview: LivePreview) => Promise<boolean>,
  options: { context?: string; maxConflicts?: number } = {},
): Promise<LivePatchResult> {
  const ref = fieldRef(change);
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    connection = await connect(repoRoot, change.source, options.context ? { context: options.context } : {});
  } catch (e) {
    throw new UserError(e instanceof LiveUnavailable ? `${change.env}: ${e.message}` : (e as Error).message);
  }
  const { k8s, core, apps, context, server, requestOptions } = connection;
  const namespace = change.location.namespace ?? connection.namespace;
  const resource = ref.kind === 'ConfigMap' ? 'configmaps' : `${ref.kind.toLowerCase()}s.apps`;
  const fail = (e: unknown, verb: string): never => {
    const code = (e as { code?: number }).code;
    if (code === 403)
      throw new UserError(
        `${describeFailure(e, { verb, resource, namespace, context, server })}: undrift needs the "${verb}" permission on ${resource} in ${namespace}`,
      );
    throw new UserError(describeFailure(e, { verb, resource, namespace, context, server }));
  };
  const read = async (): Promise<Obj> => {
    try {
      const object =
        ref.kind === 'ConfigMap'
          ? await core.readNamespacedConfigMap({ name: ref.name, namespace }, requestOptions())
          : ref.kind === 'Deployment'
            ? await apps.readNamespacedDeployment({ name: ref.name, namespace }, requestOptions())
            : ref.kind === 'StatefulSet'
              ? await apps.readNamespacedStatefulSet({ name: ref.name, namespace }, requestOptions())
              : await apps.readNamespacedDaemonSet({ name: ref.name, namespace }, requestOptions());
      return JSON.parse(JSON.stringify(object)) as Obj;
    } catch (e) {
      return fail(e, 'get');
    }
  };
  const patch = async (body: Obj, dryRun: boolean): Promise<Obj> => {
    const contentType = ref.kind === 'ConfigMap' ? k8s.PatchStrategy.MergePatch : k8s.PatchStrategy.StrategicMergePatch;
    const params = { name: ref.name, namespace, body, fieldManager: FIELD_MANAGER, ...(dryRun ? { dryRun: 'All' } : {}) };
    const opts = requestOptions({ contentType });
    const result =
      ref.kind === 'ConfigMap'
        ? await core.patchNamespacedConfigMap(params, opts)
        : ref.kind === 'Deployment'
          ? await apps.patchNamespacedDeployment(params, opts)
          : ref.kind === 'StatefulSet'
            ? await apps.patchNamespacedStatefulSet(params, opts)
            : await apps.patchNamespacedDaemonSet(params, opts);
    return JSON.parse(JSON.stringify(result)) as Obj;
  };

  const object = `${ref.kind}/${ref.name} in ${namespace} (context ${context})`;
  const settleLostAnswer = async (error: unknown, preview: LivePreview, sentFor: string): Promise<LivePatchResult> => {
    const lost = describeFailure(error, { verb: 'patch', resource, namespace, context, server });
    const field = change.location.fieldPath;
    let now: Obj;
    try {
      now = await read();
    } catch (e) {
      throw new UserError(
        `${object}: the PATCH of ${field} was sent but its answer was lost (${lost}), and reading it again failed ` +
          `(${(e as Error).message}): whether it was applied is unknown; check ${field} before running again`,
      );
    }
    const live = valueIn(now, ref);
    const version = String(((now.metadata as Obj | undefined)?.resourceVersion as string | undefined) ?? '');
    if (live === change.value) return { applied: true, preview, resourceVersion: version, answerLost: lost };
    // The PATCH carries resourceVersion `sentFor` as a precondition: once the object moved past
    // it, that request can never apply; while it has not, it may still arrive.
    if (version !== sentFor)
      throw new UserError(
        `${object}: the PATCH of ${field} was sent but its answer was lost (${lost}); read again, ${field} is ${JSON.stringify(live)} (resourceVersion ${version}): not applied`,
      );
    throw new UserError(
      `${object}: the PATCH of ${field} was sent but its answer was lost (${lost}); read again, ${field} is still ` +
        `${JSON.stringify(live)}: not applied so far, but unknown — the request may still reach the server (it can only ` +
        `apply to resourceVersion ${sentFor}); run undrift apply again to check`,
    );
  };
  let afterConflict = false;
  for (let attempt = 0; attempt <= (options.maxConflicts ?? 3); attempt++) {
    const current = await read();
    const resourceVersion = String(((current.metadata as Obj | undefined)?.resourceVersion as string | undefined) ?? '');
    const body = patchBody(ref, change.value, resourceVersion);
    let dry: Obj;
    try {
      dry = await patch(body, true);
    } catch (e) {
      if ((e as { code?: number }).code === 409) {
        afterConflict = true;
        continue;
      }
      return fail(e, 'patch');
    }
    const preview: LivePreview = {
      env: change.env,
      object,
      field: change.location.fieldPath,
      before: valueIn(current, ref),
      after: valueIn(dry, ref),
      resourceVersion,
      ...(afterConflict ? { afterConflict: true } : {}),
    };
    if (preview.after !== change.value)
      throw new UserError(
        `${object}: the server's dry run gives ${change.location.fieldPath} ${JSON.stringify(preview.after)}, not ${JSON.stringify(change.value)}; nothing was written`,
      );
    if (!(await confirm(preview))) return { applied: false, preview };
    try {
      const written = await patch(body, false);
      return { applied: true, preview, resourceVersion: String(((written.metadata as Obj | undefined)?.resourceVersion as string | undefined) ?? '') };
    } catch (e) {
      const code = (e as { code?: number }).code;
      // No HTTP answer (a timeout, a reset after the request went out): the server may or may not
      // have applied it. Never "failed" when it succeeded: read the object again and say what is live.
      if (typeof code !== 'number') return settleLostAnswer(e, preview, resourceVersion);
      if (code !== 409) return fail(e, 'patch');
      afterConflict = true; // someone changed it since it was read: read again and ask again
    }
  }
  throw new UserError(`${object} keeps changing under us (409 conflicts); nothing was written`);
}

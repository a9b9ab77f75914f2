import type { EnvSnapshot, InventoryObject, KeyPath, LiveState, LiveValue } from '../model/types.js';
import { withoutGeneratorHash, withoutRenaming } from '../parse/kustomize-names.js';
import { canonicalJson } from '../parse/flatten.js';

// Live objects named as the repo names them, so that one object meets itself across environments
// and in its repo definition: a Kustomize overlay applies `prod-api`, `staging-api` and
// `prod-app-config-7h2f9k5m4t`; all are compared as `api` and `app-config`. Pure.

/** How one environment's names in the cluster map back to the names objects are compared by. */
export interface ObjectNaming {
  /** `Kind/live name` → identity, for every object the environment's repo build makes. */
  built: Map<string, string>;
  /** Generated objects: `Kind/live name without its hash` → identity (an older build's name). */
  generated: Map<string, string>;
  renaming: { prefixes: string[]; suffixes: string[] };
}

/** The naming of an environment whose repo was read as built (a Kustomize overlay); without one,
 * only a generator's hash is taken off a name. */
export function namingOf(env: Pick<EnvSnapshot, 'objects' | 'renaming'> | undefined): ObjectNaming {
  const built = new Map<string, string>();
  const generated = new Map<string, string>();
  for (const o of env?.objects ?? []) {
    if (!o.liveName) continue;
    built.set(`${o.kind}/${o.liveName}`, o.name);
    const unhashed = withoutGeneratorHash(o.kind, o.liveName);
    if (unhashed) generated.set(`${o.kind}/${unhashed}`, o.name);
  }
  return { built, generated, renaming: env?.renaming ?? { prefixes: [], suffixes: [] } };
}

/** The name an object of this kind and live name is compared by. */
export function identityName(kind: string, liveName: string, naming: ObjectNaming): string {
  const exact = naming.built.get(`${kind}/${liveName}`);
  if (exact) return exact;
  // A generated ConfigMap or Secret of another content (an older or newer build): its base name.
  const unhashed = withoutGeneratorHash(kind, liveName);
  if (unhashed) return naming.generated.get(`${kind}/${unhashed}`) ?? withoutRenaming(unhashed, naming.renaming);
  return withoutRenaming(liveName, naming.renaming);
}

/** `Role/prod-api` → `Role/api`; subjects other than ServiceAccounts (users, groups) keep their names. */
function identityRef(ref: string, naming: ObjectNaming, kinds?: Set<string>): string {
  const slash = ref.indexOf('/');
  if (slash < 0) return ref;
  const kind = ref.slice(0, slash);
  if (kinds && !kinds.has(kind)) return ref;
  return `${kind}/${identityName(kind, ref.slice(slash + 1), naming)}`;
}

const NAMED_SUBJECTS = new Set(['ServiceAccount']);

/** A live object under the name it is compared by (its live name kept beside it), with the role
 * and service accounts it refers to named the same way. */
export function identified(o: InventoryObject, naming: ObjectNaming): InventoryObject {
  const name = identityName(o.kind, o.name, naming);
  const roleRef = o.roleRef ? identityRef(o.roleRef, naming) : undefined;
  const subjects = o.subjects?.map((s) => identityRef(s, naming, NAMED_SUBJECTS));
  if (name === o.name && roleRef === o.roleRef && subjects?.every((s, i) => s === o.subjects![i]) !== false) return o;
  return {
    ...o,
    name,
    ...(name !== o.name ? { liveName: o.name } : {}),
    ...(roleRef ? { roleRef } : {}),
    ...(subjects ? { subjects: subjects.sort() } : {}),
  };
}

/** Whether the environment's repo renames objects on their way to the cluster (a built overlay). */
const renames = (naming: ObjectNaming) => naming.built.size > 0 || naming.renaming.prefixes.length > 0 || naming.renaming.suffixes.length > 0;

/** A live state whose values and images name their object as the environment's repo does
 * (`ConfigMap/prod-app-config-7h2f9k5m4t.data.LOG_LEVEL` → `ConfigMap/app-config.data.LOG_LEVEL`,
 * `Deployment/prod-api.containers[name=app].image` → `Deployment/api…`), so that they meet the
 * built overlay's keys and each other; where each was read stays as it was. Only for
 * environments read as built overlays: a plain manifest names its object as the cluster does. */
export function withRepoNames(state: LiveState, naming: ObjectNaming): LiveState {
  if (!renames(naming)) return state;
  const named = referenceNames(naming);
  const values = new Map<KeyPath, LiveValue>();
  for (const [key, value] of state.values) {
    const { kind, name } = value.location;
    const from = `${kind}/${name}`;
    const to = `${kind}/${identityName(kind, name, naming)}`;
    const manifestKey = value.manifestKey;
    const renamed = manifestKey && from !== to && manifestKey.startsWith(from) ? { ...value, manifestKey: to + manifestKey.slice(from.length) } : value;
    values.set(key, withReferencesNamed(renamed, named));
  }
  // Images by the workload's name in the repo, so `prod-api` and `staging-api` meet as `api`
  // across environments and with the overlay's declared image.
  const artifacts = state.artifacts.map((a) => {
    const from = `${a.location.kind}/${a.location.name}`;
    const to = `${a.location.kind}/${identityName(a.location.kind, a.location.name, naming)}`;
    return from !== to && a.key.startsWith(`${from}.`) ? { ...a, key: to + a.key.slice(from.length), liveKey: a.key } : a;
  });
  return { ...state, values, artifacts };
}

/** Every name the environment's build gives an object → the name it is compared by; and the
 * generated ones without their hash, for a reference to an older build (`prod-app-config-7h2f9k5m4t`). */
function referenceNames(naming: ObjectNaming): { exact: Map<string, string>; generated: Map<string, string> } {
  const exact = new Map<string, string>();
  for (const [kindName, identity] of naming.built) exact.set(kindName.slice(kindName.indexOf('/') + 1), identity);
  const generated = new Map<string, string>();
  for (const [kindName, identity] of naming.generated) generated.set(kindName.slice(kindName.indexOf('/') + 1), identity);
  return { exact, generated };
}

/** A live value that names an object the build renamed (an `envFrom` ConfigMap, an autoscaler's
 * `scaleTargetRef`, a `serviceAccountName`), as the overlay's build is read: the repo side names
 * every string that is a built object's name by that object's identity, so the live side must
 * too, or `prod-app-config` against `app-config` is drift that is none. A list or map value (a
 * container's `args`) has its strings named the same way. Secrets' fingerprints are left alone. */
function withReferencesNamed(value: LiveValue, named: { exact: Map<string, string>; generated: Map<string, string> }): LiveValue {
  if (value.text === null || value.type === 'secret' || named.exact.size === 0) return value;
  const nameOf = (text: string): string | undefined => {
    const exact = named.exact.get(text);
    if (exact !== undefined) return exact;
    const unhashed = withoutGeneratorHash('ConfigMap', text);
    return unhashed !== undefined ? named.generated.get(unhashed) : undefined;
  };
  if (value.type === 'list' || value.type === 'map') {
    if (![...named.exact.keys(), ...named.generated.keys()].some((n) => value.text!.includes(n))) return value;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.text);
    } catch {
      return value;
    }
    const rename = (v: unknown): unknown =>
      typeof v === 'string'
        ? (nameOf(v) ?? v)
        : Array.isArray(v)
          ? v.map(rename)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]))
            : v;
    const text = canonicalJson(rename(parsed));
    return text === value.text ? value : { ...value, text };
  }
  const identity = nameOf(value.text);
  return identity === undefined ? value : { ...value, text: identity };
}

// How Kustomize names what it generates: a configMapGenerator's or secretGenerator's object gets
// `-` and ten characters of its content hash, hex encoded with 0, 1, 3, a and e replaced by g,
// h, k, m and t (no vowels, no look-alikes): `app-config-7h2f9k5m4t`. A new content is a new
// name, so the live name changes with every change of the data, and old ones may stay behind.

/** The names a kustomization file may have, in the order kustomize looks for them. */
export const KUSTOMIZATION_FILES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The names under which a kustomization holds `field` as kustomize reads it: Go's JSON matches
 * field names in any case (`Resources:` is `resources:`), so every spelling counts. */
export const spellingsOf = (k: Record<string, unknown>, field: string): string[] => Object.keys(k).filter((name) => name.toLowerCase() === field);

/** Subtrees that hold values, never a path kustomize reads: annotations and labels, images,
 * generator literals, inline patches. */
const NOT_PATHS = new Set([
  'commonannotations',
  'commonlabels',
  'annotations',
  'labels',
  'images',
  'literals',
  'patch',
  'metadata',
  'buildmetadata',
  'replicas',
]);

/** Any `scheme://` (kustomize downloads http and https, clones git), after a generator's `key=`. */
const URL_PATH = /^\s*(?:[^=\s/]+=)?[a-z][a-z0-9+.-]*:\/\//i;

/** The strings of a kustomization (outside `skip`ped top-level fields and value-only subtrees)
 * that kustomize would fetch: a patch's `path`, a generator's `envs`, `crds`, `openapi.path`, ... */
export function urlsIn(k: Record<string, unknown>, skip: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64 || found.length > 20) return;
    if (typeof v === 'string') {
      if (URL_PATH.test(v)) found.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const [name, x] of Object.entries(v)) if (!NOT_PATHS.has(name.toLowerCase())) walk(x, depth + 1);
    }
  };
  for (const [name, v] of Object.entries(k)) if (!skip.includes(name.toLowerCase())) walk(v, 0);
  return found;
}

export const GENERATOR_HASH_SUFFIX = /-[2456789bcdfghkmt]{10}$/;

/** The kinds Kustomize generators make. */
const GENERATED_KINDS = new Set(['ConfigMap', 'Secret']);

/** The name without a generator's hash suffix (`app-config-7h2f9k5m4t` → `app-config`), or
 * undefined when the object is not of a generated kind or its name has no such suffix. */
export function withoutGeneratorHash(kind: string, name: string): string | undefined {
  if (!GENERATED_KINDS.has(kind) || !GENERATOR_HASH_SUFFIX.test(name)) return undefined;
  const base = name.replace(GENERATOR_HASH_SUFFIX, '');
  return base.length > 0 ? base : undefined;
}

/** A name without the prefixes and suffixes a chain of kustomizations adds (each as often as it
 * was added: a base's `app-` under an overlay's `prod-`). */
export function withoutRenaming(name: string, renaming: { prefixes: readonly string[]; suffixes: readonly string[] }): string {
  let base = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of renaming.prefixes) {
      if (p && base.startsWith(p) && base.length > p.length) {
        base = base.slice(p.length);
        changed = true;
      }
    }
    for (const s of renaming.suffixes) {
      if (s && base.endsWith(s) && base.length > s.length) {
        base = base.slice(0, -s.length);
        changed = true;
      }
    }
  }
  return base;
}

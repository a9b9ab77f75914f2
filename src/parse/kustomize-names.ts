// How Kustomize names what it generates: a configMapGenerator's or secretGenerator's object gets
// `-` and ten characters of its content hash, hex encoded with 0, 1, 3, a and e replaced by g,
// h, k, m and t (no vowels, no look-alikes): `app-config-7h2f9k5m4t`. A new content is a new
// name, so the live name changes with every change of the data, and old ones may stay behind.

/** The names a kustomization file may have, in the order kustomize looks for them. */
export const KUSTOMIZATION_FILES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

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

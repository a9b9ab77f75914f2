import type { KeyPath } from '../model/types.js';

/**
 * Where a file's keys sit in its environment's key space, when not at the top: a Helm subchart's
 * own `values.yaml` is read by the umbrella chart under the subchart's key (`redis.` for
 * `charts/redis/values.yaml`), except its `global:` section, which Helm merges with the umbrella's
 * globals (`global.`); a helmfile release's values file is mounted under the release
 * (`releases[name=api].`), so two releases never name the same key.
 */
export interface Mount {
  /** The key prefix: `redis`, `releases[name=api]`. */
  under: KeyPath;
  /** A subchart's defaults: `global` stays at the top, as Helm merges globals. */
  subchart?: boolean;
}

const isGlobal = (key: KeyPath) => key === 'global' || key.startsWith('global.') || key.startsWith('global[');

/** A key of the mounted file as its environment names it. */
export function mountKey(mount: Mount, key: KeyPath): KeyPath {
  if (mount.subchart && isGlobal(key)) return key;
  return key.startsWith('[') ? `${mount.under}${key}` : `${mount.under}.${key}`;
}

/** A key of the environment as the mounted file writes it; undefined when the file cannot hold it. */
export function unmountKey(mount: Mount, key: KeyPath): KeyPath | undefined {
  if (mount.subchart && isGlobal(key)) return key;
  if (key.startsWith(`${mount.under}.`)) return key.slice(mount.under.length + 1);
  if (key.startsWith(`${mount.under}[`)) return key.slice(mount.under.length);
  return undefined;
}

/** The mount of the file at `index` of an environment's stack, if any. */
export const mountAt = (env: { mounts?: ReadonlyArray<Mount | null> }, index: number): Mount | undefined => env.mounts?.[index] ?? undefined;

/** The mount of `file` in an environment's stack (its last place in the stack, as the edit goes there). */
export function mountOf(env: { files: readonly string[]; mounts?: ReadonlyArray<Mount | null> }, file: string): Mount | undefined {
  return mountAt(env, env.files.lastIndexOf(file));
}

/** `values` with every key mounted. */
export function mounted<V>(mount: Mount | undefined, values: Map<KeyPath, V>): Map<KeyPath, V> {
  if (!mount) return values;
  return new Map([...values].map(([key, value]) => [mountKey(mount, key), value]));
}

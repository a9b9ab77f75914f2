import path from 'node:path';
import type { ReadLimits } from '../model/limits.js';
import { parseYaml } from '../parse/yaml.js';
import { isMap } from '../model/is-map.js';

// An environment's file is the one undrift.yaml named at the time. A team that moves an
// environment to another file — `application-pro.properties` → `application-pro.yml` with a
// conversion script, `values-prod.yaml` → `prod/values.yaml` rewritten by hand — rewrites
// undrift.yaml with it, and git sees no rename (the two files share few lines, or none). Read
// from today's configuration alone, the key's history would begin at the move, every value "added"
// there by whoever ran the script: the change that set a value deliberately, and the one the move
// itself made (a line the script dropped), would both be lost. So where a walked file appears
// without a rename git sees, the configuration of the commit before names the file that held the
// same place in the environment's list, and the walk follows that file as a rename. A move made
// over several commits (the new file first, undrift.yaml later) is dated at the new file's
// creation: the configuration of the commit before it still names the old file.

/** Each environment's file paths as undrift.yaml lists them, from one version of it; undefined when
 * that version is not a configuration this reads (it is then no evidence of a move). Only the
 * lists are read: a version written for an older undrift need not pass today's schema. */
export function configuredFiles(text: string, limits: Readonly<ReadLimits>): Map<string, string[]> | undefined {
  let value: unknown;
  try {
    const { docs } = parseYaml(text, 'undrift.yaml', '1.2', limits);
    value = docs.length === 1 ? docs[0]!.value : undefined;
  } catch {
    return undefined;
  }
  const environments = isMap(value) ? value.environments : undefined;
  if (!isMap(environments)) return undefined;
  const files = new Map<string, string[]>();
  for (const [name, env] of Object.entries(environments)) {
    const listed = typeof env === 'string' || Array.isArray(env) ? env : isMap(env) ? env.files : undefined;
    const entries = Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
    const paths = entries.map((entry) => (typeof entry === 'string' ? entry : isMap(entry) && typeof entry.file === 'string' ? entry.file : undefined));
    const inside = paths.map((p) => (p === undefined ? undefined : insidePath(p)));
    if (inside.length > 0 && inside.every((p) => p !== undefined)) files.set(name, inside);
  }
  return files;
}

/** Where a file sits in today's configuration: each environment that lists it, at which place. */
export interface Place {
  env: string;
  index: number;
}

/**
 * The file that held `file`'s place before, in the configuration `then` (today's is `now`): for
 * every environment that lists `file` today, the path at the same place of its list then — the
 * same path for all of them, named by none of them today, and not `file` itself. A list that grew
 * or shrank is matched by what it lost: its one path then that it no longer names.
 */
export function predecessorOf(file: string, places: Place[], now: Map<string, string[]>, then: Map<string, string[]>): string | undefined {
  const found = new Set<string>();
  for (const { env, index } of places) {
    const today = now.get(env);
    const before = then.get(env);
    if (!today || !before || before.includes(file)) return undefined;
    const dropped = before.filter((p) => !today.includes(p));
    const candidate = before.length === today.length ? before[index] : dropped.length === 1 ? dropped[0] : undefined;
    if (candidate === undefined || !dropped.includes(candidate)) return undefined;
    found.add(candidate);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** A path as git names it inside the repository, or undefined for one that would leave it
 * (absolute, `..`) or names nothing: an old configuration in a pull request's history names
 * what the walk asks git for, and git must never be asked for anything outside the tree. */
export function insidePath(p: string): string | undefined {
  if (p.includes('\0') || p.includes('\\')) return undefined;
  const normal = path.posix.normalize(p).replace(/\/+$/, '');
  if (normal === '' || normal === '.' || normal.startsWith('/') || normal === '..' || normal.startsWith('../')) return undefined;
  return normal.replace(/^\.\//, '');
}

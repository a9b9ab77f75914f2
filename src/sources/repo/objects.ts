import type { ReadLimits } from '../../model/limits.js';
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { EnvSnapshot, InventoryObject } from '../../model/types.js';
import { formatOfFile, type Format } from '../../parse/format.js';
import { listInside, readInside, statInside } from '../boundary.js';
import { inventoryObject, isCounted } from '../live/inventory.js';
import { kustomizationIn } from './kustomize.js';
import { isMap } from '../../model/is-map.js';

const MANIFEST_NAME = /\.(ya?ml|json)$/i;

/** The Kubernetes objects an environment's repo files define, for the inventory: a built
 * Kustomize overlay's objects as the build made them, plain manifests (`kind: List` unpacked) as
 * written, in a named file or anywhere below a named directory (as the value reader reads it).
 * Files that are not manifests (values, templates) define none. */
export function repoObjects(
  repoRoot: string,
  files: string[],
  limits: Readonly<ReadLimits>,
  read?: Pick<EnvSnapshot, 'built' | 'objects'>,
  /** Only the objects that grant (roles, bindings, ServiceAccount tokens): a scan without live state
   * compares no other object, and a file that names no RBAC group or token type is not parsed. */
  grantsOnly = false,
): InventoryObject[] {
  const granting = (o: InventoryObject) => !!(o.grants || o.roleRef) || o.tokenFor !== undefined;
  const out: InventoryObject[] = (read?.objects ?? []).filter((o) => !grantsOnly || granting(o));
  // An overlay that could not be built is not read for objects: its bases and renaming are unknown.
  const unbuilt = (f: string) => !read?.built?.includes(f) && kustomizationIn(repoRoot, f) !== undefined;
  for (const file of files.filter((f) => !read?.built?.includes(f) && !unbuilt(f)).flatMap((f) => manifestFiles(repoRoot, f))) {
    let text: string | undefined;
    try {
      text = readInside(repoRoot, file, 'an environment file', limits);
    } catch {
      continue; // the value reader reports what is wrong with the file
    }
    if (text === undefined || text.includes('{{')) continue; // a template is not an object yet
    if (grantsOnly && !/rbac\.authorization\.k8s\.io|service-account-token/.test(text)) continue;
    const add = (doc: unknown) => {
      if (!isMap(doc) || typeof doc.kind !== 'string' || typeof doc.apiVersion !== 'string') return;
      if (doc.apiVersion.startsWith('kustomize.config.k8s.io/')) return; // kustomize's own file, never applied
      if (doc.kind === 'List' && Array.isArray(doc.items)) return doc.items.forEach(add);
      if (!isCounted(doc)) return;
      const object = { ...inventoryObject(doc, file), definedAt: { file } };
      if (!grantsOnly || granting(object)) out.push(object);
    };
    try {
      for (const doc of parseAllDocuments(text)) if (doc.errors.length === 0) add(doc.toJS({ maxAliasCount: 100 }));
    } catch {
      // unreadable as YAML: not a manifest
    }
  }
  return out;
}

/** A named manifest file, or the manifest files below a named directory; nothing for other names. */
function manifestFiles(repoRoot: string, given: string): string[] {
  try {
    if (statInside(repoRoot, given, 'an environment file').type === 'directory')
      return listInside(repoRoot, given, 'an environment directory', (name) => MANIFEST_NAME.test(name));
  } catch {
    return []; // the value reader reports what is wrong with the path
  }
  return MANIFEST_NAME.test(given) ? [given] : [];
}

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** What of an environment's repo cannot name its objects, so that a live object is never called
 * "not in the repo" on a guess: Helm values (the chart's objects are known only by rendering it,
 * which undrift does not do) and overlays that could not be built. Each is the files and why; the
 * same why in several environments is said once (`uncoveredLines`). */
export function uncoveredObjects(repoRoot: string, env: { format: Format }, read: Pick<EnvSnapshot, 'files' | 'built'>): Uncovered[] {
  const out: Uncovered[] = [];
  const helm = read.files.filter((f) => formatOfFile(env, f) === 'helm');
  if (helm.length > 0) {
    // The chart beside the values file (or one folder up, as `chart/values/prod.yaml` has it).
    const dir = path.posix.dirname(helm.at(-1)!);
    const chart = [dir, path.posix.dirname(dir)].find((d) => isFile(path.resolve(repoRoot, d, 'Chart.yaml')));
    out.push({
      files: helm,
      why: (many) =>
        `${many ? 'are' : 'is'} Helm values, which name no objects: ` +
        `${chart !== undefined ? `the chart ${chart === '.' ? 'at the root' : `in ${chart}/`} is not rendered (undrift does not run \`helm template\`)` : 'the chart is not in this repository'}; ` +
        `live objects are compared across environments only, never reported as missing from the repo or absent live`,
    });
  }
  const unbuilt = read.files.filter((f) => !read.built?.includes(f) && kustomizationIn(repoRoot, f));
  if (unbuilt.length > 0)
    out.push({
      files: unbuilt,
      why: (many) => `could not be built, so ${many ? 'their' : 'its'} objects are not compared with the live ones (only across environments)`,
    });
  return out;
}

export interface Uncovered {
  files: string[];
  /** Why their objects are not known, after the files' names (`many`: more than one file). */
  why: (many: boolean) => string;
}

/** One warning line per reason, naming the environments it holds for and their files (a chart's
 * values read by every environment are said once, not once per environment). */
export function uncoveredLines(byEnv: ReadonlyArray<[string, Uncovered[]]>): string[] {
  const groups = new Map<string, { envs: string[]; files: string[] }>();
  for (const [env, items] of byEnv) {
    for (const item of items) {
      const reason = item.why(true);
      const group = groups.get(reason) ?? { envs: [], files: [] };
      group.envs.push(env);
      for (const file of item.files) if (!group.files.includes(file)) group.files.push(file);
      groups.set(reason, group);
    }
  }
  const whyOf = new Map(byEnv.flatMap(([, items]) => items.map((i): [string, Uncovered] => [i.why(true), i])));
  return [...groups].map(([reason, g]) => `${g.envs.join(', ')} objects: ${g.files.join(', ')} ${whyOf.get(reason)!.why(g.files.length > 1)}`);
}

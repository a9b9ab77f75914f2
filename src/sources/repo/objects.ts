import { parseAllDocuments } from 'yaml';
import type { EnvSnapshot, InventoryObject } from '../../model/types.js';
import { listInside, readInside, statInside } from '../boundary.js';
import { inventoryObject, isCounted } from '../live/inventory.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const MANIFEST_NAME = /\.(ya?ml|json)$/i;

/** The Kubernetes objects an environment's repo files define, for the inventory: a built
 * Kustomize overlay's objects as the build made them, plain manifests (`kind: List` unpacked) as
 * written, in a named file or anywhere below a named directory (as the value reader reads it).
 * Files that are not manifests (values, templates) define none. */
export function repoObjects(repoRoot: string, files: string[], read?: Pick<EnvSnapshot, 'built' | 'objects'>): InventoryObject[] {
  const out: InventoryObject[] = [...(read?.objects ?? [])];
  for (const file of files.filter((f) => !read?.built?.includes(f)).flatMap((f) => manifestFiles(repoRoot, f))) {
    let text: string | undefined;
    try {
      text = readInside(repoRoot, file, 'an environment file');
    } catch {
      continue; // the value reader reports what is wrong with the file
    }
    if (text === undefined || text.includes('{{')) continue; // a template is not an object yet
    const add = (doc: unknown) => {
      if (!isObj(doc) || typeof doc.kind !== 'string' || typeof doc.apiVersion !== 'string') return;
      if (doc.apiVersion.startsWith('kustomize.config.k8s.io/')) return; // kustomize's own file, never applied
      if (doc.kind === 'List' && Array.isArray(doc.items)) return doc.items.forEach(add);
      if (isCounted(doc)) out.push(inventoryObject(doc, file));
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

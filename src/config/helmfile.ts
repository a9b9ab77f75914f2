import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { EnvName } from '../model/types.js';

/** The environments a helmfile declares (`environments: {staging: {values: [...]}}`), each with
 * its values files (relative to the helmfile, those that exist), in order; `{{ }}` templated
 * paths and inline maps are skipped, as they name no file to read. Undefined when the file
 * declares no environments or cannot be read as YAML. */
export function helmfileEnvironments(text: string, file: string, exists: (file: string) => boolean): Map<EnvName, string[]> | undefined {
  const dir = path.posix.dirname(file);
  const found = new Map<EnvName, string[]>();
  let docs;
  try {
    // Go templates make many helmfiles invalid YAML as a whole; each document is tried alone.
    docs = parseAllDocuments(text.replace(/\{\{[^}]*\}\}/g, 'TEMPLATE'), { uniqueKeys: false });
  } catch {
    return undefined;
  }
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) continue;
    const value = doc.toJS() as { environments?: Record<string, { values?: unknown[] } | null> } | null;
    const environments = value?.environments;
    if (!environments || typeof environments !== 'object') continue;
    for (const [env, spec] of Object.entries(environments)) {
      if (env === 'default') continue;
      const files = (Array.isArray(spec?.values) ? spec.values : [])
        .filter((v): v is string => typeof v === 'string' && !v.includes('TEMPLATE'))
        .map((v) => path.posix.normalize(path.posix.join(dir, v)))
        .filter(exists);
      const list = found.get(env) ?? [];
      for (const f of files) if (!list.includes(f)) list.push(f);
      found.set(env, list);
    }
  }
  for (const [env, files] of found) if (files.length === 0) found.delete(env);
  return found.size > 0 ? found : undefined;
}

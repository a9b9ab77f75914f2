import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { SnapshotSourceConfig } from '../../config/schema.js';
import type { EnvName, LiveState, LiveValue } from '../../model/types.js';
import { parseDotenv } from '../../parse/dotenv.js';
import type { KubeObject } from './objects.js';
import { readObjects } from './objects.js';

const unavailable = (env: EnvName, source: string, reason: string): LiveState => ({ env, status: 'unavailable', source, reason, values: new Map(), artifacts: [], warnings: [] });

async function filesOf(absolute: string): Promise<string[]> {
  const info = await stat(absolute);
  if (!info.isDirectory()) return [absolute];
  const entries = await readdir(absolute, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(absolute, entry.name);
    if (entry.isDirectory()) files.push(...(await filesOf(full)));
    else if (/\.(ya?ml|json|env|txt)$/i.test(entry.name)) files.push(full);
  }
  return files;
}

/** Objects in `kubectl get -o yaml|json` output: one object, a `List`, or several documents. */
export function objectsIn(text: string): KubeObject[] | undefined {
  let docs: unknown[];
  try {
    const parsed = parseAllDocuments(text);
    if (!Array.isArray(parsed) || parsed.some((d) => d.errors.length > 0)) return undefined;
    docs = parsed.map((d) => d.toJS({ maxAliasCount: -1 })).filter((d) => d !== null && d !== undefined);
  } catch {
    return undefined;
  }
  const objects: KubeObject[] = [];
  const add = (v: unknown, kindHint?: string) => {
    if (typeof v !== 'object' || v === null) return;
    const obj = v as KubeObject & { items?: unknown[] };
    if (Array.isArray(obj.items) && (obj.kind === undefined || obj.kind.endsWith('List'))) {
      const itemKind = obj.kind && obj.kind !== 'List' ? obj.kind.replace(/List$/, '') : undefined;
      for (const item of obj.items) add(item, itemKind);
      return;
    }
    if (!obj.kind && kindHint) obj.kind = kindHint; // the API server omits kind on list items
    if (obj.kind) objects.push(obj);
  };
  for (const doc of docs) add(doc);
  return objects.length > 0 || docs.length === 0 ? objects : undefined;
}

/** A post-mortem can run offline on what was captured during the incident: `kubectl get -o yaml`
 * output (with or without `--show-managed-fields`), or `KEY=VALUE` env dumps. */
export async function readSnapshot(repoRoot: string, env: EnvName, config: SnapshotSourceConfig): Promise<LiveState> {
  const source = `snapshot ${config.path}`;
  const absolute = path.resolve(repoRoot, config.path);
  let files: string[];
  try {
    files = await filesOf(absolute);
  } catch {
    return unavailable(env, source, `${config.path}: no such file or directory`);
  }
  const objects: KubeObject[] = [];
  const dumps = new Map<string, LiveValue>();
  const warnings: string[] = [];
  for (const file of files) {
    const rel = path.relative(repoRoot, file).split(path.sep).join('/');
    const text = await readFile(file, 'utf8');
    const found = objectsIn(text);
    if (found) {
      objects.push(...found);
      continue;
    }
    try {
      // `kubectl exec ... -- env` output: plain KEY=VALUE lines.
      for (const entry of parseDotenv(text, rel).entries.values()) {
        dumps.set(entry.key, { text: entry.value, type: 'string', location: { source, kind: 'EnvDump', name: rel, fieldPath: entry.key } });
      }
    } catch {
      warnings.push(`${rel}: neither Kubernetes objects nor KEY=VALUE lines; skipped`);
    }
  }
  const read = readObjects(objects, config, { source });
  for (const [key, value] of dumps) read.values.set(config.map?.[key] ?? `${config.prefix ?? ''}${key}`, value);
  return { env, status: 'ok', source, values: read.values, artifacts: read.artifacts, warnings: [...warnings, ...read.warnings] };
}

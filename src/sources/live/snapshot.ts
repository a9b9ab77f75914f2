import { parseAllDocuments } from 'yaml';
import { UserError } from '../../errors.js';
import { listInside, readInside, statInside } from '../boundary.js';
import type { SnapshotSourceConfig } from '../../config/schema.js';
import type { EnvName, LiveState, LiveValue } from '../../model/types.js';
import { parseDotenv } from '../../parse/dotenv.js';
import type { KubeObject } from './objects.js';
import { readObjects } from './objects.js';

const unavailable = (env: EnvName, source: string, reason: string): LiveState => ({ env, status: 'unavailable', source, reason, values: new Map(), artifacts: [], warnings: [] });

const SNAPSHOT_FILE = /\.(ya?ml|json|env|txt)$/i;

/** The snapshot's files, repo-relative; undefined when nothing is there. */
function filesOf(repoRoot: string, given: string): string[] | undefined {
  const entry = statInside(repoRoot, given, `snapshot ${given}`);
  if (entry.type === 'missing') return undefined;
  if (entry.type === 'file') return [entry.inside.rel];
  return listInside(repoRoot, given, `snapshot ${given}`, (name) => SNAPSHOT_FILE.test(name));
}

/** Objects in `kubectl get -o yaml|json` output: one object, a `List`, or several documents. */
export function objectsIn(text: string): KubeObject[] | undefined {
  let docs: unknown[];
  try {
    const parsed = parseAllDocuments(text);
    if (!Array.isArray(parsed) || parsed.some((d) => d.errors.length > 0)) return undefined;
    docs = parsed.map((d) => d.toJS({ maxAliasCount: -1 }) as unknown).filter((d) => d !== null && d !== undefined);
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
  let files: string[] | undefined;
  try {
    files = filesOf(repoRoot, config.path);
  } catch (e) {
    if (e instanceof UserError) return unavailable(env, source, e.message);
    throw e;
  }
  if (!files) return unavailable(env, source, `${config.path}: no such file or directory`);
  const objects: KubeObject[] = [];
  const dumps = new Map<string, LiveValue>();
  const warnings: string[] = [];
  for (const rel of files) {
    let text: string;
    try {
      text = readInside(repoRoot, rel, `snapshot ${rel}`) ?? '';
    } catch (e) {
      if (e instanceof UserError) return unavailable(env, source, e.message);
      throw e;
    }
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

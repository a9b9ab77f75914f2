import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../model/limits.js';
import { LimitError, UserError } from '../../errors.js';
import { listInside, readInside, statInside } from '../boundary.js';
import type { SnapshotSourceConfig } from '../../config/schema.js';
import type { EnvName, LiveState, LiveValue } from '../../model/types.js';
import { parseDotenv } from '../../parse/dotenv.js';
import { readObjects, selectedWorkloads, type KubeObject } from './objects.js';
import { objectName, objectProblem, summarizeProblems } from './object-shape.js';
import { parseYaml } from '../../parse/yaml.js';
import { inventoryOf } from './inventory.js';
import { historyOf, isEmptyHistory, type HistoryRead } from './history.js';
import { kindsListedInHeader } from './capture-header.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'];
// A namespace's limits are captured together (`kubectl get quota,limits`): holding one of these
// kinds counts for both, as a capture of workloads counts for every workload kind.
const NAMESPACE_LIMITS = ['ResourceQuota', 'LimitRange'];

const unavailable = (env: EnvName, source: string, reason: string): LiveState => ({
  env,
  status: 'unavailable',
  source,
  reason,
  values: new Map(),
  artifacts: [],
  warnings: [],
});

const SNAPSHOT_FILE = /\.(ya?ml|json|env|txt)$/i;

/** The snapshot's files, repo-relative; undefined when nothing is there. */
function filesOf(repoRoot: string, given: string): string[] | undefined {
  const entry = statInside(repoRoot, given, `snapshot ${given}`);
  if (entry.type === 'missing') return undefined;
  if (entry.type === 'file') return [entry.inside.rel];
  return listInside(repoRoot, given, `snapshot ${given}`, (name) => SNAPSHOT_FILE.test(name));
}

/** `listedKinds`: the kinds a typed list (`CronJobList`, as the API returns it) says it listed, held or not. */
type FileContent = { objects: KubeObject[]; problems: string[]; listedKinds: string[] } | { notObjects: true; yamlError?: string };

/**
 * Objects in `kubectl get -o yaml|json` output: one object, a `List`, or several documents,
 * with what could not be read as an object (an item without a name, `data` that is not a map, a
 * List whose items is not a list). `notObjects` when the text holds no Kubernetes object at all
 * (it may be a KEY=VALUE env dump). A document too large or too deep, or text that is neither
 * YAML nor an env dump, throws a UserError naming file and line.
 */
export function objectsIn(text: string, rel: string, limits: Readonly<ReadLimits>): FileContent {
  let docs: unknown[];
  try {
    docs = parseYaml(text, rel, '1.2', limits).docs.map((d) => d.value);
  } catch (e) {
    if (e instanceof UserError && /^[^:]+(:\d+)*: invalid YAML/.test(e.message)) return { notObjects: true, yamlError: e.message };
    throw e;
  }
  const objects: KubeObject[] = [];
  const problems: string[] = [];
  const listedKinds = new Set<string>();
  let sawObject = false;
  const add = (v: unknown, kindHint?: string) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
    const obj = v as KubeObject & { items?: unknown };
    const isList = obj.items !== undefined && (obj.kind === undefined || obj.kind.endsWith('List'));
    if (isList) {
      sawObject = true;
      if (!Array.isArray(obj.items)) {
        problems.push(`${rel}: a ${obj.kind ?? 'list'} whose items is not a list`);
        return;
      }
      const itemKind = obj.kind && obj.kind !== 'List' ? obj.kind.replace(/List$/, '') : undefined;
      if (itemKind) listedKinds.add(itemKind);
      obj.items.forEach((item, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) problems.push(`${rel}: item ${i} of the list is not an object`);
        else add(item, itemKind);
      });
      return;
    }
    if (!obj.kind && kindHint) obj.kind = kindHint; // the API server omits kind on list items
    if (!obj.kind && !obj.apiVersion) return; // not a Kubernetes object: maybe an env dump
    sawObject = true;
    const problem = objectProblem(obj);
    if (problem) problems.push(`${rel}: ${objectName(obj, kindHint)} ${problem}`);
    else objects.push(obj);
  };
  for (const doc of docs) add(doc);
  return sawObject ? { objects, problems, listedKinds: [...listedKinds] } : { notObjects: true };
}

/** A post-mortem can run offline on what was captured during the incident: `kubectl get -o yaml`
 * output (with or without `--show-managed-fields`), or `KEY=VALUE` env dumps. */
export async function readSnapshot(
  repoRoot: string,
  env: EnvName,
  config: SnapshotSourceConfig,
  history?: HistoryRead,
  fingerprint?: SecretFingerprint,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<LiveState> {
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
  const problems: string[] = [];
  /** The kinds the files' own head comments say their `kubectl get` listed, with the command. */
  const listedInHeaders = new Map<string, string>();
  /** The kinds typed lists said they listed, and the files that held an empty list. */
  const listedByType = new Set<string>();
  const emptyLists: string[] = [];
  for (const rel of files) {
    let text: string;
    let content: FileContent;
    try {
      text = readInside(repoRoot, rel, `snapshot ${rel}`, limits) ?? '';
      content = objectsIn(text, rel, limits);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(e.message); // too large, too deep, outside the repository: named, not read
      continue;
    }
    if (!('notObjects' in content)) {
      for (const [kind, command] of Object.entries(kindsListedInHeader(text).byKind)) if (!listedInHeaders.has(kind)) listedInHeaders.set(kind, command);
      for (const kind of content.listedKinds) listedByType.add(kind);
      if (content.objects.length === 0 && content.problems.length === 0) emptyLists.push(rel);
      objects.push(...content.objects);
      problems.push(...content.problems);
      continue;
    }
    let entries = 0;
    try {
      // `kubectl exec ... -- env` output: plain KEY=VALUE lines.
      for (const entry of parseDotenv(text, rel, limits).entries.values()) {
        entries++;
        dumps.set(entry.key, { text: entry.value, type: 'string', location: { source, kind: 'EnvDump', name: rel, fieldPath: entry.key } });
      }
    } catch (e) {
      // A limit passed is said as such; anything else is reported below as not understood.
      if (e instanceof LimitError) {
        problems.push(e.message);
        continue;
      }
    }
    if (entries === 0) problems.push(content.yamlError ?? `${rel}: neither Kubernetes objects nor KEY=VALUE lines`);
  }
  // Read means understood: nothing understood is unavailable; part of it, partly read. An empty
  // list is understood only where something says which kinds it listed (`kubectl get cronjobs`
  // after the only CronJob was deleted prints `items: []`): then it says none of them exists.
  const kindsSaid = (config.kinds?.length ?? 0) > 0 || listedInHeaders.size > 0 || listedByType.size > 0;
  if (objects.length === 0 && dumps.size === 0 && !(emptyLists.length > 0 && kindsSaid)) {
    const why =
      problems.length > 0
        ? problems
        : emptyLists.length > 0
          ? [
              `${emptyLists[0]}: an empty list, and nothing says which kinds it listed (name them under kinds: in undrift.yaml, or keep the kubectl get command as the file's first comment)`,
            ]
          : [`${config.path}: holds no snapshot files`];
    return unavailable(env, source, summarizeProblems(why));
  }
  const read = readObjects(objects, config, { source, ...(fingerprint ? { fingerprint } : {}) });
  for (const [key, value] of dumps) read.values.set(config.map?.[key] ?? `${config.prefix ?? ''}${key}`, value);
  // A snapshot holds the kinds that were captured: only their absence means anything (a capture
  // of workloads counts for every workload kind).
  const inventory = inventoryOf(objects, source, true);
  const held = new Set(inventory.map((o) => o.kind));
  // Judged on the head comment's word alone: the kinds neither held nor named in undrift.yaml.
  const onTheHeadsWord = Object.fromEntries([...listedInHeaders].filter(([kind]) => !held.has(kind) && !config.kinds?.includes(kind)));
  if (WORKLOADS.some((kind) => held.has(kind))) for (const kind of WORKLOADS) held.add(kind);
  // The kinds the capture is said to have listed are judged too, with no object of them held:
  // said in undrift.yaml, or by the command the file's head comment names.
  for (const kind of [...(config.kinds ?? []), ...listedInHeaders.keys(), ...listedByType]) held.add(kind);
  if (NAMESPACE_LIMITS.some((kind) => held.has(kind))) for (const kind of NAMESPACE_LIMITS) held.add(kind);
  // The same objects captured with `kubectl get rs,controllerrevisions,events -o yaml` (and the
  // Helm release records) give the same history as a cluster.
  const past = history?.enabled
    ? historyOf(objects, {
        workloads: new Set(selectedWorkloads(objects, config).map((w) => `${w.kind}/${w.metadata?.name}`)),
        helm: history.helm,
        known: history.known,
        ...(history.fingerprint ? { fingerprint: history.fingerprint } : {}),
      })
    : undefined;
  return {
    env,
    status: problems.length > 0 ? 'partial' : 'ok',
    source,
    ...(problems.length > 0 ? { reason: summarizeProblems(problems) } : {}),
    values: read.values,
    artifacts: read.artifacts,
    ...(read.compared.length > 0 ? { compared: read.compared } : {}),
    warnings: read.warnings,
    objects: inventory,
    inventoryKinds: [...held].sort(),
    ...(Object.keys(onTheHeadsWord).length > 0 ? { kindsListedBy: onTheHeadsWord } : {}),
    ...(past && !isEmptyHistory(past) ? { history: past } : {}),
  };
}

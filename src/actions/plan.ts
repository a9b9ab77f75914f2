import path from 'node:path';
import { z } from 'zod';
import type { EnvironmentConfig } from '../config/load.js';
import type { KubernetesSourceConfig } from '../config/schema.js';
import type { Scan } from '../engine.js';
import { UserError } from '../errors.js';
import { LIVE_KINDS, type Decision, type Divergence, type EnvName, type KeyPath, type LiveLocation, type ValueType } from '../model/types.js';
import { detectFormat, type Format } from '../parse/format.js';
import type { TypedValue } from './edit.js';

export type EditFormat = Exclude<Format, 'auto'>;

/** One key of one file to change. */
export interface FileChange {
  file: string;
  format: EditFormat;
  env: EnvName;
  key: KeyPath;
  /** null removes the key. */
  value: TypedValue | null;
}

/** A contract entry to write or remove. */
export interface ContractChange {
  file: string;
  key: KeyPath;
  /** Each environment's allowed value; null removes the entry. */
  allowed: Record<EnvName, TypedValue> | null;
  reason?: string;
  owner?: string;
  expires?: string;
}

/** A field of a live object to set back (or remove: value null). */
export interface LiveChange {
  env: EnvName;
  key: KeyPath;
  value: string | null;
  location: LiveLocation;
  source: KubernetesSourceConfig;
}

export interface PlannedDecision {
  decision: Decision;
  /** Every decision this step carries out: several decisions asking for the same change (the
   * cross-env and the live-drift row of one key, both backfilled) merge into one step. */
  decisions: Decision[];
  divergence: Divergence | undefined;
  files: FileChange[];
  contract: ContractChange[];
  live: LiveChange[];
  /** The commit subject: `drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000`. */
  subject: string;
}

const decisionSchema = z
  .object({
    key: z.string().min(1, 'key is required'),
    env: z.string().min(1).optional(),
    action: z.enum(['revert', 'backfill', 'declare'], 'action must be revert, backfill or declare'),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    to: z.union([z.literal('all'), z.array(z.string()).min(1)]).optional(),
    target: z.enum(['repo', 'live']).optional(),
    reason: z.string().optional(),
    owner: z.string().optional(),
    expires: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expires is a date, YYYY-MM-DD'), z.date()]).optional(),
    divergence: z.string().optional(),
  })
  .strict();

export const decisionsSchema = z.array(decisionSchema, 'expected a YAML list of decisions: - {key, env, action, ...}');

/** Normalises a parsed decision (YAML gives numbers, booleans and dates) into text values. */
export function toDecision(raw: z.infer<typeof decisionSchema>): Decision {
  const { value, expires, ...rest } = raw;
  return {
    ...rest,
    ...(value !== undefined ? { value: value === null ? null : String(value) } : {}),
    ...(expires !== undefined ? { expires: expires instanceof Date ? expires.toISOString().slice(0, 10) : expires } : {}),
  } as Decision;
}

const shortText = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** Finds the divergence a decision is about: by id when given, else by key (and environment for
 * the per-environment live kinds). */
export function divergenceOf(scan: Scan, decision: Decision): Divergence | undefined {
  if (decision.divergence) return scan.divergences.find((d) => d.id === decision.divergence);
  const onKey = scan.divergences.filter((d) => d.key === decision.key);
  if (decision.target === 'live') return onKey.find((d) => LIVE_KINDS.has(d.kind) && (!decision.env || d.envs.includes(decision.env)));
  if (decision.target === 'repo') return onKey.find((d) => !LIVE_KINDS.has(d.kind)) ?? onKey.find((d) => d.kind === 'live-drift' && (!decision.env || d.envs.includes(decision.env)));
  return onKey.find((d) => !LIVE_KINDS.has(d.kind)) ?? onKey.find((d) => !decision.env || d.envs.includes(decision.env));
}

/** Turns decisions into the exact changes they make, checking everything first: nothing is
 * touched when any decision is wrong. Pure over the scan. */
export function planDecisions(scan: Scan, decisions: Decision[]): PlannedDecision[] {
  const errors: string[] = [];
  const planned: PlannedDecision[] = [];
  decisions.forEach((decision, index) => {
    try {
      planned.push(planOne(scan, decision));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      errors.push(`decision ${index + 1} (${decision.action} ${decision.key}${decision.env ? ` in ${decision.env}` : ''}): ${e.message}`);
    }
  });
  if (errors.length > 0) throw new UserError(errors.length === 1 ? errors[0]! : `${errors.length} decisions cannot be applied: ${errors.join('; ')}`);
  return mergeSteps(planned);
}

const describeDecision = (d: Decision) => `${d.action} ${d.key}${d.env ? ` in ${d.env}` : ''}${d.value !== undefined ? ` = ${d.value === null ? '(remove)' : JSON.stringify(d.value)}` : ''}`;

/** What a step writes, as text that is equal for equal changes. */
function changeSignature(p: PlannedDecision): string {
  return JSON.stringify({
    files: p.files.map((f) => [f.file, f.key, f.value?.text ?? null]).sort(),
    contract: p.contract.map((c) => [c.file, c.key, c.allowed && Object.entries(c.allowed).map(([e, v]) => [e, v.text]), c.reason ?? null, c.owner ?? null, c.expires ?? null]).sort(),
    live: p.live.map((l) => [l.env, l.key, l.value]).sort(),
  });
}

/** Decisions asking for the same change merge into one step; two that write different things to
 * the same place are an error naming both. */
export function mergeSteps(planned: PlannedDecision[]): PlannedDecision[] {
  const bySignature = new Map<string, PlannedDecision>();
  const writers = new Map<string, PlannedDecision>();
  for (const p of planned) {
    const signature = changeSignature(p);
    const same = bySignature.get(signature);
    if (same) {
      same.decisions.push(...p.decisions);
      continue;
    }
    const places = [...p.files.map((f) => `file ${f.file} ${f.key}`), ...p.contract.map((c) => `contract ${c.file} ${c.key}`), ...p.live.map((l) => `live ${l.env} ${l.key}`)];
    for (const place of places) {
      const other = writers.get(place);
      if (other) throw new UserError(`conflicting decisions: "${describeDecision(other.decision)}" and "${describeDecision(p.decision)}" both change ${place.replace(/^(file|contract|live) /, '')}; keep one of them`);
      writers.set(place, p);
    }
    bySignature.set(signature, p);
  }
  return [...bySignature.values()];
}

function planOne(scan: Scan, decision: Decision): PlannedDecision {
  const envNames = scan.snapshot.environments;
  for (const env of [decision.env, ...(Array.isArray(decision.to) ? decision.to : [])]) {
    if (env !== undefined && !scan.config.environments.some((e) => e.name === env)) throw new UserError(`unknown environment "${env}" (known: ${scan.config.environments.map((e) => e.name).join(', ')})`);
  }
  const d = divergenceOf(scan, decision);
  if (!d && decision.action !== 'declare') throw new UserError(`no divergence on ${decision.key} to ${decision.action} (run undrift scan to see them)`);
  if (d && Object.values(d.values).some((v) => v.type === 'secret')) throw new UserError(`${decision.key} holds a Secret value: undrift never writes secrets; change it in your secret store`);
  const base = { decision, decisions: [decision], divergence: d, files: [] as FileChange[], contract: [] as ContractChange[], live: [] as LiveChange[] };

  if (decision.action === 'declare') {
    if (d && LIVE_KINDS.has(d.kind)) throw new UserError(`${d.kind} is a difference between the repo and what runs; the contract declares differences between environments (backfill or revert it)`);
    const file = scan.config.contractPath;
    const remove = d?.kind === 'stale-declaration' && d.severity === 'info';
    if (remove) return { ...base, contract: [{ file, key: decision.key, allowed: null }], subject: `drift: remove the declaration of ${decision.key}` };
    const allowed: Record<EnvName, TypedValue> = {};
    for (const env of envNames) {
      const value = scan.snapshot.envs.get(env)!.values.get(decision.key);
      if (value && value.text !== null) allowed[env] = { text: value.text, type: value.type };
    }
    if (Object.keys(allowed).length === 0) throw new UserError(`no environment has ${decision.key}: nothing to declare`);
    const change: ContractChange = {
      file,
      key: decision.key,
      allowed,
      ...(decision.reason ? { reason: decision.reason } : {}),
      ...(decision.owner ? { owner: decision.owner } : {}),
      ...(decision.expires ? { expires: decision.expires } : {}),
    };
    const listed = Object.entries(allowed).map(([env, v]) => `${env}=${shortText(v.text)}`).join(', ');
    return { ...base, contract: [change], subject: `drift: declare ${decision.key} (${listed})` };
  }

  const divergence = d!;
  const verdict = divergence.verdict;
  const env = decision.env ?? verdict?.drifted ?? (divergence.envs.length === 1 ? divergence.envs[0] : undefined);
  if (!env) throw new UserError(`say which environment changes: env: ${envNames.join(' | ')}`);
  const isLive = decision.target === 'live' || (decision.target === undefined && (divergence.kind === 'live-only' || (divergence.kind === 'live-drift' && decision.action === 'revert')));

  if (isLive) {
    if (decision.action !== 'revert') throw new UserError('only revert changes a live object (backfill writes the live value into the repo)');
    if (divergence.kind === 'artifact') throw new UserError('an image is reverted by deploying, not by patching one field; redeploy the workload');
    const state = scan.snapshot.live?.get(env);
    const live = state?.values.get(decision.key) ?? [...(state?.values.values() ?? [])].find((v) => v.manifestKey === decision.key);
    const source = scan.config.environments.find((e) => e.name === env)?.live?.kubernetes;
    if (!live) throw new UserError(`${env} runs no live value for ${decision.key}`);
    if (!source) throw new UserError(`${env}'s live state comes from ${state?.source ?? 'nowhere'}: only a Kubernetes source can be patched`);
    if (live.location.kind === 'Secret' || live.type === 'secret') throw new UserError('Secrets are never patched from the repo');
    if (live.location.kind !== 'ConfigMap' && !/\.env\[name=[^\]]+\]\.value$/.test(live.location.fieldPath)) {
      throw new UserError(`${live.location.kind}/${live.location.name} ${live.location.fieldPath} is not a ConfigMap key or a literal env value; change it by deploying`);
    }
    const repoValue = scan.snapshot.envs.get(env)!.values.get(decision.key);
    const value = decision.value !== undefined ? decision.value : (repoValue?.text ?? null);
    return {
      ...base,
      live: [{ env, key: decision.key, value, location: live.location, source }],
      subject: value === null ? `drift(${env}): remove ${decision.key} from the live ${live.location.kind}` : `drift(${env}): revert live ${decision.key}=${shortText(value)}`,
    };
  }

  const value = decision.value !== undefined ? decision.value : defaultValue(scan, divergence, decision, env);
  if (value === undefined) throw new UserError(`say which value to write: value: ... (the verdict names none)`);
  const targets = decision.action === 'backfill' && decision.to ? (decision.to === 'all' ? envNames : decision.to) : [env];
  const files = targets.map((target) => fileChange(scan, target, decision.key, value, typeOf(scan, decision.key, value)));
  const where = decision.to === 'all' ? 'all' : targets.join(', ');
  const subject = value === null ? `drift(${where}): ${decision.action} ${decision.key} (remove it)` : `drift(${where}): ${decision.action} ${decision.key}=${shortText(value)}`;
  return { ...base, files, subject };
}

/** The value a decision writes when it names none. */
function defaultValue(scan: Scan, d: Divergence, decision: Decision, env: EnvName): string | null | undefined {
  const verdict = d.verdict;
  const repo = (e: EnvName) => scan.snapshot.envs.get(e)?.values.get(d.key)?.text ?? null;
  if (decision.action === 'backfill') {
    if (d.kind === 'live-drift' || d.kind === 'live-only') return d.values[env]?.live ?? undefined;
    if (verdict?.value !== undefined && verdict.value !== null && verdict.suggested === 'backfill') return verdict.value;
    const source = verdict?.deliberate && verdict.deliberate !== env ? verdict.deliberate : scan.snapshot.environments.find((e) => e !== env && repo(e) !== null);
    return source ? repo(source) : undefined;
  }
  // revert: the drifted environment takes the deliberate one's value; any other returns to its own
  // previous value from history (absent before means: remove it).
  if (d.kind === 'contract-violation' && verdict?.value !== undefined) return verdict.value;
  if (verdict?.drifted === env && verdict.deliberate && verdict.deliberate !== env) return repo(verdict.deliberate);
  if (verdict?.drifted === env && verdict.value !== null && verdict.value !== undefined) return verdict.value;
  const last = d.history?.[env]?.[0];
  if (last) return last.from;
  return undefined;
}

function typeOf(scan: Scan, key: KeyPath, text: string | null): ValueType {
  if (text === null) return 'null';
  for (const env of scan.snapshot.environments) {
    const value = scan.snapshot.envs.get(env)!.values.get(key);
    if (value?.text === text) return value.type;
  }
  for (const env of scan.snapshot.environments) {
    const value = scan.snapshot.envs.get(env)!.values.get(key);
    if (value) return value.type === 'number' && !Number.isFinite(Number(text)) ? 'string' : value.type;
  }
  return 'string';
}

function fileChange(scan: Scan, env: EnvName, key: KeyPath, value: string | null, type: ValueType): FileChange {
  const config = scan.config.environments.find((e) => e.name === env)!;
  const existing = scan.snapshot.envs.get(env)?.values.get(key);
  const file = existing?.location.file ?? config.files[0]!;
  const format = formatOf(config, file);
  if (!format) throw new UserError(`${file}: cannot tell its format to edit it; set \`format:\` for ${env}`);
  if (!existing && !path.posix.basename(file).includes('.')) {
    throw new UserError(`${env} declares ${key} nowhere, and ${file} is a directory: add it to the right manifest by hand`);
  }
  // Keys below an environment's `select` are written where they live in the file.
  const written = config.select ? (key.startsWith('[') ? `${config.select}${key}` : `${config.select}.${key}`) : key;
  return { file, format, env, key: written, value: value === null ? null : { text: value, type } };
}

function formatOf(config: EnvironmentConfig, file: string): EditFormat | undefined {
  if (config.files.includes(file) && config.format !== 'auto') return config.format;
  const detected = detectFormat(file);
  if (detected === 'yaml' && !config.files.includes(file)) return 'manifests';
  return detected;
}

import { mountOf, unmountKey } from '../parse/mount.js';
import { profileActive, profilePrefix } from '../parse/documents.js';
import path from 'node:path';
import { z } from 'zod';
import type { EnvironmentConfig } from '../config/load.js';
import type { KubernetesSourceConfig } from '../config/schema.js';
import type { Scan } from '../engine.js';
import { calendarDateProblem } from '../config/calendar-date.js';
import { describeAllowed, type Allowed, type ContractEntry } from '../config/contract.js';
import { changeOf } from '../compare/accepted.js';
import { allows, entryFor, isExpired } from '../compare/compare.js';
import { UserError } from '../errors.js';
import {
  LIVE_KINDS,
  PRESENCE_KINDS,
  presentIn,
  type Decision,
  type Divergence,
  type EnvName,
  type KeyPath,
  type LiveLocation,
  type Value,
  type ValueType,
} from '../model/types.js';
import { detectFormat, readsAsSpring, type Format } from '../parse/format.js';
import { SecretFingerprint } from '../parse/fingerprint.js';
import { holdsFingerprint } from '../parse/url-passwords.js';
import type { TypedValue } from './edit.js';
import { nameableKeys, similarNames } from '../wording/similar-keys.js';
import { removesDeclaration } from '../wording/text.js';
import { secretStep } from '../wording/manual.js';

export type EditFormat = Exclude<Format, 'auto'>;

/** One key of one file to change. */
export interface FileChange {
  file: string;
  format: EditFormat;
  env: EnvName;
  key: KeyPath;
  /** null removes the key. */
  value: TypedValue | null;
  /** For a removal: the files before `file` in the environment's stack (latest first), whose value
   * of the key would show through once it is removed here. */
  beneath?: Array<{ file: string; format: EditFormat }>;
}

/** A contract entry to write or remove. */
export interface ContractChange {
  file: string;
  /** `live_differences`: an acceptance of live values against the repo (`allowed` holds each
   * environment's accepted value); `expected_differences` otherwise. */
  section?: 'live_differences';
  key: KeyPath;
  /** Each environment's allowed value; null removes the entry. */
  allowed: Record<EnvName, TypedValue> | null;
  /** Environments whose lines in the existing entry stay as written: what they allow (`any`, a
   * list, a /regex/) already holds the declared value, and a declaration is no reason to narrow it. */
  keep?: EnvName[];
  /** Values an environment's existing list allows besides its declared one (`[4, 6, 8]` widened
   * by a declared 2): the list is written again with the value added, not replaced by it. */
  alsoAllowed?: Record<EnvName, string[]>;
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
  /** Set when what the decision asks for already holds (in the scanned files or live state):
   * nothing is written for it. */
  inPlace?: string;
  /** What the person applying should know of how it was written (a Secret accepted by its
   * fingerprint: in this clone only). */
  notes?: string[];
  /** Why the decision looks harmful, where the person applied it anyway (`--allow-risk`, or the
   * view's confirmation): its commit says so, so a reviewer sees it was meant. */
  confirmedHarm?: string[];
}

export interface PlanOptions {
  /** The day a declaration's expiry is judged against (`--today`; default: today, UTC). */
  today?: string;
  /** Allow a value the contract forbids for that environment (`--allow-contract-breach`). */
  allowContractBreach?: boolean;
  /** Write a key no environment has that reads like a typo of one they have (`--allow-new-key`). */
  allowNewKey?: boolean;
}

/** What validating one decision found: the step it makes (possibly already in place), or why it
 * cannot be carried out, in full. */
export type DecisionCheck = { ok: true; step: PlannedDecision; inPlace?: string } | { ok: false; refused: string };

/**
 * Checks one decision against a scan, as apply will: pure, no I/O, so the interactive view can
 * call it the moment a decision is made and show the refusal in full. Refused: unknown
 * environments, Secret values, live writes to anything but a Kubernetes ConfigMap key or literal
 * env value, list items the editor cannot add, a nested .tfvars value the file lacks, a value the contract forbids for
 * that environment (unless `allowContractBreach`), a declaration without a reason or with an
 * expiry that is not a calendar date. `inPlace` says when the change already holds.
 */
export function validateDecision(decision: Decision, scan: Scan, options: PlanOptions = {}): DecisionCheck {
  // A skip writes nothing: it is always accepted (apply records it in the ledger).
  if (decision.action === 'skip') {
    const where = decision.env ? `(${decision.env})` : '';
    return {
      ok: true,
      step: {
        decision,
        decisions: [decision],
        divergence: divergenceOf(scan, decision),
        files: [],
        contract: [],
        live: [],
        subject: `drift${where}: skip ${decision.key}`,
      },
    };
  }
  try {
    const step = planOne(scan, decision, options);
    return step.inPlace ? { ok: true, step, inPlace: step.inPlace } : { ok: true, step };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, refused: e.message };
    throw e;
  }
}

const decisionSchema = z
  .object({
    key: z.string().min(1, 'key is required'),
    env: z.string().min(1).optional(),
    action: z.enum(['revert', 'backfill', 'declare', 'undeclare', 'skip'], 'action must be revert, backfill, declare, undeclare or skip'),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    to: z.union([z.literal('all'), z.array(z.string()).min(1)]).optional(),
    target: z.enum(['repo', 'live']).optional(),
    reason: z.string().optional(),
    owner: z.string().optional(),
    expires: z
      .union([z.string(), z.date()])
      .superRefine((value, ctx) => {
        const problem = typeof value === 'string' ? calendarDateProblem(value) : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    divergence: z.string().optional(),
    pattern: z.string().min(1).optional(),
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
  };
}

/** A value as a commit subject quotes it: one line (a multi-line value, a certificate or a script,
 * ended the subject at its first line break and spilled the rest into the body), at most 40 characters. */
const shortText = (text: string) => {
  const line = text.split(/\r?\n/, 1)[0]!;
  if (line === text && text.length <= 40) return text;
  return `${line.slice(0, 37)}...`;
};

/** Finds the divergence a decision is about: by id when given, else by key (and environment for
 * the per-environment live kinds). */
export function divergenceOf(scan: Scan, decision: Decision): Divergence | undefined {
  if (decision.divergence) return scan.divergences.find((d) => d.id === decision.divergence);
  const onKey = scan.divergences.filter((d) => d.key === decision.key);
  if (decision.target === 'live') return onKey.find((d) => LIVE_KINDS.has(d.kind) && (!decision.env || d.envs.includes(decision.env)));
  if (decision.target === 'repo')
    return onKey.find((d) => !LIVE_KINDS.has(d.kind)) ?? onKey.find((d) => d.kind === 'live-drift' && (!decision.env || d.envs.includes(decision.env)));
  return onKey.find((d) => !LIVE_KINDS.has(d.kind)) ?? onKey.find((d) => !decision.env || d.envs.includes(decision.env));
}

/** Turns decisions into the exact changes they make, checking everything first: nothing is
 * touched when any decision is wrong. Pure over the scan. */
export function planDecisions(scan: Scan, decisions: Decision[], options: PlanOptions = {}): PlannedDecision[] {
  const errors: string[] = [];
  const planned: PlannedDecision[] = [];
  decisions.forEach((decision, index) => {
    if (decision.action === 'skip') return;
    const check = validateDecision(decision, scan, options);
    if (check.ok) planned.push(check.step);
    else errors.push(`decision ${index + 1} (${decision.action} ${decision.key}${decision.env ? ` in ${decision.env}` : ''}): ${check.refused}`);
  });
  if (errors.length > 0) throw new UserError(errors.length === 1 ? errors[0]! : `${errors.length} decisions cannot be applied: ${errors.join('; ')}`);
  return mergeSteps(planned);
}

const describeDecision = (d: Decision) =>
  `${d.action} ${d.key}${d.env ? ` in ${d.env}` : ''}${d.value !== undefined ? ` = ${d.value === null ? '(remove)' : JSON.stringify(d.value)}` : ''}`;

/** What a step writes, as text that is equal for equal changes. */
function changeSignature(p: PlannedDecision): string {
  return JSON.stringify({
    files: p.files.map((f) => [f.file, f.key, f.value?.text ?? null]).sort(),
    contract: p.contract
      .map((c) => [
        c.file,
        c.key,
        c.allowed && Object.entries(c.allowed).map(([e, v]) => [e, v.text]),
        c.keep ?? null,
        c.alsoAllowed ?? null,
        c.reason ?? null,
        c.owner ?? null,
        c.expires ?? null,
      ])
      .sort(),
    live: p.live.map((l) => [l.env, l.key, l.value]).sort(),
    // A step that writes nothing (its change holds already) is the same change only as itself:
    // two such steps on different keys must stay two.
    unchanged: p.files.length + p.contract.length + p.live.length === 0 ? [p.decision.key, p.decision.env ?? null, p.decision.action] : null,
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
    const places = [
      ...p.files.map((f) => `file ${f.file} ${f.key}`),
      ...p.contract.map((c) => `contract ${c.file} ${c.key}`),
      ...p.live.map((l) => `live ${l.env} ${l.key}`),
    ];
    for (const place of places) {
      const other = writers.get(place);
      if (other)
        throw new UserError(
          `conflicting decisions: "${describeDecision(other.decision)}" and "${describeDecision(p.decision)}" both change ${place.replace(/^(file|contract|live) /, '')}; keep one of them`,
        );
      writers.set(place, p);
    }
    bySignature.set(signature, p);
  }
  return [...bySignature.values()];
}

/** What a declaration says beside its values: the decision's reason, owner and expiry, else what
 * the contract already says (re-declaring keeps them unless the decision says otherwise). A
 * declaration needs a reason, and an expiry that is a real date. */
function declarationTerms(
  decision: Decision,
  existing: { reason?: string; owner?: string; expires?: string } | undefined,
  today: string,
  defaultExpires?: { date: string; from: string },
) {
  const reason = decision.reason?.trim() || existing?.reason;
  const owner = decision.owner?.trim() || existing?.owner;
  const expires = decision.expires ?? defaultExpires?.date ?? existing?.expires;
  if (!reason) throw new UserError(`a declaration needs a reason (why the environments differ on purpose): reason: "..."`);
  const dateProblem = expires !== undefined ? calendarDateProblem(expires) : undefined;
  if (dateProblem) throw new UserError(`expires: ${dateProblem}`);
  // Written already expired, the entry covers nothing: the scan of the branch lists the key again
  // (re-declaring an expired entry kept its date and changed only the reason).
  if (expires !== undefined && expires < today) {
    const from =
      decision.expires !== undefined
        ? 'the decision gives it'
        : defaultExpires !== undefined
          ? defaultExpires.from
          : 'the contract entry holds it, and re-declaring keeps it';
    throw new UserError(`expires ${expires} has passed (today is ${today}; ${from}): the declaration would cover nothing; give a later expires (YYYY-MM-DD)`);
  }
  return { reason, ...(owner ? { owner } : {}), ...(expires ? { expires } : {}) };
}

/** How an existing entry takes a declaration of each environment's current value: an environment
 * whose rule already allows it keeps its line as written (`any`, a list, a /regex/: rewriting it as
 * the one value would narrow what its author allowed, a newcomer's trial, session 38), a list that
 * lacks it gains it, and an exact value or a pattern that rejects it gives way to it. */
function widenedEntry(existing: ContractEntry, allowed: Record<EnvName, TypedValue>): { keep: EnvName[]; alsoAllowed: Record<EnvName, string[]> } {
  const keep: EnvName[] = [];
  const alsoAllowed: Record<EnvName, string[]> = {};
  for (const [env, rule] of existing.allowed) {
    if (rule.kind === 'change') continue;
    const value = allowed[env];
    if (!value || allows(rule, value.type === 'null' ? undefined : value)) keep.push(env);
    else if (rule.kind === 'one_of') alsoAllowed[env] = rule.texts;
  }
  return { keep, alsoAllowed };
}

/** A key declared through its pattern's one contract entry (the glob, and what the pattern allows
 * each environment): every key of the pattern declared so plans the same change, and the steps
 * merge into one. */
function patternStep(scan: Scan, decision: Decision, base: Omit<PlannedDecision, 'subject'>, today: string): PlannedDecision {
  const glob = decision.pattern!;
  const pattern = scan.patterns.find((p) => p.glob === glob);
  if (!pattern) throw new UserError(`the scan finds no pattern ${glob} any more: declare ${decision.key} on its own`);
  if (!pattern.keys.includes(decision.key)) throw new UserError(`${glob} does not cover ${decision.key} in this scan: declare it on its own`);
  const terms = declarationTerms(
    decision,
    scan.config.contract.entries.find((e) => e.pattern === glob),
    today,
  );
  const allowed: Record<EnvName, TypedValue> = Object.fromEntries(
    Object.entries(pattern.allowed).map(([env, text]): [EnvName, TypedValue] => [env, { text, type: 'string' }]),
  );
  const change: ContractChange = { file: scan.config.contractPath, key: glob, allowed, ...terms };
  const listed = Object.entries(pattern.allowed)
    .map(([env, text]) => `${env}=${text}`)
    .join(', ');
  return {
    ...base,
    decision: { ...decision, ...terms },
    contract: [change],
    subject: `drift: declare ${glob} (${pattern.keys.length} keys: ${listed})`,
  };
}

/** The repo-vs-live kinds whose live value can be accepted as it runs (`live_differences:`). */
const ACCEPTABLE: ReadonlySet<Divergence['kind']> = new Set(['live-drift', 'live-only']);

/** Accepting what an environment runs while its repo says otherwise: the contract's
 * `live_differences:` entry for the key gains (or renews) the environment's live value, with the
 * verdict's end date where the decision names none. While that value runs and the entry holds,
 * the row is no drift; a CI gate passes, and the question stays recorded with its reason. */
function acceptanceStep(scan: Scan, decision: Decision, d: Divergence, base: Omit<PlannedDecision, 'subject'>, today: string): PlannedDecision {
  const env = decision.env ?? d.envs[0]!;
  if (!d.envs.includes(env)) throw new UserError(`this ${d.kind} row is about ${d.envs.join(', ')}, not ${env}`);
  const slot = d.values[env];
  const live = slot?.live ?? null;
  if (live === null) throw new UserError(`${env} runs no live value for ${d.key}: nothing to accept`);
  if (decision.value !== undefined && decision.value !== live)
    throw new UserError(
      `a live difference is accepted as it runs: ${env} runs ${JSON.stringify(live)}, not ${decision.value === null ? 'nothing' : JSON.stringify(decision.value)}; ` +
        `leave value out, or backfill the value into the repo`,
    );
  // What a Secret runs is only ever read as its fingerprint; anything else would be its value.
  if (slot?.type === 'secret' && !SecretFingerprint.isFingerprint(live)) throw new UserError(`${d.key} holds a Secret value: undrift never writes secrets`);
  // A password inside the value is shown as its fingerprint, keyed per clone: accepted so, the entry
  // would hold in this clone only, and the value itself would be the password.
  if (slot?.type !== 'secret' && holdsFingerprint(live))
    throw new UserError(`${d.key} holds a password inside its value: undrift never writes secrets; change it where it is kept, by hand`);
  const file = scan.config.contractPath;
  const existing = scan.config.contract.live?.find((e) => e.pattern === d.key);
  const terms = declarationTerms(decision, existing, today, d.verdict?.expires ? { date: d.verdict.expires, from: "it is the verdict's end date" } : undefined);
  const allowed: Record<EnvName, TypedValue> = {};
  for (const [other, rule] of existing?.allowed ?? []) {
    const kept = acceptedValue(rule);
    if (other !== env && kept) allowed[other] = kept;
  }
  const repo = slot?.repo ?? null;
  const until = terms.expires ? `, until ${terms.expires}` : '';
  const secretChange = slot?.type === 'secret' ? changeOf(d.provenance?.[env]) : undefined;
  if (secretChange) {
    // A Secret is accepted by the live change that set it (its managedFields entry): that holds in
    // every clone, where its fingerprint is keyed per clone, and tells nothing of the value.
    allowed[env] = acceptedValue(secretChange)!;
    return {
      ...base,
      decision: { ...decision, env, ...terms },
      contract: [{ file, section: 'live_differences', key: d.key, allowed, ...terms }],
      subject: `drift(${env}): accept live ${d.key} as changed by ${secretChange.manager} at ${secretChange.time} (a Secret${until})`,
    };
  }
  allowed[env] = { text: live, type: 'string' };
  return {
    ...base,
    decision: { ...decision, env, ...terms },
    contract: [{ file, section: 'live_differences', key: d.key, allowed, ...terms }],
    subject:
      `drift(${env}): accept live ${d.key}=${shortText(live)} ` +
      `(${repo === null ? 'declared nowhere in the repo' : `the repo says ${shortText(repo)}`}${until})`,
    ...(slot?.type === 'secret' ? { notes: [fingerprintFallback(env, d.key)] } : {}),
  };
}

/** Said where a Secret's acceptance falls back to its fingerprint. */
export const fingerprintFallback = (env: EnvName, key: KeyPath) =>
  `${env}'s live state carries no managedFields (a snapshot taken without --show-managed-fields), so ${key} is accepted as its fingerprint: ` +
  `it holds in this clone only (the key is .git/undrift/fingerprint-key), and a fresh clone, CI's, still reports the row; ` +
  `read the live state with managedFields and declare again to accept it by the change that set it`;

/** An acceptance's rule as the contract writes it again: a value, or `{changed, by}`. */
function acceptedValue(rule: Allowed): TypedValue | undefined {
  if (rule.kind === 'exact') return { text: rule.text, type: 'string' };
  if (rule.kind === 'change') return { text: JSON.stringify({ changed: rule.time, by: rule.manager }), type: 'map' };
  return undefined;
}

/** An `undeclare` of a live value's acceptance (a stale one's row picked, or a key only
 * `live_differences:` names): the environment's value leaves the entry, the entry goes with its
 * last. Undefined when the decision is about anything else. */
function acceptanceToRemove(scan: Scan, decision: Decision, d: Divergence | undefined): PlannedDecision | undefined {
  const removal = decision.action === 'undeclare' || (decision.divergence !== undefined && d !== undefined && removesDeclaration(d, decision.action));
  if (!removal) return undefined;
  const entry = scan.config.contract.live?.find((e) => e.pattern === decision.key);
  const declaredToo = scan.config.contract.entries.some((e) => !e.glob && e.pattern === decision.key);
  if (!entry || (d?.contract?.section !== 'live_differences' && declaredToo)) return undefined;
  const env = decision.env ?? (d?.contract?.section === 'live_differences' ? d.envs[0] : undefined);
  const left = Object.fromEntries(
    [...entry.allowed].flatMap(([other, rule]): Array<[EnvName, TypedValue]> => {
      const kept = acceptedValue(rule);
      return other !== env && env !== undefined && kept ? [[other, kept]] : [];
    }),
  );
  const whole = Object.keys(left).length === 0;
  const step = {
    decision: { ...decision, action: 'undeclare' as const, ...(env ? { env } : {}) },
    divergence: d,
    files: [],
    live: [],
    contract: [
      whole
        ? { file: scan.config.contractPath, section: 'live_differences' as const, key: decision.key, allowed: null }
        : {
            file: scan.config.contractPath,
            section: 'live_differences' as const,
            key: decision.key,
            allowed: left,
            ...(entry.reason ? { reason: entry.reason } : {}),
            ...(entry.owner ? { owner: entry.owner } : {}),
            ...(entry.expires ? { expires: entry.expires } : {}),
          },
    ],
    subject: `drift${env ? `(${env})` : ''}: undeclare ${decision.key} (remove ${env ? `${env}'s` : 'its'} accepted live value)`,
  };
  return { ...step, decisions: [step.decision] };
}

function planOne(scan: Scan, decision: Decision, options: PlanOptions): PlannedDecision {
  const envNames = scan.snapshot.environments;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const env of [decision.env, ...(Array.isArray(decision.to) ? decision.to : [])]) {
    if (env !== undefined && !scan.config.environments.some((e) => e.name === env))
      throw new UserError(`unknown environment "${env}" (known: ${scan.config.environments.map((e) => e.name).join(', ')})`);
  }

  const d = divergenceOf(scan, decision);
  const secret =
    (d !== undefined && Object.values(d.values).some((v) => v.type === 'secret')) ||
    envNames.some(
      (env) =>
        scan.snapshot.envs.get(env)?.values.get(decision.key)?.type === 'secret' || scan.snapshot.live?.get(env)?.values.get(decision.key)?.type === 'secret',
    );
  // A password inside a value (a URL's `user:pass@`) is held as its fingerprint: written into a file
  // it would be neither the value nor the password, and the password is never written. Such a key
  // is handled as a Secret's: its difference declared (each environment its own), never copied.
  const passwordInside =
    !secret &&
    [...envNames, ...(scan.outside?.keys() ?? [])].some(
      (env) =>
        holdsFingerprint((scan.snapshot.envs.get(env) ?? scan.outside?.get(env))?.values.get(decision.key)?.text) ||
        holdsFingerprint(scan.snapshot.live?.get(env)?.values.get(decision.key)?.text),
    );
  const holds = passwordInside ? 'holds a password inside its value' : 'holds a Secret value';
  const base = { decision, decisions: [decision], divergence: d, files: [] as FileChange[], contract: [] as ContractChange[], live: [] as LiveChange[] };
  const file = scan.config.contractPath;
  const existing = scan.config.contract.entries.find((e) => !e.glob && e.pattern === decision.key);
  // A live value left as it runs (a Secret's as its fingerprint, never its value).
  if (decision.action === 'declare' && decision.pattern === undefined && d && ACCEPTABLE.has(d.kind)) return acceptanceStep(scan, decision, d, base, today);
  const acceptance = acceptanceToRemove(scan, decision, d);
  if (acceptance) return acceptance;
  if (secret || passwordInside) {
    // A Secret's value is never written. Between environments nor is its fingerprint (the key is
    // this clone's own, .git/undrift: another clone's fingerprints of the same values differ, so a
    // declaration of them would hold nowhere else); what is recorded is that each environment holds
    // its own secret (`any` where the key is held), or the removal of a declaration. (A live value
    // accepted against the repo is its fingerprint, above: acceptanceStep.)
    const betweenEnvironments = !d || !LIVE_KINDS.has(d.kind) || d.kind === 'live-cross-env';
    if (decision.action === 'undeclare' && existing)
      return { ...base, contract: [{ file, key: decision.key, allowed: null }], subject: `drift: undeclare ${decision.key} (remove its declaration)` };
    if (decision.action !== 'declare' || decision.pattern !== undefined || !betweenEnvironments)
      throw new UserError(
        decision.action === 'declare' && !betweenEnvironments
          ? `${decision.key} ${holds}: a rotated secret is recorded in your secret store, not in the repo's contract ` +
              `(it declares differences between environments), and undrift never writes secrets`
          : `${decision.key} ${holds}: undrift never writes secrets; ${
              passwordInside || !d || (decision.action !== 'revert' && decision.action !== 'backfill')
                ? `change it ${passwordInside ? 'in its file by hand' : 'in your secret store'}`
                : secretStep(d, decision.action, decision.env ?? d.verdict?.drifted ?? d.envs[0]!)
            }`,
      );
    const terms = declarationTerms(decision, existing, today);
    const held = envNames.filter(
      (env) => (scan.snapshot.envs.get(env)?.values.get(decision.key)?.text ?? scan.snapshot.live?.get(env)?.values.get(decision.key)?.text ?? null) !== null,
    );
    if (held.length === 0) throw new UserError(`no environment has ${decision.key}: nothing to declare`);
    const allowed = Object.fromEntries(held.map((env): [EnvName, TypedValue] => [env, { text: 'any', type: 'string' }]));
    return {
      ...base,
      decision: { ...decision, ...terms },
      contract: [{ file, key: decision.key, allowed, ...terms }],
      subject: `drift: declare ${decision.key} (each environment's own secret, no value written: ${held.join(', ')})`,
    };
  }

  // Removing a declaration is its own action; `declare` on a stale declaration picked by its id
  // (as the interactive view records it) means the same.
  if (decision.action === 'undeclare' || (decision.divergence !== undefined && d !== undefined && removesDeclaration(d, decision.action))) {
    const step = {
      ...base,
      decision: { ...decision, action: 'undeclare' as const },
      contract: [{ file, key: decision.key, allowed: null }],
      subject: `drift: undeclare ${decision.key} (remove its declaration)`,
    };
    step.decisions = [step.decision];
    return existing ? step : { ...step, inPlace: `the contract declares nothing for ${decision.key}` };
  }

  if (decision.action === 'declare' && decision.pattern !== undefined) return patternStep(scan, decision, base, today);

  if (decision.action === 'declare' && d && PRESENCE_KINDS.has(d.kind)) {
    // An object or a grant is declared expected where it is, whatever it holds: `{production: any}`.
    const terms = declarationTerms(decision, existing, today);
    const where = presentIn(d);
    if (where.length === 0) throw new UserError(`${decision.key} exists in no environment: nothing to declare`);
    const allowed = Object.fromEntries(where.map((env): [EnvName, TypedValue] => [env, { text: 'any', type: 'string' }]));
    return {
      ...base,
      decision: { ...decision, ...terms },
      contract: [{ file, key: decision.key, allowed, ...terms }],
      subject: `drift: declare ${decision.key} (expected in ${where.join(', ')})`,
    };
  }

  if (decision.action === 'declare') {
    // A key only live sources hold (a probe's output, an env dump) differs between environments
    // as a repo key does: its declaration allows each environment's live value.
    const liveOnly = d?.kind === 'live-cross-env';
    if (d && LIVE_KINDS.has(d.kind) && !liveOnly)
      throw new UserError(
        `${d.kind} is a difference between the repo and what runs; the contract declares differences between environments: ` +
          `revert it (the repo's value live) or backfill it (what runs, into the repo)` +
          (file ? `, or, if something outside the repo sets it (a controller, an operator), list ${decision.key} under ignore: in ${file}` : ''),
      );
    const terms = declarationTerms(decision, existing, today);
    const allowed: Record<EnvName, TypedValue> = {};
    for (const env of envNames) {
      const value = liveOnly ? scan.snapshot.live?.get(env)?.values.get(decision.key) : scan.snapshot.envs.get(env)!.values.get(decision.key);
      if (value && value.text !== null) allowed[env] = { text: value.text, type: value.type };
    }
    if (Object.keys(allowed).length === 0) throw new UserError(`no environment has ${decision.key}: nothing to declare`);
    // An environment read without the key is declared as holding none (`~`): an entry that leaves it
    // out does not check it, so a staging-only debug switch declared so could reach production with
    // no row (a newcomer's trial, session 38).
    if (!liveOnly)
      for (const env of envNames)
        if (!(env in allowed) && scan.snapshot.envs.has(env) && scan.snapshot.envs.get(env)!.values.get(decision.key)?.text == null)
          allowed[env] = { text: 'null', type: 'null' };
    const widened = existing && !liveOnly ? widenedEntry(existing, allowed) : { keep: [], alsoAllowed: {} };
    const change: ContractChange = {
      file,
      key: decision.key,
      allowed,
      ...(widened.keep.length > 0 ? { keep: widened.keep } : {}),
      ...(Object.keys(widened.alsoAllowed).length > 0 ? { alsoAllowed: widened.alsoAllowed } : {}),
      ...terms,
    };
    const listed = Object.entries(allowed)
      .map(([env, v]) => {
        const value = v.type === 'null' ? '~' : shortText(v.text);
        if (widened.keep.includes(env)) return `${env}=${shortText(describeAllowed(existing!.allowed.get(env)!))}`;
        const also = widened.alsoAllowed[env];
        return also ? `${env}=one of ${[...also.map(shortText), value].join(', ')}` : `${env}=${value}`;
      })
      .join(', ');
    return {
      ...base,
      decision: { ...decision, ...terms },
      contract: [change],
      subject: `drift: declare ${decision.key} (${listed})`,
    };
  }

  if (!d) return planWithoutDivergence(scan, decision, options, base);
  const divergence = d;
  const verdict = divergence.verdict;
  // A backfill with `to` names where it writes: the verdict need not name a drifted environment.
  const listed = decision.action === 'backfill' && decision.to ? (decision.to === 'all' ? envNames : decision.to)[0] : undefined;
  const env = decision.env ?? verdict?.drifted ?? (divergence.envs.length === 1 ? divergence.envs[0] : undefined) ?? listed;
  if (!env) throw new UserError(`say which environment changes: env: ${envNames.join(' | ')}`);
  const isLive =
    decision.target === 'live' ||
    (decision.target === undefined && (divergence.kind === 'live-only' || (divergence.kind === 'live-drift' && decision.action === 'revert')));

  if (isLive) {
    if (decision.action !== 'revert') throw new UserError('only revert changes a live object (backfill writes the live value into the repo)');
    if (divergence.kind === 'artifact') throw new UserError('an image is reverted by deploying, not by patching one field; redeploy the workload');
    const repoValue = scan.snapshot.envs.get(env)!.values.get(decision.key);
    const value = decision.value !== undefined ? decision.value : (repoValue?.text ?? null);
    return { ...base, ...liveStep(scan, env, decision.key, value) };
  }

  const value = decision.value !== undefined ? decision.value : defaultValue(scan, divergence, decision, env);
  // Asked for a value, the person names one, only to hear that no value can be written there (a
  // value a Kustomize build makes): where undrift cannot edit the key is said first.
  if (value === undefined) {
    refuseUneditable(scan, env, decision.key);
    throw new UserError(`say which value to write: value: ... (the verdict names none)`);
  }
  // "Revert" with no value is the environment's own previous value: for a key it has held since it
  // was added, "absent". Where every environment holds the key, removing one's is no return to the
  // other side, which is what a reader of `revert staging` expects: a value is asked for.
  if (value === null && decision.action === 'revert' && decision.value === undefined && !(verdict?.suggested === 'revert' && verdict.drifted === env)) {
    const held = scan.snapshot.environments.filter((e) => scan.snapshot.envs.get(e)?.values.get(decision.key)?.text != null);
    const added = divergence.history?.[env]?.[0];
    if (held.length === scan.snapshot.environments.length && added && added.from === null) {
      refuseUneditable(scan, env, decision.key);
      throw new UserError(
        `${env} has held ${decision.key} since ${added.commit.slice(0, 7)} added it, so its value before is "absent": ` +
          `name the value to write (${held
            .filter((e) => e !== env)
            .map((e) => `value: ${JSON.stringify(scan.snapshot.envs.get(e)!.values.get(decision.key)!.text)} is ${e}'s`)
            .join(', ')}), or value: null to remove it`,
      );
    }
  }
  return { ...base, ...repoStep(scan, decision, env, value, options) };
}

/** Throws what writing a value of `key` into `env` would be refused for (a value a Kustomize build
 * makes, a file other environments read), whatever the value: said before a value is asked for. */
function refuseUneditable(scan: Scan, env: EnvName, key: KeyPath): void {
  const values = scan.snapshot.environments.map((e) => scan.snapshot.envs.get(e)?.values.get(key)?.text ?? null);
  const text = values.find((v) => v !== null) ?? '';
  fileChange(scan, env, key, text, typeOf(scan, key, text), [env]);
}

/** A decision whose divergence is not (or no longer) in the scan: with an explicit environment
 * and value it still says what to write, and is usually already in place (a merged branch). */
function planWithoutDivergence(scan: Scan, decision: Decision, options: PlanOptions, base: Omit<PlannedDecision, 'subject'>): PlannedDecision {
  const env = decision.env;
  if (decision.target === 'live' && env && decision.action === 'revert') {
    const repo = scan.snapshot.envs.get(env)?.values.get(decision.key);
    const live = liveValueOf(scan, env, decision.key);
    const value = decision.value !== undefined ? decision.value : (repo?.text ?? null);
    if (scan.snapshot.live?.has(env) && (live?.text ?? null) === value) {
      return {
        ...base,
        subject: `drift(${env}): revert live ${decision.key}`,
        inPlace: `${env} already runs ${value === null ? 'no value' : JSON.stringify(value)} for ${decision.key}`,
      };
    }
  }
  if (decision.target !== 'live' && (env || decision.to) && decision.value !== undefined) {
    if (!options.allowNewKey) refuseLikelyTypo(scan, decision.key);
    return { ...base, ...repoStep(scan, decision, env ?? scan.snapshot.environments[0]!, decision.value, options) };
  }
  throw new UserError(`no divergence on ${decision.key} to ${decision.action} (run undrift scan to see them; name env and value to write it anyway)`);
}

/** A key no environment has (in its files or live) written as a new key is most often a typo of
 * one they have: at 3 AM `PAYMENT_GATEWAY_TIMOUT_MS` would be committed beside the real key, and
 * the fix would never take. Refused when a similar key exists; a new key like no other is written. */
function refuseLikelyTypo(scan: Scan, key: KeyPath): void {
  const envs = [...scan.snapshot.envs.values()];
  const live = [...(scan.snapshot.live?.values() ?? [])];
  if (envs.some((e) => e.values.has(key)) || live.some((l) => l.values.has(key))) return;
  const similar = similarNames(key, nameableKeys(scan.snapshot), 3);
  if (similar.length > 0)
    throw new UserError(`no environment has ${key} (did you mean ${similar.join(', ')}?): check the key, or pass --allow-new-key to add it as a new key`);
}

function liveValueOf(scan: Scan, env: EnvName, key: KeyPath) {
  const state = scan.snapshot.live?.get(env);
  return state?.values.get(key) ?? [...(state?.values.values() ?? [])].find((v) => v.manifestKey === key);
}

/** A live field set back: only a ConfigMap key or a literal env value of a Kubernetes source. */
function liveStep(scan: Scan, env: EnvName, key: KeyPath, value: string | null): Pick<PlannedDecision, 'live' | 'subject' | 'inPlace'> {
  const state = scan.snapshot.live?.get(env);
  const live = liveValueOf(scan, env, key);
  const source = scan.config.environments.find((e) => e.name === env)?.live?.kubernetes;
  if (!live) throw new UserError(`${env} runs no live value for ${key}`);
  if (!source) {
    // The step is still a person's to take: say it, with where, rather than only why not.
    const object = `${live.location.kind}/${live.location.name}`;
    const step = value === null ? `remove ${key} from ${env}'s running ${object}` : `set ${key} back to ${JSON.stringify(value)} in ${env}'s running ${object}`;
    throw new UserError(
      `${env}'s live state comes from ${state?.source ?? 'nowhere'}: only a Kubernetes source can be patched (a snapshot is a record of what ran, not the cluster); ` +
        `by hand: ${step}, then capture the snapshot again (or give ${env} a kubernetes: live source in undrift.yaml)`,
    );
  }
  if (live.location.kind === 'Secret' || live.type === 'secret') throw new UserError('Secrets are never patched from the repo');
  if (live.location.kind !== 'ConfigMap' && !/\.env\[name=[^\]]+\]\.value$/.test(live.location.fieldPath)) {
    throw new UserError(
      `${live.location.kind}/${live.location.name} ${live.location.fieldPath} is not a ConfigMap key or a literal env value; change it by deploying`,
    );
  }
  const subject = value === null ? `drift(${env}): remove ${key} from the live ${live.location.kind}` : `drift(${env}): revert live ${key}=${shortText(value)}`;
  if (live.text === value) return { live: [], subject, inPlace: `${env} already runs ${JSON.stringify(value)} for ${key}` };
  return { live: [{ env, key, value, location: live.location, source }], subject };
}

/** The files a revert or backfill writes, checked against the contract and the editor's reach. */
function repoStep(
  scan: Scan,
  decision: Decision,
  env: EnvName,
  value: string | null,
  options: PlanOptions,
): Pick<PlannedDecision, 'files' | 'subject' | 'inPlace'> {
  const envNames = scan.snapshot.environments;
  const targets = decision.action === 'backfill' && decision.to ? (decision.to === 'all' ? envNames : decision.to) : [env];
  if (!options.allowContractBreach) {
    const entry = entryFor(scan.config.contract.entries, decision.key);
    const today = new Date().toISOString().slice(0, 10);
    for (const target of targets) {
      const allowed = entry && !isExpired(entry, today) ? entry.allowed.get(target) : undefined;
      const written = value === null ? undefined : ({ text: value } as Value);
      if (allowed && !allows(allowed, written)) {
        throw new UserError(
          `the contract (${entry!.location}) allows ${target} ${describeAllowed(allowed)} for ${decision.key}, not ` +
            `${value === null ? 'removing it' : JSON.stringify(value)}; choose an allowed value, change the contract, or ` +
            `pass --allow-contract-breach`,
        );
      }
    }
  }
  const files = targets.map((target) => fileChange(scan, target, decision.key, value, typeOf(scan, decision.key, value), targets));
  const where = decision.to === 'all' ? 'all' : targets.join(', ');
  const subject =
    value === null
      ? `drift(${where}): ${decision.action} ${decision.key} (remove it)`
      : `drift(${where}): ${decision.action} ${decision.key}=${shortText(value)}`;
  const held = targets.every(
    (target) =>
      (scan.snapshot.envs.get(target)?.values.get(decision.key)?.text ?? null) === value &&
      (value !== null || !scan.snapshot.envs.get(target)?.values.has(decision.key)),
  );
  return held
    ? {
        files,
        subject,
        inPlace: `${targets.join(', ')} already ${targets.length === 1 ? 'holds' : 'hold'} ${value === null ? 'no value' : JSON.stringify(value)} for ${decision.key}`,
      }
    : { files, subject };
}

/** The value a decision writes when it names none. */
function defaultValue(scan: Scan, d: Divergence, decision: Decision, env: EnvName): string | null | undefined {
  const verdict = d.verdict;
  const repo = (e: EnvName) => scan.snapshot.envs.get(e)?.values.get(d.key)?.text ?? null;
  if (decision.action === 'backfill') {
    if (d.kind === 'live-drift' || d.kind === 'live-only') return d.values[env]?.live ?? undefined;
    if (verdict?.value !== undefined && verdict.value !== null && verdict.suggested === 'backfill') return verdict.value;
    const source =
      verdict?.deliberate && verdict.deliberate !== env ? verdict.deliberate : scan.snapshot.environments.find((e) => e !== env && repo(e) !== null);
    return source ? repo(source) : undefined;
  }
  // revert: the drifted environment takes the deliberate one's value; any other returns to its own
  // previous value from history (absent before means: remove it).
  // A contract violation goes back to the value the verdict names, else to the one before the change
  // (history, below): a verdict with no value (a declare) is no value "absent".
  // Only for the environment in violation: another one's revert is its own previous value (a
  // newcomer's `revert staging` wrote production's allowed 4 into staging, session 38).
  if (d.kind === 'contract-violation' && verdict?.drifted === env && verdict.value !== undefined && verdict.value !== null) return verdict.value;
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

/** Apply's rule for a removal from a stack: a key removed from a later file is not gone where an
 * earlier file sets it (production's TIMEOUT "removed" would become the base's 3000). Said the same
 * by the plan (from the scan, when a decision is made) and by apply (from the committed files). */
export function removalRevealed(key: KeyPath, file: string, env: EnvName, under: string): string {
  return (
    `removing ${key} from ${file} would not remove it from ${env}: ` +
    `${under} sets it beneath, and ${env} would take that value instead; set the value, or change ${under} by hand`
  );
}

function fileChange(scan: Scan, env: EnvName, key: KeyPath, value: string | null, type: ValueType, targets: readonly EnvName[]): FileChange {
  const config = scan.config.environments.find((e) => e.name === env)!;
  let existing = scan.snapshot.envs.get(env)?.values.get(key);
  const unset = value === null && existing ? helmUnset(scan, config, key, existing.location.file, existing.beneath !== undefined) : undefined;
  if (unset) return unset;
  if (value === null && existing?.beneath) throw new UserError(removalRevealed(key, existing.location.file, env, existing.beneath));
  let file = existing?.location.file ?? fileForNewKey(scan.snapshot.envs.get(env)?.values, key) ?? config.files[0]!;
  // A subchart's own values.yaml holds its defaults for every chart that uses it: the umbrella's
  // values file of the environment overrides them, and is what is written.
  if (mountOf(config, file)?.subchart) {
    const own = ownFileAfter(scan, config, file);
    if (!own)
      throw new UserError(
        `${key}: ${env}'s value is the default of the subchart whose values are ${file}, which undrift never writes, and ${env} has no values file ` +
          `of its own after it to override it in; edit it by hand`,
      );
    file = own;
    existing = undefined;
  }
  // A value a Kustomize build makes (through bases, patches, generators) where the overlay's own
  // files write no line of it is placed at the kustomization file: there is nothing there to edit.
  const overlay = scan.snapshot.envs.get(env)?.built?.find((dir) => file.startsWith(`${dir.replace(/\/+$/, '')}/`));
  // A JSON 6902 operation's value is located at its line (explain cites it), but the operation
  // names a JSON pointer, not a key path the editor can find: the refusal points at the line.
  if (existing?.jsonPatch)
    throw new UserError(
      `${env}'s ${key} is set by a JSON 6902 patch operation at ${file}:${existing.location.line}, which undrift does not edit; change its value there by hand`,
    );
  if (existing && overlay && /^(kustomization\.ya?ml|Kustomization)$/.test(path.posix.basename(file))) {
    // A value the overlay's replicas: or images: entry sets is located at that entry (explain and
    // the report cite its line): the refusal points there too, not at "the overlay".
    const entry = /\.replicas$/.test(key) ? 'replicas:' : /\.image$/.test(key) ? 'images:' : undefined;
    if (entry && existing.location.line > 1)
      throw new UserError(
        `${env}'s ${key} is set by the ${entry} entry at ${file}:${existing.location.line}, a Kustomize transformer undrift does not edit; change it there by hand`,
      );
    throw new UserError(
      `${env}'s ${key} is what Kustomize builds from ${overlay} (its bases, patches and generators), not a line of one file undrift can edit; ` +
        `change it in the overlay by hand`,
    );
  }
  // A value (or a new key's neighbours) a build takes from one of the overlay's bases: the base is
  // what every overlay built from it reads, and undrift writes no overlay patches.
  const built = scan.snapshot.envs.get(env)?.built ?? [];
  const inStack = config.files.some((entry) => entry === file || file.startsWith(`${entry.replace(/\/+$/, '')}/`));
  if (built.length > 0 && !inStack)
    throw new UserError(
      `${env}'s ${key} ${existing ? 'comes from' : 'would go into'} ${file}, a Kustomize base ${built.join(', ')} builds from (other overlays may build from it too): ` +
        `undrift does not write overlay patches; patch it in ${built.join(', ')} by hand`,
    );
  // A file other environments read too (a base under every environment's own file): writing one
  // environment's value there would change theirs as well, unless they override it.
  // (A Kustomize base is read by every overlay built from it: their values are placed in it too.)
  // Every configured environment counts, not only those the scan shows: one `--env` left out still
  // reads the file (its values come in `scan.outside`; one not read at all is judged by its stack).
  const alsoChanged = scan.config.environments
    .map((e) => e.name)
    .filter((other) => {
      if (targets.includes(other)) return false;
      const theirs = (scan.snapshot.envs.get(other) ?? scan.outside?.get(other))?.values.get(key);
      if (theirs) return theirs.location.file === file;
      const stack = scan.config.environments.find((e) => e.name === other)?.files ?? [];
      return stack.some((entry) => entry === file || file.startsWith(`${entry.replace(/\/+$/, '')}/`));
    });
  // A Spring file other environments read too, with a profile document that activates for this
  // environment alone (`spring.config.activate.on-profile: prod`): the value is written in that
  // document — in place where it is there already — and the file's other documents stay as they are.
  const document = readsAsSpring(config, file) ? ownDocument(scan, config, file, existing) : undefined;
  if (document === undefined && alsoChanged.length > 0) {
    const own = ownFileAfter(scan, config, file);
    const them = alsoChanged.join(', ');
    const instead = `decide for ${[...targets, ...alsoChanged].join(', ')} together, or edit it by hand`;
    if (value === null)
      throw new UserError(`${key}: ${env}'s value comes from ${file}, which ${them} read too: removing it there would remove theirs as well; ${instead}`);
    if (!own || key.includes('[')) {
      throw new UserError(
        `${key}: ${env}'s value comes from ${file}, which ${them} read too: writing it there would change theirs as well, ` +
          `and ${env} has no file of its own after it to write it in; ${instead}`,
      );
    }
    // The environment's own file overrides the shared one: the key is new there.
    file = own;
    existing = undefined;
  } else if (document === undefined && value !== null && !key.includes('[')) {
    // Where every other reader of the shared file overrides the key today, writing there changes
    // no value now, but it changes their default (what they fall back to, what a new environment
    // starts with): an environment with a file of its own after it takes its value there.
    const shared = scan.config.environments.some((e) => e.name !== env && !targets.includes(e.name) && e.files.includes(file));
    const own = shared ? ownFileAfter(scan, config, file) : undefined;
    if (own) {
      file = own;
      existing = undefined;
    }
  }
  const format = formatOf(config, file);
  if (!format) throw new UserError(`${file}: cannot tell its format to edit it; set \`format:\` for ${env}`);
  // A .tfvars value is edited where it is written; a variable it lacks is added only at the top
  // level (inside an object a person decides where the entry goes).
  if (format === 'tfvars' && !file.endsWith('.json') && !existing && value !== null && /[.[]/.test(key))
    throw new UserError(`${file} does not set ${key}: undrift adds only top-level variables to a .tfvars file; add it there by hand`);
  if (!existing) {
    // A list item is addressed by its name: the editor changes items, it cannot make one up.
    const values = scan.snapshot.envs.get(env)?.values;
    for (const m of key.matchAll(/\[[A-Za-z_][\w-]*=[^\]]*\]/g)) {
      const item = key.slice(0, m.index + m[0].length);
      if (values && ![...values.keys()].some((k) => k.startsWith(item))) {
        throw new UserError(`${env} has no list item ${item}: undrift edits list items but does not add them; add it to ${file} by hand`);
      }
    }
  }
  if (!existing && !path.posix.basename(file).includes('.')) {
    throw new UserError(`${env} declares ${key} nowhere, and ${file} is a directory: add it to the right manifest by hand`);
  }
  // A Kustomize generator's env file (`envs: [override.env]`) sets a ConfigMap's data key as a
  // variable of that name: it is edited by that name (the editor was asked for the variable
  // "ConfigMap/app.data.TIMEOUT" and said it is no dotenv variable name).
  const variable = existing?.generated && format === 'dotenv' ? /^ConfigMap\/[^.[\]]+\.data\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(key)?.[1] : undefined;
  // Keys below an environment's `select` are written where they live in the file.
  const inFile = variable ?? writtenKey(config, file, key);
  const written = document === undefined ? inFile : `${profilePrefix(document)}${inFile.startsWith('[') ? '' : '.'}${inFile}`;
  // A removal from a later file of a stack reveals what an earlier one sets: apply reads them.
  const beneath = config.files
    .slice(0, Math.max(0, config.files.indexOf(file)))
    .reverse()
    .flatMap((f) => {
      const of = path.posix.basename(f).includes('.') ? formatOf(config, f) : undefined;
      return of ? [{ file: f, format: of }] : [];
    });
  return {
    file,
    format,
    env,
    key: written,
    value: value === null ? null : { text: value, type },
    ...(value === null && beneath.length > 0 ? { beneath } : {}),
  };
}

/** A removal from a stack of Helm values files that a plain removal cannot make (an earlier file
 * sets the key beneath, or the file holding it is shared with other environments): the key is set
 * to null in the environment's own file, which Helm's merge reads as taken out, as the scan does.
 * Undefined where the files are not Helm values or the environment has no file of its own. */
function helmUnset(scan: Scan, config: EnvironmentConfig, key: KeyPath, file: string, beneath: boolean): FileChange | undefined {
  if (formatOf(config, file) !== 'helm') return undefined;
  // A subchart's defaults are never written: its key is set to null over them.
  const shared = scan.config.environments.some((e) => e.name !== config.name && e.files.includes(file)) || mountOf(config, file)?.subchart === true;
  if (!beneath && !shared) return undefined;
  const own = shared ? ownFileAfter(scan, config, file) : file;
  if (!own || formatOf(config, own) !== 'helm') return undefined;
  return { file: own, format: 'helm', env: config.name, key: writtenKey(config, own, key), value: { text: 'null', type: 'null' } };
}

/** The key as `file` writes it: below the environment's `select`, without the file's mount (a
 * helmfile release's values file holds `replicas`, which its environments read as
 * `releases[name=api].replicas`). */
function writtenKey(config: EnvironmentConfig, file: string, key: KeyPath): KeyPath {
  const mount = mountOf(config, file);
  const inFile = mount ? unmountKey(mount, key) : key;
  if (inFile === undefined) throw new UserError(`${key}: ${file} holds the keys below ${mount!.under} only, and ${key} is not one of them; edit it by hand`);
  return config.select ? (inFile.startsWith('[') ? `${config.select}${inFile}` : `${config.select}.${inFile}`) : inFile;
}

/** The profile document of a Spring file that is `config`'s own: one that names it and activates
 * for no other environment reading the file — the one holding its value, else the last such (Spring
 * applies later documents over earlier ones). Undefined where no other environment reads the file
 * (it is the environment's own) or it has no such document. */
function ownDocument(scan: Scan, config: EnvironmentConfig, file: string, existing: Value | undefined): string | undefined {
  const others = scan.config.environments.filter((e) => e.name !== config.name && e.files.includes(file)).map((e) => e.name);
  if (others.length === 0) return undefined;
  // Its own: named in it (`prod`, `prod | prod-eu`), not only left out of a negation (`!staging`
  // is every profile but staging's, a future one's too), and active for none of the others.
  const mine = (expression: string) =>
    expression.split(/[,|]/).some((term) => term.trim() === config.name) && !others.some((other) => profileActive(expression, other));
  if (existing?.profile !== undefined && 'file' in existing.location && existing.location.file === file && mine(existing.profile)) return existing.profile;
  return (scan.snapshot.envs.get(config.name)?.profiles?.[file] ?? []).filter(mine).at(-1);
}

/** The environment's own file (one no other environment reads) latest in its stack, when it comes
 * after `shared` (so a value written there overrides the shared one's) and is a file, not a
 * directory. */
function ownFileAfter(scan: Scan, config: EnvironmentConfig, shared: string): string | undefined {
  const readByOthers = (file: string) => scan.config.environments.some((e) => e.name !== config.name && e.files.includes(file));
  const own = config.files.filter((f, i) => i > config.files.indexOf(shared) && !readByOthers(f) && path.posix.basename(f).includes('.')).at(-1);
  return own && formatOf(config, own) ? own : undefined;
}

/** The file a key new to an environment goes into: the one holding its closest relative (the key
 * sharing the most leading segments: a sibling in the same map, a field of the same manifest
 * object), so it lands next to them; none when no key shares a segment with it. */
function fileForNewKey(values: ReadonlyMap<KeyPath, { location: { file: string } }> | undefined, key: KeyPath): string | undefined {
  let best = 0;
  let file: string | undefined;
  for (const [other, value] of values ?? []) {
    let shared = 0;
    for (let i = 0; i < key.length && i < other.length && key[i] === other[i]; i++) if (key[i] === '.' || key[i] === '[') shared++;
    if (shared > best) {
      best = shared;
      file = value.location.file;
    }
  }
  return file;
}

function formatOf(config: EnvironmentConfig, file: string): EditFormat | undefined {
  if (config.files.includes(file) && config.format !== 'auto') return config.format;
  const detected = detectFormat(file);
  if (detected === 'yaml' && !config.files.includes(file)) return 'manifests';
  return detected;
}

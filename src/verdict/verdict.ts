import type { Divergence, EnvName, HistoryEvent, Provenance, Verdict } from '../model/types.js';
import { quoted as shown } from '../wording/text.js';

export interface VerdictContext {
  /** Upstream first. */
  promotion: EnvName[];
  /** Every configured environment (for recognising names in commit messages). */
  environments: EnvName[];
  /** Set when the clone is shallow. */
  truncatedAt?: string;
}

interface Moment {
  commit: string;
  committed: string;
  events: Array<{ env: EnvName; event: HistoryEvent }>;
}

const short = (sha: string) => sha.slice(0, 7);
const day = (iso: string) => iso.slice(0, 10);
export const describeCommit = (e: HistoryEvent) => `${short(e.commit)} (${day(e.date)}, ${e.author}: "${e.subject}")`;
const change = (e: HistoryEvent) =>
  e.from === null ? `added it as ${shown(e.to)}` : e.to === null ? `removed it (it was ${shown(e.from)})` : `changed it ${shown(e.from)} → ${shown(e.to)}`;
const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const round = (n: number) => Math.round(Math.max(0.05, Math.min(0.95, n)) * 100) / 100;

// How people write environment names in commit messages.
const ALIASES: Array<[RegExp, string[]]> = [
  [/^(prod|production|prd|live)$/i, ['prod', 'production', 'prd', 'live']],
  [/^(staging|stage|stg)$/i, ['staging', 'stage', 'stg']],
  [/^(dev|development|develop)$/i, ['dev', 'development', 'develop']],
  [/^(qa|test|testing)$/i, ['qa', 'test', 'testing']],
];

function namesOf(env: EnvName): string[] {
  const alias = ALIASES.find(([re]) => re.test(env));
  return [...new Set([env, ...(alias ? alias[1] : [])])];
}

function mentions(text: string, env: EnvName): boolean {
  return namesOf(env).some((name) => new RegExp(`(^|[^A-Za-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9]|$)`, 'i').test(text));
}

const INCIDENT = /\b(?:INC|INCIDENT|SEV|PD|OUTAGE)[-_ ]?\d+\b/i;
const INCIDENT_WORDS = /\b(hotfix|hot-fix|incident|outage|post-?mortem)\b/i;

/** What a commit message says beyond the diff: the environment it speaks of, an incident. */
function messageEvidence(event: HistoryEvent, env: EnvName, context: VerdictContext): { speaksOf: EnvName[]; incident?: string; reasons: string[] } {
  const text = `${event.subject}\n${event.body}`;
  const others = context.environments.filter((other) => other !== env && mentions(text, other));
  const speaksOf = mentions(text, env) ? [] : others;
  const incident = INCIDENT.exec(text)?.[0] ?? INCIDENT_WORDS.exec(text)?.[0];
  const reasons: string[] = [];
  if (speaksOf.length > 0) {
    reasons.push(`${short(event.commit)} edits ${env}'s file (${event.file}) but its message speaks of ${list(speaksOf)}, not ${env}: "${event.subject}"`);
  }
  if (incident) reasons.push(`${short(event.commit)} cites ${/\d/.test(incident) ? `incident ${incident}` : `an ${incident.toLowerCase()}`}: it was a deliberate fix, not a routine change`);
  if (event.revert) reasons.push(`${short(event.commit)} is a revert: the value returned to one it held before`);
  if (event.merge) reasons.push(`${short(event.commit)} is a merge that resolved the key to a value neither side had`);
  if (event.acrossBroken) reasons.push(`${short(event.commit)} follows a version of ${event.file} that does not parse; its change is measured across it`);
  return { speaksOf, ...(incident ? { incident } : {}), reasons };
}

/** Every environment's events for the key, grouped by commit, oldest first. */
function moments(history: Record<EnvName, HistoryEvent[]>, envs: EnvName[]): Moment[] {
  const byCommit = new Map<string, Moment>();
  for (const env of envs) {
    for (const event of history[env] ?? []) {
      const moment = byCommit.get(event.commit) ?? { commit: event.commit, committed: event.committed, events: [] };
      moment.events.push({ env, event });
      byCommit.set(event.commit, moment);
    }
  }
  return [...byCommit.values()].sort((a, b) => (a.committed < b.committed ? -1 : a.committed > b.committed ? 1 : 0));
}

const latestOf = (events: HistoryEvent[] | undefined) => events?.[0];

/** The explained verdict for one divergence: which environment made the deliberate choice, which
 * one drifted, what to do, how sure, and why — each reason checkable with `git show`. Pure. */
export function explain(divergence: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): Verdict {
  const verdict =
    divergence.kind === 'contract-violation'
      ? contractViolation(divergence, history)
      : divergence.kind === 'stale-declaration' && divergence.severity === 'info'
        ? staleDeclaration(divergence, history)
        : divergence.kind === 'live-drift'
          ? liveDrift(divergence, history)
          : divergence.kind === 'live-only'
            ? liveOnly(divergence)
            : divergence.kind === 'artifact'
              ? artifact(divergence)
              : withLiveEvidence(divergence, valueDifference(divergence, history, context));
  const truncated = Object.values(history).some((events) => events.some((e) => e.truncated));
  if (context.truncatedAt) {
    verdict.reasons.push(`history truncated at ${context.truncatedAt} (shallow clone): changes before it are unknown${truncated ? ', and values present then are counted from that date' : ''}; fetch the full history (git fetch --unshallow) for a firmer verdict`);
    verdict.confidence = round(verdict.confidence * (truncated ? 0.6 : 0.85));
  }
  return verdict;
}

function valueDifference(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): Verdict {
  const envs = Object.keys(d.values);
  const current = (env: EnvName) => d.values[env]?.repo ?? null;
  const reasons: string[] = [];
  if (d.kind === 'stale-declaration' && d.contract?.expires) {
    reasons.push(`the contract declared this difference until ${d.contract.expires}${d.contract.reason ? ` (${d.contract.reason})` : ''}; that has expired`);
  }

  // Uncommitted edits: the work tree holds a value history has not seen.
  const uncommitted = envs.filter((env) => (latestOf(history[env])?.to ?? null) !== current(env));
  for (const env of uncommitted) reasons.push(`${env}'s file holds ${shown(current(env))} in the work tree, which is not committed (git history ends at ${shown(latestOf(history[env])?.to ?? null)})`);

  // Replay every environment's changes in commit order; find when they last agreed.
  const timeline = moments(history, envs);
  const state = new Map<EnvName, string | null>(envs.map((env) => [env, null]));
  let lastAgreement: { index: number; value: string } | undefined;
  timeline.forEach((moment, index) => {
    for (const { env, event } of moment.events) state.set(env, event.to);
    const values = envs.map((env) => state.get(env) ?? null);
    if (values.every((v) => v !== null && v === values[0])) lastAgreement = { index, value: values[0]! };
  });
  const changedSince = (from: number) => {
    const changed = new Map<EnvName, HistoryEvent>(); // env → its latest change after `from`
    for (const moment of timeline.slice(from + 1)) for (const { env, event } of moment.events) changed.set(env, event);
    return changed;
  };

  if (lastAgreement) {
    const agreedAt = timeline[lastAgreement.index]!.events[0]!.event;
    reasons.unshift(`${list(envs)} last agreed on ${shown(lastAgreement.value)} after ${describeCommit(agreedAt)}`);
    const changed = changedSince(lastAgreement.index);
    for (const env of uncommitted) if (!changed.has(env)) changed.set(env, workTreeEvent(env, current(env), latestOf(history[env])));
    return fromChanges(d, history, changed, envs, reasons, context);
  }

  // They never agreed on a value.
  const firsts = envs.map((env) => ({ env, event: history[env]?.at(-1) }));
  const present = firsts.filter((f) => f.event);
  const never = envs.filter((env) => (history[env] ?? []).length === 0 && current(env) === null);
  if (never.length > 0 && present.length > 0) {
    // Declared in some environments only: the ones that added it chose to; the others never had it.
    const changed = new Map<EnvName, HistoryEvent>(present.map((f) => [f.env, latestOf(history[f.env])!]));
    reasons.unshift(`${list(never)} never had this key; ${list(present.map((p) => p.env))} added it`);
    return fromChanges(d, history, changed, envs, reasons, context);
  }
  const sameCommit = present.length === envs.length && new Set(present.map((f) => f.event!.commit)).size === 1;
  if (sameCommit) {
    const created = present[0]!.event!;
    reasons.unshift(`added with different values in the same commit, ${describeCommit(created)}: ${envs.map((env) => `${env} ${shown(history[env]!.at(-1)!.to)}`).join(', ')} — intentional from the start`);
    reasons.push('suggest declaring the difference in the contract');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.7, reasons };
  }
  reasons.unshift(
    `never equal: ${present.map((f) => `${f.env} was created with ${shown(f.event!.to)} in ${describeCommit(f.event!)}`).join('; ')}`,
  );
  const changed = new Map<EnvName, HistoryEvent>(present.map((f) => [f.env, latestOf(history[f.env])!]));
  const verdict = fromChanges(d, history, changed, envs, reasons, context);
  verdict.confidence = round(verdict.confidence * 0.6);
  return verdict;
}

function workTreeEvent(env: EnvName, value: string | null, previous: HistoryEvent | undefined): HistoryEvent {
  return {
    commit: 'work-tree',
    author: 'uncommitted',
    email: '',
    date: new Date().toISOString(),
    committed: '9999',
    subject: 'uncommitted change in the work tree',
    body: '',
    file: previous?.file ?? '',
    from: previous?.to ?? null,
    to: value,
    merge: false,
    revert: false,
  };
}

/** Given which environments changed the key since they agreed, name the deliberate one, the one
 * that lags, and what the promotion order says to do. */
function fromChanges(
  d: Divergence,
  history: Record<EnvName, HistoryEvent[]>,
  changed: Map<EnvName, HistoryEvent>, envs: EnvName[], reasons: string[], context: VerdictContext): Verdict {
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const value = (env: EnvName) => d.values[env]?.repo ?? null;
  if (changed.size === 0) {
    reasons.push('no environment changed the key since then in git; the difference may come from files outside the history walked');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.2, reasons };
  }
  for (const [env, event] of changed) {
    if (event.commit === 'work-tree') continue;
    reasons.push(`${env} ${change(event)} in ${describeCommit(event)}`);
  }
  const unchanged = envs.filter((env) => !changed.has(env));
  for (const env of unchanged) {
    const last = latestOf(history[env]);
    if (last) reasons.push(`${env} has not changed it since ${describeCommit(last)}`);
  }

  let confidence: number;
  let deliberate: EnvName;
  const sides = new Set([...changed.keys()].map((env) => value(env)));
  if (sides.size === 1) {
    // One decision, possibly written to several environments at once: the most downstream of them
    // is where it was meant to go furthest.
    deliberate = [...changed.keys()].sort((a, b) => rank(b) - rank(a))[0]!;
    confidence = 0.75;
  } else {
    // Several changed: the latest change is the freshest decision, but that is a weak guess.
    deliberate = [...changed.entries()].sort((a, b) => (a[1].committed < b[1].committed ? 1 : -1))[0]![0];
    reasons.push(`${list([...changed.keys()])} each changed it since; the latest change is ${deliberate}'s`);
    confidence = 0.4;
  }
  const lagging = envs.filter((env) => env !== deliberate && value(env) !== value(deliberate));
  // The nearest lagging environment downstream of the deliberate one, else the nearest upstream.
  const drifted =
    lagging.filter((env) => rank(env) > rank(deliberate)).sort((a, b) => rank(a) - rank(b))[0] ??
    lagging.filter((env) => rank(env) < rank(deliberate)).sort((a, b) => rank(b) - rank(a))[0] ??
    null;

  const decisive = changed.get(deliberate)!;
  const evidence = decisive.commit === 'work-tree' ? { speaksOf: [] as EnvName[], reasons: [] as string[] } : messageEvidence(decisive, deliberate, context);
  reasons.push(...evidence.reasons);
  if (decisive.commit === 'work-tree') confidence -= 0.2;
  if (drifted === null) {
    return { deliberate, drifted: null, suggested: 'declare', value: null, confidence: round(confidence), reasons };
  }
  const target = value(deliberate);
  const misfiled = evidence.speaksOf.includes(drifted);
  if (misfiled) {
    reasons.push(
      `the change was meant for ${drifted} but landed in ${deliberate}'s file: backfill ${drifted} with ${shown(target)}, then decide whether ${deliberate} keeps it (revert ${deliberate} to ${shown(decisive.from)} if not)`,
    );
    confidence += 0.1;
  } else if (rank(deliberate) < rank(drifted)) {
    reasons.push(`${deliberate} is upstream of ${drifted} in the promotion order (${context.promotion.join(' → ')}): the change was not promoted; backfill ${drifted} with ${shown(target)}, or declare the difference if it is meant to stay`);
  } else {
    reasons.push(`${deliberate} is downstream of ${drifted} in the promotion order (${context.promotion.join(' → ')}): the fix was never backported; backfill ${drifted} with ${shown(target)}, or declare the difference if it is meant to stay`);
    confidence -= 0.05;
  }
  if (evidence.speaksOf.length > 0 && !misfiled) confidence -= 0.1;
  if ('incident' in evidence && evidence.incident) confidence += 0.05;
  if (sides.size > 1) confidence = Math.min(confidence, 0.45);
  return { deliberate, drifted, suggested: 'backfill', value: target, confidence: round(confidence), reasons };
}

function contractViolation(d: Divergence, history: Record<EnvName, HistoryEvent[]>): Verdict {
  const reasons: string[] = [];
  const offender = d.envs[0]!;
  const allowed = d.contract?.allowed[offender] ?? 'what the contract lists';
  const last = latestOf(history[offender]);
  const ownerNote = d.contract?.owner ? ` (owner: ${d.contract.owner})` : '';
  reasons.push(`the contract${ownerNote} allows ${offender} ${allowed}; it holds ${shown(d.values[offender]?.repo ?? null)}`);
  if (!last || last.to !== (d.values[offender]?.repo ?? null)) {
    reasons.push(`the value is not committed in ${offender}'s file, or predates the history read`);
    return { deliberate: null, drifted: offender, suggested: 'revert', value: null, confidence: 0.4, reasons };
  }
  reasons.push(`${offender} ${change(last)} in ${describeCommit(last)}`);
  const previous = last.from;
  reasons.push(
    previous === null
      ? `revert ${offender} to an allowed value, or declare the new value in the contract if the change was intended`
      : `revert ${offender} to ${shown(previous)} (its value before), or declare ${shown(last.to)} in the contract if the change was intended`,
  );
  return { deliberate: null, drifted: offender, suggested: 'revert', value: previous, confidence: 0.6, reasons };
}

function staleDeclaration(d: Divergence, history: Record<EnvName, HistoryEvent[]>): Verdict {
  const reasons = [...d.notes];
  const latest = Object.entries(history)
    .map(([env, events]) => ({ env, event: events[0] }))
    .filter((x): x is { env: EnvName; event: HistoryEvent } => x.event !== undefined)
    .sort((a, b) => (a.event.committed < b.event.committed ? 1 : -1))[0];
  if (latest) reasons.push(`the environments converged when ${latest.env} ${change(latest.event)} in ${describeCommit(latest.event)}`);
  reasons.push(`remove the declaration${d.contract ? ` of ${d.contract.key} (${d.contract.location})` : ''} from the contract`);
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.9, reasons };
}

/** Who wrote a live value, in words: `kubectl-edit (by hand) at or before 2026-07-14T00:10:00Z`. */
export function describeProvenance(p: Provenance): string {
  const how = p.kind === 'human' ? 'by hand' : p.kind === 'pipeline' ? 'a deploy' : p.kind === 'controller' ? 'a controller' : 'an unknown client';
  const when = p.time ? ` ${p.exact ? 'at' : 'at or before'} ${p.time}` : '';
  return `${p.manager} (${how}, ${p.operation}${p.subresource ? ` of ${p.subresource}` : ''})${when}`;
}

const after = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && Date.parse(a) > Date.parse(b);

/** Live state is evidence for the repo-side verdicts too: an environment whose cluster already
 * runs the deliberate value lags only in its file. */
function withLiveEvidence(d: Divergence, verdict: Verdict): Verdict {
  for (const [env, slot] of Object.entries(d.values)) {
    if (slot.live === null || slot.live === undefined) continue;
    const p = d.provenance?.[env];
    const source = slot.liveSource ? ` (${slot.liveSource})` : '';
    if (slot.live === slot.repo) {
      verdict.reasons.push(`${env} runs ${shown(slot.live)} live${source}, as its file says`);
      continue;
    }
    verdict.reasons.push(`${env} runs ${shown(slot.live)} live${source}, not its file's ${shown(slot.repo)}${p ? `; written by ${describeProvenance(p)}` : ''}`);
    if (verdict.drifted === env && verdict.value !== null && slot.live === verdict.value) {
      verdict.reasons.push(`${env}'s cluster already runs ${shown(verdict.value)}: only its file lags, so the backfill codifies what runs`);
      verdict.confidence = round(verdict.confidence + 0.05);
    }
  }
  return verdict;
}

function liveDrift(d: Divergence, history: Record<EnvName, HistoryEvent[]>): Verdict {
  const env = d.envs[0]!;
  const slot = d.values[env]!;
  const p = d.provenance?.[env];
  const last = latestOf(history[env]);
  const reasons: string[] = [];
  reasons.push(`${env} runs ${shown(slot.live ?? null)} live${slot.liveSource ? ` (${slot.liveSource})` : ''}; its file says ${shown(slot.repo)}${last ? `, last changed in ${describeCommit(last)}` : ''}`);
  if (!p) {
    reasons.push('no managedFields say who wrote the live value (captured without --show-managed-fields, or written before field tracking)');
    reasons.push(`revert ${env} live to its file's value by deploying, or backfill the file if the live value is the right one`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.4, reasons };
  }
  reasons.push(`the live value was written by ${describeProvenance(p)}`);
  if (p.kind === 'human') {
    if (!last || after(p.time, last.date)) {
      reasons.push(`a hand edit newer than the last repo change${last ? ` (${day(last.date)})` : ''}: a fix made live and never codified; backfill ${env}'s file with ${shown(slot.live ?? null)}, or revert the live object if the fix is no longer wanted`);
      return { deliberate: env, drifted: env, suggested: 'backfill', value: slot.live ?? null, confidence: round(p.exact ? 0.85 : 0.8), reasons };
    }
    reasons.push(`the file changed after the hand edit (${day(last.date)}), but has not been deployed since: revert the live object to ${shown(slot.repo)} by deploying`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.65, reasons };
  }
  if (p.kind === 'pipeline') {
    if (last && after(last.date, p.time)) {
      reasons.push(`the file changed after the last deploy (${p.manager} ${p.time}): the deploy never applied it; revert the live object to ${shown(slot.repo)} by deploying`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.75, reasons };
    }
    reasons.push(`${p.manager} wrote this value after the file's last change: it deploys from another source than this file (another values file, branch or overlay); check what it deploys`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.4, reasons };
  }
  if (p.kind === 'controller') {
    reasons.push(`${p.manager} is part of the cluster (an autoscaler or controller sets this field): declare it or stop comparing it`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.5, reasons };
  }
  reasons.push(`${p.manager} is not a known tool: a script or SDK wrote it without naming itself`);
  return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.4, reasons };
}

function liveOnly(d: Divergence): Verdict {
  const env = d.envs[0]!;
  const p = d.provenance?.[env];
  const reasons = [...d.notes];
  if (p) reasons.push(`written by ${describeProvenance(p)}`);
  if (p?.kind === 'human') {
    reasons.push(`added by hand and declared nowhere: remove it from the live object (revert), or backfill it into ${env}'s file if it is meant to stay`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.55, reasons };
  }
  if (p?.kind === 'pipeline') {
    reasons.push(`${p.manager} deploys it, so it comes from a source other than these files: backfill it into ${env}'s file so the repo says what runs`);
    return { deliberate: env, drifted: env, suggested: 'backfill', value: d.values[env]?.live ?? null, confidence: 0.5, reasons };
  }
  reasons.push(`nobody is recorded as writing it: remove it from the live object, or backfill it into ${env}'s file`);
  return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.35, reasons };
}

function artifact(d: Divergence): Verdict {
  const reasons = [...d.notes];
  for (const [env, p] of Object.entries(d.provenance ?? {})) reasons.push(`${env}'s image was set by ${describeProvenance(p)}`);
  reasons.push('redeploy the environment that runs the stale build (revert), or pin images by digest so one tag cannot run two builds');
  const drifted = d.envs.at(-1) ?? null;
  return { deliberate: null, drifted, suggested: 'revert', value: null, confidence: 0.5, reasons };
}

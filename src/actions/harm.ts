import type { Decision, Divergence, EnvName, RiskClass } from '../model/types.js';
import { citesIncident } from '../verdict/intent.js';
import { isRisky, looksLoosened, looksProtective, RISK_WORDS, riskOf as keyRisk } from '../verdict/risk.js';
import { manualShort } from '../wording/manual.js';
import { quoted, removesDeclaration } from '../wording/text.js';
import type { PlannedDecision } from './plan.js';

/** What a decision would do that a person should hear before it is written: said by the view as
 * a confirmation, and refused by `undrift apply` unless `--allow-risk` (a decisions file is
 * applied without anyone looking at the row, so the same harm is as likely there). */
export interface Harm {
  /** The decision as it reads, with the key's risk class when that is why it is asked:
   * `DEBUG_SQL is a debug switch: backfill production = "true"`. */
  choice: string;
  /** What it does that looks harmful: a weaker value into the last promotion stage, a protective
   * value taken away there, an incident's fix undone in an environment's file. */
  harms: string[];
  /** The verdict's own move, when the decision goes against it. */
  against?: string;
  /** Why it could not be checked against a verdict (none read yet, or history off). */
  unknown?: string;
}

/** A value a decision writes into an environment's file (null: the key removed). */
export interface FileWrite {
  env: EnvName;
  value: string | null;
}

/** What planned steps write into the files. */
export function fileWrites(steps: readonly PlannedDecision[]): FileWrite[] {
  return steps.flatMap((step) => step.files.map((f) => ({ env: f.env, value: f.value === null ? null : f.value.text })));
}

export interface HarmContext {
  /** Every environment, for a decision written to `all`. */
  envs: readonly EnvName[];
  /** The promotion order; its last environment is the one a harmful value hurts most. */
  promotion: readonly EnvName[];
  /** Where the verdicts stand when a divergence has none: history not read at all, or not yet. */
  history: 'off' | 'pending';
  /** What the decision writes into each environment's file, as apply plans it (a revert's
   * previous value, a backfill's value from the environment it copies); where not known (the
   * files' lines still being read), it is taken from the decision and its verdict. */
  writes?: readonly FileWrite[];
}

/**
 * Whether a decision is harmful: on a risky key (the verdict's risk class), one that reaches the
 * last promotion stage and either writes a value that looks loosened (debug on, a check off, a
 * grant widened), takes away a protective one (a kill switch), or goes against what the verdict
 * suggests. Before the key's verdict is read its risk class comes from the key and its values, as
 * the verdict takes it, and a choice that reaches the last stage is harmful until shown otherwise,
 * since whether it goes against the verdict cannot be known. On any key, a choice that writes over
 * a value an incident's fix put in an environment's file is harmful too, unless it is the
 * verdict's own move: a plain timeout raised by "HOTFIX INC-3312" was backfilled away with one key
 * press (a newcomer's trial, session 36), and with no warning at all through a decisions file
 * (session 37).
 */
export function harmOf(d: Divergence, decision: Decision, context: HarmContext): Harm | undefined {
  if (decision.action === 'skip') return undefined;
  const verdict = d.verdict;
  const risk = verdict?.risk ?? riskClassOf(d);
  const last = context.promotion.at(-1);
  const reachesLast =
    (isRisky(risk) || switchesProtection(d.key)) &&
    !!last &&
    (decision.env === last || decision.to === 'all' || decision.action === 'declare' || decision.action === 'undeclare');
  // Declaring a declaration every environment has left behind removes it: undeclare is the verdict's move there.
  const suggested = verdict && (removesDeclaration(d, verdict.suggested) ? 'undeclare' : verdict.suggested);
  const against =
    !!verdict &&
    (decision.action !== suggested ||
      (decision.value !== undefined && verdict.value !== null && decision.value !== verdict.value) ||
      (decision.env !== undefined && verdict.drifted !== null && decision.env !== verdict.drifted));
  const writes = context.writes ?? writesOf(d, decision, context.envs);
  const undone = !verdict || against ? incidentFixesUndone(d, writes) : [];
  if (!reachesLast && undone.length === 0) return undefined;
  const move = `${decisionWords(decision)}${decision.value !== undefined ? ` = ${quoted(decision.value)}` : ''}`;
  const choice = reachesLast && isRisky(risk) ? `${d.key} is ${RISK_WORDS[risk]}: ${move}` : `${d.key}: ${move}`;
  const harms: string[] = [];
  if (reachesLast) {
    const before = decision.target === 'live' ? (d.values[last]?.live ?? null) : (d.values[last]?.repo ?? null);
    const written = writes.find((w) => w.env === last);
    const after =
      decision.value !== undefined ? decision.value : decision.target === 'live' ? (d.values[last]?.repo ?? null) : written ? written.value : undefined;
    if (after !== undefined && (looksLoosened(d.key, after) || weakerSwitch(d.key, before, after)))
      harms.push(`puts ${quoted(after)} in ${last}, which looks like the weaker setting`);
    if (after !== undefined && looksProtective(d.key, before) && !looksProtective(d.key, after))
      harms.push(`takes ${last}'s protective ${quoted(before)} away`);
  }
  harms.push(...undone);
  if (!verdict) {
    const unknown =
      context.history === 'off'
        ? 'history is not read, so there is no verdict to check it against'
        : 'its verdict is still being read (history), so whether this goes against it is not known yet';
    return { choice, harms, unknown };
  }
  if (!against) return harms.length > 0 ? { choice, harms } : undefined;
  // A Secret's revert or backfill is named as the person's step it is (undrift writes neither).
  const named =
    manualShort(d) ??
    `${verdict.suggested}${verdict.drifted ? ` ${verdict.drifted}` : ''}${verdict.value !== null && verdict.suggested !== 'declare' ? ` = ${quoted(verdict.value)}` : ''}`;
  return { choice, harms, against: named };
}

/** The harm as one sentence: `KEY: backfill production = "10000" undoes …, and goes against the verdict (…).` */
export function harmSentence(harm: Harm): string {
  const parts = [...harm.harms, ...(harm.against ? [`goes against the verdict (${harm.against})`] : [])];
  if (harm.unknown) return `${harm.choice}${parts.length ? ` ${parts.join(', and ')}` : ''}; ${harm.unknown}.`;
  return `${harm.choice} ${parts.join(', and ')}.`;
}

/** `backfill production`, `revert all (live)`, `declare`: what a decision does and where. */
export function decisionWords(decision: Decision, withTarget = true): string {
  if (decision.action === 'skip' || decision.action === 'declare' || decision.action === 'undeclare') return decision.action;
  const target = decision.to === 'all' ? 'all' : (decision.env ?? '');
  return `${decision.action}${target && withTarget ? ` ${target}` : ''}${decision.target === 'live' ? ' (live)' : ''}`;
}

/** What a decision writes into the files where apply's plan is not at hand: the decision's value,
 * else the verdict's, into the environments it names. */
function writesOf(d: Divergence, decision: Decision, envs: readonly EnvName[]): FileWrite[] {
  if (decision.target === 'live' || (decision.action !== 'revert' && decision.action !== 'backfill')) return [];
  const value = decision.value !== undefined ? decision.value : (d.verdict?.value ?? undefined);
  if (value === undefined) return [];
  const written =
    decision.to === 'all' ? envs : Array.isArray(decision.to) ? decision.to : [decision.env ?? d.verdict?.drifted].filter((e): e is EnvName => !!e);
  return written.map((env) => ({ env, value }));
}

/** Each environment's file value that a decision writes over where the commit that put it there
 * cites an incident (an id such as INC-3312, or "outage", "hotfix"): undoing a fix made under
 * pressure is a choice a person makes knowingly. */
function incidentFixesUndone(d: Divergence, writes: readonly FileWrite[]): string[] {
  return [...new Map(writes.map((w) => [w.env, w])).values()].flatMap(({ env, value }) => {
    const fix = d.history?.[env]?.[0];
    if (!fix || fix.to === value || fix.to !== (d.values[env]?.repo ?? null)) return [];
    const incident = citesIncident(`${fix.subject}\n${fix.body}`);
    if (!incident) return [];
    return [`undoes ${env}'s ${quoted(fix.to)} from ${fix.commit.slice(0, 7)} "${fix.subject}", a fix citing ${incident}`];
  });
}

// A switch's key names what it switches: an opening (on is the weaker side: `PUBLIC_READ`,
// `ALLOW_ANONYMOUS`) or a protection (off is: `ENCRYPTION_AT_REST`, `AUDIT_LOG_ENABLED`). Apply and the
// view ask before either reaches the last stage, whatever risk class the key's name gives it: a
// newcomer's trial (session 39) backfilled all four into production with no word.
const OPENING = /\b(?:public|anonymous|anon|unauthenticated|guest|insecure|allow ?all|bypass|skip|disable|disabled|no ?verify|debug|verbose|trace)\b/;
const PROTECTION = new RegExp(
  String.raw`\b(?:auth\w*|encrypt\w*|audit\w*|verif\w*|verify|ssl|tls|hsts|csrf|xsrf|mfa|2fa|otp|captcha|waf|firewall|signature|signing|` +
    String.raw`sanitiz\w*|antivirus|virus ?scan\w*|malware ?scan\w*|lockout|rate ?limit\w*|throttl\w*|secure|strict|required|enforce\w*|` +
    String.raw`protect\w*|validation|validate)\b`,
);
const ON = /^(?:true|on|yes|1|enabled)$/i;
const OFF = /^(?:false|off|no|0|disabled)$/i;

const switchWords = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .toLowerCase();

/** Whether the key names an opening or a protection a switch turns. */
function switchesProtection(key: string): boolean {
  const w = switchWords(key);
  return OPENING.test(w) || PROTECTION.test(w);
}

/** A switch turned its weaker way: an opening on, or a protection off, where it was not already. */
function weakerSwitch(key: string, before: string | null, after: string | null): boolean {
  if (after === null) return false;
  const w = switchWords(key);
  if (OPENING.test(w)) return ON.test(after) && !ON.test(before ?? '');
  if (PROTECTION.test(w)) return OFF.test(after) && !OFF.test(before ?? '');
  return false;
}

/** A divergence's risk class before its verdict is read: from its key and values, as the verdict
 * takes it (verdict.ts). */
function riskClassOf(d: Divergence): RiskClass {
  return d.kind === 'permission'
    ? 'permissions'
    : keyRisk(
        d.key,
        Object.values(d.values).flatMap((v) => [v.repo, v.live ?? null]),
      );
}

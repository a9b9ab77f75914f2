// The last word on every verdict, whatever rule produced it: a suggestion that moves a value toward
// production — writes into an environment a value it has never held, that an environment upstream
// of it holds — or widens a permission there, is never made with confidence unless the evidence
// says explicitly that the value is meant there: the safe suggestion (declare, needs a human) takes
// its place. Rules may change; this check does not move with them.
import type { Divergence, EnvName, HistoryEvent, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { allowedFor } from './contract.js';
import type { Findings } from './findings.js';
import { looksLoosened, RISK_WORDS } from './risk.js';
import { shown } from './words.js';
import { SecretFingerprint } from '../parse/fingerprint.js';

/** Confidence at or above which a suggestion reads as a recommendation. */
export const CONFIDENT = 0.6;
/** The confidence of the safe suggestion the safety net puts in place of a move: needs a human. */
export const SAFETY_CAP = 0.45;

type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'> & { explicit?: boolean; forTest?: string; dateAlone?: boolean };

/** Does the suggestion move a value toward production (or widen a permission there)? */
export function movesTowardProduction(d: Divergence, verdict: Partial, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): boolean {
  const into = verdict.drifted;
  if (verdict.suggested === 'declare' || into === null || verdict.value === null) return false;
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const value = verdict.value;
  const slot = d.values[into];
  if (slot?.repo === value || slot?.live === value) return false;
  const heldBefore = (history[into] ?? []).some((e) => e.to === value || e.from === value);
  if (heldBefore) return false;
  const fromUpstream = Object.entries(d.values).some(
    ([env, v]) => env !== into && rank(env) >= 0 && rank(env) < rank(into) && (v.repo === value || v.live === value),
  );
  const widens = context.risk === 'permissions' || d.kind === 'permission';
  return fromUpstream || widens;
}

/** A move toward production that is not explicit, and that the contract does not allow there,
 * is not suggested: the safe suggestion is to declare the difference while a person checks
 * (needs a human), with the move named in the question. Says why. */
export function safetyNet(d: Divergence, verdict: Partial, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): void {
  weakeningAsked(d, verdict, history, context, f);
  if (verdict.confidence < CONFIDENT || verdict.explicit) return;
  if (!movesTowardProduction(d, verdict, history, context)) return;
  const into = verdict.drifted!;
  if (allowedFor(context, d.key, into, verdict.value) === true) return;
  const risk = context.risk ?? 'none';
  const move = `${verdict.suggested} ${into} with ${shown(verdict.value)}`;
  f.add(
    'quality',
    `moving ${shown(verdict.value)} into ${into} (${risk === 'none' ? 'a setting' : RISK_WORDS[risk]}) needs explicit evidence that it is meant there, and none says so`,
  );
  f.say(`not suggesting to ${move}: the safe suggestion is to declare the difference while someone checks`);
  const question = `is ${shown(verdict.value)} meant for ${into}? Nothing in the history says so explicitly: if it is, ${move}; until then keep the difference declared.`;
  f.questions = [question, ...f.questions.filter((q) => q !== question)];
  Object.assign(verdict, { drifted: null, suggested: 'declare', value: null, confidence: Math.min(verdict.confidence, SAFETY_CAP) });
}

/** A move that weakens an environment further down the promotion order ("*" for CORS origins, "0.0.0.0/0"
 * for a source range, verification off, a limit lifted) is never confident, however explicit the text asking
 * for it ("Fix CORS errors (INC-56), needed in production too"): the fix a person makes is often narrower (the
 * new app's origin, not every origin). The move stands, at 0.55, with the question. */
function weakeningAsked(d: Divergence, verdict: Partial, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): void {
  if (verdict.confidence < CONFIDENT || verdict.suggested === 'declare' || verdict.drifted === null) return;
  const into = verdict.drifted;
  const held = d.values[into]?.repo ?? d.values[into]?.live ?? null;
  if (!looksLoosened(d.key, verdict.value) || looksLoosened(d.key, held)) return;
  if (!movesTowardProduction(d, verdict, history, context) || allowedFor(context, d.key, into, verdict.value) === true) return;
  f.add('quality', `${shown(verdict.value)} weakens ${d.key} where ${into} holds ${shown(held)}: a weakening is never suggested with confidence`);
  f.ask(`${verdict.suggested} ${into} with ${shown(verdict.value)} weakens ${d.key} there: is that what ${into} needs, or a narrower value?`);
  verdict.confidence = Math.min(verdict.confidence, 0.55);
}

/** Is the divergence's value a Secret's (held as a fingerprint, never as text)? */
export const isSecretValue = (d: Divergence, value: string | null): boolean =>
  SecretFingerprint.isFingerprint(value) || Object.values(d.values).some((v) => v.type === 'secret');

/** A credential belongs to one environment. A suggestion that writes into an environment a Secret's
 * value another environment holds (in its file or live) would share the credential between them: a
 * production password in staging, or a staging key in production that breaks what production
 * signed. Whatever rule proposed it, the difference is declared instead: each environment keeps, or
 * is given, its own credential. (The value is a fingerprint besides, which no file can take.)
 * Returns whether it took the move back. */
export function secretStaysHome(d: Divergence, verdict: Partial, f: Findings): boolean {
  const into = verdict.drifted;
  if (verdict.suggested === 'declare' || into === null || verdict.value === null) return false;
  if (!isSecretValue(d, verdict.value)) return false;
  const owner = Object.entries(d.values).find(([env, v]) => env !== into && (v.repo === verdict.value || v.live === verdict.value))?.[0];
  if (!owner) return false;
  f.add('quality', `${shown(verdict.value)} is ${owner}'s credential: a secret is never copied from one environment into another`);
  f.say(
    `not suggesting to ${verdict.suggested} ${into} with ${owner}'s secret: keep the difference declared; if ${into} needs a new value, rotate ${into}'s own in the secret store`,
  );
  Object.assign(verdict, { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: Math.min(verdict.confidence, 0.55) });
  return true;
}

/** A value set for a test (a load test, chaos, debugging, a QA run) never moves toward production
 * without a recorded word that it is meant there — a go, a report recommending it, a gate reported
 * passed — whatever its risk class and whatever the confidence: not on the promotion order, not on a
 * plan, not on a gate's date passing (a date is not the test's result). The suggestion that moves
 * nothing takes its place, as a question naming the move. Returns whether it stepped in. */
export function testStaysPut(d: Divergence, verdict: Partial, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): boolean {
  if (!verdict.forTest || (verdict.explicit && !verdict.dateAlone)) return false;
  if (!movesTowardProduction(d, verdict, history, context)) return false;
  const into = verdict.drifted!;
  if (allowedFor(context, d.key, into, verdict.value) === true) return false;
  const move = `${verdict.suggested} ${into} with ${shown(verdict.value)}`;
  f.add('quality', `${shown(verdict.value)} was set for a test ("${verdict.forTest}"), and nothing recorded since says it is meant for ${into}`);
  f.say(`not suggesting to ${move}: a value set for a test moves toward production only on a recorded word that it is meant there`);
  const question =
    `the test ${shown(verdict.value)} was set for ("${verdict.forTest}"): what did it show? ` +
    `If ${shown(verdict.value)} is meant for ${into}, ${move}; until someone records that, keep the difference declared.`;
  f.questions = [question, ...f.questions.filter((q) => q !== question)];
  Object.assign(verdict, { drifted: null, suggested: 'declare', value: null, confidence: Math.min(verdict.confidence, SAFETY_CAP), explicit: false });
  return true;
}

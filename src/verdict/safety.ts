// The last word on every verdict, whatever rule produced it: a suggestion that moves a value toward
// production — writes into an environment a value it has never held, that an environment upstream
// of it holds — or widens a permission there, is never confident unless the evidence says
// explicitly that the value is meant there. Rules may change; this check does not move with them.
import type { Divergence, EnvName, HistoryEvent, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { allowedFor } from './contract.js';
import type { Findings } from './findings.js';
import { RISK_WORDS } from './risk.js';
import { shown } from './words.js';

/** Confidence at or above which a suggestion reads as a recommendation. */
export const CONFIDENT = 0.6;
/** Where the safety net leaves a move it does not let through. */
export const SAFETY_CAP = 0.55;

type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'> & { explicit?: boolean };

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

/** Caps a move toward production below CONFIDENT unless the evidence is explicit or the contract
 * allows the value there. Says so, and asks the question a person must answer. */
export function safetyNet(d: Divergence, verdict: Partial, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): void {
  if (verdict.confidence < CONFIDENT || verdict.explicit) return;
  if (!movesTowardProduction(d, verdict, history, context)) return;
  const into = verdict.drifted!;
  if (allowedFor(context, d.key, into, verdict.value) === true) return;
  const risk = context.risk ?? 'none';
  f.add(
    'quality',
    `moving ${shown(verdict.value)} into ${into} (${risk === 'none' ? 'a setting' : RISK_WORDS[risk]}) needs explicit evidence that it is meant there, and none says so: the suggestion stays below ${CONFIDENT}`,
  );
  f.ask(`is ${shown(verdict.value)} meant for ${into}? Nothing in the history says so explicitly.`);
  verdict.confidence = Math.min(verdict.confidence, SAFETY_CAP);
}

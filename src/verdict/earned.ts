// Confidence is earned by the evidence, not by the branch that answered (issue 10 points 4 and 6).
// A move toward production that rests on a plan the change itself stated — "staging now,
// production next", "in staging, then everywhere", "prod to follow" — is one early word: it says
// what someone meant to do then, not that it is still meant. Such a move reaches 0.6 only when
// something read after the change confirms the plan (a gate reported passed, the gate's own date
// gone by, a later word letting the environment follow, a phase reported over, a linked commit that
// carried it); with nothing after it, it stays below 0.6 and says what would confirm it. A move
// that rests on more than the plan — a typo fixed, an incident's fix, a vulnerability fix, a
// change filed into the wrong environment's file, a phase ended — is not a plan alone. What
// weakens a move read later (a withdrawal, a contrary word, a flapping value, an unmet gate) is
// weighed by the rules that read it (superseded.ts, held.ts, quality.ts, disagreement.ts).
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { Findings } from './findings.js';
import type { Intent } from './intent.js';
import { CONFIDENT } from './safety.js';
import { short } from './words.js';

/** The highest confidence of a move on a plan nothing later confirmed. */
export const PLAN_ALONE = 0.55;

/** The plan the change's text states for `env` to follow: its rollout's next step, a gate after
 * which it follows, or "then everywhere". */
export function planOf(intent: Intent | undefined, env: EnvName | null, text: string): string | undefined {
  if (!intent || env === null) return undefined;
  if (intent.rollout?.next.includes(env)) return intent.rollout.phrase;
  if (intent.hold?.follows && intent.hold.envs.includes(env)) return intent.hold.phrase;
  return intent.everywhere ? laterStep(text, intent.everywhere) : undefined;
}

// A word that puts what follows it after the change: "then", "next", "later", "after that",
// "dann", "danach", "luego", "después", "puis", "ensuite", "poi", "depois".
const THEN =
  /(?<![\p{L}])(?:then|next|later|afterwards|after that|followed by|dann|danach|später|luego|después|más tarde|puis|ensuite|plus tard|poi|dopo|depois|mais tarde)(?![\p{L}])/iu;

/** "in staging, then everywhere": the everywhere is a later step of a plan, not where the change went. */
function laterStep(text: string, everywhere: string): string | undefined {
  const lower = text.toLowerCase();
  const at = lower.indexOf(everywhere.toLowerCase());
  if (at < 0) return undefined;
  const before = lower.slice(Math.max(0, at - 40), at);
  const lead = before.split(/[.;!?\n]/).at(-1) ?? '';
  const then = THEN.exec(lead)?.[0];
  return then ? `${then} ${everywhere}` : undefined;
}

export interface Grounds {
  /** The verdict moves a value toward production (into a later environment). */
  toward: boolean;
  /** The plan the move rests on alone, where it rests on nothing more. */
  plan: string | undefined;
  /** What read after the change confirms it. */
  confirmed: string | undefined;
  /** The change that stated the plan. */
  change: HistoryEvent;
}

/** Caps a move toward production on a plan alone, unconfirmed, below 0.6 and asks what would confirm it. */
export function earned(verdict: { confidence: number; drifted: EnvName | null; value: string | null }, g: Grounds, f: Findings): void {
  if (!g.toward || !g.plan || g.confirmed || verdict.confidence < CONFIDENT) return;
  const into = verdict.drifted!;
  f.add(
    'quality',
    `${short(g.change.commit)}'s plan ("${g.plan}") is the only word that ${into} should follow, and nothing written since confirms it`,
    g.change.commit,
  );
  f.ask(
    `${short(g.change.commit)} planned ${into} to follow ("${g.plan}"): is that still the plan? A later go for ${into} (a commit or a note citing the change) would confirm it.`,
  );
  verdict.confidence = Math.min(verdict.confidence, PLAN_ALONE);
}

/** A temporary change with no date that has outlived a few days: a question for its owner, not a
 * move (holdout-11/30: the "for now" became the setting). */
export const UNDATED_AGED = 0.5;
/** A rollout's next step not taken for weeks, with nothing written since: a lag, not a rollout in
 * progress (holdout-11/09). */
export const LAGGING_ROLLOUT = 0.5;
/** A change past the end its own text dated: undone with confidence. */
const OWN_END = 0.75;

/** The confidence of undoing a change past its end: earned by an end the change's own text dates.
 * An end that is an event a document dated ("until the freeze ends", the freeze calendar's date) is
 * another text's calendar, which may have moved without the change's owner writing a word: below
 * a recommendation, asking whether the event did end. Whether anything written after the change
 * keeps the value is weighed for every verdict (readers.ts, later.ts). */
export function endEarned(datedElsewhere: boolean, change: HistoryEvent | undefined, f: Findings): number {
  if (!datedElsewhere) return OWN_END;
  if (change) {
    f.ask(
      `${short(change.commit)}'s change was to last until an event that a document dates, not its own text: has that event ended? ` +
        'If it has, revert it; if the plan changed, declare the difference.',
    );
  }
  return PLAN_ALONE;
}

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
import { mentions } from './envnames.js';
import { regex } from './pattern.js';

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

/** The reason a text states for a difference, which a sure declare stands on: the change kept to
 * its environment or to a test (a purpose), another environment said to keep its value, one side's
 * value insisted on, a time limit with a date, or a per-environment design (`perEnvironment`).
 * Naming environments is no reason ("Production and staging both get the shared Redis"), nor is an
 * incident, a typo fix or an everywhere: they say why a value changed, not why two environments differ. */
export function statedReason(intent: Intent, text: string, envs: EnvName[]): string | undefined {
  return (
    intent.scope?.phrase ??
    (intent.hold && !intent.hold.follows ? intent.hold.phrase : undefined) ??
    intent.pinned ??
    (intent.temporary?.until ? intent.temporary.phrase : undefined) ??
    perEnvironment(text, envs)
  );
}

// A design stated per environment: "per environment", "each with its own", "the registration of that
// environment", "pro Umgebung", "por entorno", "par environnement", "per ambiente".
const PER_ENV = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:per[- ](?:env(?:ironment)?|stage|cluster)|(?:each|every) (?:env(?:ironment)?|stage|cluster) (?:has|gets|needs|with) its own|`,
  String.raw`(?:each|every one) with (?:its|their) own|its own (?:\p{L}+ )?per|(?:of|for|in) that env(?:ironment)?|`,
  String.raw`(?:pro|je) (?:Umgebung|Stage)|por (?:entorno|ambiente)|par (?:environnement|env)|per (?:ambiente))(?![\p{L}])`,
);
// Why one environment holds its value, in the clause that names it: a purpose or a cause ("prod
// spans 3 AZs for the SLO", "staging in GOVERNANCE mode so the refresh can purge", "dev/staging run
// in fewer AZs to save NAT cost", "staging -> the PSP test platform").
const BECAUSE = regex(
  'iu',
  String.raw`(?:->|→|=>)|(?<![\p{L}])(?:for (?:the|our|its|their)|so(?: that)?|to (?:save|keep|avoid|spare|protect|limit|match)|because|since|due to|`,
  String.raw`wegen|weil|damit|porque|para que|parce que|pour (?:que|le|la|les)|perché|omdat|zodat)(?![\p{L}])`,
);
// A clause about the environments alike says nothing of why they differ: "both get the shared Redis".
const ALIKE = /(?<![\p{L}])(?:both|all|every|alike|same|too|also|beide|alle|ambos|todos|tous)(?![\p{L}])/iu;

/** A per-environment design the text states: in so many words ("per environment", "each with its
 * own"), a clause that names an environment and says why it holds its value, or environments each
 * given their own in clauses of their own. */
export function perEnvironment(text: string, envs: EnvName[]): string | undefined {
  const said = PER_ENV.exec(text)?.[0];
  if (said) return said;
  // Each environment given its own in a clause of its own: "production reads the live feed (b), dev
  // and staging the sandbox (a)", "staging GOVERNANCE …; prod COMPLIANCE".
  const own = new Map<EnvName, string>();
  for (const clause of text.split(/[\n.;!?]+|,\s|\s[—–]\s/)) {
    const named = envs.filter((env) => mentions(clause, env));
    if (named.length === 0 || ALIKE.test(clause)) continue;
    if (BECAUSE.test(clause)) return clause.trim();
    for (const env of named) if (!own.has(env)) own.set(env, clause.trim());
  }
  const clauses = new Set(own.values());
  return clauses.size >= 2 ? [...clauses].join('; ') : undefined;
}

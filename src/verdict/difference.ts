// A value that differs between environments' files (cross-env, missing, an expired declaration):
// when they last agreed, who changed since, what the change's text and links say it was for, and
// what a careful engineer would do about it.
import { citedDecision } from './cited-decision.js';
import { quoteOf } from './passage.js';
import { NEEDS_A_HUMAN } from '../wording/verdict.js';
import { placeText } from '../wording/text.js';
import {
  isUncommitted,
  type Divergence,
  type EnvName,
  type HistoryEvent,
  type KeyChange,
  type RiskClass,
  type UncommittedChange,
  type Verdict,
} from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import { readRemoval } from './contract-history.js';
import {
  clauseSendsTo,
  defersDecisionFor,
  decisionLeftTo,
  returnAwaitsDecision,
  goesTo,
  keepsIn,
  readIntent,
  reportsDone,
  restFollows,
  sameTroubleIn,
  scopeForNow,
  speaks,
  type Intent,
} from './intent.js';
import { approvedIn, conditionMet, conditionWords, versionIn, type Met } from './conditions.js';
import { documentIndex, keyLeaf, keyName, namesValue, passages } from './documents.js';
import { endBeside } from './end-beside.js';
import { answerTo } from './answers.js';
import { conflictsIn, intentText, newer, ticketsIn } from './log.js';
import { aboutKey, intentOfChange, recordIntent, siblingsOf } from './intent-evidence.js';
import { noLinks, readLinks } from './links.js';
import { allowedFor } from './contract.js';
import { describeFreeze, freezeOn, keyMentions, speaksOfFreeze } from './notes.js';
import { envPattern, mentions } from './envnames.js';
import { staleFileOf } from './stale-file.js';
import { actionStep } from './action-step.js';
import { adoptedForEveryone } from './adopted.js';
import { cutoverAhead } from './cutover.js';
import { foreignFamily, saidMatch } from './languages.js';
import { regex } from './pattern.js';
import { eventText, withoutContingencies } from './contingency.js';
import { namesDate, readDeadline } from './deadline.js';
import { disputed } from './contradiction.js';
import { copiedFrom } from './copied.js';
import { unitSlip } from './unit-slip.js';
import { rehearses } from './rehearsal.js';
import { awaitsAnswer } from './awaited-answer.js';
import { awaitedBeside, incidentAnswerAwaited } from './answer-awaited.js';
import { harmReported } from './harm-report.js';
import { troubleBack } from './trouble-back.js';
import { keptUntilVersion, versionPassedIn, versionReached, versionWaitedFor } from './version-reached.js';
import { eventEnd, statedEnd } from './events.js';
import { gateFor, planDocumentGate } from './gates.js';
import { daysAfter, soakGate, soakPassed, troubleSince } from './soak.js';
import { earned, endEarned, LAGGING_ROLLOUT, PLAN_ALONE, planOf, statedReason, UNDATED_AGED } from './earned.js';
import { keptSince } from './kept-since.js';
import { measuredCondition } from './measured-condition.js';
import { followsAfter, keepsValue, keyWords, latestWord, takenBackBelow } from './held.js';
import type { Message } from './log.js';
import { changedSince, lastAgreement, moments, newestFirst } from './ordering.js';
import { flaps, qualityCap, QUALITY_CAP } from './quality.js';
import { isPerEnvironment, isRisky, looksLoosened, RISK_WORDS } from './risk.js';
import { compareVersions, parseVersion } from '../parse/version-numbers.js';
import { change, commitOf, day, daysBetween, describeChange, describeCommit, describeMessage, list, round, short, shown } from './words.js';
import { pendingFor } from './pending.js';
import { acceptanceStep } from './acceptance.js';
import { shadowedBase } from './layered.js';
import { answersOf, movedPast, type LaterAnswer } from './answered.js';
import { awaitedEvent, eventAhead, eventWords, type EventAhead } from './event-ahead.js';
import { linkedPassages } from './documented.js';
import { reopenedSince } from './reopened.js';
import { newestAnswersFirst } from './answers.js';
import { goGate, goGiven, peopleOf, type GoGate, type GoWord } from './approval.js';
import { leftOutOfReapply, ownWords } from './reapplied.js';
import { markedNotToMerge, mergedAnyway } from './unmerged.js';
import { openQuestion } from './asked.js';
import { deferredSince } from './deferred-later.js';
import { reproducedFixed, reproducing } from './reproduced.js';
import { sentenceEnds } from './sentence-end.js';
import { checkMet } from './check-met.js';

export type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'> & {
  /** The evidence says explicitly that the value is meant where the suggestion writes it (a
   * misfiled change, "for every environment", a typo fix, a phase that ended, a ticket that
   * carried it, a contract entry removed to align them): the safety net lets it stay confident. */
  explicit?: boolean;
  /** What was read after the change that confirms the move (a gate reported passed, a gate's date
   * gone by, a later word letting the environment follow, a phase reported over): a plan the
   * change stated earns a confident move only with it (`earned.ts`). */
  confirmed?: string;
  /** Only the promotion order spoke: the environment that would have followed, where a later word
   * on its own file can still say the difference is meant. */
  lagging?: EnvName;
  /** The value was set for a test, debugging or a QA run (the phrase that says so): it never moves
   * toward production on a default, a plan or a date (safety.ts `testStaysPut`). */
  forTest?: string;
  /** The move rests on a gate's date having passed, not on a word that the gate was met. */
  dateAlone?: boolean;
  /** The move codifies a value a person's written word keeps (a document, a note, an annotation
   * on the live object): where it is. A contract entry that forbids the value is then the side to
   * update, not the value (contract.ts `guardSuggestion`). */
  keptBy?: string;
  /** The move follows a committed policy for how this environment's values reach the next, and its
   * condition is met (a soak gate whose time passed quietly): a bot's or a bare message is what such
   * a policy expects, so the message's silence does not take the move back. Where it was read. */
  governed?: string;
};

/** A clause that sets a condition for later. */
const CONDITION_LEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|when|once|as soon as|after|not before|bis|sobald|wenn|nachdem|nicht vor|hasta|cuando|después|no antes|`,
  String.raw`une fois|quand|après|pas avant|dopo|non prima)(?![\p{L}])`,
);

/** Kinds of key where a value meant for a test or one environment does harm in production. */
const STRONG_RISK = new Set<RiskClass>(['security', 'permissions', 'debug', 'secret', 'alerting']);

/** The most a move followed under a met policy (governed) may claim when its own message is weak. */
const GOVERNED_CAP = 0.55;

/** Kinds of key whose value reaching production is a release decision someone signs off. */
const RELEASE_RISK = new Set<RiskClass>(['feature-flag', 'rate-limit']);

/** A check that stands between a rollout's steps: a soak, a sign-off, a test, a condition. */
/** A sign-off for an environment: "signed off for production", "approved for prod", "OK to apply to prod", "green light for live". */
const signedOffFor = (env: EnvName) =>
  new RegExp(
    String.raw`\b(?:signed[- ]off|approved|cleared|green[- ]?lit|(?:got |gave |have )?(?:the )?green light|ok(?:ay)?|good to go)\s+` +
      String.raw`(?:for|to (?:apply (?:it )?to|go (?:to|live (?:in|on))|roll (?:it )?(?:out )?to|ship to|promote to|deploy to))\s+(?:the\s+)?(?:${envPattern(env)})\b`,
    'iu',
  );

const GATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:soak|bake|verif\w*|validat\w*|sign[- ]?off|approv\w*|review\w*|monitor\w*|qa|test\w*|green|cab|`,
  // An acceptance step is a gate (acceptance.ts): "for acceptance", "Abnahme", "recette", "homologação".
  String.raw`accept\w*|abnahme|recette|homolog\w*|collaudo|`,
  String.raw`once|after|until|till|when|if|unless|not before|sobald|nach|après|después|cuando)(?![\p{L}])`,
);

/** A hold that is a wait for a gate, not a scope: "not yet", "pending approval", "awaiting sign-off". */
const WAITS_ON_GATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:not|don'?t|do not|never)(?: \S+){0,3} yet|pending(?: \S+){0,2} (?:approval|sign-?off|review|ok)|`,
  String.raw`(?:awaiting|waiting for|until)(?: \S+){0,2} (?:approval|sign-?off|review|go-?ahead|ok))(?![\p{L}])`,
);

// A plan's date given with a condition of its own, right after it ("Production follows at the end of
// November, once the contract is signed", "prod on 1 Dec provided legal signs off", "Prod am 30.11., sobald
// der Vertrag unterschrieben ist", "la prod le 30/11, une fois les numéros enregistrés"): the date is when
// its writer expected the condition to hold, and its passing says nothing of whether it did.
const CONDITION_AFTER = regex(
  'iu',
  String.raw`^[^.!?\n]{0,80}?(?<![\p{L}])(?:once|as soon as|provided(?: that)?|subject to|on condition that|if and when|`,
  String.raw`sobald|vorausgesetzt|unter der Bedingung|une fois(?: que)?|dès que|sous réserve|à condition que|una vez(?: que)?|`,
  String.raw`en cuanto|siempre que|assim que|desde que|zodra|mits)(?![\p{L}])\s+([^.!?\n]{4,160})`,
);

/** The condition a plan's date sentence sets beside the date (`phrase` is the hold as read), when it is not
 * a date itself ("once the freeze ends on 30 November" is the freeze's date, the gate weighed as a date). */
function conditionBeside(text: string, phrase: string): string | undefined {
  const flat = text
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
  const at = flat.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return undefined;
  const rest = flat.slice(at + phrase.length);
  const m = CONDITION_AFTER.exec(rest);
  // "… on 15 Oct if adoption is >= 90 % by then": a measured target in the date's own sentence (measured-condition.ts).
  if (!m) {
    const stop = rest.search(/[.!?](?=\s|$)/);
    return measuredCondition(`${phrase} ${stop < 0 ? rest : rest.slice(0, stop)}`);
  }
  const clause = m[1]!.trim();
  return namesDate(clause) ? undefined : clause;
}

/** Words of waiting anywhere in the text: "waits for legal", "pending", "not before", "until". */
const WAITS = /(?<![\p{L}])(?:waits?|waiting|pending|before|until|till|unless|sobald|bis|hasta|jusqu)(?![\p{L}])/iu;

/** Git's attestation trailers (a line each): who reviewed, signed off, tested or approved the commit, done. */
const ATTESTATION = /^(?:Reviewed|Signed-off|Tested|Acked|Approved|Co-authored|Reported|Suggested|Helped)-by:[^\n]*$/gim;

/** A vehicle the next step travels with: a release, a deploy, a train, a version. */
const VEHICLE = /(?<![\p{L}\p{N}.])(?:releases?|deploy\w*|train|versions?|sprint|v?\d+\.\d+)(?![\p{L}])/iu;

// A routine check of the writer's own before the next step: a smoke test, a sanity check, a quick look.
const ROUTINE_CHECK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|once|nach|tras|después de|despues de|après|na)\s+(?:a |an |the |einem |dem |una |la |un |le |een |de )?`,
  String.raw`(?:quick |short |kurzen? |rápida |rapide )?(?:smoke[- ]?test\p{L}*|smoke|sanity[- ]check|quick check|spot[- ]check|`,
  String.raw`kurzen? (?:Test|Check)|Smoke-?Test|prueba de humo|test de fumée|rooktest)(?![\p{L}])`,
);
// The next day, as its writer says it: "tomorrow", "next day", "morgen", "mañana", "demain".
const NEXT_DAY = /(?<![\p{L}])(?:tomorrow|next day|the day after|morgen|am nächsten tag|mañana|al día siguiente|demain|le lendemain)(?![\p{L}])/iu;
/** Days past a next-day step after which it is forgotten rather than waiting. */
const ROUTINE_OVERDUE_DAYS = 7;

/** The routine check that is the only gate the clauses naming the next step set, with the step
 * planned for the next day; undefined when any other gate stands (an approval, a soak, a release). */
function routineStep(clauses: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const clause of clauses) {
    const m = ROUTINE_CHECK.exec(clause);
    if (!m || !NEXT_DAY.test(clause)) return undefined;
    if (GATE.test(clause.replace(m[0], ' ').replace(ATTESTATION, ''))) return undefined;
    found ??= m[0];
  }
  return found;
}

/** Nothing was written about the step since `commit`: no answer to it (`answered` counts them), and no
 * later message naming the key's words beside the next environment or the check. */
function routineStepAlone(c: Case, commit: HistoryEvent, drifted: EnvName, answered: number, today: string | undefined, ownMerges = false): boolean {
  if (answered > 0) return false;
  const words = keyWords(c.d.key).filter((w) => w.length >= 4);
  const since = Date.parse(commit.date);
  // The merges that brought the change in are its own text (intentText), not a word written since.
  const own = new Set(ownMerges ? (c.context.log?.broughtBy.get(commit.commit) ?? []) : []);
  for (const m of c.context.log?.messages.values() ?? []) {
    if (Date.parse(m.date) <= since || (today && m.date.slice(0, 10) > today) || own.has(m.sha)) continue;
    const text = `${m.subject}\n${m.body}`;
    const lower = text.toLowerCase();
    if (words.some((w) => lower.includes(w)) && (mentions(text, drifted) || ROUTINE_WORD.test(text))) return false;
  }
  return true;
}
const ROUTINE_WORD = /smoke|sanity|prueba de humo|fumée|rooktest/iu;

/** Days after which a temporary change with no date is overdue, and a rollout has stalled. */
const OVERDUE_DAYS = 14;
// A time word that states an end, dated or not ("until the backfill is done"): not a bare "for now".
const UNTIL_WORD = /(?<![\p{L}])(?:until|till|by|bis|hasta|jusqu|fino|até|tot|do)(?![\p{L}])/iu;
const STALLED_ROLLOUT_DAYS = 45;

export function valueDifference(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): Partial {
  const envs = Object.keys(d.values);
  const current = (env: EnvName) => d.values[env]?.repo ?? null;
  const events: Record<EnvName, HistoryEvent[]> = Object.fromEntries(envs.map((env) => [env, newestFirst(history[env] ?? [])]));
  if (d.kind === 'stale-declaration' && d.contract?.expires) {
    f.add(
      'contract',
      `the contract declared this difference until ${d.contract.expires}${d.contract.reason ? ` (${d.contract.reason})` : ''}; that has expired`,
    );
  }

  // Uncommitted edits: the work tree holds a value history has not seen.
  const uncommitted = envs.filter((env) => (events[env]![0]?.to ?? null) !== current(env));
  for (const env of uncommitted)
    f.add(
      'quality',
      `${env}'s file holds ${shown(current(env))} in the work tree, which is not committed (git history ends at ${shown(events[env]![0]?.to ?? null)})`,
    );

  // A change of a base file the environments share, shadowed by an environment's own file: read as
  // the base change and the override it met, not as one environment's change (layered.ts).
  const shadowed = uncommitted.length === 0 ? shadowedBase(d, events, context, f) : undefined;
  if (shadowed) return shadowed;

  const timeline = moments(events, envs);
  const agreement = lastAgreement(timeline, envs);
  if (agreement) {
    const agreedAt = timeline[agreement.index]!.events[0]!.event;
    f.add('order', `${list(envs)} last agreed on ${shown(agreement.value)} after ${describeCommit(agreedAt)}`, agreedAt.commit);
    const changed = new Map<EnvName, KeyChange>(changedSince(timeline, agreement.index));
    const chains = chainsSince(timeline, agreement.index);
    for (const env of uncommitted) if (!changed.has(env)) changed.set(env, uncommittedEdit(current(env), events[env]![0]));
    // An environment that changed and came back to the agreed value holds no change any more.
    const cameBack = new Map<EnvName, KeyChange>();
    for (const [env, event] of changed) {
      if (current(env) !== agreement.value || changed.size < 2) continue;
      changed.delete(env);
      cameBack.set(env, event);
      f.add('order', `${env} changed it since but came back to ${shown(agreement.value)} in ${describeChange(event)}`, commitOf(event));
    }
    return decide(d, events, changed, envs, context, f, chains, agreedAt, cameBack);
  }

  // They never agreed on a value.
  const firsts = envs.map((env) => ({ env, event: events[env]!.at(-1) }));
  const present = firsts.filter((x) => x.event);
  const never = envs.filter((env) => events[env]!.length === 0 && current(env) === null);
  // A shallow clone's oldest commit shows every value it holds as new: that is where the history
  // read starts, not where anyone added them.
  const boundary = present.filter((x) => x.event!.truncated);
  const held = boundary.length > 0 ? `held it when the history starts at the shallow boundary (${describeCommit(boundary[0]!.event!)})` : 'added it';
  if (never.length > 0 && present.length > 0) {
    // Declared in some environments only: the ones that added it chose to; the others never had it.
    const changed = new Map<EnvName, HistoryEvent>(present.map((x) => [x.env, events[x.env]![0]!]));
    f.add('order', `${list(never)} never had this key${boundary.length > 0 ? ' in the history read' : ''}; ${list(present.map((p) => p.env))} ${held}`);
    return decide(d, events, changed, envs, context, f);
  }
  const sameCommit = present.length === envs.length && new Set(present.map((x) => x.event!.commit)).size === 1;
  if (sameCommit && boundary.length > 0) {
    const start = present[0]!.event!;
    f.add(
      'order',
      `history starts at the shallow boundary, ${describeCommit(start)}: ${envs.map((env) => `${env} ${shown(events[env]!.at(-1)!.to)}`).join(', ')} already; how they came to differ lies before it`,
      start.commit,
    );
    f.ask(`why does ${d.key} differ? The change that made it predates this shallow clone's history: fetch it (git fetch --unshallow), or ask the key's owner.`);
    f.say('the evidence cannot decide: declare the difference while someone checks');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: QUALITY_CAP };
  }
  const removed = sameCommit ? fromRemoval(d, context, f) : undefined;
  if (removed) return removed;
  if (sameCommit) {
    const created = present[0]!.event!;
    f.add(
      'order',
      `added with different values in the same commit, ${describeCommit(created)}: ${envs.map((env) => `${env} ${shown(events[env]!.at(-1)!.to)}`).join(', ')} — set apart from the start`,
      created.commit,
    );
    // A difference born in one commit is judged like any other: an environment that changed it
    // since is weighed by its latest change, not by the creation alone.
    const since = envs.filter((env) => events[env]![0]!.commit !== created.commit);
    if (since.length > 0) {
      const later = new Map<EnvName, HistoryEvent>(since.map((env) => [env, events[env]![0]!]));
      const chains = new Map(since.map((env) => [env, events[env]!.filter((e) => e.commit !== created.commit)]));
      return decide(d, events, later, envs, context, f, chains);
    }
    const first = leaderOf(created, envs, context) ?? context.promotion.find((env) => envs.includes(env))!;
    const intent = intentOfChange(created, first, context, f);
    // … and one whose text stages it ("staging only for now; production waits for the CAB") is a
    // rollout that started there: its gate is weighed against what was written later.
    const waiting = envs.filter((env) => env !== first && (!!intent.rollout?.next.includes(env) || (!!intent.hold?.follows && intent.hold.envs.includes(env))));
    if (waiting.length > 0) return decide(d, events, new Map([[first, created]]), envs, context, f);
    recordIntent(first, created, intent, f);
    const until = intent.temporary?.until;
    if (intent.rollout) f.ask(`the rollout started in ${describeCommit(created)}: has it been signed off for the next environment?`);
    f.say(`suggest declaring the difference in the contract${until ? ` until ${until}` : ''}`);
    // Different values written at once show that someone typed them, not that they meant the
    // difference. A declare is sure only on a stated reason for it (a scope, a hold or an insistence
    // on one side's value, a dated time limit): a commit that says nothing ("wip", a ticket id), or
    // only names the environments ("Production and staging both get the shared Redis"), leaves it
    // to a person.
    // A secret is each environment's own by what it is (one credential shared by staging and
    // production is the mistake), whatever the commit says.
    const written = intentText(created, context.log);
    const reason = context.risk === 'secret' ? 'a secret, each environment its own' : statedReason(intent, `${written.subject}\n${written.body}`, envs);
    if (!reason) f.ask(`${describeCommit(created)} says nothing about why ${d.key} differs: is each environment's value meant?`);
    const confidence = reason ? 0.7 : QUALITY_CAP;
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence, ...(until ? { expires: until } : {}) };
  }
  const origin = (e: HistoryEvent) =>
    e.truncated ? `held ${shown(e.to)} at the shallow boundary, ${describeCommit(e)}` : `was created with ${shown(e.to)} in ${describeCommit(e)}`;
  f.add('order', `never equal: ${present.map((x) => `${x.env} ${origin(x.event!)}`).join('; ')}`);
  const changed = new Map<EnvName, HistoryEvent>(present.map((x) => [x.env, events[x.env]![0]!]));
  const verdict = decide(d, events, changed, envs, context, f);
  verdict.confidence = round(verdict.confidence * 0.6);
  return verdict;
}

/** The environment a commit that set the values apart started in, where its text says so: the one
 * whose reading sends another on later ("production migrated; recette in a second step", "Prod zuerst,
 * Staging später") — whatever the promotion order puts first. */
function leaderOf(created: HistoryEvent, envs: EnvName[], context: VerdictContext): EnvName | undefined {
  const text = intentText(created, context.log);
  const sends = (env: EnvName) => {
    const read = readIntent(text, env, context.environments);
    return envs.some((o) => o !== env && (!!read.rollout?.next.includes(o) || (!!read.hold?.follows && read.hold.envs.includes(o))));
  };
  const leaders = envs.filter(sends);
  return leaders.length === 1 ? leaders[0] : undefined;
}

/** The change says it made `env`'s file match another environment's ("sync pool settings with
 * prod") yet wrote a value that environment does not hold: the text is the intent, the value a
 * slip. Corrected toward the source it named — confidently when the commit's other keys did take
 * the source's values and the correction leaves production as it is; never by moving a value into
 * a later environment than the one that slipped. */
function slipInCopy(c: Case, decisive: HistoryEvent, env: EnvName, intent: Intent): Partial | undefined {
  const { d, context, f } = c;
  if (intent.scope || intent.hold || intent.pinned || intent.temporary) return undefined;
  const said = copiedFrom(ownWords(decisive.subject, decisive.body), env, Object.keys(d.values));
  if (!said) return undefined;
  // The comment beside the value is read as the change's text (decide), but a comment the change kept
  // rather than wrote may say why the value USED to be what it was ("# same as production: its alerts are
  // tested here"). A message that names the value it wrote ("retention 7d (saving K-12)") meant that value:
  // the copy said only in the comment is no evidence of a slip.
  const note = d.values[env]?.note;
  const message = note && decisive.body.endsWith(note) ? decisive.body.slice(0, -note.length) : decisive.body;
  const written = c.value(env);
  if (
    note &&
    written !== null &&
    !copiedFrom(ownWords(decisive.subject, message), env, Object.keys(d.values)) &&
    namesValue(`${decisive.subject}\n${message}`, written)
  )
    return undefined;
  const source = said.from;
  const meant = c.value(source);
  if (meant === c.value(env)) return undefined;
  // The commit's other keys in this environment: did they take the source's values?
  const latest = (key: string) => {
    const list = context.log?.envs.get(source)?.get(key);
    return list && list.length > 0 ? newestFirst(list)[0]!.to : undefined;
  };
  const siblings = (context.log?.commits.get(decisive.commit)?.changes ?? []).filter((x) => x.env === env && x.key !== d.key);
  const matched = siblings.filter((x) => latest(x.key) === x.event.to);
  const corroborated = siblings.length > 0 && matched.length === siblings.length;
  f.add(
    'intent',
    `${short(decisive.commit)} says it makes ${env} match ${source} ("${said.phrase}") but wrote ${shown(c.value(env))} where ${source} holds ${shown(meant)}` +
      (siblings.length > 0
        ? `; ${matched.length} of its ${siblings.length} other key${siblings.length === 1 ? '' : 's'} in ${env} took ${source}'s value`
        : ''),
    decisive.commit,
  );
  if (c.rank(env) > c.rank(source)) {
    f.ask(`${short(decisive.commit)} meant ${env} to match ${source} but wrote ${shown(c.value(env))}: is it a slip (${source}'s ${shown(meant)}), or meant?`);
    f.say(`the text and the value disagree, and the correction would move a value into ${env}: declare the difference while someone checks`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: QUALITY_CAP };
  }
  f.say(`${env}'s ${shown(c.value(env))} looks like a slip in a change meant to copy ${source}: set ${env} to ${shown(meant)}`);
  if (!corroborated) f.ask(`did ${short(decisive.commit)} (${decisive.author}) mean ${shown(c.value(env))} for ${env}, or ${source}'s ${shown(meant)}?`);
  return { deliberate: source, drifted: env, suggested: 'revert', value: meant, confidence: corroborated ? 0.65 : 0.5, explicit: corroborated };
}

// The words for a unit a number may be written with, beyond the unit's own letters: "5 s", "5 Sekunden".
const UNIT_WORDS: Record<string, string> = {
  s: 's|sec|secs|second|seconds|sekunde|sekunden|sekund|sekunder|seconde|secondes|segundo|segundos|secondi|seconden',
  ms: 'ms|millisecond|milliseconds|millisekunde|millisekunden|millisekunder|milliseconde|millisecondes|milisegundos',
  m: 'm|min|mins|minute|minutes|minuten|minuter|minutter|minutos|minuti',
  min: 'm|min|mins|minute|minutes|minuten|minuter|minutter|minutos|minuti',
  h: 'h|hr|hrs|hour|hours|stunde|stunden|timme|timmar|time|timer|heure|heures|hora|horas|ore|uur',
};

/** The change says it makes `env` match another environment ("auf 5 s in prod, wie stage") and
 * states the value with that environment's unit, but wrote the bare number ("5" where stage holds
 * "5s"): a number without its unit means something else to the program reading it (milliseconds,
 * as often as not), so the text and the source's value are the intent and the bare number a slip.
 * Corrected toward the source at no more than 0.55: it moves the environment that slipped. */
function unitDroppedInCopy(c: Case, event: HistoryEvent, env: EnvName): Partial | undefined {
  const { d, f } = c;
  const written = c.value(env);
  if (written === null || !/^\d{1,9}(?:\.\d{1,6})?$/.test(written)) return undefined;
  const text = `${event.subject}\n${event.body}`;
  const said = copiedFrom(text, env, Object.keys(d.values));
  if (!said) return undefined;
  const meant = c.value(said.from);
  const unit = meant?.startsWith(written) ? meant.slice(written.length).trim().toLowerCase() : undefined;
  const words = unit ? UNIT_WORDS[unit] : undefined;
  if (!meant || !words) return undefined;
  const stated = new RegExp(String.raw`(?<![\d.])${written.replace('.', String.raw`\.`)}\s?(?:${words})(?![\p{L}])`, 'iu').exec(text);
  if (!stated) return undefined;
  const note = d.values[said.from]?.note;
  f.add(
    'intent',
    `${short(event.commit)} says it sets ${stated[0]} in ${env}, like ${said.from} ("${said.phrase}"), but wrote the bare number ${shown(written)} where ${said.from} holds ${shown(meant)}` +
      (note ? `; ${said.from}'s file says beside it: "${note.slice(0, 120)}"` : ''),
    event.commit,
  );
  f.say(`${env}'s ${shown(written)} dropped the unit the change meant (${stated[0]}): revert ${env} to ${shown(meant)}, as ${said.from} holds`);
  f.ask(`did ${short(event.commit)} (${event.author}) mean ${shown(written)} without a unit in ${env}, or ${said.from}'s ${shown(meant)}?`);
  return { deliberate: said.from, drifted: env, suggested: 'revert', value: meant, confidence: 0.55 };
}

/** A gate or an end the text names as an event without a date ("prod after the freeze", "until
 * the DR drill") takes the date the change's own sentence gives it ("production after the change
 * freeze (ends 2026-11-30)", written over two lines), or else the date a committed document gives
 * that event. */
function datedByDocuments(intent: Intent, event: HistoryEvent, context: VerdictContext, f: Findings): Intent {
  const spoken = intentText(event, context.log);
  const own =
    intent.hold?.follows && !intent.hold.until
      ? gateFor(`${spoken.subject}\n${spoken.body}`, intent.hold.envs[0]!, context.environments, event.date)
      : undefined;
  if (own?.date) {
    f.add('intent', `${short(event.commit)} dates the gate before ${list(intent.hold!.envs)}: it ends ${own.date} ("${own.clause}")`, event.commit);
    intent = { ...intent, hold: { ...intent.hold!, until: own.date } };
  }
  // A step the text leaves to a plan it wrote or points to ("prod in the window, see
  // docs/changes/CHG-0412.md"): the plan's row for the waiting environment dates it.
  const planned =
    intent.hold?.follows && !intent.hold.until && !intent.hold.event
      ? planDocumentGate(
          intent.hold.envs[0]!,
          { commit: event.commit, text: `${spoken.subject}\n${spoken.body}` },
          context.environments,
          context.log,
          context.today,
        )
      : undefined;
  if (planned) {
    f.add(
      'intent',
      `${planned.path} (${short(planned.sha)}), the plan ${short(event.commit)} ${planned.sha === event.commit ? 'wrote' : 'points to'}, ` +
        `dates ${list(intent.hold!.envs)}'s step: ${planned.date} ("${planned.clause.replace(/\s+/g, ' ').slice(0, 120)}")`,
      planned.sha,
    );
    intent = { ...intent, hold: { ...intent.hold!, until: planned.date } };
  }
  const dated = (what: string) => {
    const found = eventEnd(what, context.log, event.date, context.today);
    if (found)
      f.add(
        'intent',
        `${found.passage.file}:${found.passage.line} (${short(found.passage.written.sha)}) dates "${what}": it ends ${found.end} ("${found.passage.text}")`,
        found.passage.written.sha,
      );
    return found?.end;
  };
  const hold = intent.hold?.follows && intent.hold.event && !intent.hold.until ? dated(intent.hold.event) : undefined;
  const temporary = intent.temporary?.event && !intent.temporary.until ? dated(intent.temporary.event) : undefined;
  if (!hold && !temporary) return intent;
  return {
    ...intent,
    ...(hold ? { hold: { ...intent.hold!, until: hold } } : {}),
    ...(temporary ? { temporary: { ...intent.temporary!, until: temporary } } : {}),
  };
}

/** The contract's declaration was removed and its commit says which environment should follow, or
 * is the commit that brought one environment back to the value they last agreed on (`cameBack`). */
function fromRemoval(
  d: Divergence,
  context: VerdictContext,
  f: Findings,
  cameBack: Map<EnvName, KeyChange> = new Map(),
  changed: Map<EnvName, KeyChange> = new Map(),
): Partial | undefined {
  if (d.contract !== null) return undefined;
  const removal = readRemoval(d.key, context, f);
  const value = (env: EnvName) => d.values[env]?.repo ?? null;
  if (removal?.follower && removal.leader && value(removal.follower) !== value(removal.leader)) {
    const { follower, leader } = removal;
    // The removing text put the step off ("will change after the freeze"): it is due once that day
    // or event has passed, as the committed documents date it; before, or undated, the difference
    // waits, declared for the time being, with the question when it ends.
    const waited = removal.after;
    const until = waited?.date ?? (waited?.event ? eventEnd(waited.event, context.log, removal.event.date, context.today)?.end : undefined);
    if (waited && (!until || !context.today || until >= context.today)) {
      const what = waited.date ?? `"${waited.event!}"`;
      f.add(
        'contract',
        `${short(removal.event.commit)} puts ${follower}'s change off until ${what}${until && !waited.date ? ` (it ends ${until})` : ''}`,
        removal.event.commit,
      );
      f.ask(`has ${what} passed? Then set ${follower} to ${leader}'s ${shown(value(leader))}.`);
      f.say(`${follower} is to follow ${leader} once ${what} has passed: declare the difference until then`);
      return { deliberate: leader, drifted: follower, suggested: 'declare', value: null, confidence: 0.45 };
    }
    if (waited)
      f.add(
        'contract',
        `${short(removal.event.commit)} put ${follower}'s change off until ${waited.date ?? `"${waited.event!}"`}, which ended ${until}`,
        removal.event.commit,
      );
    f.say(
      `${removal.event.commit.slice(0, 7)} says ${follower} should match ${leader}, but ${follower}'s file was never changed: backfill ${follower} with ${shown(value(leader))}`,
    );
    return { deliberate: leader, drifted: follower, suggested: 'backfill', value: value(leader), confidence: 0.7, explicit: true };
  }
  // The commit that removed the declaration also brought one environment back to the value they last
  // agreed on ("EXP-12 closed: off in prod", "Experiment beendet, Prod wieder auf 0"): it ended the
  // difference there, and the environment still on the declared value was left behind, not kept —
  // unless that text keeps it ("staging keeps 50% for the demo"). The value is the one they shared,
  // so the move is never one toward production; still a reading of the contract, never confident.
  const ended = removal ? [...cameBack].find(([, e]) => !isUncommitted(e) && e.commit === removal.event.commit) : undefined;
  const others = ended ? Object.keys(d.values).filter((env) => env !== ended[0] && value(env) !== value(ended[0])) : [];
  // A change in the other environment made after the removal is a decision of its own, not a leftover.
  const since = others.length === 1 ? changed.get(others[0]!) : undefined;
  const later = !!since && (isUncommitted(since) || (!!ended && !isUncommitted(ended[1]) && newer(since, ended[1])));
  if (removal && ended && others.length === 1 && !later && !isUncommitted(ended[1]) && !keptThere(ended[1], others[0]!)) {
    const [leader, event] = ended;
    const follower = others[0]!;
    f.add(
      'contract',
      `${short(event.commit)} removed the declaration and brought ${leader} back to ${shown(value(leader))}, the value they last agreed on: ` +
        `it ended the difference, and ${follower} was left on ${shown(value(follower))}`,
      event.commit,
    );
    f.ask(`was ${follower}'s ${shown(value(follower))} meant to end with the declaration? If so, set ${follower} back to ${shown(value(leader))}.`);
    f.say(`the difference was ended in ${leader} and in the contract, not in ${follower}: backfill ${follower} with ${shown(value(leader))}`);
    return { deliberate: leader, drifted: follower, suggested: 'backfill', value: value(leader), confidence: 0.55 };
  }
  if (removal) f.ask(`the declaration was removed in ${removal.event.commit.slice(0, 7)}: which environment was meant to change so they agree?`);
  return undefined;
}

function uncommittedEdit(value: string | null, previous: HistoryEvent | undefined): UncommittedChange {
  return { uncommitted: true, file: previous?.file ?? '', from: previous?.to ?? null, to: value };
}

interface Case {
  d: Divergence;
  context: VerdictContext;
  f: Findings;
  rank: (env: EnvName) => number;
  value: (env: EnvName) => string | null;
}

/** Given which environments changed the key since they agreed, name the deliberate one, the one
 * that lags, and what to do. */
function decide(
  d: Divergence,
  events: Record<EnvName, HistoryEvent[]>,
  changed: Map<EnvName, KeyChange>,
  envs: EnvName[],
  context: VerdictContext,
  f: Findings,
  chains: Map<EnvName, HistoryEvent[]> = new Map(Object.entries(events)),
  agreedAt?: HistoryEvent,
  cameBack: Map<EnvName, KeyChange> = new Map(),
): Partial {
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const value = (env: EnvName) => d.values[env]?.repo ?? null;
  const c: Case = { d, context, f, rank, value };
  if (changed.size === 0) {
    f.add('order', 'no environment changed the key since then in git; the difference may come from files outside the history walked');
    f.ask(`which environment's ${d.key} is right? Its difference does not come from a commit undrift read.`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.2 };
  }
  const intents = new Map<EnvName, Intent>();
  // Environments whose change's end a document dated (its event's date in a calendar), not its own text.
  const endDatedElsewhere = new Set<EnvName>();
  const changedBy = new Set(Object.values(events).flatMap((list) => list.map((e) => e.commit)));
  const notes: Message[] = keyMentions(d.key, changedBy, context, f);
  // The comment beside the value, as the file has it now, is the change's text as much as its
  // message: every intent it states is read, by every rule below (a fix for every environment, an
  // incident, a test, a time limit), not only what keeps the value apart.
  for (const [env, event] of changed) {
    const note = d.values[env]?.note;
    if (isUncommitted(event) || !note || context.risk === 'secret') continue;
    changed.set(env, { ...event, body: [event.body, note].filter(Boolean).join('\n\n') });
    const place = d.values[env]?.at;
    f.add(
      'intent',
      `the comment beside ${d.key} in ${env}'s file${place ? ` (${placeText(place)})` : ''} is read as ${short(event.commit)}'s own text: "${note.slice(0, 160)}"`,
      event.commit,
    );
  }
  // The decision a change names by its number ("(decision 1)", "(beslutning 1)") is its text as much
  // as its message: that item's reasons, gates and scope are read by every rule below (cited-decision.ts).
  for (const [env, event] of changed) {
    if (isUncommitted(event) || !context.log || context.risk === 'secret') continue;
    const item = citedDecision(`${event.subject}\n${event.body}`, event.date, context.log);
    if (!item) continue;
    changed.set(env, { ...event, body: [event.body, item.text].filter(Boolean).join('\n\n') });
    f.add(
      'intent',
      `${short(event.commit)} names "${item.cited}", ${item.file}:${item.line} (written in ${short(item.sha)}), read as its own text: "${item.text.slice(0, 160)}"`,
      item.sha,
    );
  }
  for (const [env, event] of changed) {
    if (isUncommitted(event)) continue;
    f.add('order', `${env} ${change(event)} in ${describeCommit(event)}`, event.commit);
    let own = intentOfChange(event, env, context, f, chains.get(env) ?? [], notes, d.key);
    // An end the same commit wrote beside the value (`banner.until: 2029-02-03T05:00`) is the change's own end (end-beside.ts).
    const beside = own.temporary ? undefined : endBeside(d.key, env, event.commit, context.log);
    if (beside) {
      f.add(
        'intent',
        `${short(event.commit)} set ${beside.key} to ${shown(beside.value)} beside it in ${env}: the change is meant until ${beside.until}`,
        event.commit,
      );
      own = { ...own, temporary: { phrase: `${beside.key}: ${beside.value}`, until: beside.until } };
    }
    const intent = datedByDocuments(own, event, context, f);
    if (intent.temporary?.until && !own.temporary?.until) endDatedElsewhere.add(env);
    intents.set(env, intent);
    recordIntent(env, event, intent, f);
  }
  for (const env of envs.filter((e) => !changed.has(e))) {
    const last = events[env]![0];
    if (last) f.add('order', `${env} has not changed it since ${describeCommit(last)}`, last.commit);
  }

  const sides = new Set([...changed.keys()].map(value));
  if (sides.size > 1) return independent(c, changed, intents);

  // One decision, possibly written to several environments at once: the most downstream of them
  // is where it was meant to go furthest.
  const deliberate = [...changed.keys()].sort((a, b) => rank(b) - rank(a))[0]!;
  const decisive = changed.get(deliberate)!;
  let intent = intents.get(deliberate);
  const lagging = envs.filter((env) => env !== deliberate && value(env) !== value(deliberate));
  const drifted =
    lagging.filter((env) => rank(env) > rank(deliberate)).sort((a, b) => rank(a) - rank(b))[0] ??
    lagging.filter((env) => rank(env) < rank(deliberate)).sort((a, b) => rank(b) - rank(a))[0] ??
    null;
  if (drifted === null) return { deliberate, drifted: null, suggested: 'declare', value: null, confidence: 0.6 };
  const target = value(deliberate);
  const downstream = rank(drifted) > rank(deliberate);
  const today = context.today;
  const committed = isUncommitted(decisive) ? undefined : decisive;
  const age = today && committed ? daysBetween(committed.date, today) : undefined;
  // A change set upstream for acceptance ("on in uat for acceptance", "zur Abnahme", "en recette") is
  // the step before the next environment: a gate to pass, not a test that keeps the value its own
  // (acceptance.ts) — whether the readers took it for a test or read no purpose at all. Not a value
  // that weakens a setting, nor a text that already plans the step, limits it in time or keeps it.
  const untold = !!intent && !intent.temporary && !intent.rollout && !intent.hold && !intent.everywhere && !intent.incident;
  if (committed && intent && downstream && untold && intent.scope?.kind !== 'env-only' && !looksLoosened(d.key, target)) {
    const spoken = intentText(committed, context.log);
    const step = acceptanceStep(`${spoken.subject}\n${spoken.body}`, intent.scope?.phrase ?? '', context.environments);
    if (step) {
      f.add(
        'intent',
        `${short(committed.commit)} set it in ${deliberate} for acceptance ("${step}"): the step before ${drifted}, a gate to pass, not a test of ${deliberate}'s own`,
        committed.commit,
      );
      const { scope: _test, ...rest } = intent;
      intent = { ...rest, rollout: intent.rollout ?? { phrase: step, next: [drifted] } };
      intents.set(deliberate, intent);
    }
  }
  if (committed && age !== undefined)
    f.add('age', `${deliberate}'s ${shown(target)} has stood for ${age} day${age === 1 ? '' : 's'} (since ${day(committed.date)})`, committed.commit);
  // An edit not committed has no message, links or record to weigh.
  const links = committed
    ? readLinks(
        committed,
        deliberate,
        d.key,
        context.log,
        f,
        (key, env, v) => allowedFor(context, key, env, v),
        (env) => rank(deliberate) >= 0 && rank(env) > rank(deliberate),
      )
    : noLinks();
  let cap = committed ? qualityCap(committed, intent, events[deliberate] ?? [], deliberate, f) : 1;
  const versions = versionEvidence(c, deliberate, drifted, decisive);

  const removed = fromRemoval(d, context, f, cameBack, changed);
  if (removed) return { ...removed, confidence: round(Math.min(removed.confidence, cap)) };
  const met = committed && intent ? (metCondition(c, committed, intent, changedBy, drifted) ?? declaredDecision(c, committed)) : undefined;
  const phaseStart = agreedAt && (events[deliberate]?.find((e) => e.commit === agreedAt.commit) ?? copiedStart(c, events, agreedAt, deliberate) ?? agreedAt);
  const phaseEnded = committed && phaseStart ? endedPhase(c, committed, phaseStart, deliberate, changedBy) : undefined;
  const copied = committed && intent ? slipInCopy(c, committed, deliberate, intent) : undefined;
  const verdict =
    copied ??
    choose(c, {
      deliberate,
      drifted,
      decisive,
      intent,
      target,
      downstream,
      age,
      links,
      versions,
      changedEnvs: [...changed.keys()],
      endDatedElsewhere: endDatedElsewhere.has(deliberate),
      ...(met ? { met } : {}),
      ...(phaseEnded ? { phaseEnded } : {}),
    });
  if (!committed) verdict.confidence -= 0.2;
  if (committed) keptApart(c, verdict, deliberate, committed, intent, events, changedBy, drifted);
  if (committed) ownComment(c, verdict, deliberate, committed, drifted);
  const explicit =
    (!!intent && (isMisfiled(intent, deliberate, drifted, context, committed?.commit) || !!intent.everywhere || !!intent.typo || !!intent.ended)) ||
    !!links.carriedElsewhere ||
    !!verdict.explicit;
  verdict.explicit = explicit;
  // What the value was set for, for the safety net: a value set for a test never moves toward
  // production without a recorded word that it is meant there (safety.ts testStaysPut).
  if (intent?.scope?.kind === 'test') verdict.forTest = intent.scope.phrase;
  if (committed) disputed({ d, context, f, verdict, deliberate, decisive: committed, intent, notes, agreedAt });
  holdForFreeze(c, verdict, deliberate);
  const risk = context.risk ?? 'none';

  // Weak evidence never moves a value toward production, and neither does the promotion order
  // alone for the keys where a wrong value does harm there: the safe answer keeps both values
  // while a person checks.
  const toward = verdict.suggested === 'backfill' && verdict.drifted !== null && rank(verdict.drifted) > rank(deliberate);
  // Switching a flag or a limit on in production is a release decision: without a word saying
  // so, the promotion order does not make it.
  const release = verdict.drifted === context.promotion.at(-1) && RELEASE_RISK.has(risk) && !intent?.incident;
  // A committed policy whose condition is met speaks for a change whose own message cannot (a bot's,
  // a bare one): its weak message is no reason to hold the move back, though it stays moderate.
  // A value that flaps or was settled in a merge is weak whatever governs it.
  const governed = !!verdict.governed && cap < 1 && !!committed && !committed.merge && !flaps(events[deliberate] ?? []) && !STRONG_RISK.has(risk) && !release;
  if (governed) {
    f.add('quality', `${verdict.governed} governs how ${deliberate}'s values reach ${verdict.drifted}: the change's own message need not say why`);
    cap = Math.max(cap, GOVERNED_CAP);
  }
  const weak = cap < 1 && !governed;
  if (toward && !explicit && (weak || STRONG_RISK.has(risk) || release)) {
    f.say(
      `not suggesting to move ${shown(verdict.value)} into ${verdict.drifted}: ` +
        `${weak ? 'the evidence is too weak' : `${d.key} is ${RISK_WORDS[risk]} and nothing says the value is meant for ${verdict.drifted}`}; ` +
        `declare the difference while someone checks`,
    );
    f.ask(`is ${deliberate}'s ${shown(verdict.value)} meant to reach ${verdict.drifted}? Until someone knows, keep the difference declared.`);
    Object.assign(verdict, { drifted: null, suggested: 'declare', value: null, confidence: Math.min(verdict.confidence, 0.4) });
  }
  if (cap < 1 && !governed) verdict.deliberate = null;

  // A risky value moved toward production needs explicit evidence to be suggested with confidence.
  const moves = verdict.suggested === 'backfill' && verdict.drifted !== null && rank(verdict.drifted) > rank(deliberate);
  if (moves) {
    const last = context.promotion.at(-1);
    if (isRisky(risk) && !explicit) {
      f.add(
        'quality',
        `${d.key} is ${RISK_WORDS[context.risk ?? 'none']}, and nothing in the evidence says ${shown(verdict.value)} is meant for ${verdict.drifted}`,
      );
      f.ask(`is ${deliberate}'s ${shown(verdict.value)} meant to reach ${verdict.drifted}, or is it ${deliberate}'s own setting (declare)?`);
      // The question asked is the verdict's state: a person decides (NEEDS_A_HUMAN), as explain,
      // the TUI and the report show it. At 0.55 the question stood under a verdict that did not
      // need one.
      verdict.confidence = Math.min(verdict.confidence, NEEDS_A_HUMAN);
    }
    if (verdict.drifted !== last && last !== undefined && rank(last) > rank(verdict.drifted!)) {
      f.say(`backfilling ${verdict.drifted} sets up a further hop: ${last} would then be the only environment without ${shown(verdict.value)}`);
    }
  }
  // A move toward production that rests on a plan the change stated ("staging now, production
  // next", "then everywhere") earns confidence only from what was read after it.
  if (committed) {
    const plan = planOf(intent, verdict.drifted, `${committed.subject}\n${committed.body}`);
    const grounded =
      !!intent &&
      (!!intent.typo || !!intent.incident || !!intent.security || !!intent.ended || isMisfiled(intent, deliberate, drifted, context, committed.commit));
    earned(
      verdict,
      {
        toward: moves,
        plan: grounded ? undefined : plan,
        confirmed: verdict.confirmed ?? (links.carriedElsewhere ? 'a linked commit carried it' : undefined),
        change: committed,
      },
      f,
    );
  }
  if (verdict.confidence > cap) verdict.confidence = cap;
  verdict.confidence = round(verdict.confidence);
  return verdict;
}

interface Facts {
  deliberate: EnvName;
  drifted: EnvName;
  decisive: KeyChange;
  intent: Intent | undefined;
  target: string | null;
  /** The drifted environment is downstream of the deliberate one. */
  downstream: boolean;
  age: number | undefined;
  links: ReturnType<typeof readLinks>;
  versions: { downgrade: boolean; ahead?: EnvName };
  changedEnvs: EnvName[];
  /** The change's end is an event whose date a document gave, not a date its own text states. */
  endDatedElsewhere: boolean;
  /** A later commit reports the change's stated condition met (its test done, its gate passed). */
  met?: Met;
  /** The change ended a temporary phase that began where the environments last agreed. */
  phaseEnded?: string;
}

/** The condition the change's text states (a time limit, a test, a gate before another environment
 * follows), met by a later commit. */
function metCondition(c: Case, decisive: HistoryEvent, intent: Intent, changedBy: Set<string>, drifted: EnvName): Met | undefined {
  const held = !!intent.hold?.follows && intent.hold.envs.includes(drifted);
  // The others wait for a condition too when the text keeps the change to its environment until
  // then ("staging only until appsec ok's it"), or stages it with them next ("promote to prod once
  // the reindex is green"): an approval meets it as well as a report that it is done.
  const kept = intent.scope?.kind === 'env-only' && !!intent.temporary && !intent.temporary.until;
  const staged = !!intent.rollout?.next.includes(drifted);
  const gate = held || kept || staged;
  if (!intent.temporary && intent.scope?.kind !== 'test' && !gate) return undefined;
  // A condition is often stated twice ("during the upgrade … flip back when the replica has caught
  // up"): each clause that sets one names it.
  const stated = `${decisive.subject}\n${decisive.body}`.split(/\n+|(?<=[.!?;])\s+/).filter((clause) => CONDITION_LEAD.test(clause));
  const phrases = [
    intent.temporary?.event,
    intent.temporary?.phrase,
    intent.scope?.kind === 'test' ? intent.scope.phrase : undefined,
    intent.hold?.event,
    // A staged step's own gate word ("for acceptance", "zur Abnahme"): a later word that it passed names it.
    staged ? intent.rollout!.phrase : undefined,
    ...(intent.temporary || staged ? stated : []),
  ];
  const words = conditionWords(
    phrases.filter((p): p is string => !!p),
    c.context.environments,
  );
  // A gate that is a change in the waiting environment is named by its whole clause ("after the
  // chart 3.9 bump is out"), version and all.
  const gateWords = held ? conditionWords([intent.hold!.phrase], c.context.environments) : [];
  // … and a named release the gate waits for ("with release train 2026.47") by its number.
  const waitClause = staged ? clausesOf(decisive).find((clause) => mentions(clause, drifted) && versionIn(clause)) : undefined;
  const version = held ? versionIn(intent.hold!.phrase) : waitClause ? versionIn(waitClause) : undefined;
  const found = conditionMet(decisive, [...new Set([...words, ...gateWords])], changedBy, c.context, gate, drifted, version);
  // A text that says the waiting environment still waits ("not certified yet — do not enable in
  // production") restates the hold: it answers no gate, whatever approval word it also holds.
  const stillWaits =
    found && found.how === 'approved' && gate
      ? (pendingFor(found.phrase, drifted, c.context.today) ?? pendingFor(`${found.note.subject}\n\n${found.note.body}`, drifted, c.context.today))
      : undefined;
  if (stillWaits) c.f.add('intent', `${short(found!.note.sha)} says ${drifted} still waits for the gate: "${stillWaits.slice(0, 160)}"`, found!.note.sha);
  const met = stillWaits ? undefined : found;
  if (met && met.note.sha === decisive.commit)
    c.f.add('intent', `${short(decisive.commit)}'s own text quotes the approval of what it waited for: "${met.phrase}"`, decisive.commit);
  else if (met)
    c.f.add(
      'intent',
      `${describeMessage(met.note)} says what ` +
        `${short(decisive.commit)} waited for is ` +
        `${met.how === 'done' ? 'done' : 'approved'}${met.ticket ? ` (${met.ticket})` : ''}: "${met.phrase}"`,
      met.note.sha,
    );
  return met;
}

// A decision as documents record one: "Decision: go", "outcome: ship", "rolled out to 100% in
// production", or an approval; "no-go", "roll back", "stop" decide the other way.
const DECIDED_GO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:decision|decided|outcome|verdict|result|entscheidung|decisión|décision)\s*[:=—–-]?\s*(?:is\s+)?(?:to\s+)?`,
  String.raw`(?:go|ship(?:\s+it)?|launch|roll\s*out|promote|keep|adopt|winner|won)|(?:to|at)\s+100\s?%|100\s?%\s+(?:in|on|of)\s+\p{L}+)(?![\p{L}])`,
);
const DECIDED_NO =
  /(?<![\p{L}])(?:no[- ]go|do not ship|don't ship|roll(?:ed)?[- ]?back|revert(?:ed)?|stop(?:ped)?|kill(?:ed)?|abandon(?:ed)?|rejected)(?![\p{L}])/iu;

/** An expired declaration looks for its decision (issue 10 point 3): the identifiers its reason
 * gives ("until the A/B test concludes (exp-311)", "ADR-0042") name the documents and later
 * commits that decide it; the first passage after the change that records a go (not a no-go)
 * meets the condition the declaration waited for. */
function declaredDecision(c: Case, decisive: HistoryEvent): Met | undefined {
  const { d, context } = c;
  const reason = d.contract?.expired ? d.contract.reason : undefined;
  const log = context.log;
  const since = log?.messages.get(decisive.commit);
  if (!reason || !log || !since) return undefined;
  const ids = [...new Set([...reason.matchAll(/(?<![\p{L}\p{N}])\p{L}[\p{L}\p{N}]*-\d+(?![\p{N}])/gu)].map((m) => m[0].toLowerCase()))];
  if (ids.length === 0) return undefined;
  for (const doc of log.documents) {
    const note = log.messages.get(doc.sha);
    if (!note || note.order >= since.order || (context.today && note.date.slice(0, 10) > context.today)) continue;
    const lower = `${doc.path}\n${doc.text}`.toLowerCase();
    const id = ids.find((i) => lower.includes(i));
    if (!id) continue;
    for (const p of passages(doc.text)) {
      // A back-out plan decides neither way: "Rollback: revert if errors rise" is no no-go (contingency.ts).
      const text = eventText(p);
      if (text === undefined) continue;
      // A record that moves the declared end to a later day decided to keep the difference until then:
      // an approval in it approves the extension, not the end it postponed.
      const extended = d.contract?.expires ? movedPast(text, note.date, d.contract.expires) : undefined;
      if (extended) {
        c.f.add(
          'contract',
          `the declaration's reason names ${id}; ${doc.path}:${p.line} (${short(note.sha)}) moves its end from ${d.contract!.expires} to ${extended}: "${p.text.slice(0, 160)}"`,
          note.sha,
        );
        break;
      }
      if (DECIDED_NO.test(text)) continue;
      const go = DECIDED_GO.exec(text)?.[0] ?? approvedIn(text);
      if (go) {
        c.f.add(
          'contract',
          `the declaration's reason names ${id}; ${doc.path}:${p.line} (${short(note.sha)}) records its decision: "${p.text.slice(0, 160)}"`,
          note.sha,
        );
        return { note, phrase: `${doc.path}: ${p.text}`.slice(0, 160), how: 'approved' };
      }
    }
  }
  return undefined;
}

/** The environments last agreed on a value set for a while ("until the migration is done"), and
 * the change took this environment back to the value before, saying (or a later commit saying)
 * that the condition is met: the phase is over, and it is over everywhere it applied. */
function endedPhase(c: Case, decisive: HistoryEvent, start: HistoryEvent, env: EnvName, changedBy: Set<string>): string | undefined {
  if (start.commit === decisive.commit || decisive.to !== start.from || start.from === start.to) return undefined;
  const startIntent = readIntent(intentText(start, c.context.log), env, c.context.environments);
  if (!startIntent.temporary && startIntent.scope?.kind !== 'test') return undefined;
  const own = reportsDone(`${decisive.subject}\n${decisive.body}`);
  const sharesTicket = ticketsIn(`${start.subject}\n${start.body}`).some((t) => ticketsIn(`${decisive.subject}\n${decisive.body}`).includes(t));
  // (A test's purpose names what ends it as well as a time word does: "für den Lasttest" … "Lasttest vorbei".)
  const words = conditionWords(
    [startIntent.temporary?.event, startIntent.temporary?.phrase, startIntent.scope?.kind === 'test' ? startIntent.scope.phrase : undefined].filter(
      (p): p is string => !!p,
    ),
    c.context.environments,
  );
  const later = conditionMet(start, words, changedBy, c.context, false);
  const phrase = own && (sharesTicket || words.some((w) => `${decisive.subject}\n${decisive.body}`.toLowerCase().includes(w))) ? own : later?.phrase;
  if (!phrase) return undefined;
  c.f.add(
    'intent',
    `${short(start.commit)} set ${shown(start.to)} for a while ` +
      `${startIntent.temporary ? quoteOf(startIntent.temporary, '') : ` ("${startIntent.scope?.phrase}")`}; ` +
      `${later && phrase === later.phrase ? short(later.note.sha) : short(decisive.commit)} says that is over: ` +
      `"${phrase}"`,
    later && phrase === later.phrase ? later.note.sha : decisive.commit,
  );
  return phrase;
}

/** Where the environments came to agree by a copy (a sync job's "values-stage → values-prod", "align prod with
 * stage") of `source`'s value, the agreement began with `source`'s own change that set it: the copy took what
 * `source` held, for whatever reason `source` held it. A load test's value copied into production by a sync
 * script is still the load test's value, and its end is `source`'s end. */
function copiedStart(c: Case, events: Record<EnvName, HistoryEvent[]>, agreedAt: HistoryEvent, source: EnvName): HistoryEvent | undefined {
  const into = Object.keys(events).find((env) => env !== source && events[env]?.includes(agreedAt));
  const said = into ? copiedFrom(`${agreedAt.subject}\n${agreedAt.body}`, into, Object.keys(c.d.values)) : undefined;
  if (!into || said?.from !== source) return undefined;
  const at = Date.parse(agreedAt.date);
  const start = events[source]?.find((e) => e.to === agreedAt.to && Date.parse(e.date) <= at);
  if (start)
    c.f.add(
      'order',
      `${short(agreedAt.commit)} copied ${source}'s ${shown(agreedAt.to)} into ${into} ("${said.phrase}"): the agreement began with ${source}'s own change, ${describeCommit(start)}`,
      agreedAt.commit,
    );
  return start;
}

/** What a later text that met the change's condition says, for the verdict's grounds. */
const metBy = (met: Met | undefined) =>
  met ? `${short(met.note.sha)} says it is ${met.how === 'done' ? 'done' : 'approved'}: "${met.phrase.slice(0, 120)}"` : undefined;

/** A text written after an incident fix that cites one of its tickets — a document naming the key
 * (a post-mortem, written by a commit citing the ticket or citing it itself), or a later commit —
 * with a sentence that names `env` and says it keeps its value ("Staging stays at 50: the chaos
 * suite needs it", "staging blijft op 50"). A document still undecided ("Status: proposed") keeps nothing. */
function keptByIncidentRecord(
  fix: HistoryEvent,
  key: string,
  env: EnvName,
  context: VerdictContext,
  read: (commit: { subject: string; body: string }, env: EnvName) => string | undefined = keptThere,
): { where: string; text: string; sha: string } | undefined {
  const log = context.log;
  const tickets = ticketsIn(`${fix.subject}\n${fix.body}`);
  if (!log || tickets.length === 0) return undefined;
  const since = Date.parse(fix.date);
  const until = (date: string) => Date.parse(date) >= since && (!context.today || date.slice(0, 10) <= context.today);
  const leaf = keyLeaf(key).toLowerCase();
  for (const doc of documentIndex(log)) {
    if (!until(doc.written.date) || (doc.status && !doc.status.decided) || leaf.length < 4 || !doc.lower.includes(leaf)) continue;
    const byCommit = ticketsIn(`${doc.written.subject}\n${doc.written.body}`);
    if (!tickets.some((t) => doc.tickets.has(t) || byCommit.includes(t))) continue;
    for (const p of doc.passages) {
      const kept = read({ subject: p.text, body: '' }, env);
      if (kept) return { where: `${doc.path}:${p.line} (${short(doc.written.sha)})`, text: kept, sha: doc.written.sha };
    }
  }
  for (const sha of new Set(tickets.flatMap((t) => log.byTicket.get(t) ?? []))) {
    const m = log.messages.get(sha);
    if (!m || sha === fix.commit || !until(m.date)) continue;
    const kept = read(m, env);
    if (kept) return { where: `${short(m.sha)} ("${m.subject}")`, text: kept, sha: m.sha };
  }
  return undefined;
}

/** The clauses of a commit's text: lines and sentences. */
/** The sentence of the text that names `env` and says it keeps its value, in any clause of it. */
const keptThere = (commit: { subject: string; body: string }, env: EnvName) =>
  sentencesOf(commit).find((s) => mentions(s, env) && keepsIn(s) && !goesTo(s, env));
/** The sentence of the text that sends the value to `env` ("staging must carry the same timeout"). */
const sentThere = (commit: { subject: string; body: string }, env: EnvName) => sentencesOf(commit).find((s) => !!goesTo(s, env));
// Sentences, read across a message's hard wraps (a paragraph is one run of text; lines are
// joined without a pattern, which on a long run of blanks would backtrack).
function sentencesOf(commit: { subject: string; body: string }): string[] {
  const paragraphs = [commit.subject];
  let run: string[] = [];
  for (const line of commit.body.split('\n')) {
    const text = line.trim();
    if (text) run.push(text);
    else if (run.length > 0) {
      paragraphs.push(run.join(' '));
      run = [];
    }
  }
  if (run.length > 0) paragraphs.push(run.join(' '));
  return paragraphs.flatMap((p) => p.split(sentenceEnds(/(?<=[.!?])\s+/))).filter((x) => x.trim());
}
const clausesOf = (commit: { subject: string; body: string }) => `${commit.subject}\n${commit.body}`.split(/\n+|(?<=[.!?;,])\s+/).filter((x) => x.trim());

/** Each environment's changes after moment `from`, newest first. */
function chainsSince(timeline: ReturnType<typeof moments>, from: number): Map<EnvName, HistoryEvent[]> {
  const chains = new Map<EnvName, HistoryEvent[]>();
  for (const moment of timeline.slice(from + 1)) for (const { env, event } of moment.events) chains.set(env, [event, ...(chains.get(env) ?? [])]);
  return chains;
}

/** Nothing is moved into an environment the log says is frozen: the difference is declared until
 * the freeze ends. */
function holdForFreeze(c: Case, verdict: Partial, deliberate: EnvName): void {
  const into = verdict.drifted ?? verdict.lagging ?? null;
  if ((verdict.suggested === 'declare' && !verdict.lagging) || into === null || into === deliberate || c.rank(into) <= c.rank(deliberate)) return;
  const freeze = freezeOn(into, c.context);
  if (!freeze) return;
  c.f.add('intent', describeFreeze(freeze), freeze.note.sha);
  c.f.say(`nothing moves into ${into} while it is frozen: declare the difference${freeze.until ? ` until ${freeze.until}` : ''}, and promote after the freeze`);
  if (!freeze.until) c.f.ask(`is the freeze on ${into} over? Until it is, ${into} keeps ${shown(c.value(into))}.`);
  Object.assign(verdict, {
    deliberate: into,
    drifted: null,
    suggested: 'declare',
    value: null,
    confidence: freeze.until ? 0.65 : 0.45,
    explicit: false,
    ...(freeze.until ? { expires: freeze.until } : {}),
  });
}

/** The latest of a commit's date and the dates of the merges that brought it in. */
function latestOf(date: string, via: readonly string[], context: VerdictContext): string {
  let latest = date;
  for (const sha of via) {
    const merged = context.log?.messages.get(sha)?.date;
    if (merged && Date.parse(merged) > Date.parse(latest)) latest = merged;
  }
  return latest;
}

/** The suggestion writes into an environment whose own file says, after the change, that it keeps
 * its value (a later commit that touched the file without changing the value, or the comment
 * beside the key): that environment's value is meant. When the change said the other environment
 * must follow, two people disagree and a person settles it. */
function keptApart(
  c: Case,
  verdict: Partial,
  deliberate: EnvName,
  decisive: HistoryEvent,
  intent: Intent | undefined,
  events: Record<EnvName, HistoryEvent[]>,
  changedBy: Set<string>,
  waiting: EnvName,
): void {
  // A declare that waits for the other environment to follow (a rollout in progress, a gate not yet
  // passed) is a claim about the future as much as a move: a later word that the waiting
  // environment keeps its value contradicts it.
  const plannedFollow =
    verdict.suggested === 'declare' &&
    verdict.deliberate === deliberate &&
    !!intent &&
    (!!intent.rollout?.next.includes(waiting) || (!!intent.hold?.follows && intent.hold.envs.includes(waiting)));
  const into = verdict.drifted ?? verdict.lagging ?? (plannedFollow ? waiting : null);
  if ((verdict.suggested !== 'backfill' && !verdict.lagging && !plannedFollow) || into === null || into === deliberate) return;
  const { d, f, context } = c;
  const place = d.values[into]?.at;
  const location = place ? placeText(place) : `${into}'s file`;
  const files = [...new Set([...(place ? [place.file] : []), ...(events[into] ?? []).map((e) => e.file)])];
  // A hold with a limit of its own ("pinned until the freeze ends, do not bump") lasts as long as
  // the limit: past its date, or once the freeze it names is over, it holds nothing.
  const stillHolds = (phrase: string, written: string): boolean => {
    // (The limit words of the languages deadline.ts reads: "tot 1 dec", "do 1 grudnia", "até 1/12", "fino al 1/12".)
    if (!/(?<![\p{L}])(?:until|till|til|during|while|for now|for the time being|bis|hasta|jusqu|tot|t\/m|do|até|fino|entro)(?![\p{L}])/iu.test(phrase))
      return true;
    const limit = readDeadline(phrase, written);
    if (limit.date) return !context.today || limit.date >= context.today;
    if (speaksOfFreeze(phrase)) return !!freezeOn(into, context);
    return true;
  };
  // The latest word on the file wins: a keep withdrawn later ("ok, 60 everywhere, my concern is
  // gone") holds nothing, and that word lets the waiting environment follow.
  const word = latestWord(d.key, into, files, decisive.commit, changedBy, context);
  const found = word && !word.follows ? word : undefined;
  const later = found && stillHolds(found.phrase, found.note.date) ? found : undefined;
  const note = d.values[into]?.note;
  const kept = note && context.risk !== 'secret' ? keepsValue(note, d.key, into, context.environments, true) : undefined;
  const beside = kept && stillHolds(kept, context.today ?? decisive.date) ? kept : undefined;
  if (word?.follows && !beside) {
    f.add(
      'intent',
      `${describeMessage(word.note)} is the latest word on ` + `${into}'s file, without changing ${d.key}, and lets ${into} follow: "${word.phrase}"`,
      word.note.sha,
    );
    if (verdict.suggested === 'declare' && (verdict.lagging === into || plannedFollow)) {
      f.say(`that answers whether ${into} follows: backfill ${into} with ${shown(c.value(deliberate))}`);
      Object.assign(verdict, {
        deliberate,
        drifted: into,
        suggested: 'backfill',
        value: c.value(deliberate),
        confidence: 0.65,
        explicit: true,
        confirmed: `${short(word.note.sha)} lets ${into} follow`,
      });
      delete verdict.lagging;
      delete verdict.expires;
      f.questions = [];
    }
    return;
  }
  // A keep whose own limit has passed, in a text that says what comes after it ("billing prod blijft
  // op 2, bevriezing tot 1 dec. daarna billing ook naar 3", "prod stays on 2 until Dec 1, then 3 there
  // too"): the hold is over and its writer planned the follow. Not above 0.55: nobody confirmed it.
  const next =
    found && !later && !beside && (verdict.lagging === into || plannedFollow)
      ? followsAfter(`${found.note.subject}\n${found.note.body}`, found.phrase, c.value(deliberate))
      : undefined;
  if (found && next) {
    f.add(
      'intent',
      `${describeMessage(found.note)} held ${into}'s value ` + `until a limit that has passed ("${found.phrase}") and planned what comes after: "${next}"`,
      found.note.sha,
    );
    f.say(`the hold is over and its writer planned ${into} to follow: backfill ${into} with ${shown(c.value(deliberate))}`);
    Object.assign(verdict, { deliberate, drifted: into, suggested: 'backfill', value: c.value(deliberate), confidence: 0.55, explicit: false });
    delete verdict.lagging;
    delete verdict.expires;
    f.questions = [];
    return;
  }
  if (kept && !beside) f.add('intent', `the comment beside ${d.key} in ${into}'s file (${location}) held it for a while, and that is over: "${kept}"`);
  if (!later && !beside) return;
  if (later)
    f.add(
      'intent',
      `${describeMessage(later.note)} touched ` +
        `${into}'s file after the change, without changing ${d.key}, and says ${into} keeps its value: ` +
        `"${later.phrase}"`,
      later.note.sha,
    );
  if (beside) f.add('intent', `the comment beside ${d.key} in ${into}'s file (${location}) says ${into} keeps its value: "${beside}"`);
  const who = later ? `${short(later.note.sha)} (${later.note.author})` : `the comment beside it in ${into}'s file`;
  const meantToFollow =
    !!intent &&
    (isMisfiled(intent, deliberate, into, c.context, decisive.commit) ||
      !!intent.everywhere ||
      !!intent.rollout?.next.includes(into) ||
      (!!intent.hold?.follows && intent.hold.envs.includes(into)) ||
      intent.names.includes(into));
  if (meantToFollow) {
    f.say(`${short(decisive.commit)} wants ${into} to follow ${deliberate}; ${who} keeps ${into} apart: the evidence disagrees`);
    f.ask(
      `${short(decisive.commit)} (${decisive.author}) says ${into} should take ${shown(c.value(deliberate))}; ${who} ` +
        `says ${into} keeps ${shown(c.value(into))}: which holds? Until they agree, keep the difference declared.`,
    );
    Object.assign(verdict, { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.4, explicit: false });
    return;
  }
  // A keep until someone answers ("hold at 20 until the account manager confirms") is kept on purpose,
  // but for that person's word, not as the environment's own setting: the question is theirs.
  const awaited = awaitsAnswer([later ? `${later.note.subject}\n${later.note.body}` : '', beside ?? note ?? ''].join('\n'));
  if (awaited) {
    f.ask(
      `${into} is held at ${shown(c.value(into))} until someone answers ("${awaited.slice(0, 100)}"): what was the answer? ` +
        `It stays if so; otherwise it follows ${deliberate}'s ${shown(c.value(deliberate))}.`,
    );
    f.say(`${into} keeps its value until an answer nobody has recorded: declare the difference while it is awaited`);
    Object.assign(verdict, { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, explicit: false });
    return;
  }
  f.say(`${into} keeps its own value on purpose: declare the difference in the contract`);
  Object.assign(verdict, { deliberate, drifted: null, suggested: 'declare', value: null, confidence: 0.7, explicit: false });
}

/** The comment beside the value in the deliberate environment's own file is that environment's
 * stated intent, as much as its commit message — and, edited later ("until 2027-01-15 (was
 * 2026-11-30)"), the newer word. A time limit or a scope there makes the value that environment's
 * own for a while: never a fix to copy elsewhere. Past its date, the environment goes back. */
function ownComment(c: Case, verdict: Partial, deliberate: EnvName, decisive: HistoryEvent, lagging: EnvName): void {
  const { d, context, f } = c;
  // A move the verdict suggests, or the promotion order's question (a declare that names the
  // environment that might follow): the comment beside the value answers either.
  // So does a declare that stood on weaker ground (the nature of the key, a question).
  const weakDeclare = verdict.suggested === 'declare' && verdict.deliberate === deliberate && verdict.confidence < 0.6 && !verdict.expires;
  // A declare that stands on intent but gives no end ("set for a test in staging"): only an end
  // the comment gives changes it — the test's end, written where the value is.
  const openDeclare = verdict.suggested === 'declare' && !verdict.lagging && !weakDeclare && verdict.deliberate === deliberate && !verdict.expires;
  const into =
    verdict.suggested === 'backfill'
      ? verdict.drifted
      : verdict.suggested === 'declare'
        ? (verdict.lagging ?? (weakDeclare || openDeclare ? lagging : null))
        : null;
  const note = d.values[deliberate]?.note;
  if (!note || into === null || into === deliberate) return;
  const own = readIntent({ subject: note, body: '', author: '', email: '', date: decisive.date }, deliberate, context.environments);
  const until = own.temporary?.until;
  // A comment that calls the value temporary without a date ("temporary, remove once the test is
  // over", "임시", "vorübergehend") does not make it the environment's own: whether its end has come
  // is a question, never a confident declare, and the value is never copied on.
  if (own.temporary && !until) {
    const phrase = own.temporary.phrase;
    f.ask(
      `the comment beside ${d.key} in ${deliberate}'s own file calls "${shown(c.value(deliberate))}" temporary ("${phrase}"): has what it was for ended (revert ${deliberate}), or is it kept?`,
    );
    if (verdict.suggested === 'backfill') Object.assign(verdict, { suggested: 'declare', drifted: null, value: null, confidence: 0.45, explicit: false });
    else verdict.confidence = Math.min(verdict.confidence ?? 0.5, 0.5);
    return;
  }
  // A comment that sets the value for a test and gives its end as a condition ("remove after the release",
  // "リリース後に削除") no reader dates: the value is that environment's own only until then, and whether the
  // condition came is a question, never a confident declare, and never a copy onward.
  const gate = !until && own.scope?.kind === 'test' ? foreignFamily(note, 'gate')?.phrase : undefined;
  if (gate) {
    f.ask(
      `the comment beside ${d.key} in ${deliberate}'s own file sets "${shown(c.value(deliberate))}" for a test until a condition ("${gate}"): ` +
        `has it come (revert ${deliberate}), or is the test still running?`,
    );
    if (verdict.suggested === 'backfill') Object.assign(verdict, { suggested: 'declare', drifted: null, value: null, confidence: 0.45, explicit: false });
    else verdict.confidence = Math.min(verdict.confidence ?? 0.5, 0.5);
    return;
  }
  if (openDeclare && !until) return;
  // Every intent the comment states, not only an end or a scope: "by design", "do not align",
  // "bewusst anders" keep the value that environment's own as much as "prod only" does.
  const keeps = !until && !own.scope ? keepsValue(note, d.key, deliberate, context.environments, true) : undefined;
  if (!until && !own.scope && !keeps) return;
  const place = d.values[deliberate]?.at;
  const where = `the comment beside ${d.key} in ${deliberate}'s own file${place ? ` (${placeText(place)})` : ''}`;
  f.add('intent', `${where} says ${deliberate}'s value is its own${until ? ` until ${until}` : ''}: "${note.slice(0, 160)}"`);
  if (until && context.today && until < context.today) {
    f.add('age', `the end it gave, ${until}, passed ${daysBetween(until, context.today)} days ago`);
    f.say(`its time is up: revert ${deliberate} to ${shown(c.value(into))}, as ${into} holds`);
    Object.assign(verdict, { deliberate: into, drifted: deliberate, suggested: 'revert', value: c.value(into), confidence: 0.55, explicit: false });
    return;
  }
  f.say(
    `${deliberate} holds ${shown(c.value(deliberate))} on purpose${until ? ` until ${until}` : ''}: declare the difference${until ? ' with that expiry' : ''}, do not copy it`,
  );
  delete verdict.lagging;
  Object.assign(verdict, {
    deliberate,
    drifted: null,
    suggested: 'declare',
    value: null,
    confidence: openDeclare ? Math.max(verdict.confidence ?? 0, 0.6) : 0.6,
    explicit: false,
    ...(until ? { expires: until } : {}),
  });
}

/** The text names `env` as one the change goes to now, not only in a condition for later ("la
 * prod passe en 1.8 après la clôture, pas avant" is a gate, not a go). Naming it is not sending the
 * value there: what the clause says of it decides (`clauseSendsTo`: not a question, a negation, a
 * keep, or a language not read — "本番は 2 台のまま", "Apakah production juga perlu?"). */
function namesAsGoing(commit: { subject: string; body: string } | undefined, intent: Intent | undefined, env: EnvName): boolean {
  if (!commit || !intent?.names.includes(env)) return false;
  const whole = `${commit.subject}\n${commit.body}`;
  // A keep said in another clause of the sentence that names it ("Staging is single-zone, so it
  // keeps ScheduleAnyway"; "Staging has one zone; it stays on the soft one") sends nothing there,
  // unless the sentence sends it in so many words.
  if (keptThere(commit, env)) return false;
  const naming = clausesOf(commit).filter((clause) => mentions(clause, env));
  // (A condition's lead in a language read is one too: "Producția după ce decidem …", "Prod erst wenn …".)
  return (
    naming.length === 0 || naming.some((clause) => !CONDITION_LEAD.test(clause) && !foreignFamily(clause, 'gate', whole) && clauseSendsTo(clause, env, whole))
  );
}

/** The text names the lagging environment and not its own, and the commit left the lagging
 * environment's keys alone: the change landed in the wrong file. A commit that also changed the
 * lagging environment ("prod scale": production's replicas, and staging's LOG_LEVEL beside it) was
 * written in that environment's file too; naming it says what the commit did there, not where this
 * key was meant to go. */
const isMisfiled = (intent: Intent, deliberate: EnvName, drifted: EnvName, context: VerdictContext, sha: string | undefined) =>
  intent.names.includes(drifted) &&
  !intent.names.includes(deliberate) &&
  !intent.scope &&
  !intent.hold?.envs.includes(drifted) &&
  !(sha !== undefined && context.log?.commits.get(sha)?.changes.some((change) => change.env === drifted));

// A word naming a test in a clause ("Lasttest", "load test", "soak", "chaos", "benchmark"), not a
// word that only ends in "test" ("latest", "contest").
const TEST_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?!(?:latest|contest|protest|attest|detest|greatest|fastest)(?![\p{L}]))\p{L}{0,8}(?:test|tests|testing)(?![\p{L}])|`,
  String.raw`(?<![\p{L}])(?:benchmark|chaos|drill|game ?day|soak|qa|uat|prueba|essai|probelauf|experiment|trial)(?![\p{L}])`,
);

/** The period a test is dated by in its own text: a clause that names the test with a week or a day
 * ("Lasttest KW 48", "chaos week W47", "load test on 27.11.") and not the waiting environment (whose
 * date is its own step's): the test ends when that period has. */
function testPeriod(commit: { subject: string; body: string; date: string }, waiting: EnvName): { phrase: string; date?: string } | undefined {
  for (const clause of `${commit.subject}\n${commit.body}`.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    if (!TEST_WORD.test(clause) || mentions(clause, waiting)) continue;
    const date = readDeadline(clause, commit.date).date;
    if (date) return { phrase: clause.trim().slice(0, 80), date };
  }
  return undefined;
}

/** The sentence of the change's text that defers `waiting`'s decision to a result — unless it names
 * another key the same commit changed and not this one ("Prod decision on WORKER_MAX_INFLIGHT after
 * the evaluation" decides nothing about the rate limit beside it): one commit, one intent per key. */
function deferralFor(c: Case, commit: { commit: string; subject: string; body: string }, waiting: EnvName): string | undefined {
  const deferral = defersDecisionFor(`${commit.subject}\n${commit.body}`, waiting);
  if (!deferral) return undefined;
  const names = (key: string) => !!keyName(key)?.pattern.test(deferral);
  if (names(c.d.key)) return deferral;
  const others = (c.context.log?.commits.get(commit.commit)?.changes ?? []).map((ch) => ch.key).filter((k) => k !== c.d.key);
  return others.some(names) ? undefined : deferral;
}

// The writer's own team as the one who decides: the question goes to the author.
const WE = /^(?:we|us|wir|nous|on|wij|we|nosotros|noi|my|the team)$/iu;

// A plan that says nothing holds the next step: "(no flag)", "no feature flag", "no gate", "ungated",
// "no sign-off needed", "straight to prod", "ohne Flag", "sin flag", "sans flag", "sem flag".
const NO_GATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:no (?:feature[- ])?(?:flag|toggle|gate)|ungated|no (?:sign-?off|approval) (?:needed|required)|straight (?:to|into) (?:prod\p{L}*|live)|`,
  String.raw`ohne (?:feature[- ]?)?(?:flag|toggle|gate)|sin (?:flag|feature flag|toggle)|sans (?:flag|feature flag|toggle)|sem (?:flag|feature flag|toggle))(?![\p{L}])`,
);

/** The change's scope keeps THIS key to its environment: the sentence stating it names the key's
 * words, or names no other key the same commit changed ("Also injects 300 ms latency … (stage-only
 * chaos, stays)" keeps the latency, not the retry fix beside it). One commit, one intent per key. */
function ownScope(c: Case, commit: { commit: string; subject: string; body: string }, intent: Intent): boolean {
  if (intent.scope?.kind !== 'env-only') return false;
  const phrase = intent.scope.phrase.split('\n')[0]!.toLowerCase();
  const sentence = sentencesOf(commit)
    .find((s) => s.toLowerCase().includes(phrase))
    ?.toLowerCase();
  if (!sentence) return true;
  const names = (key: string) => keyWords(key).some((w) => sentence.includes(w));
  if (names(c.d.key)) return true;
  const others = (c.context.log?.commits.get(commit.commit)?.changes ?? []).map((ch) => ch.key).filter((k) => k !== c.d.key);
  return !others.some(names);
}

/** What the texts written after the change say to its open matter — its condition, its plan — newest
 * first (answered.ts, the links lane's reader): a default answers only after these were read and said
 * nothing. `values` are the values the matter is about (the change's, and the waiting environment's
 * where that value's own end matters). */
function answersTo(c: Case, commit: HistoryEvent, said: string, env: EnvName, values: Array<string | null>): LaterAnswer[] {
  if (!c.context.log) return [];
  return newestAnswersFirst(
    answersOf(
      {
        key: c.d.key,
        values,
        tickets: ticketsIn(said),
        env,
        date: commit.date,
        author: commit.author,
        allValues: Object.keys(c.d.values).map(c.value),
        subject: commit.subject,
        environments: c.context.environments,
        commit: commit.commit,
        ...(c.context.today ? { today: c.context.today } : {}),
      },
      c.context.log,
    ),
  );
}

/** A later record, linked to the change by its ticket or its key, saying the event the change's temporary
 * value waits for is still ahead: expected on a day to come, or with no date (event-ahead.ts). */
function eventStillAhead(
  c: Case,
  commit: HistoryEvent,
  said: string,
  event: string,
  values: Array<string | null>,
): (EventAhead & { where: string; quote: string; sha: string }) | undefined {
  const log = c.context.log;
  const words = eventWords(event);
  if (!log || words.length === 0) return undefined;
  const q = {
    key: c.d.key,
    values,
    tickets: ticketsIn(said),
    date: commit.date,
    author: commit.author,
    subject: commit.subject,
    environments: c.context.environments,
  };
  for (const p of linkedPassages(q, log, true)) {
    if ((p.link !== 'ticket' && p.link !== 'key') || p.message || p.written.sha === commit.commit) continue;
    if (Date.parse(p.written.date) <= Date.parse(commit.date) || (c.context.today && p.written.date.slice(0, 10) > c.context.today)) continue;
    for (const sentence of p.text.replace(/\*\*|__/g, '').split(sentenceEnds(/(?<=[.!?;。！？])\s+|\n+/))) {
      const ahead = eventAhead(sentence, words, p.written.date, c.context.today);
      if (ahead) return { ...ahead, where: `${p.file}:${p.line} (written in ${short(p.written.sha)})`, quote: sentence.trim(), sha: p.written.sha };
    }
  }
  return undefined;
}

/** The gate the change's text set for `held` (a ticket, a person whose go it waits for) and the go a
 * later text gives under it (approval.ts); a refusal written later, or no word, is undefined. */
function approvalGiven(c: Case, commit: HistoryEvent, said: string, held: EnvName): { gate: GoGate; word: GoWord } | undefined {
  const log = c.context.log;
  if (!log) return undefined;
  const gate = goGate(said, held, peopleOf(log), c.context.environments ?? Object.keys(c.d.values));
  if (!gate) return undefined;
  const word = goGiven(
    gate,
    {
      key: c.d.key,
      held,
      commit: commit.commit,
      own: log.broughtBy.get(commit.commit) ?? [],
      date: commit.date,
      environments: c.context.environments ?? Object.keys(c.d.values),
      ...(c.context.today ? { today: c.context.today } : {}),
    },
    log,
  );
  return word?.says === 'go' ? { gate, word } : undefined;
}

/** A later answer linked by the change's ticket or its key speaks of this change; one linked by a
 * value or a few words may speak of another: it informs, at a lower confidence. */
const firmly = (a: LaterAnswer) => a.link === 'ticket' || a.link === 'key';

/** "docs/x.md:3 (written in abc1234) says the condition is not met: "…"" — the reason quoting the answer. */
function quoteAnswer(f: Findings, a: LaterAnswer, what: string): void {
  f.add('intent', `${a.where} ${what}: "${a.quote.replace(/\s+/g, ' ').slice(0, 160)}"`, a.sha);
}

/** A temporary change (a "for now", "until <condition>", a test) whose end its own text does not date:
 * the latest text answering its condition decides, before any default by age. Met or done: it goes
 * back; not met yet, or moved to a later date: it is declared until then, with the condition as the
 * question; called off: it goes back. No answer: undefined, and the default stands, having read. */
function temporaryAnswered(
  c: Case,
  answers: LaterAnswer[],
  revertTo: (confidence: number, why: string) => Partial,
  declare: (confidence: number, why: string, expires?: string) => Partial,
  deliberate: EnvName,
  previous: string | null,
): Partial | undefined {
  const a = answers.find((x) => x.says !== 'go' && x.says !== 'ends');
  if (!a) return undefined;
  const sure = firmly(a);
  switch (a.says) {
    case 'met':
    case 'done':
      quoteAnswer(c.f, a, `reports what the change waited for ${a.says === 'met' ? 'met' : 'done'}`);
      return revertTo(sure ? 0.6 : 0.5, `what ${deliberate}'s temporary value was for is over, as ${a.where} says`);
    case 'kept':
      // The end it waited for came the other way: the value is now its environment's own.
      quoteAnswer(c.f, a, 'makes the temporary value the setting');
      if (!sure) c.f.ask(`${a.where} keeps a value like ${deliberate}'s: is it this one? Then declare it; if not, revert ${deliberate} to ${shown(previous)}.`);
      return declare(sure ? 0.6 : 0.45, `${a.where} made ${deliberate}'s temporary value its own`);
    case 'withdrawn':
    case 'refused':
      quoteAnswer(c.f, a, a.says === 'refused' ? 'refuses it' : 'calls it off');
      // The refusal dated the undo, and the day has passed: the body that decides set the end (refusal-due.ts).
      if (a.says === 'refused' && sure && a.on && c.context.today && a.on < c.context.today)
        return revertTo(0.6, `${a.where} refuses it and set ${a.on} to undo it, which has passed`);
      return revertTo(0.5, `${a.where} calls the change off`);
    case 'moved':
      // The new end has passed too: the measure is past its own date again. A plan that slipped once may
      // have slipped again without a word, so it goes back as a question to its owner.
      if (a.on && c.context.today && a.on < c.context.today) {
        quoteAnswer(c.f, a, `moved its end to ${a.on}, which has passed too`);
        c.f.ask(
          `the end was moved to ${a.on}, which has passed: is ${deliberate}'s ${shown(c.value(deliberate))} still needed? If not, revert it to ${shown(previous)}.`,
        );
        return revertTo(0.5, `the end ${a.where} moved it to has passed too`);
      }
    // falls through: a new end still ahead
    case 'unmet': {
      quoteAnswer(c.f, a, a.says === 'unmet' ? `says what it waits for has not happened yet${a.on ? ` (expected ${a.on})` : ''}` : `moves its end to ${a.on}`);
      c.f.ask(
        `${a.where} says ${a.says === 'unmet' ? 'the condition is not met yet' : `the end moved to ${a.on}`}: ` +
          `keep ${deliberate}'s ${shown(c.value(deliberate))} until then, and revert it to ${shown(previous)} once it is.`,
      );
      const expires = a.on && (!c.context.today || a.on >= c.context.today) ? a.on : undefined;
      return declare(sure ? 0.55 : 0.45, `what ${deliberate}'s temporary value waits for has not happened yet (${a.where})`, expires);
    }
    default:
      return undefined;
  }
}

/** The host of a URL value, or the value itself: what a vendor's notice names ("api-v1.geo.example"). */
const hostOf = (value: string | null): string | null => {
  if (value === null) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(value.trim());
  return m ? m[1]! : value;
};

/** A step toward `drifted` that the change planned, or that only the promotion order would take: the
 * latest text answering it decides before the default does. A go for `drifted` ("… live in
 * production", "OK for prod"), a dated end of the value `drifted` still holds (a sunset, an end of
 * life: a due move), or — for a planned step — its gate reported met moves it; a gate reported not
 * met, or the plan's date moved, keeps the difference declared until then, with the question. A
 * refusal or a withdrawal is superseded.ts's to weigh. No answer: undefined, the default stands. */
function stepAnswered(
  c: Case,
  answers: LaterAnswer[],
  drifted: EnvName,
  target: string | null,
  backfill: (confidence: number, why: string) => Partial,
  declare: (confidence: number, why: string, expires?: string) => Partial,
  planned: boolean,
): Partial | undefined {
  const held = c.value(drifted);
  const names = (quote: string, value: string | null) => value !== null && value.length > 2 && quote.toLowerCase().includes(value.toLowerCase());
  const heldEnds = (a: LaterAnswer) => {
    const host = hostOf(held);
    return a.says === 'ends' && (names(a.quote, held) || (host !== held && names(a.quote, host))) && !names(a.quote, target) && !names(a.quote, hostOf(target));
  };
  // The latest word decides: a refusal or a withdrawal newer than a go takes it back (superseded.ts weighs it).
  const a = answers.find(
    (x) =>
      x.says === 'refused' ||
      x.says === 'withdrawn' ||
      (x.says === 'go' && !!x.envs?.includes(drifted)) ||
      heldEnds(x) ||
      (planned && (x.says === 'met' || ((x.says === 'unmet' || x.says === 'moved') && firmly(x)))),
  );
  if (!a || a.says === 'refused' || a.says === 'withdrawn') return undefined;
  const quote = a.quote.replace(/\s+/g, ' ').slice(0, 120);
  // A go the same document takes back further down ("28 Nov: approval withdrawn … Production stays at
  // 30 EUR"): the later line is the latest word, and it keeps the waiting environment where it is.
  const at = a.message ? undefined : /^(.+):(\d+) \(written in/.exec(a.where);
  const back =
    (a.says === 'go' || a.says === 'met') && at ? takenBackBelow(c.context, { file: at[1]!, line: Number(at[2]), sha: a.sha }, c.d.key, drifted) : undefined;
  if (back) {
    quoteAnswer(c.f, a, `gives ${drifted} the go`);
    c.f.add('intent', `further down, the same text keeps ${drifted} where it is: "${back.slice(0, 160)}"`, a.sha);
    c.f.ask(`${a.where} gave ${drifted} the go and then kept it back ("${back.slice(0, 80)}"): which stands?`);
    return declare(0.45, `the latest word in ${a.where} keeps ${drifted}'s value`);
  }
  // A go beside an item its own text leaves open ("ready for production. Open: the DPA, no answer yet")
  // waits for that answer: the readiness is not the decision.
  const open = a.says === 'go' ? awaitedBeside(c.context, { file: at?.[1], line: at ? Number(at[2]) : undefined, sha: a.sha }, c.d.key) : undefined;
  if (open) {
    quoteAnswer(c.f, a, `gives ${drifted} the go`);
    c.f.add('intent', `the same text leaves an answer awaited beside it: "${open.slice(0, 160)}"`, a.sha);
    c.f.ask(
      `${a.where} gives ${drifted} the go but waits on an answer ("${open.slice(0, 100)}"): has it come? Then ${drifted} takes ${shown(target)}; until then the difference stays declared.`,
    );
    return { ...declare(0.45, `the go for ${drifted} waits on an answer nobody has recorded`), deliberate: null };
  }
  if (a.says === 'go' || a.says === 'met') {
    quoteAnswer(c.f, a, a.says === 'go' ? `gives ${drifted} the go` : `reports the gate ${drifted}'s step waited for met`);
    return {
      ...backfill(firmly(a) ? 0.6 : 0.55, a.says === 'go' ? `${a.where} gives ${drifted} the go` : `the gate ${drifted}'s step waited for is reported met`),
      explicit: true,
      confirmed: `${a.where}: "${quote}"`,
    };
  }
  if (a.says === 'ends') {
    quoteAnswer(c.f, a, `says the value ${drifted} still holds, ${shown(held)}, ends${a.on ? ` on ${a.on}` : ''}`);
    c.f.ask(`${a.where} ends ${drifted}'s ${shown(held)}${a.on ? ` on ${a.on}` : ''}: switch ${drifted} to ${shown(target)} before then.`);
    return {
      ...backfill(0.6, `the value ${drifted} holds has an end of its own${a.on ? ` (${a.on})` : ''}: the move is due`),
      explicit: true,
      confirmed: `${a.where}: "${quote}"`,
    };
  }
  quoteAnswer(
    c.f,
    a,
    a.says === 'unmet' ? `says the gate ${drifted} waits for is not met yet${a.on ? ` (expected ${a.on})` : ''}` : `moves the plan to ${a.on}`,
  );
  c.f.ask(
    `${a.where} says ${drifted}'s step ${a.says === 'unmet' ? 'still waits for its gate' : `moved to ${a.on}`}: ` +
      `keep the difference declared until then, and backfill ${drifted} with ${shown(target)} once it is met.`,
  );
  const expires = a.on && (!c.context.today || a.on >= c.context.today) ? a.on : undefined;
  return declare(0.55, `${drifted}'s step waits for what ${a.where} says is still open`, expires);
}

/** The hold's date is counted from the day its text was written ("after a few days", "tomorrow", "in
 * two weeks", "next Tuesday's window"): the same words written a week later give a date a week later.
 * A date of its own ("after 12.10.", "by 2026-11-15", "once the freeze ends (30.11.)") does not move. */
function estimatedDate(phrase: string, written: string, until: string): boolean {
  const read = readDeadline(phrase, written).date;
  if (read !== until) return false;
  const weekLater = new Date(Date.parse(written) + 7 * 86_400_000).toISOString();
  const moved = readDeadline(phrase, weekLater).date;
  return moved !== undefined && moved !== read && daysBetween(read, moved) === 7;
}

// Who decides, when the text says only "she" or "they": the person is named elsewhere in it.
const PRONOUN = /^(?:she|he|they|them|her|him|sie|er|hon|han|de|ze|hij|zij|elle|il|ella|él)$/iu;
// … and the auxiliary its tense leaves after the name ("sobald die CISO entschieden hat", "zodra de CISO heeft besloten").
const AUXILIARY = /\s(?:has|have|had|hat|haben|hatte|heeft|hebben|aura|auront|a|ont|ha|han|har|will)$/iu;

function choose(c: Case, x: Facts): Partial {
  const { f, d, context, rank } = c;
  const { deliberate, drifted, decisive, intent, target, downstream, age, links } = x;
  const previous = decisive.from;
  // The decisive commit, whose text and links the branches below read; an edit not committed has none.
  const commit = isUncommitted(decisive) ? undefined : decisive;
  // Its text with the messages of the merges that brought it in (a pull request's description).
  const spoken = commit ? intentText(commit, context.log) : undefined;
  const said = spoken ? `${spoken.subject}\n${spoken.body}` : '';
  // What was written since about this change, read once, before any default below answers.
  let later: LaterAnswer[] | undefined;
  const answersSince = () => (later ??= commit ? answersTo(c, commit, said, deliberate, [target, c.value(drifted)]) : []);
  // Does a commit or document written after `since` cite one of `tickets` (a decision waited for, recorded)?
  const citedLater = (tickets: readonly string[], since: HistoryEvent): boolean =>
    !!context.log &&
    tickets.some(
      (t) =>
        (context.log!.byTicket.get(t) ?? []).some(
          (sha) => sha !== since.commit && Date.parse(context.log!.messages.get(sha)?.date ?? '') > Date.parse(since.date),
        ) || documentIndex(context.log!).some((doc) => doc.tickets.has(t) && Date.parse(doc.written.date) > Date.parse(since.date)),
    );
  const revertTo = (confidence: number, why: string): Partial => {
    const { d } = c;
    const back = previous === null ? `remove ${d.key} from ${deliberate}` : `revert ${deliberate} to ${shown(previous)}`;
    f.say(`${why}: ${back}${previous === c.value(drifted) ? `, as ${drifted} ${previous === null ? 'has never had it' : 'still holds'}` : ''}`);
    // The environment whose value stands is the one that kept it.
    return { deliberate: previous === c.value(drifted) ? drifted : null, drifted: deliberate, suggested: 'revert', value: previous, confidence };
  };
  const declare = (confidence: number, why: string, expires?: string): Partial => {
    f.say(`${why}: declare the difference in the contract${expires ? ` until ${expires}` : ''}`);
    return { deliberate, drifted: null, suggested: 'declare', value: null, confidence, ...(expires ? { expires } : {}) };
  };
  // Nothing read in the change says why it differs: the promotion order alone moves no value in
  // either direction. A person says whether the value follows or is the environment's own.
  const orderAlone = (): Partial => {
    const answer = stepAnswered(c, answersSince(), drifted, target, backfill, declare, false);
    if (answer) return answer;
    // A later text says the lagging environment's file lags what runs there ("staging.tfvars still says 13.12"):
    // the value was changed outside the repo, and the file catches up (not production: stale-file.ts).
    const lagging = commit && c.value(drifted) !== null ? staleFileOf(context, drifted, c.value(drifted)!, target ?? '', commit.date) : undefined;
    if (lagging && target !== null) {
      f.add(
        'intent',
        `${lagging.where}, written after ${short(commit!.commit)}, says ${drifted}'s file lags what runs there: "${lagging.text.slice(0, 160)}"`,
        lagging.sha,
      );
      return backfill(0.6, `${drifted} already runs ${shown(target)} and only its file says otherwise`);
    }
    // A record written since lists the lagging environment's move to the value as an action ("Action: set
    // production's cache.ttl to 300000", "- [ ] prod: ttl -> 300000"): whoever wrote it decided the step,
    // and the file has not taken it yet (action-step.ts, as for a contract's offender).
    // … or, in a row citing the change's id, lists its own put-back as a step not taken ("| CAB-EXC-0931 | coupons
    // 1 → 3 | pending: maxPerOrder back to 1 |"): whoever reviewed it decided the value goes back.
    const cites = commit ? ticketsIn(`${commit.subject}\n${commit.body}`) : [];
    const back =
      commit && previous !== null && cites.length > 0
        ? actionStep(d.key, deliberate, previous, commit.date, context.log, context.today, 'qualified', cites)
        : undefined;
    if (back) {
      f.add(
        'intent',
        `${back.where}, written after ${short(commit!.commit)}, lists ${deliberate}'s return to ${shown(previous)} as a step: "${back.item.slice(0, 160)}"`,
        back.sha,
      );
      return { ...revertTo(0.6, `a later record decided ${deliberate}'s return to ${shown(previous)}, and its file has not taken it`), explicit: true };
    }
    const step = commit && target !== null ? actionStep(d.key, drifted, target, commit.date, context.log, context.today, 'qualified') : undefined;
    if (step) {
      f.add(
        'intent',
        `${step.where}, written after ${short(commit!.commit)}, lists ${drifted}'s move to ${shown(target)} as a step: "${step.item.slice(0, 160)}"`,
        step.sha,
      );
      return { ...backfill(0.6, `a later record decided ${drifted}'s move to ${shown(target)}, and its file has not taken it`), explicit: true };
    }
    const follow = downstream ? `meant to reach ${drifted}` : `meant for ${drifted} too`;
    // An explanation never says nothing was read when the evidence above shows something was.
    f.add(
      'quality',
      intent && speaks(intent)
        ? `what the change says does not settle whether ${drifted} takes ${shown(target)}: the promotion order alone would decide it`
        : `only the promotion order speaks: nothing read in the change says why ${deliberate} holds ${shown(target)}`,
    );
    // A credential is never copied from one environment into another: the question a person answers
    // is whether the other one's should be rotated, in the secret store (a newcomer's trial, session 36:
    // "backfill production" with staging's database password was offered as the alternative).
    if (context.risk === 'secret')
      f.ask(
        `is ${deliberate}'s new ${d.key} its own credential (declare: each environment keeps its own), ` +
          `or a rotation ${drifted} needs too (rotate ${drifted}'s in the secret store, never by copying ${deliberate}'s)?`,
      );
    else f.ask(`was ${deliberate}'s ${shown(target)} ${follow} (backfill ${drifted}), or is it ${deliberate}'s own setting (declare)?`);
    return { ...declare(QUALITY_CAP, `nothing says whether ${drifted} should follow ${deliberate}`), lagging: drifted };
  };
  const backfill = (confidence: number, why: string): Partial => {
    f.say(`${why}: backfill ${drifted} with ${shown(target)}${confidence < 0.7 ? ', or declare the difference if it is meant to stay' : ''}`);
    return { deliberate, drifted, suggested: 'backfill', value: target, confidence };
  };
  // A decision the change deferred to a result ("Decision for production after the evaluation") is
  // weighed against the report that answers it: a later text about the key (or the change's ticket)
  // that recommends the value for the waiting environment is the decision made (answers.ts).
  const answered = (deferral: string): Partial | undefined => {
    if (!commit || !downstream) return undefined;
    const answer = answerTo(d.key, commit, drifted, target, context.log, context.today);
    if (!answer) return undefined;
    f.add('intent', `${short(commit.commit)} left ${drifted}'s decision to a result ("${deferral.slice(0, 120)}")`, commit.commit);
    f.add('intent', `${answer.where}, written after it, answers it for ${drifted}: "${answer.sentence.slice(0, 160)}"`, answer.sha);
    return {
      ...backfill(0.6, `the result recommends ${shown(target)} for ${drifted}, the decision ${short(commit.commit)} waited for`),
      explicit: true,
      confirmed: `${answer.where}: "${answer.sentence.slice(0, 120)}"`,
    };
  };

  // A later report of harm in the environment that took the value, tied to this change (its cause line
  // names the key at the new value, or it dates the failures after the change's day): whatever the
  // change said of itself, the value is no choice of that environment's, and it goes back to what the
  // others still hold (harm-report.ts).
  const harm = commit && previous === c.value(drifted) ? harmReported(d.key, deliberate, target, previous, commit, context.log, context.today) : undefined;
  if (commit && harm) {
    f.add('intent', `${harm.where}, written after ${short(commit.commit)}, reports harm in ${deliberate} tied to it: "${harm.quote}"`, harm.sha);
    f.ask(`is anything still holding ${deliberate} at ${shown(target)} after the harm reported in ${harm.where}? If not, revert it.`);
    return { ...revertTo(0.6, `a later report ties harm in ${deliberate} to its ${shown(target)}`), explicit: true };
  }

  // The change's own text (with the merge that brought it in) holds the environment whose file it
  // edits behind a gate ("enable bulk export for staging … prod only after DPO sign-off", "Prod erst
  // nach dem Pentest") that nothing since reports passed: it landed there before its gate, and that
  // environment goes back until someone records the gate passed. Not above 0.55: the gate may have
  // been passed without a word in the repo.
  // Only where the commit's own words name the other environment and not the one whose file it
  // edits ("enable bulk export for staging"): the edit landed in the wrong file. A commit that names
  // its own environment ("production after the freeze", written on production's step) is that step.
  const ownWords = commit ? readIntent(commit, deliberate, context.environments).names : [];
  const misplaced = ownWords.includes(drifted) && !ownWords.includes(deliberate);
  const ownGate = commit && spoken && misplaced ? readIntent(spoken, drifted, context.environments).hold : undefined;
  if (
    commit &&
    ownGate?.follows &&
    ownGate.envs.includes(deliberate) &&
    (ownGate.check || ownGate.event) &&
    (!ownGate.until || !context.today || ownGate.until > context.today) &&
    // (Reported after the merge that brought the change in: the merge's own gate is no report of it.)
    !checkMet((ownGate.check ?? ownGate.event)!, { commit: commit.commit, date: latestOf(commit.date, spoken!.via, context) }, context.log, context.today)
  ) {
    f.add(
      'intent',
      `${short(commit.commit)} edits ${deliberate}'s file (${commit.file}), yet its text holds ${deliberate} back: "${ownGate.phrase.slice(0, 160)}"`,
      commit.commit,
    );
    f.ask(
      `${deliberate} was to wait for "${ownGate.check ?? ownGate.event}", and nothing in the repo reports it passed: has it? If so, keep ` +
        `${deliberate}'s ${shown(target)} and backfill ${drifted}; if not, ${deliberate} goes back to ${shown(previous)}.`,
    );
    return revertTo(0.55, `${deliberate} took the change before the gate its own text sets for it`);
  }

  // The text names the lagging environment, not its own: it landed in the wrong file — unless it
  // names it as the step being prepared or the model copied ("Vorbereitung für Prod", "prod-like
  // sizing", "comme en prod": rehearsal.ts) and no incident of its own: a rehearsal belongs in the
  // file it edits, and whether the lagging environment's step has come is a person's to say.
  const misfiled = commit && intent && isMisfiled(intent, deliberate, drifted, context, commit.commit) && !intent.temporary && !intent.rollout;
  const rehearsal = misfiled && !intent.incident ? rehearses(said, drifted) : undefined;
  if (commit && rehearsal) {
    f.add(
      'intent',
      `${short(commit.commit)} edits ${deliberate}'s file and names ${drifted} as a step to come or a model: "${rehearsal.slice(0, 160)}"`,
      commit.commit,
    );
    f.ask(
      `${short(commit.commit)} readies or mirrors ${drifted} in ${deliberate}'s file: has ${drifted}'s step come (backfill ${drifted} with ` +
        `${shown(target)}), or is ${shown(target)} ${deliberate}'s own rehearsal (declare it, or revert ${deliberate} to ${shown(previous)})?`,
    );
    return { ...declare(0.5, `${deliberate} prepares or mirrors ${drifted}; nothing says ${drifted}'s step has come`), lagging: drifted };
  }
  if (commit && intent && misfiled) {
    f.add(
      'intent',
      `${short(commit.commit)} edits ${deliberate}'s file (${commit.file}) but its message speaks of ${list(intent.names)}, not ${deliberate}: "${commit.subject}"`,
      commit.commit,
    );
    f.say(
      `the change was meant for ${drifted} but landed in ${deliberate}'s file: backfill ${drifted} with ` +
        `${shown(target)}, then decide whether ${deliberate} keeps it (revert ${deliberate} to ${shown(previous)} if ` +
        `not)`,
    );
    return { deliberate, drifted, suggested: 'backfill', value: target, confidence: intent.incident ? 0.9 : 0.8 };
  }

  // A value set to reproduce or debug something, which a later commit reports found or fixed: its
  // reason is gone, and the environment goes back (reproduced.ts).
  const purpose = commit && (intent?.temporary || intent?.scope?.kind === 'test') ? reproducing(said) : undefined;
  const fixed =
    commit && purpose && previous === c.value(drifted) ? reproducedFixed(purpose, commit.date, commit.commit, context.log, context.today) : undefined;
  if (commit && purpose && fixed) {
    f.add('intent', `${short(commit.commit)} set it to reproduce "${purpose.slice(0, 80)}"`, commit.commit);
    f.add('intent', `${describeMessage(fixed)} reports it ${/found/i.test(fixed.phrase) ? 'found' : 'fixed'} ("${fixed.phrase}")`, fixed.sha);
    return revertTo(0.6, `what ${deliberate}'s ${shown(target)} was set to reproduce is reported found or fixed`);
  }

  // The undo elsewhere says this environment keeps the change ("reverted in staging, leaving dev ON
  // to repro", "staging back to 30s; prod keeps 60 on purpose"): it was kept, not left behind.
  const keptByUndo = links.undoneElsewhere ? keptThere(links.undoneElsewhere, deliberate) : undefined;
  if (keptByUndo) {
    f.add(
      'intent',
      `${describeCommit(links.undoneElsewhere!)} undid the change elsewhere and says ${deliberate} keeps it: "${keptByUndo.slice(0, 160)}"`,
      links.undoneElsewhere!.commit,
    );
    f.ask(`${deliberate} keeps ${shown(target)} by the word of the undo ${short(links.undoneElsewhere!.commit)}: until when?`);
    return declare(0.55, `${deliberate}'s value was kept on purpose when the change was undone elsewhere`);
  }
  // Linked commits undid the same ticket's changes elsewhere, or this commit's siblings: this one
  // was left behind.
  if (links.undoneElsewhere || links.siblingsUndone.length > 0) return revertTo(0.7, 'the rest of the change has been undone');

  // The same commit set a sibling to a value the contract forbids here: the change was one
  // decision, and the contract rejects it, so it goes back as a whole.
  if (commit && links.siblingsForbidden.length > 0) {
    f.add(
      'contract',
      `${short(commit.commit)} also set ${list(links.siblingsForbidden)} in ${deliberate} to a value the contract forbids there: "${commit.subject}"`,
      commit.commit,
    );
    f.ask(`was the change in ${short(commit.commit)} approved by the contract's owner? If not, it goes back as a whole.`);
    return revertTo(0.65, `part of a change the contract rejects`);
  }

  // A temporary or test change whose ticket or purpose a later commit reports done: its purpose
  // has passed.
  const ended = links.endedElsewhere?.commit ?? (x.met?.how === 'done' ? x.met.note.sha : undefined);
  if ((intent?.temporary || intent?.scope?.kind === 'test') && ended && previous === c.value(drifted)) {
    return revertTo(0.7, `the work it was made for is done (${short(ended)})`);
  }

  // The change ended a temporary phase the environments went into together; one of them is still in it.
  if (x.phaseEnded && c.value(drifted) === previous && previous !== target) {
    return {
      ...backfill(0.7, `${deliberate} left a temporary phase that is over ("${x.phaseEnded}"); ${drifted} is still in it`),
      explicit: true,
      confirmed: `the phase is reported over ("${x.phaseEnded}")`,
    };
  }

  // A step back with an end the text gave that has passed is a temporary change past its
  // deadline (below), not a step back to keep declared.
  const downgradeUntil = intent?.temporary?.until;
  const downgradeOver = !!downgradeUntil && !!context.today && downgradeUntil < context.today;
  if (x.versions.downgrade && !downgradeOver) {
    // The step back's own text makes the return wait for a decision someone is to take ("re-apply in
    // prod only after the DBA review (DBA-301) decides how"), and no later text cites that review: the
    // difference stands, but whether and how the newer version returns is theirs to say, not a keep.
    const waits = commit ? returnAwaitsDecision(`${commit.subject}\n${commit.body}`, deliberate) : undefined;
    const answeredLater = !!commit && !!waits && citedLater(ticketsIn(waits.sentence), commit);
    if (commit && waits && !answeredLater) {
      const who = waits.owner ?? 'the decision its text names';
      f.add(
        'intent',
        `${short(commit.commit)} makes ${deliberate}'s return to ${shown(previous)} wait for a decision by ${who}: "${waits.sentence.slice(0, 160)}"`,
        commit.commit,
      );
      f.ask(
        `${who} is to decide whether and how ${deliberate} takes ${shown(previous)} again ("${waits.sentence.slice(0, 80)}"): what did ${who} decide? ` +
          `Nothing in the repo records it, so the difference stands until someone does.`,
      );
      return declare(0.45, `whether ${deliberate} goes forward again is ${who}'s decision, and none is recorded`);
    }
    f.ask(`${deliberate} was downgraded to ${shown(target)}: did the newer version fail there only (declare), or should ${drifted} go back too?`);
    return declare(intent?.incident ? 0.6 : 0.45, `${deliberate} went back to an older version on purpose`, intent?.temporary?.until);
  }

  // The text says the lagging environment follows: once a gate has passed, which a later commit
  // reports; or, for a lower environment, later ("prod only for now, stage later"): a backport.
  const follows = commit && intent?.hold?.follows && intent.hold.envs.includes(drifted) ? intent.hold : undefined;
  // One intent per key: in a commit that changed several keys, this key's own clause keeping it to
  // its environment ("the preview cache drops to 60 for QA on staging only") outranks a follow or
  // a rollout the message plans for the commit as a whole ("Production follows with the next deploy").
  const siblings = commit ? (context.log?.commits.get(commit.commit)?.changes ?? []).some((ch) => ch.key !== d.key) : false;
  const keptToItself = siblings && intent?.scope?.kind === 'env-only' && !intent.temporary;
  // (A gate's ticket reported closed and reopened since is not passed: reopened.ts.)
  const reopened = !!x.met?.ticket && reopenedSince(x.met.ticket, x.met.note.order, context.log, context.today);
  if (commit && follows && downstream && x.met && !keptToItself && !reopened) {
    f.add('intent', `${short(commit.commit)} lets ${drifted} follow once a gate has passed ("${follows.phrase}"), and it has`, commit.commit);
    // A check reported passed in a bare verdict ("checked …: OK.") moves it, not confidently.
    return {
      ...backfill(x.met.check ? 0.6 : 0.7, `${drifted} was to follow after a gate that a later commit reports passed`),
      explicit: true,
      confirmed: metBy(x.met),
    };
  }
  const keptHere = intent?.scope?.kind === 'env-only' || (!!intent?.hold && !intent.hold.follows && intent.hold.envs.includes(drifted));
  // Production first, and the text names the lower environment to follow ("production goes first …
  // staging follows when QA has a slot"): a backport due — the slot is scheduling, not a gate on the value.
  if (commit && !downstream && !follows && intent?.rollout?.next.includes(drifted) && !keptHere) {
    f.add('intent', `${short(commit.commit)} went to ${deliberate} first and names ${drifted} to follow ("${intent.rollout.phrase}")`, commit.commit);
    return backfill(intent.incident ? 0.7 : 0.6, `${deliberate} went first and ${drifted} was to follow: a backport`);
  }
  // The lagging environment is held only until someone decides ("test/acc stay 14 until she decides",
  // "acc bleibt bei 14, bis die CISO entschieden hat"): the decision may as well be that it never
  // follows (an exception instead), so whether it does is theirs to say. Unless a later commit or
  // document cites the change's tickets (the decision recorded), the difference stands, declared.
  const heldForDecision = commit && follows ? returnAwaitsDecision(`${commit.subject}\n${commit.body}`, drifted) : undefined;
  if (commit && heldForDecision && !citedLater(ticketsIn(`${commit.subject}\n${commit.body}`), commit)) {
    const owner = heldForDecision.owner?.replace(AUXILIARY, '');
    const who = owner && !PRONOUN.test(owner) ? owner : 'the person its text names';
    f.add(
      'intent',
      `${short(commit.commit)} holds ${drifted} at ${shown(c.value(drifted))} until a decision by ${who}: "${heldForDecision.sentence.slice(0, 160)}"`,
      commit.commit,
    );
    f.ask(
      `whether ${drifted} takes ${deliberate}'s ${shown(target)} is for ${who} to decide ("${heldForDecision.sentence.slice(0, 80)}"): what was decided? ` +
        `Nothing in the repo records it, so the difference stands until someone does.`,
    );
    return declare(0.45, `whether ${drifted} follows ${deliberate} waits for a decision nobody has recorded`);
  }
  if (commit && follows && !downstream) {
    f.add('intent', `${short(commit.commit)} says ${drifted} follows later ("${follows.phrase}")`, commit.commit);
    return backfill(intent?.incident ? 0.7 : 0.6, `${deliberate} went first and ${drifted} was to follow`);
  }

  // A reapply of a reverted change restores it; an environment the original change set and the
  // reapply left out still holds what the revert put back: it was left out, not kept apart (reapplied.ts).
  const leftOut =
    commit && context.log
      ? leftOutOfReapply(commit, drifted, target, c.value(drifted), context.log.envs.get(drifted)?.get(d.key) ?? [], context.log)
      : undefined;
  if (commit && leftOut) {
    const { original, revert } = leftOut;
    f.add(
      'intent',
      `${short(commit.commit)} reapplies ${short(original.sha)} ("${original.subject}")${revert ? `, undoing its revert ${short(revert.sha)}` : ''}: the revert was taken back`,
      commit.commit,
    );
    f.add(
      'intent',
      `${short(original.sha)} set ${drifted} to ${shown(target)} too; the reapply left ${drifted} out, and nothing has changed it since`,
      original.sha,
    );
    return {
      ...backfill(0.6, `${drifted} was left out of the reapply of a change meant for it`),
      explicit: true,
      confirmed: `${short(original.sha)} set ${drifted} to ${shown(target)}, and ${short(commit.commit)} reapplies it`,
    };
  }

  // A commit its own author marked not to be merged, merged anyway: its value in the environment
  // it reached is a leftover of work in progress; that environment goes back (unmerged.ts).
  const unmerged = commit ? markedNotToMerge(commit.subject, commit.body) : undefined;
  const mergedBy = commit && unmerged && previous === c.value(drifted) ? mergedAnyway(commit.commit, context.log, keyWords(d.key)) : undefined;
  if (commit && unmerged && mergedBy) {
    f.add(
      'intent',
      `${short(commit.commit)} was marked by its author not to be merged ("${unmerged}"), and merge ${short(mergedBy.merge)} ("${mergedBy.subject}") brought it in anyway`,
      commit.commit,
    );
    f.ask(`was ${short(commit.commit)}'s ${shown(target)} in ${deliberate} meant to survive the merge? Its author marked the commit not to be merged.`);
    return revertTo(0.6, `${deliberate}'s ${shown(target)} is a leftover of work in progress that was not to be merged`);
  }

  // Held back for someone's go or an approval the change names (its ticket, the person): the later
  // text under that ticket or by that person that gives the go decides, wherever it is (approval.ts).
  const given = commit && downstream && c.value(drifted) === previous ? approvalGiven(c, commit, said, drifted) : undefined;
  if (commit && given) {
    const { gate, word } = given;
    f.add('intent', `${short(commit.commit)} held ${drifted} back for a go or an approval: "${gate.sentence.slice(0, 160)}"`, commit.commit);
    const quote = word.quote.replace(/\s+/g, ' ').slice(0, 160);
    const link = word.by === 'ticket' ? `under ${list(gate.tickets)}` : `by ${list(gate.people)}`;
    if (word.on && context.today && word.on > context.today) {
      f.add('intent', `${word.where}, written since ${link}, gives ${drifted} the go from ${word.on}: "${quote}"`, word.sha);
      f.ask(`${drifted} has the go from ${word.on}: backfill ${drifted} with ${shown(target)} then.`);
      return declare(0.55, `${drifted}'s go takes effect on ${word.on}, not yet`, word.on);
    }
    f.add('intent', `${word.where}, written since ${link}, gives ${drifted} the go: "${quote}"`, word.sha);
    return {
      ...backfill(0.6, `the go ${drifted} was held back for is given`),
      explicit: true,
      confirmed: `${word.where}: "${quote.slice(0, 120)}"`,
    };
  }

  // Kept to one environment until an approval, and a later commit gives it: the others follow.
  if (commit && downstream && intent?.scope?.kind === 'env-only' && intent.temporary && x.met?.how === 'approved' && c.value(drifted) === previous) {
    return { ...backfill(0.65, `${deliberate} kept it until an approval that a later commit gives`), explicit: true, confirmed: metBy(x.met) };
  }
  // A staged rollout whose next step's condition a later commit reports met: it goes on — unless the
  // same text keeps this change to its environment ("staging only, prod keeps an hour"): a commit that
  // changed several keys plans the rollout of some, and the keep of this one outranks it (below).
  if (commit && downstream && intent?.rollout?.next.includes(drifted) && x.met && c.value(drifted) === previous && !keptHere) {
    // A check reported passed in a bare verdict ("checked …: OK.") is read from fewer words than an
    // approval: production moves on it, but not confidently.
    return {
      ...backfill(x.met.check ? 0.6 : 0.7, `the rollout's next step waited for a condition that a later commit reports met`),
      explicit: true,
      confirmed: metBy(x.met),
    };
  }

  // An explicit "not for production" outweighs an undated time limit: the end of an experiment
  // is for its owner to call, not for the calendar.
  // Kept back only until a gate ("pending finance approval, do not promote yet"): whether the
  // gate has passed is not always written in the repo, so the wait is not a claim to keep apart.
  const waits =
    commit && intent?.scope?.kind === 'env-only' && !intent.temporary?.until ? WAITS_ON_GATE.exec(`${commit.subject}\n${commit.body}`)?.[0] : undefined;
  if (waits && downstream && c.value(drifted) === previous) {
    f.ask(
      `${deliberate} keeps ${shown(target)} back from ${drifted} until a gate ("${waits}"): has it passed? Then backfill ${drifted}; until then the difference stands.`,
    );
    return declare(0.45, `${deliberate} holds it back from ${drifted} until a gate passes`);
  }
  // Kept to one environment only for now, the ones left out promised the same as a group ("only
  // prod for now, the rest comes with the release"): the limit was the scope, not the value. An
  // environment upstream of it, still on the value before, takes it (away from production, never
  // toward it: a downstream step stays with the rollout's own rules).
  // So is a scope that is itself "for now" ("Only prod for now."): what was temporary was keeping
  // the others out, not the value.
  const keptOut = commit && !downstream && c.value(drifted) === previous && intent?.scope?.kind === 'env-only';
  const promised = keptOut ? restFollows(said) : undefined;
  // (Not when the change states its own end: "prod only for now, until the vendor fixes it" is a
  // stop-gap of production's, for the rules below.)
  const forNow = keptOut && !promised && !intent?.temporary?.until && !intent?.temporary?.event ? scopeForNow(said) : undefined;
  const rest = promised ?? forNow;
  if (commit && rest) {
    f.add(
      'intent',
      promised
        ? `${short(commit.commit)} kept it to ${deliberate} for now and promised the others the same: "${rest}"`
        : `${short(commit.commit)} kept it to ${deliberate} "for now" ("${rest}"): the limit was the scope, not the value`,
      commit.commit,
    );
    f.ask(
      promised
        ? `${drifted} was promised the same ("${rest}") and never got it: was it meant to keep ${shown(previous)} after all (declare)?`
        : `${drifted} was left out only "for now" ("${rest}") and never got it: was it meant to keep ${shown(previous)} after all (declare)?`,
    );
    return backfill(0.55, promised ? `${deliberate} first, the rest promised to follow` : `${deliberate} first, the others left out only for now`);
  }
  if (intent?.scope?.kind === 'env-only' && intent.temporary && !intent.temporary.until) {
    const answered = commit ? temporaryAnswered(c, answersTo(c, commit, said, deliberate, [target]), revertTo, declare, deliberate, previous) : undefined;
    if (answered) return answered;
    f.ask(`is ${deliberate}'s ${intent.temporary.event ? `"${intent.temporary.event}"` : 'experiment'} over? Then revert ${deliberate} to ${shown(previous)}.`);
    // A keep until an event with no date is a time limit whose end is open: a question, not a sure declare.
    return declare(UNDATED_AGED, `${deliberate}'s own setting by intent, for a while`);
  }

  // The text says what the lagging environment does: keeps its own value on purpose, or follows
  // once a gate (a date, a freeze, a release) has passed.
  const hold = intent?.hold;
  // The next step left to someone's decision ("after that, product decides whether it ships to prod",
  // "Danach entscheidet das Produktteam, ob es in Prod geht", "daarna beslist het productteam of …"):
  // a hold whose outcome is a person's, not a date's or a check's. Until a later text records the
  // decision, the question goes to whoever the text named ("we" is its author), and nothing moves.
  const decision = commit && downstream ? decisionLeftTo(`${commit.subject}\n${commit.body}`, drifted, context.environments) : undefined;
  if (commit && decision) {
    const go = answered(decision.sentence);
    if (go) return go;
    const who = WE.test(decision.owner) ? commit.author : decision.owner;
    f.add('intent', `${short(commit.commit)} leaves whether ${drifted} follows to a decision by ${who}: "${decision.sentence.slice(0, 160)}"`, commit.commit);
    const after = intent?.temporary?.until ? `, after ${intent.temporary.until}` : '';
    f.ask(
      `${who} was to decide whether ${drifted} takes ${deliberate}'s ${shown(target)}${after} ("${decision.sentence.slice(0, 80)}"): ` +
        `what did ${who} decide? Nothing in the repo records what was decided (a go: backfill ${drifted} with ${shown(target)}; ` +
        `a stop: revert ${deliberate} to ${shown(previous)}), so the difference stands until someone does.`,
    );
    return declare(0.45, `whether ${drifted} follows is ${who}'s decision, and none is recorded`);
  }
  if (commit && hold?.envs.includes(drifted)) {
    const phrase = `"${hold.phrase}"`;
    // A keep until a version runs there ("prod stays until 5.2 ships there", "producao fica até a 5.2
    // subir lá") holds only until then: once a record or its own config says the version went out there,
    // the reason to keep it apart is gone and the change the keep held back follows.
    // (Read in the hold's whole sentence: "Produktion behält es, bis 5.2 dort läuft" puts the end after a comma.)
    const holdAt = said.indexOf(hold.phrase);
    const holdSentence = holdAt < 0 ? hold.phrase : (said.slice(holdAt).split(/[.!?;\n](?=\s|$)/)[0] ?? hold.phrase);
    const wait = downstream ? keptUntilVersion(holdSentence, drifted) : undefined;
    const reached = wait
      ? (versionPassedIn(wait, context.log, commit.date, context.today) ?? versionReached(wait, context.log, commit.date, context.today))
      : undefined;
    if (wait && reached) {
      f.add('intent', `${short(commit.commit)} keeps ${drifted} apart until ${wait.version} runs there (${phrase})`, commit.commit);
      f.add('intent', `${reached.where} records ${wait.version} in ${drifted} on ${reached.date}: "${reached.quote}"`, reached.sha);
      const step = target === null ? `remove ${d.key} from ${drifted}` : `backfill ${drifted} with ${shown(target)}`;
      f.ask(`${drifted} now runs ${wait.version}, which its keep waited for: is anything else holding it? If not, ${step}.`);
      return { ...backfill(0.55, `${drifted} was kept apart only until ${wait.version} ran there, and it does`), explicit: true };
    }
    // An undated time word beside the hold ("Only here for now. Production must stay Lax") does not
    // outrank it: the other environment's stated keep stands, with the question how long.
    // (A time word with a date or an event — "until the backfill is done" — is the change's own end, weighed below.)
    const endless = !!intent?.temporary && !intent.temporary.until && !intent.temporary.event && !UNTIL_WORD.test(intent.temporary.phrase);
    if (!hold.follows && (!intent?.temporary || endless)) {
      f.add('intent', `${short(commit.commit)} says ${drifted} keeps its value on purpose (${phrase}): the difference is meant`, commit.commit);
      if (intent?.temporary)
        f.ask(`${short(commit.commit)} keeps ${drifted} apart and calls ${deliberate}'s value temporary${quoteOf(intent.temporary, '')}: until when?`);
      return declare(intent?.temporary ? 0.6 : 0.7, `${deliberate}'s own setting, with ${drifted} kept apart by intent`);
    }
    if (hold.follows && downstream && hold.until && context.today) {
      // A step due by a date ("switch production by 2026-12-15") is worded as the due step it is, not a wait.
      const due = hold.due === hold.until;
      if (hold.until >= context.today) {
        f.add(
          'intent',
          due
            ? `${short(commit.commit)} plans ${drifted}'s step by ${hold.until} at the latest (${phrase})`
            : `${short(commit.commit)} lets ${drifted} follow after ${hold.until} (${phrase})`,
          commit.commit,
        );
        f.ask(
          due
            ? `${drifted} is due to take ${deliberate}'s value by ${hold.until}: is that still the plan?`
            : `${drifted} is to follow ${deliberate} after ${hold.until}: is that still the plan?`,
        );
        return declare(0.65, due ? `${drifted} is due by ${hold.until}, not yet` : `${drifted} follows after ${hold.until}, not yet`, hold.until);
      }
      const ago = daysBetween(hold.until, context.today);
      f.add(
        'age',
        due
          ? `${short(commit.commit)} made ${drifted}'s step due by ${hold.until} (${phrase}); that date passed ${ago} days ago`
          : `${short(commit.commit)} let ${drifted} follow after ${hold.until} (${phrase}); that was ${ago} days ago`,
        commit.commit,
      );
      // The check reported made by a later text ("smoke test green", "QA ok'd it", "Security sign-off:
      // granted") opens the gate: the window's date decides again, as for a plan with no check.
      const met = hold.check ? checkMet(hold.check, commit, context.log, context.today) : undefined;
      if (met) f.add('intent', `${met.where}, written after it, reports the check made ("${hold.check}"): "${met.sentence.slice(0, 160)}"`, met.sha);
      // A person's decision left for after the date ("then Sanne decides whether it goes to prod") is
      // no check a text reports met, and the date passing is not its outcome.
      if (hold.decides && !hold.check) {
        const go = answered(hold.phrase);
        if (go) return go;
        f.ask(
          `${drifted} was left to a decision after ${hold.until} ("${hold.phrase.slice(0, 80)}"): what was decided? Nothing in the repo ` +
            `records it (a go: backfill ${drifted} with ${shown(target)}; a stop: revert ${deliberate} to ${shown(previous)}).`,
        );
        return declare(0.45, `the decision for ${drifted} after ${hold.until} is not recorded, so the difference stands until someone does`);
      }
      if (hold.check && !met) {
        // The check is a test ("after the benchmark on 20.11.", "after Friday's load test"): its
        // result, not its date, was the gate — the same as a decision deferred to it.
        const decides = hold.decides || TEST_WORD.test(hold.check);
        const go = decides ? answered(hold.phrase) : undefined;
        if (go) return go;
        f.ask(
          `${drifted} was held back until ${hold.until} to ${hold.check} first: what did that show? Nothing in the repo ` +
            `records the decision (backfill ${drifted} with ${shown(target)}, or revert ${deliberate} to ` +
            `${shown(previous)}).`,
        );
        // A decision deferred to the check ("decision for prod after the load test"): the gate's date
        // passing is not its outcome, and whether ${drifted} takes the value is what the unrecorded
        // check was to decide, so no default moves it there. A planned go with a check beside it
        // ("prod after the freeze, watch it first") keeps its go as the lean.
        if (decides) return declare(0.45, `the decision for ${drifted} waited on a check nobody recorded, so the difference stands until someone does`);
        return backfill(0.45, `${drifted} was to follow after a check nobody recorded`);
      }
      // A plan's passed date is not a go when a later text speaks of the same change: a go or the gate
      // met confirms it, a gate still open or a plan moved keeps it declared (stepAnswered); a refusal
      // or a withdrawal is superseded.ts's. Only with nothing written since does the date alone stand.
      const answer = stepAnswered(c, answersSince(), drifted, target, backfill, declare, true);
      if (answer) return answer;
      // A record written since that keeps the waiting environment at its value is the decision for now (kept-since.ts).
      const kept = keptSince(d.key, drifted, c.value(drifted), context.environments ?? Object.keys(d.values), commit.date, context.today, context.log);
      if (kept) {
        f.add('intent', `${kept.where}, written after it, keeps ${drifted} at ${shown(c.value(drifted))}: "${kept.quote.slice(0, 160)}"`, kept.sha);
        f.ask(
          kept.review
            ? `${kept.where} keeps ${drifted} at ${shown(c.value(drifted))} and looks at it again on ${kept.review}: what does that review decide?`
            : `${kept.where} keeps ${drifted} at ${shown(c.value(drifted))} for now: until when?`,
        );
        // A review day gone by with nothing recorded since leaves the decision open again: a question.
        const due = !!kept.review && !!context.today && kept.review < context.today;
        return declare(
          kept.review && !due ? 0.6 : 0.45,
          kept.review ? `a later decision keeps ${drifted}'s value until its review on ${kept.review}` : `a later decision keeps ${drifted}'s value`,
          kept.review,
        );
      }
      // The date came with a condition of its own that nothing since reports met: the date alone is no go.
      const condition = conditionBeside(`${commit.subject}\n${commit.body}`, hold.phrase);
      if (condition) {
        f.add('intent', `${short(commit.commit)} set ${drifted}'s step for ${hold.until} on a condition: "${condition.slice(0, 120)}"`, commit.commit);
        f.ask(
          `${drifted} was to follow by ${hold.until} once "${condition.slice(0, 100)}": has that happened? Nothing in the repo says so. ` +
            `Then backfill ${drifted} with ${shown(target)}; if the plan was dropped, revert ${deliberate} to ${shown(previous)}.`,
        );
        return declare(0.45, `${drifted}'s step waited on a condition nobody has reported met; its date alone does not move it`);
      }
      // A date counted from the day the plan was written ("will do prod after a few days", "tomorrow",
      // "next week") is its writer's estimate, not a gate's own date (a freeze's end, a release day):
      // its passing is the plan alone, never a confident move (earned.ts PLAN_ALONE).
      const estimate = estimatedDate(hold.phrase, commit.date, hold.until);
      if (estimate) {
        f.add(
          'quality',
          `${hold.until} is counted from when ${short(commit.commit)} was written ("${hold.phrase.slice(0, 80)}"): an estimate, and nothing written since confirms the plan`,
          commit.commit,
        );
        f.ask(
          `${short(commit.commit)} planned ${drifted} to follow "${hold.phrase.slice(0, 80)}": is that still the plan? A later go for ${drifted} would confirm it.`,
        );
      }
      return {
        ...backfill(
          estimate ? PLAN_ALONE : 0.7,
          due
            ? `the change was due in ${drifted} by ${hold.until}, which has passed`
            : `the change was meant for ${drifted} after ${hold.until}, which has passed`,
        ),
        explicit: true,
        ...(estimate ? {} : { confirmed: due ? `the date it was due by, ${hold.until}, has passed` : `the gate's date, ${hold.until}, has passed` }),
        dateAlone: true,
      };
    }
  }

  // A gate that is an outside party's event ("once the bank confirms the go-live date") is one no
  // commit or document here is bound to report: that nothing says it happened decides nothing.
  const planned = !!intent?.rollout?.next.includes(drifted) || (!!hold?.follows && hold.envs.includes(drifted));
  const gate = commit && planned && downstream && !x.met ? gateFor(said, drifted, context.environments, commit.date) : undefined;
  if (commit && gate?.outside && !(gate.date && context.today && gate.date < context.today)) {
    f.add(
      'intent',
      `${short(commit.commit)} lets ${drifted} follow on an event of ${gate.outside}, which nothing in the repo records: "${gate.clause}"`,
      commit.commit,
    );
    f.ask(
      `has ${gate.outside} done what ${drifted} waits for ("${gate.clause}")? Nothing in the repo can say: if it has, backfill ${drifted} with ` +
        `${shown(target)}; until then the difference stands.`,
    );
    return declare(0.45, `${drifted} waits for ${gate.outside}, and only ${gate.outside} can say whether that has happened`);
  }

  // A vulnerability fix is meant for every environment that runs the vulnerable value, whoever
  // (or whichever bot) wrote it and whether or not the text speaks of a rollout: declaring the lag
  // would leave the lagging environment exposed on purpose. Not when the text keeps it to one
  // environment or a while, or the value weakens the setting.
  const keepsDrifted = !!hold && !hold.follows && hold.envs.includes(drifted);
  const stillOld = c.value(drifted) === previous || x.versions.ahead === deliberate;
  if (commit && intent?.security && downstream && stillOld && !intent.scope && !intent.temporary && !keepsDrifted && !looksLoosened(d.key, target)) {
    f.add(
      'intent',
      `${short(commit.commit)} fixes a vulnerability ("${intent.security}"): while ${drifted} runs ${shown(c.value(drifted))}, it stays exposed`,
      commit.commit,
    );
    f.ask(`has ${deliberate} run ${shown(target)} long enough to sign it off? Then finish the fix: backfill ${drifted}.`);
    // A gate the text itself set ("prod after the soak") is for a person to confirm: just below a
    // recommendation; with none, the fix is simply missing downstream.
    const gated = !!intent.rollout || (!!hold?.follows && hold.envs.includes(drifted));
    return { ...backfill(gated ? 0.55 : 0.6, `a security fix ${deliberate} has and ${drifted} does not`), explicit: true };
  }

  // A rollout that names the next environment outranks a time word with no date ("for now",
  // "temp", "temporarily in staging first"): the time word says the first step is not the end
  // state, and the next step is waited for, not the first undone.
  const rolloutWaits = downstream && !!intent?.rollout?.next.includes(drifted) && !intent?.temporary?.until;
  if (intent?.temporary && !rolloutWaits) {
    const until = intent.temporary.until;
    if (until && context.today && until < context.today) {
      f.add('age', `the deadline the text gave, ${until}, passed ${daysBetween(until, context.today)} days ago`, commitOf(decisive));
      // "pilot until 1 December, then Sanne decides whether it goes to prod": the end is when a person
      // decides, for the next environment and so for this one too. With no decision recorded, neither
      // undoing the change nor taking it further is known to be right.
      const decision = intent.hold;
      if (commit && decision?.follows && decision.decides && !decision.check && decision.envs.some((e) => e !== deliberate)) {
        const go = answered(decision.phrase);
        if (go) return go;
        f.add('intent', `${short(commit.commit)} leaves what follows its end to a decision: "${decision.phrase.slice(0, 120)}"`, commit.commit);
        f.ask(
          `the change ended ${until} and a decision was to follow ("${decision.phrase.slice(0, 80)}"): what was decided? A go: backfill ` +
            `${list(decision.envs)} with ${shown(target)}; a stop: revert ${deliberate} to ${shown(previous)}.`,
        );
        return declare(0.45, `${deliberate}'s change ended, and the decision that was to follow it is not recorded`);
      }
      // A later text that moved the end ("we keep it until 8 January"), keeps the value or says what it
      // waited for has not happened is the owner's latest word: the passed date decides nothing then.
      const later = commit ? answersTo(c, commit, said, deliberate, [target]).find((a) => a.says !== 'go' && a.says !== 'ends') : undefined;
      const held = later && (later.says === 'kept' || later.says === 'unmet' || (later.says === 'moved' && !!later.on && later.on >= context.today));
      const reply = held ? temporaryAnswered(c, [later], revertTo, declare, deliberate, previous) : undefined;
      if (reply) return reply;
      return revertTo(endEarned(x.endDatedElsewhere, commit, f), `a temporary change past its deadline`);
    }
    if (until) return declare(0.65, `a temporary change until ${until}, not yet due`, until);
    // No date of its own: what was written since about its condition answers before its age does.
    const reply = commit ? temporaryAnswered(c, answersTo(c, commit, said, deliberate, [target]), revertTo, declare, deliberate, previous) : undefined;
    if (reply) return reply;
    // The event it waits for ("until the LoC", "cho đến khi khách chuyển sang export API"), a later record
    // says, is still ahead: expected on a day to come, the measure stands until then; with no date, the end
    // is open and its owner says what happens (event-ahead.ts). Putting it back first brings back what it was for.
    const awaited = intent.temporary.event ?? awaitedEvent(intent.temporary.phrase) ?? awaitedEvent(said);
    const ahead = commit && awaited ? eventStillAhead(c, commit, said, awaited, [target]) : undefined;
    if (ahead && awaited) {
      f.add(
        'intent',
        `${ahead.where} says what ${deliberate}'s temporary value waits for is still ahead ("${ahead.phrase}"): "${ahead.quote.slice(0, 160)}"`,
        ahead.sha,
      );
      if (ahead.on) {
        f.ask(
          `${ahead.where} expects "${awaited.slice(0, 60)}" by ${ahead.on}: keep ${deliberate}'s ${shown(target)} until then, and revert it to ${shown(previous)} once it has come.`,
        );
        return declare(0.55, `what ${deliberate}'s temporary value waits for is expected on ${ahead.on}, not yet`, ahead.on);
      }
      f.ask(
        `${ahead.where} gives "${awaited.slice(0, 60)}" no date: does ${deliberate} keep ${shown(target)} until it comes, or does it get an end date? ` +
          `Reverting ${deliberate} to ${shown(previous)} before it comes undoes what the change was for.`,
      );
      return declare(0.45, `what ${deliberate}'s temporary value waits for has no date yet: its end is open`);
    }
    // Held until a version reaches an environment ("off until 4.2.1 is in production"): a later record
    // of that version there (a deploy log's row, "4.2.1 deployed to production") is the end it waited for.
    const wait = commit ? versionWaitedFor(said, intent.temporary.phrase, deliberate, context.environments, true) : undefined;
    const reached = wait && commit ? versionReached(wait, context.log, commit.date, context.today) : undefined;
    if (wait && reached) {
      f.add('intent', `${short(commit!.commit)} holds the value until ${wait.version} is in ${wait.env} ("${wait.clause.slice(0, 100)}")`, commit!.commit);
      f.add('intent', `${reached.where} records ${wait.version} in ${wait.env} on ${reached.date}: "${reached.quote}"`, reached.sha);
      // A record linked by the version alone, not by the change's ticket: just below a recommendation.
      return revertTo(0.55, `what ${deliberate}'s temporary value waited for has happened: ${wait.version} reached ${wait.env}`);
    }
    const event = intent.temporary.event ? `"${intent.temporary.event}"` : 'whatever it was for';
    if (!downstream && rank(deliberate) === context.promotion.length - 1) {
      // Production's own temporary measure: its end is a fact about production nobody recorded. A
      // protection it lowered is the exception: its own text says the weaker value is not meant to stay,
      // and declaring it would record production running unprotected as meant. The protected value is
      // the safe side, asked of its owner (a default never moves toward less protection).
      if (looksLoosened(d.key, target) && !looksLoosened(d.key, previous)) {
        f.ask(
          `is ${event} over? ${deliberate}'s temporary ${shown(target)} weakens ${d.key}: revert ${deliberate} to ${shown(previous)} ` +
            `unless what it was for still needs it; if it does, declare it with an owner and an end.`,
        );
        return revertTo(UNDATED_AGED, `${deliberate}'s temporary weakening, with no end recorded, goes back to the protected value`);
      }
      f.ask(`is ${event} over? Then ${deliberate} can go back to ${shown(previous)}; until then its ${shown(target)} stands.`);
      return declare(0.45, `${deliberate}'s temporary measure, with an end the repo does not record`);
    }
    if (age !== undefined && age >= OVERDUE_DAYS) {
      f.add('age', `the text gives no date; ${age} days have passed since`, commitOf(decisive));
      // An undated "for now" says the change was not meant as the end state, not when it ends: a
      // change that lasts for an event ("until we look at the warehouse sizing") ends with the event,
      // and one that outlived its "for now" may have become the setting (holdout-11/30: the smaller
      // batch turned out to stay). Its age is a question for its owner, not a move (earned.ts).
      f.ask(
        `is ${event} over? ${deliberate}'s temporary ${shown(target)} has stood for ${age} days with no end written: ` +
          `revert ${deliberate} to ${shown(previous)} if it is; declare the difference only if the value has become ${deliberate}'s own.`,
      );
      // Undone rather than declared: declaring would record a test's or a hack's value as meant
      // (a check skipped "for now"), so the safe direction stays the suggestion, as a question.
      return revertTo(UNDATED_AGED, 'a temporary change with no date that has outlived a few days: its owner says whether it ended');
    }
    f.ask(`is ${event} over? Then revert ${deliberate} to ${shown(previous)}.`);
    return declare(0.45, 'a temporary change, recent');
  }

  // Meant for every environment, staged only by the deploy ("dev+stg now, prod goes with the next
  // deploy"): no check stands between the steps, so the step left out is simply missing.
  const waitsOn = commit ? clausesOf(commit).filter((clause) => mentions(clause, drifted) && GATE.test(clause.replace(ATTESTATION, ''))) : [];
  if (commit && downstream && intent?.everywhere && intent.rollout?.next.includes(drifted) && waitsOn.length === 0 && c.value(drifted) === previous) {
    f.add(
      'intent',
      `${short(commit.commit)} says the change is for every environment ("${intent.everywhere}") and sets no check before ${drifted}'s step`,
      commit.commit,
    );
    return { ...backfill(0.6, `a change meant for every environment ("${intent.everywhere}"), with ${drifted}'s step never taken`), explicit: true };
  }

  // A correction staged first is a rollout's order, not a reason to keep the next environment on
  // the broken value: it follows, asking only whether its deploy is due.
  if (commit && intent?.typo && intent.rollout && downstream && c.value(drifted) === previous) {
    f.add('intent', `${short(commit.commit)} corrects a mistake; ${drifted} still holds the mistaken ${shown(previous)}`, commit.commit);
    f.ask(`${deliberate} corrected ${d.key} first: is ${drifted}'s deploy of the fix due? Nothing keeps ${drifted} on the mistaken value.`);
    return backfill(0.6, `${deliberate}'s correction of a mistake, staged first, has not reached ${drifted}`);
  }

  // Meant for every environment, with the next step set for the next day after a routine check of
  // the writer's own ("8s everywhere; staging first, prod tomorrow after a smoke test", "Produktion
  // morgen nach einem Smoke-Test", "prod mañana tras una prueba de humo"): the check is the rollout's
  // routine, not a decision someone else makes, and a week past that next day with nothing written
  // since, the step was forgotten. Only on a key of no risk class, and never above PLAN_ALONE.
  const routine = commit && downstream && intent?.everywhere && intent.rollout?.next.includes(drifted) && waitsOn.length > 0 ? routineStep(waitsOn) : undefined;
  const routineDue = !!routine && (context.risk ?? 'none') === 'none' && c.value(drifted) === previous && age !== undefined && age > ROUTINE_OVERDUE_DAYS;
  if (routineDue) {
    const answers = answersSince();
    const answer = stepAnswered(c, answers, drifted, target, backfill, declare, true);
    if (answer) return answer;
  }
  // "Nothing written since": no answer to the change, and no later message about the key (its words)
  // that names the next environment or the check ("smoke test failed, holding production at 4").
  if (routineDue && routineStepAlone(c, commit!, drifted, answersSince().length, context.today)) {
    f.add(
      'intent',
      `${short(commit!.commit)} says the change is for every environment ("${intent!.everywhere}") and set ${drifted}'s step for the next day after a routine check ("${routine}")`,
      commit!.commit,
    );
    f.add('age', `that was ${age} days ago, and nothing written since reports the check failed or holds ${drifted} back`, commitOf(decisive));
    f.ask(`${drifted} was to follow the next day, "${routine}": was the check done? Then backfill ${drifted} with ${shown(target)}.`);
    return backfill(PLAN_ALONE, `a change meant for every environment, whose next-day step into ${drifted} was never taken`);
  }

  if (intent?.rollout && downstream) {
    // The rollout's own ticket is reported finished by a later commit ("Closes INT-212 … rollout
    // finished"), and the next environment still holds the value from before: its step was missed,
    // not held. Not where the report speaks of taking the change back or abandoning it, nor where
    // the change keeps itself to its environment; a question stays, so never confident.
    const ended = links.endedElsewhere;
    if (
      commit &&
      ended &&
      c.value(drifted) === previous &&
      !intent.temporary &&
      !intent.scope &&
      !intent.hold &&
      !ownScope(c, commit, intent) &&
      !ABANDONED.test(`${ended.subject}\n${withoutContingencies(ended.body)}`)
    ) {
      f.add(
        'intent',
        `${short(ended.commit)}, written after it and citing its ticket, reports the rollout finished while ${drifted} still holds ${shown(previous)}`,
        ended.commit,
      );
      f.ask(`${short(ended.commit)} calls the rollout finished: did ${drifted} keep ${shown(previous)} on purpose (declare), or was its step missed?`);
      return backfill(0.55, `a rollout reported finished whose step in ${drifted} was never taken`);
    }
    // A soak gate before the next step ("wait 2 weeks in stage, then prd") is decided by the
    // calendar and what was written since, not by how long the step has lagged.
    const soakedStep = commit && !intent.incident ? soakDecision(c, commit, said, deliberate, drifted, target, backfill, declare) : undefined;
    if (soakedStep) return soakedStep;
    // The change's own text (a reviewer in the pull request's description) sends it to ${drifted}
    // in so many words ("pls do prod too in a follow-up", "prod has exactly the same 502 spikes"):
    // the step was asked for and never taken, not held back. Not for a weakening, a temporary or
    // scoped change, or where anything written since answers the change or speaks of the key in
    // ${drifted} ("holding production's keepalive at 5s"); a person confirms, so never confident.
    // The next step waits for a version to run in ${drifted} ("prod follows once 4.2 runs there"):
    // ${drifted}'s own config taking that version, or a later one of the same line, since ("web:4.1.2"
    // → "web:4.3.0") is the wait met. The step is due; a person still confirms it was not held for
    // another reason, so just below a recommendation.
    const versionWait = commit
      ? said
          .split(/\n+|(?<=[.!?;,])\s+/)
          .filter((clause) => mentions(clause, drifted))
          .map((clause) => versionWaitedFor(clause, clause, drifted, context.environments))
          .find((w) => w?.env === drifted)
      : undefined;
    const passed = versionWait && commit ? versionPassedIn(versionWait, context.log, commit.date, context.today) : undefined;
    if (commit && versionWait && passed && c.value(drifted) === previous) {
      f.add(
        'intent',
        `${short(commit.commit)} holds ${drifted}'s step until ${versionWait.version} runs there ("${versionWait.clause.slice(0, 100)}")`,
        commit.commit,
      );
      f.add('intent', `${passed.where} took ${drifted} from ${passed.quote} on ${passed.date}`, passed.sha);
      f.ask(`${drifted} now runs what its step waited for: is anything else holding it? If not, backfill ${drifted} with ${shown(target)}.`);
      // The text sends the change to ${drifted} in so many words and the gate it named is a fact of
      // ${drifted}'s own file: as explicit as a sign-off reported, and as sure (0.55).
      return { ...backfill(0.55, `the version ${drifted}'s step waited for runs there now`), explicit: true };
    }
    const asked = commit && age !== undefined && age > STALLED_ROLLOUT_DAYS ? (goesTo(said, drifted) ?? sameTroubleIn(said, drifted)) : undefined;
    if (
      asked &&
      c.value(drifted) === previous &&
      !intent.temporary &&
      !intent.scope &&
      (!intent.hold || (intent.hold.follows && !intent.hold.until && !intent.hold.event && !intent.hold.check)) &&
      !ownScope(c, commit!, intent) &&
      !looksLoosened(d.key, target) &&
      routineStepAlone(c, commit!, drifted, answersSince().length, context.today, true)
    ) {
      f.add('intent', `${short(commit!.commit)}'s text sends the change to ${drifted} too: "${asked.slice(0, 160)}"`, commit!.commit);
      f.add('age', `that was ${age} days ago, and ${drifted} still holds ${shown(previous)}`, commitOf(decisive));
      f.ask(
        `${drifted} was asked to take ${shown(target)} too ${age} days ago: was the step forgotten (backfill ${drifted}), or held back on purpose (declare)?`,
      );
      return backfill(0.55, `a step into ${drifted} asked for in the change's own text, never taken`);
    }
    if (age !== undefined && age > STALLED_ROLLOUT_DAYS) {
      f.add('age', `the rollout started ${age} days ago and ${drifted} has not followed`, commitOf(decisive));
      f.ask(
        `the rollout of ${d.key} in ${deliberate} has not reached ${drifted} after ${age} days: finish it (backfill ${drifted}) or roll it back (revert ${deliberate})?`,
      );
      return declare(0.4, 'a rollout that stalled');
    }
    // A plan that names no gate before the next step ("staging now, production next") says nothing
    // holds the step back: whether it is waiting or was forgotten, only a later word would say.
    // (Attestation trailers, "Reviewed-by: …", record a check already made: no gate to wait for.)
    // Only a gate named where the plan speaks of the next step holds it: a wait word, a release or a
    // version elsewhere in the text ("we fail the payout before retrying", "see the 2.3 notes") is
    // no gate before ${drifted}'s step.
    const planText = said.replace(ATTESTATION, '');
    const planClauses = planText.split(/\n+|(?<=[.!?;])\s+/).filter((clause) => mentions(clause, drifted) || clause.includes(intent.rollout!.phrase));
    const gateText = planClauses.length > 0 ? planClauses.join('\n') : planText;
    const waitsForSomething = GATE.test(gateText) || VEHICLE.test(gateText) || WAITS.test(gateText);
    // The plan says in so many words that nothing holds the next step ("Rollout: stage -> production
    // (no flag)", "straight to prod, no gate"): the step is due, not waited for — unless this key's
    // own clause keeps it to its environment ("stage-only chaos, stays" beside a fix for all).
    const ungated = planClauses.map((clause) => NO_GATE.exec(clause)?.[0]).find(Boolean) ?? (waitsForSomething ? undefined : NO_GATE.exec(planText)?.[0]);
    if (commit && ungated && waitsOn.length === 0 && !intent.hold?.event && !intent.hold?.until && !ownScope(c, commit, intent)) {
      f.add('intent', `${short(commit.commit)} planned ${drifted} next and says nothing holds the step ("${ungated}")`, commit.commit);
      // The text names the next step and says nothing stands before it: as explicit as "everywhere".
      return { ...backfill(0.6, `a rollout with ${drifted} next and nothing holding it, never taken`), explicit: true };
    }
    if (commit && waitsOn.length === 0 && !waitsForSomething && !intent.hold?.event && !intent.hold?.until) {
      f.ask(
        `${short(commit.commit)} planned ${drifted} next ("${intent.rollout.phrase}") and named nothing to wait for: is ${drifted}'s step ` +
          `waiting for something unwritten (declare), or was it forgotten (backfill ${drifted} with ${shown(target)})?`,
      );
      const answer = stepAnswered(c, answersSince(), drifted, target, backfill, declare, true);
      if (answer) return answer;
      return declare(0.5, `a rollout with ${drifted} next, and nothing written since`);
    }
    // The text that planned the wait may itself report it over ("Compliance signed off for
    // production today", a merge's description written after the first step): the next step is
    // due, not waited for. Below a recommendation: the follow-up may be held for a reason unwritten.
    const signedAt = commit ? saidMatch(signedOffFor(drifted), said) : undefined;
    // "once compliance has signed off for production", "pending approval for prod": a condition, not a report.
    const opening = signedAt ? said.slice(Math.max(said.lastIndexOf('\n', signedAt.index), said.lastIndexOf('. ', signedAt.index)) + 1, signedAt.index) : '';
    const signed =
      signedAt && !/\b(?:once|when|after|until|till|if|unless|pending|awaiting|waiting for|needs?|before|as soon as|will|to be)\b/i.test(opening)
        ? signedAt
        : undefined;
    if (commit && signed) {
      f.add('intent', `${short(commit.commit)}'s text reports the gate met for ${drifted} ("${signed[0]}")`, commit.commit);
      f.ask(`${drifted}'s step was signed off ("${signed[0]}"): is anything still holding it? If not, backfill ${drifted} with ${shown(target)}.`);
      return { ...backfill(0.55, `a rollout signed off for ${drifted}, whose step was never taken`), explicit: true };
    }
    const deferredStep = commit ? deferralFor(c, commit, drifted) : undefined;
    const go = deferredStep ? answered(deferredStep) : undefined;
    if (go) return go;
    if (deferredStep) {
      f.add('intent', `${short(commit!.commit)} leaves ${drifted}'s decision to a result: "${deferredStep.slice(0, 160)}"`, commit!.commit);
      f.ask(`${drifted}'s decision waited on a result nobody recorded: what did it show? Backfill ${drifted} with ${shown(target)}, or keep the difference.`);
      return declare(0.45, `${deliberate} first, with ${drifted}'s decision left to a result`);
    }
    // A promised step not taken for weeks, with nothing written since, is a lag: waiting or
    // forgotten, only its owner knows (earned.ts).
    const answer = stepAnswered(c, answersSince(), drifted, target, backfill, declare, true);
    if (answer) return answer;
    if (age !== undefined && age > OVERDUE_DAYS) {
      f.add('age', `the rollout's next step (${drifted}) has waited ${age} days, and nothing written since says why`, commitOf(decisive));
      f.ask(
        `${deliberate}'s rollout of ${shown(target)} has not reached ${drifted} in ${age} days: is it still waiting for its sign-off (declare), ` +
          `or was the step forgotten (backfill ${drifted} with ${shown(target)})?`,
      );
      return declare(LAGGING_ROLLOUT, `a rollout whose next step has lagged for ${age} days`);
    }
    f.ask(`has ${deliberate}'s rollout of ${shown(target)} been signed off for ${drifted}?`);
    return declare(0.65, `a rollout in progress: ${deliberate} first, ${drifted} when it is signed off`);
  }

  if (intent?.scope) {
    if (intent.scope.kind === 'env-only') return declare(0.7, `${deliberate}'s own setting by intent`);
    // A squash titled for a test ("Load test prep (#412)") whose own item about this key sends the
    // value on in so many words ("partner API p99 is ~3.5s in every env. prod needs this too"): the
    // test is what the change as a whole was for, and this item says what this value is for.
    const item = commit && spoken ? aboutKey(spoken, d.key, siblingsOf(context.log?.commits.get(commit.commit))) : undefined;
    const sent = item ? goesTo(`${item.subject}\n${item.body}`, drifted) : undefined;
    if (sent && !sent.toLowerCase().includes(intent.scope.phrase.toLowerCase())) {
      f.add('intent', `${short(commit!.commit)} says of ${d.key} itself that ${drifted} needs it too: "${sent.slice(0, 160)}"`, commit!.commit);
      // Its own words are the recorded word that the value is meant there (safety.ts), at no more than 0.55.
      return {
        ...backfill(0.55, `the test ("${intent.scope.phrase}") is what the change as a whole was for; its words about this value send it to ${drifted}`),
        explicit: true,
        confirmed: `${short(commit!.commit)}: "${sent.slice(0, 120)}"`,
      };
    }
    // The same text defers the other environment's decision to the test's result ("Decision for
    // production after the evaluation"): "not for prod" is only "not yet", and the hold is weighed
    // against the report that answers it before anything else — a later text about the key that
    // recommends the value for the waiting environment is the decision made. Unanswered, what the
    // test showed decides it: a question, not a confident declare, and never a move.
    const deferred = commit ? deferralFor(c, commit, drifted) : undefined;
    if (deferred) {
      const go = answered(deferred);
      if (go) return go;
      f.add('intent', `${short(commit!.commit)} leaves ${drifted}'s decision to the test's result: "${deferred.slice(0, 160)}"`, commit!.commit);
      f.ask(
        `${drifted}'s decision waited on the test ${deliberate}'s ${shown(target)} was set for: what did it show? Backfill ${drifted}, or revert ${deliberate} to ${shown(previous)}.`,
      );
      return declare(0.45, `set for a test in ${deliberate}, with ${drifted}'s decision left to its result`);
    }
    // A text written since leaves the test's next step to a person or meeting (deferred-later.ts): they decide.
    const later = commit
      ? deferredSince(d.key, { sha: commit.commit, subject: commit.subject, body: commit.body, date: commit.date }, context.log, context.today)
      : undefined;
    if (later) {
      f.add('intent', `${later.where}, written since, leaves the choice to someone still to decide: "${later.phrase.slice(0, 120)}"`, later.sha);
      const choice = `backfill ${drifted} with ${shown(target)}, or revert ${deliberate} to ${shown(previous)}`;
      const cited = `${later.where} leaves it to "${later.phrase.slice(0, 120)}"`;
      f.ask(
        later.ahead
          ? `${cited}${later.day ? ` (${later.day})` : ''}: once they decide, ${choice}; until then the difference stays declared.`
          : `${cited}, on ${later.day}: what was decided? Then ${choice}.`,
      );
      // Neither value is the decided one while the choice waits on them.
      return { ...declare(0.45, `set for a test in ${deliberate}, with the next step left to a decision still to be made`), deliberate: null };
    }
    if (age !== undefined && age > 60) {
      f.ask(`is the test ${deliberate}'s ${shown(target)} was set for still going on? If not, revert ${deliberate} to ${shown(previous)}.`);
      return declare(0.5, `set for a test ${age} days ago`);
    }
    // The test's own text gives an end ("k6 run until 25.11", "till sprint 48"), or dates the test
    // itself ("Lasttest KW 48", "the soak in week 47", "load test on 27.11."): past that date the test
    // is over and its setting goes back; with no date a reader gives, once the overdue span has
    // passed, that end may well have come — a question, not a claim.
    const end = commit ? (statedEnd(`${commit.subject}\n${commit.body}`, commit.date) ?? testPeriod(commit, drifted)) : undefined;
    if (end?.date && context.today && end.date < context.today) {
      f.add('age', `the test's own end, ${end.date} ("${end.phrase}"), passed ${daysBetween(end.date, context.today)} days ago`, commit!.commit);
      return revertTo(0.6, 'a test setting past the end its text gave');
    }
    if (end && !end.date && age !== undefined && age >= OVERDUE_DAYS) {
      f.add('age', `the test's own text gives an end that could not be dated ("${end.phrase}"); ${age} days have passed`, commit!.commit);
      f.ask(`is the test ${deliberate}'s ${shown(target)} was set for over ("${end.phrase}")? If so, revert ${deliberate} to ${shown(previous)}.`);
      return declare(0.45, `set for a test with an end that may have passed`);
    }
    // A test upstream of the lagging environment is as often the step before promotion ("on in uat
    // for acceptance") as a scope: its words alone do not say the downstream keeps its value.
    if (rank(deliberate) >= 0 && rank(deliberate) < rank(drifted)) {
      // A question asked since, whether the next environment takes the test's value, and answered by
      // nothing after it: the one asked decides, not the verdict (asked.ts).
      const asked = commit ? openQuestion(d.key, drifted, target, c.value(drifted), commit.date, commit.commit, context.log, context.today) : undefined;
      if (asked) {
        f.add('intent', `${asked.where}, written since, asks it, and nothing written after answers: "${asked.question.slice(0, 160)}"`, asked.sha);
        f.ask(
          `${asked.where} asks "${asked.question.slice(0, 120)}": nothing answers it yet; whoever it asks decides whether ${drifted} takes ${shown(target)}.`,
        );
        // Neither value is the decided one while the question is open.
        return { ...declare(0.45, `whether ${drifted} takes the test's ${shown(target)} is an open question`), deliberate: null };
      }
      f.ask(
        `was the test ${deliberate}'s ${shown(target)} was set for the step before ${drifted} (backfill ${drifted}), or ${deliberate}'s own setting (declare)?`,
      );
      return declare(0.55, `set for a test in ${deliberate}, upstream of ${drifted}`);
    }
    return declare(0.6, `set for a test in ${deliberate}, not for ${drifted}`);
  }

  if (intent?.typo && c.value(drifted) === previous) {
    return backfill(0.75, `${deliberate}'s change corrects a mistake that ${drifted} still holds`);
  }

  // The change ended a temporary phase; an environment still holding the phase's value lags.
  if (intent?.ended && c.value(drifted) === previous && previous !== target) {
    return backfill(0.65, `${deliberate}'s change ended a temporary phase ("${intent.ended}") that ${drifted} is still in`);
  }

  // An undo the text says another environment needs as well ("production is affected the same
  // way") is meant for every environment, as any "everywhere" change is.
  if ((commit?.revert || intent?.revert) && !intent?.everywhere) {
    // A revert may take more than its subject names (a merge's revert undoes every change on the branch): a record
    // written since that puts the undone value back in the environment as a step not taken ("À faire : remettre le
    // timeout en prod (60s)", "- [ ] put the timeout back in prod (60s)") says the undo went too far.
    const again = commit && previous !== null ? actionStep(d.key, deliberate, previous, commit.date, context.log, context.today, 'qualified') : undefined;
    if (again) {
      f.add(
        'intent',
        `${again.where}, written after ${short(commit!.commit)}, puts ${deliberate}'s ${shown(previous)} back as a step: "${again.item.slice(0, 160)}"`,
        again.sha,
      );
      return { ...revertTo(0.6, `a later record says the revert took ${deliberate}'s ${shown(previous)} by mistake`), explicit: true };
    }
    f.ask(
      `${deliberate} went back to ${shown(target)}: was the newer value bad everywhere (then ${drifted} should follow) or only in ${deliberate} (declare)?`,
    );
    return declare(0.45, `${deliberate} returned to an earlier value on purpose`);
  }

  if (intent?.everywhere) {
    // A cherry-pick or merge that lists the lagging environment's file under "Conflicts:" and left it
    // unchanged: the resolution dropped that file's part of a change meant for every environment.
    const lost = commit
      ? conflictsIn(commit.body).find((file) =>
          c.context.log?.envs
            .get(drifted)
            ?.get(d.key)
            ?.some((e) => e.file === file),
        )
      : undefined;
    if (lost)
      f.add(
        'intent',
        `${short(commit!.commit)} lists ${drifted}'s file ${lost} under "Conflicts:": its part of the change there was lost in the resolution`,
        commit!.commit,
      );
    return backfill(0.75, `the change was meant for every environment`);
  }

  const risk = context.risk ?? 'none';
  if (!downstream && commit && intent?.bot && !intent.security && !intent.incident && !intent.names.includes(drifted)) {
    // An automated job changed the downstream environment alone: it records that the value
    // changed there, not that the environments before it should follow.
    f.ask(
      `${short(commit.commit)} was made by an automated job in ${deliberate} alone: is ${shown(target)} meant for ${deliberate} only (declare), or for ${drifted} too?`,
    );
    return declare(0.4, `${deliberate}'s value was set by an automated job, which says nothing of ${drifted}`);
  }
  // A weakened or debugging value does not move on by default, in either direction: upstream it
  // is a test's setting, downstream (an incident's stop-gap: verification off, a check skipped, a
  // limit lifted) a workaround to undo once the cause is fixed, never a fix to backport.
  if (looksLoosened(d.key, target) && !looksLoosened(d.key, c.value(drifted))) {
    f.add('intent', `${shown(target)} weakens ${d.key} (${RISK_WORDS[risk]}) in ${deliberate}; moving it to ${drifted} would weaken ${drifted} too`);
    // The contract itself gave the weakening an end ("SQL_TRACE: staging true until 2026-11-15"),
    // and that end has passed: the lower environment's diagnostic window is over, whatever language
    // the change was explained in. Not for production's own weakening (a lifted limit there may
    // still be needed), and not above 0.55: the window may have been extended without a word.
    if (downstream && d.kind === 'stale-declaration' && d.contract?.expired && d.contract.expires && deliberate in d.contract.allowed) {
      f.ask(
        `the contract's declaration of ${deliberate}'s ${shown(target)} ended on ${d.contract.expires}: is it still needed? If so, declare it again with a new end.`,
      );
      return revertTo(0.55, `the contract declared ${deliberate}'s weakened ${shown(target)} only until ${d.contract.expires}, which has passed`);
    }
    f.ask(`is ${deliberate}'s ${shown(target)} meant to stay in ${deliberate} only (declare), or to be undone (revert ${deliberate})?`);
    const moved = downstream ? 'promoted' : 'backported';
    return declare(0.45, `a weakened setting in ${deliberate} is not ${moved} without explicit evidence`);
  }
  if (!downstream) {
    // The downstream environment changed; an upstream one lags.
    if (intent?.incident) {
      if (isPerEnvironment(risk)) {
        // A size is each environment's own by default, but a later record of the incident that lists the
        // lagging environment's move to the fixed value as an action ("- [ ] acc: the same two parameters
        // before the load test") decided it: the post-mortem closes the gap the default would keep.
        const step = commit && target !== null ? actionStep(d.key, drifted, target, commit.date, context.log, context.today, 'qualified') : undefined;
        if (step) {
          f.add(
            'intent',
            `${step.where}, written after ${short(commit!.commit)}, lists ${drifted}'s move to ${shown(target)} as a step: "${step.item.slice(0, 160)}"`,
            step.sha,
          );
          return {
            ...backfill(0.6, `a later record of ${deliberate}'s incident decided ${drifted}'s move to ${shown(target)}, and its file has not taken it`),
            explicit: true,
          };
        }
        f.ask(`${drifted} lags ${deliberate}'s incident fix of ${d.key}, ${RISK_WORDS[risk]}: does ${drifted} need it too?`);
        return declare(0.5, `${RISK_WORDS[risk]} changed for ${deliberate}'s incident`);
      }
      // The fix's own text says the lagging environment keeps its value ("Staging is single-zone,
      // so it keeps ScheduleAnyway"): a difference the incident's author meant.
      const keeps = commit ? keptThere(commit, drifted) : undefined;
      if (keeps) {
        f.add('intent', `${short(commit!.commit)} says ${drifted} keeps its value: "${keeps.slice(0, 160)}"`, commit!.commit);
        return declare(0.6, `${deliberate}'s incident fix, which its text keeps out of ${drifted}`);
      }
      // A later record of the same incident (a post-mortem, a follow-up citing its ticket) that says
      // the lagging environment keeps its value decides as the fix's own text would: the people who
      // reviewed the incident chose the difference.
      const recorded = commit ? keptByIncidentRecord(commit, d.key, drifted, context) : undefined;
      if (recorded) {
        f.add(
          'intent',
          `${recorded.where}, a later record of the same incident, says ${drifted} keeps its value: "${recorded.text.slice(0, 160)}"`,
          recorded.sha,
        );
        return declare(0.55, `${deliberate}'s incident fix, which a later record of the incident keeps out of ${drifted}`);
      }
      // The incident's newest record says the fix's fate waits on an answer not given yet ("still under
      // review", "to be settled with the provider, no answer yet"): copying it on pre-empts that answer.
      const awaited = commit ? incidentAnswerAwaited(commit, d.key, context, true) : undefined;
      if (awaited) {
        f.add('intent', `${awaited.where}, the incident's newest record, says an answer is still awaited: "${awaited.sentence.slice(0, 160)}"`, awaited.sha);
        f.ask(
          `${awaited.where} says ${deliberate}'s incident fix of ${d.key} waits on an answer ("${awaited.sentence.slice(0, 100)}"): has it come? ` +
            `Then align ${drifted} or put ${deliberate} back as it says; until then the difference stands.`,
        );
        f.say(`the fix's fate waits on an answer nobody has recorded: declare the difference until it comes`);
        return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! };
      }
      // … and one that sends it there too ("staging must carry the same timeout") says why it goes back.
      const sent = commit ? keptByIncidentRecord(commit, d.key, drifted, context, sentThere) : undefined;
      if (sent)
        f.add('intent', `${sent.where}, a later record of the same incident, says ${drifted} takes the value too: "${sent.text.slice(0, 160)}"`, sent.sha);
      return backfill(0.7, `${deliberate}'s incident fix was never backported`);
    }
    if (isPerEnvironment(risk)) {
      f.add('intent', `${d.key} is ${RISK_WORDS[risk]}: such values are usually each environment's own`);
      // The nature of the key is a default: the change's own ticket, at its newest record, saying the
      // value's fate waits on an answer ("asked the vendor which limit applies, no answer yet") is news it lacks.
      const awaited = commit ? incidentAnswerAwaited(commit, d.key, context) : undefined;
      if (awaited) {
        f.add(
          'intent',
          `${awaited.where}, the newest record of the change's ticket, says an answer is still awaited: "${awaited.sentence.slice(0, 160)}"`,
          awaited.sha,
        );
        f.ask(
          `${awaited.where} says the fate of ${deliberate}'s ${shown(target)} waits on an answer ("${awaited.sentence.slice(0, 100)}"): has it come? ` +
            `Then keep it in ${deliberate} only, align ${drifted}, or put ${deliberate} back, as it says; until then the difference stands.`,
        );
        // Nobody chose the difference: whoever answers does.
        return { ...declare(0.45, `${deliberate}'s value waits on an answer nobody has recorded`), deliberate: null };
      }
      return declare(0.55, `${deliberate}'s own value by the nature of the key`);
    }
    f.add('order', `${deliberate} is downstream of ${drifted} in the promotion order (${context.promotion.join(' → ')})`);
    // A fallback never moves a value, in either direction: a text that names only the environment
    // it changed ("prod topic settings") says where it went, not that the others should follow.
    // Only a word that names the lagging environment as one to take it ("staging needs it too")
    // backports it.
    if (!intent || !speaks(intent) || !namesAsGoing(commit, intent, drifted)) return orderAlone();
    return backfill(0.6, 'the fix was never backported');
  }

  // An upstream change not promoted.
  f.add('order', `${deliberate} is upstream of ${drifted} in the promotion order (${context.promotion.join(' → ')})`);
  if (x.versions.ahead === deliberate) f.ask(`has ${deliberate} run ${shown(target)} long enough to promote it to ${drifted}?`);
  // Naming the next environment is a reason to promote only where it is not a condition for later
  // ("la prod passe en 1.8 après la clôture, pas avant" is a gate, not a go).
  const namesNow = namesAsGoing(commit, intent, drifted);
  const reasonToPromote = !!intent && (!!intent.incident || !!namesNow);
  // The next environment was frozen when the change came, and the freeze is over: the freeze is
  // why it lags, and the reason is gone.
  const frozenThen = commit && !reasonToPromote ? freezeOn(drifted, { ...context, today: day(commit.date) }) : undefined;
  if (commit && frozenThen && !freezeOn(drifted, context)) {
    f.add('intent', `${describeFreeze(frozenThen)}: ${short(commit.commit)} came while ${drifted} was frozen, and that freeze is over`, frozenThen.note.sha);
    return backfill(0.55, `${drifted} lagged behind a freeze that is over`);
  }
  const soaked = commit && !intent?.incident ? soakDecision(c, commit, said, deliberate, drifted, target, backfill, declare) : undefined;
  if (soaked) return soaked;
  // A counterparty's notice refuses the old value in the lagging environment from a day still ahead and
  // accepts both until then: it moves before that day, which a declaration would only run until.
  const cut = commit && downstream && target !== null ? cutoverAhead(commit, d.key, drifted, context.log, context.today) : undefined;
  if (cut) {
    f.add(
      'intent',
      `${cut.where} gives ${drifted} its day, ${cut.on}: "${cut.quote}"; from then "${cut.refusal}", and until then "${cut.transition}"`,
      cut.sha,
    );
    f.ask(`${drifted} must hold ${shown(target)} before ${cut.on}: is anything else holding it back?`);
    return { ...backfill(0.6, `${drifted}'s old value is refused from ${cut.on} and the new one is accepted already`), explicit: true };
  }
  // A decision the change cites adopts the value for everyone: the environment that serves them follows.
  const adopted =
    commit && downstream && target !== null
      ? adoptedForEveryone(d.key, commit, deliberate, target, drifted, context.environments, context.log, context.today)
      : undefined;
  if (adopted) {
    f.add('intent', `${adopted.where}, which ${short(commit!.commit)} cites, adopts ${shown(target)} for everyone: "${adopted.quote}"`, adopted.sha);
    return { ...backfill(0.6, `a recorded decision adopts ${shown(target)} for everyone, and ${drifted} has not taken it`), explicit: true };
  }
  if (!reasonToPromote) return orderAlone();
  // "it must go to prod too": the text sends it there in so many words, as explicit as "everywhere".
  const goes = said ? goesTo(said, drifted) : undefined;
  if (goes) f.add('intent', `${short(commit!.commit)} says the value goes to ${drifted} too: "${goes.slice(0, 160)}"`, commit!.commit);
  // The fix's text says the lagging environment has the same trouble ("prod has exactly the same 502
  // spikes", "dieselben Fehler in Prod"): a reason the fix belongs there, not a word sending it, so
  // the move stands below the confident line (the safety net would otherwise hide it), with the question.
  const trouble = !goes && commit && !looksLoosened(d.key, target) ? sameTroubleIn(said, drifted) : undefined;
  if (intent?.incident && trouble) {
    f.add('intent', `${short(commit!.commit)} says ${drifted} has the same trouble: "${trouble.slice(0, 160)}"`, commit!.commit);
    f.ask(`${drifted} has the trouble ${deliberate}'s fix answers: is anything holding the fix back from ${drifted}? If not, backfill ${drifted}.`);
    return backfill(0.55, `${deliberate}'s incident fix, for a trouble ${drifted} has too, did not reach ${drifted}`);
  }
  // A later record citing the fix's own incident reports the trouble back in ${drifted}, at the value the
  // fix replaced ("Same signature as INC-1290. Production runs batchSize 500"): the harm there is the
  // reason the fix belongs there, written down (trouble-back.ts).
  const back =
    !goes && intent?.incident && commit && !looksLoosened(d.key, target)
      ? troubleBack(d.key, drifted, c.value(drifted), target, { date: commit.date, tickets: ticketsIn(said) }, context.log, context.today)
      : undefined;
  if (back) {
    f.add(
      'intent',
      `${back.where}, written after ${short(commit!.commit)} and citing its record, reports the trouble back in ${drifted}: "${back.quote}"`,
      back.sha,
    );
    f.ask(
      `${drifted} still runs ${shown(c.value(drifted))} and the trouble ${deliberate}'s fix answered is back there: is anything holding the fix back? If not, backfill ${drifted}.`,
    );
    return { ...backfill(0.6, `the trouble ${deliberate}'s incident fix answered is reported back in ${drifted}, which never took the fix`), explicit: true };
  }
  if (intent?.incident) return { ...backfill(0.6, `${deliberate}'s incident fix did not reach ${drifted}`), ...(goes ? { explicit: true } : {}) };
  return { ...backfill(0.6, 'the change was not promoted'), ...(goes ? { explicit: true } : {}) };
}

/** A soak gate before `drifted` follows (soak.ts): met when its time has passed with no trouble
 * reported since (backfill, moderate unless a later text says the soak passed), a plan with its
 * date while it runs, held when a later text reports trouble. */
function soakDecision(
  c: Case,
  commit: HistoryEvent,
  said: string,
  deliberate: EnvName,
  drifted: EnvName,
  target: string | null,
  backfill: (confidence: number, why: string) => Partial,
  declare: (confidence: number, why: string, expires?: string) => Partial,
): Partial | undefined {
  const { f, d, context } = c;
  const files = [...(context.layers?.[deliberate] ?? []), ...(context.layers?.[drifted] ?? [])];
  const gate = soakGate({ commit: commit.commit, text: said }, d.key, deliberate, drifted, context.log, files, target);
  if (!gate) return undefined;
  const due = daysAfter(commit.date, gate.days);
  f.add(
    'intent',
    `${gate.sha === commit.commit ? short(commit.commit) : gate.where} sets a soak gate: ${drifted} follows after ${gate.days} days in ${deliberate}` +
      `${gate.quiet ? ' without trouble' : ''}: "${gate.sentence.slice(0, 160)}"`,
    gate.sha,
  );
  const trouble = troubleSince(commit, d.key, target, deliberate, context.log, context.today);
  if (trouble) {
    f.add('intent', `${trouble.where}, written since, reports trouble: "${trouble.sentence.slice(0, 160)}"`, trouble.sha);
    f.ask(`is the trouble ${trouble.where} reports over, and was it ${shown(target)}'s? The soak starts again once it is.`);
    return declare(0.45, `the soak in ${deliberate} is held by the trouble reported since`);
  }
  if (!context.today || context.today < due) {
    f.ask(`does ${deliberate} stay quiet until ${due}? Then ${drifted} takes ${shown(target)}.`);
    return declare(0.5, `${drifted} follows after the soak, which runs until ${due}`, due);
  }
  const passed = soakPassed(commit, context.log, context.today);
  if (passed) f.add('intent', `${passed.where}, written since, reports the soak passed: "${passed.sentence.slice(0, 160)}"`, passed.sha);
  else f.ask(`did ${deliberate} stay quiet since ${day(commit.date)}? Nothing read reports trouble; if it did not, declare instead.`);
  // The gate names the next environment and a later text reports it met: as explicit as "everywhere".
  const moved = backfill(passed ? 0.7 : 0.55, `the soak in ${deliberate} ended on ${due} and nothing read since reports trouble`);
  const governed = { ...moved, governed: gate.where };
  return passed ? { ...governed, explicit: true } : governed;
}

/** One commit wrote both environments' values, the same number with another unit, and its words state
 * one of the two amounts (unit-slip.ts): the other is the slip, and it takes the value meant. Below the
 * confident line: one letter read against the message's words, with the question to its author. */
function slipInOneChange(c: Case, changed: Map<EnvName, KeyChange>): Partial | undefined {
  if (changed.size !== 2) return undefined;
  const [[ea, xa], [eb, xb]] = [...changed.entries()] as [[EnvName, KeyChange], [EnvName, KeyChange]];
  if (isUncommitted(xa) || isUncommitted(xb) || xa.commit !== xb.commit) return undefined;
  const [va, vb] = [c.value(ea), c.value(eb)];
  if (va === null || vb === null || xa.to !== va || xb.to !== vb) return undefined;
  const spoken = intentText(xa, c.context.log);
  const slip = unitSlip(`${spoken.subject}\n${spoken.body}`, va, vb);
  if (!slip) return undefined;
  const [meant, slipped] = slip.meant === va ? [ea, eb] : [eb, ea];
  c.f.add(
    'intent',
    `${short(xa.commit)} wrote ${c.d.key} in ${meant} and ${slipped} at once, the same number with another unit ` +
      `(${shown(slip.parts[0])} in ${meant}, ${shown(slip.parts[1])} in ${slipped}), and its words state ${meant}'s amount ("${spoken.subject.slice(0, 120)}")`,
    xa.commit,
  );
  c.f.ask(
    `did ${short(xa.commit)} (${xa.author}) mean ${shown(slip.parts[1])} in ${slipped}, or ${shown(slip.parts[0])} as in ${meant} and as its message says?`,
  );
  const forward = c.rank(slipped) > c.rank(meant);
  c.f.say(
    `${slipped}'s ${shown(slip.parts[1])} is a slip of the unit the change meant: ${forward ? 'backfill' : 'revert'} ${slipped} with ${shown(c.value(meant))}`,
  );
  return { deliberate: meant, drifted: slipped, suggested: forward ? 'backfill' : 'revert', value: c.value(meant), confidence: 0.55 };
}

/** Several environments changed it, to different values, since they last agreed. */
function independent(c: Case, changed: Map<EnvName, KeyChange>, intents: Map<EnvName, Intent>): Partial {
  const { f, d } = c;
  const envs = [...changed.keys()];
  // An edit not committed yet is the latest of all.
  const place = (x: KeyChange) => (isUncommitted(x) ? -1 : (x.order ?? 0));
  const committedAt = (x: KeyChange) => (isUncommitted(x) ? '9999' : x.committed);
  const latest = [...changed.entries()].sort((a, b) => place(a[1]) - place(b[1]) || (committedAt(a[1]) < committedAt(b[1]) ? 1 : -1))[0]![0];
  f.add('order', `${list(envs)} each changed it since, to different values; the latest change is ${latest}'s`);
  const stepped = stepGivenItsGo(c, changed);
  if (stepped) return stepped;
  const latestChange = changed.get(latest)!;
  const unit = isUncommitted(latestChange) ? undefined : unitDroppedInCopy(c, latestChange, latest);
  if (unit) return unit;
  const slip = slipInOneChange(c, changed);
  if (slip) return slip;
  const scoped = envs.filter((env) => {
    const i = intents.get(env);
    return !!(i && (i.scope || i.rollout || i.temporary));
  });
  if (scoped.length === envs.length) {
    f.say('each change was meant for its own environment: declare the difference in the contract');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.6 };
  }
  const overtaken = overtakenTemporary(c, changed, intents);
  if (overtaken) return overtaken;
  const explicit = envs.find((env) => {
    const i = intents.get(env);
    return !!(i && (i.everywhere || i.typo));
  });
  // Another change insists on its own environment's value ("DO NOT CHANGE", "the right value for
  // prod", "staging only"): two explicit, opposite claims, and neither is the arbiter of the other.
  const insists = envs.filter((env) => env !== explicit && (intents.get(env)?.pinned || intents.get(env)?.scope?.kind === 'env-only'));
  if (explicit && insists.length > 0) {
    const own = insists[0]!;
    const claim = intents.get(own)!.pinned ?? intents.get(own)!.scope!.phrase;
    const change = changed.get(explicit)!;
    const keep = changed.get(own)!;
    const who = (x: KeyChange) => (isUncommitted(x) ? 'the work tree' : `${short(x.commit)} (${x.author})`);
    f.add(
      'intent',
      `${who(change)} says ${shown(c.value(explicit))} is meant for ${intents.get(explicit)!.everywhere ?? 'every environment'}; ${who(keep)} insists on ${own}'s ${shown(c.value(own))} ("${claim}")`,
    );
    f.ask(
      `${who(change)} wants ${shown(c.value(explicit))} everywhere; ${who(keep)} says ${own} keeps ` +
        `${shown(c.value(own))} ("${claim}"): the two disagree explicitly, so the people who wrote them decide. Until ` +
        `then keep the difference declared.`,
    );
    f.say('two changes say opposite things explicitly: declare the difference while the people who wrote them settle it');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.35 };
  }
  if (explicit) {
    const others = Object.keys(d.values).filter((env) => env !== explicit && c.value(env) !== c.value(explicit));
    const drifted = others.sort((a, b) => c.rank(b) - c.rank(a))[0] ?? null;
    f.say(`${explicit}'s change was meant for every environment: backfill ${drifted} with ${shown(c.value(explicit))}`);
    return { deliberate: explicit, drifted, suggested: 'backfill', value: c.value(explicit), confidence: 0.5 };
  }
  f.ask(`${list(envs)} each changed ${d.key} on their own: which value is right, or is each meant for its environment (declare)?`);
  f.say('the evidence cannot decide which value is right; declaring the difference keeps both while someone checks');
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.35 };
}

/** A rollout in steps: the environment further down moved only part of the way toward the value the
 * one before it holds (10 → 50 toward staging's 100), and a text written since gives it the go for
 * that value ("Go for 100% in prod", "100 % in Produktion freigegeben"). Its step is over, the go is
 * the word that decides the difference: it follows. Only numbers, only a step that moved toward the
 * other value and stopped short of it, and only on a recorded go (stepAnswered): with no go, the two
 * values stay two decisions. */
function stepGivenItsGo(c: Case, changed: Map<EnvName, KeyChange>): Partial | undefined {
  if (changed.size !== 2) return undefined;
  const [down, up] = [...changed.keys()].sort((a, b) => c.rank(b) - c.rank(a)) as [EnvName, EnvName];
  if (c.rank(up) < 0 || c.rank(up) >= c.rank(down)) return undefined;
  const step = changed.get(down)!;
  const target = c.value(up);
  if (isUncommitted(step) || target === null || step.to !== c.value(down)) return undefined;
  const number = (v: string | null) => (v !== null && /^-?\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : undefined);
  const [from, to, goal] = [number(step.from), number(step.to), number(target)];
  if (from === undefined || to === undefined || goal === undefined) return undefined;
  // Strictly between where the step started and the other's value: a step toward it that stopped short.
  if (!((from < to && to < goal) || (from > to && to > goal))) return undefined;
  const spoken = intentText(step, c.context.log);
  const said = `${spoken.subject}\n${spoken.body}`;
  const backfill = (confidence: number, why: string): Partial => {
    c.f.say(`${why}: backfill ${down} with ${shown(target)}`);
    return { deliberate: up, drifted: down, suggested: 'backfill', value: target, confidence };
  };
  const declare = (confidence: number, why: string, expires?: string): Partial => {
    c.f.say(`${why}: declare the difference in the contract${expires ? ` until ${expires}` : ''}`);
    return { deliberate: up, drifted: null, suggested: 'declare', value: null, confidence, ...(expires ? { expires } : {}) };
  };
  // A go for a rollout's step names the step's value: "Go for prod" alone does not say which step.
  const namesTarget = (quote: string) => (quote.match(/\d+(?:[.,]\d+)?/g) ?? []).some((n) => Number(n.replace(',', '.')) === goal);
  const answers = answersTo(c, step, said, up, [target, c.value(down)]).filter((a) => a.says !== 'go' || namesTarget(a.quote));
  if (!answers.some((a) => a.says === 'go' && a.envs?.includes(down))) return undefined;
  c.f.add(
    'intent',
    `${short(step.commit)} moved ${down} from ${shown(step.from)} to ${shown(step.to)}, part of the way to ${up}'s ${shown(target)}: a step of a rollout`,
    step.commit,
  );
  const answer = stepAnswered(c, answers, down, target, backfill, declare, false);
  return answer?.suggested === 'backfill' ? answer : undefined;
}

// A report of the end that takes the change back or gives it up: no finished rollout.
const ABANDONED =
  /\b(?:revert(?:s|ed)?|roll(?:ed|ing)? ?back|undo|undid|abandon(?:s|ed)?|cancel(?:l?ed|s)?|dropp(?:ed)|aborted?|won'?t do|wontfix|gave up|zurückgerollt|abgebrochen|verworfen)\b/i;

/** A temporary or test change in one environment ("pin it back to repro SUP-881, revert after"),
 * overtaken by a later change that gave every other environment one value together, none of them
 * scoped, held or pinned: the others moved on as one, and the temporary one, whose reason is its
 * own past, goes to their value. Only an environment upstream of one that holds the value: a
 * temporary setting in production is never moved by it. A question stays (is the test still on?),
 * so never confident. */
function overtakenTemporary(c: Case, changed: Map<EnvName, KeyChange>, intents: Map<EnvName, Intent>): Partial | undefined {
  const { f } = c;
  const temporary = [...changed.keys()].filter((env) => {
    const i = intents.get(env);
    return !!(i && (i.temporary || i.scope?.kind === 'test') && !i.rollout && !i.everywhere);
  });
  if (temporary.length !== 1) return undefined;
  const held = temporary[0]!;
  const others = Object.keys(c.d.values).filter((env) => env !== held);
  const value = others.length > 0 ? c.value(others[0]!) : undefined;
  if (value === undefined || value === null || others.some((env) => c.value(env) !== value) || value === c.value(held)) return undefined;
  const movers = others.filter((env) => changed.has(env));
  if (movers.length === 0) return undefined;
  const since = changed.get(held)!;
  if (isUncommitted(since)) return undefined;
  for (const env of movers) {
    const x = changed.get(env)!;
    const i = intents.get(env);
    if (isUncommitted(x) || (x.order ?? 0) >= (since.order ?? 0)) return undefined;
    if (i && (i.scope || i.temporary || i.rollout || i.pinned || i.hold)) return undefined;
  }
  const ahead = others.filter((env) => c.rank(env) > c.rank(held)).sort((a, b) => c.rank(b) - c.rank(a))[0];
  if (c.rank(held) < 0 || ahead === undefined) return undefined;
  const later = changed.get(movers.sort((a, b) => c.rank(b) - c.rank(a))[0]!)!;
  if (isUncommitted(later)) return undefined;
  const heldIntent = intents.get(held)!;
  const heldSaid = heldIntent.temporary ? quoteOf(heldIntent.temporary, '') : ` ("${heldIntent.scope!.phrase}")`;
  f.add(
    'intent',
    `${short(since.commit)} set ${held}'s ${shown(c.value(held))} for a while or a test${heldSaid}; ` +
      `${short(later.commit)} (${later.date.slice(0, 10)}) later gave ${list(others)} ${shown(value)} together`,
    later.commit,
  );
  f.ask(`is the test ${held}'s ${shown(c.value(held))} was set for still going on? If not, ${held} goes to ${shown(value)} with the rest.`);
  f.say(`a temporary setting the other environments have moved on from: revert ${held} to ${shown(value)}, as ${list(others)} hold`);
  return { deliberate: ahead, drifted: held, suggested: 'revert', value, confidence: 0.55 };
}

/** Version-like values: which environment is ahead, and whether the change was a downgrade. */
function versionEvidence(c: Case, deliberate: EnvName, drifted: EnvName, decisive: KeyChange): { downgrade: boolean; ahead?: EnvName } {
  const a = c.value(deliberate);
  const b = c.value(drifted);
  if (a === null || b === null || !parseVersion(a) || !parseVersion(b)) return { downgrade: false };
  const cmp = compareVersions(a, b)!;
  const ahead = cmp > 0 ? deliberate : cmp < 0 ? drifted : undefined;
  if (ahead)
    c.f.add(
      'version',
      `${ahead} is ahead: ${shown(ahead === deliberate ? a : b)} against ${ahead === deliberate ? drifted : deliberate}'s ${shown(ahead === deliberate ? b : a)}`,
    );
  const downgrade = (compareVersions(decisive.to, decisive.from) ?? 0) < 0;
  if (downgrade)
    c.f.add(
      'version',
      `${isUncommitted(decisive) ? 'the work tree (not committed)' : short(decisive.commit)} took ${deliberate} down ` +
        `from ${shown(decisive.from)} to ${shown(decisive.to)}: a downgrade is a deliberate step back`,
      commitOf(decisive),
    );
  return { downgrade, ...(ahead ? { ahead } : {}) };
}

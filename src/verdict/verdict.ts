// The explained verdict for one divergence: which environment made the deliberate choice, which
// one drifted, what to do, how sure, and why — each piece of evidence checkable with `git show`.
// Pure: everything it weighs comes in as arguments.
import type { Divergence, EnvName, HistoryEvent, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { decidedRecord } from './decided-record.js';
import { logFor } from './own-view.js';
import { contractViolation, guardSuggestion, isRolloutDeclaration, staleDeclaration } from './contract.js';
import { obeyNotes, readContractNotes } from './contract-notes.js';
import { valueDifference, type Partial } from './difference.js';
import { newestAnswersFirst } from './answers.js';
import { Findings } from './findings.js';
import { acceptanceWords, artifact, liveDrift, liveEvidence, liveOnly } from './live.js';
import { objectDifference } from './objects.js';
import { liveValueDifference } from './live-values.js';
import { isOpen, readAcrossKinds } from './readers.js';
import { looksLoosened, looksProtective, riskOf } from './risk.js';
import { safetyNet, SAFETY_CAP, secretStaysHome, testStaysPut } from './safety.js';
import { day, list, round, short, shown } from './words.js';
import { overwrittenStep } from './overwritten-step.js';
import { ownEvents, ticketsIn } from './log.js';
import { readDeadline } from './deadline.js';
import { logTexts } from './texts.js';
import { NEEDS_A_HUMAN } from '../wording/verdict.js';
import { explainedViolation, withdrawnPlan, type Overrule } from './superseded.js';
import { followedLog, followKeyRenames } from './renamed.js';
import { answersOf } from './answered.js';
import { spellingOnly } from './spelling.js';
import { leftOpen } from './left-open.js';
import { outOfScope } from './out-of-scope.js';

export type { VerdictContext } from './context.js';
export { buildLog, CONTRACT_HISTORY, type CommitLog } from './log.js';
export { describeCommit } from './words.js';

export { NEEDS_A_HUMAN } from '../wording/verdict.js';

export function explain(divergence: Divergence, allHistory: Record<EnvName, HistoryEvent[]>, context: VerdictContext): Verdict {
  const f = new Findings();
  // An event whose value did not change (a file or object renamed around it) is not a change; a key
  // renamed or moved keeps the old key's history (renamed.ts).
  // An undrift commit speaks for the keys it records only: the other keys' readers do not see it (own-view.ts).
  const log = logFor(followedLog(context.log), divergence.key);
  // undrift's own commits speak in their own words only (own-commits.ts), as in the log.
  const followed = followKeyRenames(divergence.key, ownEvents(allHistory, divergence.key, context.log), context.log);
  const history = Object.fromEntries(Object.entries(followed).map(([env, events]) => [env, events.filter((e) => e.from !== e.to)]));
  const values = Object.values(divergence.values).flatMap((v) => [v.repo, v.live]);
  // An object that opens a database or an internal port to the outside is a security matter whatever its name (sources/live/exposure.ts).
  const exposed = Object.values(divergence.values).some((v) => v.exposes);
  const risk = divergence.kind === 'permission' ? 'permissions' : exposed ? 'security' : riskOf(divergence.key, values);
  const ctx: VerdictContext = { ...context, risk, ...(log ? { log } : {}) };
  const notes = readContractNotes(divergence, ctx, f);
  const start = f.mark();
  let partial: Partial;
  switch (divergence.kind) {
    case 'contract-violation':
      partial = contractViolation(divergence, history, ctx, f, decidedRecord);
      {
        // A deliberate, explained change makes the contract the stale side: the rule's advice is taken back.
        const explained = explainedViolation(divergence, partial, history, ctx, f);
        if (explained) partial = overrule(f, start, explained);
      }
      break;
    case 'live-drift':
      partial = liveDrift(divergence, history, ctx, f);
      break;
    case 'live-only':
      partial = liveOnly(divergence, ctx, f);
      break;
    case 'artifact':
      partial = artifact(divergence, f);
      break;
    case 'live-cross-env':
      partial = liveValueDifference(divergence, f);
      break;
    case 'permission':
    case 'live-object':
    case 'missing-live':
    case 'object-cross-env':
      partial = objectDifference(divergence, f, ctx);
      break;
    default:
      if (divergence.kind === 'stale-declaration' && divergence.severity === 'info') partial = staleDeclaration(divergence, history, f);
      else if (isRolloutDeclaration(divergence)) partial = expiredRollout(divergence, history, ctx, f);
      else partial = valueDifference(divergence, history, ctx, f);
      liveEvidence(divergence, partial, f);
  }
  obeyNotes(divergence, partial, notes, f);
  // What the value was set for stays with the verdict whichever rule has the last word.
  const forTest = partial.forTest;
  const read = readAcrossKinds(divergence, partial, history, ctx, f);
  if (read) {
    // A reader overruled the kind's own rule: its advice and questions are taken back, the evidence stays.
    f.withdrawAdvice(start);
    f.say(read.advice);
    partial = read.verdict;
  }
  // A plan a later text withdrew moves nothing forward: the advice to carry it on is taken back.
  const withdrawn = withdrawnPlan(divergence, partial, history, ctx, f);
  if (withdrawn) partial = overrule(f, start, withdrawn);
  // A change that wrote an environment its own text keeps it out of (a revert restores every hunk) slipped there.
  const slipped = withdrawn ? undefined : outOfScope(divergence, partial, history, ctx, f);
  if (slipped) {
    f.withdrawAdvice(start);
    f.say(slipped.advice);
    partial = slipped.verdict;
  }
  guardSuggestion(divergence, partial, ctx, f);

  const truncated = Object.values(history).some((events) => events.some((e) => e.truncated));
  if (context.truncatedAt) {
    f.add(
      'quality',
      `history truncated at ${context.truncatedAt} (shallow clone): changes before it are ` +
        `unknown${truncated ? ', and values present then are counted from that date' : ''}; fetch the full history (git ` +
        `fetch --unshallow) for a firmer verdict`,
    );
    partial.confidence = round(partial.confidence * (truncated ? 0.6 : 0.85));
  }
  const moved = partial.suggested !== 'declare';
  if (forTest && partial.forTest === undefined) partial.forTest = forTest;
  testStaysPut(divergence, partial, history, ctx, f);
  safetyNet(divergence, partial, history, ctx, f);
  // A move the safety net took back leaves the matter open: the texts about the key are read now,
  // as for any open verdict (a later note or document that undoes it, or text nobody read), rather
  // than declared over in silence.
  if (!read && moved && isOpen(partial)) {
    const late = readAcrossKinds(divergence, partial, history, ctx, f);
    if (late) {
      f.say(late.advice);
      partial = late.verdict;
    }
  }
  // A decision handed to a meeting, a person or a measurement whose outcome nothing records: no rule
  // is surer than the text that left it open (left-open.ts).
  const open = awaitingDecision(divergence, partial, history, ctx, f);
  if (open) partial = open;
  // A step toward the next environment cut short by someone else's change for another purpose: neither decided.
  const contested = open ? undefined : cutShort(divergence, partial, history, ctx, f);
  if (contested) partial = contested;
  // A secret never travels between environments, whichever rule had the last word.
  secretStaysHome(divergence, partial, f);
  // One value written two ways: whatever was weighed about moving it, only its spelling is left to align.
  const spelling = spellingOnly(divergence, partial, history, f, start);
  if (spelling) partial = spelling;
  partialView(divergence, partial, ctx, f);
  acceptanceWords(divergence, partial, f);
  partial.confidence = round(partial.confidence);
  if (partial.confidence <= NEEDS_A_HUMAN && f.questions.length === 0) {
    f.ask('the evidence cannot decide: ask the owner of this setting which value is meant');
  }
  const question = partial.question ?? f.questions[0];
  return {
    deliberate: partial.deliberate,
    drifted: partial.drifted,
    suggested: partial.suggested,
    value: partial.value,
    confidence: partial.confidence,
    reasons: f.reasons,
    risk,
    evidence: f.evidence,
    ...(question ? { question } : {}),
    ...(partial.expires ? { expires: partial.expires } : {}),
  };
}

/** A verdict surer than a question, or one that moves the value without an explicit word, over a
 * difference whose decision a text handed to someone and nothing since records: declared at 0.45,
 * asking the decider. */
function awaitingDecision(d: Divergence, partial: Partial, history: Record<EnvName, HistoryEvent[]>, ctx: VerdictContext, f: Findings): Partial | undefined {
  const asks = partial.suggested === 'declare' && partial.confidence <= NEEDS_A_HUMAN;
  const firm = partial.suggested !== 'declare' && (partial.explicit === true || partial.confidence >= 0.6);
  if (asks) return undefined;
  const open = leftOpen(d, history, ctx);
  // A firm move stands against a decision handed on, but not against the deciders' own later record
  // that they did not decide: they had the evidence the rule read before them.
  if (!open || (firm && !open.undecided)) return undefined;
  const quote = open.sentence.replace(/\s+/g, ' ').slice(0, 200);
  if (open.asked) {
    f.add('intent', `${open.where} asks whether the change is still needed ("${quote}"), and nothing written since answers it`, open.sha);
    f.ask(`${open.where} asks whether ${d.key} is still needed ("${quote}"): ask the people it names; keep it, or put it back, once they answer.`);
  } else {
    f.add('intent', `${open.where} leaves the decision to someone else ("${quote}"), and nothing written since records it`, open.sha);
    f.ask(
      `${open.where} leaves ${d.key} to be decided ("${quote}"): ask whoever decides there (the person, meeting or measurement it names) which value is meant, and align or declare it then.`,
    );
  }
  f.say('keep the difference declared until the decision it waits for is recorded: moving it pre-empts that decision, declaring it for good makes it');
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! };
}

/** A verdict surer than a question, or a move without an explicit word, over an environment whose newest
 * change replaced someone else's step toward the next environment without naming it (overwritten-step.ts):
 * declared at 0.45, asking both owners which intention the environment serves. */
function cutShort(d: Divergence, partial: Partial, history: Record<EnvName, HistoryEvent[]>, ctx: VerdictContext, f: Findings): Partial | undefined {
  if (d.kind !== 'cross-env') return undefined;
  const asks = partial.suggested === 'declare' && partial.confidence <= NEEDS_A_HUMAN;
  if (asks || partial.explicit === true) return undefined;
  const values = Object.fromEntries(Object.entries(d.values).map(([env, v]) => [env, v.repo]));
  for (const [env, events] of Object.entries(history)) {
    const cut = overwrittenStep(d.key, env, values, events, ctx);
    if (!cut) continue;
    const step = `${short(cut.step.commit)} (${day(cut.step.date)}, ${cut.step.author}: "${cut.step.subject}")`;
    const by = `${short(cut.by.commit)} (${day(cut.by.date)}, ${cut.by.author}: "${cut.by.subject}")`;
    f.add(
      'intent',
      `${env}'s ${shown(cut.step.to)} was a step toward ${list(cut.next)} ("${cut.phrase}", ${step}); ${by} replaced it with ${shown(cut.by.to)} ` +
        `for a purpose of its own, without naming that step: two intentions for ${env}, neither decided`,
      cut.by.commit,
    );
    f.ask(
      `${env}'s ${d.key} was set to ${shown(cut.step.to)} as a step toward ${list(cut.next)} by ${cut.step.author}, then to ${shown(cut.by.to)} by ${cut.by.author} for another purpose: ` +
        `which does ${env} serve? Ask both; until they agree, nothing moves into ${list(cut.next)}.`,
    );
    f.say(`keep the difference declared while the two owners of ${env}'s ${d.key} decide: neither change settles what ${env} is for`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! };
  }
  return undefined;
}

/** Kinds that compare environments (or an environment with what the contract declares for all). */
const BETWEEN_ENVIRONMENTS = new Set(['cross-env', 'missing', 'stale-declaration', 'contract-violation', 'object-cross-env', 'permission']);

/** A view of some environments only (`scan -e staging`) judges a difference between environments
 * without the others' values and history: it may not be surer than a person checking. */
/** Another rule overrules the kind's own answer: the advice given since `start` is taken back, and the
 * overruling rule's question and advice are said in its place. */
function overrule(f: Findings, start: ReturnType<Findings['mark']>, o: Overrule): Partial {
  f.withdrawAdvice(start);
  f.ask(o.question);
  f.say(o.advice);
  return o.verdict;
}

function partialView(d: Divergence, partial: Partial, context: VerdictContext, f: Findings): void {
  const unread = context.unread ?? [];
  if (unread.length === 0 || !BETWEEN_ENVIRONMENTS.has(d.kind)) return;
  const one = unread.length === 1;
  f.add(
    'quality',
    `seen from ${list(Object.keys(d.values))} alone: ${list(unread)} ${one ? 'was' : 'were'} not read (scan -e), ` +
      `and ${one ? 'its' : 'their'} values and history may decide otherwise`,
  );
  if (partial.confidence <= SAFETY_CAP) return;
  f.ask(`scan without -e to judge ${d.key} with every environment's values and history`);
  partial.confidence = SAFETY_CAP;
}

/** A declared rollout whose date has passed: finish it or roll it back, not declare it again.
 * Finishing moves a flag into production on nothing but a date, so rolling back (the
 * environments that went ahead return to the last one's value) is the suggestion, at 0.45 with
 * the question — unless the declaration's reason names the event it waits for ("until the
 * production contract is signed"): the date was that event's estimate, and running out of it says
 * nothing of the event, so it is declared and asked, not moved. */
function expiredRollout(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): Partial {
  const before = f.mark();
  const verdict = valueDifference(d, history, context, f);
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const ordered = Object.keys(d.values).sort((a, b) => rank(a) - rank(b));
  const { last, held, ahead } = rolloutSides(d, ordered, history);
  const leader = ahead.at(-1);
  const postponed = postponement(d, history, context);
  if (postponed) {
    // The plan changed before or after the date ran out: the rollout is on hold, not abandoned.
    f.add('contract', `the rollout declared until ${d.contract!.expires} has run out of time`);
    f.add(
      'intent',
      `${postponed.sha.slice(0, 7)} (${postponed.date.slice(0, 10)}, ${postponed.author}: "${postponed.subject}") says the rollout was put off ("${postponed.phrase}")`,
      postponed.sha,
    );
    f.ask(
      `the rollout of ${d.key} was put off in ${postponed.sha.slice(0, 7)}: renew the declaration with the new date${postponed.until ? ` (${postponed.until})` : ''}?`,
    );
    f.say('the rollout was postponed, not abandoned: declare the difference again, with the new date');
    return {
      deliberate: leader ?? null,
      drifted: null,
      suggested: 'declare',
      value: null,
      confidence: 0.55,
      ...(postponed.until ? { expires: postponed.until } : {}),
    };
  }
  f.add('contract', `the rollout declared until ${d.contract!.expires} has run out of time: finish it or roll it back, rather than declare it again`);
  // The history found the decision the declaration waited for (a go recorded later): it is finished.
  if (!leader || (verdict.suggested === 'backfill' && verdict.explicit)) return verdict;
  // The history's own advice ("declare the difference") is overruled: the reasons say one thing.
  f.withdrawAdvice(before);
  const target = d.values[leader]?.repo ?? null;
  // What was written about the rollout since it was declared answers before its date does: a new
  // end, a go, a refusal (answered.ts). The date running out is only the default's ground.
  const answered = rolloutAnswered(d, history, context, f, { leader, last, ahead, target, held });
  if (answered) return answered;
  // The declaration's own reason names what it waits for ("until the production contract is
  // signed", "once the bank confirms"): its date was an estimate of that event, which nothing here
  // records. The date passing says nothing of the event: a person says which way it went.
  const waitsFor = d.contract?.reason ? WAITS_FOR.exec(d.contract.reason) : null;
  if (waitsFor) {
    f.add('contract', `the declaration's reason names what it waits for ("${waitsFor[0].trim()}"), and nothing read says that happened`);
    f.ask(
      `the rollout of ${d.key} waited for "${waitsFor[0].trim()}": has that happened? Then finish it (backfill ${last} with ${shown(target)}); ` +
        `if it will not, roll it back (revert ${list(ahead)} to ${shown(held)}); if it is still pending, declare it again with a new date.`,
    );
    f.say('the date ran out, not the condition: declare the difference while its owner says whether the condition was met; nothing moves on a date alone');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  f.ask(
    `the rollout of ${d.key} is past its date: finish it (backfill ${last} with ${shown(target)}) or roll it back (revert ${list(ahead)} to ${shown(held)})?`,
  );
  // A default never moves a value toward less protection: a rollout that hardens something (a check
  // switched on, debug off, a safety switch set) is not rolled back on its date alone.
  const loosens = (looksLoosened(d.key, held) && !looksLoosened(d.key, target)) || (looksProtective(d.key, target) && !looksProtective(d.key, held));
  if (loosens) {
    f.say(`rolling it back would take ${list(ahead)} back to the weaker ${shown(held)}: declare the difference while its owner says whether to finish it`);
    return { deliberate: leader, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  f.say(`roll it back unless someone signs off the rest: revert ${leader} to ${shown(held)}, as ${last} holds`);
  return { deliberate: last, drifted: leader, suggested: 'revert', value: held, confidence: 0.45 };
}

/** Which side of an expired declaration went ahead: the environments that left the value they all
 * shared. Most rollouts lead upstream, so the last environment of the promotion order is the one
 * that keeps the old value; but an experiment or a trial run on production traffic alone is led by
 * production — its own history shows it left the value every other environment still holds — and
 * rolling it back returns production, not the environments that never took part. */
function rolloutSides(d: Divergence, ordered: EnvName[], history: Record<EnvName, HistoryEvent[]>): { last: EnvName; held: string | null; ahead: EnvName[] } {
  const last = ordered.at(-1)!;
  const upstream = ordered.slice(0, -1);
  const theirs = upstream.length > 0 ? (d.values[upstream[0]!]?.repo ?? null) : null;
  const lastValue = d.values[last]?.repo ?? null;
  const newest = (env: EnvName) => [...(history[env] ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))[0];
  const own = newest(last);
  const ledByLast =
    upstream.length > 0 &&
    theirs !== lastValue &&
    upstream.every((env) => (d.values[env]?.repo ?? null) === theirs) &&
    !!own &&
    own.from === theirs &&
    own.to === lastValue &&
    // A value of its own, new to every environment: a return to one held before (a rollout halted in
    // production, back to the old value) is production rejoining, not leading.
    !own.revert &&
    upstream.every((env) => !(history[env] ?? []).some((e) => e.to === lastValue)) &&
    // Nobody upstream moved since: the last environment's change is the newest word on the value.
    upstream.every((env) => {
      const e = newest(env);
      return !e || (e.order ?? 0) > (own.order ?? 0);
    });
  if (ledByLast) return { last: upstream.at(-1)!, held: theirs, ahead: [last] };
  const held = lastValue;
  return { last, held, ahead: ordered.filter((env) => d.values[env]?.repo !== held) };
}

/** An expired rollout declaration weighed against the latest text about the rollout's change (its
 * ticket, its key, its value; answered.ts): replanned with a new end ("production's cut-over moves to
 * Q1 2027") or still waiting for its gate, it is declared again with that end; given the go, or its
 * gate reported met, it is finished; refused or called off, it is rolled back. Undefined: nothing
 * written since answers it, and the date's default stands, having read. */
function rolloutAnswered(
  d: Divergence,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  f: Findings,
  r: { leader: EnvName; last: EnvName; ahead: EnvName[]; target: string | null; held: string | null },
): Partial | undefined {
  const change = [...(history[r.leader] ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || Date.parse(b.date) - Date.parse(a.date))[0];
  if (!change || !context.log) return undefined;
  const answers = newestAnswersFirst(
    answersOf(
      {
        key: d.key,
        values: [r.target, r.held],
        tickets: [...new Set([...ticketsIn(`${change.subject}\n${change.body}`), ...ticketsIn(d.contract?.reason ?? '')])],
        env: r.leader,
        date: change.date,
        author: change.author,
        allValues: Object.values(d.values).map((v) => v.repo),
        subject: change.subject,
        environments: context.environments,
        commit: change.commit,
        everywhereGoes: true,
        ...(context.today ? { today: context.today } : {}),
      },
      context.log,
    ),
  );
  const a = answers.find((x) => x.says !== 'ends' && (x.says !== 'go' || !!x.envs?.includes(r.last)));
  if (!a) return undefined;
  const quote = `"${a.quote.replace(/\s+/g, ' ').slice(0, 160)}"`;
  const later = !context.today || !a.on || a.on >= context.today;
  switch (a.says) {
    case 'moved':
    case 'unmet':
      f.add(
        'intent',
        `${a.where}, written since, ${a.says === 'moved' ? `moves the rollout to ${a.on}` : 'says what it waits for has not happened yet'}: ${quote}`,
        a.sha,
      );
      f.ask(`${a.where} replans the rollout of ${d.key}${a.on ? ` (${a.on})` : ''}: renew the declaration with that end?`);
      f.say(`the rollout was replanned, not abandoned: declare the difference again${a.on && later ? `, until ${a.on}` : ''}`);
      return { deliberate: r.leader, drifted: null, suggested: 'declare', value: null, confidence: 0.55, ...(a.on && later ? { expires: a.on } : {}) };
    case 'go':
    case 'met':
    case 'done':
      f.add('intent', `${a.where}, written since, ${a.says === 'go' ? `gives ${r.last} the go` : 'reports what the rollout waited for met'}: ${quote}`, a.sha);
      f.say(`finish the rollout: backfill ${r.last} with ${shown(r.target)}`);
      return { deliberate: r.leader, drifted: r.last, suggested: 'backfill', value: r.target, confidence: 0.55 };
    case 'refused':
      // A refusal of the next step keeps that environment where it is; it does not say the environment
      // that went ahead goes back (a withdrawal of the plan does).
      f.add('intent', `${a.where}, written since, refuses the next step: ${quote}`, a.sha);
      f.ask(`${a.where} refuses ${r.last}'s step of the rollout of ${d.key}: does ${list(r.ahead)} go back to ${shown(r.held)}, or is the rollout replanned?`);
      f.say(
        `${r.last} keeps ${shown(r.held)}, as ${a.where} says: declare the difference while its owner says whether the rollout is replanned or rolled back`,
      );
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
    case 'withdrawn':
      f.add('intent', `${a.where}, written since, calls it off: ${quote}`, a.sha);
      f.ask(`${a.where} calls the rollout of ${d.key} off: roll it back (revert ${list(r.ahead)} to ${shown(r.held)})?`);
      f.say(`roll it back, as ${a.where} says: revert ${r.leader} to ${shown(r.held)}, as ${r.last} holds`);
      return { deliberate: r.last, drifted: r.leader, suggested: 'revert', value: r.held, confidence: 0.5 };
  }
  return undefined;
}

// What a declaration's reason says it waits for: "until the production contract is signed", "once
// the bank confirms", "pending the vendor's certification", "bis der Vertrag unterschrieben ist".
const WAITS_FOR =
  /(?<![\p{L}])(?:until|till|once|when|after|pending|as soon as|awaiting|waiting for|bis|sobald|hasta que|jusqu'à ce que|dès que)\s+[^.;,()]{6,80}/iu;

// A plan put off: "postponed to Q1", "pushed back", "on hold", "verschoben", "aplazado", "reporté".
const POSTPONED =
  /\b(?:postpone[ds]?|delayed|deferred|pushed (?:back|out)|put off|on hold|rescheduled|verschoben|zurückgestellt|aplazad[oa]s?|pospuest[oa]s?|reportée?s?|repoussée?s?)\b/i;

/** A commit that changed no value of the key, citing the declaration's ticket or naming the key,
 * that says the rollout was put off (newest such, not after today). */
function postponement(
  d: Divergence,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
): { sha: string; date: string; author: string; subject: string; phrase: string; until?: string } | undefined {
  const log = context.log;
  if (!log) return undefined;
  const changedBy = new Set(Object.values(history).flatMap((events) => events.map((e) => e.commit)));
  const tickets = ticketsIn(`${d.contract?.reason ?? ''} ${d.contract?.key ?? ''}`);
  for (const { note: m, text, tickets: cited, day } of logTexts(log).all) {
    if (changedBy.has(m.sha) || (context.today && day > context.today)) continue;
    if (!text.includes(d.key) && !tickets.some((t) => cited.includes(t))) continue;
    const phrase = POSTPONED.exec(text)?.[0];
    if (!phrase) continue;
    const until = readDeadline(text, m.date).date;
    return { sha: m.sha, date: m.date, author: m.author, subject: m.subject, phrase, ...(until ? { until } : {}) };
  }
  return undefined;
}

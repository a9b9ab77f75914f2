// Which evidence readers every kind of divergence goes through: one table (kind × reader), so a
// principle is never implemented for one kind only, and a reader added later reaches every kind
// it is listed for. A kind's own rule (difference.ts, live.ts, objects.ts, contract.ts) weighs
// what only it knows — the order of the changes, who wrote a live value, the contract. Where that
// rule decided nothing (a declare that moves nothing, at most SAFETY_CAP sure) or kept a
// difference apart, the readers read every text written about the key and the environment it
// concerns, as a person would:
// - the change's own message (the newest commit that changed the key there),
// - the annotations on the live object and on the roles and bindings that make a grant,
// - later commit messages that name the key (or the object) without changing it,
// - the passages of committed documents (docs/, runbooks) that name it.
// The readers, strongest first:
// - `stated-end`: a text gives the value an end ("remove when DATA-88 is solved", "just for the
//   repro of PAY-1442", "stays until the client fix ships", "until 20.11.") and that end is met: a
//   later commit reports its ticket or its own words done ("Closes DATA-88", "Migration done"), or
//   its date passed → undo it (revert).
// - `fate`: a committed document linked to a live change (by its key, object, value or the id its
//   notes cite) states its fate (live-fate.ts): keep it → codify what runs (backfill the repo); put
//   it back by a day → revert live once the day has passed, declared until then.
// - `undo`: a text says it was a mistake or is to be undone → revert.
// - `keep`: a text decides to keep it ("KEEP, codify in git", "please put it in staging.yaml")
//   → codify what runs (backfill the file). Only where there is something live to codify.
// - `unread`: a text exists that no reader understood (a language or script not read): the
//   verdict is never a quiet declare over it — the question names the text and where it is, and
//   the confidence stays low.
// A keep and an undo both written are a disagreement: a person decides, and the question quotes both.
import type { Divergence, DivergenceKind, EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import type { Partial } from './difference.js';
import { CONFIDENT, SAFETY_CAP } from './safety.js';
import { NEEDS_A_HUMAN } from '../wording/verdict.js';
import { gateNotMet, gateWordsOf, keptApartLater, laterPassages, type KeptApart, type LaterText } from './later.js';
import { keepsIn, readIntent, reportsDone, textUnderstood } from './intent.js';
import { reopenedSince } from './reopened.js';
import { decidedThen } from './decision-after.js';
import { pendingHold } from './pending-hold.js';
import { keptPending } from './kept-pending.js';
import { keyNamePattern } from './documents.js';
import { meetingDay } from './meeting-day.js';
import { intentText, ticketsIn, type CommitLog, type Message } from './log.js';
import { documentedMove, linkedPassages, type DocumentedMove, type MoveKind } from './documented.js';
import { conditionMet, conditionWords, deferredIn, negatedBefore, openIn, specificWords, undoAwaits, undoIn } from './conditions.js';
import {
  decidesKeep,
  distinctive,
  documentIndex,
  keyName,
  keyLeaf as leafOf,
  namesValue,
  passagesAbout,
  passagesNaming,
  saysNotInRepo,
  type Passage,
} from './documents.js';

export { keyName, keyNamePattern } from './documents.js';
import { foreignSays } from './languages.js';
import { statedOnly } from './stated.js';
import { saysMistake } from './live.js';
import { liveFate, type LiveFate } from './live-fate.js';
import { looksLoosened } from './risk.js';
import { describeFreeze, freezeOn, textsNaming } from './notes.js';
import { readDeadline } from './deadline.js';
import { takenBackBelow } from './held.js';
import { newestFirst } from './ordering.js';
import { envPattern, mentions } from './envnames.js';
import { allowedFor } from './contract.js';
import { disputedThread, notesDisagree } from './disagreement.js';
import { regex, escapeRegExp } from './pattern.js';
import { closedRequest } from './closed-request.js';
import { openedRequest } from './opened-request.js';
import { confirmationGiven, confirmationOwed, type Owed } from './confirmation-owed.js';
import { eventText } from './contingency.js';
import { keyOf, once } from './once.js';
import { logTexts } from './texts.js';
import { unrecorded } from './unrecorded.js';
import { restoreDue } from './restore-step.js';
import { resumeDue } from './resume-due.js';
import { handsDecisionBack } from './handed-back.js';
import { daysBetween, day, describeMessage, round, short, shown } from './words.js';
import { awaitedBeside } from './answer-awaited.js';
import { ticketsOfName } from './named-ticket.js';
import { sentenceEnds } from './sentence-end.js';
import { aliasesIn } from './object-alias.js';
import { ticketRecord } from './ticket-record.js';

export type ReaderName = 'open' | 'stated-end' | 'gate-met' | 'documented' | 'fate' | 'undo' | 'keep' | 'unread';

/** The table: each kind of divergence, and the readers that weigh the texts about it. */
export const READERS: Readonly<Record<DivergenceKind, readonly ReaderName[]>> = {
  'cross-env': ['open', 'stated-end', 'documented', 'undo', 'unread'],
  missing: ['open', 'stated-end', 'documented', 'undo', 'unread'],
  'contract-violation': ['open', 'stated-end', 'undo', 'unread'],
  'stale-declaration': ['open', 'unread'],
  'live-drift': ['open', 'stated-end', 'fate', 'undo', 'keep', 'unread'],
  'live-only': ['open', 'stated-end', 'fate', 'undo', 'keep', 'unread'],
  permission: ['open', 'stated-end', 'fate', 'undo', 'keep', 'unread'],
  'live-object': ['open', 'stated-end', 'fate', 'undo', 'keep', 'unread'],
  'missing-live': ['open', 'undo', 'unread'],
  'object-cross-env': ['open', 'stated-end', 'gate-met', 'undo', 'keep', 'unread'],
  // Two live values compared with each other, or one tag running two builds: no file or note
  // speaks for either side, and nothing is written about them but the probe.
  'live-cross-env': ['open', 'unread'],
  artifact: ['open', 'unread'],
};
// Why some cells are empty: a stale declaration is the contract's own matter (its history is read
// in contract-history.ts); a missing live object's keep is its repo definition, already there.

/** A text written about the key in one environment, and where it is. */
export interface Text {
  where: string;
  text: string;
  /** When it was written (ISO), if known. */
  date?: string;
  /** The commit that wrote it, if any. */
  sha?: string;
  /** The text sits on the thing itself (its change, its annotation), not beside it. */
  own: boolean;
  /** Found because it names one of the values, not the key: it speaks of this key only where it
   * also names the environment or the value an undo puts back. */
  byValue?: boolean;
}

// A passage that proposes rather than decides: "Proposal: … then Strict everywhere", "we propose".
const PROPOSAL = regex('iu', String.raw`(?<![\p{L}])(?:proposal|proposed|we propose|i propose)(?![\p{L}])`);

/** A text about the key that says its matter is not settled: in so many words, as a pasted thread
 * whose speakers disagree or that ends open, or as two notes about it that contradict each other
 * (disagreement.ts). */
function openMatter(subjects: Subject[], declared: boolean): { t: Text; phrase: string } | undefined {
  for (const s of subjects) {
    for (const t of s.texts) {
      // A dispute the kind's own rule already weighed into a move (a hand edit argued over is
      // undone at 0.45) stands; over a declare, it makes the declare a question.
      // conditions.ts' family reader: "not decided", "TBD", "let's see tomorrow", "(open)" in a heading, "status: open",
      // "needs a decision", in the languages read — not a ticket cited as open ("(PRIV-31, still open)").
      const phrase = openIn(t.text) ?? (declared ? disputedThread(t.text)?.phrase : undefined);
      if (phrase) return { t, phrase };
    }
    if (!declared) continue;
    const pair = notesDisagree(s.texts.filter((t) => !t.own));
    if (pair) return { t: pair.b, phrase: `${pair.a.where} and ${pair.b.where} disagree: ${pair.phrase}` };
  }
  return undefined;
}

const OFF_VALUE = /^(?:false|off|no|0|disabled)$/i;

/** A verdict that leaves open or weakly moves an environment a document keeps unset or off until
 * something awaited (kept-pending.ts): declared as that environment's state, with the question whether
 * what it waits for has come. A move surer than a question (a later go) is the latest word, and stands. */
function heldPending(d: Divergence, verdict: Partial, context: VerdictContext, f: Findings): { verdict: Partial; advice: string } | undefined {
  const leaf = leafOf(d.key);
  if (!context.log || leaf.length < 4) return undefined;
  const envs = Object.keys(d.values);
  const names = keyNamePattern(d.key);
  if (!names) return undefined;
  for (const p of passagesAbout(leaf, context.log)) {
    if (context.today && p.written.date.slice(0, 10) > context.today) continue;
    const kept = keptPending(p.text, (sentence) => names.test(sentence));
    if (!kept) continue;
    const held = envs.filter((env) => {
      const value = d.values[env]?.repo ?? null;
      const fits = kept.state === 'unset' ? value === null : value !== null && OFF_VALUE.test(value);
      return fits && (mentions(p.text, env) || mentions(p.file, env));
    });
    if (held.length !== 1) continue;
    const env = held[0]!;
    const weakMove = verdict.suggested !== 'declare' && verdict.drifted === env && verdict.confidence <= NEEDS_A_HUMAN;
    if (!isOpen(verdict) && !asksQuestion(verdict, f) && !weakMove) return undefined;
    const where = `${p.file}:${p.line} (written in ${short(p.written.sha)})`;
    f.add(
      'intent',
      `${where} leaves ${d.key} ${kept.state === 'unset' ? 'unset' : 'off'} in ${env} while something is awaited: "${clip(kept.sentence)}"`,
      p.written.sha,
    );
    f.ask(
      `${where} keeps ${d.key} ${kept.state === 'unset' ? 'unset' : 'off'} in ${env} until what it waits for comes: has it? Until then the difference is ${env}'s state, declared.`,
    );
    return {
      verdict: { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: NEEDS_A_HUMAN, question: f.questions.at(-1)! },
      advice:
        `declare ${env}'s ${kept.state === 'unset' ? 'missing' : 'switched-off'} ${d.key} as ${where} says, until what it waits for comes; ` +
        `never copy the other environments' value in before then`,
    };
  }
  return undefined;
}

/** The value the environment held before the change a text is about: what undoing puts back. */
interface Subject {
  env: EnvName;
  /** What an undo writes: the file's value for a live edit, the value before the change for a file, null to remove. */
  undoValue: string | null;
  /** The environment holding `undoValue` where it is the value one commit gave the others (addedTogether). */
  undoFrom?: EnvName;
  /** What a keep codifies (the live value), or undefined where nothing runs to codify. */
  keepValue?: string | null;
  texts: Text[];
  /** The value the environment holds now (its file's, or its live one for a hand edit). */
  value?: string | null;
  /** The production environment (the last in the promotion order) when this one is below it. */
  below?: EnvName;
  /** For a difference between files: the change that made it (when, and its text with the
   * messages of the merges that brought it in). */
  change?: { date: string; text: string };
}

/** Does the verdict leave the matter open: a declare that moves nothing and is not sure? */
export const isOpen = (v: Partial) => v.suggested === 'declare' && v.drifted === null && v.confidence <= SAFETY_CAP;

/** A declare that asks: it moves nothing, at most needs-a-human sure, with a question. */
const asksQuestion = (v: Partial, f: Findings) =>
  v.suggested === 'declare' && v.drifted === null && v.confidence <= NEEDS_A_HUMAN && (!!v.question || f.questions.length > 0);

/** The change's text plans another environment to follow (a rollout, a gate). */
function plansFollow(s: Subject | undefined, context: VerdictContext): boolean {
  if (!s?.change) return false;
  const i = readIntent({ subject: s.change.text, body: '', author: '', email: '', date: s.change.date }, s.env, context.environments);
  return (i.rollout?.next.length ?? 0) > 0 || !!i.hold?.follows;
}

/** Applies the table's readers for the divergence's kind to a verdict its kind's rule left open,
 * or kept apart (a declare): returns the verdict a reader reached, or undefined. */
export function readAcrossKinds(
  d: Divergence,
  verdict: Partial,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  f: Findings,
): { verdict: Partial; advice: string } | undefined {
  const readers = READERS[d.kind] ?? [];
  const subjects = subjectsOf(d, history, context);
  if (subjects.length === 0) return undefined;
  if (readers.includes('open')) {
    const open = openMatter(subjects, verdict.suggested === 'declare');
    if (open) {
      f.add('intent', `${open.t.where} says the matter is not settled ("${open.phrase}"): "${clip(open.t.text)}"`, open.t.sha);
      // The kind's rule already weighed the dispute into a question (contradiction.ts): it stands.
      if (isOpen(verdict) && f.weighed.has('dispute')) {
        verdict.deliberate = null;
        return undefined;
      }
      f.ask(`${open.t.where} says ${d.key} is not decided ("${open.phrase}"): ask the people in it which value is meant, and declare or align it then.`);
      return {
        verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.35, question: f.questions.at(-1)! },
        advice: 'keep the difference declared until the people who disagree decide: no rule is the arbiter of them',
      };
    }
  }
  const copied = copiesProductionValue(d, verdict, context);
  if (copied) {
    f.add('intent', copied.evidence, copied.t.sha);
    f.ask(
      `${copied.t.where} names ${shown(copied.value)} as production's own ("${copied.phrase}"): should ${copied.into} really point at it? ` +
        `If it should not, declare the difference and give ${copied.into} its own value.`,
    );
    return {
      verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: SAFETY_CAP, question: f.questions.at(-1)! },
      advice: `do not copy production's own ${shown(copied.value)} into ${copied.into}: declare the difference while someone checks`,
    };
  }
  // A backfill writes a value into the repository: a text about the key — a note on the live object,
  // a commit, a document — that says the value does not go there ("do not put the new one in git",
  // "managed by the platform") outranks it, for any key. The value stays where it is, declared.
  if (verdict.suggested === 'backfill') {
    const outside = subjects.flatMap((s) => s.texts.map((t) => ({ t, phrase: saysNotInRepo(t.text) }))).find((x) => x.phrase);
    if (outside) {
      f.add('intent', `${outside.t.where} says the value does not go into the repository ("${outside.phrase}"): "${clip(outside.t.text)}"`, outside.t.sha);
      f.ask(`${outside.t.where} keeps ${d.key} out of the repository: where does its value live instead (a secret store, the platform)? Declare it meanwhile.`);
      return {
        verdict: {
          deliberate: verdict.drifted ?? verdict.deliberate,
          drifted: null,
          suggested: 'declare',
          value: null,
          confidence: 0.55,
          question: f.questions.at(-1)!,
        },
        advice: `keep the value out of the repository, as ${outside.t.where} says: declare the difference, and never write or deploy the old value`,
      };
    }
  }
  // A document leaving the setting unset or off in one environment while something is awaited ("Leave
  // exportEnabled unset meanwhile", "vorerst nicht aktivieren"): that environment's state is the one
  // decided for now, and copying the others' value in would take the decision the text waits for.
  if (readers.includes('documented')) {
    const pending = heldPending(d, verdict, context, f);
    if (pending) return pending;
  }
  // An incident's measure whose procedure puts the value back once it has served, the incident since reported
  // over: the step that restores it is due, whatever the kind's rule made of the fix (kept, or carried onward).
  if (readers.includes('stated-end')) {
    for (const s of subjects) {
      const due = restoreDue(d.key, s.change, s.undoValue, s.texts, context);
      if (due) return undoFor(d, s, due.evidence, due.sha, f, 0.55);
    }
    // A pause made by hand whose record says to end it once an event is over (the failover, a version
    // shipped), that event since reported over or running there: the hand edit goes back live.
    const s = subjects[0]!;
    const edited = d.provenance?.[s.env]?.time;
    if (d.kind === 'live-drift' && edited) {
      const due = resumeDue(
        {
          key: d.key,
          env: s.env,
          environments: context.environments,
          editedAt: edited,
          ...holderOf(d.values[s.env]?.liveSource),
          ...(s.undoValue !== null ? { fileValue: s.undoValue } : {}),
          ...(d.values[s.env]?.live != null ? { liveValue: d.values[s.env]!.live! } : {}),
        },
        context.log,
        context.today,
      );
      if (due) return undoFor(d, s, due.evidence, due.sha, f, 0.6);
    }
  }
  // Every move is checked against what was written after the change that decides it: the latest word decides.
  if (verdict.suggested !== 'declare') return readers.includes('documented') ? laterOnMove(d, verdict, subjects[0], context, f) : undefined;
  // A declare that asks is as open as one that decided nothing: at most needs-a-human sure, with a
  // question ("set for a test in staging: is it over?"), it is answered by a later undo or keep. A
  // rollout waiting for its next environment is a plan, not a question: a later text withdrawing it
  // is weighed as a withdrawal (superseded.ts).
  const planned = plansFollow(subjects[0], context);
  const open = isOpen(verdict) || (asksQuestion(verdict, f) && !planned);
  // A declare below a recommendation is a question; a later word that keeps the environments apart,
  // newer than any linked document's move, answers it.
  const first = subjects[0];
  if (verdict.confidence < CONFIDENT && first?.change && context.log && readers.includes('documented')) {
    const { keeps } = laterWords(d, { ...first, change: first.change }, context, true);
    if (keeps) return keptApartVerdict(d, first, keeps, f);
  }
  // A rollout or a follow waits for its gate ("if the load test is good, prod next"): a later report
  // that the gate was not met ("inconclusive … rerun pending") makes it a question, however sure the
  // plan was — unless a later go outranks the report.
  if (planned && first?.change && readers.includes('documented')) {
    const notMet = gateReportedNotMet(d, { ...first, change: first.change }, context);
    if (notMet) {
      f.add(
        'intent',
        `${notMet.t.where} reports the gate ${first.env}'s change waited for not met ("${notMet.phrase}"): "${clip(notMet.t.text)}"`,
        notMet.t.sha,
      );
      f.ask(
        `${notMet.t.where} says the gate for ${d.key} was not met ("${notMet.phrase}"): has it been met since (then let the next environment follow), ` +
          `or is the change given up (then put ${first.env} back)? Until then the difference stays declared.`,
      );
      return {
        verdict: {
          deliberate: null,
          drifted: null,
          suggested: 'declare',
          value: null,
          confidence: Math.min(verdict.confidence, NEEDS_A_HUMAN),
          question: f.questions.at(-1)!,
        },
        advice: `keep the difference declared: the gate the rollout waits for was reported not met, and nothing since says it was`,
      };
    }
  }
  for (const s of subjects) {
    // A stated end that is met overrules a kept-apart difference too: the purpose it was kept
    // apart for is over.
    if (readers.includes('stated-end')) {
      const ended = endMet(s, context, d.key);
      // The end bounded another environment's keep: met, that environment takes this one's value.
      const follower = ended?.keptEnvs?.find((env) => d.values[env] !== undefined && (d.values[env]?.repo ?? null) !== s.value);
      if (ended && follower && s.value !== undefined) {
        f.add('intent', ended.evidence, ended.sha);
        return {
          verdict: { deliberate: s.env, drifted: follower, suggested: 'backfill', value: s.value, confidence: Math.min(ended.confidence, KEEP_ENDED) },
          advice: `${follower} was kept apart until an end that is now reported met: give ${follower}'s ${d.key} ${shown(s.value)} too (backfill)`,
        };
      }
      if (ended && !ended.keptEnvs) return undoFor(d, s, ended.evidence, ended.sha, f, ended.confidence);
    }
    if (readers.includes('gate-met')) {
      const gate = gateMet(d, s, context);
      if (gate) {
        f.add('intent', gate.evidence, gate.sha);
        return {
          verdict: { deliberate: s.env, drifted: gate.into, suggested: 'backfill', value: null, confidence: 0.6 },
          advice: `the rollout its text planned has passed its gate: create ${d.key} in ${gate.into} too (backfill), from its definition in ${s.env}`,
        };
      }
    }
    if (readers.includes('documented') && s.change) {
      const move = changeMove(d, { ...s, change: s.change }, context);
      if (move) {
        const against = move.kind === 'everywhere' ? ownStatedChange(d, s, move, history, context) : undefined;
        if (against) return documentsContradict(d, move, against, f);
        return documentedOrOpen(d, move, context, f);
      }
    }
    if (open && readers.includes('fate')) {
      const fated = documentedFate(d, s, verdict, context, f);
      if (fated !== undefined) return fated ?? undefined;
    }
    // A later word that undoes it answers any declare, however sure (a declare stands on its words'
    // terms: "no longer needed" ends the purpose it was kept for) — but a rollout's plan, which a later
    // withdrawal answers (superseded.ts); a keep answers only an open one.
    // A sure declare stands on the change's own words (its message, the comment beside the value):
    // only a text written after them answers it.
    const held = heldBefore(history[s.env]);
    const keyRemoved = s.value === null && d.kind !== 'missing-live';
    // The record filed under the change's ticket since ("# EXP-77 — stopped: the threshold goes back to 30"),
    // naming the value it replaced, speaks of the change without naming the key (ticket-record.ts).
    const undo =
      readers.includes('undo') && (open || !planned)
        ? (undoSaid(open ? s : writtenLater(s), d.key, context.environments, held, keyRemoved) ??
          undoSaid(
            { ...s, texts: ticketRecord(s.change, s.undoValue, context).map((t) => ({ ...t, own: false })) },
            d.key,
            context.environments,
            held,
            keyRemoved,
          ))
        : undefined;
    const keep = open && readers.includes('keep') && s.keepValue !== undefined ? keepSaid(s) : undefined;
    if (!open && !undo) continue;
    if (undo && keep) {
      f.add('intent', `${keep.t.where} says to keep it ("${keep.phrase}"), ${undo.t.where} to undo it ("${undo.phrase}")`, undo.t.sha ?? keep.t.sha);
      f.ask(
        `${keep.t.where} says to keep ${s.env}'s ${d.key} ("${keep.phrase}") and ${undo.t.where} to undo it ("${undo.phrase}"): which stands? The people who wrote them decide.`,
      );
      verdict.question = f.questions.at(-1);
      verdict.confidence = Math.min(verdict.confidence, 0.4);
      return undefined;
    }
    // A hand-made measure its record holds until a named party confirms is theirs to end (confirmation-owed.ts).
    const owed = undo && LIVE_MEASURES.has(d.kind) ? owedConfirmation(s, context) : undefined;
    if (owed) return owedVerdict(d, s, owed, f);
    if (undo) return undoFor(d, s, undo.evidence ?? `${undo.t.where} says it is to be undone ("${undo.phrase}"): "${clip(undo.t.text)}"`, undo.t.sha, f, 0.6);
    if (keep) {
      f.add('intent', `${keep.t.where} decides to keep it ("${keep.phrase}"): "${clip(keep.t.text)}"`, keep.t.sha);
      return {
        verdict: { deliberate: s.env, drifted: s.env, suggested: 'backfill', value: s.keepValue ?? null, confidence: 0.6, keptBy: keep.t.where },
        advice: `codify it: write ${s.env}'s ${s.keepValue === null || s.keepValue === undefined ? d.key : shown(s.keepValue)} into its files (backfill), so the next deploy does not take it away`,
      };
    }
  }
  // A declare that is a question (at most needs-a-human: an aged "for now", a lagging rollout) is
  // never quiet over text nobody read either.
  const asks = verdict.suggested === 'declare' && verdict.confidence <= NEEDS_A_HUMAN;
  if ((open || asks) && readers.includes('unread')) unreadText(d, subjects, verdict, f, context.environments);
  return undefined;
}

/** The environment a document for every environment would move left the value the two agreed on
 * by a change of its own that says why ("ADR-7: longer cache in production"), not a bare edit: both
 * sides moved on purpose, each on its own written word. A document that does not name the value it
 * would replace there has not weighed that change: the two contradict, and which governs is for
 * their owners. Moving a value another change set on purpose is a move nobody decided. */
function ownStatedChange(
  d: Divergence,
  s: Subject,
  move: DocumentedMove,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
): HistoryEvent | undefined {
  if (move.into === s.env || s.undoValue === null) return undefined;
  const own = newestFirst(history[move.into] ?? [])[0];
  const now = d.values[move.into]?.repo ?? null;
  // It departed from the value the changed environment left: the one both held.
  if (!own || own.to !== now || own.from !== s.undoValue || own.revert || now === null) return undefined;
  const intent = readIntent({ subject: own.subject, body: own.body, author: own.author, email: own.email, date: own.date }, move.into, context.environments);
  if (intent.bare || intent.bot) return undefined;
  return namesValue(move.passage.text, now) ? undefined : own;
}

/** A document for every environment against the other environment's own stated change: a question. */
function documentsContradict(d: Divergence, move: DocumentedMove, own: HistoryEvent, f: Findings): { verdict: Partial; advice: string } {
  const p = move.passage;
  const theirs = `${short(own.commit)} (${day(own.date)}, ${own.author}: "${own.subject}")`;
  f.add(
    'intent',
    `${p.file}:${p.line} (${day(p.written.date)}, ${short(p.written.sha)}) sets ${shown(move.value)} for every environment ("${move.phrase}"), ` +
      `but ${move.into}'s ${shown(own.to)} was set on purpose by ${theirs}, which the document does not name: the two contradict`,
    p.written.sha,
  );
  f.ask(
    `${p.file} sets ${d.key} to ${shown(move.value)} for every environment, and ${theirs} set ${move.into}'s ${shown(own.to)} on purpose: ` +
      `which governs? Their owners decide (one superseded or corrected); until then the difference stays declared.`,
  );
  return {
    verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: SAFETY_CAP, question: f.questions.at(-1)! },
    advice: `do not move ${move.into}'s own ${shown(own.to)}: a document and ${move.into}'s own change disagree; declare the difference while their owners decide`,
  };
}

/** A document's move that only proposes: the document's own status is proposed, a draft or open,
 * or its passage is a proposal. A proposal decides nothing; it makes the matter open. */
function proposed(move: DocumentedMove, log: VerdictContext['log']): string | undefined {
  const doc = log ? documentIndex(log).find((x) => x.path === move.passage.file && x.written.sha === move.passage.written.sha) : undefined;
  // A document with a status of its own says itself whether it decided: an accepted RFC's "Proposal:" is what was accepted.
  // A status that calls the plan off ("withdrawn") is itself the decision an undo carries out.
  if (doc?.status) return doc.status.decided || (move.kind === 'undo' && doc.status.withdraws) ? undefined : `status: ${doc.status.status}`;
  // A record that leaves the decision to a named person at a meeting to come ("Decisione: Maria Greco (CISO) al
  // security board del 14/12") holds positions, whichever passage states one ("15 minuti ovunque"): none is decided.
  const deferred = doc && !move.passage.message ? deferredIn(doc.text) : undefined;
  return PROPOSAL.exec(move.passage.text)?.[0] ?? openIn(move.passage.text) ?? deferred ?? requested(move);
}

/** The sentence carrying the move, where it reports a request opened for it (opened-request.ts): a pull
 * request that would put the value back, not merged, is a proposal, whoever may merge it later. */
function requested(move: DocumentedMove): string | undefined {
  const head = move.phrase.slice(0, 24).toLowerCase();
  const said = move.passage.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/)).find((x) => x.toLowerCase().includes(head));
  return said !== undefined && openedRequest(said) ? said.trim() : undefined;
}

/** A linked document's move, unless it only proposes: then the matter is open, a question at 0.35. */
function documentedOrOpen(d: Divergence, move: DocumentedMove, context: VerdictContext, f: Findings): { verdict: Partial; advice: string } {
  const proposal = proposed(move, context.log);
  // A move into an environment that the same section of the document takes back further down ("20 Nov:
  // approved for production … 28 Nov: approval withdrawn, production stays"): the later line decides.
  const p0 = move.passage;
  const back =
    !proposal && !p0.message && move.kind !== 'mistake' && move.kind !== 'broken'
      ? takenBackBelow(context, { file: p0.file, line: p0.line, sha: p0.written.sha }, d.key, move.into)
      : undefined;
  if (back) {
    f.add(
      'intent',
      `${p0.file}:${p0.line} (${short(p0.written.sha)}) moves ${d.key} into ${move.into}, and further down takes it back: "${clip(back)}"`,
      p0.written.sha,
    );
    f.ask(
      `${p0.file} moved ${d.key} into ${move.into} and then took it back ("${clip(back).slice(0, 80)}"): which stands? Until someone says, the difference stays declared.`,
    );
    return {
      verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! },
      advice: `keep the difference declared: the latest line of ${p0.file} takes the move back`,
    };
  }
  // A go or a follow beside an item the same text leaves awaiting an answer ("technically ready for
  // production. Open: the processing agreement, no answer yet") waits for that answer.
  const awaited =
    !proposal && (move.kind === 'go' || move.kind === 'follow')
      ? awaitedBeside(context, p0.message ? { sha: p0.written.sha } : { file: p0.file, line: p0.line, sha: p0.written.sha }, d.key)
      : undefined;
  if (awaited) {
    const then = documentedVerdict(d, move, f);
    f.add('intent', `the same text leaves an answer awaited beside it: "${clip(awaited)}"`, p0.written.sha);
    f.ask(
      `${p0.message ? describeMessage(p0.written) : p0.file} moves ${d.key} into ${move.into} but waits on an answer ("${clip(awaited).slice(0, 100)}"): ` +
        'has it come? Until it has, the difference stays declared.',
    );
    return {
      verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! },
      advice: `keep the difference declared until the answer comes; then ${then.advice}`,
    };
  }
  // A go, a rollout order or an everywhere moves a value into an environment that is frozen today (a
  // freeze notice the log holds, not over yet): a go given before or during a freeze is a go for after
  // it, and the freeze keeps the environment as it is until then (difference.ts' holdForFreeze weighs
  // the promotion order the same way). A broken value or a missed deploy is about what runs now: not held.
  const frozen =
    !proposal && (move.kind === 'go' || move.kind === 'follow' || (move.kind === 'everywhere' && !move.passed)) ? freezeOn(move.into, context) : undefined;
  if (frozen) {
    const then = documentedVerdict(d, move, f);
    f.add('intent', describeFreeze(frozen), frozen.note.sha);
    if (!frozen.until) f.ask(`is the freeze on ${move.into} over? Until it is, ${move.into} keeps ${shown(d.values[move.into]?.repo ?? null)}.`);
    return {
      verdict: {
        deliberate: move.into,
        drifted: null,
        suggested: 'declare',
        value: null,
        confidence: frozen.until ? 0.6 : 0.45,
        ...(frozen.until ? { expires: frozen.until } : { question: f.questions.at(-1)! }),
      },
      advice: `nothing moves into ${move.into} while it is frozen: declare the difference${frozen.until ? ` until ${frozen.until}` : ''}; after the freeze, ${then.advice}`,
    };
  }
  if (!proposal) return documentedVerdict(d, move, f);
  const p = move.passage;
  f.add(
    'intent',
    `${p.file}:${p.line} (${day(p.written.date)}, ${short(p.written.sha)}) proposes, and does not decide ("${proposal}"): "${clip(p.text)}"`,
    p.written.sha,
  );
  // A decision left to a meeting that has passed, and nothing recorded since: still undecided, but the
  // question is what that meeting decided, on its day.
  const doc = context.log ? documentIndex(context.log).find((x) => x.path === p.file && x.written.sha === p.written.sha) : undefined;
  const met = doc && context.today ? meetingDay(doc.text, proposal, doc.written.date) : undefined;
  const moving = move.kind === 'mistake' || move.kind === 'undo' ? `putting ${move.into} back` : `moving ${d.key} into ${move.into}`;
  f.ask(
    met && context.today && met < context.today
      ? `${p.file} left the decision on ${d.key} for ${move.into} to "${clip(proposal).slice(0, 80)}", on ${met}: ` +
          'that day has passed and nothing recorded since says what was decided. What was the outcome? Until a record says, the difference stays declared.'
      : `${p.file} proposes ${moving} ("${proposal}"): has it been decided? Until then the difference stays declared.`,
  );
  return {
    verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.35, question: f.questions.at(-1)! },
    advice: 'keep the difference declared until the proposal is decided: a proposal moves nothing',
  };
}

/** The verdict a document linked to the change reached: the environment it names goes back to the
 * value the others hold (a slip), or follows the change (everywhere, a go, a rollout order). */
function documentedVerdict(d: Divergence, move: DocumentedMove, f: Findings): { verdict: Partial; advice: string } {
  const p = move.passage;
  const where = p.message ? describeMessage(p.written) : `${p.file}:${p.line} (${day(p.written.date)}, ${p.written.author}, ${short(p.written.sha)})`;
  const said: Record<MoveKind, string> = {
    mistake: move.required ? `says what ${move.into}'s value must be, and ${move.into}'s file holds the opposite` : `calls ${move.into}'s value a slip`,
    everywhere: move.passed ? `sets ${shown(move.value)} for every environment, by ${move.passed} (passed)` : `sets ${shown(move.value)} for every environment`,
    go: move.byRecord ? `approves the change for ${move.into}, its day (${move.passed}) passed` : `gives ${move.into} the go`,
    follow: `says ${move.into} follows ${move.deliberate}`,
    undo: move.byStatus ? `withdraws the plan ${move.into}'s change went ahead on` : `says ${move.into} goes back`,
    shipped: `records the change deployed to ${move.into}, whose files do not have it: the deploy missed it`,
    broken: move.broken
      ? `says ${move.into}'s ${shown(move.broken.value)} (${move.broken.named}) is refused or failing since ${move.broken.since}: ${move.into} is broken now`
      : `says ${move.into}'s value is broken now`,
  };
  if (move.kind === 'broken' && move.revert) return brokenMoverVerdict(d, move, where, f);
  f.add('intent', `${where} ${said[move.kind]} ("${move.phrase}"): "${clip(p.text)}"`, p.written.sha);
  if (move.kind === 'undo') {
    if (move.byStatus)
      f.ask(`${p.file} calls its plan off ("${move.phrase}"): should ${move.into} go back to ${shown(move.value)}, as ${move.deliberate} has it?`);
    return {
      verdict: revertOf(move, move.byStatus ? 0.5 : 0.6, move.byStatus ? f.questions.at(-1)! : undefined),
      advice: `put ${move.into}'s ${d.key} back to ${shown(move.value)}, as ${move.deliberate} has it (revert): ${p.file} ${said.undo}`,
    };
  }
  if (move.kind === 'mistake') {
    return {
      verdict: revertOf(move, 0.6),
      advice:
        `put ${move.into}'s ${d.key} back to ${shown(move.value)}, ` +
        `${move.deliberate ? `as ${move.deliberate} has it` : move.required ? 'as the document requires' : 'its own value before the slip'} ` +
        `(revert): ${move.passage.message ? 'the commit' : 'the document'} says ${move.into}'s value was not meant`,
    };
  }
  // A go read from a record's status and planned day, not from a sentence that gives it, stays below
  // the confident line; it is still a recorded word that the value is meant there (safety.ts' test guard).
  const confidence = move.byRecord ? 0.55 : (move.kind === 'everywhere' || move.kind === 'broken') && move.passed ? 0.7 : 0.6;
  return {
    verdict: { deliberate: move.deliberate, drifted: move.into, suggested: 'backfill', value: move.value, confidence, explicit: true },
    advice:
      move.kind === 'everywhere' && move.passed
        ? `write ${shown(move.value)} into ${move.into} (backfill): the date the document set for every environment has passed, and ${move.into} still differs`
        : move.kind === 'broken'
          ? `write ${move.deliberate}'s working ${shown(move.value)} into ${move.into} (backfill): ${move.into}'s value is refused or failing now`
          : `write ${shown(move.value)} into ${move.into} (backfill): ${p.file} ${said[move.kind]}`,
  };
}

/** The changed environment put back to the value the document keeps: explicit, or below the confident
 * line with the `question` it leaves to a person. */
function revertOf(move: DocumentedMove, confidence: number, question?: string): Partial {
  return {
    deliberate: move.deliberate,
    drifted: move.into,
    suggested: 'revert',
    value: move.value,
    confidence,
    ...(question !== undefined ? { question } : { explicit: true }),
  };
}

/** A record written after the move says the value the changed environment moved to is broken, and the
 * others' value is not: the mover goes back to it. Production is put back at 0.55 at most, with the
 * question, however explicit the record: the record was written about a test elsewhere, and the person
 * who owns production confirms it holds there. */
function brokenMoverVerdict(d: Divergence, move: DocumentedMove, where: string, f: Findings): { verdict: Partial; advice: string } {
  const p = move.passage;
  const broken = move.broken;
  f.add(
    'intent',
    `${where}, written after ${move.into}'s change, says ${move.into}'s ${shown(broken?.value ?? null)}${broken ? ` (${broken.named})` : ''} is broken or unusable` +
      `${broken ? ` since ${broken.since}` : ''}, and ${move.deliberate}'s ${shown(move.value)} is not ("${move.phrase}"): "${clip(p.text)}"`,
    p.written.sha,
  );
  const production = move.revert === 'production';
  if (production)
    f.ask(
      `${where} says ${move.into}'s ${shown(move.broken?.value ?? null)} is broken ("${move.phrase}"): does that hold in ${move.into} too? ` +
        `Then put it back to ${shown(move.value)}, as ${move.deliberate} has it.`,
    );
  return {
    verdict: revertOf(move, production ? 0.55 : 0.6, production ? f.questions.at(-1)! : undefined),
    advice: `put ${move.into}'s ${d.key} back to ${shown(move.value)}, as ${move.deliberate} has it (revert): a record written since says ${move.into}'s value is broken`,
  };
}

const clip = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 160);

/** What was written after the change that made the difference, newest first: the latest word
 * that keeps the environments apart (later.ts), and the latest linked document's move
 * (documented.ts) — each with when it was written. `oneSided`: a keep of the changed value counts
 * (the verdict undoes it, or has not decided). */
function laterWords(d: Divergence, s: Subject & { change: NonNullable<Subject['change']> }, context: VerdictContext, oneSided: boolean) {
  const changedAt = Date.parse(s.change.date);
  const tickets = ticketsIn(s.change.text);
  const inTime = (date: string) => Date.parse(date) > changedAt && (!context.today || date.slice(0, 10) <= context.today);
  const later: LaterText[] = [
    ...s.texts
      .filter((t) => !t.own && t.date && inTime(t.date))
      .map((t) => ({ where: t.where, text: t.text, date: t.date!, ...(t.sha ? { sha: t.sha } : {}) })),
    ...linkedPassages({ key: d.key, values: [s.value ?? null], tickets }, context.log)
      .filter((p) => inTime(p.written.date))
      .map((p) => ({ where: `${p.file}:${p.line} (written in ${short(p.written.sha)})`, text: p.text, date: p.written.date, sha: p.written.sha })),
    ...laterPassages(d.key, s.env, s.value ?? null, s.change.date, context.log, context.today),
  ];
  const apart = keptApartLater(later, d.key, s.env, s.change.date, oneSided);
  const move = changeMove(d, s, context);
  const moveAt = move && inTime(move.passage.written.date) ? Date.parse(move.passage.written.date) : undefined;
  // The latest word decides: a keep-apart word newer than any later document's move.
  const keeps = apart && (moveAt === undefined || Date.parse(apart.t.date) >= moveAt) ? apart : undefined;
  return { keeps, move, moveAt };
}

/** The move a document (or a later message read as one) linked to the subject's change makes
 * (documented.ts). Asked twice of most divergences (the later words, then the readers' own pass),
 * each time going through every linked text: kept for the verdict being weighed — by its context,
 * which `explain` makes for each verdict — and never across verdicts, whose reads of the log are
 * recorded apart (reads.ts). */
const movesOf = new WeakMap<VerdictContext, Map<string, DocumentedMove | undefined>>();
function changeMove(d: Divergence, s: Subject & { change: NonNullable<Subject['change']> }, context: VerdictContext): DocumentedMove | undefined {
  const values = Object.fromEntries(Object.keys(d.values).map((env) => [env, d.values[env]?.repo ?? null]));
  const tickets = ticketsIn(s.change.text);
  let moves = movesOf.get(context);
  if (!moves) movesOf.set(context, (moves = new Map<string, DocumentedMove | undefined>()));
  const key = keyOf(d.key, s.env, s.value ?? null, s.change.date, tickets, JSON.stringify(values));
  if (moves.has(key)) return moves.get(key);
  const move = documentedMove(
    {
      key: d.key,
      env: s.env,
      value: s.value ?? null,
      changedAt: s.change.date,
      tickets,
      values,
      promotion: context.promotion,
      environments: context.environments,
      ...(context.today ? { today: context.today } : {}),
    },
    context.log,
  );
  moves.set(key, move);
  return move;
}

/** A text written after the change — a commit naming the key, a document linked to the change (by
 * its key, ticket, value or the words of its subject) — that names the change's gate and reports it
 * not met, newer than any linked document's move (a go written after it outranks it). */
function gateReportedNotMet(d: Divergence, s: Subject & { change: NonNullable<Subject['change']> }, context: VerdictContext) {
  const words = gateWordsOf(s.change.text, (phrases) => conditionWords(phrases, context.environments));
  if (words.length === 0) return undefined;
  const changedAt = Date.parse(s.change.date);
  const inTime = (date: string) => Date.parse(date) > changedAt && (!context.today || date.slice(0, 10) <= context.today);
  const subject = s.change.text.split('\n')[0] ?? '';
  const later: LaterText[] = [
    ...s.texts
      .filter((t) => !t.own && t.date && inTime(t.date))
      .map((t) => ({ where: t.where, text: t.text, date: t.date!, ...(t.sha ? { sha: t.sha } : {}) })),
    ...linkedPassages({ key: d.key, values: [s.value ?? null], tickets: ticketsIn(s.change.text), env: s.env, date: s.change.date, subject }, context.log)
      .filter((p) => inTime(p.written.date))
      // A passage is read under its heading: "# Ingest batch 1000 — load test" names what "Result: inconclusive" is about.
      .map((p) => ({
        where: `${p.file}:${p.line} (written in ${short(p.written.sha)})`,
        text: p.heading ? `${p.heading}\n${p.text}` : p.text,
        date: p.written.date,
        sha: p.written.sha,
      })),
  ];
  const found = gateNotMet(later, words);
  if (!found) return undefined;
  const { move, moveAt } = laterWords(d, s, context, false);
  return move && moveAt !== undefined && moveAt > Date.parse(found.t.date) ? undefined : found;
}

/** The verdict a later keep-apart word reaches: the difference is declared, at 0.6, as its owner wrote. */
function keptApartVerdict(d: Divergence, s: Subject, apart: KeptApart, f: Findings): { verdict: Partial; advice: string } {
  f.add(
    'intent',
    `${apart.t.where}, written after the change, says ${s.env}'s ${shown(s.value ?? null)} is meant to stay apart ("${apart.phrase}"): "${clip(apart.t.text)}"`,
    apart.t.sha,
  );
  return {
    verdict: { deliberate: s.env, drifted: null, suggested: 'declare', value: null, confidence: CONFIDENT },
    advice: `declare the difference in the contract: the latest word about it keeps ${s.env}'s value apart, and outranks the change's own first word`,
  };
}

/** A move (revert or backfill) checked against what was written after the change that made the
 * difference, newest first: a later word that the change is meant to stay, or that the difference
 * is meant ("not temporary … both are intended; do not align them"), makes it a declare; a later
 * linked document that carries the change on (a go, an everywhere, "dev and staging to follow")
 * where the verdict undoes it, or calls it a slip where the verdict carries it on, decides the
 * move. The first word's time word does not outrank the latest word. */
function laterOnMove(
  d: Divergence,
  verdict: Partial,
  s: Subject | undefined,
  context: VerdictContext,
  f: Findings,
): { verdict: Partial; advice: string } | undefined {
  if (!s?.change || !context.log || (d.kind !== 'cross-env' && d.kind !== 'missing')) return undefined;
  // The verdict undoes the change (reverts the environment that made it), or carries it on.
  const undoes = verdict.drifted === s.env;
  const { keeps, move, moveAt } = laterWords(d, { ...s, change: s.change }, context, undoes);
  if (keeps) return keptApartVerdict(d, s, keeps, f);
  // A later document contradicts the move: it carries on a change the verdict undoes, or calls a
  // slip the change the verdict carries on.
  // (An undo — "staging goes back to production behaviour" — contradicts carrying the change on, as a slip does.)
  if (move && moveAt !== undefined && (move.kind === 'mistake' || move.kind === 'undo') !== undoes) return documentedOrOpen(d, move, context, f);
  return undefined;
}

function undoFor(d: Divergence, s: Subject, evidence: string, sha: string | undefined, f: Findings, confidence: number): { verdict: Partial; advice: string } {
  f.add('intent', evidence, sha);
  return {
    verdict: { deliberate: s.undoFrom ?? null, drifted: s.env, suggested: 'revert', value: s.undoValue, confidence },
    advice: s.undoValue === null ? `undo it: remove ${d.key} from ${s.env}` : `undo it: put ${s.env}'s ${d.key} back to ${shown(s.undoValue)}`,
  };
}

/** The kinds whose subject is a measure taken on the live system by hand. */
const LIVE_MEASURES: ReadonlySet<DivergenceKind> = new Set(['missing-live', 'live-drift', 'live-only', 'live-object', 'permission']);

/** A text about the measure holding it until a named party confirms, with nothing written since (a commit or a
 * document naming that party) recording the confirmation. */
function owedConfirmation(s: Subject, context: VerdictContext): { t: Text; owed: Owed } | undefined {
  const log = context.log;
  for (const t of s.texts) {
    const owed = confirmationOwed(t.text);
    if (!owed) continue;
    const since = t.date ? Date.parse(t.date) : -Infinity;
    const inTime = (date: string) => Date.parse(date) > since && !(context.today && date.slice(0, 10) > context.today);
    const given =
      !!log &&
      (logTexts(log).all.some((m) => inTime(m.note.date) && confirmationGiven(m.text, owed.party) !== undefined) ||
        documentIndex(log).some((doc) => inTime(doc.written.date) && confirmationGiven(doc.text, owed.party) !== undefined));
    if (!given) return { t, owed };
  }
  return undefined;
}

/** The measure waits for the party's confirmation: a question for them, neither undone nor kept for good. */
function owedVerdict(d: Divergence, s: Subject, o: { t: Text; owed: Owed }, f: Findings): { verdict: Partial; advice: string } {
  const quote = clip(o.owed.sentence);
  f.add(
    'intent',
    `${o.t.where} holds ${s.env}'s ${d.key} until a named party confirms ("${quote}"), and nothing written since records that confirmation`,
    o.t.sha,
  );
  f.ask(
    `${o.t.where} keeps ${s.env}'s ${d.key} as it is until a named party confirms ("${quote}"): has that confirmation come? Ask them; until it does, nothing moves.`,
  );
  return {
    verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! },
    advice: `leave ${s.env}'s ${d.key} as it is and declare it while the confirmation it waits for is owed: undoing it now pre-empts them, writing it into the repo decides it for good`,
  };
}

/** The environments a divergence concerns, with the texts written about the key there. */
function subjectsOf(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): Subject[] {
  const out: Subject[] = [];
  if (d.kind === 'live-drift' || d.kind === 'live-only' || d.kind === 'permission' || d.kind === 'live-object' || d.kind === 'missing-live') {
    const env = d.envs[0];
    if (!env) return [];
    const slot = d.values[env];
    const since = d.provenance?.[env]?.time ?? undefined;
    const texts = [...annotationTexts(d, env, since), ...notesAbout(d.key, since, context, history), ...documentsAbout(d.key, since, context)];
    const live = slot?.live ?? null;
    const below = belowOf(env, context);
    out.push({
      env,
      value: live,
      ...(below ? { below } : {}),
      undoValue: d.kind === 'live-drift' ? (slot?.repo ?? null) : null,
      ...(d.kind === 'missing-live' ? {} : { keepValue: d.kind === 'live-drift' || d.kind === 'live-only' ? live : null }),
      texts,
    });
    return out;
  }
  if (d.kind === 'object-cross-env') {
    for (const env of Object.keys(d.values).filter((e) => d.values[e]?.live)) {
      const since = d.provenance?.[env]?.time ?? undefined;
      out.push({
        env,
        undoValue: null,
        keepValue: null,
        texts: [
          ...annotationTexts(d, env, since),
          ...ticketNotes(d, env, context),
          ...notesAbout(d.key, since, context, history),
          ...documentsAbout(d.key, since, context),
        ],
      });
    }
    return out;
  }
  // A difference between files: the environment whose own change made it, newest first.
  const changed = Object.entries(history)
    .map(([env, events]) => ({ env, last: newestFirst(events)[0] }))
    .filter((x): x is { env: EnvName; last: HistoryEvent } => !!x.last && d.values[x.env] !== undefined)
    .filter((x) => (d.values[x.env]?.repo ?? null) === x.last.to);
  const order = (e: HistoryEvent) => context.log?.messages.get(e.commit)?.order ?? Number.MAX_SAFE_INTEGER;
  changed.sort((a, b) => order(a.last) - order(b.last));
  const only = d.kind === 'contract-violation' ? changed.filter((x) => x.env === d.envs[0]) : changed.slice(0, 1);
  for (const { env, last } of only) {
    const own: Text = {
      where: `${short(last.commit)} (${day(last.date)}, ${last.author}: "${last.subject}")`,
      text: `${last.subject}\n${last.body}`,
      date: last.date,
      sha: last.commit,
      own: true,
    };
    // The comment beside the key in the file, as it is now: written with the change at the latest.
    const note = d.values[env]?.note;
    const beside: Text[] = note ? [{ where: `the comment beside ${d.key} in ${env}'s file`, text: note, date: last.date, own: true }] : [];
    const values = Object.values(d.values).map((v) => v?.repo ?? null);
    const below = belowOf(env, context);
    const together = last.from === null ? addedTogether(d, env, last, history) : undefined;
    out.push({
      env,
      value: d.values[env]?.repo ?? null,
      ...(below ? { below } : {}),
      undoValue: together?.value ?? last.from,
      ...(together ? { undoFrom: together.env } : {}),
      change: { date: last.date, text: intentText(last, context.log).body ? `${last.subject}\n${intentText(last, context.log).body}` : own.text },
      texts: [own, ...beside, ...notesAbout(d.key, last.date, context, history), ...documentsAbout(d.key, last.date, context, [...values, last.from])],
    });
  }
  return out;
}

/** A key the same commit added to every other environment too (a rename, a refactor nesting
 * settings), each of them still holding the one value it got there: undoing this environment's part
 * puts that value back, not "remove the key" (which leaves the application's default). */
function addedTogether(d: Divergence, env: EnvName, last: HistoryEvent, history: Record<EnvName, HistoryEvent[]>): { value: string; env: EnvName } | undefined {
  let found: { value: string; env: EnvName } | undefined;
  for (const other of Object.keys(d.values)) {
    if (other === env) continue;
    const same = history[other]?.find((e) => e.commit === last.commit);
    if (!same || same.from !== null || same.to === null || (d.values[other]?.repo ?? null) !== same.to) return undefined;
    if (found && found.value !== same.to) return undefined;
    found ??= { value: same.to, env: other };
  }
  return found && found.value !== last.to ? found : undefined;
}

// Annotations tools write about themselves, not why a person changed something.
const TOOL_ANNOTATION =
  /^(?:deployment\.kubernetes\.io|meta\.helm\.sh|kubectl\.kubernetes\.io|argocd\.argoproj\.io|autoscaling\.alpha\.kubernetes\.io|control-plane\.alpha\.kubernetes\.io|checksum|prometheus\.io)\//;

/** What people wrote on the live object, and on the roles and bindings that make a grant. */
function annotationTexts(d: Divergence, env: EnvName, since: string | undefined): Text[] {
  const own = Object.entries(d.values[env]?.liveAnnotations ?? {}).map(([name, text]) => ({ name, text, on: `${env}'s live ${d.key}` }));
  const grants = (d.grantedBy?.[env] ?? []).flatMap((g) =>
    Object.entries(g.annotations ?? {}).map(([name, text]) => ({ name, text, on: `${env}'s ${g.object}` })),
  );
  return [...own, ...grants]
    .filter((a) => !TOOL_ANNOTATION.test(a.name))
    .map((a) => ({
      where: `the annotation ${a.name} on ${a.on}`,
      text: `${(a.name.split('/').at(-1) ?? a.name).replace(/[-_]/g, ' ')}: ${a.text}`,
      ...(since ? { date: since } : {}),
      own: true,
    }));
}

/** Commits citing a ticket the object names (`plat-1310-breakglass`) or its annotations cite ("ticket: SEC-77"). */
function ticketNotes(d: Divergence, env: EnvName, context: VerdictContext): Text[] {
  const log = context.log;
  if (!log) return [];
  const name = d.key.slice(d.key.indexOf('/') + 1);
  const tickets = new Set([...ticketsOfName(name, log), ...Object.values(d.values[env]?.liveAnnotations ?? {}).flatMap((a) => ticketsIn(a))]);
  const shas = new Set([...tickets].flatMap((t) => log.byTicket.get(t) ?? []));
  return [...shas]
    .map((sha) => log.messages.get(sha))
    .filter((m): m is Message & { order: number } => !!m && (!context.today || m.date.slice(0, 10) <= context.today))
    .sort((a, b) => a.order - b.order)
    .map((m) => ({ where: describeMessage(m), text: `${m.subject}\n${m.body}`, date: m.date, sha: m.sha, own: false }));
}

/** A staged rollout of an object: a commit about it planned a later environment next ("one week in
 * staging, then production"), and a later commit reports that gate passed (conditions.ts, as for
 * values): the later environment that lacks it gets it. */
function gateMet(d: Divergence, s: Subject, context: VerdictContext): { into: EnvName; evidence: string; sha: string } | undefined {
  const log = context.log;
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const lacking = Object.keys(d.values).filter((env) => !d.values[env]?.live && rank(env) > rank(s.env) && rank(s.env) >= 0);
  if (!log || lacking.length === 0) return undefined;
  for (const t of s.texts) {
    const m = t.sha ? log.messages.get(t.sha) : undefined;
    if (!m) continue;
    const rollout = readIntent(m, s.env, context.environments).rollout;
    const into = rollout?.next.find((env) => lacking.includes(env));
    if (!rollout || !into) continue;
    const change: HistoryEvent = { ...m, commit: m.sha, file: '', from: null, to: null, merge: false, revert: false };
    const met = conditionMet(change, conditionWords([rollout.phrase], context.environments), new Set(), context, true, into);
    if (!met) continue;
    return {
      into,
      evidence: `${t.where} planned ${into} next ("${rollout.phrase}"); ${describeMessage(met.note)} reports the gate ${met.how === 'approved' ? 'passed' : 'met'}: "${met.phrase}"`,
      sha: met.note.sha,
    };
  }
  return undefined;
}

/** Commits that name the key without changing it, written from two days before `since` on (and not after today). */
function notesAbout(key: string, since: string | undefined, context: VerdictContext, history: Record<EnvName, HistoryEvent[]>): Text[] {
  const log = context.log;
  const name = keyName(key);
  if (!log || !name) return [];
  const { pattern: names, run } = name;
  const changedBy = new Set(Object.values(history).flatMap((events) => events.map((e) => e.commit)));
  const from = since ? Date.parse(since) - 2 * 86_400_000 : -Infinity;
  const out: Text[] = [];
  // Every message but merges, its text made once per log (notes.ts): every divergence looks for its
  // key in all of them, and a date is parsed only for a message that names it.
  // The messages that name the key are found once per log for every key named alike (the pattern
  // is the key's leaf's): a substring test on the lower case first, most messages name no key.
  const naming = textsNaming(log.messages, `name\0${run ?? ''}\0${names.source}`, (t) => (run === undefined || t.folded.includes(run)) && names.test(t.text));
  for (const { note: m, text } of naming) {
    // An undrift commit speaks for the keys it records only (own-commits.ts).
    if (changedBy.has(m.sha) || (m.recorded && !m.recorded.includes(key))) continue;
    if (Date.parse(m.date) < from || (context.today && m.date.slice(0, 10) > context.today)) continue;
    out.push({ where: describeMessage(m), text, date: m.date, sha: m.sha, own: false });
    if (out.length === 4) break;
  }
  return out;
}

/** The passages of documents that name the key — or, for the values given, one of them (a host, an
 * image, a model: `distinctive`) — written from two days before `since` on. */
function documentsAbout(key: string, since: string | undefined, context: VerdictContext, values: Array<string | null> = []): Text[] {
  const from = since ? Date.parse(since) - 2 * 86_400_000 : -Infinity;
  const seen = new Set<string>();
  const named = [...passagesAbout(leafOf(key), context.log), ...underHeading(key, context.log)];
  // A whole object is written about by the other name a document gives it beside its own (object-alias.ts).
  const object = /^[A-Z][A-Za-z]+\/([a-z0-9][a-z0-9-]{3,62})$/.exec(key)?.[1];
  const aliases = object ? [...new Set(named.flatMap((p) => aliasesIn(p.text, object, context.environments)))] : [];
  const byKey = [...named, ...aliases.flatMap((alias) => passagesAbout(alias, context.log))];
  const byValue = passagesNaming(values.filter(distinctive), context.log).filter((p) => !byKey.some((k) => k.file === p.file && k.line === p.line));
  return (
    [...byKey.map((p) => ({ p, value: false })), ...byValue.map((p) => ({ p, value: true }))]
      .filter(({ p }) => Date.parse(p.written.date) >= from && (!context.today || p.written.date.slice(0, 10) <= context.today))
      .filter(({ p }) => !seen.has(`${p.file}:${p.line}`) && !!seen.add(`${p.file}:${p.line}`))
      // A record's back-out plan ("Rollback: set it back to 20") says what would be done should the
      // change fail, not that it is to be undone (contingency.ts): the passage is read without it.
      .map(({ p, value }) => ({ p, value, text: eventText(p) }))
      .filter((x): x is { p: Passage; value: boolean; text: string } => x.text !== undefined && x.text.trim() !== '')
      .map(({ p, value, text }) => ({
        where: `${p.file}:${p.line} (written in ${short(p.written.sha)})`,
        text,
        date: p.written.date,
        sha: p.written.sha,
        own: false,
        ...(value ? { byValue: true } : {}),
      }))
  );
}

/** The passages of a section whose heading names the key ("## GOGC 200 for ingest in production?
 * (open)" … "- status: open — needs a decision"): a heading says what its section is about, so
 * its status lines and replies are about the key though they do not name it. The heading is read
 * with them, as the first words of each. */
function underHeading(key: string, log: CommitLog | undefined): Passage[] {
  const name = keyName(key);
  if (!log || !name) return [];
  const out: Passage[] = [];
  for (const doc of documentIndex(log)) {
    if (name.run !== undefined && !doc.lower.includes(name.run)) continue;
    for (const p of doc.passages) {
      if (!p.heading || !name.pattern.test(p.heading) || name.pattern.test(p.text)) continue;
      out.push({ file: doc.path, line: p.line, text: `${p.heading}: ${p.text}`.slice(0, 400), written: doc.written });
      if (out.length >= 16) return out;
    }
  }
  return out;
}

// A text that gives what it is about an end: a time limit, a purpose that ends, a plan to remove it.
const END_LEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|remove (?:\S+ ){0,3}?(?:when|once|after|as soon as)|(?:delete|drop|revert|revoke) (?:\S+ ){0,3}?(?:when|once|after|as soon as)|`,
  // "roll back to the repo image after ABC-12", "put it back once the repro is done"
  String.raw`(?:roll (?:\S+ )?back|put (?:\S+ )?back|restore) (?:\S+ ){0,5}?(?:when|once|after|as soon as)|`,
  String.raw`(?:can|may|should) go (?:when|once|after)|stays? (?:\S+ ){0,2}?until|(?:just|only) for|temporar\w*|tmp|temp|workaround|stop-?gap)(?![\p{L}])`,
);
// What follows a lead and names the end's own piece of work: "until the client lib fix ships" → the client lib fix ships.
const CONDITION_AFTER = regex('iu', String.raw`(?<![\p{L}])(?:until|till|when|once|after|as soon as|(?:just|only) for)(?![\p{L}])\s+([^.;\n()]{3,80})`);

// A plan to keep the value once a condition is met: "codify in values.yaml once QA-980 is signed
// off", "make it permanent after the review", "keep it when the test passes".
const KEPT_AT_END = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:codify|keep|make (?:it |this )?permanent|write (?:it |this )?(?:in|into)|put (?:it |this )?(?:in|into)|`,
  String.raw`persist|backfill)(?![\p{L}])(?:[^.;\n]|\.(?!\s)){0,60}?(?<![\p{L}])(?:once|when|after|as soon as)(?![\p{L}])`,
);
// A later word that the thing can go now: "the GODEBUG workaround can go", "can be removed", "no longer needed".
const CAN_GO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:can (?:go|be (?:removed|dropped|reverted|deleted|revoked|undone))|(?:is|are) (?:no longer|not) needed|no longer needed|not needed any ?more)(?![\p{L}])`,
);

/** A text about the subject that states an end, and a later commit reporting it met (or its date passed). */
function endMet(s: Subject, context: VerdictContext, key?: string): { evidence: string; sha?: string; confidence: number; keptEnvs?: EnvName[] } | undefined {
  // A later text naming the key itself that says it can go ("The raised AUTH_MAX_LOGIN_ATTEMPTS in
  // staging is no longer needed") speaks of this value's end as surely as one naming the purpose.
  const keyRe = key ? keyName(key)?.pattern : undefined;
  const log = context.log;
  for (const t of s.texts.filter((x) => x.own || CAN_GO.test(x.text) === false)) {
    // One reader per intent: a purpose that ends with its work ("for the SHIP-12 repro", "repro
    // only", "for the benchmark") is read by the same reader intent.ts scopes a test with, not by
    // a second list of leads here.
    // A text whose plan at that condition is to keep the value ("codify it once QA-980 is signed
    // off") gives it a gate to stay, not an end.
    const purpose = KEPT_AT_END.test(t.text) ? undefined : testPurpose(t, s.env, context.environments);
    if ((!END_LEAD.test(t.text) || KEPT_AT_END.test(t.text)) && !purpose) continue;
    // A date in a commit's text is weighed by the kind's own rule, with the later commits that
    // move it; an annotation's date stands alone.
    if (!t.sha && t.date && context.today) {
      const until = readDeadline(t.text, t.date).date;
      if (until && until < context.today && t.date.slice(0, 10) <= until) {
        return {
          evidence: `${t.where} gives it an end, ${until}, which passed ${daysBetween(until, context.today)} days ago: "${clip(t.text)}"`,
          ...(t.sha ? { sha: t.sha } : {}),
          confidence: 0.6,
        };
      }
    }
    if (!log) continue;
    const tickets = ticketsIn(t.text);
    const conditions = [
      // (Not the time someone decides: "which the controller will assess after the year-end close" ends nothing by the close.)
      ...[...t.text.matchAll(new RegExp(CONDITION_AFTER.source, `${CONDITION_AFTER.flags}g`))]
        .filter((m) => !decidedThen(t.text.slice(0, m.index)))
        .map((m) => m[1]!),
      ...(purpose ? [purpose] : []),
    ];
    const words = conditionWords(conditions, context.environments);
    const specific = specificWords(words);
    const writtenAt = t.date ? Date.parse(t.date) : -Infinity;
    const own = t.sha ? log.messages.get(t.sha) : undefined;
    let met: { m: Message; phrase: string; ticket?: string; where?: string } | undefined;
    // Later words: every commit's message, then every passage of the committed documents (a DBA
    // log's "DBA-77 … ticket closed", a changelog's "Fix ABC-12"), from the scan's document index.
    for (const { m, text, folded, cited, where } of laterWordsOf(log)) {
      if (met && where !== undefined) break; // a commit's word first; a document only where none spoke
      if (m.sha === t.sha || m.parents.length > 1) continue;
      // Later than the text: by the graph where the text is a commit, by date where it is an annotation.
      if (own ? m.order >= own.order : Date.parse(m.date) <= writtenAt) continue;
      if (context.today && m.date.slice(0, 10) > context.today) continue;
      const ticket = tickets.find((x) => cited.includes(x));
      // "after the migration to k8s-eu2": a note about some other migration is not this one.
      if (ticket === undefined && specific.length > 0 && !specific.some((w) => folded.includes(w)) && !keyRe?.test(text)) continue;
      for (const clause of text.split(/\n+|(?<=[.!?])\s+|,\s+/).filter((c) => c.trim())) {
        // A clause citing other tickets only speaks of them: an export's "| PSP-438 | … | Closed |" row
        // does not close PSP-441 because the same table lists it.
        const others = tickets.length > 0 ? ticketsIn(clause) : [];
        if (others.length > 0 && !others.some((x) => tickets.includes(x))) continue;
        const named = ticket !== undefined || words.some((w) => clause.toLowerCase().includes(w));
        // By the key: about this environment's value (it names the environment, or none), and only a word that it can go.
        const byKey = !named && !!keyRe?.test(clause) && (mentions(clause, s.env) || !context.environments.some((env) => mentions(clause, env)));
        if (!named && !byKey) continue;
        const done = byKey ? CAN_GO.exec(clause)?.[0] : (reportsDone(clause) ?? CAN_GO.exec(clause)?.[0]);
        if (!done) continue;
        met = { m, phrase: clause.trim().slice(0, 160), ...(ticket ? { ticket } : {}), ...(where ? { where } : {}) };
        break;
      }
    }
    // A ticket reported closed and later reopened ("OPS-131 … RIAPERTO", "PSP-9 reopened") is not
    // closed: the latest word on the ticket decides.
    if (met?.ticket && reopenedSince(met.ticket, log.messages.get(met.m.sha)?.order, log, context.today)) met = undefined;
    if (met) {
      const kept = purpose ? [] : keptUntil(t.text, s.env, context.environments);
      return {
        evidence:
          `${t.where} gives ${kept.length > 0 ? `${kept.join(' and ')}'s keep` : 'it'} an end: "${clip(t.text)}"; ` +
          `${met.where ? `${met.where} (written in ${describeMessage(met.m)})` : describeMessage(met.m)}, later, reports it met` +
          `${met.ticket ? ` (citing ${met.ticket})` : ''}: "${met.phrase}"`,
        sha: met.m.sha,
        confidence: 0.6,
        ...(kept.length > 0 ? { keptEnvs: kept } : {}),
      };
    }
  }
  return undefined;
}

// A keep whose end is reported met moves the kept environment, often production: a text's report,
// not a go given for it, so at most a lean (never above 0.55 toward production).
const KEEP_ENDED = 0.55;

/** The environments whose keep a text's end bounds: the end stands in a clause that says another
 * environment keeps its value ("live stays on until OPS-88 is closed", "prod keeps 20 until the load
 * test is done") and does not name this one. That end is the other environment's wait, not this
 * change's: met, the other environment follows; this one is not undone. */
function keptUntil(text: string, env: EnvName, environments: EnvName[]): EnvName[] {
  for (const clause of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    if (!END_LEAD.test(clause) || KEPT_AT_END.test(clause) || !keepsIn(clause) || mentions(clause, env)) continue;
    const others = environments.filter((other) => other !== env && mentions(clause, other));
    if (others.length > 0) return others;
  }
  return [];
}

/** Every commit's message, then every passage of the committed documents, each with its lower case
 * and tickets: made once per log (texts.ts, documents.ts), read by `endMet` for every text that states an end. */
const laterWordsByLog = new WeakMap<CommitLog['messages'], ReadonlyArray<LaterWord>>();
interface LaterWord {
  m: Message & { order: number };
  text: string;
  folded: string;
  cited: readonly string[];
  where?: string;
}
function laterWordsOf(log: CommitLog): ReadonlyArray<LaterWord> {
  let later = laterWordsByLog.get(log.messages);
  if (!later) {
    later = unrecorded(() => [
      ...logTexts(log).all.map((x) => ({ m: x.note, text: x.text, folded: x.folded, cited: x.tickets })),
      ...documentIndex(log).flatMap((doc) =>
        doc.passages.map((p) => ({
          m: doc.written as Message & { order: number },
          text: p.text,
          folded: p.lower,
          cited: p.tickets,
          where: `${doc.path}:${p.line}`,
        })),
      ),
    ]);
    laterWordsByLog.set(log.messages, later);
  }
  return later;
}

/** The test or one-off a text says the value was set for ("for the SHIP-12 repro"), as intent.ts
 * reads it: its purpose is an end, met when the work is reported done. */
function testPurpose(t: Text, env: EnvName, environments: EnvName[]): string | undefined {
  const scope = readIntent({ subject: t.text, body: '', author: '', email: '', date: t.date ?? '1970-01-01T00:00:00Z' }, env, environments).scope;
  return scope?.kind === 'test' ? scope.phrase : undefined;
}

// A wish to undo written beside the thing: a mistake, or "undo/revert/put back/remove it".
const UNDO_SAID = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:put (?:it|this|that) back|revert (?:it|this|that)|undo (?:it|this|that)|roll (?:it|this|that) back|`,
  String.raw`(?:goes|go|went|must go|has to go|needs? to go) back to|back to the (?:old|previous|original|synthetic|default)|`,
  String.raw`(?:must|has to|needs? to) be (?:removed|reverted|undone|rolled back))(?![\p{L}])`,
);

/** The undo a text says in words that name no key (a mistake, "put it back", an undo, "can go"): a
 * function of the text alone, read once per text rather than for every key whose history holds it (a
 * commit of a chart's dominant list is in hundreds of keys' histories). */
const undoWords = once(
  (text: string) => text,
  (text: string): string | undefined => saysMistake(text) ?? UNDO_SAID.exec(text)?.[0] ?? undoIn(text) ?? CAN_GO.exec(text)?.[0],
);

/** Every value the environment's file held in its history (each change's from and to). */
const heldBefore = (events: readonly HistoryEvent[] | undefined): string[] =>
  [...new Set((events ?? []).flatMap((e) => [e.from, e.to]))].filter((v): v is string => typeof v === 'string' && v.trim() !== '');

// The value a going-back phrase names right after it, in its clause: "set POOL_SIZE back to 10", "remettre
// POOL_SIZE à 10", "zurück auf 10", "terug naar 10" — a number, or a value quoted or written as code.
const NAMED_AFTER = regex(
  'iu',
  String.raw`^[^.;!?\n]{0,40}?(?<![\p{L}])(?:to|à|a|auf|op|naar|till|til|na|para|zu|=)\s{1,3}`,
  String.raw`(?:[\x60"'“«]([^\x60"'”»\n]{1,60})[\x60"'”»]|(\d(?:[\p{L}\p{N}_]|[.:-](?=[\p{L}\p{N}]))*))`,
);

/** Does a going-back phrase put back something other than a value the key held? An undo puts back a
 * value the environment had ("back to 20" after 20 → 40); "back to 10" where 10 was never its value
 * there is a change to a new value, not an undo of this one. */
function backToNewValue(text: string, phrase: string, s: Subject, held: readonly string[]): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const m = NAMED_AFTER.exec(text.slice(at + phrase.length));
  // (A number ends before a sentence's full stop: "back to 10." names 10.)
  const named = m?.[1] ?? m?.[2];
  if (!named) return false;
  const before = [...held, ...(s.undoValue !== null ? [s.undoValue] : [])].filter((v) => v !== s.value);
  return !before.some((v) => namesValue(named, v) || namesValue(v, named));
}

function undoSaid(
  s: Subject,
  key: string,
  environments: EnvName[] = [],
  held: readonly string[] = [],
  keyRemoved = false,
): { t: Text; phrase: string; evidence?: string } | undefined {
  for (const t of s.texts) {
    if (t.own && t.sha) continue; // the change's own message is the change, not a word about it
    const real = productionValue(s, t);
    if (real) {
      const evidence =
        `${t.where} names ${shown(s.value!)}, which ${s.env} now holds, as production's own ("${real}"): "${clip(t.text)}"; ` +
        `${s.env} is below ${s.below}, so it points at production's, and goes back to ${shown(s.undoValue)}`;
      return { t, phrase: real, evidence };
    }
    // A passage found by a value speaks of this change only where it names the environment or the
    // value an undo puts back ("预发环境回滚到 two-tower-v2").
    if (t.byValue && !mentions(t.text, s.env) && !(s.undoValue !== null && namesValue(t.text, s.undoValue))) continue;
    // Going back, in a language read, is an undo of this value only where it names the value it goes
    // back to, and is written about the change, not on it: "danach wieder 300" beside the value is
    // the change's own plan (its time limit, weighed with its date), not a word that it is over.
    // (Each read only where the ones before it found nothing: they are functions of their arguments alone.)
    // An undo only a question holds ("revert it or write it into the repo?") is asked, not said (stated.ts).
    const said = statedOnly(t.text);
    const back = () => (!t.own && s.undoValue !== null && namesValue(said, s.undoValue) ? foreignSays(said, 'back')?.phrase : undefined);
    // Where the change itself removed the key, a word to remove it ("remove FOO from staging too") is the
    // change's own act again, for another place or reported: a follow, never its undo. (An object
    // deleted live is not a key removed: its texts are read as before.)
    const removal = () => (!keyRemoved && REMOVE_VERB_ANYWHERE.test(said) ? removalOf(key)?.exec(said)?.[0] : undefined);
    const phrase =
      // conditions.ts' family among them: "Switch impersonation off again", "The repo value (false) is correct".
      undoWords(said) ?? removal() ?? foreignSays(said, 'mistake')?.phrase ?? back();
    // (Between files only: beside a live value, "revert the live value" names no environment.)
    // (A decision handed back to a person — "beslutet går tillbaka till Petra" — puts no value back: handed-back.ts.)
    // The change's own note saying when it goes back ("8.4.2 설치 후 true로 원복", "back to true after the
    // vendor fix") is its plan for its end, not a word that the end has come (conditions.ts `undoAwaits`).
    if (phrase && t.own && undoAwaits(said, phrase)) continue;
    if (
      phrase &&
      !(s.change && aboutOtherEnv(t.text, phrase, s.env, environments)) &&
      !backToNewValue(t.text, phrase, s, held) &&
      !handsDecisionBack(said, phrase)
    )
      return { t, phrase };
  }
  return undefined;
}

/** The subject with only the texts written after its change, apart from it. */
function writtenLater(s: Subject): Subject {
  const since = s.change ? Date.parse(s.change.date) : undefined;
  return { ...s, texts: s.texts.filter((t) => !t.own && (since === undefined || (!!t.date && Date.parse(t.date) > since))) };
}

/** The sentence saying it names other environments and not this one ("X in production is no longer
 * needed"): the word is about their value, not this environment's. */
function aboutOtherEnv(text: string, phrase: string, env: EnvName, environments: EnvName[]): boolean {
  const lower = phrase.toLowerCase();
  const sentence = text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/)).find((x) => x.toLowerCase().includes(lower));
  if (!sentence || mentions(sentence, env)) return false;
  return environments.some((other) => other !== env && mentions(sentence, other));
}

/** The production environment, when `env` is upstream of it in the promotion order. */
function belowOf(env: EnvName, context: VerdictContext): EnvName | undefined {
  const prod = context.promotion.at(-1);
  const rank = context.promotion.indexOf(env);
  return prod && rank >= 0 && rank < context.promotion.length - 1 ? prod : undefined;
}

// A value written down as production's own: named with the production environment or with what only
// production touches ("dispatches real couriers", "real customers", "live payments").
const REAL = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:real|actual|paying|live|real-world) (?:customers?|users?|couriers?|drivers?|traffic|money|payments?|orders?|`,
  String.raw`transactions?|cards?|patients?|shipments?|deliveries|accounts?|data)|prod(?:uction)?[- ]only)(?![\p{L}])`,
);
// A plan for later ("will be the production host after the cutover") says nothing of today.
const PLANNED = /\b(?:will|would|after|once|planned|future|next|going to|soon|upcoming|new)\b/i;
// … so does a switch of production to the value still to come ("the switch to v2 follows", "Umstellung auf v2
// folgt", "le passage à v2 suivra", "el cambio a v2 vendrá después"): the value named is where production is going,
// which a lower environment takes first, not a thing only production has. ("As follows" introduces a list.)
const SWITCH_TO_COME = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?<!\bas )follows|to follow|still to come|yet to come|is pending|`,
  String.raw`(?<!wie )folgt(?! (?:unten|hier))|kommt noch|steht noch aus|(?<!comme )suivra|à suivre|reste à faire|(?<!como )seguirá|vendrá después|queda pendiente|`,
  String.raw`(?<!come )seguirà|(?<!als )volgt(?! hieronder)|följer senare|følger senere|nastąpi|seuraa myöhemmin)(?![\p{L}])`,
);

const prodWords = new Map<EnvName, RegExp>();
/** The production environment's name as a whole word (where in a sentence it stands). */
function prodWord(prod: EnvName): RegExp {
  let re = prodWords.get(prod);
  if (!re) prodWords.set(prod, (re = new RegExp(`(?<![A-Za-z0-9])${envPattern(prod)}(?![A-Za-z0-9])`, 'i')));
  return re;
}
/** What in a text names `value` as production's own (a real-world word, or the production
 * environment), read per sentence: the sentence must name the value, and not only as what production
 * does not take ("Prod NON passa a opensearch prima della chiusura", "prod does not move to v2"). A
 * value named only under a negation is the one production is kept from, not production's. */
function productionsOwn(text: string, value: string, prod: EnvName): string | undefined {
  const whole = REAL.exec(text)?.[0] ?? (mentions(text, prod) ? prod : undefined);
  if (!whole) return undefined;
  const lowerValue = value.toLowerCase();
  // (A text that names them only in different sentences — a heading, then its table — is read whole, as before.)
  let together = false;
  for (const sentence of text.split(sentenceEnds(/(?<=[.!?;。！？])\s+|\n+/))) {
    if (!namesValue(sentence, value)) continue;
    const realWord = REAL.exec(sentence);
    const real = realWord?.[0] ?? (mentions(sentence, prod) ? prod : undefined);
    if (!real) continue;
    // The production word negated ("is not for production", "never touches real customers") names
    // the value as what production is not.
    const at = realWord?.index ?? prodWord(prod).exec(sentence)?.index;
    together = true;
    if (at !== undefined && negatedBefore(sentence, at, 'clause')) continue;
    // A request for production closed unmerged names what production was not given (closed-request.ts).
    if (closedRequest(sentence)) continue;
    const lower = sentence.toLowerCase();
    for (let i = lower.indexOf(lowerValue); i >= 0; i = lower.indexOf(lowerValue, i + 1)) {
      if (!negatedBefore(sentence, i, 'clause')) return real;
    }
  }
  return together ? undefined : whole;
}

/** A text, written apart from the change, that names the value a lower environment now holds as
 * production's own — a runbook's table of hosts ("events-eu2… | PRODUCTION, EU2: dispatches real
 * couriers"), a note about an image or a bucket — while it names neither that environment (for
 * which it may allow it) nor the value before as production's: the lower environment points at
 * production, and goes back. */
/** Does a text say a switch to what it names is still to come ("the switch to v2 follows")? */
export const switchToCome = (text: string): boolean => SWITCH_TO_COME.test(text);

function productionValue(s: Subject, t: Text): string | undefined {
  if (!s.below || t.own || !distinctive(s.value) || s.undoValue === null || s.undoValue === s.value) return undefined;
  if (!namesValue(t.text, s.value) || mentions(t.text, s.env) || PLANNED.test(t.text) || SWITCH_TO_COME.test(t.text)) return undefined;
  const real = productionsOwn(t.text, s.value, s.below);
  if (!real) return undefined;
  // The value before must not be production's too (then nothing says which one staging should use).
  const before = s.texts.some(
    (x) => !x.own && namesValue(x.text, s.undoValue!) && !mentions(x.text, s.env) && (REAL.test(x.text) || mentions(x.text, s.below!)),
  );
  return before ? undefined : real;
}

/** A move that writes into an environment below production a value a document names as
 * production's own (a host that dispatches real couriers, a bucket of real customer data), where
 * the document does not name that environment too and plans nothing for later: the move would point
 * that environment at production. */
function copiesProductionValue(
  d: Divergence,
  verdict: Partial,
  context: VerdictContext,
): { t: Text; value: string; into: EnvName; phrase: string; evidence: string } | undefined {
  const into = verdict.drifted;
  // A move the evidence states for that environment (a record's action item "- [ ] same change in acc", a
  // value set for every environment) is no copy by mistake: a sentence naming the value beside production
  // ("`concurrencyPolicy: Forbid` in prod (Elin, 6 May)") then tells where the change was made first.
  if (verdict.suggested === 'declare' || !into || !distinctive(verdict.value) || verdict.explicit) return undefined;
  const below = belowOf(into, context);
  if (!below || d.kind === 'live-drift' || d.kind === 'live-only') return undefined;
  const value = verdict.value;
  // A value the contract forbids production and allows the environment written to is not
  // production's own, whatever row of a table names it beside production's.
  if (allowedFor(context, d.key, below, value) === false && allowedFor(context, d.key, into, value) === true) return undefined;
  for (const t of documentsAbout(d.key, undefined, context, [value])) {
    if (!namesValue(t.text, value) || mentions(t.text, into) || PLANNED.test(t.text) || SWITCH_TO_COME.test(t.text)) continue;
    const phrase = productionsOwn(t.text, value, below);
    if (!phrase) continue;
    const evidence = `${t.where} names ${shown(value)} as production's own ("${phrase}"): "${clip(t.text)}"; copying it into ${into} would point ${into} at production`;
    return { t, value, into, phrase, evidence };
  }
  return undefined;
}

// "DELETE the `redis-debug-lb` Service", "remove 'legacy-sftp' from prod", "drop the
// k8s/debug/lb.yaml": a name is a name plain, quoted, as code or as a path's last part.
const REMOVE_VERB = String.raw`(?:delete|remove|drop|tear down|take down|get rid of|clean up|kill|uninstall|decommission|revoke)`;
const removals = new Map<string, RegExp | undefined>();
// Every key's removal pattern starts with one of the verbs, with the same flags: a text holding none (most
// messages) is not read with each key's pattern (asked per text for every key whose history holds it).
const REMOVE_VERB_ANYWHERE = new RegExp(REMOVE_VERB, 'iu');
/** An instruction to remove the thing the key names, written as people name things. */
function removalOf(key: string): RegExp | undefined {
  if (removals.has(key)) return removals.get(key);
  const leaf = leafOf(key);
  const re =
    leaf.length < 4
      ? undefined
      : new RegExp(
          String.raw`(?<![\p{L}])${REMOVE_VERB}\s+(?:the\s+|this\s+|that\s+|our\s+)?(?:[\p{L}-]+\s+){0,2}?[\x60"'“]?(?:[\w./-]*/)?${escapeRegExp(leaf)}(?:\.ya?ml)?[\x60"'”]?(?![\w-])`,
          'iu',
        );
  removals.set(key, re);
  return re;
}

/** The live object a field was read from, by its source (`snapshot captures/prod.yaml Deployment/storefront .spec.replicas`). */
function holderOf(source: string | undefined): { holder?: string } {
  const m = source ? /(?:^|\s)[A-Z][A-Za-z]+\/([a-z0-9][a-z0-9.-]{0,252})(?=\s|$)/.exec(source) : null;
  return m ? { holder: m[1]! } : {};
}

/** What a committed document linked to the live change says its fate is (live-fate.ts), as a verdict:
 * undefined where no document says, null where two fates are written (the question is asked, the
 * verdict stays open). */
function documentedFate(
  d: Divergence,
  s: Subject,
  verdict: Partial,
  context: VerdictContext,
  f: Findings,
): { verdict: Partial; advice: string } | null | undefined {
  const env = s.env;
  const notes = [...Object.values(d.values[env]?.liveAnnotations ?? {}), ...(d.grantedBy?.[env] ?? []).flatMap((g) => Object.values(g.annotations ?? {}))];
  const time = d.provenance?.[env]?.time;
  const read = liveFate(
    {
      key: d.key,
      env,
      environments: context.environments,
      live: s.value ?? null,
      file: s.undoValue,
      ...(time ? { editedAt: time } : {}),
      tickets: notes.flatMap((n) => ticketsIn(n)),
      object: d.kind === 'permission' || d.kind === 'live-object',
      ...holderOf(d.values[env]?.liveSource),
    },
    context.log,
    context.today,
  );
  if (!read) return undefined;
  const where = (x: LiveFate) => `${x.passage.file}:${x.passage.line} (written in ${short(x.passage.written.sha)}, ${day(x.passage.written.date)})`;
  if ('conflict' in read) {
    const [keep, back] = read.conflict;
    f.add('intent', `${where(keep)} keeps it ("${keep.phrase}"), ${where(back)} puts it back ("${back.phrase}")`, keep.passage.written.sha);
    f.ask(`${keep.passage.file} both keeps ${env}'s ${d.key} ("${keep.phrase}") and puts it back ("${back.phrase}"): which stands? Its authors decide.`);
    verdict.question = f.questions.at(-1);
    verdict.confidence = Math.min(verdict.confidence, 0.4);
    return null;
  }
  const said = `${where(read)} says of ${env}'s ${d.key} "${read.phrase}": "${clip(read.passage.text)}"`;
  const live = s.keepValue === undefined || s.keepValue === null ? d.key : shown(s.keepValue);
  const back = s.undoValue === null ? `remove ${d.key} from ${env}'s live state` : `put ${env}'s ${d.key} back to ${shown(s.undoValue)} live`;
  // Held until a day or an event, with nothing said of after (not-before.ts): declared until then; after,
  // whoever decides then says whether it stays.
  if (read.opens) {
    const until = read.date ?? read.event!;
    const passed = read.date !== undefined && !!context.today && read.date < context.today;
    f.add('intent', `${said}; it is held until ${until}`, read.passage.written.sha);
    f.ask(
      passed
        ? `${read.passage.file} held ${env}'s ${d.key} until ${until}, which has passed: what was decided then? Codify ${live} (backfill) if it stays, or ${back}.`
        : `${read.passage.file} holds ${env}'s ${d.key} until ${until}: nothing moves before then; after it, codify ${live} (backfill) if it stays, or ${back}?`,
    );
    return {
      verdict: {
        deliberate: env,
        drifted: null,
        suggested: 'declare',
        value: null,
        confidence: passed ? 0.45 : 0.5,
        ...(read.date && !passed ? { expires: read.date } : {}),
        question: f.questions.at(-1)!,
      },
      advice: passed ? `ask what was decided after ${until}, as ${read.passage.file} left it` : `declare it until ${until}, as ${read.passage.file} holds it`,
    };
  }
  if (read.date !== undefined) {
    const passed = !!context.today && read.date < context.today;
    f.add(
      'intent',
      `${said}; it lasts until ${read.date}${passed ? `, which passed ${daysBetween(read.date, context.today!)} days ago` : ''}`,
      read.passage.written.sha,
    );
    if (passed) {
      return {
        verdict: { deliberate: s.undoFrom ?? null, drifted: env, suggested: 'revert', value: s.undoValue, confidence: 0.65 },
        advice: `${back} (revert, by deploying the repo's value): ${read.passage.file} gave it until ${read.date}`,
      };
    }
    f.ask(`${read.passage.file} gives ${env}'s ${d.key} until ${read.date}: ${back} then (or codify it, if the plan changed).`);
    return {
      verdict: { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.5, expires: read.date, question: f.questions.at(-1)! },
      advice: `declare it until ${read.date}, as ${read.passage.file} plans; then ${back}`,
    };
  }
  if (read.fate === 'revert') {
    // A put-back waiting for an event ("roll back once we have two dumps", "temporary") is the
    // stated-end and undo readers' to weigh: they read whether that end was reported met.
    if (read.event !== undefined || /temporar|only/i.test(read.phrase)) return undefined;
    f.add('intent', said, read.passage.written.sha);
    return {
      verdict: { deliberate: s.undoFrom ?? null, drifted: env, suggested: 'revert', value: s.undoValue, confidence: 0.6 },
      advice: `${back} (revert): ${read.passage.file} says so`,
    };
  }
  f.add('intent', said, read.passage.written.sha);
  if (read.event !== undefined) {
    f.ask(`${read.passage.file} keeps ${env}'s ${d.key} until ${read.event}: has that happened? Then ${back}; until then codify it.`);
    return {
      verdict: {
        deliberate: env,
        drifted: env,
        suggested: 'backfill',
        value: s.keepValue ?? null,
        confidence: 0.5,
        question: f.questions.at(-1)!,
        keptBy: `${read.passage.file}:${read.passage.line}`,
      },
      advice: `codify ${live} in ${env}'s files (backfill) while it is needed, as ${read.passage.file} says`,
    };
  }
  // Codifying a weakened value (a check off, debug on) keeps production weaker: never a confident suggestion.
  const weakens = s.value !== undefined && looksLoosened(d.key, s.value) && !looksLoosened(d.key, s.undoValue);
  if (weakens) {
    f.ask(`${read.passage.file} keeps ${env}'s ${shown(s.value ?? null)}, which weakens ${d.key}: is that still what ${env} needs, or a narrower value?`);
  }
  return {
    verdict: {
      deliberate: env,
      drifted: env,
      suggested: 'backfill',
      value: s.keepValue ?? null,
      // A keep read from a plan carried out, not written as one, stays below a recommendation.
      confidence: weakens || read.planned ? 0.55 : d.kind === 'permission' ? CONFIDENT : 0.65,
      ...(weakens ? { question: f.questions.at(-1)! } : {}),
      keptBy: `${read.passage.file}:${read.passage.line}`,
    },
    advice: `codify it: write ${live} into ${env}'s files (backfill), so the next deploy does not take it away, as ${read.passage.file} says${
      read.lasts ? ` (it stays until ${read.lasts}; remove it from the files then)` : ''
    }`,
  };
}

function keepSaid(s: Subject): { t: Text; phrase: string } | undefined {
  for (const t of s.texts) {
    const phrase = decidesKeep(t.text, t.own && !t.sha);
    if (phrase) return { t, phrase };
  }
  return undefined;
}

// Scripts no reader reads: a text written in them says something undrift did not understand.
const UNREAD_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}]/u;
// Little words of other languages that are not English words too (German, Spanish, French,
// Portuguese, Italian, Dutch, Polish, Turkish, the Scandinavian languages, Czech): a sentence with
// two of them, more than twice its English ones, is written in a language the readers may not read.
const FOREIGN = new Set(
  (
    'der das und ist nicht nur für mit auf bis wieder zurück noch auch wir ' +
    'el los las y es solo sólo para con hasta por que una del ' +
    'le les et est pas pour avec jusqu une des du sur nous ' +
    'os não só até uma da ' +
    'il gli è non fino che della ' +
    'het niet alleen voor met tot weer nog ' +
    'na nie jest tylko potem się dla że przez oraz po ' +
    've bir bu için ile sadece kadar sonra tekrar değil ' +
    'och är inte för till bara igen og er ikke ' +
    'je pro jen se'
  ).split(' '),
);
const ENGLISH = new Set(
  'the a an to for in on of and or is are was be it this that with from by at as we i not no after until back only so but its our will can should must'.split(
    ' ',
  ),
);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text's first sentence in a language or script no reader reads, if any. */
export function notRead(text: string): string | undefined {
  if (UNREAD_SCRIPT.test(text)) return text;
  return text.split(/\n+|(?<=[.!?])\s+/).find((sentence) => {
    const words = (sentence.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > 0);
    const foreign = words.filter((w) => FOREIGN.has(w)).length;
    // "to", "a", "no" are words of other languages too: English must outnumber them by half.
    return foreign >= 2 && words.filter((w) => ENGLISH.has(w)).length * 2 < foreign;
  });
}

/** A text about the key that no reader understood: the open verdict names it (and the sentence
 * left unread), and stays low. */
function unreadText(d: Divergence, subjects: Subject[], verdict: Partial, f: Findings, environments: EnvName[]): void {
  for (const s of subjects) {
    for (const t of s.texts) {
      const unread = unreadLanguage(t.text, s.env, environments, t.date);
      if (unread === undefined) continue;
      const language = unread.language ? ` (${unread.language})` : '';
      const sentence = unread.sentence && unread.sentence !== clip(t.text) ? `; the sentence left unread: "${clip(unread.sentence)}"` : '';
      f.add('quality', `${t.where} is written in words undrift does not read${language}: "${clip(t.text)}"${sentence}`, t.sha);
      const above = sentence ? `, above all "${clip(unread.sentence!)}"` : '';
      f.ask(
        `read ${t.where}${language}${above}: it is about ${s.env}'s ${d.key}, and undrift could not read it. ` +
          'Does it say the value is temporary or a mistake (undo it), or meant to stay (declare it)?',
      );
      verdict.question = f.questions.at(-1);
      verdict.confidence = round(Math.min(verdict.confidence, 0.3));
      return;
    }
  }
}

/** Whether no reader understood the text: the language it is in ('' when unnamed) and the
 * sentence left unread, or undefined when it was understood. The text readers' own judgement
 * (`textUnderstood`: the intents read, the language, the sentences a question left unread)
 * first; then a sentence in other languages' little words nobody read anything in. */
// A function of its text, environment and date alone, asked again for every key a text is about.
const unreadLanguage = once((text: string, env: EnvName, environments: EnvName[], date?: string) => keyOf(text, env, environments, date), unreadLanguageOnce);

function unreadLanguageOnce(
  text: string,
  env: EnvName,
  environments: EnvName[],
  date = '1970-01-01T00:00:00Z',
): { language: string; sentence?: string } | undefined {
  const u = textUnderstood({ subject: text, body: '', author: '', email: '', date }, env, environments);
  // A hold until someone returns or decides (pending-hold.ts) is read, in the languages it reads:
  // only a sentence other than it is left unread.
  const hold = pendingHold(text);
  if (hold && u.unread.every((s) => [hold.sentence, hold.decision].some((h) => h && squash(s).includes(squash(h))))) return undefined;
  if (!u.understood) return { language: u.language ?? '', ...(u.unread[0] ? { sentence: u.unread[0] } : {}) };
  if (u.kinds.length > 0 || reportsDone(text) || saysMistake(text) || decidesKeep(text)) return undefined;
  const sentence = notRead(text);
  return sentence ? { language: u.language ?? '', sentence } : undefined;
}

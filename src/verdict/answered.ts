// What LATER texts say to a change's open matter: its condition ("until PSP-441 is closed", "after the
// 1 Dec release"), its plan ("will do prod after a few days", "production follows after QA sign-off")
// or its open object (a grant, a LoadBalancer, a policy made by hand). A person settling the difference
// looks for the latest text naming the change's ticket, its value (or the element or host it changed),
// its object or its key's words — a ticket export's row, release notes, a hand-over note, a migration
// doc, a replanning, a vendor notice, a launch doc, a review — and reads what it says about the matter:
//
// - met:       the condition happened ("PSP-441 | Closed", "released 1 Dec", "INFRA-88 resolved")
// - unmet:     it has not, still ("PSP-441 | Open (vendor ETA: January)", "still blocked", "noch offen")
// - done:      the work the change (or object) was for is finished ("Status: complete", "done … ticket closed")
// - go:        the waiting environment goes now ("1 Dec: app.nuvo.example live in production", "OK for prod")
// - refused:   a review said no ("Outcome: rejected … Do not take 3600 to production")
// - withdrawn: the plan is called off by those who made it ("cancelled", "not … after all", "Status: withdrawn")
// - moved:     the plan's date moved ("cut-over moves to Q1 2027", "postponed to 20 January")
// - ends:      the value held has a dated end of its own ("api-v1 will stop answering on 15 December 2026")
// - kept:      the measure is made the setting ("must be maintained; no longer a temporary measure")
//
// ONE principle for every place text lives: documents' passages (a list item, a table row with its
// headers, a paragraph, each with its heading) and later commits' messages that changed no value
// (their merge bodies are their pull requests' text) — the same texts `linkedPassages` links, by the
// same links. What each answer does to the verdict is the weighing's (difference.ts, later.ts); this
// module only finds and reads. The status words are read here until words.ts has its readers (see
// `statusOf`): one reader per answer, every language the tables read.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { linkedPassages, withStructure, type ChangeLink, type Link, type LinkedPassage } from './documented.js';
import { dateNamed } from './deadline.js';
import { reportsDone, withdrawalIn } from './intent.js';
import { goFor, goForValue, openIn } from './conditions.js';
import { doubtIn } from './languages.js';
import { mended } from './mended.js';
import { regex } from './pattern.js';
import { ticketsIn, type CommitLog } from './log.js';
import { eventText } from './contingency.js';
import { describeMessage, short } from './words.js';
import { sentenceEnds } from './sentence-end.js';
import { madePermanent, permanenceRefused } from './made-permanent.js';
import { decidedEverywhere } from './decided-everywhere.js';
import { endRecorded } from './ended-record.js';
import { keptUntil } from './kept-until.js';
import { partlyDone } from './share-done.js';
import { undoDue } from './refusal-due.js';
import { extendedRowEnd } from './register-end.js';

export type Says = 'met' | 'unmet' | 'done' | 'go' | 'refused' | 'withdrawn' | 'moved' | 'ends' | 'kept';

/** One later text's answer to the change's open matter. */
export interface LaterAnswer {
  says: Says;
  /** The sentence (or table row, with its headers) that says it, as written (mended). */
  quote: string;
  /** Where: "docs/x.md:12 (written in abc1234)" or "abc1234 (2026-12-01, Lotte: "subject")". */
  where: string;
  sha: string;
  /** When the answering text was written (its commit's date, ISO). */
  written: string;
  /** The date the text gives for what it says: the new end (moved), the ETA (unmet), the value's
   * end (ends), the day it happened (met, go) — where it gives one (YYYY-MM-DD). */
  on?: string;
  /** For a go: the environments its sentence names. */
  envs?: EnvName[];
  /** How the text is linked to the change (documented.ts `Link`). */
  link: Link;
  /** The ticket the text's sentence cites, when it is one of the change's. */
  ticket?: string;
  /** A commit's message rather than a document's passage. */
  message?: boolean;
}

/** The change whose open matter is asked about: what `linkedPassages` links by (key, values, tickets,
 * environment, date, author, subject), and the scan's environments (a go names one of them). */
export interface AnswerQuestion extends ChangeLink {
  /** The change's own commit: its text is the question, never an answer. */
  commit?: string;
  /** No text written after this day is read (the scan's today). */
  today?: string;
  /** The matter is a rollout whose declared time ran out: a text deciding the change for every
   * environment is its go (decided-everywhere.ts). Other matters weigh such a text their own way. */
  everywhereGoes?: boolean;
}

// A ticket's state as trackers and their exports write it, after the ticket or in its row's status
// cell: open, in progress, blocked, waiting on a vendor; closed, resolved, fixed, done — in the
// languages the tables read.
const STATE_OPEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:open|opened|reopened|in progress|in review|blocked|on hold|waiting|pending|unresolved|not (?:yet )?(?:fixed|closed|resolved|done)|`,
  String.raw`still (?:open|broken|failing|pending)|to ?do|backlog|offen|in bearbeitung|abierto|pendiente|ouvert|en cours|aberto|em andamento|aperto|`,
  // (Reopened, in the languages read: "riaperto", "rouvert", "reabierto", "reaberto", "heropend".)
  String.raw`in corso|nog open|otwart\p{L}*|otevřen\p{L}*|otevren\p{L}*|riapert[oa]|r[eé]?ouvert\p{L}*|reabiert[oa]|reabert[oa]|heropend|в работе|открыт\p{L}*|未対応|対応中|未解决|处理中|진행 중)(?![\p{L}])`,
);
const STATE_CLOSED = regex(
  'iu',
  String.raw`(?<![\p{L}-])(?:closed|resolved|fixed|done|completed?|shipped|released|geschlossen|erledigt|behoben|gelöst|cerrad[oa]|resuelt[oa]|`,
  String.raw`fermée?|résolue?|fechad[oa]|resolvid[oa]|chius[oa]|risolt[oa]|gesloten|opgelost|zamknięt\p{L}*|rozwiązan\p{L}*|закрыт\p{L}*|решен\p{L}*|`,
  // (Czech participles, not the nouns that name the event waited for: "uzavřeno", never "uzavření".)
  String.raw`uzavřen[oa]?|uzavren[oa]?|zavřen[oa]|zavren[oa]|vyřešen[oa]?|vyresen[oa]?|hotovo|dokončen[oa]|dokoncen[oa]|vydán[oa]|vydan[oa]|`,
  String.raw`完了|解決済み|已关闭|已解决|완료|해결)(?![\p{L}])`,
);
// A status cell's header ("Status", "State", "Estado", "Stand", "Statut", "Zustand").
const STATUS_CELL = /^(?:status|state|estado|stand|statut|stato|zustand|stan|статус|状態|状态|상태)\s*:\s*/iu;

// A review's refusal: "Outcome: rejected", "not approved", "denied", "no-go for production", "abgelehnt".
const REFUSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:rejected|refused|denied|declined|not approved|no[- ]go|vetoed|abgelehnt|nicht genehmigt|rechazad[oa]|denegad[oa]|refusée?|`,
  String.raw`rejeitad[oa]|respint[oa]|afgewezen|odrzucon\p{L}*|отклонен\p{L}*|却下|驳回|拒绝|반려|거부)(?![\p{L}])`,
);

// A plan's date moved: "moves to Q1 2027", "postponed to 20 January", "pushed back to January",
// "delayed until", "rescheduled for", "slips to", "verschoben auf", "reporté au", "pospuesto hasta",
// "adiado para", "rinviato a", "uitgesteld tot", "przesunięte na", "перенесено на". A plan given more
// time moves its end as well: "pilot extended to 2027-01-31", "verlängert bis", "prolongé jusqu'au",
// "prorrogado hasta", "prorrogato al", "verlengd tot". The old date may stand between the verb and
// the new one ("moves from Dec 1st to KW2 2027", "von 1.12. auf KW 2"): the new end is the one read.
const MOVED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:moves?|moved|postponed?|pushed(?: back| out)?|delayed|deferred|rescheduled|slips?|slipped|replanned|`,
  String.raw`extended|prolonged|verlängert|reporté\p{L}*|prolongé\p{L}*|prorrog\p{L}*|extendid\p{L}*|verlengd|`,
  String.raw`verschoben|verlegt|décalé\p{L}*|pospuest\p{L}*|aplazad\p{L}*|adiad\p{L}*|rinviat\p{L}*|posticipat\p{L}*|uitgesteld|`,
  String.raw`przesunięt\p{L}*|przełożon\p{L}*|przedłużon\p{L}*|перенесен\p{L}*|продлен\p{L}*)\s+`,
  String.raw`(?:(?:from|von|de|du|dal|van|od|с)(?: [^\s.;:]+){1,4} )?`,
  String.raw`(?:to|until|till|into|for|auf|bis|au|à|a|al|hasta|para|até|tot|naar|na|do|до|на|jusqu['’](?:au|à))\s`,
);
// … and German with the verb last: "wird bis 31.01.2027 verlängert", "auf KW 2 verschoben".
const MOVED_LAST = regex('iu', String.raw`(?<![\p{L}])(?:bis|auf) ((?:[^\s;:]+ ){1,4})(?:verlängert|verschoben|vertagt|verlegt)(?![\p{L}])`);
// A date that changes from one day to a later one is a plan moved, whatever plain verb says so: "the
// end date goes from 31/03 to 30/09", "a data de fim passa de 31/03 para 30/09", "la fecha pasa del
// 31/03 al 30/09", "la date passe du 31/03 au 30/09", "gaat van 31-03 naar 30-09". The verb alone moves
// nothing ("passa para produção"): the old day must stand between it and the new one (`movedFromTo`).
const MOVED_FROM = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:goes|went|changes|changed|shifts|shifted|passa|passou|passe|pasa|pasó|muda|mudou|alterad[oa]|cambia|cambió|cambiat[oa]|`,
  String.raw`change|changée?|geht|ändert sich|wechselt|gaat|ging|wijzigt|går|gick|ändras|ändrades|flyttas|flyttes|zmienia się|zmieniono|zmieniła się)`,
  String.raw` (?:from|de|do|da|du|del|dal|von|vom|van|från|fra|z|ze) ([^\s;:]+(?: [^\s;:]+){0,2}) `,
  String.raw`(?:to|para|pra|a|al|au|à|auf|naar|tot|till|til|på|na|do) `,
);

/** The later day a "from <day> to <day>" sentence moves a plan to, when the first day is a day and the second a later one. */
export function movedFromTo(s: string, written: string): string | undefined {
  const m = MOVED_FROM.exec(s);
  if (!m) return undefined;
  const from = dateNamed(m[1]!, written);
  const to = dateNamed(s.slice(m.index + m[0].length).replace(/^(?:the|el|la|le|o|il|den|dem) /i, ''), written);
  return from && to && to > from ? to : undefined;
}

// The value's own end, said by whoever provides it: "will stop answering on 15 December", "is sunset
// on", "end of life", "EOL", "shut down on", "decommissioned", "wird abgeschaltet", "dejará de funcionar".
const ENDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:will |to )?stop(?:s|ping)? (?:answering|working|responding|serving|accepting)|sunset(?:s|ted|ting)?|end[- ]of[- ]life|eol|`,
  String.raw`(?:will be |is being |to be )?(?:shut down|switched off|turned off|decommissioned|retired|removed|disabled)|`,
  String.raw`abgeschaltet|eingestellt|dejará de funcionar|será retirad[oa]|sera arrêtée?|fin de vie|deixará de funcionar|verrà dismess[oa])(?![\p{L}])`,
);

// "<it> live in <env>", "went live", "is live": an event that happened, read with the environment it names.
const LIVE = regex('iu', String.raw`(?<![\p{L}])(?:(?:is|are|went|gone|now|goes) )?live (?:in|on|im|en|em|w|на) (?:the )?(\p{L}[\p{L}-]*)`);
// A sentence set as a condition or a question: an answer it is not ("if PSP-441 is closed", "once it is live in prod?").
const CONDITIONAL = /^(?:[-*•]\s+)?(?:if|once|when|unless|as soon as|after|sobald|wenn|falls|si|cuando|quand|se|als|zodra|jeśli|если)(?![\p{L}])/iu;

const sentencesOf = (text: string) =>
  mended(text)
    .replace(/\*\*|__/g, '')
    .split(sentenceEnds(/(?<=[.!?;。！？])\s+|\n+/))
    .map((s) => s.trim())
    .filter(Boolean);

/** What one sentence (or table row) says, if it answers anything; `tickets` are the change's. */
export function statusOf(sentence: string, written: string, tickets: readonly string[] = []): Pick<LaterAnswer, 'says' | 'on' | 'ticket'> | undefined {
  const s = sentence.trim();
  if (/[?？]\s*$/u.test(s) || CONDITIONAL.test(s)) return undefined;
  const cited = ticketsIn(s).find((t) => tickets.some((x) => x.toUpperCase() === t.toUpperCase()));
  const withTicket = cited ? { ticket: cited } : {};
  // A table row's status cell, read before the row's other cells (its summary may say "fix the open redirect").
  const cells = s.split(/;\s+/);
  const statusCell = cells.find((c) => STATUS_CELL.test(c));
  const state = statusCell?.replace(STATUS_CELL, '');
  if (state !== undefined) {
    if (STATE_OPEN.test(state) && !STATE_CLOSED.test(state.replace(/not (?:yet )?\p{L}+/giu, ''))) {
      const eta = dateNamed(state.replace(/^.*?(?:eta|expected|erwartet|prévu|previsto)\s*:?\s*/i, ''), written);
      return { says: 'unmet', ...(eta ? { on: eta } : {}), ...withTicket };
    }
    if (REFUSED.test(state)) return { says: 'refused', ...withTicket };
    // "Status: 40% done" is a ticket in progress, not closed (share-done.ts).
    const closed = STATE_CLOSED.exec(state);
    if (closed && !partlyDone(state, closed.index, closed[0].length)) return { says: cited ? 'met' : 'done', ...withTicket };
  }
  const refused = REFUSED.exec(s);
  if (refused && !doubtIn(s, refused.index, refused[0].length)) return { says: 'refused', ...withTicket };
  const moved = MOVED.exec(s);
  if (moved) {
    // "hasta el 28/02", "to the 15th": the article before the new end is not part of its date.
    const on = dateNamed(s.slice(moved.index + moved[0].length).replace(/^(?:the|el|la|le|den|dem|il|lo|o) /i, ''), written);
    if (on) return { says: 'moved', on, ...withTicket };
  }
  const movedLast = MOVED_LAST.exec(s);
  if (movedLast) {
    const on = dateNamed(movedLast[1]!, written);
    if (on) return { says: 'moved', on, ...withTicket };
  }
  const shifted = movedFromTo(s, written);
  if (shifted) return { says: 'moved', on: shifted, ...withTicket };
  // A register's row extending the measure, its end in the end column ("decision: extended; until: 2028-06-30").
  const extendedTo = extendedRowEnd(s, written);
  if (extendedTo) return { says: 'moved', on: extendedTo, ...withTicket };
  // "we keep it until 8 January": the measure's end moved to that day.
  const kept = keptUntil(s, written);
  if (kept) return { says: 'moved', on: kept, ...withTicket };
  const ends = ENDS.exec(s);
  if (ends && !doubtIn(s, ends.index, ends[0].length)) {
    const on = dateNamed(s.slice(ends.index + ends[0].length).replace(/^\s*(?:on|at|by|am|le|el|il|em|op)\s+/i, ''), written);
    if (on) return { says: 'ends', on };
  }
  if (withdrawalIn(s)) return { says: 'withdrawn', ...withTicket };
  // "Not approved as a permanent change": the board refuses to keep what was done as a stop-gap.
  if (permanenceRefused(s)) return { says: 'refused', ...withTicket };
  // Before done: "the review is done: the setting stays, it is no longer temporary" keeps it.
  if (madePermanent(s)) return { says: 'kept', ...withTicket };
  // A ticket followed by its state: "PSP-441 is still open", "PSP-441: open, vendor ETA January".
  if (cited) {
    const after = s.slice(s.toUpperCase().indexOf(cited.toUpperCase()) + cited.length, s.toUpperCase().indexOf(cited.toUpperCase()) + cited.length + 60);
    if (STATE_OPEN.test(after) && !/^\W{0,3}(?:is |was |now |got )?(?:closed|resolved|fixed|done)/i.test(after)) {
      const eta = /(?:eta|expected|erwartet|prévu|previsto)\s*:?\s*(.{0,40})/i.exec(after);
      const on = eta ? dateNamed(eta[1]!, written) : undefined;
      return { says: 'unmet', ...(on ? { on } : {}), ticket: cited };
    }
  }
  const open = openIn(s);
  if (open && cited) return { says: 'unmet', ticket: cited };
  const live = LIVE.exec(s);
  if (live && !doubtIn(s, live.index, live[0].length) && !liveAhead(s.slice(live.index + live[0].length), written)) return { says: 'go' };
  const done = reportsDone(s);
  if (done) return { says: cited ? 'met' : 'done', ...withTicket };
  // A run's record dating its end ("inicio: 19/04, fin: 10/05") reports the event over.
  if (endRecorded(s, written)) return { says: cited ? 'met' : 'done', ...withTicket };
  return undefined;
}

/** The later day a passage moves a plan's end to, past `day` ("verlängert bis 30.09.", "passa de 31/03 para 30/09"). */
export function movedPast(text: string, written: string, day: string): string | undefined {
  for (const s of sentencesOf(text)) {
    const status = statusOf(s, written);
    if (status?.says === 'moved' && status.on && status.on > day) return status.on;
  }
  return undefined;
}

/** A "live in <env>" that is a schedule, not a record: a day after the text was written follows it ("goes
 * live in production next week", "… on 15 December" written on 2 December). */
const SOON = regex(
  'iu',
  String.raw`^[^.;]{0,40}?(?<![\p{L}])(?:next (?:week|month|sprint|release)|tomorrow|soon|later|in (?:a|one|two|three|\d+) (?:days?|weeks?)|`,
  String.raw`nächste[nr]? (?:Woche|Monat)|morgen|bald|la semaine prochaine|demain|bientôt|la próxima semana|mañana|pronto)(?![\p{L}])`,
);
function liveAhead(after: string, written: string): boolean {
  if (SOON.test(after)) return true;
  const on = dateNamed(after.replace(/^[\s,]*(?:on|at|by|am|le|el|il|em|op)\s+/i, ''), written);
  return !!on && on > written.slice(0, 10);
}

/** Every later text's answer to the change's open matter, newest first: each passage linked to the
 * change (by its ticket, key, value, the element or host it changed, its words) or later commit
 * message naming it, written after the change and not after today, read sentence by sentence; the
 * first sentence of a passage that answers is its answer. A text that links and says nothing of the
 * matter is no answer (the caller's default may then stand, having read it). */
export function answersOf(q: AnswerQuestion, log: CommitLog | undefined): LaterAnswer[] {
  if (!log || !q.date) return [];
  const at = Date.parse(q.date);
  const out: LaterAnswer[] = [];
  for (const p of linkedPassages(q, log, true)) {
    if (Date.parse(p.written.date) <= at || p.written.sha === q.commit) continue;
    if (q.today && p.written.date.slice(0, 10) > q.today) continue;
    const read = readPassage(p, q);
    if (read) out.push(read);
  }
  return out.sort((a, b) => Date.parse(b.written) - Date.parse(a.written));
}

/** The state a heading gives the change's own ticket: closed (met) or still open (unmet), read as a
 * sentence is; any other heading, or one citing no ticket of the change, states nothing. */
function headingState(
  heading: string | undefined,
  written: string,
  tickets: readonly string[],
): { status: Pick<LaterAnswer, 'says' | 'on' | 'ticket'>; quote: string } | undefined {
  if (!heading || tickets.length === 0) return undefined;
  const status = statusOf(heading, written, tickets);
  if (!status?.ticket || (status.says !== 'met' && status.says !== 'unmet')) return undefined;
  return { status, quote: heading.slice(0, 240) };
}

function readPassage(p: LinkedPassage, q: AnswerQuestion): LaterAnswer | undefined {
  const where = p.message ? describeMessage(p.written) : `${p.file}:${p.line} (written in ${short(p.written.sha)})`;
  const base = { where, sha: p.written.sha, written: p.written.date, link: p.link, ...(p.message ? { message: true } : {}) };
  // A document whose own status calls its plan off answers for every passage it links ("Status: rejected").
  if (p.withdraws) return { ...base, says: /reject|declin|abgelehnt|rechaz/i.test(p.withdraws) ? 'refused' : 'withdrawn', quote: `Status: ${p.withdraws}` };
  // A back-out plan or "if this goes wrong" section, written before anything happened, answers nothing
  // (contingency.ts); a message's subject is the commit's own act.
  const text = eventText(p, p.message && p.line === 1 ? p.written.subject : undefined);
  if (text === undefined) return undefined;
  // A note whose title gives the change's ticket with its state ("# PERF-88 — latency regression: closed
  // (16 Mar)", "## PSP-441: still open") states it for everything under it: a closing note's title is
  // the ticket's state, and its points are what was done, not the state again.
  const headed = headingState(p.heading, p.written.date, q.tickets);
  if (headed) return { ...base, ...headed.status, quote: headed.quote };
  // A table row is read whole, with its headers ("Ticket: PSP-441; Status: Open (vendor ETA: January)").
  const texts = p.row ? [p.row] : sentencesOf(text);
  for (const s of texts) {
    const status = statusOf(s, p.written.date, q.tickets);
    if (!status) {
      // The change decided for every environment: each one still waiting has the go.
      const every =
        q.everywhereGoes && q.env && q.environments ? decidedEverywhere(s, p.written.date, p.written.author, q.env, q.environments, q.today) : undefined;
      if (every) return { ...base, says: 'go', quote: s.slice(0, 240), envs: q.environments!.filter((e) => e !== q.env) };
      continue;
    }
    // A "live in <env>" record is a go for the environment it names, not for every one the sentence names
    // ("live" itself may be production's other name: "… is live in staging for the rehearsal").
    const where = status.says === 'go' ? (LIVE.exec(s)?.[1] ?? s) : undefined;
    const envs = where !== undefined ? (q.environments ?? []).filter((e) => mentions(where, e)) : undefined;
    const due = status.says === 'refused' && !status.on ? undoDue(texts, p.written.date) : undefined;
    return { ...base, ...status, quote: s.slice(0, 240), ...(envs && envs.length ? { envs } : {}), ...(due ? { on: due } : {}) };
  }
  // A go read as conditions.ts reads one ("OK for prod", "Codify it in deploy/prod"), for an environment of the scan.
  // A go naming a value between it and the environment ("Go for 100% in prod") is one for the value
  // asked about (the question's first) and no other.
  const asked = q.values[0];
  for (const env of q.environments ?? []) {
    if (env === q.env) continue;
    const structured = withStructure({ ...p, text });
    const go = (asked ? goForValue(structured, env, asked) : undefined) ?? goFor(structured, env);
    if (go) return { ...base, says: 'go', quote: go, envs: [env] };
  }
  return undefined;
}

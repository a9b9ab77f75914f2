// A pause made by hand in an incident (a CronJob suspended with kubectl patch, a switch turned off
// live) whose record says when it ends: "resume the export after the failover", "riattivare il
// cronjob dopo il failover", "2.3.1 のデプロイ後に invoice-reminders を再開する", "reanudar el job cuando
// termine la migración". A person reviewing the drift reads on for that event: the record itself or a
// later text reporting it over ("failover completato", "migration done"), or — for a version — the
// environment running it or a later one (version-reached.ts). Met, the step is due: the hand edit goes
// back live. Not met, or not said, nothing is said here: the kind's own rule asks.
// - the record names the object the edit was made to (or the key), is written from two days before
//   the edit on and by today — or, a procedure naming the object with the value the edit wrote (the
//   runbook that prescribed it), however long before;
// - the sentence says to undo it (resume, re-enable, turn back on; the languages' undo family), or, in
//   a record naming the object, puts the file's value back ("patch back to 60", "wieder auf 60") — not
//   negated, not asked — with the event it waits for after a lead ("after", "once", "dopo", "nach",
//   "après", "después de", "na", "efter", "po") or before a Japanese one ("後に", "したら", "次第", "完了後");
// - the event is reported over in a clause naming it with a word of having happened, written after
//   the edit (the record's own timeline counts: "05:40 failover completato");
// - or, where the step is put on a day instead of an event ("switch prd's Service back to green on 3 June,
//   09:00"), that day has passed: the time the record gave it has come (holdout-32/25).
import type { EnvName } from '../model/types.js';
import type { CommitLog } from './log.js';
import { documentIndex, keyName, putsBackTo } from './documents.js';
import { foreignFamily } from './languages.js';
import { reportsDone } from './intent.js';
import { eventText } from './contingency.js';
import { sentencesIn } from './sentence-end.js';
import { eventWords } from './events.js';
import { restatedFact } from './fact-stated.js';
import { mentions } from './envnames.js';
import { pattern, regex, escapeRegExp } from './pattern.js';
import { logTexts } from './texts.js';
import { versionIn, versionPassedIn, versionReached } from './version-reached.js';
import { day, short } from './words.js';
import { dateIn, ON_A_DAY } from './calendar.js';

export interface PausedChange {
  key: string;
  env: EnvName;
  environments: readonly EnvName[];
  /** When it was made by hand (managedFields). */
  editedAt: string;
  /** The live object's name (`report-export` of CronJob/report-export), where the key is one of its fields. */
  holder?: string;
  /** The value the environment's file holds: a step putting the edit back to it ("patch back to 60 after
   * the last pool is drained") undoes the edit, in a document naming the object or the key. */
  fileValue?: string;
  /** The value the edit wrote: a procedure naming it with the object prescribed the edit, and is read however old. */
  liveValue?: string;
}

export interface ResumeDue {
  evidence: string;
  sha: string;
}

const DAY = 86_400_000;

// Undoing a pause, as a plan (the plain form, not a report: "resumed" is past).
const RESUME = regex(
  'iu',
  String.raw`(?<![\p{L}-])(?:resume|un-?suspend|un-?pause|re-?enable|reactivate|`,
  String.raw`(?:turn|switch|scale|put|set)\s(?:[\p{L}\p{N}-]{1,40}\s){0,2}?back\s(?:on|up))(?![\p{L}])`,
);
const NEGATED = /(?<![\p{L}])(?:not|never|don't|do not|nicht|nie|ne pas|no|non|niet|inte|ikke)\s+(?:[\p{L}-]{1,30}\s+)?$/iu;
// The event's lead in the languages read, and what follows it up to a clause break.
const AFTER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|once|as soon as|when|following|dopo|nach|sobald|après|dès que|quand|lorsque|después de|después del|tras|cuando|`,
  String.raw`depois de|depois do|depois da|após|assim que|quando|na|zodra|efter|när|når|etter|po|gdy|kiedy|setelah|sesudah|begitu|ketika)(?![\p{L}])\s+((?:[^.;\n()]|\.(?=\w)){3,60})`,
);
// Japanese puts the lead after the event: "2.3.1 のデプロイ後に", "移行が完了したら", "修正リリース次第".
const AFTER_JA = /([^。、\n]{2,40}?)(?:の後に|後に|したら|次第|完了後|の後|してから|以降)/u;

/** The record's word that the pause is to end once an event is over, with that event reported over. */
export function resumeDue(change: PausedChange, log: CommitLog | undefined, today?: string): ResumeDue | undefined {
  if (!log) return undefined;
  const edited = Date.parse(change.editedAt);
  if (Number.isNaN(edited)) return undefined;
  const holder = change.holder && change.holder.length >= 4 ? change.holder.toLowerCase() : undefined;
  const name = keyName(change.key);
  const names = (s: string) => (holder !== undefined && nameIn(s.toLowerCase(), holder)) || (!!name && name.pattern.test(s));
  const others = change.environments.filter((e) => e !== change.env);
  for (const doc of documentIndex(log)) {
    const written = Date.parse(doc.written.date);
    if (today && doc.written.date.slice(0, 10) > today) continue;
    if (holder !== undefined ? !doc.lower.includes(holder) : !name) continue;
    // A runbook is older than the edit it prescribes: one naming the value the edit wrote beside the object is its record.
    if (written < edited - 2 * DAY && !prescribes(doc.passages, change.liveValue, names)) continue;
    for (const p of doc.passages) {
      const text = eventText(p);
      if (text === undefined) continue;
      for (const sentence of sentencesIn(text)) {
        // A document that names the edited object or key speaks of it where it puts a value back to the file's.
        const back = change.fileValue !== undefined && names(doc.text) ? putsBackTo(sentence, change.fileValue, true) : undefined;
        if (/[?？]\s*$/u.test(sentence) || (!names(sentence) && !back)) continue;
        // Another environment's plan is not this one's.
        if (others.some((e) => mentions(sentence, e)) && !mentions(sentence, change.env)) continue;
        const undo = resumeIn(sentence, doc.text) ?? back;
        if (!undo) continue;
        const event = eventOf(sentence, sentence.indexOf(undo));
        if (!event) {
          // No event, but a day: the step was put on it, and once it has passed the step is due.
          const passed = dayPassed(sentence.slice(sentence.indexOf(undo) + undo.length), doc.written.date, change.editedAt, today);
          if (passed) {
            return {
              evidence:
                `${doc.path}:${p.line} (written in ${short(doc.written.sha)}, ${day(doc.written.date)}) puts ${change.env}'s hand edit back ` +
                `("${undo}") on ${passed}, which has passed: "${sentence.trim().slice(0, 160)}"`,
              sha: doc.written.sha,
            };
          }
          continue;
        }
        const met = eventMet(event, sentence, change, log, today);
        if (!met) continue;
        return {
          evidence:
            `${doc.path}:${p.line} (written in ${short(doc.written.sha)}, ${day(doc.written.date)}) says to undo ${change.env}'s hand edit ` +
            `("${undo}") once "${event}" has happened: "${sentence.trim().slice(0, 160)}"; ${met.where} reports it: "${met.quote}"`,
          sha: met.sha,
        };
      }
    }
  }
  return undefined;
}

// The day a step is put on, right after it: "back to green on **3 June, 09:00**", "wieder auf 30 am 3.6.",
// "remettre à 30 le 3 juin" (calendar.ts' words that lead a day).
const ON_DAY = regex('iu', String.raw`^[\s*_]{0,4}(?:${ON_A_DAY})\s+[*_]{0,2}\d`);

/** The day the rest of a step's sentence puts it on, where that day is after the edit and before today: the
 * step's time has come. Undefined without a day right after the step, or with one still ahead. */
function dayPassed(rest: string, written: string, editedAt: string, today: string | undefined): string | undefined {
  if (!today || !ON_DAY.test(rest)) return undefined;
  const on = dateIn(rest.slice(0, 40), written);
  return on !== undefined && on >= editedAt.slice(0, 10) && on < today ? on : undefined;
}

/** A passage naming the object or key with the value the edit wrote (the procedure's own step: `kubectl patch … 300`). */
function prescribes(passages: ReadonlyArray<{ text: string }>, live: string | undefined, names: (s: string) => boolean): boolean {
  if (live === undefined || live.trim() === '') return false;
  const value = pattern(`(?<![\\p{L}\\p{N}_.-])${escapeRegExp(live)}(?![\\p{L}\\p{N}_]|[.,-][\\p{L}\\p{N}])`, 'iu');
  return passages.some((p) => names(p.text) && value.test(p.text));
}

/** The name as a word of its own in lower-case text (not inside a longer name). */
function nameIn(lower: string, name: string): boolean {
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
    const [before, after] = [lower[at - 1] ?? ' ', lower[at + name.length] ?? ' '];
    if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return true;
  }
  return false;
}

/** The words undoing the pause, said (not negated or asked): English, or a language's undo family (`whole`, the document, tells its language). */
function resumeIn(sentence: string, whole: string): string | undefined {
  const m = RESUME.exec(sentence);
  if (m && !NEGATED.test(sentence.slice(0, m.index))) return m[0];
  return foreignFamily(sentence, 'undo', whole)?.phrase;
}

/** The event the undo (at `undoAt` in the sentence) waits for. A lead put before the undo opens a clause that
 * ends at its comma ("When finance signs off the close, patch it back to 5000" waits for the sign-off, not for
 * the patch). */
function eventOf(sentence: string, undoAt: number): string | undefined {
  const m = AFTER.exec(sentence);
  const fronted = m && undoAt > m.index ? m[1]!.split(/,\s/u, 1)[0] : undefined;
  const event = fronted ?? m?.[1] ?? AFTER_JA.exec(sentence)?.[1];
  return event?.replace(/^[\s*+-]+/u, '').trim() || undefined;
}

/** A text reporting the event over, written after the edit and by today: for a version, the environment
 * running it (or a later one); otherwise a clause naming the event with a word of having happened. */
function eventMet(
  event: string,
  sentence: string,
  change: PausedChange,
  log: CommitLog,
  today: string | undefined,
): { where: string; quote: string; sha: string } | undefined {
  const version = versionIn(event);
  if (version) {
    const wait = { version, env: change.env, clause: event };
    const ran = versionPassedIn(wait, log, change.editedAt, today) ?? versionReached(wait, log, change.editedAt, today);
    return ran ? { where: ran.where, quote: ran.quote, sha: ran.sha } : undefined;
  }
  const words = eventWords(event);
  if (words.length === 0) return undefined;
  const edited = Date.parse(change.editedAt);
  // A word's stem, so an inflected form names the same event ("po migracji" … "migracja zakończona").
  const stems = words.map((w) => w.slice(0, Math.max(5, w.length - 2)));
  const about = (lower: string) => stems.some((w) => lower.includes(w));
  const reported = (text: string): string | undefined => {
    for (const clause of text.split(/\n+|(?<=[.!?;。])\s*|,\s+|、/u)) {
      const c = clause.trim();
      if (!c || c === sentence.trim() || sentence.includes(c) || /[?？]\s*$/u.test(c) || !about(c.toLowerCase())) continue;
      if (RESUME.test(c) || foreignFamily(c, 'undo', text)) continue;
      if (reportsDone(c)) return c.slice(0, 160);
    }
    return undefined;
  };
  for (const doc of documentIndex(log)) {
    if (Date.parse(doc.written.date) <= edited || (today && doc.written.date.slice(0, 10) > today)) continue;
    if (!about(doc.lower)) continue;
    for (const p of doc.passages) {
      if (!about(p.lower)) continue;
      // (The event said again as a fact, or ticked off on a checklist: fact-stated.ts.)
      const quote = reported(p.text) ?? (sentence.includes(p.text.trim()) ? undefined : restatedFact(p.text, words, p.heading));
      if (quote) return { where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})`, quote, sha: doc.written.sha };
    }
  }
  for (const m of logTexts(log).all) {
    if (Date.parse(m.note.date) <= edited || (today && m.note.date.slice(0, 10) > today) || !about(m.folded)) continue;
    const quote = reported(m.text) ?? restatedFact(m.text, words);
    if (quote) return { where: `${short(m.note.sha)} (${day(m.note.date)})`, quote, sha: m.note.sha };
  }
  return undefined;
}

// A gate or an end that is a named event ("prod after the freeze", "until the DR drill", "during
// the migration window") is resolved against the committed documents that date it: a freeze
// calendar, a drill plan, a release schedule. The event's own word finds the document (by its
// path, a heading, or the passage itself); the passage's last date is when the event ends.
import type { CommitLog } from './log.js';
import { passages, type Passage } from './documents.js';
import { readDeadline } from './deadline.js';

// Words of an event phrase that say what happens to it, not what it is.
const NOT_THE_EVENT = new Set([
  'the',
  'this',
  'that',
  'next',
  'after',
  'until',
  'when',
  'once',
  'ends',
  'ended',
  'ending',
  'over',
  'done',
  'finished',
  'finishes',
  'concludes',
  'concluded',
  'complete',
  'completed',
  'lifted',
  'passes',
  'passed',
  'runs',
  'is',
  'has',
  'been',
]);

/** The words that name the event: "the DR drill" → drill; "the freeze ends" → freeze. */
export function eventWords(event: string): string[] {
  return [
    ...new Set(
      event
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 4 && !NOT_THE_EVENT.has(w) && !/^\d+$/.test(w)),
    ),
  ];
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** The last date a passage gives (a range's end: "2026-11-20 to 2026-11-30", "20.11. bis 30.11."). */
function lastDate(text: string, written: string): string | undefined {
  const dates = [...text.matchAll(ISO_DATE)].map((m) => m[0]);
  const read = readDeadline(text, written).date;
  if (read) dates.push(read);
  return dates.sort().at(-1);
}

/** When the event named by `event` ends, as a document committed by `today` dates it: of the
 * passages about the event that give a date, the first whose end is on or after `written` (the
 * occurrence the text waited for). */
export function eventEnd(event: string, log: CommitLog | undefined, written: string, today?: string): { end: string; passage: Passage } | undefined {
  const words = eventWords(event);
  if (!log || words.length === 0) return undefined;
  const number = /\d+(?:\.\d+)?/.exec(event)?.[0];
  const about = (text: string) => words.some((w) => text.toLowerCase().includes(w));
  const from = written.slice(0, 10);
  let best: { end: string; passage: Passage } | undefined;
  for (const doc of log.documents) {
    const by = log.messages.get(doc.sha);
    if (!by || (today && by.date.slice(0, 10) > today)) continue;
    const headings = doc.text.split('\n').filter((l) => /^#{1,6}\s/.test(l));
    const whole = about(doc.path) || headings.some(about);
    if (!whole && !about(doc.text)) continue;
    for (const p of passages(doc.text)) {
      if (!whole && !about(p.text)) continue;
      // An event named by a number (a version, "parser 2.4"; a sprint, "sprint 48") is dated only where
      // that number is named: in a document about the component, "- staging and qa: within 7 days"
      // dates their step, not the version.
      if (number && !standsAsNumber(p.text, number)) continue;
      const end = lastDate(p.text, by.date);
      if (!end || end < from) continue;
      if (!best || end < best.end) best = { end, passage: { file: doc.path, line: p.line, text: p.text.slice(0, 200), written: by } };
    }
  }
  return best;
}

// An end written after a wait word: "until 25.11", "till sprint 48", "bis zum Abschluss".
const STATED_END = /(?<![\p{L}])(?:until|till|til|bis|hasta|jusqu'(?:à|au)|fino a|até)\s+([^\s,;.)]+(?:[ .][^\s,;)]+)?)/iu;

/** The end the text states (a wait word and what follows it), with its date where a reader dates
 * it: undated, it may have passed without undrift knowing. */
export function statedEnd(text: string, written: string): { phrase: string; date?: string } | undefined {
  const m = STATED_END.exec(text);
  if (!m) return undefined;
  const date = readDeadline(text, written).date;
  return { phrase: m[0], ...(date ? { date } : {}) };
}

/** Whether `text` holds `number` not as the tail of a longer one ("2" is in "parser 2.4" and "sprint 2",
 * not in "12 days"). */
function standsAsNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
    const before = text[at - 1];
    if (before === undefined || before < '0' || before > '9') return true;
  }
  return false;
}

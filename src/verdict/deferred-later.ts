// A decision deferred after the change. A value set for a test leaves open whether the next
// environment takes it or the test's environment goes back; a text written since, about the change
// (it cites the change's ticket or names the key), that leaves that choice to a person or a meeting
// whose day had not come when it was written ("Decision: capacity review 2027-09-02, Jonas. Until then
// leave both as they are", "Entscheidung: Architektur-Runde am 2.9.") says that neither value is
// decided: whoever it names decides, not the verdict. A meeting whose day has passed with nothing
// recorded since is no answer either: what it decided is the question.
import type { KeyPath } from '../model/types.js';
import { deferredIn } from './conditions.js';
import { documentIndex } from './documents.js';
import { keyWords } from './held.js';
import type { CommitLog, Message } from './log.js';
import { meetingDay } from './meeting-day.js';
import { logTexts, readingOf } from './texts.js';
import { describeMessage, short } from './words.js';

export interface LaterDeferral {
  /** The words deferring the decision. */
  phrase: string;
  where: string;
  sha: string;
  /** The day of the meeting named, when read. */
  day?: string;
  /** The meeting's day is still ahead of today. */
  ahead: boolean;
}

/** The newest text written after `change` (not after `today`) about it that defers the choice to a
 * person or meeting whose day came after the text was written. */
export function deferredSince(
  key: KeyPath,
  change: { sha: string; subject: string; body: string; date: string },
  log: CommitLog | undefined,
  today?: string,
): LaterDeferral | undefined {
  if (!log) return undefined;
  const tickets = new Set([...readingOf(`${change.subject}\n${change.body}`).tickets]);
  const words = keyWords(key);
  const after = Date.parse(change.date);
  const fresh = (date: string) => Date.parse(date) > after && !(today && date.slice(0, 10) > today);
  const about = (lower: string, cited: Iterable<string>) => [...cited].some((t) => tickets.has(t)) || words.some((w) => lower.includes(w));
  const found: Array<{ text: string; written: Message; where: string }> = [];
  for (const t of logTexts(log).all) {
    if (t.note.sha === change.sha || !fresh(t.note.date) || !about(t.folded, t.tickets)) continue;
    found.push({ text: t.text, written: t.note, where: describeMessage(t.note) });
  }
  for (const doc of documentIndex(log)) {
    if (doc.written.sha === change.sha || !fresh(doc.written.date) || !about(doc.lower, doc.tickets)) continue;
    found.push({ text: doc.text, written: doc.written, where: `${doc.path} (written in ${short(doc.written.sha)})` });
  }
  found.sort((a, b) => Date.parse(b.written.date) - Date.parse(a.written.date));
  for (const { text, written, where } of found) {
    const phrase = readingOf(text).answer('deferred-since', '', () => deferredIn(text) ?? null);
    if (!phrase) continue;
    const day = meetingDay(text, phrase, written.date.slice(0, 10));
    // A meeting already held when the text was written is its account of a decision, not a deferral.
    if (!day || day <= written.date.slice(0, 10)) continue;
    return { phrase, where, sha: written.sha, day, ahead: !today || day >= today };
  }
  return undefined;
}

// A change that cites the record it carries out by its id and says nothing else ("prod: payment retries 8
// (FRZ-EX-03)", "per CR-1142", "siehe ÄND-12") takes its terms from that record, as whoever applies it
// reads them: an exception register's row, a change request, an approval note, as they stood when it was
// made. Where the record is a document citing the same id — its heading, or the passage itself — the
// passage that states a scope or an end ("nur prod", "Bis: Rückbau nach Ende des Freeze (9. Jänner)", "prod only, revert after the
// campaign") and names the key is the change's own text for its scope and its end, read by the same
// readers; a passage naming another key of the scan is that key's. Pure: reads the log it is given.
import type { HistoryEvent } from '../model/types.js';
import { documentIndex, namesOtherKey } from './documents.js';
import { keyWords } from './held.js';
import { ticketsIn, type CommitLog } from './log.js';

/** One passage of a record the change cites, as a text the intent readers read. */
export interface CitedRecord {
  sha: string;
  /** "docs/freeze/x.md:12": where the passage stands. */
  where: string;
  ticket: string;
  text: { subject: string; body: string; author: string; email: string; date: string };
}

/** The passages of the records `event` cites by id, written by the time it was made, each citing the id (in its own
 * text, its row or its heading) and none naming only another key; in the order the documents list them. */
export function citedRecords(event: HistoryEvent, key: string, log: CommitLog | undefined, today?: string): CitedRecord[] {
  if (!log) return [];
  const tickets = ticketsIn(`${event.subject}\n${event.body}`);
  if (tickets.length === 0) return [];
  const cited = new Set(tickets.map((t) => t.toUpperCase()));
  const words = keyWords(key);
  const out: CitedRecord[] = [];
  const made = Date.parse(event.date);
  for (const doc of documentIndex(log)) {
    // The record the change carried out stood when it was made: a text written since is an answer to
    // the change (a review, a meeting's proposal), which the readers of later texts weigh, not its terms.
    if (doc.written.sha === event.commit || Date.parse(doc.written.date) > made || (today && doc.written.date.slice(0, 10) > today)) continue;
    if (![...doc.tickets].some((t) => cited.has(t.toUpperCase()))) continue;
    for (const p of doc.passages) {
      const body = p.row ?? p.text;
      const own = [...p.tickets, ...(p.heading ? ticketsIn(p.heading) : [])].find((t) => cited.has(t.toUpperCase()));
      if (!own) continue;
      // A record covers many things (a runbook's steps, an ADR's options): the passage that is this
      // change's terms names its key.
      const lower = body.toLowerCase();
      if (!words.some((w) => lower.includes(w)) || namesOtherKey(body, lower, key, log)) continue;
      out.push({
        sha: doc.written.sha,
        where: `${doc.path}:${p.line}`,
        ticket: own,
        text: { subject: body, body: '', author: doc.written.author, email: '', date: doc.written.date },
      });
    }
  }
  return out;
}

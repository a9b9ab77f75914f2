// A change that cites the record it carries out by its id and says nothing else ("prod: payment retries 8
// (FRZ-EX-03)", "per CR-1142", "siehe ÄND-12") takes its terms from that record, as whoever applies it
// reads them: an exception register's row, a change request, an approval note, as they stood when it was
// made. Where the record is a document citing the same id — its heading, or the passage itself — the
// passage that states a scope or an end ("nur prod", "Bis: Rückbau nach Ende des Freeze (9. Jänner)", "prod only, revert after the
// campaign") and names the key is the change's own text for its scope and its end, read by the same
// readers; a passage naming another key of the scan is that key's. Pure: reads the log it is given.
import type { EnvName, HistoryEvent } from '../model/types.js';
import { linkedPassages } from './documented.js';
import { namesOtherKey } from './documents.js';
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
export function citedRecords(event: HistoryEvent, key: string, env: EnvName, log: CommitLog | undefined, today?: string): CitedRecord[] {
  if (!log) return [];
  const tickets = ticketsIn(`${event.subject}\n${event.body}`);
  if (tickets.length === 0) return [];
  const cited = new Set(tickets.map((t) => t.toUpperCase()));
  const words = keyWords(key);
  const out: CitedRecord[] = [];
  for (const p of linkedPassages({ key, values: [event.to], tickets, env, date: event.date }, log)) {
    if (p.link !== 'ticket' || p.message || p.written.sha === event.commit) continue;
    // The record the change carried out stood when it was made: a text written since is an answer to
    // the change (a review, a meeting's proposal), which the readers of later texts weigh, not its terms.
    if (Date.parse(p.written.date) > Date.parse(event.date) || (today && p.written.date.slice(0, 10) > today)) continue;
    const body = p.row ?? p.text;
    const own = [body, p.heading ?? ''].flatMap((t) => ticketsIn(t)).find((t) => cited.has(t.toUpperCase()));
    if (!own) continue;
    // A record covers many things (a runbook's steps, an ADR's options): the passage that is this
    // change's terms names its key.
    const lower = body.toLowerCase();
    if (!words.some((w) => lower.includes(w)) || namesOtherKey(body, lower, key, log)) continue;
    out.push({
      sha: p.written.sha,
      where: `${p.file}:${p.line}`,
      ticket: own,
      text: { subject: body, body: '', author: p.written.author, email: '', date: p.written.date },
    });
  }
  return out;
}

// A measure taken for an incident, which a committed procedure says to undo once it has served: the
// change's own message cites the incident ("INC-4410 runbook step 3 prefetch=1"), a document naming the
// key says to put it back to the value it had ("5. When depth is back under 100, set WORKER_PREFETCH back
// to 20"), and a later text reports that incident closed ("INC-4410 closed. queue drained"). The step
// that restores it is due: the environment goes back (revert), not declared as if the measure were its
// setting for good. Any of the three missing, nothing is said here: an incident fix without a procedure
// that undoes it is the kind's own rule's, and a procedure whose incident is not reported over waits.
import type { Message } from './log.js';
import type { VerdictContext } from './context.js';
import { ticketsIn } from './log.js';
import { citesIncident, reportsDone } from './intent.js';
import { documentIndex, passagesAbout, putsBackTo } from './documents.js';
import { logTexts } from './texts.js';
import { day, short } from './words.js';

export interface RestoreDue {
  evidence: string;
  sha: string;
}

/** The texts about `key` (`texts`: where, text, own; and every document passage naming it) holding a procedure that puts `before` back, for a
 * change (`change`: its date and message) that cites an incident a later text reports closed. */
export function restoreDue(
  key: string,
  change: { date: string; text: string } | undefined,
  before: string | null,
  texts: ReadonlyArray<{ where: string; text: string; own: boolean }>,
  context: VerdictContext,
): RestoreDue | undefined {
  const log = context.log;
  if (!change || before === null || !log || !citesIncident(change.text)) return undefined;
  const tickets = ticketsIn(change.text);
  if (tickets.length === 0) return undefined;
  // The procedure is usually older than the change it prescribed: every passage naming the key is read, not only later ones.
  const procedures = [...texts.filter((t) => !t.own), ...passagesAbout(key, log).map((p) => ({ where: `${p.file}:${p.line}`, text: p.text, own: false }))];
  const step = procedures.map((t) => ({ t, phrase: putsBackTo(t.text, before) })).find((x) => x.phrase !== undefined);
  if (!step) return undefined;
  const closed = closedLater(tickets, change.date, context.today, log);
  if (!closed) return undefined;
  return {
    evidence:
      `${step.t.where} says to put it back to ${JSON.stringify(before)} once it has served ("${step.phrase}"), and the change cites ${closed.ticket}, ` +
      `which ${closed.where} (${day(closed.written.date)}, ${short(closed.written.sha)}) reports over: "${closed.clause}"`,
    sha: closed.written.sha,
  };
}

/** A text written after the change, by today, with a clause citing one of `tickets` that reports it done ("INC-4410 closed."). */
function closedLater(
  tickets: readonly string[],
  since: string,
  today: string | undefined,
  log: NonNullable<VerdictContext['log']>,
): { ticket: string; clause: string; where: string; written: Message } | undefined {
  const after = Date.parse(since);
  const later = (m: Message) => Date.parse(m.date) > after && (!today || m.date.slice(0, 10) <= today);
  const texts = [
    ...logTexts(log).all.map((x) => ({ written: x.note, text: x.text, cited: x.tickets, where: 'the commit message' })),
    ...documentIndex(log).flatMap((doc) => doc.passages.map((p) => ({ written: doc.written, text: p.text, cited: p.tickets, where: `${doc.path}:${p.line}` }))),
  ];
  for (const x of texts) {
    if (!later(x.written) || !tickets.some((t) => x.cited.includes(t))) continue;
    for (const clause of x.text.split(/\n+|(?<=[.!?;])\s+|,\s+/)) {
      const ticket = ticketsIn(clause).find((t) => tickets.includes(t));
      if (ticket && reportsDone(clause)) return { ticket, clause: clause.trim().slice(0, 160), where: x.where, written: x.written };
    }
  }
  return undefined;
}

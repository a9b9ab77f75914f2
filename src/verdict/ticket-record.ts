// The record a change's ticket has since: a stop note, a retro, a report filed under the ticket the change's
// message cites ("EXP-77 prag … 100 EUR in productie", then "# EXP-77 — oprit …: Pragul revine la 30 EUR în
// producție"). Its passages speak of the change though they never name the key: people write "the threshold",
// "o limite", "pragul", not `threeds.exemptionThresholdEur`. Only a passage under the ticket — the ticket in
// the passage itself, in the heading it sits under, or in the document's file name — written after the change,
// and naming the value the change replaced, is taken: a ticket's record speaks of many things, and the old
// value beside it is what ties a sentence to this key (the readers still decide what the sentence says).
// A ticket's discussion exported with it ("**Zofia, 03.12 09:12** … I'd rather go back to 1536m") holds
// positions, one voice each: a thread of two or more speakers is no record of what was decided.
import type { VerdictContext } from './context.js';
import { eventText } from './contingency.js';
import { documentIndex, namesValue } from './documents.js';
import { ticketsIn } from './log.js';
import { threadOf } from './disagreement.js';
import { short } from './words.js';

// A comment's header on a line of its own, as trackers export them: "**Zofia, 03.12 09:12**", "__Ana (10:05)__".
const TURN = /^[ \t]*(?:\*\*|__)([\p{L}][\p{L}.'’ -]{0,40}?)(?:[,(][^*_\n]{0,40})?(?:\*\*|__)[ \t:]*$/gmu;

/** Does the document hold the turns of two or more people (an exported comment thread, a pasted chat)? */
function isThread(text: string): boolean {
  const named = new Set([...text.matchAll(TURN)].map((m) => m[1]!.trim().toLowerCase()));
  return named.size >= 2 || new Set(threadOf(text).map((x) => x.who)).size >= 2;
}

// A passage that sets its step on a condition ("Go back to 30 s once ENG-901 ships", "si Google concedeix l'augment →
// producció torna a 500") plans it for later: not what the record decided. A record's step is read only said outright.
const CONDITION = /(?<![\p{L}])(?:if|once|when|unless|as soon as|si|wenn|falls|sobald|cuando|quand|dès que|quando|zodra|jeśli|gdy|dacă|eğer|αν)(?![\p{L}])/iu;

export interface TicketPassage {
  where: string;
  text: string;
  date: string;
  sha: string;
}

/** The passages of documents written after the change (`change`: its date and text) and up to `today`, filed
 * under one of the tickets its text cites, that name `before` (the value the change replaced). */
export function ticketRecord(
  change: { date: string; text: string } | undefined,
  before: string | null,
  context: Pick<VerdictContext, 'log' | 'today'>,
): TicketPassage[] {
  const log = context.log;
  if (!log || !change || before === null || before.trim() === '') return [];
  const tickets = ticketsIn(change.text);
  if (tickets.length === 0) return [];
  const since = Date.parse(change.date);
  const out: TicketPassage[] = [];
  for (const doc of documentIndex(log)) {
    if (!tickets.some((t) => doc.tickets.has(t))) continue;
    const written = doc.written.date;
    if (!(Date.parse(written) > since) || (context.today && written.slice(0, 10) > context.today)) continue;
    if (isThread(doc.text)) continue;
    const inName = ticketsIn(doc.path.toUpperCase()).some((t) => tickets.includes(t));
    for (const p of doc.passages) {
      const filed = inName || p.tickets.some((t) => tickets.includes(t)) || (!!p.heading && ticketsIn(p.heading).some((t) => tickets.includes(t)));
      if (!filed || !namesValue(p.text, before) || CONDITION.test(p.text)) continue;
      // A back-out plan ("Rollback: set it back to 30") says what would be done, not what was decided.
      const text = eventText(p);
      if (text === undefined || text.trim() === '') continue;
      out.push({ where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})`, text, date: written, sha: doc.written.sha });
    }
  }
  return out;
}

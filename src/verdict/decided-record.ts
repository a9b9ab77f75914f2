// The decision record a change cites: where an environment left the contract by a change that cites
// an ADR, an RFC or a ticket, and the document carrying that id says by its own status that it is
// decided and names the value the environment holds as a standing value, the environment carries out a
// decision and the contract is what lags (contract.ts weighs it). Read here, apart from contract.ts,
// because documented.ts (which finds the linked passages) depends on contract.ts.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { DecidedRecord } from './contract.js';
import { linkedPassages, namesValueAsWritten } from './documented.js';
import { ticketsIn } from './log.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { mentions } from './envnames.js';
import { documentIndex, keyLeaf } from './documents.js';
import { wordsOfKey } from '../parse/key-words.js';
// A status that records a decision taken, not merely one not open: accepted, approved, decided, in the
// languages the tables read. "Status: implemented" or "done" reports work, not that the value is meant.
const DECIDED_STATUS = regex(
  'iu',
  String.raw`^[\s*_\x60"'(\[]*(?:accepted|approved|decided|agreed|adopted|ratified|angenommen|akzeptiert|entschieden|genehmigt|beschlossen|freigegeben|accept[ée]e?s?|approuv[ée]e?s?|adopt[ée]e?s?|`,
  String.raw`aceptad[oa]|aprobad[oa]|aceit[oa]|aprovad[oa]|approvat[oa]|accettat[oa]|geaccepteerd|goedgekeurd|aangenomen|zaakceptowan[ya]|zatwierdzon[ya]|przyjęt[ya])(?![\p{L}])`,
);
// A passage that gives the value an end or a condition decides no standing value ("12 pods until the
// campaign ends", "temporarily", "if traffic stays doubled").
const NOT_STANDING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|temporar\p{L}*|for now|if|unless|bis|vorübergehend|vorläufig|falls|jusqu|temporaire\p{L}*|provisoire\p{L}*|`,
  String.raw`si|hasta|temporal\p{L}*|tot|tijdelijk\p{L}*|do|tymczasow\p{L}*|jeśli)(?![\p{L}])`,
);

/** The decision record the change that left the contract cites (by an id both carry), decided by its
 * own status, in a passage naming the value the environment holds as a standing value. A record the
 * change does not cite decides as well when it was written after the change (the decision written
 * down later: "ADR-012 … acc: 2 AZs") and the sentence naming the value names the environment too:
 * without the id, only that sentence ties the record to this environment's value. */
export function decidedRecord(key: string, last: HistoryEvent, env: EnvName, current: string | null, context: VerdictContext): DecidedRecord | undefined {
  if (current === null || !context.log) return undefined;
  const tickets = ticketsIn(`${last.subject}\n${last.body}`);
  const passages = linkedPassages({ key, values: [current], tickets, env, date: last.date, subject: last.subject }, context.log);
  for (const p of passages) {
    if (p.message || !p.decided || !DECIDED_STATUS.test(p.decided)) continue;
    if (context.today && p.written.date.slice(0, 10) > context.today) continue;
    const cited = p.link === 'ticket';
    if (!cited && Date.parse(p.written.date) <= Date.parse(last.date)) continue;
    const said = p.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/)).find((x) => namesValueAsWritten(x, current, key) && (cited || mentions(x, env)));
    if (!said || NOT_STANDING.test(said)) continue;
    const ids = ticketsIn(`${p.file.toUpperCase()}\n${p.heading ?? ''}\n${p.text}`);
    const ticket = tickets.find((t) => ids.includes(t)) ?? (cited ? tickets[0]! : (ids[0] ?? p.file));
    return { ticket, file: p.file, line: p.line, status: p.decided, ...(cited ? { text: p.text } : { text: said.trim(), later: true }) };
  }
  return namedByFile(key, last, env, current, context);
}

/** A decided record written after the change whose file is named for the key ("ADR-012-az-count.md"
 * for `az_count`: a file name joins the key's words with hyphens) and a sentence of which names the
 * environment and its value ("acc: 2 AZs"). */
function namedByFile(key: string, last: HistoryEvent, env: EnvName, current: string, context: VerdictContext): DecidedRecord | undefined {
  const words = wordsOfKey(keyLeaf(key)).filter(Boolean);
  const joined = words.join('-').toLowerCase();
  if (words.length < 2 || joined.length < 6) return undefined;
  for (const doc of documentIndex(context.log!)) {
    const file = doc.path
      .slice(doc.path.lastIndexOf('/') + 1)
      .toLowerCase()
      .replace(/_/g, '-');
    if (!file.includes(joined) || !doc.status?.decided || !DECIDED_STATUS.test(doc.status.status)) continue;
    if (Date.parse(doc.written.date) <= Date.parse(last.date) || (context.today && doc.written.date.slice(0, 10) > context.today)) continue;
    for (const p of doc.passages) {
      const said = p.text
        .split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))
        .find((x) => namesValueAsWritten(x, current, key) && mentions(x, env) && !NOT_STANDING.test(x));
      if (said)
        return {
          ticket: ticketsIn(doc.path.toUpperCase())[0] ?? doc.path,
          file: doc.path,
          line: p.line,
          status: doc.status.status,
          text: said.trim(),
          later: true,
        };
    }
  }
  return undefined;
}

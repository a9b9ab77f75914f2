// A counterparty's notice that changes what it accepts on a day per environment ("from 1 November the
// production endpoint rejects files outside the window"), and keeps accepting the old as before until
// then, is a deadline, not a gate: from that day the old value fails, and until it the new one is
// accepted too. Where the lower environment followed and the environment whose day is still ahead did
// not, that environment moves before its day — a declaration would only run until the day the old
// value starts failing. Read in a notice the change restates (its subject's words in the notice's
// title, or a ticket both cite), written by today: a sentence naming the lagging environment with a
// day ahead, a refusal, and the transition ("until then … as before").
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { CommitLog } from './log.js';
import { ticketsIn } from './log.js';
import { documentIndex } from './documents.js';
import { restatesSubject } from './documented.js';
import { dateIn } from './calendar.js';
import { mentions } from './envnames.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { short } from './words.js';

// What is sent outside the new terms is refused: "will be rejected", "werden abgelehnt", "seront rejetés".
const REFUSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:rejected|refused|declined|not (?:be )?accepted|bounced|zurückgewiesen|abgewiesen|nicht (?:mehr )?angenommen|`,
  String.raw`rejet[ée]s?|refus[ée]s?|rechazad[oa]s?|rifiutat[oiae]|respint[oiae]|scartat[oiae]|rejeitad[oa]s?|recusad[oa]s?|`,
  String.raw`geweigerd|afgewezen|avvisa[sd]e?|afvist|avvist)(?![\p{L}])|(?<![\p{L}])(?:odrzucon|hylät|odmítnut|zamítnut)`,
);
// The transition: until the day, what was accepted still is ("until then, as before", "bis dahin wie bisher",
// "jusque-là comme avant", "hasta entonces como hasta ahora", "do těchto dat … jako dosud").
const UNTIL_THEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until (?:then|that (?:date|day)|these dates|those dates|the cut-?over)|till then|up to (?:then|that date)|`,
  String.raw`bis dahin|bis zu diesen (?:Daten|Terminen)|bis zu diesem (?:Datum|Termin)|jusque-là|jusqu['’]à (?:ces|cette) dates?|`,
  String.raw`hasta entonces|hasta (?:esas|estas) fechas|hasta esa fecha|até lá|até (?:essas|estas) datas|fino ad allora|fino a (?:quelle|queste) date|`,
  String.raw`tot dan|tot (?:die|deze) data|tills dess|fram till dess|indtil da|inntil da|do tego czasu|do tych dat|siihen asti|`,
  String.raw`do těchto dat|do té doby|do tohoto data)(?![\p{L}])`,
);
// … what was accepted still is: as before, unchanged, at any hour, round the clock.
const AS_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:as (?:before|today|now|usual)|unchanged|still|at any (?:time|hour)|around the clock|round the clock|24/7|`,
  String.raw`wie bisher|unverändert|weiterhin|rund um die Uhr|comme avant|comme aujourd['’]hui|inchangée?s?|toujours|`,
  String.raw`como hasta ahora|como antes|sin cambios|como até agora|sem alterações|come prima|invariat[oaie]|`,
  String.raw`zoals nu|zoals voorheen|ongewijzigd|som (?:nu|förut|før|hidtil)|uændret|uendret|jak dotąd|bez zmian|kuten ennenkin|`,
  String.raw`jako dosud|beze změny|nepřetržitě)(?![\p{L}])`,
);

export interface Cutover {
  where: string;
  sha: string;
  /** The lagging environment's day. */
  on: string;
  quote: string;
  refusal: string;
  transition: string;
}

/** The notice that sets `lagging`'s day ahead of today, refuses the old after it and accepts as before
 * until it; undefined where any of it is not read. */
export function cutoverAhead(change: HistoryEvent, key: string, lagging: EnvName, log: CommitLog | undefined, today?: string): Cutover | undefined {
  if (!log || !today) return undefined;
  const tickets = ticketsIn(`${change.subject}\n${change.body}`);
  for (const doc of documentIndex(log)) {
    if (doc.written.date.slice(0, 10) > today || doc.written.sha === change.commit) continue;
    // (The title from the lower case the index keeps, path first: reading a text records it as looked into.)
    const title = doc.lower.split('\n', 2)[1] ?? '';
    if (!tickets.some((t) => doc.tickets.has(t)) && !restatesSubject(title, change.subject, key)) continue;
    const sentences = doc.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/));
    const refusal = sentences.find((s) => REFUSED.test(s));
    const transition = sentences.find((s) => UNTIL_THEN.test(s) && AS_BEFORE.test(s));
    if (!refusal || !transition) continue;
    // (By line: a day written with spaces, "1. 11. 2027", is no sentence's end.)
    for (const s of doc.text.split('\n')) {
      if (!mentions(s, lagging)) continue;
      const on = dateIn(s, doc.written.date);
      if (!on || on <= today) continue;
      return {
        where: `${doc.path} (written in ${short(doc.written.sha)})`,
        sha: doc.written.sha,
        on,
        quote: s.trim().slice(0, 160),
        refusal: refusal.trim().slice(0, 120),
        transition: transition.trim().slice(0, 120),
      };
    }
  }
  return undefined;
}

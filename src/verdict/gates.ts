// The gate a change's own text sets before another environment follows ("production after the
// change freeze (ends 2026-11-30)", "prod once QA signs off", "prod switches once the bank
// confirms the go-live date"), read as a whole sentence: what it waits for decides how sure a
// verdict about the waiting environment may be.
// - A date the sentence gives the gate meets it once that date has passed.
// - An event of a party outside the team ("once the bank confirms", "after the vendor enables
//   our tenant", "sobald die Bank bestätigt") is one nothing in the repo can report: its absence
//   says nothing, so the verdict is a question, never a planned step taken for granted.
// A check the text waives ("no separate review needed") is read where intent.ts reads the check.
import type { EnvName } from '../model/types.js';
import { ticketsIn, type CommitLog } from './log.js';
import { dateNamed, readDeadline } from './deadline.js';
import { ON_A_DAY } from './calendar.js';
import { mentions } from './envnames.js';
import { foreignFamily, saidMatch } from './languages.js';
import { regex } from './pattern.js';
import { sentencesIn } from './sentence-end.js';

export interface Gate {
  /** The sentence of the text, from the waiting environment's name to its end. */
  clause: string;
  /** The date the sentence gives the gate (YYYY-MM-DD). */
  date?: string;
  /** The outside party whose event it waits for ("the bank"). */
  outside?: string;
}

// The event of a party outside the team, after a gate's lead: "once the bank confirms", "after
// our payment provider has enabled", "when the customer signs", "sobald die Bank", "cuando el
// banco", "dès que la banque", "quando o banco", "appena la banca".
const OUTSIDE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:once|when|after|until|till|as soon as|sobald|wenn|nachdem|bis|cuando|hasta que|después de que|dès que|quand|lorsque|`,
  String.raw`quando|assim que|appena|finché)\s+(?:the|our|their|its|die|der|unsere?|el|la|nuestro|nuestra|le|notre|o|a|il|nosso|nossa)\s+`,
  String.raw`((?:[\p{L}-]+\s+)?(?:bank|banks|vendor|partner|customer|client|supplier|provider|regulator|carrier|acquirer|issuer|insurer|authority|`,
  String.raw`merchant|third[- ]party|counterparty|agency|bafin|fca|kunde|kundin|lieferant|anbieter|behörde|banco|cliente|proveedor|socio|`,
  String.raw`banque|fournisseur|partenaire|fornitore|banca|fornecedor|parceiro))(?![\p{L}])`,
  // … as the one who acts, not as a word of the team's own thing ("after the customer demo",
  // "once customer traffic drops", "when the partner API tests pass").
  String.raw`(?!\s+(?:demos?|calls?|meetings?|workshops?|traffic|load|data|base|facing|portal|api|apis|accounts?|lists?|cache|tests?|testing|sandbox|endpoint)(?![\p{L}]))`,
);

// A step due by a date rather than waiting until it: "by", "no later than", "spätestens", "avant",
// "antes de", "entro", "uiterlijk", "najpóźniej", "не позднее" always; "bis", "до", "hasta",
// "jusqu'au", "tot", "fino al", "até" only with a verb of doing in the clause ("Prod bis 15.12.
// umstellen"; "Prod bleibt bis 15.12. bei 2" is a wait).
const DUE_LEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:by|no later than|(?:at the )?latest by|spätestens|avant|antes de|antes del|entro|uiterlijk|najpóźniej|не позднее)(?![\p{L}])`,
);
// ("before" too, with a verb of doing: "production must be live before 2026-12-15", "switch prod before 15.12";
// "prod not before the freeze ends" is a gate, read by intent.ts.)
const UNTIL_LEAD = /(?<![\p{L}])(?:bis|до|hasta|jusqu'(?:à|au)|tot|fino a|fino al|até|before|prior to)(?![\p{L}])/iu;
export const DOING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:switch|move|migrate|roll (?:it )?out|enable|turn on|disable|apply|deploy|ship|promote|change|update|(?:be|go|goes|going) live|`,
  String.raw`umstellen|umziehen|migrieren|aktivieren|einschalten|ausrollen|deployen|nachziehen|anpassen|ändern|umsetzen|`,
  String.raw`passer|basculer|bascule|basculons|migrer|migrons|activer|activons|déployer|déployons|appliquer|changer|mettre à jour|`,
  String.raw`cambiar|migrar|activar|desplegar|aplicar|pasar|actualizar|mudar|ativar|implantar|atualizar|`,
  String.raw`passare|attivare|migrare|aggiornare|omzetten|overzetten|activeren|uitrollen|przełączyć|włączyć|wdrożyć|zmienić|`,
  String.raw`перевести|переключить|включить|выкатить|обновить|перенести|`,
  // … and in Romanian and the Nordic languages: "o trec eu", "comutăm", "activăm"; "skifte", "aktivera", "byta".
  String.raw`trec|trecem|comut|comutăm|activez|activăm|schimb|schimbăm|aplic|aplicăm|actualizez|actualizăm|migrez|migrăm|`,
  String.raw`skifte|skifter|omlægge|aktivere|aktivera|aktiverer|byta|bytte|ändra|ændre|endre|rulla ut|rulle ud|rulle ut)(?![\p{L}])`,
);
// A step on a day, with a verb of doing: "I switch production on 31.07 at 23:59", "Prod am 31.07.
// umstellen", "basculer la prod le 31/07", "Producția o trec eu pe 31.07": due that day. (Romanian "pe"
// and the Nordic "den" put a step on a day as "on" does; only a day right after the word counts.)
const ON_DAY_LEAD = regex('iu', String.raw`(?<![\p{L}])(?:${ON_A_DAY}|pe|den)\s+(?=\d)`);
// A step after a gate: its date is the gate's, never a due date ("Prod kommt NACH dem Change Freeze
// (Freeze läuft bis 07.01.)").
const AFTER_GATE = /(?<![\p{L}])(?:after|once|when|pending|waits?|waiting|nach|nachdem|sobald|tras|después|après|dopo|depois)(?![\p{L}])/iu;

// "not before", "nicht vor", "pas avant": a gate, never a due date.
const NOT_BEFORE =
  /(?<![\p{L}])(?:not|never|nicht|pas|no|não|non|niet|nie|не)\s+(?:\p{L}+\s+)?(?:before|prior to|vor|avant|antes|prima|voor|vóór|przed|раньше|ранее)(?![\p{L}])/iu;

/** The date `clause` says its step is due by, after the day it was written. */
export function dueIn(clause: string, written: string): string | undefined {
  if (AFTER_GATE.test(clause)) return undefined;
  if (NOT_BEFORE.test(clause)) return undefined;
  // In every language read: "spätestens", "a más tardar", "au plus tard", "najpóźniej" (languages.ts' due family).
  const doing = DOING.test(clause);
  const lead = saidMatch(DUE_LEAD, clause) ?? foreignFamily(clause, 'due') ?? (doing ? saidMatch(UNTIL_LEAD, clause) : undefined);
  const onDay = !lead && doing ? saidMatch(ON_DAY_LEAD, clause) : undefined;
  if (!lead && !onDay) return undefined;
  const date = lead ? readDeadline(clause.slice(lead.index), written).date : dateNamed(clause.slice(onDay!.index + onDay![0].length), written);
  return date && date > written.slice(0, 10) ? date : undefined;
}

// A clause that gives an end: "ends", "until", "lifted", "is over", "bis", "endet", "hasta", "jusqu'au".
const END_WORD = /(?<![\p{L}])(?:ends?|ending|until|till|through|lifted|over|finish\w*|closes?|bis|endet|hasta|termina|jusqu|fin\w*)(?![\p{L}])/iu;

/** The text with hard-wrapped lines joined: a sentence written over two lines is one sentence
 * (list items and paragraphs stay apart). */
const unwrap = (text: string) => text.replace(/\n(?![ \t]*(?:\n|[-*+] |\d+[.)] ))[ \t]*/g, ' ');

/** Sentences of the text, its hard wraps joined (sentence-end.ts: not at a date's, an abbreviation's or
 * an ordinal's dot). */
const sentences = (text: string) => sentencesIn(unwrap(text));

/** The gate the text sets before `env` follows: the first sentence naming `env` that gives a date
 * or an outside party's event, read from the name on, and cut where a clause names another of `environments`. */
export function gateFor(text: string, env: EnvName, environments: EnvName[], written: string): Gate | undefined {
  const others = environments.filter((e) => e !== env);
  for (const sentence of sentences(text)) {
    if (!mentions(sentence, env)) continue;
    const parts = sentence.split(/(?<=[,;])\s+|\s+[—–]\s+/);
    const start = parts.findIndex((p) => mentions(p, env));
    const own: string[] = [];
    for (const p of parts.slice(start)) {
      if (own.length > 0 && others.some((e) => mentions(p, e)) && !mentions(p, env)) break;
      own.push(p);
    }
    const clause = own.join(' ');
    // The gate's date: in the environment's own clause, or in a clause after it that gives an end
    // ("…, which ends on 30 November"); never a date on or before the day the text was written ("the
    // ticket was opened 2026-11-03", "(INC-2041, 2026-11-03)" say when something happened).
    // (A date the step is due by — "Prod bis Ende Q4 umstellen" — is no gate: intent.ts reads it as the step's due date.)
    const date = own
      .map((part, i) => ((i === 0 || END_WORD.test(part)) && !dueIn(part, written) ? readDeadline(part, written).date : undefined))
      .find((d) => d !== undefined && d > written.slice(0, 10));
    const outside = OUTSIDE.exec(clause)?.[1];
    if (!date && !outside) continue;
    return { clause, ...(date ? { date } : {}), ...(outside ? { outside } : {}) };
  }
  return undefined;
}

/** The date the change's own plan document gives the waiting environment's step, for a text that
 * holds `env` back without a date ("prod in the window, see docs/changes/CHG-0412.md", "production
 * per the runbook"): a document the change's commit wrote, or one its text names by path, whose
 * sentence (or table row) naming `env` gives a date after the document was written ("| prod |
 * 2026-12-08 22:00 CET | approved |"). A plan's row for a day already passed when it was written is
 * a record, not the step's date. Documents written after `today` are not read. */
export function planDocumentGate(
  env: EnvName,
  change: { commit: string; text: string },
  environments: EnvName[],
  log: CommitLog | undefined,
  today?: string,
): (Gate & { date: string; path: string; sha: string }) | undefined {
  // The plan is the one the change wrote, names by its path, or files under the change's own ticket:
  // "prd via the change window" with "(CHG-0612)", and docs/changes/CHG-0612.md written since.
  const tickets = ticketsIn(change.text).map((t) => t.toLowerCase());
  for (const doc of log?.documents ?? []) {
    const path = doc.path.toLowerCase();
    if (doc.sha !== change.commit && !change.text.includes(doc.path) && !tickets.some((t) => path.includes(t))) continue;
    const written = log!.messages.get(doc.sha);
    if (!written || (today && written.date.slice(0, 10) > today)) continue;
    // A table's rows are read one by one (each is its environment's own line), the rest by paragraph.
    const blocks = doc.text.split(/\n[ \t]*\n/).flatMap((b) => (/^\s*\|/.test(b) ? b.split('\n') : [b]));
    for (const block of blocks) {
      const gate = gateFor(block, env, environments, written.date) ?? rowGate(block, env, written.date);
      if (gate?.date) return { ...gate, date: gate.date, path: doc.path, sha: doc.sha };
    }
  }
  return undefined;
}

/** A table row whose first cell names `env` and whose next cell is a bare date ("| prod | 10.12.2026
 * 22:00 | approved |"), read as that environment's date when it is after the day the row was written. */
function rowGate(row: string, env: EnvName, written: string): Gate | undefined {
  const cells = row
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean);
  if (cells.length < 2 || !mentions(cells[0]!, env)) return undefined;
  const date = dateNamed(cells[1]!, written);
  return date && date > written.slice(0, 10) ? { clause: row, date } : undefined;
}

// A change that held the next environment back for someone's go or an approval ("Production stays
// off until Sofia gives the go", "Prod is not in this commit: CHG-2291 is raised for the next CAB",
// "Prod erst nach Freigabe durch Sofia") is decided by the later text that gives it, wherever that
// text is: a committed change record ("Decision: Approved"), the body of a merge of some other
// branch, a closing commit, a note. A person settling the difference looks for the gate the change
// named — its ticket, the person whose go it waits for — and reads what was written since under
// that ticket or by (or of) that person about the change.
//
// Only those links count: a go for the key found by its words alone may be a go for another change
// and is answered.ts' to weigh, at a lower confidence. A go for another environment, a go set as a
// condition ("OK for prod once the load test is green"), a refusal written later, or a go from the
// person that names another feature decides nothing here. Pure: reads the log it is given.
import type { EnvName, KeyPath } from '../model/types.js';
import { documentIndex, keyName } from './documents.js';
import { mentions } from './envnames.js';
import { goFor } from './conditions.js';
import { dateNamed } from './deadline.js';
import { keyWords } from './held.js';
import { doubtIn, foreignWord } from './languages.js';
import { mended } from './mended.js';
import { isContingency } from './contingency.js';
import { regex, escapeRegExp } from './pattern.js';
import { logTexts } from './texts.js';
import { ticketsIn, type CommitLog } from './log.js';
import { describeMessage, short } from './words.js';
import { sentenceEnds } from './sentence-end.js';

/** The gate a change set for the environment it held back: the sentence, its tickets, the people named. */
export interface GoGate {
  sentence: string;
  tickets: string[];
  people: string[];
}

/** A later text's word on the gate: the go (possibly from a date on), or a refusal. */
export interface GoWord {
  says: 'go' | 'refused';
  quote: string;
  where: string;
  sha: string;
  written: string;
  /** The day the go takes effect, where its sentence names one ("ab 24.11.", "from 1 December"). */
  on?: string;
  /** How it is linked to the gate. */
  by: 'ticket' | 'person';
}

// Waiting, in a sentence naming the held environment: "until", "after", "waits for", "pending",
// "not in this commit", "stays off", "held back", "erst nach", "wartet auf", "hasta", "espera",
// "jusqu'à", "attend", "na", "wacht op", "czeka na".
const WAITS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|after|once|when|waits?|waiting|awaits?|awaiting|pending|not (?:yet|in this (?:commit|change|pr|mr|pull request))|`,
  String.raw`(?:stays?|remains?|kept|held|holds?) (?:off|back|out|at|on|as is)|hold(?:ing)? (?:it )?back|needs?|requires?|`,
  String.raw`bis|erst|sobald|nach|wartet|warten|hasta|espera|después de|tras|jusqu'(?:à|au)|attend|après|dès|tot|wacht|zodra|czeka|dopiero|po)(?![\p{L}])`,
);
// What it waits for is someone's go or an approval: "go", "approval", "sign-off", "CAB", "change
// process", "green light", "Freigabe", "Genehmigung", "visto bueno", "aprobación", "feu vert",
// "validation", "goedkeuring", "groen licht", "zgoda", "akceptacja".
const GO_AWAITED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:go(?:-ahead| ahead)?|ok|okay|approv(?:al|es|ed|e)|sign(?:s|ed)?[- ]?off|cab|change (?:process|request|record|board|approval)|`,
  String.raw`green light|freigabe|freigibt|freigegeben|genehmigung|abnahme|visto bueno|aprobación|aprobacion|aprueba|luz verde|feu vert|validation|accord|`,
  String.raw`goedkeuring|groen licht|akkoord|zgod[ayę]|akceptacj[aię]|zatwierdzeni[ea])(?![\p{L}])`,
);
// An approval recorded on its own, as a change record or a reply writes it: "Decision: Approved",
// "Approved by the CAB", "CAB: approved", "genehmigt", "aprobado", "approuvé", "goedgekeurd".
const APPROVED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:approved|granted|accepted|signed[- ]off|genehmigt|freigegeben|aprobad[oa]|approuvée?|goedgekeurd|zatwierdzon[ye]|одобрено|承認)(?![\p{L}])`,
);
// A refusal written later: "rejected", "not approved", "denied", "no-go", "abgelehnt", "rechazado", "refusé".
const REFUSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:rejected|refused|denied|declined|not approved|no[- ]go|vetoed|abgelehnt|nicht genehmigt|keine freigabe|rechazad[oa]|`,
  String.raw`denegad[oa]|refusée?|afgewezen|odrzucon\p{L}*|отклонен\p{L}*)(?![\p{L}])`,
);
// A go taken back: "approval withdrawn", "sign-off revoked", "Freigabe zurückgezogen", "aprobación retirada".
const WITHDRAWN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:approval|go|go-ahead|sign-?off|ok|green light|freigabe|genehmigung|aprobación|visto bueno|validation|accord|goedkeuring)`,
  String.raw`\s+(?:is\s+|was\s+|has been\s+|wurde\s+|ist\s+)?(?:withdrawn|revoked|pulled|retracted|cancell?ed|on hold|zurückgezogen|widerrufen|retirad[oa]|`,
  String.raw`anulad[oa]|retirée?|annulée?|ingetrokken|wycofan\p{L}*)(?![\p{L}])`,
);
// The held environment kept where it is, said later: "Production stays at 30 EUR", "Prod bleibt bei 2".
const KEPT = regex('iu', String.raw`(?<![\p{L}])(?:stays?|remains?|keeps?|is kept|bleibt|se queda|sigue|reste|blijft|zostaje|fica)(?![\p{L}])`);
// A go still set as a condition: "approved, provided the load test passes", "OK once …", "sobald".
const CONDITIONAL = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|when|unless|provided|providing|subject to|on condition|as soon as|after|wenn|falls|sobald|sofern|`,
  String.raw`si|cuando|siempre que|une fois|dès que|à condition|als|zodra|mits|jeśli|pod warunkiem)(?![\p{L}])`,
);

// A table row's cells read as one line ("| Decision | **Approved** |" → "Decision: Approved").
const cellsOf = (text: string): string =>
  /^\s*\|/.test(text)
    ? text
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean)
        .join(': ')
    : text;

const sentencesOf = (text: string): string[] =>
  mended(cellsOf(text))
    .replace(/\*\*|__|`/g, '')
    .split(sentenceEnds(/(?<=[.!?;。])\s+|\n+/))
    .map((s) => s.replace(/^\s*(?:[-*•>|]\s*)+/, '').trim())
    .filter(Boolean);

const firstName = (author: string) => author.trim().split(/\s+/)[0] ?? '';
const namesPerson = (text: string, person: string) => new RegExp(`(?<![\\p{L}])@?${escapeRegExp(person)}(?![\\p{L}])`, 'iu').test(text);

/** The sentence of a change's text that holds `held` back for a go or an approval naming who or
 * what gives it: a ticket, or a person of the log (someone who wrote a commit, by first name). */
export function goGate(text: string, held: EnvName, people: readonly string[], environments: readonly EnvName[] = [held]): GoGate | undefined {
  for (const s of sentencesOf(text)) {
    if (/[?？]\s*$/u.test(s) || !mentions(s, held) || !WAITS.test(s) || !GO_AWAITED.test(s)) continue;
    const tickets = ticketsIn(s);
    const named = [
      ...new Set([
        ...people.filter(
          (p) => new RegExp(`(?<![\\p{L}])${escapeRegExp(p)}(?![\\p{L}])`, 'u').test(s) || new RegExp(`@${escapeRegExp(p)}(?![\\p{L}])`, 'iu').test(s),
        ),
        ...namedAsGiver(s).filter((p) => !environments.some((e) => mentions(p, e))),
      ]),
    ];
    if (tickets.length === 0 && named.length === 0) continue;
    return { sentence: s, tickets, people: named };
  }
  return undefined;
}

// Who gives the go, named where the log has no commit of theirs: "until Sofia gives the go", "Sofia's
// sign-off", "approval by Marek", "Freigabe durch Marek", "el visto bueno de Priya", "le feu vert de
// Ines", "goedkeuring van Joris" — a capitalised name after the giver's preposition or before the giving.
const GIVER_AFTER = regex('gu', String.raw`(?<![\p{L}])(?:by|from|of|von|durch|de|del|par|door|van|przez|od|da|di)\s+@?(\p{Lu}\p{Ll}{2,})(?![\p{L}])`);
const GIVER_BEFORE = regex(
  'gu',
  String.raw`(?<![\p{L}])(\p{Lu}\p{Ll}{2,})(?:['’]s\s+(?:go|ok|okay|approval|sign-?off|green light|call)|\s+(?:gives?|signs?|approves?|oks?|confirms?|`,
  String.raw`says? go|gibt|erteilt|freigibt|da|donne|geeft|daje))(?![\p{L}])`,
);
function namedAsGiver(s: string): string[] {
  return [...s.matchAll(GIVER_AFTER), ...s.matchAll(GIVER_BEFORE)].map((m) => m[1]!);
}

// Once per log: asked for every gate of every verdict, going through ~1,500 authors each time was 16%
// of a first scan's allocation on the bench's corpus. Going through the messages records no read
// (reads.ts), so the first verdict to ask records what a later one would.
const peopleByLog = new WeakMap<CommitLog, readonly string[]>();

/** The first names of the log's authors (three letters or more): the people a gate may name. */
export function peopleOf(log: CommitLog): readonly string[] {
  let people = peopleByLog.get(log);
  if (people) return people;
  const out = new Set<string>();
  for (const m of log.messages.values()) {
    const name = firstName(m.author);
    if (name.length >= 3 && /^\p{Lu}/u.test(name)) out.add(name);
  }
  peopleByLog.set(log, (people = [...out]));
  return people;
}

/** What one sentence says of the go for `held`: a go (with its day, if it names one), a refusal,
 * or nothing. `bare` approvals ("Decision: Approved") count where the text is the gate's own record. */
function wordOf(s: string, held: EnvName, environments: readonly EnvName[], written: string, bare: boolean): Pick<GoWord, 'says' | 'on'> | undefined {
  if (/[?？]\s*$/u.test(s)) return undefined;
  // A sentence naming environments speaks for those only ("approved for staging").
  const named = environments.filter((e) => mentions(s, e));
  if (named.length > 0 && !named.includes(held)) return undefined;
  const refused = REFUSED.exec(s) ?? WITHDRAWN.exec(s);
  if (refused && !doubtIn(s, refused.index, refused[0].length)) return { says: 'refused' };
  const kept = named.includes(held) ? KEPT.exec(s) : null;
  if (kept && !doubtIn(s, kept.index, kept[0].length)) return { says: 'refused' };
  const go = goFor(s, held) ?? (bare ? approvalIn(s) : undefined);
  if (!go) return undefined;
  const at = s.toLowerCase().indexOf(go.toLowerCase());
  if (CONDITIONAL.test(s.slice(Math.max(0, at) + go.length)) || CONDITIONAL.test(s.slice(0, Math.max(0, at)))) return undefined;
  const on = dateNamed(s.slice(Math.max(0, at) + go.length), written);
  return { says: 'go', ...(on ? { on } : {}) };
}

/** A recorded approval standing on its own ("Decision: Approved", "CAB approved it", "Freigabe erteilt"). */
function approvalIn(s: string): string | undefined {
  const m = APPROVED.exec(s);
  if (m && !doubtIn(s, m.index, m[0].length)) return m[0];
  return foreignWord(s, 'approved')?.phrase;
}

/** The change whose held step is asked about. */
export interface HeldChange {
  key: KeyPath;
  /** The environment held back. */
  held: EnvName;
  /** The change's commit, and the merges that brought it in: their text is the change's own. */
  commit: string;
  own: readonly string[];
  date: string;
  environments: readonly EnvName[];
  today?: string;
}

/** Does the text name the change: its key by name, or two of its words ("summary v2 … checkout")? */
function namesChange(lower: string, text: string, key: KeyPath): boolean {
  const name = keyName(key);
  if (name && (name.run === undefined || lower.includes(name.run)) && name.pattern.test(text)) return true;
  const words = keyWords(key);
  return words.filter((w) => lower.includes(w)).length >= Math.min(2, words.length) && words.length > 0 && (words.length > 1 || lower.includes(words[0]!));
}

/** The newest word written since the change, under the gate's ticket or by (or of) the gate's
 * person and naming the change, on the held environment's go. */
export function goGiven(gate: GoGate, change: HeldChange, log: CommitLog): GoWord | undefined {
  const after = Date.parse(change.date);
  const skip = new Set([change.commit, ...change.own]);
  const tickets = new Set(gate.tickets.map((t) => t.toUpperCase()));
  const out: GoWord[] = [];
  const fresh = (date: string, sha: string) => Date.parse(date) > after && !skip.has(sha) && !(change.today && date.slice(0, 10) > change.today);
  for (const doc of documentIndex(log)) {
    if (!fresh(doc.written.date, doc.written.sha)) continue;
    // Tested on the document's lower-case whole before its passages are read: looking into a document
    // is recorded as a read of it (reads.ts), and one that cannot link is not this verdict's.
    const mayCite = [...doc.tickets].some((t) => tickets.has(t.toUpperCase()));
    const mayPerson =
      gate.people.some((x) => firstName(doc.written.author) === x || doc.lower.includes(x.toLowerCase())) && namesChange(doc.lower, doc.lower, change.key);
    if (!mayCite && !mayPerson) continue;
    const wholeTicket =
      [...doc.tickets].some((t) => tickets.has(t.toUpperCase())) &&
      ticketsIn(doc.path + '\n' + doc.text.split('\n', 1)[0]).some((t) => tickets.has(t.toUpperCase()));
    const byPerson = gate.people.some((p) => firstName(doc.written.author) === p);
    for (const p of doc.passages) {
      // A section that says how to undo the change should it fail is a contingency, not a word on the go.
      if (isContingency(p)) continue;
      const cites = p.tickets.some((t) => tickets.has(t.toUpperCase()));
      const ofPerson = (byPerson || gate.people.some((x) => namesPerson(p.text, x))) && namesChange(doc.lower, doc.text, change.key);
      const by = cites || wholeTicket ? 'ticket' : ofPerson ? 'person' : undefined;
      if (!by) continue;
      // A row read with its headers ("Status: Approved"); a row of a table without headers, cell after cell.
      for (const s of sentencesOf(p.row && /:\s/.test(p.row) ? p.row : p.text)) {
        const w = wordOf(s, change.held, change.environments, doc.written.date, by === 'ticket');
        if (w)
          out.push({
            ...w,
            quote: s.slice(0, 200),
            where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})`,
            sha: doc.written.sha,
            written: doc.written.date,
            by,
          });
      }
    }
  }
  for (const t of logTexts(log).all) {
    const m = t.note;
    if (!fresh(m.date, m.sha)) continue;
    const cites = t.tickets.some((x) => tickets.has(x.toUpperCase()));
    const ofPerson =
      (gate.people.includes(firstName(m.author)) || gate.people.some((x) => namesPerson(m.body, x))) && namesChange(t.folded, t.text, change.key);
    const by = cites ? 'ticket' : ofPerson ? 'person' : undefined;
    if (!by) continue;
    // A merge's subject is its branch's name; its body is what was written.
    for (const s of sentencesOf(t.merge ? m.body : t.text)) {
      const w = wordOf(s, change.held, change.environments, m.date, by === 'ticket');
      if (w)
        out.push({
          ...w,
          quote: s.slice(0, 200),
          where: describeMessage(m),
          sha: m.sha,
          written: m.date,
          by,
        });
    }
  }
  // The latest word decides: a refusal after a go takes it back; in one text, the sentence further down.
  return out
    .map((w, i) => ({ w, i }))
    .sort((a, b) => Date.parse(b.w.written) - Date.parse(a.w.written) || b.i - a.i)
    .map(({ w }) => w)[0];
}

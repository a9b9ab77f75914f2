// A recorded decision that adopts a value for everyone — an experiment's readout naming the winner
// "for all users", a product decision "pour tous les utilisateurs", "für alle Nutzer" — is the
// go for every environment that serves those users: an environment that took the value carried the
// decision out, and the one that serves them and still holds the old value has a step not yet taken.
// Read only in a record the change cites (its ticket), in a sentence that names the value, frames it
// as decided (a decision, a winner, an adoption) and is not asked, set as a condition, proposed,
// negated, scoped to one environment, temporary or dated ahead of today.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { CommitLog } from './log.js';
import { ticketsIn } from './log.js';
import { linkedPassages } from './documented.js';
import { namesValue } from './documents.js';
import { readIntent } from './intent.js';
import { readDeadline } from './deadline.js';
import { negatedBefore } from './conditions.js';
import { mentions } from './envnames.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { short } from './words.js';

// Everyone who uses the thing, in the languages the tables read: "for all users", "für alle Nutzer",
// "pour tous les utilisateurs", "para todos los clientes", "voor iedereen", "dla wszystkich użytkowników".
const EVERYONE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:(?:for|to) (?:all|every) (?:(?:our|the) )?(?:users?|customers?|clients?|tenants?|visitors?|shoppers?|traffic)|(?:for|to) every(?:one|body)|`,
  String.raw`für jeden|(?:pour|à) tous les (?:utilisateurs|clients|visiteurs)|pour tout le monde|`,
  String.raw`para (?:todos|todas) (?:los |las |os |as )?(?:usuari[oa]s|utilizador(?:es|as)|clientes|visitantes)|para todo el mundo|para toda a gente|`,
  String.raw`(?:per|a) tutti (?:gli )?(?:utenti|clienti|visitatori)|per tutti|`,
  String.raw`voor (?:alle (?:gebruikers|klanten|bezoekers)|iedereen)|för (?:alla (?:användare|kunder|besökare)|alla)|`,
  String.raw`for alle (?:brugere|brukere|kunder|besøgende)|dla (?:wszystkich (?:użytkowników|klientów)|wszystkich)|`,
  String.raw`kaikille (?:käyttäjille|asiakkaille)|kaikille|pro (?:všechny (?:uživatele|zákazníky|klienty)|všechny))(?![\p{L}])|`,
  // (German nouns by their stem: "Nutzer", "Nutzern", "Nutzerinnen".)
  String.raw`(?:für alle|allen) (?:Nutzer|Benutzer|Kund|Anwender|Besucher))`,
);
// The sentence frames the value as decided, not as measured or hoped for (whole words, then stems).
const DECIDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:decision|decided|decides|winner|wins|won|adopt(?:ed|s)?|becomes|will become|ships? to|goes to|`,
  String.raw`Entscheidung|entschieden|beschlossen|Gewinner|wird (?:zum|zur|der|die|das)|décision|devient|`,
  String.raw`decisión|decidid[oa]|se convierte|decisão|torna-se|passa a ser|`,
  String.raw`decisione|decis[oa]|diventa|besluit|besloten|winnaar|wordt|vinnare|blir|beslutning|vinder|vinner|`,
  String.raw`zostaje|päätös|päätetty|päätti|voittaja|tulee|rozhodnutí|rozhodnuto|stává se|bude)(?![\p{L}])|`,
  String.raw`décidé|gagnant|ganador|vencedor|vincitor|beslut|decyzj|zdecydowan|zwycięzc|rozhodl|vítěz)`,
);
// Not yet decided: asked, set as a condition, proposed or weighed ("if ltr-v2 wins, …", "proposal: …", "…?").
const OPEN = regex(
  'iu',
  String.raw`[?？]\s*$|(?<![\p{L}])(?:(?:if|once|unless|whether|candidate|might|could|`,
  String.raw`falls|wenn|sobald|ob|Vorschlag|vorgeschlagen|si|quand|proposition|propuesta|proponemos|cuando|proposta|qualora|`,
  String.raw`indien|zodra|voorstel|förslag|forslag|jeśli|jeżeli|czy|propozycja|jos|ehdotus|pokud|jestli|návrh|zda)(?![\p{L}])|propos|suggest|consider)`,
);

export interface Adopted {
  where: string;
  sha: string;
  quote: string;
}

/** The sentence of a record the change cites that adopts `value` for everyone, or undefined: `leader`
 * took the value in `change`, `lagging` has not taken it; `environments`, every environment of the scan. */
export function adoptedForEveryone(
  key: string,
  change: HistoryEvent,
  leader: EnvName,
  value: string,
  lagging: EnvName,
  environments: EnvName[],
  log: CommitLog | undefined,
  today?: string,
): Adopted | undefined {
  const tickets = ticketsIn(`${change.subject}\n${change.body}`);
  if (!log || tickets.length === 0) return undefined;
  for (const p of linkedPassages({ key, values: [value], tickets, env: leader, environments }, log)) {
    if (p.link !== 'ticket' || p.withdraws || p.undecided) continue;
    if (today && p.written.date.slice(0, 10) > today) continue;
    for (const sentence of p.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
      if (adopts(sentence, value, lagging, environments, p.written.date, p.written.author, today))
        return { where: `${p.file}:${p.line} (written in ${short(p.written.sha)})`, sha: p.written.sha, quote: sentence.trim().slice(0, 200) };
    }
  }
  return undefined;
}

/** Does the sentence adopt `value` for everyone, as decided, for every environment? */
export function adopts(sentence: string, value: string, lagging: EnvName, environments: EnvName[], written: string, author = '', today?: string): boolean {
  const all = EVERYONE.exec(sentence);
  if (!all || !namesValue(sentence, value) || !DECIDED.test(sentence) || OPEN.test(sentence)) return false;
  if (negatedBefore(sentence, all.index, 'clause')) return false;
  const intent = readIntent({ subject: sentence, body: '', author, email: '', date: written }, lagging, environments);
  if (intent.scope || intent.temporary || (intent.hold && !intent.hold.follows)) return false;
  // "for all users of staging": a sentence naming only other environments decides for them, not for the one lagging.
  if (!mentions(sentence, lagging) && environments.some((e) => e !== lagging && mentions(sentence, e))) return false;
  const date = readDeadline(sentence, written).date;
  return !(date && date > (today ?? written.slice(0, 10)));
}

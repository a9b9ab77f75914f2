// An environment's move to a value listed as an action in a record written after a change: a
// post-mortem's action item ("| sandbox maxComplexity → 400 | partner team | open |"), a checklist's
// "- [ ] staging: max complexity -> 400", "Sandbox: maxComplexity auf 400 setzen (offen)", "sandbox :
// maxComplexity à 400 (à faire)". Whoever wrote it decided the step; until the file holds the value the
// step is not taken, so that environment follows the change. The item names the environment, the key
// (as its words may be written) and the value after an arrow or a "to" word, in one cell or clause. Not
// an item cancelled, declined or negated, nor one asked, nor one written before the change.
import type { EnvName } from '../model/types.js';
import { negatedBefore } from './conditions.js';
import { documentIndex, keyNamePattern, namesQualifier, qualifiersOf } from './documents.js';
import { mentions } from './envnames.js';
import { ticketsIn, type CommitLog } from './log.js';
import { regex, escapeRegExp } from './pattern.js';
import { short } from './words.js';
import { wordsOfKey } from '../parse/key-words.js';

export interface ActionStep {
  where: string;
  sha: string;
  /** The item's line, as written. */
  item: string;
}

// The step's end value: after an arrow, or a "to" word in the languages read ("to", "auf", "à", "a",
// "para", "naar", "till", "til", "do", "op", "en").
const TO = String.raw`(?:→|->|=>|⇒|(?<![\p{L}])(?:to|auf|à|a|para|naar|till|til|do|op|en|på)\s)`;
// An item called off, in the languages read: "cancelled", "won't do", "dropped", "declined", "not needed",
// "abgebrochen", "verworfen", "annulé", "abandonné", "cancelado", "descartado", "annullato", "geannuleerd",
// "avbruten", "aflyst", "anulowane", "peruttu".
const CALLED_OFF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:cancell?ed|won'?t (?:do|fix)|wontfix|dropped|declined|rejected|abandoned|not needed|no longer needed|obsolete|`,
  String.raw`abgebrochen|verworfen|abgelehnt|entfällt|nicht (?:mehr )?nötig|annulée?|abandonnée?|refusée?|cancelad[oa]|descartad[oa]|rechazad[oa]|`,
  String.raw`annullat[oa]|scartat[oa]|geannuleerd|vervallen|afgewezen|avbruten|avbrutt|aflyst|avlyst|anulowan[eya]|odrzucon[eya]|peruttu|hylätty)(?![\p{L}])`,
);

// A value said where a key stands, not where it is to go: "staat op 200", "steht auf 200", "står på 200",
// "est à 200", "está en 200", "is still at" — the "to" words double as "at" in these languages, and a
// status line ("MAX_UPLOAD_MB staat op 200 in test/acc, prod op 50") lists no step.
const STANDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:staat|staan|stond|stonden|steht|stehen|stand|standen|står|stod|est|sont|était|está|están|estaba|sta|stanno|stava|fica|ficam|estão|stoi|stoją)`,
  String.raw`(?:\s+(?:nog|al|noch|schon|bereits|fortfarande|redan|toujours|déjà|todavía|aún|ya|ancora|già|ainda|já|nadal|już))?$`,
);

// An action item that carries the change itself to another environment, in the record that names the key and
// its value: "- [ ] Same change in acc", "- [ ] Samma ändring i acc", "| dieselbe Änderung in Staging | offen |",
// "- [ ] même modification en préprod", "- [ ] el mismo cambio en staging". The record says what the change is;
// the item needs no key and no value of its own.
const SAME_CHANGE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:the )?same (?:change|fix|setting)|samma (?:ändring|fix|inställning)|samme (?:endring|ændring|fix|innstilling|indstilling)|`,
  String.raw`(?:dieselbe|die gleiche|die selbe|gleiche) (?:änderung|einstellung)|(?:le |la )?même (?:changement|modification|correctif|réglage)|`,
  String.raw`(?:el )?mismo (?:cambio|ajuste)|(?:a )?mesma (?:mudança|alteração)|(?:la )?stessa modifica|(?:de|dezelfde|zelfde) (?:wijziging|aanpassing)|`,
  String.raw`(?:ta|tę) sam[aą] zmian[aę]|`,
  // … or its values, where the record named them: "the same two parameters", "dezelfde twee parameters", "dieselben
  // beiden Werte", "les mêmes deux paramètres", "los mismos valores", "samma två inställningar", "de samme parametre".
  String.raw`(?:the )?same (?:(?:two|three|both) )?(?:parameters|values|settings)|(?:dezelfde|zelfde) (?:(?:twee|drie) )?(?:parameters|waarden|instellingen)|`,
  String.raw`(?:dieselben|die gleichen|die selben|gleichen) (?:(?:beiden|zwei|drei) )?(?:parameter|werte|einstellungen)|`,
  String.raw`(?:les )?mêmes (?:(?:deux|trois) )?(?:paramètres|valeurs|réglages)|(?:los )?mismos (?:(?:dos|tres) )?(?:parámetros|valores|ajustes)|`,
  String.raw`samma (?:(?:två|tre) )?(?:parametrar|värden|inställningar)|(?:de )?samme (?:(?:to|tre) )?(?:parametre|parametere|værdier|verdier|indstillinger|innstillinger))(?![\p{L}])`,
);
// An item keeping its own environment as it is, whatever words of sameness it holds: "demo keeps the same values",
// "acc behoudt dezelfde waarden", "Demo behält dieselben Werte", "la démo garde les mêmes valeurs".
const KEEPS =
  /(?<![\p{L}])(?:keeps?|keeping|retains?|stays?|behoudt|houdt|blijft|behält|behalten|bleibt|garde|conserve|reste|mantiene|conserva|behåller|beholder)(?![\p{L}])/iu;
// A value put back where it was, in the languages read: "put the timeout back in prod (60s)", "restore", "reinstate",
// "re-apply", "wieder einsetzen", "wiederherstellen", "remettre", "rétablir", "reponer", "restablecer", "ripristinare",
// "rimettere", "terugzetten", "återställa", "sætte tilbage", "gendanne", "przywrócić". A record that says the value
// must return names it by the sentence's own words: the value after the verb, the key by its last word where the
// record names the key in full (a post-mortem's "the timeout", once it wrote `statement_timeout`).
const PUT_BACK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:put(?:ting)? (?:\p{L}+ ){0,3}back|bring(?:ing)? (?:\p{L}+ ){0,3}back|restor(?:e|ing)|reinstat(?:e|ing)|re-?apply(?:ing)?|`,
  String.raw`wieder (?:ein(?:setzen|führen|spielen)|herstellen|setzen)|wiederherstellen|remettre|rétablir|reponer|restablecer|volver a poner|`,
  String.raw`ripristinare|rimettere|terugzetten|terug zetten|opnieuw (?:zetten|instellen)|återställa|återinför[ae]|sætte (?:\p{L}+ ){0,3}tilbage|gendanne|`,
  String.raw`przywrócić)(?![\p{L}])`,
);

/** The key's last word, as a sentence names the key once its record has named it in full ("the timeout" for
 * `app.postgres.statement-timeout`): a word of four letters or more. */
function lastWordPattern(key: string): RegExp | undefined {
  const last = wordsOfKey(
    key
      .split(/[.[\]/=]/)
      .filter(Boolean)
      .at(-1) ?? key,
  ).at(-1);
  if (!last || !/^[A-Za-z]{4,}$/.test(last)) return undefined;
  return new RegExp(String.raw`(?<![A-Za-z0-9_])${escapeRegExp(last)}(?![A-Za-z0-9_])`, 'i');
}

// A list item or a table row, not ticked off ("- [x]" is done, or reports itself done).
const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)]|\|)(?!\s*\[[xX]\])/;
// An item's state written per environment, the step done in one and open in another ("| pro-eu done (11/03);
// pro-latam open |", "Staging erledigt, Prod offen", "pro-eu hecho; pro-latam abierto", "acc fait, prod à faire"): the
// record lists the open environment's move as the step it has not taken. The words of each state, in the languages read.
const OPEN_STATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:open|pending|outstanding|to ?do|not (?:yet )?done|offen|ausstehend|noch nicht (?:erledigt|umgesetzt)|abiert[oa]|pendiente|`,
  String.raw`ouvert|en attente|à faire|pas encore fait|aperto|in sospeso|da fare|openstaand|nog niet gedaan|öppen|ej klar|åben|ikke gjort|åpen|otwart[eay])(?![\p{L}])`,
);
const DONE_STATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:done|completed?|finished|erledigt|umgesetzt|fertig|hech[oa]|completad[oa]|fait|terminé|fatto|completato|klaar|gedaan|afgerond|`,
  String.raw`klar|gjort|udført|utført|zrobione|wykonane)(?![\p{L}])`,
);

/** A key's name with its system's prefix gone, as the system's own documents write it: MYSQL_BINLOG_EXPIRE_LOGS_SECONDS
 * is `binlog_expire_logs_seconds` in an audit that quotes MySQL. Only a long name (three words or more once the prefix
 * is gone, twelve letters or more), which no other key's words run into by chance. */
function unprefixedPattern(key: string): RegExp | undefined {
  const words = wordsOfKey(
    key
      .split(/[.[\]/=]/)
      .filter(Boolean)
      .at(-1) ?? key,
  ).map((w) => w.toLowerCase());
  const rest = words.slice(1);
  if (rest.length < 3 || rest.join('').length < 12 || rest.some((w) => !/^[a-z0-9]+$/.test(w))) return undefined;
  return new RegExp(String.raw`(?<![A-Za-z0-9])${rest.join('[-_ ]?')}(?![A-Za-z0-9])`, 'i');
}

// A list item ticked off: done, whatever it says.
const TICKED = /^\s*(?:[-*+]|\d{1,3}[.)])\s*\[[xX]\]/;

/** The line ends in a question mark (a table row's before its closing bar): trimmed, not matched, since a
 * pattern anchored at the end after white space backtracks quadratically on a run of it. */
function asked(line: string): boolean {
  const end = line.trimEnd();
  const last = end.endsWith('|') ? end.slice(0, -1).trimEnd() : end;
  return last.endsWith('?') || last.endsWith('？');
}

/** A key whose leaf is too short for prose to name it alone (`cache.ttl`, `db.tls`: "TTL" names too many
 * things) is named in a record by its path: its leaf with its parent, as the file writes them. */
function pathNamePattern(key: string): RegExp | undefined {
  const parts = key.split('.').filter(Boolean);
  if (parts.length < 2 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  return new RegExp(String.raw`(?<![A-Za-z0-9_.-])${escapeRegExp(parts.slice(-2).join('.'))}(?![A-Za-z0-9_-])`, 'i');
}

/** The first action item, in a document written after `changedAt` and by `today`, that moves `env`'s
 * `key` to `value`. */
export function actionStep(
  key: string,
  env: EnvName,
  value: string | null,
  changedAt: string,
  log: CommitLog | undefined,
  today?: string,
  /** Asked for a key no contract entry pairs with the environment (a cross-env difference): a leaf another
   * key of the scan shares must come with a word of the key's own path. A contract pair's item names the
   * pair's key in the post-mortem of its change ("sandbox maxComplexity → 400"), and is read as before. */
  shared: 'qualified' | 'any' = 'any',
  /** The ids the change cites ("CAB-EXC-0931"): a record's row citing one of them is about the change, made in
   * `env`, and names it as surely as the environment's name would (a freeze review's "| CAB-EXC-0931 | coupons
   * 1 → 3 | pending: maxPerOrder back to 1 |" lists the change's own put-back). */
  cited: readonly string[] = [],
): ActionStep | undefined {
  const named = keyNamePattern(key) ?? pathNamePattern(key);
  if (!log || !named || value === null || value.trim() === '') return undefined;
  const step = regex('iu', TO, String.raw`\s*[\x60"'“]?`, escapeRegExp(value), String.raw`(?![\p{L}\p{N}_]|[.,]\p{N})`);
  // A leaf another key of the scan shares (`api.timeout`, `db.timeout`) names this key only with a word of
  // its own path, as documented.ts reads passages ("production timeout raised to 30" names neither).
  const qualifiers = shared === 'qualified' ? qualifiersOf(key, log) : undefined;
  const ids = new Set(cited.map((t) => t.toUpperCase()));
  const unprefixed = unprefixedPattern(key);
  const citing = (text: string) => ids.size > 0 && ticketsIn(text).some((t) => ids.has(t.toUpperCase()));
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (Date.parse(written) <= Date.parse(changedAt) || (today && written.slice(0, 10) > today)) continue;
    const cites = ids.size > 0 && [...doc.tickets].some((t) => ids.has(t.toUpperCase()));
    if (!doc.lower.includes(value.toLowerCase()) || !(mentions(doc.lower, env) || cites)) continue;
    // (The record names the key with a word of its own path where a leaf is shared, as an item would.)
    const aboutKey = (named.test(doc.text) || !!unprefixed?.test(doc.text)) && (!qualifiers || namesQualifier(doc.lower, qualifiers));
    const last = aboutKey ? lastWordPattern(key) : undefined;
    const valued = regex('iu', String.raw`(?<![\p{L}\p{N}_.])`, escapeRegExp(value), String.raw`(?![\p{L}\p{N}_]|[.,]\p{N})`);
    for (const line of doc.text.split('\n')) {
      if (line.length > 400 || asked(line) || CALLED_OFF.test(line)) continue;
      // Asked with the change's ids, only a row citing one of them speaks of the change: a status line or a pull
      // request's title naming the environment and the old value ("prod op 50", "PR #412 (revert uat TTL to 300)
      // opened") is no step decided.
      if (ids.size > 0 && !(ITEM.test(line) && citing(line))) continue;
      const same = aboutKey && ITEM.test(line) ? SAME_CHANGE.exec(line) : null;
      if (same && mentions(line, env) && !negatedBefore(line, same.index, 'clause') && !KEEPS.test(line.slice(0, same.index))) {
        return { where: `${doc.path} (written in ${short(doc.written.sha)})`, sha: doc.written.sha, item: line.trim().slice(0, 200) };
      }
      // A sentence putting the value back in the environment: the key (or, in a record naming it, its last word), the
      // environment and the value after the verb — "À faire : remettre le timeout en prod (60s)".
      for (const sentence of aboutKey && !TICKED.test(line) ? line.split(/(?<=[.!;])\s|\|/) : []) {
        const verb = PUT_BACK.exec(sentence);
        if (!verb || !mentions(sentence, env) || negatedBefore(sentence, verb.index, 'clause')) continue;
        const after = sentence.slice(verb.index);
        if (!valued.test(after) || !(named.test(sentence) || last?.test(sentence))) continue;
        return { where: `${doc.path} (written in ${short(doc.written.sha)})`, sha: doc.written.sha, item: line.trim().slice(0, 200) };
      }
      // A state per environment in an item of the record: the environment's own cell or clause open, another one done.
      if (aboutKey && ITEM.test(line)) {
        const parts = line.split(/\||;|,/);
        const open = parts.find((p) => mentions(p, env) && OPEN_STATE.test(p) && !DONE_STATE.test(p) && !negatedBefore(p, OPEN_STATE.exec(p)!.index, 'clause'));
        if (open && parts.some((p) => p !== open && DONE_STATE.test(p) && !OPEN_STATE.test(p) && !mentions(p, env))) {
          return { where: `${doc.path} (written in ${short(doc.written.sha)})`, sha: doc.written.sha, item: line.trim().slice(0, 200) };
        }
      }
      // One cell of a table, one clause of a list item: the environment, the key and the value together (or a row
      // citing the change: its environment is the change's).
      const row = cites && ITEM.test(line) && citing(line);
      for (const part of line.split(/\||;|(?<=[.!])\s/)) {
        if (!(row || mentions(part, env)) || !named.test(part) || (qualifiers && !namesQualifier(part.toLowerCase(), qualifiers))) continue;
        const to = step.exec(part);
        if (!to || negatedBefore(part, to.index, 'clause') || STANDS.test(part.slice(Math.max(0, to.index - 40), to.index).trimEnd())) continue;
        return { where: `${doc.path} (written in ${short(doc.written.sha)})`, sha: doc.written.sha, item: line.trim().slice(0, 200) };
      }
    }
  }
  return undefined;
}

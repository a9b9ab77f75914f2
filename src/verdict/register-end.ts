// A register (an access request's log, a security exception's table, a change's approvals) keeps one
// row per decision, and gives each row's end in a column of its own: "| 2027-07-29 | extended (phase 2
// late) | 2027-09-15 |" under "| date | decision | until |". The row's first date is the day it was
// decided; its end is the cell under the end column. A row whose decision extends the measure moves
// its end to that cell's day — and only there: an extension whose day has passed has run out too.
import { dateNamed } from './deadline.js';
import { dateIn } from './calendar.js';
import { saidMatch } from './languages.js';
import { regex } from './pattern.js';

// An approval prolonged or renewed, in the languages read: "extended", "renewed", "verlängert",
// "prolongé", "prorogé", "reconduit", "prorrogado", "prolungato", "prorogato", "verlengd", "förlängd",
// "forlænget", "forlenget", "przedłużono", "jatkettu", "prelungit", "prorrogat", "perllongat".
export const EXTENDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:extend(?:ed|s|ing)?|extension|prolong\p{L}*|verlänger\p{L}*|prorrog\p{L}*|prorog\p{L}*|prolung\p{L}*|`,
  String.raw`verleng\p{L}*|förläng\p{L}*|forlæng\p{L}*|forleng\p{L}*|przedłuż\p{L}*|jatke\p{L}*|renew(?:ed|al)?|`,
  String.raw`reconduit\p{L}*|erneuert|prelungi\p{L}*|perllonga\p{L}*|estendid\p{L}*|`,
  // Renewed: "renovada" (Catalan, Spanish, Portuguese), "renovat", "renovação", "renouvelé", "rinnovata", "verlängert" above.
  String.raw`renovad[oa]s?|renovat|renovação|renovación|renouvel\p{L}*|rinnovat[oaie])(?![\p{L}])`,
);

// The header of a register's end column, whole: "until", "valid until", "expires", "end date", "bis",
// "gültig bis", "jusqu'au", "échéance", "hasta", "vencimiento", "scadenza", "fino al", "geldig tot",
// "einddatum", "até", "validade", "giltig till", "till och med", "slutdatum", "gyldig til", "til og med", "udløber", "ważne do",
// "asti", "voimassa", "până la", "valabil până la", "fins al", "venciment", "kehtib" / "kehtib kuni" (Estonian: in force,
// until), "aegub", "lõpp", "érvényes" / "lejárat" (Hungarian: valid, expiry), "meddig".
const END_HEADER = regex(
  'iu',
  String.raw`^(?:until|till|to|through|expires?|expiry(?: date)?|expiration(?: date)?|ends?|end date|new end|valid (?:until|to|through|till)|`,
  // The end a renewal gives, named as the new one beside the old: "new expiry", "nou venciment", "nuevo vencimiento",
  // "nouvelle échéance", "neues Ablaufdatum", "nuova scadenza", "novo vencimento", "nieuwe einddatum".
  String.raw`new (?:expiry|expiration|end)(?: date)?|new (?:deadline|until)|nou venciment|nova data de fi|nuevo vencimiento|nueva fecha (?:de )?fin|`,
  String.raw`nouvelle (?:échéance|date de fin)|neues (?:ablaufdatum|enddatum|ende)|neu(?:es)? bis|nuova scadenza|novo vencimento|nova data (?:de )?fim|nieuwe einddatum|`,
  String.raw`bis|gültig bis|befristet bis|ablauf|ende|enddatum|jusqu['’]au|jusqu['’]à|échéance|expiration|fin|date de fin|valable jusqu['’]au|`,
  String.raw`hasta|válid[oa] hasta|vence|vencimiento|fecha (?:de )?fin|fino al?|valid[oa] fino al?|scadenza|scade|data (?:di )?fine|`,
  String.raw`tot|geldig tot|einddatum|vervalt|verloopt|até|válid[oa] até|validade|data (?:de )?fim|fim|`,
  String.raw`giltig till|gäller till|till och med|t\.o\.m\.?|slutdatum|upphör|gyldig til|gælder til|gjelder til|til|til og med|indtil|udløber|utløper|slutdato|`,
  String.raw`do|ważn[ey] do|obowiązuje do|wygasa|data końca|asti|voimassa|päättyy|päättymispäivä|`,
  String.raw`până la|valabil până la|expiră|data de sfârșit|fins al|fins a|vàlid fins al|venciment|data de fi|`,
  String.raw`kehtib|kehtib kuni|kuni|aegub|lõpp|lõpeb|lõppkuupäev|érvényes|érvényes eddig|érvényesség|lejár|lejárat|meddig)$`,
);

/** A row's cells as the documents reader labels them ("until: 2027-09-15"): header and value. */
function cellsOf(row: string): Array<{ header: string; value: string }> {
  return row.split(/;\s+/).map((cell) => {
    const at = cell.indexOf(': ');
    return at < 0 ? { header: '', value: cell } : { header: cell.slice(0, at), value: cell.slice(at + 2) };
  });
}

/** A header without its marks and a note in brackets at its end ("until (UTC)"). */
function headerOf(h: string): string {
  const bare = h.replace(/[*_`]/g, '').trim();
  const open = bare.endsWith(')') ? bare.lastIndexOf('(') : -1;
  return (open > 0 ? bare.slice(0, open) : bare).trim();
}

/** The day a register's row gives in its end column, if it has one. */
export function rowEnd(row: string, written: string): string | undefined {
  for (const c of cellsOf(row)) {
    if (!c.header || !END_HEADER.test(headerOf(c.header))) continue;
    const value = c.value.replace(/[*_`]/g, '').trim();
    const day = dateNamed(value, written) ?? onlyDay(value, written);
    if (day) return day;
  }
  return undefined;
}

/** The one day an end cell names among its words: "kuni välitöö lõpuni, hiljemalt 15.02.2029" (until the
 * fieldwork ends, at the latest 15.02.2029), "end of the audit, 2029-02-15 at the latest". The column says
 * the access ends; the day is its last. A cell naming two days (a range, a day moved) is not read so. */
function onlyDay(value: string, written: string): string | undefined {
  const days = new Set(
    value
      .split(/[,;(]|\s[-–—]\s/)
      .map((part) => dateIn(part, written))
      .filter((d): d is string => d !== undefined),
  );
  return days.size === 1 ? [...days][0] : undefined;
}

/** The new end a register's row gives when its decision extends the measure: another cell of the row
 * says it is extended (not "not extended"), and the end column dates it. */
export function extendedRowEnd(row: string, written: string): string | undefined {
  const cells = cellsOf(row);
  if (cells.length < 2) return undefined;
  const extends_ = cells.some((c) => !END_HEADER.test(headerOf(c.header)) && saidMatch(EXTENDED, c.value) !== undefined);
  return extends_ ? rowEnd(row, written) : undefined;
}

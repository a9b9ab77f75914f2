// A deadline in a commit's text: a date ("until 2026-03-31", "revoke by end of March", "until
// March 15", "through Q2"), or an event ("until the freeze ends", "after the QA run").
import { pattern, regex, sourceOf } from './pattern.js';
import { foreignDeadline } from './languages.js';
import { daysBetween } from './words.js';
import { amountAfter, monthNamed, NOT_AMOUNT, nextWeekday, ON_A_DAY, WEEKDAY_STEMS, weekEnd, yearFor, type YearOf } from './calendar.js';
import { sentenceEnds } from './sentence-end.js';
import { yearOfClause } from './tense.js';
import { ownLength } from './own-length.js';
import { citedDate } from './cited-date.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const LEAD = sourceOf(
  String.raw`(?:until|till|til|by|before|through|thru|to|ends?|ending|expires?|expiring|no later than|latest|deadline:?|due:?|`,
  // … and as other languages write it: "hasta el 15/11", "bis zum 3.12.", "jusqu'au 15/11", "fino al 15/11", "até 15/11".
  String.raw`hasta(?: el)?|bis(?: zum| spätestens)?|jusqu'(?:au|à)|fino al|até|`,
  // … and a due date's leads: "antes del 15/12", "avant le 15/12", "spätestens 15.12.", "entro il 15/12".
  String.raw`antes del?|avant(?: le)?|spätestens|entro(?: il)?|uiterlijk|najpóźniej|`,
  String.raw`revert(?:ed)? on|remove(?:d)? on|on)`,
);

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY = String.raw`(sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)`;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The year a month/day without one means: the first such date on or after the commit. */
const nextYear = (written: string, m: number, d: number): number => yearFor(written, m, d, 'ahead');

// A limit's lead: what stands before a day that ends a plan ("until 20.11.", "bis zum 3.1.", "do 3.01.",
// "tot 3 januari", "jusqu'au 3/1"). Another lead ("after", "nach dem", "po", "on") names a day that may
// be behind the text or ahead of it.
const LIMIT_LEAD = regex(
  'iu',
  String.raw`^\(?(?:until|till|til|by|before|through|thru|to|ends?|ending|expires?|expiring|no later than|latest|deadline|due|promised|`,
  String.raw`hasta|bis|jusqu|fino|até|antes|avant|spätestens|entro|uiterlijk|najpóźniej|do|tot|t\/m|revert(?:ed)? on|remove(?:d)? on)(?![\p{L}])`,
);
// The leads of a day after which something happens, in the languages read: "after 20 Nov", "nach dem
// 20.11.", "après le 20/11", "po 20 listopada", "na 20 november", "después del 15 de marzo", "depois de 1 de
// abril", "após 1 de abril", "dopo il 1 aprile", "efter 1 april", "etter 1. april". (Without them the day a
// step waits for went unread: "produktion följer efter 1 april" followed at once.)
const AFTER_LEADS = String.raw`after|nach(?: dem)?|après(?: le)?|apres(?: le)?|po|na|después del?|depois d[eo]|após|dopo(?: il)?|efter|etter`;
const CLAUSE_SPLIT = sentenceEnds(/(?<=[.!?;])\s+|,\s+|\s[—–]\s/);

/** The clause of `t` (one line) holding `index`. */
function clauseAt(t: string, index: number): string {
  let at = 0;
  for (const piece of t.split(CLAUSE_SPLIT)) {
    const start = t.indexOf(piece, at);
    if (start < 0) break;
    if (index < start + piece.length) return piece;
    at = start + piece.length;
  }
  return t;
}

/** Which year a day without one, named at `index` of `t`, is in: by its clause's tense and its lead (tense.ts). */
function yearAt(t: string, index: number): YearOf {
  // The lead is the match's first word, or the word before it ("bis zum 3.1.": the match starts at "zum").
  const before = t
    .slice(Math.max(0, index - 20), index)
    .trimEnd()
    .split(/[^\p{L}]/u)
    .at(-1);
  const limit = LIMIT_LEAD.test(t.slice(index, index + 40).trimStart()) || (!!before && LIMIT_LEAD.test(before));
  return yearOfClause(clauseAt(t, index), limit);
}

const QUARTER_AFTER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|post|past|nach|après|apres|después del?|despues del?|dopo(?: il)?|depois do|na|po)[\s-]+(?:the |dem |le |el )?`,
  String.raw`Q([1-4])(?:[ /-]?(\d{4}))?(?![\p{L}\d])`,
);

// An ISO week as people write it: "KW 50" (Kalenderwoche), "CW 50", "week 50", "wk 50", "w50",
// "semaine 50", "semana 50", "settimana 50", "Woche 50", with a year before or after ("2027-W03",
// "KW 50/2026").
const ISO_WEEK = regex(
  'iu',
  String.raw`(?<![\p{L}\d])(?:(\d{4})-W(\d{1,2})|(?:(?:kw|cw|wk|week|woche|semaine|semana|settimana)\.? ?|w)(\d{1,2})(?:[ /](\d{4}))?)(?![\p{L}\d])${NOT_AMOUNT}`,
);

export interface Deadline {
  date?: string;
  event?: string;
}

/** Day `d` of month `m` (a year given, or the first such date on or after `written`), if that is a date. */
function dayMonth(d: number, m: number, year: string | undefined, written: string, yearOf: YearOf = 'ahead'): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const y = year ? Number(year) : yearFor(written, m, d, yearOf);
  return d <= lastDay(y, m) ? iso(y, m, d) : undefined;
}

// A span from when the text was written: "for the next two weeks", "after a week of soak", "in
// 10 days", "für zwei Wochen", "durante dos semanas", "pendant trois jours".
const COUNT: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  ten: 10,
  fourteen: 14,
  couple: 2,
  few: 3,
  ein: 1,
  eine: 1,
  einen: 1,
  einer: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  un: 1,
  una: 1,
  uno: 1,
  une: 1,
  dos: 2,
  deux: 2,
  tres: 3,
  trois: 3,
};
const UNIT_DAYS: Array<[RegExp, number]> = [
  [/^(?:day|days|tag|tage|tagen|día|días|dia|dias|jour|jours)$/i, 1],
  [/^(?:week|weeks|woche|wochen|semana|semanas|semaine|semaines)$/i, 7],
  [/^(?:month|months|monat|monate|monaten|mes|meses|mois)$/i, 30],
];
const SPAN = new RegExp(
  sourceOf(
    String.raw`(?<![\p{L}])(?:for|over|in|after|within|für|fuer|während|in den|nach|durante|por|en|pendant|dans|`,
    String.raw`après|despues|después)\s+(?:the\s+|a\s+|den\s+|die\s+|las\s+|los\s+|les\s+)?(?:next|coming|`,
    String.raw`following|nächsten|kommenden|próximas?|próximos|proximas?|prochaines?|prochains?)?\s*(\d{1,3}|`,
    String.raw`${Object.keys(COUNT).join('|')})(?:\s+of)?\s+(\p{L}+)(?:\s+(?:or|to|oder|o|ou)\s+(\d{1,3}|`,
    String.raw`${Object.keys(COUNT).join('|')})(?![\p{L}]))?`,
  ),
  'iu',
);

/** The day `days` after `written` (ISO). */
function plusDays(written: string, days: number): string {
  const d = new Date(`${written.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// A span in hours: "for 48h", "for the next 72 hours", "für 48 Stunden", "48 Stunden lang", "durante
// 48h", "pendant 48h", "voor 48 uur". An incident's diagnostic ("trace everything for 48h") is timed so;
// it ends on the day the hours run out. (A number of hours is written joined to its unit, a count word is not read.)
// Not where the hours are the setting's own length ("token lifetime for 24h", "keep logs for 48h"),
// nor where they tell what happened ("we cached the old JWKS for 24h", "we served partial results for
// 3h", "the API was down for 6 hours"): that is the incident's story, not the change's end.
const HAPPENED = sourceOf(
  String.raw`\b(?:(?:we|i|it|they|he|she|you|users|customers)\s{1,3}(?:\p{L}{1,20}ed|was|were|had|lost|took|ran|went|saw|got|spent|kept|held|sat|stood)|`,
  String.raw`(?:was|were|been|had)(?:\s{1,3}\p{L}{1,20}ed)?)`,
);
const HOUR_UNITS = String.raw`h|hrs?|hours?|stunden?|std|horas?|heures?|uur`;
const LENGTH_WORDS = String.raw`lifetime|ttl|retention|retain\p{L}{0,6}|keep|kept|expir\p{L}{0,6}|timeout|valid|window|cache[ds]?|gültig|aufbewahr\p{L}{0,6}|durée|duración|bewaar\p{L}{0,6}`;
export const HOURS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?<!(?:${LENGTH_WORDS})\s{1,3}(?:[\p{L}\p{N}-]{1,30}\s{1,3}){0,2})(?<!${HAPPENED}\s{1,3}(?:[\p{L}\p{N}-]{1,30}\s{1,3}){0,4})`,
  String.raw`(?:(?:for|für|fuer|durante|pendant|voor)\s+(?:the\s+|die\s+|las\s+|les\s+|de\s+)?(?:next\s+|`,
  String.raw`coming\s+|nächsten\s+|kommenden\s+|próximas\s+|prochaines\s+|komende\s+)?(\d{1,3})\s*(?:${HOUR_UNITS})|`,
  String.raw`(\d{1,3})\s*(?:stunden|std|uur)\s+lang)(?![\p{L}])`,
);

// An undo planned a span after the change: "remove after 48h", "revert after 2 days", "nach 48 Stunden
// entfernen", "supprimer après 48h", "eliminar después de 48 horas", "rimuovere dopo 2 giorni",
// "verwijderen na 48 uur", "ta bort efter 48 timmar", "usunąć po 48 godzinach". A grant or a patch made
// in an incident is often bounded so on its own note: the span runs from when the note was written (the
// edit). Only beside the undo verb: "after 48h" alone is as often when something happened or the
// setting's own delay ("alerts after 48h", "restarted after 2 days").
const UNDO_VERB = sourceOf(
  String.raw`(?:remove|revert|delete|drop|undo|revoke|roll ?back|unbind|clean (?:it |this |them )?up|take (?:it |this |them )?(?:down|away)|`,
  String.raw`entfernen|löschen|zurücknehmen|zurückdrehen|entziehen|supprimer|retirer|révoquer|eliminar|quitar|borrar|revocar|`,
  String.raw`retirar|remover|rimuovere|togliere|eliminare|revocare|verwijderen|intrekken|weghalen|ta bort|radera|återkalla|`,
  String.raw`fjerne?|slette?|usunąć|usuń|cofnąć|odebrać|poista)`,
);
const AFTER_LEAD = String.raw`(?:after|nach|après|apres|después de|despues de|tras|dopo|depois de|na|efter|po)`;
const SPAN_UNIT = sourceOf(
  String.raw`(h|hrs?|hours?|stunden?|std|horas?|heures?|uur|ore|timmar|timer|godzin\p{L}{0,3}|`,
  String.raw`days?|tagen?|tage|jours?|d[ií]as|giorni|dagen?|dage|dagar|dni)`,
);
// (Two plain patterns, the verb looked for beside the span in its clause: one pattern with the words
// between them backtracks on hostile text.)
const UNDO_WORD = new RegExp(String.raw`(?<![\p{L}])${UNDO_VERB}(?![\p{L}])`, 'iu');
const AFTER_SPAN = regex('giu', String.raw`(?<![\p{L}])${AFTER_LEAD}\s{1,3}(\d{1,3})\s{0,2}${SPAN_UNIT}(?![\p{L}])`);
const HOUR_UNIT = /^(?:h|hrs?|hours?|stunden?|std|horas?|heures?|uur|ore|timmar|timer|godzin\p{L}{0,3})$/iu;
/** The last day of an undo planned a span after `written` ("remove after 48h": two days on). */
function undoAfterSpan(text: string, written: string): string | undefined {
  AFTER_SPAN.lastIndex = 0;
  for (let m = AFTER_SPAN.exec(text); m; m = AFTER_SPAN.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 50);
    const clauseBefore = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('\n')) + 1);
    const clauseAfter = after.split(/[.;\n,]/)[0]!;
    if (!UNDO_WORD.test(clauseBefore) && !UNDO_WORD.test(clauseAfter)) continue;
    const n = Number(m[1]);
    return plusDays(written, HOUR_UNIT.test(m[2]!) ? Math.ceil(n / 24) : n);
  }
  return undefined;
}

const SPAN_ALL = new RegExp(SPAN.source, 'giu');
const HOURS_ALL = new RegExp(HOURS.source, 'giu');
/** The first match of SPAN or HOURS that is not a setting's own length. */
function firstNotOwn(re: RegExp, text: string): RegExpExecArray | null {
  const all = re === SPAN ? SPAN_ALL : HOURS_ALL;
  all.lastIndex = 0;
  for (let m = all.exec(text); m; m = all.exec(text)) if (!ownLength(text, m.index, m.index + m[0].length)) return m;
  return null;
}

/** A span the text gives from when it was written ("for the next two weeks", "for 48h"), as its last day. */
export function spanFrom(text: string, written: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const undo = undoAfterSpan(flat, written);
  if (undo) return undo;
  // Not a span that is the setting's own length ("log retention for 14 days", own-length.ts).
  const m = firstNotOwn(SPAN, flat);
  const hours = m && UNIT_DAYS.some(([re]) => re.test(m[2]!)) ? undefined : firstNotOwn(HOURS, text);
  if (hours) return plusDays(written, Math.ceil(Number(hours[1] ?? hours[2]) / 24));
  if (!m) return undefined;
  const count = (w: string | undefined) => (w === undefined ? 0 : /^\d+$/.test(w) ? Number(w) : (COUNT[w.toLowerCase()] ?? 0));
  // "a week or two": the span lasts until its longer end.
  const n = Math.max(count(m[1]), count(m[3]));
  const unit = UNIT_DAYS.find(([re]) => re.test(m[2]!))?.[1];
  if (!n || !unit) return undefined;
  return plusDays(written, n * unit);
}

// A day named from when the text was written, as a limit: "only for tonight", "until tomorrow",
// "solo para esta tarde", "nur heute", "jusqu'à demain", "só até amanhã". The day word alone says
// when something happened ("deployed today"), and "por la mañana", "am Morgen" are a morning: only
// a limit word or an undo verb a few words before it makes it an end. The commit's day, or the next for "tomorrow".
const DAY_LIMIT = sourceOf(
  String.raw`(?<![\p{L}])(?:until|till|til|by|before|for|through|only|just|hasta|solo|sólo|para|por|bis|nur|für|`,
  String.raw`jusqu['’]?à|seulement|pour|até|só|fino a|per|tot|alleen|voor|`,
  // … or the undo planned for that day: "I'll drop it tomorrow", "lo quito mañana", "je l'enlève demain".
  String.raw`revert|remove|drop|undo|reset|restore|disable|quito|quitamos|quitaré|enlève|enlèverai|retire|tiro|tiramos|tolgo|togliamo)\s+(?:[\p{L}'’]+\s+){0,2}?`,
);
const NEXT_DAY = String.raw`(?:tomorrow|tmrw|(?<!(?:la|esta|cada|una) )mañana|morgen|demain|amanhã|domani)`;
const SAME_DAY = sourceOf(
  String.raw`(?:today|tonight|this (?:afternoon|evening|morning)|hoy|esta (?:tarde|noche)|heute(?: abend)?|aujourd['’]hui|ce soir|`,
  String.raw`cet après-midi|hoje|esta noite|oggi|stasera|questo pomeriggio|vandaag|vanavond)`,
);
const RELATIVE_DAY = new RegExp(String.raw`${DAY_LIMIT}(?:(${NEXT_DAY})|${SAME_DAY})(?![\p{L}])`, 'giu');
// The day itself as the span, limit word and all: "for the day", "for the rest of the day", "für den Tag",
// "pour la journée", "por el día", "per la giornata", "voor vandaag", Finnish "päivän ajaksi" (for the day's
// length): a game day's or a drill's setting ends on the day it was made. Not "for the day after" (another day).
const SPAN_OF_DAY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:for the (?:rest of the )?day|(?:für|fuer) den (?:restlichen )?tag|pour (?:la|cette) journée|`,
  String.raw`por (?:el|este) día|per (?:la|questa) giornata|(?:tämän )?päivän ajaksi)(?![\p{L}])(?!\s+(?:after|before|danach|d'après|siguiente|dopo))`,
);

function relativeDay(text: string, written: string): string | undefined {
  let days: number | undefined;
  for (const m of text.matchAll(RELATIVE_DAY)) days = Math.max(days ?? 0, m[1] ? 1 : 0);
  if (days === undefined && SPAN_OF_DAY.test(text)) days = 0;
  return days === undefined ? undefined : plusDays(written, days);
}

// Leads of a date in the languages teams mix in: "après le 30/11", "nach dem 3.12", "depois de 30/11",
// "po 20.11." (Polish), "na 20/11" (Dutch).
const OTHER_LEADS = String.raw`après le|apres le|après|avant le|antes del|antes de|jusqu['’]au|jusqu['’]à|nach dem|hasta el|hasta|después del|fino al|dopo il|até|depois de|após|efter|etter|tot|po|na`;
// (In the languages read too: "bis 5.2 dort läuft", "tot 5.2 daar draait", "até a 5.2 subir lá", "tills 5.2 körs där".)
const RELEASED = regex(
  'iu',
  String.raw`^\s+(?:is|are|was|gets?|ships?|shipped|lands?|landed|comes? out|is out|goes|released|rolls? out|runs?|there|`,
  String.raw`dort|läuft|ausgerollt|draait|daar|uitgerold|là|y (?:soit|est|tourne)|tourne|déployée?|allí|ahí|esté|está (?:en|desplegad)|`,
  String.raw`lá|subir|estiver|rodar|roda|lì|sia (?:in|rilasciat)|gira|där|körs|der|kører|kjører|tam|działa|wdrożon\p{L}*)(?![\p{L}])`,
);

/** A date written with a slash, day/month or month/day: the only reading that is a date, or the
 * one both agree on; when both are dates, the one within two months of when the text was written
 * if the other is more than four months off (teams name a near date); otherwise none (a person
 * asks which was meant). */
function dayOrMonthFirst(a: number, b: number, year: string | undefined, written: string, yearOf: YearOf = 'ahead'): string | undefined {
  const dm = dayMonth(a, b, year, written, yearOf);
  const md = dayMonth(b, a, year, written, yearOf);
  if (!dm || !md || dm === md) return dm ?? md;
  const [near, far] = [dm, md].map((d) => Math.abs(daysBetween(written, d))).sort((x, y) => x - y) as [number, number];
  if (near > 60 || far <= 120) return undefined;
  return Math.abs(daysBetween(written, dm)) === near ? dm : md;
}

const DURING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:for the duration of|le temps d(?:e|u|es)|pendant|durant|während|solange|durante|mientras dure|`,
  String.raw`per la durata d\p{L}*|enquanto durar|tijdens|zolang|na czas|w trakcie)\s+(?:(?:the|la|le|les|der|die|das|des|dem|den|`,
  String.raw`el|los|las|il|lo|a|o|de|het)\s+|l['’])?([\p{L}][\p{L}\d -]{2,40}?)(?=\s*(?:[.,;:)\n]|$)|\s(?:and|et|und|y|e|then|dann|puis|-)\s)`,
);

// A weekday named as a release window or deploy day, in the languages read: the weekday's stem
// (Sunday first) and the window words around it.
const WINDOW_DAYS: string[][] = [
  ['sunday', 'sonntag', 'domingo', 'dimanche', 'domenica', 'zondag', 'niedziel'],
  ['monday', 'montag', 'lunes', 'lundi', 'lunedì', 'segunda', 'maandag', 'poniedziałk'],
  ['tuesday', 'dienstag', 'martes', 'mardi', 'martedì', 'terça', 'dinsdag', 'wtork'],
  ['wednesday', 'mittwoch', 'miércoles', 'mercredi', 'mercoledì', 'quarta', 'woensdag', 'środ'],
  ['thursday', 'donnerstag', 'jueves', 'jeudi', 'giovedì', 'quinta', 'donderdag', 'czwartk'],
  ['friday', 'freitag', 'viernes', 'vendredi', 'venerdì', 'sexta', 'vrijdag', 'piątk'],
  ['saturday', 'samstag', 'sábado', 'samedi', 'sabato', 'zaterdag', 'sobot'],
];
const WINDOW_DAY = new RegExp(
  sourceOf(
    String.raw`(?<![\p{L}])(?:${WINDOW_DAYS.flat().join('|')})\p{L}{0,6}(?:['’]s)?[\s-]*(?:release[\s-]*|deploy(?:ment)?[\s-]*|maintenance[\s-]*|change[\s-]*)?`,
    String.raw`(?:window|train|slot|release|deploy|fenster|release|ventana|fenêtre|finestra|janela|venster)|`,
    String.raw`(?<![\p{L}])(?:window|fenster|ventana|fenêtre|finestra|janela|venster|oknie|okno|okna)\s+(?:(?:del|du|di|de|do|van|des)\s+)?`,
    String.raw`(?:${WINDOW_DAYS.flat().join('|')})\p{L}{0,6}`,
  ),
  'iu',
);

const OUT_OF = /(?<![\p{L}])(?:out of|outside(?: of)?|not in|not with|skips?|skipping|misses|missed|without)\s+(?:the\s+|this\s+|next\s+)?$/iu;

/** The weekday (0 = Sunday) a release window or deploy day names, if the text names one. */
function dayOfWindow(text: string): number | undefined {
  const m = WINDOW_DAY.exec(text);
  // "stays out of the Tuesday window", "skips Thursday's deploy": the day is the one not taken.
  if (!m || OUT_OF.test(text.slice(Math.max(0, m.index - 30), m.index))) return undefined;
  const lower = m[0].toLowerCase();
  let best: { day: number; at: number } | undefined;
  for (const [day, stems] of WINDOW_DAYS.entries())
    for (const stem of stems) {
      const at = lower.indexOf(stem);
      if (at >= 0 && (!best || at < best.at)) best = { day, at };
    }
  return best?.day;
}

// A pause undone at a time named: "resume Mon 23/11", "resumes on 2026-11-23", "unsuspend after 23.11.",
// "scale it back up on Monday", "unpause the job by Friday", "re-enable Nov 30" — when the pause planned
// to end. A report ("resumed on 23/11", "re-enabled Monday") is past: only the plain, -s and -ing forms.
const RESUME_VERB = sourceOf(
  String.raw`(?<![\p{L}-])(?:resum(?:e|es|ing)|un-?suspend(?:s|ing)?|un-?paus(?:e|es|ing)|re-?enabl(?:e|es|ing)|reactivat(?:e|es|ing)|`,
  String.raw`(?:scale|scales|scaling) (?:[\p{L}\p{N}-]+ ){0,2}?back up|(?:turn|turns|turning|switch|switches|switching) (?:[\p{L}\p{N}-]+ ){0,2}?back on)`,
);
const RESUME_WHEN = sourceOf(
  String.raw`\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}(?:[./](?:\d{4}|\d{2}))?\.?|${MONTH}\.? \d{1,2}(?:st|nd|rd|th)?|`,
  String.raw`\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}|(?:next |this )?${WEEKDAY}|tomorrow`,
);
/** The source of a pause's planned end with its time; intent.ts reads it as a time limit too. */
export const RESUME_AT = sourceOf(
  RESUME_VERB,
  String.raw`(?: (?:it|this|them|the [\p{L}\p{N}-]+(?: [\p{L}\p{N}-]+)?))?(?: again)? (?:(?:on|after|from|by|at|as of) )?(?:the )?`,
  // A weekday before the date is the date's ("Mon 23/11"): the date decides.
  String.raw`(?:${WEEKDAY}\.?,? (?=\d))?(?<when>${RESUME_WHEN})(?![\p{L}\p{N}])`,
);

// A weekday written before its date ("Mon 8 Dec", "Tuesday, 15.12.", "mardi 8 décembre", "Di., 8.12.")
// belongs to the date: the date decides, even where the two disagree (a wrong weekday is a slip; the
// weekday alone would end the hold on the next such day, maybe days early). Dropped before reading.
const WEEKDAY_WORD = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:${WEEKDAY}|(?:${WEEKDAY_STEMS.flat().join('|')})\p{L}{0,6}|mo|di|mi|do|fr|sa|so|lun|mer|jeu|ven|sam|dim)(?![\p{L}])\.?,? ?`,
);
const DATE_AHEAD = regex(
  'iu',
  String.raw`^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.|\d{1,2}/\d{1,2}(?![\d:])|(\d{1,2})(?:st|nd|rd|th|er|\.|°|º)? (?:of |de )?(\p{L}{3,12})(?![\p{L}])|`,
  String.raw`(\p{L}{3,12})\.? \d{1,2}(?![\d:.]))`,
);
/** `t` without the weekdays that name the date right after them. */
function withoutDatesWeekday(t: string): string {
  return t.replace(WEEKDAY_WORD, (...args: unknown[]) => {
    // (WEEKDAY has a group of its own: the offset is the second-to-last argument.)
    const [word, at] = [args[0] as string, args[args.length - 2] as number];
    // German two-letter days are capitalised ("Di 8.12.", "Do, 10.12."); a lower-case "do" is Polish
    // "until" ("do 15 listopada") and a bare "Do" may be one opening a sentence: it needs its dot or comma.
    const short = /^(\p{L}{2})(?!\p{L})/u.exec(word)?.[1];
    if (short && (!/^[A-Z][a-z]$/.test(short) || (short === 'Do' && !/[.,]/.test(word)))) return word;
    const d = DATE_AHEAD.exec(t.slice(at + word.length, at + word.length + 24));
    if (!d) return word;
    const month = d[2] ?? d[3];
    return month === undefined || monthNamed(month) ? '' : word;
  });
}

// A date alone in a table cell ("| Production | 10.12.2026 22:00 | genehmigt |", "| prod | Di 8.12. |"):
// the row's day. Day.month needs its closing dot or a year, day/month its year ("| 3/4 |" is a count).
const CELL = /\|([^|\n]{4,40})(?=\|)/g;
const CELL_DATE = regex(
  'iu',
  String.raw`^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.(?:\d{4})?|\d{1,2}\.\d{1,2}\.?\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}(?:st|nd|rd|th|er|\.)? (?:de )?\p{L}{3,12}\.?(?: (?:de )?\d{4})?|`,
  String.raw`\p{L}{3,12}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)(?: \d{1,2}[:h]\d{2}(?: ?[ap]m)?(?: ?[A-Z]{3,4})?)?$`,
);
/** The day a table cell of `t` holds alone, if one does. */
function cellDate(t: string, written: string): string | undefined {
  if (!t.includes('|')) return undefined;
  for (const c of t.matchAll(CELL)) {
    const cell = c[1]!.trim();
    if (CELL_DATE.test(cell)) {
      const date = dateNamed(cell, written);
      if (date) return date;
    }
  }
  return undefined;
}

// A day with its month named in another language read ("bis 31 januari", "hasta el 15 de enero",
// "jusqu'au 31 janvier 2027", "do 31 stycznia", "até 15 de janeiro", the first written as an ordinal: "dopo il 1°
// aprile", "el 1º de abril"): calendar.ts' table of month names.
const FOREIGN_DAY_MONTH = regex(
  'giu',
  // (German "am 1. Dezember": the day the step is on.)
  String.raw`(?<![\p{L}])(?:${LEAD}|am|tot|t/m|${AFTER_LEADS}) (?:the |le |el |il |den |dem |o |a )?(\d{1,2})(?:st|nd|rd|th|er|\.|°|º)? (?:of |de )?(\p{L}{3,12})\.?(?: (?:de )?(\d{4}))?(?![\p{L}\d])`,
);
// The end of a month so named, as a limit: "bis Ende Januar", "hasta fin de enero", "jusqu'à fin janvier",
// "tot eind januari", "do końca stycznia", "até o fim de janeiro". Without its limit word a month's end is
// when something is expected ("après la revue de perf (fin octobre normalement)"), not an end.
const FOREIGN_MONTH_END = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:${LEAD}|do|tot|até) (?:zum |au |à |a |o |la |el |al )?`,
  String.raw`(?:ende|fin(?: de| del mes de)?|eind|einde|końca|koniec|final de|fim de) (\p{L}{3,12})(?: (?:de )?(\d{4}))?(?![\p{L}\d])`,
);
// … or given beside the event it waits for, further on in the until word's sentence: "bis zu ihrer
// Umstellung auf SSO, Ende März", "hasta su migración, a finales de marzo", "έως τη μετάβαση σε SSO, τέλος
// Μαρτίου" — as English "until their move to SSO, end of March" (`WAIT_WORD`). Only a word that can be
// nothing but "until" counts (not "do", "a", "till", which also mean "to").
const MONTH_END_APART = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:ende|fin(?: de)?|finales de|finals de|fine|eind|einde|final de|fim de|slutet av|slutten av|τέλος|τελος|τέλη|τελη) (\p{L}{3,12})(?: (?:de )?(\d{4}))?(?![\p{L}\d])`,
);
const FOREIGN_WAIT = /^(?:bis|hasta|jusqu['’]?(?:à|au)?|tot|fino|até|fins|έως|εως|μέχρι|μεχρι)$/iu;
/** A foreign until word among the ten words before `at` in its sentence. */
function waitBefore(t: string, at: number): boolean {
  const sentence =
    t
      .slice(Math.max(0, at - 160), at)
      .split(/[.;!?(]/)
      .pop() ?? '';
  return sentence
    .replace(/[:,]/g, ' ')
    .trim()
    .split(/ +/)
    .slice(-10)
    .some((w) => FOREIGN_WAIT.test(w));
}
/** A day or a month's end the text names with a month in another language, as an end. */
function foreignMonthDate(t: string, written: string): string | undefined {
  for (const m of t.matchAll(FOREIGN_DAY_MONTH)) {
    const mo = monthNamed(m[2]!);
    const date = mo ? dayMonth(Number(m[1]), mo, m[3], written, yearAt(t, m.index)) : undefined;
    if (date) return date;
  }
  const monthEnd = (m: RegExpMatchArray) => {
    const mo = monthNamed(m[1]!);
    if (!mo) return undefined;
    const y = m[2] ? Number(m[2]) : nextYear(written, mo, lastDay(Number(written.slice(0, 4)), mo));
    return iso(y, mo, lastDay(y, mo));
  };
  for (const m of t.matchAll(FOREIGN_MONTH_END)) {
    const date = monthEnd(m);
    if (date) return date;
  }
  for (const m of t.matchAll(MONTH_END_APART)) {
    const date = waitBefore(t, m.index) ? monthEnd(m) : undefined;
    if (date) return date;
  }
  return undefined;
}

// A day given in brackets beside the event an end waits for: "Rückbau nach Ende des Freeze (9. Jänner)",
// "back to 3 after the freeze ends (9 January)", "hasta el cierre del trimestre (31 de marzo)" — that event's
// date, as a month's end beside it is (`MONTH_END_APART`). Only where a word of waiting or of "after" stands
// among the ten words before it in its sentence: a bracket alone dates what it follows ("the outage (9 January)").
const BRACKETED_DAY = regex('giu', String.raw`\((\d{1,2})(?:st|nd|rd|th|\.)? (?:of |de )?(\p{L}{3,12})\.?(?: (?:de )?(\d{4}))?\)`);
const WAIT_OR_AFTER = /^(?:until|till|after|bis|nach|jusqu['’]?(?:à|au)?|après|apres|hasta|después|tras|tot|fino|dopo|até|após|depois|efter|etter|po|do)$/iu;
function bracketedDay(t: string, written: string): string | undefined {
  if (!t.includes('(')) return undefined;
  for (const m of t.matchAll(BRACKETED_DAY)) {
    const mo = monthNamed(m[2]!);
    if (!mo) continue;
    const sentence =
      t
        .slice(Math.max(0, m.index - 120), m.index)
        .split(/[.;!?]\s/)
        .pop() ?? '';
    if (
      !sentence
        .replace(/[:,]/g, ' ')
        .trim()
        .split(/ +/)
        .slice(-10)
        .some((w) => WAIT_OR_AFTER.test(w))
    )
      continue;
    const date = dayMonth(Number(m[1]), mo, m[3], written, yearAt(t, m.index));
    if (date) return date;
  }
  return undefined;
}

/** The day a pause is planned to end, in `t` (one line of spaces), as `until` reads it. */
function resumeDate(t: string, written: string): string | undefined {
  const when = pattern(RESUME_AT, 'iu').exec(t)?.groups?.when;
  return when ? dateNamed(when, written) : undefined;
}

/** The day `text` names as an end, read as "until <text>" is ("the 28th", "Q1 2027", "next Friday"). */
export const dateNamed = (text: string, written: string): string | undefined => readDeadline(`until ${text}`, written).date;

// Which day a text names depends on when it was written ("the 28th", "next Friday"); whether it names one does
// not: any day serves as the day of writing.
const ANY_DAY = '2000-01-01';
/** Whether `text` names a day, as `dateNamed` reads one ("after 2026-12-20", "am 20.12.", "next Friday"). */
export const namesDate = (text: string): boolean => dateNamed(text, ANY_DAY) !== undefined;

// A window of two days: "window 02.11.-13.11.", "2.-13.11.2026", "vom 02.11. bis 13.11.", "2026-11-02 to
// 2026-11-13", "Nov 2 - Nov 13", "Nov 2-13": what lasts for it ends on its last day, not its first.
// (Day.month needs its closing dot, as "until 15.10." does not: "1.2-1.3" is a range of versions.)
const TO = String.raw`\s*(?:-|–|—|\.\.|to|till|until|through|thru|bis|au|al|tot|t/m)\s*`;
const DM_WINDOW = regex('iu', String.raw`(?<![\d.])\d{1,2}\.(?:\d{1,2}\.(?:\d{4})?)?${TO}(\d{1,2})\.(\d{1,2})\.(\d{4})?(?!\d)`);
const ISO_WINDOW = regex('i', String.raw`\b\d{4}-\d{2}-\d{2}${TO}(\d{4})-(\d{2})-(\d{2})\b`);
const MONTH_WINDOW = regex('i', String.raw`\b${MONTH}\.? (\d{1,2})(?:st|nd|rd|th)?${TO}(?:${MONTH}\.? )?(\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\b`);

/** The last day of a window of two days the text gives, if it gives one. */
function windowEnd(t: string, written: string): string | undefined {
  let m = ISO_WINDOW.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DM_WINDOW.exec(t);
  if (m) return dayMonth(Number(m[1]), Number(m[2]), m[3], written);
  m = MONTH_WINDOW.exec(t);
  if (!m) return undefined;
  const mo = monthOf(m[3] ?? m[1]!);
  const d = Number(m[4]);
  if (d < Number(m[2]) && !m[3]) return undefined;
  return dayMonth(d, mo, m[5], written);
}

// The words that make a month's, quarter's or year's end an end: a limit ("until", "through", "bis",
// "jusqu'à", "hasta", "do", "tot", "t/m"), a due or expiry label, or the undo planned for it ("revert end of March").
const LIMIT_WORD = regex(
  'iu',
  String.raw`^(?:until|till|til|by|before|through|thru|to|ends?|ending|expires?|expiring|latest|deadline|due|no later than|`,
  String.raw`revert|remove|drop|undo|disable|bis|spätestens|jusqu['’]?(?:à|au)|avant|hasta|antes|fino|entro|até|do|tot|t/m|uiterlijk|najpóźniej)$`,
);
// … or, further back in its sentence, a word that can only be a limit: "Until Acme finishes the firmware
// rollout, end of October" (the end given beside the event it waits for).
const WAIT_WORD = /^(?:until|till|bis|jusqu['’]?(?:à|au)|hasta|tot|t\/m)$/i;
/** Does a limit word stand among the three words before `at`, or a wait word among the ten, in its sentence? */
function limitBefore(t: string, at: number): boolean {
  const sentence =
    t
      .slice(Math.max(0, at - 100), at)
      .split(/[.;!?(]/)
      .pop() ?? '';
  const words = sentence.replace(/[:,]/g, ' ').trim().split(/ +/);
  const near = words.slice(-3);
  if (near.some((w, i) => LIMIT_WORD.test(w) || (i < near.length - 1 && LIMIT_WORD.test(`${w} ${near[i + 1]}`)))) return true;
  return words.slice(-10).some((w) => WAIT_WORD.test(w));
}

// The end of the month, quarter or year the text was written in (or the next one), after a limit word:
// "till the end of the month", "until end of next month", "by EOM", "bis Monatsende", "bis Ende des Monats",
// "jusqu'à la fin du mois", "hasta fin de mes", "do końca miesiąca", "tot het einde van de maand".
const PERIOD_END = regex(
  'iu',
  String.raw`(?<![\p{L}-])(?:(?:the |an )?end of (?:the |this |(?<next>next) )?(?:(?<m1>month)|(?<q1>quarter)|(?<y1>year))|(?<m2>eom|month[- ]end)|(?<q2>quarter[- ]end|eoq)|(?<y2>year[- ]end|eoy)|`,
  String.raw`(?:ende (?:des |dieses )?(?:(?<m3>monats)|(?<q3>quartals)|(?<y3>jahres))|(?<m4>monatsende)|(?<q4>quartalsende)|(?<y4>jahresende))|`,
  String.raw`(?:(?:la )?fin (?:du |de (?:ce |l['’]))?(?:(?<m5>mois)|(?<q5>trimestre)|(?<y5>année|an))|fin(?:al)? de(?:l)? (?:este )?(?:(?<m6>mes)|(?<y6>año)))|`,
  String.raw`(?:końca (?:tego )?(?:(?<m7>miesiąca)|(?<q7>kwartału)|(?<y7>roku)))|(?:(?:het )?(?:einde|eind) (?:van )?(?:de |deze |het |dit )?(?:(?<m8>maand)|(?<q8>kwartaal)|(?<y8>jaar))))(?![\p{L}])`,
);
/** The last day of the period `m` names, from when the text was written. */
function periodEnd(m: RegExpExecArray, written: string): string {
  const g = m.groups ?? {};
  const has = (p: string) => Object.entries(g).some(([k, v]) => k.startsWith(p) && v !== undefined);
  let y = Number(written.slice(0, 4));
  let mo = Number(written.slice(5, 7));
  if (has('y')) return iso(y + (g.next ? 1 : 0), 12, 31);
  if (has('q')) mo = Math.ceil(mo / 3) * 3 + (g.next ? 3 : 0);
  else if (g.next) mo += 1;
  if (mo > 12) [y, mo] = [y + 1, mo - 12];
  return iso(y, mo, lastDay(y, mo));
}

// A date moved: "verschoben von 1.12. auf KW 4", "postponed from Dec 1 to Dec 15", "moved to 15/12",
// "reporté au 15/12", "aplazado al 15/12", "przesunięte na 15.12.", "verplaatst naar 15 december": the
// new date is the end; the old one, "von"/"from" it, is not.
const MOVED_TO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:verschoben|verlegt|postponed|moved|pushed(?: back| out)?|delayed|rescheduled|deferred|reporté|repoussé|décalé|aplazad[oa]|pospuest[oa]|movid[oa]|`,
  String.raw`przesunięt[eyao]|przełożon[eyao]|verplaatst|uitgesteld|rinviat[oa]|spostat[oa]|adiad[oa])(?: [^\s]{1,25}){0,4}? (?:auf|to|until|till|au|à|al|a|para|na|naar|tot|op) `,
);
/** The day a moved date was moved to, if the text moves one. */
function movedTo(t: string, written: string): string | undefined {
  const m = MOVED_TO.exec(t);
  if (!m) return undefined;
  const after = t.slice(m.index + m[0].length).replace(/^(?:the |le |el |den |dem |die |de )/i, '');
  // What it was moved to begins the rest: a number, a week, a quarter, a month's name ("moved to prod on
  // 2026-11-20" moves the change to an environment, not a date).
  const words = after.split(' ').slice(0, 3);
  const first = words[0]!.replace(/[.,]$/, '');
  if (!/^(?:\d|kw|cw|wk|w\d|week|woche|semaine|semana|q[1-4]|mid|early|end|ende|fin|eind|next|nächste)/i.test(first) && !monthNamed(first)) return undefined;
  return dateNamed(words.join(' '), written);
}

// The way back, in the languages read: "back to 3", "terug naar 3", "zurück auf 3", "wieder auf 3",
// "de vuelta a 3", "vuelve a 3", "retour à 3", "torna a 3", "volta para 3", "z powrotem na 3", "wracamy do 3".
const WAY_BACK = sourceOf(
  String.raw`(?:back|revert|terug|zurück|zurueck|wieder auf`,
  String.raw`|de vuelta|vuelve|volvemos|volver|de nuevo|retour|revenir|revient|torna|torniamo|di nuovo|volta|voltamos|voltar|de volta|wracamy|wrócimy|powrót|z powrotem)(?![\p{L}])`,
);
// A day written right before the way back ("maandag 30/11 terug naar 3", "Montag 30.11. zurück auf 3",
// "30/11 back to 3"), or after it with a word that puts something on a day ("terug naar 3 op 30/11",
// "vuelve a 3 el 30/11"): the day the plan goes back, so the day the temporary value ends. A dotted
// day.month needs its closing dot or a year ("3.11 back to 3.10" is a version going back).
const DAY_BEFORE_BACK = regex('iu', String.raw`(?<![\p{L}\p{N}./-])(?:(\d{1,2})/(\d{1,2})(?:/(\d{4}))?|(\d{1,2})\.(\d{1,2})\.(\d{4})?)(?![\d/]) ${WAY_BACK}`);
const DAY_AFTER_BACK = regex('iu', String.raw`${WAY_BACK}(?: [^\s,.;:]{1,20}){0,3} (?:${ON_A_DAY}) (\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])`);
/** The day a text's way back is written on, if it writes one beside it. */
function dayOfWayBack(t: string, written: string): string | undefined {
  const m = DAY_BEFORE_BACK.exec(t);
  if (m && m[1]) return dayOrMonthFirst(Number(m[1]), Number(m[2]), m[3], written);
  if (m) return dayMonth(Number(m[4]), Number(m[5]), m[6], written);
  const a = DAY_AFTER_BACK.exec(t);
  return a && !amountAfter(t, a.index + a[0].length) ? dayOrMonthFirst(Number(a[1]), Number(a[2]), a[3], written) : undefined;
}

/** `written` is when the text was written (ISO), for dates given without a year. */
export function readDeadline(text: string, written: string): Deadline {
  const t = withoutDatesWeekday(text.replace(/\s+/g, ' '));
  const moved = movedTo(t, written);
  if (moved) return { date: moved };
  const resumed = resumeDate(t, written);
  if (resumed) return { date: resumed };
  const window = windowEnd(t, written);
  if (window) return { date: window };
  // The first day that ends something: one that names a document ("see post-mortem 2027-10-14") is where
  // the decision is written, not its end (cited-date.ts).
  let m: RegExpExecArray | null = null;
  for (const iso8601 of t.matchAll(new RegExp(String.raw`\b${LEAD}? ?(\d{4})-(\d{2})-(\d{2})\b`, 'gi'))) {
    const at = iso8601.index + iso8601[0].length - 10;
    if (!citedDate(t, at, 10)) return { date: iso(Number(iso8601[1]), Number(iso8601[2]), Number(iso8601[3])) };
  }
  const cell = cellDate(t, written);
  if (cell) return { date: cell };
  // "through end of October", "revoke by the end of March 2026": a month's end after a limit word. Without
  // one it is when something happened or is expected ("end of October numbers look good").
  m = new RegExp(String.raw`\b(?:the )?end of (?:the month of )?${MONTH}(?:,? (\d{4}))?\b`, 'i').exec(t);
  if (m && limitBefore(t, m.index)) {
    const mo = monthOf(m[1]!);
    const y = m[2] ? Number(m[2]) : nextYear(written, mo, lastDay(Number(written.slice(0, 4)), mo));
    return { date: iso(y, mo, lastDay(y, mo)) };
  }
  const period = PERIOD_END.exec(t);
  if (period && limitBefore(t, period.index)) return { date: periodEnd(period, written) };
  // An ISO week: "bis Ende KW 50", "by week 50", "till w50", "wk 2", "2027-W03" — its last day.
  m = ISO_WEEK.exec(t);
  if (m) {
    const week = Number(m[2] ?? m[3]);
    const date = weekEnd(m[1] ?? m[4], week, written);
    if (date) return { date };
  }
  // "end of Q2", "through Q3 2026", "bis Ende Q1", "hasta fin del Q1"
  m = /\b(?:end of |through |until |by |in )?Q([1-4])(?:[ /-]?(\d{4}))?\b/i.exec(t);
  // … and a quarter that ends something right after it: "remove after Q3", "post-Q3", "nach Q3".
  if (!m || !/\b(?:end of|through|until|by|till|bis|ende|hasta|fin|jusqu|fino)\b/i.test(t)) m = QUARTER_AFTER.exec(t);
  if (m) {
    const q = Number(m[1]);
    const mo = q * 3;
    const y = m[2] ? Number(m[2]) : nextYear(written, mo, lastDay(Number(written.slice(0, 4)), mo));
    return { date: iso(y, mo, lastDay(y, mo)) };
  }
  // "until March 15", "by 15 March 2026", "before Mar 3rd"
  m = new RegExp(String.raw`\b(?:${LEAD}|${AFTER_LEADS}) ${MONTH}\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\b`, 'i').exec(t);
  if (m) {
    const mo = monthOf(m[1]!);
    const d = Number(m[2]);
    return { date: iso(m[3] ? Number(m[3]) : yearFor(written, mo, d, yearAt(t, m.index)), mo, d) };
  }
  m = new RegExp(String.raw`\b(?:${LEAD}|${AFTER_LEADS}) (?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}(?:,? (\d{4}))?\b`, 'i').exec(t);
  if (m) {
    const mo = monthOf(m[2]!);
    const d = Number(m[1]);
    return { date: iso(m[3] ? Number(m[3]) : yearFor(written, mo, d, yearAt(t, m.index)), mo, d) };
  }
  const foreignMonth = foreignMonthDate(t, written);
  if (foreignMonth) return { date: foreignMonth };
  const beside = bracketedDay(t, written);
  if (beside) return { date: beside };
  // "until March", "through April 2026": the end of that month
  m = new RegExp(String.raw`\b(?:until|till|through|thru|by|before) (?:late )?${MONTH}(?:,? (\d{4}))?\b`, 'i').exec(t);
  if (m) {
    const mo = monthOf(m[1]!);
    const y = m[2] ? Number(m[2]) : nextYear(written, mo, 1);
    return { date: iso(y, mo, lastDay(y, mo)) };
  }
  // "until 15.10.", "bis 28.02.2027": day.month as most of Europe writes it; "by 30/06", "till
  // 11/11": day/month or month/day where only one reading is a date (or both readings agree).
  m = new RegExp(
    sourceOf(
      String.raw`(?:\b(?:until|till|til|by|before|through|thru|ends?|ending|expires?|expiring|no later than|latest|`,
      String.raw`deadline:?|due:?|bis|promised|after|ab|on|am|vom|zum|${OTHER_LEADS}) \(?|\()(\d{1,2})\.(\d{1,2})(\.(\d{4})?)?(?!\d|\.\d)${NOT_AMOUNT}`,
    ),
    'iu',
  ).exec(t);
  // Without its trailing dot ("until 25.11") day.month looks like a version ("until 4.2 ships"):
  // a date only when no verb of a release follows it.
  // (Not an amount: "until 10.12 ms" — calendar.ts amountAfter.)
  // Opened by a parenthesis alone, it is a date when the parenthesis closes on it ("(20.11)"); one that
  // goes on into words is a version ("prod follows once 4.2 runs there (4.1 still reads the flag)").
  const versionInParens = !!m && !m[3] && m[0].startsWith('(') && !/^\s*\)/.test(t.slice(m.index + m[0].length));
  if (m && !versionInParens && !amountAfter(t, m.index + m[0].length) && (m[3] || !RELEASED.test(t.slice(m.index + m[0].length)))) {
    const date = dayMonth(Number(m[1]), Number(m[2]), m[4], written, yearAt(t, m.index));
    if (date) return { date };
  }
  m =
    new RegExp(String.raw`(?:\b${LEAD}|(?<![\p{L}])(?:after|${OTHER_LEADS})) \(?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b${NOT_AMOUNT}(?!\s{1,2}of\b)`, 'iu').exec(
      t,
    ) ?? /\((\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\)/.exec(t);
  if (m && !amountAfter(t, m.index + m[0].length)) {
    const date = dayOrMonthFirst(Number(m[1]), Number(m[2]), m[3], written, yearAt(t, m.index));
    if (date) return { date };
  }
  // "until mid-December", "by early Jan": the 15th, the 10th.
  m = new RegExp(String.raw`\b(?:${LEAD} )?(?:the )?(mid|early)[- ]${MONTH}(?:,? (\d{4}))?\b`, 'i').exec(t);
  if (m) {
    const mo = monthOf(m[2]!);
    const d = m[1]!.toLowerCase() === 'mid' ? 15 : 10;
    return { date: iso(m[3] ? Number(m[3]) : nextYear(written, mo, d), mo, d) };
  }
  // "in the Tuesday release window", "with Thursday's deploy", "w oknie wtorkowym", "im
  // Dienstagsfenster", "en la ventana del martes": the first such day after the commit.
  const windowDay = dayOfWindow(t);
  if (windowDay !== undefined) return { date: nextWeekday(written, windowDay) };
  // "until Friday", "till next Tuesday": the first such day after the commit.
  m = new RegExp(String.raw`\b(?:until|till|til|by|before|through|thru|on|ends?|ending) (?:next |this |the )?${WEEKDAY}\b`, 'i').exec(t);
  if (m) return { date: nextWeekday(written, WEEKDAYS.indexOf(m[1]!.slice(0, 3).toLowerCase())) };
  const relative = relativeDay(t, written);
  if (relative) return { date: relative };
  const span = spanFrom(t, written);
  if (span) return { date: span };
  // "do 20.11", "11/20までに", "na dwa tygodnie": the languages languages.ts reads.
  const foreign = foreignDeadline(t, written);
  if (foreign) return { date: foreign };
  const back = dayOfWayBack(t, written);
  if (back) return { date: back };
  // An event: "until the freeze ends", "after the QA run", "once the migration is done"; a line
  // break ends it.
  const lines = text.replace(/[ \t]+/g, ' ');
  m = regex(
    'im',
    String.raw`\b(?:until|till|after|once|when|as soon as|by the end of|at the end of|during|while) (?:the |our |`,
    String.raw`this |a |we )?([a-z][\w -]{2,40}?)(?: (?:is|are|has|have|been|gets?|ends?|ended|finish(?:es|ed)?|`,
    'completes?|completed|done|over|lifted|closed|resolved|signed off|passes|passed|merged|shipped|',
    String.raw`live)){0,3}(?=[.,;:)\n]|$| and | then | -)`,
  ).exec(lines);
  if (m) return { event: m[1]!.trim() };
  // For the duration of an event, in the languages read: "le temps de la migration front",
  // "während der Migration", "durante la migración", "per la durata della migrazione".
  m = DURING.exec(lines);
  if (m) return { event: m[1]!.trim() };
  return {};
}

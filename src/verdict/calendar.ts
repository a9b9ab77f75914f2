// Dated forms as people write them after an "until" word, in every language the readers read: an ISO
// week ("week 46", "KW 46", "semaine 46", "46. hafta", "第46周", "46주차"), a quarter ("Q4", "4.
// Quartal", "第4四半期"), a weekday ("vrijdag", "piątku", "пятницы", "金曜", "周五") and a sprint
// ("Sprint 48", an event with no calendar date). One table for deadline.ts and languages.ts: a
// language's until word takes every dated form, not the ones someone thought of for it.
import { regex } from './pattern.js';

/** The Sunday ending ISO week `week` of `year`, or of the first year whose week `week` ends on or
 * after `written`. */
export function weekEnd(year: string | undefined, week: number, written: string): string | undefined {
  if (week < 1 || week > 53) return undefined;
  const sunday = (y: number) => {
    // Week 1 holds 4 January; its Monday is the start of the ISO year.
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4);
    monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7 + 6);
    return monday.toISOString().slice(0, 10);
  };
  if (year) return sunday(Number(year));
  const y = Number(written.slice(0, 4));
  return sunday(y) >= written.slice(0, 10) ? sunday(y) : sunday(y + 1);
}

/** The first date after the day `written` (ISO) that falls on `weekday` (0 = Sunday). */
export function nextWeekday(written: string, weekday: number): string {
  const d = new Date(`${written.slice(0, 10)}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== weekday);
  return d.toISOString().slice(0, 10);
}

/** The last day of quarter `q` of `year`, or of the first year whose quarter `q` ends on or after `written`. */
export function quarterEnd(q: number, year: string | undefined, written: string): string {
  const m = q * 3;
  const last = (y: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  if (year) return last(Number(year));
  const y = Number(written.slice(0, 4));
  return last(y) >= written.slice(0, 10) ? last(y) : last(y + 1);
}

// Weekday stems in every language read, Sunday first (a stem takes its inflection: "piątku",
// "пятницы", "cumaya"). Portuguese weekdays are named with "-feira" (a bare "segunda" is "second").
export const WEEKDAY_STEMS: string[][] = [
  [
    'sunday',
    'sonntag',
    'domingo',
    'dimanche',
    'domenica',
    'zondag',
    'niedziel',
    'воскресень',
    'pazar(?!tesi)',
    '日曜',
    '周日',
    '周天',
    '星期日',
    '星期天',
    '일요일',
  ],
  ['monday', 'montag', 'lunes', 'lundi', 'lunedì', 'segunda-feira', 'maandag', 'poniedział', 'понедельник', 'pazartesi', '月曜', '周一', '星期一', '월요일'],
  ['tuesday', 'dienstag', 'martes', 'mardi', 'martedì', 'terça-feira', 'dinsdag', 'wtor', 'вторник', 'salı', '火曜', '周二', '星期二', '화요일'],
  [
    'wednesday',
    'mittwoch',
    'miércoles',
    'mercredi',
    'mercoledì',
    'quarta-feira',
    'woensdag',
    'środ',
    'сред[ыу]',
    'çarşamba',
    '水曜',
    '周三',
    '星期三',
    '수요일',
  ],
  ['thursday', 'donnerstag', 'jueves', 'jeudi', 'giovedì', 'quinta-feira', 'donderdag', 'czwart', 'четверг', 'perşembe', '木曜', '周四', '星期四', '목요일'],
  ['friday', 'freitag', 'viernes', 'vendredi', 'venerdì', 'sexta-feira', 'vrijdag', 'piąt', 'пятниц', 'cuma(?!rtesi)', '金曜', '周五', '星期五', '금요일'],
  ['saturday', 'samstag', 'sábado', 'samedi', 'sabato', 'zaterdag', 'sobot', 'суббот', 'cumartesi', '土曜', '周六', '星期六', '토요일'],
];

// An ISO week: "2026-W46", "KW 46", "week 46", "semaine 46", "tydzień 46", "неделя 46"; with the
// number first only where it is an ordinal ("46. hafta", "46-й недели", "46週目", "第46周", "46주차"):
// "2 hafta", "2週", "两周" are spans, not weeks of the year.
// What follows a number that makes it an amount, not a day, a month or a week: a range or version
// going on ("1.12-3", "KW 15-20", "do 2-3") — in the patterns, as `NOT_AMOUNT` — and a unit or a
// count after it ("bis 10-12 ms", "2-3 times", "3/4 pods", "do 2-3 prób", "bis 2-3 Versuche",
// "hasta 2-3 intentos", "2-3 dni") — looked up word by word by `amountAfter` (one alternation of all
// of them left recheck undecided in 20 s). A date is followed by neither ("bis 15.11. testen", "do
// 15-11, potem prod").
export const NOT_AMOUNT = String.raw`(?![-–]\d)`;
// prettier-ignore
const AMOUNT_WORDS = [
  '%', 'x', 's', 'ms', 'sec', 'secs', 'second+1', 'sek+5', 'sekund+2', 'min', 'mins', 'minute+1', 'minut+3', 'minuto+1', 'h', 'hr', 'hrs',
  'hour+1', 'godz+5', 'stunde+1', 'std', 'hora+1', 'heure+1', 'uur', 'ore', 'segundo+1', 'seconde+1', 'seconden', 'secondi',
  'day+1', 'tag+2', 'dni', 'dnia', 'días', 'dias', 'jour+1', 'dagen', 'giorni', 'дн+2', 'week+1', 'wochen', 'tygodni+1', 'semanas',
  'semaines', 'weken', 'settimane', 'rps', 'qps', 'rpm', 'gb', 'mb', 'kb', 'gib', 'mib', 'times', 'tries', 'attempts', 'retries',
  'requests', 'calls', 'pod+2', 'replica+1', 'node+1', 'instance+1', 'worker+1', 'shard+1', 'razy', 'raz', 'prób+1', 'próby',
  'powtórze+3', 'replik+2', 'węzł+2', 'versuch+2', 'wiederholungen', 'anfragen', 'veces', 'intento+1', 'reintento+1', 'peticiones',
  'fois', 'tentative+1', 'essai+1', 'requêtes', 'keer', 'pogingen', 'verzoeken', 'volte', 'tentativo', 'tentativi', 'vezes',
  'tentativa+1', 'pedidos', 'раз+1', 'попыт+3', 'запрос+3',
].map((w) => {
  const [stem, more] = w.split('+') as [string, string | undefined];
  return { stem, more: more === undefined ? 0 : Number(more) };
});

/** Does a unit or a count follow the number that ends at `end` ("10-12 ms", "2-3 prób", "3/4 pods")? */
export function amountAfter(text: string, end: number): boolean {
  const ahead = text.slice(end, end + 24);
  // The word joined to the number or one or two spaces after it, without its punctuation.
  const word = /^\s{0,2}(%|[\p{L}]{1,16})/u.exec(ahead)?.[1]?.toLowerCase();
  return !!word && AMOUNT_WORDS.some(({ stem, more }) => word.startsWith(stem) && word.length - stem.length <= more);
}
// "w" alone leads a week only joined to it ("w47", "W47"): "w 15 minut", "odpowiada w 15-20s" are Polish "in".
const WEEK_WORD = String.raw`kw|cw|wk|w(?=\d)|week|woche|semaine|semana|settimana|tydzie[ńn]|tygodni[aeu]?|недел[яиюе]|hafta|週|周|주`;
const WEEK = sourceOf(
  String.raw`(\d{4})-W(\d{1,2})|(?:${WEEK_WORD})\.?\s?(\d{1,2})(?:[ /](\d{4}))?(?![\d.]\d)${NOT_AMOUNT}|`,
  String.raw`(\d{1,2})(?:\.|-?(?:й|я|го|ой|ей))\s?(?:недел\p{L}*|hafta\p{L}*)|第\s?(\d{1,2})\s?[週周]|(\d{1,2})\s?週目|제?\s?(\d{1,2})\s?주차`,
);
const QUARTER = sourceOf(
  String.raw`Q([1-4])(?:[ /-]?(\d{4}))?|([1-4])(?:\.|º|°|e|er|ème|o|-?(?:й|го))?\s?(?:quartal\p{L}*|trimestre|kwarta\p{L}*|квартал\p{L}*|çeyre\p{L}*)|`,
  String.raw`第\s?([1-4一二三四])\s?(?:四半期|季度)|([1-4])\s?분기`,
);
const SPRINT = String.raw`(?:sprint\p{L}*|спринт\p{L}*|スプリント|冲刺|스프린트)\s?#?\d{1,4}`;
const WEEKDAY = WEEKDAY_STEMS.map((stems, day) => `(?<d${day}>${stems.join('|')})`).join('|');

function sourceOf(...parts: string[]): string {
  return parts.join('');
}

/** One dated form, as regex source with no capturing group of its own outside `DATED`'s (for a
 * caller to embed): its match is read again by `datedForm`. */
export const DATED_FORM = sourceOf(
  String.raw`(?:\d{4}-W\d{1,2}|(?:${WEEK_WORD})\.?\s?\d{1,2}(?:[ /]\d{4})?(?![\d.]\d)${NOT_AMOUNT}|\d{1,2}(?:\.|-?(?:й|я|го|ой|ей))\s?(?:недел\p{L}*|hafta\p{L}*)|`,
  String.raw`第\s?\d{1,2}\s?[週周]|\d{1,2}\s?週目|제?\s?\d{1,2}\s?주차|`,
  String.raw`Q[1-4](?:[ /-]?\d{4})?|[1-4](?:\.|º|°|e|er|ème|o|-?(?:й|го))?\s?(?:quartal\p{L}*|trimestre|kwarta\p{L}*|квартал\p{L}*|çeyre\p{L}*)|`,
  String.raw`第\s?[1-4一二三四]\s?(?:四半期|季度)|[1-4]\s?분기|${SPRINT}|`,
  String.raw`(?:${WEEKDAY_STEMS.flat().join('|')})(?:\p{Ll}{0,6}))`,
);

const WEEK_RE = new RegExp(`^(?:${WEEK})`, 'iu');
const QUARTER_RE = new RegExp(`^(?:${QUARTER})`, 'iu');
const SPRINT_RE = new RegExp(`^${SPRINT}`, 'iu');
const WEEKDAY_RE = new RegExp(`^(?:${WEEKDAY})`, 'iu');
const CJK_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** What a dated form (a match of `DATED_FORM`) names: the date it ends on — a week's Sunday, a
 * quarter's last day, the next such weekday after `written` — or, for a sprint, the event. */
export function datedForm(form: string, written: string): { date: string } | { event: string } | undefined {
  const s = form.trim();
  let m = WEEK_RE.exec(s);
  if (m) {
    const week = Number(m[2] ?? m[3] ?? m[5] ?? m[6] ?? m[7] ?? m[8]);
    const date = weekEnd(m[1] ?? m[4], week, written);
    return date ? { date } : undefined;
  }
  m = QUARTER_RE.exec(s);
  if (m) {
    const q = m[1] ?? m[3] ?? m[4] ?? m[5];
    return { date: quarterEnd(CJK_NUMBER[q!] ?? Number(q), m[2], written) };
  }
  if (SPRINT_RE.test(s)) return { event: s };
  m = WEEKDAY_RE.exec(s);
  if (m?.groups) {
    const day = Object.entries(m.groups).find(([, v]) => v !== undefined)?.[0];
    if (day) return { date: nextWeekday(written, Number(day.slice(1))) };
  }
  return undefined;
}

// Month names as English, German, Spanish, French (and its short forms "janv", "déc"), Portuguese, Italian,
// Dutch, Danish, Norwegian and Swedish ("16. marts", "1. desember", "1 augusti"), Polish and Czech (in the genitive a
// date takes: "1 grudnia", "20. listopadu"), Russian ("1 декабря") and Turkish ("1 Aralık") write them, whole.
const MONTH_NAMES: Array<[RegExp, number]> = [
  [/^(?:jan(?:uary)?|jän(?:ner)?|januar|enero|janvier|janeiro|gennaio|januari|stycznia|styczeń|ledna|janv|января|январь|ocak)$/i, 1],
  [/^(?:feb(?:ruary)?|februar|febrero|février|fevereiro|febbraio|februari|lutego|luty|února|févr|февраля|февраль|şubat)$/i, 2],
  [/^(?:mar(?:ch)?|märz|marzo|mars|marts|março|maart|marca|marzec|března|марта|март|mart)$/i, 3],
  [/^(?:apr(?:il)?|abril|avril|aprile|kwietnia|kwiecień|dubna|avr|апреля|апрель|nisan)$/i, 4],
  [/^(?:may|mai|mayo|maio|maggio|mei|maja|maj|května|мая|май|mayıs)$/i, 5],
  [/^(?:jun(?:e|i)?|junio|juin|junho|giugno|czerwca|czerwiec|června|июня|июнь|haziran)$/i, 6],
  [/^(?:jul(?:y|i)?|julio|juillet|julho|luglio|lipca|lipiec|července|juil|июля|июль|temmuz)$/i, 7],
  [/^(?:aug(?:ust)?|agosto|août|augustus|augusti|sierpnia|sierpień|srpna|августа|август|ağustos)$/i, 8],
  [/^(?:sep(?:t(?:ember)?)?|septiembre|septembre|setembro|settembre|września|wrzesień|září|сентября|сентябрь|eylül)$/i, 9],
  [/^(?:oct(?:ober)?|okt(?:ober)?|octubre|octobre|outubro|ottobre|października|październik|října|октября|октябрь|ekim)$/i, 10],
  [/^(?:nov(?:ember)?|noviembre|novembre|novembro|listopada|listopad|listopadu|ноября|ноябрь|kasım)$/i, 11],
  [/^(?:dec(?:ember)?|dez(?:ember)?|desember|diciembre|décembre|dezembro|dicembre|grudnia|grudzień|prosince|déc|декабря|декабрь|aralık)$/i, 12],
];
const MONTH_WORD = String.raw`(\p{L}{3,12})\.?`;
const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO day of a year, month and day, where the month has that day. */
export function isoDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}
// Catalan's months, whole, and Greek's by their stems: Greek writes a month in the genitive beside a day
// ("31 Μαρτίου") and in the nominative alone ("Μάρτιος"), with or without its accents.
const CATALAN_MONTHS = ['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'];
const GREEK_MONTHS = ['ιανουαρ', 'φεβρουαρ', 'μαρτ', 'απριλ', 'μαι', 'ιουν', 'ιουλ', 'αυγουστ', 'σεπτεμβρ', 'οκτωβρ', 'νοεμβρ', 'δεκεμβρ'];
const GREEK_ENDING = /^(?:ιου|ιος|ου|ος)$/u;
function otherMonth(word: string): number | undefined {
  const w = word.toLowerCase();
  const ca = CATALAN_MONTHS.indexOf(w);
  if (ca >= 0) return ca + 1;
  if (!/\p{Script=Greek}/u.test(w)) return undefined;
  const bare = w.normalize('NFD').replace(/\p{M}/gu, '');
  const el = GREEK_MONTHS.findIndex((stem) => bare.startsWith(stem) && GREEK_ENDING.test(bare.slice(stem.length)));
  return el >= 0 ? el + 1 : undefined;
}
const monthOf = (word: string) => MONTH_NAMES.find(([re]) => re.test(word))?.[1] ?? otherMonth(word);
/** The month (1–12) a whole month name means in any language read ("janvier", "stycznia", "Dez"). */
export const monthNamed = monthOf;
/** The year of a day and month written without one: as `year` says (YearOf), from the day the text was written. */
export const yearFor = (written: string, m: number, d: number, year: YearOf = 'ahead'): number => {
  const y = Number(written.slice(0, 4));
  const day = written.slice(0, 10);
  const past = `${y}-${pad(m)}-${pad(d)}` <= day ? y : y - 1;
  const ahead = `${y}-${pad(m)}-${pad(d)}` >= day ? y : y + 1;
  if (year === 'past') return past;
  if (year === 'ahead') return ahead;
  // A day just gone (within six weeks), else the next: "back to 600 after 20.11." written on 25 November.
  if (year === 'recent') return Date.parse(`${day}T00:00:00Z`) - Date.UTC(past, m - 1, d) <= 42 * 86_400_000 ? past : ahead;
  // The nearer of the two: a note written on 3 Dec about "28 Nov" means the one just gone, one written
  // on 28 Nov about "1 Dec" the one just ahead.
  const off = (yy: number) => Math.abs(Date.UTC(yy, m - 1, d) - Date.parse(`${day}T00:00:00Z`));
  return off(past) <= off(ahead) ? past : ahead;
};
/** Which year a day written without one is in: the first on or after the text (`ahead`, a plan's
 * day), the last on or before it (`past`), the nearer of the two (`near`, a report of what happened),
 * or the one just gone if it is at most six weeks back, else the next (`recent`, a text that says
 * neither: it names a day ahead, unless that day has only just passed). */
export type YearOf = 'ahead' | 'past' | 'near' | 'recent';

const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const DAY_MONTH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?${MONTH_WORD}(?:\s+(?:de\s+)?(\d{4}))?(?![\p{L}])`,
  'iu',
);
const MONTH_DAY = new RegExp(String.raw`(?<![\p{L}])${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?![\p{L}\p{N}])`, 'iu');
const DAY_MONTH_ALL = new RegExp(DAY_MONTH.source, 'giu');
const MONTH_DAY_ALL = new RegExp(MONTH_DAY.source, 'giu');
// The words that put something on a day, in the languages read: "on 20.12.", "am 20.12.", "le 20/12", "el 20/12",
// "il 20/12", "em 20/12", "op 20-12", "w 20.12.", "dnia 20.12.", "dia 20/12".
export const ON_A_DAY = String.raw`on|am|le|el|il|em|op|w|dnia|dia`;
// Day.month. with a year, or after a word that leads a day ("am 1.12.", "since 1.12."): "1.12." alone may be a version.
// With its year, a space may follow each dot, as Czech and Slovak write a day by the standard ("1. 11. 2027").
const DOTTED = regex(
  'iu',
  String.raw`(?<![\d.])(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})(?!\d)|`,
  String.raw`(?<![\p{L}])(?:${ON_A_DAY}|since|from|ab|seit|vom)\s+(\d{1,2})\.(\d{1,2})\.(?![\d])`,
);
const CJK = /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u;

// A day written with slashes ("21/01/2028", "le 14/01") is read day first in most of the languages read and
// month first in American English: only a pair that cannot be both ("14/01", "01/14") is read, each way.
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/gu;
/** Every day a text writes with slashes whose order no reader could doubt (one number above 12). */
export function slashedDays(text: string, written: string, year: YearOf = 'ahead'): string[] {
  return [...text.matchAll(SLASHED)].flatMap((m) => {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 === b > 12) return [];
    const [d, mo] = a > 12 ? [a, b] : [b, a];
    const day = isoDay(m[3] ? Number(m[3]) : yearFor(written, mo, d, year), mo, d);
    return day ? [day] : [];
  });
}

/** The first calendar day a text names, as people write one ("2026-11-25", "30 November 2026",
 * "December 1st", "1. Dezember", "1 de diciembre de 2026", "1 grudnia", "1.12.", "2026年12月1日", "12월 1일").
 * A day without its year is the first such day on or after `written`, or as `year` says (`near`, for a
 * text reporting what happened: "released 28 Nov" in a note of 3 December is the one just gone). */
export function dateIn(text: string, written: string, year: YearOf = 'ahead'): string | undefined {
  const t = text.replace(/\*\*|__/g, '');
  let m = ISO.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = CJK.exec(t);
  if (m) {
    const [mo, d] = [Number(m[2]), Number(m[3])];
    return isoDay(m[1] ? Number(m[1]) : yearFor(written, mo, d, year), mo, d);
  }
  // (Every candidate, not the first: "INFRA-88 was closed on 28 Nov" has "88 was" before the day.)
  for (const d of t.matchAll(DAY_MONTH_ALL)) {
    const dm = monthOf(d[2]!);
    if (dm) return isoDay(d[3] ? Number(d[3]) : yearFor(written, dm, Number(d[1]), year), dm, Number(d[1]));
  }
  for (const d of t.matchAll(MONTH_DAY_ALL)) {
    const md = monthOf(d[1]!);
    if (md) return isoDay(d[3] ? Number(d[3]) : yearFor(written, md, Number(d[2]), year), md, Number(d[2]));
  }
  m = DOTTED.exec(t);
  if (m) {
    const [d, mo] = m[1] ? [Number(m[1]), Number(m[2])] : [Number(m[4]), Number(m[5])];
    return isoDay(m[3] ? Number(m[3]) : yearFor(written, mo, d, year), mo, d);
  }
  return undefined;
}

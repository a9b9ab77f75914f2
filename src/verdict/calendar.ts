// Dated forms as people write them after an "until" word, in every language the readers read: an ISO
// week ("week 46", "KW 46", "semaine 46", "46. hafta", "第46周", "46주차"), a quarter ("Q4", "4.
// Quartal", "第4四半期"), a weekday ("vrijdag", "piątku", "пятницы", "金曜", "周五") and a sprint
// ("Sprint 48", an event with no calendar date). One table for deadline.ts and languages.ts: a
// language's until word takes every dated form, not the ones someone thought of for it.

const pad = (n: number) => String(n).padStart(2, '0');

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
const WEEK_WORD = String.raw`kw|cw|wk|w|week|woche|semaine|semana|settimana|tydzie[ńn]|tygodni[aeu]?|недел[яиюе]|hafta|週|周|주`;
const WEEK = sourceOf(
  String.raw`(\d{4})-W(\d{1,2})|(?:${WEEK_WORD})\.?\s?(\d{1,2})(?:[ /](\d{4}))?(?![\d.]\d)|`,
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
  String.raw`(?:\d{4}-W\d{1,2}|(?:${WEEK_WORD})\.?\s?\d{1,2}(?:[ /]\d{4})?(?![\d.]\d)|\d{1,2}(?:\.|-?(?:й|я|го|ой|ей))\s?(?:недел\p{L}*|hafta\p{L}*)|`,
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

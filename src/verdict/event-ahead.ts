// What a later record says of the event a temporary change waits for, when it says that event is still
// ahead: expected on a day to come ("letter of compliance (LoC), expected early December", "8.4.2 GA
// voraussichtlich im September", "migrace plánována na listopad") or with no date at all ("the export API is
// on their 2031 roadmap, no date yet", "chưa có ngày cụ thể", "bez terminu", "inget datum ännu", "날짜 미정").
// A temporary measure whose end is an event (the letter of compliance, the customer's migration) is not over
// because it has stood a while: the record of its event is what a person reads before putting it back, and
// putting it back before the event brings back what it was for. With a day ahead the measure is declared
// until then; with no day the end is open, which is a question for its owner, not a move (difference.ts).
import { dateNamed } from './deadline.js';
import { regex } from './pattern.js';

// Until words and what follows them, in the languages the tables read: the event a temporary change waits
// for when its text names no date ("until the LoC", "bis zur Umstellung", "cho đến khi khách chuyển sang
// export API", "do czasu migracji", "tills leverantören släpper 8.4.2"); Korean, Japanese and Chinese
// name the event before their until word ("8.4.2 설치까지", "移行まで", "迁移之前").
const UNTIL_THEN_EVENT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|pending|bis(?: zu[mr]?)?|jusqu['’](?:à|au|aux)|hasta(?: que)?|até(?: que)?|fino a|finché|tot(?:dat)?|`,
  String.raw`do czasu|dopóki|dokud|až do|tills|till dess|indtil|inntil|cho đến khi|đến khi|cho tới khi|tới khi|hingga|sampai|пока|до|حتى|لحين)`,
  String.raw`(?![\p{L}])\s{1,3}((?:[^.;:!?\n]|\.(?=\S)){3,80})`,
);
const EVENT_THEN_UNTIL = regex('u', String.raw`([^\s.;:!?\n](?:[^.;:!?\n]|\.(?=\S)){2,40}?)\s?(?:까지|まで|之前|为止|तक)`);

/** The event a temporary change's text waits for: the words after its until word (or before it, where the
 * language puts it last). Undefined where the text has no until word. */
export function awaitedEvent(text: string): string | undefined {
  const m = UNTIL_THEN_EVENT.exec(text) ?? EVENT_THEN_UNTIL.exec(text);
  return m?.[1]?.trim();
}

// Words that say nothing of the event itself: articles, the until words' companions, pronouns.
const FILLER = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'then', 'they', 'their', 'der', 'die', 'das', 'den', 'zur', 'zum', 'des']);

/** The words naming the event: acronyms and words of four letters or more (three for an acronym such as "LoC", "API"). */
export function eventWords(event: string): string[] {
  return [
    ...new Set(
      (event.match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? []).filter((w) => (w.length >= 4 || /\p{Lu}.*\p{Lu}/u.test(w)) && !FILLER.has(w.toLowerCase())),
    ),
  ];
}

// Expected on a day to come: "expected early December", "ETA: January", "scheduled for 14 Nov", "planned
// for", "due", "erwartet", "voraussichtlich", "geplant", "prévu(e)", "previsto", "esperado", "programado",
// "planowan…", "oczekiwan…", "spodziewan…", "plánován…", "očekáv…", "förväntas", "planerad", "beräknas",
// "dự kiến", "ожидается", "запланирован…", "예정", "予定", "预计", "计划于", "متوقع", "مقرر", "अपेक्षित".
const EXPECTED = regex(
  'iu',
  String.raw`(?:(?<![\p{L}])(?:expected|eta|scheduled|planned|due|erwartet|voraussichtlich|geplant|prévue?s?|previst[oa]|esperad[oa]|programad[oa]|`,
  String.raw`planowan\p{L}*|oczekiwan\p{L}*|spodziewan\p{L}*|plánován\p{L}*|planovan\p{L}*|očekáv\p{L}*|ocekav\p{L}*|förväntas|planerad|beräknas|`,
  String.raw`dự kiến|du kien|ожидает\p{L}*|запланирован\p{L}*|متوقع|مقرر|अपेक्षित)(?![\p{L}])|예정|予定|预计|计划于)`,
);
// No date for it: "no date yet", "not dated", "TBD", "kein Termin", "sans date", "sin fecha", "sem data",
// "senza data", "geen datum", "brak terminu", "bez terminu", "bez data", "termín zatím není", "inget datum",
// "ingen dato", "chưa có ngày", "không có ngày", "날짜 미정", "未定", "待定", "нет даты", "без даты",
// "لا يوجد موعد", "بدون موعد", "कोई तारीख नहीं".
const NO_DATE = regex(
  'iu',
  String.raw`(?:(?<![\p{L}])(?:no (?:fixed |firm |set |target )?(?:date|timeline|eta|deadline)(?: yet| set| given)?|not (?:yet )?(?:dated|scheduled)|without a date|tbd|`,
  String.raw`kein(?:en)? (?:Termin|Datum)|noch kein (?:Termin|Datum)|sans date|pas de date|sin fecha|sem data|senza data|geen datum|`,
  String.raw`brak (?:daty|terminu)|bez (?:terminu|daty|data)|termín (?:zatím )?(?:není|nemáme)|žádný termín|zatím bez termínu|inget datum|ingen dato|ingen datum|`,
  String.raw`chưa có ngày|chưa có thời hạn|không có ngày|chua co ngay|нет (?:даты|срока)|без (?:даты|срока)|لا يوجد موعد|بدون موعد|لا موعد|कोई तारीख नहीं|तारीख तय नहीं)(?![\p{L}])|`,
  String.raw`날짜 미정|일정 미정|미정|未定|待定|没有日期)`,
);

export interface EventAhead {
  /** The words saying so ("expected", "chưa có ngày"). */
  phrase: string;
  /** The day it is expected, where the sentence gives one (YYYY-MM-DD). */
  on?: string;
}

/** Whether `sentence`, written on `written`, names the awaited event (by one of `words`) and says it is
 * still ahead: expected on a day after `today`, or given no date. A question, or a sentence setting a
 * condition ("once the LoC arrives"), says nothing of when it comes. */
export function eventAhead(sentence: string, words: readonly string[], written: string, today?: string): EventAhead | undefined {
  if (words.length === 0 || /[?？]\s*$/u.test(sentence.trim())) return undefined;
  const lower = sentence.toLowerCase();
  if (!words.some((w) => lower.includes(w.toLowerCase()))) return undefined;
  const none = NO_DATE.exec(sentence);
  if (none) return { phrase: none[0] };
  const expected = EXPECTED.exec(sentence);
  if (!expected) return undefined;
  const on = dateNamed(sentence.slice(expected.index + expected[0].length).replace(/^[\s:,]*(?:for|on|in|at|to|am|im|le|el|en|na|w|v)?\s*/iu, ''), written);
  // A day already gone by says it was expected then: whether it came is another record's to say.
  if (!on || (today && on < today)) return undefined;
  return { phrase: expected[0], on };
}

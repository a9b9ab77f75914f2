// A plan that replaces a value from a day on ("new contract from 1 Nov: 400 seats (was 250)", "ab
// 1.12.: 30 Minuten statt 15", "à partir du 1er décembre : 30 au lieu de 15") names the new value as
// the one meant from then on, with no end: a hand edit made on or after that day, setting that value,
// carries the plan out. It is no stopgap, and the repository still holding the replaced value lags.
// Read only in a text written before the edit (a report of the edit with both values, "raised 250 → 400
// at 22:10", plans nothing), naming the new value and the one it replaces, and giving no end.
import { dateIn } from './calendar.js';
import { namesValue } from './documents.js';
import { regex } from './pattern.js';

// A start, as each language read writes one before a day.
const START = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:from|as of|starting(?: on)?|effective(?: from| on)?|beginning|ab(?: dem)?|`,
  String.raw`à partir du|à compter du|a partir del?|desde el|a partire dal|con decorrenza dal|vanaf|met ingang van|`,
  String.raw`från och med|fra og med|fra|od|a partir de|з|від|с)(?![\p{L}])`,
);
// An end or a while in the same sentence: the plan is a window, which the put-back readers weigh.
const WHILE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|through|bis|hasta|jusqu|fino al?|até|tot|do(?=\s+\d)|до|temporar\p{L}*|vorübergehend|temporal\p{L}*|`,
  String.raw`temporaire\p{L}*|temporane\p{L}*|tijdelijk|tillfällig\p{L}*|midlertidig\p{L}*|tymczasow\p{L}*|временн\p{L}*|тимчасов\p{L}*|then back|danach)(?![\p{L}])`,
);

/** The words starting the new value on a day, where the plan written on `written` replaces the file's
 * value by the live one from a day on or before the edit (`edited`, a day) and gives no end. */
export function plannedStart(sentence: string, live: string | null, file: string | null, written: string, edited: string | undefined): string | undefined {
  if (!edited || live === null || file === null || written.slice(0, 10) > edited) return undefined;
  if (live.trim() === '' || file.trim() === '' || !namesValue(sentence, live) || !namesValue(sentence, file)) return undefined;
  if (WHILE.test(sentence)) return undefined;
  for (const m of sentence.matchAll(new RegExp(START.source, 'giu'))) {
    // (With its lead word: "ab 1.3." is a day where "1.3." alone may be a version.)
    const head = `${m[0]}${sentence.slice(m.index + m[0].length, m.index + m[0].length + 30).split(/[:;,(]/)[0]}`;
    const day = dateIn(head, written);
    // A second day after the start ends it ("from 1 March to 31 March"): a window, not a new value.
    const after = sentence
      .slice(m.index + m[0].length)
      .split(/\s(?:to|–|—|-|au|al|a|tot|na|till)\s/u)
      .slice(1);
    const window = !!day && after.some((part) => (dateIn(part.slice(0, 30), day) ?? '') > day);
    if (day && day <= edited && !window) return head.trim();
  }
  return undefined;
}

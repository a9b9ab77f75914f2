// "Retry storm at the acquirer during the outage on 12/02", "tempestade de retries durante a queda de
// 02/12", "Retry-Sturm während des Ausfalls am 02.12.": a commit written days later that names an
// event by its day, before the day it was written, tells when the trouble happened — why the change is
// made — not how long the change lasts. A change cannot be limited to an event already over when it
// was made; "during the migration" with no day, or with today's or a later one, still bounds it.
import { dateIn, isoDay } from './calendar.js';

// The "during" words of the languages read, at the start of a time limit's phrase.
const DURING = /^(?:during|while|throughout|durante|während|pendant|durant|tijdens|podczas|w trakcie|under|aikana)(?![\p{L}])/iu;
// Where the event's own words end: a clause break (not the dot inside "02.12.").
const CLAUSE_END = /[;\n]|[.!?](?=\s|$)|,\s/u;

/** Does the time limit `phrase` (found in `text`) name an event dated before `written`? */
export function duringPast(text: string, phrase: string, written: string): boolean {
  if (!DURING.test(phrase.trim())) return false;
  const at = text.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return false;
  const rest = text.slice(at, at + 120);
  const end = rest.slice(phrase.length).search(CLAUSE_END);
  const clause = end < 0 ? rest : rest.slice(0, phrase.length + end + 1);
  const today = written.slice(0, 10);
  const day = dateIn(clause, written, 'near');
  if (day !== undefined) return day < today;
  // "02/12", "12/02", "02.12.": day or month first, the event is past only where both readings, in
  // the year written (or the one given), are before the day it was written.
  const m = NUMERIC.exec(clause);
  if (!m) return false;
  const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : Number(today.slice(0, 4));
  const days = [isoDay(year, Number(m[2]), Number(m[1])), isoDay(year, Number(m[1]), Number(m[2]))].filter((d): d is string => d !== undefined);
  return days.length > 0 && days.every((d) => d < today);
}

const NUMERIC = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?(?![\d/])/u;

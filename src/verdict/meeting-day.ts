// The day of a meeting a deferral names: a decision left to a meeting is open until that day, and
// after it the question is what the meeting decided.
import { dateIn } from './calendar.js';
import { dateNamed } from './deadline.js';

/** The day of the meeting a deferral names ("Decision: the CISO, at the risk committee on 15 Dec.",
 * "le RSSI au comité du 15/12"), read in the rest of its line, the year the next such day after the
 * record was written. */
export function meetingDay(text: string, deferred: string, written: string): string | undefined {
  const at = text.indexOf(deferred);
  if (at < 0) return undefined;
  const line = text.slice(at, text.indexOf('\n', at) < 0 ? undefined : text.indexOf('\n', at));
  const named = dateIn(line.slice(0, 200), written) ?? dateNamed(line.slice(0, 200), written);
  if (named) return named;
  // A meeting's day as the occasion reader takes it, day first ("al board del 14/12", "au comité du
  // 15/12"): the next such day after the record.
  const dm = /(?<![\d./])(\d{1,2})[./](\d{1,2})(?![\d/])/.exec(line.slice(0, 200));
  if (!dm || Number(dm[1]) > 31 || Number(dm[2]) > 12 || Number(dm[2]) < 1 || Number(dm[1]) < 1) return undefined;
  const year = Number(written.slice(0, 4));
  const day = (y: number) => `${y}-${dm[2]!.padStart(2, '0')}-${dm[1]!.padStart(2, '0')}`;
  return day(year) >= written.slice(0, 10) ? day(year) : day(year + 1);
}

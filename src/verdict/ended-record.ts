// A record that dates an event's end: a run log's or a report's "end: 10/05 06:40", "Ende: 10.05.",
// "fin : 2027-05-10", "τέλος: 10/05". Written on or after that day, the label reports the event over —
// the end a temporary measure waited for ("while the reindex runs") has come. A day after the record
// was written is a plan's end, not a report; a word between the label and the day ("end: expected
// 10/05", "Ende: voraussichtlich 10.05.") is an estimate, not a record; a label with no day ("end:
// TBD", "end: 22:00") records nothing.
import { dateIn, isoDay, yearFor } from './calendar.js';
import { regex } from './pattern.js';

// The end's label in the languages read, right before its colon.
const END_LABEL = regex(
  'giu',
  String.raw`(?<![\p{L}-])(?:end(?:ed)?|finished|completed|ende|beendet|fin|finalizado|fim|fine|einde|slut|slutt|`,
  String.raw`koniec|zakończenie|loppu|päättyi|τέλος|λήξη|конец|окончание|bitiş|vége)\s{0,2}:\s{0,3}`,
);
// A day written with slashes, day first as the languages with these labels write it ("10/05", "10/05/2027").
const SLASHED = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/u;

/** The day a label right before `after` records, read as a report's day (the nearer year). */
function dayRecorded(after: string, written: string): string | undefined {
  const slashed = SLASHED.exec(after);
  if (slashed) {
    const [d, m] = [Number(slashed[1]), Number(slashed[2])];
    const y = slashed[3] ? Number(slashed[3].length === 2 ? `20${slashed[3]}` : slashed[3]) : yearFor(written, m, d, 'near');
    return isoDay(y, m, d);
  }
  // Only a day that starts right after the label: a word before it makes it an estimate.
  if (!/^\d/u.test(after)) return undefined;
  return dateIn(after.slice(0, 24), written, 'near');
}

/** The end label with its day in `sentence`, where that day is not after the text was written. */
export function endRecorded(sentence: string, written: string): string | undefined {
  const today = written.slice(0, 10);
  for (const m of sentence.matchAll(END_LABEL)) {
    const day = dayRecorded(sentence.slice(m.index + m[0].length), written);
    if (day && day <= today) return sentence.slice(m.index, m.index + m[0].length + 16).trim();
  }
  return undefined;
}

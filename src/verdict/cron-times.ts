// A schedule is named by the time it runs. People do not write a cron expression in a plan or a
// follow-up; they write when the job runs: "set the backup back to 02:00", "Backup wieder um 2 Uhr",
// "kl. 02.00", "à 2h00", "back to 2 am". A cron that fires at one minute of one hour (`0 2 * * *`,
// AWS's `cron(0 2 * * ? *)`, Quartz's `0 0 2 * * ?`) is that time of day in prose; any other field
// (a weekday, a month) prose names apart, so only the time is compared.
import { regex } from './pattern.js';

/** The hour and minute a cron fires at, where it fires at exactly one of each; undefined otherwise. */
export function cronTime(value: string): { hour: number; minute: number } | undefined {
  const v = value.trim();
  if (!v.includes('*') && !v.includes('?')) return undefined;
  const aws = /^cron\((.*)\)$/i.exec(v);
  const fields = (aws ? aws[1]! : v).trim().split(/\s+/);
  let minute: string | undefined;
  let hour: string | undefined;
  if (aws ? fields.length === 6 : fields.length === 5) [minute, hour] = fields;
  // Quartz's leading seconds: a time of day only when it fires on the minute.
  else if (!aws && (fields.length === 6 || fields.length === 7) && fields[0] === '0') [, minute, hour] = fields;
  if (minute === undefined || hour === undefined || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return undefined;
  const [h, m] = [Number(hour), Number(minute)];
  return h <= 23 && m <= 59 ? { hour: h, minute: m } : undefined;
}

// "02:00", "2:00", "2h00" (French), "2:30 pm", "2 am"; and with the dot Nordic, German and Finnish
// write, only beside a clock word or "Uhr" ("kl. 02.00", "klo 2.00", "um 2.00 Uhr"): alone, "04.03"
// is a date.
const COLON = regex('giu', String.raw`(?<![\p{N}:.,])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\p{N}])(?:\s?([ap])\.?m(?![\p{L}]))?`);
const CLOCK_WORD = String.raw`(?<![\p{L}])(?:kl|klo|klockan|klokka|kello|um|godz|gegen)\.?\s?`;
const DOTTED = regex('giu', CLOCK_WORD, String.raw`([01]?\d|2[0-3])(?:\.([0-5]\d))?(?![\p{N}:])`);
const DOT_UHR = regex('giu', String.raw`(?<![\p{N}:.,])([01]?\d|2[0-3])(?:\.([0-5]\d))?\s?(?:uhr|o['’]clock)(?![\p{L}])`);
const AM_PM = regex('giu', String.raw`(?<![\p{N}:.,])(1[0-2]|0?\d)\s?([ap])\.?m(?![\p{L}])`);

/** Does the text name the time of day the cron fires at? */
export function namesCronTime(text: string, value: string | null): boolean {
  if (value === null) return false;
  const at = cronTime(value);
  if (!at || !/\d/.test(text)) return false;
  const is = (h: number, m: number, half?: string) => {
    const hour = half === undefined ? h : (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
    return hour === at.hour && m === at.minute;
  };
  for (const x of text.matchAll(COLON)) if (is(Number(x[1]), Number(x[2]), x[3])) return true;
  for (const x of text.matchAll(DOTTED)) if (is(Number(x[1]), Number(x[2] ?? 0))) return true;
  for (const x of text.matchAll(DOT_UHR)) if (is(Number(x[1]), Number(x[2] ?? 0))) return true;
  for (const x of text.matchAll(AM_PM)) if (is(Number(x[1]), 0, x[2])) return true;
  return false;
}

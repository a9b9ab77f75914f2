/** Why `text` is not a real calendar date written YYYY-MM-DD, or undefined when it is one
 * (2026-02-30 and 2027-13-45 are not; 2028-02-29 is). */
export function calendarDateProblem(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `"${text}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `"${text}" has no month ${m[2]} (01-12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `"${text}" is not a day of that month (${m[1]}-${m[2]} has ${days} days)`;
  return undefined;
}

export const isCalendarDate = (text: string): boolean => calendarDateProblem(text) === undefined;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * How a date text fails to be a `YYYY-MM-DD` calendar date: `form` (not
 * written so), `calendar` (no such day, as Python's datetime counts them,
 * which pySigma and contentctl load dates with: year 1 to 9999), or undefined
 * when it is one.
 */
export function isoDateProblem(text: string): 'form' | 'calendar' | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return 'form';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'calendar';
  return undefined;
}

/**
 * Days in a month (1–12) of the proleptic Gregorian calendar. Not through
 * Date: Date.UTC reads the years 0–99 as 1900–1999, and a Date per value
 * costs more.
 */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

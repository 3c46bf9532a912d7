// Dates as letters write them: ISO (2015-10-02) and the US forms
// 10/02/2015, 1-30-2014, 7-24-15. Two-digit years below 70 are 20xx.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/;

export function parseDate(text: string): CalendarDate | undefined {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let m = ISO.exec(t);
  if (m) {
    year = +m[1];
    month = +m[2];
    day = +m[3];
  } else if ((m = US.exec(t))) {
    month = +m[1];
    day = +m[2];
    year = m[3].length === 2 ? (+m[3] < 70 ? 2000 + +m[3] : 1900 + +m[3]) : +m[3];
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

export function formatIso(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The form the letter's header uses: 10/02/2015. */
export function formatUs(d: CalendarDate): string {
  return `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}`;
}

/** Dates written inside prose (visit dates in the summary), with their offsets. */
export function findDatesInText(text: string): { date: CalendarDate; start: number; end: number; text: string }[] {
  const found: { date: CalendarDate; start: number; end: number; text: string }[] = [];
  const re = /(?<![\d/-])(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/]\d{1,2}[-/](?:\d{4}|\d{2}))(?![\d/-])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const date = parseDate(m[1]);
    if (date) found.push({ date, start: m.index, end: m.index + m[1].length, text: m[1] });
  }
  return found;
}

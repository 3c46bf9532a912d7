// Dates as summaries and rationales write them inside prose: 11/15/2016,
// 11-15-16, "10- 17-2016" (a line break of the letter left a blank after the
// hyphen), November 15, 2016, Nov. 15 2016. Each with its offsets, so a
// finding can point at the date and a quick-fix can rewrite it in the form
// the author used.
import { daysInMonth, type CalendarDate } from '../../syntax/dates';

export interface WrittenDate {
  date: CalendarDate;
  start: number;
  end: number;
  text: string;
  /** How it is written, so a replacement keeps the author's form. */
  form: { kind: 'numeric'; separator: string; yearDigits: 2 | 4; padded: boolean } | { kind: 'words'; month: string; comma: boolean };
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NUMERIC = /(?<![\d/.-])(\d{1,2})([-/])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d/-])/g;
const WORDS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(,?)\s+(\d{4})\b/gi;

function valid(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function writtenDates(text: string): WrittenDate[] {
  // Most sentences hold no date: a digit is needed for every form.
  if (!/\d/.test(text)) return [];
  const out: WrittenDate[] = [];
  // exec loops on the shared patterns rather than matchAll, which copies the pattern on each call; nothing runs
  // between two execs that could use the pattern, so its lastIndex is this loop's.
  let m: RegExpExecArray | null;
  NUMERIC.lastIndex = 0;
  while ((m = NUMERIC.exec(text))) {
    const y = m[4].length === 2 ? 2000 + +m[4] : +m[4];
    const date = valid(y, +m[1], +m[3]);
    if (!date) continue;
    out.push({
      date,
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      form: { kind: 'numeric', separator: m[2], yearDigits: m[4].length === 2 ? 2 : 4, padded: m[1].startsWith('0') || m[3].startsWith('0') },
    });
  }
  const numeric = out.length;
  WORDS.lastIndex = 0;
  while ((m = WORDS.exec(text))) {
    // "may 12, 2016" is a month; "may" as a verb is never followed by a day and a year.
    const date = valid(+m[4], MONTHS[m[1].toLowerCase()], +m[2]);
    if (!date) continue;
    out.push({
      date,
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      form: { kind: 'words', month: m[0].slice(0, m[0].search(/[\s.]/)), comma: m[3] === ',' },
    });
  }
  // Each kind is found in order: only both together need sorting.
  return numeric > 0 && out.length > numeric ? out.sort((a, b) => a.start - b.start) : out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `date` written the way `like` was written. */
export function writeLike(like: WrittenDate, date: CalendarDate): string {
  const f = like.form;
  if (f.kind === 'numeric') {
    const year = f.yearDigits === 2 ? pad(date.year % 100) : String(date.year);
    const m = f.padded ? pad(date.month) : String(date.month);
    const d = f.padded ? pad(date.day) : String(date.day);
    return `${m}${f.separator}${d}${f.separator}${year}`;
  }
  const full = MONTH_NAMES[date.month - 1];
  const month = f.month.length <= 4 && f.month.length < full.length ? full.slice(0, 3) + (like.text.includes('.') ? '.' : '') : full;
  const day = /\s0\d/.test(like.text) ? pad(date.day) : String(date.day);
  return `${month} ${day}${f.comma ? ',' : ''} ${date.year}`;
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

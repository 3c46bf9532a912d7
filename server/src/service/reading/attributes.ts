// The details a sentence states, read from its text: dates, strength
// grades, pain scores, percentages, doses and counts. Each pattern is written
// here by hand (none is built from data), anchored on a digit or a number
// word, with bounded repetition, so none backtracks on a long line.
import type { Count, DateMention, Dose, Grade, PainScore, Span } from './types';
import { NUMBER_WORDS } from '../text/numbers';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const HAS_DIGIT = /\d/;
const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n <= 40 ? 2000 + n : 1900 + n) : n;
}

function validDate(y: number | undefined, m: number, d: number | undefined): boolean {
  if (m < 1 || m > 12) return false;
  if (d !== undefined && (d < 1 || d > 31)) return false;
  return y === undefined || (y >= 1900 && y <= 2100);
}

// The date patterns, made once (a sentence read made each anew) and their lastIndex set to 0 before each scan.
const DATE_ISO = /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/g;
const DATE_NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|-\d)/g;
/** What either named form holds: a month's first three letters (case-insensitive, as the patterns are). */
const MONTH_PREFIX = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const DATE_DAY_FIRST =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s{1,3}(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s{1,3}(\d{4})\b/gi;
const DATE_NAMED =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s{1,3}(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s{1,3}(\d{4}))?(?![\w])/gi;

/** Dates: 11/15/2016, 11-15-16, 11.15.2016, November 15, 2016, Nov. 15 2016, 15 November 2016, November 2016, 2016-11-15. */
export function readDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  // Every date form holds a digit: most sentences need no pattern run at all.
  if (!HAS_DIGIT.test(text)) return out;
  const taken: Array<[number, number]> = [];
  const push = (start: number, end: number, iso: string) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    out.push({ start, end, text: text.slice(start, end), iso });
  };
  let m: RegExpExecArray | null;
  // Each pattern is run only where the text holds what it cannot match without: a hyphen for the ISO form, a
  // month's first three letters for the named forms (one plain scan instead of two long ones on most sentences).
  const hyphen = text.includes('-');
  const iso = DATE_ISO;
  iso.lastIndex = 0;
  while (hyphen && (m = iso.exec(text))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  const numeric = DATE_NUMERIC;
  numeric.lastIndex = 0;
  while ((m = numeric.exec(text))) {
    const [mo, d, y] = [Number(m[1]), Number(m[3]), fullYear(m[4])];
    if (validDate(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  // Day first before month first, so "3 December 2016" is not read as "December 2016".
  const monthNamed = MONTH_PREFIX.test(text);
  const dayFirst = DATE_DAY_FIRST;
  dayFirst.lastIndex = 0;
  while (monthNamed && (m = dayFirst.exec(text))) {
    const [d, mo, y] = [Number(m[1]), MONTHS[m[2].toLowerCase()], Number(m[3])];
    if (validDate(y, mo, d)) push(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  const named = DATE_NAMED;
  named.lastIndex = 0;
  while (monthNamed && (m = named.exec(text))) {
    const mo = MONTHS[m[1].toLowerCase()];
    const d = m[2] ? Number(m[2]) : undefined;
    const y = m[3] ? Number(m[3]) : undefined;
    // "May" alone is a verb; a month needs a day or a year with it.
    if (d === undefined && y === undefined) continue;
    if (!validDate(y, mo, d)) continue;
    const isoText = y !== undefined ? (d !== undefined ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}`) : `--${pad(mo)}-${pad(d as number)}`;
    push(m.index, m.index + m[0].length, isoText);
  }
  return out.sort((a, b) => a.start - b.start);
}

const GRADE_NUMBER = '([0-5]|zero|one|two|three|four|five)';
const WORD_VALUE: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5 };
const FOLLOWED_BY_COUNT =
  /^\s{0,3}(?:sessions?|visits?|treatments?|days?|weeks?|months?|years?|patients?|criteria|levels?|tablets?|times?|injections?|items?|requests?)\b/i;

// The patterns below are made once (a sentence read made each anew) and their lastIndex set to 0 before each scan.
const GRADE = new RegExp(`(?<![\\w./+-])${GRADE_NUMBER}\\s{0,2}([+-](?!\\d))?\\s{0,2}(?:\\/|over|out of|of)\\s{0,2}(5|five)(?![\\w/]|\\.\\d)`, 'gi');

/** Strength grades: 4/5, 4+/5, 4-/5, "4+ over 5", "5 of 5", "five out of five", "4 out of 5". */
export function readGrades(text: string): Grade[] {
  const out: Grade[] = [];
  if (!text.includes('5') && !/five/i.test(text)) return out;
  const re = GRADE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    if (FOLLOWED_BY_COUNT.test(text.slice(end, end + 16))) continue;
    const n = m[1].toLowerCase();
    const base = WORD_VALUE[n] ?? Number(n);
    const value = m[2] === '+' ? base + 0.3 : m[2] === '-' ? base - 0.3 : base;
    out.push({ start: m.index, end, text: m[0], value: Math.round(value * 10) / 10, of: 5 });
  }
  return out;
}

const PAIN_NUMBER = '(\\d{1,2}(?:\\.\\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)';
const PAIN_WORDS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const painValue = (s: string) => PAIN_WORDS[s.toLowerCase()] ?? Number(s);

const PAIN_SLASH = new RegExp(
  `(?<![\\w./+-])${PAIN_NUMBER}(?:\\s{0,2}(?:-|–|to)\\s{0,2}${PAIN_NUMBER})?\\s{0,2}(?:\\/|out of|over|of)\\s{0,2}(10|ten)(?![\\w/]|\\.\\d)`,
  'gi',
);
const PAIN_SCALE = new RegExp(
  `\\b(?:vas|nrs|pain (?:level|score|scale|rating|intensity)|pain (?:is |was )?rated|rates? (?:(?:his|her|the) )?pain|rated)(?:\\s{1,2}(?:score|scale))?(?:\\s{1,2}(?:of|at|as|is|was|=|:|to be))?\\s{0,2}${PAIN_NUMBER}(?:\\s{0,2}(?:-|–|to)\\s{0,2}${PAIN_NUMBER})?(?![\\w/]|\\.\\d)`,
  'gi',
);

/** Pain scores: 7/10, "7-8/10", "rated 7-8 out of 10", "VAS 6/10", "VAS of 6", "pain level 5". */
export function readPainScores(text: string): PainScore[] {
  const out: PainScore[] = [];
  const slashForm = text.includes('10') || /\bten\b/i.test(text);
  const scaleForm = /vas|nrs|pain|rate/i.test(text);
  if (!slashForm && !scaleForm) return out;
  const taken: Array<[number, number]> = [];
  const push = (start: number, end: number, low: number, high: number) => {
    if (!(low >= 0 && high <= 10 && low <= high)) return;
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    out.push({ start, end, text: text.slice(start, end), low, high });
  };
  const slash = PAIN_SLASH;
  slash.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (slashForm && (m = slash.exec(text))) {
    const end = m.index + m[0].length;
    if (FOLLOWED_BY_COUNT.test(text.slice(end, end + 16))) continue;
    const low = painValue(m[1]);
    const high = m[2] ? painValue(m[2]) : low;
    push(m.index, end, low, high);
  }
  const scale = PAIN_SCALE;
  scale.lastIndex = 0;
  while (scaleForm && (m = scale.exec(text))) {
    const numStart = m.index + m[0].search(/\d|zero|one|two|three|four|five|six|seven|eight|nine|ten/i);
    const end = m.index + m[0].length;
    const low = painValue(m[1]);
    const high = m[2] ? painValue(m[2]) : low;
    push(numStart, end, low, high);
  }
  return out.sort((a, b) => a.start - b.start);
}

const PERCENT_WORD = /per ?cent/i;
const PERCENT = /(?<![\w.])(\d{1,3}(?:\.\d{1,2})?)\s{0,2}(?:%|percent\b|per cent\b)/gi;

/** Percentages: "50%", "30 percent", "50 % improvement". */
export function readPercents(text: string): Array<Span & { value: number }> {
  const out: Array<Span & { value: number }> = [];
  if (!HAS_DIGIT.test(text)) return out;
  // The pattern ends in a percent sign or the word: a text with neither is not scanned.
  if (!text.includes('%') && !PERCENT_WORD.test(text)) return out;
  const re = PERCENT;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: Number(m[1]) });
  return out;
}

const DOSE_UNITS: Record<string, string> = {
  mg: 'mg',
  mgs: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  mcg: 'mcg',
  ug: 'mcg',
  µg: 'mcg',
  microgram: 'mcg',
  micrograms: 'mcg',
  g: 'g',
  gm: 'g',
  gram: 'g',
  grams: 'g',
  ml: 'ml',
  cc: 'ml',
  meq: 'meq',
  iu: 'iu',
};

const DOSE =
  /(?<![\w./])(\d{1,5}(?:\.\d{1,3})?(?:\s?\/\s?\d{1,5}(?:\.\d{1,3})?){0,2})\s{0,2}(mgs?|milligrams?|mcg|ug|µg|micrograms?|gm|grams?|g|ml|cc|meq|iu)(?![a-z])/gi;

/** Doses: "10/325 mg", "50mg", "7.5/325", "320.5 mg" (the frequency is joined by the reader from its phrases). */
export function readDoses(text: string): Dose[] {
  const out: Dose[] = [];
  if (!HAS_DIGIT.test(text)) return out;
  const re = DOSE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const amount = m[1].split('/').map((s) => Number(s.trim()));
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], amount, unit: DOSE_UNITS[m[2].toLowerCase()] ?? m[2].toLowerCase() });
  }
  return out;
}

/** Numbers written as digits or words, for counts: "6", "six", "#60", "twelve". */
/**
 * The number words as a Map: the reader asks for every word token of a sentence, and a property look-up by a
 * token's fresh string first has to find (or make) its internalized copy; a Map look-up hashes it once.
 */
const NUMBER_WORD_VALUES: ReadonlyMap<string, number> = new Map(Object.entries(NUMBER_WORDS));
/**
 * The first letters of the number words, as bits of a-z, and their greatest length: a word that starts otherwise or
 * is longer is none, told without the look-up (which had V8 hash the fresh word first).
 */
const NUMBER_WORD_FIRSTS = Object.keys(NUMBER_WORDS).reduce((bits, w) => bits | (1 << (w.charCodeAt(0) - 97)), 0);
const NUMBER_WORD_LONGEST = Math.max(...Object.keys(NUMBER_WORDS).map((w) => w.length));

export function numberValue(word: string): number | undefined {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // Digits only, at most five: counts, not grades (4/5) nor doses (50mg).
    if (word.length > 5) return undefined;
    for (let i = 1; i < word.length; i++) {
      const d = word.charCodeAt(i);
      if (d < 48 || d > 57) return undefined;
    }
    return Number(word);
  }
  if (c < 97 || c > 122 || (NUMBER_WORD_FIRSTS & (1 << (c - 97))) === 0 || word.length > NUMBER_WORD_LONGEST) return undefined;
  return NUMBER_WORD_VALUES.get(word);
}

export type { Count };

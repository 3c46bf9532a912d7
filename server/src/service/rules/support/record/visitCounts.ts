// How many visits of a treatment a sentence gives, as letters write them: "8
// sessions", "three physical therapy visits", "7 physical therapy reports",
// "2 times a week for 3 weeks" (6), "2x4" (8). The reader's counts carry the
// unit; the courses written as a frequency times a duration are multiplied
// here, because a request is written that way and a rationale counts it in
// sessions.
import type { Count, Mention } from '../../../reading/types';
import { NUMBER_WORDS } from '../../../text/numbers';

/** Units that count visits of a treatment (the reader's normalized singular). */
export const VISIT_UNITS: ReadonlySet<string> = new Set(['session', 'visit', 'treatment', 'appointment', 'report', 'note']);

// The shared number words, with the compound form only this reading takes.
const WORDS: Record<string, number> = { ...NUMBER_WORDS, 'twenty-four': 24 };
const NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|eighteen|twenty|twenty-four)';
const value = (s: string): number => (/^\d/.test(s) ? +s : WORDS[s.toLowerCase()]);

const COURSE = new RegExp(
  `\\b${NUM}\\s*(?:x|times?|visits?|sessions?)\\s*(?:a|per|/|each)?\\s*(?:week|wk)s?\\s*(?:x|for|times)\\s*${NUM}\\s*(?:weeks?|wks?)?\\b`,
  'gi',
);
const TIMES = new RegExp(`\\b${NUM}\\s*x\\s*${NUM}\\b`, 'gi');
const LEADING = new RegExp(
  `(?:#\\s*)?${NUM}\\s+(?:(?:prior|previous|additional|more|initial|authorized|approved|completed|attended|total|of|the|sessions?|visits?)\\s+){0,3}$`,
  'i',
);

/** A number right after a mention ("physical therapy (8)", "PT #6"); one pattern for every mention (it holds no state: no `g`). */
const AFTER = new RegExp(`^\\s*(?:\\(\\s*)?(?:#\\s*)?${NUM}\\b`, 'i');

/** Visit counts the reader attached to the mention. */
export function visitCounts(m: Mention): Count[] {
  return m.attributes.counts.filter((c) => VISIT_UNITS.has(c.unit));
}

/**
 * A number written right before a treatment's name with no unit of its own ("6 prior physical therapy completed"):
 * a count of its visits, as the reader would count "6 prior physical therapy sessions".
 */
export function leadingCount(text: string, m: Mention): Count | undefined {
  if (m.attributes.counts.length) return undefined;
  const from = Math.max(0, m.start - 60);
  const lead = LEADING.exec(text.slice(from, m.start));
  if (!lead) return undefined;
  const n = value(lead[1]);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const start = from + lead.index + lead[0].indexOf(lead[1]);
  return { start, end: start + lead[1].length, text: lead[1], value: n, unit: 'session' };
}

/** Every number the text gives a course of treatment: reader counts, "N times a week for M weeks", "NxM", and a number just before the mention. */
export function courseNumbers(text: string, mentions: readonly Mention[], m?: Mention): Set<number> {
  const out = new Set<number>();
  for (const x of mentions) if (!m || x === m) for (const c of visitCounts(x)) out.add(c.value);
  // exec loops on the shared patterns rather than matchAll, which copies the pattern on each call; nothing runs
  // between two execs that could use the pattern, so its lastIndex is this loop's (and 0 again when it ends).
  for (const re of [COURSE, TIMES]) {
    re.lastIndex = 0;
    for (let match = re.exec(text); match; match = re.exec(text)) out.add(value(match[1]) * value(match[2]));
  }
  const targets = m ? [m] : mentions;
  for (const x of targets) {
    const lead = LEADING.exec(text.slice(Math.max(0, x.start - 60), x.start));
    if (lead) out.add(value(lead[1]));
    const after = AFTER.exec(text.slice(x.end, x.end + 12));
    if (after) out.add(value(after[1]));
  }
  return out;
}

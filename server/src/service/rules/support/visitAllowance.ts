// A visit allowance the rationale quotes and never compares with the request.
// Guidelines give courses of therapy as counts ("9-10 visits over 8 weeks",
// "an initial trial of 3-4 visits", "up to 18 visits"); a rationale that
// quotes them must weigh the visits asked for, with those already given,
// against them. Two ways it goes wrong:
//
// - a denial says the request exceeds the guideline although the visits asked
//   for, with any the record counts as given, are within every allowance it
//   quotes (the excess is asserted, not counted);
// - an approval grants more visits than the allowance it quotes for the
//   request's phase (an initial trial) and never says why.
//
// Counts and assertions are the reader's; the words that make a count an
// allowance, a frequency, a trial or the request's own are data
// (`visitAllowance` in data/terms/guideline-scope.json).
import type { Prose, Sentence } from '../../syntax/ast';
import type { Count, Mention, SentenceReading } from '../../reading/types';
import type { Reader } from '../../reading/reader';
import { guidelineStatement, SCOPE_DATA } from '../../necessity/guidelineScope';
import { PhraseSet } from '../../necessity/phrases';
import { readWholeSummary } from '../summaryReads';

const DATA = SCOPE_DATA.visitAllowance;
const UNITS: ReadonlySet<string> = new Set(DATA.units);
const SPAN_UNITS: ReadonlySet<string> = new Set(DATA.spanUnits);
const BEFORE = new PhraseSet(DATA.before);
const OVER = new PhraseSet(DATA.over);
const FREQUENCY_AFTER = new PhraseSet(DATA.frequencyAfter);
const TRIAL = new PhraseSet(DATA.trial);
const REQUEST = new PhraseSet(DATA.request);
const EXCESS = new PhraseSet(DATA.excess);
const CONDITIONAL = new PhraseSet(DATA.conditional);
const PHASE = new PhraseSet(DATA.phase);
const CONTINUED = new PhraseSet(DATA.continued);
const SURGICAL_PHASE = new PhraseSet(DATA.surgicalPhase);

/**
 * A surgery the summary or the rationale says this worker had (a procedure
 * within surgery, affirmed or historical, outside a guideline statement): the
 * therapy that follows it is post-surgical care, with its own allowances.
 */
export function surgeryDone(reader: Reader, proses: readonly Prose[]): { sentence: Sentence; prose: Prose; start: number; end: number } | undefined {
  for (const prose of proses) {
    for (const s of prose.sentences) {
      const r = reader.read(s.text);
      if (r.generic || guidelineStatement(s.text)) continue;
      // "post-surgical treatment" names a phase of care, not a surgery done.
      const phases = SURGICAL_PHASE.matches(s.text);
      const m = r.mentions.find(
        (x) =>
          x.concepts.includes(DATA_SURGERY) &&
          (x.assertion === 'affirmed' || x.assertion === 'historical') &&
          !phases.some((p) => p.start < x.end && x.start < p.end),
      );
      if (m) return { sentence: s, prose, start: m.start, end: m.end };
    }
  }
  return undefined;
}
const DATA_SURGERY: string = SCOPE_DATA.visitAllowance.surgery;

/** A first request of a therapy, as the item names it: not "additional", "continued" or "further" visits. */
export function initialRequest(service: string): boolean {
  return !CONTINUED.test(service);
}

/** An allowance a rationale sentence quotes: its count (the upper end of a range is what it allows). */
export interface Allowance {
  sentence: Sentence;
  count: Count;
  /** An allowance for an initial trial, not for the whole course. */
  trial: boolean;
  /** An allowance for another phase of care the entry names ("post-surgical treatment: 16 visits", "post-injection: 1-2 visits"): `surgical` after surgery. */
  phase?: 'surgical' | 'other';
}

/** Visits already given of the item's therapy, where a summary or rationale sentence counts them. */
export interface GivenVisits {
  visits: number;
  sentence: Sentence;
  prose: Prose;
}

const near = (set: PhraseSet, text: string, from: number, to: number): boolean => set.matches(text, Math.max(0, from), Math.max(0, to)).length > 0;

/** The clause of a reading that holds an offset. */
function clauseOf(r: SentenceReading, at: number): { start: number; end: number } {
  return r.clauses.find((c) => c.start <= at && at < c.end) ?? { start: 0, end: r.text.length };
}

/**
 * The allowances a rationale quotes: a count of visits, sessions or
 * treatments that a guideline word introduces ("up to 10 visits", "trial of 6
 * visits", "= 10 visits") or that spans weeks ("8-10 visits over 4 weeks"),
 * not a frequency ("3 visits per week"), not the request's own count ("an
 * additional 6 visits"), and not an allowance of another phase of care
 * ("post-injection treatment: 1-2 visits").
 */
export function quotedAllowances(reader: Reader, prose: Prose): Allowance[] {
  const out: Allowance[] = [];
  for (const s of prose.sentences) {
    const r = reader.read(s.text);
    const counts = r.attributes.counts;
    counts.forEach((c, i) => {
      if (!UNITS.has(c.unit)) return;
      const text = s.text;
      if (FREQUENCY_AFTER.matches(text, c.end, Math.min(text.length, c.end + 12)).some((m) => /^\s*$/.test(text.slice(c.end, m.start)))) return;
      const clause = clauseOf(r, c.start);
      const lead = Math.max(clause.start, c.start - 30);
      if (near(REQUEST, text, c.start - 16, c.start)) return;
      // The phase of care an allowance is for is named at the head of its entry ("Post-injection treatment: 1-2 visits"), after the last semicolon.
      const entry = text.lastIndexOf(';', c.start) + 1;
      const phase = near(SURGICAL_PHASE, text, entry, c.start) ? ('surgical' as const) : near(PHASE, text, entry, c.start) ? ('other' as const) : undefined;
      const next = counts[i + 1];
      const spans =
        !!next && SPAN_UNITS.has(next.unit) && OVER.matches(text, c.end, next.start).length > 0 && /^\s*[a-z]*\s*$/i.test(text.slice(c.end, next.start));
      if (!spans && !near(BEFORE, text, lead, c.start)) return;
      // A guideline allowance, not a count of this worker's visits ("she has had 6 visits over 3 weeks").
      if (!r.generic && !near(BEFORE, text, clause.start, c.start) && !spans) return;
      out.push({ sentence: s, count: c, trial: near(TRIAL, text, Math.max(clause.start, c.start - 40), c.start), ...(phase ? { phase } : {}) });
    });
  }
  return out;
}

/** A rationale sentence that says the request exceeds the guideline, as a finding of fact (not "when visits exceed the guideline, ..."). */
export function excessClaim(prose: Prose): { sentence: Sentence; start: number; end: number } | undefined {
  for (const s of prose.sentences) {
    const m = EXCESS.matches(s.text)[0];
    if (!m) continue;
    if (CONDITIONAL.matches(s.text, 0, m.start).length) continue;
    return { sentence: s, start: m.start, end: m.end };
  }
  return undefined;
}

/**
 * The most visits of the item's therapy that one sentence of the summary or
 * the rationale counts as given (the largest, not the sum: letters restate a
 * course). A mention of the therapy (the item's own concept or one within it)
 * asserted as done, with a count of visits, sessions or treatments, at a site
 * that agrees with the request's.
 */
export function givenVisits(
  reader: Reader,
  proses: readonly Prose[],
  therapy: Therapy,
  sitesAgree: (sites: readonly string[]) => boolean,
): GivenVisits | undefined {
  let best: GivenVisits | undefined;
  for (const prose of proses) {
    for (const s of prose.sentences) {
      const r = reader.read(s.text);
      if (r.generic) continue;
      for (const m of r.mentions) {
        if (!given(m, therapy) || !sitesAgree(m.attributes.sites)) continue;
        for (const c of m.attributes.counts) {
          if (!UNITS.has(c.unit) || near(REQUEST, s.text, c.start - 16, c.start)) continue;
          if (!best || c.value > best.visits) best = { visits: c.value, sentence: s, prose };
        }
      }
    }
  }
  return best;
}

/** The item's therapy: its own concept and every concept it counts for ("physical therapy" is physical medicine). */
export interface Therapy {
  own: string;
  concepts: readonly string[];
}

/** A mention of the item's therapy or of a narrower one, or the wider name letters use for it ("8 prior therapy sessions"), said to be done. */
function given(m: Mention, therapy: Therapy): boolean {
  if (m.concept.kind !== 'therapy' || (m.assertion !== 'affirmed' && m.assertion !== 'historical')) return false;
  return m.concepts.includes(therapy.own) || therapy.concepts.includes(m.concept.id);
}

const FULL_COURSE = new PhraseSet(DATA.fullCourse);
const COUNT_OPEN = new PhraseSet(DATA.countOpen);
const NOT_GIVEN = /\b(?:request|denied|deni(?:al|es)|non-?certif|certif|authoriz|modif|plan|recommend)/i;

export interface FullCourseClaim {
  /** The rationale sentence and the words that say the whole course is done. */
  sentence: Sentence;
  start: number;
  end: number;
  given: GivenVisits;
  /** The least course the rationale quotes (its lower end). */
  least: Allowance;
}

/**
 * A rationale sentence about the worker that says a whole course of the
 * item's therapy is done ("has completed a full course of physical therapy
 * already") while the summary counts fewer visits given (an exact count, not
 * "at least 6") than the lower end of every course allowance the rationale
 * quotes (not an initial trial's, not another phase's): the record contradicts
 * the course it asserts.
 */
export function fullCourseClaim(reader: Reader, rationale: Prose, summary: Prose, therapy: Therapy): FullCourseClaim | undefined {
  let claim: { sentence: Sentence; start: number; end: number } | undefined;
  for (const s of rationale.sentences) {
    const m = FULL_COURSE.matches(s.text)[0];
    if (m && !reader.read(s.text).generic && !CONDITIONAL.matches(s.text, 0, m.start).length) {
      claim = { sentence: s, start: m.start, end: m.end };
      break;
    }
  }
  if (!claim) return undefined;
  const courses = quotedAllowances(reader, rationale).filter((a) => !a.phase && !a.trial);
  if (!courses.length) return undefined;
  const low = (a: Allowance): number => a.count.low ?? a.count.value;
  const least = courses.reduce((a, b) => (low(b) < low(a) ? b : a));
  // Only sentences that neither request, plan nor decide care: a count requested or denied is no visit given ("UR denied ... physical therapy 8 treatments").
  // The summary's sentences from here on: a read of the whole (rules/summaryReads.ts).
  readWholeSummary();
  const record: Prose = { ...summary, sentences: summary.sentences.filter((s) => !REQUEST.test(s.text) && !NOT_GIVEN.test(s.text)) };
  const given = givenVisits(reader, [record], therapy, () => true);
  if (!given || given.visits >= low(least)) return undefined;
  // "at least 6 sessions", "over 6 visits": the summary leaves the count open.
  if (COUNT_OPEN.test(given.sentence.text)) return undefined;
  return { ...claim, given, least };
}

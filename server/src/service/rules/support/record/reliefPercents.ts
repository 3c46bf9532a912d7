// detail-mismatch: a percent of pain relief the rationale gives a named treatment that the clinical case summary
// gives it otherwise ("The patient reported 50% relief from the injection" over "an epidural steroid injection on
// 7/1/2016 with 20% relief"). A percent is the treatment's when its sentence names that one treatment (brand or kind
// alike: "the injection" counts as the epidural steroid injection) and the percent is said of the relief ("50%
// relief", "50% pain relief", "50% improvement in pain"), not of function. Any percent the summary gives the
// treatment answers the rationale's (ranges overlap: "50-60%" holds 50%); a summary that gives the treatment no
// percent of relief gives nothing to compare. A guideline's threshold ("at least 50% relief for 6 to 8 weeks"), a
// denial ("no documentation of 50% relief"), a plan or a hypothetical is no record of the relief the worker had.
import type { CaseFile, Prose, Sentence } from '../../../syntax/ast';
import type { CaseModel, ItemModel } from '../../../model/caseModel';
import type { Mention, SentenceReading } from '../../../reading/types';
import { sentenceSpan } from '../../../necessity/itemView';
import type { RecordFinding } from './recordChecks';
import type { ReadingAccess } from './summaryFacts';
import { REVIEW_WORDS, wordsPattern } from './reviewWords';

const TREATMENT_KINDS: ReadonlySet<string> = new Set(['therapy', 'procedure', 'medication']);

/** A percent with the range it gives ("50-60%": 50 to 60). */
interface Percent {
  start: number;
  end: number;
  text: string;
  low: number;
  high: number;
}

const PERCENT = /(?<![\w.])(?:(\d{1,3})\s{0,2}%?\s{0,2}(?:-|–|to)\s{0,2})?(\d{1,3})\s{0,2}(?:%|percent\b|per cent\b)/gi;

function percents(text: string): Percent[] {
  const out: Percent[] = [];
  if (!/%|per ?cent/i.test(text)) return out;
  PERCENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT.exec(text))) {
    const high = Number(m[2]);
    const low = m[1] ? Number(m[1]) : high;
    if (low > high || high > 100) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], low, high });
  }
  return out;
}

/**
 * A sentence whose percent is not the relief the worker had: a guideline's threshold, a bound, a denial, a plan or a
 * hypothetical, the review's. Whole-sentence words: a rationale's sentence on the relief is short, and one that weighs
 * the relief this way is no record of it.
 */
const NOT_RECORD = wordsPattern(
  [
    'guidelines?',
    'mtus',
    'odg',
    'acoem',
    'recommend\\w*',
    'criteri\\w*',
    'requir\\w*',
    'must',
    'needs?',
    'sustained',
    'at least',
    'greater than',
    'more than',
    'less than',
    'or more',
    'or greater',
    'above',
    'below',
    'threshold',
    'should',
    'could',
    'would',
    'may',
    'might',
    'if',
    'consider\\w*',
    'plan\\w*',
    'repeat',
    'no',
    'not',
    'none',
    'without',
    'lack\\w*',
    'absen\\w*',
    'fail\\w*',
    ...REVIEW_WORDS,
  ],
  '|[<>≥≤]',
);

/** Is the percent said of the relief: a pain-relief mention holding it or within a few words of it, and not of function? */
function ofRelief(reading: SentenceReading, p: Percent): boolean {
  const near = (m: Mention) => {
    if (m.start < p.end && m.end > p.start) return true;
    const gap = m.start >= p.end ? reading.text.slice(p.end, m.start) : m.end <= p.start ? reading.text.slice(m.end, p.start) : '';
    return (gap.match(/\w+/g) ?? []).length <= 2 && !/[,;]/.test(gap);
  };
  const relief = reading.mentions.some((m) => m.concept.id === 'pain-relief' && near(m));
  const functional = reading.mentions.some((m) => m.concept.id === 'functional-improvement' && near(m));
  return relief && !functional;
}

/** A treatment of the sentence: a therapy, a procedure or a drug, not an umbrella ("conservative care", "medications"). */
const isTreatment = (m: Mention) => TREATMENT_KINDS.has(m.concept.kind) && m.concept.broader.length > 0;

/** Is one treatment the other, or a kind of it ("the injection" and an epidural steroid injection)? */
function sameTreatment(a: Mention, b: Mention): boolean {
  return a.concepts.includes(b.concept.id) || b.concepts.includes(a.concept.id);
}

interface Recorded {
  sentence: Sentence;
  treatments: Mention[];
  /** Every percent of the sentence, of relief or not: each answers for its treatments. */
  all: Percent[];
  /** The percents of relief. */
  relief: Percent[];
}

const summaryReliefOf = new WeakMap<Prose, { access: ReadingAccess; recorded: Recorded[] }>();

/** The summary's sentences that give a treatment a percent, once per summary prose (each item's unit asks again). */
function summaryRelief(prose: Prose, access: ReadingAccess): Recorded[] {
  const hit = summaryReliefOf.get(prose);
  if (hit && hit.access === access) return hit.recorded;
  const recorded: Recorded[] = [];
  for (const sentence of prose.sentences) {
    const all = percents(sentence.text);
    if (!all.length) continue;
    const reading = access.read(sentence.text);
    const treatments = reading.mentions.filter(isTreatment);
    if (!treatments.length) continue;
    recorded.push({ sentence, treatments, all, relief: all.filter((p) => ofRelief(reading, p)) });
  }
  summaryReliefOf.set(prose, { access, recorded });
  return recorded;
}

const overlap = (a: Percent, b: Percent) => a.low <= b.high && b.low <= a.high;
const clip = (t: string, n = 90) => (t.length > n ? t.slice(0, n - 1) + '…' : t);

/** `only`: that item's findings alone. */
export function reliefPercentFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const summary = summaryRelief(file.summary.prose, access);
  if (!summary.some((s) => s.relief.length)) return [];
  const out: RecordFinding[] = [];
  for (const item of only ? [only] : model.items) {
    const prose = item.section.rationale?.prose;
    for (const sentence of prose?.sentences ?? []) {
      const found = percents(sentence.text);
      if (!found.length || NOT_RECORD.test(sentence.text)) continue;
      const reading = access.read(sentence.text);
      if (reading.generic) continue;
      const treatments = reading.mentions.filter(isTreatment);
      // One treatment the percent can be said of (its kinds and brands count as one).
      const t = treatments[0];
      if (!t || treatments.some((x) => !sameTreatment(x, t)) || treatments.some((x) => x.assertion === 'hypothetical' || x.assertion === 'generic')) continue;
      const relief = found.filter((p) => ofRelief(reading, p));
      if (relief.length !== 1) continue;
      const p = relief[0];
      const about = summary.filter((s) => s.treatments.some((x) => sameTreatment(x, t)));
      const like = about.filter((s) => s.relief.length);
      if (!like.length || about.some((s) => s.all.some((q) => overlap(q, p)))) continue;
      // "The injection provided 50% relief" where the summary records an epidural injection and a trigger point
      // injection: which one the rationale means is not said, and the summary may give that one no percent.
      const kinds = narrowest(about.flatMap((s) => s.treatments.filter((x) => sameTreatment(x, t))));
      if (kinds.size > 1 || (kinds.size === 1 && !kinds.has(t.concept.id) && otherKinds(file.summary.prose, access, t, kinds))) continue;
      const values = [...new Set(like.flatMap((s) => s.relief.map((q) => `"${q.text.trim()}" from "${named(s, t)}"`)))];
      out.push({
        message: `The rationale gives the relief from ${quote(reading.text, t)} as "${p.text.trim()}" ("${clip(reading.text)}"), but the clinical case summary records ${values.join(' or ')}. Check the relief in the records and make the rationale and the summary agree.`,
        range: sentenceSpan(prose!, sentence, p.start, p.end),
        relatedInformation: like.map((s) => ({ range: s.sentence.range, message: `The summary's relief from the treatment: "${clip(s.sentence.text)}"` })),
        data: { detail: 'relief', written: p.text, expected: values.join(' or ') },
      });
    }
  }
  return out;
}

/**
 * The kinds the mentions name, without a kind another of them is a kind of ("transforaminal epidural" and "steroid
 * injection" in one phrase name one epidural steroid injection).
 */
function narrowest(mentions: readonly Mention[]): Set<string> {
  const ids = new Set(mentions.map((m) => m.concept.id));
  for (const m of mentions) for (const id of m.concepts) if (id !== m.concept.id) ids.delete(id);
  return ids;
}

/** The summary's name of the treatment the rationale names (its first mention of it in the sentence). */
function named(s: Recorded, t: Mention): string {
  const m = s.treatments.find((x) => sameTreatment(x, t))!;
  return s.sentence.text.slice(m.start, m.end).trim();
}

/**
 * Does the summary name, in a sentence with no percent, a treatment of the rationale's broad kind other than the one
 * it gives a percent ("He also had a trigger point injection")?
 */
function otherKinds(prose: Prose, access: ReadingAccess, t: Mention, kinds: ReadonlySet<string>): boolean {
  return prose.sentences.some((sentence) => {
    const named = access.read(sentence.text).mentions.filter((x) => isTreatment(x) && x.concepts.includes(t.concept.id));
    return [...narrowest(named)].some((id) => !kinds.has(id));
  });
}

function quote(text: string, m: Mention): string {
  return `"${text.slice(m.start, m.end).trim()}"`;
}

// detail-mismatch: a drug the rationale names with a strength that neither the clinical case summary nor the items
// give that drug ("The patient takes Norco 10/325 mg" over "He takes Norco 5/325 mg twice daily"). Only like is
// compared with like: the strength of one unit (a tablet, a patch, a topical's percent) with the strengths of one unit
// the summary and the items give the same drug, brand or generic (Norco counts as hydrocodone/acetaminophen, whose
// lineage holds hydrocodone). Doses change, so any strength the summary gives the drug answers the rationale's; a
// summary that gives the drug none gives nothing to compare. A daily total ("900 mg per day"), a threshold ("doses
// above 120 mg MED", "up to 3600 mg/day"), a guideline's or a plan's dose ("a trial of 100 mg could be considered",
// "should be weaned to 5 mg") and a past or a reviewed one are not the rationale's record of the drug taken.
import type { CaseFile, Prose, Sentence } from '../../../syntax/ast';
import type { CaseModel, ItemModel } from '../../../model/caseModel';
import { getFields } from '../../../model/caseModel';
import type { Mention, SentenceReading } from '../../../reading/types';
import { sentenceSpan } from '../../../necessity/itemView';
import type { RecordFinding } from './recordChecks';
import type { ReadingAccess } from './summaryFacts';
import { REVIEW_WORDS, wordsPattern } from './reviewWords';

/** A strength of one unit: the numbers ("10/325" is [10, 325]) and the unit (mg, mcg, g, ml, %). */
interface Strength {
  amount: readonly number[];
  unit: string;
  start: number;
  end: number;
  /** As the sentence writes it, with a patch's "/hr". */
  text: string;
  /** A topical's form where the words give it (patch, cream, gel ...): a 4% cream is not a 5% patch of the same drug. */
  form?: string;
  /** Units taken a dose ("300 mg, 2 capsules"): 300 mg two at a time is a dose of 600 mg. */
  perDose: number;
}

/** A drug the text names with the strengths written by it, and the numbers that answer for it besides (daily totals). */
interface DrugStrengths {
  mention: Mention;
  units: Strength[];
  /** Strengths written in the drug's stretch of the sentence but not by its name (the summary's and the items'). */
  loose: Strength[];
  /** Every number written by the drug, totals included, and each unit strength times the units a day or a dose. */
  numbers: Set<number>;
}

const DRUG_KINDS: ReadonlySet<string> = new Set(['medication']);

/**
 * What may stand between a drug's name and its strength: a release form, a dosage form ("Norco tablets 10/325 mg",
 * "fentanyl patch 25 mcg/hr", "OxyContin ER 20 mg"), a parenthesis or a comma. Anything else (a verb, another
 * word) and the number may be another drug's or another thing's.
 */
const BETWEEN =
  /^[\s,(]*(?:(?:er|ir|cr|xr|sr|xl|dr|la|extended[- ]release|immediate[- ]release|controlled[- ]release|patch(?:es)?|transdermal|tablets?|tabs?|capsules?|caps?|cream|gel|ointment|solution|oral|po)\b[\s,(]*){0,3}$/i;

/** Right after the strength: a daily total or a morphine equivalent, not one unit's strength. */
const TOTAL_AFTER = /^\s{0,2}(?:\/\s{0,2}(?:day|d)\b|per\s+day\b|a\s+day\b|daily\s+(?:dose|total)\b|total\b|in\s+total\b|med\b|mme\b|morphine)/i;
/** Right before the strength: a total or a bound ("a total of", "up to", "above", "no more than"). */
const BOUND_BEFORE =
  /\b(?:total(?:\s+of)?|daily\s+dose\s+of|up\s+to|maximum(?:\s+(?:dose\s+)?of)?|max|above|over|under|below|exceed(?:s|ing)?|greater\s+than|more\s+than|less\s+than|at\s+least|at\s+most|no\s+more\s+than|>|<|≥|≤)\s*$/i;

/**
 * A sentence about a dose that is not the one taken: a guideline's or a threshold's, a plan's or a recommendation's,
 * a change, a past dose, or the review's. The words are whole-sentence: a rationale's sentence on a drug's dose is
 * short, and one that weighs a dose this way is not a record of the dose taken.
 */
const NOT_RECORD = wordsPattern([
  // guidelines and thresholds
  'guidelines?',
  'mtus',
  'odg',
  'acoem',
  'recommend\\w*',
  'not to exceed',
  'maximum',
  'threshold',
  'limit\\w*',
  'morphine equivalent\\w*',
  // "Voltaren Gel 1% is indicated for relief of osteoarthritis pain": a label's indication
  'indicated',
  'med',
  'mme',
  // hypothetical, plan, recommendation
  'should',
  'could',
  'would',
  'may',
  'might',
  'consider\\w*',
  'trial',
  'if',
  'option',
  'plan\\w*',
  // changes of dose
  'wean\\w*',
  'taper\\w*',
  'titrat\\w*',
  'increas\\w*',
  'decreas\\w*',
  'reduc\\w*',
  'switch\\w*',
  'chang\\w*',
  'start\\w*',
  'initiat\\w*',
  // a past dose
  'previous\\w*',
  'prior',
  'formerly',
  'past',
  'earlier',
  'originally',
  'initially',
  'had been',
  'was on',
  'history',
  ...REVIEW_WORDS,
]);

/** "two tablets", "2 capsules" per dose: a unit strength times that is one dose. */
const PER_DOSE = /\b(\d|one|two|three|four)\s*(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?)\b/i;
const WORD: Record<string, number> = { one: 1, two: 2, three: 3, four: 4 };

const isDrug = (m: Mention) => DRUG_KINDS.has(m.concept.kind);

/** The strength's text as written, with a patch's "/hr" or "per hour" after it. */
function strengthText(text: string, start: number, end: number): { text: string; end: number } {
  const hr = /^\s{0,2}(?:\/\s{0,2}(?:hr|h|hour)|per\s+hour)\b/i.exec(text.slice(end));
  const to = hr ? end + hr[0].length : end;
  return { text: text.slice(start, to), end: to };
}

const FORM = /\b(patch|cream|gel|ointment|lotion|solution|spray|foam)(?:es|s)?\b/i;

/** The topical form the drug's name and the words right after its strength give, if any. */
function formOf(text: string, from: number, to: number): string | undefined {
  return FORM.exec(text.slice(from, to + 12))?.[1].toLowerCase();
}

const OUTCOME_AFTER = /^\s{0,2}(?:of\s+)?(?:pain\s+)?(?:relief|improvement|improved|reduction|decrease|better|benefit|response)\b/i;

/** The topical's percent inside the drug's name or right after it ("lidocaine 5% patch", "Voltaren gel 1%"). */
function percentOf(reading: SentenceReading, m: Mention): Strength | undefined {
  for (const p of m.attributes.percents) {
    const inside = p.start >= m.start && p.end <= m.end;
    if (!inside && !(p.start >= m.end && BETWEEN.test(reading.text.slice(m.end, p.start)))) continue;
    // "Norco, 50% relief": a percent of the drug's effect, not its strength.
    if (OUTCOME_AFTER.test(reading.text.slice(p.end, p.end + 30))) continue;
    return { amount: [p.value], unit: '%', start: p.start, end: p.end, text: p.text, form: formOf(reading.text, m.start, p.end), perDose: 1 };
  }
  return undefined;
}

/**
 * The drugs of a sentence with the strengths written by their names. `strict`: the rationale's, each strength right by
 * its drug's name and one unit's; otherwise the summary's or an item's, every dose the reader gives the drug and every
 * one after its name up to the next drug, totals as numbers that answer too.
 */
function drugStrengths(reading: SentenceReading, strict: boolean): DrugStrengths[] {
  const { text } = reading;
  const drugs = reading.mentions.filter(isDrug);
  const out: DrugStrengths[] = [];
  drugs.forEach((m, i) => {
    const units: Strength[] = [];
    const loose: Strength[] = [];
    const numbers = new Set<number>();
    const next = drugs[i + 1]?.start ?? text.length;
    const doses = strict
      ? m.attributes.doses
      : [...m.attributes.doses, ...reading.attributes.doses.filter((d) => d.start >= m.end && d.start < next && !m.attributes.doses.includes(d))];
    for (const d of doses) {
      const adjacent = (d.start < m.end && d.end > m.start) || (d.start >= m.end && BETWEEN.test(text.slice(m.end, d.start)));
      if (strict && !adjacent) continue;
      const written = strengthText(text, d.start, d.end);
      const total = TOTAL_AFTER.test(text.slice(written.end)) || BOUND_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start));
      if (strict && total) continue;
      for (const a of d.amount) numbers.add(a);
      if (total) continue;
      const per = PER_DOSE.exec(text.slice(written.end, written.end + 30));
      const n = per ? (WORD[per[1].toLowerCase()] ?? Number(per[1])) : 1;
      const strength: Strength = { amount: d.amount, unit: d.unit, start: d.start, end: written.end, text: written.text, perDose: n };
      // Away from the name, a dose answers for the drug but does not say the summary gives it that strength.
      if (adjacent) units.push(strength);
      else loose.push(strength);
      if (d.amount.length === 1) {
        if (d.perDay) numbers.add(d.amount[0] * d.perDay);
        numbers.add(d.amount[0] * n);
        if (d.perDay) numbers.add(d.amount[0] * n * d.perDay);
      }
    }
    const pct = percentOf(reading, m);
    if (pct) {
      units.push(pct);
      numbers.add(pct.amount[0]);
    }
    if (units.length || numbers.size) out.push({ mention: m, units, loose, numbers });
  });
  return out;
}

/** Is one drug the other, or a kind of it (Norco and hydrocodone; not two kinds of hydrocodone)? */
function sameDrug(a: Mention, b: Mention): boolean {
  return a.concepts.includes(b.concept.id) || b.concepts.includes(a.concept.id);
}

const sameStrength = (a: Strength, b: Strength) => a.unit === b.unit && a.amount.length === b.amount.length && a.amount.every((x, i) => x === b.amount[i]);
/** Like with like: the same unit and the same number of parts (10/325 with 5/325, not 10 mg with 10/325 mg). */
const comparable = (a: Strength, b: Strength) => a.unit === b.unit && a.amount.length === b.amount.length && (!a.form || !b.form || a.form === b.form);

interface Recorded {
  sentence?: Sentence;
  /** An item's text the drug was read from. */
  source?: string;
  drug: DrugStrengths;
}

const clip = (t: string, n = 90) => (t.length > n ? t.slice(0, n - 1) + '…' : t);

const summaryStrengthsOf = new WeakMap<Prose, { access: ReadingAccess; drugs: Recorded[] }>();

/** The summary's drugs with their strengths, once per summary prose (each item's unit asks again). */
function summaryStrengths(prose: Prose, access: ReadingAccess): Recorded[] {
  const hit = summaryStrengthsOf.get(prose);
  if (hit && hit.access === access) return hit.drugs;
  const drugs: Recorded[] = [];
  for (const sentence of prose.sentences) {
    if (!/\d/.test(sentence.text)) continue;
    for (const drug of drugStrengths(access.read(sentence.text), false)) drugs.push({ sentence, drug });
  }
  summaryStrengthsOf.set(prose, { access, drugs });
  return drugs;
}

/** The items' drugs with their strengths: each item's service and its request and authorization fields. */
function itemStrengths(model: CaseModel, access: ReadingAccess): Recorded[] {
  const out: Recorded[] = [];
  for (const item of model.items) {
    const texts = [item.service, ...getFields(item.section, 'request').map((f) => f.value), ...getFields(item.section, 'authorized').map((f) => f.value)];
    for (const t of texts) if (/\d/.test(t)) for (const drug of drugStrengths(access.read(t), false)) out.push({ source: t, drug });
  }
  return out;
}

/** A recorded strength as its sentence writes it: with the drug's name when the strength follows it ("Norco 5/325 mg"). */
function writtenWith(text: string, m: Mention, s: Strength): string {
  if (s.start >= m.start && s.start <= m.end) return text.slice(m.start, s.end).trim();
  if (s.start > m.end && BETWEEN.test(text.slice(m.end, s.start))) return text.slice(m.start, s.end).trim();
  return s.text.trim();
}

function recordedText(r: Recorded, s: Strength): string[] {
  const text = r.sentence?.text ?? r.source ?? '';
  return r.drug.units.filter((u) => comparable(u, s)).map((u) => writtenWith(text, r.drug.mention, u));
}

/** `only`: that item's findings alone. */
export function doseStrengthFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const summary = summaryStrengths(file.summary.prose, access);
  if (!summary.some((s) => s.drug.units.length)) return [];
  const items = itemStrengths(model, access);
  const out: RecordFinding[] = [];
  for (const item of only ? [only] : model.items) {
    const prose = item.section.rationale?.prose;
    for (const sentence of prose?.sentences ?? []) {
      if (!/\d/.test(sentence.text) || NOT_RECORD.test(sentence.text)) continue;
      const reading = access.read(sentence.text);
      if (reading.generic) continue;
      let reported = false;
      for (const drug of drugStrengths(reading, true)) {
        const m = drug.mention;
        if (m.assertion === 'hypothetical' || m.assertion === 'generic') continue;
        const recorded = summary.filter((s) => sameDrug(s.drug.mention, m));
        const requested = items.filter((s) => sameDrug(s.drug.mention, m));
        for (const s of drug.units) {
          const like = recorded.filter((r) => r.drug.units.some((u) => comparable(u, s)));
          // The summary gives the drug no strength of this kind: nothing to compare.
          if (!like.length) continue;
          const agrees = (r: Recorded) =>
            [...r.drug.units, ...r.drug.loose].some((u) => sameStrength(u, s)) ||
            (s.amount.length === 1 && (r.drug.numbers.has(s.amount[0]) || r.drug.numbers.has(s.amount[0] * s.perDose)));
          if (recorded.some(agrees) || requested.some(agrees)) continue;
          const values = [...new Set(like.flatMap((r) => recordedText(r, s)))];
          const asked = [...new Set(requested.flatMap((r) => recordedText(r, s)))];
          out.push({
            message: `The rationale gives ${quote(reading.text, m.start, s.start > m.start && s.start < m.end ? s.start : m.end)} as ${quote(reading.text, s.start, s.end)} ("${clip(reading.text)}"), but the clinical case summary records ${values.map((v) => `"${v}"`).join(' or ')}${asked.length ? ` and the request is for ${asked.map((v) => `"${v}"`).join(' or ')}` : ''}. Check the strength in the records and make the rationale and the summary agree.`,
            range: sentenceSpan(prose!, sentence, s.start, s.end),
            relatedInformation: like.map((r) => ({
              range: r.sentence!.range,
              message: `The summary's strength of "${clip(r.sentence!.text.slice(r.drug.mention.start, r.drug.mention.end), 40)}": "${clip(r.sentence!.text)}"`,
            })),
            data: { detail: 'dose', written: s.text, expected: values.join(' or ') },
          });
          reported = true;
          break;
        }
        if (reported) break;
      }
    }
  }
  return out;
}

function quote(text: string, start: number, end: number): string {
  return `"${text.slice(start, end).trim()}"`;
}

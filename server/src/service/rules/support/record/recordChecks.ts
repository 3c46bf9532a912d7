// The rationale read against the summary, mention by mention, on the reading
// layer: a denial of what the summary documents, an assertion the summary
// contradicts (contradicts-record), a patient-specific claim the summary
// never makes (unsupported-record-claim), and the same thing with another
// side (detail-mismatch). Each returns diagnostics with the rationale's words,
// the summary's sentence as related information, and what to do.
import type { ImrDiagnostic, RelatedInformation } from '../../../types';

/** A finding of the record rules: the rule that reports it adds its code and severity. */
export type RecordFinding = Omit<ImrDiagnostic, 'code' | 'severity'>;
import type { CaseFile, Position, Prose, Sentence } from '../../../syntax/ast';
import type { CaseModel, ItemModel } from '../../../model/caseModel';
import { getField } from '../../../model/caseModel';
import type { ConceptKind, Mention, SentenceReading, Side } from '../../../reading/types';
import { sentenceSpan } from '../../../necessity/itemView';
import { daysBetween, formatIso, formatUs } from '../../../syntax/dates';
import { PhraseSet, TextMemo, wordCount } from '../../../necessity/phrases';
import { NEGATION } from '../../../necessity/terms';
import { escapeRegExp } from '../../../text/words';
import { countBefore } from '../../../text/bisect';
import { clauseHolding } from '../../../reading/clauses';
import data from '../../../data/terms/record-details.json';
import { courseNumbers, leadingCount, visitCounts } from './visitCounts';
import { dateNotInCase } from './caseDates';
import {
  accessOfDiff,
  documents,
  factWithMention,
  firstLabelOf,
  reportsReview,
  sameFact,
  sameFacts,
  sidesCompatible,
  sitesCompatible,
  summaryFacts,
  type Fact,
  type ReadingAccess,
  type SummaryFacts,
} from './summaryFacts';
import {
  part,
  readAsRecorded,
  readSummary,
  readWholeSummary,
  tracking,
  untracked,
  type SummaryDeps,
  type SummaryDiff,
  type SummaryKey,
} from '../../summaryReads';
import { mapPacked } from '../../../text/packed';

const MAX_RELATED = 3;

/**
 * What a rationale can deny that the summary documents: findings, complaints, diagnoses, red flags,
 * treatments, studies, drugs, the response to treatment. Not the documents themselves ("no documented
 * ...", "the physical examination", "the treatment plan"): they are how a sentence speaks of the record.
 */
const DENIABLE: ReadonlySet<ConceptKind> = new Set([
  'record',
  'finding',
  'symptom',
  'diagnosis',
  'red-flag',
  'study',
  'procedure',
  'therapy',
  'medication',
  'drug-class',
  'comorbidity',
  'device',
  'response',
  'function',
  'pain-score',
]);
/** What a rationale can assert that the summary contradicts by its own finding: examination signs, diagnoses, red flags. */
const CONTRARY_KINDS: ReadonlySet<ConceptKind> = new Set(['finding', 'diagnosis', 'red-flag']);

const PATIENT = new PhraseSet([...data.patientAnchors, ...data.recordVerbs]);
const RECORD_VERBS = new PhraseSet(data.recordVerbs);
const GUIDELINE = new PhraseSet(data.guidelineMarkers);
const PREDICATES = new PhraseSet(data.denialPredicates);
const DOCUMENTATION = new PhraseSet(data.documentationVerbs);
const RECORD_NOUNS = new PhraseSet(data.recordNouns);
const PLAN = new PhraseSet(data.planWords);
const MENTION_DENIALS = new PhraseSet(data.mentionDenials);
/** What follows the negation in a denial of a mention ("there is no *discussion of* ..."). */
const MENTION_NOUNS = new PhraseSet(data.mentionDenials.filter((p) => p.startsWith('no ')).map((p) => p.slice(3)));
const HEDGES = new PhraseSet(data.claimHedges);
/** "the patient has had", "the claimant has undergone": words between a denial and the treatment it denies. */
const PATIENT_HAD = new PhraseSet([...data.patientAnchors, ...data.recordVerbs, 'has', 'had', 'have', 'that']);
const REPORT_VERBS = new PhraseSet(data.reportVerbs);
const PATIENT_ANCHORS = new PhraseSet(data.patientAnchors);
const APPROVALS = new PhraseSet(data.approvals);
const UMBRELLAS: ReadonlySet<string> = new Set(data.supportingUmbrellas);
const SITE_FREE: ReadonlySet<string> = new Set(data.siteFreeConcepts);
const DENIABLE_RECORDS: ReadonlySet<string> = new Set(data.deniableRecords);
/**
 * The concepts that name a kind of care or record as a whole ("medications", "imaging", "conservative care"): a denial
 * of one is answered by a member the summary names, not by the word. Other concepts with narrower kinds name one thing
 * (an MRI, with MR arthrograms under it; tramadol, with its extended-release forms): the summary's word for it answers.
 */
const CATEGORIES: ReadonlySet<string> = new Set(data.categoryConcepts);
const EXAM_UMBRELLAS: ReadonlySet<string> = new Set(data.examinationUmbrellas);
const UMBRELLA_SPECIFIERS = new PhraseSet(data.umbrellaSpecifiers);
/** The words for an examination itself ("physical exam", "neurologic exam"), which a denial may name before what was not found in it. */
const EXAM_WORDS: ReadonlySet<string> = new Set(data.examinationWords);
/** The words for the physical examination itself ("physical exam"), which a rationale can wrongly say is missing. */
const EXAM_RECORDS = new PhraseSet(data.examinationRecords);
/** "no recent physical exam": asks for a newer examination, which an older one does not answer. */
const RECENCY = new PhraseSet(data.recencyWords);
/** "no updated MRI", "has not had a repeat MRI": a denial that asks for a newer one than the summary may record. */
const NEWER = new PhraseSet(data.newerWords);
/** "only paraspinal tenderness", "benign except for tenderness": the examination found nothing else. */
const ONLY = new PhraseSet(data.exclusiveMarkers);
const EXCEPT = new PhraseSet(data.exceptMarkers);
const BENIGN = new PhraseSet(data.benignExamWords);
/** Words for complaints or findings as a whole ("symptoms", "complaints"), which a denial names in passing rather than denying. */
const TOPICS: ReadonlySet<string> = new Set(data.topicConcepts);
/** What joins the items of a list: a comma, "or", "and", "nor", "and/or". */
const LIST_JOINER = /^\s*(?:,\s*)?(?:(?:and|or|nor|and\/or)\s+)?$/i;
const FINDING_KINDS: ReadonlySet<ConceptKind> = new Set(['finding', 'symptom', 'diagnosis', 'red-flag', 'comorbidity']);
/** "has not *had* physical therapy", "has not *been treated with* NSAIDs": the verb by which a bare "not" denies a treatment. */
const TREATMENT_DENIAL_VERBS = new PhraseSet(data.treatmentDenialVerbs);
const TREATMENT_DENIAL_LEADS = new PhraseSet(data.treatmentDenialLeads);
const TREATMENT_DENIAL_ARTICLES = new PhraseSet(data.treatmentDenialArticles);
/** "physical therapy has not *been tried*": the passive by which a "not" after a treatment denies it. */
const TREATMENT_DENIAL_PASSIVES = new PhraseSet(data.treatmentDenialPassives);
/** "has not had physical therapy this year": a time that dates the denial, which an older course does not contradict. */
const TREATMENT_DENIAL_TIMES = new PhraseSet(data.treatmentDenialTimes);

/** The clause of the sentence that holds the mention (the reader's clause boundaries). */
function clauseText(reading: SentenceReading, m: Mention): string {
  const c = clauseHolding(reading, m.start);
  return c ? reading.text.slice(c.start, c.end) : reading.text;
}

/** Where a text's parentheses are, once per text of a run: each mention searched its sentence for them (issue 12). */
const PARENTHESES = new TextMemo((text: string) => {
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) opens.push(i);
  for (let i = text.indexOf(')'); i >= 0; i = text.indexOf(')', i + 1)) closes.push(i);
  return Object.freeze({ opens, closes });
});

/** The number of `offsets` (ascending) at or before `at`. */
function countUpTo(offsets: readonly number[], at: number): number {
  return countBefore(offsets, (o) => o <= at);
}

function insideParentheses(text: string, at: number): boolean {
  // text.lastIndexOf('(', at) >= 0 && text.lastIndexOf(')', at) < that && text.indexOf(')', at) > at, by bisection.
  const { opens, closes } = PARENTHESES.get(text);
  const o = countUpTo(opens, at);
  if (o === 0) return false;
  const c = countUpTo(closes, at);
  const lastClose = c > 0 ? closes[c - 1] : -1;
  const nextClose = c > 0 && closes[c - 1] === at ? at : c < closes.length ? closes[c] : -1;
  return lastClose < opens[o - 1] && nextClose > at;
}

/**
 * Is the mention one of a list in parentheses ("conservative treatment (exercises, NSAIDs and muscle
 * relaxants)")? Such a list gives examples of the words before it, not things this patient had.
 */
function inParentheticalList(text: string, at: number): boolean {
  if (!insideParentheses(text, at)) return false;
  const inner = text.slice(text.lastIndexOf('(', at) + 1, text.indexOf(')', at));
  return /,|\s(?:and|or|and\/or)\s|\//i.test(inner);
}

/**
 * Does the worker report the mention ("the patient states she has decreased strength", "he complains of
 * numbness")? A complaint is not an examination finding: a normal examination does not contradict it.
 */
function reportedByPatient(reading: SentenceReading, m: Mention): boolean {
  const c = clauseHolding(reading, m.start);
  const before = reading.text.slice(c ? c.start : 0, m.start);
  const verb = REPORT_VERBS.matches(before)[0];
  return !!verb && PATIENT_ANCHORS.matches(before.slice(0, verb.start)).length > 0;
}

/** Does the mention's clause hedge, plan or deny before it ("may have had", "expected to start", "no indication the patient is on")? */
function hedgedBefore(reading: SentenceReading, m: Mention): boolean {
  const c = clauseHolding(reading, m.start);
  return HEDGES.testRange(reading.text, c ? c.start : 0, m.start);
}

function factClause(f: Fact): string {
  const reading = f.reading;
  return reading ? clauseText(reading, f.mention) : f.sentence.text;
}

/** Is the clause about this patient's record ("the patient has completed ...", "x-rays revealed ..."), not a guideline's words? */
function aboutPatient(reading: SentenceReading, m: Mention): boolean {
  const clause = clauseText(reading, m);
  return (m.assertion === 'historical' || PATIENT.test(clause)) && !GUIDELINE.test(clause);
}

/** Records whose words put a clause in this patient's chart ("the physical examination", "the progress report", "the medical records"), not a plan or a review. */
const CHART_RECORDS: ReadonlySet<string> = new Set(data.chartRecords);

/**
 * A claim about this patient's record: about the patient as aboutPatient reads it, or in a clause that names
 * a record of the chart before the claim ("Physical examination findings included ...", "the MRI report
 * showed"): the record speaks of this patient.
 */
function claimAboutPatient(reading: SentenceReading, m: Mention): boolean {
  if (aboutPatient(reading, m)) return true;
  const c = clauseHolding(reading, m.start);
  if (GUIDELINE.test(clauseText(reading, m))) return false;
  const chartRecordFrom = (from: number, to: number) =>
    reading.mentions.some((x) => x !== m && x.start < to && x.start >= from && x.assertion === 'affirmed' && x.concepts.some((id) => CHART_RECORDS.has(id)));
  if (chartRecordFrom(c?.start ?? 0, m.start)) return true;
  // A note quoted from a chart record ('The progress report states, "imaging: x-ray: ..."'): the colons of the note
  // split its clauses, but every word inside the quotation is the record's.
  const open = openQuotation(reading.text, m.start);
  if (open < 0 || GUIDELINE.test(reading.text.slice(open, m.start))) return false;
  const head = clauseHolding(reading, open);
  return chartRecordFrom(head?.start ?? 0, open);
}

/** The offset of the quotation mark that opens a quotation still open at `at`, or -1. */
function openQuotation(text: string, at: number): number {
  let open = -1;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (ch === '\u201c') open = i;
    else if (ch === '\u201d') open = -1;
    else if (ch === '"') open = open >= 0 && text[open] === '"' ? -1 : i;
  }
  return open;
}

/** Umbrella words that criteria use for a family of signs ("neurologic dysfunction", "nerve root compromise"), not a sign an examination records. */
const CRITERION_UMBRELLAS: ReadonlySet<string> = new Set(data.criterionUmbrellas);

/** "the response to the prior usage of", "the efficacy of recent": a response to a treatment takes the treatment as done. */
const PRESUPPOSING = new RegExp(
  `\\b(?:${data.responseNouns.join('|')})\\s+(?:to|of|from|with)\\s+(?:(?:the|his|her|this|any)\\s+)?(?:${data.priorWords.join('|')})\\s+(?:(?:usage|use|course|trial|sessions?|visits?)\\s+of\\s+)?(?:[a-z-]+\\s+)?$`,
  'i',
);

/** Does the sentence take the mention as done, whatever it asserts of it ("the efficacy of recent physical therapy")? */
function presupposedDone(reading: SentenceReading, m: Mention): boolean {
  return PRESUPPOSING.test(reading.text.slice(Math.max(0, m.start - 80), m.start));
}

/** The examination as a whole ("the neurological exam is unremarkable"): the summary answers it with the findings it is made of. */
const EXAM_WHOLES: ReadonlySet<string> = new Set(data.examinationWholes);

/** Does the mention's clause speak of findings (its first mention is a finding: "Muscle strength and sensation are unremarkable")? */
function findingsClause(reading: SentenceReading, m: Mention): boolean {
  const c = clauseHolding(reading, m.start);
  const first = reading.mentions.find((x) => x.start >= (c?.start ?? 0));
  return !!first && first.concept.kind === 'finding';
}

/** Concepts the disputed services name (every item's): a rationale speaks of the requested thing as requested, whatever its verbs. */
function serviceConcepts(model: CaseModel, access: ReadingAccess): Set<string> {
  return perModel(serviceConceptsOf, model, access, () => {
    const out = new Set<string>();
    for (const item of model.items) for (const m of item.service ? access.read(item.service).mentions : []) for (const id of m.concepts) out.add(id);
    return out;
  });
}

/** What one computation over every item gave for this model and access: an item's unit asks it without reading every item again. */
function perModel<T>(memo: WeakMap<CaseModel, { access: ReadingAccess; value: T }>, model: CaseModel, access: ReadingAccess, compute: () => T): T {
  const hit = memo.get(model);
  if (hit && hit.access === access) return hit.value;
  const value = compute();
  memo.set(model, { access, value });
  return value;
}
const serviceConceptsOf = new WeakMap<CaseModel, { access: ReadingAccess; value: Set<string> }>();
const serviceOwnConceptsOf = new WeakMap<CaseModel, { access: ReadingAccess; value: Set<string> }>();
const serviceReadingsOf = new WeakMap<CaseModel, { access: ReadingAccess; value: { item: ItemModel; reading: SentenceReading | undefined }[] }>();

/** The concepts the disputed services name themselves (every item's), without the broader ones they count for. */
function serviceOwnConcepts(model: CaseModel, access: ReadingAccess): Set<string> {
  return perModel(serviceOwnConceptsOf, model, access, () => {
    const out = new Set<string>();
    for (const item of model.items) for (const m of item.service ? access.read(item.service).mentions : []) out.add(m.concept.id);
    return out;
  });
}

/**
 * Does the mention name a disputed service: the service itself, a broader word for it ("opioids" under a Percocet
 * item), a kind of it, or another brand of the same drug ("Vicodin" under a Norco item)? Not a drug or a study that
 * only shares a class with it: NSAIDs are no Percocet because both are analgesics. A therapy of the same family
 * still is (home exercise under a physical therapy item): a rationale for one weighs the others in the guideline's
 * words of active therapy.
 */
function namesService(m: Mention, services: ReadonlySet<string>, own: ReadonlySet<string>, access: ReadingAccess): boolean {
  if (services.has(m.concept.id) || m.concepts.some((id) => own.has(id))) return true;
  if (m.concept.kind === 'therapy') return m.concepts.some((id) => services.has(id));
  return m.concept.kind === 'medication' && m.concepts.some((id) => id !== m.concept.id && services.has(id) && access.concept(id)?.kind === 'medication');
}

function clip(t: string, n = 90): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

function quote(text: string, start: number, end: number): string {
  return `"${clip(text.slice(start, end).replace(/\s+/g, ' '), 80)}"`;
}

function related(file: CaseFile, facts: readonly Fact[], say: (f: Fact) => string): RelatedInformation[] {
  const seen = new Set<Sentence>();
  const out: RelatedInformation[] = [];
  for (const f of facts) {
    if (seen.has(f.sentence) || out.length >= MAX_RELATED) continue;
    seen.add(f.sentence);
    const label = firstLabelOf(file, f.sentence);
    out.push({ range: f.sentence.range, message: `${say(f)}${label ? ` [#${label}]` : ''}: "${clip(f.sentence.text)}"` });
  }
  return out;
}

interface RationaleSentence {
  item: ItemModel;
  prose: Prose;
  sentence: Sentence;
  reading: SentenceReading;
  /** The disputed service as the reader reads it (empty when the item names none). */
  serviceReading?: SentenceReading;
  /** Sites of the disputed service, for mentions that name none. */
  serviceSites: readonly string[];
  /** The sentence's index in `prose.sentences`. */
  index: number;
}

function* rationaleSentences(model: CaseModel, access: ReadingAccess, only?: ItemModel): Generator<RationaleSentence> {
  for (const item of only ? [only] : model.items) {
    const prose = item.section.rationale?.prose;
    if (!prose) continue;
    const serviceReading = item.service ? access.read(item.service) : undefined;
    const serviceSites = serviceReading?.attributes.sites ?? [];
    for (const [index, sentence] of prose.sentences.entries())
      yield { item, prose, sentence, reading: access.read(sentence.text), serviceReading, serviceSites, index };
  }
}

const sitesOf = (m: Mention, r: RationaleSentence): readonly string[] =>
  m.attributes.sites.length ? m.attributes.sites : r.reading.attributes.sites.length ? r.reading.attributes.sites : r.serviceSites;

/**
 * Does the summary record, at a place the mention can mean, the other verdict of the same sign: the opposite concept
 * ("decreased sensation" for "sensation intact"), or the sign itself read with the other verdict ("the left Achilles
 * reflex was absent" for "normal reflexes", "4/5 strength" for "5/5 strength")?
 */
function contraryDocumented(facts: SummaryFacts, m: Mention, r: RationaleSentence): boolean {
  const opposite = m.concept.opposite;
  const other = m.value === 'normal' ? 'abnormal' : m.value === 'abnormal' ? 'normal' : undefined;
  if (!opposite || !other) return false;
  const contrary = (f: Fact) => documents(f) && !f.review && (f.mention.concepts.includes(opposite) || f.mention.value === other);
  return [opposite, ...m.concept.broader].some((id) => factsAbout(facts, id, m, r).some(contrary));
}

/** Summary facts about the same concept at a place the rationale's mention can mean. */
function factsAbout(facts: SummaryFacts, conceptId: string, m: Mention, r: RationaleSentence): Fact[] {
  const sites = sitesOf(m, r);
  // How the worker was hurt ("a fall from a ladder") bears on every body part of the claim.
  return (facts.byConcept.get(conceptId) ?? []).filter(
    (f) => f.mention.concepts.some((id) => SITE_FREE.has(id)) || (sitesCompatible(sites, f.sites, facts.access) && sidesCompatible(m.attributes.side, f.side)),
  );
}

/** The span a finding covers: the cue that decided the assertion through the mention. */
function claimSpan(m: Mention): { start: number; end: number } {
  const cue = m.cues[0];
  return cue ? { start: Math.min(cue.start, m.start), end: Math.max(cue.end, m.end) } : { start: m.start, end: m.end };
}

/** Kinds of concept that are a treatment a response can be to. */
const TREATMENT_KINDS: ReadonlySet<ConceptKind> = new Set(['therapy', 'medication', 'drug-class', 'procedure', 'device']);
/** What a worker has had or undergone: a treatment, or a study ("has not had an MRI", "an EMG has not been performed"). */
const UNDERGONE_KINDS: ReadonlySet<ConceptKind> = new Set([...TREATMENT_KINDS, 'study']);

/** The treatments a sentence names (each as its concept and the broader ones), or else those of the disputed service. */
function treatmentsOf(reading: SentenceReading, fallback?: SentenceReading): (readonly string[])[] {
  const own = (x: SentenceReading) =>
    x.mentions.filter((t) => TREATMENT_KINDS.has(t.concept.kind) && t.assertion !== 'generic' && t.assertion !== 'other-person');
  let found = own(reading);
  if (!found.length && fallback) found = own(fallback);
  return mapPacked(found, (t) => t.concepts);
}

/** Can two lists of treatments name the same one: the same concept, or one under the other ("Norco" and "medications")? */
function treatmentsAgree(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  return a.some((x) => b.some((y) => x.includes(y[0]) || y.includes(x[0])));
}

// ---- contradicts-record -------------------------------------------------------------------

/** Days in a unit of a duration the reader counts ("6 months", "2 years"). */
const DURATION_DAYS: Readonly<Record<string, number>> = data.durationDays;
const POINT_IN_TIME = new PhraseSet(data.pointInTime);

/**
 * "The patient has been on chronic opioid treatment, at least 6 months" in a claim whose injury was a month
 * before the review: the treatment of this claim cannot have lasted that long. Not when the summary itself
 * gives the treatment such a duration (an earlier injury, treatment before this claim).
 */
function longerThanTheClaim(model: CaseModel, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const injury = model.dates.injuryDate;
  const review = model.dates.urDate ?? model.dates.decisionDate;
  if (!injury || !review) return undefined;
  // The days the claim has lasted, counted once a treatment's duration asks for them: most sentences give none.
  let elapsed: number | undefined;
  for (const m of r.reading.mentions) {
    if (!TREATMENT_KINDS.has(m.concept.kind) || (m.assertion !== 'affirmed' && m.assertion !== 'historical')) continue;
    // Only a duration is weighed: a mention of no duration asks nothing of its clause.
    if (!m.attributes.counts.some((c) => DURATION_DAYS[c.unit]) || !aboutPatient(r.reading, m) || hedgedBefore(r.reading, m)) continue;
    elapsed ??= daysBetween(injury.date, review.date);
    if (elapsed < 0) return undefined;
    for (const c of m.attributes.counts) {
      const unit = DURATION_DAYS[c.unit];
      if (!unit) continue;
      // "2 years ago", "6 months prior to the injury": a time, not how long the treatment lasted.
      if (POINT_IN_TIME.matches(r.reading.text.slice(c.end, c.end + 25)).some((w) => r.reading.text.slice(c.end, c.end + w.start).trim() === '')) continue;
      const days = c.value * unit;
      if (days <= elapsed + data.durationSlackDays) continue;
      const summaryLasted = (facts.byConcept.get(m.concept.id) ?? []).some((f) =>
        f.mention.attributes.counts.some((x) => (DURATION_DAYS[x.unit] ?? 0) * x.value >= days - data.durationSlackDays),
      );
      if (summaryLasted) continue;
      const start = Math.min(m.start, c.start);
      const end = Math.max(m.end, c.end);
      return () => ({
        message: `The rationale says ${quote(r.sentence.text, start, end)}, but the case header's date of injury is ${formatUs(injury.date)}, ${elapsed} days before ${review === model.dates.urDate ? 'the UR date' : 'the decision date'} ${formatUs(review.date)}: this claim's treatment cannot have lasted that long. Correct the duration, or say where the earlier treatment is recorded.`,
        range: sentenceSpan(r.prose, r.sentence, start, end),
        relatedInformation: [
          { range: injury.field.range, message: `The case header gives the date of injury: ${formatUs(injury.date)}` },
          {
            range: review.field.range,
            message: `The case header gives ${review === model.dates.urDate ? 'the UR date' : 'the decision date'}: ${formatUs(review.date)}`,
          },
        ],
        data: { concept: m.concept.id, direction: 'asserts' },
      });
    }
  }
  return undefined;
}

/** contradicts-record's reading-layer findings, of every item or of `only` (each rationale sentence is judged on its own). */
export function contradictsRecordFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary) return [];
  const facts = summaryFacts(file, access);
  const out: RecordFinding[] = [];
  for (const r of rationaleSentences(model, access, only)) {
    if (r.reading.generic) continue;
    // A sentence's finding is kept for the next run with what it read of the summary (rules/summaryReads.ts): a
    // summary edit or an edit of another sentence checks it again only where its key or those reads changed.
    const { start } = r.sentence.range;
    const found = part(`${start.line}:${start.character}`, sentenceInputs(file, r), () => judged(file, model, facts, r));
    if (found) out.push(found);
  }
  return out;
}

/**
 * What a rationale sentence's judgement reads besides the summary and the header: its text, its place and the
 * source lines it is on (where its words map to), the sentence before it (deniedCount and measuredImprovement read
 * it) and the disputed service.
 */
function sentenceInputs(file: CaseFile, r: RationaleSentence): unknown[] {
  const { start, end } = r.sentence.range;
  const offset = (p: Position) => (file.lineStarts[p.line] ?? file.text.length) + p.character;
  // The source from the sentence's start to its end (line breaks, indentation and labels included) with the start's
  // place fixes where each of its words is; the sentence's own length bounds it, whatever the length of its lines.
  const source = file.text.slice(offset(start), offset(end));
  const before = r.index > 0 ? r.prose.sentences[r.index - 1].text : '';
  return [end.line, end.character, source, r.sentence.text, before, r.item.service];
}

/** A fact's words: a strength with its grade ("4/5 strength", "motor strength was 4-/5"), for "strength" says no verdict. */
function factWords(f: Fact): string {
  const { mention } = f;
  const text = f.reading?.text;
  const grades = mention.attributes.grades;
  if (!text || !grades.length || !mention.concepts.includes(STRENGTH)) return mention.text;
  const start = Math.min(mention.start, ...grades.map((g) => g.start));
  const end = Math.max(mention.end, ...grades.map((g) => g.end));
  return end - start <= 40 ? text.slice(start, end).replace(/\s+/g, ' ') : mention.text;
}

const VERDICT_DENIALS = new PhraseSet(data.verdictDenials);
/** What the verb denies: a bare "deficits" or "abnormalities", with "any" or "focal" before it. */
const BARE_DEFICIT = /^\s*(?:any\s+)?(?:focal\s+)?(?:deficits?|defecits?|abnormalit(?:y|ies))\b/i;

/**
 * "The neurological examination did not demonstrate any deficits", "the motor exam revealed no deficits": an
 * examination of no verdict (the neurologic or the motor examination) named, then a `verdictDenials` verb right
 * after it that denies a bare "deficits" in it. The reader reads the examination as affirmed and "deficits" as its
 * verdict; the sentence denies the examination's abnormality, as "no motor deficits" does. Not the physical
 * examination, whose bare "deficits" may be functional ones.
 */
function deniedVerdict(reading: SentenceReading, m: Mention): { denied: Mention; span: { start: number; end: number } } | undefined {
  if (m.assertion !== 'affirmed' || m.concept.kind !== 'finding' || m.concept.polarity !== 'neutral') return undefined;
  if (m.concept.id !== NEUROLOGIC_EXAM && m.concept.id !== STRENGTH) return undefined;
  const after = reading.text.slice(m.end, m.end + 60);
  const verb = VERDICT_DENIALS.matches(after).find((w) => after.slice(0, w.start).trim() === '');
  if (!verb) return undefined;
  const rest = BARE_DEFICIT.exec(after.slice(verb.end));
  if (!rest) return undefined;
  // "did not demonstrate any deficits, but 4/5 strength": the sentence names a sign it found.
  if (reading.mentions.some((x) => x !== m && x.start >= m.end && x.concept.kind === 'finding' && documentsHere(x) && x.value === 'abnormal')) return undefined;
  const denied = { ...m, assertion: 'negated', value: 'neutral' } as Mention;
  return { denied, span: { start: m.start, end: m.end + verb.end + rest[0].length } };
}

const NEUROLOGIC_EXAM = 'neurologic-exam';

/** "weakness", "motor deficits", "neurologic deficits", "strength" denied: what a strength grade below 5/5 contradicts. */
function deniesWeakness(access: ReadingAccess, m: Mention): boolean {
  const weakness = access.concept(WEAKNESS);
  return !!weakness && access.lineage(weakness).includes(m.concept.id);
}

const WEAKNESS = 'motor-weakness';
const STRENGTH = 'strength';
/** "4/5 limited by pain", "4/5 with submaximal effort": a grade the clause gives to pain or effort, not to the muscle. */
const PAIN_LIMITED = new PhraseSet(data.painLimitedGrades);
/** "rotator cuff", "supraspinatus": a strength whose grade is a tendon's, not a nerve's. */
const TENDON_STRENGTH = new PhraseSet(data.tendonStrengths);
/** "previously", "prior to surgery", "preoperatively": a sentence that gives a grade of an earlier time. */
const EARLIER_GRADE = new PhraseSet(data.earlierGradeWords);

/**
 * Does the summary fact grade a muscle's strength below 5/5 on an examination ("4/5 strength of the left extensor
 * hallucis longus", "motor strength 4-/5", "4 out of 5")? A physician reads such a grade as weakness. Not a grade
 * of 5/5, one the worker had before (historical) or one planned, nor one the clause gives to pain or effort.
 */
function gradesWeakness(f: Fact): boolean {
  const { mention } = f;
  // "Strength of the left EHL was 4+/5, otherwise 5/5" has a grade of each verdict: the lower one is weakness.
  if (mention.concept.polarity !== 'neutral' || !mention.concepts.includes(STRENGTH) || mention.value === 'normal') return false;
  if (mention.assertion !== 'affirmed' || f.planned || f.review || f.presupposed) return false;
  if (!mention.attributes.grades.some((g) => g.of === 5 && g.value < 5)) return false;
  // "Previously, strength was 4/5": the sentence gives an earlier examination's grade, not the worker's strength now.
  // "Rotator cuff strength was 4/5" is a tendon finding, as the lexicon reads "rotator cuff weakness", not motor weakness.
  const clause = factClause(f);
  return !PAIN_LIMITED.test(clause) && !TENDON_STRENGTH.test(clause) && !EARLIER_GRADE.test(f.sentence.text);
}

/** The summary's strength grades below 5/5 at a place the rationale's mention can mean. */
function gradedWeakness(facts: SummaryFacts, m: Mention, r: RationaleSentence): Fact[] {
  return factsAbout(facts, STRENGTH, m, r).filter(gradesWeakness);
}

/** The first of contradicts-record's reading-layer checks that finds something in the sentence. */
function judged(file: CaseFile, model: CaseModel, facts: SummaryFacts, r: RationaleSentence): RecordFinding | undefined {
  const found =
    denial(file, facts, r) ??
    deniedFailure(file, facts, r) ??
    measuredImprovement(model, facts, r) ??
    deniedCount(file, facts, r) ??
    onlyFinding(file, facts, r) ??
    contrary(facts, r) ??
    contraryResponse(file, facts, r) ??
    contraryWorkStatus(file, facts, r) ??
    normalStudy(file, facts, r) ??
    slightOverMeasures(file, model, facts, r) ??
    neurologicOverNormalExam(file, facts, r) ??
    longerThanTheClaim(model, facts, r);
  return found ? found(file) : undefined;
}

const documentsHere = (x: Mention) => x.assertion === 'affirmed' || x.assertion === 'historical';

/** Does the rationale sentence cite ([#label]) one of the evidence's summary sentences? */
function citesAny(file: CaseFile, sentence: Sentence, ...evidence: (readonly Fact[])[]): boolean {
  // Most sentences cite no fact: then there is nothing to look for among the summary's facts.
  if (!sentence.labels.length) return false;
  const cited = new Set(sentence.labels.map((l) => l.name));
  return file.facts.some((f) => cited.has(f.label.name) && evidence.some((list) => list.some((e) => e.sentence === f.sentence)));
}

/** The rationale denies what the summary documents. */
function denial(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  // Does the sentence itself document the concept (a mention of it affirmed or historical)? Asked only of a denial.
  for (const found of r.reading.mentions) {
    // (The mention itself is no documentation of what it denies: "the neurological examination" that "did not
    // demonstrate any deficits" is affirmed.)
    const affirmedHere = (id: string) =>
      r.reading.mentions.some((x) => x !== found && (x.assertion === 'affirmed' || x.assertion === 'historical') && x.concepts.includes(id));
    // "There are no red flag conditions", "neurologically intact": a term that is itself the denial of an umbrella.
    const phrased =
      found.assertion === 'affirmed' &&
      found.value === 'normal' &&
      !!found.concept.opposite &&
      facts.access.hasNarrower(found.concept.opposite) &&
      DENIABLE.has(found.concept.kind);
    // "does not document a specific neck physical exam" over the neck examination the summary records.
    const examDenied = !phrased && deniesExamination(r.reading, found);
    // "it is not noted what functional improvement she had with prior sessions": the denial asks what the response
    // was, which any response the summary records to that treatment answers, whichever its course.
    const asked = !phrased && found.concept.kind === 'response' && askedAbout(r.reading, found);
    // "The neurological examination did not demonstrate any deficits": the examination's abnormality is denied.
    const verdict = !phrased && !examDenied && !asked ? deniedVerdict(r.reading, found) : undefined;
    if (
      !phrased &&
      !examDenied &&
      !asked &&
      !verdict &&
      (found.assertion !== 'negated' || !DENIABLE.has(found.concept.kind) || !deniesExistence(r.reading, found))
    )
      continue;
    const m = phrased ? asDenialOf(found, facts.access.concept(found.concept.opposite!)) : verdict ? verdict.denied : found;
    if (!m) continue;
    // "no physical exam findings of radiculopathy" denies the radiculopathy, read as its own mention.
    if (EXAM_UMBRELLAS.has(m.concept.id) && specifiedAfter(r.reading, m)) continue;
    // A record the summary names as a document of its own ("there is no RFA" over the RFA it dates), not the words
    // a sentence uses for the records ("documentation", "the physical examination", "the request").
    if (m.concept.kind === 'record' && !DENIABLE_RECORDS.has(m.concept.id) && !examDenied) continue;
    // "pain", "symptoms" as a whole are denied only in passing ("resolution of pain", "no red flag symptoms"); their kinds
    // (low back pain) are read, and so are complaints of no wider kind ("no insomnia complaints") and complaints of one
    // kind that has narrower ones ("no documentation of dyspepsia", "no evidence of depression": nausea and major
    // depressive disorder are their kinds, but each names one complaint).
    if (m.concept.kind === 'symptom' && !m.concept.broader.length && (CATEGORIES.has(m.concept.id) || TOPICS.has(m.concept.id))) continue;
    // "no evidence of radiculopathy, but decreased sensation is noted": the sentence weighs the finding it names.
    // ("the physical exam on a progress note does not document a neck exam" names the examination it looked in.)
    if (!examDenied && affirmedHere(m.concept.id)) continue;
    // "4/5 strength of the left extensor hallucis longus" is the weakness a denial of weakness, of a motor deficit or
    // of a neurologic deficit denies, though the summary names only the muscle strength with its grade.
    const graded = deniesWeakness(facts.access, m) ? gradedWeakness(facts, m, r) : [];
    const about =
      EXAM_UMBRELLAS.has(m.concept.id) || examDenied
        ? examinationFacts(facts, m, r, examDenied)
        : asked
          ? RESPONSE_CLAIMS_ALL.flatMap((id) => factsAbout(facts, id, m, r).filter((f) => f.mention.concept.id === id))
          : [...new Set([...factsAbout(facts, m.concept.id, m, r), ...memberFacts(facts, m, r), ...graded])];
    // The summary says "no red flags" too: it agrees with the rationale's phrase.
    if (phrased && factsAbout(facts, found.concept.id, found, r).some((f) => documents(f) && !f.review)) continue;
    // The summary says the same ("the current medication regimen was not provided"): the rationale echoes it.
    if (about.some((f) => !f.review && f.mention.assertion === 'negated' && f.mention.concept.id === m.concept.id)) continue;
    // "Medications are not documented": a broad denial is contradicted by a named one, not by the word "medications".
    // "No MRI was documented" is contradicted by "an MRI of the lumbar spine showed", though MR arthrograms are MRIs too.
    const broad = (CATEGORIES.has(m.concept.id) && facts.access.hasNarrower(m.concept.id)) || EXAM_UMBRELLAS.has(m.concept.id) || examDenied;
    // "There is no discussion of a cervical MRI": any mention answers it, a request too.
    const anyMention = MENTION_DENIALS.test(r.sentence.text.slice(Math.max(0, Math.min(m.cues[0]?.start ?? m.start, m.start) - 20), m.start));
    // "no red flag symptoms" is not answered by the word "symptoms": a neutral mention of the same concept names the topic, not a finding.
    // A strength graded below 5/5 is weakness whatever verdict the reader gave its mention ("4+/5, otherwise 5/5").
    const valueOf = (f: Fact) => (graded.includes(f) ? 'abnormal' : f.mention.value);
    const substantive = (f: Fact) =>
      valueOf(f) !== 'neutral' || f.mention.concept.id !== m.concept.id || (m.concept.kind !== 'symptom' && m.concept.kind !== 'finding');
    // "No documentation of pain relief" in an opioid's rationale is about that drug: relief from rest, or one NSAID
    // that did not work, says nothing of it. A response counts only where both name a treatment and they agree.
    const treated = m.concept.kind === 'response' ? treatmentsOf(r.reading, r.serviceReading) : undefined;
    if (treated && !treated.length) continue;
    // "No motor or sensory changes": nobody denies that a worker has sensation; a denied examination of no verdict denies
    // its abnormality, which a normal finding ("sensation intact") does not contradict.
    const deniesAbnormal = m.value === 'neutral' && m.concept.kind === 'finding';
    // "No documentation of 50% relief from the injection" over "20% relief": the denial names how much, which only as
    // much relief answers; "no documentation of significant relief" weighs the relief the summary records (a threshold
    // the guideline sets), so it is no denial of it.
    const response = m.concept.kind === 'response';
    if (response && m.cues[0] && m.cues[0].end <= m.start && NEGATION.judgment.testRange(r.sentence.text, m.cues[0].end, m.end)) continue;
    const least = response && m.attributes.percents.length ? Math.min(...m.attributes.percents.map((p) => p.value)) : undefined;
    const evidence = about.filter(
      (f) =>
        (least === undefined || f.mention.attributes.percents.some((p) => p.value >= least)) &&
        (documents(f) || (anyMention && f.mention.assertion !== 'negated')) &&
        substantive(f) &&
        !f.review &&
        (asked || (m.value === 'neutral' ? !deniesAbnormal || valueOf(f) === 'abnormal' : valueOf(f) === m.value)) &&
        (!broad || anyMention || graded.includes(f) || (f.mention.concept.id !== m.concept.id && !PLAN.test(factClause(f)))) &&
        (!treated || (!!f.reading && treatmentsAgree(treated, treatmentsOf(f.reading)))),
    );
    if (!evidence.length) continue;
    // "no evidence of radiculopathy, but decreased sensation is noted", or a sentence that cites the finding's
    // fact ("the changes [#neuro-findings] are unchanged, so there is no new neurologic dysfunction"): it weighs them.
    const named = new Set(evidence.map((f) => f.mention.concept.id));
    if (
      r.reading.mentions.some(
        (x) =>
          x !== m &&
          x !== found &&
          documentsHere(x) &&
          (named.has(x.concept.id) || evidence.some((f) => f.mention.concepts.includes(x.concept.id) && x.concept.id !== m.concept.id)),
      )
    )
      continue;
    if (citesAny(file, r.sentence, evidence)) continue;
    const span = verdict ? verdict.span : claimSpan(found);
    return (file) => ({
      message: `The rationale says ${quote(r.sentence.text, span.start, span.end)}, but the clinical case summary documents ${evidenceWords(evidence)}. Weigh the documented finding in the rationale, or correct the statement.`,
      range: sentenceSpan(r.prose, r.sentence, span.start, span.end),
      relatedInformation: related(file, evidence, (f) => `The summary documents "${clip(factWords(f), 50)}"`),
      data: { concept: m.concept.id, direction: 'denies' },
    });
  }
  return undefined;
}

/** Responses that say a treatment did not work: no benefit, worse, no functional improvement. */
const FAILURE_RESPONSES: ReadonlySet<string> = new Set(data.failureResponses);
/** Treatments as a whole ("conservative care", "first-line treatment") whose failure a rationale weighs. */
const FAILED_TREATMENTS: ReadonlySet<string> = new Set(data.failedTreatments);
const FAILURE_OF = new PhraseSet(data.failureWords);
const FAILURE_NEGATIONS = new PhraseSet(data.failureNegations);
/**
 * Kinds of treatment a trial of conservative care is made of: therapies and drugs. Not surgery, injections or
 * studies, nor equipment (a cane helps the worker walk; it is no trial of treatment that can fail).
 */
const CONSERVATIVE_KINDS: ReadonlySet<ConceptKind> = new Set(['therapy', 'medication', 'drug-class']);

/** Words for a course of conservative care as a whole, and for a step of a drug ladder ("first-line"), which is not one. */
const CONSERVATIVE_COURSE = new PhraseSet(data.conservativeCourseWords);
const FIRST_LINE = new PhraseSet(data.firstLineWords);

const failureResponse = (m: Mention) => m.concepts.some((id) => FAILURE_RESPONSES.has(id));

/**
 * The span of a denial that conservative care failed: "no documentation that the claimant has failed conservative
 * treatment", "lack of evidence to support failure of first-line treatments", "no documented failure of more classic
 * conservative therapies", "has not failed an adequate conservative course". Not a failure of a treatment the
 * sentence does not deny ("failed to improve with PT, and there is no MRI").
 */
function failureDenial(reading: SentenceReading): { start: number; end: number } | undefined {
  const text = reading.text;
  const near = (from: number, to: number) => to >= from && wordCount(text.slice(from, to)) <= data.failureReach;
  for (const m of reading.mentions) {
    // Only a failure, or a treatment as a whole whose failure is denied, can be the denial: the others' cues are not looked at.
    const response = failureResponse(m);
    if (!response && !m.concepts.some((id) => FAILED_TREATMENTS.has(id))) continue;
    // "no documented failure of more classic conservative therapies": the denial stands, whatever "more" asks for.
    const cue = lastNegationBefore(m);
    const negatedBefore = (m.assertion === 'negated' || m.assertion === 'requested') && !!cue && near(cue.end, m.start);
    if (response) {
      if (negatedBefore) return claimSpan(m);
      // "has not failed": the negation stands right before the failure.
      const from = Math.max(0, m.start - 20);
      const lead = text.slice(from, m.start);
      const not = FAILURE_NEGATIONS.matches(lead).find((w) => lead.slice(w.end).trim() === '');
      if (m.assertion === 'affirmed' && not) return { start: from + not.start, end: m.end };
    } else if (negatedBefore && FAILURE_OF.test(text.slice(cue.end, m.start))) {
      return claimSpan(m);
    }
  }
  return undefined;
}

/**
 * The negation cue of the mention that ends last at or before its start (the first of those ending there): what sorting
 * its negated cues before it by their ends, last first, gives first.
 */
function lastNegationBefore(m: Mention): Mention['cues'][number] | undefined {
  let last: Mention['cues'][number] | undefined;
  for (const c of m.cues) if (c.category === 'negated' && c.end <= m.start && (!last || c.end > last.end)) last = c;
  return last;
}

/**
 * The rationale denies that conservative care failed, while the summary records conservative treatment and a
 * response of no benefit or worsening ("no better at all", "lack of improvement and persisting pain"). The failure
 * of conservative care is what the summary's treatments and their outcome document, not a phrase it must use.
 */
function deniedFailure(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const span = failureDenial(r.reading);
  if (!span) return undefined;
  // "despite no improvement with therapy, there is no documented failure of ...": the sentence weighs the outcome.
  if (r.reading.mentions.some((x) => failureResponse(x) && documentsHere(x) && (x.end <= span.start || x.start >= span.end))) return undefined;
  const anchor = r.reading.mentions.find((x) => x.start >= span.start && x.end <= span.end) ?? r.reading.mentions[0];
  if (!anchor) return undefined;
  // The treatments the sentence names besides conservative care as a whole (not the disputed service, said as requested).
  const named = r.reading.mentions
    .filter((x) => CONSERVATIVE_KINDS.has(x.concept.kind) && !FAILED_TREATMENTS.has(x.concept.id))
    .filter((x) => x.assertion !== 'generic' && x.assertion !== 'other-person' && x.assertion !== 'requested')
    .map((x) => x.concepts);
  const found = documentedFailure(facts, sitesOf(anchor, r), anchor.attributes.side, named);
  // Severe pain left after the treatments is the failure of conservative care as a whole ("pain was rated 8/10 to
  // 10/10" after physical therapy and medications): not of one drug or one treatment the sentence names, whose own
  // response the summary must give, and not where the sentence weighs a pain score itself.
  // "first-line therapy" is a step of a drug ladder, not a course of conservative care; "at least 6 weeks of
  // conservative care" asks how long, which a pain score does not answer.
  const wholeCourse = !named.length && CONSERVATIVE_COURSE.test(r.reading.text) && !FIRST_LINE.test(r.reading.text);
  const asksDuration = [r.reading.attributes, ...mapPacked(r.reading.mentions, (x) => x.attributes)].some((a) => a.counts.some((c) => DURATION_DAYS[c.unit]));
  const weighsPain = asksDuration || r.reading.attributes.painScores.length > 0 || r.reading.mentions.some((x) => x.attributes.painScores.length > 0);
  const outcome = found.outcome.length ? found.outcome : wholeCourse && !weighsPain ? found.severe : [];
  // The treatments only once there is an outcome: most summaries record none at the place, and the treatments are most
  // of the summary's sentences to read.
  if (!outcome.length) return undefined;
  const { treated, distinct } = found;
  if (distinct < 2) return undefined;
  // Both lists are in summary order already (failureCandidates).
  if (citesAny(file, r.sentence, outcome, treated)) return undefined;
  const outcomeWords = found.outcome.length
    ? sharedEvidenceWords(outcome)
    : `pain rated "${clip(outcome[0].mention.attributes.painScores[0].text, 30)}" after it`;
  return (file) => ({
    message: `The rationale says ${quote(r.sentence.text, span.start, span.end)}, but the clinical case summary documents conservative treatment (${sharedEvidenceWords(treated)}) with ${outcomeWords}. Weigh the documented outcome of the treatment in the rationale, or correct the statement.`,
    range: sentenceSpan(r.prose, r.sentence, span.start, span.end),
    relatedInformation: [
      ...related(
        file,
        outcome.slice(0, 1),
        (f) => `The summary documents "${clip(found.outcome.length ? f.mention.text : f.mention.attributes.painScores[0].text, 50)}"`,
      ),
      ...related(file, firstOthers(treated, outcome[0].sentence, 2), (f) => `The summary documents "${clip(f.mention.text, 50)}"`),
    ],
    data: { concept: anchor.concept.id, direction: 'denies' },
  });
}

/** Does a's sentence come before b's in the summary? */
const sentenceBefore = (a: Fact, b: Fact) => {
  const x = a.sentence.range.start;
  const y = b.sentence.range.start;
  return x.line < y.line || (x.line === y.line && x.character < y.character);
};
const byLine = (a: Fact, b: Fact) => a.sentence.range.start.line - b.sentence.range.start.line;

// ---- a count of visits denied ------------------------------------------------------------

const COUNT_QUESTIONS = new PhraseSet(data.countQuestions);
const COUNT_DENIALS = new PhraseSet(data.countDenials);
const COUNT_UNITS: ReadonlySet<string> = new Set(data.countUnits);

/**
 * "No information as to how many visits have been used", "it is unclear how many sessions she has had": the rationale
 * says the records do not give the count of a treatment's visits, where the summary gives one ("completed 6 of 6
 * visits of physical therapy") for that treatment at that place, as done rather than requested.
 */
function deniedCount(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const text = r.reading.text;
  const asked = COUNT_QUESTIONS.matches(text)[0];
  if (!asked || GUIDELINE.test(text)) return undefined;
  // The denial stands in the question's clause: before it ("no information as to how many") or right after its clause
  // ("how many prior sessions she has had is not noted").
  const clause = clauseHolding(r.reading, asked.start);
  const from = clause?.start ?? 0;
  const to = clause?.end ?? text.length;
  const denied = COUNT_DENIALS.matches(text).find(
    (w) => w.start >= from && w.end <= to && (w.end <= asked.start ? wordCount(text.slice(w.end, asked.start)) <= 4 : true),
  );
  if (!denied) return undefined;
  const at = r.prose.sentences.indexOf(r.sentence);
  const before = at > 0 ? facts.access.read(r.prose.sentences[at - 1].text) : undefined;
  const therapies = (x: SentenceReading) =>
    x.mentions.filter((t) => t.concept.kind === 'therapy' && t.assertion !== 'generic' && t.assertion !== 'other-person');
  let named = therapies(r.reading);
  if (!named.length && before) named = therapies(before);
  if (!named.length && r.serviceReading) named = therapies(r.serviceReading);
  const m = named[0];
  if (!m) return undefined;
  const evidence = factsAbout(facts, m.concept.id, m, r).filter(
    (f) =>
      f.mention.concept.id === m.concept.id &&
      !f.review &&
      !f.planned &&
      (f.mention.assertion === 'affirmed' || f.mention.assertion === 'historical') &&
      f.mention.attributes.counts.some((c) => COUNT_UNITS.has(c.unit)),
  );
  if (!evidence.length || citesAny(file, r.sentence, evidence)) return undefined;
  const span = { start: Math.min(denied.start, asked.start), end: Math.max(denied.end, asked.end) };
  const count = evidence[0].mention.attributes.counts.find((c) => COUNT_UNITS.has(c.unit))!;
  return (file) => ({
    message: `The rationale says ${quote(text, span.start, span.end)}, but the clinical case summary counts ${m.concept.title} ("${clip(count.text, 30)}"). Weigh the documented count, or correct the statement.`,
    range: sentenceSpan(r.prose, r.sentence, span.start, span.end),
    relatedInformation: related(file, evidence, () => 'The summary counts the visits'),
    data: { concept: m.concept.id, direction: 'denies' },
  });
}

// ---- measured improvement across examinations ----------------------------------------------

const MEASURED_RESPONSES: ReadonlySet<string> = new Set(data.measuredResponses);
const OBJECTIVE = new PhraseSet(data.objectiveWords);
const NORMAL_DEGREES: Readonly<Record<string, Readonly<Record<string, number>>>> = data.normalMotionDegrees;

/**
 * "lack of documentation indicating the total number of sessions or any objective functional improvement": the last
 * item of a list the negation governs, joined by "or any", "nor any", "or", with no predicate between the joiner and it.
 */
function deniedInList(reading: SentenceReading, m: Mention): boolean {
  const cue = m.cues[0];
  if (!cue || cue.category !== 'negated' || cue.end > m.start) return false;
  const gap = reading.text.slice(cue.end, m.start);
  const joiner = /(?:^|[\s,])(?:or|nor|and\/or)\s+(?:any\s+)?$/i.exec(gap);
  return !!joiner && wordCount(gap) <= data.findingDenialReach * 2 && !/[;:]/.test(gap);
}

/** One range-of-motion measure of a summary examination: where, which motion, how many degrees, restricted or full. */
interface MotionMeasure {
  fact: Fact;
  /** The body part of the normal-motion table the measure is at. */
  part: string;
  /** The motion ("flexion", "internal rotation"), or '' for the range of motion as a whole. */
  motion: string;
  degrees?: number;
  state: 'restricted' | 'full' | 'measured';
  /** The visit: the summary sentence whose date the measure falls under, and that date when it is within the claim. */
  visit: number;
  iso?: string;
}

const motionOf = (m: Mention) =>
  m.concept.id === 'range-of-motion'
    ? m.text
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/^(?:degrees of|active|passive) /, '')
        .trim()
    : '';

// Per summary's facts (one per parse): the motion measures, and each summary sentence's index. measuredImprovement asks
// for them once per rationale sentence that denies objective improvement, and each took a pass over the summary's
// sentences per measure: sentences x measures x denials on a long case.
const motionMeasuresOf = new WeakMap<SummaryFacts, { injury?: string; decision?: string; measures: MotionMeasure[] }>();

/** Where `sentence` is in the summary's sentences (-1 if not there): the first, as findIndex gives. */
function summaryIndex(facts: SummaryFacts, sentence: Sentence): number {
  // A sentence's place among all of them: a read of the whole summary (rules/summaryReads.ts), though it reads none.
  readWholeSummary();
  return facts.indexOf(sentence);
}

/** The range-of-motion measures of the summary's examinations, each with its visit, in the summary's order. */
function motionMeasures(model: CaseModel, facts: SummaryFacts): readonly MotionMeasure[] {
  const injury = model.dates.injuryDate && formatIso(model.dates.injuryDate.date);
  const decision = model.dates.decisionDate && formatIso(model.dates.decisionDate.date);
  readSummary(MOTION_MEASURES, JSON.stringify([injury ?? null, decision ?? null]));
  return untracked(() => measuresOf(facts, injury, decision));
}

function measuresOf(facts: SummaryFacts, injury: string | undefined, decision: string | undefined): readonly MotionMeasure[] {
  const hit = motionMeasuresOf.get(facts);
  if (hit && hit.injury === injury && hit.decision === decision) return hit.measures;
  const measures = collectMotionMeasures(facts, injury, decision);
  motionMeasuresOf.set(facts, { injury, decision, measures });
  return measures;
}

/** The summary's motion measures for the header's dates (the key's argument): the same measures of the same facts, at the same visits. */
const MOTION_MEASURES: SummaryKey = {
  name: 'motion measures',
  changed: (d, arg) => d.once(MOTION_MEASURES, arg, () => measuresChanged(d, arg)),
};

function measuresChanged(d: SummaryDiff, arg: string): boolean {
  const [injury, decision] = JSON.parse(arg) as [string | null, string | null];
  const [a, b] = untracked(() => bothFacts(d).map((f) => measuresOf(f, injury ?? undefined, decision ?? undefined)));
  if (a.length !== b.length) return true;
  return a.some(
    (x, i) =>
      !sameFact(x.fact, b[i].fact) ||
      x.part !== b[i].part ||
      x.motion !== b[i].motion ||
      x.degrees !== b[i].degrees ||
      x.state !== b[i].state ||
      x.visit !== b[i].visit ||
      x.iso !== b[i].iso,
  );
}

/** The summary facts of the diff's two versions. */
function bothFacts(d: SummaryDiff): [SummaryFacts, SummaryFacts] {
  const access = accessOfDiff(d);
  return [summaryFacts(d.prev, access), summaryFacts(d.next, access)];
}

function collectMotionMeasures(facts: SummaryFacts, injury: string | undefined, decision: string | undefined): MotionMeasure[] {
  // The date a sentence gives, or the last one given before it; a date before the injury or after the decision is a
  // slip or another claim's, so it starts a visit of no known date. Looked for back from a measure's sentence, so only
  // the sentences after the last dated one before it are read (most summaries date their visits).
  const visitAt = (i: number): { visit: number; iso?: string } => {
    for (let k = i; k >= 0; k--) {
      const reading = facts.readingAt(k);
      if (reading.attributes.dates.length && !reportsReview(reading)) {
        const iso = reading.attributes.dates[reading.attributes.dates.length - 1].iso;
        const day = iso.length === 10 ? iso : undefined;
        const inClaim = !!day && (!injury || day >= injury) && (!decision || day <= decision);
        return { visit: k, iso: inClaim ? day : undefined };
      }
    }
    return { visit: -1 };
  };
  const out: MotionMeasure[] = [];
  for (const f of facts.byConcept.get('range-of-motion') ?? []) {
    if (f.review || (f.mention.assertion !== 'affirmed' && f.mention.assertion !== 'historical')) continue;
    const degrees = f.mention.attributes.counts.find((c) => c.unit === 'degree')?.value;
    // A motion measured in degrees was examined, whatever plan word its clause holds ("noted to be decreased").
    if (f.planned && degrees === undefined) continue;
    const part = normalTableSite(f.sites, facts.access);
    if (!part) continue;
    const motion = motionOf(f.mention);
    const normal = motion ? NORMAL_DEGREES[part][motion] : undefined;
    if (motion && normal === undefined) continue;
    const state =
      f.mention.value === 'normal'
        ? 'full'
        : f.mention.value === 'abnormal' || (degrees !== undefined && normal !== undefined && degrees < normal * data.restrictedFraction)
          ? 'restricted'
          : 'measured';
    const i = summaryIndex(facts, f.sentence);
    out.push({ fact: f, part, motion, degrees, state, ...visitAt(i) });
  }
  return out.sort((a, b) => a.fact.sentence.range.start.line - b.fact.sentence.range.start.line || a.fact.mention.start - b.fact.mention.start);
}

/** The first of the sites, each followed by the sites containing it, that the normal-motion table has. */
function normalTableSite(sites: readonly string[], access: ReadingAccess): string | undefined {
  for (const x of sites) {
    if (NORMAL_DEGREES[x]) return x;
    for (const p of access.partOf(x)) if (NORMAL_DEGREES[p]) return p;
  }
  return undefined;
}

/** Does the later measure show more motion than the earlier one: more degrees of the same motion, or restricted then full? */
function gained(a: MotionMeasure, b: MotionMeasure, access: ReadingAccess): boolean {
  if (a.visit === b.visit || a.visit < 0 || a.part !== b.part || !sidesCompatible(a.fact.side, b.fact.side)) return false;
  if (a.iso && b.iso && a.iso >= b.iso) return false;
  if (!sitesCompatible(a.fact.sites, b.fact.sites, access)) return false;
  if (a.motion && a.motion === b.motion && a.degrees !== undefined && b.degrees !== undefined) return b.degrees - a.degrees >= data.motionGainDegrees;
  return a.state === 'restricted' && b.state === 'full' && (!b.motion || b.motion === a.motion);
}

/**
 * "There was lack of documentation of any objective functional improvement" where the summary's examinations measure,
 * at the place and across the treatment the rationale speaks of, more motion at a later visit than at an earlier one
 * (knee flexion 100° then 135°; hip flexion 91° then a normal range of motion): a measured change is objective
 * improvement the rationale must weigh. Not a denial of functional improvement alone (the MTUS asks for activities
 * and work), nor one that names the measures itself.
 */
function measuredImprovement(model: CaseModel, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const text = r.reading.text;
  const m = r.reading.mentions.find(
    (x) =>
      MEASURED_RESPONSES.has(x.concept.id) &&
      x.assertion === 'negated' &&
      (deniesExistence(r.reading, x) || deniedInList(r.reading, x)) &&
      OBJECTIVE.test(text.slice(Math.min(x.cues[0]?.start ?? x.start, x.start), x.end)),
  );
  if (!m || r.reading.mentions.some((x) => x.concepts.includes('range-of-motion') && documentsHere(x))) return undefined;
  // The treatment the denial is about: the sentence's own, the one the sentence before it names, or the disputed service.
  const at = r.prose.sentences.indexOf(r.sentence);
  const before = at > 0 ? facts.access.read(r.prose.sentences[at - 1].text) : undefined;
  let treated = treatmentsOf(r.reading);
  if (!treated.length && before) treated = treatmentsOf(before);
  if (!treated.length && r.serviceReading) treated = treatmentsOf(r.serviceReading);
  if (!treated.length) return undefined;
  const sites = sitesOf(m, r);
  const measures = motionMeasures(model, facts).filter(
    (x) => sitesCompatible(sites, x.fact.sites, facts.access) && sidesCompatible(m.attributes.side, x.fact.side),
  );
  for (const [i, a] of measures.entries()) {
    for (const b of measures.slice(i + 1)) {
      if (!gained(a, b, facts.access)) continue;
      // The treatment given between the two examinations (planned at the first one, or named on the way).
      const from = summaryIndex(facts, a.fact.sentence);
      const to = summaryIndex(facts, b.fact.sentence);
      // The sentences from one to the other only (summaryIndex read the whole summary already: what it read is recorded).
      const between: (readonly string[])[] = [];
      for (let k = from; k <= to; k++) {
        const reading = facts.readingAt(k);
        if (!reportsReview(reading)) between.push(...treatmentsOf(reading));
      }
      if (!treatmentsAgree(treated, between)) continue;
      const span = claimSpan(m);
      const cue = m.cues[0];
      // A long list between the negation and the response is left out of the quote: "lack of … objective functional improvement".
      const claim = cue && wordCount(text.slice(cue.end, m.start)) > 4 ? `"${clip(cue.text, 30)} … ${clip(m.text, 40)}"` : quote(text, span.start, span.end);
      // The summary's own words for each measure: the motion and its degrees ("flexion measured 85 degrees").
      const said = (x: MotionMeasure) => {
        const c = x.fact.mention.attributes.counts.find((n) => n.unit === 'degree');
        const words =
          c && x.fact.reading ? x.fact.reading.text.slice(Math.min(c.start, x.fact.mention.start), Math.max(c.end, x.fact.mention.end)) : x.fact.mention.text;
        return clip(words.replace(/\s+/g, ' '), 40);
      };
      return (file) => ({
        message: `The rationale says ${claim}, but the clinical case summary measures "${said(a)}" at one examination and "${said(b)}" at a later one. Weigh the measured change, or correct the statement.`,
        range: sentenceSpan(r.prose, r.sentence, span.start, span.end),
        relatedInformation: [
          ...related(file, [a.fact], () => 'The earlier examination records'),
          ...related(file, [b.fact], () => 'The later examination records'),
        ],
        data: { concept: m.concept.id, direction: 'denies' },
      });
    }
  }
  return undefined;
}

/** The first `n` facts not of `sentence`. */
function firstOthers(facts: readonly Fact[], sentence: Sentence, n: number): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    if (out.length >= n) break;
    if (f.sentence !== sentence) out.push(f);
  }
  return out;
}

// evidenceWords of the lists documentedFailure shares between the sentences that ask for the same place.
const evidenceWordsOf = new WeakMap<readonly Fact[], string>();

function sharedEvidenceWords(facts: readonly Fact[]): string {
  let words = evidenceWordsOf.get(facts);
  if (words === undefined) evidenceWordsOf.set(facts, (words = evidenceWords(facts)));
  return words;
}

interface FailureCandidates {
  /** Facts of a response of no benefit or worse, not denied or generic: once each, in summary order. */
  outcomes: readonly Fact[];
  /** Documented conservative treatments, each fact under its own concept: once each, in summary order (made when first read). */
  readonly treatments: readonly Fact[];
  /** Pain scores of `severePainScore` or more out of 10 (the lower end of a range), documented: in summary order. */
  severe: readonly Fact[];
  /** documentedFailure's answers for this summary, by place, side and named treatments (at most one per rationale sentence). */
  byPlace: Map<string, DocumentedFailure>;
}

// Per summary's facts (one per parse): what deniedFailure filters by each sentence's place and treatments. A fact is
// listed under every concept it counts for, so collecting them once per rationale sentence was quadratic in a long summary.
const failureCandidatesOf = new WeakMap<SummaryFacts, FailureCandidates>();

interface DocumentedFailure {
  outcome: readonly Fact[];
  // The others are worked out when first read (PlaceFailure): without an outcome deniedFailure reads none of them.
  /** Pain rated severe (`severePainScore` or more out of 10) in the summary after a treatment at the place: persisting despite it. */
  severe: readonly Fact[];
  treated: readonly Fact[];
  /** How many distinct treatments `treated` holds, a broader one counted only without a narrower one. */
  distinct: number;
}

/**
 * The summary's outcomes and conservative treatments at a place and side that a denial of failure names, and agreeing
 * with the treatments it names: what deniedFailure weighs. Remembered per summary's facts by what it depends on, since
 * the rationales of a long case deny the failure of conservative care at the same few places again and again.
 */
function documentedFailure(facts: SummaryFacts, sites: readonly string[], side: Side | undefined, named: (readonly string[])[]): DocumentedFailure {
  const key = JSON.stringify([sites, side ?? null, named]);
  readSummary(FAILURE_AT_PLACE, key);
  return untracked(() => failureAt(facts, key, sites, side, named));
}

/**
 * documentedFailure's answer as deniedFailure reads it (keep the two in step): whether each list is empty, its first
 * fact, its words (evidenceWords), the labels of its sentences (citesAny), the two treatments after the outcome's
 * sentence (firstOthers) and the count of distinct treatments. A summary edit elsewhere in a long list of treatments
 * leaves it as it was.
 */
const FAILURE_AT_PLACE: SummaryKey = {
  name: 'documented failure at a place',
  changed: (d, key) =>
    d.once(FAILURE_AT_PLACE, key, () => {
      const [sites, side, named] = JSON.parse(key) as [string[], Side | null, string[][]];
      const both = bothFacts(d);
      if (!untracked(() => failureMayDiffer(d, both, sites, side ?? undefined))) return false;
      const [a, b] = untracked(() => both.map((f) => failureAt(f, key, sites, side ?? undefined, named)));
      return !sameFailureAsRead(a, b);
    }),
};

/**
 * Whether an edit can change documentedFailure's answer at a place, without making the new version's answer (a filter
 * of every candidate of a long summary, on each key typed into it). Only a fact of a changed sentence, old or new, can
 * be in one answer and not the other, and only if it is a candidate at the place; and since the treatments of one line
 * are listed in the order their concepts are first named in the summary (candidatesOf), a treatment's concept first
 * named in a changed sentence can reorder them. Otherwise both answers are the same facts of the same unchanged
 * sentences in the same order, which is what sameFailureAsRead would find.
 */
function failureMayDiffer(d: SummaryDiff, both: readonly SummaryFacts[], sites: readonly string[], side: Side | undefined): boolean {
  const { old, new: added } = d.changedSentences();
  for (const [facts, changed] of [
    [both[0], old],
    [both[1], added],
  ] as const) {
    if (!changed.size) continue;
    for (const s of changed)
      for (const f of facts.factsOf.get(s) ?? []) {
        if (isFailureCandidate(f) && sitesCompatible(sites, f.sites, facts.access) && sidesCompatible(side, f.side) && !f.review) return true;
        for (const id of f.mention.concepts) {
          const kind = facts.access.concept(id)?.kind;
          if ((!kind || CONSERVATIVE_KINDS.has(kind)) && changed.has(facts.byConcept.get(id)?.[0]?.sentence as Sentence)) return true;
        }
      }
  }
  return false;
}

/**
 * Is a fact of the summary in one of its failure candidates' three lists (candidatesOf: each list is the facts of some
 * concepts that pass a test of the fact alone), without making them: a summary edit need not read the summary for it.
 */
function isFailureCandidate(f: Fact): boolean {
  const m = f.mention;
  if (m.assertion !== 'negated' && m.assertion !== 'generic' && m.concepts.some((id) => FAILURE_RESPONSES.has(id))) return true;
  if (CONSERVATIVE_KINDS.has(m.concept.kind) && m.concepts[0] === m.concept.id && documents(f)) return true;
  return m.concepts.includes('pain-score') && !f.review && documents(f) && m.attributes.painScores.some((p) => p.low >= data.severePainScore);
}

function sameFailureAsRead(a: DocumentedFailure, b: DocumentedFailure): boolean {
  if (a.distinct !== b.distinct) return false;
  const lists: [readonly Fact[], readonly Fact[]][] = [
    [a.outcome, b.outcome],
    [a.severe, b.severe],
    [a.treated, b.treated],
  ];
  for (const [x, y] of lists) {
    if (!x.length !== !y.length || (x.length && !sameFact(x[0], y[0]))) return false;
    if (sharedEvidenceWords(x) !== sharedEvidenceWords(y) || labelsOf(x) !== labelsOf(y)) return false;
  }
  for (const [x, y] of lists.slice(0, 2))
    if (x.length && !sameFacts(firstOthers(a.treated, x[0].sentence, 2), firstOthers(b.treated, y[0].sentence, 2))) return false;
  return true;
}

const labelsOfList = new WeakMap<readonly Fact[], string>();

/** The labels of the facts' sentences, as one text (remembered with the list: the last run's lists are asked again). */
function labelsOf(facts: readonly Fact[]): string {
  let labels = labelsOfList.get(facts);
  if (labels === undefined) {
    labels = [...new Set(facts.flatMap((f) => f.sentence.labels.map((l) => l.name)))].sort().join('\n');
    labelsOfList.set(facts, labels);
  }
  return labels;
}

function failureAt(facts: SummaryFacts, key: string, sites: readonly string[], side: Side | undefined, named: (readonly string[])[]): DocumentedFailure {
  const candidates = candidatesOf(facts);
  const hit = candidates.byPlace.get(key);
  if (hit) return hit;
  const found = new PlaceFailure(candidates, facts.access, sites, side, named);
  candidates.byPlace.set(key, found);
  return found;
}

/** documentedFailure's answer at one place, side and named treatments: each list made when first read. */
class PlaceFailure implements DocumentedFailure {
  readonly outcome: readonly Fact[];
  private treatedHere: readonly Fact[] | undefined;
  private severeHere: readonly Fact[] | undefined;
  private distinctHere: number | undefined;

  constructor(
    private readonly candidates: FailureCandidates,
    private readonly access: ReadingAccess,
    private readonly sites: readonly string[],
    private readonly side: Side | undefined,
    private readonly named: (readonly string[])[],
  ) {
    this.outcome = candidates.outcomes.filter((f) => this.at(f));
  }

  private at(f: Fact): boolean {
    return sitesCompatible(this.sites, f.sites, this.access) && sidesCompatible(this.side, f.side) && !f.review;
  }

  get treated(): readonly Fact[] {
    const { named } = this;
    return (this.treatedHere ??= this.candidates.treatments.filter((f) => this.at(f) && (!named.length || treatmentsAgree(named, [f.mention.concepts]))));
  }

  /** A pain score the summary gives before any treatment it lists is the pain treated, not the pain left after it. */
  get severe(): readonly Fact[] {
    if (!this.severeHere) {
      // No severe score at the place needs no treatments looked at: the answer is empty either way.
      const here = this.candidates.severe.filter((f) => this.at(f));
      const treated = here.length ? this.treated : [];
      this.severeHere = treated.length ? here.filter((f) => sentenceBefore(treated[0], f)) : [];
    }
    return this.severeHere;
  }

  /** One drug that did not help is a failed trial, not failed conservative care: that takes more than one treatment. */
  get distinct(): number {
    if (this.distinctHere === undefined) {
      const treated = this.treated;
      const distinct = new Set(treated.map((f) => f.mention.concept.id));
      for (const f of treated) {
        const { concepts } = f.mention;
        for (let k = 1; k < concepts.length; k++) distinct.delete(concepts[k]);
      }
      this.distinctHere = distinct.size;
    }
    return this.distinctHere;
  }
}

const conservativeLineageOf = new WeakMap<ReadingAccess, ReadonlySet<string>>();

/** The ids a conservative treatment's mention counts for (its concept's and every broader one's), per lexicon. */
function conservativeLineage(access: ReadingAccess): ReadonlySet<string> {
  let ids = conservativeLineageOf.get(access);
  if (!ids) {
    ids = new Set();
    for (const c of access.everyConcept()) if (CONSERVATIVE_KINDS.has(c.kind)) for (const id of access.lineage(c)) (ids as Set<string>).add(id);
    conservativeLineageOf.set(access, ids);
  }
  return ids;
}

function candidatesOf(facts: SummaryFacts): FailureCandidates {
  let hit = failureCandidatesOf.get(facts);
  if (hit) return hit;
  const outcomes = new Set<Fact>();
  for (const id of FAILURE_RESPONSES)
    for (const f of facts.byConcept.get(id) ?? []) if (f.mention.assertion !== 'negated' && f.mention.assertion !== 'generic') outcomes.add(f);
  const severe = (facts.byConcept.get('pain-score') ?? []).filter(
    (f) => !f.review && documents(f) && f.mention.attributes.painScores.some((p) => p.low >= data.severePainScore),
  );
  // A stable sort of the first-seen order: filtering it gives what sorting each filtered list would.
  hit = new Candidates(facts, [...outcomes].sort(byLine), [...severe].sort(byLine));
  failureCandidatesOf.set(facts, hit);
  return hit;
}

/** A summary's failure candidates: the treatments collected when first read (they take most of a summary's sentences). */
class Candidates implements FailureCandidates {
  readonly byPlace = new Map<string, DocumentedFailure>();
  private collected: readonly Fact[] | undefined;

  constructor(
    private readonly facts: SummaryFacts,
    readonly outcomes: readonly Fact[],
    readonly severe: readonly Fact[],
  ) {}

  get treatments(): readonly Fact[] {
    if (!this.collected) {
      const treatments = new Set<Fact>();
      // Of the sentences that may hold a conservative treatment or a concept one counts for: every treatment's list is
      // there whole, and those concepts in allByConcept's order, so the set is made in the order iterating it whole gives.
      for (const [, list] of this.facts.byConceptWithin(conservativeLineage(this.facts.access)))
        for (const f of list)
          if (CONSERVATIVE_KINDS.has(f.mention.concept.kind) && f.mention.concepts[0] === f.mention.concept.id && documents(f)) treatments.add(f);
      this.collected = [...treatments].sort(byLine);
    }
    return this.collected;
  }
}

/** The responses that give a course (relief, improvement, none, worse): any of them answers what the response was. */
const RESPONSE_CLAIMS_ALL: readonly string[] = data.responseClaims;
const QUESTION_WORDS = new PhraseSet(data.questionWords);

/** Does a question word stand between the negation and the mention ("not noted what functional improvement", "unclear whether")? */
function askedAbout(reading: SentenceReading, m: Mention): boolean {
  const cue = m.cues[0];
  if (!cue || cue.category !== 'negated' || cue.end > m.start || m.assertion !== 'negated') return false;
  const gap = reading.text.slice(cue.end, m.start);
  return wordCount(gap) <= 2 && QUESTION_WORDS.test(gap);
}

/** What an umbrella word means beyond its narrower concepts, recorded where the data says it counts ("right leg numbness" for "radicular complaints"). */
function memberFacts(facts: SummaryFacts, m: Mention, r: RationaleSentence): Fact[] {
  const out: Fact[] = [];
  for (const u of data.umbrellaMembers) {
    if (u.umbrella !== m.concept.id) continue;
    // A place within an excepted one ("buttock" in the hip) does not count, though the limb holds it.
    const at = (site: string) => {
      const within = [site, ...facts.access.partOf(site)];
      return u.exceptSites?.some((x) => within.includes(x)) ? [] : within.filter((x) => u.atSites.includes(x));
    };
    // "radicular-type arm symptoms" asks for the arm: numbness in the leg does not answer it.
    const wanted = new Set(sitesOf(m, r).flatMap(at));
    for (const member of u.members)
      for (const f of factsAbout(facts, member, m, r)) {
        const where = f.sites.flatMap(at);
        if (f.mention.concept.id !== m.concept.id && where.length && (!wanted.size || where.some((x) => wanted.has(x)))) out.push(f);
      }
  }
  return out;
}

/** Does an exclusive word stand right before the finding ("only paraspinal tenderness"), or an exception after a benign examination ("benign except for tenderness")? */
function exclusive(text: string, m: Mention): boolean {
  const lead = text.slice(0, m.start);
  const close = (w: { end: number }) => wordCount(lead.slice(w.end)) <= 2;
  if (ONLY.matches(lead).some((w) => close(w) && !/\bnot\s+$/i.test(lead.slice(0, w.start)))) return true;
  const ex = EXCEPT.matches(lead).filter(close).pop();
  return !!ex && BENIGN.matches(lead.slice(0, ex.start)).some((b) => wordCount(lead.slice(b.end, ex.start)) <= 2);
}

/**
 * "Only paraspinal tenderness is noted on physical exam", "the exam was relatively benign except for diffuse
 * tenderness": the rationale says the examination found nothing else, while the summary's examinations record
 * other abnormal signs at that place.
 */
function onlyFinding(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const text = r.reading.text;
  const said = (x: Mention) => x.assertion === 'affirmed' || x.assertion === 'historical';
  // The sentence speaks of an examination ("noted on physical exam", "the exam was benign"), not of a treatment's target.
  if (!r.reading.mentions.some((x) => EXAM_WORDS.has(x.concept.id) && said(x))) return undefined;
  const named = r.reading.mentions.filter((x) => x.concept.kind === 'finding' && said(x) && !EXAM_WORDS.has(x.concept.id));
  for (const m of named) {
    if (m.value !== 'abnormal' || EXAM_UMBRELLAS.has(m.concept.id) || !exclusive(text, m)) continue;
    // Another sign than those the sentence names, nor a broader or narrower one of them.
    const other = (f: Fact) => !named.some((x) => f.mention.concepts.includes(x.concept.id) || x.concepts.includes(f.mention.concept.id));
    const evidence = examinationFacts(facts, m, r).filter((f) => documents(f) && !f.review && other(f));
    if (!evidence.length || citesAny(file, r.sentence, evidence)) continue;
    return (file) => ({
      message: `The rationale says ${quote(text, m.start, m.end)} as if the examination found nothing else, but the clinical case summary documents ${evidenceWords(evidence)}. Weigh the other documented findings, or correct the statement.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      relatedInformation: related(file, evidence, (f) => `The summary documents "${clip(factWords(f), 50)}"`),
      data: { concept: m.concept.id, direction: 'denies' },
    });
  }
  return undefined;
}

/** A mention of a phrase that denies a concept ("no red flag conditions"), as a negated mention of that concept. */
function asDenialOf(m: Mention, concept: Mention['concept'] | undefined): Mention | undefined {
  if (!concept) return undefined;
  return { ...m, concept, concepts: [concept.id, ...concept.broader], assertion: 'negated', value: concept.polarity ?? 'abnormal' } as Mention;
}

/** Every abnormal sign the summary's examinations record, at a place the rationale's words can mean ("no physical exam findings"). */
function examinationFacts(facts: SummaryFacts, m: Mention, r: RationaleSentence, samePlace = false): Fact[] {
  const sites = sitesOf(m, r);
  const out: Fact[] = [];
  // The abnormal signs in the order the concepts list them, each once: a fact's place passes or fails the same each time.
  for (const f of abnormalSigns(facts)) {
    if (samePlace && !sameOrWithin(sites, f.sites, facts.access)) continue;
    if (sitesCompatible(sites, f.sites, facts.access) && sidesCompatible(m.attributes.side, f.side)) out.push(f);
  }
  return out.sort((a, b) => a.sentence.range.start.line - b.sentence.range.start.line);
}

const abnormalSignsOf = new WeakMap<SummaryFacts, readonly Fact[]>();

/** Every abnormal examination sign of the summary (not an umbrella, under its own concept), once each, by concept. */
function abnormalSigns(facts: SummaryFacts): readonly Fact[] {
  readSummary(ABNORMAL_SIGNS, '');
  return untracked(() => signsOf(facts));
}

function signsOf(facts: SummaryFacts): readonly Fact[] {
  let hit = abnormalSignsOf.get(facts);
  if (hit) return hit;
  const seen = new Set<Fact>();
  const out: Fact[] = [];
  for (const list of facts.allByConcept.values()) {
    for (const f of list) {
      if (f.mention.concept.kind !== 'finding' || f.mention.value !== 'abnormal' || EXAM_UMBRELLAS.has(f.mention.concept.id)) continue;
      if (f.mention.concepts[0] !== f.mention.concept.id || seen.has(f)) continue;
      seen.add(f);
      out.push(f);
    }
  }
  abnormalSignsOf.set(facts, (hit = out));
  return hit;
}

const ABNORMAL_SIGNS: SummaryKey = {
  name: 'abnormal signs',
  changed: (d) =>
    d.once(ABNORMAL_SIGNS, '', () => {
      const [a, b] = untracked(() => bothFacts(d).map(signsOf));
      return !sameFacts(a, b);
    }),
};

/**
 * Is one of the sites the other or inside it (a knee examination is not answered by a lumbar finding, although
 * a lumbar question bears on the legs)? A fact of no site may be anywhere.
 */
function sameOrWithin(a: readonly string[], b: readonly string[], access: ReadingAccess): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) => b.some((y) => x === y || access.partOf(x).includes(y) || access.partOf(y).includes(x)));
}

/**
 * Does the sentence deny that an examination was done or recorded ("does not document a specific neck physical
 * exam", "no physical examination of the knee was documented")? Not one that denies a finding in it ("no evidence on
 * physical exam of radiculopathy": the finding is read), says what it would show ("no exam to support the
 * diagnosis"), or asks for a newer one ("no recent physical exam").
 */
function deniesExamination(reading: SentenceReading, m: Mention): boolean {
  if (m.concept.kind !== 'record' || m.assertion !== 'negated' || !EXAM_RECORDS.matches(m.text).some((w) => w.start === 0 && w.end === m.text.length))
    return false;
  const cue = m.cues[0];
  if (!cue || cue.category !== 'negated' || cue.end > m.start || wordCount(reading.text.slice(cue.end, m.start)) > 3) return false;
  if (RECENCY.test(reading.text.slice(cue.start, m.end)) || specifiedAfter(reading, m)) return false;
  return !reading.mentions.some((x) => x !== m && x.assertion === 'negated' && FINDING_KINDS.has(x.concept.kind));
}

/** Do the words right after the mention say which findings ("findings of radiculopathy", "findings to suggest a change")? */
function specifiedAfter(reading: SentenceReading, m: Mention): boolean {
  const after = reading.text.slice(m.end, m.end + 30);
  return UMBRELLA_SPECIFIERS.matches(after).some((w) => after.slice(0, w.start).trim() === '');
}

/**
 * Does the negation deny that the thing is there ("no documented spasm",
 * "medications are not documented"), rather than something said of it ("no
 * improvement in pain", "no indication for an MRI", "EMG is not
 * recommended")? The cue must stand within a few words of the mention with
 * no such predicate between, or after it.
 */
/** The index of the first of `mentions` (in order of their starts) that starts at or after `at`, by bisection. */
function mentionFrom(mentions: readonly Mention[], at: number): number {
  return countBefore(mentions, (m) => m.start < at);
}

function deniesExistence(reading: SentenceReading, m: Mention): boolean {
  const cue = m.cues[0];
  if (!cue || cue.category !== 'negated') return false;
  const text = reading.text;
  // "did not document (physical exam, objective testing, or subjective complaints) any red flags": an aside, not the thing denied.
  if (insideParentheses(text, m.start)) return false;
  // "There is no updated MRI", "has not had a repeat MRI": the denial asks for a newer one, which an older one does not answer.
  if (cue.end <= m.start && NEWER.testRange(text, cue.end, m.end)) return false;
  // A negation governs the nearest thing it names: "no neurological deficits to support MRI of the low back" denies no back.
  const lo = Math.min(cue.end, m.end);
  const hi = Math.max(cue.start, m.start);
  // An examination named on the way ("no physical exam evidence indicative of radiculopathy") says where the thing was
  // looked for, not something else denied.
  // A list the negation governs ("no complaints or physical examination findings") denies each of its items.
  // The mentions are in order of their starts: only those from `lo` on are looked at (a filter of them all for each
  // mention was quadratic in a sentence of hundreds of mentions, issue 12).
  const mentions = reading.mentions;
  const between: Mention[] = [];
  for (let k = mentionFrom(mentions, lo); k < mentions.length && mentions[k].start < hi; k++) {
    const x = mentions[k];
    if (x !== m && x.end <= hi && !x.concepts.includes(m.concept.id)) between.push(x);
  }
  const listed = (x: Mention) => {
    // The first mention starting at or after x's end (never x itself).
    const next = mentions[mentionFrom(mentions, x.end)];
    return !!next && next.start <= m.start && LIST_JOINER.test(text.slice(x.end, next.start));
  };
  if (between.some((x) => !EXAM_WORDS.has(x.concept.id) && !listed(x))) return false;
  // "no physical therapy notes submitted": the documents are denied, not the treatment (the first word after it).
  if (RECORD_NOUNS.test(wordAfter(text, m.end)) || (RECORD_NOUNS.test(lastWord(m.text)) && !EXAM_UMBRELLAS.has(m.concept.id))) return false;
  const reach = m.concept.kind === 'record' ? 1 : FINDING_KINDS.has(m.concept.kind) ? data.findingDenialReach : data.denialReach;
  // "failed to document if the patient has completed conservative treatment for 3 months": the duration is denied.
  if (m.attributes.counts.some((c) => DURATION_DAYS[c.unit])) return false;
  if (cue.end <= m.start) {
    // A bare "not" before a noun ("not for nonsurgical treatment") negates something else.
    // Only "has not had physical therapy", "did not receive injections": a verb that says the worker had a treatment.
    if (/^(?:(?:is|was|are|were|has|have|had|does|did|do)\s+)?not(?:\s+yet)?$/i.test(cue.text.trim())) return treatmentVerbDenial(reading, cue, m);
    // "There is no discussion of a cervical MRI": the words that deny a mention are part of the denial.
    const gap = text.slice(cue.end, m.start);
    const between = MENTION_NOUNS.matches(gap).reduceRight((t, w) => t.slice(0, w.start) + ' ' + t.slice(w.end), gap);
    // "no clear evidence the patient has had recent conservative treatment": the worker and the verb that says he had
    // it stand in the denial's way without denying anything else.
    const plain = PATIENT_HAD.matches(between).reduceRight((t, w) => t.slice(0, w.start) + ' ' + t.slice(w.end), between);
    // "failed to provide any ...", "failed to document ...": the records' failure to show the thing, not a treatment's failure.
    const cueWords = cue.text.replace(/^fail(?:ed|s) to\s+/i, '');
    // "no documentation that the patient has tried physical therapy": a treatment's "tried", "trial of" say that the
    // worker had it, which the denial denies; its response or need would still be a predicate ("tried and failed").
    const predicate = TREATMENT_KINDS.has(m.concept.kind) ? plain : between;
    return wordCount(plain) <= reach && !PREDICATES.test(predicate) && !PREDICATES.test(cueWords);
  }
  if (cue.start >= m.end) {
    const between = text.slice(m.end, cue.start);
    if (wordCount(between) > 3 || PREDICATES.test(between)) return false;
    // "X was not documented", "X was negative." — not "X is not recommended", "X with negative Spurling's".
    const rest = text.slice(cue.end);
    const after = rest.split(/\s+/).filter(Boolean).slice(0, 2).join(' ');
    if (DOCUMENTATION.test(after) || /^\s*(?:[.;,)]|$)/.test(rest)) return true;
    // "Physical therapy has not been tried": the passive denies that the worker had it, unless the rest of the clause
    // weighs or dates it ("has not been tried and failed", "has not been tried since the surgery").
    if (!UNDERGONE_KINDS.has(m.concept.kind)) return false;
    const passive = TREATMENT_DENIAL_PASSIVES.matches(rest).find((w) => rest.slice(0, w.start).trim() === '');
    return !!passive && plainTail(text, cue.end + passive.end);
  }
  return true;
}

/**
 * Does a bare "not" deny that the worker had the treatment: "has not had physical therapy", "has not yet tried any
 * NSAIDs", "has not been treated with muscle relaxants"? Only a verb of having it may stand between, and the rest of
 * the clause may not weigh or date it: not "has not failed physical therapy" (a failure: deniedFailure reads it), "has
 * not had improvement with physical therapy", "has not had recent physical therapy", "has not had physical therapy
 * since 2019", "has not had physical therapy approved". "Completed" is no such verb: a worker still attending
 * therapy has not completed it.
 */
function treatmentVerbDenial(reading: SentenceReading, cue: Mention['cues'][number], m: Mention): boolean {
  if (!UNDERGONE_KINDS.has(m.concept.kind)) return false;
  const text = reading.text;
  let gap = text.slice(cue.end, m.start);
  const lead = TREATMENT_DENIAL_LEADS.matches(gap).find((w) => gap.slice(0, w.start).trim() === '');
  if (lead) gap = gap.slice(lead.end);
  const verb = TREATMENT_DENIAL_VERBS.matches(gap).find((w) => gap.slice(0, w.start).trim() === '');
  if (!verb) return false;
  // What is left are articles ("a", "any prior", "a course of"), each whole: not "recent", "additional", "adequate".
  const rest = TREATMENT_DENIAL_ARTICLES.matches(gap.slice(verb.end)).reduceRight((t, w) => t.slice(0, w.start) + ' ' + t.slice(w.end), gap.slice(verb.end));
  return rest.trim() === '' && plainTail(text, m.end);
}

/** Does the clause go on from `at` without weighing (a predicate) or dating (a recency or time word) what it denies? */
function plainTail(text: string, at: number): boolean {
  const tail = /^[^.;:,]*/.exec(text.slice(at))?.[0] ?? '';
  return !PREDICATES.test(tail) && !RECENCY.test(tail) && !TREATMENT_DENIAL_TIMES.test(tail);
}

/** What follows the text's last run of white space (`text.split(/\s+/).pop()`), without splitting the whole text. */
function lastWord(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) if (isWhiteSpace(text.charCodeAt(i))) return text.slice(i + 1);
  return text;
}

/** The first run of non-white-space from `at` on (`/\S+/.exec(text.slice(at))?.[0] ?? ''`), without slicing the rest. */
function wordAfter(text: string, at: number): string {
  let from = at;
  while (from < text.length && isWhiteSpace(text.charCodeAt(from))) from++;
  let to = from;
  while (to < text.length && !isWhiteSpace(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

/** Is the UTF-16 code unit one that `\s` matches (ECMAScript's WhiteSpace and LineTerminator)? */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The summary's words for what it documents: "Norco", or "Norco", "NSAIDs" and 2 more sentences. */
function evidenceWords(evidence: readonly Fact[]): string {
  // Distinct texts first: a long summary repeats the same words in many facts.
  const words = [...new Set([...new Set(evidence.map(factWords))].map((t) => `"${clip(t, 40)}"`))];
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, 2).join(', ')} and ${words.length - 2} more`;
}

const ANAPHORIC_SUBJECTS = new PhraseSet(data.anaphoricSubjects);

/**
 * "The worker struck his head and lost consciousness. It was a frontal hematoma.": a sentence whose subject is a
 * pronoun, with nothing but a noun phrase between it and the finding, speaks of what the sentence before it spoke
 * of; when that sentence is about the worker (and no guideline's), so is this one.
 */
function continuesPatient(access: ReadingAccess, r: RationaleSentence, m: Mention): boolean {
  const text = r.reading.text;
  const subject = ANAPHORIC_SUBJECTS.matches(text).find((w) => text.slice(0, w.start).trim() === '');
  if (!subject || subject.end > m.start) return false;
  // "It was a frontal hematoma", "This is a partial tear": an article and a modifier or two, no verb or hedge of its own.
  const gap = text.slice(subject.end, m.start);
  if (!/^\s*(?:(?:an?|the)\s+)?(?:[a-z][a-z-]*,?\s+){0,2}$/i.test(gap) || HEDGES.test(gap) || PLAN.test(gap) || GUIDELINE.test(text)) return false;
  const at = r.prose.sentences.indexOf(r.sentence);
  if (at < 1) return false;
  const before = access.read(r.prose.sentences[at - 1].text);
  if (before.generic) return false;
  const clause = before.clauses[before.clauses.length - 1] ?? { start: 0, end: before.text.length };
  return PATIENT.test(before.text) && !GUIDELINE.test(before.text.slice(clause.start, clause.end)) && !HEDGES.test(before.text);
}

/** The rationale asserts a finding the summary records as absent or the opposite. */
function contrary(facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  for (const m of r.reading.mentions) {
    if (m.assertion !== 'affirmed' || m.value === 'neutral' || !CONTRARY_KINDS.has(m.concept.kind)) continue;
    // "The motor examination did not show any deficits" denies the verdict its "deficits" gives it (denial reads it).
    if (deniedVerdict(r.reading, m)) continue;
    if (!aboutPatient(r.reading, m) && !continuesPatient(facts.access, r, m)) continue;
    if (reportedByPatient(r.reading, m)) continue;
    const same = factsAbout(facts, m.concept.id, m, r);
    // What the summary says of the attribute itself ("strength was 5/5" for "weakness"): its own concept or a broader one, by name.
    const broader = m.concepts
      .filter((id) => id !== m.concept.id)
      .flatMap((id) => factsAbout(facts, id, m, r).filter((f) => f.mention.concept.id === id && f.mention.value !== 'neutral'));
    const agrees = (f: Fact) => documents(f) && f.mention.value === m.value;
    // Something in the summary agrees with the rationale: a changing record, not a contradiction.
    if (same.some(agrees) || broader.some(agrees)) continue;
    const opposite = (f: Fact) => !f.review && documents(f) && f.mention.value !== 'neutral' && f.mention.value !== m.value;
    const against = [
      ...same.filter((f) => !f.review && (opposite(f) || (f.mention.assertion === 'negated' && f.mention.value === m.value))),
      ...broader.filter(opposite),
      ...(m.concept.opposite ? factsAbout(facts, m.concept.opposite, m, r).filter((f) => documents(f) && !f.review) : []),
    ];
    if (!against.length) continue;
    return (file) => ({
      message: `The rationale says ${quote(r.sentence.text, m.start, m.end)}, but the clinical case summary says otherwise ("${clip(against[0].mention.text, 60)}"). Correct the statement, or explain why the summary's finding does not hold.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      relatedInformation: related(file, against, () => 'The summary says otherwise'),
      data: { concept: m.concept.id, direction: 'asserts' },
    });
  }
  return undefined;
}

const RESPONSE_TOPICS = new PhraseSet(data.responseTopicWords);

/**
 * Does the clause say the worker had the response: the worker named before it ("the patient has had improvement"),
 * or the records as the clause's subject ("the medical records do indicate findings that support progression")?
 * Not a response a guideline or a plan weighs ("additional treatment would be assessed based upon documented
 * functional improvement", "documentation of pain and functional improvement are critical", "follow up regarding
 * improvement").
 */
function responseAsserted(reading: SentenceReading, m: Mention): boolean {
  const c = clauseHolding(reading, m.start);
  const from = c?.start ?? 0;
  const text = reading.text;
  if (
    GUIDELINE.test(clauseText(reading, m)) ||
    HEDGES.testRange(text, from, m.start) ||
    PLAN.testRange(text, from, m.start) ||
    RESPONSE_TOPICS.testRange(text, from, m.start)
  )
    return false;
  if (PATIENT_ANCHORS.testRange(text, from, m.start)) return true;
  const subject = reading.mentions.find((x) => x.start >= from && x.start < m.start);
  return (
    !!subject &&
    subject.concept.kind === 'record' &&
    subject.assertion === 'affirmed' &&
    !DOCUMENTATION.test(subject.text) &&
    wordCount(reading.text.slice(from, subject.start)) <= 1
  );
}

/**
 * The rationale says how the worker responded ("progression of joint abnormality of the hip", "improving with
 * therapy") where the summary records, at that place and for that treatment, only the contrary course ("hip
 * symptoms essentially unchanged", "no better") and nothing of the course the rationale gives.
 */
function contraryResponse(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  for (const m of r.reading.mentions) {
    if (m.concept.kind !== 'response' || (m.assertion !== 'affirmed' && m.assertion !== 'historical')) continue;
    const course = data.responseCourses.find((c) => c.responses.includes(m.concept.id));
    if (!course || !responseAsserted(r.reading, m)) continue;
    // The treatments this sentence names (not the disputed service: a consult is no treatment a course is a response to).
    const treated = treatmentsOf(r.reading);
    // A summary response counts where it can be the same course: at the place, and for the treatment the rationale
    // names (a response sentence that names none speaks of the one the sentence before it names).
    const of = (ids: readonly string[]) =>
      ids.flatMap((id) =>
        factsAbout(facts, id, m, r).filter((f) => {
          if (f.review || !documents(f) || f.mention.concept.id !== id) return false;
          if (!treated.length) return true;
          const i = facts.sentences.findIndex((x) => x.sentence === f.sentence);
          const own = f.reading ? treatmentsOf(f.reading) : [];
          const theirs = own.length || i < 1 ? own : treatmentsOf(facts.sentences[i - 1].reading);
          return theirs.length > 0 && treatmentsAgree(treated, theirs);
        }),
      );
    if (of(course.responses).length) continue;
    const against = of(course.contrary);
    if (!against.length || citesAny(file, r.sentence, against)) continue;
    return (file) => ({
      message: `The rationale says ${quote(r.sentence.text, m.start, m.end)}, but the clinical case summary records ${evidenceWords(against)} and no such course. Correct the statement, or say where the records show it.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      relatedInformation: related(file, against, (f) => `The summary records "${clip(f.mention.text, 50)}"`),
      data: { concept: m.concept.id, direction: 'asserts' },
    });
  }
  return undefined;
}

/** The statuses a work status is compared as: at work (full or modified duty) and off work (TTD). */
const DUTY_STATUSES: readonly string[] = data.dutyStatuses;
/** Terms that are a work status only beside another ("working without restrictions"), not alone ("range of motion without restrictions"). */
const BARE_WORK_STATUS = new PhraseSet(data.bareWorkStatusTerms);
/** A status the worker is working toward or could have ("his goal is to return to full duty", "able to return to work"), not one he has. */
const WORK_STATUS_GOALS = new PhraseSet(data.workStatusGoalWords);
/** A status of an earlier time ("working full duty at the time of injury", "had been off work", "when he fell"), which a later one does not contradict. */
const EARLIER_STATUS = new PhraseSet(data.earlierStatusWords);

const isDutyStatus = (m: Mention) => m.concept.kind === 'work-status' && m.concepts.some((id) => DUTY_STATUSES.includes(id));

/** The duty statuses of the clause holding `m`, of its assertion. */
function clauseDuties(reading: SentenceReading, m: Mention): Mention[] {
  const c = clauseHolding(reading, m.start);
  return reading.mentions.filter(
    (x) => isDutyStatus(x) && x.assertion === m.assertion && (!c || (x.start >= c.start && x.start < Math.max(c.end, c.start + 1))),
  );
}

/**
 * The duty statuses the clause holding `m` gives: a bare term ("without restrictions") only beside another status,
 * and a broader status ("is working") given way to the narrower one beside it ("full duty").
 */
function clauseStatuses(reading: SentenceReading, m: Mention): Mention[] {
  const inClause = clauseDuties(reading, m);
  const bare = (x: Mention) => BARE_WORK_STATUS.matches(x.text).some((w) => w.start === 0 && w.end === x.text.length);
  if (inClause.every(bare)) return [];
  return inClause.filter((x) => !inClause.some((y) => y !== x && y.concept.id !== x.concept.id && y.concepts.includes(x.concept.id)));
}

/** The words of the statuses of the clause holding `m`, from the first to the last ("is working full duty without restrictions"). */
function statusSpan(reading: SentenceReading, m: Mention): { start: number; end: number } {
  const all = clauseDuties(reading, m);
  return { start: Math.min(...all.map((x) => x.start)), end: Math.max(...all.map((x) => x.end)) };
}

function statusWords(reading: SentenceReading, m: Mention): string {
  const { start, end } = statusSpan(reading, m);
  return quote(reading.text, start, end);
}

/** Are two statuses opposed: a concept of one is the lexicon's opposite of a concept of the other (full and modified duty, at work and off work)? */
function opposedStatuses(access: ReadingAccess, a: Mention, b: Mention): boolean {
  const against = (x: Mention, y: Mention) =>
    x.concepts.some((id) => {
      const opposite = access.concept(id)?.opposite;
      return !!opposite && y.concepts.includes(opposite);
    });
  return against(a, b) || against(b, a);
}

/** The ISO day of the summary visit a fact belongs to: its sentence's last date, or the last one before it. */
function visitDay(facts: SummaryFacts, f: Fact): string | undefined {
  for (let k = summaryIndex(facts, f.sentence); k >= 0; k--) {
    const reading = facts.readingAt(k);
    if (reading.attributes.dates.length && !reportsReview(reading)) return reading.attributes.dates[reading.attributes.dates.length - 1].iso;
  }
  return undefined;
}

/**
 * The rationale says the worker "has returned to full duty" where the summary records him temporarily totally
 * disabled, or "is not working" where it records him working full duty: work status bears on the functional
 * improvement the MTUS weighs. Every duty status the summary records (outside the review's reasoning) must be the
 * rationale's opposite: a summary that records a change ("was off work, then returned to modified duty") agrees with
 * each status it records. Not a status the worker is to have or works toward ("expected to return to full duty",
 * "his goal is to return to work"), one of an earlier time, or one a guideline speaks of ("patients who return to work").
 */
function contraryWorkStatus(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  if (reportsReview(r.reading)) return undefined;
  const text = r.reading.text;
  for (const m of r.reading.mentions) {
    if (m.assertion !== 'affirmed' || !isDutyStatus(m) || !clauseStatuses(r.reading, m).includes(m)) continue;
    const c = clauseHolding(r.reading, m.start);
    const from = c?.start ?? 0;
    if (!PATIENT_ANCHORS.testRange(text, from, m.start) || GUIDELINE.test(clauseText(r.reading, m))) continue;
    if (HEDGES.testRange(text, from, m.start) || PLAN.testRange(text, from, m.start) || WORK_STATUS_GOALS.testRange(text, from, m.start)) continue;
    // The status of the injury's time or a change the sentence tells ("had returned to work but stopped"), not the worker's now.
    if (EARLIER_STATUS.test(text)) continue;
    const recorded: Fact[] = [];
    for (const f of facts.byConcept.get('work-status') ?? []) {
      if (f.review || !documents(f) || f.mention.assertion === 'requested' || !isDutyStatus(f.mention)) continue;
      const reading = f.reading ?? facts.access.read(f.sentence.text);
      if (!clauseStatuses(reading, f.mention).includes(f.mention) || hedgedBefore(reading, f.mention)) continue;
      recorded.push(f);
    }
    if (!recorded.length || recorded.some((f) => !opposedStatuses(facts.access, m, f.mention))) continue;
    if (citesAny(file, r.sentence, recorded)) continue;
    // A status the rationale dates before the summary's latest status is of an earlier visit than the one that opposes it.
    const days = r.reading.attributes.dates.map((d) => d.iso).filter((iso) => iso.length === 10);
    if (days.length) {
      const latest = recorded.map((f) => visitDay(facts, f) ?? '').reduce((a, b) => (a > b ? a : b), '');
      if (days.some((d) => d < latest)) continue;
    }
    // Latest first; each in its clause's words ("modified duty with no lifting over"), as the message quotes the rationale's.
    const against = [...recorded].reverse();
    const said = statusSpan(r.reading, m);
    const words = [...new Set(against.map((f) => statusWords(f.reading ?? facts.access.read(f.sentence.text), f.mention)))];
    const evidence = words.length <= 2 ? words.join(' and ') : `${words.slice(0, 2).join(', ')} and ${words.length - 2} more`;
    return (file) => ({
      message: `The rationale says ${quote(text, said.start, said.end)}, but the clinical case summary records the worker's work status as ${evidence}. Correct the work status, or say where the records show it.`,
      range: sentenceSpan(r.prose, r.sentence, said.start, said.end),
      relatedInformation: related(file, against, (f) => `The summary records ${statusWords(f.reading ?? facts.access.read(f.sentence.text), f.mention)}`),
      data: { concept: m.concept.id, direction: 'asserts' },
    });
  }
  return undefined;
}

const MINOR_RESULTS = new PhraseSet(data.minorResultWords);
const RESULT_QUALIFIERS = new PhraseSet(data.resultQualifiers);
const RESULT_WORDS = new PhraseSet(data.resultWords);
const RESULT_KINDS: ReadonlySet<ConceptKind> = new Set(['diagnosis', 'finding', 'red-flag']);

/**
 * The rationale calls a study normal ("the MRI was unremarkable", "no significant findings of CT lumbar") where the
 * summary gives that study's result at that place as a lesion ("CT of the lumbar spine revealed a pars defect at L5").
 * Not a result the summary calls mild or minimal, which a reviewer may judge insignificant, nor "no acute findings"
 * over a chronic lesion (`resultQualifiers` say which findings the rationale means).
 */
function normalStudy(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const text = r.reading.text;
  for (const m of r.reading.mentions) {
    if (m.concept.kind !== 'study') continue;
    let span: { start: number; end: number } | undefined;
    if ((m.assertion === 'affirmed' || m.assertion === 'historical') && m.value === 'normal') span = { start: m.start, end: m.end };
    else if (m.assertion === 'negated') {
      // "no significant findings on the CT scan": the findings of the study are denied, not the study.
      const cue = m.cues[0];
      const gap = cue && cue.category === 'negated' && cue.end <= m.start ? text.slice(cue.end, m.start) : '';
      if (RESULT_WORDS.test(gap) && !RESULT_QUALIFIERS.test(gap) && wordCount(gap) <= 5) span = { start: cue!.start, end: m.end };
    }
    // Whether the study is the patient's is asked only of one called normal (most studies a rationale names are not).
    if (!span || !aboutStudy(r.reading, m)) continue;
    const lesions: Fact[] = [];
    for (const f of factsAbout(facts, m.concept.id, m, r)) {
      if (f.review || !documents(f) || !f.reading || f.mention.concept.kind !== 'study') continue;
      for (const x of f.reading.mentions) {
        if (x.start <= f.mention.end || !RESULT_KINDS.has(x.concept.kind) || x.value !== 'abnormal' || x.assertion !== 'affirmed') continue;
        if (MINOR_RESULTS.test(f.reading.text.slice(Math.max(f.mention.end, x.start - 25), x.start))) continue;
        if (!lesions.some((l) => l.sentence === f.sentence)) lesions.push(factWithMention(f, x));
      }
    }
    // The sentence names the lesion itself ("the MRI was otherwise unremarkable apart from the L5 pars defect").
    const named = (f: Fact) => r.reading.mentions.some((x) => x.concepts.includes(f.mention.concept.id));
    const against = lesions.filter((f) => !named(f));
    if (!against.length || citesAny(file, r.sentence, against)) continue;
    const at = span;
    return (file) => ({
      message: `The rationale says ${quote(text, at.start, at.end)}, but the clinical case summary gives the study's result as ${evidenceWords(against)}. Weigh the documented result, or correct the statement.`,
      range: sentenceSpan(r.prose, r.sentence, at.start, at.end),
      relatedInformation: related(file, against, (f) => `The summary gives the result "${clip(f.mention.text, 50)}"`),
      data: { concept: m.concept.id, direction: 'asserts' },
    });
  }
  return undefined;
}

/** Is the study this patient's, not a guideline's or a plan's ("an MRI is recommended if ...")? */
function aboutStudy(reading: SentenceReading, m: Mention): boolean {
  const clause = clauseText(reading, m);
  return !GUIDELINE.test(clause) && !PLAN.test(clause) && (m.assertion === 'negated' || !hedgedBefore(reading, m));
}

// ---- an extent word over the summary's measures and findings ------------------------------

const SLIGHT = new PhraseSet(data.slightExtentWords);
const MOTION_LOSS = new PhraseSet(data.motionLossWords);
const BARE_DEFICITS = new PhraseSet(data.bareDeficitWords);
/** "the treating physician documents ...", "it is noted": the worker's own clinicians or records say it of him. */
const CLINICIAN = new PhraseSet(data.clinicianAnchors);

/** The clause of the sentence that holds an offset. */
function clauseAt(reading: SentenceReading, at: number): { start: number; end: number } {
  return clauseHolding(reading, at) ?? { start: 0, end: reading.text.length };
}

/**
 * "Only minimal deficits remain", "the physician documents some mild decreases in ROM": an extent word on a loss of
 * motion, or on deficits in general words, said of this patient. Gives the words and the range-of-motion mention
 * they qualify, if any.
 */
function slightLoss(reading: SentenceReading): { start: number; end: number; motion?: Mention } | undefined {
  const text = reading.text;
  for (const w of SLIGHT.matches(text)) {
    // "not minimal", "no mild ...": the extent is denied, not asserted.
    if (/\b(?:not|no|than)\s+$/i.test(text.slice(Math.max(0, w.start - 6), w.start))) continue;
    const clause = clauseAt(reading, w.start);
    const before = text.slice(clause.start, w.start);
    if (!(PATIENT.test(before) || CLINICIAN.test(before)) || GUIDELINE.test(text.slice(clause.start, clause.end)) || HEDGES.test(before) || PLAN.test(before))
      continue;
    const after = text.slice(w.end, clause.end);
    // "minimal decreases in ROM", "mildly decreased range of motion", "slight loss of motion".
    const motion = reading.mentions.find((m) => m.start >= w.end && m.concepts.includes('range-of-motion') && wordCount(text.slice(w.end, m.start)) <= 3);
    if (motion && motion.assertion === 'affirmed') {
      const gap = text.slice(w.end, motion.start);
      if ((motion.value === 'abnormal' && gap.trim() === '') || MOTION_LOSS.matches(gap).some((x) => gap.slice(x.end).trim() === '')) {
        return { start: w.start, end: motion.end, motion };
      }
    }
    // "minimal deficits", "mild residual deficits": deficits named by no sign of their own ("minimal neurologic deficits" is one).
    const bare = BARE_DEFICITS.matches(after).find((x) => after.slice(0, x.start).trim() === '');
    if (bare && !reading.mentions.some((m) => m.start < w.end + bare.end && m.end > w.end + bare.start)) {
      const next = after.slice(bare.end).trim();
      // "minimal deficits in sensation": the words after say which deficits.
      if (/^(?:in|of|on|with)\b/i.test(next)) continue;
      return { start: w.start, end: w.end + bare.end };
    }
  }
  return undefined;
}

/**
 * "The patient only remains with minimal deficits", "some minimal decreases in ROM" where the summary's latest
 * examination of that place measures a joint at two-thirds of its normal range of motion or less (the AMA Guides
 * grade hip flexion under 80 degrees of 120, two-thirds, as a moderate loss): the measure contradicts the extent.
 * Not where the summary itself calls the loss mild or minimal at that place.
 */
function slightOverMeasures(file: CaseFile, model: CaseModel, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  const found = slightLoss(r.reading);
  if (!found) return undefined;
  const sites = found.motion ? sitesOf(found.motion, r) : r.reading.attributes.sites.length ? r.reading.attributes.sites : r.serviceSites;
  const side = found.motion?.attributes.side ?? r.reading.attributes.side ?? r.serviceReading?.attributes.side;
  const measures = motionMeasures(model, facts).filter(
    (x) => x.degrees !== undefined && x.motion && sitesCompatible(sites, x.fact.sites, facts.access) && sidesCompatible(side, x.fact.side),
  );
  if (!measures.length) return undefined;
  // The latest examination that measured the place: what the worker "remains with".
  const latest = Math.max(...measures.map((x) => x.visit));
  const marked = measures.filter((x) => x.visit === latest && x.degrees! <= NORMAL_DEGREES[x.part][x.motion] * data.markedMotionFraction);
  if (!marked.length) return undefined;
  // The summary calls the loss slight itself ("minimal decreased range of motion of the knee").
  const slightInSummary = (facts.byConcept.get('range-of-motion') ?? []).some(
    (f) =>
      !!f.reading &&
      sitesCompatible(sites, f.sites, facts.access) &&
      SLIGHT.matches(f.reading.text.slice(Math.max(0, f.mention.start - 30), f.mention.start)).length > 0,
  );
  if (
    slightInSummary ||
    citesAny(
      file,
      r.sentence,
      marked.map((x) => x.fact),
    )
  )
    return undefined;
  const said = (x: MotionMeasure) => {
    const c = x.fact.mention.attributes.counts.find((n) => n.unit === 'degree');
    const words =
      c && x.fact.reading ? x.fact.reading.text.slice(Math.min(c.start, x.fact.mention.start), Math.max(c.end, x.fact.mention.end)) : x.fact.mention.text;
    return `"${clip(words.replace(/\s+/g, ' '), 50)}"`;
  };
  const words = [...new Set(marked.map(said))];
  return (file) => ({
    message: `The rationale says ${quote(r.sentence.text, found.start, found.end)}, but the clinical case summary's latest examination of that place measures ${words.slice(0, 2).join(' and ')}${words.length > 2 ? ` and ${words.length - 2} more` : ''}, a third or more under the normal range of that motion. Weigh the measured loss, or correct the statement.`,
    range: sentenceSpan(r.prose, r.sentence, found.start, found.end),
    relatedInformation: related(
      file,
      marked.map((x) => x.fact),
      () => 'The summary measures',
    ),
    data: { concept: 'range-of-motion', direction: 'asserts' },
  });
}

const NEURO_UMBRELLAS: ReadonlySet<string> = new Set(data.neurologicUmbrellas);

/**
 * "Given the findings on examination indicative of neurological compromise" where the summary's examinations at
 * that place record strength, sensation and reflexes all normal, and no neurologic deficit of any kind: the
 * examination the rationale reads as compromise is a normal neurologic examination. A nerve tension sign (a
 * positive straight leg raise) is no deficit of strength, sensation or reflexes.
 */
function neurologicOverNormalExam(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): ((file: CaseFile) => RecordFinding) | undefined {
  for (const m of r.reading.mentions) {
    if (!NEURO_UMBRELLAS.has(m.concept.id) || m.assertion !== 'affirmed' || m.value !== 'abnormal') continue;
    if (!claimAboutPatient(r.reading, m) || hedgedBefore(r.reading, m) || reportedByPatient(r.reading, m)) continue;
    const examined = (f: Fact) => !f.review && documents(f);
    // Any deficit the summary records at the place: the umbrella may rest on it.
    const deficits = [m.concept.id, ...data.neurologicComponents].flatMap((id) =>
      factsAbout(facts, id, m, r).filter((f) => examined(f) && f.mention.value === 'abnormal'),
    );
    if (deficits.length) continue;
    const normal = data.neurologicComponents.map((id) => factsAbout(facts, id, m, r).filter((f) => examined(f) && f.mention.value === 'normal'));
    if (normal.some((list) => !list.length)) continue;
    const evidence = [...new Set(normal.flat())].sort(byLine);
    if (citesAny(file, r.sentence, evidence)) continue;
    return (file) => ({
      message: `The rationale says ${quote(r.sentence.text, m.start, m.end)}, but the clinical case summary's examinations record strength, sensation and reflexes as normal ("${clip(evidence[evidence.length - 1].sentence.text, 70)}") and no neurologic deficit. Say which documented finding shows it, or correct the statement.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      relatedInformation: related(file, evidence, () => 'The summary records'),
      data: { concept: m.concept.id, direction: 'asserts' },
    });
  }
  return undefined;
}

// ---- unsupported-record-claim -------------------------------------------------------------

/** Kinds of patient-specific thing a rationale can rely on that the summary must show. */
const CLAIM_KINDS: ReadonlySet<ConceptKind> = new Set(['study', 'procedure', 'therapy', 'medication', 'drug-class', 'comorbidity', 'finding', 'device']);

const claimCache = new WeakMap<CaseFile, Claims>();
const itemClaimCache = new WeakMap<ItemModel, Claims & { file: CaseFile; deps: SummaryDeps }>();

/** `only`: the findings of that item's rationale alone (what the whole case's are, item by item). */
export function unsupportedRecordClaimFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  return (only ? itemClaims(file, model, access, only) : recordClaims(file, model, access)).unsupported;
}

/** detail-mismatch findings of the record claims: another kind of the same treatment, another count. */
export function claimDetailFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  return (only ? itemClaims(file, model, access, only) : recordClaims(file, model, access)).details;
}

type Claims = { access: ReadingAccess; unsupported: RecordFinding[]; details: RecordFinding[] };

/** Every item's claims, in item order. */
function recordClaims(file: CaseFile, model: CaseModel, access: ReadingAccess): Claims {
  const hit = claimCache.get(file);
  if (hit && hit.access === access) return hit;
  const result: Claims = { access, unsupported: [], details: [] };
  for (const item of model.items) {
    const one = itemClaims(file, model, access, item);
    for (const f of one.unsupported) result.unsupported.push(f);
    for (const f of one.details) result.details.push(f);
  }
  claimCache.set(file, result);
  return result;
}

/**
 * One item's claims, remembered for the run with what they read of the summary (rules/summaryReads.ts): two rules'
 * units ask for them, and the second's unit reads what the first one's did.
 */
function itemClaims(file: CaseFile, model: CaseModel, access: ReadingAccess, item: ItemModel): Claims {
  const hit = itemClaimCache.get(item);
  if (hit && hit.access === access && hit.file === file) {
    readAsRecorded(hit.deps);
    return hit;
  }
  const deps: SummaryDeps = { all: false, keys: new Map() };
  const result = { file, access, deps, unsupported: [] as RecordFinding[], details: [] as RecordFinding[] };
  itemClaimCache.set(item, result);
  tracking(deps, () => collectItemClaims(file, model, access, item, result));
  readAsRecorded(deps);
  return result;
}

/** One item's claims (a rationale's claims are judged against the summary, the header's dates and every item's services). */
function collectItemClaims(file: CaseFile, model: CaseModel, access: ReadingAccess, item: ItemModel, result: Claims): void {
  if (!file.summary || !item.section.rationale) return;
  const facts = summaryFacts(file, access);
  const reported = new Map<ItemModel, Set<string>>();
  const services = serviceConcepts(model, access);
  const ownServices = serviceOwnConcepts(model, access);
  for (const r of rationaleSentences(model, access, item)) {
    if (r.reading.generic) continue;
    const done = reported.get(r.item) ?? new Set<string>();
    reported.set(r.item, done);
    const claimed = result.unsupported.length;
    for (const m of r.reading.mentions) {
      if (!CLAIM_KINDS.has(m.concept.kind) || done.has(m.concept.id)) continue;
      // "a lack of documentation regarding the patient's objective response to the prior usage of Norco": whatever the
      // sentence denies, it takes the Norco as given.
      const given = presupposedDone(r.reading, m);
      if (m.assertion !== 'affirmed' && m.assertion !== 'historical' && !given) continue;
      // "medications", "conservative care": too broad to say which record is meant.
      // A sign read with its verdict ("strength and sensation are unremarkable", "reflexes were 1+") is recorded,
      // however broad its concept.
      const sign =
        m.concept.kind === 'finding' &&
        m.concept.polarity === 'neutral' &&
        m.value !== 'neutral' &&
        !EXAM_UMBRELLAS.has(m.concept.id) &&
        !EXAM_WHOLES.has(m.concept.id);
      // An abnormal sign ("instability", "effusion"), or a sign of several kinds found at a place ("tenderness over the
      // lumbar paraspinal muscles", "decreased strength ... down her arm"), not the umbrella words criteria use for a
      // family of signs ("nerve root compromise referable to the thoracic spine"): what an examination records.
      const observed =
        m.concept.kind === 'finding' &&
        m.concept.polarity === 'abnormal' &&
        m.value === 'abnormal' &&
        (!access.hasNarrower(m.concept.id) || (m.attributes.sites.length > 0 && !CRITERION_UMBRELLAS.has(m.concept.id))) &&
        !EXAM_UMBRELLAS.has(m.concept.id) &&
        !EXAM_WHOLES.has(m.concept.id);
      if (!m.concept.broader.length && !sign && !observed) continue;
      // A sign with its verdict outside a guideline's words is the patient's ("Muscle strength and sensation are unremarkable",
      // "There is tenderness in the forearm and hand").
      // An abnormal sign needs the place it was found at to read as an examination's ("Physiologic evidence of tissue
      // insult or neurologic dysfunction", a criterion listed on its own, names none).
      const examined = sign || (observed && (m.attributes.sites.length > 0 || r.reading.attributes.sites.length > 0));
      const patients =
        claimAboutPatient(r.reading, m) ||
        (examined && findingsClause(r.reading, m) && !GUIDELINE.test(clauseText(r.reading, m))) ||
        (given && PATIENT_ANCHORS.test(r.reading.text) && !GUIDELINE.test(clauseText(r.reading, m)));
      if (!patients || (!given && hedgedBefore(r.reading, m))) continue;
      if (inParentheticalList(r.reading.text, m.start)) continue;
      // The disputed service (this item's or another's) is named as requested all through a rationale:
      // only a clause that says it was done ("has completed", "previously", "underwent") claims a record.
      const service = namesService(m, services, ownServices, access);
      const saysDone = given || m.assertion === 'historical' || RECORD_VERBS.test(clauseText(r.reading, m));
      if (service && !saysDone) continue;
      // "neurologic dysfunction", "nerve compromise": the words of a criterion, not a sign someone recorded.
      if (m.concept.kind === 'finding' && access.hasNarrower(m.concept.id) && !sign && !observed) continue;
      // A finding is supported by the summary's finding of the same reading ("strength 5/5" does not support "weakness").
      // A sign's verdict the summary gives otherwise is a contradiction (contradicts-record), not a claim it never makes.
      const about = supportFor(facts, m, r).filter(
        (f) =>
          sign ||
          !FINDING_KINDS.has(m.concept.kind) ||
          m.value === 'neutral' ||
          f.mention.value === m.value ||
          (f.mention.value === 'neutral' && f.mention.concept.id === m.concept.id),
      );
      const documented = about.filter(documents);
      // "paresthesias/dysesthesias", "spasm or tightness": one alternative the summary records answers for the pair.
      if (!documented.length && alternativeSupported(facts, m, r)) continue;
      // "The patient's sensation is intact" over "decreased sensation in the left L5 dermatome": the summary does mention
      // it, with the other verdict; that is a contradiction (contradicts-record says so), not a sign it never records.
      // Not a complaint the worker reports ("she states she has decreased strength"): an examination does not answer it.
      if (!documented.length && !reportedByPatient(r.reading, m) && contraryDocumented(facts, m, r)) continue;
      if (documented.length) {
        // "A repeat CT was performed the following day" over one CT in the summary: the second study is the claim.
        const again = repeatedOnce(file, r, m, documented);
        if (again && !service) {
          done.add(m.concept.id);
          result.unsupported.push(again);
          break;
        }
        if (saysDone && m.concept.kind === 'therapy') {
          const count = countFinding(file, facts, m, r, documented);
          if (count) {
            done.add(m.concept.id);
            const { kind, ...finding } = count;
            (kind === 'detail' ? result.details : result.unsupported).push(finding);
            break;
          }
        }
        continue;
      }
      // Requested in one place and done in general terms in another ("ORIF ... was the original request",
      // "treatment has included surgery"): the summary records it as done.
      // Not when the general word's sentence says which it was ("diagnostics to date have included radiographic imaging"
      // names the x-ray, not the MRI the rationale says was done).
      const saysWhich = (f: Fact, id: string) =>
        !!f.reading?.mentions.some((x) => x !== f.mention && x.concept.id !== id && x.concepts.includes(id) && !x.concepts.includes(m.concept.id));
      const doneInGeneral = (id: string) =>
        id !== m.concept.id && (facts.byConcept.get(id) ?? []).some((f) => f.mention.concept.id === id && documents(f) && !f.review && !saysWhich(f, id));
      if (about.length && m.concepts.some(doneInGeneral)) continue;
      // "Treatment has included surgery": the summary says the worker was operated on; which operation is a detail.
      if (m.concepts.some((id) => UMBRELLAS.has(id) && doneInGeneral(id))) continue;
      // "Left shoulder movements are restricted" where the summary examines only the right shoulder: the side is
      // wrong (detail-mismatch says so), not a record the summary lacks.
      if (otherSideOnly(facts, m)) continue;
      done.add(m.concept.id);
      // The same thing done at another body part: the rationale has the body part wrong, or the summary omits it.
      const elsewhere = m.attributes.sites.length
        ? (facts.byConcept.get(m.concept.id) ?? []).filter(
            (f) =>
              documents(f) &&
              !f.review &&
              f.mention.concept.id === m.concept.id &&
              f.sites.length > 0 &&
              !sitesCompatible(m.attributes.sites, f.sites, facts.access),
          )
        : [];
      if (elsewhere.length) {
        result.details.push({
          message: `The rationale says ${quote(r.sentence.text, m.start, m.end)} of another body part (${quote(r.sentence.text, m.start, Math.min(r.sentence.text.length, m.end + 40))}) than the clinical case summary records it at (${quote(elsewhere[0].sentence.text, elsewhere[0].mention.start, Math.min(elsewhere[0].sentence.text.length, elsewhere[0].mention.end + 40))}). Correct the body part, or add what the records show to the summary.`,
          range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
          relatedInformation: related(file, elsewhere, (f) => `The summary records "${clip(f.mention.text, 50)}" at another body part`),
          data: { detail: 'site', written: m.text, expected: elsewhere[0].sites.join(', ') },
        });
        break;
      }
      // The summary records this very thing as requested ("requested an MRI of the cervical spine" beside an NCS item):
      // a request claimed as done, not another kind of the thing it records as done (the x-ray beside it). The disputed
      // service is requested in every summary: said to be done, it is the kind done that is misnamed.
      const requested = about.filter((f) => f.planned);
      const askedFor = !services.has(m.concept.id) && requested.some((f) => f.mention.concept.id === m.concept.id);
      const kind = askedFor ? [] : siblingDocumented(facts, m, r);
      if (kind.length) {
        result.details.push({
          message: `The rationale says ${quote(r.sentence.text, m.start, m.end)}, but the clinical case summary records "${clip(kind[0].mention.text, 50)}" instead. Name the ${m.concept.kind === 'finding' ? 'finding' : m.concept.kind === 'study' ? 'study' : 'treatment'} the summary records, or add what the records show of ${quote(r.sentence.text, m.start, m.end)} to the summary.`,
          range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
          relatedInformation: related(file, kind, (f) => `The summary records "${clip(f.mention.text, 50)}"`),
          data: { detail: 'kind', written: m.text, expected: kind[0].mention.concept.id },
        });
        break;
      }
      result.unsupported.push({
        message: requested.length
          ? `The rationale relies on ${quote(r.sentence.text, m.start, m.end)} as done, but the clinical case summary records only a request or plan for it. A request is not a record that it was done: add what the records show to the summary, or say it was requested.`
          : `The rationale relies on ${quote(r.sentence.text, m.start, m.end)}, which the clinical case summary never mentions. Add it to the summary from the records, or remove it from the rationale.`,
        range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
        ...(requested.length ? { relatedInformation: related(file, requested, () => 'The summary records only a request') } : {}),
        data: { concept: m.concept.id },
      });
      break; // one claim a sentence: the author rereads the sentence
    }
    if (result.unsupported.length === claimed) {
      const response = responseClaim(file, facts, r);
      if (response) result.unsupported.push(response);
    }
    if (result.unsupported.length === claimed) {
      const dated = datedClaim(file, r);
      if (dated) result.unsupported.push(dated);
    }
    if (result.unsupported.length === claimed) {
      const approval = approvalClaim(file, model, facts, r);
      if (approval) result.unsupported.push(approval);
    }
    if (result.unsupported.length === claimed) {
      const planned = plannedClaim(file, facts, services, r);
      if (planned) result.unsupported.push(planned);
    }
    if (result.unsupported.length === claimed) {
      const denied = deniedHistoryClaim(facts, r);
      if (denied) result.unsupported.push(denied);
    }
    if (result.unsupported.length === claimed) {
      const event = eventRecordClaim(facts, done, r);
      if (event) result.unsupported.push(event);
    }
    if (result.unsupported.length === claimed) {
      const complaint = complaintElsewhere(file, model, facts, done, r);
      if (complaint) result.unsupported.push(complaint);
    }
  }
}

/** Complaints felt at a body part (and every complaint within them). */
const PLACED_COMPLAINTS: ReadonlySet<string> = new Set(data.placedComplaints);
/** Complaints and sites that say no place ("pain in multiple body parts", "the whole body"). */
const PLACE_FREE_COMPLAINTS: ReadonlySet<string> = new Set(data.placeFreeComplaints);
const PLACE_FREE_SITES: ReadonlySet<string> = new Set(data.placeFreeSites);

/** Words that make a study or procedure another one of the kind ("a repeat MRI", "a second injection"). */
const REPEAT_WORDS = new RegExp(`\\b(?:${data.repeatWords.map(escapeRegExp).join('|')})\\s+(?:[a-z0-9-]+\\s+){0,2}$`, 'i');
const REPEATABLE_KINDS: ReadonlySet<ConceptKind> = new Set(['study', 'procedure']);

/**
 * The rationale says a study or procedure was done again ("A repeat CT scan was performed the following day", "she
 * underwent a second injection") where the summary records it once: one mention, or several of one date, none with
 * a repeat word, a count or a plural. The summary shows the first; the second is a record it does not show.
 */
function repeatedOnce(file: CaseFile, r: RationaleSentence, m: Mention, documented: readonly Fact[]): RecordFinding | undefined {
  if (!REPEATABLE_KINDS.has(m.concept.kind) || (m.assertion !== 'affirmed' && m.assertion !== 'historical')) return undefined;
  const reading = r.reading;
  const c = clauseHolding(reading, m.start);
  const lead = reading.text.slice(Math.max(c?.start ?? 0, m.start - 40), m.start);
  if (!REPEAT_WORDS.test(lead) || !RECORD_VERBS.test(clauseText(reading, m))) return undefined;
  const same = documented.filter((f) => f.mention.concept.id === m.concept.id && !f.review && !f.planned);
  if (!same.length || same.length !== documented.filter((f) => !f.review && !f.planned).length) return undefined;
  const dates = new Set<string>();
  for (const f of same) {
    const text = f.sentence.text;
    const before = text.slice(Math.max(0, f.mention.start - 40), f.mention.start);
    if (REPEAT_WORDS.test(before) || /s$/i.test(f.mention.text) || f.mention.attributes.counts.some((n) => n.value > 1)) return undefined;
    for (const d of f.mention.attributes.dates) dates.add(d.iso);
  }
  if (dates.size > 1) return undefined;
  const first = same[0];
  return {
    message: `The rationale says ${quote(reading.text, m.start - lead.length + lead.search(REPEAT_WORDS), m.end)} was done, but the clinical case summary records one ${quote(first.sentence.text, first.mention.start, first.mention.end)}. Add the later study or procedure to the summary from the records, or correct the statement.`,
    range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
    relatedInformation: related(file, same, () => 'The summary records it once'),
    data: { concept: m.concept.id },
  };
}

/** Every body part the letter names outside the rationales: the summary's sentences, the worker's fields and the disputed services. */
// Per file, not per summary's facts: the worker's fields and the services are read too (the facts of an unchanged
// summary are the last parse's).
const namedSitesOf = new WeakMap<CaseFile, string[]>();

function namedSites(file: CaseFile, model: CaseModel, facts: SummaryFacts): string[] {
  // Of the summary, the set of the sites it names (sitesCompatible asks of the list as a set): a keyed read.
  readSummary(SUMMARY_SITES, '');
  const hit = namedSitesOf.get(file);
  if (hit) return hit;
  const out = new Set<string>(summarySites(facts));
  const note = (text: string) => {
    const r = facts.access.read(text);
    for (const site of r.attributes.sites) out.add(site);
    for (const m of r.mentions) for (const site of m.concept.sites) out.add(site);
  };
  for (const f of file.worker?.fields ?? []) if (f.value.trim()) note(f.value);
  for (const item of model.items) if (item.service) note(item.service);
  const list = [...out];
  namedSitesOf.set(file, list);
  return list;
}

const summarySitesOf = new WeakMap<SummaryFacts, ReadonlySet<string>>();

/** The sites the summary names: with a side or none (sidesBySite), and those of its mentions' concepts ("knee pain"). Reads nothing. */
function summarySites(facts: SummaryFacts): ReadonlySet<string> {
  let out = summarySitesOf.get(facts) as Set<string> | undefined;
  if (out) return out;
  out = new Set(untracked(() => facts.sidesBySite).keys());
  for (const { reading } of facts.allSentences) for (const m of reading.mentions) for (const site of m.concept.sites) out.add(site);
  summarySitesOf.set(facts, out);
  return out;
}

/** The set of the sites the summary names (summarySites): the same set in both versions. */
const SUMMARY_SITES: SummaryKey = {
  name: 'summary sites',
  changed: (d, arg) =>
    d.once(SUMMARY_SITES, arg, () => {
      const [a, b] = bothFacts(d).map(summarySites);
      return a.size !== b.size || [...a].some((x) => !b.has(x));
    }),
};

/**
 * The body parts a complaint is at by its own words: the concept's ("knee pain"), or the places its clause names
 * ("pain in the right knee"), not the places of the sentence's other clauses.
 */
function complaintSites(reading: SentenceReading, m: Mention): readonly string[] {
  if (m.concept.sites.length) return m.concept.sites;
  const whole = reading.attributes.sites;
  const own = m.attributes.sites;
  // The reader gives a mention whose clause names no place the sentence's places.
  if (own.length === whole.length && own.every((x) => whole.includes(x)) && reading.clauses.length > 1 && whole.length > 1) return [];
  return own;
}

/**
 * The rationale says the worker has a complaint at a body part the letter names nowhere else ("the records
 * indicate right knee pain" in a case of the neck and arms): not the summary, the worker's diagnosis, nor a disputed
 * service names that part or one that contains it. The complaint stands on a record the reader of the letter cannot
 * see. Not a guideline's words, a hedge, a denial or a list of examples.
 */
function complaintElsewhere(file: CaseFile, model: CaseModel, facts: SummaryFacts, done: Set<string>, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  if (reading.generic) return undefined;
  // The summary's sites are a keyed read of namedSites, made only by a complaint that gets that far (most sentences
  // name none); the sites named elsewhere are found then too: reading the worker's fields cost more than the checks
  // of the rationale's mentions, which most sentences fail.
  let named: string[] | undefined;
  for (const m of reading.mentions) {
    if (m.concept.kind !== 'symptom' || done.has(m.concept.id) || m.value !== 'abnormal') continue;
    // A complaint felt at a body part: pain, numbness or tingling there, not sleep or mood at whatever place the sentence names.
    if (!m.concepts.some((id) => PLACED_COMPLAINTS.has(id)) || PLACE_FREE_COMPLAINTS.has(m.concept.id)) continue;
    if (m.assertion !== 'affirmed' && m.assertion !== 'historical') continue;
    if (!claimAboutPatient(reading, m) && !reportedByPatient(reading, m)) continue;
    if (GUIDELINE.test(clauseText(reading, m)) || inGenericClause(reading, m) || hedgedBefore(reading, m) || inParentheticalList(reading.text, m.start))
      continue;
    const sites = complaintSites(reading, m).filter((x) => !PLACE_FREE_SITES.has(x));
    if (!sites.length) continue;
    named ??= namedSites(file, model, facts);
    // Nothing named elsewhere: no complaint is out of place.
    if (!named.length) return undefined;
    if (sitesCompatible(sites, named, facts.access)) continue;
    done.add(m.concept.id);
    const part = facts.access.siteTitle(sites[0]) ?? sites[0];
    return {
      message: `The rationale says the worker has ${quote(reading.text, m.start, m.end)} at ${part}, but the clinical case summary, the worker's diagnosis and the disputed services never mention ${part}. Add the complaint to the summary from the records, or remove it from the rationale.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      data: { concept: m.concept.id },
    };
  }
  return undefined;
}

/** Kinds of complaint a worker can deny in the history ("He denied numbness or incontinence"). */
const HISTORY_KINDS: ReadonlySet<ConceptKind> = new Set(['symptom', 'red-flag']);
/** The worker's own denial, as the history records it. */
const PATIENT_DENIAL = /^(?:denie[sd]|denying|denies any|denied any)$/i;

/**
 * The rationale reports what the worker denied ("He denied numbness or incontinence") where the summary never
 * mentions that complaint at all, affirmed or denied: the history a red-flag screen rests on is a record the
 * summary does not show. Not a complaint the summary names in any way.
 */
function deniedHistoryClaim(facts: SummaryFacts, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  for (const m of reading.mentions) {
    const cue = m.cues[0];
    if (m.assertion !== 'negated' || !cue || !PATIENT_DENIAL.test(cue.text.trim()) || !HISTORY_KINDS.has(m.concept.kind)) continue;
    // The worker denies it: a patient word or pronoun before the denial.
    if (!PATIENT_ANCHORS.test(reading.text.slice(0, cue.start)) || GUIDELINE.test(clauseText(reading, m))) continue;
    if (!m.concept.broader.length || TOPICS.has(m.concept.id)) continue;
    if ((facts.byConcept.get(m.concept.id) ?? []).length) continue;
    return {
      message: `The rationale says ${quote(reading.text, Math.min(cue.start, m.start), Math.max(cue.end, m.end))}, but the clinical case summary never mentions ${quote(reading.text, m.start, m.end)}. Add the history the records show to the summary, or do not rely on it.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      data: { concept: m.concept.id },
    };
  }
  return undefined;
}

/** Parts of the record and events of the review that a summary names when a rationale relies on them. */
const EVENT_RECORDS: ReadonlySet<string> = new Set(data.eventRecords);

/**
 * The rationale relies on a part of the record or an event of the review that the summary never mentions, in any
 * way: "The review of systems was negative for depression", "There was a peer-to-peer discussion with the treating
 * physician". What it found or what was agreed stands on a record the reader of the letter cannot see. Not a
 * guideline's words, a hedge or a plan ("a peer-to-peer discussion is recommended").
 */
function eventRecordClaim(facts: SummaryFacts, done: Set<string>, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  if (reading.generic) return undefined;
  for (const m of reading.mentions) {
    if (!EVENT_RECORDS.has(m.concept.id) || done.has(m.concept.id)) continue;
    if (m.assertion !== 'affirmed' && m.assertion !== 'historical') continue;
    if (GUIDELINE.test(clauseText(reading, m)) || inGenericClause(reading, m) || hedgedBefore(reading, m)) continue;
    if ((facts.byConcept.get(m.concept.id) ?? []).length) continue;
    done.add(m.concept.id);
    return {
      message: `The rationale relies on ${m.concept.title} (${quote(reading.text, m.start, m.end)}) that the clinical case summary never mentions. Add it to the summary from the records, or remove it from the rationale.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      data: { concept: m.concept.id },
    };
  }
  return undefined;
}

/** Kinds of thing a treatment plan or a request names. */
const PLANNABLE_KINDS: ReadonlySet<ConceptKind> = new Set(['medication', 'drug-class', 'procedure', 'study', 'therapy', 'device']);

/** Plan words written after what they plan ("an injection is contemplated", "surgery is being considered"). */
const PLAN_AFTER: ReadonlySet<string> = new Set(data.planStatedAfter.map((p) => p.toLowerCase()));

/**
 * Is the mention planned by a plan word written after it ("a cortisone injection is contemplated"), in a clause
 * that no condition, doubt or denial governs? The sentence then says what the treating side intends, a record.
 */
function planStatedAfter(reading: SentenceReading, m: Mention): boolean {
  const cue = m.cues[0];
  if (!cue || cue.category !== 'requested' || cue.start < m.end) return false;
  if (!PLAN_AFTER.has(cue.text.toLowerCase().replace(/\s+/g, ' ').trim())) return false;
  // "If surgery is being considered": the requested cue outranks the condition; the condition still governs.
  if (m.cues.some((c) => c.category !== 'requested' && c.category !== 'historical')) return false;
  return !hedgedBefore(reading, m);
}

/**
 * The rationale says the records hold a request or a plan ("The treatment plan contains a request for physical
 * therapy ... and Norco 5/325 mg", "an epidural injection is being considered") for a drug, study or treatment
 * that is no disputed item and that the summary never mentions at all, not even as requested: the plan is a record
 * the summary does not show.
 */
function plannedClaim(file: CaseFile, facts: SummaryFacts, services: ReadonlySet<string>, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  for (const m of reading.mentions) {
    if (m.assertion !== 'requested' || !PLANNABLE_KINDS.has(m.concept.kind) || !m.concept.broader.length) continue;
    // The disputed service or a kind of it ("Norco" under an opioid item) is requested all through a rationale; the
    // broadest words ("medications", "conservative care") say nothing of which.
    if (services.has(m.concept.id) || m.concepts.some((id) => services.has(id) && (facts.access.concept(id)?.broader.length ?? 0) > 0)) continue;
    const clause = clauseText(reading, m);
    if (GUIDELINE.test(clause) || inGenericClause(reading, m) || inParentheticalList(reading.text, m.start)) continue;
    // The records hold it: a record of the chart or the plan named before it ("The treatment plan contains", "the
    // progress report requests").
    const c = clauseHolding(reading, m.start);
    const recorded = reading.mentions.some(
      (x) => x !== m && x.concept.kind === 'record' && x.assertion === 'affirmed' && x.start < m.start && x.start >= (c?.start ?? 0),
    );
    if (!recorded && !planStatedAfter(reading, m)) continue;
    // Any mention in the summary, a request too, or one of a broader kind that says which ("hydrocodone" for Norco).
    if (supportFor(facts, m, r).length || alternativeSupported(facts, m, r)) continue;
    return {
      message: `The rationale says the records plan or request ${quote(reading.text, m.start, m.end)}, which the clinical case summary never mentions. Add it to the summary from the records, or remove it from the rationale.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      data: { concept: m.concept.id },
    };
  }
  return undefined;
}

/** Words by which a reviewer allowed a treatment ("was approved for 8 sessions", "authorized 6 visits"). */
const APPROVAL_VERBS = new PhraseSet(data.approvalVerbs);
/** What a summary says of a review that allowed part of a request ("modified the request to 6 visits"). */
const SUMMARY_APPROVALS = new PhraseSet([...data.approvalVerbs, ...data.partialApprovals]);
/** Hedges before an approval that make it no record of one ("would be approved", "if authorized", "not certified"). */
const APPROVAL_HEDGES = new PhraseSet(data.claimHedges.filter((h) => !data.approvals.includes(h)));
/** Who approves this claim's treatment, or when ("the utilization review", "previously"): with a patient word, an approval of the case, not a drug's FDA approval. */
const APPROVAL_PARTIES = new PhraseSet(data.approvalParties);
/** Kinds of thing a reviewer approves. */
const APPROVABLE_KINDS: ReadonlySet<ConceptKind> = new Set([...TREATMENT_KINDS, 'study']);

/**
 * The rationale says a review approved a treatment ("The patient was previously approved for 8 sessions of physical
 * therapy", "the patient was approved for 8 therapy sessions on 10-19-16") where the summary records no approval of
 * it (only the request, or its denial) and no item names an authorized part of it: an approval is a record of its own,
 * and a rationale that weighs what was already allowed rests on it.
 */
function approvalClaim(file: CaseFile, model: CaseModel, facts: SummaryFacts, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  // A word of approval first: most sentences have none, and then whose approval it would be does not matter.
  const verbs = APPROVAL_VERBS.matches(reading.text);
  if (!verbs.length) return undefined;
  // An approval of this case: the worker's ("the patient was approved for"), or by its reviewer ("approved by Utilization Review").
  if (!PATIENT_ANCHORS.test(reading.text) && !APPROVAL_PARTIES.test(reading.text)) return undefined;
  for (const w of verbs) {
    // "FDA approved": a drug's approval for a use, not a review of this claim.
    if (/\bFDA[\s-]*$/i.test(reading.text.slice(Math.max(0, w.start - 5), w.start))) continue;
    // "non-certified", "unauthorized": a denial.
    if (/(?:non|un)[\s-]?$/i.test(reading.text.slice(Math.max(0, w.start - 4), w.start))) continue;
    const clause = clauseHolding(reading, w.start);
    const from = clause?.start ?? 0;
    const to = clause?.end ?? reading.text.length;
    if (GUIDELINE.test(reading.text.slice(from, to)) || APPROVAL_HEDGES.test(reading.text.slice(from, w.start))) continue;
    const treatment = reading.mentions.find(
      (t) =>
        t.start >= from &&
        t.end <= to &&
        APPROVABLE_KINDS.has(t.concept.kind) &&
        t.assertion !== 'generic' &&
        t.assertion !== 'hypothetical' &&
        t.assertion !== 'other-person' &&
        t.assertion !== 'negated',
    );
    if (!treatment) continue;
    const agrees = (x: SentenceReading) => agreesWith(x, treatment.concept.id, treatment.concepts, facts.access);
    // An item's authorized part ("authorized: Nine physical therapy visits") or a summary sentence that allows it.
    const authorizedItem = model.items.some((item) => {
      const field = getField(item.section, 'authorized');
      return !!field && field.value.trim() !== '' && agrees(facts.access.read(field.value));
    });
    // An item named with the review's words ("Six physical therapy sessions ... was authorized by the Claims Administrator").
    const namedItem = model.items.some((item) => SUMMARY_APPROVALS.test(item.service) && agrees(facts.access.read(item.service)));
    if (authorizedItem || namedItem) return undefined;
    const arg = JSON.stringify([treatment.concept.id, treatment.concepts]);
    readSummary(SUMMARY_APPROVAL, arg);
    if (allowedIn(facts, arg)) return undefined;
    const recorded = (facts.byConcept.get(treatment.concept.id) ?? []).filter((f) => f.mention.concept.id === treatment.concept.id);
    const start = Math.min(w.start, treatment.start);
    const end = Math.max(w.end, treatment.end);
    return {
      message: `The rationale says ${quote(reading.text, start, end)}, but the clinical case summary records no approval of ${quote(reading.text, treatment.start, treatment.end)}. Add the approval the records show to the summary, or correct the statement.`,
      range: sentenceSpan(r.prose, r.sentence, w.start, w.end),
      ...(recorded.length
        ? { relatedInformation: related(file, recorded, (f) => `The summary records "${clip(f.mention.text, 50)}" without an approval`) }
        : {}),
      data: { record: 'approval', concept: treatment.concept.id },
    };
  }
  return undefined;
}

/** Does the reading name the treatment (`id`, `concepts`: its concept and those it counts for) or one a letter confuses with it? */
function agreesWith(x: SentenceReading, id: string, concepts: readonly string[], access: ReadingAccess): boolean {
  const own = treatmentsNamed(x, access);
  return own.some((c) => treatmentsAgree([concepts], [c]) || (CONFUSABLE.get(id) ?? []).includes(c[0]));
}

/** Does a summary sentence allow the treatment of `arg` (JSON of its id and concepts): an approval word, not "non-certified"? */
function allowsTreatment(sentence: Sentence, reading: SentenceReading, arg: string, access: ReadingAccess): boolean {
  const said = SUMMARY_APPROVALS.matches(sentence.text).filter((a) => !/(?:non|un)[\s-]?$/i.test(sentence.text.slice(Math.max(0, a.start - 4), a.start)));
  if (!said.length) return false;
  const [id, concepts] = JSON.parse(arg) as [string, string[]];
  return agreesWith(reading, id, concepts, access);
}

/** Whether some summary sentence allows the treatment of `arg` (reads nothing: its reader records SUMMARY_APPROVAL). */
function allowedIn(facts: SummaryFacts, arg: string): boolean {
  return facts.allSentences.some(({ sentence, reading }) => allowsTreatment(sentence, reading, arg, facts.access));
}

/**
 * Whether the summary allows a treatment (allowedIn): an answer of each sentence on its own, so it differs only where a
 * changed sentence, old or new, allows it.
 */
const SUMMARY_APPROVAL: SummaryKey = {
  name: 'summary approval',
  changed: (d, arg) =>
    d.once(SUMMARY_APPROVAL, arg, () => {
      const access = accessOfDiff(d);
      const { old, new: added } = d.changedSentences();
      return [...old, ...added].some((s) => allowsTreatment(s, access.read(s.text), arg, access));
    }),
};

/** Kinds of mention that make a dated clause about a record or an event of the case. */
const DATED_KINDS: ReadonlySet<ConceptKind> = new Set(['record', 'study', 'therapy', 'procedure', 'medication', 'drug-class', 'device', 'finding', 'symptom']);

/**
 * The rationale dates a record or an event with a date the letter gives nowhere else ("According to the
 * 12/12/16 progress report ...", "the patient utilized cyclobenzaprine since 10/14/2016", "On 12/01/16 the
 * cast was removed"): the summary must show what the decision relies on.
 */
function datedClaim(file: CaseFile, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  const d = dateNotInCase(file, reading.text);
  if (!d) return undefined;
  const clause = clauseHolding(reading, d.start);
  const clauseWords = reading.text.slice(clause?.start ?? 0, clause?.end ?? reading.text.length);
  if (GUIDELINE.test(clauseWords)) return undefined;
  const about =
    PATIENT_ANCHORS.test(reading.text) ||
    reading.mentions.some((m) => DATED_KINDS.has(m.concept.kind) && m.assertion !== 'generic' && m.assertion !== 'hypothetical');
  if (!about) return undefined;
  return {
    message: `The rationale dates ${quote(reading.text, d.start, d.end)} ("${clip(reading.text.replace(/\s+/g, ' '), 90)}"), a date the clinical case summary and the case header never give. Add the record of that date to the summary, or correct the date.`,
    range: sentenceSpan(r.prose, r.sentence, d.start, d.end),
    data: { record: 'dated-record' },
  };
}

/** The treatments a sentence names, also inside the name of a record of them ("Hand therapy report on 12-7-16 noted ..."). */
function treatmentsNamed(reading: SentenceReading, access: ReadingAccess): (readonly string[])[] {
  const out = treatmentsOf(reading);
  for (const x of reading.mentions) if (x.concept.kind === 'record') out.push(...treatmentsOf(access.read(x.text)));
  return out;
}

/** Responses a rationale can say a treatment gave (relief, improvement, none, worse); not "persistent" pain, which any summary records. */
const RESPONSE_CLAIMS: ReadonlySet<string> = new Set(data.responseClaims);
/** Responses that tell a complaint's course ("persistent"): a response to a treatment only in the sentence that names it. */
const COMPLAINT_COURSES: ReadonlySet<string> = new Set(data.complaintCourses);
const FAILURE_WORDS = new PhraseSet(data.responseFailureWords);

/**
 * The rationale says how the worker responded to a treatment ("is responding to physical therapy", "had
 * decreased pain with medications", "previously treated with physical therapy but without improvement",
 * "on anti-inflammatories with no benefit") where the summary records no response to that treatment: a
 * response is a record of its own, and the decision to continue or stop a treatment rests on it.
 */
function responseClaim(file: CaseFile, facts: SummaryFacts, r: RationaleSentence): RecordFinding | undefined {
  const reading = r.reading;
  for (const m of reading.mentions) {
    if (m.concept.kind !== 'response' || !m.concepts.some((id) => RESPONSE_CLAIMS.has(id))) continue;
    if (m.assertion !== 'affirmed' && m.assertion !== 'historical') continue;
    // "failed conservative care", "refractory": a summary says so in words of its own ("persistent pain despite").
    if (FAILURE_WORDS.test(m.text)) continue;
    // "no documentation of benefit", "benefit was not reported" are denials (negated), not a response claimed.
    const clause = clauseText(reading, m);
    if (hedgedBefore(reading, m) || GUIDELINE.test(clause)) continue;
    // The treatment it is a response to: named in the sentence (in its clause first), as done.
    const treatments = reading.mentions.filter(
      (t) =>
        TREATMENT_KINDS.has(t.concept.kind) &&
        // "has completed a trial of physical therapy": a trial the clause says was done.
        (t.assertion === 'affirmed' || t.assertion === 'historical' || (t.assertion === 'requested' && RECORD_VERBS.test(clauseText(reading, t)))) &&
        !inParentheticalList(reading.text, t.start),
    );
    if (!treatments.length) continue;
    const treatment = treatments.find((t) => clauseText(reading, t) === clause) ?? treatments[0];
    // A guideline's definition ("the intended goal of manual medicine is ... measurable gains") names no patient.
    if (!PATIENT_ANCHORS.test(reading.text) || GUIDELINE.test(reading.text)) continue;
    if (hedgedBefore(reading, treatment)) continue;
    const arg = JSON.stringify([treatment.concept.id, treatment.concepts]);
    readSummary(SUMMARY_RESPONSE, arg);
    if (answeredIn(facts, arg)) continue;
    const start = Math.min(m.start, treatment.start);
    const end = Math.max(m.end, treatment.end);
    const documented = (facts.byConcept.get(treatment.concept.id) ?? []).filter(documents);
    return {
      message: `The rationale says ${quote(reading.text, start, end)}, but the clinical case summary records no response to ${quote(reading.text, treatment.start, treatment.end)}. Add the response the records show to the summary, or do not rely on it.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
      ...(documented.length
        ? { relatedInformation: related(file, documented, (f) => `The summary records "${clip(f.mention.text, 50)}" without its response`) }
        : {}),
      data: { concept: m.concept.id },
    };
  }
  return undefined;
}

const answeredOf = new WeakMap<SummaryFacts, Map<string, boolean>>();

/**
 * Does the summary record a response to the treatment of `arg` (JSON of its id and concepts), once per summary's facts
 * and treatment (reads nothing: its reader records SUMMARY_RESPONSE)?
 */
function answeredIn(facts: SummaryFacts, arg: string): boolean {
  let answers = answeredOf.get(facts);
  if (!answers) answeredOf.set(facts, (answers = new Map()));
  let answer = answers.get(arg);
  if (answer !== undefined) return answer;
  const [id, concepts] = JSON.parse(arg) as [string, string[]];
  const named = [concepts];
  const sentences = facts.allSentences;
  answer = sentences.some(({ reading: s }, i) => {
    const responses = s.mentions.filter((x) => x.concept.kind === 'response' && x.assertion !== 'generic' && x.assertion !== 'hypothetical');
    if (!responses.length) return false;
    const own = treatmentsNamed(s, facts.access);
    // "persistent right shoulder pain" after a list of treatments is the complaint's course; only beside its
    // treatment ("persistent pain despite physical therapy") does it answer for the treatment.
    if (!own.length && responses.every((x) => COMPLAINT_COURSES.has(x.concept.id))) return false;
    // A response sentence that names no treatment speaks of the one the sentence before it names.
    const context = own.length ? own : i > 0 ? treatmentsNamed(sentences[i - 1].reading, facts.access) : [];
    return context.length > 0 && (treatmentsAgree(named, context) || context.some((c) => (CONFUSABLE.get(id) ?? []).includes(c[0])));
  });
  answers.set(arg, answer);
  return answer;
}

/** Whether the summary records a response to a treatment (answeredIn): the same answer in both versions. */
const SUMMARY_RESPONSE: SummaryKey = {
  name: 'summary response',
  changed: (d, arg) =>
    d.once(SUMMARY_RESPONSE, arg, () => {
      const [a, b] = bothFacts(d);
      return answeredIn(a, arg) !== answeredIn(b, arg);
    }),
};

function alternativeSupported(facts: SummaryFacts, m: Mention, r: RationaleSentence): boolean {
  const text = r.reading.text;
  return r.reading.mentions.some((x) => {
    if (x === m) return false;
    const gap = x.end <= m.start ? text.slice(x.end, m.start) : m.end <= x.start ? text.slice(m.end, x.start) : null;
    return gap !== null && /^\s*(?:\/|or|and\/or)\s*$/i.test(gap) && supportFor(facts, x, r).some(documents);
  });
}

const CONFUSABLE = new Map<string, string[]>();
for (const [a, b] of data.confusableKinds as [string, string][]) {
  CONFUSABLE.set(a, [...(CONFUSABLE.get(a) ?? []), b]);
  CONFUSABLE.set(b, [...(CONFUSABLE.get(b) ?? []), a]);
}

/** The treatment or study a letter can call by this one's name, recorded in the summary where this one is not. */
function siblingDocumented(facts: SummaryFacts, m: Mention, r: RationaleSentence): Fact[] {
  const out: Fact[] = [];
  // A sign is named by its verdict's concept too ("reflexes are intact" is the normal reflexes, a kind of the reflexes).
  const named = m.concept.kind === 'finding' ? m.concepts : [m.concept.id];
  for (const id of named) {
    for (const other of CONFUSABLE.get(id) ?? []) {
      // A sign that is read by its verdict (reflexes, strength, sensation) is misnamed only where the summary gives
      // the other sign the same verdict ("sensation was intact" for "reflexes are intact"); another verdict is no slip
      // of the name, and a sign graded in the rationale ("strength graded at 4+/5") is a measure of its own that the
      // summary must show.
      const verdictSign = m.concept.kind === 'finding' && facts.access.concept(other)?.polarity === 'neutral';
      for (const f of facts.byConcept.get(other) ?? []) {
        if (out.includes(f) || f.mention.concepts.includes(m.concept.id) || f.mention.concepts.includes(id)) continue;
        const sameVerdict = !verdictSign || (m.value !== 'neutral' && f.mention.value === m.value && !r.reading.attributes.grades.length);
        if (documents(f) && !f.review && sameVerdict && sitesCompatible(sitesOf(m, r), f.sites, facts.access)) out.push(f);
      }
    }
  }
  return out;
}

/** A done course counted otherwise than the summary counts it, or counted where the summary gives no count. */
function countFinding(
  file: CaseFile,
  facts: SummaryFacts,
  m: Mention,
  r: RationaleSentence,
  documented: Fact[],
): (RecordFinding & { kind: 'detail' | 'unsupported' }) | undefined {
  const lead = leadingCount(r.sentence.text, m);
  const counts = lead ? [lead] : visitCounts(m);
  if (counts.length !== 1) return undefined;
  const n = counts[0];
  // The numbers the summary gives courses it records as done (visits, sessions, the reports of them). A
  // requested or authorized number is no count of visits done, even when it is the rationale's number.
  const doneCounts = new Set<number>();
  for (const f of facts.byConcept.get(m.concept.id) ?? []) {
    // "Twelve visits ... was the original request", "nine visits were authorized": the clause says what the number is.
    if (!documents(f) || f.review || PLAN.test(factClause(f)) || APPROVALS.test(factClause(f))) continue;
    for (const v of courseNumbers(f.sentence.text, f.reading?.mentions ?? [], f.mention)) doneCounts.add(v);
  }
  // A number the summary gives a done course answers the claim; a requested or authorized number does not say any were done.
  if (doneCounts.has(n.value)) return undefined;
  const range = sentenceSpan(r.prose, r.sentence, n.start, n.end);
  if (!doneCounts.size) {
    return {
      kind: 'unsupported',
      message: `The rationale counts ${quote(r.sentence.text, n.start, n.end)} of ${quote(r.sentence.text, m.start, m.end)}, but the clinical case summary records it without a number of visits done. Add the count from the records to the summary, or do not rely on it.`,
      range,
      relatedInformation: related(file, documented, (f) => `The summary records "${clip(f.mention.text, 50)}" without a count`),
      data: { concept: m.concept.id, count: n.value },
    };
  }
  const values = [...doneCounts].sort((a, b) => a - b);
  return {
    kind: 'detail',
    message: `The rationale counts ${quote(r.sentence.text, n.start, n.end)} of ${quote(r.sentence.text, m.start, m.end)}, but the clinical case summary gives ${values.join(' or ')}. Use the summary's number, or correct the summary from the records.`,
    range,
    relatedInformation: related(file, documented, (f) => `The summary's count of "${clip(f.mention.text, 50)}"`),
    data: { detail: 'count', written: n.text, expected: values },
  };
}

/**
 * Summary facts that could support the mention: of its concept or a narrower
 * one, or of a broader one ("hydrocodone" for "Norco", "a muscle relaxant"
 * for "orphenadrine"), at a compatible site. The broadest ("medications" for
 * "NSAIDs", "conservative care" for "chiropractic") does not say which, unless
 * it is a sign with the verdict the narrower one names ("strength was 5 out of
 * 5" for "full strength").
 */
function supportFor(facts: SummaryFacts, m: Mention, r: RationaleSentence): Fact[] {
  const out = factsAbout(facts, m.concept.id, m, r);
  for (const id of m.concepts) {
    if (id === m.concept.id) continue;
    for (const f of factsAbout(facts, id, m, r)) {
      if (f.mention.concept.id !== id) continue;
      // "strength was 5 out of 5" says which: the broad sign with the verdict the narrower one names ("full strength").
      const sameVerdict = f.mention.concept.kind === 'finding' && f.mention.value !== 'neutral' && f.mention.value === m.value;
      if (f.mention.concept.broader.length || sameVerdict) out.push(f);
    }
  }
  return out;
}

// ---- detail-mismatch: sides ---------------------------------------------------------------

/**
 * The mention names a paired site on one side, and the summary names that site only on the other
 * ("left shoulder" where every shoulder of the summary is the right one): the side is the slip.
 */
function otherSideOnly(facts: SummaryFacts, m: Mention): { side: 'left' | 'right'; site: string; other: 'left' | 'right' } | undefined {
  const side = m.attributes.side;
  if (!side || side === 'bilateral') return undefined;
  // The sides of each site asked about: a keyed read (SIDES_AT).
  const site = m.attributes.sites.find((s) => {
    readSummary(SIDES_AT, s);
    return (facts.sidesAt(s)?.size ?? 0) > 0;
  });
  if (!site) return undefined;
  const sides = facts.sidesAt(site)!;
  if (sides.has(side) || sides.has('bilateral')) return undefined;
  const other = side === 'left' ? 'right' : 'left';
  return sides.has(other) ? { side, site, other } : undefined;
}

/** The sides the summary names a site with (sidesBySite.get): the same set in both versions. */
const SIDES_AT: SummaryKey = {
  name: 'sides of a site',
  changed(d, site) {
    const [a, b] = bothFacts(d).map((f) => f.sidesAt(site));
    if (!a || !b) return a !== b;
    return a.size !== b.size || [...a].some((x) => !b.has(x));
  },
};

/**
 * A rationale names a paired site (knee, shoulder) on one side while the
 * summary names that site only on the other side, or the disputed service
 * names it on the other side.
 */
export function sideMismatchFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const facts = summaryFacts(file, access);
  const out: RecordFinding[] = [];
  for (const r of rationaleSentences(model, access, only)) {
    if (r.reading.generic) continue;
    for (const m of r.reading.mentions) {
      if (m.assertion === 'generic' || m.assertion === 'hypothetical' || m.assertion === 'other-person') continue;
      const slip = otherSideOnly(facts, m);
      if (!slip) continue;
      const { side, site, other } = slip;
      const evidence = [...facts.sentences].flatMap(({ sentence, reading }) =>
        reading.mentions
          .filter((x) => x.attributes.side === other && x.attributes.sites.includes(site))
          .map((mention) => ({ sentence, mention, sites: mention.attributes.sites, side: other, review: false, planned: false, presupposed: false }) as Fact),
      );
      out.push({
        message: `The rationale says ${quote(r.sentence.text, m.start, m.end)} on the ${side}, but the clinical case summary names the ${site.replace(/-/g, ' ')} only on the ${other}. Correct the side, or add what the records show of the ${side} side to the summary.`,
        range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
        relatedInformation: related(file, evidence, () => `The summary names the ${other} side`),
        data: { detail: 'side', written: side, expected: other },
      });
      break;
    }
  }
  return out;
}

/** Is an earlier mention of the mention's clause a guideline's ("For patients with X, Y is indicated")? */
function inGenericClause(reading: SentenceReading, m: Mention): boolean {
  const c = clauseHolding(reading, m.start);
  return reading.mentions.some((x) => x !== m && x.start < m.start && (!c || x.start >= c.start) && x.assertion === 'generic');
}

const WARRANT = /\b(warrant\w*|indicated|medically necessary|necessity|support\w* (?:the|a|an) (?:request|need))\b/i;

/** A side word within a few words of the mention ("left knee MRI", "MRI of the right knee"), not elsewhere in the sentence. */
function sideNear(text: string, m: Mention): boolean {
  const around = text.slice(Math.max(0, m.start - 30), Math.min(text.length, m.end + 40));
  return /\b(left|right|bilateral)\b/i.test(around);
}

// ---- detail-mismatch: the request as the rationale names it ------------------------------

/**
 * The rationale names the disputed service with another body part, side or
 * kind than the item does ("the request for a left knee MRI" under "MRI of
 * the right knee"; cervical MRI criteria weighed for a thoracic x-ray), and
 * neither the summary nor another item names it so.
 */
export function serviceMismatchFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const facts = summaryFacts(file, access);
  const out: RecordFinding[] = [];
  const services = perModel(serviceReadingsOf, model, access, () =>
    mapPacked(model.items, (item) => ({ item, reading: item.service ? access.read(item.service) : undefined })),
  );
  for (const r of rationaleSentences(model, access, only)) {
    const own = services[r.item.index]?.reading;
    if (!own || r.reading.generic) continue;
    for (const m of r.reading.mentions) {
      // The request itself, or what would warrant it: not a study the rationale merely mentions.
      if (m.assertion !== 'requested' && !(m.assertion === 'hypothetical' && WARRANT.test(r.sentence.text))) continue;
      // "For patients with significant hemarthrosis, radiography is indicated": the clause states a guideline.
      if (inGenericClause(r.reading, m)) continue;
      if (m.concept.kind !== 'study' && m.concept.kind !== 'therapy' && m.concept.kind !== 'procedure') continue;
      const same = own.mentions.find((s) => s.concept.id === m.concept.id);
      const confused = own.mentions.find((s) => (CONFUSABLE.get(s.concept.id) ?? []).includes(m.concept.id));
      const target = same ?? confused;
      if (!target) continue;
      const serviceSites = target.attributes.sites.length ? target.attributes.sites : own.attributes.sites;
      const mSites = m.attributes.sites.filter((x) => x !== 'whole-body');
      // Named so elsewhere in the case (another item, the summary): not a slip.
      const elsewhere =
        services.some(
          (x) => x.item !== r.item && x.reading?.mentions.some((s) => s.concept.id === m.concept.id && sitesCompatible(mSites, s.attributes.sites, access)),
        ) ||
        (facts.byConcept.get(m.concept.id) ?? []).some(
          (f) => mSites.length > 0 && f.sites.length > 0 && sitesCompatible(mSites, f.sites, access) && sidesCompatible(m.attributes.side, f.side),
        );
      if (elsewhere) continue;
      let what: string | undefined;
      if (!same) {
        // Another kind only where the rationale rules on it: "the request for a CT", "would warrant an MRI".
        if (!/\brequest/i.test(clauseText(r.reading, m)) && !WARRANT.test(r.sentence.text)) continue;
        what = `another kind than the item names ("${clip(target.text, 40)}")`;
      } else if (mSites.length && serviceSites.length && !sitesCompatible(mSites, serviceSites, access)) what = 'another body part than the item names';
      else if (m.attributes.side && target.attributes.side && !sidesCompatible(m.attributes.side, target.attributes.side) && sideNear(r.sentence.text, m))
        what = `the ${m.attributes.side} side, but the request is for the ${target.attributes.side}`;
      if (!what) continue;
      out.push({
        message: `The rationale weighs ${quote(r.sentence.text, m.start, m.end)}: ${what} ("${clip(r.item.service, 60)}"). Weigh the request the item names, or correct the item.`,
        range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
        relatedInformation: r.item.section.service
          ? [{ range: r.item.section.service.range, message: `The disputed item: "${clip(r.item.service, 80)}"` }]
          : [],
        data: { detail: 'service', written: m.text },
      });
      break;
    }
  }
  return out;
}

// ---- detail-mismatch: the complaints of another item's body part -------------------------

/** Kinds of mention that say what the worker has at a body part: complaints and examination signs. */
const COMPLAINT_KINDS: ReadonlySet<ConceptKind> = new Set(['symptom', 'finding']);

/** Is a site of one list the same as, inside or around a site of the other (the lumbar spine and L5-S1; not the lumbar spine and the knee its nerves supply)? */
function sameRegion(a: readonly string[], b: readonly string[], access: ReadingAccess): boolean {
  return a.some((x) => b.some((y) => x === y || access.partOf(x).includes(y) || access.partOf(y).includes(x)));
}

/**
 * The rationale of an item for one body part weighs the worker's complaints or signs only at another, the body
 * part of another item of the letter ("the patient complained of continued pain of the lumbar spine" under
 * physical therapy for the cervical and thoracic spine, beside a lumbar injection): a sentence written for the
 * other item. A rationale that names any complaint or sign at the item's place, or at no place, weighs the item.
 */
export function complaintSiteFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const byItem = new Map<ItemModel, RationaleSentence[]>();
  for (const r of rationaleSentences(model, access, only)) {
    const list = byItem.get(r.item) ?? [];
    list.push(r);
    byItem.set(r.item, list);
  }
  const serviceSites = (item: ItemModel) => (item.service ? access.read(item.service).attributes.sites.filter((s) => s !== 'whole-body') : []);
  const out: RecordFinding[] = [];
  for (const [item, sentences] of byItem) {
    const own = serviceSites(item);
    if (!own.length) continue;
    const complaints = sentences.flatMap((r) =>
      r.reading.generic
        ? []
        : r.reading.mentions
            .filter((m) => COMPLAINT_KINDS.has(m.concept.kind) && documentsHere(m) && aboutPatient(r.reading, m) && !inGenericClause(r.reading, m))
            .map((m) => ({ r, m, sites: (m.attributes.sites.length ? m.attributes.sites : r.reading.attributes.sites).filter((s) => s !== 'whole-body') })),
    );
    if (!complaints.length || complaints.some((c) => !c.sites.length || sitesCompatible(c.sites, own, access))) continue;
    const first = complaints[0];
    // The body part of another item of the letter: the sentence fits that item.
    const other = model.items.find((x) => {
      if (x === item) return false;
      const sites = serviceSites(x);
      return sites.length > 0 && sameRegion(first.sites, sites, access) && !sitesCompatible(own, sites, access);
    });
    if (!other) continue;
    const { r, m } = first;
    const clause = clauseHolding(r.reading, m.start);
    const end =
      (clause?.end ?? r.reading.text.length) - (/[.;:,]\s*$/.exec(r.reading.text.slice(m.end, clause?.end ?? r.reading.text.length))?.[0].length ?? 0);
    out.push({
      message: `The rationale for "${clip(item.service, 60)}" weighs ${quote(r.sentence.text, m.start, end)}, a body part of another item ("${clip(other.service, 60)}"), and names no complaint or sign of the body part this item is for. Weigh what the records show of this item's body part, or correct the sentence.`,
      range: sentenceSpan(r.prose, r.sentence, m.start, end),
      relatedInformation: [
        ...(item.section.service ? [{ range: item.section.service.range, message: `The disputed item: "${clip(item.service, 80)}"` }] : []),
        ...(other.section.service ? [{ range: other.section.service.range, message: `The other item: "${clip(other.service, 80)}"` }] : []),
      ],
      data: { detail: 'site', written: r.sentence.text.slice(m.start, end) },
    });
  }
  return out;
}

// ---- detail-mismatch: one side of a diagnosis the summary gives on both ------------------

/**
 * The rationale names a diagnosis on one side ("right sided sciatica") that the summary records only on both
 * ("lumbago and left and right sided sciatica"): the other side is dropped from the reasoning. Not where the
 * rationale's sentence names the other side or both, nor where the summary also gives the diagnosis on that
 * side alone.
 */
export function oneSideOfBothFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const facts = summaryFacts(file, access);
  const out: RecordFinding[] = [];
  for (const r of rationaleSentences(model, access, only)) {
    if (r.reading.generic) continue;
    for (const m of r.reading.mentions) {
      const side = m.attributes.side;
      if (m.concept.kind !== 'diagnosis' || (side !== 'left' && side !== 'right') || !documentsHere(m) || !aboutPatient(r.reading, m)) continue;
      const other = side === 'left' ? 'right' : 'left';
      if (new RegExp(`\\b(?:${other}|bilateral\\w*|both)\\b`, 'i').test(r.reading.text)) continue;
      const same = (facts.byConcept.get(m.concept.id) ?? []).filter((f) => f.mention.concept.id === m.concept.id && documents(f) && !f.review);
      if (!same.length || !same.every((f) => f.side === 'bilateral')) continue;
      out.push({
        message: `The rationale says ${quote(r.sentence.text, m.start, m.end)} on the ${side}, but the clinical case summary records it on both sides ("${clip(same[0].sentence.text, 80)}"). Name both sides, or say why only the ${side} bears on the request.`,
        range: sentenceSpan(r.prose, r.sentence, m.start, m.end),
        relatedInformation: related(file, same, () => 'The summary records it on both sides'),
        data: { detail: 'side', written: side, expected: 'bilateral' },
      });
      break;
    }
  }
  return out;
}

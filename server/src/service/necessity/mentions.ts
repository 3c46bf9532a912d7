// Reads clinical mentions in a sentence: is a concept named, is it negated
// ("no focal neurologic deficit", "negative SLR", "sensation intact"), and
// does the summary document it as a finding. Term lists and negation cues are
// data (terms/*.json); this module only applies them.
import { NEGATION, RECORDS, SENTENCE_KINDS, type Concept, type Negation, type RecordClass } from './terms';
import { PhraseIndex, TextMemo, wordCount, type PhraseMatch, type PhraseSet } from './phrases';

/**
 * How far from a term (in characters) negation and clause scope are looked
 * for: the widest word window in the data, at a generous 64 characters a word.
 * Cues further away cannot count anyway; without the bound each mention in a
 * run-on sentence (a pasted page with no full stops) scanned the whole
 * sentence, quadratic in its length.
 */
function reach(neg: Negation): number {
  return 64 * Math.max(neg.window, neg.coordinationWindow, neg.afterWindow, 5);
}

/** Start of the clause holding `at`: after the last scope breaker before it (looked for within `reach`). */
function clauseStart(text: string, at: number, neg: Negation): number {
  let start = Math.max(0, at - reach(neg));
  for (const b of neg.breakers.matches(text, start, at)) if (b.end <= at && !bridged(text, b, neg)) start = Math.max(start, b.end);
  return start;
}

function clauseEnd(text: string, at: number, neg: Negation): number {
  const limit = Math.min(text.length, at + reach(neg));
  const b = neg.breakers.matches(text, at, limit).find((m) => m.start >= at && !bridged(text, m, neg));
  return b ? b.start : limit;
}

/**
 * Is the breaker part of a bridge ("findings consistent with": the "with" ties the findings to what they would show,
 * so "no findings consistent with radiculopathy" denies radiculopathy)? Asked only of the few breakers a clause has.
 */
function bridged(text: string, b: PhraseMatch, neg: Negation): boolean {
  return neg.bridges.matches(text, Math.max(0, b.start - BRIDGE_REACH), b.end).some((w) => w.start <= b.start && w.end >= b.end);
}

/** How far before a breaker a bridge may start: its longest phrase is a few words. */
const BRIDGE_REACH = 48;

/** Is the span [start, end) of `text` negated? Returns the cue when it is. */
export function negationOf(text: string, start: number, end: number, neg: Negation = NEGATION): PhraseMatch | undefined {
  const from = clauseStart(text, start, neg);
  const before = neg.before.matches(text, from, start).filter((c) => c.end <= start);
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    const between = text.slice(c.end, start);
    const words = wordCount(between);
    if (words <= neg.window) return c;
    // "no red flags noted by the physician or neurological deficits": a list keeps the negation.
    if (words <= neg.coordinationWindow && /\b(or|nor|such as)\b/i.test(between)) return c;
  }
  const to = clauseEnd(text, end, neg);
  const after = neg.after.matches(text, end, to);
  for (const c of after) if (wordCount(text.slice(end, c.start)) <= neg.afterWindow) return c;
  return undefined;
}

/**
 * The last of `spans` (sorted by start, not overlapping, so their ends are
 * sorted too) that starts before `before`, found by bisection: a sentence with
 * thousands of mentions must not compare each with all the others.
 */
function lastStartingBefore(spans: readonly PhraseMatch[], before: number): PhraseMatch | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? spans[lo - 1] : undefined;
}

export interface Mention extends PhraseMatch {
  negatedBy?: PhraseMatch;
}

/**
 * One memo per concept and question, for the data's own negation cues (a
 * caller with other cues computes afresh). The rules ask each summary
 * sentence about every concept, once per item and rule; within a run, and
 * across runs for a sentence an edit did not change, the answer is looked up
 * (phrases.ts, TextMemo), not read again.
 */
function perConcept<T>(compute: (sentence: string, concept: Concept) => T): (sentence: string, concept: Concept) => T {
  const memos = new WeakMap<Concept, TextMemo<T>>();
  return (sentence, concept) => {
    let memo = memos.get(concept);
    if (!memo) memos.set(concept, (memo = new TextMemo((text) => compute(text, concept))));
    return memo.get(sentence);
  };
}

const rememberedFindings = perConcept((sentence, concept) => Object.freeze(readFindings(sentence, concept, NEGATION)) as Mention[]);

/** Affirmative findings of a concept in a summary sentence (shared within a run: do not change the array). */
export function findingsIn(sentence: string, concept: Concept, neg: Negation = NEGATION): Mention[] {
  return neg === NEGATION ? rememberedFindings(sentence, concept) : readFindings(sentence, concept, neg);
}

// readFindings and readClaims ask the concept's sets with `all` (no memo): with the data's cues their answers are
// remembered per sentence and concept (perConcept), and counted over 100 batch cases the sets' own memo entries were
// never asked again (about 4,000 look-ups, 0 hits).
function readFindings(sentence: string, concept: Concept, neg: Negation): Mention[] {
  const terms = concept.finding.all(sentence);
  const attributes = concept.attribute.all(sentence);
  // Most sentences name no term of a concept: then there is no exclusion to look for.
  if (!terms.length && !attributes.length) return [];
  const out: Mention[] = [];
  const excluded = concept.exclude.all(sentence);
  const isExcluded = (m: PhraseMatch) => {
    const x = lastStartingBefore(excluded, m.start + 1);
    return !!x && m.end <= x.end;
  };
  for (const m of terms) {
    if (!isExcluded(m) && !negationOf(sentence, m.start, m.end, neg)) out.push(m);
  }
  const findings = [...out];
  // "strength", "sensation": a finding only next to an abnormal qualifier (attributes never overlap each other).
  for (const m of attributes) {
    const near = lastStartingBefore(findings, m.end);
    if ((near && m.start < near.end) || isExcluded(m)) continue;
    const from = clauseStart(sentence, m.start, neg);
    const to = clauseEnd(sentence, m.end, neg);
    const qualified = concept.abnormal.matches(sentence, from, to).some(
      (q) =>
        (q.end <= m.start ? wordCount(sentence.slice(q.end, m.start)) <= 5 : q.start >= m.end && wordCount(sentence.slice(m.end, q.start)) <= 4) &&
        // "no focal deficits": a negated qualifier documents absence.
        !negationOf(sentence, q.start, q.end, neg),
    );
    if (qualified && !negationOf(sentence, m.start, m.end, neg)) out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Mentions of a concept's claim terms in a rationale sentence, each with its
 * negation if it denies the finding. A negation that weighs the findings
 * ("no significant deficit") or denies a study ("no MRI or EMG supporting
 * radiculopathy") is not a denial of the record's findings. Shared within a run: do not change the array.
 */
export function claimsIn(sentence: string, concept: Concept, neg: Negation = NEGATION): Mention[] {
  return neg === NEGATION ? rememberedClaims(sentence, concept) : readClaims(sentence, concept, neg);
}

const rememberedClaims = perConcept((sentence, concept) => Object.freeze(readClaims(sentence, concept, NEGATION)) as Mention[]);

function readClaims(sentence: string, concept: Concept, neg: Negation): Mention[] {
  return concept.claim.all(sentence).map((m) => {
    const cue = negationOf(sentence, m.start, m.end, neg);
    // A copy names the phrase (a set's match names it only when read: phrases.ts, FoundMatch).
    if (!cue || cue.end > m.start) return { start: m.start, end: m.end, phrase: m.phrase, negatedBy: cue };
    const between = sentence.slice(cue.start, m.start);
    // `has`: the text between a cue and a claim is a slice of its own, never asked again.
    const weighs = neg.judgment.has(between);
    const aboutStudy =
      /\bstud(y|ies)\b/i.test(between) || RECORDS.classes.some((c) => (c.id === 'imaging' || c.id === 'electrodiagnostics') && c.terms.has(between));
    return { start: m.start, end: m.end, phrase: m.phrase, negatedBy: weighs || aboutStudy ? undefined : cue };
  });
}

/** True when a sentence restates the guideline ("ACOEM recommends ... if ...") rather than the case. */
export function isGuidelineStatement(sentence: string, neg: Negation = NEGATION): boolean {
  return neg.guidelineMarkers.test(sentence);
}

/**
 * True when a sentence restates the guideline, a denial's list of examples aside: "There were no objective findings of
 * radiculopathy on exam such as dermatomal sensory loss, motor weakness or reflex changes" denies the record, its
 * "such as" governed by the negation, while "imaging is considered for red flags such as cauda equina" restates.
 */
export function restatesGuideline(sentence: string, neg: Negation = NEGATION): boolean {
  // Most sentences hold no marker: then there are no examples to look at.
  if (!neg.guidelineMarkers.test(sentence)) return false;
  const examples = neg.exampleMarkers.matches(sentence).filter((x) => negationOf(sentence, x.start, x.end, neg));
  if (!examples.length) return true;
  // Every other marker still marks the sentence: "the guidelines recommend an MRI when there are no findings such as".
  return neg.guidelineMarkers.matches(sentence).some((g) => !examples.some((x) => x.start <= g.start && g.end <= x.end));
}

/** Does a concept appear in a sentence at all (either polarity)? Used to match facts to criteria. */
export function mentionsConcept(sentence: string, concept: Concept): boolean {
  return concept.finding.test(sentence) || concept.attribute.test(sentence) || concept.claim.test(sentence);
}

// ---- records (studies, surgery, tests, visits) ----

export interface RecordMention extends PhraseMatch {
  recordClass: RecordClass;
}

function commaClause(text: string, at: number): { from: number; to: number } {
  const from = Math.max(text.lastIndexOf(',', at - 1), text.lastIndexOf(';', at - 1), text.lastIndexOf('(', at - 1)) + 1;
  const rest = /[,;)]/.exec(text.slice(at));
  return { from, to: rest ? at + rest.index : text.length };
}

const rememberedRecordClaims = new TextMemo((sentence) => Object.freeze(readRecordClaims(sentence, NEGATION)) as RecordMention[]);

/** Records a rationale sentence says exist ("had an MRI", "prior EMG showed"), not negated, not guideline text. Shared within a run: do not change the array. */
export function recordClaimsIn(sentence: string, neg: Negation = NEGATION): RecordMention[] {
  return neg === NEGATION ? rememberedRecordClaims.get(sentence) : readRecordClaims(sentence, neg);
}

/** Which record classes' terms a sentence can hold (a PhraseIndex, made on first use): the others' scans would find nothing. */
let recordClassIndex: PhraseIndex | undefined;
function recordClassesIn(sentence: string): Set<PhraseSet> {
  return (recordClassIndex ??= new PhraseIndex(RECORDS.classes.map((c) => c.terms))).candidates(sentence);
}

// The two readers below ask the record classes' sets with `all` (no memo), and the hedge cues with `has`: their own
// answers are remembered per sentence (rememberedRecordClaims, rememberedRecords), and no other caller asks these sets
// of the same sentences.
function readRecordClaims(sentence: string, neg: Negation): RecordMention[] {
  if (isGuidelineStatement(sentence, neg) || RECORDS.hedgeCues.has(sentence)) return [];
  const out: RecordMention[] = [];
  const named = recordClassesIn(sentence);
  for (const recordClass of RECORDS.classes) {
    if (!named.has(recordClass.terms)) continue;
    for (const m of recordClass.terms.all(sentence)) {
      if (negationOf(sentence, m.start, m.end, neg)) continue;
      const { from, to } = commaClause(sentence, m.start);
      const clause = sentence.slice(from, to);
      if (!RECORDS.pastCues.test(clause)) continue;
      if (RECORDS.requestCues.test(clause)) continue;
      out.push({ start: m.start, end: m.end, phrase: m.phrase, recordClass });
    }
  }
  return out;
}

const rememberedRecords = new TextMemo((sentence) => readRecordsDocumented(sentence, NEGATION) as ReadonlySet<string>);

/** Record classes a summary sentence documents: mentioned, not negated, not only requested. */
export function recordsDocumentedIn(sentence: string, neg: Negation = NEGATION): ReadonlySet<string> {
  return neg === NEGATION ? rememberedRecords.get(sentence) : readRecordsDocumented(sentence, neg);
}

function readRecordsDocumented(sentence: string, neg: Negation): Set<string> {
  const found = new Set<string>();
  const named = recordClassesIn(sentence);
  for (const recordClass of RECORDS.classes) {
    if (!named.has(recordClass.terms)) continue;
    for (const m of recordClass.terms.all(sentence)) {
      // "no outcomes documented from the prior chiropractic care" still records the care.
      const presupposed = /\b(from|after|following|since|with)\s+(?:(?:the|her|his|their)\s+)?(?:prior|previous|recent)\s+(?:[a-z-]+\s+)?$/i.test(
        sentence.slice(0, m.start),
      );
      if (!presupposed && negationOf(sentence, m.start, m.end, neg)) continue;
      const { from, to } = commaClause(sentence, m.start);
      const clause = sentence.slice(from, to);
      if (RECORDS.requestCues.test(clause) && !RECORDS.pastCues.test(clause)) continue;
      found.add(recordClass.id);
    }
  }
  return found;
}

// ---- what a summary sentence is about ----

export type SentenceKind = 'review' | 'exam' | 'history' | 'diagnosis' | 'neutral';

const rememberedKinds = new TextMemo(readKind);

/** The utilization review, examination/study findings, complaints only, a diagnosis label, or none of these. */
export function sentenceKind(sentence: string): SentenceKind {
  return rememberedKinds.get(sentence);
}

function readKind(sentence: string): SentenceKind {
  // `has`, not `test`: the kind is remembered per sentence (rememberedKinds), so the sets' own memo would serve nothing.
  if (SENTENCE_KINDS.review.has(sentence)) return 'review';
  if (SENTENCE_KINDS.exam.has(sentence)) return 'exam';
  if (SENTENCE_KINDS.diagnosis.has(sentence)) return 'diagnosis';
  if (SENTENCE_KINDS.history.has(sentence)) return 'history';
  return 'neutral';
}

const rememberedRegions = new TextMemo((text): ReadonlySet<string> => new Set(SENTENCE_KINDS.regions.filter((r) => r.terms.has(text)).map((r) => r.id)));

/** Body regions (upper, lower) a sentence names (shared within a run). */
export function regionsOf(text: string): ReadonlySet<string> {
  return rememberedRegions.get(text);
}

export function regionsCompatible(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const r of a) if (b.has(r)) return true;
  return false;
}

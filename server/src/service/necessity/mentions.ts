// Reads clinical mentions in a sentence: is a concept named, is it negated
// ("no focal neurologic deficit", "negative SLR", "sensation intact"), and
// does the summary document it as a finding. Term lists and negation cues are
// data (terms/*.json); this module only applies them.
import { NEGATION, RECORDS, type Concept, type Negation, type RecordClass } from './terms';
import { wordCount, type PhraseMatch } from './phrases';

/** Start of the clause holding `at`: after the last scope breaker before it. */
function clauseStart(text: string, at: number, neg: Negation): number {
  let start = 0;
  for (const b of neg.breakers.matches(text, 0, at)) if (b.end <= at) start = Math.max(start, b.end);
  return start;
}

function clauseEnd(text: string, at: number, neg: Negation): number {
  const b = neg.breakers.matches(text, at).find((m) => m.start >= at);
  return b ? b.start : text.length;
}

/** Is the span [start, end) of `text` negated? Returns the cue when it is. */
export function negationOf(text: string, start: number, end: number, neg: Negation = NEGATION): PhraseMatch | undefined {
  const from = clauseStart(text, start, neg);
  const before = neg.before.matches(text, from, start).filter((c) => c.end <= start);
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (wordCount(text.slice(c.end, start)) <= neg.window) return c;
  }
  const to = clauseEnd(text, end, neg);
  const after = neg.after.matches(text, end, to);
  for (const c of after) if (wordCount(text.slice(end, c.start)) <= neg.afterWindow) return c;
  return undefined;
}

export interface Mention extends PhraseMatch {
  negatedBy?: PhraseMatch;
}

/** Affirmative findings of a concept in a summary sentence. */
export function findingsIn(sentence: string, concept: Concept, neg: Negation = NEGATION): Mention[] {
  const out: Mention[] = [];
  for (const m of concept.finding.matches(sentence)) {
    if (!negationOf(sentence, m.start, m.end, neg)) out.push(m);
  }
  // "strength", "sensation": a finding only next to an abnormal qualifier.
  for (const m of concept.attribute.matches(sentence)) {
    if (out.some((o) => o.start < m.end && m.start < o.end)) continue;
    const from = clauseStart(sentence, m.start, neg);
    const to = clauseEnd(sentence, m.end, neg);
    const qualified = concept.abnormal
      .matches(sentence, from, to)
      .some((q) => (q.end <= m.start ? wordCount(sentence.slice(q.end, m.start)) <= 5 : q.start >= m.end && wordCount(sentence.slice(m.end, q.start)) <= 4));
    if (qualified && !negationOf(sentence, m.start, m.end, neg)) out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Mentions of a concept's claim terms in a rationale sentence, each with its negation if any. */
export function claimsIn(sentence: string, concept: Concept, neg: Negation = NEGATION): Mention[] {
  return concept.claim.matches(sentence).map((m) => ({ ...m, negatedBy: negationOf(sentence, m.start, m.end, neg) }));
}

/** True when a sentence restates the guideline ("ACOEM recommends ... if ...") rather than the case. */
export function isGuidelineStatement(sentence: string, neg: Negation = NEGATION): boolean {
  return neg.guidelineMarkers.test(sentence);
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

/** Records a rationale sentence says exist ("had an MRI", "prior EMG showed"), not negated, not guideline text. */
export function recordClaimsIn(sentence: string, neg: Negation = NEGATION): RecordMention[] {
  if (isGuidelineStatement(sentence, neg)) return [];
  const out: RecordMention[] = [];
  for (const recordClass of RECORDS.classes) {
    for (const m of recordClass.terms.matches(sentence)) {
      if (negationOf(sentence, m.start, m.end, neg)) continue;
      const { from, to } = commaClause(sentence, m.start);
      const clause = sentence.slice(from, to);
      if (!RECORDS.pastCues.test(clause)) continue;
      if (RECORDS.requestCues.test(clause)) continue;
      out.push({ ...m, recordClass });
    }
  }
  return out;
}

/** Record classes a summary sentence documents: mentioned, not negated, not only requested. */
export function recordsDocumentedIn(sentence: string, neg: Negation = NEGATION): Set<string> {
  const found = new Set<string>();
  for (const recordClass of RECORDS.classes) {
    for (const m of recordClass.terms.matches(sentence)) {
      if (negationOf(sentence, m.start, m.end, neg)) continue;
      const { from, to } = commaClause(sentence, m.start);
      const clause = sentence.slice(from, to);
      if (RECORDS.requestCues.test(clause) && !RECORDS.pastCues.test(clause)) continue;
      found.add(recordClass.id);
    }
  }
  return found;
}

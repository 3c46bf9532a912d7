// contradicts-record: the rationale (or a criterion's status) denies a
// finding the clinical case summary documents. A plainly erroneous finding of
// fact is a ground of appeal (Labor Code 4610.6(h)(5)).
import type { CaseFile, Sentence } from '../../../syntax/ast';
import type { RelatedInformation } from '../../../types';
import { defineRule, type Finding, type RuleContext } from '../../defineRule';
import { viewItem } from '../../../necessity/itemView';
import type { ItemModel } from '../../../model/caseModel';
import { CONCEPTS, type Concept } from '../../../necessity/terms';
import { claimsIn, findingsIn, regionsCompatible, regionsOf, restatesGuideline, sentenceKind } from '../../../necessity/mentions';
import { truncate } from '../../../text/words';
import { firstThenUnreported } from '../../support/firstFindings';
import { readingAccess } from '../../support/record/access';
import { firstLabelOf } from '../../support/record/summaryFacts';
import { contradictsRecordFindings } from '../../support/record/recordChecks';
import { fullCourseClaim } from '../../support/visitAllowance';
import { sentenceSpan } from '../../../necessity/itemView';
import { oneLine } from '../../../text/words';
import { readSummary, type SummaryKey } from '../../summaryReads';

const MAX_RELATED = 3;

export type ContradictsRecordData =
  { concept: string; denial: string } | { concept: string; criterion: string } | { concept: string; direction: 'denies' | 'asserts' };

export default defineRule<ContradictsRecordData>({
  code: 'contradicts-record',
  family: 'necessity',
  severity: 'warning',
  summary: 'The rationale denies what the summary documents or asserts what it contradicts, or a criterion is marked not met over documented findings.',
  // The reading layer's checks read the header's dates as well as the summary; the summary only through its keys
  // (rules/summaryReads.ts), so a summary edit checks again only the items that asked about what it changed.
  inputs: { unit: 'item', reads: ['header', 'summary'], summaryReads: true },
  *checkItem(ctx, item) {
    // The term-list checks (the case language's concepts and criteria), then the reading layer's
    // denials and contrary assertions of any concept where those found nothing on the same words.
    // Two items' findings never overlap (each is on its own item's lines), so item by item is the same.
    yield* firstThenUnreported(
      termFindings(ctx, item),
      contradictsRecordFindings(ctx.file, ctx.model, readingAccess(ctx.reader), item) as Iterable<Finding<ContradictsRecordData>>,
    );
    const full = fullCourseFinding(ctx, item);
    if (full) yield full;
  },
});

const CHECKED = [...CONCEPTS.values()].filter((c) => c.checkContradiction);
const CHECKED_IDS: ReadonlySet<string> = new Set(CHECKED.map((c) => c.id));

/**
 * The summary sentences documenting a concept, once per parse and concept (every item may ask): only the concepts a
 * rationale denies or a criterion marked not met requires are asked for, so the others' are never filtered.
 */
const documentedByFile = new WeakMap<CaseFile, Map<string, Sentence[]>>();

function documentedOf(file: CaseFile, concept: Concept): Sentence[] {
  let documented = documentedByFile.get(file);
  if (!documented) documentedByFile.set(file, (documented = new Map()));
  let sentences = documented.get(concept.id);
  if (!sentences) documented.set(concept.id, (sentences = documentedFindings(file, concept)));
  return sentences;
}

/**
 * The summary sentences documenting a concept, as a keyed read (rules/summaryReads.ts): they differ only where a
 * changed sentence, old or new, documents it (the others are filtered alike, in the same order).
 */
function documentedFor(file: CaseFile, concept: Concept): Sentence[] | undefined {
  readSummary(DOCUMENTED, concept.id);
  return CHECKED_IDS.has(concept.id) ? documentedOf(file, concept) : undefined;
}

const DOCUMENTED: SummaryKey = {
  name: 'documented findings',
  changed: (d, id) =>
    d.once(DOCUMENTED, id, () => {
      const concept = CONCEPTS.get(id);
      const { old, new: added } = d.changedSentences();
      return !concept || [...old, ...added].some((s) => documentsFinding(s, concept));
    }),
};

function* termFindings({ file, library }: RuleContext, item: ItemModel): Generator<Finding<ContradictsRecordData>> {
  if (!file.summary) return;
  const rationale = item.section.rationale;
  for (const sentence of rationale?.prose.sentences ?? []) {
    if (restatesGuideline(sentence.text)) continue;
    for (const concept of CHECKED) {
      const denial = claimsIn(sentence.text, concept).find((m) => m.negatedBy);
      if (!denial) continue;
      // "no evidence of radiculopathy but decreased sensation is noted": the
      // sentence names the finding itself, so it weighs the record rather than denying it.
      if (findingsIn(sentence.text, concept).length) continue;
      const evidence = contradicted(documentedFor(file, concept)!, concept, sentence.text, item.service);
      if (!evidence.length) continue;
      // "The strength and sensation changes [#neuro-findings] are unchanged ..., so there is
      // no new neurologic dysfunction": citing the finding's fact weighs it too.
      if (citesAny(file, sentence, evidence)) continue;
      yield {
        message: `The rationale denies ${concept.title}, but the clinical case summary documents them (${evidence.length === 1 ? 'see the related sentence' : `${evidence.length} sentences`}). Explain why the documented findings do not count, or correct the statement.`,
        range: sentence.range,
        relatedInformation: related(file, evidence, concept),
        data: { concept: concept.id, denial: sentence.text.slice(Math.min(denial.negatedBy!.start, denial.start), denial.end) },
      };
      break; // one denial per sentence is enough
    }
  }
  // A criterion marked not met although the summary documents what it requires.
  const v = viewItem(item, library);
  for (const entry of v.criteria?.entries ?? []) {
    if (entry.status !== 'not met' || entry.note) continue;
    const criterion = v.librarySection?.criteria.find((c) => c.id.toUpperCase() === entry.id.value.toUpperCase());
    for (const conceptId of criterion?.requires ?? []) {
      const concept = CONCEPTS.get(conceptId);
      if (!concept) continue;
      const evidence = contradicted(documentedFor(file, concept) ?? [], concept, '', item.service);
      if (!evidence.length) continue;
      yield {
        message: `${entry.id.value} is marked not met, but the clinical case summary documents ${concept.title}, which this criterion asks for. Mark it met, or add a note after the status explaining why the findings do not satisfy it.`,
        range: entry.statusText?.range ?? entry.id.range,
        relatedInformation: related(file, evidence, concept),
        data: { concept: concept.id, criterion: entry.id.value },
      };
      break;
    }
  }
}

/** Summary sentences that document a finding of the concept (a diagnosis label is not a finding). */
function documentedFindings(file: CaseFile, concept: Concept): Sentence[] {
  return (file.summary?.prose.sentences ?? []).filter((s) => documentsFinding(s, concept));
}

function documentsFinding(s: Sentence, concept: Concept): boolean {
  // The findings first: most summary sentences have none of a concept, and only this rule asks a summary sentence's kind.
  if (!findingsIn(s.text, concept).length) return false;
  const kind = sentenceKind(s.text);
  return kind !== 'diagnosis' && kind !== 'review';
}

/**
 * The findings a denial actually contradicts: in the same body region as the
 * claim (or the service), and, when the claim is about examination findings,
 * not complaints alone.
 */
function contradicted(evidence: Sentence[], concept: Concept, claim: string, service: string): Sentence[] {
  const claimRegions = regionsOf(claim).size ? regionsOf(claim) : regionsOf(service);
  const objective = concept.objectiveClaim.test(claim);
  return evidence.filter((s) => regionsCompatible(claimRegions, regionsOf(s.text)) && !(objective && sentenceKind(s.text) === 'history'));
}

function related(file: CaseFile, sentences: Sentence[], concept: Concept): RelatedInformation[] {
  return sentences.slice(0, MAX_RELATED).map((s) => {
    const label = firstLabelOf(file, s);
    return { range: s.range, message: `The summary documents ${concept.title}${label ? ` [#${label}]` : ''}: "${truncate(s.text, 90)}"` };
  });
}

/** Does the sentence cite ([#label]) one of these summary sentences? */
function citesAny(file: CaseFile, sentence: Sentence, summarySentences: Sentence[]): boolean {
  // Most sentences cite no fact: then there is nothing to look for among the summary's facts.
  if (!sentence.labels.length) return false;
  const cited = new Set(sentence.labels.map((l) => l.name));
  return file.facts.some((f) => cited.has(f.label.name) && summarySentences.includes(f.sentence));
}

/**
 * The rationale says the worker has completed a whole course of the item's
 * therapy while the summary counts fewer visits given than any course the
 * rationale quotes (rules/support/visitAllowance.ts fullCourseClaim).
 */
function fullCourseFinding({ file, reader }: RuleContext, item: ItemModel): Finding<ContradictsRecordData> | undefined {
  const rationale = item.section.rationale?.prose;
  const summary = file.summary?.prose;
  if (!rationale || !summary) return undefined;
  const therapy = reader.read(item.service).mentions.find((m) => m.concept.kind === 'therapy');
  if (!therapy) return undefined;
  const c = fullCourseClaim(reader, rationale, summary, { own: therapy.concept.id, concepts: therapy.concepts });
  if (!c) return undefined;
  const said = oneLine(c.sentence.text.trim(), 90);
  const counted = oneLine(c.given.sentence.text.trim(), 90);
  return {
    message: `The rationale says the worker has completed a full course of ${therapy.concept.title} ("${said}"), but the summary counts ${c.given.visits} visits given ("${counted}"), fewer than the least course the rationale quotes (${c.least.count.text}). Weigh the request against the visits the summary documents.`,
    range: sentenceSpan(rationale, c.sentence, c.start, c.end),
    relatedInformation: [
      { range: sentenceSpan(summary, c.given.sentence, 0, c.given.sentence.text.length), message: `${c.given.visits} visits given` },
      { range: sentenceSpan(rationale, c.least.sentence, c.least.count.start, c.least.count.end), message: 'The least course the rationale quotes' },
    ],
    data: { concept: therapy.concept.id, direction: 'asserts' },
  };
}

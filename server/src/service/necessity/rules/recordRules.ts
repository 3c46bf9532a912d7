// contradicts-record and unsupported-record-claim: the rationale (and a
// criterion's status) must agree with the clinical case summary. A plainly
// erroneous finding of fact is a ground of appeal (Labor Code 4610.6(h)(5)).
import type { ImrDiagnostic, RelatedInformation } from '../../types';
import type { Rule } from '../../rules/rule';
import type { CaseFile, Sentence } from '../../syntax/ast';
import { activeLibrary } from '../library';
import { viewItem, sentenceSpan } from '../itemView';
import { CONCEPTS, type Concept } from '../terms';
import { claimsIn, findingsIn, isGuidelineStatement, recordClaimsIn, recordsDocumentedIn, regionsCompatible, regionsOf, sentenceKind } from '../mentions';

const MAX_RELATED = 3;

/** Summary sentences that document a finding of the concept (a diagnosis label is not a finding). */
function documentedFindings(file: CaseFile, concept: Concept): Sentence[] {
  return (file.summary?.prose.sentences ?? []).filter((s) => !['diagnosis', 'review'].includes(sentenceKind(s.text)) && findingsIn(s.text, concept).length > 0);
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
    const label = file.facts.find((f) => f.sentence === s)?.label.name;
    return { range: s.range, message: `The summary documents ${concept.title}${label ? ` [#${label}]` : ''}: "${clip(s.text)}"` };
  });
}

/** Does the sentence cite ([#label]) one of these summary sentences? */
function citesAny(file: CaseFile, sentence: Sentence, summarySentences: Sentence[]): boolean {
  const cited = new Set(sentence.labels.map((l) => l.name));
  return file.facts.some((f) => cited.has(f.label.name) && summarySentences.includes(f.sentence));
}

function clip(t: string, n = 90): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

export const contradictsRecord: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  if (!file.summary) return out;
  const library = activeLibrary();
  const checked = [...CONCEPTS.values()].filter((c) => c.checkContradiction);
  const documented = new Map(checked.map((c) => [c.id, documentedFindings(file, c)] as const));
  for (const item of model.items) {
    const rationale = item.section.rationale;
    for (const sentence of rationale?.prose.sentences ?? []) {
      if (isGuidelineStatement(sentence.text)) continue;
      for (const concept of checked) {
        const denial = claimsIn(sentence.text, concept).find((m) => m.negatedBy);
        if (!denial) continue;
        // "no evidence of radiculopathy but decreased sensation is noted": the
        // sentence names the finding itself, so it weighs the record rather than denying it.
        if (findingsIn(sentence.text, concept).length) continue;
        const evidence = contradicted(documented.get(concept.id)!, concept, sentence.text, item.service);
        if (!evidence.length) continue;
        // "The strength and sensation changes [#neuro-findings] are unchanged ..., so there is
        // no new neurologic dysfunction": citing the finding's fact weighs it too.
        if (citesAny(file, sentence, evidence)) continue;
        out.push({
          code: 'contradicts-record',
          severity: 'warning',
          message: `The rationale denies ${concept.title}, but the clinical case summary documents them (${evidence.length === 1 ? 'see the related sentence' : `${evidence.length} sentences`}). Explain why the documented findings do not count, or correct the statement.`,
          range: sentence.range,
          relatedInformation: related(file, evidence, concept),
          data: { concept: concept.id, denial: sentence.text.slice(Math.min(denial.negatedBy!.start, denial.start), denial.end) },
        });
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
        const evidence = contradicted(documented.get(concept.id) ?? [], concept, '', item.service);
        if (!evidence.length) continue;
        out.push({
          code: 'contradicts-record',
          severity: 'warning',
          message: `${entry.id.value} is marked not met, but the clinical case summary documents ${concept.title}, which this criterion asks for. Mark it met, or add a note after the status explaining why the findings do not satisfy it.`,
          range: entry.statusText?.range ?? entry.id.range,
          relatedInformation: related(file, evidence, concept),
          data: { concept: concept.id, criterion: entry.id.value },
        });
        break;
      }
    }
  }
  return out;
};

export const unsupportedRecordClaim: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  if (!file.summary) return out;
  const documented = new Set<string>();
  for (const s of file.summary.prose.sentences) for (const c of recordsDocumentedIn(s.text)) documented.add(c);
  for (const item of model.items) {
    const rationale = item.section.rationale;
    const reported = new Set<string>();
    for (const sentence of rationale?.prose.sentences ?? []) {
      for (const claim of recordClaimsIn(sentence.text)) {
        const cls = claim.recordClass;
        if (documented.has(cls.id) || reported.has(cls.id)) continue;
        reported.add(cls.id);
        out.push({
          code: 'unsupported-record-claim',
          severity: 'warning',
          message: `The rationale relies on ${cls.title} ("${sentence.text.slice(claim.start, claim.end)}") that the clinical case summary never mentions. Add it to the summary from the records, or remove it from the rationale.`,
          range: sentenceSpan(rationale!.prose, sentence, claim.start, claim.end),
          data: { record: cls.id },
        });
      }
    }
  }
  return out;
};

// unsupported-record-claim: the rationale relies on a record (an MRI, a
// progress note, physical therapy notes...) that the clinical case summary
// never mentions.
import { defineRule, type Finding, type RuleContext } from '../../defineRule';
import { firstThenUnreported } from '../../support/firstFindings';
import { readingAccess } from '../../support/record/access';
import { unsupportedRecordClaimFindings } from '../../support/record/recordChecks';

export type UnsupportedRecordClaimData = { record: string } | { concept: string; count?: number };
import { sentenceSpan } from '../../../necessity/itemView';
import { recordClaimsIn, recordsDocumentedIn } from '../../../necessity/mentions';

export default defineRule<UnsupportedRecordClaimData>({
  code: 'unsupported-record-claim',
  family: 'necessity',
  severity: 'warning',
  summary: 'The rationale relies on a record, treatment, count or sign the summary never mentions, or records only as requested.',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  *check(ctx) {
    // The record classes of the term lists, then the reading layer's claims of any study, treatment,
    // drug, comorbidity or sign the summary never records (or records only as requested).
    yield* firstThenUnreported(
      termFindings(ctx),
      unsupportedRecordClaimFindings(ctx.file, ctx.model, readingAccess(ctx.reader)) as Iterable<Finding<UnsupportedRecordClaimData>>,
    );
  },
});

function* termFindings({ file, model }: RuleContext): Generator<Finding<UnsupportedRecordClaimData>> {
  if (!file.summary) return;
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
        yield {
          message: `The rationale relies on ${cls.title} ("${sentence.text.slice(claim.start, claim.end)}") that the clinical case summary never mentions. Add it to the summary from the records, or remove it from the rationale.`,
          range: sentenceSpan(rationale!.prose, sentence, claim.start, claim.end),
          data: { record: cls.id },
        };
      }
    }
  }
}

// unsupported-record-claim: the rationale relies on a record (an MRI, a
// progress note, physical therapy notes...) that the clinical case summary
// never mentions.
import { defineRule, type Finding, type RuleContext } from '../../defineRule';
import { firstThenUnreported } from '../../support/firstFindings';
import { readingAccess } from '../../support/record/access';
import { unsupportedRecordClaimFindings } from '../../support/record/recordChecks';
import { itemServicesAndDatesKey } from '../../support/record/itemsKey';
import { readRecordDocumented } from '../../support/record/documentedRecords';
import type { Section } from '../../../syntax/ast';
import type { ItemModel } from '../../../model/caseModel';

export type UnsupportedRecordClaimData = { record: string } | { concept: string; count?: number };
import { sentenceSpan } from '../../../necessity/itemView';
import { recordClaimsIn, recordsDocumentedIn } from '../../../necessity/mentions';

export default defineRule<UnsupportedRecordClaimData>({
  code: 'unsupported-record-claim',
  family: 'necessity',
  severity: 'warning',
  summary: 'The rationale relies on a record, treatment, count or sign the summary never mentions, or records only as requested.',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  // Each item on its own: its rationale against the summary, the header, every item's service and authorized part,
  // and the dates the letter gives outside its rationales (the key). A finding of one item's reading layer is
  // dropped only for one of that item's term findings (they overlap only within one rationale).
  units: [
    {
      // It reads the summary only through keyed reads (rules/summaryReads.ts), so a summary edit checks again only
      // the items that asked about what it changed.
      inputs: { unit: 'item', reads: ['header', 'summary'], key: itemServicesAndDatesKey, summaryReads: true },
      *checkItem(ctx, item) {
        // The record classes of the term lists, then the reading layer's claims of any study, treatment,
        // drug, comorbidity or sign the summary never records (or records only as requested).
        yield* firstThenUnreported(
          termFindings(ctx, item),
          unsupportedRecordClaimFindings(ctx.file, ctx.model, readingAccess(ctx.reader), item) as Iterable<Finding<UnsupportedRecordClaimData>>,
        );
      },
    },
  ],
});

/** The record classes the summary documents, once per summary. */
const documentedOf = new WeakMap<Section, ReadonlySet<string>>();

function documentedIn(summary: Section & { kind: 'summary' }): ReadonlySet<string> {
  const hit = documentedOf.get(summary);
  if (hit) return hit;
  const documented = new Set<string>();
  for (const s of summary.prose.sentences) for (const c of recordsDocumentedIn(s.text)) documented.add(c);
  documentedOf.set(summary, documented);
  return documented;
}

function* termFindings({ file }: RuleContext, item: ItemModel): Generator<Finding<UnsupportedRecordClaimData>> {
  const rationale = item.section.rationale;
  if (!file.summary || !rationale) return;
  const summary = file.summary;
  // The summary's records are read at the first claim: most rationales claim no record, and reading every summary
  // sentence for each record class was most of this rule's time.
  let documented: ReadonlySet<string> | undefined;
  const reported = new Set<string>();
  for (const sentence of rationale.prose.sentences) {
    for (const claim of recordClaimsIn(sentence.text)) {
      const cls = claim.recordClass;
      documented ??= documentedIn(summary);
      readRecordDocumented(cls.id);
      if (documented.has(cls.id) || reported.has(cls.id)) continue;
      reported.add(cls.id);
      yield {
        message: `The rationale relies on ${cls.title} ("${sentence.text.slice(claim.start, claim.end)}") that the clinical case summary never mentions. Add it to the summary from the records, or remove it from the rationale.`,
        range: sentenceSpan(rationale.prose, sentence, claim.start, claim.end),
        data: { record: cls.id },
      };
    }
  }
}

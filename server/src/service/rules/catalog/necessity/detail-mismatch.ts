// detail-mismatch: the summary or a rationale names something the case
// header also records, with another detail: the date of the utilization
// review or of the injury, a review or an approval dated before the injury,
// a pronoun of the other sex than the worker's. (Counts, doses, sides, body
// parts and kinds against the summary and the item: rules/support/record/recordChecks.ts; drug strengths:
// rules/support/record/doseStrengths.ts; percents of relief: rules/support/record/reliefPercents.ts.) The
// fix writes the header's date or the worker's pronoun in place of the one
// the sentence has.
import type { RelatedInformation } from '../../../types';
import type { CaseFile, Field, ItemSection, Prose, Sentence } from '../../../syntax/ast';
import type { DatedField } from '../../../model/caseModel';
import { defineRule, type Finding, type RuleContext } from '../../defineRule';
import { fix } from '../../fixes';
import { getField } from '../../../model/caseModel';
import { compareDates, formatUs } from '../../../syntax/dates';
import { sourceText } from '../../../syntax/positions';
import { sentenceSpan } from '../../../necessity/itemView';
import { isAuthorizationDate, isInjuryDate, isReviewDate, ownedDates, pronounFor, pronounSlips } from '../../../necessity/record/headerDetails';
import { sameDate, writeLike, writtenDates } from '../../../necessity/record/writtenDates';
import { capitalize, truncate } from '../../../text/words';
import { readingAccess } from '../../support/record/access';
import {
  claimDetailFindings,
  complaintSiteFindings,
  oneSideOfBothFindings,
  serviceMismatchFindings,
  sideMismatchFindings,
} from '../../support/record/recordChecks';
import { requestCountFindings } from '../../support/record/requestCounts';
import { reflexGradeFindings } from '../../support/record/reflexGrades';
import { doseStrengthFindings } from '../../support/record/doseStrengths';
import { reliefPercentFindings } from '../../support/record/reliefPercents';
import { itemServicesAndDatesKey } from '../../support/record/itemsKey';

export interface DetailMismatchData {
  /** What the detail is: the review's date, the injury's date, an event before the injury, the worker's pronoun. */
  detail:
    | 'review-date'
    | 'injury-date'
    | 'before-injury'
    | 'pronoun'
    | 'side'
    | 'site'
    | 'count'
    | 'kind'
    | 'service'
    | 'request-count'
    | 'reflex'
    | 'dose'
    | 'relief';
  /** The text the finding covers, so a fix can check the document still has it there. */
  written: string;
  /** What the summary or the item has instead (a side, the counts, a concept id), for the reader of the data. */
  expected?: string | number[];
  /** The replacement a quick-fix offers, when one is sound. */
  replacement?: string;
}

interface ProseBlock {
  prose: Prose;
  /** "the summary" or "the rationale for <item>": how a message names where the sentence is. */
  where: string;
}

function summaryBlock(file: CaseFile): ProseBlock[] {
  return file.summary ? [{ prose: file.summary.prose, where: 'the summary' }] : [];
}

function rationaleBlock(item: ItemSection): ProseBlock[] {
  return item.rationale ? [{ prose: item.rationale.prose, where: `the rationale${item.service ? ` for "${clip(item.service.value, 50)}"` : ''}` }] : [];
}

function clip(t: string, n = 90): string {
  return truncate(t, n);
}

function fieldInfo(field: Field, what: string): RelatedInformation {
  return { range: field.range, message: `The case header gives ${what}: ${field.value.trim()}` };
}

/** Does any sentence of the summary give the header's date? Then a different one in the same sentence kind is likely another review. */
function anyDateIs(text: string, date: DatedField['date']): boolean {
  return writtenDates(text).some((d) => sameDate(d.date, date));
}

const DETAIL_TITLES: Record<string, string> = {
  'review-date': "the case header's UR date",
  'injury-date': "the case header's date of injury",
  pronoun: "the worker's pronoun",
  'request-count': "the disputed item's number of visits",
};

export default defineRule<DetailMismatchData>({
  code: 'detail-mismatch',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary:
    'The summary or a rationale gives a detail the case header or the summary records otherwise (a UR or injury date, a pronoun of the other sex, a count, a side).',
  // The summary's dates and pronouns against the header, then each item on its own: its rationale's dates and
  // pronouns, then the reading layer's comparisons with the summary (side, count, kind) and with the item (the
  // rationale rules on another kind, body part or side), which also read every item's service (the key; with the case's dates, as the claims it shares with unsupported-record-claim do).
  units: [
    { inputs: { unit: 'case', reads: ['header', 'summary'] }, check: (ctx) => detailMismatch(ctx, summaryBlock(ctx.file)) },
    {
      inputs: { unit: 'item', reads: ['header', 'summary'], key: itemServicesAndDatesKey },
      checkItem(ctx, item) {
        const access = readingAccess(ctx.reader);
        const { file, model } = ctx;
        const read = [
          ...sideMismatchFindings(file, model, access, item),
          ...claimDetailFindings(file, model, access, item),
          ...serviceMismatchFindings(file, model, access, item),
          ...requestCountFindings(file, model, access, item),
          ...complaintSiteFindings(file, model, access, item),
          ...reflexGradeFindings(file, model, access, item),
          ...doseStrengthFindings(file, model, access, item),
          ...reliefPercentFindings(file, model, access, item),
          ...oneSideOfBothFindings(file, model, access, item),
        ];
        return [...detailMismatch(ctx, rationaleBlock(item.section)), ...(read as Finding<DetailMismatchData>[])];
      },
    },
  ],
  /**
   * Write the header's date, the worker's pronoun or the disputed item's
   * number of visits in place of the one the sentence has, only while the range still holds the text the finding saw
   * (an edit since may have moved or changed it).
   */
  fixes({ file }, d) {
    const data = d.data ?? {};
    const what = typeof data.detail === 'string' ? DETAIL_TITLES[data.detail] : undefined;
    if (!what || typeof data.replacement !== 'string' || typeof data.written !== 'string' || !data.replacement.trim()) return [];
    if (sourceText(file, d.range) !== data.written) return [];
    // Not preferred: the header may be the one that is wrong, and a date or a count is never changed by an auto-fix.
    return [fix(`Change "${data.written}" to ${what}, "${data.replacement}"`, d, [{ range: d.range, newText: data.replacement }], false)];
  },
});

function detailMismatch({ file, model }: RuleContext, blocks: readonly ProseBlock[]): Finding<DetailMismatchData>[] {
  const out: Finding<DetailMismatchData>[] = [];
  const ur = model.dates.urDate;
  const injury = model.dates.injuryDate;
  const sexField = getField(file.worker, 'sex');
  const sexValue = sexField?.value.trim().toLowerCase();
  const sex = sexValue === 'male' || sexValue === 'female' ? sexValue : undefined;
  for (const { prose, where } of blocks) {
    for (const sentence of prose.sentences) {
      const text = sentence.text;
      const dated = ur || injury ? ownedDates(text) : [];
      let reported = false;
      for (const d of dated) {
        // Only a finding quotes the sentence: most dated sentences give the header's dates.
        const quote = () => `"${clip(text)}"`;
        if (ur && isReviewDate(text, d) && !sameDate(d.date, ur.date) && !anyDateIs(text, ur.date)) {
          out.push(
            finding(prose, sentence, d, {
              message: `${cap(where)} dates the utilization review ${formatUs(d.date)} (${quote()}), but the case header's UR date is ${formatUs(ur.date)}. Correct whichever is wrong; the header's date is the one on the application.`,
              related: [fieldInfo(ur.field, 'the UR date')],
              data: { detail: 'review-date', written: d.text, replacement: writeLike(d, ur.date) },
            }),
          );
          reported = true;
        } else if (injury && isInjuryDate(text, d) && !sameDate(d.date, injury.date) && !anyDateIs(text, injury.date)) {
          out.push(
            finding(prose, sentence, d, {
              message: `${cap(where)} gives the date of injury as ${formatUs(d.date)} (${quote()}), but the case header's date of injury is ${formatUs(injury.date)}. Correct whichever is wrong.`,
              related: [fieldInfo(injury.field, 'the date of injury')],
              data: { detail: 'injury-date', written: d.text, replacement: writeLike(d, injury.date) },
            }),
          );
          reported = true;
        } else if (injury && (isAuthorizationDate(d) || isReviewDate(text, d)) && compareDates(d.date, injury.date) < 0) {
          out.push(
            finding(prose, sentence, d, {
              message: `${cap(where)} dates ${d.kind === 'authorization' ? `"${clip(d.owner.phrase, 40)}"` : 'the utilization review'} ${formatUs(d.date)} (${quote()}), before the date of injury ${formatUs(injury.date)} in the case header. A review or an approval of this claim's treatment cannot precede the injury: check the date.`,
              related: [fieldInfo(injury.field, 'the date of injury')],
              data: { detail: 'before-injury', written: d.text },
            }),
          );
          reported = true;
        }
        if (reported) break;
      }
      if (!sex) continue;
      for (const slip of pronounSlips(text, sex)) {
        const replacement = pronounFor(slip.text, sex);
        out.push({
          message: `${cap(where)} calls the injured worker "${slip.text}" ("${clip(text)}"), but the worker is ${sex} (sex: ${sex}). ${replacement ? `Write "${replacement}"` : "Use the worker's pronoun"}, and check that this sentence was written for this case.`,
          range: sentenceSpan(prose, sentence, slip.start, slip.end),
          relatedInformation: [{ range: sexField!.range, message: `The worker section gives the sex: ${sex}` }],
          data: { detail: 'pronoun', written: slip.text, ...(replacement ? { replacement } : {}) } satisfies DetailMismatchData,
        });
        break; // one slip names the problem; the author reads the sentence
      }
    }
  }
  return out;
}

function cap(s: string): string {
  return capitalize(s);
}

function finding(
  prose: Prose,
  sentence: Sentence,
  d: { start: number; end: number },
  f: { message: string; related: RelatedInformation[]; data: DetailMismatchData },
): Finding<DetailMismatchData> {
  return {
    message: f.message,
    range: sentenceSpan(prose, sentence, d.start, d.end),
    relatedInformation: f.related,
    data: { ...f.data },
  };
}

// evidence-hierarchy and deadline: the decision must rest on the MTUS where
// the MTUS covers the service (8 CCR 9792.21.1, 9792.25.1), and must be made
// within the statutory time for its priority (Labor Code 4610.6(d)).
import type { ImrDiagnostic } from '../../types';
import type { Rule } from '../../rules/rule';
import { getField } from '../../model/caseModel';
import { daysBetween, formatUs, parseDate } from '../../syntax/dates';
import { activeLibrary } from '../library';
import { viewItem } from '../itemView';
import { CONCLUSIONS } from '../terms';
import deadlines from '../../data/terms/deadlines.json';

export const evidenceHierarchy: Rule = ({ model }) => {
  const out: ImrDiagnostic[] = [];
  const library = activeLibrary();
  for (const item of model.items) {
    const v = viewItem(item, library);
    const guideline = item.guideline;
    if (!guideline) continue;
    const citedNonMtus = v.guideline === 'non-mtus' || (v.guideline !== 'mtus' && v.librarySection && !v.librarySection.source.mtus && !!v.criteria?.section);
    if (!citedNonMtus) continue;
    const mtus = v.serviceMatches.find((s) => s.source.mtus);
    if (!mtus) continue;
    if (getField(item.section, 'non-mtus-reason')?.value.trim()) continue;
    if (CONCLUSIONS.mtusReasons.test(item.section.rationale?.prose.text ?? '')) continue;
    out.push({
      code: 'evidence-hierarchy',
      severity: 'warning',
      message: `This decision rests on a guideline outside the MTUS, but the MTUS covers ${mtus.title.toLowerCase()} (${mtus.source.document}). Base the decision on the MTUS, or say why it does not apply with \`non-mtus-reason:\` (8 CCR 9792.21.1 and 9792.25.1).`,
      range: guideline.valueRange,
      data: { section: mtus.id, citation: mtus.source.citation, line: guideline.range.start.line, indent: ' '.repeat(guideline.keyRange.start.character) },
    });
  }
  return out;
};

export const deadline: Rule = ({ file, model }) => {
  const { received, decisionDate } = model.dates;
  if (!decisionDate) return [];
  const priorityField = getField(file.header, 'priority');
  const priority = (priorityField?.value.trim().toLowerCase() || 'standard') as keyof typeof deadlines.days;
  // An unknown priority is invalid-value's to report; "constructor" must not find Object's.
  if (!Object.hasOwn(deadlines.days, priority)) return [];
  const limit = deadlines.days[priority];
  // The clock starts when the records arrive. Without that date, allow the
  // time the claims administrator has to send them after the application.
  const recordsField = getField(file.header, 'records-received');
  const records = recordsField && parseDate(recordsField.value);
  const start = records ? { date: records, field: recordsField! } : received;
  if (!start) return [];
  const allowance = records ? 0 : deadlines.recordsAllowance[priority];
  const elapsed = daysBetween(start.date, decisionDate.date);
  if (elapsed <= limit + allowance) return [];
  const from = records
    ? `after the records were received (${formatUs(start.date)})`
    : `after the application was received (${formatUs(start.date)}), allowing ${allowance} day${allowance === 1 ? '' : 's'} for the records to arrive`;
  return [
    {
      code: 'deadline',
      severity: 'warning',
      message: `The determination is dated ${formatUs(decisionDate.date)}, ${elapsed} days ${from}; ${priority === 'expedited' ? 'an' : 'a'} ${priority} review is due within ${limit} days of receiving the records. ${records ? 'Check the dates' : 'Add `records-received:` with the date the records arrived, check the dates'}, or record why the review took longer.`,
      range: decisionDate.field.valueRange,
      relatedInformation: [
        { range: start.field.valueRange, message: records ? 'Records received' : 'Application received' },
        ...(priorityField ? [{ range: priorityField.valueRange, message: `Priority: ${priority}` }] : []),
      ],
      data: { elapsed, limit, allowance, priority },
    },
  ];
};

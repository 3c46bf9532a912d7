// deadline: the determination must be made within the statutory time for its
// priority, counted from when the records arrive (Labor Code 4610.6(d)).
import { defineRule } from '../../defineRule';
import { getField } from '../../../model/caseModel';
import { daysBetween, formatUs, parseDate } from '../../../syntax/dates';
import deadlines from '../../../data/terms/deadlines.json';

type Priority = keyof typeof deadlines.days;

export default defineRule<{ elapsed: number; limit: number; allowance: number; priority: Priority }>({
  code: 'deadline',
  family: 'necessity',
  severity: 'warning',
  summary: 'The determination is dated past the statutory deadline for its priority.',
  inputs: { unit: 'case', reads: ['header'] },
  check({ file, model }) {
    const { received, decisionDate } = model.dates;
    if (!decisionDate) return [];
    const priorityField = getField(file.header, 'priority');
    const priority = (priorityField?.value.trim().toLowerCase() || 'standard') as Priority;
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
        message: `The determination is dated ${formatUs(decisionDate.date)}, ${elapsed} days ${from}; ${priority === 'expedited' ? 'an' : 'a'} ${priority} review is due within ${limit} days of receiving the records. ${records ? 'Check the dates' : 'Add `records-received:` with the date the records arrived, check the dates'}, or record why the review took longer.`,
        range: decisionDate.field.valueRange,
        relatedInformation: [
          { range: start.field.valueRange, message: records ? 'Records received' : 'Application received' },
          ...(priorityField ? [{ range: priorityField.valueRange, message: `Priority: ${priority}` }] : []),
        ],
        data: { elapsed, limit, allowance, priority },
      },
    ];
  },
});

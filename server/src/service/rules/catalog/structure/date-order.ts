// date-order: dates out of the order the review process imposes (injury,
// UR denial, application, assignment, decision), and summary records dated
// after the decision.
import type { Range } from '../../../syntax/ast';
import type { CalendarDate } from '../../../syntax/dates';
import { defineRule, type Finding } from '../../defineRule';
import { compareDates, findDatesInText, formatUs } from '../../../syntax/dates';
import { prosePosition } from '../../../syntax/prose';

type Dated = { field: { valueRange: Range }; date: CalendarDate } | undefined;

export default defineRule({
  code: 'date-order',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary'] },
  summary: 'Dates out of order (injury after UR, UR after receipt, visits after the UR date...).',
  *check({ file, model }) {
    const d = model.dates;
    const pairs: [Dated, Dated, string][] = [
      [
        d.injuryDate,
        d.urDate,
        'The Date of Injury ({earlier}) is after the UR Denial Date ({later}); utilization review cannot precede the injury. Check both dates.',
      ],
      [d.injuryDate, d.received, 'The Date of Injury ({earlier}) is after the date the application was received ({later}). Check both dates.'],
      [
        d.urDate,
        d.received,
        'The UR Denial Date ({earlier}) is after the date the IMR application was received ({later}); the application answers a UR decision, so it cannot come first. Check both dates.',
      ],
      [d.received, d.decisionDate, 'The application was received ({earlier}) after the Decision Date ({later}). Check both dates.'],
      [d.urDate, d.decisionDate, 'The UR Denial Date ({earlier}) is after the Decision Date ({later}). Check both dates.'],
      [d.assigned, d.decisionDate, 'The Date Assigned ({earlier}) is after the Decision Date ({later}). Check both dates.'],
    ];
    for (const [earlier, later, message] of pairs) {
      const found = outOfOrder(earlier, later, message);
      if (found) yield found;
    }
    // The summary cannot describe a visit or study after the determination itself.
    // (Records dated after the UR decision are not checked: reviewers routinely
    // weigh records submitted after UR, and 19 of the 150 real letters do.)
    const summary = file.summary;
    if (summary && d.decisionDate) {
      for (const found of findDatesInText(summary.prose.text)) {
        if (compareDates(found.date, d.decisionDate.date) <= 0) continue;
        yield {
          message: `The summary describes ${found.text}, after the Decision Date (${formatUs(d.decisionDate.date)}); a determination cannot rest on a later record. Check the date.`,
          range: { start: prosePosition(summary.prose, found.start), end: prosePosition(summary.prose, found.end) },
          relatedInformation: [{ range: d.decisionDate.field.valueRange, message: 'Decision Date' }],
        };
      }
    }
  },
});

function outOfOrder(earlier: Dated, later: Dated, message: string): Finding<Record<string, unknown>> | undefined {
  if (!earlier || !later || compareDates(earlier.date, later.date) <= 0) return undefined;
  return {
    message: message.replace('{earlier}', formatUs(earlier.date)).replace('{later}', formatUs(later.date)),
    range: earlier.field.valueRange,
    relatedInformation: [{ range: later.field.valueRange, message: 'The other date' }],
  };
}

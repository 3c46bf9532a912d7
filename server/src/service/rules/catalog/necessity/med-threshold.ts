// med-threshold: the morphine-equivalent daily dose of the case's opioids
// against the doses at which the opioid section's criteria ask for more (80 mg
// a day in the 2016 MTUS: more frequent drug testing, a wean attempt). Only
// an overturned opioid item is checked: approving such a dose must show those
// were weighed. The dose and the conversion factors are in the message.
import { defineRule } from '../../defineRule';
import type { ItemModel } from '../../../model/caseModel';
import { viewItem, type ItemView } from '../../../necessity/itemView';
import { dailyDose, type DailyDose } from '../../../necessity/dose';
import { TextMemo } from '../../../necessity/phrases';

/** A service's daily dose, remembered for the run like the other rules' readings (most services name no opioid). */
const DOSES = new TextMemo((service: string) => dailyDose(service));

export default defineRule<{ med: number }>({
  code: 'med-threshold',
  family: 'necessity',
  severity: 'warning',
  summary: "An overturned opioid request while the case's opioids come to more morphine equivalent a day than the opioid criteria's threshold.",
  inputs: { unit: 'case', reads: ['items'] },
  *check({ model, library }) {
    // The dose first: an item's view (its criteria section) is read only for a service that has one.
    const doses: { item: ItemModel; dose: DailyDose; v: ItemView }[] = [];
    for (const item of model.items) {
      const dose = DOSES.get(item.service);
      if (!dose) continue;
      const v = viewItem(item, library);
      if (v.librarySection && (v.librarySection.covers?.services ?? []).includes('medication')) doses.push({ item, dose, v });
    }
    if (!doses.length) return;
    const total = doses.reduce((sum, x) => sum + x.dose.med, 0);
    for (const x of doses) {
      if (x.item.decision !== 'overturned' || !x.item.section.service) continue;
      const thresholds = x.v.librarySection!.criteria.flatMap((c) =>
        (c.limits ?? []).filter((l) => l.what === 'mg-med-per-day' && l.max !== undefined).map((l) => ({ c, max: l.max! })),
      );
      if (!thresholds.length) continue;
      const lowest = Math.min(...thresholds.map((t) => t.max));
      if (total <= lowest) continue;
      const ids = [...new Set(thresholds.filter((t) => t.max === lowest).map((t) => t.c.id))];
      yield {
        message: `The opioids of this case come to ${Math.round(total * 10) / 10} mg a day morphine equivalent (${doses.map((d) => d.dose.how).join('; ')}), past the ${lowest} mg a day of ${ids.join(' and ')}. Say in the rationale how the criteria for that dose are met.`,
        range: x.item.section.service.range,
        relatedInformation: doses.filter((d) => d !== x && d.item.section.service).map((d) => ({ range: d.item.section.service!.range, message: d.dose.how })),
        data: { med: total },
      };
    }
  },
});

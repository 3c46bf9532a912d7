// unknown-criterion: a guideline section the criteria library does not have,
// or a criterion id its cited section does not have; with a likely typo (or
// the section the service matches), the fix changes it.
import { defineRule } from '../../defineRule';
import { replacementFix } from '../../fixes';
import { viewItem } from '../../../necessity/itemView';
import { closest } from '../../../text/words';

export default defineRule<{ replacement: string }>({
  code: 'unknown-criterion',
  family: 'necessity',
  severity: 'error',
  inputs: { unit: 'item', reads: [] },
  summary: 'A criterion id that the cited guideline section does not have.',
  *checkItem({ library }, item) {
    const v = viewItem(item, library);
    const block = v.criteria;
    if (!block || !block.section || !block.section.value.trim()) return;
    const section = library.section(block.section.value);
    if (!section) {
      const near = closest(block.section.value.trim(), [...library.sections.keys()]);
      yield {
        message: `"${block.section.value}" is not a guideline section of the criteria library${near ? `; did you mean "${near}"?` : ''}.${v.serviceMatches[0] && !near ? ` For "${item.service}" the library has \`${v.serviceMatches[0].id}\`.` : ''}`,
        range: block.section.range,
        data: near || v.serviceMatches[0] ? { replacement: near ?? v.serviceMatches[0].id } : undefined,
      };
      return;
    }
    for (const e of block.entries) {
      if (section.criteria.some((c) => c.id.toUpperCase() === e.id.value.toUpperCase())) continue;
      const elsewhere = library.criterion(e.id.value);
      const near = closest(
        e.id.value,
        section.criteria.map((c) => c.id),
      );
      yield {
        message: elsewhere
          ? `${e.id.value} belongs to ${elsewhere.section.id}, not to ${section.id}, the section this item cites. List only ${section.id}'s criteria (${section.criteria.map((c) => c.id).join(', ')}).`
          : `${section.id} has no criterion ${e.id.value}${near ? `; did you mean ${near}?` : ''}. Its criteria: ${section.criteria.map((c) => c.id).join(', ')}.`,
        range: e.id.range,
        data: near ? { replacement: near } : undefined,
      };
    }
  },
  fixes: (_ctx, d) =>
    replacementFix(
      d,
      (r) => r,
      (r) => `Change to ${r}`,
    ),
});

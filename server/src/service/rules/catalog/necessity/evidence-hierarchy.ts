// evidence-hierarchy: the decision must rest on the MTUS where the MTUS
// covers the service (8 CCR 9792.21.1, 9792.25.1); a guideline outside it
// needs a stated reason. The fixes cite the MTUS section, or add
// `non-mtus-reason:` for the reviewer to fill in.
import type { CodeAction } from '../../../types';
import { defineRule } from '../../defineRule';
import { at, fix } from '../../fixes';
import { getField } from '../../../model/caseModel';
import { viewItem } from '../../../necessity/itemView';
import { CONCLUSIONS } from '../../../necessity/terms';
import { eolOf, lineText } from '../../../syntax/layout';

export interface HierarchyData {
  /** The MTUS section that covers the service, and its citation. */
  section: string;
  citation: string;
  /** The guideline field's line and indentation, to find it again and add a line below. */
  line: number;
  indent: string;
}

export default defineRule<HierarchyData>({
  code: 'evidence-hierarchy',
  family: 'necessity',
  severity: 'warning',
  summary: 'A non-MTUS guideline used where the MTUS covers the service, with no reason given.',
  *check({ model, library }) {
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
      yield {
        message: `This decision rests on a guideline outside the MTUS, but the MTUS covers ${mtus.title.toLowerCase()} (${mtus.source.document}). Base the decision on the MTUS, or say why it does not apply with \`non-mtus-reason:\` (8 CCR 9792.21.1 and 9792.25.1).`,
        range: guideline.valueRange,
        data: { section: mtus.id, citation: mtus.source.citation, line: guideline.range.start.line, indent: ' '.repeat(guideline.keyRange.start.character) },
      };
    }
  },
  fixes(ctx, d) {
    const data = d.data ?? {};
    const out: CodeAction[] = [];
    if (typeof data.citation === 'string') out.push(fix(`Base the decision on the MTUS: ${data.citation}`, d, [{ range: d.range, newText: data.citation }], false));
    if (typeof data.line === 'number') {
      const item = ctx.model.items.find((i) => i.guideline && i.guideline.range.start.line === data.line);
      if (item && item.guideline && !getField(item.section, 'non-mtus-reason')) {
        // After the guideline line, with its own whitespace: the line below may not exist (the file's last line).
        const line = item.guideline.range.start.line;
        const text = lineText(ctx.file, line);
        const indent = text.slice(0, item.guideline.keyRange.start.character);
        out.push(
          fix(
            'Add non-mtus-reason: why the MTUS does not apply',
            d,
            [{ range: at({ line, character: text.length }), newText: `${eolOf(ctx.file)}${indent}non-mtus-reason: \${1:The MTUS does not address this service.}`, snippet: true }],
            false,
          ),
        );
      }
    }
    return out;
  },
});

// unknown-reference: a [#label] cited that no summary sentence defines; with
// a likely typo, the fix changes it to the label meant.
import { defineRule } from '../../defineRule';
import { replacementFix } from '../../fixes';
import { closest } from '../../../text/words';
import { labelUses } from '../../support/labelUses';

export default defineRule<{ replacement: string }>({
  code: 'unknown-reference',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary: 'A [#label] cited but never defined in the summary.',
  *check({ file, model }) {
    for (const ref of labelUses(file)) {
      if (model.facts.has(ref.name)) continue;
      const near = closest(ref.name, [...model.facts.keys()]);
      yield {
        message: `[#${ref.name}] names no fact in the clinical case summary${near ? `; did you mean [#${near}]?` : '.'} Put [#${ref.name}] after the summary sentence that documents it.`,
        range: ref.range,
        data: near ? { replacement: near } : undefined,
      };
    }
  },
  fixes: (_ctx, d) =>
    replacementFix(
      d,
      (r) => `[#${r}]`,
      (r) => `Change to [#${r}]`,
    ),
});

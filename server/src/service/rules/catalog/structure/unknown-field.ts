// unknown-field: a field name its section does not have; with a likely typo,
// the fix changes it to the field meant.
import { defineRule } from '../../defineRule';
import { replacementFix } from '../../fixes';
import { sectionSpec } from '../../../schema/fields';
import { closest } from '../../../text/words';

export default defineRule<{ replacement: string }>({
  code: 'unknown-field',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary: 'A field name that is not part of its section.',
  *check({ file }) {
    for (const section of file.sections) {
      const spec = sectionSpec(section.kind);
      if (!spec) continue;
      for (const field of section.fields) {
        if (spec.fields.some((f) => f.key === field.key)) continue;
        const known = spec.fields.map((f) => f.key);
        const near = closest(field.key, known);
        yield {
          message: `"${field.key}" is not a field of ${spec.title.toLowerCase()}${near ? `; did you mean "${near}"?` : '.'} Fields here: ${known.join(', ')}.`,
          range: field.keyRange,
          data: near ? { replacement: near } : undefined,
        };
      }
    }
  },
  // Not preferred when the field it becomes is the decision: its value would become the item's decision.
  fixes: (_ctx, d) =>
    replacementFix(
      d,
      (r) => r,
      (r) => `Change to "${r}"`,
      d.data?.replacement !== 'decision',
    ),
});

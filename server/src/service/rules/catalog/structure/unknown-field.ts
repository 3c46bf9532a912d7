// unknown-field: a field name its section does not have; with a likely typo,
// the fix changes it to the field meant.
import type { Section } from '../../../syntax/ast';
import { defineRule, type Finding } from '../../defineRule';
import { replacementFix } from '../../fixes';
import { sectionSpec } from '../../../schema/fields';
import { closest } from '../../../text/words';

export default defineRule<{ replacement: string }>({
  code: 'unknown-field',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary: 'A field name that is not part of its section.',
  // The sections other than items, then each item on its own: an edit checks again only the part it is in.
  units: [
    {
      inputs: { unit: 'case', reads: ['header', 'summary'] },
      check({ file }) {
        const out: Finding<{ replacement: string }>[] = [];
        for (const section of file.sections) if (section.kind !== 'item') unknownFields(section, out);
        return out;
      },
    },
    { inputs: { unit: 'item', reads: [] }, checkItem: (_ctx, item) => unknownFields(item.section) },
  ],
  fixes: (_ctx, d) =>
    replacementFix(
      d,
      (r) => r,
      (r) => `Change to "${r}"`,
      d.data?.replacement !== 'decision',
    ),
});

/** The section's unknown fields, added to `out` (an array, not a generator: see missing-field.ts's missingFields). */
function unknownFields(section: Section, out: Finding<{ replacement: string }>[] = []): Finding<{ replacement: string }>[] {
  const spec = sectionSpec(section.kind);
  if (!spec) return out;
  for (const field of section.fields) {
    if (spec.fields.some((f) => f.key === field.key)) continue;
    const known = spec.fields.map((f) => f.key);
    const near = closest(field.key, known);
    out.push({
      message: `"${field.key}" is not a field of ${spec.title.toLowerCase()}${near ? `; did you mean "${near}"?` : '.'} Fields here: ${known.join(', ')}.`,
      range: field.keyRange,
      data: near ? { replacement: near } : undefined,
    });
  }
  return out;
}

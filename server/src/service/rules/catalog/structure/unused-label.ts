// unused-label: a fact label that no criterion or rationale cites; shown
// faded, as a hint.
import { defineRule } from '../../defineRule';
import { labelUses } from '../../support/labelUses';

export default defineRule({
  code: 'unused-label',
  family: 'structure',
  severity: 'hint',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary: 'A fact label no criterion or rationale cites.',
  *check({ file }) {
    const used = new Set(labelUses(file).map((ref) => ref.name));
    for (const fact of file.facts) {
      if (used.has(fact.label.name)) continue;
      yield {
        message: `The fact [#${fact.label.name}] is not cited by any criterion or rationale. Cite it as evidence, or remove the label if it is not needed.`,
        range: fact.label.range,
        tags: ['unnecessary'],
      };
    }
  },
});

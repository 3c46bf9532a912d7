// The [#label] citations of a case (criteria evidence and rationale prose),
// which unknown-reference checks and unused-label counts.
import type { CaseFile, LabelRef } from '../../syntax/ast';

export function labelUses(file: CaseFile): LabelRef[] {
  const uses: LabelRef[] = [];
  for (const item of file.items) {
    for (const e of item.criteria?.entries ?? []) uses.push(...e.evidence);
    if (item.rationale) uses.push(...item.rationale.prose.labels);
  }
  return uses;
}

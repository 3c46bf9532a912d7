// The [#label] citations of a case (criteria evidence and rationale prose),
// which unknown-reference checks and unused-label counts.
import type { CaseFile, LabelRef } from '../../syntax/ast';

/**
 * Gathered by each of the two rules: a few labels a case, cheaper to walk twice than to keep in a WeakMap on the
 * parse (its look-up and insertion cost more in the run than the walk; measured in the run, med.mjs).
 */
export function labelUses(file: CaseFile): readonly LabelRef[] {
  const uses: LabelRef[] = [];
  for (const item of file.items) {
    for (const e of item.criteria?.entries ?? []) for (const ref of e.evidence) uses.push(ref);
    if (item.rationale) for (const ref of item.rationale.prose.labels) uses.push(ref);
  }
  return uses;
}

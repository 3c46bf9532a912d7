// The [#label] citations of a case (criteria evidence and rationale prose),
// which unknown-reference checks and unused-label counts.
import type { CaseFile, LabelRef } from '../../syntax/ast';

/** Each parse's citations, gathered once for both rules of a run (a parse is one version's: it never changes). */
const usesOf = new WeakMap<CaseFile, readonly LabelRef[]>();

export function labelUses(file: CaseFile): readonly LabelRef[] {
  let uses = usesOf.get(file);
  if (!uses) usesOf.set(file, (uses = gather(file)));
  return uses;
}

function gather(file: CaseFile): LabelRef[] {
  const uses: LabelRef[] = [];
  for (const item of file.items) {
    for (const e of item.criteria?.entries ?? []) for (const ref of e.evidence) uses.push(ref);
    if (item.rationale) for (const ref of item.rationale.prose.labels) uses.push(ref);
  }
  return uses;
}

// criterion-without-evidence: a criterion marked met (or a decisive one not
// met) with no fact label and no note. The fixes cite the summary facts that
// match the criterion, if any; they never invent one.
import type { CaseFile, CriterionEntry, Position } from '../../../syntax/ast';
import { defineRule } from '../../defineRule';
import { at, fix } from '../../fixes';
import type { CriteriaLibrary, LibrarySection } from '../../../necessity/library';
import { viewItem } from '../../../necessity/itemView';
import { factsForCriterion } from '../../../necessity/evidence';

export default defineRule<{ labels: string[]; at: Position }>({
  code: 'criterion-without-evidence',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['summary'] },
  summary: 'A criterion marked met (or a decisive one not met) with no evidence label and no note.',
  *checkItem({ file, library }, item) {
    const v = viewItem(item, library);
    for (const entry of v.criteria?.entries ?? []) {
      if (!needsEvidence(entry, v.librarySection)) continue;
      const candidates = candidateLabels(file, library, entry, v.librarySection);
      const met = entry.status === 'met';
      yield {
        message: `${entry.id.value} is marked ${entry.status}${met ? '' : ' and decides the request'}, but nothing shows why. Cite the summary fact that supports it ([#label]) or add a note after the status${candidates.length ? `; matching facts: ${candidates.map((c) => `[#${c}]`).join(', ')}` : ''}.`,
        range: { start: entry.id.range.start, end: (entry.statusText ?? entry.id).range.end },
        data: { labels: candidates, at: (entry.statusText ?? entry.id).range.end },
      };
    }
  },
  fixes(_ctx, d) {
    const labels = Array.isArray(d.data?.labels) ? d.data.labels.filter((l): l is string => typeof l === 'string') : [];
    const where = d.data?.at;
    if (!where) return [];
    // Not preferred: that a fact supports a criterion is the reviewer's judgment, not a choice a fix-all may make.
    return labels.map((label) => fix(`Cite [#${label}] as evidence`, d, [{ range: at(where), newText: ` [#${label}]` }], false));
  },
});

function needsEvidence(entry: CriterionEntry, section: LibrarySection | undefined): boolean {
  if (entry.evidence.length || entry.note) return false;
  if (entry.status === 'met') return true;
  if (entry.status !== 'not met') return false;
  const c = section?.criteria.find((x) => x.id.toUpperCase() === entry.id.value.toUpperCase());
  return !!c?.decisive;
}

function candidateLabels(file: CaseFile, library: CriteriaLibrary, entry: CriterionEntry, section: LibrarySection | undefined): string[] {
  const criterion = section?.criteria.find((x) => x.id.toUpperCase() === entry.id.value.toUpperCase()) ?? library.criterion(entry.id.value)?.criterion;
  if (!criterion) return [];
  return factsForCriterion(file, criterion, entry.status).map((f) => f.label.name);
}

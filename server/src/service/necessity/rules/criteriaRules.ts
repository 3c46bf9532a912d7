// missing-criteria, unknown-criterion and criterion-without-evidence: the
// criteria block must name a known guideline section, address each of its
// criteria, and back a met (or a decisive not met) status with a fact label
// or a note.
import type { ImrDiagnostic } from '../../types';
import type { Rule } from '../../rules/rule';
import type { CriterionEntry, ItemSection } from '../../syntax/ast';
import { closest } from '../../rules/structure';
import { activeLibrary, type LibrarySection } from '../library';
import { viewItem } from '../itemView';
import { factsForCriterion } from '../evidence';
import type { CaseFile } from '../../syntax/ast';

/** Where missing criteria lines go and how they are indented. */
function insertionPoint(file: CaseFile, item: ItemSection): { line: number; indent: string } {
  const block = item.criteria!;
  const last = block.entries[block.entries.length - 1];
  // The whitespace the last criterion line really has (a tab stays a tab):
  // spaces counted from its column would put a tab-indented block's new lines elsewhere.
  const keyword = leadingWhitespace(file, block.keywordRange.start.line);
  const indent = last ? leadingWhitespace(file, last.range.start.line) : keyword + (keyword.includes('\t') ? '\t' : '  ');
  return { line: (last ? last.range.end.line : block.keywordRange.start.line) + 1, indent };
}

function leadingWhitespace(file: CaseFile, line: number): string {
  const end = line + 1 < file.lineStarts.length ? file.lineStarts[line + 1] : file.text.length;
  return /^[ \t]*/.exec(file.text.slice(file.lineStarts[line], end))![0];
}

export const missingCriteria: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  const library = activeLibrary();
  for (const item of model.items) {
    const v = viewItem(item, library);
    const block = v.criteria;
    if (!block) continue;
    if (!block.section || !block.section.value.trim()) {
      const suggestion = v.serviceMatches[0];
      out.push({
        code: 'missing-criteria',
        severity: 'warning',
        message: `Name the guideline section these criteria come from after \`criteria:\`${suggestion ? `, for "${item.service}" probably \`${suggestion.id}\` (${suggestion.title})` : ' (see docs/criteria.md for the ids)'}.`,
        range: block.keywordRange,
        data: suggestion ? { kind: 'section', section: suggestion.id, at: block.keywordRange.end } : undefined,
      });
      continue;
    }
    const section = library.section(block.section.value);
    if (!section) {
      const near = closest(block.section.value.trim(), [...library.sections.keys()]);
      out.push({
        code: 'unknown-criterion',
        severity: 'error',
        message: `"${block.section.value}" is not a guideline section of the criteria library${near ? `; did you mean "${near}"?` : ''}.${v.serviceMatches[0] && !near ? ` For "${item.service}" the library has \`${v.serviceMatches[0].id}\`.` : ''}`,
        range: block.section.range,
        data: near || v.serviceMatches[0] ? { replacement: near ?? v.serviceMatches[0].id } : undefined,
      });
      continue;
    }
    const listed = new Set(block.entries.map((e) => e.id.value.toUpperCase()));
    for (const e of block.entries) {
      if (section.criteria.some((c) => c.id.toUpperCase() === e.id.value.toUpperCase())) continue;
      const elsewhere = library.criterion(e.id.value);
      const near = closest(e.id.value, section.criteria.map((c) => c.id));
      out.push({
        code: 'unknown-criterion',
        severity: 'error',
        message: elsewhere
          ? `${e.id.value} belongs to ${elsewhere.section.id}, not to ${section.id}, the section this item cites. List only ${section.id}'s criteria (${section.criteria.map((c) => c.id).join(', ')}).`
          : `${section.id} has no criterion ${e.id.value}${near ? `; did you mean ${near}?` : ''}. Its criteria: ${section.criteria.map((c) => c.id).join(', ')}.`,
        range: e.id.range,
        data: near ? { replacement: near } : undefined,
      });
    }
    const missing = section.criteria.filter((c) => !listed.has(c.id.toUpperCase()));
    if (missing.length) {
      const at = insertionPoint(file, v.section);
      out.push({
        code: 'missing-criteria',
        severity: 'warning',
        message: `${missing.length === 1 ? 'Criterion' : 'Criteria'} ${missing.map((c) => c.id).join(', ')} of ${section.id} ${missing.length === 1 ? 'is' : 'are'} not addressed. Mark each met, not met, unknown or not applicable, so the reader sees every criterion of the guideline was weighed.`,
        range: block.section.range,
        data: { kind: 'criteria', section: section.id, missing: missing.map((c) => c.id), line: at.line, indent: at.indent },
      });
    }
  }
  return out;
};

function needsEvidence(entry: CriterionEntry, section: LibrarySection | undefined): boolean {
  if (entry.evidence.length || entry.note) return false;
  if (entry.status === 'met') return true;
  if (entry.status !== 'not met') return false;
  const c = section?.criteria.find((x) => x.id.toUpperCase() === entry.id.value.toUpperCase());
  return !!c?.decisive;
}

export const criterionWithoutEvidence: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  const library = activeLibrary();
  for (const item of model.items) {
    const v = viewItem(item, library);
    for (const entry of v.criteria?.entries ?? []) {
      if (!needsEvidence(entry, v.librarySection)) continue;
      const candidates = candidateLabels(file, entry, v.librarySection);
      const met = entry.status === 'met';
      out.push({
        code: 'criterion-without-evidence',
        severity: 'warning',
        message: `${entry.id.value} is marked ${entry.status}${met ? '' : ' and decides the request'}, but nothing shows why. Cite the summary fact that supports it ([#label]) or add a note after the status${candidates.length ? `; matching facts: ${candidates.map((c) => `[#${c}]`).join(', ')}` : ''}.`,
        range: { start: entry.id.range.start, end: (entry.statusText ?? entry.id).range.end },
        data: { labels: candidates, at: (entry.statusText ?? entry.id).range.end },
      });
    }
  }
  return out;
};

function candidateLabels(file: CaseFile, entry: CriterionEntry, section: LibrarySection | undefined): string[] {
  const criterion = section?.criteria.find((x) => x.id.toUpperCase() === entry.id.value.toUpperCase()) ?? activeLibrary().criterion(entry.id.value)?.criterion;
  if (!criterion) return [];
  return factsForCriterion(file, criterion, entry.status).map((f) => f.label.name);
}

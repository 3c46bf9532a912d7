// Completion contributed by the necessity analysis: the criteria of the cited
// guideline section at the start of a criteria line, guideline section ids
// after `criteria:` (sections matching the service first), guideline citations
// after `guideline:` (guidelineCompletion.ts), and, after `[#`
// in a criterion line, the summary facts that bear on that criterion.
import { CompletionItemKind, type CompletionItem } from '../types';
import type { FeatureContext } from './context';
import type { CompletionPlace } from './completionPlace';
import { criterionMarkdown, sectionMarkdown } from './criteriaHover';
import { markdownText } from './markdown';
import { factsForCriterion } from '../necessity/evidence';
import { truncate } from '../text/words';
import { guidelineCompletions } from './guidelineCompletion';

export function criteriaCompletions(ctx: FeatureContext, place: CompletionPlace): CompletionItem[] {
  const library = ctx.library;
  if (place.kind === 'criterion-id') {
    const section = library.section(place.criteria.section?.value) ?? library.matchService(place.item.service?.value ?? '')[0];
    if (!section) return [];
    const line = place.replace.start.line;
    const listed = new Set(place.criteria.entries.filter((e) => e.range.start.line !== line).map((e) => e.id.value.toUpperCase()));
    return section.criteria
      .filter((c) => !listed.has(c.id.toUpperCase()))
      .map((c, i) => ({
        label: c.id,
        kind: CompletionItemKind.Value,
        detail: truncate(c.text, 70),
        documentation: { kind: 'markdown', value: criterionMarkdown(section, c) },
        textEdit: { range: place.replace, newText: `${c.id}: ` },
        sortText: String(i).padStart(3, '0'),
      }));
  }
  if (place.kind === 'field-value' && place.key === 'criteria' && place.section.kind === 'item') {
    const service = place.section.service?.value ?? '';
    const matching = new Set(library.matchService(service).map((s) => s.id));
    return [...library.sections.values()].map((s) => ({
      label: s.id,
      kind: CompletionItemKind.Value,
      detail: `${s.title}${matching.has(s.id) ? ' — matches this service' : ''}`,
      documentation: { kind: 'markdown', value: sectionMarkdown(s) },
      textEdit: { range: place.replace, newText: s.id },
      sortText: `${matching.has(s.id) ? '0' : '1'}${s.id}`,
    }));
  }
  if (place.kind === 'field-value' && place.key === 'guideline') return guidelineCompletions(ctx, place);
  if (place.kind === 'label' && place.item.criteria) {
    const line = place.replace.start.line;
    const entry = place.item.criteria.entries.find((e) => e.range.start.line === line);
    if (!entry) return [];
    const found =
      library.section(place.item.criteria.section?.value)?.criteria.find((c) => c.id.toUpperCase() === entry.id.value.toUpperCase()) ??
      library.criterion(entry.id.value)?.criterion;
    if (!found) return [];
    return factsForCriterion(ctx.file, found, entry.status).map((fact, i) => ({
      label: fact.label.name,
      kind: CompletionItemKind.Reference,
      detail: `bears on ${found.id}`,
      documentation: { kind: 'markdown', value: `The summary documents:\n\n> ${markdownText(fact.sentence.text)}` },
      textEdit: { range: place.replace, newText: place.closed ? fact.label.name : `${fact.label.name}]` },
      // Before the plain list of every label.
      sortText: `!${String(i).padStart(3, '0')}`,
    }));
  }
  return [];
}

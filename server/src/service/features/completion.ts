// Completion: what may be typed where the cursor stands (see completionPlace.ts
// for how the place is read). Keywords, field names and skeletons come from
// data/fields.json; values from the field's `values`; fact labels from the
// summary. Contributors given by the service add their own items for a place
// (the necessity analysis contributes criterion ids for `criterion-id` places
// and guideline section ids after `criteria:`).
import { ownValue } from '../text/own';
import type { CaseFile, Position, Section } from '../syntax/ast';
import { SECTION_SPECS, fieldSpec, sectionSpec } from '../schema/fields';
import { formatIso, formatUs } from '../syntax/dates';
import { CRITERION_STATUSES } from '../syntax/parser';
import { CompletionItemKind, type CompletionItem } from '../types';
import type { FeatureContext } from './context';
import type { CompletionContributor } from './contributors';
import { completionPlace, type CompletionPlace } from './completionPlace';
import { eolOf, fieldIndent, indentUnit, reindent } from '../syntax/layout';
import { markdownText } from './markdown';
import decisionValues from './decisionValues.json';
import { reportContained } from '../contained';
import { oneLine } from '../text/words';

export type { CompletionPlace };

const DATE_FORMS = 'Dates may be written 10/02/2015, 10-2-15 or 2015-10-02 (ISO). The letter shows them as 10/02/2015.';

export function completions(
  ctx: FeatureContext,
  position: Position,
  today: Date = new Date(),
  contributors: readonly CompletionContributor[] = [],
): CompletionItem[] {
  const place = completionPlace(ctx.file, position);
  if (!place) return [];
  const contributed: CompletionItem[] = [];
  for (const contribute of contributors) {
    try {
      contributed.push(...contribute(ctx, place));
    } catch (err) {
      // A contributor's bug costs only its own items.
      reportContained(err, 'completion');
    }
  }
  // A contributor that knows more (the criteria library ranks the facts that
  // match a criterion) replaces our plain item of the same label.
  const taken = new Set(contributed.map((i) => i.label));
  return [...ownItems(ctx.file, place, today).filter((i) => !taken.has(i.label)), ...contributed];
}

function ownItems(file: CaseFile, place: CompletionPlace, today: Date): CompletionItem[] {
  switch (place.kind) {
    case 'section-keyword':
      return sectionKeywords(file, place);
    case 'field-name':
      return fieldNames(file, place);
    case 'field-value':
      return fieldValues(place, today);
    case 'label':
      return factLabels(file, place);
    case 'criterion-status':
      return CRITERION_STATUSES.map((status, i) => ({
        label: status,
        kind: CompletionItemKind.EnumMember,
        detail: `criterion ${place.id}`,
        textEdit: { range: place.replace, newText: status },
        sortText: String(i),
      }));
    case 'criterion-id':
      return []; // criterion ids of the cited guideline section come from the necessity contributor
  }
}

function sectionKeywords(file: CaseFile, place: Extract<CompletionPlace, { kind: 'section-keyword' }>): CompletionItem[] {
  const line = place.replace.start.line;
  const eol = eolOf(file);
  const unit = indentUnit(file);
  return SECTION_SPECS.filter(
    // One case header, reviewer, worker and summary per letter; items repeat.
    (spec) => spec.keyword === 'item' || !file.sections.some((s) => s.kind === spec.keyword && s.keywordRange.start.line !== line),
  ).map((spec, i) => {
    // On an empty line the whole skeleton; before existing text only the keyword.
    const skeleton = !place.lineHasMore;
    const newText = skeleton ? reindent(spec.skeleton.replace(/\n+$/, ''), unit, eol) : spec.keyword;
    return {
      label: spec.keyword,
      kind: CompletionItemKind.Keyword,
      detail: spec.title,
      documentation: { kind: 'markdown', value: spec.description },
      textEdit: { range: place.replace, newText },
      insertTextFormat: skeleton ? 2 : 1,
      ...(skeleton ? { insertTextMode: 1 as const } : {}),
      sortText: String(i),
    };
  });
}

function fieldNames(file: CaseFile, place: Extract<CompletionPlace, { kind: 'field-name' }>): CompletionItem[] {
  const spec = sectionSpec(place.section.kind);
  if (!spec) return [];
  const line = place.replace.start.line;
  const present = presentKeys(place.section, line);
  const eol = eolOf(file);
  const indent = fieldIndent(file, place.section);
  return spec.fields
    .filter((f) => f.repeatable || !present.has(f.key))
    .map((f, i) => {
      const snippet = !place.lineHasMore;
      const newText = snippet ? reindent(f.skeleton, indent, eol) : f.key;
      const multiLine = newText.includes('\n');
      return {
        label: f.key,
        kind: CompletionItemKind.Field,
        detail: `${f.required ? 'required' : 'optional'}: ${f.letter}`,
        documentation: { kind: 'markdown', value: f.description },
        textEdit: { range: place.replace, newText },
        insertTextFormat: snippet ? 2 : 1,
        ...(multiLine ? { insertTextMode: 1 as const } : {}),
        // Required fields first, each group in the order of fields.json.
        sortText: `${f.required ? 0 : 1}${String(i).padStart(2, '0')}`,
      };
    });
}

/** Field keys a section already has, leaving out the line being edited. */
function presentKeys(section: Section, line: number): Set<string> {
  const keys = new Set(section.fields.filter((f) => f.range.start.line !== line).map((f) => f.key));
  if (section.kind === 'item') {
    if (section.criteria && section.criteria.keywordRange.start.line !== line) keys.add('criteria');
    if (section.rationale && section.rationale.keywordRange.start.line !== line) keys.add('rationale');
  }
  return keys;
}

function fieldValues(place: Extract<CompletionPlace, { kind: 'field-value' }>, today: Date): CompletionItem[] {
  const spec = fieldSpec(place.section.kind, place.key);
  if (!spec) return [];
  if (spec.type === 'enum') {
    return (spec.values ?? []).map((value, i) => {
      const meaning = place.key === 'decision' ? ownValue(decisionValues as Record<string, string>, value) : undefined;
      return {
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: spec.letter,
        documentation: { kind: 'markdown', value: meaning ?? spec.description },
        textEdit: { range: place.replace, newText: value },
        sortText: String(i),
      };
    });
  }
  if (spec.type === 'date') {
    const d = { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
    return [formatUs(d), formatIso(d)].map((value, i) => ({
      label: value,
      kind: CompletionItemKind.Value,
      detail: `today (${i === 0 ? 'MM/DD/YYYY' : 'ISO, YYYY-MM-DD'})`,
      documentation: { kind: 'markdown', value: `${spec.letter}. ${DATE_FORMS}` },
      textEdit: { range: place.replace, newText: value },
      sortText: String(i),
    }));
  }
  return [];
}

function factLabels(file: CaseFile, place: Extract<CompletionPlace, { kind: 'label' }>): CompletionItem[] {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const fact of file.facts) {
    const name = fact.label.name;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      label: name,
      kind: CompletionItemKind.Reference,
      detail: preview(fact.sentence.text),
      documentation: { kind: 'markdown', value: `The summary documents:\n\n> ${markdownText(fact.sentence.text)}` },
      textEdit: { range: place.replace, newText: place.closed ? name : `${name}]` },
      sortText: String(out.length).padStart(3, '0'),
    });
  }
  return out;
}

function preview(text: string, n = 60): string {
  return oneLine(text, n);
}

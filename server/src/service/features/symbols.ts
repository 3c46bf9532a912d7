// The outline (document symbols): the parts of the letter in source order,
// each item named by the service it decides with its decision as detail.
// Ranges are exact: `range` spans the whole part, `selectionRange` its
// keyword or name, and every child lies inside its parent as LSP requires.
import type { CriteriaBlock, Field, Fact, ItemSection, Range, Section } from '../syntax/ast';
import { comparePositions } from '../syntax/positions';
import { sectionSpec } from '../schema/fields';
import { SymbolKind, type DocumentSymbol } from '../types';
import type { FeatureContext } from './context';
import { capitalize, oneLine } from '../text/words';

export function documentSymbols({ file }: FeatureContext): DocumentSymbol[] {
  return file.sections.map((s) => keepInside(sectionSymbol(s, file.facts)));
}

/**
 * Clamps every child's range into its parent's (keeping its selection
 * inside), so a tree range that runs a little long, such as an empty block
 * at the end of the file, never yields an outline the editor rejects.
 */
function keepInside(symbol: DocumentSymbol, parent?: Range): DocumentSymbol {
  let range = symbol.range;
  if (parent) {
    const start = comparePositions(range.start, parent.start) < 0 ? parent.start : range.start;
    const end = comparePositions(range.end, parent.end) > 0 ? parent.end : range.end;
    range = comparePositions(start, end) <= 0 ? { start, end } : { start: parent.start, end: parent.end };
  }
  const selectionRange = within(symbol.selectionRange, range) ? symbol.selectionRange : { start: range.start, end: range.start };
  const children = symbol.children?.map((c) => keepInside(c, range));
  return { ...symbol, range, selectionRange, ...(children ? { children } : {}) };
}

function sectionSymbol(section: Section, facts: Fact[]): DocumentSymbol {
  const fields = section.fields.map(fieldSymbol);
  switch (section.kind) {
    case 'case':
      return {
        name: section.caseNumber?.value.trim() ? `case ${section.caseNumber.value.trim()}` : 'case',
        detail: sectionSpec('case')?.title,
        kind: SymbolKind.Namespace,
        range: section.range,
        selectionRange: section.keywordRange,
        children: fields,
      };
    case 'summary': {
      const own = facts.filter((f) => within(f.label.range, section.range));
      return {
        name: 'summary',
        detail: sectionSpec('summary')?.title,
        kind: SymbolKind.Namespace,
        range: section.range,
        selectionRange: section.keywordRange,
        children: own.map(factSymbol),
      };
    }
    case 'item':
      return itemSymbol(section, fields);
    default:
      return {
        name: section.kind,
        detail: sectionSpec(section.kind)?.title,
        kind: SymbolKind.Namespace,
        range: section.range,
        selectionRange: section.keywordRange,
        children: fields,
      };
  }
}

function itemSymbol(item: ItemSection, fields: DocumentSymbol[]): DocumentSymbol {
  const decision = item.fields.find((f) => f.key === 'decision')?.value.trim();
  const children = [...fields];
  if (item.criteria) children.push(criteriaSymbol(item.criteria));
  if (item.rationale) {
    children.push({
      name: 'rationale',
      detail: preview(item.rationale.prose.sentences[0]?.text ?? ''),
      kind: SymbolKind.String,
      range: item.rationale.range,
      selectionRange: item.rationale.keywordRange,
    });
  }
  children.sort((a, b) => comparePositions(a.range.start, b.range.start));
  const service = item.service?.value.trim();
  return {
    name: service || 'item (no service named)',
    detail: decision ? capitalize(decision) : 'no decision',
    kind: SymbolKind.Class,
    range: item.range,
    selectionRange: service ? item.service!.range : item.keywordRange,
    children,
  };
}

function criteriaSymbol(block: CriteriaBlock): DocumentSymbol {
  return {
    name: 'criteria',
    detail: block.section?.value,
    kind: SymbolKind.Object,
    range: block.range,
    selectionRange: block.keywordRange,
    children: block.entries.map((e) => ({
      name: e.id.value || '?',
      detail: e.status ?? e.statusText?.value ?? 'no status',
      kind: SymbolKind.Key,
      range: e.range,
      selectionRange: e.id.range,
    })),
  };
}

function fieldSymbol(field: Field): DocumentSymbol {
  return {
    name: field.key,
    detail: preview(field.value),
    kind: SymbolKind.Field,
    range: field.range,
    selectionRange: field.keyRange,
  };
}

/** A labelled summary sentence; its range also covers a label written after the full stop. */
function factSymbol(fact: Fact): DocumentSymbol {
  const s = fact.sentence.range;
  const l = fact.label.range;
  return {
    name: `[#${fact.label.name}]`,
    detail: preview(fact.sentence.text),
    kind: SymbolKind.Event,
    range: {
      start: comparePositions(l.start, s.start) < 0 ? l.start : s.start,
      end: comparePositions(l.end, s.end) > 0 ? l.end : s.end,
    },
    selectionRange: l,
  };
}

function within(inner: Range, outer: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function preview(text: string, n = 60): string {
  return oneLine(text, n);
}

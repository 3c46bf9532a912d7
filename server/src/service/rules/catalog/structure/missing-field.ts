// missing-field: a field the letter must state is absent (State(s) of
// Licensure, the Case Number after `case`, an item's rationale...). The fix
// adds the field's skeleton among the section's fields.
import type { ItemSection, Range, Section } from '../../../syntax/ast';
import { defineRule, type Finding } from '../../defineRule';
import { at, fix, str } from '../../fixes';
import { fieldSpec, sectionSpec } from '../../../schema/fields';
import { endOfLine, eolOf, fieldIndent, lineText, reindent } from '../../../syntax/layout';

export interface MissingFieldData {
  section: string;
  key: string;
  /** The section keyword's line: which of several sections of a kind lacks the field. */
  line: number;
}

export default defineRule<MissingFieldData>({
  code: 'missing-field',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'], absolutePositions: true },
  summary: 'A field the letter must state is missing (e.g. State(s) of Licensure).',
  // The sections other than items (their lines, the header's case number), then each item on its own: an edit
  // checks again only the part it is in. The data's line is absolute, so a part is reused only where it did not move.
  units: [
    {
      inputs: { unit: 'case', reads: ['header', 'summary'], absolutePositions: true },
      check({ file }) {
        const out: Finding<MissingFieldData>[] = [];
        for (const section of file.sections) if (section.kind !== 'item') missingFields(section, out);
        if (file.header && !file.header.caseNumber) {
          out.push({
            message: 'The letter must give the Case Number: write it after `case`, for example `case CM16-0221706`.',
            range: file.header.keywordRange,
            data: { section: 'case', key: 'case-number', line: file.header.keywordRange.start.line },
          });
        }
        return out;
      },
    },
    {
      inputs: { unit: 'item', reads: [], absolutePositions: true },
      checkItem: (_ctx, item) => missingFields(item.section),
    },
  ],
  fixes({ file }, d) {
    const kind = str(d.data?.section);
    const key = str(d.data?.key);
    const line = d.data?.line;
    const section =
      file.sections.find((s) => s.kind === kind && s.keywordRange.start.line === line) ??
      file.sections.find((s) => s.kind === kind && d.range.start.line === s.keywordRange.start.line);
    if (!section) return [];
    if (kind === 'case' && key === 'case-number') {
      if (section.kind !== 'case' || section.caseNumber) return [];
      return [fix('Add the case number', d, [{ range: at(section.keywordRange.end), newText: ' ${1:CM00-0000000}', snippet: true }], true)];
    }
    const spec = fieldSpec(kind, key);
    if (!spec) return [];
    if (present(section, key)) return [];
    const eol = eolOf(file);
    // A rationale after a criteria block is a block keyword like `criteria:`, so it takes that line's indentation.
    const criteria = key === 'rationale' && section.kind === 'item' ? section.criteria : undefined;
    const indent = criteria ? (/^[ \t]*/.exec(lineText(file, criteria.keywordRange.start.line))?.[0] ?? '') : fieldIndent(file, section);
    const text = reindent(spec.skeleton, indent, eol);
    // A rationale closes the item; any other field goes after the section's last field.
    const after = key === 'rationale' && section.kind === 'item' ? itemEnd(section) : lastFieldLine(section);
    // A field whose value is one of a list (a decision, the sex, the priority)
    // is added but not preferred: its skeleton's first choice would be the
    // value an auto-fix or an editor without snippets writes, and a decision
    // is the reviewer's to state.
    const choice = spec.type === 'enum';
    return [
      fix(
        `Add \`${key}:\` (${spec.letter})`.replace('`rationale:`', '`rationale`'),
        d,
        [{ range: at(endOfLine(file, after)), newText: eol + indent + text, snippet: true }],
        !choice,
      ),
    ];
  },
});

/**
 * The section's missing fields, added to `out`. An array, not a generator: a generator per section (and one per
 * part delegating to it) cost more than the check itself, which finds nothing in nearly every section.
 */
function missingFields(section: Section, out: Finding<MissingFieldData>[] = []): Finding<MissingFieldData>[] {
  const spec = sectionSpec(section.kind);
  if (!spec) return out;
  for (const f of spec.fields) {
    if (!f.required) continue;
    const present = f.type === 'block' ? hasBlock(section, f.key) : section.fields.some((x) => x.key === f.key);
    if (present) continue;
    out.push({
      message: f.missing ?? `Add \`${f.key}:\` to ${spec.title.toLowerCase()}.`,
      range: headerRange(section),
      data: { section: section.kind, key: f.key, line: section.keywordRange.start.line },
    });
  }
  return out;
}

function hasBlock(section: Section, key: string): boolean {
  if (section.kind !== 'item') return false;
  return key === 'rationale' ? !!section.rationale : key === 'criteria' ? !!section.criteria : false;
}

/** The section's first line: where a missing field is reported. */
function headerRange(section: Section): Range {
  const s = section.keywordRange.start;
  const end =
    section.kind === 'item' && section.service
      ? section.service.range.end
      : section.kind === 'case' && section.caseNumber
        ? section.caseNumber.range.end
        : section.keywordRange.end;
  return { start: s, end };
}

function present(section: Section, key: string): boolean {
  if (section.kind === 'item' && key === 'rationale') return !!section.rationale;
  if (section.kind === 'item' && key === 'criteria') return !!section.criteria;
  return section.fields.some((f) => f.key === key);
}

function lastFieldLine(section: Section): number {
  let line = section.keywordRange.start.line;
  for (const f of section.fields) line = Math.max(line, f.range.end.line);
  return line;
}

function itemEnd(item: ItemSection): number {
  return Math.max(item.range.end.line, item.criteria?.range.end.line ?? 0, item.rationale?.range.end.line ?? 0);
}

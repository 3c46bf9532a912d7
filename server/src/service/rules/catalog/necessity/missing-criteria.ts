// missing-criteria: the criteria block names no guideline section, or leaves
// some of its section's criteria unaddressed. The fixes name the section the
// service matches, or add the missing criteria with status unknown (never a
// status the case does not give).
import type { CaseFile, ItemSection, Position } from '../../../syntax/ast';
import type { TextEdit } from '../../../types';
import { defineRule } from '../../defineRule';
import { at, fix } from '../../fixes';
import { viewItem } from '../../../necessity/itemView';
import { eolOf, lineText } from '../../../syntax/layout';

export type MissingCriteriaData =
  { kind: 'section'; section: string; at: Position } | { kind: 'criteria'; section: string; missing: string[]; line: number; indent: string };

export default defineRule<MissingCriteriaData>({
  code: 'missing-criteria',
  family: 'necessity',
  severity: 'warning',
  summary: 'Criteria of the cited guideline section that the item does not address.',
  // Its own item only (the service, the criteria block and its lines); the line in its data is absolute.
  inputs: { unit: 'item', reads: [], absolutePositions: true },
  *checkItem({ file, library }, item) {
    const v = viewItem(item, library);
    const block = v.criteria;
    if (!block) return;
    if (!block.section || !block.section.value.trim()) {
      const suggestion = v.serviceMatches[0];
      yield {
        message: `Name the guideline section these criteria come from after \`criteria:\`${suggestion ? `, for "${item.service}" probably \`${suggestion.id}\` (${suggestion.title})` : ' (see docs/criteria.md for the ids)'}.`,
        range: block.keywordRange,
        data: suggestion ? { kind: 'section', section: suggestion.id, at: block.keywordRange.end } : undefined,
      };
      return;
    }
    // An unknown section is unknown-criterion's to report.
    const section = library.section(block.section.value);
    if (!section) return;
    const listed = new Set(block.entries.map((e) => e.id.value.toUpperCase()));
    const missing = section.criteria.filter((c) => !listed.has(c.id.toUpperCase()));
    if (!missing.length) return;
    const where = insertionPoint(file, v.section);
    yield {
      message: `${missing.length === 1 ? 'Criterion' : 'Criteria'} ${missing.map((c) => c.id).join(', ')} of ${section.id} ${missing.length === 1 ? 'is' : 'are'} not addressed. Mark each met, not met, unknown or not applicable, so the reader sees every criterion of the guideline was weighed.`,
      range: block.section.range,
      data: { kind: 'criteria', section: section.id, missing: missing.map((c) => c.id), line: where.line, indent: where.indent },
    };
  },
  fixes(ctx, d) {
    // Partial of a union: read as the wider record the wire may bring.
    const data = (d.data ?? {}) as Partial<Record<'kind' | 'section' | 'indent', string> & { at: Position; missing: string[]; line: number }>;
    const nl = eolOf(ctx.file);
    if (data.kind === 'section' && data.at && data.section) {
      // `at` is the end of the word `criteria`: the id goes after its colon,
      // over any blanks that end the line, or nowhere if the line has moved on.
      const line = lineText(ctx.file, data.at.line);
      const rest = /^(\s*:)(\s*)$/.exec(line.slice(data.at.character));
      if (!rest) return [];
      const start = data.at.character + rest[1].length;
      // Not preferred: the section is guessed from the service's name; which guideline applies is the reviewer's call.
      return [
        fix(
          `Name the guideline section: ${data.section}`,
          d,
          [
            {
              range: { start: { line: data.at.line, character: start }, end: { line: data.at.line, character: start + rest[2].length } },
              newText: ` ${data.section}`,
            },
          ],
          false,
        ),
      ];
    }
    if (data.kind !== 'criteria' || !Array.isArray(data.missing) || typeof data.line !== 'number') return [];
    const lines = data.missing.map((id) => `${data.indent ?? '    '}${id}: unknown`);
    const last = ctx.file.lineCount - 1;
    // After the file's last line (no line below the block): start a new line first.
    const edit: TextEdit =
      data.line > last || (data.line === last && ctx.file.lineStarts[last] === ctx.file.text.length && !ctx.file.text.endsWith('\n'))
        ? { range: at({ line: last, character: ctx.file.text.length - ctx.file.lineStarts[last] }), newText: nl + lines.join(nl) }
        : { range: at({ line: data.line, character: 0 }), newText: lines.join(nl) + nl };
    return [fix(`Add ${data.missing.join(', ')} (status unknown)`, d, [edit], true)];
  },
});

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

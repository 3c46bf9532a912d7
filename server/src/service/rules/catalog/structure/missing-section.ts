// missing-section: a part every determination letter has (case header,
// reviewer, worker, summary, an item) is absent. The fix inserts the part's
// skeleton where the canonical order puts it.
import type { SectionKind } from '../../../syntax/ast';
import type { TextEdit } from '../../../types';
import { defineRule } from '../../defineRule';
import { at, fix, str } from '../../fixes';
import { SECTION_SPECS, sectionSpec } from '../../../schema/fields';
import { range } from '../../../syntax/positions';
import { endOfLine, eolOf, indentUnit, lineText, reindent } from '../../../syntax/layout';

const FIRST_LINE = range(0, 0, 0);

/** The order the parts of a letter take; a missing part is inserted where this order puts it. */
const CANONICAL: readonly SectionKind[] = ['case', 'reviewer', 'worker', 'summary', 'documents', 'item'];

export default defineRule<{ section: SectionKind }>({
  code: 'missing-section',
  family: 'structure',
  severity: 'error',
  summary: 'A part of the letter is missing (case header, reviewer, worker, summary, item).',
  *check({ file }) {
    for (const spec of SECTION_SPECS) {
      if (!spec.required && !spec.recommended) continue;
      if (file.sections.some((s) => s.kind === spec.keyword)) continue;
      // A part the law asks for but the case can be read without (the documents reviewed) is a warning.
      yield { message: spec.missingMessage, range: FIRST_LINE, data: { section: spec.keyword }, ...(spec.required ? {} : { severity: 'warning' as const }) };
    }
  },
  fixes({ file }, d) {
    const kind = str(d.data?.section) as SectionKind;
    const spec = sectionSpec(kind);
    if (!spec || !CANONICAL.includes(kind)) return [];
    if (kind !== 'item' && file.sections.some((s) => s.kind === kind)) return []; // already mended
    const eol = eolOf(file);
    const skeleton = reindent(spec.skeleton.replace(/\n*$/, '\n'), indentUnit(file), eol);
    const order = CANONICAL.indexOf(kind);
    const before = file.sections.find((s) => CANONICAL.indexOf(s.kind) > order);
    let edit: TextEdit;
    if (before) {
      // Above the next part in canonical order, and above comments written directly over it.
      let line = before.keywordRange.start.line;
      while (line > 0 && /^\s*--/.test(lineText(file, line - 1))) line--;
      edit = { range: at({ line, character: 0 }), newText: skeleton + eol, snippet: true };
    } else {
      // At the end of the file, after one blank line.
      const last = file.lineCount - 1;
      const end = endOfLine(file, last);
      const lastBlank = lineText(file, last).trim() === '';
      const prevBlank = last === 0 || lineText(file, last - 1).trim() === '';
      const lead = file.text.length === 0 ? '' : lastBlank ? (prevBlank ? '' : eol) : eol + eol;
      // A last line of only spaces or tabs is replaced, not extended: the keyword must start at the margin.
      const start = lastBlank ? { line: last, character: 0 } : end;
      edit = { range: { start, end }, newText: lead + skeleton, snippet: true };
    }
    return [fix(`Add the ${spec.title.toLowerCase()} (\`${kind}\`)`, d, [edit], true)];
  },
});

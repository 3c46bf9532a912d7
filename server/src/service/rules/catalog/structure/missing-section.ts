// missing-section: a part every determination letter has (case header,
// reviewer, worker, summary, an item) is absent. The fix inserts the part's
// skeleton where the canonical order puts it.
import type { CaseFile, SectionKind } from '../../../syntax/ast';
import type { TextEdit } from '../../../types';
import { defineRule } from '../../defineRule';
import { at, fix, str } from '../../fixes';
import { SECTION_SPECS, sectionSpec } from '../../../schema/fields';
import { range } from '../../../syntax/positions';
import { endOfLine, eolOf, indentUnit, lineText, reindent } from '../../../syntax/layout';

const FIRST_LINE = range(0, 0, 0);

/** The order the parts of a letter take; a missing part is inserted where this order puts it. */
const CANONICAL: readonly SectionKind[] = ['case', 'reviewer', 'worker', 'summary', 'documents', 'item'];

/** A file with nothing but blank lines and comments: a new case, not one with five parts missing. */
function isEmptyCase(file: CaseFile): boolean {
  return file.sections.length === 0 && file.text.split(/\r\n?|\n/).every((l) => l.trim() === '' || /^\s*--/.test(l));
}

/** The parts a letter has, in order: the ones the empty file's one finding names and its fix adds. */
function lettersParts() {
  return CANONICAL.map((k) => sectionSpec(k)).filter((spec) => spec && (spec.required || spec.recommended));
}

export default defineRule<{ section: SectionKind; empty?: true }>({
  code: 'missing-section',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['text'] },
  summary: 'A part of the letter is missing (case header, reviewer, worker, summary, item).',
  *check({ file }) {
    if (isEmptyCase(file)) {
      // One finding, not five errors at once: an empty file is a case not yet begun.
      const parts = lettersParts().map((spec) => `${spec!.title.toLowerCase()} (\`${spec!.keyword}\`)`);
      yield {
        message: `The case file is empty. A determination letter has ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}: the quick-fix adds them all, or type \`case\` for the new-case snippet.`,
        range: FIRST_LINE,
        data: { section: 'case', empty: true },
      };
      return;
    }
    for (const spec of SECTION_SPECS) {
      if (!spec.required && !spec.recommended) continue;
      if (file.sections.some((s) => s.kind === spec.keyword)) continue;
      // A part the law asks for but the case can be read without (the documents reviewed) is a warning.
      yield { message: spec.missingMessage, range: FIRST_LINE, data: { section: spec.keyword }, ...(spec.required ? {} : { severity: 'warning' as const }) };
    }
  },
  fixes({ file }, d) {
    if (d.data?.empty === true) {
      if (!isEmptyCase(file)) return []; // already begun
      const eol = eolOf(file);
      const skeletons = lettersParts().map((spec) => reindent(spec!.skeleton.replace(/\n*$/, '\n'), indentUnit(file), eol));
      return [fix('Add every part of a letter', d, [appendAtEnd(file, skeletons.join(eol))], true)];
    }
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
      edit = appendAtEnd(file, skeleton);
    }
    return [fix(`Add the ${spec.title.toLowerCase()} (\`${kind}\`)`, d, [edit], true)];
  },
});

/** An edit that adds `text` at the end of the file, after one blank line. */
function appendAtEnd(file: CaseFile, text: string): TextEdit {
  const eol = eolOf(file);
  const last = file.lineCount - 1;
  const end = endOfLine(file, last);
  const lastBlank = lineText(file, last).trim() === '';
  const prevBlank = last === 0 || lineText(file, last - 1).trim() === '';
  const lead = file.text.length === 0 ? '' : lastBlank ? (prevBlank ? '' : eol) : eol + eol;
  // A last line of only spaces or tabs is replaced, not extended: the keyword must start at the margin.
  const start = lastBlank ? { line: last, character: 0 } : end;
  return { range: { start, end }, newText: lead + text, snippet: true };
}

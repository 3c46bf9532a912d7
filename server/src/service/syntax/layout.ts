// How this file is laid out: its line ending and indentation. Inserted text
// (quick-fix skeletons, multi-line completions) follows the file, not the
// two-space convention data/fields.json skeletons are written in.
import type { CaseFile, Position, Section } from './ast';

export function lineText(file: CaseFile, line: number): string {
  if (line < 0 || line >= file.lineStarts.length) return '';
  const start = file.lineStarts[line];
  const end = line + 1 < file.lineStarts.length ? file.lineStarts[line + 1] : file.text.length;
  return file.text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** The file's first line break (LF, CRLF or a lone CR, all of which the parser reads), else LF. */
export function eolOf(file: CaseFile): string {
  return /\r\n?|\n/.exec(file.text)?.[0] ?? '\n';
}

/** The indentation of one level: the first indented content line's whitespace, else two spaces. */
export function indentUnit(file: CaseFile): string {
  for (let line = 0; line < file.lineCount; line++) {
    const m = /^([ \t]+)\S/.exec(lineText(file, line));
    if (m) return m[1].includes('\t') ? '\t' : m[1];
  }
  return '  ';
}

/**
 * The indentation of a section's fields: that of its first field line, else
 * of its first indented line (an item's block keyword), else the file's unit.
 * The first line, not a block the parser kept: of two `criteria:` blocks it
 * keeps the second, and a field written with that one's indentation could
 * read differently above the first.
 */
export function fieldIndent(file: CaseFile, section: Section): string {
  let line = section.fields[0]?.keyRange.start.line ?? -1;
  for (let l = section.keywordRange.start.line + 1; line < 0 && l <= section.range.end.line; l++) {
    if (/^[ \t]+[^ \t-]/.test(lineText(file, l))) line = l;
  }
  const m = line >= 0 ? /^[ \t]+/.exec(lineText(file, line)) : null;
  return m ? m[0] : indentUnit(file);
}

/**
 * Re-indents a skeleton written with two spaces per level: each level of a
 * line becomes one `unit` of the file, and line breaks become the file's.
 */
export function reindent(skeleton: string, unit: string, eol: string): string {
  return skeleton
    .split('\n')
    .map((l) => {
      const lead = /^ */.exec(l)![0].length;
      return l.trim() === '' ? '' : unit.repeat(Math.floor(lead / 2)) + l.slice(lead);
    })
    .join(eol);
}

/** The end of a line, before its line break: where text is appended to it. */
export function endOfLine(file: CaseFile, line: number): Position {
  return { line, character: lineText(file, line).length };
}

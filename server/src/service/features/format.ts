// Format Document: the layout of a case file made regular without touching
// its words. Each line is re-indented to its level in the parse (a part's
// keyword at the margin, its fields, prose and block keywords one level in,
// criteria lines and rationale prose two), in the file's indent unit; a
// comment takes the level of the line below it and moves with it. Within a
// run of field lines, fields follow the order of data/fields.json (a field
// the schema does not know stays after the field above it). Runs of blank
// lines become one, one blank line stands before each part, trailing
// whitespace goes and the file ends with one line break.
//
// The words never change: the formatted text is parsed again and must give
// the same parts, fields, criteria, prose, documents and comments, or no edit
// is offered (a file the parser reads in an unexpected way is left as it is).
import type { CaseFile, Section } from '../syntax/ast';
import type { TextEdit } from '../types';
import { parseCase } from '../syntax/parser';
import { eolOf, indentUnit, lineText } from '../syntax/layout';
import { sectionSpec } from '../schema/fields';

interface Line {
  /** Content without its indentation or trailing whitespace; '' for a blank line. */
  text: string;
  /** Indent level, or undefined to keep the line's own indentation (a line the parse does not place). */
  level?: number;
  /** The original indentation, kept when level is undefined. */
  indent: string;
  /** Field key, for ordering; the section's index. */
  field?: { key: string; section: number };
  sectionStart?: boolean;
  comment?: boolean;
}

/** The levels the parse gives each line. */
function levels(file: CaseFile): Map<number, number> {
  const at = new Map<number, number>();
  const set = (line: number, level: number) => {
    if (!at.has(line)) at.set(line, level);
  };
  for (const section of file.sections) {
    set(section.keywordRange.start.line, 0);
    for (const f of section.fields) set(f.range.start.line, 1);
    if (section.kind === 'summary') for (const s of section.prose.segments) set(s.line, 1);
    if (section.kind === 'documents') for (const e of section.entries) set(e.range.start.line, 1);
    if (section.kind === 'item') {
      if (section.criteria) {
        set(section.criteria.keywordRange.start.line, 1);
        for (const e of section.criteria.entries) set(e.range.start.line, 2);
      }
      if (section.rationale) {
        set(section.rationale.keywordRange.start.line, 1);
        for (const s of section.rationale.prose.segments) set(s.line, 2);
      }
    }
  }
  return at;
}

function fieldLines(file: CaseFile): Map<number, { key: string; section: number }> {
  const out = new Map<number, { key: string; section: number }>();
  file.sections.forEach((section: Section, i) => {
    for (const f of section.fields) if (f.range.start.line === f.range.end.line) out.set(f.range.start.line, { key: f.key, section: i });
  });
  return out;
}

/** The formatted text of a case file (the text itself when formatting would change what the parser reads). */
export function formatText(text: string): string {
  const file = parseCase(text);
  const formatted = layout(file);
  return formatted !== text && sameReading(file, parseCase(formatted)) ? formatted : text;
}

/** The edit that formats the document: the changed lines between the unchanged first and last ones; none when already formatted. */
export function formatEdits(text: string): TextEdit[] {
  const formatted = formatText(text);
  if (formatted === text) return [];
  const a = text.split(/\r\n?|\n/);
  const b = formatted.split(/\r\n?|\n/);
  let head = 0;
  while (head < a.length - 1 && head < b.length - 1 && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - 1 - head && tail < b.length - 1 - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // Replace from the start of the first changed line to the start of the first unchanged line after the change.
  const eol = eolOf(parseCase(formatted));
  const newLines = b.slice(head, b.length - tail);
  const endLine = a.length - tail;
  const lastLineOfText = a.length - 1;
  if (endLine > lastLineOfText) {
    // The change reaches the end of the file: replace to its very end.
    return [
      {
        range: { start: { line: head, character: 0 }, end: { line: lastLineOfText, character: a[lastLineOfText].length } },
        newText: newLines.join(eol),
      },
    ];
  }
  return [{ range: { start: { line: head, character: 0 }, end: { line: endLine, character: 0 } }, newText: newLines.map((l) => l + eol).join('') }];
}

function layout(file: CaseFile): string {
  const eol = eolOf(file);
  const unit = indentUnit(file);
  const at = levels(file);
  const fields = fieldLines(file);
  const sectionStarts = new Set(file.sections.map((s) => s.keywordRange.start.line));
  const lines: Line[] = [];
  for (let l = 0; l < file.lineCount; l++) {
    const raw = lineText(file, l);
    const text = raw.trim();
    const indent = /^[ \t]*/.exec(raw)![0];
    lines.push({
      text,
      indent,
      level: text === '' ? 0 : at.get(l),
      field: fields.get(l),
      sectionStart: sectionStarts.has(l),
      comment: text.startsWith('--') && !at.has(l),
    });
  }
  // A comment takes the level of the line below it (the next one that is not a comment or blank).
  for (let l = lines.length - 1, next: number | undefined = 0; l >= 0; l--) {
    const line = lines[l];
    if (line.text === '') continue;
    if (line.comment) line.level = next;
    else next = line.level;
  }
  orderFields(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') {
      // One blank line where there were several; none at the top.
      if (out.length && out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (line.sectionStart && out.length) {
      // One blank line before a part, above the comments that lead into it.
      let j = out.length;
      while (j > 0 && isComment(out[j - 1])) j--;
      if (j > 0 && out[j - 1] !== '') out.splice(j, 0, '');
    }
    const indent = line.level === undefined ? line.indent : unit.repeat(line.level);
    out.push(indent + line.text);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? out.join(eol) + eol : '';
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith('--');
}

/**
 * Sorts each run of consecutive field lines of one part (comments above a
 * field go with it) into the schema's order. The sort is stable, and a key the
 * schema does not know sorts with the field above it.
 */
function orderFields(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].field && !(lines[i].comment && fieldBelow(lines, i))) {
      i++;
      continue;
    }
    const section = (lines[i].field ?? lines[fieldBelow(lines, i)!].field)!.section;
    // The run: field lines of this section, each with the comments right above it.
    const groups: Line[][] = [];
    let j = i;
    while (j < lines.length) {
      const below = lines[j].field ? j : lines[j].comment ? fieldBelow(lines, j) : undefined;
      if (below === undefined || lines[below].field!.section !== section) break;
      groups.push(lines.slice(j, below + 1));
      j = below + 1;
    }
    if (groups.length > 1) {
      const kind = sectionKindOf(lines, i);
      const order = (sectionSpec(kind ?? '')?.fields ?? []).map((f) => f.key);
      let last = -1;
      const keyed = groups.map((g, k) => {
        const index = order.indexOf(g[g.length - 1].field!.key);
        if (index >= 0) last = index;
        return { g, k, index: index >= 0 ? index : last };
      });
      keyed.sort((a, b) => a.index - b.index || a.k - b.k);
      lines.splice(i, j - i, ...keyed.flatMap((x) => x.g));
    }
    i = Math.max(j, i + 1);
  }
}

/** The field line a comment leads into: the first line below that is not a comment (no blank between). */
function fieldBelow(lines: Line[], i: number): number | undefined {
  let j = i;
  while (j < lines.length && lines[j].comment) j++;
  return j < lines.length && lines[j].field ? j : undefined;
}

/** The keyword of the part a line belongs to: the nearest part keyword above it. */
function sectionKindOf(lines: Line[], i: number): string | undefined {
  for (let j = i; j >= 0; j--) if (lines[j].sectionStart && lines[j].level === 0) return lines[j].text.split(/\s/)[0].toLowerCase();
  return undefined;
}

/** What the parser reads, without places: formatting must leave it unchanged (fields compared as multisets per part). */
function reading(file: CaseFile): string {
  return JSON.stringify({
    sections: file.sections.map((s) => ({
      kind: s.kind,
      fields: s.fields.map((f) => `${f.key}:${f.value.trim()}`).sort(),
      name: s.kind === 'item' ? s.service?.value : s.kind === 'case' ? s.caseNumber?.value : undefined,
      prose: s.kind === 'summary' ? s.prose.text : s.kind === 'item' ? s.rationale?.prose.text : undefined,
      documents: s.kind === 'documents' ? s.entries.map((e) => e.text) : undefined,
      criteria:
        s.kind === 'item' && s.criteria
          ? [
              s.criteria.section?.value,
              ...s.criteria.entries.map((e) => `${e.id.value}|${e.statusText?.value}|${e.evidence.map((x) => x.name)}|${e.note?.value}`),
            ]
          : undefined,
    })),
    comments: file.comments.map((c) => c.text.trim()),
    suppressions: file.suppressions.map((s) => s.codes.join(',')),
    problems: file.problems.map((p) => p.code).sort(),
  });
}

function sameReading(a: CaseFile, b: CaseFile): boolean {
  return reading(a) === reading(b);
}

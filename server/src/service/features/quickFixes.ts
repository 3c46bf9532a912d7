// Quick-fixes for the structural diagnostics (rules/structure.ts). Each reads
// the diagnostic's `data`, which survives the LSP round trip, and re-finds the
// place in the current parse, so a fix is never built from stale positions.
import type { CaseFile, ItemSection, Position, Range, Section, SectionKind } from '../syntax/ast';
import { fieldSpec, sectionSpec } from '../schema/fields';
import type { CodeAction, ImrDiagnostic, TextEdit } from '../types';
import type { CodeActionContributor } from './codeActions';
import { eolOf, fieldIndent, indentUnit, lineText, reindent } from './layout';

/** The order the parts of a letter take; a missing part is inserted where this order puts it. */
const CANONICAL: readonly SectionKind[] = ['case', 'reviewer', 'worker', 'summary', 'item'];

export const structureQuickFixes: CodeActionContributor = ({ file }, { diagnostics }) => {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    switch (d.code) {
      case 'missing-section':
        push(out, missingSection(file, d));
        break;
      case 'missing-field':
        push(out, missingField(file, d));
        break;
      case 'unknown-field':
        push(out, replacement(d, (r) => r, `Change to "${str(d.data?.replacement)}"`));
        break;
      case 'unknown-reference':
        push(out, replacement(d, (r) => `[#${r}]`, `Change to [#${str(d.data?.replacement)}]`));
        break;
      case 'invalid-value':
        out.push(...enumValues(file, d));
        break;
    }
  }
  return out;
};

function push(out: CodeAction[], action: CodeAction | undefined) {
  if (action) out.push(action);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function fix(title: string, d: ImrDiagnostic, edits: TextEdit[], isPreferred = true): CodeAction {
  return { title, kind: 'quickfix', diagnostics: [d], edits, isPreferred };
}

function endOfLine(file: CaseFile, line: number): Position {
  return { line, character: lineText(file, line).length };
}

// ---- missing parts of the letter ----

function missingSection(file: CaseFile, d: ImrDiagnostic): CodeAction | undefined {
  const kind = str(d.data?.section) as SectionKind;
  const spec = sectionSpec(kind);
  if (!spec || !CANONICAL.includes(kind)) return undefined;
  if (kind !== 'item' && file.sections.some((s) => s.kind === kind)) return undefined; // already mended
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
  return fix(`Add the ${spec.title.toLowerCase()} (\`${kind}\`)`, d, [edit]);
}

function missingField(file: CaseFile, d: ImrDiagnostic): CodeAction | undefined {
  const kind = str(d.data?.section);
  const key = str(d.data?.key);
  const line = d.data?.line;
  const section = file.sections.find((s) => s.kind === kind && s.keywordRange.start.line === line) ?? file.sections.find((s) => s.kind === kind && d.range.start.line === s.keywordRange.start.line);
  if (!section) return undefined;
  if (kind === 'case' && key === 'case-number') {
    if (section.kind !== 'case' || section.caseNumber) return undefined;
    return fix('Add the case number', d, [{ range: at(section.keywordRange.end), newText: ' ${1:CM00-0000000}', snippet: true }]);
  }
  const spec = fieldSpec(kind, key);
  if (!spec) return undefined;
  if (present(section, key)) return undefined;
  const eol = eolOf(file);
  // A rationale after a criteria block is a block keyword like `criteria:`, so it takes that line's indentation.
  const criteria = key === 'rationale' && section.kind === 'item' ? section.criteria : undefined;
  const indent = criteria ? (/^[ \t]*/.exec(lineText(file, criteria.keywordRange.start.line))?.[0] ?? '') : fieldIndent(file, section);
  const text = reindent(spec.skeleton, indent, eol);
  // A rationale closes the item; any other field goes after the section's last field.
  const after = key === 'rationale' && section.kind === 'item' ? itemEnd(section) : lastFieldLine(section);
  return fix(`Add \`${key}:\` (${spec.letter})`.replace('`rationale:`', '`rationale`'), d, [
    { range: at(endOfLine(file, after)), newText: eol + indent + text, snippet: true },
  ]);
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

// ---- replacements suggested by the diagnostic ----

function replacement(d: ImrDiagnostic, render: (r: string) => string, title: string): CodeAction | undefined {
  const r = str(d.data?.replacement);
  if (!r) return undefined;
  return fix(title, d, [{ range: d.range, newText: render(r) }]);
}

/** One action per allowed value of an enum field (decision, priority, sex). */
function enumValues(file: CaseFile, d: ImrDiagnostic): CodeAction[] {
  const values = Array.isArray(d.data?.values) ? (d.data!.values as unknown[]).filter((v): v is string => typeof v === 'string') : [];
  if (values.length === 0) return [];
  const key = str(d.data?.key);
  // An empty value is reported on the whole `key:`; the value is then added after it, not over it.
  const lineEnd = lineText(file, d.range.end.line).slice(0, d.range.end.character);
  const empty = lineEnd.trimEnd().endsWith(':');
  return values.map((v) =>
    fix(`Change ${key || 'the value'} to "${v}"`, d, [empty ? { range: at(d.range.end), newText: (lineEnd.endsWith(' ') ? '' : ' ') + v } : { range: d.range, newText: v }], false),
  );
}

function at(p: Position): Range {
  return { start: p, end: p };
}

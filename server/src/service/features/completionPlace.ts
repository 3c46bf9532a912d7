// Where the cursor stands, as completion sees it. Read from the raw line
// text as well as the tree, because the line being typed is usually
// incomplete (`  dec`, `decision: `, `[#`) and the parser reads it as a
// problem or not at all.
import type { CaseFile, CriteriaBlock, ItemSection, Position, Range, Section } from '../syntax/ast';
import { lineText } from '../syntax/layout';

export type CompletionPlace =
  /** A word at the left margin: a part of the letter starts here. `lineHasMore`: the part already has text after the word or lines under it. */
  | { kind: 'section-keyword'; replace: Range; lineHasMore: boolean }
  /** A field name on an indented line of a part (not inside a block). */
  | { kind: 'field-name'; section: Section; replace: Range; lineHasMore: boolean }
  /** After `key:`; for `criteria:` the value is a guideline section id. */
  | { kind: 'field-value'; section: Section; key: string; replace: Range }
  /** After `[#` in a criteria or rationale line: a citation of a summary fact. */
  | { kind: 'label'; item: ItemSection; replace: Range; closed: boolean }
  /** The start of a line in a criteria block: a criterion id of the cited section. */
  | { kind: 'criterion-id'; item: ItemSection; criteria: CriteriaBlock; replace: Range }
  /** After `<id>:` in a criteria block. */
  | { kind: 'criterion-status'; item: ItemSection; criteria: CriteriaBlock; id: string; replace: Range };

const WORD = /[A-Za-z0-9_.-]*/y;

/** The end of the word (id/label characters) that starts at `from`. */
function wordEnd(text: string, from: number): number {
  WORD.lastIndex = from;
  WORD.exec(text);
  return WORD.lastIndex;
}

function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function completionPlace(file: CaseFile, position: Position): CompletionPlace | undefined {
  const line = position.line;
  const text = lineText(file, line);
  const col = Math.min(position.character, text.length);
  const prefix = text.slice(0, col);
  if (/^\s*--/.test(prefix)) return undefined; // inside a comment

  if (/^[A-Za-z-]*$/.test(prefix) && !(prefix === '' && /^\s+\S/.test(text))) {
    const end = col + /^[A-Za-z-]*/.exec(text.slice(col))![0].length;
    // Text after the word, or indented lines under it, mean the part is already written out.
    const hasBody = /^[ \t]+\S/.test(lineText(file, line + 1));
    return { kind: 'section-keyword', replace: span(line, 0, end), lineHasMore: text.slice(end).trim() !== '' || hasBody };
  }

  const section = enclosingSection(file, line);
  if (!section || section.keywordRange.start.line === line || section.kind === 'summary') return undefined;
  const indent = /^[ \t]*/.exec(text)![0].length;
  const item = section.kind === 'item' ? section : undefined;
  const block = item ? blockAt(item, line, Math.min(indent, col), col) : 'fields';

  if (item && (block === 'criteria' || block === 'rationale')) {
    const lm = /\[#([A-Za-z0-9_.-]*)$/.exec(prefix);
    if (lm) {
      const start = col - lm[1].length;
      // Inside an existing `[#name]` the whole name is replaced; otherwise only what was typed.
      const nameEnd = wordEnd(text, col);
      const closed = text[nameEnd] === ']';
      return { kind: 'label', item, replace: span(line, start, closed ? nameEnd : col), closed };
    }
  }
  if (item && block === 'criteria') {
    const criteria = item.criteria!;
    if (/^\s+[A-Za-z0-9_.-]*$/.test(prefix)) {
      return { kind: 'criterion-id', item, criteria, replace: span(line, indent, wordEnd(text, indent)) };
    }
    const sm = /^(\s+)([A-Za-z0-9][A-Za-z0-9_.-]*)\s*:(\s*)([A-Za-z/ ]*)$/.exec(prefix);
    if (sm) {
      const start = col - sm[4].length;
      const entry = criteria.entries.find((e) => e.range.start.line === line);
      const statusEnd = entry?.statusText && entry.statusText.range.start.character === start ? entry.statusText.range.end.character : col;
      return { kind: 'criterion-status', item, criteria, id: sm[2], replace: span(line, start, Math.max(col, statusEnd)) };
    }
    return undefined;
  }
  if (block === 'rationale') return undefined;

  const fm = /^(\s+)([A-Za-z][A-Za-z0-9_-]*)\s*:(\s*)(.*)$/.exec(prefix);
  if (fm) {
    const start = col - fm[4].length;
    const end = Math.max(col, start + text.slice(start).trimEnd().length);
    return { kind: 'field-value', section, key: fm[2].toLowerCase(), replace: span(line, start, end) };
  }
  const nm = /^(\s+)([A-Za-z-]*)$/.exec(prefix);
  if (nm) {
    const start = nm[1].length;
    const end = col + /^[A-Za-z-]*/.exec(text.slice(col))![0].length;
    return { kind: 'field-name', section, replace: span(line, start, end), lineHasMore: text.slice(end).trim() !== '' };
  }
  return undefined;
}

/** The part of the letter a line belongs to: the last one whose keyword is on or above it. */
export function enclosingSection(file: CaseFile, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of file.sections) if (s.keywordRange.start.line <= line) found = s;
  return found;
}

/**
 * Which block of an item a line is in. A block (criteria, rationale) holds
 * the lines below its keyword that are indented deeper than it, up to the
 * next field of the item. A rationale also holds text after its keyword.
 */
function blockAt(item: ItemSection, line: number, indent: number, col: number): 'fields' | 'criteria' | 'rationale' {
  const blocks: { kind: 'criteria' | 'rationale'; kw: Range }[] = [];
  if (item.criteria) blocks.push({ kind: 'criteria', kw: item.criteria.keywordRange });
  if (item.rationale) blocks.push({ kind: 'rationale', kw: item.rationale.keywordRange });
  let best: { kind: 'criteria' | 'rationale'; kw: Range } | undefined;
  for (const b of blocks) {
    const kwLine = b.kw.start.line;
    const inside = (kwLine < line && indent > b.kw.start.character) || (b.kind === 'rationale' && kwLine === line && col > b.kw.end.character);
    if (!inside) continue;
    if (item.fields.some((f) => f.range.start.line > kwLine && f.range.start.line <= line)) continue;
    if (!best || kwLine > best.kw.start.line) best = b;
  }
  // A later block keyword between this one and the line closes it.
  if (best && blocks.some((b) => b !== best && b.kw.start.line > best!.kw.start.line && b.kw.start.line <= line)) return 'fields';
  return best?.kind ?? 'fields';
}

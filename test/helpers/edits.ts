// Applies text edits the way an editor does: every range refers to the
// original text, so edits are applied from the last to the first. Snippet
// edits are applied as plain text (placeholders reduced to their defaults),
// as a client without snippet support would get them.
import { computeLineStarts, offsetAt } from '../../server/src/service/syntax/positions';
import { toPlainText } from '../../server/src/service/features/snippets';
import type { Position, Range } from '../../server/src/service/types';

export interface EditLike {
  range: Range;
  newText: string;
  snippet?: boolean;
}

export function applyEdits(text: string, edits: EditLike[]): string {
  const starts = computeLineStarts(text);
  const at = (p: Position) => offsetAt(starts, text, p);
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  for (let i = 1; i < sorted.length; i++) {
    if (at(sorted[i].range.end) > at(sorted[i - 1].range.start)) throw new Error('overlapping edits');
  }
  let out = text;
  for (const e of sorted) {
    const newText = e.snippet ? toPlainText(e.newText) : e.newText;
    out = out.slice(0, at(e.range.start)) + newText + out.slice(at(e.range.end));
  }
  return out;
}

/** The position of the n-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const offset = index + delta;
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}

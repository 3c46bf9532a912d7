// The server's copy of each open document, kept in step with the editor's by
// applying its incremental changes. vscode-languageserver-textdocument's own
// update keeps its line table incrementally, and gets it wrong when an edit
// joins a "\r" and a "\n" (or splits them): the next edit then lands a line
// off, and the server checks text the author never wrote (it reported a
// clean case that had two errors). VS Code normalizes line endings, so it
// never sends such an edit; Neovim and other clients do. Here each change is
// applied to the plain text with positions read from a line table that is
// exactly the one built from that text, so every change sees exactly the
// lines the client saw.
//
// The table is updated per change rather than built again (issue 12): building
// it scanned the whole text on every keystroke, 11 ms of each change on the
// 20,000-line case (1.3 MB), before the analysis could start. Whether an offset
// starts a line depends only on the two characters around it (see lineStartsAt),
// so only the starts the change touched are found again; the others are kept,
// shifted by the change's length.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { countBefore } from '../service/text/bisect';

/** The offset of every line start: 0, and after each "\r\n", "\r" or "\n" (LSP's line ends). */
export function lineStarts(text: string): Float64Array {
  return Float64Array.from(startsBetween((k) => text.charCodeAt(k), 1, text.length, [0]));
}

/** Does a line start at `q` (0 < q <= length), `code(k)` being the text's character code at k? After a "\n", or after a "\r" not followed by "\n". */
function startsLine(code: (k: number) => number, q: number): boolean {
  const before = code(q - 1);
  return before === 10 || (before === 13 && code(q) !== 10);
}

/** `out` with the line starts q in [from, to] (from >= 1) of the text whose character codes `code` gives appended. */
function startsBetween(code: (k: number) => number, from: number, to: number, out: number[]): number[] {
  for (let q = Math.max(1, from); q <= to; q++) if (startsLine(code, q)) out.push(q);
  return out;
}

/**
 * The line starts of `before` (whose starts are `starts`) with [start, end)
 * replaced by `inserted`. A start q depends on the characters at q - 1 and q
 * only, so the starts before `start` stay, those in the inserted text (and at
 * its two ends) are found again, and those after `end` + 1 move by the
 * change's length. The characters are read from `before` and `inserted`, not
 * from the new text: reading that would copy it whole into one string (V8
 * joins a concatenation when it is first read), which the parse does once
 * for all the changes of a burst.
 */
export function editedLineStarts(starts: ArrayLike<number>, before: string, start: number, end: number, inserted: string): Float64Array {
  const kept = countBelow(starts, start);
  const tail = countBelow(starts, end + 1);
  const delta = inserted.length - (end - start);
  const code = (k: number) => (k < start ? before.charCodeAt(k) : k < start + inserted.length ? inserted.charCodeAt(k - start) : before.charCodeAt(k - delta));
  const found = startsBetween(code, start, start + inserted.length, start === 0 ? [0] : []);
  const out = new Float64Array(kept + found.length + starts.length - tail);
  let n = 0;
  for (let i = 0; i < kept; i++) out[n++] = starts[i];
  for (const q of found) out[n++] = q;
  for (let i = tail; i < starts.length; i++) out[n++] = starts[i] + delta;
  return out;
}

/** How many of the ascending `xs` are below `x`. */
function countBelow(xs: ArrayLike<number>, x: number): number {
  return countBefore(xs, (q) => q < x);
}

/** A document with its exact line table; positions are read as vscode-languageserver-textdocument reads them. */
class LineSafeDocument implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    /** Exactly lineStarts(text). */
    readonly starts: ArrayLike<number>,
  ) {}

  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    // The last line starting at or before the offset.
    const line = countBelow(this.starts, offset + 1) - 1;
    return { line, character: this.beforeLineEnd(offset, this.starts[line]) - this.starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.starts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeLineEnd(Math.min(lineStart + position.character, next), lineStart);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** An offset past a line's content comes back to before its line end. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === 13 || this.text.charCodeAt(offset - 1) === 10)) offset--;
    return offset;
  }
}

function create(uri: string, languageId: string, version: number, text: string): LineSafeDocument {
  return new LineSafeDocument(uri, languageId, version, text, lineStarts(text));
}

/** `document` after applying `changes` in order, each with positions in the text the previous one left. */
function update(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): LineSafeDocument {
  let current = document instanceof LineSafeDocument ? document : create(document.uri, document.languageId, version, document.getText());
  for (const change of changes) {
    if (!('range' in change) || change.range === undefined) {
      current = create(current.uri, current.languageId, version, change.text);
      continue;
    }
    let start = current.offsetAt(change.range.start);
    let end = current.offsetAt(change.range.end);
    if (end < start) [start, end] = [end, start];
    const before = current.getText();
    const after = before.slice(0, start) + change.text + before.slice(end);
    current = new LineSafeDocument(current.uri, current.languageId, version, after, editedLineStarts(current.starts, before, start, end, change.text));
  }
  // A notification with no changes still moves the document to its new version.
  return current.version === version ? current : new LineSafeDocument(current.uri, current.languageId, version, current.getText(), current.starts);
}

/** What TextDocuments stores: documents with an exact line table, updated through their changes. */
export const lineSafeTextDocument: TextDocumentsConfiguration<TextDocument> = { create, update };

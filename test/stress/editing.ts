// A person editing one case, reduced to a seeded stream of LSP incremental
// changes: typing a word a key at a time, Enter, Backspace, deleting a
// selection, pasting lines from another case, and undo. The session keeps its
// own copy of the text, so the test knows exactly what the server should hold
// after every change.
import type { Position, Range } from '../../server/src/service/types';

export interface ContentChange {
  range: Range;
  text: string;
}

interface Applied {
  start: number;
  removed: string;
  inserted: string;
}

/** Bits of case text a person types: field names, values, labels, prose, and characters beyond ASCII. */
const TYPED = [
  'decision: upheld',
  'decision: overturned',
  'licensure: California',
  '[#no-prior-imaging]',
  '[#pt-completed]',
  'MTUS ',
  'The injured worker reports ',
  'not medically necessary',
  ' met ',
  'résumé ',
  '“quoted” ',
  '😀',
  '\t',
  ':',
  '#',
];

export class EditingSession {
  text: string;
  version = 1;
  private cursor: number;
  private undo: Applied[] = [];
  private typing = '';

  constructor(
    text: string,
    private random: () => number,
    private pasteSources: string[],
  ) {
    this.text = text;
    this.cursor = Math.floor(random() * text.length);
  }

  /** The next didChange: its content changes, already applied to `text`, and the new version. */
  next(): ContentChange[] {
    this.version++;
    const r = this.random();
    // Keep the case between about 1 and 40 thousand characters.
    if (this.text.length > 40000 && r < 0.5) return [this.undoOrDelete()];
    if (this.text.length < 1000 && r < 0.5) return [this.paste()];
    if (this.typing || r < 0.45) return [this.type()];
    if (r < 0.5) return [this.insertAtCursor('\n' + this.indentHere())];
    if (r < 0.63) return [this.backspace()];
    if (r < 0.7) return [this.deleteSelection()];
    if (r < 0.78) return [this.paste()];
    if (r < 0.9) return [this.undoOrDelete()];
    if (r < 0.95) {
      this.cursor = this.snap(Math.floor(this.random() * (this.text.length + 1)));
      return [this.type()];
    }
    return this.twoPlaces();
  }

  /** Where the cursor is, as an LSP position (for hover, completion...). */
  get position(): Position {
    return this.positionAt(this.cursor);
  }

  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }

  private type(): ContentChange {
    if (!this.typing) this.typing = TYPED[Math.floor(this.random() * TYPED.length)];
    // One key: a surrogate pair (an emoji) is one key, never half of one.
    const key = this.typing.codePointAt(0)! > 0xffff ? this.typing.slice(0, 2) : this.typing[0];
    this.typing = this.typing.slice(key.length);
    return this.insertAtCursor(key);
  }

  private insertAtCursor(text: string): ContentChange {
    const change = this.replace(this.cursor, this.cursor, text);
    this.cursor += text.length;
    return change;
  }

  private backspace(): ContentChange {
    if (this.cursor === 0) return this.insertAtCursor(' ');
    const start = this.snap(this.cursor - 1);
    const change = this.replace(start, this.cursor, '');
    this.cursor = start;
    return change;
  }

  private deleteSelection(): ContentChange {
    const start = this.snap(Math.floor(this.random() * this.text.length));
    const wholeLine = this.random() < 0.3;
    const end = wholeLine
      ? (() => {
          const nl = this.text.indexOf('\n', start);
          return nl < 0 ? this.text.length : nl + 1;
        })()
      : this.snap(Math.min(this.text.length, start + 1 + Math.floor(this.random() * 80)));
    const from = wholeLine ? this.text.lastIndexOf('\n', start - 1) + 1 : start;
    const change = this.replace(from, end, '');
    this.cursor = from;
    return change;
  }

  /** Pastes a few whole lines of another case at the start of a line. */
  private paste(): ContentChange {
    const source = this.pasteSources[Math.floor(this.random() * this.pasteSources.length)].split('\n');
    const first = Math.floor(this.random() * source.length);
    const lines = source.slice(first, first + 1 + Math.floor(this.random() * 8));
    const at = this.text.lastIndexOf('\n', this.cursor - 1) + 1;
    this.cursor = at;
    return this.insertAtCursor(lines.join('\n') + '\n');
  }

  /** Undo the last change not yet undone (the editor's Ctrl+Z); with nothing to undo, delete instead. */
  private undoOrDelete(): ContentChange {
    const last = this.undo.pop();
    if (!last) return this.deleteSelection();
    const change = this.replace(last.start, last.start + last.inserted.length, last.removed, false);
    this.cursor = last.start + last.removed.length;
    return change;
  }

  /** Two changes in one notification (multi-cursor typing): the later place first, so the earlier offset stays valid. */
  private twoPlaces(): ContentChange[] {
    const a = this.snap(Math.floor(this.random() * (this.text.length + 1)));
    const b = this.snap(Math.floor(this.random() * (this.text.length + 1)));
    const [early, late] = a <= b ? [a, b] : [b, a];
    const key = String.fromCodePoint(TYPED[Math.floor(this.random() * TYPED.length)].codePointAt(0)!);
    const second = this.replace(late, late, key);
    const first = this.replace(early, early, key);
    this.cursor = early + key.length;
    return [second, first];
  }

  private replace(start: number, end: number, text: string, remember = true): ContentChange {
    const range = { start: this.positionAt(start), end: this.positionAt(end) };
    const removed = this.text.slice(start, end);
    this.text = this.text.slice(0, start) + text + this.text.slice(end);
    if (remember) this.undo.push({ start, removed, inserted: text });
    if (this.undo.length > 200) this.undo.shift();
    return { range, text };
  }

  private indentHere(): string {
    const lineStart = this.text.lastIndexOf('\n', this.cursor - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(lineStart, this.cursor))![0];
  }

  /** Moves an offset off the middle of a surrogate pair, as an editor's cursor never sits there. */
  private snap(offset: number): number {
    const c = this.text.charCodeAt(offset);
    return offset > 0 && c >= 0xdc00 && c <= 0xdfff ? offset - 1 : offset;
  }
}

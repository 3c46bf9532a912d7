// Writes case-file text line by line and remembers where things went, so the
// importer's diagnostics can point at the exact line of the case file.
// Everything written here must parse without syntax problems: prose lines are
// indented under their section, a prose line that would read as a comment
// (starting with "--") is joined to the line before, "[#" in prose is kept
// from reading as a fact label, and field values are single lines.
import type { Range } from '../syntax/ast';
import type { ImrDiagnostic, RelatedInformation, Severity } from '../types';
import { range } from '../syntax/positions';
import { normalizeSpace } from './letterLines';

export const INDENT = '  ';

export class CaseWriter {
  private lines: string[] = [];
  readonly diagnostics: ImrDiagnostic[] = [];

  get lineCount(): number {
    return this.lines.length;
  }

  line(text: string): Range {
    const n = this.lines.length;
    this.lines.push(text.replace(/[\r\n]+/g, ' '));
    return range(n, 0, this.lines[n].length);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  /** `-- text` lines at the given depth; long text keeps the letter's own line breaks. Returns the range of all of them. */
  comment(depth: number, textLines: string[]): Range {
    const first = this.lines.length;
    const pad = INDENT.repeat(depth);
    for (const t of textLines) this.lines.push(`${pad}-- ${t.replace(/[\r\n]+/g, ' ')}`.replace(/\s+$/, ''));
    const last = this.lines.length - 1;
    return { start: { line: first, character: pad.length }, end: { line: last, character: this.lines[last].length } };
  }

  field(depth: number, key: string, value: string): Range {
    const pad = INDENT.repeat(depth);
    const v = normalizeSpace(value);
    const n = this.lines.length;
    this.lines.push(`${pad}${key}: ${v}`);
    return range(n, pad.length, this.lines[n].length);
  }

  /**
   * Prose lines (paragraphs separated by blank entries) at the given depth.
   * Returns the line number of each input line in the case file (-1 for blank
   * or joined lines), for label insertion.
   */
  prose(depth: number, textLines: { text: string; blank: boolean }[]): number[] {
    const pad = INDENT.repeat(depth);
    const at: number[] = [];
    let lastContent = -1;
    for (const l of textLines) {
      // "[#" in a letter is the letter's own text, not a fact label: a zero-width
      // space keeps it from being read as one (or as a broken one), and it
      // renders exactly as the letter printed it.
      const t = l.text.trim().replace(/\[#/g, '[\u200b#');
      if (l.blank || t === '') {
        if (lastContent >= 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
        at.push(-1);
        continue;
      }
      // A line starting with "--" would be read as a comment: keep it on the line before.
      if (t.startsWith('--') && lastContent >= 0 && this.lines[this.lines.length - 1] !== '') {
        this.lines[this.lines.length - 1] += ' ' + t;
        at.push(-1);
        continue;
      }
      at.push(this.lines.length);
      this.lines.push(pad + (t.startsWith('--') ? '\u200b' + t : t));
      lastContent = this.lines.length - 1;
    }
    // A paragraph break at the very end would read as part of the next section.
    while (this.lines.length && this.lines[this.lines.length - 1] === '' && lastContent >= 0 && this.lines.length - 1 > lastContent) this.lines.pop();
    return at;
  }

  /** Inserts text into an already written line (a label marker). */
  insert(line: number, character: number, text: string): void {
    const l = this.lines[line];
    this.lines[line] = l.slice(0, character) + text + l.slice(character);
  }

  lineText(line: number): string {
    return this.lines[line] ?? '';
  }

  note(code: string, severity: Severity, message: string, where: Range, data?: Record<string, unknown>, relatedInformation?: RelatedInformation[]): void {
    this.diagnostics.push({ code, severity, message, range: where, ...(data ? { data } : {}), ...(relatedInformation ? { relatedInformation } : {}) });
  }

  text(): string {
    while (this.lines.length && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.join('\n') + '\n';
  }
}

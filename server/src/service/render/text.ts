// The letter as plain text, laid out like the corpus letters: the header
// block in two columns, headings on their own lines, paragraphs separated by
// blank lines and wrapped like a printed page. Compared with a real letter
// after white-space normalization, the words are the same.
import { paragraphText, type LetterModel, type LetterParagraph } from './letterModel';

export interface TextOptions {
  /** Wrap paragraphs at this many characters; 0 leaves each paragraph on one line. */
  wrap?: number;
}

const HEADER_COLUMN = 40;

export function renderText(letter: LetterModel, options: TextOptions = {}): string {
  const width = options.wrap ?? 96;
  const out: string[] = [];
  // Plain text has no pages: the notice opens and closes the letter, so any part of it read alone still says draft.
  if (letter.draft) out.push(letter.draft.notice, '');
  for (const row of letter.header) {
    const cells = row.map((f) => `${f.label} ${f.value}`);
    out.push(cells.length === 2 ? cells[0].padEnd(HEADER_COLUMN - 1) + ' ' + cells[1] : cells.join(' '));
  }
  for (const section of letter.sections) {
    if (out.length) out.push('');
    out.push(section.heading, '');
    section.paragraphs.forEach((p, i) => {
      if (i > 0 && !p.tight) out.push('');
      out.push(...paragraphLines(p, width));
    });
  }
  if (letter.draft) out.push('', letter.draft.notice);
  return out.join('\n') + '\n';
}

function paragraphLines(p: LetterParagraph, width: number): string[] {
  if (p.kind === 'criteria') return criteriaLines(p, width);
  return p.runs.length === 0 && !p.lead ? [] : wrap(paragraphText(p), width);
}

function criteriaLines(p: LetterParagraph, width: number): string[] {
  const head = paragraphText(p);
  const lines = [head];
  for (const r of p.rows ?? []) {
    const evidence = r.evidence.length ? ` Evidence: ${r.evidence.join(' ')}` : '';
    const note = r.note ? ` Note: ${r.note}` : '';
    lines.push(...wrap(`- ${r.id}: ${r.status}.${evidence}${note}`, width, '  '));
  }
  return lines;
}

/** Greedy word wrap; a word longer than the line stays whole. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const paragraphs = text.split('\n');
  if (!width || width <= 0) return paragraphs;
  const lines: string[] = [];
  for (const para of paragraphs) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = indent + word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

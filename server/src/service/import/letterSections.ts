// Finds the parts of a current-layout letter by their headings and strips the
// fixed sentences that open them ("The expert reviewer developed the
// following clinical case summary ..."), which may wrap over several lines.
import { LETTER_TEXT } from '../render/letterText';
import type { LetterLine } from './letterLines';
import { normalizeSpace } from './letterLines';

export type HeadingKey = 'howMade' | 'summary' | 'issues';

export interface CurrentLayoutBlocks {
  /** Lines before the first heading. */
  header: LetterLine[];
  /** Lines under each heading (heading line excluded); undefined when the heading is missing. */
  blocks: Partial<Record<HeadingKey, LetterLine[]>>;
}

// The renderer's own wording: what it writes is what the importer recognises.
const HEADINGS: Record<HeadingKey, string> = {
  howMade: LETTER_TEXT.headings.howMade,
  summary: LETTER_TEXT.headings.summary,
  issues: LETTER_TEXT.headings.issues,
};

function headingOf(line: LetterLine): HeadingKey | undefined {
  const t = normalizeSpace(line.text).toUpperCase();
  for (const key of Object.keys(HEADINGS) as HeadingKey[]) if (t === HEADINGS[key]) return key;
  return undefined;
}

export function findHeadings(lines: LetterLine[]): { key: HeadingKey; at: number }[] {
  const found: { key: HeadingKey; at: number }[] = [];
  lines.forEach((l, at) => {
    const key = headingOf(l);
    if (key && !found.some((f) => f.key === key)) found.push({ key, at });
  });
  return found;
}

export function splitCurrentLayout(lines: LetterLine[]): CurrentLayoutBlocks {
  const found = findHeadings(lines);
  // No heading at all: the layout was recognised by its items (detectLayout),
  // so the whole letter is read as the decisions part. Its items are found
  // and the text before them is kept, rather than nothing being imported.
  if (found.length === 0) return { header: [], blocks: { issues: lines } };
  const result: CurrentLayoutBlocks = { header: lines.slice(0, found[0].at), blocks: {} };
  found.forEach((f, k) => {
    const end = k + 1 < found.length ? found[k + 1].at : lines.length;
    result.blocks[f.key] = lines.slice(f.at + 1, end);
  });
  return result;
}

/**
 * If the block's text starts with `expected` (white space aside), removes it
 * and returns the lines after it; a line only partly taken keeps its rest.
 */
export function stripLeading(lines: LetterLine[], expected: string): { rest: LetterLine[]; found: boolean } {
  const want = normalizeSpace(expected);
  let acc = '';
  let i = 0;
  while (i < lines.length && lines[i].blank) i++;
  for (; i < lines.length; i++) {
    if (lines[i].blank) continue;
    const next = normalizeSpace(acc + ' ' + lines[i].text);
    if (next.length >= want.length) {
      if (!next.startsWith(want)) return { rest: lines, found: false };
      // How much of this line the expected text used up.
      const line = lines[i];
      const usedOfLine = want.length - (acc ? normalizeSpace(acc).length + 1 : 0);
      const lineNorm = normalizeSpace(line.text);
      const restText = lineNorm.slice(Math.max(0, usedOfLine)).trim();
      const rest = lines.slice(i + 1);
      if (restText) rest.unshift({ index: line.index, text: restText, blank: false });
      return { rest, found: true };
    }
    acc = next;
    if (!want.startsWith(acc)) return { rest: lines, found: false };
  }
  return { rest: lines, found: false };
}

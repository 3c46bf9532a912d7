// The letter as lines, the way a PDF text extractor leaves it: line breaks in
// mid-sentence, trailing blanks, lines holding only a space, form feeds
// between pages. This module evens out only what carries no text (line-end
// style, trailing blanks, form feeds) and removes unmistakable page furniture
// ("Page 2 of 3"), counting what it removed so the importer can say so.

export interface LetterLine {
  /** Zero-based line number in the letter as given. */
  index: number;
  /** The line without trailing white space. */
  text: string;
  blank: boolean;
}

export interface LetterLines {
  lines: LetterLine[];
  /** Page headers, footers and page numbers removed (their count, never their text). */
  furnitureRemoved: number;
}

// "Page 2 of 3", "- 2 -", "Page 2": furniture no letter sentence looks like.
const PAGE_FURNITURE = [/^page\s+\d+(\s+of\s+\d+)?$/i, /^-\s*\d{1,3}\s*-$/];

export function toLetterLines(raw: string): LetterLines {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n');
  const lines: LetterLine[] = [];
  let furnitureRemoved = 0;
  const all = text.split('\n');
  // pypdf marks a paragraph break with a line holding a blank (" ") and leaves
  // truly empty lines at page breaks and, in double-spaced letters, after
  // every line. When the letter has such blank-space lines, only they end a
  // paragraph; the empty ones are dropped. Otherwise empty lines end paragraphs.
  const spaceBlanks = all.filter((l) => l !== '' && l.trim() === '').length;
  const emptyIsSpacing = spaceBlanks >= 2;
  all.forEach((line, index) => {
    if (emptyIsSpacing && line === '') return;
    const trimmed = line.replace(/[\s\u00a0]+$/, '');
    if (PAGE_FURNITURE.some((re) => re.test(trimmed.trim()))) {
      furnitureRemoved++;
      return;
    }
    lines.push({ index, text: trimmed, blank: trimmed.trim() === '' });
  });
  return { lines, furnitureRemoved };
}

/** Collapses white space the way the round trip compares letters. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Lines joined into one string with single spaces, as a field value holds them. */
export function joinLines(lines: readonly LetterLine[]): string {
  return normalizeSpace(lines.map((l) => l.text).join(' '));
}

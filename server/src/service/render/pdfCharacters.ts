// The PDF is set in the standard Helvetica fonts, which draw only the
// WinAnsi characters (Latin-1 and a few typographic ones). pdfkit writes any
// other character as bytes those fonts read as other letters: "≥ 6 weeks"
// came out as '"e 6 weeks'. So before text reaches the PDF, a character the
// fonts lack is spelled out in ones they have (≥ as >=, → as ->, α as alpha,
// ł as l); one with no spelling prints as "?", never as another letter. The
// HTML and text letters keep every character as written.

import type LineBreakerClass from 'linebreak';

/** The non-Latin-1 characters of WinAnsiEncoding (pdfkit's WIN_ANSI_MAP). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Spellings for characters clinical text uses that WinAnsi lacks. */
const SPELLED: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '∼': '~',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '↑': '^',
  '↓': 'v',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '⁄': '/',
  '′': "'",
  '″': '"',
  '✓': 'v',
  '✔': 'v',
  μ: 'µ',
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  κ: 'kappa',
  Δ: 'delta',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  // Zero-width characters draw nothing: the importer puts a zero-width space
  // in "[#" and before "--" of letter prose so they are not read as markup.
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
};

const DRAWABLE = /^[\t\n\r\x20-\x7e\xa0-\xff]$/;

function drawable(c: string): boolean {
  return DRAWABLE.test(c) || WIN_ANSI_EXTRA.has(c);
}

/** `text` in characters the standard PDF fonts draw. */
export function pdfText(text: string): string {
  let out = '';
  for (const c of text) {
    if (drawable(c)) out += c;
    else if (SPELLED[c] !== undefined) out += SPELLED[c];
    else {
      // Accented letters outside Latin-1 (ą, ő, ş): the letter without its accent; ⅓ as 1/3.
      const base = [...c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')].map((b) => (drawable(b) ? b : SPELLED[b]));
      out += base.length && base.every((b) => b !== undefined) ? base.join('') : '?';
    }
  }
  return breakLongWords(out);
}

/** Longer than any line of the letter; only pasted garbage or a hostile file has words this long. */
const LONG_WORD = 200;
const PIECE = 100;

/**
 * Cuts every stretch of more than LONG_WORD characters in which pdfkit may
 * not break a line into PIECE-character lines. pdfkit breaks a stretch too
 * long for its line by measuring ever shorter prefixes of the rest of it,
 * line after line: quadratic in the stretch's length (a 1 MB word took the
 * better part of an hour). Where it may break is decided by the Unicode line
 * breaking rules its own breaker (the linebreak package) applies, so the
 * stretches are found with that breaker: letters joined by no-break spaces
 * are one stretch (268 KB of them took 39 s), and so are closing brackets and
 * punctuation after plain spaces, since no line may start with ")" (64 KB of
 * them took 3.6 s). A cut is a line end, the one break the rules always allow;
 * a space would not be one before ")". Such a stretch is broken across lines
 * anyway; the cuts only choose where.
 */
export function breakLongWords(text: string): string {
  if (text.length <= LONG_WORD) return text;
  // Loaded when first needed, as pdf.ts loads pdfkit (which requires the same module: the bundle holds it once).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const LineBreaker = require('linebreak') as typeof LineBreakerClass;
  const breaker = new LineBreaker(text);
  let out = '';
  let from = 0;
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) {
    const stretch = text.slice(from, br.position);
    out += stretch.length > LONG_WORD ? cut(stretch) : stretch;
    from = br.position;
  }
  const rest = text.slice(from);
  return out + (rest.length > LONG_WORD ? cut(rest) : rest);
}

/** `stretch` in lines of PIECE characters (its trailing spaces stay with the last). */
function cut(stretch: string): string {
  const pieces: string[] = [];
  for (let i = 0; i < stretch.length; i += PIECE) pieces.push(stretch.slice(i, i + PIECE));
  return pieces.join('\n');
}

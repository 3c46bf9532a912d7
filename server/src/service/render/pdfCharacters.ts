// The PDF is set in the standard Helvetica fonts, which draw only the
// WinAnsi characters (Latin-1 and a few typographic ones). pdfkit writes any
// other character as bytes those fonts read as other letters: "≥ 6 weeks"
// came out as '"e 6 weeks'. So before text reaches the PDF, a character the
// fonts lack is spelled out in ones they have (≥ as >=, → as ->, α as alpha,
// ł as l); one with no spelling prints as "?", never as another letter. The
// HTML and text letters keep every character as written.

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
 * Splits runs of more than LONG_WORD characters that hold no place to break a
 * line with a space every PIECE characters. pdfkit breaks a run too long for
 * its line by measuring ever shorter prefixes of the rest of it, line after
 * line: quadratic in the run's length (a 1 MB word took the better part of an
 * hour). A run is what lies between plain spaces, tabs and line ends: a
 * no-break space (U+00A0, U+2007, U+202F) joins words for pdfkit as letters
 * do, so words joined by them are one run (268 KB of them took 39 s), though
 * JavaScript's \s counts them as spaces. Such a run is broken across lines
 * anyway; the spaces only choose where.
 */
export function breakLongWords(text: string): string {
  if (text.length <= LONG_WORD) return text;
  return text.replace(UNBREAKABLE_RUN, (word) => {
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += PIECE) pieces.push(word.slice(i, i + PIECE));
    return pieces.join(' ');
  });
}

const UNBREAKABLE_RUN = new RegExp(`[^ \t\n\r]{${LONG_WORD + 1},}`, 'g');

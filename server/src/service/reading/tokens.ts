// Tokens of a sentence, as the lexicon's phrases are written: whole words,
// case-insensitive, with digits and `/`, `+`, `.` kept inside a word where a
// letter writes them so ("4/5", "4+/5", "10/325", "5.5", "q.d."). A hyphen
// between words is no token: "x-ray" reads as the words "x" "ray", and the
// matcher compiles a phrase so that "x ray", "x-ray" and "xray" all meet it.
// One linear scan with no regular expression, so a pasted page of text with
// no punctuation costs no more than its length.

export interface Token {
  /** Offsets into the text the token was read from. */
  start: number;
  end: number;
  /** Lower-case form the matcher compares: "e.g." -> "eg", "Don" of "don't" -> "do". */
  norm: string;
  /** A word (letters/digits) or one punctuation mark (, ; : ( ) " ! ? and a dash standing between blanks). */
  kind: 'word' | 'punct';
  /**
   * A hyphen joined this token to the one before it ("x-ray", "L4-5", "7-8"). Always set: tokens of one shape keep
   * every read of them (the matcher's, each phase of the reader's) to one hidden class.
   */
  hyphenated: boolean;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 191 && c !== 215 && c !== 247 && c < 0x2000);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

const PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '!', '?', '—', '–', '.', '/', '&', '#', '%', '=', '<', '>', '°', 'º']);

/**
 * Splits `text` into tokens. `allowStar` keeps a trailing `*` on a word (for
 * phrases of the lexicon, where "radicul*" means any word starting so).
 */
export function tokenize(text: string, allowStar = false): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let hyphenPending = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const start = i;
      let letterRun = 0; // letters since the last '.', for abbreviations written with full stops (q.d., e.g.)
      let dotted = false;
      // A right single quotation mark (U+2019) kept inside the word, as in "don't" typeset: the only way one gets into it.
      let curly = false;
      // An apostrophe kept inside the word: without one it cannot end in "n't".
      let apostrophe = false;
      // A capital or a character past ASCII: without one the word is its own lower case (no toLowerCase copy).
      let cased = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) {
          letterRun = isLetter(d) ? letterRun + 1 : 0;
          if (d < 97 ? d >= 65 : d > 122) cased = true;
          i++;
          continue;
        }
        const prev = text.charCodeAt(i - 1);
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (d === 46 /* . */) {
          // 5.5 and 0.25 mg; q.d. b.i.d. e.g. i.e. (one- or two-letter pieces), with the closing full stop.
          if (isDigit(prev) && isDigit(next)) {
            i++;
            continue;
          }
          if (
            isLetter(prev) &&
            letterRun <= 2 &&
            (isLetter(next) ? i + 2 >= n || !isLetter(text.charCodeAt(i + 2)) || text.charCodeAt(i + 2) === 46 : dotted)
          ) {
            dotted = true;
            letterRun = 0;
            i++;
            continue;
          }
          break;
        }
        if (d === 47 /* / */ && (isDigit(prev) || prev === 43) && isDigit(next)) {
          i++;
          continue;
        }
        if (d === 43 /* + */ && isDigit(prev)) {
          i++;
          continue;
        }
        if ((d === 39 || d === 0x2019) && isLetter(prev) && isLetter(next)) {
          if (d === 0x2019) curly = true;
          apostrophe = true;
          i++;
          continue;
        }
        if (d === 42 /* * */ && allowStar) {
          i++;
          break;
        }
        break;
      }
      let norm = cased ? text.slice(start, i).toLowerCase() : text.slice(start, i);
      if (curly) norm = norm.replace(/\u2019/g, "'");
      if (dotted) norm = norm.replace(/\./g, '');
      // "don't", "isn't", "can't": the negation is its own token, as in Penn Treebank.
      if (apostrophe && norm.length > 3 && norm.endsWith("n't")) {
        out.push({ start, end: i - 3, norm: norm.slice(0, -3), kind: 'word', hyphenated: hyphenPending });
        out.push({ start: i - 3, end: i, norm: "n't", kind: 'word', hyphenated: false });
      } else out.push({ start, end: i, norm, kind: 'word', hyphenated: hyphenPending });
      hyphenPending = false;
      continue;
    }
    // A blank, the commonest character between words: no token, and it ends a pending hyphen (as below).
    if (c === 32) {
      hyphenPending = false;
      i++;
      continue;
    }
    if (c === 45 /* - */) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (isWordChar(prev) && isWordChar(next)) hyphenPending = true;
      else if (!isWordChar(prev) && !isWordChar(next)) out.push({ start: i, end: i + 1, norm: '—', kind: 'punct', hyphenated: false });
      // "-5" or "word-" at an edge joins nothing.
      i++;
      continue;
    }
    const ch = text[i];
    if (PUNCT.has(ch)) {
      out.push({ start: i, end: i + 1, norm: ch === '–' ? '—' : ch === '“' || ch === '”' ? '"' : ch, kind: 'punct', hyphenated: false });
    }
    hyphenPending = false;
    i++;
  }
  return out;
}

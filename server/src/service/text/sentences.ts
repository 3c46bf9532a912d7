// Sentences of a letter's text, as a PDF extractor or an author writes it.
// Shared by the case language's prose (syntax/prose.ts), the importer and the
// reading layer, so it imports nothing of theirs.
//
// What ends a sentence: a full stop, question or exclamation mark (with any
// closing quotes or brackets after it: `radiculopathy."`) before a blank and
// a capital, a digit, a quote or a bracket; a paragraph break; the start of a
// list item. What does not: the full stop of an abbreviation (Dr., e.g.,
// i.e., vs., No. 5, approx.), of an initial, or of a number (5.5, 10/325 mg,
// 4+/5 need no rule: no blank follows their marks); a line break inside a
// paragraph; a page break or page furniture (page numbers, "Page 2 of 5",
// the case number and headers repeated on each page) that cuts a sentence in
// two. Every scan is linear: the look-backs read a bounded window.

import { pieceAt } from './pieces';

export interface SplitSentence {
  /** Offsets into the text given (the sentence's first and last character + 1). */
  start: number;
  end: number;
  /** The sentence as one line: line breaks read as blanks, page furniture taken out. */
  text: string;
  /** Where each piece of `text` comes from: text[offset, offset + (end - start)) = source[start, end). */
  pieces: Array<{ offset: number; start: number; end: number }>;
}

export interface SplitOptions {
  /**
   * `pdf` (default): text as an extractor gives it, with page furniture,
   * headings in capitals and paragraph breaks that may fall mid-sentence.
   * `prose`: text an author wrote (the case language's summary and
   * rationale): line starts only mark list items.
   */
  layout?: 'pdf' | 'prose';
}

// A full stop after these never ends a sentence (they always go on).
const ABBREVIATIONS = new Set([
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'messrs',
  'prof',
  'vs',
  'v',
  'e.g',
  'eg',
  'i.e',
  'ie',
  'approx',
  'appt',
  'cf',
  'fig',
  'figs',
  'st',
  'jr',
  'sr',
  'al',
  'pp',
  'sec',
  'ch',
  'chap',
  'vol',
  'u.s',
  'dept',
  'inc',
  'ltd',
  'co',
  'corp',
  'assoc',
  'pt',
  'pts',
]);
// A full stop after these ends a sentence only before a word that cannot follow them: "No. 5" goes on, "the answer is no. The" ends.
/** The characters the splitter stops at when no inline list is open: the marks that may end a sentence and the bullets. */
const MARKS = /[.!?\u2022\u25aa\u25cf]/g;
const BEFORE_NUMBER = new Set(['no', 'nos', 'p', 'pg', 'tab', 'tbl', 'ex', 'exh', 'ref', 'para']);

const PAGE_LINE = /^(?:page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/i;
const CASE_NUMBER_LINE = /^(?:case\s*(?:number|no\.?|#)\s*:?\s*)?cm\d{2}-\d{5,8}$/i;

interface Line {
  start: number; // content start (after indentation)
  end: number; // content end (trailing blanks trimmed)
  blank: boolean;
  furniture: boolean;
  listItem: boolean;
  heading: boolean;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0' || c === '\v';
}

function readLines(text: string, layout: 'pdf' | 'prose'): Line[] {
  const lines: Line[] = [];
  let at = 0;
  const counts = new Map<string, number>();
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    let s = at;
    let e = nl;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    const content = text.slice(s, Math.min(e, s + 120));
    const blank = s === e;
    const listItem = !blank && /^(?:[•·▪●◦‣∙*]|-(?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))/.test(content);
    const heading =
      layout === 'pdf' && !blank && e - s <= 80 && !/[.!?,;]$/.test(content) && /^[^a-z]*$/.test(content) && (content.match(/[A-Z]{3,}/g)?.length ?? 0) >= 2;
    const furniture = layout === 'pdf' && !blank && e - s <= 40 && (PAGE_LINE.test(content) || CASE_NUMBER_LINE.test(content));
    if (layout === 'pdf' && !blank && e - s <= 80 && !/[.!?:]$/.test(content)) counts.set(content, (counts.get(content) ?? 0) + 1);
    lines.push({ start: s, end: e, blank, furniture, listItem, heading });
    at = nl + 1;
  }
  // A line repeated on the pages (a running header or footer) is furniture: one in capitals, or one next to a
  // page number. A repeated line of prose ("The MTUS guidelines recommend" opening each item's rationale) is not.
  if (layout === 'pdf') {
    const nearPageMark = (i: number) => {
      for (let k = Math.max(0, i - 2); k <= Math.min(lines.length - 1, i + 2); k++) if (k !== i && lines[k].furniture) return true;
      return text.slice(Math.max(0, lines[i].start - 3), lines[i].end + 3).includes('\f');
    };
    const repeated = lines.map((l) => !l.blank && !l.furniture && !l.listItem && (counts.get(text.slice(l.start, l.end)) ?? 0) >= 2);
    lines.forEach((l, i) => {
      if (repeated[i] && (!/[a-z]/.test(text.slice(l.start, l.end)) || nearPageMark(i))) l.furniture = true;
    });
  }
  return lines;
}

// Words a sentence does not end on: a paragraph break after them is a page break, not the end of the sentence.
const CONTINUING_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'with',
  'in',
  'for',
  'on',
  'at',
  'by',
  'as',
  'from',
  'that',
  'was',
  'were',
  'is',
  'are',
  'his',
  'her',
  'their',
  'no',
  'not',
]);

function continues(text: string, prevEnd: number, nextStart: number): boolean {
  const last = text[prevEnd - 1];
  const next = text[nextStart];
  if (/[.!?:;"”)\]]/.test(last)) return false;
  if (/[a-z]/.test(next ?? '')) return true;
  if (last === ',' || last === '-' || last === '/' || last === '(') return true;
  const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, prevEnd - 12), prevEnd))?.[1]?.toLowerCase();
  return !!word && CONTINUING_WORDS.has(word);
}

/** Splits `text` into sentences; see the module comment for what ends one. */
export function splitSentences(text: string, options: SplitOptions = {}): SplitSentence[] {
  const layout = options.layout ?? 'pdf';
  const lines = readLines(text, layout);
  // Pieces of running text, each a line's content, with whether a sentence must start before it.
  const runs: Array<{ start: number; end: number; breakBefore: boolean }> = [];
  let sawGap = false; // a blank line or furniture since the last content line
  let prevHeading = false;
  for (const l of lines) {
    if (l.blank) {
      sawGap = true;
      continue;
    }
    if (l.furniture) {
      sawGap = true;
      continue;
    }
    const prev = runs[runs.length - 1];
    let breakBefore = !prev || l.listItem || l.heading || prevHeading;
    if (!breakBefore && sawGap) {
      // A paragraph break ends the sentence, unless the sentence plainly goes on (a page break cut it).
      breakBefore = layout === 'prose' || !continues(text, prev.end, l.start);
    }
    runs.push({ start: l.start, end: l.end, breakBefore });
    sawGap = false;
    prevHeading = l.heading;
  }

  const out: SplitSentence[] = [];
  let cur: SplitSentence | undefined;
  const flush = () => {
    if (cur && cur.text.trim()) {
      // Trim the sentence's own trailing blanks (pieces keep their offsets).
      if (cur.text.length > MAX_SENTENCE) for (const part of cutLong(cur)) out.push(part);
      else out.push(cur);
    }
    cur = undefined;
  };
  const append = (s: number, e: number) => {
    if (e <= s) return;
    if (!cur) cur = { start: s, end: e, text: '', pieces: [] };
    else cur.text += ' ';
    cur.pieces.push({ offset: cur.text.length, start: s, end: e });
    cur.text += text.slice(s, e);
    cur.end = e;
  };

  let listNumber = -1; // the number of the last inline list item seen ("1." ... "2.")
  // Where the next mark or bullet is at or after the last search: the loop jumps there rather than stepping
  // character by character. Kept across runs, so the text is searched once however its lines fall.
  let nextMark = -1;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const following = runs[r + 1];
    if (run.breakBefore) flush();
    let from = run.start;
    const t = text;
    let i = run.start;
    while (i < run.end) {
      if (listNumber < 0) {
        // No inline list open: only marks and bullets matter, so jump to the next one.
        if (nextMark < i) {
          MARKS.lastIndex = i;
          nextMark = MARKS.exec(t)?.index ?? t.length;
        }
        if (nextMark >= run.end) break;
        i = nextMark;
      }
      // Most characters are none of those the loop looks at (marks, list digits, bullets): step over them by code.
      const code = t.charCodeAt(i);
      if (
        code !== 46 &&
        code !== 33 &&
        code !== 63 &&
        code !== 0x2022 &&
        code !== 0x25aa &&
        code !== 0x25cf &&
        !(listNumber >= 0 && code >= 48 && code <= 57)
      ) {
        i++;
        continue;
      }
      const c = t[i];
      if (c === '.' || c === '!' || c === '?') {
        if (i > run.start && (t[i - 1] === '.' || t[i - 1] === '!' || t[i - 1] === '?')) {
          i++;
          continue;
        }
        let j = i;
        while (j < run.end && (t[j] === '.' || t[j] === '!' || t[j] === '?')) j++;
        while (j < run.end && /["'”’)\]]/.test(t[j])) j++;
        if (j < run.end && !isSpace(t[j])) {
          i = j;
          continue;
        }
        let k = j;
        while (k < run.end && isSpace(t[k])) k++;
        // At a line's end, the sentence goes on into the next line unless that starts one anyway.
        const nextChar = k < run.end ? t[k] : following && !following.breakBefore ? t[following.start] : undefined;
        if (
          c === '.' &&
          j === i + 1 &&
          !endsSentenceAfter(
            t,
            Math.max(run.start, i - 14),
            i,
            k < run.end ? t.slice(k, k + 12) : following && !following.breakBefore ? t.slice(following.start, following.start + 12) : '',
          )
        ) {
          i = j;
          continue;
        }
        // "1. Physical therapy": the number of a list item, not a sentence.
        const marker =
          c === '.' && /[A-Za-z]/.test(nextChar ?? '')
            ? (!cur && /^\s*\(?(\d{1,2})$/.exec(t.slice(from, i))) || /[:;]\s{0,3}\(?(\d{1,2})$/.exec(t.slice(Math.max(from, i - 8), i))
            : null;
        if (marker) {
          listNumber = Number(marker[1]);
          i = j;
          continue;
        }
        if (nextChar && !/[A-Z0-9"“'([•·▪]/.test(nextChar)) {
          i = j;
          continue;
        }
        append(from, j);
        flush();
        from = k;
        i = k;
        continue;
      }
      // An inline list: "criteria: 1. Physical therapy 2. Acupuncture" starts a sentence at "2.".
      if (listNumber >= 0 && /\d/.test(c) && (i === 0 || isSpace(t[i - 1]))) {
        const m = /^(\d{1,2})\.\s/.exec(t.slice(i, i + 4));
        if (m && Number(m[1]) === listNumber + 1) {
          let e = i;
          while (e > from && isSpace(t[e - 1])) e--;
          append(from, e);
          flush();
          from = i;
          listNumber = Number(m[1]);
          i += m[0].length;
          continue;
        }
      }
      if ((c === '•' || c === '▪' || c === '●') && i > from) {
        let e = i;
        while (e > from && isSpace(t[e - 1])) e--;
        append(from, e);
        flush();
        from = i;
      }
      i++;
    }
    // The rest of the piece goes on into the next line of the same sentence.
    let e = run.end;
    while (e > from && isSpace(t[e - 1])) e--;
    append(from, e);
  }
  flush();
  return out;
}

/**
 * The longest sentence read as one: longer text with no sentence end in it is read as sentences of at most this
 * many characters, cut at a blank. Not a sentence anyone writes (the corpus's longest is 1,094 characters, about
 * 180 words), but what a run of text with no full stop followed by a capital gives (a pasted log, a table, a
 * letter's text with its punctuation lost): the reading of a sentence weighs each mention against its sentence and
 * clause, so one sentence of a megabyte cost minutes (issue 12). See docs/limits.md.
 */
export const MAX_SENTENCE = 4096;

/** `sentence` (longer than MAX_SENTENCE) cut into sentences of at most MAX_SENTENCE characters, each at the last blank that fits. */
function cutLong(sentence: SplitSentence): SplitSentence[] {
  const out: SplitSentence[] = [];
  const t = sentence.text;
  let a = 0;
  while (a < t.length) {
    let b = t.length;
    let next = t.length;
    if (t.length - a > MAX_SENTENCE) {
      // The last blank in the second half of the window; else a hard cut (not inside a surrogate pair).
      let cut = a + MAX_SENTENCE;
      while (cut > a + MAX_SENTENCE / 2 && !isBlank(t[cut])) cut--;
      if (!isBlank(t[cut])) {
        cut = a + MAX_SENTENCE;
        const code = t.charCodeAt(cut - 1);
        if (code >= 0xd800 && code <= 0xdbff) cut--;
      }
      b = cut;
      next = cut;
    }
    while (b > a && isBlank(t[b - 1])) b--;
    if (b > a) out.push(sliceSentence(sentence, a, b));
    a = next;
    while (a < t.length && isBlank(t[a])) a++;
  }
  return out;
}

function isBlank(c: string | undefined): boolean {
  return c !== undefined && (c === '\n' || isSpace(c));
}

/** The part [a, b) of a split sentence's text, with its pieces and source offsets. */
function sliceSentence(sentence: SplitSentence, a: number, b: number): SplitSentence {
  const pieces: SplitSentence['pieces'] = [];
  for (const p of sentence.pieces) {
    const pEnd = p.offset + (p.end - p.start);
    const from = Math.max(a, p.offset);
    const to = Math.min(b, pEnd);
    if (to <= from) continue;
    pieces.push({ offset: from - a, start: p.start + (from - p.offset), end: p.start + (to - p.offset) });
  }
  return { start: pieces[0].start, end: pieces[pieces.length - 1].end, text: sentence.text.slice(a, b), pieces };
}

/** Does the full stop at `dot` end a sentence, given the word before it and what follows? */
function endsSentenceAfter(text: string, from: number, dot: number, nextText: string): boolean {
  const before = text.slice(from, dot);
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1];
  if (!word) return true;
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (ABBREVIATIONS.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /^[#\d]/.test(nextText)) return false;
  // An initial: "J. Smith", but not the last letter of a grade ("grade A.") nor a vitamin at a sentence end.
  if (
    word.length === 1 &&
    /[A-Z]/.test(word) &&
    /^[A-Z][a-z]/.test(nextText) &&
    !/\b(?:grade|type|vitamin|class|level|hepatitis|plan)\s+$/i.test(before.slice(0, -1))
  ) {
    return false;
  }
  return true;
}

/** The source offset of an offset into a split sentence's `text`. */
export function sourceOffset(sentence: SplitSentence, offset: number): number {
  const p = sentence.pieces[pieceAt(sentence.pieces, offset)];
  return Math.min(p.start + Math.max(0, offset - p.offset), p.end);
}

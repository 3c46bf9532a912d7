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

/** Where a list item starts a line (the first 120 characters of its content are tested). */
const LIST_ITEM = /^(?:[•·▪●◦‣∙*]|-(?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))/;

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
    const listItem = !blank && LIST_ITEM.test(content);
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

/** A piece of running text: a line's content, with whether a sentence must start before it. */
interface Run {
  start: number;
  end: number;
  breakBefore: boolean;
}

/** May the line content starting at `s` be a list item? False only where LIST_ITEM cannot match: most lines start with a word. */
function mayBeListItem(text: string, s: number): boolean {
  const c = text.charCodeAt(s);
  // a-z: only as "a." or "a)"
  if (c >= 97 && c <= 122) {
    const d = text.charCodeAt(s + 1);
    return d === 46 || d === 41;
  }
  // A-Z and most punctuation start no list item; digits, "(", "-", "*" and the bullets may.
  return !(c >= 65 && c <= 90);
}

/**
 * The runs of prose, as readRuns reads them with readLines: a line's kind is
 * its own (blank, or a list item), and a sentence starts at a list item and
 * after a blank line. No line objects: a long summary paragraph has
 * thousands of lines, and this is most of what splitting it again around an
 * edit costs.
 */
function readProseRuns(text: string): Run[] {
  const runs: Run[] = [];
  let sawGap = false;
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    let s = at;
    let e = nl;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (s === e) sawGap = true;
    else {
      const listItem = mayBeListItem(text, s) && LIST_ITEM.test(text.slice(s, Math.min(e, s + 120)));
      runs.push({ start: s, end: e, breakBefore: runs.length === 0 || listItem || sawGap });
      sawGap = false;
    }
    at = nl + 1;
  }
  return runs;
}

function readRuns(text: string, layout: 'pdf' | 'prose'): Run[] {
  if (layout === 'prose') return readProseRuns(text);
  const lines = readLines(text, layout);
  const runs: Run[] = [];
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
      breakBefore = !continues(text, prev.end, l.start);
    }
    runs.push({ start: l.start, end: l.end, breakBefore });
    sawGap = false;
    prevHeading = l.heading;
  }
  return runs;
}

/** Splits `text` into sentences; see the module comment for what ends one. */
export function splitSentences(text: string, options: SplitOptions = {}): SplitSentence[] {
  const out: SplitSentence[] = [];
  scan(text, readRuns(text, options.layout ?? 'pdf'), { run: 0, from: -1, at: -1, listNumber: -1, sentences: 0, reach: 0 }, out);
  return out;
}

/**
 * A place between two sentences where the splitter may stop and start again:
 * no sentence is open, and the scan goes on at `at` in run `run` with the
 * next sentence's text starting at `from` and the inline list's number
 * `listNumber`. Nothing else carries from one sentence to the next (the
 * search for the next mark is a cache). `sentences` is how many the split
 * gave before it; `reach` bounds what the split read to get there: every
 * character it looked at, and every line whose kind it asked, is before it.
 */
export interface Checkpoint {
  run: number;
  from: number;
  at: number;
  listNumber: number;
  sentences: number;
  reach: number;
}

/**
 * The scan from `start` (or the first run's start, when `start.from` is -1),
 * appending the sentences to `out`. `checkpoint` is told of each place
 * between two sentences it passes; when it answers true the scan stops there
 * (the caller has the rest already).
 */
function scan(text: string, runs: Run[], start: Checkpoint, out: SplitSentence[], checkpoint?: (c: Checkpoint) => boolean): boolean {
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
  // Between two sentences, after a flush: may the scan stop here?
  const between = (r: number, from: number, at: number, listNumber: number, read: number): boolean => {
    if (!checkpoint) return false;
    // What was read: up to 12 characters past `read` (the look-ahead of a full stop), and the next line's kind.
    const next = runs[r + 1];
    const reach = Math.max(read, from, at, next ? next.end + 1 : 0) + 13;
    return checkpoint({ run: r, from, at, listNumber, sentences: start.sentences + out.length, reach });
  };

  let listNumber = start.listNumber; // the number of the last inline list item seen ("1." ... "2.")
  // Where the next mark or bullet is at or after the last search: the loop jumps there rather than stepping
  // character by character. Kept across runs, so the text is searched once however its lines fall.
  let nextMark = -1;
  for (let r = start.run; r < runs.length; r++) {
    const run = runs[r];
    const following = runs[r + 1];
    const resumed = r === start.run && start.from >= 0;
    if (!resumed && run.breakBefore) {
      flush();
      if (r > start.run && between(r, run.start, run.start, listNumber, run.start)) return true;
    }
    let from = resumed ? start.from : run.start;
    const t = text;
    let i = resumed ? start.at : run.start;
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
        if (between(r, from, i, listNumber, k)) return true;
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
          if (between(r, from, i, listNumber, i)) return true;
          continue;
        }
      }
      if ((c === '•' || c === '▪' || c === '●') && i > from) {
        let e = i;
        while (e > from && isSpace(t[e - 1])) e--;
        append(from, e);
        flush();
        from = i;
        if (between(r, from, i + 1, listNumber, i + 1)) return true;
        i++;
        continue;
      }
      i++;
    }
    // The rest of the piece goes on into the next line of the same sentence.
    let e = run.end;
    while (e > from && isSpace(t[e - 1])) e--;
    append(from, e);
  }
  flush();
  return false;
}

/**
 * What a prose split keeps to split an edited version of its text again:
 * its sentences' bounds ([start, end, start, end, …]) and the places between
 * them (Checkpoint, six numbers each: run, from, at, listNumber, sentences,
 * reach).
 */
export interface ProseSplit {
  bounds: readonly number[];
  checkpoints: readonly number[];
}

const STRIDE = 6;

/**
 * The sentence bounds of `text` as splitSentences(text, { layout: 'prose' })
 * gives them, splitting again only around what changed since `previous` (a
 * split of another version of the text).
 *
 * Why it is the same: in prose, a line's kind (blank, a list item) is read
 * from that line alone (the repeated-line count is the pdf layout's), so the
 * lines wholly before the first changed character are the same lines, and
 * a checkpoint of the old split whose reach is before the start of that
 * character's line was reached by reading only what did not change: the new
 * split gets there in the same state, with the same sentences before it.
 * The scan starts again at the last such checkpoint. From a checkpoint on,
 * the split reads the text after it (and the one character before it) and
 * the lines it is in: once the new scan passes a checkpoint that starts a
 * line after the one the change ends in, at the old checkpoint's place moved
 * by the change's length, with the same inline-list number, the rest is the
 * old split moved by that length.
 */
export function splitProse(text: string, previous?: { text: string; split: ProseSplit }): ProseSplit {
  const runs = readRuns(text, 'prose');
  const checkpoints: number[] = [];
  const record = (c: Checkpoint) => checkpoints.push(c.run, c.from, c.at, c.listNumber, c.sentences, c.reach);
  const out: SplitSentence[] = [];
  const bounds: number[] = [];
  const old = previous?.split;
  if (!previous || !old || old.checkpoints.length === 0) {
    scan(text, runs, { run: 0, from: -1, at: -1, listNumber: -1, sentences: 0, reach: 0 }, out, (c) => {
      record(c);
      return false;
    });
    for (const s of out) bounds.push(s.start, s.end);
    return { bounds, checkpoints };
  }
  const before = previous.text;
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
  const delta = text.length - before.length;
  const editEnd = text.length - suffix; // in the new text
  const lineStart = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1;
  // The last old checkpoint whose reach is before the changed line (they are in order, their reach too).
  const cp = old.checkpoints;
  let restart = -1;
  for (let q = 0; q < cp.length && cp[q + 5] <= lineStart; q += STRIDE) restart = q;
  let start: Checkpoint = { run: 0, from: -1, at: -1, listNumber: -1, sentences: 0, reach: 0 };
  if (restart >= 0) {
    start = { run: cp[restart], from: cp[restart + 1], at: cp[restart + 2], listNumber: cp[restart + 3], sentences: cp[restart + 4], reach: cp[restart + 5] };
    for (let q = 0; q < restart + STRIDE; q++) checkpoints.push(cp[q]);
    for (let k = 0; k < 2 * start.sentences; k++) bounds.push(old.bounds[k]);
  }
  // A checkpoint at or after the start of the line after the one the change ends in may meet the old split again.
  const nl = text.indexOf('\n', editEnd);
  const resync = nl < 0 ? Infinity : nl + 1;
  let q = restart < 0 ? 0 : restart;
  let met = -1;
  let metAt: Checkpoint | undefined;
  const stopped = scan(text, runs, start, out, (c) => {
    record(c);
    if (c.from < resync) return false;
    // The old checkpoint at the same place, moved by the change's length (old checkpoints are in order of place).
    const from = c.from - delta;
    while (q < cp.length && (cp[q + 1] < from || (cp[q + 1] === from && cp[q + 2] < c.at - delta))) q += STRIDE;
    if (q < cp.length && cp[q + 1] === from && cp[q + 2] === c.at - delta && cp[q + 3] === c.listNumber) {
      met = q;
      metAt = c;
      return true;
    }
    return false;
  });
  for (const s of out) bounds.push(s.start, s.end);
  if (stopped && metAt) {
    const sentences = metAt.sentences - cp[met + 4];
    for (let k = 2 * cp[met + 4]; k < old.bounds.length; k++) bounds.push(old.bounds[k] + delta);
    const runs = metAt.run - cp[met];
    for (let k = met + STRIDE; k < cp.length; k += STRIDE) {
      checkpoints.push(cp[k] + runs, cp[k + 1] + delta, cp[k + 2] + delta, cp[k + 3], cp[k + 4] + sentences, cp[k + 5] + delta);
    }
  }
  return { bounds, checkpoints };
}

/** How many characters `a` and `b` share at their start. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  // Galloping, then halving: comparing two slices is one memory comparison, not a loop over characters.
  let lo = 0;
  let step = 64;
  while (lo + step <= n && a.slice(lo, lo + step) === b.slice(lo, lo + step)) {
    lo += step;
    step *= 2;
  }
  for (step >>= 1; step >= 16; step >>= 1) if (lo + step <= n && a.slice(lo, lo + step) === b.slice(lo, lo + step)) lo += step;
  while (lo < n && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** How many characters `a` and `b` share at their end, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const same = (from: number, length: number) => a.slice(a.length - from - length, a.length - from) === b.slice(b.length - from - length, b.length - from);
  let lo = 0;
  let step = 64;
  while (lo + step <= max && same(lo, step)) {
    lo += step;
    step *= 2;
  }
  for (step >>= 1; step >= 16; step >>= 1) if (lo + step <= max && same(lo, step)) lo += step;
  while (lo < max && a.charCodeAt(a.length - 1 - lo) === b.charCodeAt(b.length - 1 - lo)) lo++;
  return lo;
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

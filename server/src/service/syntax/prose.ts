// Builds a Prose node from the lines of a summary or rationale: joins lines the
// way the letter will show them, strips `[#label]` markers, and splits
// sentences, keeping a map from every character back to the source.
import type { LabelRef, Paragraph, Prose, ProseSegment, Range, Sentence } from './ast';
import { range as mkRange } from './positions';
import { splitSentences as splitText, splitProse, type ProseSplit } from '../text/sentences';
import { pieceAt } from '../text/pieces';
import { LONG_PARAGRAPH, type ParseMemo } from './parseMemo';
import { mapPacked } from '../text/packed';

export interface ProseLineInput {
  /** Line content after indentation, without the line break. Empty for a blank line. */
  text: string;
  line: number;
  /** Column where `text` starts. */
  character: number;
}

/** What a piece may start with that takes back the blank joining it to the line before ("extremities\n[#x]."). */
const PUNCTUATION_FIRST = '.,;:!?)';

export const LABEL_PATTERN = /\[#([A-Za-z0-9][A-Za-z0-9_.-]*)\]/g;

/** Where `[#` starts something that is not a well-formed `[#name]` (a missing `]`, a blank in the name). */
export function strayLabelStarts(text: string): number[] {
  const out: number[] = [];
  const stray = /\[#(?![A-Za-z0-9][A-Za-z0-9_.-]*\])/g;
  let m: RegExpExecArray | null;
  while ((m = stray.exec(text))) out.push(m.index);
  return out;
}

export interface ProseBuildResult {
  prose: Prose;
  /** `[#` with no closing `]` or an empty name: reported by the parser. */
  malformedLabels: Range[];
}

/**
 * `memo`: the service's, so an unchanged block is the previous parse's (see
 * syntax/parseMemo.ts), an unchanged paragraph is not split again and its
 * texts are the previous parse's strings.
 */
export function buildProse(lines: ProseLineInput[], fallback: Range, memo?: ParseMemo): ProseBuildResult {
  if (!memo) return build(lines, fallback);
  const { start, end } = fallback;
  return memo.block(`${start.line},${start.character},${end.line},${end.character}`, lines, () => build(lines, fallback, memo));
}

function build(lines: ProseLineInput[], fallback: Range, memo?: ParseMemo): ProseBuildResult {
  const segments: ProseSegment[] = [];
  const labels: LabelRef[] = [];
  const labelOffsets: number[] = [];
  const malformedLabels: Range[] = [];
  const paragraphBounds: { start: number; end: number }[] = [];
  // Offsets of the blanks that join two lines of a paragraph: the splitter sees them as line breaks (list items start a line).
  const lineJoins: number[] = [];
  // The clean text is gathered in parts and joined once at the end: taking
  // back a joining blank with text.slice(0, -1) copied the whole text each
  // time (once per line that starts with a full stop after a label), which
  // made a long summary quadratic; popping a part costs nothing.
  const parts: string[] = [];
  let length = 0;
  const append = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  // Whether the text ends with the blank joining two lines. Tracked rather
  // than asked, so nothing reads the text while it grows.
  let endsWithSpace: boolean;
  let paraStart = -1;

  const closeParagraph = () => {
    // A last line holding only labels leaves the blank that joined it: it is
    // no text of the paragraph, and it has no place on a line to map to.
    // Only joining blanks can end the text (each line is trimmed): they are parts of their own.
    let end = length;
    for (let i = parts.length - 1; i >= 0 && end > paraStart && parts[i] === ' '; i--) end--;
    if (paraStart >= 0) paragraphBounds.push({ start: paraStart, end });
    paraStart = -1;
  };

  for (const input of lines) {
    // trimEnd, not /\s+$/: the regex backtracks quadratically on long inner runs of blanks.
    const content = input.text.trimEnd();
    // Trimmed at the end, a line of blanks is empty.
    if (content === '') {
      closeParagraph();
      continue;
    }
    if (paraStart < 0) {
      if (length > 0) append('\n\n');
      endsWithSpace = false;
      paraStart = length;
    } else {
      append(' ');
      lineJoins.push(length - 1);
      endsWithSpace = true;
    }
    // Cut the line into clean pieces around label markers.
    let cursor = 0;
    const pieces: { from: number; to: number }[] = [];
    LABEL_PATTERN.lastIndex = 0;
    let m: RegExpExecArray | null;
    const markerSpans: { start: number; end: number; name: string }[] = [];
    // Markers, well-formed or stray, all start with `[#`: most lines hold none.
    const marked = content.includes('[#');
    while (marked && (m = LABEL_PATTERN.exec(content))) {
      markerSpans.push({ start: m.index, end: m.index + m[0].length, name: m[1] });
    }
    for (const mk of markerSpans) {
      let pieceEnd = mk.start;
      while (pieceEnd > cursor && /\s/.test(content[pieceEnd - 1])) pieceEnd--;
      if (pieceEnd > cursor) pieces.push({ from: cursor, to: pieceEnd });
      labels.push({
        name: mk.name,
        range: mkRange(input.line, input.character + mk.start, input.character + mk.end),
        nameRange: mkRange(input.line, input.character + mk.start + 2, input.character + mk.end - 1),
      });
      // The clean-text offset where the marker stood, for attaching it to a sentence.
      const piecesLen = pieces.reduce((n, p) => n + (p.to - p.from), 0);
      labelOffsets.push(length + piecesLen);
      cursor = mk.end;
      // A marker at line start swallows the blank after it.
      if (pieceEnd === 0 || pieces.length === 0) while (cursor < content.length && content[cursor] === ' ') cursor++;
    }
    if (cursor < content.length) pieces.push({ from: cursor, to: content.length });
    // Report stray `[#` that did not form a marker.
    if (marked)
      for (const at of strayLabelStarts(content)) {
        malformedLabels.push(mkRange(input.line, input.character + at, input.character + content.length));
      }
    for (const p of pieces) {
      // "extremities\n[#x]." must read "extremities." in the letter: no blank before punctuation.
      if (p === pieces[0] && paraStart < length && endsWithSpace && parts[parts.length - 1] === ' ' && PUNCTUATION_FIRST.includes(content[p.from])) {
        parts.pop();
        length--;
      }
      segments.push({ offset: length, length: p.to - p.from, line: input.line, character: input.character + p.from });
      append(content.slice(p.from, p.to));
      endsWithSpace = content.charCodeAt(p.to - 1) === 32;
    }
  }
  closeParagraph();

  const joined = parts.join('');
  const text = memo ? memo.intern(joined) : joined;
  const prose: Prose = { text, segments, paragraphs: [], sentences: [], labels, range: fallback };
  prose.paragraphs = mapPacked(paragraphBounds, (b): Paragraph => ({
    text: memo ? memo.intern(text.slice(b.start, b.end)) : text.slice(b.start, b.end),
    start: b.start,
    end: b.end,
    range: proseRange(prose, b.start, b.end),
  }));
  prose.sentences = splitSentences(prose, lineJoins, memo);
  attachLabels(prose, labelOffsets);
  const first = lines.find((l) => l.text.trim() !== '');
  let last: ProseLineInput | undefined;
  for (let i = lines.length - 1; i >= 0 && !last; i--) if (lines[i].text.trim() !== '') last = lines[i];
  // Blank lines alone are no prose: the range stays the fallback (the keyword).
  if (first && last) {
    prose.range = {
      start: { line: first.line, character: first.character },
      end: { line: last.line, character: last.character + last.text.trimEnd().length },
    };
  }
  return { prose, malformedLabels };
}

/** Maps an offset in `prose.text` to a source position. */
export function prosePosition(prose: Prose, offset: number): { line: number; character: number } {
  const segs = prose.segments;
  if (segs.length === 0) return { ...prose.range.start };
  const s = segs[pieceAt(segs, offset)];
  const within = Math.min(Math.max(0, offset - s.offset), s.length);
  return { line: s.line, character: s.character + within };
}

export function proseRange(prose: Prose, start: number, end: number): Range {
  // The end maps from the last character inside the span, so a span never ends
  // at the start of the next line.
  const endPos = end > start ? prosePosition(prose, end - 1) : prosePosition(prose, start);
  return { start: prosePosition(prose, start), end: { line: endPos.line, character: endPos.character + (end > start ? 1 : 0) } };
}

/**
 * Sentences of each paragraph, by the splitter the importer and the reader
 * share (text/sentences.ts). The paragraph is handed over with its line
 * joins as line breaks (same length, so offsets carry over) so that a list
 * item on its own line starts a sentence.
 */
function splitSentences(prose: Prose, lineJoins: number[], memo: ParseMemo | undefined): Sentence[] {
  const sentences: Sentence[] = [];
  let j = 0;
  prose.paragraphs.forEach((para, index) => {
    // The paragraph with its joining blanks as line breaks, cut around them rather
    // than rebuilt character by character (an array of one-letter strings per
    // paragraph was a quarter of a parse).
    const parts: string[] = [];
    let from = 0;
    while (j < lineJoins.length && lineJoins[j] < para.start) j++;
    for (; j < lineJoins.length && lineJoins[j] < para.end; j++) {
      const at = lineJoins[j] - para.start;
      if (para.text.charCodeAt(at) !== 32) continue;
      parts.push(para.text.slice(from, at), '\n');
      from = at + 1;
    }
    const text = from === 0 ? para.text : parts.join('') + para.text.slice(from);
    const bounds = memo ? memo.bounds(text, proseSplit).bounds : sentenceBounds(text);
    for (let k = 0; k < bounds.length; k += 2) pushSentence(prose, sentences, para.start + bounds[k], para.start + bounds[k + 1], index, memo);
  });
  return sentences;
}

/**
 * The memo's split of a paragraph: a long one with the places between its
 * sentences, so that the next version is split again only around its edit.
 */
function proseSplit(text: string, previous?: { text: string; split: ProseSplit }): ProseSplit {
  return text.length >= LONG_PARAGRAPH ? splitProse(text, previous) : { bounds: sentenceBounds(text), checkpoints: [] };
}

/** The splitter's sentences of a paragraph, as [start, end, start, end, …]: all the prose keeps of them. */
function sentenceBounds(text: string): number[] {
  const out: number[] = [];
  for (const s of splitText(text, { layout: 'prose' })) out.push(s.start, s.end);
  return out;
}

function pushSentence(prose: Prose, out: Sentence[], start: number, end: number, paragraph: number, memo: ParseMemo | undefined) {
  const raw = prose.text.slice(start, end);
  const trimmedEnd = start + raw.trimEnd().length;
  if (trimmedEnd <= start) return;
  const text = prose.text.slice(start, trimmedEnd);
  out.push({
    text: memo ? memo.intern(text) : text,
    start,
    end: trimmedEnd,
    range: proseRange(prose, start, trimmedEnd),
    labels: [],
    paragraph,
  });
}

function attachLabels(prose: Prose, offsets: number[]) {
  prose.labels.forEach((label, i) => {
    const off = offsets[i];
    // Sentences are in order and do not overlap, so the last one starting at or
    // before the marker either holds it or is the nearest one before it (a
    // linear search per label was quadratic on long summaries).
    const sentences = prose.sentences;
    let lo = 0;
    let hi = sentences.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= off) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const target = at >= 0 ? sentences[at] : sentences[0];
    target?.labels.push(label);
  });
}

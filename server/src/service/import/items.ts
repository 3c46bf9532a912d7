// Splits "IMR ISSUES, DECISIONS AND RATIONALES" into disputed items. Each item
// is a heading ending in ": Upheld" or ": Overturned" (the decision word is
// sometimes alone on the next line), then "Claims Administrator guideline:",
// "<organization> guideline:" and "Decision rationale:". Most letters separate
// the parts with blank lines; some extractions lose every blank line, so the
// heading's first line is then found by punctuation: rationale lines before a
// heading end a sentence, heading lines do not.
import type { LetterLine } from './letterLines';
import { joinLines, normalizeSpace } from './letterLines';

export type LetterDecision = 'upheld' | 'overturned';

export interface LetterPart {
  /** Text after the label on the first line, then the following lines. */
  lines: LetterLine[];
  /** First line's text with the label removed. */
  firstLineRest: string;
  label: string;
}

export interface LetterItem {
  headingLines: LetterLine[];
  /** The heading text without the decision word and its colon. */
  heading: string;
  decision?: LetterDecision;
  /** The decision as written ("Upheld"), for the round trip notes. */
  decisionText?: string;
  claimsAdministrator?: LetterPart;
  guideline?: LetterPart;
  rationale?: LetterPart;
  /** Lines between the heading and the first label, or labels repeated: text with no place. */
  unplaced: LetterLine[][];
  /** Last line index (exclusive) in the block. */
  end: number;
}

const DECISION_AT_END = /:\s*(Upheld|Overturned)(?:\s+Decision\s+of\s+Health\s+Plan)?\s*$/i;
const DECISION_ALONE = /^\s*(Upheld|Overturned)(?:\s+Decision\s+of\s+Health\s+Plan)?\s*$/i;
export const CA_LABEL = /^\s*Claims\s+Administrator\s+guideline\s*:/i;
export const ORG_LABEL = /^\s*(?!Claims\s+Administrator)([A-Z][A-Za-z.&' ]{1,60}?)\s+guideline\s*:/;
export const RATIONALE_LABEL = /^\s*Decision\s+rationale\s*:/i;

function isLabel(line: LetterLine): boolean {
  return CA_LABEL.test(line.text) || ORG_LABEL.test(line.text) || RATIONALE_LABEL.test(line.text);
}

/** Index of every line that ends an item heading (the one carrying the decision word). */
function decisionLines(lines: LetterLine[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (l.blank || isLabel(l)) return;
    if (DECISION_AT_END.test(l.text)) out.push(i);
    else if (DECISION_ALONE.test(l.text)) {
      const prev = previousContent(lines, i);
      if (prev >= 0 && /:\s*$/.test(lines[prev].text)) out.push(i);
    }
  });
  return out;
}

/** A heading that cannot start here: lower case, or the end of a partly authorized request without its start. */
function needsMore(headingSoFar: string): boolean {
  return /^[a-z]/.test(headingSoFar) || (/IMR eligible|was authorized by/i.test(headingSoFar) && !/was the original request/i.test(headingSoFar));
}

function previousContent(lines: LetterLine[], i: number): number {
  let j = i - 1;
  while (j >= 0 && lines[j].blank) j--;
  return j;
}

/**
 * First line of the heading that ends at `end`, not before `floor` (`floor` 0
 * is the block start). Walks up from the decision line and stops at a blank
 * line, a label line, or a line that ends a sentence: rationale text above a
 * heading ends with a full stop, heading lines do not. A heading that so far
 * starts in lower case, or holds the end of a partly authorized request
 * without its start ("... was the original request."), goes on upward, across
 * a page break's blank line too.
 */
function headingStart(lines: LetterLine[], end: number, floor: number): number {
  const last = DECISION_ALONE.test(lines[end].text) ? previousContent(lines, end) : end;
  if (last < floor) return end;
  let j = last;
  while (j > floor && last - j < 16) {
    const prev = lines[j - 1];
    if (isLabel(prev)) break;
    const more = needsMore(joinLines(lines.slice(j, last + 1).filter((l) => !l.blank)));
    if (prev.blank) {
      if (!more) break;
      let k = j - 1;
      while (k > floor && lines[k].blank) k--;
      if (lines[k].blank || isLabel(lines[k])) break;
      j = k;
      continue;
    }
    if (/\.["')\]]*\s*$/.test(prev.text) && !more) break;
    j--;
  }
  return j;
}

export interface SplitItems {
  /** Lines before the first item heading (after the block's intro), with no place. */
  before: LetterLine[];
  items: LetterItem[];
}

export function splitItems(lines: LetterLine[]): SplitItems {
  const ends = decisionLines(lines);
  const starts: number[] = [];
  let floor = 0;
  for (const e of ends) {
    const s = headingStart(lines, e, floor);
    starts.push(s);
    floor = e + 1;
  }
  const items: LetterItem[] = ends.map((e, k) => {
    const s = starts[k];
    const stop = k + 1 < ends.length ? starts[k + 1] : lines.length;
    return readItem(lines, s, e, stop);
  });
  return { before: lines.slice(0, starts[0] ?? lines.length).filter((l) => !l.blank), items };
}

function readItem(lines: LetterLine[], start: number, decisionLine: number, stop: number): LetterItem {
  const headingLines = lines.slice(start, decisionLine + 1).filter((l) => !l.blank);
  const headingText = joinLines(headingLines);
  const m = /^(.*?)\s*:?\s*\b(Upheld|Overturned)(?:\s+Decision\s+of\s+Health\s+Plan)?\s*$/i.exec(headingText);
  const item: LetterItem = {
    headingLines,
    heading: m ? m[1].replace(/\s*:\s*$/, '') : headingText,
    decision: m ? (m[2].toLowerCase() as LetterDecision) : undefined,
    decisionText: m?.[2],
    unplaced: [],
    end: stop,
  };
  let current: { part: LetterPart; kind: 'ca' | 'org' | 'rationale' } | undefined;
  let stray: LetterLine[] = [];
  const flushStray = () => {
    if (stray.some((l) => !l.blank)) item.unplaced.push(stray.filter((l) => !l.blank));
    stray = [];
  };
  for (let i = decisionLine + 1; i < stop; i++) {
    const line = lines[i];
    const label = CA_LABEL.exec(line.text) ?? RATIONALE_LABEL.exec(line.text) ?? ORG_LABEL.exec(line.text);
    // A second "Decision rationale:" inside a rationale stays prose only if it is not at a line start; here it starts a line.
    if (label) {
      const kind = CA_LABEL.test(line.text) ? 'ca' : RATIONALE_LABEL.test(line.text) ? 'rationale' : 'org';
      const taken = kind === 'ca' ? item.claimsAdministrator : kind === 'org' ? item.guideline : item.rationale;
      if (!taken && !(current?.kind === 'rationale' && kind !== 'rationale')) {
        flushStray();
        const part: LetterPart = { lines: [line], firstLineRest: line.text.slice(label[0].length).trim(), label: normalizeSpace(label[0]) };
        if (kind === 'ca') item.claimsAdministrator = part;
        else if (kind === 'org') item.guideline = part;
        else item.rationale = part;
        current = { part, kind };
        continue;
      }
    }
    if (current) current.part.lines.push(line);
    else stray.push(line);
  }
  flushStray();
  return item;
}

/** The text of a part after its label, lines joined with single spaces. */
export function partText(part: LetterPart): string {
  return normalizeSpace([part.firstLineRest, ...part.lines.slice(1).map((l) => l.text)].join(' '));
}

/** The lines of a part after its label, blank lines kept (they separate paragraphs). */
export function partLines(part: LetterPart): { text: string; blank: boolean }[] {
  const out = [{ text: part.firstLineRest, blank: part.firstLineRest === '' }, ...part.lines.slice(1).map((l) => ({ text: l.text.trim(), blank: l.blank }))];
  while (out.length && out[0].blank) out.shift();
  while (out.length && out[out.length - 1].blank) out.pop();
  return out;
}

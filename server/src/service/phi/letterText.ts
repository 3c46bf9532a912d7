// The parts of a case file whose text the rendered letter prints, each with
// the way back from an offset in that text to the file. The `phi` rule reads
// exactly these: what never reaches the letter (comments, labels, criteria
// notes, which only the preview's draft table shows) cannot publish anyone's
// name, and the header's case number and dates are the letter's own
// identifiers, not the worker's.
import type { CaseFile, Field, Prose, Range, Section } from '../syntax/ast';
import { proseRange } from '../syntax/prose';
import { mapPacked } from '../text/packed';

/**
 * Fields whose values the letter prints (render/letterModel.ts). A test
 * renders each to check this list against the renderer. `diagnosis`
 * and the dates are not printed, so not listed; `standard` prints only the
 * letter's own words for it.
 */
export const PRINTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  case: ['organization'],
  reviewer: ['licensure', 'specialty'],
  item: ['request', 'authorized', 'claims-administrator', 'guideline', 'non-mtus-reason'],
};

export interface LetterText {
  text: string;
  /** The file range of text[start, end). */
  range(start: number, end: number): Range;
  /** Offsets where a sentence starts (a replacement there is capitalised). */
  sentenceStarts: ReadonlySet<number>;
}

const NO_STARTS: ReadonlySet<number> = new Set();
const LINE_START: ReadonlySet<number> = new Set([0]);

function proseText(prose: Prose): LetterText {
  return {
    text: prose.text,
    range: (start, end) => proseRange(prose, start, end),
    sentenceStarts: new Set([...mapPacked(prose.sentences, (s) => s.start), ...mapPacked(prose.paragraphs, (p) => p.start)]),
  };
}

/** A one-line value written at `at`; `opensLine` when the letter starts a line with it (the item's title). */
function lineText(value: string, at: Range, opensLine = false): LetterText {
  const { line, character } = at.start;
  return {
    text: value,
    range: (start, end) => ({ start: { line, character: character + start }, end: { line, character: character + end } }),
    sentenceStarts: opensLine ? LINE_START : NO_STARTS,
  };
}

function printedFields(section: Section): Field[] {
  const keys = PRINTED_FIELDS[section.kind] ?? [];
  return section.fields.filter((f) => keys.includes(f.key));
}

/** Every printed text of the file, in source order within each section. */
export function letterTexts(file: CaseFile): LetterText[] {
  const out: LetterText[] = [];
  for (const section of file.sections) sectionTexts(section, out);
  return out;
}

/** The printed texts of one section, in source order, added to `out`. */
export function sectionTexts(section: Section, out: LetterText[] = []): LetterText[] {
  if (section.kind === 'item' && section.service) out.push(lineText(section.service.value, section.service.range, true));
  for (const f of printedFields(section)) out.push(lineText(f.value, f.valueRange));
  if (section.kind === 'summary') out.push(proseText(section.prose));
  if (section.kind === 'documents') for (const e of section.entries) for (const p of e.parts) out.push(lineText(p.value, p.range));
  if (section.kind === 'item' && section.rationale) out.push(proseText(section.rationale.prose));
  return out;
}

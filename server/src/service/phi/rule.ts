// phi: letter text that seems to identify a person. Published determinations
// are de-identified ("the injured worker", "the treating physician"), and a
// case file is drafted from records full of names and numbers, so a name or
// number can slip into the summary or a rationale while it is written.
import type { ImrDiagnostic, Range } from '../types';
import type { Rule } from '../rules/rule';
import type { CaseFile } from '../syntax/ast';
import { offsetAt } from '../syntax/positions';
import { findPhi, type PhiMatch } from './patterns';
import { letterTexts, type LetterText } from './letterText';

/** Whitespace-insensitive form, to compare a match with the file text it came from. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function sourceText(file: CaseFile, r: Range): string {
  return file.text.slice(offsetAt(file.lineStarts, file.text, r.start), offsetAt(file.lineStarts, file.text, r.end));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function quoted(list: string[]): string {
  return list.map((r) => `"${r}"`).join(' or ');
}

function diagnostic(file: CaseFile, source: LetterText, m: PhiMatch): ImrDiagnostic {
  const range = source.range(m.start, m.end);
  const atSentenceStart = source.sentenceStarts.has(m.start);
  const replacements = m.pattern.replacements.map((r) => (atSentenceStart ? capitalise(r) : r));
  // The fix replaces the file text of the range; when that text holds more
  // than the letter shows (a [#label] or a comment line inside the name),
  // replacing it would delete them, so no fix is offered.
  const fixable = collapse(sourceText(file, range)) === collapse(m.text);
  return {
    code: 'phi',
    severity: 'warning',
    message: `This looks like ${m.pattern.what} ("${collapse(m.text)}"); ${m.pattern.advice}. Replace it${fixable ? ` with ${quoted(replacements)}` : ''}, or, if it identifies no one, silence it with \`-- imr-disable-next-line phi\` on the line above.`,
    range,
    data: { pattern: m.pattern.id, text: m.text, replacements: fixable ? replacements : [] },
  };
}

export const phi: Rule = ({ file }) => {
  const out: ImrDiagnostic[] = [];
  for (const source of letterTexts(file)) {
    for (const m of findPhi(source.text)) out.push(diagnostic(file, source, m));
  }
  return out;
};

// invisible-character: a character that prints nothing (Unicode format
// characters: bidi controls, zero-width spaces and joiners, soft hyphens).
// A bidi override or isolate reorders how the text around it is displayed:
// the editor, or a letter printed by another program, can show "not
// medically necessary" under an Overturned decision while every check reads
// the words in their logical order. The letter IMR Author prints leaves
// them out (render/printable.ts), so what the checks read and what the letter
// says agree; the finding shows the author where the case's own text holds
// one, so that the file says what it shows. Bidi controls are warnings; the
// other invisible characters, which hide nothing, information.
//
// Not reported: the zero-width spaces the importer writes on purpose, "[\u200b#"
// (a letter's own "[#" that is not a fact label) and "\u200b--" at the start of
// a prose line (a letter's own "--" that is not a comment).
import type { CaseFile } from '../../../syntax/ast';
import { defineRule } from '../../defineRule';
import { fix } from '../../fixes';
import { positionAt } from '../../../syntax/positions';
import { BIDI_CONTROL } from '../../../text/printed';

const INVISIBLE_RUN = /\p{Cf}+/gu;
const ZWSP = '\u200b';

/** Character names of the controls authors meet, for the message; the rest are named by code point. */
const NAMES: Record<string, string> = {
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\u00ad': 'SOFT HYPHEN',
  '\u2060': 'WORD JOINER',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

function describe(c: string): string {
  const hex = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return NAMES[c] ? `U+${hex} ${NAMES[c]}` : `U+${hex}`;
}

/** One of the importer's escapes: a zero-width space between "[" and "#", or before "--" opening a line. */
function importerEscape(text: string, at: number): boolean {
  if (text[at] !== ZWSP) return false;
  if (text[at - 1] === '[' && text[at + 1] === '#') return true;
  if (text.startsWith('--', at + 1)) {
    let k = at - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    return k < 0 || text[k] === '\n' || text[k] === '\r';
  }
  return false;
}

export interface InvisibleData {
  /** The characters found, so the fix deletes them only while the range still holds them. */
  text: string;
}

export default defineRule<InvisibleData>({
  code: 'invisible-character',
  family: 'reading',
  severity: 'warning',
  inputs: { unit: 'case', reads: ['text'] },
  summary: 'A character that prints nothing: a bidi control that reorders the text shown around it, or a zero-width character.',
  *check({ file }) {
    const text = file.text;
    // Nearly every case is plain text: one test and done.
    if (!/\p{Cf}/u.test(text)) return;
    for (const m of text.matchAll(INVISIBLE_RUN)) {
      const start = m.index;
      const chars = [...m[0]];
      if (chars.length === 1 && importerEscape(text, start)) continue;
      const bidi = chars.some((c) => BIDI_CONTROL.test(c));
      const kinds = [...new Set(chars)].map(describe).join(', ');
      const what = chars.length === 1 ? `An invisible character (${kinds})` : `${chars.length} invisible characters (${kinds})`;
      const why = bidi
        ? 'a bidi control changes the order in which the text around it is shown, so the words displayed can differ from the words checked.'
        : 'it prints nothing and can split a word the checks would read.';
      yield {
        message: `${what} in the case text: ${why} The letter leaves it out. Delete it.`,
        range: rangeOf(file, start, start + m[0].length),
        data: { text: m[0] },
        ...(bidi ? {} : { severity: 'information' as const }),
      };
    }
  },
  fixes({ file }, d) {
    const text = typeof d.data?.text === 'string' ? d.data.text : '';
    const starts = file.lineStarts;
    const from = (starts[d.range.start.line] ?? Infinity) + d.range.start.character;
    if (!text || file.text.slice(from, from + text.length) !== text) return []; // the document has moved on
    // Deleting what prints nothing changes no word of the letter: safe, and part of Fix All.
    return [fix(text.length === 1 ? 'Delete the invisible character' : 'Delete the invisible characters', d, [{ range: d.range, newText: '' }], true)];
  },
});

function rangeOf(file: CaseFile, start: number, end: number) {
  return { start: positionAt(file.lineStarts, start), end: positionAt(file.lineStarts, end) };
}

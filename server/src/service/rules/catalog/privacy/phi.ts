// phi: letter text that seems to identify a person. Published determinations
// are de-identified ("the injured worker", "the treating physician"), and a
// case file is drafted from records full of names and numbers, so a name or
// number can slip into the summary or a rationale while it is written. The
// fixes replace exactly the identifying text with a neutral term.
import type { CaseFile } from '../../../syntax/ast';
import type { CodeAction } from '../../../types';
import { defineRule, type Finding } from '../../defineRule';
import { fix } from '../../fixes';
import { sourceText } from '../../../syntax/positions';
import { findPhi, type PhiMatch } from '../../../phi/patterns';
import { sectionTexts, type LetterText } from '../../../phi/letterText';
import { capitalize, collapseSpace } from '../../../text/words';
import { printedForm, writtenRange } from '../../../text/printed';

export interface PhiData {
  /** The pattern that matched (docs/rules.md#phi lists them). */
  pattern: string;
  /** The text as the letter shows it: a fix applies only while the range still holds it. */
  text: string;
  /** Neutral terms to put in its place; empty when replacing the range would delete more than the match. */
  replacements: string[];
}

export default defineRule<PhiData>({
  code: 'phi',
  family: 'privacy',
  severity: 'warning',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary:
    'Letter text that seems to identify a person: a name after Mr./Ms./Dr., a Social Security, phone or claim number, an e-mail or street address, a date of birth.',
  // The header's sections, the summary, then each item on its own: an edit checks again only the part it is in,
  // so a keystroke scans only the text it changed (the summary is one text, and 12 patterns over it were most of
  // this rule's time). The engine's reuse of the parts is what spares the scans: no memo of matches by text, whose
  // look-up hashed every printed text of every run.
  units: [
    {
      inputs: { unit: 'case', reads: ['header'] },
      check({ file }) {
        const out: Finding<PhiData>[] = [];
        for (const section of file.sections) if (section.kind !== 'item' && section !== file.summary) phiIn(file, sectionTexts(section), out);
        return out;
      },
    },
    { inputs: { unit: 'case', reads: ['summary'] }, check: ({ file }) => (file.summary ? phiIn(file, sectionTexts(file.summary), []) : []) },
    { inputs: { unit: 'item', reads: [] }, checkItem: ({ file }, item) => phiIn(file, sectionTexts(item.section), []) },
  ],
  fixes({ file }, d) {
    const out: CodeAction[] = [];
    const text = d.data?.text;
    const replacements = d.data?.replacements;
    if (typeof text !== 'string' || !Array.isArray(replacements)) return out;
    // The diagnostic may be older than the document: offer nothing unless the
    // range still holds the text it was raised on.
    if (collapseSpace(sourceText(file, d.range)) !== collapseSpace(text)) return out;
    replacements.forEach((r, i) => {
      if (typeof r !== 'string' || !r) return;
      out.push(fix(`Replace with "${r}"`, d, [{ range: d.range, newText: r }], i === 0));
    });
    return out;
  },
});

/** The findings in `sources`, added to `out` (an array, not a generator: a part's few texts rarely hold one). */
function phiIn(file: CaseFile, sources: readonly LetterText[], out: Finding<PhiData>[]): Finding<PhiData>[] {
  for (const source of sources) {
    // The patterns read what the letter prints ("123‑45‑6789" with
    // non-breaking hyphens prints as 123-45-6789); ranges are the written text's.
    const printed = printedForm(source.text);
    for (const m of findPhi(printed.text)) {
      const at = writtenRange(printed, m.start, m.end);
      out.push(finding(file, source, { ...m, start: at.start, end: at.end, text: source.text.slice(at.start, at.end) }, m.text));
    }
  }
  return out;
}

function quoted(list: string[]): string {
  return list.map((r) => `"${r}"`).join(' or ');
}

/** `m` in the written text; `shown` is the same span as printed (what the message quotes). */
function finding(file: CaseFile, source: LetterText, m: PhiMatch, shown: string): Finding<PhiData> {
  const range = source.range(m.start, m.end);
  const atSentenceStart = source.sentenceStarts.has(m.start);
  const replacements = m.pattern.replacements.map((r) => (atSentenceStart ? capitalize(r) : r));
  // The fix replaces the file text of the range; when that text holds more
  // than the letter shows (a [#label] or a comment line inside the name),
  // replacing it would delete them, so no fix is offered.
  const fixable = collapseSpace(sourceText(file, range)) === collapseSpace(m.text);
  return {
    message: `This looks like ${m.pattern.what} ("${collapseSpace(shown)}"); ${m.pattern.advice}. Replace it${fixable ? ` with ${quoted(replacements)}` : ''}, or, if it identifies no one, silence it with \`-- imr-disable-next-line phi\` on the line above.`,
    range,
    data: { pattern: m.pattern.id, text: m.text, replacements: fixable ? replacements : [] },
  };
}

// Puts fact labels into the summary the importer has just written. The
// sentences are found by the parser's own prose builder, so a label lands
// inside the sentence the checks will see, just before its closing period
// ("... physical therapy sessions [#conservative-care]."), as authors write it.
import { buildProse } from '../syntax/prose';
import { prosePosition } from '../syntax/prose';
import { range } from '../syntax/positions';
import type { CaseWriter } from './caseWriter';
import { classifySentence, LabelNamer } from './facts';

/** Labels the prose written on `lineNumbers`; returns how many sentences got a label. */
export function labelSummary(w: CaseWriter, lineNumbers: number[]): number {
  if (lineNumbers.length === 0) return 0;
  const first = lineNumbers[0];
  const last = lineNumbers[lineNumbers.length - 1];
  const input = [];
  for (let n = first; n <= last; n++) {
    const text = w.lineText(n);
    const start = text.length - text.trimStart().length;
    input.push({ text: text.trimStart(), line: n, character: start });
  }
  const { prose } = buildProse(input, range(first, 0, 0));
  const namer = new LabelNamer();
  const inserts: { line: number; character: number; text: string }[] = [];
  let labelled = 0;
  for (const sentence of prose.sentences) {
    const names = classifySentence(sentence.text).map((b) => namer.name(b));
    if (names.length === 0) continue;
    labelled++;
    const marker = names.map((n) => `[#${n}]`).join(' ');
    // Before the closing period; after a closing quote or bracket, since the marker cannot go inside them.
    const closing = /[.!?]+$/.exec(sentence.text);
    const offset = closing ? sentence.end - closing[0].length : sentence.end;
    const at = prosePosition(prose, offset);
    inserts.push({ line: at.line, character: at.character, text: ` ${marker}` });
  }
  // Right to left, so earlier positions on a line stay valid.
  inserts.sort((a, b) => b.line - a.line || b.character - a.character);
  for (const ins of inserts) w.insert(ins.line, ins.character, ins.text);
  return labelled;
}

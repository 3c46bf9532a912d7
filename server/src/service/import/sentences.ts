// The sentences of letter text, split exactly as the checks split the case
// file's prose (syntax/prose.ts: abbreviations, closing quotes after a full
// stop, `radiculopathy."`), so what the importer reads in a sentence is the
// sentence a rule later reports on. The one place the importer splits text.
import { buildProse } from '../syntax/prose';
import { range } from '../syntax/positions';

export interface TextSentence {
  text: string;
  /** Offset of the sentence in the text given. */
  start: number;
  end: number;
}

/** Sentences of one run of text (a paragraph or a joined part of the letter). */
export function sentencesOf(text: string): TextSentence[] {
  // One prose line: its offsets are the text's own. A letter's "[#" is not a
  // label here (the importer escapes it when writing), so markers are kept.
  const escaped = text.replace(/\[#/g, '[\u200b');
  const { prose } = buildProse([{ text: escaped, line: 0, character: 0 }], range(0, 0, 0));
  return prose.sentences.map((s) => {
    const start = prose.segments.length ? offsetOf(prose, s.start) : s.start;
    const end = start + (s.end - s.start);
    return { text: text.slice(start, end), start, end };
  });
}

/** Maps an offset in the prose text back to the single input line (the prose drops leading blanks only). */
function offsetOf(prose: ReturnType<typeof buildProse>['prose'], offset: number): number {
  const seg = prose.segments.find((g) => offset >= g.offset && offset <= g.offset + g.length) ?? prose.segments[0];
  return seg.character + (offset - seg.offset);
}

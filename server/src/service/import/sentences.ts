// The sentences of letter text, split by the one splitter the case
// language's prose and the reading layer share (text/sentences.ts:
// abbreviations, closing quotes after a full stop, `radiculopathy."`), so
// what the importer reads in a sentence is the sentence a rule later reports
// on. The importer splits text only here.
import { splitSentences } from '../text/sentences';

export interface TextSentence {
  text: string;
  /** Offset of the sentence in the text given. */
  start: number;
  end: number;
}

/** Sentences of one run of text (a paragraph or a joined part of the letter). */
export function sentencesOf(text: string): TextSentence[] {
  return splitSentences(text, { layout: 'prose' }).map((s) => ({ text: s.text, start: s.start, end: s.end }));
}

/**
 * The lines with the paragraph breaks that fall inside a sentence removed: a
 * page break the extractor left between "... no numbness" and "or
 * dysesthesia." joins them again, before anything is labelled, so the
 * fragment never reads as a sentence of its own. Whether the sentence goes
 * on is the splitter's judgement on the letter's text (a lower-case start, a
 * line ending in "the", "of" or a comma). Returns the lines kept and how many
 * breaks were joined.
 */
export function joinBrokenSentences<L extends { text: string; blank: boolean }>(lines: L[]): { lines: L[]; joined: number } {
  const out: L[] = [];
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) {
      const prev = lastContent(out);
      // Found by index, not by a copy of the rest: a letter of thousands of short parts has as many blank lines.
      let n = i + 1;
      while (n < lines.length && lines[n].blank) n++;
      const next = prev ? lines[n] : undefined;
      if (prev && next && continues(prev.text, next.text)) {
        joined++;
        // Every blank line of this break goes: go on at the next content line.
        i = n - 1;
        continue;
      }
    }
    out.push(l);
  }
  return { lines: out, joined };
}

function lastContent<L extends { text: string; blank: boolean }>(lines: L[]): L | undefined {
  const last = lines[lines.length - 1];
  return last && !last.blank ? last : undefined;
}

/** Whether the letter's splitter reads the two lines, across a paragraph break, as one sentence. */
function continues(before: string, after: string): boolean {
  const a = before.trim();
  const b = after.trim();
  const joinedText = `${a}\n\n${b}`;
  const split = splitSentences(joinedText, { layout: 'pdf' });
  const boundary = a.length + 1;
  return split.some((s) => s.start < boundary && s.end > boundary + 1);
}

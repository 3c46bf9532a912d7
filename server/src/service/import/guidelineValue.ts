// Chooses how an item's guideline lines are written in the case file. The
// renderer turns a short value back into the letter's sentence
// (render/guidelineLine.ts): "MTUS Low Back Complaints 2004, Section(s): ..."
// becomes "Decision based on MTUS ...". The importer prefers that short form,
// which an author would type, but only when the renderer gives back exactly
// the letter's sentence; otherwise it keeps the sentence as written.
import { guidelineSentence } from '../render/guidelineLine';
import { normalizeSpace } from './letterLines';

export interface GuidelineValue {
  value: string;
  /** False when even the sentence as written does not render back word for word. */
  faithful: boolean;
  /** The sentence the renderer will print, when not faithful. */
  rendered?: string;
}

function candidates(sentence: string): string[] {
  const s = normalizeSpace(sentence);
  const out: string[] = [];
  const mtus = /^Decision based on (MTUS\b.*?)\.?$/.exec(s);
  if (mtus && !/Decision based on/i.test(mtus[1])) out.push(mtus[1]);
  const both = /^Decision based on (MTUS\b.*?)\.\s+Decision based on (Non-MTUS Citation .*?)\.?$/.exec(s);
  if (both && !/Decision based on/i.test(both[1] + both[2])) out.push(`${both[1]}. ${both[2]}`);
  const nonMtus =
    /^The (?:Claims Administrator|Expert Reviewer) based their decision on recommendation\(s\) outside of the MTUS Guidelines\. Decision based on (Non-MTUS Citation .*?)\.?$/.exec(
      s,
    );
  if (nonMtus && !/Decision based on/i.test(nonMtus[1])) out.push(nonMtus[1]);
  if (/^The (?:Claims Administrator|Expert Reviewer) did not cite any medical evidence for its decision\.?$/.test(s))
    out.push('did not cite any medical evidence');
  out.push(s);
  return out;
}

export function guidelineValue(sentence: string, subject: string): GuidelineValue {
  const want = normalizeSpace(sentence);
  for (const value of candidates(sentence)) {
    const back = guidelineSentence(value, subject);
    if (back && normalizeSpace(back.text) === want) return { value, faithful: true };
  }
  return { value: want, faithful: false, rendered: guidelineSentence(want, subject)?.text };
}

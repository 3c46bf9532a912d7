// Reads "HOW THE IMR FINAL DETERMINATION WAS MADE": the fixed paragraph
// (which names the review organization), then the reviewer's State(s) of
// Licensure and Certification(s)/Specialty. The fixed paragraph is compared
// with the renderer's wording; a letter that words it differently keeps its
// own wording as a comment.
import { LETTER_TEXT } from '../render/letterText';
import type { LetterLine } from './letterLines';
import { joinLines, normalizeSpace } from './letterLines';

export interface HowMade {
  organization?: string;
  /** True when the paragraph is the renderer's wording word for word. */
  standard: boolean;
  /** The paragraph's lines as the letter has them (kept when not standard). */
  paragraph: LetterLine[];
  /** First words where the paragraph departs from the standard wording. */
  departsAt?: string;
  credentialsIntro: boolean;
  licensure?: string;
  specialty?: string;
  unplaced: LetterLine[][];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const LICENSURE = new RegExp('^\\s*' + escape(LETTER_TEXT.licensureLabel), 'i');
const SPECIALTY = new RegExp('^\\s*' + escape(LETTER_TEXT.specialtyLabel), 'i');
const INTRO = new RegExp('^\\s*' + escape(LETTER_TEXT.credentialsIntro), 'i');

export function readHowMade(lines: LetterLine[]): HowMade {
  const result: HowMade = { standard: false, paragraph: [], credentialsIntro: false, unplaced: [] };
  const introAt = lines.findIndex((l) => INTRO.test(l.text));
  const firstCredential = lines.findIndex((l) => LICENSURE.test(l.text) || SPECIALTY.test(l.text));
  const paragraphEnd = introAt >= 0 ? introAt : firstCredential >= 0 ? firstCredential : lines.length;
  result.paragraph = lines.slice(0, paragraphEnd).filter((l) => !l.blank);
  const text = joinLines(result.paragraph);
  const org = /^(.+?)\s+sent the complete case file\b/i.exec(text);
  if (org) result.organization = org[1].trim();
  const expected = normalizeSpace(LETTER_TEXT.howMade.replace('{organization}', result.organization ?? '\u0000'));
  result.standard = !!org && text === expected;
  if (!result.standard && text) result.departsAt = firstDifference(text, expected);

  if (introAt >= 0) {
    result.credentialsIntro = true;
    const rest = normalizeSpace(lines[introAt].text).slice(normalizeSpace(LETTER_TEXT.credentialsIntro).length).trim();
    if (rest) result.unplaced.push([{ ...lines[introAt], text: rest }]);
  }
  // Each credential runs from its label to the next label or blank line.
  let current: 'licensure' | 'specialty' | undefined;
  const values: Record<'licensure' | 'specialty', string[]> = { licensure: [], specialty: [] };
  const stray: LetterLine[] = [];
  for (let i = Math.max(paragraphEnd, introAt + 1); i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) {
      current = undefined;
      continue;
    }
    const lic = LICENSURE.exec(l.text);
    const spec = SPECIALTY.exec(l.text);
    if (lic && !values.licensure.length) {
      current = 'licensure';
      values.licensure.push(l.text.slice(lic[0].length));
    } else if (spec && !values.specialty.length) {
      current = 'specialty';
      values.specialty.push(l.text.slice(spec[0].length));
    } else if (current) values[current].push(l.text);
    else stray.push(l);
  }
  if (stray.length) result.unplaced.push(stray);
  const lic = normalizeSpace(values.licensure.join(' '));
  const spec = normalizeSpace(values.specialty.join(' '));
  if (lic) result.licensure = lic;
  if (spec) result.specialty = spec;
  return result;
}

/** A few words around where two texts first differ, to name the difference in a message. */
export function firstDifference(actual: string, expected: string): string {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const start = actual.lastIndexOf(' ', Math.max(0, i - 1)) + 1;
  const words = actual.slice(start).split(' ').slice(0, 6).join(' ');
  return words || '(the end of the paragraph)';
}

// Reads the diagnoses under treatment from a clinical case summary, in the
// ways reviewers introduce them ("Diagnoses include ...", "is undergoing
// treatment for ...", "was diagnosed with ...", "has filed a claim for ...").
// The cue phrases are data (diagnosisCues.json). The diagnosis is the rest of
// the cue's sentence, as written: the importer never shortens, guesses or
// names a diagnosis the letter does not give.
import cues from './diagnosisCues.json';
import { sentencesOf } from './sentences';

interface CueData {
  groups: { name: string; cues: string[] }[];
  endings: string[];
  maxLength: number;
}

const DATA = cues as CueData;

/** A cue phrase as a regular expression: whole words, `*` any word ending, `…` a short gap of other words. */
function cuePattern(cue: string): string {
  let out = '';
  let gap = false;
  for (const word of cue.split(/\s+/)) {
    if (word === '…') {
      gap = true;
      continue;
    }
    const escaped = word
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\w*');
    // A gap runs within the clause: no full stop, semicolon or colon in it.
    if (out) out += gap ? '[\\s,]+(?:[^.;:]{0,38}?\\s)?' : '\\s+';
    out += escaped;
    gap = false;
  }
  return out;
}

const GROUPS = DATA.groups.map((g) => ({
  name: g.name,
  re: new RegExp(`(?<![\\w-])(?:${g.cues.map(cuePattern).join('|')})(?![\\w-])\\s*:?\\s*`, 'i'),
}));
const ENDING = new RegExp(`\\s*,?\\s+(?:${DATA.endings.map(cuePattern).join('|')})(?![\\w-]).*$`, 'is');

export interface DiagnosisReading {
  diagnosis?: string;
  /** With no diagnosis: the start of the sentence the importer looked at (the one introducing the worker). */
  lookedAt?: number;
}

export function readDiagnosis(summary: string): DiagnosisReading {
  const sentences = sentencesOf(summary);
  for (const group of GROUPS) {
    for (const s of sentences) {
      const m = group.re.exec(s.text);
      if (!m) continue;
      const words = cleanDiagnosis(s.text.slice(m.index + m[0].length));
      if (words) return { diagnosis: words };
    }
  }
  // The sentence that introduces the worker (age, injury) is where letters
  // name the diagnosis; without one, the summary's first sentence.
  const intro = sentences.find((s) => /\b(?:years?[-\s]+old|industrial|injur)/i.test(s.text)) ?? sentences[0];
  return { lookedAt: intro?.start };
}

/** The captured words as a field value: the sentence's full stop and closing quote dropped, cut at a trailing clause that is not the diagnosis. */
function cleanDiagnosis(rest: string): string | undefined {
  let words = rest.replace(ENDING, '').replace(/\s+/g, ' ').trim();
  words = words.replace(/[\s.;:,"'”’]+$/, '');
  // A diagnosis quoted from the record ("lumbar radiculopathy.") loses its opening quote with the closing one.
  if (/^["“]/.test(words) && !/["”]/.test(words.slice(1))) words = words.slice(1).trim();
  // "treated for 6 weeks", "treated for a period of": a duration, not a condition.
  if (!words || /^(?:\d|a\s+(?:period|course|total)\b|several\b|many\b)/i.test(words)) return undefined;
  if (words.length > DATA.maxLength) return undefined;
  return words;
}

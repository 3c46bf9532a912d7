// detail-mismatch: a reflex grade the rationale gives a side and a reflex that the summary grades otherwise
// ("Left ankle DTR was +2 on the right and +1 on the left" over "left ankle deep tendon reflex 2+, right
// ankle deep tendon reflex 1+": the sides are swapped, and the diminished reflex is the symptomatic side's).
// A grade is read in the forms letters write it (2+, +2, 1+/4, "trace", "absent" are not compared), with the
// side the stretch of the sentence gives it ("on the right" after the grade, or the side word before it) and
// the reflex's place as the reader reads that stretch.
import type { CaseFile, Prose, Sentence } from '../../../syntax/ast';
import type { CaseModel, ItemModel } from '../../../model/caseModel';
import type { SentenceReading } from '../../../reading/types';
import { sentenceSpan } from '../../../necessity/itemView';
import type { RecordFinding } from './recordChecks';
import type { ReadingAccess } from './summaryFacts';

/** A reflex grade in a sentence, with the side and place its stretch of the sentence gives it. */
export interface SidedReflexGrade {
  start: number;
  end: number;
  text: string;
  value: number;
  side: 'left' | 'right';
  sites: readonly string[];
  /** The stretch of the sentence the grade stands in ("right ankle deep tendon reflex 1+"). */
  stretch: string;
}

/** "2+", "+2", "1 +", "2+/4": a reflex grade of the 0-4 scale; not a strength grade ("4+/5") nor a count. */
const GRADE = /(?<![\w./+-])(?:([0-4])\s?\+(?!\s?\/\s?5)(?:\s?\/\s?4)?|\+\s?([0-4])(?![\d/]))/g;
const SIDE_AFTER = /^\s{0,3}(?:on the |on |in the )?(left|right)\b/i;
const SIDE_WORD = /\b(left|right)\b/gi;

/** Does the sentence read a reflex (the lexicon's reflexes, or a kind of them)? */
function readsReflexes(reading: SentenceReading): boolean {
  return reading.mentions.some((m) => m.concepts.includes('reflexes'));
}

/** The sided grades of a sentence that reads reflexes: each grade with the side and place its comma stretch gives it. */
export function sidedReflexGrades(text: string, access: ReadingAccess): SidedReflexGrade[] {
  if (!/\d\s?\+|\+\s?\d/.test(text) || !readsReflexes(access.read(text))) return [];
  const out: SidedReflexGrade[] = [];
  let m: RegExpExecArray | null;
  GRADE.lastIndex = 0;
  while ((m = GRADE.exec(text))) {
    const at = m.index;
    const end = at + m[0].length;
    // The stretch of the sentence the grade stands in: between the commas (or semicolons) around it.
    const from = Math.max(text.lastIndexOf(',', at), text.lastIndexOf(';', at)) + 1;
    const nextComma = [text.indexOf(',', end), text.indexOf(';', end)].filter((i) => i >= 0);
    const to = nextComma.length ? Math.min(...nextComma) : text.length;
    // "+2 on the right" gives the side after the grade; "left ankle deep tendon reflex 2+" the one before it.
    const after = SIDE_AFTER.exec(text.slice(end, to));
    let side = after?.[1].toLowerCase();
    if (!side) {
      const before = [...text.slice(from, at).matchAll(SIDE_WORD)];
      side = before.length ? before[before.length - 1][1].toLowerCase() : undefined;
    }
    if (side !== 'left' && side !== 'right') continue;
    const sites = access.read(text.slice(from, to)).attributes.sites;
    if (!sites.length) continue;
    const stop = after ? end + after[0].length : end;
    out.push({
      start: at,
      end: stop,
      text: text.slice(at, stop),
      value: Number(m[1] ?? m[2]),
      side,
      sites,
      stretch: text
        .slice(from, to)
        .trim()
        .replace(/[.;:]$/, ''),
    });
  }
  return out;
}

const clip = (t: string, n = 90) => (t.length > n ? t.slice(0, n - 1) + '…' : t);

const summaryGradesOf = new WeakMap<Prose, { access: ReadingAccess; grades: { sentence: Sentence; g: SidedReflexGrade }[] }>();

/** The summary's sided reflex grades, once per summary prose (an item's unit asks them again). */
function summaryGrades(prose: Prose, access: ReadingAccess): { sentence: Sentence; g: SidedReflexGrade }[] {
  const hit = summaryGradesOf.get(prose);
  if (hit && hit.access === access) return hit.grades;
  const grades = prose.sentences.flatMap((sentence) => sidedReflexGrades(sentence.text, access).map((g) => ({ sentence, g })));
  summaryGradesOf.set(prose, { access, grades });
  return grades;
}

/** `only`: that item's findings alone. */
export function reflexGradeFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  if (!file.summary || (only && !only.section.rationale)) return [];
  const summary = summaryGrades(file.summary.prose, access);
  if (!summary.length) return [];
  const out: RecordFinding[] = [];
  for (const item of only ? [only] : model.items) {
    const prose = item.section.rationale?.prose;
    for (const sentence of prose?.sentences ?? []) {
      for (const g of sidedReflexGrades(sentence.text, access)) {
        const same = summary.filter((s) => s.g.side === g.side && s.g.sites.some((x) => g.sites.includes(x)));
        if (!same.length || same.some((s) => s.g.value === g.value)) continue;
        const other = summary.find((s) => s.g.side !== g.side && s.g.value === g.value && s.g.sites.some((x) => g.sites.includes(x)));
        const given = same[0];
        out.push({
          message: `The rationale grades the ${g.side} reflex "${g.text}" ("${clip(g.stretch, 60)}"), but the clinical case summary grades it ${given.g.value}+ ("${clip(given.g.stretch, 60)}")${other ? `, and gives ${g.value}+ to the ${other.g.side} side: the sides may be swapped` : ''}. Correct the grade or the side.`,
          range: sentenceSpan(prose!, sentence, g.start, g.end),
          relatedInformation: [{ range: given.sentence.range, message: `The summary grades the ${g.side} reflex: "${clip(given.sentence.text)}"` }],
          data: { detail: 'reflex', written: g.text, expected: String(given.g.value) },
        });
        break;
      }
    }
  }
  return out;
}

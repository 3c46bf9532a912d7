// The words that put a number in the utilization review's or an approval's mouth ("the UR modified the request to
// 5 mg", "certified 50% ..."): a strength or a percent said there is the review's, not the record's. One list for the
// detail checks that compare the rationale's numbers with the summary's (doseStrengths.ts, reliefPercents.ts).
export const REVIEW_WORDS: readonly string[] = ['ur', 'utilization review', 'certif\\w*', 'non-certif\\w*', 'authoriz\\w*', 'approv\\w*', 'modif\\w*'];

/** One case-insensitive pattern of whole words (each a regular-expression source), plus any extra alternative. */
export function wordsPattern(words: readonly string[], extra = ''): RegExp {
  return new RegExp(words.map((w) => `\\b${w}\\b`).join('|') + extra, 'i');
}

// Folding: each part of the letter, each criteria and rationale block, and
// each run of two or more comment lines. Only ranges spanning more than one
// line are returned; a one-line fold would be noise in the gutter.
import type { FoldingRange } from '../types';
import type { FeatureContext } from './context';

export function foldingRanges({ file }: FeatureContext): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const section of file.sections) {
    add(section.keywordRange.start.line, section.range.end.line);
    if (section.kind !== 'item') continue;
    if (section.criteria) add(section.criteria.keywordRange.start.line, section.criteria.range.end.line);
    if (section.rationale) add(section.rationale.keywordRange.start.line, section.rationale.range.end.line);
  }
  // Comments come in source order; a run is broken by any line that is not a comment.
  let runStart = -1;
  let prev = -2;
  for (const c of file.comments) {
    const line = c.range.start.line;
    if (line !== prev + 1) {
      if (runStart >= 0) add(runStart, prev, 'comment');
      runStart = line;
    }
    prev = line;
  }
  if (runStart >= 0) add(runStart, prev, 'comment');
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

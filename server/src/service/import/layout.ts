// Recognises which layout a letter uses, from words only that layout prints.
import { findHeadings } from './letterSections';
import type { LetterLine } from './letterLines';
import type { LetterLayout } from './types';

export const LAYOUT_NAMES: Record<LetterLayout, string> = {
  current: 'MAXIMUS final determination, 2016-17 layout',
  'notice-2013': '2013 "Notice of Independent Medical Review Determination" layout',
  'medical-professional-review': '"MEDICAL PROFESSIONAL REVIEW" layout, not divided into parts',
  unknown: 'layout not recognised, kept as comments',
};

export function detectLayout(lines: LetterLine[]): LetterLayout {
  const head = lines
    .slice(0, 80)
    .map((l) => l.text)
    .join(' ');
  if (/Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination/i.test(head)) return 'notice-2013';
  if (findHeadings(lines).length > 0) return 'current';
  const all = lines.map((l) => l.text).join('\n');
  if (/^\s*MEDICAL PROFESSIONAL REVIEW\s*$/m.test(all) || (/ISSUE AT DISPUTE/.test(all) && /DOCUMENTS REVIEWED/.test(all)))
    return 'medical-professional-review';
  // Headings lost, but the parts' own lines are there: read it as the current layout.
  if (/^\s*Decision\s+rationale\s*:/im.test(all) && /:\s*(Upheld|Overturned)\s*$/im.test(all)) return 'current';
  return 'unknown';
}

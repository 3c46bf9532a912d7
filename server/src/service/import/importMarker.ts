// The mark an imported case carries: `imported-from:` in its header, naming
// the letter. The checks read a marked case as an audit of a published letter
// (rules/auditView.ts); an author who makes it a case of their own deletes
// the line.
import type { CaseWriter } from './caseWriter';
import type { ImportOptions } from './types';

export const IMPORTED_FROM = 'imported-from';

export function markImported(w: CaseWriter, options: ImportOptions): void {
  // A file name only: never a path, never letter text.
  const source = (options.sourceName ?? '').replace(/[\r\n]+/g, ' ').trim();
  w.field(1, IMPORTED_FROM, source || 'letter');
}

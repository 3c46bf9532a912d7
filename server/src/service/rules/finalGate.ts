// What stops a case from becoming a final letter. A letter goes to the
// injured worker, the employer and the claims administrator: it may not go
// out while an error remains (a missing part, a decision that contradicts its
// rationale) or while it seems to identify a person (`phi`, a warning while
// drafting, since a name in the records is normal, but never acceptable in
// a letter that is sent). Export in the editor asks, naming each, and `imr
// render` refuses without --allow-draft; a letter made anyway is marked
// DRAFT on every page (render/: LetterOptions.draft).
import type { ImrDiagnostic } from '../types';

/** Codes that block a final letter whatever their severity. */
export const ALWAYS_BLOCKING = new Set(['phi']);

export function blocksFinalLetter(d: Pick<ImrDiagnostic, 'code' | 'severity'>): boolean {
  return d.severity === 'error' || ALWAYS_BLOCKING.has(d.code);
}

/** One line per blocking problem, as the editor's question lists them: line, message, code. */
export function describeBlocking(d: Pick<ImrDiagnostic, 'code' | 'message' | 'range'>): string {
  return `Line ${d.range.start.line + 1}: ${d.message} (${d.code})`;
}

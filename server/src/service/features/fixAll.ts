// "Fix all" (source.fixAll: VS Code's Fix All command and
// `editor.codeActionsOnSave`) applies, in one edit, the quick-fixes an author
// could accept without reading them: the preferred ones. A rule marks a fix
// preferred only when it is the one safe choice, so no decision, criterion
// status or date is ever changed here (test/unit/properties-safe-fixes.test.ts
// holds that over every rule's fixes). Snippet fixes stay out: their
// placeholders are for the author to fill in, and written as plain text they
// would put a template's words into the letter.
import type { CodeAction, ImrDiagnostic, Range, TextEdit } from '../types';

export const FIX_ALL_TITLE = 'Fix all safe IMR problems';

/** One action holding the preferred plain fixes of `diagnostics`, the first for each where fixes overlap; undefined when there are none. */
export function fixAllAction(diagnostics: readonly ImrDiagnostic[], fixesOf: (d: ImrDiagnostic) => CodeAction[]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const fixed: ImrDiagnostic[] = [];
  for (const d of diagnostics) {
    const action = fixesOf(d).find((a) => a.kind === 'quickfix' && a.isPreferred && a.edits.length > 0 && a.edits.every((e) => !e.snippet));
    if (!action) continue;
    // Two fixes over the same text would each assume the other's text is still there.
    if (action.edits.some((e) => edits.some((x) => overlaps(x.range, e.range)))) continue;
    edits.push(...action.edits);
    fixed.push(d);
  }
  return edits.length ? { title: FIX_ALL_TITLE, kind: 'source.fixAll', diagnostics: fixed, edits } : undefined;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that share text, or two insertions at one point (their order would be arbitrary). */
function overlaps(a: Range, b: Range): boolean {
  const aEmpty = !before(a.start, a.end);
  const bEmpty = !before(b.start, b.end);
  if (aEmpty && bEmpty) return a.start.line === b.start.line && a.start.character === b.start.character;
  return before(a.start, b.end) && before(b.start, a.end);
}

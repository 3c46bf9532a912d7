// What every quick-fix in the catalog builds its answer with. A fix gets the
// diagnostic back from the editor with its `data` (see ReturnedDiagnostic in
// defineRule.ts) and the current parse; it re-finds the place there and
// returns nothing when the document has moved on.
import type { CodeAction, ImrDiagnostic, Position, Range, TextEdit } from '../types';

/** A quick-fix of one diagnostic. `isPreferred` marks the one an editor applies with "fix all"/auto-fix. */
export function fix(title: string, d: ImrDiagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: 'quickfix', diagnostics: [d], edits, isPreferred };
}

/** An empty range: where an insertion goes. */
export function at(p: Position): Range {
  return { start: p, end: p };
}

/** A string from the returned data, or '' for anything else. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The fix a "did you mean" finding offers: replace the range with `data.replacement`, as `render` writes it. */
export function replacementFix(d: ReturnedDiagnosticLike, render: (r: string) => string, title: (r: string) => string, isPreferred = true): CodeAction[] {
  const r = str(d.data?.replacement);
  return r ? [fix(title(r), d, [{ range: d.range, newText: render(r) }], isPreferred)] : [];
}

type ReturnedDiagnosticLike = ImrDiagnostic & { data?: { replacement?: unknown } };

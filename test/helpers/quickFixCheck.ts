// Applies every quick-fix the service offers for every diagnostic of a case
// and checks what an author expects of it: the fix adds no syntax problem
// that was not there, and the diagnostic it targeted (same rule, same place,
// same finding) is gone. Used by the quick-fix property and its regressions.
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { computeLineStarts, offsetAt } from '../../server/src/service/syntax/positions';
import type { CodeAction, ImrDiagnostic, Position } from '../../server/src/service/types';
import { applyEdits } from './edits';
import { toPlainText } from '../../server/src/service/features/snippets';
import { noContainedError } from './properties';

let n = 0;
const doc = (text: string) => ({ uri: `file:///quickfix/${++n}.imr`, version: 1, text });

/** Where a point of the old text is after the edits: before text inserted at it, and after. */
function mapOffset(text: string, action: CodeAction, offset: number): number[] {
  const starts = computeLineStarts(text);
  const at = (p: Position) => offsetAt(starts, text, p);
  let before = offset;
  let after = offset;
  for (const e of action.edits) {
    const s = at(e.range.start);
    const end = at(e.range.end);
    const delta = (e.snippet ? toPlainText(e.newText) : e.newText).length - (end - s);
    if (end < offset || (end === offset && s < offset)) {
      before += delta;
      after += delta;
    } else if (s === offset && end === offset) after += delta;
    else if (s < offset && offset < end) {
      before -= offset - s;
      after -= offset - s;
    }
  }
  return [before, after];
}

function positionOf(text: string, offset: number): Position {
  const starts = computeLineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/**
 * The same finding: same rule and same message (numbers aside, as they
 * include line numbers that a fix moves). A fix that leaves a template to
 * fill in may leave a diagnostic of the same rule that says what is still
 * to do; that is a different message, so it does not count.
 */
function sameFinding(a: ImrDiagnostic, b: ImrDiagnostic): boolean {
  return a.code === b.code && a.message.replace(/\d+/g, '#') === b.message.replace(/\d+/g, '#');
}

/**
 * The syntax problems of the fixed text that the text before did not have.
 * A fix moves lines, rewrites them, and a problem's message names its
 * context, so an old problem accounts for a new one when it has the same
 * message (numbers aside), is on a line of the same text, or on the line
 * where the old problem's line went; the closest matches are paired first.
 * Mixed indentation is counted, not placed: in a file that already mixes
 * tabs and spaces, which lines are "the odd ones" depends on which comes
 * first, and a fix may well change that.
 *
 * A problem on a line that already had a diagnostic (of any rule, the
 * `flagged` line numbers of `before`) is not new either: mending `riteria:`
 * to `criteria:` makes the lines under it criteria, and a status that was
 * wrong all along (`probably`) shows. A clean line that turns bad, or a line
 * the fix wrote, is new.
 */
export function newProblems(before: string, action: CodeAction, after: string, flagged: number[] = []): string[] {
  const beforeStarts = computeLineStarts(before);
  const read = (text: string) => {
    const lines = text.split(/\r\n|\r|\n/);
    return parseCase(text).problems.map((p) => ({
      code: p.code,
      at: p.range.start,
      line: lines[p.range.start.line] ?? '',
      message: p.message.replace(/\d+/g, '#'),
    }));
  };
  const old = read(before).map((o) => ({
    ...o,
    movedTo: mapOffset(before, action, offsetAt(beforeStarts, before, o.at)).map((x) => positionOf(after, x).line),
  }));
  const fresh = read(after);
  const added: string[] = [];
  const count = (ps: { code: string }[]) => ps.filter((p) => p.code === 'indentation').length;
  if (count(fresh) > count(old)) added.push(`${count(fresh) - count(old)} more lines of mixed indentation`);
  const unmatched = fresh.filter((p) => p.code !== 'indentation');
  const pool = old.filter((p) => p.code !== 'indentation');
  type P = (typeof pool)[number];
  type Q = (typeof unmatched)[number];
  const passes: ((o: P, p: Q) => boolean)[] = [
    (o, p) => o.message === p.message && o.line === p.line && o.movedTo.includes(p.at.line),
    (o, p) => o.message === p.message && (o.line === p.line || o.movedTo.includes(p.at.line)),
    (o, p) => o.message === p.message,
    (o, p) => o.line === p.line,
    (o, p) => o.movedTo.includes(p.at.line),
  ];
  for (const pass of passes) {
    for (let k = unmatched.length - 1; k >= 0; k--) {
      const i = pool.findIndex((o) => pass(o, unmatched[k]));
      if (i < 0) continue;
      pool.splice(i, 1);
      unmatched.splice(k, 1);
    }
  }
  const beforeLines = before.split(/\r\n|\r|\n/);
  const flaggedText = new Set(flagged.map((l) => beforeLines[l]));
  const flaggedAfter = new Set(flagged.flatMap((l) => mapOffset(before, action, beforeStarts[l]).map((x) => positionOf(after, x).line)));
  for (const p of unmatched) if (!flaggedAfter.has(p.at.line) && !flaggedText.has(p.line)) added.push(`"${p.message}" on the line "${p.line}"`);
  return added;
}

/** Checks every quick-fix offered for every diagnostic of `text`; returns how many were applied, and adds them up by rule in `byRule`. */
export function checkQuickFixes(text: string, byRule?: Map<string, number>): number {
  const service = new LanguageService();
  const d = doc(text);
  let applied = 0;
  noContainedError(() => {
    const diagnostics = service.getDiagnostics(d);
    const flagged = diagnostics.map((x) => x.range.start.line);
    for (const target of diagnostics) {
      for (const action of service.getCodeActions(d, target.range, [target])) {
        if (action.kind !== 'quickfix') continue;
        const what = `quick-fix "${action.title}" for ${target.code} at ${target.range.start.line}:${target.range.start.character}`;
        const fixed = applyEdits(text, action.edits);
        applied++;
        byRule?.set(target.code, (byRule.get(target.code) ?? 0) + 1);
        assert.deepEqual(newProblems(text, action, fixed, flagged), [], `${what} adds a syntax problem`);
        const starts = computeLineStarts(text);
        const places = mapOffset(text, action, offsetAt(starts, text, target.range.start)).map((o) => positionOf(fixed, o));
        const after = service.getDiagnostics(doc(fixed));
        const remains = after.find(
          (x) => sameFinding(x, target) && places.some((p) => p.line === x.range.start.line && p.character === x.range.start.character),
        );
        assert.ok(!remains, `${what} leaves its diagnostic: ${remains?.message}`);
      }
    }
  });
  return applied;
}

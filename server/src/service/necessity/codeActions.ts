// Quick-fixes for the necessity diagnostics. Each reads what it needs from
// the diagnostic's `data` (which survives the LSP round trip) and the current
// parse; when the document has moved on and the data no longer fits, it
// offers nothing rather than a wrong edit.
import type { CodeAction, ImrDiagnostic, Position, Range, TextEdit } from '../types';
import type { ItemSection } from '../syntax/ast';
import type { FeatureContext } from '../features/context';
import type { CodeActionRequest } from '../features/codeActions';
import { getField } from '../model/caseModel';
import { offsetAt } from '../syntax/positions';
import { activeLibrary } from './library';
import { fieldIndent, indentUnit, lineText } from '../features/layout';

const at = (p: Position): Range => ({ start: p, end: p });
const lineStart = (line: number): Range => at({ line, character: 0 });

function fix(title: string, d: ImrDiagnostic, edits: TextEdit[], isPreferred = false): CodeAction {
  return { title, kind: 'quickfix', diagnostics: [d], edits, isPreferred };
}

function textOf(ctx: FeatureContext, r: Range): string {
  const { text, lineStarts } = ctx.file;
  return text.slice(offsetAt(lineStarts, text, r.start), offsetAt(lineStarts, text, r.end));
}

/** The line break the file uses. */
function eol(ctx: FeatureContext): string {
  return ctx.file.text.includes('\r\n') ? '\r\n' : '\n';
}

export function necessityCodeActions(ctx: FeatureContext, request: CodeActionRequest): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of request.diagnostics) {
    const data = (d.data ?? {}) as Record<string, any>;
    switch (d.code) {
      case 'missing-criteria':
        out.push(...missingCriteria(ctx, d, data));
        break;
      case 'unknown-criterion':
        if (typeof data.replacement === 'string') out.push(fix(`Change to ${data.replacement}`, d, [{ range: d.range, newText: data.replacement }], true));
        break;
      case 'superseded-guideline':
        if (typeof data.replacement === 'string') out.push(fix(`Cite the edition in force: ${data.replacement}`, d, [{ range: d.range, newText: data.replacement }], true));
        break;
      case 'decision-contradicts-rationale':
        out.push(...contradiction(ctx, d, data));
        break;
      case 'criterion-without-evidence':
        for (const label of (data.labels ?? []) as string[]) {
          if (data.at) out.push(fix(`Cite [#${label}] as evidence`, d, [{ range: at(data.at), newText: ` [#${label}]` }], label === data.labels[0]));
        }
        break;
      case 'unsupported-necessity-claim':
        out.push(...unsupportedClaim(ctx, d, data));
        break;
      case 'evidence-hierarchy':
        out.push(...hierarchy(ctx, d, data));
        break;
      case 'detail-mismatch':
        out.push(...detailMismatch(ctx, d, data));
        break;
    }
  }
  return out;
}

function missingCriteria(ctx: FeatureContext, d: ImrDiagnostic, data: Record<string, any>): CodeAction[] {
  const nl = eol(ctx);
  if (data.kind === 'section' && data.at && data.section) {
    return [fix(`Name the guideline section: ${data.section}`, d, [{ range: at(data.at), newText: ` ${data.section}` }], true)];
  }
  if (data.kind !== 'criteria' || !Array.isArray(data.missing) || typeof data.line !== 'number') return [];
  const lines = (data.missing as string[]).map((id) => `${data.indent ?? '    '}${id}: unknown`);
  const last = ctx.file.lineCount - 1;
  // After the file's last line (no line below the block): start a new line first.
  const edit: TextEdit =
    data.line > last || (data.line === last && ctx.file.lineStarts[last] === ctx.file.text.length && !ctx.file.text.endsWith('\n'))
      ? { range: at({ line: last, character: ctx.file.text.length - ctx.file.lineStarts[last] }), newText: nl + lines.join(nl) }
      : { range: lineStart(data.line), newText: lines.join(nl) + nl };
  return [fix(`Add ${data.missing.join(', ')} (status unknown)`, d, [edit], true)];
}

/** Remove the negation from a cue ("not" -> "", "does not" -> "does", "has not been established" -> "has been established"). */
function withoutNegation(cue: string): string | undefined {
  if (/^(lack of|lacks|absence of|unable|neither|nor|no)$/i.test(cue.trim())) return undefined;
  const stripped = cue
    .replace(/\bcannot\b/i, 'can')
    .replace(/\bcan not\b/i, 'can')
    .replace(/n't\b/i, '')
    .replace(/\bnot\b[\s-]*/i, '')
    .replace(/\bnon[\s-]*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped === cue.trim() ? undefined : stripped;
}

function contradiction(ctx: FeatureContext, d: ImrDiagnostic, data: Record<string, any>): CodeAction[] {
  const out: CodeAction[] = [];
  if (data.decisionRange && (data.polarity === 'necessary' || data.polarity === 'not-necessary')) {
    const decision = data.polarity === 'necessary' ? 'overturned' : 'upheld';
    out.push(fix(`Change the decision to ${decision}`, d, [{ range: data.decisionRange, newText: decision }], data.kind !== 'conclusion'));
  }
  if (data.kind !== 'conclusion' || !data.phraseRange) return out;
  const phrase: Range = data.phraseRange;
  if (data.polarity === 'necessary') {
    // Upheld: make the conclusion say "not medically necessary".
    if (/^(medically|necessary|recommended|supported|warranted|indicated|appropriate|justified|a medical necessity)/i.test(data.phrase ?? '')) {
      out.push(fix('Change the conclusion to "not …" to agree with the decision', d, [{ range: at(phrase.start), newText: 'not ' }]));
    }
    return out;
  }
  const cue: Range | undefined = data.cueRange;
  if (!cue || cue.start.line !== cue.end.line) return out;
  const cueText = textOf(ctx, cue);
  const positive = withoutNegation(cueText);
  if (positive === undefined) return out;
  const beforePhrase = cue.start.line === phrase.start.line && cue.end.character <= phrase.start.character;
  if (beforePhrase) {
    const between = textOf(ctx, { start: cue.start, end: phrase.start });
    const rest = between.slice(cueText.length).replace(/^[\s-]+/, positive ? ' ' : '');
    out.push(fix('Change the conclusion to agree with the decision (medically necessary)', d, [{ range: { start: cue.start, end: phrase.start }, newText: `${positive}${rest}` }]));
  } else {
    out.push(fix('Change the conclusion to agree with the decision (medically necessary)', d, [{ range: cue, newText: positive }]));
  }
  return out;
}

function unsupportedClaim(ctx: FeatureContext, d: ImrDiagnostic, data: Record<string, any>): CodeAction[] {
  const out: CodeAction[] = [];
  const item = typeof data.item === 'number' ? ctx.model.items[data.item] : undefined;
  if (!item) return out;
  const nl = eol(ctx);
  // The whitespace the file itself uses (tabs stay tabs): fields take the
  // item's field indentation, a criteria block the rationale keyword's.
  const indent = fieldIndent(ctx.file, item.section);
  const section = activeLibrary().section(data.section);
  if (data.noGuideline && section) {
    const g = item.guideline;
    out.push(
      fix(
        `Cite ${section.source.citation}`,
        d,
        g ? [{ range: g.valueRange, newText: section.source.citation }] : [{ range: at(afterFields(ctx, item.section)), newText: `${nl}${indent}guideline: ${section.source.citation}` }],
        true,
      ),
    );
  }
  if (data.noCriteria && section && !item.section.criteria && item.section.rationale) {
    const block = lineText(ctx.file, item.section.rationale.keywordRange.start.line).slice(0, item.section.rationale.keywordRange.start.character);
    const lines = [`${block}criteria: ${section.id}`, ...section.criteria.map((c) => `${block}${indentUnit(ctx.file)}${c.id}: unknown`)];
    out.push(fix(`Add the criteria of ${section.id} (status unknown)`, d, [{ range: lineStart(item.section.rationale.keywordRange.start.line), newText: lines.join(nl) + nl }], !data.noGuideline));
  }
  return out;
}

/**
 * The end of an item's last field line (or of its keyword line): a new field
 * goes there, among the fields. Above the criteria or rationale keyword would
 * be wrong when a broken item has two of them: the field would land inside
 * the first block.
 */
function afterFields(ctx: FeatureContext, section: ItemSection): Position {
  let line = section.keywordRange.start.line;
  for (const f of section.fields) line = Math.max(line, f.range.end.line);
  return { line, character: lineText(ctx.file, line).length };
}

function hierarchy(ctx: FeatureContext, d: ImrDiagnostic, data: Record<string, any>): CodeAction[] {
  const out: CodeAction[] = [];
  if (typeof data.citation === 'string') out.push(fix(`Base the decision on the MTUS: ${data.citation}`, d, [{ range: d.range, newText: data.citation }]));
  if (typeof data.line === 'number') {
    const item = ctx.model.items.find((i) => i.guideline && i.guideline.range.start.line === data.line);
    if (item && item.guideline && !getField(item.section, 'non-mtus-reason')) {
      // After the guideline line, with its own whitespace: the line below may not exist (the file's last line).
      const line = item.guideline.range.start.line;
      const text = lineText(ctx.file, line);
      const indent = text.slice(0, item.guideline.keyRange.start.character);
      out.push(
        fix('Add non-mtus-reason: why the MTUS does not apply', d, [
          { range: at({ line, character: text.length }), newText: `${eol(ctx)}${indent}non-mtus-reason: \${1:The MTUS does not address this service.}`, snippet: true },
        ]),
      );
    }
  }
  return out;
}

const DETAIL_TITLES: Record<string, string> = {
  'review-date': "the case header's UR date",
  'injury-date': "the case header's date of injury",
  pronoun: "the worker's pronoun",
};

/**
 * detail-mismatch: write the header's date or the worker's pronoun in place
 * of the one the sentence has, only while the range still holds the text the
 * finding saw (an edit since may have moved or changed it).
 */
function detailMismatch(ctx: FeatureContext, d: ImrDiagnostic, data: Record<string, any>): CodeAction[] {
  const what = DETAIL_TITLES[data.detail];
  if (!what || typeof data.replacement !== 'string' || typeof data.written !== 'string' || !data.replacement.trim()) return [];
  if (textOf(ctx, d.range) !== data.written) return [];
  return [fix(`Change "${data.written}" to ${what}, "${data.replacement}"`, d, [{ range: d.range, newText: data.replacement }], true)];
}

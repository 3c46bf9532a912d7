// unsupported-necessity-claim: the rationale concludes on medical necessity
// but the item cites no guideline or evaluates no criteria. The fixes cite the
// section the service matches and add its criteria (status unknown).
import type { ItemSection, Position } from '../../../syntax/ast';
import type { CodeAction } from '../../../types';
import type { RuleContext } from '../../defineRule';
import { defineRule } from '../../defineRule';
import { at, fix } from '../../fixes';
import { sentenceSpan, viewItem } from '../../../necessity/itemView';
import { conclusionsInSentence } from '../../../necessity/conclusions';
import { eolOf, fieldIndent, indentUnit, lineText } from '../../../syntax/layout';

const STATUS_EVALUATED = new Set(['met', 'not met', 'not applicable']);

export interface UnsupportedClaimData {
  /** The item's index in the case model. */
  item: number;
  noGuideline: boolean;
  noCriteria: boolean;
  /** The guideline section the item cites or its service matches, and its citation. */
  section?: string;
  citation?: string;
}

function describe(polarity: 'necessary' | 'not-necessary'): string {
  return polarity === 'necessary' ? 'is medically necessary' : 'is not medically necessary';
}

export default defineRule<UnsupportedClaimData>({
  code: 'unsupported-necessity-claim',
  family: 'necessity',
  severity: 'warning',
  summary: 'A conclusion on medical necessity with no guideline citation or no evaluated criteria.',
  *check({ model, library }) {
    for (const item of model.items) {
      const v = viewItem(item, library);
      const rationale = v.section.rationale;
      if (!rationale || v.dependsOn) continue;
      // The conclusion, or else the first necessity-like statement ("does not meet the criteria").
      let target = v.conclusion;
      if (!target) {
        for (const [i, s] of rationale.prose.sentences.entries()) {
          const found = conclusionsInSentence(s.text)[0];
          if (found) {
            target = { sentence: s, sentenceIndex: i, match: found };
            break;
          }
        }
      }
      if (!target) continue;
      const evaluated = (v.criteria?.entries ?? []).some((e) => e.status && STATUS_EVALUATED.has(e.status));
      const noGuideline = v.guideline === 'none';
      if (!noGuideline && evaluated) continue;
      const section = v.librarySection ?? v.serviceMatches[0];
      // Both reasons are named when both hold: each has its own quick-fix, and
      // after one of them the diagnostic must read differently (the other reason).
      const reasons: string[] = [];
      if (noGuideline) reasons.push('the item cites no guideline (add `guideline:` with the MTUS chapter and section it applies)');
      if (!evaluated) {
        reasons.push(
          v.criteria
            ? 'no criterion of the cited section is marked met, not met or not applicable'
            : `the item evaluates no criteria (add \`criteria: ${section?.id ?? '<section>'}\` and mark each criterion met, not met, unknown or not applicable)`,
        );
      }
      const why = reasons.join(', and ');
      yield {
        message: `The rationale concludes that the request ${describe(target.match.polarity)}, but ${why}. A conclusion on medical necessity must rest on the guideline's criteria applied to the record.`,
        range: sentenceSpan(rationale.prose, target.sentence, target.match.start, target.match.end),
        data: { item: item.index, noGuideline, noCriteria: !evaluated, section: section?.id, citation: section?.source.citation },
      };
    }
  },
  fixes(ctx, d) {
    const data = d.data ?? {};
    const out: CodeAction[] = [];
    const item = typeof data.item === 'number' ? ctx.model.items[data.item] : undefined;
    if (!item) return out;
    const nl = eolOf(ctx.file);
    // The whitespace the file itself uses (tabs stay tabs): fields take the
    // item's field indentation, a criteria block the rationale keyword's.
    const indent = fieldIndent(ctx.file, item.section);
    const section = ctx.library.section(data.section);
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
      out.push(fix(`Add the criteria of ${section.id} (status unknown)`, d, [{ range: at({ line: item.section.rationale.keywordRange.start.line, character: 0 }), newText: lines.join(nl) + nl }], !data.noGuideline));
    }
    return out;
  },
});

/**
 * The end of an item's last field line (or of its keyword line): a new field
 * goes there, among the fields. Above the criteria or rationale keyword would
 * be wrong when a broken item has two of them: the field would land inside
 * the first block.
 */
function afterFields(ctx: RuleContext, section: ItemSection): Position {
  let line = section.keywordRange.start.line;
  for (const f of section.fields) line = Math.max(line, f.range.end.line);
  return { line, character: lineText(ctx.file, line).length };
}

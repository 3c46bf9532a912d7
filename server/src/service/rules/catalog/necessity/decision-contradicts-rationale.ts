// decision-contradicts-rationale: the decision word disagrees with the
// rationale's conclusion (Upheld = not medically necessary, Overturned =
// medically necessary) or with the criteria's statuses. The fixes change the
// decision, or the conclusion's wording, to agree.
import type { Range } from '../../../syntax/ast';
import type { CodeAction } from '../../../types';
import { defineRule, type Finding } from '../../defineRule';
import { at, fix } from '../../fixes';
import { sentenceSpan, viewItem, type ItemView } from '../../../necessity/itemView';
import { decisionTree, describe as describeLogic, evaluate, leaves, type CriterionStatus } from '../../../necessity/decision';
import { sourceText } from '../../../syntax/positions';

type Polarity = 'necessary' | 'not-necessary';

export interface ContradictionData {
  /** Which disagreement: with the conclusion, all criteria met, or a decisive criterion not met. */
  kind: 'conclusion' | 'criteria-met' | 'decisive-not-met';
  decision: 'upheld' | 'overturned';
  /** What the rationale or criteria say: the decision that would agree is its opposite's word. */
  polarity: Polarity;
  decisionRange: Range;
  phraseRange?: Range;
  phrase?: string;
  cueRange?: Range;
  cue?: string;
}

export default defineRule<ContradictionData>({
  code: 'decision-contradicts-rationale',
  family: 'necessity',
  severity: 'error',
  summary: 'The decision (Upheld/Overturned) disagrees with the rationale or the criteria.',
  check({ model, library }) {
    return model.items.flatMap((item) => contradiction(viewItem(item, library)));
  },
  fixes(ctx, d) {
    const data = d.data ?? {};
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
        out.push(fix('Change the conclusion to "not …" to agree with the decision', d, [{ range: at(phrase.start), newText: 'not ' }], false));
      }
      return out;
    }
    const cue = data.cueRange;
    if (!cue || cue.start.line !== cue.end.line) return out;
    const cueText = sourceText(ctx.file, cue);
    const positive = withoutNegation(cueText);
    if (positive === undefined) return out;
    const beforePhrase = cue.start.line === phrase.start.line && cue.end.character <= phrase.start.character;
    if (beforePhrase) {
      const between = sourceText(ctx.file, { start: cue.start, end: phrase.start });
      const rest = between.slice(cueText.length).replace(/^[\s-]+/, positive ? ' ' : '');
      out.push(
        fix(
          'Change the conclusion to agree with the decision (medically necessary)',
          d,
          [{ range: { start: cue.start, end: phrase.start }, newText: `${positive}${rest}` }],
          false,
        ),
      );
    } else {
      out.push(fix('Change the conclusion to agree with the decision (medically necessary)', d, [{ range: cue, newText: positive }], false));
    }
    return out;
  },
});

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

function contradiction(v: ItemView): Finding<ContradictionData>[] {
  const out: Finding<ContradictionData>[] = [];
  const decision = v.item.decision;
  const decisionField = v.item.decisionField;
  if (!decision || !decisionField) return out;
  const rationale = v.section.rationale;
  const c = v.conclusion;
  if (rationale && c) {
    const expected = decision === 'upheld' ? 'not-necessary' : 'necessary';
    if (c.match.polarity !== expected) {
      const phraseRange = sentenceSpan(rationale.prose, c.sentence, c.match.start, c.match.end);
      const cueRange = c.match.cue ? sentenceSpan(rationale.prose, c.sentence, c.match.cue.start, c.match.cue.end) : undefined;
      out.push({
        message:
          decision === 'upheld'
            ? 'The decision is Upheld (the service is not medically necessary), but the rationale concludes that it is medically necessary. Make the decision and the conclusion agree.'
            : 'The decision is Overturned (the service is medically necessary and must be authorized), but the rationale concludes that it is not medically necessary. Make the decision and the conclusion agree.',
        range: cueRange
          ? {
              start:
                cueRange.start.line < phraseRange.start.line ||
                (cueRange.start.line === phraseRange.start.line && cueRange.start.character < phraseRange.start.character)
                  ? cueRange.start
                  : phraseRange.start,
              end: phraseRange.end,
            }
          : phraseRange,
        relatedInformation: [{ range: decisionField.valueRange, message: `Decision: ${decision}` }],
        data: {
          kind: 'conclusion',
          decision,
          polarity: c.match.polarity,
          decisionRange: decisionField.valueRange,
          phraseRange,
          phrase: c.match.phrase,
          cueRange,
          cue: c.match.cue?.text,
        },
      });
    }
  }
  const section = v.librarySection;
  const entries = v.criteria?.entries ?? [];
  if (!section || entries.length === 0) return out;
  const status = new Map(entries.map((e) => [e.id.value.toUpperCase(), e] as const));
  if (decision === 'upheld') {
    const relevant = section.criteria.filter((c) => status.has(c.id.toUpperCase()));
    const all = section.criteria.every((c) => ['met', 'not applicable'].includes(status.get(c.id.toUpperCase())?.status ?? ''));
    if (all && relevant.some((c) => status.get(c.id.toUpperCase())?.status === 'met')) {
      out.push({
        message: `Every criterion of ${section.id} is marked met or not applicable, yet the decision is Upheld (not medically necessary). Mark the criterion that is not met, or overturn the decision.`,
        range: decisionField.valueRange,
        relatedInformation: [{ range: v.criteria!.keywordRange, message: 'The criteria applied' }],
        data: { kind: 'criteria-met', decision, decisionRange: decisionField.valueRange, polarity: 'necessary' },
      });
    }
  } else {
    // The criteria's decision logic says the request fails (every way to
    // necessity has a criterion marked not met, none left unknown): that
    // cannot give Overturned.
    const tree = decisionTree(section);
    if (tree) {
      const result = evaluate(tree, (id) => status.get(id.toUpperCase())?.status as CriterionStatus);
      if (result.value === false) {
        const needs = describeLogic(tree);
        for (const id of result.deciding) {
          const e = status.get(id.toUpperCase());
          if (!e) continue;
          const alternatives = leaves(tree).length > 1;
          out.push({
            message: `${e.id.value} decides the request and is marked not met${alternatives ? `; ${section.id} needs ${needs}, and no branch of it is met` : ''}. Yet the decision is Overturned (medically necessary). Correct the criterion's status or uphold the decision.`,
            range: e.statusText?.range ?? e.id.range,
            relatedInformation: [{ range: decisionField.valueRange, message: 'Decision: overturned' }],
            data: { kind: 'decisive-not-met', decision, decisionRange: decisionField.valueRange, polarity: 'not-necessary' },
          });
        }
      }
    }
  }
  return out;
}

// unsupported-necessity-claim and decision-contradicts-rationale: the
// rationale's conclusion must rest on a cited guideline and evaluated
// criteria, and must agree with the decision word (Upheld = not medically
// necessary, Overturned = medically necessary).
import type { ImrDiagnostic } from '../../types';
import type { Rule } from '../../rules/rule';
import { activeLibrary } from '../library';
import { sentenceSpan, viewItem, type ItemView } from '../itemView';
import { decisionTree, describe as describeLogic, evaluate, leaves, type CriterionStatus } from '../decision';
import { conclusionsInSentence } from '../conclusions';

const STATUS_EVALUATED = new Set(['met', 'not met', 'not applicable']);

function describe(polarity: 'necessary' | 'not-necessary'): string {
  return polarity === 'necessary' ? 'is medically necessary' : 'is not medically necessary';
}

export const unsupportedNecessityClaim: Rule = ({ model }) => {
  const out: ImrDiagnostic[] = [];
  const library = activeLibrary();
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
    out.push({
      code: 'unsupported-necessity-claim',
      severity: 'warning',
      message: `The rationale concludes that the request ${describe(target.match.polarity)}, but ${why}. A conclusion on medical necessity must rest on the guideline's criteria applied to the record.`,
      range: sentenceSpan(rationale.prose, target.sentence, target.match.start, target.match.end),
      data: { item: item.index, noGuideline, noCriteria: !evaluated, section: section?.id, citation: section?.source.citation },
    });
  }
  return out;
};

function contradiction(v: ItemView): ImrDiagnostic[] {
  const out: ImrDiagnostic[] = [];
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
        code: 'decision-contradicts-rationale',
        severity: 'error',
        message:
          decision === 'upheld'
            ? 'The decision is Upheld (the service is not medically necessary), but the rationale concludes that it is medically necessary. Make the decision and the conclusion agree.'
            : 'The decision is Overturned (the service is medically necessary and must be authorized), but the rationale concludes that it is not medically necessary. Make the decision and the conclusion agree.',
        range: cueRange ? { start: cueRange.start.line < phraseRange.start.line || (cueRange.start.line === phraseRange.start.line && cueRange.start.character < phraseRange.start.character) ? cueRange.start : phraseRange.start, end: phraseRange.end } : phraseRange,
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
        code: 'decision-contradicts-rationale',
        severity: 'error',
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
            code: 'decision-contradicts-rationale',
            severity: 'error',
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

export const decisionContradictsRationale: Rule = ({ model }) => {
  const library = activeLibrary();
  return model.items.flatMap((item) => contradiction(viewItem(item, library)));
};

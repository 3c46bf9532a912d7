// Which summary facts (sentences carrying a [#label]) bear on a criterion:
// those that mention one of the criterion's concepts. Used by the evidence
// quick-fix, label completion in a criterion line, and the rule message.
import type { CaseFile, Fact } from '../syntax/ast';
import type { Criterion } from './library';
import { CONCEPTS } from './terms';
import { findingsIn, mentionsConcept } from './mentions';

/**
 * Facts for a criterion, best first: affirmative findings before mere mentions (for `met`), the reverse for `not met`.
 * For `not met`, a fact that documents what the criterion requires is left out: it shows the
 * criterion met (contradicts-record says so), so offering it as evidence of "not met" would be wrong.
 */
export function factsForCriterion(file: CaseFile, criterion: Criterion, status?: string): Fact[] {
  const concepts = [...new Set([...(criterion.concepts ?? []), ...(criterion.requires ?? [])])].map((c) => CONCEPTS.get(c)).filter((c) => !!c);
  if (!concepts.length) return [];
  const required = (criterion.requires ?? []).map((c) => CONCEPTS.get(c)).filter((c) => !!c);
  const scored: { fact: Fact; score: number }[] = [];
  const seen = new Set<string>();
  for (const fact of file.facts) {
    if (seen.has(fact.label.name)) continue;
    const text = fact.sentence.text;
    const affirmative = concepts.some((c) => findingsIn(text, c).length > 0);
    const mentioned = affirmative || concepts.some((c) => mentionsConcept(text, c));
    if (!mentioned) continue;
    if (status === 'not met' && required.some((c) => findingsIn(text, c).length > 0)) continue;
    seen.add(fact.label.name);
    const score = status === 'not met' ? (affirmative ? 1 : 2) : affirmative ? 2 : 1;
    scored.push({ fact, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.fact);
}

// Whether an item's rationale rests on another item: reviewers decide an
// assistant surgeon, pre-operative clearance or post-operative therapy by
// the surgery it serves ("As the requested surgical intervention is not
// medically necessary ..., the requested ancillary service is not medically
// necessary."). Such an item gets `depends-on:` with the surgery's service,
// as an author writes it, so the checks do not ask it for criteria of its own.
import cues from './dependencyCues.json';
import { sentencesOf } from './sentences';

interface DependencyCues {
  reasons: string[];
  primary: string[];
}

const DATA = cues as DependencyCues;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
// "As the requested surgery is (not) medically necessary ..., the requested X is (not) medically necessary."
const DEPENDENT = new RegExp(
  `^(?:${DATA.reasons.map(escape).join('|')})\\s+(?:the|this)\\s+(?:${DATA.primary.map(escape).join('|')})\\b[^,;]*\\b(?:is|was|has\\s+been)\\b[^,;]*,\\s*(?:the|this|these|any|all)\\b[^;]*\\bmedically\\s+necessary\\b`,
  'i',
);

/** Whether the rationale's reasoning is that of a dependent item: a sentence deciding it by the primary request. */
export function restsOnAnotherItem(rationale: string): boolean {
  return sentencesOf(rationale).some((s) => DEPENDENT.test(s.text.trim()));
}

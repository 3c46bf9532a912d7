// Guidance for another phase of care: a rationale states what a guideline
// recommends for chronic pain ("manipulation is recommended for chronic pain
// if caused by musculoskeletal conditions") to decide a request made a few
// weeks after the injury, when the case is in its acute phase. The phase is
// the header's: the injury date and the utilization review's date. Read
// through the service's reader (the chronic-pain concept asserted generic);
// the bounds are data (`chronicPhase` in data/terms/guideline-scope.json).
import type { Prose, Sentence } from '../../syntax/ast';
import type { Mention } from '../../reading/types';
import type { Reader } from '../../reading/reader';
import { SCOPE, SCOPE_DATA } from '../../necessity/guidelineScope';
import { PhraseSet } from '../../necessity/phrases';

const PHASE = SCOPE_DATA.chronicPhase;
const TITLE_AFTER = new PhraseSet(PHASE.titleAfter);
const SETS_CONDITION = new PhraseSet(SCOPE_DATA.criteria.cues);
const BOTH_PHASES = new PhraseSet(PHASE.bothPhases);

export interface ChronicGuidance {
  sentence: Sentence;
  mention: Mention;
}

/** Whether a case this many days after the injury is in its acute phase, for which guidance on chronic pain is not written. */
export function acutePhase(days: number): boolean {
  return days >= 0 && days <= PHASE.acuteDays;
}

export const ACUTE_DAYS = PHASE.acuteDays;

/** "Chronic Pain Medical Treatment Guidelines", "Chronic Pain MTUS": the document's title, not a condition it sets. */
function titleWord(text: string, m: Mention): boolean {
  const next = TITLE_AFTER.matches(text, m.end, Math.min(text.length, m.end + 40))[0];
  return !!next && /^[\s,)-]*$/.test(text.slice(m.end, next.start));
}

/**
 * The first rationale sentence that states guidance for chronic pain as the
 * condition of a recommendation ("recommended for chronic pain", "indicated
 * ... if chronic"), not the guideline's title, not beside acute pain ("for
 * acute or chronic pain"), and not a sentence saying the chronic-pain
 * guidance does not apply.
 */
export function chronicGuidance(reader: Reader, rationale: Prose): ChronicGuidance | undefined {
  for (const s of rationale.sentences) {
    const r = reader.read(s.text);
    if (r.mentions.some((m) => m.concepts.includes(PHASE.acute)) || BOTH_PHASES.test(s.text) || SCOPE.reasons.test(s.text)) continue;
    const cues = SETS_CONDITION.matches(s.text);
    const m = r.mentions.find(
      (x) =>
        x.concepts.includes(PHASE.chronic) &&
        (x.assertion === 'generic' || x.assertion === 'hypothetical') &&
        !titleWord(s.text, x) &&
        cues.some((q) => q.end <= x.start),
    );
    if (m) return { sentence: s, mention: m };
  }
  return undefined;
}

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

const PHASE_NAMES = new PhraseSet(PHASE.phaseNames);
const BEYOND = new PhraseSet(PHASE.beyond);
const DAYS_PER: Readonly<Record<string, number>> = PHASE.durationUnits;

export interface PhaseDuration {
  sentence: Sentence;
  /** The duration's words ("1 month") and what it comes to in days. */
  start: number;
  end: number;
  text: string;
  days: number;
}

/**
 * A guideline sentence of the rationale that scopes its guidance to a later
 * phase of care by time since onset ("if pain extends beyond the acute phase
 * beyond 1 month following onset"): a phase named in the clause and a
 * duration after a word of "beyond". The case is in that phase only when the
 * injury is older than the duration.
 */
export function phaseDuration(reader: Reader, rationale: Prose): PhaseDuration | undefined {
  for (const s of rationale.sentences) {
    const names = PHASE_NAMES.matches(s.text);
    if (!names.length || BOTH_PHASES.test(s.text)) continue;
    const r = reader.read(s.text);
    for (const c of r.attributes.counts) {
      const per = DAYS_PER[c.unit];
      if (!per) continue;
      const clause = r.clauses.find((x) => x.start <= c.start && c.start < x.end) ?? { start: 0, end: s.text.length };
      if (!names.some((n) => n.start >= clause.start && n.end <= clause.end)) continue;
      const lead = BEYOND.matches(s.text, Math.max(clause.start, c.start - 14), c.start);
      if (!lead.length || !/^\s*$/.test(s.text.slice(lead[lead.length - 1].end, c.start))) continue;
      return { sentence: s, start: c.start, end: c.end, text: c.text, days: c.value * per };
    }
  }
  return undefined;
}

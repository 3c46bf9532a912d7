// A criterion the rationale states and never weighs: a guideline clause of
// the rationale names a condition (a finding, a symptom, a diagnosis, a red
// flag: "specific nerve compromise", "localizing neurological symptoms"), the
// summary documents that very condition in this worker, and no sentence of the
// rationale about the worker speaks of it at all — neither to say it is
// present nor absent. A denial that leaves the guideline's own condition
// unweighed where the record documents it could have gone the other way.
//
// A diagnosis names the population a guideline is written for ("low back
// pain"), not a condition to weigh, except where the guideline asks for its
// suspicion or its signs ("suspected rotator cuff tear", "clinical signs of
// carpal tunnel syndrome"): then the diagnosis the summary documents meets or
// fails the condition. What a diagnostic test is used for ("localizing the
// source of neurological symptoms") is the condition of a test's request.
//
// A denial that rests instead on conservative care tried and failed, which no
// guideline sentence of the rationale states, substituted a criterion for the
// one it quoted (`substitutedReason`): the finding is then on that reason.
//
// Everything is read through the service's reader: the guideline clause is a
// mention asserted generic or hypothetical, the summary's fact an affirmed
// abnormal mention, and "the same condition" is the lexicon's hierarchy (a
// documented "decreased sensation in C6" is a neurologic deficit).
import type { Prose, Range, Sentence } from '../../syntax/ast';
import type { Mention, ConceptKind } from '../../reading/types';
import type { Reader } from '../../reading/reader';
import { sentenceSpan } from '../../necessity/itemView';
import { aboutPatient, guidelineStatement, SCOPE, SCOPE_DATA } from '../../necessity/guidelineScope';
import { conclusionsInSentence } from '../../necessity/conclusions';
import { PhraseSet } from '../../necessity/phrases';

export interface UnweighedCriterion {
  /** The guideline clause's sentence and the condition's words in it. */
  sentence: Sentence;
  criterion: Mention;
  /** The summary sentence that documents it, and the fact's words there. */
  fact: Mention;
  factSentence: Sentence;
  factRange: Range;
}

const KINDS: ReadonlySet<ConceptKind> = new Set(SCOPE_DATA.criteria.kinds as ConceptKind[]);
const ROOTS: readonly string[] = SCOPE_DATA.criteria.roots;
const TOO_BROAD: ReadonlySet<string> = new Set(SCOPE_DATA.criteria.tooBroad);
/** Words that make a guideline sentence set a condition for the service ("recommended for", "if"), not say what a test is used for. */
const SETS_CONDITION = new PhraseSet(SCOPE_DATA.criteria.cues);
/** For a diagnostic test, what it is used for is its indication ("used for localizing the source of neurological symptoms"). */
const TEST_USE = new PhraseSet(SCOPE_DATA.criteria.testUse);
/** Words that make a diagnosis a condition: its suspicion or its signs ("suspected labral tear", "signs of carpal tunnel syndrome"). */
const SUSPECTED = new PhraseSet(SCOPE_DATA.criteria.suspected);
const CONSERVATIVE = SCOPE_DATA.criteria.conservative;

/** A concept a guideline states as a condition to weigh: an examination sign, a red flag, a neurologic complaint. */
function conditionConcept(m: Mention): boolean {
  return (KINDS.has(m.concept.kind) || m.concepts.some((id) => ROOTS.includes(id))) && !TOO_BROAD.has(m.concept.id);
}

/** The guideline's condition as a mention: asserted of patients in general or as a condition, naming a deficit or a positive sign, or a diagnosis suspected or shown by its signs. */
function isCondition(m: Mention, text: string): boolean {
  if ((m.assertion !== 'generic' && m.assertion !== 'hypothetical') || m.value !== 'abnormal') return false;
  return conditionConcept(m) || (m.concept.kind === 'diagnosis' && !TOO_BROAD.has(m.concept.id) && suspectedDiagnosis(text, m));
}

/** "suspected rotator cuff tear", "clinical signs of carpal tunnel syndrome": the word of suspicion or of signs ends at most two words before the diagnosis. */
function suspectedDiagnosis(text: string, m: Mention): boolean {
  return SUSPECTED.matches(text, Math.max(0, m.start - 40), m.start).some((q) => (text.slice(q.end, m.start).match(/[A-Za-z]+/g) ?? []).length <= 2);
}

const FACT_ORDER: readonly ConceptKind[] = ['finding', 'red-flag', 'symptom', 'diagnosis'];

function rank(m: Mention): number {
  const i = FACT_ORDER.indexOf(m.concept.kind);
  return i < 0 ? FACT_ORDER.length : i;
}

/** A documented fact of this worker: affirmed, abnormal. */
function isFact(m: Mention): boolean {
  return m.assertion === 'affirmed' && m.value === 'abnormal';
}

const NEUROLOGIC: readonly string[] = SCOPE_DATA.criteria.neurologic;
const NERVE_REACH: Readonly<Record<string, readonly string[]>> = SCOPE_DATA.criteria.nerveReach;

/**
 * Whether one of the site lists is empty or a site of one lies within a site
 * of the other (a C6 deficit is of the cervical spine; the lumbar and cervical
 * spine are not one site). For a neurologic condition a spinal region also
 * agrees with the limb its nerve roots supply.
 */
function sitesAgree(reader: Reader, a: readonly string[], b: readonly string[], neurologic: boolean): boolean {
  if (!a.length || !b.length) return true;
  const up = (x: string): string[] => [x, ...(reader.lexicon.sites.get(x)?.partOf ?? [])];
  const within = (x: string, y: string): boolean => up(x).includes(y);
  if (a.some((x) => b.some((y) => within(x, y) || within(y, x)))) return true;
  if (!neurologic) return false;
  // The limbs a list's sites are in, or that its spinal regions' nerve roots supply.
  const limbs = (ids: readonly string[]): Set<string> => new Set(ids.flatMap(up).flatMap((x) => [...(LIMBS.has(x) ? [x] : []), ...(NERVE_REACH[x] ?? [])]));
  const la = limbs(a);
  return [...limbs(b)].some((x) => la.has(x));
}

/** The limbs nerve roots supply. */
const LIMBS: ReadonlySet<string> = new Set(Object.values(NERVE_REACH).flat());

/**
 * The first condition the rationale states and never weighs while the
 * summary documents it, or undefined. `itemSites` are the request's own body
 * sites (from the item's name): a fact at another site is not this request's.
 */
export function unweighedCriterion(
  reader: Reader,
  rationale: Prose,
  summary: Prose | undefined,
  itemSites: readonly string[],
  options: { test?: boolean } = {},
): UnweighedCriterion | undefined {
  if (!summary) return undefined;
  const lineage = reader.lexicon.lineage;
  const readings = rationale.sentences.map((s) => ({ s, r: reader.read(s.text) }));
  // What the rationale says of this worker (present, absent, possible, past, requested): the conditions it weighs.
  const weighed = readings.flatMap(({ r }) =>
    r.mentions.filter((m) => m.assertion !== 'generic' && m.assertion !== 'hypothetical' && m.assertion !== 'other-person'),
  );
  // A mention weighs a condition when it is the condition, a narrower one ("decreased sensation" for a neurologic deficit), a
  // broader one ("no neurologic findings"), or the opposite of either ("no red flag symptoms", "normal strength").
  const related = (a: string, b: string): boolean => (lineage.get(a) ?? []).includes(b) || (lineage.get(b) ?? []).includes(a);
  const weighs = (id: string): boolean =>
    weighed.some(
      (m) => m.concepts.includes(id) || (conditionConcept(m) && related(id, m.concept.id)) || (!!m.concept.opposite && related(id, m.concept.opposite)),
    );
  let facts: { m: Mention; s: Sentence }[] | undefined;
  for (const { s, r } of readings) {
    const cues = [...SETS_CONDITION.matches(s.text), ...(options.test ? TEST_USE.matches(s.text) : [])];
    if (!cues.length) continue;
    // The condition follows the words that set it: "recommended for X", "if X" (not "... when testing is performed by").
    for (const c of r.mentions.filter((m) => isCondition(m, s.text) && cues.some((q) => q.end <= m.start))) {
      if (weighs(c.concept.id)) continue;
      // An examination sign documents a condition more directly than a complaint, and a complaint more than a diagnosis's name.
      facts ??= summary.sentences
        .flatMap((x) => {
          const read = reader.read(x.text);
          return read.generic ? [] : read.mentions.filter(isFact).map((m) => ({ m, s: x }));
        })
        .sort((a, b) => rank(a.m) - rank(b.m));
      const neurologic = c.concepts.some((id) => NEUROLOGIC.includes(id));
      const fact = facts.find(
        (f) =>
          f.m.concepts.includes(c.concept.id) &&
          sitesAgree(reader, f.m.attributes.sites, c.attributes.sites, neurologic) &&
          sitesAgree(reader, f.m.attributes.sites, itemSites, neurologic),
      );
      if (fact) return { sentence: s, criterion: c, fact: fact.m, factSentence: fact.s, factRange: sentenceSpan(summary, fact.s, fact.m.start, fact.m.end) };
    }
  }
  return undefined;
}

export interface SubstitutedReason {
  sentence: Sentence;
  /** The conservative care the denial finds lacking, in that sentence. */
  mention: Mention;
}

/**
 * The sentence about the worker on which a denial rests for want of
 * conservative care tried and failed ("there is no documentation of the
 * response to conservative therapy", "the patient has not failed
 * conservative treatment"), while no guideline sentence of the rationale sets
 * conservative care, or a response to treatment, as a condition: the denial
 * applies a criterion the guideline it quotes does not state.
 */
export function substitutedReason(reader: Reader, rationale: Prose): SubstitutedReason | undefined {
  const conservative = (m: Mention): boolean => m.concepts.includes(CONSERVATIVE);
  const readings = rationale.sentences.map((s) => ({ s, r: reader.read(s.text) }));
  const general = (m: Mention): boolean => m.assertion === 'generic' || m.assertion === 'hypothetical';
  // A guideline sentence that names conservative care or a response to treatment sets it as a condition.
  const stated = readings.some(
    ({ s, r }) =>
      r.mentions.some((m) => (conservative(m) || m.concept.kind === 'response') && (general(m) || (r.generic && !aboutPatient(s.text)))) ||
      (guidelineStatement(s.text) && !aboutPatient(s.text) && r.mentions.some((m) => conservative(m) || m.concept.kind === 'response')),
  );
  if (stated) return undefined;
  for (const { s, r } of readings) {
    if (r.generic || !aboutPatient(s.text)) continue;
    const care = r.mentions.filter((x) => conservative(x) && !general(x) && x.assertion !== 'other-person');
    // The reason the denial gives: the care found lacking ("no documentation of ... conservative therapy"), or the sentence that draws the conclusion from it ("As the patient has not failed ..., the studies would not be supported").
    const m = care.find((x) => x.assertion === 'negated') ?? (SCOPE.causeCues.test(s.text) || conclusionsInSentence(s.text).length ? care[0] : undefined);
    if (m) return { sentence: s, mention: m };
  }
  return undefined;
}

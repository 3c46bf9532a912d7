// A criterion the rationale states and never weighs: a guideline clause of
// the rationale names a condition (a finding, a symptom, a diagnosis, a red
// flag: "specific nerve compromise", "localizing neurological symptoms"), the
// summary documents that very condition in this worker, and no sentence of the
// rationale about the worker speaks of it at all — neither to say it is
// present nor absent. A denial that leaves the guideline's own condition
// unweighed where the record documents it could have gone the other way.
//
// Everything is read through the service's reader: the guideline clause is a
// mention asserted generic or hypothetical, the summary's fact an affirmed
// abnormal mention, and "the same condition" is the lexicon's hierarchy (a
// documented "decreased sensation in C6" is a neurologic deficit).
import type { Prose, Range, Sentence } from '../../syntax/ast';
import type { Mention, ConceptKind } from '../../reading/types';
import type { Reader } from '../../reading/reader';
import { sentenceSpan } from '../../necessity/itemView';
import { SCOPE_DATA } from '../../necessity/guidelineScope';
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

/** A concept a guideline states as a condition to weigh: an examination sign, a red flag, a neurologic complaint. */
function conditionConcept(m: Mention): boolean {
  return (KINDS.has(m.concept.kind) || m.concepts.some((id) => ROOTS.includes(id))) && !TOO_BROAD.has(m.concept.id);
}

/** The guideline's condition as a mention: asserted of patients in general or as a condition, naming a deficit or a positive sign. */
function isCondition(m: Mention): boolean {
  return (m.assertion === 'generic' || m.assertion === 'hypothetical') && m.value === 'abnormal' && conditionConcept(m);
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
export function unweighedCriterion(reader: Reader, rationale: Prose, summary: Prose | undefined, itemSites: readonly string[]): UnweighedCriterion | undefined {
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
    const cues = SETS_CONDITION.matches(s.text);
    if (!cues.length) continue;
    // The condition follows the words that set it: "recommended for X", "if X" (not "... when testing is performed by").
    for (const c of r.mentions.filter((m) => isCondition(m) && cues.some((q) => q.end <= m.start))) {
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

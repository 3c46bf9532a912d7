// The term data (data/terms/*.json), typed and compiled. Imported as JSON so
// the bundle carries it; nothing is read from disk at run time.
import negationData from '../data/terms/negation.json';
import conclusionsData from '../data/terms/conclusions.json';
import recordsData from '../data/terms/records.json';
import neurologic from '../data/terms/neurologic-findings.json';
import redFlags from '../data/terms/red-flags.json';
import functional from '../data/terms/functional-improvement.json';
import conservative from '../data/terms/conservative-care.json';
import indications from '../data/terms/clinical-indications.json';
import sentenceKinds from '../data/terms/sentence-kinds.json';
import guidelineScope from '../data/terms/guideline-scope.json';
import { PhraseSet } from './phrases';

export interface ConceptData {
  id: string;
  title: string;
  checkContradiction?: boolean;
  claimTerms?: string[];
  findingTerms: string[];
  attributeTerms?: string[];
  abnormalQualifiers?: string[];
  objectiveClaimCues?: string[];
  excludeTerms?: string[];
}

export interface Concept {
  id: string;
  title: string;
  checkContradiction: boolean;
  claim: PhraseSet;
  finding: PhraseSet;
  attribute: PhraseSet;
  abnormal: PhraseSet;
  /** A claim with one of these ("no exam evidence") is about objective findings. */
  objectiveClaim: PhraseSet;
  /** Phrases that contain a finding term without documenting the finding ("rotator cuff weakness"). */
  exclude: PhraseSet;
}

export interface Negation {
  window: number;
  coordinationWindow: number;
  afterWindow: number;
  before: PhraseSet;
  after: PhraseSet;
  breakers: PhraseSet;
  /** Phrases that hold a breaker without ending the clause ("findings consistent with"). */
  bridges: PhraseSet;
  guidelineMarkers: PhraseSet;
  /** Guideline markers that, under a negation, list examples of what the record lacks ("no findings such as ..."). */
  exampleMarkers: PhraseSet;
  judgment: PhraseSet;
}

export interface ConclusionTerms {
  window: number;
  strong: PhraseSet;
  weak: PhraseSet;
  notConclusion: PhraseSet;
  before: PhraseSet;
  after: PhraseSet;
  positiveAfter: PhraseSet;
  ignore: Set<string>;
  mtusReasons: PhraseSet;
  /** "meets the criteria", "supports the request": a statement on the criteria, read with the conclusion's negation cues. */
  criteriaStatements: PhraseSet;
  /** A sentence that concedes ("although") weighs both sides: not a contradiction. */
  concessions: PhraseSet;
  /** A sentence that states a condition ("if", "would") asserts nothing about this request. */
  hypothetical: PhraseSet;
  /** A sentence about another request (the authorized part, the concurrent surgery). */
  otherRequest: PhraseSet;
}

export interface RecordClass {
  id: string;
  title: string;
  terms: PhraseSet;
}

export interface RecordTerms {
  classes: RecordClass[];
  pastCues: PhraseSet;
  requestCues: PhraseSet;
  hedgeCues: PhraseSet;
}

export interface SentenceKinds {
  exam: PhraseSet;
  history: PhraseSet;
  diagnosis: PhraseSet;
  review: PhraseSet;
  regions: { id: string; terms: PhraseSet }[];
}

/** The raw JSON of every term file, for the data validation test. */
export const TERM_FILES: Record<string, unknown> = {
  'negation.json': negationData,
  'conclusions.json': conclusionsData,
  'records.json': recordsData,
  'neurologic-findings.json': neurologic,
  'red-flags.json': redFlags,
  'functional-improvement.json': functional,
  'conservative-care.json': conservative,
  'clinical-indications.json': indications,
  'sentence-kinds.json': sentenceKinds,
  'guideline-scope.json': guidelineScope,
};

function compileConcept(c: ConceptData): Concept {
  return {
    id: c.id,
    title: c.title,
    checkContradiction: c.checkContradiction === true,
    claim: new PhraseSet(c.claimTerms ?? []),
    finding: new PhraseSet(c.findingTerms),
    attribute: new PhraseSet(c.attributeTerms ?? []),
    abnormal: new PhraseSet(c.abnormalQualifiers ?? []),
    objectiveClaim: new PhraseSet(c.objectiveClaimCues ?? []),
    exclude: new PhraseSet(c.excludeTerms ?? []),
  };
}

export const CONCEPTS: ReadonlyMap<string, Concept> = new Map(
  [neurologic, redFlags, functional, conservative, ...(indications.concepts as ConceptData[])].map((c) => [c.id, compileConcept(c as ConceptData)]),
);

export const NEGATION: Negation = {
  window: negationData.window,
  coordinationWindow: negationData.coordinationWindow,
  afterWindow: negationData.afterWindow,
  before: new PhraseSet(negationData.before),
  after: new PhraseSet(negationData.after),
  breakers: new PhraseSet(negationData.scopeBreakers),
  bridges: new PhraseSet(negationData.scopeBridges ?? []),
  guidelineMarkers: new PhraseSet(negationData.guidelineMarkers),
  exampleMarkers: new PhraseSet(negationData.exampleMarkers),
  judgment: new PhraseSet(negationData.judgmentQualifiers),
};

export const CONCLUSIONS: ConclusionTerms = {
  window: conclusionsData.window,
  strong: new PhraseSet(conclusionsData.strong),
  weak: new PhraseSet(conclusionsData.weak),
  notConclusion: new PhraseSet(conclusionsData.notConclusion),
  before: new PhraseSet(conclusionsData.before),
  after: new PhraseSet(conclusionsData.after),
  positiveAfter: new PhraseSet(conclusionsData.positiveAfter),
  ignore: new Set(conclusionsData.ignore.map((w) => w.toLowerCase())),
  mtusReasons: new PhraseSet(conclusionsData.mtusReasons),
  criteriaStatements: new PhraseSet(conclusionsData.criteriaStatements),
  concessions: new PhraseSet(conclusionsData.concessions),
  hypothetical: new PhraseSet(conclusionsData.hypothetical),
  otherRequest: new PhraseSet(conclusionsData.otherRequest),
};

export const RECORDS: RecordTerms = {
  classes: recordsData.classes.map((c) => ({ id: c.id, title: c.title, terms: new PhraseSet(c.terms) })),
  pastCues: new PhraseSet(recordsData.pastCues),
  requestCues: new PhraseSet(recordsData.requestCues),
  hedgeCues: new PhraseSet(recordsData.hedgeCues),
};

export const SENTENCE_KINDS: SentenceKinds = {
  exam: new PhraseSet(sentenceKinds.exam),
  history: new PhraseSet(sentenceKinds.history),
  diagnosis: new PhraseSet(sentenceKinds.diagnosis),
  review: new PhraseSet(sentenceKinds.review),
  regions: sentenceKinds.regions.map((r) => ({ id: r.id, terms: new PhraseSet(r.terms) })),
};

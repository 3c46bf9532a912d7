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
import { PhraseSet } from './phrases';

export interface ConceptData {
  id: string;
  title: string;
  checkContradiction?: boolean;
  claimTerms?: string[];
  findingTerms: string[];
  attributeTerms?: string[];
  abnormalQualifiers?: string[];
}

export interface Concept {
  id: string;
  title: string;
  checkContradiction: boolean;
  claim: PhraseSet;
  finding: PhraseSet;
  attribute: PhraseSet;
  abnormal: PhraseSet;
}

export interface Negation {
  window: number;
  afterWindow: number;
  before: PhraseSet;
  after: PhraseSet;
  breakers: PhraseSet;
  guidelineMarkers: PhraseSet;
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
  };
}

export const CONCEPTS: ReadonlyMap<string, Concept> = new Map(
  [neurologic, redFlags, functional, conservative, ...(indications.concepts as ConceptData[])].map((c) => [c.id, compileConcept(c as ConceptData)]),
);

export const NEGATION: Negation = {
  window: negationData.window,
  afterWindow: negationData.afterWindow,
  before: new PhraseSet(negationData.before),
  after: new PhraseSet(negationData.after),
  breakers: new PhraseSet(negationData.scopeBreakers),
  guidelineMarkers: new PhraseSet(negationData.guidelineMarkers),
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
};

export const RECORDS: RecordTerms = {
  classes: recordsData.classes.map((c) => ({ id: c.id, title: c.title, terms: new PhraseSet(c.terms) })),
  pastCues: new PhraseSet(recordsData.pastCues),
  requestCues: new PhraseSet(recordsData.requestCues),
};

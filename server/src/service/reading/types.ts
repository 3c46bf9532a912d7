// The clinical reading layer's vocabulary: what a sentence of a letter says,
// as the reasoning rules read it. The pipeline follows the clinical NLP
// pipelines physicians' tools are built on (NegEx/ConText, medspaCy's
// ConText, cTAKES' assertion module): sentence -> concept mentions ->
// assertion -> attributes, in one pass per sentence. Nothing here imports
// VS Code, LSP or the file system; the service owns a Reader and its memo.

/** What kind of clinical thing a concept is (the lexicon's `kind`). */
export type ConceptKind =
  | 'finding' // an examination sign: weakness, decreased sensation, positive SLR, tenderness, spasm, effusion
  | 'symptom' // a complaint: pain, numbness, tingling, radiating pain
  | 'diagnosis' // a condition: radiculopathy, rotator cuff tear, lumbar strain
  | 'study' // a test: x-ray, MRI, CT, EMG/NCS, ultrasound, bone scan, labs, urine drug screen
  | 'procedure' // a surgery or injection: arthroscopy, ESI, facet injection, fusion
  | 'therapy' // a treatment course: physical therapy, chiropractic, acupuncture, home exercise, TENS
  | 'medication' // a drug by generic or brand name: hydrocodone/APAP, Norco, omeprazole
  | 'drug-class' // a class: opioid, NSAID, PPI, H2 blocker, muscle relaxant, anticonvulsant
  | 'comorbidity' // diabetes, hypertension, obesity, smoking, GI bleeding history
  | 'red-flag' // cauda equina, fracture, tumor, infection, progressive neurologic deficit
  | 'work-status' // full duty, modified duty, temporarily totally disabled
  | 'pain-score' // "rated 7/10", VAS
  | 'response' // response to treatment: functional improvement, no benefit, reduced pain
  | 'function' // functional status: ADLs, walking tolerance, lifting
  | 'record' // documents and events: progress report, UR, request for authorization, QME report
  | 'device'; // durable medical equipment: brace, cane, walker, TENS unit, cold therapy unit

/**
 * A concept's reading when affirmed: `abnormal` documents a deficit or
 * positive finding ("weakness"), `normal` documents its absence ("5/5
 * strength", "sensation intact"), `neutral` names the thing with no verdict
 * ("strength", "sensation", "MRI"). A qualifier in the sentence may turn a
 * neutral mention abnormal or normal ("decreased sensation", "normal
 * reflexes"): see `Mention.value`.
 */
export type Polarity = 'abnormal' | 'normal' | 'neutral';

/**
 * ConText assertion categories. A mention has exactly one (the strongest cue
 * in scope wins, in this order: generic, other-person, requested,
 * hypothetical, negated, uncertain, historical, affirmed).
 */
export type Assertion =
  | 'affirmed' // stated as true of this patient
  | 'negated' // denied, ruled out, absent, not documented
  | 'uncertain' // possible, suspected, may, questionable
  | 'hypothetical' // if, when, should, unless, in case of (a condition, not a fact)
  | 'historical' // a past episode that may no longer hold (history of, previously)
  | 'requested' // requested, planned, recommended, authorized, denied by UR: not done
  | 'other-person' // family history, "his wife"
  | 'generic'; // what a guideline says in general ("MRI is recommended for patients with ...")

/** A cue that set (or contributed to) a mention's assertion. */
export interface Cue {
  category: Exclude<Assertion, 'affirmed'>;
  start: number;
  end: number;
  text: string;
  /**
   * A judgment word between a denial and what it denies ("no *significant*
   * deficit", "no *clear* evidence of"): the denial weighs the findings
   * rather than saying there are none. The cue still decides the assertion;
   * a rule that compares with the record may weigh it.
   */
  judgment?: Span;
}

export type Side = 'left' | 'right' | 'bilateral';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A number with the unit it counts: "6 sessions", "two weeks", "#60 tablets". */
export interface Count extends Span {
  value: number;
  unit: string; // normalized singular: session, visit, week, month, day, tablet, hour, mg, level
  /** The lower end of a range ("8-10 sessions": low 8, value 10). */
  low?: number;
}

/** "10/325 mg", "50mg", "300 mg three times a day". */
export interface Dose extends Span {
  amount: number[]; // [10, 325] for 10/325
  unit: string; // mg, mcg, g, ml, %
  perDay?: number; // frequency as times a day when stated (tid = 3, q6h = 4, bid = 2)
  asNeeded?: boolean; // prn, as needed
}

/** A date written in the sentence, normalized to ISO (yyyy-mm-dd) where a year is known. */
export interface DateMention extends Span {
  iso: string;
}

/** A strength grade in any written form: 4/5, 4+/5, "4+ over 5", "5 of 5", "five out of five". */
export interface Grade extends Span {
  value: number; // 4.5 for 4+ ... use 4.3 for 4+, 3.7 for 4- (ordering only)
  of: number; // 5
}

/** "rated 7-8 out of 10", "VAS 6/10", "pain 5/10". */
export interface PainScore extends Span {
  low: number;
  high: number;
}

export interface Attributes {
  /** Body sites (lexicon `sites` ids: lumbar, cervical, shoulder, knee ...) named near the mention or, failing that, in its sentence. */
  sites: string[];
  side?: Side;
  counts: Count[];
  doses: Dose[];
  dates: DateMention[];
  grades: Grade[];
  painScores: PainScore[];
  /** "50% improvement", "decreased by 30%". */
  percents: Array<Span & { value: number }>;
  /** Change over time the sentence states about the mention. */
  direction?: 'improved' | 'worse' | 'unchanged';
}

export interface Concept {
  id: string;
  kind: ConceptKind;
  /** How a message names it: "motor weakness", "an MRI of the lumbar spine". */
  title: string;
  polarity: Polarity;
  /** Broader concepts (ids): Norco -> hydrocodone-apap -> opioid. A mention of a concept is also a mention of each broader one. */
  broader: string[];
  /** The concept an affirmed mention of which contradicts an affirmed mention of this one ("motor-weakness" vs "normal-strength"). */
  opposite?: string;
  /** Default body sites (a lumbar MRI is about the lumbar spine). */
  sites: string[];
  /** The lexicon file's group the concept comes from ("exam-findings", "medications"). */
  group?: string;
}

export interface Mention extends Span {
  concept: Concept;
  /** Every concept the mention counts for: its own and all broader ones. */
  concepts: readonly string[];
  assertion: Assertion;
  /** Every cue whose scope covers the mention (the first is the one that decided `assertion`). */
  cues: Cue[];
  /** The concept's polarity, or the qualifier's where one decides ("decreased" strength -> abnormal). */
  value: Polarity;
  attributes: Attributes;
}

/** One sentence as read: its mentions, and what the sentence as a whole is. */
export interface SentenceReading {
  /** The sentence text as given to the reader (offsets of mentions are into it). */
  text: string;
  mentions: Mention[];
  /** Clause boundaries (offsets) the reader used for cue scope. */
  clauses: Array<{ start: number; end: number }>;
  /** The whole sentence restates a guideline rather than the case. Mixed sentences are not generic: their clauses are. */
  generic: boolean;
  /** The worker's sex as pronouns or nouns in the sentence imply ("he", "her", "the female"). */
  sex?: 'male' | 'female';
  /** Attributes of the sentence as a whole (dates, counts, sites not tied to a mention). */
  attributes: Attributes;
}

/** A sentence found in a text: offsets into the text it was split from. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

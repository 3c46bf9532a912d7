// What the clinical case summary documents, as the record rules read it: every
// mention of every summary sentence (concept, assertion, value, sites, side,
// counts, doses, dates), indexed by each concept it counts for. Built once
// per analysis from the reader's sentence readings and shared by
// contradicts-record, unsupported-record-claim and detail-mismatch, so a
// summary is read once however many items and rules ask about it.
import type { CaseFile, Prose, Sentence } from '../../../syntax/ast';
import type { Mention, SentenceReading, Side } from '../../../reading/types';
import type { SentencePreview } from '../../../reading/index';
import data from '../../../data/terms/record-details.json';
import { PhraseSet } from '../../../necessity/phrases';
import { escapeRegExp } from '../../../text/words';
import { clauseHolding } from '../../../reading/clauses';
import { readingAccess, type ReadingAccess } from './access';
import { readSummary, readWholeSummary, sameSentence, type SummaryDiff, type SummaryKey } from '../../summaryReads';

const REVIEW = new PhraseSet(data.reviewSentence);
const PLAN = new PhraseSet(data.planWords);
const WORK_STATUS = new PhraseSet(data.workStatusPhrases);
const RECORD_NOUN_AT_END = new RegExp(`\\s(?:${data.recordNouns.map(escapeRegExp).join('|')})$`, 'i');
/** Kinds of thing whose notes or reports a summary may count ("7 physical therapy reports"). */
const RECORDED_KINDS: ReadonlySet<string> = new Set(['therapy', 'procedure', 'study']);
/** "the prior", "previous", "from his recent" right before a mention: it presupposes the thing happened. */
const PRESUPPOSED = /\b(?:prior|previous|previously|recent|past|earlier|completed|failed)\s+(?:[a-z-]+\s+)?$/i;

/** Requested by the reader's cue, unless that cue is a work status ("modified duty"). */
function requestedByCue(text: string, mention: Mention): boolean {
  if (mention.assertion !== 'requested') return false;
  const cue = mention.cues[0];
  if (!cue) return true;
  return !WORK_STATUS.matches(text).some((w) => w.start <= cue.start && cue.end <= w.end);
}

export type { ReadingAccess };

export interface Fact {
  sentence: Sentence;
  mention: Mention;
  /** Sites of the mention, or else of its sentence. */
  sites: readonly string[];
  side?: Side;
  /** The sentence reports the utilization review's reasoning, not the records. */
  review: boolean;
  reading?: SentenceReading;
  /**
   * Requested, planned or recommended rather than done: the reader's
   * assertion, or a plan word earlier in the mention's clause ("The treatment
   * plan consisted of an MRI ..., physical therapy and cyclobenzaprine": a list
   * can run past the reader's cue window).
   */
  planned: boolean;
  /** "outcomes from the prior chiropractic interventions": named as having happened, whatever the sentence says of it. */
  presupposed: boolean;
}

export interface SummaryFacts {
  /** Every sentence with its reading: a read of the whole summary (rules/summaryReads.ts). */
  readonly sentences: ReadonlyArray<{ sentence: Sentence; reading: SentenceReading }>;
  /** Facts by every concept id a mention counts for (its own and each broader one): `get` is a keyed read, iterating reads the whole. */
  byConcept: FactIndex;
  /** Sides each site is named with in the summary ('none' for a site named without a side): a read of the whole. */
  readonly sidesBySite: ReadonlyMap<string, ReadonlySet<Side | 'none'>>;
  /** `sidesBySite.get(site)` without recording a read, for a reader that records its own key: reads only the sentences that may name the site. */
  sidesAt(site: string): ReadonlySet<Side | 'none'> | undefined;
  access: ReadingAccess;
  /** The facts of each of the summary's sentences, in order (for the keys' comparisons; records no read). */
  readonly factsOf: SentenceFacts;
  /** `sentences` without recording a read, for an aggregate that records its own key. */
  readonly allSentences: ReadonlyArray<{ sentence: Sentence; reading: SentenceReading }>;
  /** `byConcept` without recording a read, for an aggregate that records its own key. */
  readonly allByConcept: ReadonlyMap<string, readonly Fact[]>;
  /**
   * `allByConcept` of only the sentences that may hold a fact counting for one of `ids`, without recording a read:
   * for a concept of `ids` its list is allByConcept's, and those concepts come in allByConcept's order (other concepts'
   * lists may lack facts of the sentences left out).
   */
  byConceptWithin(ids: ReadonlySet<string>): ReadonlyMap<string, readonly Fact[]>;
  /** The sentence's place among the summary's sentences (-1 if not there), without reading any or recording a read. */
  indexOf(sentence: Sentence): number;
  /** The reading of the summary's `i`th sentence (`allSentences[i].reading`), reading that one only, recording no read. */
  readingAt(i: number): SentenceReading;
}

/** A summary sentence's facts, in order (undefined for a sentence not of the summary). */
export interface SentenceFacts {
  get(sentence: Sentence): readonly Fact[] | undefined;
}

/** The summary's facts by concept, as the record rules ask for them. */
export interface FactIndex {
  get(id: string): readonly Fact[] | undefined;
  values(): IterableIterator<readonly Fact[]>;
  [Symbol.iterator](): IterableIterator<[string, readonly Fact[]]>;
}

/**
 * A concept's facts (`byConcept.get(id)`): they differ only where a changed sentence, old or new, has a fact counting
 * for the concept (the other sentences' facts are the same, in the same order).
 */
const CONCEPT_FACTS: SummaryKey = {
  name: 'concept facts',
  changed(d, id) {
    let ids = d.memo.get(CONCEPT_FACTS) as Set<string> | undefined;
    if (!ids) {
      ids = new Set();
      const { old, new: added } = d.changedSentences();
      for (const [file, changed] of [
        [d.prev, old],
        [d.next, added],
      ] as const) {
        const facts = summaryFacts(file, accessOfDiff(d));
        for (const s of changed) for (const f of facts.factsOf.get(s) ?? []) for (const c of f.mention.concepts) ids.add(c);
      }
      d.memo.set(CONCEPT_FACTS, ids);
    }
    return ids.has(id);
  },
};

/** The access the facts of a diff's versions are read with (the record rules' view of the diff's reader). */
export const accessOfDiff = (d: SummaryDiff): ReadingAccess => readingAccess(d.reader);

/** Is `a` the same fact as `b` of another version: the same sentence (text, place, labels) and the same mention of it? */
export function sameFact(a: Fact, b: Fact): boolean {
  return (
    a.mention.start === b.mention.start &&
    a.mention.end === b.mention.end &&
    a.mention.concept.id === b.mention.concept.id &&
    a.mention.assertion === b.mention.assertion &&
    sameSentence(a.sentence, b.sentence)
  );
}

/** Are two lists of facts of two versions the same facts in the same order? */
export function sameFacts(a: readonly Fact[], b: readonly Fact[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameFact(a[i], b[i])) return false;
  return true;
}

class TrackedFacts implements FactIndex {
  constructor(private readonly facts: LazyFacts) {}
  get(id: string): readonly Fact[] | undefined {
    readSummary(CONCEPT_FACTS, id);
    return this.facts.factsOfConcept(id);
  }
  values(): IterableIterator<readonly Fact[]> {
    readWholeSummary();
    return this.facts.allByConcept.values();
  }
  [Symbol.iterator](): IterableIterator<[string, readonly Fact[]]> {
    readWholeSummary();
    return this.facts.allByConcept[Symbol.iterator]();
  }
}

const cache = new WeakMap<CaseFile, SummaryFacts>();
/**
 * The facts of a summary block: a parse whose summary is the last parse's (ParseMemo.block hands back the same Prose,
 * at the same lines) has the same facts, so an edit elsewhere does not read the summary again. Nothing else of the
 * file goes into them (a memo that also reads the worker or the items is kept per file: namedSites).
 */
const byProse = new WeakMap<Prose, SummaryFacts>();

/**
 * What a summary sentence's reading implies for its facts, each answer worked out the first time a rule asks it
 * (most facts are never asked whether they are planned: 74% of them over 300 batch cases) and kept with the reading
 * itself: the reader hands back the same reading for a sentence an edit did not change, so it is not redone.
 */
class Derived {
  private isReview: boolean | undefined;
  private readonly plannedAt: (boolean | undefined)[] = [];
  private readonly presupposedAt: (boolean | undefined)[] = [];

  constructor(private readonly reading: SentenceReading) {}

  get review(): boolean {
    return (this.isReview ??= REVIEW.has(this.reading.text));
  }

  /** Is the reading's `i`th mention planned (Fact.planned)? */
  planned(i: number): boolean {
    let planned = this.plannedAt[i];
    if (planned === undefined) {
      const { reading } = this;
      const mention = reading.mentions[i];
      const clause = clauseHolding(reading, mention.start);
      planned = this.plannedAt[i] = requestedByCue(reading.text, mention) || planBefore(reading.text, clause ? clause.start : 0, mention.start);
    }
    return planned;
  }

  /** Is the reading's `i`th mention presupposed (Fact.presupposed)? */
  presupposed(i: number): boolean {
    let presupposed = this.presupposedAt[i];
    if (presupposed === undefined) {
      const { text, mentions } = this.reading;
      const at = mentions[i].start;
      presupposed = this.presupposedAt[i] = PRESUPPOSED.test(text.slice(Math.max(0, at - 40), at));
    }
    return presupposed;
  }
}

const derivedOf = new WeakMap<SentenceReading, Derived>();

/**
 * A plan word in text[from, to): PLAN.testRange's answer. A short slice is asked without the phrase memo (`has`): the
 * answer is kept with the reading (Derived), so a memo entry per mention's slice would never be asked again.
 */
const planBefore = (text: string, from: number, to: number): boolean =>
  to - from < SHORT_SLICE ? PLAN.has(text.slice(from, to)) : PLAN.testRange(text, from, to);
/** A slice shorter than this is scanned as it is (testRange saves the scan of a long one). */
const SHORT_SLICE = 256;

function derive(reading: SentenceReading): Derived {
  let d = derivedOf.get(reading);
  if (!d) derivedOf.set(reading, (d = new Derived(reading)));
  return d;
}

/** Does the summary sentence report the utilization review's reasoning (data.reviewSentence), as its facts' `review` says? */
export function reportsReview(reading: SentenceReading): boolean {
  return derive(reading).review;
}

/**
 * A fact of a summary sentence's mention, or of a treatment its record names (the record's mention `at`, whose
 * sites, side and derived answers it takes): `review`, `planned` and `presupposed` are asked of the reading's
 * Derived when a rule reads them.
 */
class SummaryFact implements Fact {
  constructor(
    readonly sentence: Sentence,
    readonly mention: Mention,
    readonly sites: readonly string[],
    readonly side: Side | undefined,
    readonly reading: SentenceReading,
    private readonly derived: Derived,
    private readonly at: number,
  ) {}

  get review(): boolean {
    return this.derived.review;
  }

  get planned(): boolean {
    return this.derived.planned(this.at);
  }

  get presupposed(): boolean {
    return this.derived.presupposed(this.at);
  }

  /** The same fact of another mention of its sentence (a result a study's fact gives). */
  withMention(mention: Mention): SummaryFact {
    return new SummaryFact(this.sentence, mention, this.sites, this.side, this.reading, this.derived, this.at);
  }
}

/** `f` with another mention of its sentence, everything else as it was (what `{ ...f, mention }` gives). */
export function factWithMention(f: Fact, mention: Mention): Fact {
  return f instanceof SummaryFact ? f.withMention(mention) : { ...f, mention };
}

/** The summary's facts for this parse (a new CaseFile per parse, so the cache never serves stale text). */
export function summaryFacts(file: CaseFile, access: ReadingAccess): SummaryFacts {
  const hit = cache.get(file);
  if (hit && hit.access === access) return hit;
  const prose = file.summary?.prose;
  const shared = prose && byProse.get(prose);
  const facts = shared && shared.access === access ? shared : build(file, access);
  cache.set(file, facts);
  if (prose) byProse.set(prose, facts);
  return facts;
}

function build(file: CaseFile, access: ReadingAccess): SummaryFacts {
  return new LazyFacts(file.summary?.prose.sentences ?? [], access);
}

/**
 * One summary sentence of a summary's facts: what its reading can hold (its preview, made for every sentence at the
 * first keyed ask), and its reading and facts, made when a rule asks for something the preview says it may hold.
 */
class SentenceEntry {
  /** The ids its facts can count for and the sites its mentions and itself can be at; undefined: may hold anything. */
  ids: ReadonlySet<string> | undefined;
  sites: ReadonlySet<string> | undefined;
  reading: SentenceReading | undefined;
  facts: Fact[] | undefined;
  constructor(readonly sentence: Sentence) {}
}

/** What a summary sentence's facts can count for and be at, by its preview (the reader hands back the same one for a text). */
interface Holdings {
  ids: ReadonlySet<string>;
  sites: ReadonlySet<string>;
}

const holdingsOf = new WeakMap<SentencePreview, Holdings | null>();

/** The holdings of a sentence's text, or undefined where a preview cannot say (then it may hold anything). */
function holdings(access: ReadingAccess, text: string): Holdings | undefined {
  const p = access.preview(text);
  if (!p) return undefined;
  let held = holdingsOf.get(p);
  if (held === undefined) {
    const ids = new Set<string>();
    let known = true;
    for (const { concept, start, end } of p.concepts) {
      for (const id of access.lineage(concept)) ids.add(id);
      if (concept.kind !== 'record') continue;
      // recordedTreatments reads the record's words without its noun.
      const named = text.slice(start, end).match(RECORD_NOUN_AT_END);
      if (!named) continue;
      const inner = access.preview(text.slice(start, start + named.index!));
      if (!inner) known = false;
      else for (const x of inner.concepts) if (RECORDED_KINDS.has(x.concept.kind)) for (const id of access.lineage(x.concept)) ids.add(id);
    }
    holdingsOf.set(p, (held = known ? { ids, sites: p.sites } : null));
  }
  return held ?? undefined;
}

/**
 * A summary's facts, each sentence read when a rule first asks for something it may hold. Over the bench's 1,000
 * letter-sized cases the rules asked for concepts and places that 38% of the summary sentences may hold: the others
 * were read for nothing. Every answer is what reading every sentence first gives: the preview's concepts and sites are
 * a superset of the reading's, so a sentence left out has no fact of the concept (or mention at the site) asked, and
 * the sentences asked are gone through in order.
 */
class LazyFacts implements SummaryFacts {
  readonly byConcept: FactIndex;
  readonly factsOf: SentenceFacts;
  private readonly entries: SentenceEntry[];
  private previewed = false;
  /** byConcept.get's answers (null: no fact), and the whole index once something iterates it. */
  private readonly lists = new Map<string, Fact[] | null>();
  private whole: Map<string, readonly Fact[]> | undefined;
  private sides: Map<string, Set<Side | 'none'>> | undefined;
  private readonly sidesOfSite = new Map<string, Set<Side | 'none'> | null>();
  private every: Array<{ sentence: Sentence; reading: SentenceReading }> | undefined;

  constructor(
    sentences: readonly Sentence[],
    readonly access: ReadingAccess,
  ) {
    this.entries = sentences.map((s) => new SentenceEntry(s));
    this.factsOf = {
      get: (sentence) => {
        const i = this.indexOf(sentence);
        return i < 0 ? undefined : this.factsOfEntry(this.entries[i]);
      },
    };
    this.byConcept = new TrackedFacts(this);
  }

  get sentences(): ReadonlyArray<{ sentence: Sentence; reading: SentenceReading }> {
    readWholeSummary();
    return this.allSentences;
  }

  private places: Map<Sentence, number> | undefined;

  indexOf(sentence: Sentence): number {
    if (!this.places) {
      const places = new Map<Sentence, number>();
      this.entries.forEach((e, i) => {
        if (!places.has(e.sentence)) places.set(e.sentence, i);
      });
      this.places = places;
    }
    return this.places.get(sentence) ?? -1;
  }

  readingAt(i: number): SentenceReading {
    const e = this.entries[i];
    this.factsOfEntry(e);
    return e.reading!;
  }

  get allSentences(): ReadonlyArray<{ sentence: Sentence; reading: SentenceReading }> {
    if (!this.every) {
      const every: Array<{ sentence: Sentence; reading: SentenceReading }> = [];
      for (const e of this.entries) {
        this.factsOfEntry(e);
        every.push({ sentence: e.sentence, reading: e.reading! });
      }
      this.every = every;
    }
    return this.every;
  }

  get sidesBySite(): ReadonlyMap<string, ReadonlySet<Side | 'none'>> {
    readWholeSummary();
    return this.allSides();
  }

  private allSides(): ReadonlyMap<string, ReadonlySet<Side | 'none'>> {
    if (!this.sides) {
      const sides = new Map<string, Set<Side | 'none'>>();
      const note = (site: string, side: Side | 'none') => {
        let set = sides.get(site);
        if (!set) sides.set(site, (set = new Set()));
        set.add(side);
      };
      for (const { reading } of this.allSentences) {
        for (const m of reading.mentions) for (const site of m.attributes.sites) note(site, m.attributes.side ?? 'none');
        for (const site of reading.attributes.sites) note(site, reading.attributes.side ?? 'none');
      }
      this.sides = sides;
    }
    return this.sides;
  }

  sidesAt(site: string): ReadonlySet<Side | 'none'> | undefined {
    if (this.sides) return this.sides.get(site);
    let set = this.sidesOfSite.get(site);
    if (set === undefined) {
      // What allSides notes for this site, in the same order, of the sentences that may name it.
      this.preview();
      let found: Set<Side | 'none'> | undefined;
      for (const e of this.entries) {
        if (e.sites && !e.sites.has(site)) continue;
        this.factsOfEntry(e);
        const reading = e.reading!;
        for (const m of reading.mentions) if (m.attributes.sites.includes(site)) (found ??= new Set()).add(m.attributes.side ?? 'none');
        if (reading.attributes.sites.includes(site)) (found ??= new Set()).add(reading.attributes.side ?? 'none');
      }
      this.sidesOfSite.set(site, (set = found ?? null));
    }
    return set ?? undefined;
  }

  get allByConcept(): ReadonlyMap<string, readonly Fact[]> {
    if (!this.whole) {
      const whole = this.index(this.entries);
      // The lists handed out already stay the ones handed out (the same facts in the same order).
      for (const [id, list] of this.lists) if (list) whole.set(id, list);
      this.whole = whole;
    }
    return this.whole;
  }

  /** byConcept.get without recording a read: the facts of the sentences that may hold the concept's. */
  factsOfConcept(id: string): readonly Fact[] | undefined {
    if (this.whole) return this.whole.get(id);
    let list = this.lists.get(id);
    if (list === undefined) {
      this.preview();
      const out: Fact[] = [];
      for (const e of this.entries) {
        if (e.ids && !e.ids.has(id)) continue;
        // A fact is listed once for each time its concepts name the id, as the whole index lists it.
        for (const f of this.factsOfEntry(e)) for (const c of f.mention.concepts) if (c === id) out.push(f);
      }
      this.lists.set(id, (list = out.length ? out : null));
    }
    return list ?? undefined;
  }

  byConceptWithin(ids: ReadonlySet<string>): ReadonlyMap<string, readonly Fact[]> {
    if (this.whole) return this.whole;
    this.preview();
    // A sentence's few ids against the set asked (a lexicon's lineage of a kind can be hundreds of ids).
    const mayHold = (held: ReadonlySet<string>) => {
      for (const id of held) if (ids.has(id)) return true;
      return false;
    };
    return this.index(this.entries.filter((e) => !e.ids || mayHold(e.ids)));
  }

  /** The facts of these sentences by every concept they count for, in order (what reading the summary whole gives of them). */
  private index(entries: readonly SentenceEntry[]): Map<string, Fact[]> {
    const byConcept = new Map<string, Fact[]>();
    for (const e of entries)
      for (const f of this.factsOfEntry(e))
        for (const id of f.mention.concepts) {
          let list = byConcept.get(id);
          if (!list) byConcept.set(id, (list = []));
          list.push(f);
        }
    return byConcept;
  }

  /** Every sentence's preview: the concepts its facts can count for (a record's named treatments too) and its sites. */
  private preview(): void {
    if (this.previewed) return;
    this.previewed = true;
    for (const e of this.entries) {
      if (e.facts) continue; // read already: its facts say what it holds
      const held = holdings(this.access, e.sentence.text);
      if (held) {
        e.ids = held.ids;
        e.sites = held.sites;
      }
    }
  }

  /** A sentence's facts, read the first time they are asked for (what the facts of a summary read whole hold of it). */
  private factsOfEntry(e: SentenceEntry): Fact[] {
    if (e.facts) return e.facts;
    const { access } = this;
    const sentence = e.sentence;
    const reading = access.read(sentence.text);
    const derived = derive(reading);
    const own: Fact[] = [];
    const { mentions } = reading;
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i];
      const side = mention.attributes.side;
      const sites = mention.attributes.sites.length ? mention.attributes.sites : reading.attributes.sites;
      const fact = new SummaryFact(sentence, mention, sites, side, reading, derived, i);
      own.push(fact);
      // "The records included 7 physical therapy reports": the notes of a treatment record the treatment.
      if (mention.concept.kind !== 'record') continue;
      for (const inner of recordedTreatments(access, mention)) own.push(fact.withMention(inner));
    }
    e.reading = reading;
    e.facts = own;
    return own;
  }
}

/**
 * The treatment a record of it names ("physical therapy reports", "chiropractic notes"), as a mention at
 * the record's place with the record's assertion, so that it documents the treatment and its count.
 */
function recordedTreatments(access: ReadingAccess, record: Mention): Mention[] {
  if (record.concept.kind !== 'record') return [];
  const named = record.text.match(RECORD_NOUN_AT_END);
  if (!named) return [];
  const inner = access.read(record.text.slice(0, named.index));
  return inner.mentions
    .filter((x) => RECORDED_KINDS.has(x.concept.kind))
    .map((x) => ({
      ...x,
      start: record.start + x.start,
      end: record.start + x.end,
      assertion: record.assertion,
      cues: record.cues,
      attributes: { ...x.attributes, counts: record.attributes.counts },
    }));
}

const firstLabels = new WeakMap<CaseFile, Map<Sentence, string>>();

/**
 * The name of the first label (`file.facts`, in order) on a sentence, what `file.facts.find((f) => f.sentence ===
 * sentence)?.label.name` gives: by a map made once per parse, since each finding's related sentences ask it (946
 * findings of three related sentences each over 775 labels at 20,000 lines).
 */
export function firstLabelOf(file: CaseFile, sentence: Sentence): string | undefined {
  let labels = firstLabels.get(file);
  if (!labels) {
    labels = new Map();
    for (const f of file.facts) if (!labels.has(f.sentence)) labels.set(f.sentence, f.label.name);
    firstLabels.set(file, labels);
  }
  return labels.get(sentence);
}

const RELATED = new Map<string, string[]>();
for (const [a, b] of data.relatedSites as [string, string][]) {
  RELATED.set(a, [...(RELATED.get(a) ?? []), b]);
  RELATED.set(b, [...(RELATED.get(b) ?? []), a]);
}

/**
 * Can two lists of sites be about the same place? Yes when either names none,
 * when one site contains the other (lumbar and L5-S1), or when they are a
 * spine segment and the limb its nerves supply (a lumbar question and a
 * finding in the legs).
 */
export function sitesCompatible(a: readonly string[], b: readonly string[], access: ReadingAccess): boolean {
  if (!a.length || !b.length) return true;
  for (const x of a) {
    const wx = widened(x, access);
    for (const y of b) {
      if (x === y || wx.self.has(y)) return true;
      const wy = widened(y, access);
      if (wy.self.has(x)) return true;
      for (const r of wx.related) if (wy.self.has(r)) return true;
    }
  }
  return false;
}

// A site with the sites that contain it, and the limbs or segments related to any of them; per lexicon.
const widenCache = new WeakMap<ReadingAccess, Map<string, { self: Set<string>; related: Set<string> }>>();

function widened(site: string, access: ReadingAccess): { self: Set<string>; related: Set<string> } {
  let cache = widenCache.get(access);
  if (!cache) widenCache.set(access, (cache = new Map()));
  let w = cache.get(site);
  if (!w) {
    const self = new Set([site, ...access.partOf(site)]);
    const related = new Set<string>();
    for (const p of self) for (const r of RELATED.get(p) ?? []) related.add(r);
    w = { self, related };
    cache.set(site, w);
  }
  return w;
}

export function sidesCompatible(a: Side | undefined, b: Side | undefined): boolean {
  return !a || !b || a === b || a === 'bilateral' || b === 'bilateral';
}

/** Facts that document a mention is there (affirmed now or before), not denied, requested, hedged or about a guideline. */
export function documents(f: Fact): boolean {
  // A mention the reader calls requested but is not planned had a work-status cue ("modified duty"): it is documented.
  const assertion = f.mention.assertion;
  if (f.presupposed && assertion !== 'other-person' && assertion !== 'generic') return true;
  return !f.planned && (assertion === 'affirmed' || assertion === 'historical' || assertion === 'requested');
}

// The reader: one sentence in, its reading out (types.ts). One matcher pass
// over the sentence's tokens finds every concept, site, side, cue, qualifier
// and attribute word of the lexicon; ConText then scopes each cue (forward or
// backward, up to its window, never past a terminator; generic and
// hypothetical cues also stop at an anchor that brings the sentence back to
// this patient), and the strongest cue over a mention decides its assertion.
//
// A Reader belongs to the service instance that creates it (no module
// state). It remembers the reading of each sentence text: during an
// analysis (`analysis(run)`) every text read is kept for the next one, and
// when an analysis ends the texts it did not read are dropped, so an edit
// re-reads only the sentences whose text changed, and nothing of a closed
// case lingers.
import { leftmostLongest, type PhraseHit } from './matcher';
import type { CueDef, Entry, Lexicon } from './lexicon';
import { tokenize, type Token } from './tokens';
import { countBefore } from '../text/bisect';
import { numberValue, readDates, readDoses, readGrades, readPainScores, readPercents } from './attributes';
import { mapPacked } from '../text/packed';
import type { Assertion, Attributes, Concept, Count, Cue, DateMention, Dose, Grade, Mention, PainScore, Polarity, SentenceReading, Side } from './types';

export interface Reader {
  readonly lexicon: Lexicon;
  /** Reads one sentence (memoized by its text during an analysis). Never throws on any text. */
  read(sentence: string): SentenceReading;
  /**
   * What a reading of the sentence can hold, without reading it (SentencePreview), or undefined where the matcher
   * trips on the text. Memoized by its text as readings are (and a preview keeps the text's reading, if it has one,
   * for the next analysis as a read does); the matcher's pass is kept until the sentence is read or the analysis ends,
   * so a sentence previewed and then read is scanned once.
   */
  preview(sentence: string): SentencePreview | undefined;
  /**
   * Runs `run` as one analysis: readings made or reused in it are kept for
   * the next analysis, all others are forgotten when it ends. Nested calls
   * join the outer analysis.
   */
  analysis<T>(run: () => T): T;
  /** How many sentence texts are remembered, read or previewed (for tests: none of a closed case stays). */
  remembered(): number;
  /** Forgets every reading (the service calls it when no case is open). */
  clear(): void;
}

/** Assertion strength: the first category in this order that covers a mention decides it. */
const PRIORITY: readonly Exclude<Assertion, 'affirmed'>[] = ['generic', 'other-person', 'requested', 'hypothetical', 'negated', 'uncertain', 'historical'];

/** Words a qualifier may stand from the neutral finding it qualifies ("decreased sensation", "strength was 5/5"). */
const QUALIFIER_BEFORE = 3;
const QUALIFIER_AFTER = 4;
/** Mentions farther than this many tokens from a cue are not looked at (bounds the work on a run-on sentence). */
const TOKEN_REACH = 90;
/** A reading kept for each distinct text; a bound, not a tuning knob (a long case has a few thousand sentences). */
const MEMO_LIMIT = 20000;

const SCOPE_STOPPED_BY_ANCHOR = new Set(['generic', 'hypothetical']);
const CONJUNCTIONS = ['and', 'or', 'nor', 'and/or', 'as', 'well', 'any', 'other', 'the', 'a', 'an', 'of', 'in', 'either', 'both'];
/**
 * The conjunctions by length. A token's word is a fresh string: a Set look-up had V8 hash each one (listFill asks
 * for every word of a sentence), where comparing it with the few of its length is a handful of length checks.
 */
const CONJUNCTIONS_BY_LENGTH: ReadonlyArray<readonly string[]> = (() => {
  const out: string[][] = [];
  for (let l = 0; l <= Math.max(...CONJUNCTIONS.map((w) => w.length)); l++) out.push(CONJUNCTIONS.filter((w) => w.length === l));
  return out;
})();
const isConjunction = (w: string): boolean => w.length < CONJUNCTIONS_BY_LENGTH.length && CONJUNCTIONS_BY_LENGTH[w.length].includes(w);

export function createReader(lexicon: Lexicon): Reader {
  const memo = new Map<string, { reading: SentenceReading; generation: number }>();
  // Previews by text, kept as the readings are (for the texts previewed in the last analysis), and the matcher passes
  // of the sentences previewed in this analysis and not read yet (emptied when it ends).
  const previews = new Map<string, { preview: SentencePreview | undefined; generation: number }>();
  const scans = new Map<string, Scanned>();
  const previewNow = (sentence: string, keep: boolean): SentencePreview | undefined => {
    const known = memo.get(sentence);
    if (known) return previewOfReading(known.reading);
    try {
      const scanned = scanSentence(lexicon, sentence);
      if (keep) {
        if (scans.size >= MEMO_LIMIT) scans.clear();
        scans.set(sentence, scanned);
      }
      return previewOf(scanned.hits);
    } catch {
      return undefined;
    }
  };
  let generation = 0;
  let depth = 0;
  // The generation when the memo was last emptied (-1: during an analysis). The first analysis after it made every
  // reading the memo holds, so it has nothing to drop when it ends: the CLI empties the memo after each file.
  let clearedAt = 0;
  return {
    lexicon,
    read(sentence: string): SentenceReading {
      if (depth === 0) return readSentence(lexicon, sentence);
      const hit = memo.get(sentence);
      if (hit) {
        hit.generation = generation;
        return hit.reading;
      }
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const scanned = scans.get(sentence);
      if (scanned) scans.delete(sentence);
      const reading = readSentence(lexicon, sentence, scanned);
      memo.set(sentence, { reading, generation });
      return reading;
    },
    preview(sentence: string): SentencePreview | undefined {
      if (depth === 0) return previewNow(sentence, false);
      // A preview keeps the text's reading for the next analysis too, as a read would: a caller that previews a
      // summary's sentences on each version holds their readings from the version before, which no longer read them.
      const known = memo.get(sentence);
      if (known) known.generation = generation;
      const hit = previews.get(sentence);
      if (hit) {
        hit.generation = generation;
        return hit.preview;
      }
      if (previews.size >= MEMO_LIMIT) previews.clear();
      const preview = previewNow(sentence, true);
      previews.set(sentence, { preview, generation });
      return preview;
    },
    analysis<T>(run: () => T): T {
      if (depth === 0) generation++;
      depth++;
      try {
        return run();
      } finally {
        depth--;
        if (depth === 0) scans.clear();
        // forEach rather than for-of over entries: no [key, value] pair is made per remembered text.
        if (depth === 0 && generation !== clearedAt + 1) {
          memo.forEach((r, text) => {
            if (r.generation !== generation) memo.delete(text);
          });
          previews.forEach((r, text) => {
            if (r.generation !== generation) previews.delete(text);
          });
        }
      }
    },
    remembered: () => {
      let n = memo.size;
      previews.forEach((_, text) => {
        if (!memo.has(text)) n++;
      });
      return n;
    },
    clear: () => {
      memo.clear();
      previews.clear();
      scans.clear();
      clearedAt = depth > 0 ? -1 : generation;
    },
  };
}

type Hit = PhraseHit<Entry>;

interface CueHit {
  hit: Hit;
  cue: CueDef;
}

/**
 * Attributes with every key, `side` and `direction` undefined until set: one shape (hidden class) for every
 * mention's and sentence's attributes. With the keys added only where a side or a direction was found, real letters
 * made four shapes, and each function optimized on the first deoptimized when it met another (many of the rules read
 * `m.attributes.sites`).
 */
function emptyAttributes(): Attributes {
  return { sites: [], side: undefined, counts: [], doses: [], dates: [], grades: [], painScores: [], percents: [], direction: undefined };
}

/** Reads a sentence; exported for tests and for one-off reads outside a service. `scanned`: its matcher pass, made already. */
export function readSentence(lexicon: Lexicon, text: string, scanned?: Scanned): SentenceReading {
  try {
    return readUnsafe(lexicon, text, scanned ?? scanSentence(lexicon, text));
  } catch {
    // A reading is advice to the rules; a text the reader trips on reads as nothing rather than failing the analysis.
    return Object.freeze({ text, mentions: [], clauses: [{ start: 0, end: text.length }], generic: false, sex: undefined, attributes: emptyAttributes() });
  }
}

/**
 * What a reading of a sentence can hold, found by the matcher alone (no cues, clauses or attributes, about a third of
 * a read): every concept the lexicon matches in it, overlapping matches too, so every mention a reading chooses is of
 * one of them (at its span); and every site a match names or a matched concept is at, so every site of a mention or of
 * the sentence is one of them. For a caller that reads only the sentences that may answer what it asks
 * (rules/support/record/summaryFacts.ts).
 */
export interface SentencePreview {
  readonly concepts: ReadonlyArray<{ readonly concept: Concept; readonly start: number; readonly end: number }>;
  readonly sites: ReadonlySet<string>;
}

/** The preview of a matcher pass's hits. */
function previewOf(hits: readonly Hit[]): SentencePreview {
  const concepts: { concept: Concept; start: number; end: number }[] = [];
  const sites = new Set<string>();
  for (const h of hits) {
    const p = h.payload;
    if (p.type === 'concept') {
      concepts.push({ concept: p.concept, start: h.start, end: h.end });
      for (const site of p.concept.sites) sites.add(site);
    } else if (p.type === 'site') sites.add(p.site.id);
  }
  return { concepts, sites };
}

/** The preview of a sentence already read: what its reading holds. */
function previewOfReading(reading: SentenceReading): SentencePreview {
  const sites = new Set<string>(reading.attributes.sites);
  for (const m of reading.mentions) for (const site of m.attributes.sites) sites.add(site);
  return { concepts: reading.mentions.map((m) => ({ concept: m.concept, start: m.start, end: m.end })), sites };
}

/** A sentence's tokens and every match of the lexicon in them: a read's first phase, which a preview makes. */
interface Scanned {
  tokens: Token[];
  hits: Hit[];
}

function scanSentence(lexicon: Lexicon, text: string): Scanned {
  const tokens = tokenize(text);
  return { tokens, hits: lexicon.matcher.matchTokens(tokens) };
}

// The per-token tables of a read: typed arrays kept from read to read, one per table, each filled over the length
// it is asked for. Made anew for each sentence (typed arrays, each with a backing store of its own, then plain arrays
// pushed one by one), a dozen of them were made and collected per read. They hold nothing past the read that fills
// them (no reading refers to one), and a read calls out to nothing that could read again meanwhile.
const ANCHOR_AT = 0;
const TERM_AT = 1;
const CLAUSE_OF = 2;
const WORDS = 3;
const TERM_SUM = 4;
const ANCHOR_SUM = 5;
const LIST_WORD = 6;
const FILL = 7;
const SEG_OF = 8;
const SEG_FIRST_END = 9;
const SEG_OWN = 10;
const OWN_SUM = 11;
/** Longer tables are made for their read only: a pasted page read as one sentence leaves no large table behind. */
const POOLED_LENGTH = 4096;
const tables: Int32Array[] = [];
function table(slot: number, length: number, value = 0): Int32Array {
  if (length > POOLED_LENGTH) return new Int32Array(length).fill(value);
  let t = tables[slot];
  if (t === undefined || t.length < length) {
    let size = 64;
    while (size < length) size *= 2;
    tables[slot] = t = new Int32Array(size);
  }
  // A loop rather than fill(): for a sentence's few dozen entries the builtin's call cost more than the stores.
  for (let i = 0; i < length; i++) t[i] = value;
  return t;
}

// readUnsafe is cut into the phases below, each its own function, rather than one function of closures: V8's
// optimizing compiler inlined every closure into one graph, and every hit payload of a shape it had not yet seen
// threw the whole of it away, so a batch of 2,000 letters recompiled it 7 times at 200-340 ms each on a helper
// thread (a third of the batch's CPU time, and the core a second worker would have used).
function readUnsafe(lexicon: Lexicon, text: string, { tokens, hits }: Scanned): SentenceReading {
  const n = tokens.length;
  const kinds = hitsByKind(hits, n);
  const { cues, pseudoStarts, termAt } = scopedCues(kinds, n);
  const { clauses, clauseOf } = readClauses(text, tokens, termAt);
  const mentionHits = conceptMentions(kinds);
  const details = readDetails(text, tokens, kinds);
  const { segOf, ownSum } = verdictStretches(tokens, mentionHits, cues, details.qualifiers);
  const scan: Scan = {
    text,
    tokens,
    n,
    words: wordsBefore(tokens),
    termSum: prefixSum(TERM_SUM, termAt, n),
    anchorSum: prefixSum(ANCHOR_SUM, kinds.anchorAt, n),
    clauseOf,
    fill: listFill(tokens, [mentionHits, details.sites, details.sides, details.qualifiers]),
    segOf,
    ownSum,
    cues,
    pseudoStarts,
    qualifiers: details.qualifiers,
    grades: details.grades,
  };

  // The value of each mention: the concept's polarity, or for a neutral one the nearest qualifier or grade in its clause.
  const values = mapPacked(mentionHits, (h) => valueOf(scan, h));
  // A qualifier that is the value of the finding after it ("negative Spurling's") speaks of that finding only: as
  // a backward cue it does not reach the findings listed before it ("tenderness, full range of motion and negative
  // Spurling's" keeps the tenderness).
  const preValue = new Set<number>();
  values.forEach((v, i) => {
    if (v.valueSpan && v.valueSpan.to <= mentionHits[i].from) preValue.add(v.valueSpan.from);
  });
  // Packed (text/packed.ts): about 20 optimized rules loop over a reading's mentions.
  const mentions = mapPacked(mentionHits, (h, mi) => mentionOf(lexicon, scan, h, values[mi], preValue));
  const mentionClause = mapPacked(mentionHits, (h) => clauseOf[h.from]);
  attachDetails(scan, mentions, mentionClause, details);
  return sentenceOf(scan, kinds, mentions, clauses, details);
}

/** A sentence's tokens and the per-token tables the phases share. */
interface Scan {
  text: string;
  tokens: Token[];
  n: number;
  /** Prefix sums over tokens: words, terminators and anchors before each token. */
  words: Int32Array;
  termSum: Int32Array;
  anchorSum: Int32Array;
  clauseOf: Int32Array;
  /** Prefix sums of the words a cue's window counts (see listFill). */
  fill: Int32Array;
  /** The comma stretch of each token, and prefix sums of the stretches with a verdict of their own. */
  segOf: Int32Array;
  ownSum: Int32Array;
  cues: CueHit[];
  pseudoStarts: ReadonlySet<number>;
  qualifiers: Hit[];
  grades: Grade[];
}

/** The lexicon's hits of a sentence by kind, in hit order; anchors only mark where they start. */
interface HitsByKind {
  concept: Hit[];
  exclude: Hit[];
  cue: Hit[];
  pseudo: Hit[];
  qualifier: Hit[];
  site: Hit[];
  side: Hit[];
  direction: Hit[];
  sex: Hit[];
  unit: Hit[];
  frequency: Hit[];
  terminator: Hit[];
  anchorAt: Int32Array;
}

function hitsByKind(hits: readonly Hit[], n: number): HitsByKind {
  const kinds: HitsByKind = {
    concept: [],
    exclude: [],
    cue: [],
    pseudo: [],
    qualifier: [],
    site: [],
    side: [],
    direction: [],
    sex: [],
    unit: [],
    frequency: [],
    terminator: [],
    anchorAt: table(ANCHOR_AT, n + 1),
  };
  for (const h of hits) {
    const type = h.payload.type;
    if (type === 'anchor') kinds.anchorAt[h.from] = 1;
    else kinds[type].push(h);
  }
  return kinds;
}

/** The cues that govern (none inside a longer pseudo-cue), and the terminators that cut clauses. */
function scopedCues(kinds: HitsByKind, n: number): { cues: CueHit[]; pseudoStarts: ReadonlySet<number>; termAt: Int32Array } {
  // A pseudo-cue ("no change", "not only") cancels every shorter cue inside it; a cue as long as it stays ("not recommended").
  const pseudoAt = byStart(kinds.pseudo);
  const inPseudo = (h: Hit) => within(pseudoAt, h, (p) => h.to - h.from < p.to - p.from);
  // "has not only", "has not improved": a cue whose last word begins a pseudo phrase does not govern what follows it.
  const pseudoStarts: ReadonlySet<number> = kinds.pseudo.length ? new Set(kinds.pseudo.map((p) => p.from)) : NO_NUMBERS;
  const cues: CueHit[] = mapPacked(leftmostLongest(kinds.cue.filter((h) => !inPseudo(h))), (hit) => ({ hit, cue: (hit.payload as { cue: CueDef }).cue }));
  // Terminators inside a cue phrase do not cut that cue ("rather than"), nor inside a pseudo phrase.
  const termAt = table(TERM_AT, n + 1);
  for (const t of leftmostLongest(kinds.terminator)) if (!inPseudo(t)) termAt[t.from] = 1;
  return { cues, pseudoStarts, termAt };
}

/** Words before each token. */
function wordsBefore(tokens: readonly Token[]): Int32Array {
  const n = tokens.length;
  const words = table(WORDS, n + 1);
  for (let i = 0; i < n; i++) words[i + 1] = words[i] + (tokens[i].kind === 'word' ? 1 : 0);
  return words;
}

/** Prefix sums of the first n marks. */
function prefixSum(slot: number, marks: ArrayLike<number>, n: number): Int32Array {
  const sum = table(slot, n + 1);
  for (let i = 0; i < n; i++) sum[i + 1] = sum[i] + marks[i];
  return sum;
}

/** Is the way from token `from` to `to` cut by a terminator (or, for some categories, an anchor)? */
function blocked(s: Scan, from: number, to: number, category: string): boolean {
  return to > from && (s.termSum[to] - s.termSum[from] > 0 || (SCOPE_STOPPED_BY_ANCHOR.has(category) && s.anchorSum[to] - s.anchorSum[from] > 0));
}

/** Clauses: between terminators. */
function readClauses(text: string, tokens: readonly Token[], termAt: Int32Array): { clauses: Array<{ start: number; end: number }>; clauseOf: Int32Array } {
  const n = tokens.length;
  const clauses: Array<{ start: number; end: number }> = [];
  const clauseOf = table(CLAUSE_OF, n);
  let startTok = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || (termAt[i] && i > startTok)) {
      const start = startTok < n ? tokens[startTok].start : text.length;
      const end = i < n ? tokens[i].start : text.length;
      clauses.push({ start, end: Math.max(start, trimEnd(text, end)) });
      startTok = i;
    }
    if (i < n) clauseOf[i] = clauses.length;
  }
  if (clauses.length === 0) clauses.push({ start: 0, end: text.length });
  return { clauses, clauseOf };
}

/** Concept mentions: leftmost-longest, minus those inside an exclusion of the same concept. */
function conceptMentions(kinds: HitsByKind): Hit[] {
  const excludeAt = byStart(kinds.exclude);
  const excluded = (h: Hit) => within(excludeAt, h, (x) => (x.payload as { concept: Concept }).concept === (h.payload as { concept: Concept }).concept);
  // The same concept matched twice on one span (a term and a misspelling, "record" and "record*") is one mention.
  const mentions = leftmostLongest(kinds.exclude.length ? kinds.concept.filter((h) => !excluded(h)) : kinds.concept);
  if (mentions.length < 2) return mentions;
  // Hits of one span stand together (matchTokens orders them by start, then end): a hit is a repeat when one of
  // the same span before it has its concept. No key string is made per mention.
  const out: Hit[] = [];
  let runStart = 0;
  for (const h of mentions) {
    const last = out[out.length - 1];
    if (last === undefined || last.from !== h.from || last.to !== h.to) runStart = out.length;
    const id = (h.payload as { concept: Concept }).concept.id;
    let repeat = false;
    for (let k = runStart; k < out.length && !repeat; k++) repeat = (out[k].payload as { concept: Concept }).concept.id === id;
    if (!repeat) out.push(h);
  }
  return out;
}

/** What the sentence states besides its concepts: dates, grades, pain scores, percents, doses, counts, sites, sides, directions, qualifiers. */
interface Details {
  dates: DateMention[];
  grades: Grade[];
  painScores: PainScore[];
  percents: Attributes['percents'];
  doses: Dose[];
  counts: Count[];
  sites: Hit[];
  sides: Hit[];
  directions: Hit[];
  qualifiers: Hit[];
  /** The site ids and sides of the whole sentence, shared by the mentions that have none in their clause. */
  sentenceSites: string[];
  sentenceSides: Side[];
}

function readDetails(text: string, tokens: readonly Token[], kinds: HitsByKind): Details {
  const dates = readDates(text);
  const grades = readGrades(text);
  const painScores = readPainScores(text);
  const percents = readPercents(text);
  const doses = readDoses(text);
  const frequencies = leftmostLongest(kinds.frequency);
  for (const d of doses) {
    const f = frequencies.find((f) => f.start >= d.end && f.start - d.end <= 40 && !doses.some((o) => o !== d && o.start > d.end && o.start < f.start));
    if (f) {
      const p = f.payload as { perDay?: number; asNeeded: boolean };
      if (p.perDay !== undefined) d.perDay = p.perDay;
      if (p.asNeeded) d.asNeeded = true;
    }
  }
  const counts = readCounts(text, tokens, leftmostLongest(kinds.unit), grades, painScores, dates, doses);
  const sites = leftmostLongest(kinds.site);
  const sides = leftmostLongest(kinds.side);
  return {
    dates,
    grades,
    painScores,
    percents,
    doses,
    counts,
    sites,
    sides,
    directions: leftmostLongest(kinds.direction),
    qualifiers: leftmostLongest(kinds.qualifier),
    sentenceSites: siteIds(sites),
    sentenceSides: unique(mapPacked(sides, (x) => (x.payload as { side: Side }).side)),
  };
}

/**
 * A cue's window counts the words that stand between it and a mention, but not the other findings, sites,
 * sides and qualifiers of a list it governs, nor its conjunctions: "no weakness, numbness, tingling, reflex
 * changes or sensory loss in either lower extremity" denies every item, as a reader takes it. Prefix sums.
 */
function listFill(tokens: readonly Token[], lists: ReadonlyArray<readonly Hit[]>): Int32Array {
  const n = tokens.length;
  const listWord = table(LIST_WORD, n);
  for (const list of lists) for (const h of list) for (let k = h.from; k < h.to; k++) listWord[k] = 1;
  const fill = table(FILL, n + 1);
  for (let i = 0; i < n; i++) fill[i + 1] = fill[i] + (tokens[i].kind === 'word' && !listWord[i] && !isConjunction(tokens[i].norm) ? 1 : 0);
  return fill;
}

/** Comma stretches, and whether each holds a cue or a verdict of its own. */
function verdictStretches(
  tokens: readonly Token[],
  mentionHits: readonly Hit[],
  cues: readonly CueHit[],
  qualifiers: readonly Hit[],
): { segOf: Int32Array; ownSum: Int32Array } {
  const n = tokens.length;
  const segOf = table(SEG_OF, n);
  let segCount = 0;
  for (let i = 0; i < n; i++) {
    if (tokens[i].norm === ',') segCount++;
    segOf[i] = segCount;
  }
  // A verdict of its own: a cue or qualifier after a finding of the stretch ("straight leg raise is negative as
  // well as Spurling's"), not an adjective after a conjunction ("diminished reflexes or decreased sensation",
  // still items of the list).
  const segFirstEnd = table(SEG_FIRST_END, segCount + 1, -1);
  for (const h of mentionHits) if (segFirstEnd[segOf[h.from]] < 0) segFirstEnd[segOf[h.from]] = h.to;
  const segOwn = table(SEG_OWN, segCount + 1);
  const own = (from: number) => {
    const seg = segOf[from];
    const before = from > 0 ? tokens[from - 1].norm : ',';
    if (segFirstEnd[seg] >= 0 && from >= segFirstEnd[seg] && !isConjunction(before) && before !== ',') segOwn[seg] = 1;
  };
  for (const { hit } of cues) own(hit.from);
  for (const q of qualifiers) if ((q.payload as { value: string }).value !== 'judgment') own(q.from);
  const ownSum = table(OWN_SUM, segCount + 2);
  for (let k = 0; k <= segCount; k++) ownSum[k + 1] = ownSum[k] + segOwn[k];
  return { segOf, ownSum };
}

/** Does a stretch after the cue's, up to the mention's, hold a verdict of its own? */
function ownBetween(s: Scan, cueTok: number, mentionTok: number): boolean {
  return s.ownSum[s.segOf[mentionTok] + 1] - s.ownSum[s.segOf[cueTok] + 1] > 0;
}

/** The first token starting at or after offset. */
function tokenAt(s: Scan, offset: number): number {
  let lo = 0;
  let hi = s.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clauseAtOffset(s: Scan, offset: number): number {
  return s.clauseOf[Math.min(s.n - 1, tokenAt(s, offset))] ?? 0;
}

/** A mention's value: its concept's polarity, or for a neutral one the nearest qualifier or grade in its clause. */
function valueOf(s: Scan, h: Hit): { value: Polarity; valueSpan?: Hit } {
  const { words, clauseOf, tokens, n } = s;
  const concept = (h.payload as { concept: Concept }).concept;
  const clause = clauseOf[h.from];
  let value: Polarity = concept.polarity;
  let valueSpan: Hit | undefined;
  if (concept.polarity === 'neutral') {
    let best: { hit?: Hit; value: Polarity; distance: number } | undefined;
    let joined: { hit?: Hit; value: Polarity; distance: number } | undefined;
    for (const q of s.qualifiers) {
      const v = (q.payload as { value: string }).value;
      if (v === 'judgment' || clauseOf[q.from] !== clause) continue;
      const distance = q.to <= h.from ? words[h.from] - words[q.to] : q.from >= h.to ? words[q.from] - words[h.to] : -1;
      if (distance < 0) continue;
      if (q.to <= h.from ? distance > QUALIFIER_BEFORE : distance > QUALIFIER_AFTER) continue;
      // "sensation is intact and DTRs are 1+": a qualifier before "and" or a comma is the previous item's verdict,
      // used only when the mention has none of its own after it.
      if (q.to <= h.from && separated(tokens, q.to, h.from)) {
        if (!joined || distance < joined.distance) joined = { hit: q, value: v as Polarity, distance };
        continue;
      }
      if (!best || distance < best.distance) best = { hit: q, value: v as Polarity, distance };
    }
    best ??= joined;
    for (const g of s.grades) {
      const gFrom = tokenAt(s, g.start);
      const gTo = tokenAt(s, g.end);
      if (clauseOf[Math.min(n - 1, gFrom)] !== clause) continue;
      const distance = gTo <= h.from ? words[h.from] - words[gTo] : gFrom >= h.to ? words[gFrom] - words[h.to] : -1;
      if (distance < 0 || distance > QUALIFIER_AFTER) continue;
      if (!best || distance < best.distance) best = { value: g.value < 5 ? 'abnormal' : 'normal', distance };
    }
    if (best) {
      value = best.value;
      valueSpan = best.hit;
    }
  }
  return { value, valueSpan };
}

/** A mention with the cues whose scope covers it; the strongest decides its assertion. */
function mentionOf(lexicon: Lexicon, s: Scan, h: Hit, { value, valueSpan }: { value: Polarity; valueSpan?: Hit }, preValue: ReadonlySet<number>): Mention {
  const { text, cues, words, fill, segOf } = s;
  const concept = (h.payload as { concept: Concept }).concept;
  const covering: Cue[] = [];
  // Forward denials from earlier comma stretches, by stretch: a list that repeats its denial in each stretch ("no
  // loss of lordosis, no neck stiffness, tenderness at C5-6") has ended where a stretch comes without one.
  // Made on the first denial from an earlier stretch (most mentions have none).
  let deniedStretches: Set<number> | undefined;
  let ownDenial = false;
  let fromEarlier: Set<Cue> | undefined;
  // Cues are in token order: look only at those within reach of the mention.
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].hit.from < h.from - TOKEN_REACH) lo = mid + 1;
    else hi = mid;
  }
  for (let ci = lo; ci < cues.length && cues[ci].hit.from < h.to + TOKEN_REACH; ci++) {
    const { hit: c, cue } = cues[ci];
    if (cue.kinds && !cue.kinds.has(concept.kind)) continue;
    // A qualifier that gave the mention its value is not also a cue over it ("reflexes absent", "negative SLR").
    if (valueSpan && c.from < valueSpan.to && valueSpan.from < c.to) continue;
    let covers = false;
    // Forward, a cue governs a list ("no weakness, numbness or tingling"), but not a comma's stretch that has a
    // verdict of its own ("no radiating pain, cervical compression test is negative"). Backward, it reaches only
    // its window of words ("SLR and Spurling's were negative"), never back across a list of findings.
    // "has not only", "has not improved": a cue whose last word begins a pseudo phrase does not govern what follows it.
    const endsInPseudo = c.to - c.from > 1 && s.pseudoStarts.has(c.to - 1);
    if (c.to <= h.from && cue.direction !== 'backward' && !endsInPseudo)
      covers = fill[h.from] - fill[c.to] <= cue.window && !blocked(s, c.to, h.from, cue.category) && !ownBetween(s, c.to - 1, h.from);
    else if (c.from >= h.to && cue.direction !== 'forward')
      covers = words[c.from] - words[h.to] <= cue.window && !blocked(s, h.to, c.from, cue.category) && !preValue.has(c.from);
    if (!covers) continue;
    const out: Cue = { category: cue.category, start: c.start, end: c.end, text: text.slice(c.start, c.end) };
    if (cue.category === 'negated' && c.to <= h.from) {
      const j = s.qualifiers.find((q) => (q.payload as { value: string }).value === 'judgment' && q.from >= c.to && q.to <= h.from);
      if (j) out.judgment = { start: j.start, end: j.end, text: text.slice(j.start, j.end) };
      if (segOf[c.from] < segOf[h.from]) {
        (deniedStretches ??= new Set()).add(segOf[c.from]);
        (fromEarlier ??= new Set()).add(out);
      } else ownDenial = true;
    }
    covering.push(out);
  }
  if (!ownDenial && deniedStretches !== undefined && deniedStretches.size > 1 && fromEarlier !== undefined)
    for (let k = covering.length - 1; k >= 0; k--) if (fromEarlier.has(covering[k])) covering.splice(k, 1);
  covering.sort((a, b) => PRIORITY.indexOf(a.category) - PRIORITY.indexOf(b.category));
  const assertion: Assertion = covering[0]?.category ?? 'affirmed';
  return {
    start: h.start,
    end: h.end,
    text: text.slice(h.start, h.end),
    concept,
    concepts: lexicon.lineage.get(concept.id) ?? [concept.id],
    assertion,
    cues: covering,
    value,
    attributes: emptyAttributes(),
  };
}

/**
 * Attaches details to mentions: the sites, side, dates, percents and direction of their clause; counts, doses,
 * grades and pain scores to the nearest fitting mention of their clause.
 */
function attachDetails(s: Scan, mentions: Mention[], mentionClause: readonly number[], details: Details): void {
  // Every detail goes to a mention: with none, there is nothing to attach (and no map to make).
  if (mentions.length === 0) return;
  const { text } = s;
  const byClause = new Map<number, Mention[]>();
  mentions.forEach((m, i) => {
    const list = byClause.get(mentionClause[i]);
    if (list) list.push(m);
    else byClause.set(mentionClause[i], [m]);
  });
  const nearest = (start: number, end: number, fits: (m: Mention) => boolean): Mention | undefined => {
    const inClause = byClause.get(clauseAtOffset(s, start)) ?? [];
    let best: Mention | undefined;
    let bestD = Infinity;
    for (const pass of [fits, () => true]) {
      for (const m of inClause) {
        if (!pass(m)) continue;
        const d = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
        if (d < bestD) {
          bestD = d;
          best = m;
        }
      }
      if (best) break;
    }
    return best;
  };
  const drug = (m: Mention) => m.concept.kind === 'medication' || m.concept.kind === 'drug-class';
  // "flexion at 91°, extension 5°": a measure in degrees follows the motion it measures, in its clause and with
  // no other mention between; "90 degrees of flexion" names it after.
  const measuredMotion = (c: Count): Mention | undefined => {
    const inClause = (byClause.get(clauseAtOffset(s, c.start)) ?? []).filter((m) => m.concept.kind === 'finding');
    const after = inClause.find((m) => (m.start < c.end && m.end > c.start) || (m.start >= c.end && /^\s{1,2}of\s{1,2}$/i.test(text.slice(c.end, m.start))));
    if (after) return after;
    const before = inClause.filter((m) => m.end <= c.start).pop();
    if (!before || mentions.some((x) => x.start >= before.end && x.end <= c.start)) return undefined;
    return (text.slice(before.end, c.start).match(/\w+/g) ?? []).length <= 3 ? before : undefined;
  };
  for (const d of details.doses) nearest(d.start, d.end, drug)?.attributes.doses.push(d);
  for (const c of details.counts) {
    const owner = c.unit === 'degree' ? measuredMotion(c) : undefined;
    (owner ?? nearest(c.start, c.end, (m) => m.concept.kind !== 'finding' && m.concept.kind !== 'symptom'))?.attributes.counts.push(c);
  }
  for (const g of details.grades) nearest(g.start, g.end, (m) => m.concept.kind === 'finding')?.attributes.grades.push(g);
  for (const p of details.painScores)
    nearest(p.start, p.end, (m) => m.concept.kind === 'symptom' || m.concept.kind === 'pain-score')?.attributes.painScores.push(p);

  const { sites, sides, directions, sentenceSites, sentenceSides } = details;
  // Each list cut by clause once (in order), so that a mention looks only at its clause's: a sentence of thousands
  // of mentions and sites filtered every list for each mention (quadratic in the sentence, issue 12).
  const byClauseOf = <T extends { start: number }>(list: readonly T[]): ReadonlyMap<number, T[]> => {
    if (list.length === 0) return NO_GROUPS as ReadonlyMap<number, T[]>;
    const out = new Map<number, T[]>();
    for (const x of list) {
      const c = clauseAtOffset(s, x.start);
      const l = out.get(c);
      if (l) l.push(x);
      else out.set(c, [x]);
    }
    return out;
  };
  const sitesByClause = byClauseOf(sites);
  const siteIdsByClause = new Map<number, string[]>();
  const sidesByClause = byClauseOf(sides);
  const datesByClause = byClauseOf(details.dates);
  const percentsByClause = byClauseOf(details.percents);
  const directionsByClause = byClauseOf(directions);
  mentions.forEach((m, i) => {
    const clause = mentionClause[i];
    const a = m.attributes;
    let clauseSites = siteIdsByClause.get(clause);
    if (!clauseSites) siteIdsByClause.set(clause, (clauseSites = siteIds(sitesByClause.get(clause) ?? [])));
    a.sites = unique([...clauseSites, ...m.concept.sites]);
    if (a.sites.length === 0) a.sites = sentenceSites;
    const clauseSides = sidesByClause.get(clause);
    if (clauseSides) a.side = (nearestByStart(clauseSides, m.start).payload as { side: Side }).side;
    else if (sentenceSides.length === 1) a.side = sentenceSides[0];
    a.dates = (datesByClause.get(clause) ?? []).slice();
    a.percents = (percentsByClause.get(clause) ?? []).slice();
    const dir = directionsByClause.get(clause);
    if (dir) a.direction = (nearestByStart(dir, m.start).payload as { direction: Attributes['direction'] & string }).direction;
  });
}

function siteIds(sites: readonly Hit[]): string[] {
  return unique(mapPacked(sites, (x) => (x.payload as { site: { id: string } }).site.id));
}

/** The sentence: its sex, whether it is a guideline statement, its attributes. */
function sentenceOf(s: Scan, kinds: HitsByKind, mentions: Mention[], clauses: Array<{ start: number; end: number }>, details: Details): SentenceReading {
  const { text } = s;
  let male = 0;
  let female = 0;
  for (const x of leftmostLongest(kinds.sex)) {
    // "he/she", "his/her": the form letters use for anyone, telling nothing.
    const around = text.slice(Math.max(0, x.start - 1), x.end + 1);
    if (around.includes('/')) continue;
    if ((x.payload as { sex: string }).sex === 'male') male++;
    else female++;
  }
  const hasGenericCue = s.cues.some((c) => c.cue.category === 'generic');
  const generic = mentions.length > 0 ? mentions.every((m) => m.assertion === 'generic') : hasGenericCue && s.anchorSum[s.n] === 0;
  const { sentenceSides } = details;
  // Every key, in emptyAttributes' order (one shape: see there).
  const { sentenceSites: sites, counts, doses, dates, grades, painScores, percents } = details;
  const side = sentenceSides.length === 1 ? sentenceSides[0] : undefined;
  const direction = details.directions.length ? (details.directions[0].payload as { direction: Attributes['direction'] }).direction : undefined;
  const attributes: Attributes = { sites, side, counts, doses, dates, grades, painScores, percents, direction };
  const sex = male > 0 && female === 0 ? 'male' : female > 0 && male === 0 ? 'female' : undefined;
  // `sex` undefined when the sentence implies none: one shape for every reading, as for attributes.
  const reading: SentenceReading = { text, mentions, clauses, generic, sex, attributes };
  return Object.freeze(reading);
}

/** Is there an "and" or a comma between tokens [from, to)? */
function separated(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].norm === 'and' || tokens[k].norm === ',' || tokens[k].norm === ';') return true;
  return false;
}

/** Hits grouped by their first token, with the longest span among them (phrases are short). */
function byStart(hits: readonly Hit[]): { at: ReadonlyMap<number, Hit[]>; longest: number } {
  if (hits.length === 0) return NO_HITS_BY_START;
  const at = new Map<number, Hit[]>();
  let longest = 0;
  for (const h of hits) {
    const list = at.get(h.from);
    if (list) list.push(h);
    else at.set(h.from, [h]);
    longest = Math.max(longest, h.to - h.from);
  }
  return { at, longest };
}

/** Is `h` inside one of the grouped hits that `also` accepts? */
function within(group: { at: ReadonlyMap<number, Hit[]>; longest: number }, h: Hit, also: (outer: Hit) => boolean): boolean {
  if (group.at.size === 0) return false;
  for (let from = Math.max(0, h.to - group.longest); from <= h.from; from++) {
    for (const o of group.at.get(from) ?? []) if (o.to >= h.to && also(o)) return true;
  }
  return false;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s,]/.test(text[e - 1])) e--;
  return e;
}

/**
 * The first item of `list` (non-empty, sorted by start) whose start is nearest `at`: what a reduce keeping the
 * first of equals finds, by bisection.
 */
function nearestByStart<T extends { start: number }>(list: readonly T[], at: number): T {
  const lo = countBefore(list, (x) => x.start < at);
  // list[lo] is the first at or after `at`; before it, the nearest is the first of those sharing list[lo - 1]'s start.
  if (lo === 0) return list[0];
  let before = lo - 1;
  while (before > 0 && list[before - 1].start === list[before].start) before--;
  if (lo === list.length || at - list[before].start <= list[lo].start - at) return list[before];
  return list[lo];
}

/** The items in their order, each once (a new array). Short lists, the usual ones, are deduplicated without a Set. */
function unique<T>(xs: readonly T[]): T[] {
  if (xs.length > 8) return [...new Set(xs)];
  const out: T[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** Shared empty results, read and never changed: most sentences have no pseudo-cue, exclusion, site, side, date or direction. */
const NO_NUMBERS: ReadonlySet<number> = new Set();
const NO_GROUPS: ReadonlyMap<number, never[]> = new Map();
const NO_HITS_BY_START: { at: ReadonlyMap<number, Hit[]>; longest: number } = { at: new Map(), longest: 0 };

/**
 * Counts: a number (digits, a word, "#60") followed within two words by a
 * unit ("6 sessions", "six prior PT visits", "#60 tablets"), or a unit
 * followed by "x" and a number ("sessions x 6"). A number that is part of a
 * date, a grade, a pain score or a dose is none.
 */
function readCounts(text: string, tokens: readonly Token[], units: Hit[], ...taken: Array<ReadonlyArray<{ start: number; end: number }>>): Count[] {
  const out: Count[] = [];
  // Every count has a unit.
  if (units.length === 0) return out;
  const isTaken = (t: Token) => taken.some((list) => list.some((s) => t.start < s.end && t.end > s.start));
  const used = new Set<Hit>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const hash = i > 0 && tokens[i - 1].norm === '#' && tokens[i - 1].end === t.start;
    const value = numberValue(t.norm);
    if (value === undefined || isTaken(t)) continue;
    // "five (5) sessions": the digits in brackets repeat the number.
    let after = i + 1;
    if (tokens[after]?.norm === '(' && numberValue(tokens[after + 1]?.norm ?? '') === value && tokens[after + 2]?.norm === ')') after += 3;
    const unit = units.find(
      (u) =>
        !used.has(u) &&
        u.from >= after &&
        u.from <= after + 2 &&
        tokens.slice(after, u.from).every((x) => x.kind === 'word' && numberValue(x.norm) === undefined),
    );
    if (!unit) continue;
    used.add(unit);
    // "8-10 sessions", "6 to 8 visits": a range, counted by its upper end.
    const prev = tokens[i - 1];
    const lowValue =
      prev && t.hyphenated && numberValue(prev.norm) !== undefined
        ? i - 1
        : prev?.norm === 'to' && tokens[i - 2] && numberValue(tokens[i - 2].norm) !== undefined
          ? i - 2
          : -1;
    const start = lowValue >= 0 ? tokens[lowValue].start : hash ? tokens[i - 1].start : t.start;
    const count: Count = { start, end: unit.end, text: text.slice(start, unit.end), value, unit: (unit.payload as { unit: string }).unit };
    if (lowValue >= 0) count.low = numberValue(tokens[lowValue].norm);
    if (lowValue >= 0 && out.length && out[out.length - 1].start === tokens[lowValue].start) out.pop();
    out.push(count);
  }
  // "physical therapy sessions x 6", "visits x6"
  for (const u of units) {
    if (used.has(u)) continue;
    const x = tokens[u.to];
    const num = tokens[u.to + 1];
    if (x?.norm === 'x' && num && numberValue(num.norm) !== undefined) {
      out.push({
        start: u.start,
        end: num.end,
        text: text.slice(u.start, num.end),
        value: numberValue(num.norm) as number,
        unit: (u.payload as { unit: string }).unit,
      });
    } else if (x && /^x\d{1,3}$/.test(x.norm)) {
      out.push({ start: u.start, end: x.end, text: text.slice(u.start, x.end), value: Number(x.norm.slice(1)), unit: (u.payload as { unit: string }).unit });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export type { Dose };

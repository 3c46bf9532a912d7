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
import { numberValue, readDates, readDoses, readGrades, readPainScores, readPercents } from './attributes';
import type { Assertion, Attributes, Concept, Count, Cue, Dose, Mention, Polarity, SentenceReading, Side } from './types';

export interface Reader {
  readonly lexicon: Lexicon;
  /** Reads one sentence (memoized by its text during an analysis). Never throws on any text. */
  read(sentence: string): SentenceReading;
  /**
   * Runs `run` as one analysis: readings made or reused in it are kept for
   * the next analysis, all others are forgotten when it ends. Nested calls
   * join the outer analysis.
   */
  analysis<T>(run: () => T): T;
  /** How many sentence texts are remembered (for tests: none of a closed case stays). */
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
const CONJUNCTIONS = new Set(['and', 'or', 'nor', 'and/or', 'as', 'well', 'any', 'other', 'the', 'a', 'an', 'of', 'in', 'either', 'both']);

export function createReader(lexicon: Lexicon): Reader {
  const memo = new Map<string, { reading: SentenceReading; generation: number }>();
  let generation = 0;
  let depth = 0;
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
      const reading = readSentence(lexicon, sentence);
      memo.set(sentence, { reading, generation });
      return reading;
    },
    analysis<T>(run: () => T): T {
      if (depth === 0) generation++;
      depth++;
      try {
        return run();
      } finally {
        depth--;
        if (depth === 0) for (const [text, r] of memo) if (r.generation !== generation) memo.delete(text);
      }
    },
    remembered: () => memo.size,
    clear: () => memo.clear(),
  };
}

type Hit = PhraseHit<Entry>;

interface CueHit {
  hit: Hit;
  cue: CueDef;
}

function emptyAttributes(): Attributes {
  return { sites: [], counts: [], doses: [], dates: [], grades: [], painScores: [], percents: [] };
}

/** Reads a sentence; exported for tests and for one-off reads outside a service. */
export function readSentence(lexicon: Lexicon, text: string): SentenceReading {
  try {
    return readUnsafe(lexicon, text);
  } catch {
    // A reading is advice to the rules; a text the reader trips on reads as nothing rather than failing the analysis.
    return Object.freeze({ text, mentions: [], clauses: [{ start: 0, end: text.length }], generic: false, attributes: emptyAttributes() });
  }
}

// The per-token tables below are plain arrays of small integers: a sentence's dozen typed arrays each took a backing
// store of their own, which cost more to make and collect than the arrays (the reader runs once per sentence read).
const filled = (length: number, value: number): number[] => new Array<number>(length).fill(value);
const zeros = (length: number): number[] => filled(length, 0);

function readUnsafe(lexicon: Lexicon, text: string): SentenceReading {
  const tokens = tokenize(text);
  const hits = lexicon.matcher.matchTokens(tokens);
  const n = tokens.length;

  // Prefix sums: words before each token, terminators and anchors starting before each token.
  const words = zeros(n + 1);
  for (let i = 0; i < n; i++) words[i + 1] = words[i] + (tokens[i].kind === 'word' ? 1 : 0);
  const termAt = zeros(n + 1);
  const anchorAt = zeros(n + 1);

  // Every hit goes to the list of its kind; anchors only mark where they start.
  const byKind = new Map<string, Hit[]>();
  for (const h of hits) {
    if (h.payload.type === 'anchor') anchorAt[h.from] = 1;
    else {
      const list = byKind.get(h.payload.type);
      if (list) list.push(h);
      else byKind.set(h.payload.type, [h]);
    }
  }
  const ofKind = (type: Exclude<Hit['payload']['type'], 'anchor'>): Hit[] => byKind.get(type) ?? [];
  const conceptHits = ofKind('concept');
  const excludeHits = ofKind('exclude');
  const cueHits = ofKind('cue');
  const pseudoHits = ofKind('pseudo');
  const qualifierHits = ofKind('qualifier');
  const siteHits = ofKind('site');
  const sideHits = ofKind('side');
  const directionHits = ofKind('direction');
  const sexHits = ofKind('sex');
  const unitHits = ofKind('unit');
  const frequencyHits = ofKind('frequency');
  const terminatorHits = ofKind('terminator');

  // A pseudo-cue ("no change", "not only") cancels every shorter cue inside it; a cue as long as it stays ("not recommended").
  const pseudoAt = byStart(pseudoHits);
  const inPseudo = (h: Hit) => within(pseudoAt, h, (p) => h.to - h.from < p.to - p.from);
  // "has not only", "has not improved": a cue whose last word begins a pseudo phrase does not govern what follows it.
  const pseudoStarts = new Set(pseudoHits.map((p) => p.from));
  const endsInPseudo = (h: Hit) => h.to - h.from > 1 && pseudoStarts.has(h.to - 1);
  const cues: CueHit[] = leftmostLongest(cueHits.filter((h) => !inPseudo(h))).map((hit) => ({ hit, cue: (hit.payload as { cue: CueDef }).cue }));
  // Terminators inside a cue phrase do not cut that cue ("rather than"), nor inside a pseudo phrase.
  for (const t of leftmostLongest(terminatorHits)) if (!inPseudo(t)) termAt[t.from] = 1;
  const termSum = zeros(n + 1);
  const anchorSum = zeros(n + 1);
  for (let i = 0; i < n; i++) {
    termSum[i + 1] = termSum[i] + termAt[i];
    anchorSum[i + 1] = anchorSum[i] + anchorAt[i];
  }
  const blocked = (from: number, to: number, category: string) =>
    to > from && (termSum[to] - termSum[from] > 0 || (SCOPE_STOPPED_BY_ANCHOR.has(category) && anchorSum[to] - anchorSum[from] > 0));

  // Clauses: between terminators.
  const clauses: Array<{ start: number; end: number }> = [];
  const clauseOf = zeros(n);
  {
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
  }

  // Concept mentions: leftmost-longest, minus those inside an exclusion of the same concept.
  const excludeAt = byStart(excludeHits);
  const excluded = (h: Hit) => within(excludeAt, h, (x) => (x.payload as { concept: Concept }).concept === (h.payload as { concept: Concept }).concept);
  // The same concept matched twice on one span (a term and a misspelling, "record" and "record*") is one mention.
  const seenSpan = new Set<string>();
  const mentionHits = leftmostLongest(conceptHits.filter((h) => !excluded(h))).filter((h) => {
    const key = `${h.from}:${h.to}:${(h.payload as { concept: Concept }).concept.id}`;
    if (seenSpan.has(key)) return false;
    seenSpan.add(key);
    return true;
  });

  // Attributes of the sentence.
  const dates = readDates(text);
  const grades = readGrades(text);
  const painScores = readPainScores(text);
  const percents = readPercents(text);
  const doses = readDoses(text);
  const frequencies = leftmostLongest(frequencyHits);
  for (const d of doses) {
    const f = frequencies.find((f) => f.start >= d.end && f.start - d.end <= 40 && !doses.some((o) => o !== d && o.start > d.end && o.start < f.start));
    if (f) {
      const p = f.payload as { perDay?: number; asNeeded: boolean };
      if (p.perDay !== undefined) d.perDay = p.perDay;
      if (p.asNeeded) d.asNeeded = true;
    }
  }
  const counts = readCounts(text, tokens, leftmostLongest(unitHits), grades, painScores, dates, doses);
  const sites = leftmostLongest(siteHits);
  const sides = leftmostLongest(sideHits);
  const directions = leftmostLongest(directionHits);
  const qualifiers = leftmostLongest(qualifierHits);

  // A cue's window counts the words that stand between it and a mention, but not the other findings, sites,
  // sides and qualifiers of a list it governs, nor its conjunctions: "no weakness, numbness, tingling, reflex
  // changes or sensory loss in either lower extremity" denies every item, as a reader takes it.
  const listWord = zeros(n);
  for (const list of [mentionHits, sites, sides, qualifiers]) for (const h of list) for (let k = h.from; k < h.to; k++) listWord[k] = 1;
  const fill = zeros(n + 1);
  for (let i = 0; i < n; i++) fill[i + 1] = fill[i] + (tokens[i].kind === 'word' && !listWord[i] && !CONJUNCTIONS.has(tokens[i].norm) ? 1 : 0);

  // Comma stretches, and whether each holds a cue or a verdict of its own.
  const segOf = zeros(n);
  let segCount = 0;
  for (let i = 0; i < n; i++) {
    if (tokens[i].norm === ',') segCount++;
    segOf[i] = segCount;
  }
  // A verdict of its own: a cue or qualifier after a finding of the stretch ("straight leg raise is negative as
  // well as Spurling's"), not an adjective after a conjunction ("diminished reflexes or decreased sensation",
  // still items of the list).
  const segFirstEnd = filled(segCount + 1, -1);
  for (const h of mentionHits) if (segFirstEnd[segOf[h.from]] < 0) segFirstEnd[segOf[h.from]] = h.to;
  const segOwn = zeros(segCount + 1);
  const own = (from: number) => {
    const seg = segOf[from];
    const before = from > 0 ? tokens[from - 1].norm : ',';
    if (segFirstEnd[seg] >= 0 && from >= segFirstEnd[seg] && !CONJUNCTIONS.has(before) && before !== ',') segOwn[seg] = 1;
  };
  for (const { hit } of cues) own(hit.from);
  for (const q of qualifiers) if ((q.payload as { value: string }).value !== 'judgment') own(q.from);
  const ownSum = zeros(segCount + 2);
  for (let k = 0; k <= segCount; k++) ownSum[k + 1] = ownSum[k] + segOwn[k];
  /** Does a stretch after the cue's, up to the mention's, hold a verdict of its own? */
  const ownBetween = (cueTok: number, mentionTok: number) => ownSum[segOf[mentionTok] + 1] - ownSum[segOf[cueTok] + 1] > 0;

  const tokenAt = (offset: number) => {
    // First token starting at or after offset.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clauseAtOffset = (offset: number) => clauseOf[Math.min(n - 1, tokenAt(offset))] ?? 0;

  // The value of each mention: the concept's polarity, or for a neutral one the nearest qualifier or grade in its clause.
  const values = mentionHits.map((h) => valueOf(h));
  // A qualifier that is the value of the finding after it ("negative Spurling's") speaks of that finding only: as
  // a backward cue it does not reach the findings listed before it ("tenderness, full range of motion and negative
  // Spurling's" keeps the tenderness).
  const preValue = new Set<number>();
  values.forEach((v, i) => {
    if (v.valueSpan && v.valueSpan.to <= mentionHits[i].from) preValue.add(v.valueSpan.from);
  });

  function valueOf(h: Hit): { value: Polarity; valueSpan?: Hit } {
    const concept = (h.payload as { concept: Concept }).concept;
    const clause = clauseOf[h.from];
    let value: Polarity = concept.polarity;
    let valueSpan: Hit | undefined;
    if (concept.polarity === 'neutral') {
      let best: { hit?: Hit; value: Polarity; distance: number } | undefined;
      let joined: { hit?: Hit; value: Polarity; distance: number } | undefined;
      for (const q of qualifiers) {
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
      for (const g of grades) {
        const gFrom = tokenAt(g.start);
        const gTo = tokenAt(g.end);
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

  const mentions: Mention[] = [];
  for (const [mi, h] of mentionHits.entries()) {
    const concept = (h.payload as { concept: Concept }).concept;
    const { value, valueSpan } = values[mi];

    // The cues whose scope covers the mention.
    const covering: Cue[] = [];
    // Forward denials from earlier comma stretches, by stretch: a list that repeats its denial in each stretch ("no
    // loss of lordosis, no neck stiffness, tenderness at C5-6") has ended where a stretch comes without one.
    const deniedStretches = new Set<number>();
    let ownDenial = false;
    const fromEarlier = new Set<Cue>();
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
      if (c.to <= h.from && cue.direction !== 'backward' && !endsInPseudo(c))
        covers = fill[h.from] - fill[c.to] <= cue.window && !blocked(c.to, h.from, cue.category) && !ownBetween(c.to - 1, h.from);
      else if (c.from >= h.to && cue.direction !== 'forward')
        covers = words[c.from] - words[h.to] <= cue.window && !blocked(h.to, c.from, cue.category) && !preValue.has(c.from);
      if (!covers) continue;
      const out: Cue = { category: cue.category, start: c.start, end: c.end, text: text.slice(c.start, c.end) };
      if (cue.category === 'negated' && c.to <= h.from) {
        const j = qualifiers.find((q) => (q.payload as { value: string }).value === 'judgment' && q.from >= c.to && q.to <= h.from);
        if (j) out.judgment = { start: j.start, end: j.end, text: text.slice(j.start, j.end) };
        if (segOf[c.from] < segOf[h.from]) {
          deniedStretches.add(segOf[c.from]);
          fromEarlier.add(out);
        } else ownDenial = true;
      }
      covering.push(out);
    }
    if (!ownDenial && deniedStretches.size > 1) for (let k = covering.length - 1; k >= 0; k--) if (fromEarlier.has(covering[k])) covering.splice(k, 1);
    covering.sort((a, b) => PRIORITY.indexOf(a.category) - PRIORITY.indexOf(b.category));
    const assertion: Assertion = covering[0]?.category ?? 'affirmed';

    mentions.push({
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      concept,
      concepts: lexicon.lineage.get(concept.id) ?? [concept.id],
      assertion,
      cues: covering,
      value,
      attributes: emptyAttributes(),
    });
  }

  // Attach attributes to mentions: the sites, side, dates, percents and direction of their clause; counts, doses,
  // grades and pain scores to the nearest fitting mention of their clause.
  const mentionClause = mentionHits.map((h) => clauseOf[h.from]);
  const byClause = new Map<number, Mention[]>();
  mentions.forEach((m, i) => {
    const list = byClause.get(mentionClause[i]);
    if (list) list.push(m);
    else byClause.set(mentionClause[i], [m]);
  });
  const nearest = (start: number, end: number, fits: (m: Mention) => boolean): Mention | undefined => {
    const inClause = byClause.get(clauseAtOffset(start)) ?? [];
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
    const inClause = (byClause.get(clauseAtOffset(c.start)) ?? []).filter((m) => m.concept.kind === 'finding');
    const after = inClause.find((m) => (m.start < c.end && m.end > c.start) || (m.start >= c.end && /^\s{1,2}of\s{1,2}$/i.test(text.slice(c.end, m.start))));
    if (after) return after;
    const before = inClause.filter((m) => m.end <= c.start).pop();
    if (!before || mentions.some((x) => x.start >= before.end && x.end <= c.start)) return undefined;
    return (text.slice(before.end, c.start).match(/\w+/g) ?? []).length <= 3 ? before : undefined;
  };
  for (const d of doses) nearest(d.start, d.end, drug)?.attributes.doses.push(d);
  for (const c of counts) {
    const owner = c.unit === 'degree' ? measuredMotion(c) : undefined;
    (owner ?? nearest(c.start, c.end, (m) => m.concept.kind !== 'finding' && m.concept.kind !== 'symptom'))?.attributes.counts.push(c);
  }
  for (const g of grades) nearest(g.start, g.end, (m) => m.concept.kind === 'finding')?.attributes.grades.push(g);
  for (const p of painScores) nearest(p.start, p.end, (m) => m.concept.kind === 'symptom' || m.concept.kind === 'pain-score')?.attributes.painScores.push(p);

  const sentenceSites = unique(sites.map((s) => (s.payload as { site: { id: string } }).site.id));
  const sentenceSides = unique(sides.map((s) => (s.payload as { side: Side }).side));
  mentions.forEach((m, i) => {
    const clause = mentionClause[i];
    const a = m.attributes;
    const inClause = (s: { start: number }) => clauseAtOffset(s.start) === clause;
    const clauseSites = unique(sites.filter(inClause).map((s) => (s.payload as { site: { id: string } }).site.id));
    a.sites = unique([...clauseSites, ...m.concept.sites]);
    if (a.sites.length === 0) a.sites = sentenceSites;
    const clauseSides = sides.filter(inClause);
    if (clauseSides.length) {
      const near = clauseSides.reduce((b, s) => (Math.abs(s.start - m.start) < Math.abs(b.start - m.start) ? s : b));
      a.side = (near.payload as { side: Side }).side;
    } else if (sentenceSides.length === 1) a.side = sentenceSides[0];
    a.dates = dates.filter(inClause);
    a.percents = percents.filter(inClause);
    const dir = directions.filter(inClause);
    if (dir.length) {
      const near = dir.reduce((b, s) => (Math.abs(s.start - m.start) < Math.abs(b.start - m.start) ? s : b));
      a.direction = (near.payload as { direction: Attributes['direction'] & string }).direction;
    }
  });

  // The sentence: its sex, whether it is a guideline statement, its attributes.
  let male = 0;
  let female = 0;
  for (const s of leftmostLongest(sexHits)) {
    // "he/she", "his/her": the form letters use for anyone, telling nothing.
    const around = text.slice(Math.max(0, s.start - 1), s.end + 1);
    if (around.includes('/')) continue;
    if ((s.payload as { sex: string }).sex === 'male') male++;
    else female++;
  }
  const hasGenericCue = cues.some((c) => c.cue.category === 'generic');
  const generic = mentions.length > 0 ? mentions.every((m) => m.assertion === 'generic') : hasGenericCue && anchorSum[n] === 0;
  const directionsAll = directions.map((d) => (d.payload as { direction: 'improved' | 'worse' | 'unchanged' }).direction);
  const attributes: Attributes = {
    sites: sentenceSites,
    ...(sentenceSides.length === 1 ? { side: sentenceSides[0] } : {}),
    counts,
    doses,
    dates,
    grades,
    painScores,
    percents,
    ...(directionsAll.length ? { direction: directionsAll[0] } : {}),
  };
  const reading: SentenceReading = {
    text,
    mentions,
    clauses,
    generic,
    ...(male > 0 && female === 0 ? { sex: 'male' as const } : female > 0 && male === 0 ? { sex: 'female' as const } : {}),
    attributes,
  };
  return Object.freeze(reading);
}

/** Is there an "and" or a comma between tokens [from, to)? */
function separated(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].norm === 'and' || tokens[k].norm === ',' || tokens[k].norm === ';') return true;
  return false;
}

/** Hits grouped by their first token, with the longest span among them (phrases are short). */
function byStart(hits: readonly Hit[]): { at: Map<number, Hit[]>; longest: number } {
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
function within(group: { at: Map<number, Hit[]>; longest: number }, h: Hit, also: (outer: Hit) => boolean): boolean {
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

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Counts: a number (digits, a word, "#60") followed within two words by a
 * unit ("6 sessions", "six prior PT visits", "#60 tablets"), or a unit
 * followed by "x" and a number ("sessions x 6"). A number that is part of a
 * date, a grade, a pain score or a dose is none.
 */
function readCounts(text: string, tokens: readonly Token[], units: Hit[], ...taken: Array<ReadonlyArray<{ start: number; end: number }>>): Count[] {
  const out: Count[] = [];
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

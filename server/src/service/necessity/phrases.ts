// Phrase lists from the term data, compiled to regular expressions once.
// A phrase matches whole words, case-insensitively; `*` at either end matches
// the rest of a word ("radicul*"); a space matches any run of spaces or
// hyphens, and a hyphen matches a hyphen, a space or nothing ("x-ray" finds
// "x ray" and "xray"), because letters write the same term all these ways.

import { countBefore } from '../text/bisect';

export interface PhraseMatch {
  start: number;
  end: number;
  /** The phrase from the list that matched. */
  phrase: string;
}

/**
 * A match as a set finds it. Its phrase is named only when a caller reads it: most callers read only where a match
 * is, and naming it means finding which of the set's alternatives matched (one group per phrase, dozens to
 * hundreds), which cost more than the scan itself. Naming runs the set's pattern with its groups, sticky, at the
 * match's start in the text the scan read: the same match, so the same phrase as an eager name. A spread copy
 * (`{ ...m }`) would not carry the phrase, so a caller that copies a match names it first (`phrase: m.phrase`).
 */
class FoundMatch implements PhraseMatch {
  readonly #text: string;
  readonly #set: PhraseSet;
  #phrase: string | undefined = undefined;
  constructor(
    public start: number,
    public end: number,
    text: string,
    set: PhraseSet,
  ) {
    this.#text = text;
    this.#set = set;
  }

  get phrase(): string {
    return (this.#phrase ??= this.#set.phraseAt(this.#text, this.start));
  }
}

/**
 * Distinct texts remembered per phrase set (or derived result); a bound, not a
 * tuning knob. A 20,000-line case has about 10,000 sentences, and the memo
 * must hold them all, or each run would read most of them again.
 */
const MEMO_LIMIT = 20000;

interface Remembered {
  value: unknown;
  generation: number;
}

/**
 * Remembered results, owned by one language service (or a test), and kept for
 * the texts of its latest analysis only. The rules of one run share them (each
 * item reads the same summary sentences), the next keystroke's run reuses
 * those of unchanged sentences, and anything the latest run did not read is
 * dropped, so a closed case's text does not linger. Two services never see
 * each other's memo. `runRules` brackets each run with `withPhraseMemo`.
 * Each owner is a phrase set (its matches of a text) or a TextMemo (a result
 * derived from a text by fixed term data, like a sentence's kind).
 */
export class PhraseMemo {
  /** One map of text to result per owner that was read during a run. */
  private readonly byOwner = new Map<RememberedByText, Map<string, Remembered>>();
  generation = 0;
  /** Changes whenever a map is let go, so that no owner keeps writing into one (see RememberedByText.remember). */
  epoch = 0;

  /** The map for `owner`, created on first use. */
  forOwner(owner: RememberedByText): Map<string, Remembered> {
    let memo = this.byOwner.get(owner);
    if (!memo) this.byOwner.set(owner, (memo = new Map()));
    return memo;
  }

  /**
   * The generation when the memo was last emptied (-1: emptied during a run). The first run after it made every
   * result the memo holds, so its sweep has nothing to drop: the CLI empties the memo after each file.
   */
  private clearedAt = 0;

  /** Drops what the run that just ended did not read. */
  sweep(): void {
    if (this.generation === this.clearedAt + 1) return;
    // forEach rather than for-of over entries: no [key, value] pair is made per remembered text.
    this.byOwner.forEach((memo, owner) => {
      memo.forEach((r, text) => {
        if (r.generation !== this.generation) memo.delete(text);
      });
      // An owner no longer read (a replaced criteria library's phrase set) is let go.
      if (memo.size === 0) {
        this.byOwner.delete(owner);
        owner.release(this);
        this.epoch++;
      }
    });
  }

  /** How many texts are remembered across all owners (for tests: nothing of a closed case stays). */
  get size(): number {
    let n = 0;
    for (const memo of this.byOwner.values()) n += memo.size;
    return n;
  }

  /**
   * Drops every remembered result (the service calls it when no case is open). The maps are let go, not emptied
   * one by one (emptying a map makes it a new table); each owner drops its hold on its map, so no text of the
   * closed case stays reachable.
   */
  clear(): void {
    this.byOwner.forEach((_, owner) => owner.release(this));
    this.byOwner.clear();
    this.epoch++;
    this.clearedAt = current === this ? -1 : this.generation;
  }
}

/** The memo of the run in progress; runs are synchronous, so at most one is. */
let current: PhraseMemo | undefined;

/** For callers with no service of their own (tests); a service passes its own memo. */
const SHARED = new PhraseMemo();

export function withPhraseMemo<T>(run: () => T, memo: PhraseMemo = SHARED): T {
  const outer = current;
  memo.generation++;
  current = memo;
  try {
    return run();
  } finally {
    current = outer;
    memo.sweep();
  }
}

/** How many texts `memo` remembers. */
export function rememberedTexts(memo: PhraseMemo = SHARED): number {
  return memo.size;
}

/** A result computed from a whole text, remembered in the run's memo (computed afresh outside a run). */
abstract class RememberedByText {
  private lastRun: PhraseMemo | undefined;
  private lastMemo: Map<string, Remembered> | undefined;
  private lastEpoch = -1;

  /** Forgets the map of `memo` this owner holds on to (the memo let it go). */
  release(memo: PhraseMemo): void {
    if (this.lastRun !== memo) return;
    this.lastRun = undefined;
    this.lastMemo = undefined;
  }

  protected remember<T>(text: string, compute: (text: string) => T): T {
    const run = current;
    if (!run) return compute(text);
    // Most calls of a run come from the same memo as the last: skip the look-up then.
    if (this.lastRun !== run || this.lastEpoch !== run.epoch) {
      this.lastRun = run;
      this.lastEpoch = run.epoch;
      this.lastMemo = run.forOwner(this);
    }
    const memo = this.lastMemo!;
    const hit = memo.get(text);
    if (hit) {
      hit.generation = run.generation;
      return hit.value as T;
    }
    const value = compute(text);
    // Full (a hostile case's many distinct texts): compute the rest afresh rather
    // than forget what the run remembered so far; the sweep after the run makes room.
    if (memo.size < MEMO_LIMIT) memo.set(text, { value, generation: run.generation });
    return value;
  }
}

/**
 * What fixed term data makes of a whole text (a sentence's kind, a concept's
 * findings in it), remembered like phrase matches: the rules ask the same of
 * each summary sentence once per concept and item. The result is shared by
 * every caller of the run, so it must not be changed; `compute` freezes it or
 * returns a value.
 */
export class TextMemo<T> extends RememberedByText {
  constructor(private readonly compute: (text: string) => T) {
    super();
  }

  get(text: string): T {
    return this.remember(text, this.compute);
  }
}

/** One shared answer for the many texts a set does not match (most of them), so the memo holds no array per text. */
const NO_MATCHES: PhraseMatch[] = Object.freeze([]) as unknown as PhraseMatch[];

export class PhraseSet extends RememberedByText {
  /**
   * The phrases as given (a copy) and the option, until the set is first used: a process makes its 556 sets as its
   * modules load, and its first case uses 240 of them (imr check of one letter-sized case), so each is compiled at
   * its first use (see compile). The set is the same whenever it is compiled: it is made of the copy.
   */
  private readonly given: readonly string[];
  private readonly plurals: boolean;
  private compiled = false;
  /** The phrases' alternation without groups: the scan reads only where a match is (see FoundMatch). */
  private re: RegExp | undefined = undefined;
  private phrases: string[] = [];
  private sticky: RegExp | undefined = undefined;
  /** The alternation with one group per phrase, sticky, to name a match's phrase; compiled on the first name asked. */
  private named: RegExp | undefined;
  private sources: string[] = [];
  /** The matches a run remembers: frozen, because a caller that sorted or pushed into a shared result would corrupt it for the next. */
  private readonly scanAll = (text: string): PhraseMatch[] => {
    const found = this.scan(text, 0, text.length);
    return found.length ? (Object.freeze(found) as PhraseMatch[]) : NO_MATCHES;
  };

  /**
   * `plurals`: a phrase that ends in a letter also matches its plural ("nsaid"
   * finds "NSAIDs", "x-ray" finds "x-rays"). Service names use it: a reviewer
   * writes "opioids" as often as "opioid", and a term list of both forms
   * would drift apart.
   */
  constructor(phrases: readonly string[], options: { plurals?: boolean } = {}) {
    super();
    this.given = phrases.slice();
    this.plurals = options.plurals === true;
  }

  private compile(): void {
    this.compiled = true;
    // Longer phrases first so "no evidence of" wins over "no".
    this.phrases = [...new Set(this.given.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
    this.sources = this.phrases.map((p) => phraseSource(p, this.plurals));
    this.re = this.phrases.length ? new RegExp(alternation(this.sources), 'gi') : undefined;
    // testRange's shortcut holds for phrases that start and end with a letter or digit (whole-word lookarounds at both ends).
    this.sticky = this.re && this.phrases.every((p) => /^[a-z0-9]/.test(p) && /[a-z0-9]$/.test(p)) ? new RegExp(this.re.source, 'iy') : undefined;
  }

  get size(): number {
    if (!this.compiled) this.compile();
    return this.phrases.length;
  }

  /**
   * The letters and digits each phrase starts with ("lumbar" of "lumbar mri", "x" of "x-ray", "radicul" of
   * "radicul*"), for a PhraseIndex: every match of the set starts a word of the text (the phrase's whole-word
   * lookbehind) with one of them. A phrase that starts with `*` ("*ectomy") gives the letters after it with the
   * star ("*ectomy"): its match starts a word that holds them. Undefined when a phrase starts otherwise ("n't",
   * "/10"): then the set can match where no word holds anything it names.
   */
  get leads(): readonly string[] | undefined {
    if (!this.compiled) this.compile();
    if (this.leadWords === null) {
      const leads = this.phrases.map(phraseLead);
      this.leadWords = leads.every((l) => l !== undefined) ? [...new Set(leads as string[])] : undefined;
    }
    return this.leadWords;
  }

  private leadWords: string[] | undefined | null = null;

  /**
   * Every non-overlapping match in `text`, left to right. Whole-text results
   * are remembered: each item's rules read the same summary sentences again,
   * so a case with many items would otherwise scan its summary once per item.
   */
  matches(text: string, from = 0, to = text.length): PhraseMatch[] {
    if (!this.compiled) this.compile();
    if (!this.re) return [];
    // Outside a run (the importer, a test) a caller gets its own array, as it always did.
    if (from !== 0 || to !== text.length || !current) return this.scan(text, from, to);
    return this.remember(text, this.scanAll);
  }

  private scan(text: string, from: number, to: number): PhraseMatch[] {
    if (!this.compiled) this.compile();
    if (!this.re) return [];
    const out: PhraseMatch[] = [];
    const slice = text.slice(0, to);
    this.re.lastIndex = from;
    for (let m = this.next(this.re, slice); m; m = this.next(this.re, slice)) out.push(m);
    return out;
  }

  /** The next non-empty match of `re` in `text` from its lastIndex on; its phrase is named when read. */
  private next(re: RegExp, text: string): PhraseMatch | undefined {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      return new FoundMatch(m.index, m.index + m[0].length, text, this);
    }
    return undefined;
  }

  /**
   * The phrase of the match that the scan of `text` found at `start`. The alternation tried from `start` matches
   * as it did in the scan (a lookbehind reads the same text before it), and the group that took part is the phrase's.
   */
  phraseAt(text: string, start: number): string {
    if (!this.compiled) this.compile();
    const re = (this.named ??= new RegExp(this.sources.map((p) => `(${p})`).join('|'), 'iy'));
    re.lastIndex = start;
    const m = re.exec(text)!;
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    return this.phrases[group - 1] ?? m[0];
  }

  test(text: string): boolean {
    return this.matches(text).length > 0;
  }

  /**
   * The first match in the whole text (what `matches(text)[0]` is), never remembered: for a caller that asks once
   * per text and remembers its own answer (the library's service matches run every section's sets on a service
   * name), where a map per set per run would cost more than the scan.
   */
  first(text: string): PhraseMatch | undefined {
    if (!this.compiled) this.compile();
    if (!this.re) return undefined;
    this.re.lastIndex = 0;
    return this.next(this.re, text);
  }

  /**
   * Whether the text has a match (what `test(text)` is), never remembered: for a caller inside a TextMemo's compute,
   * whose own answer is remembered per text, so the set's memo entry would never be asked again.
   */
  has(text: string): boolean {
    return this.first(text) !== undefined;
  }

  /**
   * Every match in the whole text (what `matches(text)` is), never remembered: for a caller that asks each text once
   * a run (a citation's guideline titles), where a memo map per set per run would cost more than the scan.
   */
  all(text: string): PhraseMatch[] {
    return this.scan(text, 0, text.length);
  }

  /**
   * `test(text.slice(from, to))`, without scanning the slice when it is long:
   * the rules ask it of the text before each mention of a clause, and a clause
   * of thousands of words made that quadratic (issue 12). A match of the slice
   * starts where the whole text's scan found a match or inside one of its
   * matches (that scan tried every other position), so only those are tried,
   * with the same pattern made sticky. Exact when both ends of the slice are
   * word boundaries and every phrase starts and ends with a letter or digit
   * (then a slice's ends change no lookaround of a match); otherwise, and for
   * short slices and outside a run, the slice is tested as it was.
   */
  testRange(text: string, from: number, to: number): boolean {
    if (!this.compiled) this.compile();
    if (!this.re) return false;
    if (!this.sticky || !current || to - from < LONG_SLICE || !boundary(text, from) || !boundary(text, to)) return this.test(text.slice(from, to));
    const all = this.matches(text);
    // The first match of the whole text that ends after `from` (they are in order and do not overlap).
    const lo = countBefore(all, (m) => m.end <= from);
    let upTo: string | undefined;
    for (let i = lo; i < all.length && all[i].start < to; i++) {
      const m = all[i];
      if (m.start >= from && m.end <= to) return true;
      upTo ??= text.slice(0, to);
      for (let at = Math.max(from, m.start); at < Math.min(m.end, to); at++) {
        this.sticky.lastIndex = at;
        if (this.sticky.test(upTo)) return true;
      }
    }
    return false;
  }
}

/** The whole-word lookarounds that phraseSource puts at a phrase's start and end. */
const LEAD = '(?<![a-z0-9])';
const TAIL = '(?![a-z0-9])';

/**
 * One pattern for the phrases' patterns, in their order: the alternation of them all, with the lookbehind and the
 * lookahead that a run of consecutive patterns all start or end with written once for the run,
 * `(?<![a-z0-9])(?:a|b|c)(?![a-z0-9])` for `(?<![a-z0-9])a(?![a-z0-9])|...`. The two are the same pattern: the
 * alternatives are tried in the same order at the same place, a lookaround matches one way or not at all and
 * reads the same text whether it is tried once for the run or once per alternative, and `(?:a|b)X` tries a then X,
 * then b then X, as `aX|bX` does. V8 compiles the shorter one in about 0.75 of the time (at a set's first scan,
 * most of a process's first case) and scans with it no slower.
 */
export function alternation(sources: readonly string[]): string {
  const runs: Array<{ lead: boolean; tail: boolean; bodies: string[] }> = [];
  for (const source of sources) {
    const lead = source.startsWith(LEAD);
    const tail = source.endsWith(TAIL) && source.length >= (lead ? LEAD.length : 0) + TAIL.length;
    const body = source.slice(lead ? LEAD.length : 0, tail ? source.length - TAIL.length : source.length);
    const last = runs[runs.length - 1];
    if (last && (lead || tail) && last.lead === lead && last.tail === tail) last.bodies.push(body);
    else runs.push({ lead, tail, bodies: [body] });
  }
  return runs.map((r) => `${r.lead ? LEAD : ''}(?:${r.bodies.join('|')})${r.tail ? TAIL : ''}`).join('|');
}

/** Below this length a slice is tested as a text of its own (what testRange saves is a scan of a long one). */
const LONG_SLICE = 256;

const WORD_CHAR = /[a-z0-9]/i;

/** No letter or digit on both sides of `at`: a phrase's lookarounds read the same there in the slice and the whole text. */
function boundary(text: string, at: number): boolean {
  return at <= 0 || at >= text.length || !WORD_CHAR.test(text[at - 1]) || !WORD_CHAR.test(text[at]);
}

/** The longest phrase a criteria or term file may hold (the lexicon's limit too): a phrase is a few words. */
export const MAX_PHRASE_LENGTH = 80;

/**
 * What is wrong with a phrase of a data file, in its author's terms, or
 * undefined. The syntax (docs/criteria.md): words, `*` only at the start or
 * the end of a word, at most MAX_PHRASE_LENGTH characters. A `*` inside a
 * word or several in a row compiled to a pattern that backtracks without end
 * ("a****…q": `imr check` never finished), so such a phrase is refused.
 */
export function phraseProblem(phrase: string): string | undefined {
  if (phrase.length > MAX_PHRASE_LENGTH) return `is ${phrase.length} characters long; a phrase is a few words, at most ${MAX_PHRASE_LENGTH} characters`;
  for (const word of phrase.split(SEPARATORS)) {
    const inner = word.slice(1, -1);
    if (word === '*' || word.startsWith('**') || word.endsWith('**') || inner.includes('*'))
      return 'has a * that is not at the start or the end of a word; write * only there, like radicul* (see docs/criteria.md)';
  }
  return undefined;
}

const SEPARATORS = /[\s-]+/;

/** A phrase's lead (see PhraseSet.leads), or undefined. */
function phraseLead(phrase: string): string | undefined {
  if (!wholeWordStart(phrase)) return undefined;
  if (!phrase.startsWith('*')) return /^[a-z0-9]+/.exec(phrase)?.[0];
  const inside = /^[a-z0-9]+/.exec(phrase.slice(1))?.[0];
  return inside && `*${inside}`;
}

/** Whether a phrase's pattern starts with the whole-word lookbehind: it starts with a letter, a digit or a `*`, and is no "n't". */
function wholeWordStart(phrase: string): boolean {
  return /^[a-z0-9*]/.test(phrase) && !phrase.startsWith("n'");
}

/**
 * Which of many phrase sets can match a text, from the words the text holds: a set whose every phrase starts
 * with letters or digits (PhraseSet.leads) matches only where a word of the text starts with one of them. The
 * callers ask each of dozens to hundreds of sets once of a short text (the library's sections of a service
 * name, the formulary's drugs), and most match nothing: a look-up of each word's beginnings replaces a scan by
 * each set. Exact: a set it leaves out has no match in the text, and the others are scanned as before.
 */
export class PhraseIndex {
  /** By the code of a lead's first character: each lead and the sets with a phrase that starts with it. */
  private readonly byFirst: { lead: string; sets: PhraseSet[] }[][] = [];
  /** The leads a word must hold, not start with ("*ectomy"), and their sets: few, each asked of every word. */
  private readonly inside: { lead: string; sets: PhraseSet[] }[] = [];
  /** The sets the index cannot rule out (a phrase with no lead). */
  private readonly always: PhraseSet[] = [];

  constructor(sets: Iterable<PhraseSet>) {
    const byLead = new Map<string, PhraseSet[]>();
    for (const set of sets) {
      const leads = set.leads;
      if (!leads) {
        this.always.push(set);
        continue;
      }
      for (const lead of leads) {
        const list = byLead.get(lead);
        if (!list) byLead.set(lead, [set]);
        else if (list[list.length - 1] !== set) list.push(set);
      }
    }
    for (const [lead, list] of byLead) {
      if (lead.startsWith('*')) this.inside.push({ lead: lead.slice(1), sets: list });
      else (this.byFirst[lead.charCodeAt(0)] ??= []).push({ lead, sets: list });
    }
  }

  /** The sets that may match somewhere in `text` (whole text, as `first`, `has`, `all` and `matches(text)` read it). */
  candidates(text: string): Set<PhraseSet> {
    const out = new Set<PhraseSet>(this.always);
    // The words as the phrases' lookbehind sees them: runs of ASCII letters and digits, case aside (the `i` flag
    // folds no other character onto them). An exec loop on the shared pattern: nothing runs between two execs
    // that could use it.
    WORD_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD_RUN.exec(text))) {
      const word = m[0].toLowerCase();
      const bucket = this.byFirst[word.charCodeAt(0)];
      if (bucket) for (const { lead, sets } of bucket) if (word.startsWith(lead)) for (const set of sets) out.add(set);
      for (const { lead, sets } of this.inside) if (word.includes(lead)) for (const set of sets) out.add(set);
    }
    return out;
  }
}

const WORD_RUN = /[a-z0-9]+/gi;

/**
 * The regular expression of one phrase. Each quantifier in it stands between
 * literal characters of the phrase: a `*` becomes `[a-z0-9]*` only at the
 * start or end of a word (any other `*` is dropped; validated data has none),
 * and a run of spaces and hyphens becomes one separator, so no two
 * quantifiers over the same characters ever meet and a match attempt costs at
 * most the phrase and the word it ends in.
 */
export function phraseSource(phrase: string, plurals = false): string {
  const p = phrase;
  // A phrase that starts or ends with punctuation ("n't", "/10", "4+/5") sets its own boundary there.
  const lead = wholeWordStart(p) ? LEAD : '';
  const tail = /[a-z0-9*]$/.test(p) ? TAIL : '';
  const escape = (c: string) => c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
  const word = (w: string) => {
    const starts = w.startsWith('*');
    const ends = w.length > 1 && w.endsWith('*');
    const core = w.replace(/\*/g, '');
    // One replace over the word: the same escapes as character by character, without an array and a replace per character.
    return `${starts ? '[a-z0-9]*' : ''}${escape(core)}${ends ? '[a-z0-9]*' : ''}`;
  };
  let body = '';
  for (const part of p.split(/([\s-]+)/)) {
    if (part === '') continue;
    // Hyphens alone stand for a space, a hyphen or nothing each ("x-ray": xray, x ray, x-ray); bounded, so a doubled one still finds itself.
    if (/^[\s-]+$/.test(part)) body += /\s/.test(part) ? '[\\s-]+' : part.length === 1 ? '[\\s-]?' : `[\\s-]{0,${part.length}}`;
    else body += word(part);
  }
  const plural = plurals && /[a-z]$/.test(p) ? (/(s|x|z|ch|sh)$/.test(p) ? '(?:es)?' : '(?:e?s)?') : '';
  return `${lead}${body}${plural}${tail}`;
}

/** Number of words in `text` (letters/digits runs). */
export function wordCount(text: string): number {
  return (text.match(/[a-z0-9]+(?:'[a-z]+)?/gi) ?? []).length;
}

// One pass over a sentence's tokens finds every phrase of a whole lexicon: a
// trie over normalized tokens, walked from each token. A walk is no longer
// than the longest phrase (80 characters, so a bounded number of tokens), so
// a sentence costs time linear in its length whatever the lexicon's size,
// and no regular expression is ever built from data (nothing to backtrack).
//
// Phrase syntax (lexicon.schema.json): whole words, case-insensitive; `*`
// only at a word's end matches the rest of that word ("radicul*"); a hyphen,
// a space or nothing between two words are the same ("x-ray" = "x ray" =
// "xray"); digits and `/`, `+`, `.` inside a word are part of it ("4+/5").
import { tokenize, type Token } from './tokens';
import { detached } from '../text/detached';

export interface PhraseHit<T> {
  /** Token indexes: [first, last + 1). */
  from: number;
  to: number;
  /** Character offsets into the text. */
  start: number;
  end: number;
  phrase: string;
  payload: T;
}

/**
 * The trie's edges, in one open-addressing hash table of typed arrays: (node, symbol) -> child node, where a
 * node is a number (the root is 0) and a symbol is a whole word's id times two, or a `word*` prefix's id times two
 * plus one. A walk step is one multiply-and-probe into three flat arrays, rather than a Map look-up in one of
 * tens of thousands of node objects scattered over the heap (issue 12).
 */
class Edges {
  private mask = 1023;
  private nodes = new Int32Array(1024).fill(-1);
  private symbols = new Int32Array(1024);
  private children = new Int32Array(1024);
  private count = 0;
  /** The root's children by symbol, or -1: every token of a sentence starts a walk there. */
  private root = new Int32Array(1024).fill(-1);

  private slot(node: number, symbol: number): number {
    let at = (Math.imul(node, 0x9e3779b1) ^ Math.imul(symbol + 1, 0x85ebca6b)) & this.mask;
    while (this.nodes[at] !== -1 && (this.nodes[at] !== node || this.symbols[at] !== symbol)) at = (at + 1) & this.mask;
    return at;
  }

  /** The child of `node` by `symbol`, or -1. */
  get(node: number, symbol: number): number {
    if (node === 0) return symbol < this.root.length ? this.root[symbol] : -1;
    const mask = this.mask;
    const nodes = this.nodes;
    let at = (Math.imul(node, 0x9e3779b1) ^ Math.imul(symbol + 1, 0x85ebca6b)) & mask;
    for (;;) {
      const n = nodes[at];
      if (n === -1) return -1;
      if (n === node && this.symbols[at] === symbol) return this.children[at];
      at = (at + 1) & mask;
    }
  }

  set(node: number, symbol: number, child: number): void {
    if (node === 0) {
      if (symbol >= this.root.length) {
        let size = this.root.length * 2;
        while (size <= symbol) size *= 2;
        const root = new Int32Array(size).fill(-1);
        root.set(this.root);
        this.root = root;
      }
      this.root[symbol] = child;
      return;
    }
    // At most half full, so a probe ends soon.
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const at = this.slot(node, symbol);
    if (this.nodes[at] === -1) this.count++;
    this.nodes[at] = node;
    this.symbols[at] = symbol;
    this.children[at] = child;
  }

  /** Every edge, in no particular order. */
  forEach(visit: (node: number, symbol: number, child: number) => void): void {
    this.root.forEach((child, symbol) => {
      if (child !== -1) visit(0, symbol, child);
    });
    for (let k = 0; k < this.nodes.length; k++) if (this.nodes[k] !== -1) visit(this.nodes[k], this.symbols[k], this.children[k]);
  }

  private grow(): void {
    const { nodes, symbols, children } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.nodes = new Int32Array(size).fill(-1);
    this.symbols = new Int32Array(size);
    this.children = new Int32Array(size);
    for (let k = 0; k < nodes.length; k++) {
      if (nodes[k] === -1) continue;
      const at = this.slot(nodes[k], symbols[k]);
      this.nodes[at] = nodes[k];
      this.symbols[at] = symbols[k];
      this.children[at] = children[k];
    }
  }
}

/** Joints of more than this many words are compiled split only (variants double with each joint). */
const MAX_JOINED_VARIANTS = 3;

export class PhraseError extends Error {}

/** Distinct words whose facts a matcher remembers (a letter's vocabulary is a few thousand words). */
const WORD_MEMO_LIMIT = 50000;

/**
 * A phrase of lower-case letters and digits between single spaces, each word perhaps ending in `*`: its tokens are
 * its space-separated words, so phraseVariants splits it without the tokenizer (all but about 600 of the lexicon's
 * 14,828 phrases, compiled at every start).
 */
const PLAIN_PHRASE = /^[a-z0-9]+\*?(?: [a-z0-9]+\*?)*$/;

/** The word sequences a phrase stands for: each joint between words split or joined. */
export function phraseVariants(phrase: string): Array<Array<{ word: string; prefix: boolean }>> {
  return variantsOf(PLAIN_PHRASE.test(phrase) ? phrase.split(' ').map(plainWord) : phraseWords(phrase));
}

function plainWord(w: string): { word: string; prefix: boolean; kind: 'word' } {
  return w.endsWith('*') ? { word: w.slice(0, -1), prefix: true, kind: 'word' } : { word: w, prefix: false, kind: 'word' };
}

/** phraseVariants through the tokenizer, whatever the phrase (for tests: the plain phrases' shortcut gives the same). */
export function phraseVariantsByTokens(phrase: string): Array<Array<{ word: string; prefix: boolean }>> {
  return variantsOf(phraseWords(phrase));
}

function phraseWords(phrase: string): Array<{ word: string; prefix: boolean; kind: Token['kind'] }> {
  if (/\*(?=\S)|(?:^|\s)\*/.test(phrase)) throw new PhraseError(`"${phrase}": * may only end a word.`);
  const tokens = tokenize(phrase.trim(), true);
  if (tokens.length === 0) throw new PhraseError(`"${phrase}" has no words.`);
  return tokens.map((t) => {
    const star = t.norm.endsWith('*');
    const word = star ? t.norm.slice(0, -1) : t.norm;
    if (word.includes('*') || (star && word === '')) throw new PhraseError(`"${phrase}": * may only end a word.`);
    return { word, prefix: star, kind: t.kind };
  });
}

function variantsOf(words: ReadonlyArray<{ word: string; prefix: boolean; kind: Token['kind'] }>): Array<Array<{ word: string; prefix: boolean }>> {
  const joints = words.length - 1;
  const variants: Array<Array<{ word: string; prefix: boolean }>> = [];
  const joinable = (k: number) => words[k].kind === 'word' && words[k + 1].kind === 'word' && !words[k].prefix;
  const masks = joints <= MAX_JOINED_VARIANTS ? 1 << joints : 1;
  for (let mask = 0; mask < masks; mask++) {
    let ok = true;
    const seq: Array<{ word: string; prefix: boolean }> = [{ word: words[0].word, prefix: words[0].prefix }];
    for (let k = 0; k < joints; k++) {
      if (mask & (1 << k)) {
        if (!joinable(k)) {
          ok = false;
          break;
        }
        const last = seq[seq.length - 1];
        last.word += words[k + 1].word;
        last.prefix = words[k + 1].prefix;
      } else seq.push({ word: words[k + 1].word, prefix: words[k + 1].prefix });
    }
    if (ok) variants.push(seq);
  }
  return variants;
}

/**
 * A matcher's trie as plain data, for the build to compile the bundled lexicon once rather than every process at
 * its start (lexiconTable.ts). Phrases and payloads are not in it: an end names the add() call whose phrase and
 * payload it holds, and fromTable is given those calls, in the same order.
 */
export interface MatcherTable {
  /** For nodes 1, 2, ... in the order add() made them: the parent's node and the symbol of the edge to it. */
  parents: number[];
  symbols: number[];
  /** The phrases the nodes end, as pairs: a node, then the index of the add() call, in each node's list order. */
  ends: number[];
  /** The whole words by id, and the `word*` prefixes by id. */
  words: string[];
  prefixes: string[];
  onePrefixes: number[];
  /** prefixLengths' entries, flattened: a head, the number of its lengths, then the lengths. */
  prefixLengths: number[];
  maxDepth: number;
  /** add() calls made. */
  count: number;
}

/**
 * A MatcherTable as the build writes it into a bundle (tools/lexiconTable.mjs): each list as one string, numbers
 * joined by commas, words and prefixes by spaces (a word has none), so the strings hold no double quotation mark.
 * V8 reads such strings in the bundle's source in about half the time it read the table's JSON text, which esbuild
 * wrote as a template literal full of them; JSON.parse reads the numbers as fast as before.
 */
export interface PackedTable {
  parents: string;
  symbols: string;
  ends: string;
  words: string;
  prefixes: string;
  onePrefixes: string;
  prefixLengths: string;
  maxDepth: number;
  count: number;
}

function joinWords(words: readonly string[]): string {
  if (words.some((w) => w === '' || w.includes(' '))) throw new Error('a matcher word is empty or holds a space');
  return words.join(' ');
}

export function packTable(table: MatcherTable): PackedTable {
  const numbers = (list: readonly number[]) => list.join(',');
  return {
    parents: numbers(table.parents),
    symbols: numbers(table.symbols),
    ends: numbers(table.ends),
    words: joinWords(table.words),
    prefixes: joinWords(table.prefixes),
    onePrefixes: numbers(table.onePrefixes),
    prefixLengths: numbers(table.prefixLengths),
    maxDepth: table.maxDepth,
    count: table.count,
  };
}

export function unpackTable(packed: PackedTable): MatcherTable {
  const numbers = (list: string) => JSON.parse(`[${list}]`) as number[];
  const words = (list: string) => (list === '' ? [] : list.split(' '));
  return {
    parents: numbers(packed.parents),
    symbols: numbers(packed.symbols),
    ends: numbers(packed.ends),
    words: words(packed.words),
    prefixes: words(packed.prefixes),
    onePrefixes: numbers(packed.onePrefixes),
    prefixLengths: numbers(packed.prefixLengths),
    maxDepth: packed.maxDepth,
    count: packed.count,
  };
}

export class PhraseMatcher<T> {
  private readonly edges = new Edges();
  /** Nodes made (the root is node 0). */
  private nodes = 1;
  /** The phrases each node ends, by node; a hole where it ends none. */
  private readonly out: Array<Array<{ phrase: string; payload: T }> | undefined> = [undefined];
  private maxDepth = 0;
  private count = 0;
  /** One-letter prefixes, by their character code. */
  private readonly onePrefixes = new Set<number>();
  /** The lengths of the longer prefixes, in the order they were added, by their first two character codes (first * 65536 + second). */
  private readonly prefixLengths = new Map<number, number[]>();
  /** Every `word*` prefix of any phrase, with its id (its symbol is id * 2 + 1): a token asks once which prefixes it starts with. */
  private readonly prefixIds = new Map<string, number>();
  /**
   * factsOf's answers by word, in an open-addressing table of our own: a token's word is a fresh string, and a Map
   * look-up by it had V8 compute its hash in a call out of the look-up (a tenth of a read); the hash is taken here
   * from the word's character codes. Emptied whenever a phrase is added.
   */
  private memoMask = 1023;
  private memoWords: Array<string | undefined> = new Array<string | undefined>(1024).fill(undefined);
  private memoHashes = new Int32Array(1024);
  private memoSymbols = new Int32Array(1024);
  private memoPrefixes: Array<readonly number[] | undefined> = new Array<readonly number[] | undefined>(1024).fill(undefined);
  private memoCount = 0;
  /** matchTokens' per-token tables, kept and overwritten from call to call (it is not re-entered). */
  private ids = new Int32Array(64);
  private starts: Array<readonly number[] | undefined> = [];
  /**
   * An id for each whole word of the trie: a sentence looks each token up once, and the walk then follows small
   * integer keys, rather than hashing and comparing the token's string at every node it visits.
   */
  private readonly wordIds = new Map<string, number>();

  /** Adds a phrase; throws PhraseError when it breaks the phrase syntax. */
  add(phrase: string, payload: T): void {
    if (this.memoCount) this.clearMemo();
    for (const seq of phraseVariants(phrase)) {
      let node = 0;
      for (const { word, prefix } of seq) {
        let symbol: number;
        if (prefix) {
          let id = this.prefixIds.get(word);
          if (id === undefined) this.prefixIds.set(word, (id = this.prefixIds.size));
          symbol = id * 2 + 1;
          if (word.length === 1) this.onePrefixes.add(word.charCodeAt(0));
          else {
            const head = word.charCodeAt(0) * 65536 + word.charCodeAt(1);
            let lengths = this.prefixLengths.get(head);
            if (!lengths) this.prefixLengths.set(head, (lengths = []));
            if (!lengths.includes(word.length)) lengths.push(word.length);
          }
        } else {
          let id = this.wordIds.get(word);
          if (id === undefined) this.wordIds.set(word, (id = this.wordIds.size));
          symbol = id * 2;
        }
        let child = this.edges.get(node, symbol);
        if (child === -1) {
          child = this.nodes++;
          this.out.push(undefined);
          this.edges.set(node, symbol, child);
        }
        node = child;
      }
      // A literal of one: an array grown by push from empty reserves 17 slots, and 31,000 of the lexicon's 38,000 nodes end a phrase.
      const out = this.out[node];
      if (out === undefined) this.out[node] = [{ phrase, payload }];
      else if (!out.some((o) => o.payload === payload)) out.push({ phrase, payload });
      this.maxDepth = Math.max(this.maxDepth, seq.length);
    }
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The trie as data (see MatcherTable). `callOf` gives the index of the add() call an end's phrase and payload
   * came from: the payloads are objects of the caller's (a lexicon's entries), which a table cannot hold.
   */
  toTable(callOf: (phrase: string, payload: T) => number): MatcherTable {
    const parents: number[] = [];
    const symbols: number[] = [];
    this.edges.forEach((node, symbol, child) => {
      parents[child - 1] = node;
      symbols[child - 1] = symbol;
    });
    const ends: number[] = [];
    this.out.forEach((list, node) => {
      for (const o of list ?? []) ends.push(node, callOf(o.phrase, o.payload));
    });
    const prefixLengths: number[] = [];
    for (const [head, lengths] of this.prefixLengths) prefixLengths.push(head, lengths.length, ...lengths);
    return {
      parents,
      symbols,
      ends,
      words: [...this.wordIds.keys()],
      prefixes: [...this.prefixIds.keys()],
      onePrefixes: [...this.onePrefixes],
      prefixLengths,
      maxDepth: this.maxDepth,
      count: this.count,
    };
  }

  /**
   * The matcher that the add() calls of `phrases` and `payloads` (in order) made when `table` was taken of it: the
   * same trie, ids and lists, built from the table in a few milliseconds rather than from the phrases.
   */
  static fromTable<T>(table: MatcherTable, phrases: readonly string[], payloads: readonly T[]): PhraseMatcher<T> {
    if (phrases.length !== table.count || payloads.length !== table.count)
      throw new Error(`the matcher table was compiled from ${table.count} phrases, not these ${phrases.length}`);
    const m = new PhraseMatcher<T>();
    const { parents, symbols, ends, words, prefixes, prefixLengths } = table;
    for (let k = 0; k < parents.length; k++) m.edges.set(parents[k], symbols[k], k + 1);
    m.nodes = parents.length + 1;
    const out = m.out;
    for (let k = 0; k < parents.length; k++) out.push(undefined);
    for (let k = 0; k < ends.length; k += 2) {
      const node = ends[k];
      const call = ends[k + 1];
      const list = out[node];
      // A literal of one, as add() makes it.
      if (list === undefined) out[node] = [{ phrase: phrases[call], payload: payloads[call] }];
      else list.push({ phrase: phrases[call], payload: payloads[call] });
    }
    for (let k = 0; k < words.length; k++) m.wordIds.set(words[k], k);
    for (let k = 0; k < prefixes.length; k++) m.prefixIds.set(prefixes[k], k);
    for (const c of table.onePrefixes) m.onePrefixes.add(c);
    for (let k = 0; k < prefixLengths.length;) {
      const head = prefixLengths[k];
      const n = prefixLengths[k + 1];
      m.prefixLengths.set(head, prefixLengths.slice(k + 2, k + 2 + n));
      k += 2 + n;
    }
    m.maxDepth = table.maxDepth;
    m.count = table.count;
    return m;
  }

  /** Every occurrence of every phrase (overlapping ones too), ordered by start then by length, longest first. */
  matchTokens(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const n = tokens.length;
    // Each token's word symbol (-1: a word no phrase has follows no edge) and the `word*` prefixes it starts with,
    // asked once per token rather than at every trie node, in one look-up.
    if (this.ids.length < n) this.ids = new Int32Array(Math.max(n, this.ids.length * 2));
    const ids = this.ids;
    const starts = this.starts;
    for (let i = 0; i < n; i++) this.factsOf(tokens[i].norm, i);
    const edges = this.edges;
    for (let i = 0; i < n; i++) {
      const before = hits.length;
      // The walk's first step, from the root (which ends no phrase), taken here: most tokens go no further.
      if (this.maxDepth > 0) {
        const id = ids[i];
        if (id >= 0) {
          const exact = edges.get(0, id);
          if (exact !== -1) this.walk(exact, tokens, i, i + 1, hits);
        }
        const ps = starts[i];
        if (ps !== undefined) {
          for (const p of ps) {
            const child = edges.get(0, p);
            if (child !== -1) this.walk(child, tokens, i, i + 1, hits);
          }
        }
      }
      // This token's hits, longest first: an insertion sort in place (a few hits; stable, as Array.prototype.sort
      // is), with no array cut out and pushed back.
      for (let k = before + 1; k < hits.length; k++) {
        const h = hits[k];
        let j = k - 1;
        for (; j >= before && hits[j].to < h.to; j--) hits[j + 1] = hits[j];
        hits[j + 1] = h;
      }
    }
    // The prefix lists are the memo's (shared, never changed): the table lets go of them for the next sentence.
    for (let i = 0; i < n; i++) starts[i] = undefined;
    return hits;
  }

  match(text: string): PhraseHit<T>[] {
    return this.matchTokens(tokenize(text));
  }

  /**
   * A word's symbol and the `word*` prefixes it starts with, into this.ids[i] and this.starts[i]: the one-letter
   * prefix first, then the longer ones in the order they were added. Remembered by word, since words recur in every
   * letter (a fact of the lexicon, not of any case).
   */
  private factsOf(w: string, i: number): void {
    // FNV-1a over the character codes.
    let hash = 0x811c9dc5 | 0;
    for (let k = 0; k < w.length; k++) hash = Math.imul(hash ^ w.charCodeAt(k), 0x01000193);
    const mask = this.memoMask;
    const words = this.memoWords;
    let at = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const known = words[at];
      if (known === undefined) break;
      if (this.memoHashes[at] === hash && known === w) {
        this.ids[i] = this.memoSymbols[at];
        this.starts[i] = this.memoPrefixes[at];
        return;
      }
      at = (at + 1) & mask;
    }
    let found: number[] | undefined;
    if (w.length > 0 && this.prefixIds.size) {
      if (this.onePrefixes.has(w.charCodeAt(0))) (found ??= []).push((this.prefixIds.get(w.length === 1 ? w : w[0]) as number) * 2 + 1);
      const lengths = w.length < 2 ? undefined : this.prefixLengths.get(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
      if (lengths !== undefined) {
        for (const len of lengths) {
          if (len > w.length) continue;
          const id = this.prefixIds.get(len === w.length ? w : w.slice(0, len));
          if (id !== undefined) (found ??= []).push(id * 2 + 1);
        }
      }
    }
    const id = this.wordIds.get(w);
    const symbol = id === undefined ? -1 : id * 2;
    this.ids[i] = symbol;
    this.starts[i] = found;
    // A bound, not a tuning knob: a hostile text of endless distinct words starts the memo over.
    if (this.memoCount >= WORD_MEMO_LIMIT) {
      this.clearMemo();
      at = (hash ^ (hash >>> 15)) & this.memoMask;
    } else if ((this.memoCount + 1) * 2 > this.memoMask + 1) {
      this.growMemo();
      at = this.memoSlot(hash);
    }
    // A token's word is a slice of the text it was cut from: the memo, which outlives the case, keeps a copy of the
    // word and not a closed case's sentence.
    this.memoWords[at] = detached(w);
    this.memoHashes[at] = hash;
    this.memoSymbols[at] = symbol;
    this.memoPrefixes[at] = found;
    this.memoCount++;
  }

  /** The first free slot for `hash` (the word is not in the table). */
  private memoSlot(hash: number): number {
    let at = (hash ^ (hash >>> 15)) & this.memoMask;
    while (this.memoWords[at] !== undefined) at = (at + 1) & this.memoMask;
    return at;
  }

  private growMemo(): void {
    const { memoWords: words, memoHashes: hashes, memoSymbols: symbols, memoPrefixes: prefixes } = this;
    const size = (this.memoMask + 1) * 2;
    this.memoMask = size - 1;
    this.memoWords = new Array<string | undefined>(size).fill(undefined);
    this.memoHashes = new Int32Array(size);
    this.memoSymbols = new Int32Array(size);
    this.memoPrefixes = new Array<readonly number[] | undefined>(size).fill(undefined);
    for (let k = 0; k < words.length; k++) {
      if (words[k] === undefined) continue;
      const at = this.memoSlot(hashes[k]);
      this.memoWords[at] = words[k];
      this.memoHashes[at] = hashes[k];
      this.memoSymbols[at] = symbols[k];
      this.memoPrefixes[at] = prefixes[k];
    }
  }

  private clearMemo(): void {
    this.memoMask = 1023;
    this.memoWords = new Array<string | undefined>(1024).fill(undefined);
    this.memoHashes = new Int32Array(1024);
    this.memoSymbols = new Int32Array(1024);
    this.memoPrefixes = new Array<readonly number[] | undefined>(1024).fill(undefined);
    this.memoCount = 0;
  }

  /**
   * The phrases ending at `node` and below it, depth first: the word's own edge, then its prefixes' in order. The
   * last child is followed in the loop rather than by a call: most walks have one child at each step, or none.
   */
  private walk(node: number, tokens: readonly Token[], from: number, at: number, hits: PhraseHit<T>[]): void {
    const { ids, starts, edges } = this;
    const n = tokens.length;
    const start = tokens[from].start;
    for (;;) {
      const out = this.out[node];
      if (out !== undefined) {
        const end = tokens[at - 1].end;
        for (const o of out) hits.push({ from, to: at, start, end, phrase: o.phrase, payload: o.payload });
      }
      if (at >= n || at - from >= this.maxDepth) return;
      const id = ids[at];
      let next = id >= 0 ? edges.get(node, id) : -1;
      const ps = starts[at];
      if (ps !== undefined) {
        for (const p of ps) {
          const child = edges.get(node, p);
          if (child === -1) continue;
          if (next !== -1) this.walk(next, tokens, from, at + 1, hits);
          next = child;
        }
      }
      if (next === -1) return;
      node = next;
      at++;
    }
  }
}

/**
 * Keeps, of overlapping hits, the leftmost-longest ones (hits sorted as
 * matchTokens gives them); hits of exactly the same span are all kept.
 */
export function leftmostLongest<T>(hits: readonly PhraseHit<T>[]): PhraseHit<T>[] {
  const out: PhraseHit<T>[] = [];
  let reach = -1;
  let last: PhraseHit<T> | undefined;
  for (const h of hits) {
    if (last && h.from === last.from && h.to === last.to) {
      out.push(h);
      continue;
    }
    if (h.from < reach) continue;
    out.push(h);
    last = h;
    reach = h.to;
  }
  return out;
}

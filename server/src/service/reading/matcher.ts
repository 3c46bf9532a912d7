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

interface Node<T> {
  /** By the word's id (PhraseMatcher.wordIds). */
  next: Map<number, Node<T>> | undefined;
  /** `radicul*`: the prefix ("radicul") -> node. */
  prefixes: Map<string, Node<T>> | undefined;
  out: Array<{ phrase: string; payload: T }> | undefined;
}

/** Every node has the same three fields from the start, so the walk reads them from one object shape (a lexicon's trie has tens of thousands of nodes). */
function newNode<T>(): Node<T> {
  return { next: undefined, prefixes: undefined, out: undefined };
}

/** Joints of more than this many words are compiled split only (variants double with each joint). */
const MAX_JOINED_VARIANTS = 3;

export class PhraseError extends Error {}

/** Distinct words whose prefixes a matcher remembers (a letter's vocabulary is a few thousand words). */
const PREFIX_MEMO_LIMIT = 50000;
/** prefixesOf's remembered answer for a word that starts no prefix. */
const NONE: readonly string[] = Object.freeze([]);

/** The word sequences a phrase stands for: each joint between words split or joined. */
export function phraseVariants(phrase: string): Array<Array<{ word: string; prefix: boolean }>> {
  if (/\*(?=\S)|(?:^|\s)\*/.test(phrase)) throw new PhraseError(`"${phrase}": * may only end a word.`);
  const tokens = tokenize(phrase.trim(), true);
  if (tokens.length === 0) throw new PhraseError(`"${phrase}" has no words.`);
  const words = tokens.map((t) => {
    const star = t.norm.endsWith('*');
    const word = star ? t.norm.slice(0, -1) : t.norm;
    if (word.includes('*') || (star && word === '')) throw new PhraseError(`"${phrase}": * may only end a word.`);
    return { word, prefix: star, kind: t.kind };
  });
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

export class PhraseMatcher<T> {
  private readonly root: Node<T> = newNode();
  private maxDepth = 0;
  private count = 0;
  /** Every `word*` prefix of any phrase, and their lengths: a token asks once which prefixes it starts with. */
  private readonly prefixWords = new Set<string>();
  /** One-letter prefixes, by their character code. */
  private readonly onePrefixes = new Set<number>();
  /** The lengths of the longer prefixes, in the order they were added, by their first two character codes (first * 65536 + second). */
  private readonly prefixLengths = new Map<number, number[]>();
  /** prefixesOf's answers by word; emptied whenever a phrase is added. */
  private readonly prefixMemo = new Map<string, readonly string[]>();
  /**
   * An id for each whole word of the trie: a sentence looks each token up once, and the walk then follows small
   * integer keys, rather than hashing and comparing the token's string at every node it visits.
   */
  private readonly wordIds = new Map<string, number>();

  /** Adds a phrase; throws PhraseError when it breaks the phrase syntax. */
  add(phrase: string, payload: T): void {
    this.prefixMemo.clear();
    for (const seq of phraseVariants(phrase)) {
      let node = this.root;
      for (const { word, prefix } of seq) {
        if (prefix) {
          node.prefixes ??= new Map();
          let child = node.prefixes.get(word);
          if (!child) node.prefixes.set(word, (child = newNode()));
          node = child;
          this.prefixWords.add(word);
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
          node.next ??= new Map();
          let child = node.next.get(id);
          if (!child) node.next.set(id, (child = newNode()));
          node = child;
        }
      }
      // A literal of one: an array grown by push from empty reserves 17 slots, and 31,000 of the lexicon's 38,000 nodes end a phrase.
      if (node.out === undefined) node.out = [{ phrase, payload }];
      else if (!node.out.some((o) => o.payload === payload)) node.out.push({ phrase, payload });
      this.maxDepth = Math.max(this.maxDepth, seq.length);
    }
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Every occurrence of every phrase (overlapping ones too), ordered by start then by length, longest first. */
  matchTokens(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    // Which `word*` prefixes each token starts with, asked once per token rather than at every trie node.
    const starts: Array<readonly string[] | undefined> = new Array(tokens.length);
    if (this.prefixWords.size) for (let i = 0; i < tokens.length; i++) starts[i] = this.prefixesOf(tokens[i].norm);
    // Each token's word id, or -1: a word no phrase has follows no edge.
    const ids: number[] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.wordIds.get(tokens[i].norm) ?? -1;
    for (let i = 0; i < tokens.length; i++) {
      const before = hits.length;
      this.walk(this.root, tokens, ids, starts, i, i, hits);
      // This token's hits, longest first: an insertion sort in place (a few hits; stable, as Array.prototype.sort
      // is), with no array cut out and pushed back.
      for (let k = before + 1; k < hits.length; k++) {
        const h = hits[k];
        let j = k - 1;
        for (; j >= before && hits[j].to < h.to; j--) hits[j + 1] = hits[j];
        hits[j + 1] = h;
      }
    }
    return hits;
  }

  match(text: string): PhraseHit<T>[] {
    return this.matchTokens(tokenize(text));
  }

  /**
   * The `word*` prefixes `w` starts with: the one-letter prefix first, then the longer ones in the order they were
   * added. Remembered by word, since words recur in every letter (a fact of the lexicon, not of any case).
   */
  private prefixesOf(w: string): readonly string[] | undefined {
    const known = this.prefixMemo.get(w);
    if (known !== undefined) return known === NONE ? undefined : known;
    let found: string[] | undefined;
    if (w.length > 0) {
      if (this.onePrefixes.has(w.charCodeAt(0))) (found ??= []).push(w.length === 1 ? w : w[0]);
      const lengths = w.length < 2 ? undefined : this.prefixLengths.get(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
      if (lengths !== undefined) {
        for (const len of lengths) {
          if (len > w.length) continue;
          const p = len === w.length ? w : w.slice(0, len);
          if (this.prefixWords.has(p)) (found ??= []).push(p);
        }
      }
    }
    // A bound, not a tuning knob: a hostile text of endless distinct words starts the memo over.
    if (this.prefixMemo.size >= PREFIX_MEMO_LIMIT) this.prefixMemo.clear();
    // A token's word is a slice of the text it was cut from: the memo, which outlives the case, keeps a copy of the
    // word and not a closed case's sentence.
    this.prefixMemo.set(detached(w), found ?? NONE);
    return found;
  }

  private walk(
    node: Node<T>,
    tokens: readonly Token[],
    ids: readonly number[],
    starts: ReadonlyArray<readonly string[] | undefined>,
    from: number,
    at: number,
    hits: PhraseHit<T>[],
  ): void {
    if (node.out !== undefined && at > from) {
      for (const o of node.out) hits.push({ from, to: at, start: tokens[from].start, end: tokens[at - 1].end, phrase: o.phrase, payload: o.payload });
    }
    if (at >= tokens.length || at - from >= this.maxDepth) return;
    const id = ids[at];
    if (node.next !== undefined && id >= 0) {
      const exact = node.next.get(id);
      if (exact !== undefined) this.walk(exact, tokens, ids, starts, from, at + 1, hits);
    }
    const ps = starts[at];
    if (node.prefixes !== undefined && ps !== undefined) {
      for (const p of ps) {
        const child = node.prefixes.get(p);
        if (child !== undefined) this.walk(child, tokens, ids, starts, from, at + 1, hits);
      }
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

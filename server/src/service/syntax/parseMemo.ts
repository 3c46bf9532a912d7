// What one parse may reuse of the previous one, owned by a language service:
// between two keystrokes nearly every paragraph of a summary or rationale is
// the same text, so its sentence bounds are looked up rather than split
// again, and each sentence (and prose) text comes back as the very string
// the previous parse made. That second part is what the rules gain from:
// their memos (necessity/phrases.ts, the reader) are maps keyed by these
// texts, and a key that is the same string is found without comparing it
// character by character with the one stored (about 48,000 look-ups per run
// of a 2,000-line case).
//
// A whole summary or rationale block whose lines are the previous parse's,
// at the same lines and columns, is not built again: its Prose (segments,
// paragraphs, sentences, labels) is the previous parse's object, which no one
// changes after the parse. A keystroke in one rationale then rebuilds that
// rationale only.
//
// A parse only lists what it used; the maps to look it up in are built from
// those lists when the next parse first asks. Most parses have no next one
// to reuse them (`imr check` forgets each case after its run, which clears
// the memo): for those, filling maps was a third of the parse and, with the
// entries the maps kept alive meanwhile, most of its garbage collection.
//
// Like the rules' memo, it keeps only what the latest parse used, and the
// service clears it when no case is open, so no closed case's text lingers.

/**
 * A bound, not a tuning knob: past it a parse computes the rest afresh. A
 * 20,000-line case has about 10,000 sentences and a few thousand paragraphs.
 */
import { commonPrefix, commonSuffix } from '../text/sentences';

const LIMIT = 40000;

/** A paragraph this long is split again around an edit rather than whole (shorter ones cost little either way). */
export const LONG_PARAGRAPH = 2048;

/** How many characters `a` and `b` share at their start plus at their end (at most the shorter's length). */
function sharedEnds(a: string, b: string): number {
  const prefix = commonPrefix(a, b);
  return prefix + commonSuffix(a, b, Math.min(a.length, b.length) - prefix);
}

/** A line of a prose block as the build reads it. */
export interface BlockLine {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

function sameLines(a: readonly BlockLine[], b: readonly BlockLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].line !== b[i].line || a[i].character !== b[i].character || a[i].text !== b[i].text) return false;
  return true;
}

/**
 * What one parse used, in the order it asked: flat lists (a text then its
 * value), cheap to fill and dropped whole. Repeats are listed again; the
 * maps made from them keep one.
 */
class Used {
  /** Paragraph text, its split, …. */
  readonly splits: unknown[] = [];
  /** The texts of `splits` at least LONG_PARAGRAPH characters long: the candidates for splitting again around an edit. */
  readonly long: string[] = [];
  readonly texts: string[] = [];
  /** Keyword range, the block's lines, its value, …. */
  readonly blocks: unknown[] = [];

  // Each list up to LIMIT entries.
  split(text: string, value: object, long: boolean): void {
    if (this.splits.length < 2 * LIMIT) this.splits.push(text, value);
    if (long && this.long.length < LIMIT) this.long.push(text);
  }

  text(text: string): void {
    if (this.texts.length < LIMIT) this.texts.push(text);
  }

  block(head: string, lines: readonly BlockLine[], value: unknown): void {
    if (this.blocks.length < 3 * LIMIT) this.blocks.push(head, lines, value);
  }
}

/** The previous parse's lists as maps, made when the running parse first looks something up. */
class Index {
  readonly splits = new Map<string, object>();
  readonly texts = new Map<string, string>();
  readonly blocks = new Map<string, { lines: readonly BlockLine[]; value: unknown }>();
  readonly long: string[];
  /** The long texts the running parse was handed from `splits` (nearest() passes over them). */
  readonly longHit = new Set<string>();

  constructor(used: Used) {
    const { splits, texts, blocks } = used;
    for (let i = 0; i < splits.length; i += 2) this.splits.set(splits[i] as string, splits[i + 1] as object);
    for (const text of texts) this.texts.set(text, text);
    for (let i = 0; i < blocks.length; i += 3) this.blocks.set(blocks[i] as string, { lines: blocks[i + 1] as BlockLine[], value: blocks[i + 2] });
    this.long = [...new Set(used.long)];
  }
}

export class ParseMemo {
  /** What the latest finished parse used: all the memo keeps between two parses. */
  private last: Used | undefined;
  /** What the running parse uses, the next parse's `last`. */
  private current: Used | undefined;
  /** `last` as maps, made on the running parse's first look-up. */
  private index: Index | undefined;
  private depth = 0;

  /** Runs one parse; what it did not use is dropped when it ends. */
  parse<T>(run: () => T): T {
    if (this.depth === 0) this.current = new Used();
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
      if (this.depth === 0) {
        this.last = this.current;
        this.current = undefined;
        this.index = undefined;
      }
    }
  }

  /** The previous parse's maps, or undefined when there was none (or it is no longer kept). */
  private lookup(): Index | undefined {
    if (!this.last || this.depth === 0) return undefined;
    this.index ??= new Index(this.last);
    return this.index;
  }

  /** Where the running parse lists what it used (a throwaway outside a parse: nothing is kept). */
  private get used(): Used {
    return this.current ?? new Used();
  }

  /**
   * The split of a paragraph text, done once. A long text not split before is
   * handed with the previous parse's long text most like it (the one sharing
   * the longest start and end), so that `split` may split again only around
   * what changed (text/sentences.ts splitProse): a keystroke in a long
   * summary paragraph changes its text, and splitting all of it again was
   * most of a 20,000-line case's parse.
   */
  bounds<T extends object>(text: string, split: (text: string, previous?: { text: string; split: T }) => T): T {
    const index = this.lookup();
    const used = this.used;
    const long = text.length >= LONG_PARAGRAPH;
    const hit = index?.splits.get(text);
    if (hit) {
      if (long) index!.longHit.add(text);
      used.split(text, hit, long);
      return hit as T;
    }
    const previous = long && index ? this.nearest(index, text) : undefined;
    const value = Object.freeze(split(text, previous as { text: string; split: T } | undefined));
    used.split(text, value, long);
    return value;
  }

  /** Of the long texts split by the previous parse (and not handed to this one), the one sharing the most of `text` at its two ends. */
  private nearest(index: Index, text: string): { text: string; split: unknown } | undefined {
    let best: string | undefined;
    let shared = 0;
    for (const other of index.long) {
      if (index.longHit.has(other)) continue;
      const n = sharedEnds(other, text);
      if (n > shared) {
        best = other;
        shared = n;
      }
    }
    // Less than half in common: splitting it whole costs no more than comparing.
    return best !== undefined && shared * 2 >= text.length ? { text: best, split: index.splits.get(best)! } : undefined;
  }

  /**
   * A prose block built once for its place and lines: `head` names its
   * keyword's range, `lines` are its lines with their line numbers and
   * columns (everything the build reads). The lines are compared with the
   * last build's at the same place rather than joined into a key: a key was
   * the whole block's text again, built and hashed for every block of every
   * parse.
   */
  block<T>(head: string, lines: readonly BlockLine[], build: () => T): T {
    const hit = this.lookup()?.blocks.get(head);
    if (hit && sameLines(hit.lines, lines)) {
      this.used.block(head, hit.lines, hit.value);
      return hit.value as T;
    }
    const value = build();
    this.used.block(head, lines.slice(), value);
    return value;
  }

  /** The string of the previous parse equal to `text`, or `text` itself (now remembered). */
  intern(text: string): string {
    const hit = this.lookup()?.texts.get(text);
    const value = hit ?? text;
    this.used.text(value);
    return value;
  }

  /** How many texts are remembered (for tests: nothing of a closed case stays). */
  get size(): number {
    if (!this.last) return 0;
    const index = new Index(this.last);
    return index.splits.size + index.texts.size + index.blocks.size;
  }

  clear(): void {
    this.last = undefined;
    this.index = undefined;
    this.current = undefined;
  }
}

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

interface KeptBlock {
  lines: readonly BlockLine[];
  value: unknown;
  generation: number;
}

function sameLines(a: readonly BlockLine[], b: readonly BlockLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].line !== b[i].line || a[i].character !== b[i].character || a[i].text !== b[i].text) return false;
  return true;
}

interface Kept<T> {
  value: T;
  generation: number;
}

export class ParseMemo {
  private readonly splits = new Map<string, Kept<object>>();
  /** The texts of `splits` at least LONG_PARAGRAPH characters long: the candidates for splitting again around an edit. */
  private readonly long = new Set<string>();
  private readonly texts = new Map<string, Kept<string>>();
  private readonly blocks = new Map<string, KeptBlock>();
  private generation = 0;
  private depth = 0;

  /** Runs one parse; what it did not use is dropped when it ends. */
  parse<T>(run: () => T): T {
    if (this.depth === 0) this.generation++;
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
      if (this.depth === 0) this.sweep();
    }
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
    const hit = this.splits.get(text);
    if (hit) {
      hit.generation = this.generation;
      return hit.value as T;
    }
    const previous = text.length >= LONG_PARAGRAPH ? this.nearest(text) : undefined;
    const value = Object.freeze(split(text, previous as { text: string; split: T } | undefined));
    if (this.splits.size < LIMIT) this.splits.set(text, { value, generation: this.generation });
    if (text.length >= LONG_PARAGRAPH) this.long.add(text);
    return value;
  }

  /** Of the long texts split by the previous parse (not this one), the one sharing the most of `text` at its two ends. */
  private nearest(text: string): { text: string; split: unknown } | undefined {
    let best: string | undefined;
    let shared = 0;
    for (const other of this.long) {
      const kept = this.splits.get(other);
      if (!kept || kept.generation === this.generation) continue;
      const n = sharedEnds(other, text);
      if (n > shared) {
        best = other;
        shared = n;
      }
    }
    // Less than half in common: splitting it whole costs no more than comparing.
    return best !== undefined && shared * 2 >= text.length ? { text: best, split: this.splits.get(best)!.value } : undefined;
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
    const hit = this.blocks.get(head);
    if (hit && sameLines(hit.lines, lines)) {
      hit.generation = this.generation;
      return hit.value as T;
    }
    const value = build();
    if (hit || this.blocks.size < LIMIT) this.blocks.set(head, { lines: lines.slice(), value, generation: this.generation });
    return value;
  }

  /** The string of the previous parse equal to `text`, or `text` itself (now remembered). */
  intern(text: string): string {
    const hit = this.texts.get(text);
    if (hit) {
      hit.generation = this.generation;
      return hit.value;
    }
    if (this.texts.size < LIMIT) this.texts.set(text, { value: text, generation: this.generation });
    return text;
  }

  /** How many texts are remembered (for tests: nothing of a closed case stays). */
  get size(): number {
    return this.splits.size + this.texts.size + this.blocks.size;
  }

  clear(): void {
    this.splits.clear();
    this.long.clear();
    this.texts.clear();
    this.blocks.clear();
  }

  private sweep(): void {
    for (const memo of [this.splits, this.texts, this.blocks] as Map<string, { generation: number }>[]) {
      for (const [text, kept] of memo) if (kept.generation !== this.generation) memo.delete(text);
    }
    for (const text of this.long) if (!this.splits.has(text)) this.long.delete(text);
  }
}

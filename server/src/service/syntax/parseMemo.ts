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
const LIMIT = 40000;

interface Kept<T> {
  value: T;
  generation: number;
}

export class ParseMemo {
  private readonly splits = new Map<string, Kept<readonly number[]>>();
  private readonly texts = new Map<string, Kept<string>>();
  private readonly blocks = new Map<string, Kept<unknown>>();
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

  /** The sentence bounds of a paragraph text ([start, end, start, end, …]), split once. */
  bounds(text: string, split: (text: string) => readonly number[]): readonly number[] {
    const hit = this.splits.get(text);
    if (hit) {
      hit.generation = this.generation;
      return hit.value;
    }
    const value = Object.freeze(split(text));
    if (this.splits.size < LIMIT) this.splits.set(text, { value, generation: this.generation });
    return value;
  }

  /**
   * A prose block built once for its key (its lines with their line numbers
   * and columns, and its keyword's place: everything the build reads).
   */
  block<T>(key: string, build: () => T): T {
    const hit = this.blocks.get(key);
    if (hit) {
      hit.generation = this.generation;
      return hit.value as T;
    }
    const value = build();
    if (this.blocks.size < LIMIT) this.blocks.set(key, { value, generation: this.generation });
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
    this.texts.clear();
    this.blocks.clear();
  }

  private sweep(): void {
    for (const memo of [this.splits, this.texts, this.blocks] as Map<string, Kept<unknown>>[]) {
      for (const [text, kept] of memo) if (kept.generation !== this.generation) memo.delete(text);
    }
  }
}

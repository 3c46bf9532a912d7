// What a (rule, item) unit read of the summary, for a rule that says
// `inputs.summaryReads` (rules/engine.ts). While such a unit is checked, every
// read of the summary's facts goes through a key (a concept's facts, the
// sentences documenting a concept, one of the summaries' aggregates) and is
// recorded here; a read that goes through no key (iterating every sentence or
// every concept) records the whole summary. On the next run, when the summary
// changed, the engine asks each recorded key whether what it answered could
// differ (SummaryDiff): a unit none of whose keys changed keeps its findings.
//
// A key's `changed` must be exact or err towards true: it sees the sentences
// an edit changed (the old ones and the new ones) and both versions' files.
// test/unit/rule-engine.test.ts edits summaries and compares every version's
// findings with a fresh run's.
import type { CaseFile, Sentence } from '../syntax/ast';
import type { Reader } from '../reading/index';
import { detached } from '../text/detached';

/**
 * A kind of summary read: `changed` says whether its answer for `arg` could differ between the diff's two versions
 * (asked once per unit or part that read it: a key that does real work for it keeps its answers in `d.memo`).
 */
export interface SummaryKey {
  readonly name: string;
  changed(d: SummaryDiff, arg: string): boolean;
}

/** What one unit (or part of one) read of the summary: its keys with their arguments and its parts' reads, or the whole summary. */
export interface SummaryDeps {
  all: boolean;
  keys: Map<SummaryKey, Set<string>>;
  parts?: SummaryDeps[];
}

let current: SummaryDeps | undefined;

/** Records a keyed read of the summary by the unit being checked (nothing when no unit is tracked). */
export function readSummary(key: SummaryKey, arg: string): void {
  const c = current;
  if (!c || c.all) return;
  let args = c.keys.get(key);
  if (!args) c.keys.set(key, (args = new Set()));
  args.add(arg);
}

/** Records that the unit being checked read the summary as a whole. */
export function readWholeSummary(): void {
  if (current) current.all = true;
}

/**
 * Records what another computation read (`deps`, filled by `tracking`) as reads of the unit being checked: a memo that
 * several units share hands each of them its answer together with what the answer was read from.
 */
export function readAsRecorded(deps: SummaryDeps): void {
  if (current) merge(current, deps);
}

/** Runs `fn` without recording its reads: an aggregate's computation, whose reader records the aggregate's key instead. */
export function untracked<T>(fn: () => T): T {
  const c = current;
  current = undefined;
  try {
    return fn();
  } finally {
    current = c;
  }
}

/** One part of a unit's work kept for the next run: its inputs, its value and what it read of the summary. */
export interface PartResult {
  inputs: readonly unknown[];
  value: unknown;
  deps: SummaryDeps;
}

/** The parts of the unit being checked: the last run's, this run's, and whether the last run's may be reused. */
export interface UnitParts {
  prev: ReadonlyMap<string, PartResult> | undefined;
  next: Map<string, PartResult>;
  /** The last run's parts are of the same places and parts of the case (the engine's condition: nothing moved). */
  reusable: boolean;
  /** Undefined when the summary is the last run's. */
  diff: SummaryDiff | undefined;
}

let parts: UnitParts | undefined;

function merge(into: SummaryDeps, from: SummaryDeps): void {
  if (into.all) return;
  if (from.all) into.all = true;
  else (into.parts ??= []).push(from);
}

/**
 * A string input as a string of its own: a slice of the document's text (a sentence's source) would keep the whole
 * text of its version alive for as long as the part is kept, which can be many versions later.
 */
const own = (x: unknown): unknown => (typeof x === 'string' ? detached(x) : x);

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * One part of a tracked unit's work, at `place` (one per place in a unit), whose inputs besides the summary's keyed
 * reads are all in `inputs` (a rationale sentence's text and source, say; compared with ===): the last run's value
 * where its inputs are the same and none of its summary reads answers otherwise, else `compute()`. Its reads count
 * as the unit's either way. The value must not be changed afterwards (it is handed out again).
 */
export function part<T>(place: string, inputs: readonly unknown[], compute: () => T): T {
  const p = parts;
  const unit = current;
  if (!p || !unit) return compute();
  const old = p.reusable ? p.prev?.get(place) : undefined;
  if (old && sameInputs(old.inputs, inputs) && (!p.diff || p.diff.unchanged(old.deps))) {
    merge(unit, old.deps);
    p.next.set(place, old);
    return old.value as T;
  }
  const deps: SummaryDeps = { all: false, keys: new Map() };
  const value = tracking(deps, compute);
  merge(unit, deps);
  p.next.set(place, { inputs: inputs.map(own), value, deps });
  return value;
}

/** Runs `fn` recording its summary reads into `deps` and its parts into `unitParts`. */
export function trackingParts<T>(deps: SummaryDeps, unitParts: UnitParts, fn: () => T): T {
  const p = parts;
  parts = unitParts;
  try {
    return tracking(deps, fn);
  } finally {
    parts = p;
  }
}

/** Runs `fn` recording its summary reads into `deps`. */
export function tracking<T>(deps: SummaryDeps, fn: () => T): T {
  const c = current;
  current = deps;
  try {
    return fn();
  } finally {
    current = c;
  }
}

const sameRange = (a: Sentence, b: Sentence) =>
  a.range.start.line === b.range.start.line &&
  a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line &&
  a.range.end.character === b.range.end.character;

/**
 * The same sentence in both versions: its text, place, paragraph and labels. (Its offsets in the prose are not
 * compared: a keyed read answers with sentences, ranges and labels; a read that needs the offsets reads the whole.)
 */
export function sameSentence(a: Sentence, b: Sentence): boolean {
  if (a.text !== b.text || a.paragraph !== b.paragraph || !sameRange(a, b) || a.labels.length !== b.labels.length) return false;
  for (let i = 0; i < a.labels.length; i++) if (a.labels[i].name !== b.labels[i].name) return false;
  return true;
}

/** How the summary of one run compares with the last run's, sentence by sentence; keys keep their answers here. */
export class SummaryDiff {
  private sentences: { old: ReadonlySet<Sentence>; new: ReadonlySet<Sentence> } | undefined;
  private answers = new WeakMap<SummaryDeps, boolean>();
  /** Per-diff memos of the keys (the concepts of the changed sentences, say). */
  readonly memo = new Map<unknown, unknown>();

  constructor(
    readonly prev: CaseFile,
    readonly next: CaseFile,
    readonly reader: Reader,
  ) {}

  /**
   * The sentences of the last version an edit removed or changed, and the new version's sentences in their place: what
   * is left between the longest run of the same sentences at the start and at the end.
   */
  changedSentences(): { old: ReadonlySet<Sentence>; new: ReadonlySet<Sentence> } {
    if (this.sentences) return this.sentences;
    const a = this.prev.summary?.prose.sentences ?? [];
    const b = this.next.summary?.prose.sentences ?? [];
    let head = 0;
    while (head < a.length && head < b.length && sameSentence(a[head], b[head])) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && sameSentence(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
    this.sentences = { old: new Set(a.slice(head, a.length - tail)), new: new Set(b.slice(head, b.length - tail)) };
    return this.sentences;
  }

  /** `changed()` of a key's argument, once per diff: for a key whose answer takes real work. */
  once(key: SummaryKey, arg: string, changed: () => boolean): boolean {
    let answers = this.memo.get(key) as Map<string, boolean> | undefined;
    if (!answers) this.memo.set(key, (answers = new Map()));
    let answer = answers.get(arg);
    if (answer === undefined) answers.set(arg, (answer = changed()));
    return answer;
  }

  /** Whether every key of `deps` answers as it did (false for a unit that read the whole summary). */
  unchanged(deps: SummaryDeps): boolean {
    if (deps.all || !this.prev.summary || !this.next.summary) return false;
    const known = this.answers.get(deps);
    if (known !== undefined) return known;
    let same = true;
    outer: for (const [key, args] of deps.keys) {
      for (const arg of args) {
        if (key.changed(this, arg)) {
          same = false;
          break outer;
        }
      }
    }
    if (same && deps.parts) same = deps.parts.every((p) => this.unchanged(p));
    this.answers.set(deps, same);
    return same;
  }
}

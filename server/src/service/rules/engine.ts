// The rule engine's reuse across versions of one document. Each checked rule
// states its unit of work and the parts of the case it reads (`inputs` in
// its definition, rules/defineRule.ts): the whole case or one disputed item,
// and the header, the summary, the items or the whole text. A run compares
// the new version's parts with the last run's once (a part is its exact
// text: whole lines, so a position inside it keeps its character), then
// reuses the findings of every (rule, unit) whose parts are unchanged, moving
// their ranges by the lines their part moved, and checks only the others.
// What a run returns is what a run from nothing returns: the same findings,
// in the same order (test/unit/rule-engine.test.ts compares them after random
// edits, and tools/eval is unchanged).
//
// The cache belongs to the language service, one per open document, and is
// dropped with the document (LanguageService.forget): it holds the findings
// of one version and the texts of its parts, nothing of a closed case.
import type { CaseFile, Position, Range, Section } from '../syntax/ast';
import type { ItemModel } from '../model/caseModel';
import type { RelatedInformation } from '../types';
import type { CriteriaLibrary } from '../necessity/library';
import type { CasePart, CheckedRule, Finding, RuleContext, RuleInputs, RuleUnit } from './defineRule';
import { countBefore } from '../text/bisect';
import { SummaryDiff, trackingParts, type PartResult, type SummaryDeps } from './summaryReads';

/** Lines `start`..`end` (inclusive) of the text, with their line ends. */
interface Span {
  text: string;
  start: number;
  end: number;
}

/** The parts of one version that rules read (see `CasePart`). */
interface Parts {
  text: string;
  /** The header sections' texts with the line each starts on: equal keys mean unmoved sections. */
  headerKey: string;
  headerSpans: Span[];
  summary?: Span;
  items: Span[];
}

/** How the parts of this version compare with the last run's. */
interface Diff {
  textSame: boolean;
  headerSame: boolean;
  summarySame: boolean;
  /** Lines the summary moved by (new start minus old). */
  summaryDelta: number;
  itemSame: boolean[];
  itemDelta: number[];
  /** Same number of items, each unchanged. */
  itemsSame: boolean;
  /** Some item moved. */
  itemsMoved: boolean;
  prev: Parts;
}

type Found = Finding<object>[];

/** What a unit that found nothing keeps: one list for all of them (a kept list is never added to, only read or moved). */
const NOTHING: Found = Object.freeze([]) as unknown as Found;

function span(file: CaseFile, s: Section): Span {
  const start = s.range.start.line;
  const end = Math.max(start, s.range.end.line);
  const from = file.lineStarts[start] ?? file.text.length;
  const to = file.lineStarts[end + 1] ?? file.text.length;
  return { text: file.text.slice(from, to), start, end };
}

function partsOf(file: CaseFile): Parts {
  const headerSpans: Span[] = [];
  const items = new Set<Section>(file.items);
  for (const s of file.sections) if (s !== file.summary && !items.has(s)) headerSpans.push(span(file, s));
  return {
    text: file.text,
    headerKey: headerSpans.map((h) => `${h.start}\u0000${h.text}`).join('\u0001'),
    headerSpans,
    summary: file.summary && span(file, file.summary),
    items: file.items.map((s) => span(file, s)),
  };
}

function compare(prev: Parts, next: Parts): Diff {
  const itemSame = next.items.map((s, i) => prev.items[i]?.text === s.text);
  const itemDelta = next.items.map((s, i) => (prev.items[i] ? s.start - prev.items[i].start : 0));
  return {
    textSame: prev.text === next.text,
    headerSame: prev.headerKey === next.headerKey,
    summarySame: prev.summary?.text === next.summary?.text,
    summaryDelta: prev.summary && next.summary ? next.summary.start - prev.summary.start : 0,
    itemSame,
    itemDelta,
    itemsSame: prev.items.length === next.items.length && itemSame.every(Boolean),
    itemsMoved: itemDelta.some((x) => x !== 0),
    prev,
  };
}

/** The old line's new line, or undefined for a line outside the parts the rule reads (its finding is checked again). */
type LineMap = (line: number) => number | undefined;

const UNMOVED: { map: LineMap; moved: boolean } = { map: (l) => l, moved: false };

/**
 * Whether the parts `reads` names (and, for an item rule, its own item) are
 * unchanged, and if so how an old line maps to its new line. `own` is the
 * item of an item rule's unit, or -1.
 */
function mapper(
  d: Diff,
  reads: readonly CasePart[],
  own: number,
  summarySame: boolean = d.summarySame,
  others = false,
): { map: LineMap; moved: boolean } | undefined {
  if (own >= 0 && !d.itemSame[own]) return undefined;
  if (reads.includes('text')) return d.textSame ? { map: (l) => l, moved: false } : undefined;
  const header = reads.includes('header');
  const summary = reads.includes('summary');
  const items = reads.includes('items');
  if (header && !d.headerSame) return undefined;
  if (summary && !summarySame) return undefined;
  if (items && !d.itemsSame) return undefined;
  let moved = false;
  if (summary && d.summaryDelta !== 0) moved = true;
  // A unit with a key (`others`) may point into any item: what it read there is in the key, so its places move with their items.
  const anyItem = items || others;
  if (anyItem) moved ||= d.itemsMoved;
  else if (own >= 0) moved ||= d.itemDelta[own] !== 0;
  // Nothing moved: no map is asked for (reuse hands back the old findings), so none is made for each of the many units.
  if (!moved) return UNMOVED;
  const { prev } = d;
  const map: LineMap = (line) => {
    if (summary && prev.summary && line >= prev.summary.start && line <= prev.summary.end) return line + d.summaryDelta;
    if (anyItem) {
      // The item holding the line, by bisection (items are in line order).
      const i = countBefore(prev.items, (x) => x.start <= line) - 1;
      const s = prev.items[i];
      if (s && line <= s.end) return line + d.itemDelta[i];
    } else if (own >= 0) {
      const s = prev.items[own];
      if (s && line >= s.start && line <= s.end) return line + d.itemDelta[own];
    }
    if (header && prev.headerSpans.some((s) => line >= s.start && line <= s.end)) return line;
    return undefined;
  };
  return { map, moved };
}

function movedRange(r: Range, map: LineMap): Range | undefined {
  const start = map(r.start.line);
  const end = map(r.end.line);
  if (start === undefined || end === undefined) return undefined;
  return { start: { line: start, character: r.start.character }, end: { line: end, character: r.end.character } };
}

const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' &&
  v !== null &&
  Object.keys(v).length === 2 &&
  typeof (v as Position).line === 'number' &&
  typeof (v as Position).character === 'number';
const isRange = (v: unknown): v is Range =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 2 && isPosition((v as Range).start) && isPosition((v as Range).end);

/**
 * A finding's data with each of its values that is a range or a position (a
 * fix's target: decision-contradicts-rationale's decisionRange) moved, or
 * undefined when one points outside what the rule read. Other values are
 * kept as they are: a rule with a line number in its data says
 * `absolutePositions` and is never moved.
 */
function movedData(data: object, map: LineMap): object | undefined {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(data)) {
    let moved: Range | Position | undefined;
    if (isRange(v)) moved = movedRange(v, map);
    else if (isPosition(v)) {
      const line = map(v.line);
      moved = line === undefined ? undefined : { line, character: v.character };
    } else continue;
    if (moved === undefined) return undefined;
    (out ??= { ...data })[k] = moved;
  }
  return out ?? data;
}

/** The findings with their ranges moved, or undefined when one of them points outside what the rule read. */
function moveAll(found: Found, map: LineMap): Found | undefined {
  const out: Found = [];
  for (const f of found) {
    const range = movedRange(f.range, map);
    if (!range) return undefined;
    const g = { ...f, range };
    if (f.data) {
      const data = movedData(f.data, map);
      if (!data) return undefined;
      g.data = data;
    }
    if (f.relatedInformation) {
      const related: RelatedInformation[] = [];
      for (const r of f.relatedInformation) {
        const moved = movedRange(r.range, map);
        if (!moved) return undefined;
        related.push({ ...r, range: moved });
      }
      g.relatedInformation = related;
    }
    out.push(g);
  }
  return out;
}

/**
 * What the engine kept of one (rule, unit) of the last run, reusable for this run or undefined. A unit that recorded
 * its summary reads (`deps`) is reused over a changed summary where none of its keys answers otherwise and the
 * summary did not move: its findings' places in the summary are then those of the sentences its keys answered with.
 */
function reuse(
  inputs: RuleInputs | undefined,
  d: Diff | undefined,
  old: Found | undefined,
  own: number,
  reads: UnitReads | undefined,
  summary: SummaryDiff | undefined,
  keySame: (() => boolean) | undefined,
): Found | undefined {
  if (!d || !old) return undefined;
  const others = !!inputs?.key;
  const deps = reads?.deps;
  const parts = inputs?.reads ?? ['text'];
  let m = mapper(d, parts, own, d.summarySame, others);
  if (!m && deps && summary && !d.summarySame && d.summaryDelta === 0 && parts.includes('summary') && !parts.includes('text')) {
    // The cheap comparisons first: the key comparison only where the other parts would allow reuse.
    if (mapper(d, parts, own, true, others) && summary.unchanged(deps)) m = mapper(d, parts, own, true, others);
  }
  // The key last: computing it is what a run with no next one saves (LazyKey).
  if (!m || (keySame && !keySame())) return undefined;
  if (!m.moved) return old;
  if (inputs?.absolutePositions) return undefined;
  const moved = moveAll(old, m.map);
  // The unit's parts hold the old places: none of them is kept over a move.
  if (moved && reads) reads.parts = undefined;
  return moved;
}

/** A tracked unit's summary reads and parts (rules/summaryReads.ts), of the last run on entry and of this run after. */
interface UnitReads {
  deps: SummaryDeps | undefined;
  parts: Map<string, PartResult> | undefined;
}

/**
 * A part's key (`inputs.key`) in one run, computed when first asked: by the
 * next run, comparing it with its own. A run that has no next (`imr check`
 * forgets each case after its run) never computes it; the key of the
 * record rules reads every date the letter gives, about 2% of a letter's run.
 */
class LazyKey {
  private value: string | undefined;

  constructor(
    private readonly key: (ctx: RuleContext) => string,
    private readonly ctx: RuleContext,
  ) {}

  get(): string {
    return (this.value ??= this.key(this.ctx));
  }
}

/** Counts of one run, for the tests and the benchmark's notes. */
export interface RunStats {
  checked: number;
  reused: number;
}

/** The keys a rule's parts are kept under: its code, or one per part of a rule made of parts. */
const unitKeysOf = new WeakMap<CheckedRule<object>, readonly string[]>();

function keysOf(rule: CheckedRule<object>): readonly string[] {
  let keys = unitKeysOf.get(rule);
  if (!keys) unitKeysOf.set(rule, (keys = rule.units ? rule.units.map((_, i) => `${rule.code}#${i}`) : [rule.code]));
  return keys;
}

/** One document's findings of its last run, by rule and unit (see the file comment). */
export class RuleCache {
  /**
   * The last run's parts, made when a run first compares with them: a run with no next one (`imr check` forgets
   * each case after its run) never slices its sections (like LazyKey). `file` is the last run's parse they are of.
   */
  private parts: Parts | undefined;
  private file: CaseFile | undefined;
  private library: CriteriaLibrary | undefined;
  private cases = new Map<string, Found>();
  private items = new Map<string, Found[]>();
  /** The summary reads and parts of each unit of a rule that records them (`inputs.summaryReads`), by rule and item. */
  private reads = new Map<string, UnitReads[]>();
  /** The key (`inputs.key`) of each part that states one, by rule and part. */
  private keys = new Map<string, LazyKey>();
  /** Units checked and units reused in the last run. */
  readonly last: RunStats = { checked: 0, reused: 0 };

  /**
   * Runs every rule over `ctx` and hands each finding to `emit` in the order
   * a run from nothing yields them. A rule that throws is handed to `failed`
   * after the findings it yielded before throwing (as a plain run does), and
   * nothing of it is kept for the next run.
   */
  run(
    ctx: RuleContext,
    rules: readonly CheckedRule<object>[],
    emit: (rule: CheckedRule<object>, f: Finding<object>) => void,
    failed: (rule: CheckedRule<object>, err: unknown) => void,
  ): void {
    const last = this.file && this.library === ctx.library ? (this.parts ?? partsOf(this.file)) : undefined;
    const next = last ? partsOf(ctx.file) : undefined;
    const d = last && next ? compare(last, next) : undefined;
    const summary = d && !d.summarySame && this.file ? new SummaryDiff(this.file, ctx.file, ctx.reader) : undefined;
    const cases = new Map<string, Found>();
    const items = new Map<string, Found[]>();
    const unitReads = new Map<string, UnitReads[]>();
    const unitKeys = new Map<string, LazyKey>();
    this.last.checked = 0;
    this.last.reused = 0;
    /**
     * One unit's check: the findings go out as they are found (a loop, not a spread, so a rule that throws keeps
     * what it found before), and a unit that finds nothing (most of them) keeps the shared empty list. The part
     * and item are passed, not a closure of them: a run checks some 50 units a letter.
     */
    const check = (rule: CheckedRule<object>, part: RuleUnit<object> | CheckedRule<object>, item: ItemModel | undefined): Found => {
      let found: Found | undefined;
      const results = item ? part.checkItem!.call(part, ctx, item) : rule.units ? part.check!.call(part, ctx) : rule.check(ctx);
      for (const f of results) {
        (found ??= []).push(f);
        emit(rule, f);
      }
      return found ?? NOTHING;
    };
    /** `reads` is the unit's summary reads of the last run on entry (for a rule that records them), and of this run on return. */
    const unit = (
      rule: CheckedRule<object>,
      part: RuleUnit<object> | CheckedRule<object>,
      old: Found | undefined,
      item: ItemModel | undefined,
      keySame: (() => boolean) | undefined,
      reads?: UnitReads,
    ): Found => {
      const inputs = part.inputs;
      // Nothing kept (the first run, or a new library): no reuse to weigh.
      const kept = d && old ? reuse(inputs, d, old, item ? item.index : -1, reads, summary, keySame) : undefined;
      if (kept) {
        this.last.reused++;
        for (const f of kept) emit(rule, f);
        return kept;
      }
      this.last.checked++;
      if (!reads) return check(rule, part, item);
      const recorded: SummaryDeps = { all: false, keys: new Map() };
      const next = new Map<string, PartResult>();
      // The last run's parts are of the same places where nothing the rule reads moved (its own item's lines are in
      // each part's key) and the header is the same (it is in no key).
      const reusable = !!d && d.summaryDelta === 0 && (!inputs?.reads.includes('header') || d.headerSame) && !inputs?.reads.includes('items');
      const prev = reads.parts;
      reads.deps = undefined;
      reads.parts = undefined;
      const found = trackingParts(recorded, { prev, next, reusable, diff: d && !d.summarySame ? summary : undefined }, () => check(rule, part, item));
      reads.deps = recorded;
      reads.parts = next;
      return found;
    };
    for (const rule of rules) {
      // A rule made of parts keeps each part's findings under its own key; a rule that throws keeps none of them.
      const parts: readonly (RuleUnit<object> | CheckedRule<object>)[] = rule.units ?? [rule];
      const keys = keysOf(rule);
      try {
        for (let p = 0; p < parts.length; p++) {
          const part = parts[p];
          const key = keys[p];
          const inputs = part.inputs;
          let keySame: (() => boolean) | undefined;
          if (inputs?.key) {
            const now = new LazyKey(inputs.key, ctx);
            const before = this.keys.get(key);
            let same: boolean | undefined;
            // Asked only where the unit's other inputs allow its reuse, and once for all of the part's units.
            keySame = () => (same ??= before !== undefined && before.get() === now.get());
            unitKeys.set(key, now);
          }
          if (inputs?.unit === 'item' && part.checkItem) {
            const old = this.items.get(key);
            const all: Found[] = [];
            items.set(key, all);
            if (inputs?.summaryReads) {
              // Units are kept by item index, as their findings are: the deps of item i are those its findings were found with.
              const oldReads = this.reads.get(key);
              const allReads: UnitReads[] = [];
              unitReads.set(key, allReads);
              for (const item of ctx.model.items) {
                const last = old?.[item.index] ? oldReads?.[item.index] : undefined;
                const reads: UnitReads = { deps: last?.deps, parts: last?.parts };
                all.push(unit(rule, part, old?.[item.index], item, keySame, reads));
                allReads.push(reads);
              }
            } else {
              for (const item of ctx.model.items) all.push(unit(rule, part, old?.[item.index], item, keySame));
            }
          } else {
            cases.set(key, unit(rule, part, this.cases.get(key), undefined, keySame));
          }
        }
      } catch (err) {
        // Written into this run's maps as it goes (maps of its own per rule were some 160 a run): taken out again.
        for (const key of keys) {
          cases.delete(key);
          items.delete(key);
          unitReads.delete(key);
          unitKeys.delete(key);
        }
        failed(rule, err);
      }
    }
    this.parts = next;
    this.file = ctx.file;
    this.library = ctx.library;
    this.cases = cases;
    this.items = items;
    this.reads = unitReads;
    this.keys = unitKeys;
  }
}

// The shape of one diagnostic code in the rule catalog (rules/catalog/): its
// code, default severity and one-line summary, the check that finds it, the
// typed `data` a finding carries and the quick-fixes that read that data back.
// Everything that lists rules (package.json's settings, SARIF metadata, the
// index of docs/rules.md, the tests' code lists) is generated from these
// definitions by `npm run catalog`, and test/unit/catalog.test.ts fails when
// any of them drifts. docs/architecture.md says how to add a rule.
import type { CaseFile } from '../syntax/ast';
import type { CaseModel, ItemModel } from '../model/caseModel';
import type { CriteriaLibrary } from '../necessity/library';
import type { CodeAction, ImrDiagnostic, Severity } from '../types';
import type { Reader } from '../reading/reader';

export interface RuleContext {
  file: CaseFile;
  model: CaseModel;
  /** The criteria library of the service that runs the rule: never a process-wide one. */
  library: CriteriaLibrary;
  /**
   * The clinical reading layer of the service (reading/): the rules read a
   * sentence's concepts, assertions and attributes from it rather than match
   * words themselves. Its memo spans one run, so rules share each reading.
   */
  reader: Reader;
}

/** The families, in the order docs/rules.md presents them and the rules run. */
export const FAMILIES = {
  reading: 'Reading the file',
  structure: 'Structure',
  necessity: 'Medical necessity',
  privacy: 'Health information',
  criteria: 'Workspace criteria files',
} as const;
export type Family = keyof typeof FAMILIES;

/**
 * What a check returns: a diagnostic without its code (the catalog entry's)
 * and, unless this finding needs another, without its severity (the entry's
 * default). `data` is typed per rule; it must be plain JSON, because it goes
 * to the editor and comes back with the code-action request.
 */
export type Finding<Data> = Omit<ImrDiagnostic, 'code' | 'severity' | 'data'> & { severity?: Severity; data?: Data };

/**
 * A diagnostic as the editor sends it back for a quick-fix. Its `data` may be
 * older than the document, or not ours at all: a fix checks each value it
 * uses and re-finds its place in the current parse (ctx.file, ctx.model),
 * offering nothing rather than an edit built from stale positions.
 */
export type ReturnedDiagnostic<Data> = ImrDiagnostic & { data?: Partial<Data> };

interface RuleBase {
  /** The stable code: the setting `imr.rules.<code>`, the suppression word, the docs anchor. */
  code: string;
  family: Family;
  /** The severity a finding gets unless it says otherwise, and the one docs/rules.md states. */
  severity: Severity;
  /** One line for the settings UI and SARIF: what the diagnostic points at. */
  summary: string;
  /** False for a code the author cannot set (`imr.rules.<code>` does not exist). */
  setting?: boolean;
}

/**
 * The parts of a case a check's findings are computed from (rules/engine.ts
 * reuses a finding while the parts it was computed from are unchanged):
 * - `header`: every section but the summary and the items (case, reviewer,
 *   worker, documents, and any second summary), at their lines;
 * - `summary`: the (first) summary section, wherever it moved;
 * - `items`: every item section (for a rule whose unit is the item: the
 *   other items as well as its own);
 * - `text`: the whole text, comments and blank lines included (the default).
 * The criteria library and the reader are always inputs. Settings and
 * suppressions never are: the runner applies them to every run's findings.
 */
export type CasePart = 'header' | 'summary' | 'items' | 'text';

/** A check's unit of work and what it reads (see `CasePart`). Not stating them means `{ unit: 'case', reads: ['text'] }`. */
export interface RuleInputs {
  /**
   * `case`: one check of the whole case (`check`). `item`: one check per
   * disputed item (`checkItem`), each of which reads its own item's section,
   * its model and what `reads` names; the engine reruns only the items whose
   * inputs changed.
   */
  unit: 'case' | 'item';
  reads: readonly CasePart[];
  /**
   * True when a finding's message or data holds a line number (or a
   * position in any other shape than a range or a position among its data's
   * values): the engine then reuses it only where nothing it reads moved.
   * Ranges, related information and the data's ranges and positions it
   * moves itself.
   */
  absolutePositions?: boolean;
  /**
   * An item rule that reads the summary only through the keyed reads of
   * rules/summaryReads.ts (the record rules' summary facts): when the summary
   * changes, the engine checks again only the items whose keys answer
   * otherwise. A read that goes through no key marks the whole summary read.
   */
  summaryReads?: boolean;
  /**
   * What else the unit reads of the other items, as a string computed from
   * the run's context (every item's service, say): the unit is reused only
   * while the key is what it was, and a finding's places in other items
   * move with them. Once per run for all of a rule's units; it must hold
   * everything the unit reads outside the parts `reads` names.
   */
  key?: (ctx: RuleContext) => string;
}

/**
 * One part of a rule's work with its own unit and reads (a rule's `units`): a
 * case unit's `check` or an item unit's `checkItem`. The engine keeps each
 * part's findings apart and reruns a part only when what it reads changed.
 */
export interface RuleUnit<Data extends object = Record<string, unknown>> {
  inputs: RuleInputs;
  check?(ctx: RuleContext): Iterable<Finding<Data>>;
  checkItem?(ctx: RuleContext, item: ItemModel): Iterable<Finding<Data>>;
}

export interface CheckedRule<Data extends object = Record<string, unknown>> extends RuleBase {
  check(ctx: RuleContext): Iterable<Finding<Data>>;
  /** What the findings are computed from; undefined: the whole text, checked as one unit. A rule with `units`: what they read together. */
  inputs?: RuleInputs;
  /** The check of one item, for a rule whose unit is the item (`check` is then every item's, in order). */
  checkItem?(ctx: RuleContext, item: ItemModel): Iterable<Finding<Data>>;
  /**
   * A rule whose findings come from parts that read different things (the
   * header's sections, each item, the items together): each part is checked
   * and reused on its own, and `check` is every part's findings in turn
   * (each item unit's item by item). The rule's findings are the same set in
   * either case; only their order within the rule is by part, and the runner
   * sorts every finding by position.
   */
  units?: readonly RuleUnit<Data>[];
  /** Quick-fixes for one diagnostic of this code, in the order the editor lists them. */
  fixes?(ctx: RuleContext, d: ReturnedDiagnostic<Data>): CodeAction[];
}

/** A code that another layer reports (the parser, the input limits, the workspace loader, the server). */
export interface ReportedRule extends RuleBase {
  /** Who reports it, for docs/architecture.md and the reader of this file. */
  reportedBy: string;
  check?: undefined;
  fixes?: undefined;
}

// `object`: method parameters are compared both ways, so a rule with its own Data type fits the catalog list.
export type RuleDefinition = CheckedRule<object> | ReportedRule;

/** A rule checked one disputed item at a time: `inputs.unit` is `item` and `checkItem` replaces `check`. */
export interface ItemRule<Data extends object = Record<string, unknown>> extends Omit<CheckedRule<Data>, 'check' | 'checkItem' | 'inputs'> {
  inputs: RuleInputs & { unit: 'item' };
  checkItem(ctx: RuleContext, item: ItemModel): Iterable<Finding<Data>>;
}

/** A rule made of parts (`units`): `check` is theirs in turn. */
export interface UnitsRule<Data extends object = Record<string, unknown>> extends Omit<CheckedRule<Data>, 'check' | 'checkItem' | 'units'> {
  inputs: RuleInputs;
  units: readonly RuleUnit<Data>[];
}

/** Every finding of `units`, part by part (an item unit's item by item): what a rule made of parts finds in one run. */
export function* checkUnits<Data extends object>(ctx: RuleContext, units: readonly RuleUnit<Data>[]): Generator<Finding<Data>> {
  for (const u of units) {
    if (u.inputs.unit === 'item') for (const item of ctx.model.items) yield* u.checkItem!(ctx, item);
    else yield* u.check!(ctx);
  }
}

/** The one step to add a rule: a file in rules/catalog/<family>/<code>.ts exporting `defineRule({...})`. */
export function defineRule<Data extends object = Record<string, unknown>>(rule: UnitsRule<Data>): CheckedRule<Data>;
export function defineRule<Data extends object = Record<string, unknown>>(rule: ItemRule<Data>): CheckedRule<Data>;
export function defineRule<Data extends object = Record<string, unknown>>(rule: CheckedRule<Data>): CheckedRule<Data>;
export function defineRule(rule: ReportedRule): ReportedRule;
export function defineRule(rule: RuleDefinition | ItemRule<object> | UnitsRule<object>): RuleDefinition {
  if ('units' in rule && rule.units) {
    const units = rule.units;
    for (const u of units) {
      if (u.inputs.unit === 'item' ? !u.checkItem : !u.check) throw new Error(`${rule.code}: a ${u.inputs.unit} unit without its check`);
    }
    return { ...rule, check: (ctx: RuleContext) => checkUnits(ctx, units) } as CheckedRule<object>;
  }
  if ('checkItem' in rule && rule.checkItem && !('check' in rule && rule.check)) {
    const checkItem = rule.checkItem.bind(rule);
    // The whole case's check is every item's, in item order: what a run without the engine's reuse (and a test) calls.
    return {
      ...rule,
      *check(ctx: RuleContext) {
        for (const item of ctx.model.items) yield* checkItem(ctx, item);
      },
    } as CheckedRule<object>;
  }
  return rule as RuleDefinition;
}

// The shape of one diagnostic code in the rule catalog (rules/catalog/): its
// code, default severity and one-line summary, the check that finds it, the
// typed `data` a finding carries and the quick-fixes that read that data back.
// Everything that lists rules (package.json's settings, SARIF metadata, the
// index of docs/rules.md, the tests' code lists) is generated from these
// definitions by `npm run catalog`, and test/unit/catalog.test.ts fails when
// any of them drifts. docs/architecture.md says how to add a rule.
import type { CaseFile } from '../syntax/ast';
import type { CaseModel } from '../model/caseModel';
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

export interface CheckedRule<Data extends object = Record<string, unknown>> extends RuleBase {
  check(ctx: RuleContext): Iterable<Finding<Data>>;
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

/** The one step to add a rule: a file in rules/catalog/<family>/<code>.ts exporting `defineRule({...})`. */
export function defineRule<Data extends object = Record<string, unknown>>(rule: CheckedRule<Data>): CheckedRule<Data>;
export function defineRule(rule: ReportedRule): ReportedRule;
export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

// What every rule module exports: a function from the analysed case to
// diagnostics. Rules never throw out of `runRules` (see rules/index.ts).
import type { CaseFile } from '../syntax/ast';
import type { ImrDiagnostic } from '../types';
import type { CaseModel } from '../model/caseModel';

export interface RuleContext {
  file: CaseFile;
  model: CaseModel;
}

export type Rule = (ctx: RuleContext) => ImrDiagnostic[];

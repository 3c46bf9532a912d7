// Code actions are gathered from contributors: the rule catalog's quick-fixes
// (each defined beside its rule in rules/catalog/) and any others registered
// with `registerCodeActionContributor(fn)`.
import type { Range } from '../syntax/ast';
import type { CodeAction, ImrDiagnostic } from '../types';
import type { FeatureContext } from './context';
import { catalogQuickFixes } from '../rules/quickFixes';
import { reportContained } from '../contained';

export interface CodeActionRequest {
  /** The range the editor asks about (the cursor or selection). */
  range: Range;
  /** Diagnostics the editor sends for that range; their `data` carries what a fix needs. */
  diagnostics: ImrDiagnostic[];
}

export type CodeActionContributor = (ctx: FeatureContext, request: CodeActionRequest) => CodeAction[];

const ruleFixes: CodeActionContributor = (ctx, { diagnostics }) => catalogQuickFixes(ctx, diagnostics);

const CONTRIBUTORS: CodeActionContributor[] = [ruleFixes];

export function registerCodeActionContributor(contributor: CodeActionContributor): void {
  if (!CONTRIBUTORS.includes(contributor)) CONTRIBUTORS.push(contributor);
}

export function codeActions(ctx: FeatureContext, request: CodeActionRequest): CodeAction[] {
  const out: CodeAction[] = [];
  for (const contribute of CONTRIBUTORS) {
    try {
      out.push(...contribute(ctx, request));
    } catch (err) {
      // One contributor's bug must not hide the other fixes.
      reportContained(err, 'code action');
    }
  }
  return out;
}

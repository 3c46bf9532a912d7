// Code actions are gathered from contributors: this module's structural
// quick-fixes and, registered by their own modules, others (the necessity
// analysis). Adding a contributor is one line: `registerCodeActionContributor(fn)`.
import type { Range } from '../syntax/ast';
import type { CodeAction, ImrDiagnostic } from '../types';
import type { FeatureContext } from './context';
import { structureQuickFixes } from './quickFixes';
import { reportContained } from '../contained';

export interface CodeActionRequest {
  /** The range the editor asks about (the cursor or selection). */
  range: Range;
  /** Diagnostics the editor sends for that range; their `data` carries what a fix needs. */
  diagnostics: ImrDiagnostic[];
}

export type CodeActionContributor = (ctx: FeatureContext, request: CodeActionRequest) => CodeAction[];

// Built-in contributors. Other modules (the necessity analysis) call
// registerCodeActionContributor from their own file instead of editing this list.
const CONTRIBUTORS: CodeActionContributor[] = [structureQuickFixes];

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

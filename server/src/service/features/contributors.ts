// What another part of the service adds to the editor features (the
// necessity analysis's criterion hover and completion, the rule catalog's
// quick-fixes, a test's probe). Each language service holds its own lists
// (see languageService.ts), so a contributor registered on one is never seen
// by another.
import type { Position, Range } from '../syntax/ast';
import type { CodeAction, CompletionItem, Hover, ImrDiagnostic } from '../types';
import type { FeatureContext } from './context';
import type { CompletionPlace } from './completionPlace';

/** Hover for what the feature itself does not know (a criterion id's text). */
export type HoverContributor = (ctx: FeatureContext, position: Position) => Hover | undefined;

/** Completion items for a place (criterion ids at the start of a criteria line). */
export type CompletionContributor = (ctx: FeatureContext, place: CompletionPlace) => CompletionItem[];

export interface CodeActionRequest {
  /** The range the editor asks about (the cursor or selection). */
  range: Range;
  /** Diagnostics the editor sends for that range; their `data` carries what a fix needs. */
  diagnostics: ImrDiagnostic[];
}

export type CodeActionContributor = (ctx: FeatureContext, request: CodeActionRequest) => CodeAction[];

/** One service's contributors, asked in list order. */
export interface Contributors {
  hover: HoverContributor[];
  completion: CompletionContributor[];
  codeActions: CodeActionContributor[];
}

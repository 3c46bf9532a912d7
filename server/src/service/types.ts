// Types the language service speaks. They mirror LSP's shapes (zero-based
// ranges, severities, text edits) without importing any LSP package, so the
// service runs the same in the server, the CLI and the tests.
import type { Range } from './syntax/ast';

export type { Position, Range } from './syntax/ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RelatedInformation {
  /** Undefined means the same document. */
  uri?: string;
  range: Range;
  message: string;
}

export interface ImrDiagnostic {
  /** Stable rule code, documented in docs/rules.md (e.g. `missing-field`). */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  relatedInformation?: RelatedInformation[];
  /** `unnecessary` fades the range (an unused label). */
  tags?: 'unnecessary'[];
  /** What a quick-fix needs to mend it; plain JSON so it survives the LSP round trip. */
  data?: Record<string, unknown>;
}

export interface TextEdit {
  range: Range;
  newText: string;
  /** True when newText uses snippet syntax (${1:placeholder}); adapters fall back to plain text by stripping it. */
  snippet?: boolean;
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'refactor' | 'source';
  /** Codes of the diagnostics this action fixes. */
  diagnostics?: ImrDiagnostic[];
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** The document as the service sees it: its text and an identity for caching. */
export interface ImrDocument {
  uri: string;
  version: number;
  text: string;
}

export interface ServiceSettings {
  /** Per-rule severity overrides, keyed by code. */
  rules: Record<string, SeveritySetting>;
  /** Add a "criteria applied" table to the rendered letter (drafts). */
  showCriteriaInLetter?: boolean;
}

export const DEFAULT_SETTINGS: ServiceSettings = { rules: {} };

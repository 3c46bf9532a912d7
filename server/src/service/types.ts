// Types the language service speaks. They mirror LSP's shapes (zero-based
// ranges, severities, text edits) without importing any LSP package, so the
// service runs the same in the server, the CLI and the tests.
import type { Position, Range } from './syntax/ast';

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
  kind: 'quickfix' | 'refactor' | 'source' | 'source.fixAll';
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
  /** Above these, a file is declined with one diagnostic (input/limits.ts); the defaults when absent. */
  limits?: InputLimits;
}

export const DEFAULT_SETTINGS: ServiceSettings = { rules: {} };

/** What the service declines to analyse (input/limits.ts). */
export interface InputLimits {
  /** The largest case file analysed, in bytes of UTF-8. */
  maxFileSize: number;
}

// ---- Editor features (server/src/service/features/) ----
// Numbers and strings below are LSP's own values, so the server passes these
// objects through unchanged.

/** LSP SymbolKind values used by the outline. */
export const SymbolKind = { File: 1, Module: 2, Namespace: 3, Class: 5, Field: 8, Property: 7, Event: 24, Key: 20, String: 15, Object: 19 } as const;
export type SymbolKindValue = (typeof SymbolKind)[keyof typeof SymbolKind];

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindValue;
  /** The whole construct (a section from its keyword to its last line). */
  range: Range;
  /** What the editor highlights when the symbol is picked: the keyword or name. */
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** LSP CompletionItemKind values used by completion. */
export const CompletionItemKind = { Text: 1, Field: 5, Value: 12, Keyword: 14, Snippet: 15, Reference: 18, EnumMember: 20 } as const;
export type CompletionItemKindValue = (typeof CompletionItemKind)[keyof typeof CompletionItemKind];

/** Markdown text, as LSP's MarkupContent. */
export interface Markdown {
  kind: 'markdown';
  value: string;
}

export interface CompletionItem {
  label: string;
  kind: CompletionItemKindValue;
  detail?: string;
  documentation?: Markdown;
  /** What replaces `textEdit.range` (snippet syntax when insertTextFormat is 2). */
  textEdit?: { range: Range; newText: string };
  /** LSP InsertTextFormat: 1 plain text, 2 snippet (the server strips placeholders for clients without snippets). */
  insertTextFormat?: 1 | 2;
  /** LSP InsertTextMode: 1 (asIs) for multi-line text that is already indented for the file. */
  insertTextMode?: 1 | 2;
  sortText?: string;
  filterText?: string;
}

export interface Hover {
  contents: Markdown;
  range: Range;
}

/** A short note the editor shows inline after `position` (what a request adds up to). */
export interface InlayHint {
  position: Position;
  label: string;
  tooltip?: string;
}

export interface Location {
  uri: string;
  range: Range;
}

export interface PrepareRenameResult {
  range: Range;
  placeholder: string;
}

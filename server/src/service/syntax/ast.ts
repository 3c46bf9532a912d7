// The syntax tree of a case file. Every node carries an exact zero-based range
// (line, UTF-16 character), the same convention LSP uses, so adapters never
// have to translate. The tree holds what was written; meaning (is this date
// valid? is this label defined?) is decided by the rules, not here.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of text as written, with its place. */
export interface Spanned {
  value: string;
  range: Range;
}

/** `[#name]` in prose or after a criterion status. `range` covers the whole marker. */
export interface LabelRef {
  name: string;
  range: Range;
  /** Range of the name alone (inside the brackets), what rename replaces. */
  nameRange: Range;
}

/** A `key: value` line. Keys are compared in lower case. */
export interface Field {
  kind: 'field';
  key: string;
  keyRange: Range;
  value: string;
  valueRange: Range;
  range: Range;
}

export interface Comment {
  text: string;
  range: Range;
}

/** `-- imr-disable-next-line code, code`: silences those codes on the next content line. */
export interface Suppression {
  codes: string[];
  /** The line the suppression applies to (the next non-blank, non-comment line). */
  targetLine: number;
  range: Range;
}

/** Maps offsets in a prose block's joined text back to the source. */
export interface ProseSegment {
  /** Offset of this segment in `Prose.text`. */
  offset: number;
  length: number;
  line: number;
  character: number;
}

export interface Sentence {
  /** Sentence text without markup. */
  text: string;
  /** Offsets into `Prose.text`. */
  start: number;
  end: number;
  range: Range;
  /** Labels written inside or right after the sentence. In the summary they name the fact this sentence states. */
  labels: LabelRef[];
  paragraph: number;
}

export interface Paragraph {
  text: string;
  start: number;
  end: number;
  range: Range;
}

/**
 * Prose as the letter will show it: lines joined with single spaces, paragraphs
 * (separated by blank lines) joined with "\n\n", `[#label]` markers removed.
 */
export interface Prose {
  text: string;
  segments: ProseSegment[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  labels: LabelRef[];
  range: Range;
}

export type SectionKind = 'case' | 'reviewer' | 'worker' | 'summary' | 'documents' | 'item';

interface SectionBase {
  kind: SectionKind;
  keywordRange: Range;
  /** From the keyword to the last line that belongs to the section. */
  range: Range;
  fields: Field[];
}

export interface CaseSection extends SectionBase {
  kind: 'case';
  caseNumber?: Spanned;
}

export interface ReviewerSection extends SectionBase {
  kind: 'reviewer';
}

export interface WorkerSection extends SectionBase {
  kind: 'worker';
}

export interface SummarySection extends SectionBase {
  kind: 'summary';
  prose: Prose;
}

/**
 * One line of the `documents` part: a document reviewed, written
 * `<document>; <author or source>; <date or date range>` (8 CCR 9792.10.6(d):
 * the letter lists the documents reviewed; a provider and a date range
 * suffice). `parts` are the pieces between semicolons, trimmed, with their places.
 */
export interface DocumentEntry {
  text: string;
  parts: Spanned[];
  range: Range;
}

export interface DocumentsSection extends SectionBase {
  kind: 'documents';
  entries: DocumentEntry[];
}

export type CriterionStatus = 'met' | 'not met' | 'unknown' | 'not applicable';

export interface CriterionEntry {
  id: Spanned;
  /** Undefined when the status is missing or not one of the four words. */
  status?: CriterionStatus;
  statusText?: Spanned;
  evidence: LabelRef[];
  note?: Spanned;
  range: Range;
}

export interface CriteriaBlock {
  keywordRange: Range;
  /** The guideline section id after `criteria:` (e.g. `low-back-imaging`), if given. */
  section?: Spanned;
  entries: CriterionEntry[];
  range: Range;
}

export interface RationaleBlock {
  keywordRange: Range;
  prose: Prose;
  range: Range;
}

export interface ItemSection extends SectionBase {
  kind: 'item';
  /** The disputed service as the letter names it. */
  service?: Spanned;
  criteria?: CriteriaBlock;
  rationale?: RationaleBlock;
}

export type Section = CaseSection | ReviewerSection | WorkerSection | SummarySection | DocumentsSection | ItemSection;

export interface SyntaxProblem {
  code: 'syntax' | 'indentation' | 'unknown-field';
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

/** A summary sentence that carries a label: a documented fact rationale and criteria can cite. */
export interface Fact {
  label: LabelRef;
  sentence: Sentence;
}

export interface CaseFile {
  text: string;
  lineCount: number;
  /** Every section in source order, duplicates included. */
  sections: Section[];
  /** The first section of each single-instance kind. */
  header?: CaseSection;
  reviewer?: ReviewerSection;
  worker?: WorkerSection;
  summary?: SummarySection;
  documents?: DocumentsSection;
  items: ItemSection[];
  comments: Comment[];
  suppressions: Suppression[];
  problems: SyntaxProblem[];
  /** Facts defined by labels in the summary, in source order. */
  facts: Fact[];
  /** Offset of each line start in `text`, for position/offset conversion. */
  lineStarts: number[];
}

// What the letter importer takes and gives back. Kept apart from the code so
// the CLI, the VS Code command and the tests share one vocabulary.
import type { ImrDiagnostic } from '../types';

export interface ImportOptions {
  /** Where the letter came from (a file name), named in the case file's first comment. Never a path with case text. */
  sourceName?: string;
  /** PDF pages (1-based) the extractor could not read and skipped: the case says their text is missing. */
  unreadablePages?: number[];
}

/** The letter layouts the importer knows. */
export type LetterLayout =
  /** MAXIMUS 2016-17: header block, HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES. */
  | 'current'
  /** 2013 "Notice of Independent Medical Review Determination" with numbered findings. */
  | 'notice-2013'
  /** "MEDICAL PROFESSIONAL REVIEW" layout (ISSUE AT DISPUTE, CASE SUMMARY, ...): recognised, not imported. */
  | 'medical-professional-review'
  | 'unknown';

/** Which parts of the letter the importer found: the CLI's batch summary reads these. */
export interface ImportRecognition {
  layout: LetterLayout;
  header: boolean;
  /** Header fields found, by case-file key (case-number, assigned, injury-date, ...). */
  headerFields: string[];
  boilerplate: boolean;
  credentials: boolean;
  summary: boolean;
  items: number;
  /** Items whose decision, both guideline lines and rationale were all found. */
  completeItems: number;
  /** Summary sentences that received a fact label. */
  facts: number;
  /** Pieces of letter text kept as comments because no part of the case file holds them. */
  unplaced: number;
}

export interface ImportResult {
  /** The case file, in the case language. Parses with no syntax problems. */
  text: string;
  /**
   * What the importer could not place, could not find or had to change, as
   * diagnostics whose ranges point into `text` (most at a `--` comment that
   * holds the text in question). Codes start with `import-`.
   */
  diagnostics: ImrDiagnostic[];
  recognized: ImportRecognition;
}

// The language service: everything the editor, the CLI and the tests ask of a
// case file, with no dependency on VS Code, LSP or the file system. Each
// service owns its state: its criteria library, its editor-feature
// contributors, its phrase memo and its cache of parses (per document
// version, so that diagnostics, symbols and completion triggered by the same
// keystroke share one parse). Two services never see each other's criteria
// or contributors: a multi-root workspace, or two tests, can each have one.
import type { CaseFile } from './syntax/ast';
import { parseCase } from './syntax/parser';
import { ParseMemo } from './syntax/parseMemo';
import { buildCaseModel, type AnalysedCase } from './model/caseModel';
import { RuleCache, runRules, type RunStats } from './rules/index';
import { createReader, type Reader } from './reading/reader';
import { sharedLexicon } from './reading/lexiconFiles';
import { catalogQuickFixes } from './rules/quickFixes';
import { fixAllAction } from './features/fixAll';
import { blocksFinalLetter } from './rules/finalGate';
import { DEFAULT_SETTINGS, type ImrDiagnostic, type ImrDocument, type InputLimits, type ServiceSettings } from './types';
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  PrepareRenameResult,
  Range,
  TextEdit,
} from './types';
import { safely, type FeatureContext } from './features/context';
import type { CodeActionContributor, CompletionContributor, Contributors, HoverContributor } from './features/contributors';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { completions } from './features/completion';
import { hover } from './features/hover';
import { definition, references, prepareRename, rename, renameProblem } from './features/labels';
import { codeActions } from './features/codeActions';
import { criterionHover } from './features/criteriaHover';
import { requestHover, requestInlayHints } from './features/requestHover';
import { criteriaInlayHints } from './features/criteriaInlay';
import { criteriaCompletions } from './features/criteriaCompletion';
import { draftRationaleActions } from './features/draftRationale';
import { formatEdits } from './features/format';
import { BUILT_IN_LIBRARY, type CriteriaLibrary } from './necessity/library';
import { loadWorkspaceCriteria, type WorkspaceFile } from './necessity/workspace';
import type { CriteriaSource } from './necessity/criteriaSource';
import { PhraseMemo } from './necessity/phrases';
import { buildLetterModel, renderLetter, type LetterFormat, type LetterModel, type RenderOptions } from './render/index';
import { importLetter } from './import/index';
import type { ImportOptions, ImportResult } from './import/types';
import { checkReadable, checkSize, DEFAULT_LIMITS } from './input/limits';
import { onServiceContained, type ServiceLogger } from './contained';

export type { AnalysedCase, ServiceLogger };

/** What a language service is made from. Everything is optional: a bare service checks against the built-in criteria. */
export interface LanguageServiceInit {
  /** The workspace's criteria files; read by `loadCriteria()`, merged over the built-in library. */
  criteria?: CriteriaSource;
  settings?: ServiceSettings;
  /** Told of the service's own bugs that it contained (the place and the error; never case text). */
  logger?: ServiceLogger;
}

/** Everything the server, the client's preview and export, and the CLI ask of the service. */
export interface ImrLanguageService {
  settings: ServiceSettings;
  refusal(doc: ImrDocument): ImrDiagnostic | undefined;
  analyse(doc: ImrDocument, limits?: InputLimits): AnalysedCase;
  forget(uri: string): void;
  readonly cachedDocuments: number;
  getDiagnostics(doc: ImrDocument, settings?: ServiceSettings): ImrDiagnostic[];
  getDocumentSymbols(doc: ImrDocument): DocumentSymbol[];
  getFoldingRanges(doc: ImrDocument): FoldingRange[];
  getCompletions(doc: ImrDocument, position: Position, today?: Date): CompletionItem[];
  getHover(doc: ImrDocument, position: Position): Hover | undefined;
  getInlayHints(doc: ImrDocument): InlayHint[];
  getDefinition(doc: ImrDocument, position: Position): Location | undefined;
  getReferences(doc: ImrDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(doc: ImrDocument, position: Position): PrepareRenameResult | undefined;
  rename(doc: ImrDocument, position: Position, newName: string): TextEdit[] | undefined;
  validateRename(doc: ImrDocument, position: Position, newName: string): string | undefined;
  getCodeActions(doc: ImrDocument, range: Range, diagnostics: ImrDiagnostic[]): CodeAction[];
  getFixAll(doc: ImrDocument): CodeAction | undefined;
  /** Format Document (features/format.ts): indentation, field order, blank lines, trailing whitespace; never a word. */
  formatDocument(doc: ImrDocument): TextEdit[];
  /** The diagnostics that keep this case from a final letter (rules/finalGate.ts): every error, and phi. */
  getFinalizeProblems(doc: ImrDocument, settings?: ServiceSettings): ImrDiagnostic[];
  /** Reads the criteria source given at creation and installs its files; returns each file's problems. */
  loadCriteria(): Promise<Map<string, ImrDiagnostic[]>>;
  setWorkspaceCriteria(files: WorkspaceFile[]): Map<string, ImrDiagnostic[]>;
  readonly library: CriteriaLibrary;
  registerHoverContributor(contributor: HoverContributor): void;
  registerCompletionContributor(contributor: CompletionContributor): void;
  registerCodeActionContributor(contributor: CodeActionContributor): void;
  getLetterModel(doc: ImrDocument, options?: RenderOptions): LetterModel;
  renderLetter(doc: ImrDocument, format: 'text' | 'html', options?: RenderOptions): string;
  renderLetter(doc: ImrDocument, format: 'pdf', options?: RenderOptions): Promise<Uint8Array>;
  renderLetter(doc: ImrDocument, format: LetterFormat, options?: RenderOptions): string | Promise<Uint8Array>;
  importLetter(text: string, options?: ImportOptions): ImportResult;
}

/** The quick-fixes of the rule catalog, as a code-action contributor. */
const ruleFixes: CodeActionContributor = (ctx, { diagnostics }) => catalogQuickFixes(ctx, diagnostics);

export class LanguageService implements ImrLanguageService {
  /** The last analysis of each document, with the size limit its text was checked against. */
  private cache = new Map<string, { version: number; text: string; maxFileSize: number; analysed: AnalysedCase }>();
  settings: ServiceSettings;
  private currentLibrary: CriteriaLibrary = BUILT_IN_LIBRARY;
  private readonly criteriaSource: CriteriaSource | undefined;
  private readonly logger: ServiceLogger | undefined;
  private readonly phraseMemo = new PhraseMemo();
  /** Each open document's findings of its last run, reused where a rule's inputs did not change (rules/engine.ts). */
  private readonly ruleCaches = new Map<string, RuleCache>();
  /** What the next parse may reuse of the last (syntax/parseMemo.ts). */
  private readonly parseMemo = new ParseMemo();
  /** This service's reader, made on first use (a service that only renders never compiles the lexicon). */
  private ownReader: Reader | undefined;
  /** This service's contributors, composed here rather than registered by importing a module. */
  private readonly contributors: Contributors = {
    hover: [criterionHover, requestHover],
    completion: [criteriaCompletions],
    codeActions: [ruleFixes, draftRationaleActions],
  };

  constructor(init: LanguageServiceInit = {}) {
    this.settings = init.settings ?? DEFAULT_SETTINGS;
    this.criteriaSource = init.criteria;
    this.logger = init.logger;
  }

  /** The criteria library the rules, hover, completion and fixes of this service use. */
  get library(): CriteriaLibrary {
    return this.currentLibrary;
  }

  /**
   * Why this document is not analysed (too large, or binary): the one
   * diagnostic it gets, and the editor (server, preview, export) asks nothing
   * else about it. The service itself never parses a file over the size limit
   * (features answer empty, the letter is empty); a small binary file it
   * still reads, as it reads any broken text (see input/limits.ts).
   */
  refusal(doc: ImrDocument): ImrDiagnostic | undefined {
    return checkReadable(doc.text, this.settings.limits);
  }

  /** Parse and model a document, reusing the last result for the same text. Throws on a document over the size limit. */
  analyse(doc: ImrDocument, limits: InputLimits = this.settings.limits ?? DEFAULT_LIMITS): AnalysedCase {
    // A cached analysis already passed the size check against the same limit:
    // counting the text again on every feature request would be wasted work.
    const hit = this.cached(doc, limits);
    if (hit) return hit;
    const refused = checkSize(doc.text, limits);
    if (refused) throw new DeclinedInput(refused.code);
    return this.parseAndModel(doc, limits);
  }

  private cached(doc: ImrDocument, limits: InputLimits): AnalysedCase | undefined {
    const hit = this.cache.get(doc.uri);
    // The analysis is a function of the text alone: a new version with the same text (an undo back, a save) has the same.
    return hit && hit.text === doc.text && hit.maxFileSize === limits.maxFileSize ? hit.analysed : undefined;
  }

  /** Parse and model a document whose size the caller has checked against `limits`. */
  private parseAndModel(doc: ImrDocument, limits: InputLimits): AnalysedCase {
    const file: CaseFile = parseCase(doc.text, this.parseMemo);
    const analysed = { file, model: buildCaseModel(file) };
    this.cache.set(doc.uri, { version: doc.version, text: doc.text, maxFileSize: limits.maxFileSize, analysed });
    return analysed;
  }

  /** Forget a closed document so memory goes back down. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.ruleCaches.delete(uri);
    // With no case left open, no case text stays behind in the rules' memo either.
    if (this.cache.size === 0) {
      this.phraseMemo.clear();
      this.parseMemo.clear();
      this.ownReader?.clear();
    }
  }

  /** The clinical reader the rules of this service read sentences with. */
  get reader(): Reader {
    this.ownReader ??= createReader(sharedLexicon());
    return this.ownReader;
  }

  /** How many documents have a cached analysis (the stress test checks it falls to zero). */
  get cachedDocuments(): number {
    return this.cache.size;
  }

  /** How many (rule, unit) pairs the last diagnostics of this document checked and reused (rules/engine.ts); undefined once it is forgotten. */
  ruleStats(uri: string): RunStats | undefined {
    const stats = this.ruleCaches.get(uri)?.last;
    return stats && { ...stats };
  }

  /** How many texts the rules' phrase memo and the parse memo hold (the tests check a closed case leaves none). */
  get rememberedPhraseTexts(): number {
    return this.phraseMemo.size + this.parseMemo.size;
  }

  getDiagnostics(doc: ImrDocument, settings: ServiceSettings = this.settings): ImrDiagnostic[] {
    const limits = settings.limits ?? DEFAULT_LIMITS;
    const refused = checkReadable(doc.text, limits);
    if (refused) return [refused];
    // Checked just now: analyse() would count the text's size a second time on every keystroke.
    const { file, model } = this.cached(doc, limits) ?? this.parseAndModel(doc, limits);
    const reader = this.reader;
    let rules = this.ruleCaches.get(doc.uri);
    if (!rules) this.ruleCaches.set(doc.uri, (rules = new RuleCache()));
    const cache = rules;
    return this.contained(() => reader.analysis(() => runRules({ file, model, library: this.currentLibrary, reader }, settings, this.phraseMemo, cache)));
  }

  // ---- Editor features (features/): each returns an empty answer rather than throw. ----

  private features(doc: ImrDocument): FeatureContext {
    const { file, model } = this.analyse(doc);
    return { uri: doc.uri, file, model, library: this.currentLibrary, reader: this.reader };
  }

  /** Runs `run` with this service's logger told of what the service contains meanwhile. */
  private contained<T>(run: () => T): T {
    return this.logger ? onServiceContained(this.logger, run) : run();
  }

  private feature<T>(run: () => T, fallback: T): T {
    return this.contained(() => safely(run, fallback));
  }

  getDocumentSymbols(doc: ImrDocument): DocumentSymbol[] {
    return this.feature(() => documentSymbols(this.features(doc)), []);
  }

  getFoldingRanges(doc: ImrDocument): FoldingRange[] {
    return this.feature(() => foldingRanges(this.features(doc)), []);
  }

  /** `today` is for tests; the editor gets the real date offered after date fields. */
  getCompletions(doc: ImrDocument, position: Position, today: Date = new Date()): CompletionItem[] {
    return this.feature(() => completions(this.features(doc), position, today, this.contributors.completion), []);
  }

  getHover(doc: ImrDocument, position: Position): Hover | undefined {
    return this.feature(() => hover(this.features(doc), position, this.contributors.hover), undefined);
  }

  /** What each disputed item's request adds up to (visits in all, morphine equivalent a day), shown after its name; what each criterion requires, after its line. */
  getInlayHints(doc: ImrDocument): InlayHint[] {
    return this.feature(() => {
      const ctx = this.features(doc);
      return [...requestInlayHints(ctx), ...criteriaInlayHints(ctx)];
    }, []);
  }

  getDefinition(doc: ImrDocument, position: Position): Location | undefined {
    return this.feature(() => definition(this.features(doc), position), undefined);
  }

  getReferences(doc: ImrDocument, position: Position, includeDeclaration: boolean): Location[] {
    return this.feature(() => references(this.features(doc), position, includeDeclaration), []);
  }

  prepareRename(doc: ImrDocument, position: Position): PrepareRenameResult | undefined {
    return this.feature(() => prepareRename(this.features(doc), position), undefined);
  }

  /** Edits of this document that rename the fact label at `position`; undefined when the name is refused (see validateRename). */
  rename(doc: ImrDocument, position: Position, newName: string): TextEdit[] | undefined {
    return this.feature(() => rename(this.features(doc), position, newName), undefined);
  }

  /** Why `newName` cannot be used (to show the author), or undefined when rename will succeed. */
  validateRename(doc: ImrDocument, position: Position, newName: string): string | undefined {
    return this.feature(() => renameProblem(this.features(doc), position, newName), undefined);
  }

  /** Quick-fixes for the given diagnostics (as the editor sends them back, `data` included). */
  getCodeActions(doc: ImrDocument, range: Range, diagnostics: ImrDiagnostic[]): CodeAction[] {
    return this.feature(() => codeActions(this.features(doc), { range, diagnostics }, this.contributors.codeActions), []);
  }

  getFinalizeProblems(doc: ImrDocument, settings: ServiceSettings = this.settings): ImrDiagnostic[] {
    return this.getDiagnostics(doc, settings).filter(blocksFinalLetter);
  }

  /** The document's preferred, plain quick-fixes as one "fix all" action (features/fixAll.ts), or undefined. */
  getFixAll(doc: ImrDocument): CodeAction | undefined {
    return this.feature(() => {
      const ctx = this.features(doc);
      return fixAllAction(this.getDiagnostics(doc), (d) => codeActions(ctx, { range: d.range, diagnostics: [d] }, this.contributors.codeActions));
    }, undefined);
  }

  /** The edits that format the document (features/format.ts); none when it is formatted or formatting would change what it says. */
  formatDocument(doc: ImrDocument): TextEdit[] {
    return this.feature(() => formatEdits(doc.text), []);
  }

  /** Adds a hover contributor to this service only (asked after the built-in hover, in the order added). */
  registerHoverContributor(contributor: HoverContributor): void {
    if (!this.contributors.hover.includes(contributor)) this.contributors.hover.push(contributor);
  }

  registerCompletionContributor(contributor: CompletionContributor): void {
    if (!this.contributors.completion.includes(contributor)) this.contributors.completion.push(contributor);
  }

  registerCodeActionContributor(contributor: CodeActionContributor): void {
    if (!this.contributors.codeActions.includes(contributor)) this.contributors.codeActions.push(contributor);
  }

  // ---- Criteria ----

  /** Reads the criteria source this service was created with (none: the built-in library only) and installs its files. */
  async loadCriteria(): Promise<Map<string, ImrDiagnostic[]>> {
    const files = this.criteriaSource ? await this.criteriaSource.read() : [];
    return this.setWorkspaceCriteria(files);
  }

  /**
   * Validate workspace criteria files (.imr/criteria/*.json) and merge them
   * into this service's library. Returns every file's problems (empty lists
   * clear old ones); invalid files are left out of the library.
   */
  setWorkspaceCriteria(files: WorkspaceFile[]): Map<string, ImrDiagnostic[]> {
    return this.feature(
      () => {
        const result = loadWorkspaceCriteria(files);
        this.currentLibrary = result.library;
        return result.diagnostics;
      },
      new Map(files.map((f) => [f.uri, []])),
    );
  }

  // ---- The letter (render/): never throws; a broken case renders what it can. ----

  /** The letter as data (paragraphs with their source lines), for the preview. */
  getLetterModel(doc: ImrDocument, options: RenderOptions = {}): LetterModel {
    return this.feature(() => buildLetterModel(this.analyse(doc), this.letterOptions(options)), { header: [], sections: [] });
  }

  /** The final determination letter as plain text, HTML (print-ready or the preview's themed body) or PDF bytes. */
  renderLetter(doc: ImrDocument, format: 'text' | 'html', options?: RenderOptions): string;
  renderLetter(doc: ImrDocument, format: 'pdf', options?: RenderOptions): Promise<Uint8Array>;
  renderLetter(doc: ImrDocument, format: LetterFormat, options?: RenderOptions): string | Promise<Uint8Array>;
  renderLetter(doc: ImrDocument, format: LetterFormat, options: RenderOptions = {}): string | Promise<Uint8Array> {
    return this.contained(() =>
      renderLetter(
        safely(() => this.analyse(doc), undefined),
        format,
        this.letterOptions(options),
      ),
    );
  }

  private letterOptions(options: RenderOptions): RenderOptions {
    return { showCriteria: this.settings.showCriteriaInLetter, ...options };
  }

  // ---- The importer (import/): a letter's text in, case-file text out. ----

  /** A published or draft determination letter as a case file; never throws (what it cannot place is kept as comments). */
  importLetter(text: string, options: ImportOptions = {}): ImportResult {
    return this.contained(() => importLetter(text, options));
  }
}

/** Thrown by analyse() for a declined document; the feature methods turn it into their empty answer. */
export class DeclinedInput extends Error {
  constructor(readonly code: string) {
    super(`input declined: ${code}`);
  }
}

/** A language service with its own criteria, settings, logger, contributors and caches. */
export function createLanguageService(init: LanguageServiceInit = {}): LanguageService {
  return new LanguageService(init);
}

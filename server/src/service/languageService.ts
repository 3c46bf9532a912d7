// The language service: everything the editor, the CLI and the tests ask of a
// case file, with no dependency on VS Code or LSP. Parses are cached per
// document version so that diagnostics, symbols and completion triggered by
// the same keystroke share one parse.
import { clearPhraseMemos } from './necessity/phrases';
import type { CaseFile } from './syntax/ast';
import { parseCase } from './syntax/parser';
import { buildCaseModel, type CaseModel } from './model/caseModel';
import { runRules } from './rules/index';
import { DEFAULT_SETTINGS, type ImrDiagnostic, type ImrDocument, type ServiceSettings } from './types';
import type { CodeAction, CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, Position, PrepareRenameResult, Range, TextEdit } from './types';
import { safely, type FeatureContext } from './features/context';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { completions } from './features/completion';
import { hover } from './features/hover';
import { definition, references, prepareRename, rename, renameProblem } from './features/labels';
import { codeActions } from './features/codeActions';
import { applyWorkspaceCriteria, type WorkspaceFile } from './necessity/workspace';
import './necessity/editorFeatures'; // registers criterion hover and completion
import { buildLetterModel, renderLetter, type LetterFormat, type LetterModel, type RenderOptions } from './render/index';
import { checkReadable, checkSize, DEFAULT_LIMITS, type InputLimits } from './input/limits';

export interface AnalysedCase {
  file: CaseFile;
  model: CaseModel;
}

export class LanguageService {
  /** The last analysis of each document, with the size limit its text was checked against. */
  private cache = new Map<string, { version: number; text: string; maxFileSize: number; analysed: AnalysedCase }>();
  settings: ServiceSettings = DEFAULT_SETTINGS;

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

  /** Parse and model a document, reusing the last result for the same version and text. Throws on a document over the size limit. */
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
    return hit && hit.version === doc.version && hit.text === doc.text && hit.maxFileSize === limits.maxFileSize ? hit.analysed : undefined;
  }

  /** Parse and model a document whose size the caller has checked against `limits`. */
  private parseAndModel(doc: ImrDocument, limits: InputLimits): AnalysedCase {
    const file = parseCase(doc.text);
    const analysed = { file, model: buildCaseModel(file) };
    this.cache.set(doc.uri, { version: doc.version, text: doc.text, maxFileSize: limits.maxFileSize, analysed });
    return analysed;
  }

  /** Forget a closed document so memory goes back down. */
  forget(uri: string): void {
    this.cache.delete(uri);
    // With no case left open, no case text stays behind in the rules' memo either.
    if (this.cache.size === 0) clearPhraseMemos();
  }

  /** How many documents have a cached analysis (the stress test checks it falls to zero). */
  get cachedDocuments(): number {
    return this.cache.size;
  }

  getDiagnostics(doc: ImrDocument, settings: ServiceSettings = this.settings): ImrDiagnostic[] {
    const limits = settings.limits ?? DEFAULT_LIMITS;
    const refused = checkReadable(doc.text, limits);
    if (refused) return [refused];
    // Checked just now: analyse() would count the text's size a second time on every keystroke.
    const { file, model } = this.cached(doc, limits) ?? this.parseAndModel(doc, limits);
    return runRules(file, model, settings);
  }

  // ---- Editor features (features/): each returns an empty answer rather than throw. ----

  private features(doc: ImrDocument): FeatureContext {
    const { file, model } = this.analyse(doc);
    return { uri: doc.uri, file, model };
  }

  getDocumentSymbols(doc: ImrDocument): DocumentSymbol[] {
    return safely(() => documentSymbols(this.features(doc)), []);
  }

  getFoldingRanges(doc: ImrDocument): FoldingRange[] {
    return safely(() => foldingRanges(this.features(doc)), []);
  }

  /** `today` is for tests; the editor gets the real date offered after date fields. */
  getCompletions(doc: ImrDocument, position: Position, today: Date = new Date()): CompletionItem[] {
    return safely(() => completions(this.features(doc), position, today), []);
  }

  getHover(doc: ImrDocument, position: Position): Hover | undefined {
    return safely(() => hover(this.features(doc), position), undefined);
  }

  getDefinition(doc: ImrDocument, position: Position): Location | undefined {
    return safely(() => definition(this.features(doc), position), undefined);
  }

  getReferences(doc: ImrDocument, position: Position, includeDeclaration: boolean): Location[] {
    return safely(() => references(this.features(doc), position, includeDeclaration), []);
  }

  prepareRename(doc: ImrDocument, position: Position): PrepareRenameResult | undefined {
    return safely(() => prepareRename(this.features(doc), position), undefined);
  }

  /** Edits of this document that rename the fact label at `position`; undefined when the name is refused (see validateRename). */
  rename(doc: ImrDocument, position: Position, newName: string): TextEdit[] | undefined {
    return safely(() => rename(this.features(doc), position, newName), undefined);
  }

  /** Why `newName` cannot be used (to show the author), or undefined when rename will succeed. */
  validateRename(doc: ImrDocument, position: Position, newName: string): string | undefined {
    return safely(() => renameProblem(this.features(doc), position, newName), undefined);
  }

  /**
   * Validate the workspace's criteria files (.imr/criteria/*.json) and merge
   * them into the criteria library. Returns every file's problems (empty
   * lists clear old ones); invalid files are left out of the library.
   */
  setWorkspaceCriteria(files: WorkspaceFile[]): Map<string, ImrDiagnostic[]> {
    return safely(() => applyWorkspaceCriteria(files), new Map(files.map((f) => [f.uri, []])));
  }

  /** Quick-fixes for the given diagnostics (as the editor sends them back, `data` included). */
  getCodeActions(doc: ImrDocument, range: Range, diagnostics: ImrDiagnostic[]): CodeAction[] {
    return safely(() => codeActions(this.features(doc), { range, diagnostics }), []);
  }

  // ---- The letter (render/): never throws; a broken case renders what it can. ----

  /** The letter as data (paragraphs with their source lines), for the preview. */
  getLetterModel(doc: ImrDocument, options: RenderOptions = {}): LetterModel {
    return safely(() => buildLetterModel(this.analyse(doc), this.letterOptions(options)), { header: [], sections: [] });
  }

  /** The final determination letter as plain text, HTML (print-ready or the preview's themed body) or PDF bytes. */
  renderLetter(doc: ImrDocument, format: 'text' | 'html', options?: RenderOptions): string;
  renderLetter(doc: ImrDocument, format: 'pdf', options?: RenderOptions): Promise<Uint8Array>;
  renderLetter(doc: ImrDocument, format: LetterFormat, options?: RenderOptions): string | Promise<Uint8Array>;
  renderLetter(doc: ImrDocument, format: LetterFormat, options: RenderOptions = {}): string | Promise<Uint8Array> {
    return renderLetter(safely(() => this.analyse(doc), undefined), format, this.letterOptions(options));
  }

  private letterOptions(options: RenderOptions): RenderOptions {
    return { showCriteria: this.settings.showCriteriaInLetter, ...options };
  }
}

/** Thrown by analyse() for a declined document; the feature methods turn it into their empty answer. */
export class DeclinedInput extends Error {
  constructor(readonly code: string) {
    super(`input declined: ${code}`);
  }
}

export function createLanguageService(): LanguageService {
  return new LanguageService();
}

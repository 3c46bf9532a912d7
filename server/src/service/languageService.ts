// The language service: everything the editor, the CLI and the tests ask of a
// case file, with no dependency on VS Code or LSP. Parses are cached per
// document version so that diagnostics, symbols and completion triggered by
// the same keystroke share one parse.
import type { CaseFile } from './syntax/ast';
import { parseCase } from './syntax/parser';
import { buildCaseModel, type CaseModel } from './model/caseModel';
import { runRules } from './rules/index';
import { DEFAULT_SETTINGS, type ImrDiagnostic, type ImrDocument, type ServiceSettings } from './types';

export interface AnalysedCase {
  file: CaseFile;
  model: CaseModel;
}

export class LanguageService {
  private cache = new Map<string, { version: number; text: string; analysed: AnalysedCase }>();
  settings: ServiceSettings = DEFAULT_SETTINGS;

  /** Parse and model a document, reusing the last result for the same version and text. */
  analyse(doc: ImrDocument): AnalysedCase {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === doc.text) return hit.analysed;
    const file = parseCase(doc.text);
    const analysed = { file, model: buildCaseModel(file) };
    this.cache.set(doc.uri, { version: doc.version, text: doc.text, analysed });
    return analysed;
  }

  /** Forget a closed document so memory goes back down. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  getDiagnostics(doc: ImrDocument, settings: ServiceSettings = this.settings): ImrDiagnostic[] {
    const { file, model } = this.analyse(doc);
    return runRules(file, model, settings);
  }
}

export function createLanguageService(): LanguageService {
  return new LanguageService();
}

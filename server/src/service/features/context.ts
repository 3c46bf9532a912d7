// What every editor feature works from: the parsed file and its model, plus
// the document's uri for locations. Built by the LanguageService from its
// cached parse, so features never parse on their own.
import type { CaseFile } from '../syntax/ast';
import type { CaseModel } from '../model/caseModel';
import type { CriteriaLibrary } from '../necessity/library';
import type { Reader } from '../reading/reader';
import { reportContained } from '../contained';

export interface FeatureContext {
  uri: string;
  file: CaseFile;
  model: CaseModel;
  /** The criteria library of the service that answers (built-in plus its workspace's files). */
  library: CriteriaLibrary;
  /** The service's clinical reader (quick-fixes are the rules' own and read as they do). */
  reader: Reader;
}

/**
 * Runs a feature and returns `fallback` if it throws: a bug in one editor
 * feature must never break the request (or the server) for the author.
 */
export function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch (err) {
    reportContained(err, 'feature');
    return fallback;
  }
}

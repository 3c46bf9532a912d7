// Workspace criteria for the CLI: `.imr/criteria/*.json` in the working
// directory add to or override the built-in library, as they do for a VS Code
// workspace. They are read once, by the same criteria source as the server's
// (server/src/adapters/criteriaFolder.ts), handed to every checking thread,
// and their own problems are reported like any checked file's.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLanguageService, type LanguageService } from '../../../server/src/service/languageService';
import { criteriaFiles, type CriteriaFileText } from '../../../server/src/service/necessity/criteriaSource';
import type { InputLimits } from '../../../server/src/service/input/limits';
import { DEFAULT_SETTINGS } from '../../../server/src/service/types';
import { CriteriaFolders } from '../../../server/src/adapters/criteriaFolder';
import type { FileResult } from './checkFile';

export interface CriteriaFile extends CriteriaFileText {
  /** As shown to the user. */
  file: string;
}

export async function readWorkspaceCriteria(cwd: string): Promise<CriteriaFile[]> {
  const files = await new CriteriaFolders([cwd]).read();
  return files.map((f) => ({ ...f, file: path.relative(cwd, fileURLToPath(f.uri)) }));
}

/** A service that checks against the built-in library and these criteria files, and the files' own diagnostics. */
export async function serviceWithCriteria(files: CriteriaFile[], limits?: InputLimits): Promise<{ service: LanguageService; results: FileResult[] }> {
  const service = createLanguageService({ criteria: criteriaFiles(files), settings: { ...DEFAULT_SETTINGS, limits } });
  const byUri = await service.loadCriteria();
  return { service, results: files.map((f) => ({ file: f.file, diagnostics: byUri.get(f.uri) ?? [] })) };
}

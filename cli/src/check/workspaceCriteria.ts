// Workspace criteria for the CLI: `.imr/criteria/*.json` in the working
// directory add to or override the built-in library, as they do for a VS Code
// workspace. They are read as data (never executed) and their own problems
// are reported like any checked file's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LanguageService } from '../../../server/src/service/languageService';
import type { FileResult } from './checkFile';

export interface CriteriaFile {
  /** As shown to the user. */
  file: string;
  uri: string;
  text: string;
}

const MAX_BYTES = 1024 * 1024;

export function readWorkspaceCriteria(cwd: string): CriteriaFile[] {
  const dir = path.join(cwd, '.imr', 'criteria');
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch {
    return []; // no workspace criteria: the usual case
  }
  return names.map((name) => {
    const abs = path.join(dir, name);
    let text = '';
    try {
      if (fs.statSync(abs).size <= MAX_BYTES) text = fs.readFileSync(abs, 'utf8');
    } catch {
      // unreadable: validated as empty, which reports it
    }
    return { file: path.relative(cwd, abs), uri: pathToFileURL(abs).href, text };
  });
}

/** Installs the criteria in `service` and returns their files' diagnostics. */
export function applyWorkspaceCriteria(service: LanguageService, files: CriteriaFile[]): FileResult[] {
  if (files.length === 0) return [];
  const byUri = service.setWorkspaceCriteria(files.map(({ uri, text }) => ({ uri, text })));
  return files.map((f) => ({ file: f.file, diagnostics: byUri.get(f.uri) ?? [] }));
}

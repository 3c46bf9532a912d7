// Paths and loaders shared by tests. Tests run from out/test/..., so paths are
// resolved from the repository root.
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import type { ImrDiagnostic } from '../../server/src/service/types';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');
export const SHARED = path.resolve(ROOT, '..', 'shared');

export function readExample(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

let version = 0;
export function diagnose(text: string, service = new LanguageService()): ImrDiagnostic[] {
  return service.getDiagnostics({ uri: `file:///test/${++version}.imr`, version: 1, text });
}

export function codes(diags: ImrDiagnostic[]): string[] {
  return diags.map((d) => d.code);
}

// Paths and loaders shared by tests. Tests run from out/test/..., so paths are
// resolved from the repository root.
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import type { ImrDiagnostic } from '../../server/src/service/types';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');
/**
 * The shared design folder and letter corpus sit beside the repository
 * (../shared) on the team's machines, or wherever IMR_SHARED_DIR points.
 * They are real letters and are not copied into the repository.
 */
export const SHARED = process.env.IMR_SHARED_DIR ? path.resolve(process.env.IMR_SHARED_DIR) : path.resolve(ROOT, '..', 'shared');

/** The seed letter the project started from (its case is examples/lumbar-mri-upheld.imr). */
export const SEED_LETTER = path.join(ROOT, 'test', 'fixtures', 'imr-final-determination-lumbar-mri.txt');

/**
 * Corpus tests run wherever the corpus is; elsewhere they are reported as
 * skipped with the reason, never silently passed.
 */
export const corpusSkip: string | false = fs.existsSync(path.join(SHARED, 'corpus', 'letters'))
  ? false
  : `the letter corpus is not at ${path.join(SHARED, 'corpus')}; set IMR_SHARED_DIR to the folder that holds corpus/ and design/`;

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

/** Every setting package.json contributes, from all its titled groups, by name. */
export function contributedSettings(pkg: { contributes: { configuration: { properties: Record<string, any> }[] } }): Record<string, any> {
  return Object.assign({}, ...pkg.contributes.configuration.map((group) => group.properties));
}

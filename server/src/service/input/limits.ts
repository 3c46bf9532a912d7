// What the service refuses to analyse: files too large to be a case, and
// binary files opened by mistake. Both get one clear diagnostic instead of a
// long stall or a screen of nonsense errors.
import type { ImrDiagnostic } from '../types';

export const MAX_CASE_CHARS = 5 * 1024 * 1024;

export function checkReadable(text: string): ImrDiagnostic | undefined {
  if (text.length > MAX_CASE_CHARS) {
    return {
      code: 'file-too-large',
      severity: 'error',
      message: `This file has ${(text.length / 1048576).toFixed(1)} million characters; a case file over ${MAX_CASE_CHARS / 1048576} million characters is not checked. Split it into one case per file.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
  }
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000') || (sample.match(/\uFFFD/g)?.length ?? 0) > 8) {
    return {
      code: 'binary-file',
      severity: 'error',
      message: 'This file is not text (it holds binary data or is not UTF-8), so it cannot be a case file. Open the .imr case, or import a letter with "IMR: Import Letter…".',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
  }
  return undefined;
}

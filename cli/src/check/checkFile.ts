// Checks one file: read, then the language service's diagnostics. The same
// function runs on the main thread and in workers, so both give identical results.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { ImrLanguageService } from '../../../server/src/service/languageService';
import type { ImrDiagnostic } from '../../../server/src/service/types';
import { readCase } from './readCase';
import { describeError } from '../../../server/src/adapters/errors';

export interface FileResult {
  /** The path as shown to the user (relative to the working directory when inside it). */
  file: string;
  diagnostics: ImrDiagnostic[];
  /** Set when the file was not checked; says why. */
  skipped?: string;
}

export function checkFile(service: ImrLanguageService, displayPath: string, cwd: string): FileResult {
  const abs = path.resolve(cwd, displayPath);
  const read = readCase(abs, service.settings.limits);
  if (!read.ok) return { file: displayPath, diagnostics: [], skipped: read.reason };
  const uri = pathToFileURL(abs).href;
  let diagnostics: ImrDiagnostic[];
  try {
    diagnostics = service.getDiagnostics({ uri, version: 1, text: read.text });
  } catch (err) {
    // The service promises not to throw; if it does, report the file rather than abort the batch.
    // Its kind and place only: the message could quote the case (see describeError).
    return { file: displayPath, diagnostics: [], skipped: `internal error while checking: ${describeError(err)}` };
  } finally {
    // A batch must not keep every parse alive.
    service.forget(uri);
  }
  return { file: displayPath, diagnostics: diagnostics.map(plainDiagnostic) };
}

/** Only what the formats print: keeps worker messages small and output stable. */
function plainDiagnostic(d: ImrDiagnostic): ImrDiagnostic {
  const plain: ImrDiagnostic = { code: d.code, severity: d.severity, message: d.message, range: plainRange(d.range) };
  // Where else the finding points (the summary sentence a rationale contradicts): same file.
  if (d.relatedInformation?.length) plain.relatedInformation = d.relatedInformation.map((r) => ({ message: r.message, range: plainRange(r.range) }));
  return plain;
}

function plainRange(r: ImrDiagnostic['range']): ImrDiagnostic['range'] {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

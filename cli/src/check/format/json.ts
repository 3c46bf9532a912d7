// JSON output: one entry per file, zero-based ranges exactly as LSP has them,
// so other tools can place findings without converting.
import type { FileResult } from '../checkFile';

export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
      ...(d.relatedInformation ? { relatedInformation: d.relatedInformation } : {}),
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

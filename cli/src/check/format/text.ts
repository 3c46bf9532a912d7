// Text output, the way compilers print: one line per finding,
// `file:line:col severity code message`, with one-based line and column.
import type { FileResult } from '../checkFile';
import { escapeControls } from '../../terminalText';

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    // Skipped files are reported on stderr by the command, not among the findings.
    if (r.skipped) continue;
    for (const d of r.diagnostics) {
      lines.push(
        `${escapeControls(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${escapeControls(oneLine(d.message))}`,
      );
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A message spread over lines would break `grep` and editors' problem matchers. */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

// Counts over a run's results, shared by every output format.
import type { FileResult } from '../checkFile';

export interface RunTotals {
  files: number;
  checked: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function totals(results: FileResult[]): RunTotals {
  const t: RunTotals = { files: results.length, checked: 0, skipped: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    if (r.skipped) {
      t.skipped++;
      continue;
    }
    t.checked++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') t.errors++;
      else if (d.severity === 'warning') t.warnings++;
      else t.infos++;
    }
  }
  return t;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `Checked 12 files (1 skipped): 3 errors, 2 warnings in 0.41 s` */
export function summaryLine(t: RunTotals, millis: number): string {
  const skipped = t.skipped ? ` (${t.skipped} skipped)` : '';
  const secs = millis < 10_000 ? (millis / 1000).toFixed(2) : (millis / 1000).toFixed(1);
  return `Checked ${plural(t.checked, 'file')}${skipped}: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in ${secs} s`;
}

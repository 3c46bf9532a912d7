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

/**
 * A batch's findings counted by code, most frequent first, as a table under
 * the report: in a bulk audit the distribution says at a glance what the
 * letters have in common, which a thousand lines do not. Empty for fewer
 * than two files checked or no findings.
 */
export function codeTable(results: FileResult[]): string {
  const checked = results.filter((r) => !r.skipped);
  if (checked.length < 2) return '';
  const rows = new Map<string, { error: number; warning: number; other: number; files: number }>();
  for (const r of checked) {
    const seen = new Set<string>();
    for (const d of r.diagnostics) {
      const row = rows.get(d.code) ?? { error: 0, warning: 0, other: 0, files: 0 };
      if (d.severity === 'error') row.error++;
      else if (d.severity === 'warning') row.warning++;
      else row.other++;
      if (!seen.has(d.code)) {
        seen.add(d.code);
        row.files++;
      }
      rows.set(d.code, row);
    }
  }
  if (rows.size === 0) return '';
  const total = (x: { error: number; warning: number; other: number }) => x.error + x.warning + x.other;
  const sorted = [...rows.entries()].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const width = Math.max(4, ...sorted.map(([code]) => code.length));
  const head = ['code'.padEnd(width), 'errors', 'warnings', 'other', 'files'];
  const line = (cells: string[]) => '  ' + [cells[0], ...cells.slice(1).map((c, i) => c.padStart(head[i + 1].length))].join('  ');
  const out = ['Findings by code:', line(head)];
  for (const [code, r] of sorted) out.push(line([code.padEnd(width), String(r.error), String(r.warning), String(r.other), String(r.files)]));
  return out.join('\n') + '\n';
}

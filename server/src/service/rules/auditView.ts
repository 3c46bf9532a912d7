// The audit view of an imported letter. The importer marks the case it
// writes (`imported-from:` in the case header); in such a case the findings
// that only say "this letter is not written in the case language" are left
// out, so a quality team reading a bulk audit sees the letter's reasoning,
// not one identical hint per label and per item. Which findings those are is
// data (data/auditView.json), read once and checked here.
import data from '../data/auditView.json';
import type { CaseFile } from '../syntax/ast';
import type { ImrDiagnostic } from '../types';

type Condition = Record<string, string | number | boolean>;

interface OffEntry {
  code: string;
  when?: Condition;
  unless?: Condition;
  why: string;
}

interface AuditView {
  marker: string;
  off: OffEntry[];
}

/** The view's data, checked once: a malformed entry is a build-time mistake, reported by the test of this module. */
export const AUDIT_VIEW: AuditView = checked(data as unknown);

function checked(raw: unknown): AuditView {
  const v = raw as Partial<AuditView>;
  const ok =
    typeof v?.marker === 'string' &&
    Array.isArray(v.off) &&
    v.off.every(
      (e) =>
        typeof e?.code === 'string' &&
        typeof e.why === 'string' &&
        [e.when, e.unless].every((c) => c === undefined || (typeof c === 'object' && c !== null && !Array.isArray(c))),
    );
  // A view that cannot be read leaves every finding on: never hides one by mistake.
  return ok ? (v as AuditView) : { marker: typeof v?.marker === 'string' ? v.marker : 'imported-from', off: [] };
}

/** Whether the case is an imported letter (its header holds the importer's marker). */
export function isImportedCase(file: CaseFile): boolean {
  return !!file.header?.fields.some((f) => f.key === AUDIT_VIEW.marker);
}

function matches(d: ImrDiagnostic, c: Condition | undefined): boolean {
  if (!c) return true;
  return Object.entries(c).every(([k, v]) => d.data?.[k] === v);
}

function matchesAny(d: ImrDiagnostic, c: Condition | undefined): boolean {
  if (!c) return false;
  return Object.entries(c).some(([k, v]) => d.data?.[k] === v);
}

/** Whether the audit view leaves this finding out of an imported case. */
export function offInAuditView(d: ImrDiagnostic): boolean {
  return AUDIT_VIEW.off.some((e) => e.code === d.code && matches(d, e.when) && !matchesAny(d, e.unless));
}

/** The findings of an imported case as its audit view shows them; other cases' findings unchanged. */
export function applyAuditView(file: CaseFile, diagnostics: ImrDiagnostic[]): ImrDiagnostic[] {
  if (!isImportedCase(file)) return diagnostics;
  return diagnostics.filter((d) => !offInAuditView(d));
}

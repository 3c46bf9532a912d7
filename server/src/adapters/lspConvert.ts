// Conversions between the language service's plain types and LSP's. The
// shapes are nearly the same by design; this file is where they meet.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { ImrDiagnostic, Severity, TextEdit } from '../service/types';
import { toPlainText } from '../service/features/snippets';
import { ruleLink } from './rulesDoc';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `rulesDoc` is the rules page shipped with the extension: with it, the code in
 * the Problems panel and the hover is a link to the rule's section.
 */
export function toLspDiagnostic(d: ImrDiagnostic, uri: string, rulesDoc?: string): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: rulesDoc && d.code ? { href: ruleLink(rulesDoc, d.code) } : undefined,
    source: 'imr',
    message: d.message,
    tags: d.tags?.includes('unnecessary') ? [DiagnosticTag.Unnecessary] : undefined,
    relatedInformation: d.relatedInformation?.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })),
    data: d.data,
  };
}

export function fromLspDiagnostic(d: Diagnostic): ImrDiagnostic {
  const sev = (Object.keys(SEVERITY) as Severity[]).find((k) => SEVERITY[k] === d.severity) ?? 'error';
  return {
    code: typeof d.code === 'string' ? d.code : String(d.code ?? ''),
    severity: sev,
    message: d.message,
    range: d.range,
    data: (d.data as Record<string, unknown> | undefined) ?? undefined,
  };
}

/** Snippet placeholders reduced to their default text, for clients without snippet support. */
export const snippetToPlain = toPlainText;

export function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: e.range, newText: e.snippet ? snippetToPlain(e.newText) : e.newText };
}

// "IMR: Export Letter…": writes the final determination letter of a case as
// PDF, HTML or plain text. The file name comes from VS Code's save dialog,
// which itself asks before replacing an existing file; nothing is written
// anywhere else. Even a chosen file is refused when it is the case itself or
// a document open with unsaved changes: writing there would lose the case or
// the author's edits. The letter is rendered in the extension host with the same
// language service the preview uses, so the export is exactly what the
// preview shows (without the preview's draft-only criteria table).
import * as vscode from 'vscode';
import { createLanguageService, type ImrLanguageService } from '../../server/src/service/languageService';
import type { LetterPreview } from './preview/letterPreview';
import { caseForCommand } from './caseForCommand';
import { readLimits } from './limits';
import { LETTER_FORMATS, type LetterFormat } from '../../server/src/service/render/formats';

/** One row of the format menu: the registry's entry, in the shape a QuickPickItem takes. */
interface FormatPick extends vscode.QuickPickItem {
  format: LetterFormat;
  /** The extension the save dialog proposes and filters on. */
  ext: string;
}

const FORMAT_PICKS: FormatPick[] = LETTER_FORMATS.map((f) => ({
  format: f.id,
  label: f.label,
  detail: f.description,
  description: `.${f.extensions[0]}`,
  ext: f.extensions[0],
}));

async function caseDocument(preview: LetterPreview | undefined, uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  if (preview?.isActive && preview.previewedDocument) return preview.previewedDocument;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'imr') return active;
  return preview?.previewedDocument;
}

/** Where the save dialog starts: next to the case, named after it. */
function defaultTarget(doc: vscode.TextDocument, ext: string): vscode.Uri | undefined {
  if (doc.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, `letter.${ext}`) : undefined;
  }
  return doc.uri.with({ path: doc.uri.path.replace(/(\.[^./]*)?$/, `.${ext}`) });
}

/** Why the letter may not be written to `target`, or undefined when it may. */
function targetProblem(target: vscode.Uri, doc: vscode.TextDocument): string | undefined {
  const name = vscode.workspace.asRelativePath(target);
  if (target.toString() === doc.uri.toString()) return `The letter was not exported: ${name} is the case file itself. Choose another file name.`;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open?.isDirty) return `The letter was not exported: ${name} is open with unsaved changes. Save or close it first, or choose another file name.`;
  return undefined;
}

export async function exportLetter(service: ImrLanguageService, preview: LetterPreview | undefined, uri?: unknown): Promise<void> {
  const doc = await caseForCommand(() => caseDocument(preview, uri), uri, 'export');
  if (!doc) return;
  service.settings = { ...service.settings, limits: readLimits() };
  const refused = service.refusal({ uri: doc.uri.toString(), version: doc.version, text: doc.getText() });
  if (refused) {
    // Too large or binary: the same reason the Problems panel gives, not a letter made of nothing.
    void vscode.window.showErrorMessage(`IMR Author cannot export this file's letter. ${refused.message}`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    FORMAT_PICKS,
    { title: 'Export Letter', placeHolder: 'Export the letter as' },
  );
  if (!picked) return;

  const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'imr' && d.severity === vscode.DiagnosticSeverity.Error).length;
  if (errors > 0) {
    const go = await vscode.window.showWarningMessage(
      `The case has ${errors} error${errors === 1 ? '' : 's'}, so the letter may be incomplete (missing parts show as [placeholders]). Export anyway?`,
      { modal: true },
      'Export Anyway',
    );
    if (go !== 'Export Anyway') return;
  }

  const target = await vscode.window.showSaveDialog({
    title: `Export Letter as ${picked.label}`,
    defaultUri: defaultTarget(doc, picked.ext),
    filters: { [picked.label]: [picked.ext] },
    saveLabel: 'Export',
  });
  if (!target) return;
  const problem = targetProblem(target, doc);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return;
  }

  const text = { uri: doc.uri.toString(), version: doc.version, text: doc.getText() };
  let bytes: Uint8Array;
  if (picked.format === 'pdf') {
    bytes = await service.renderLetter(text, 'pdf');
    if (bytes.length === 0) {
      void vscode.window.showErrorMessage('IMR Author could not make the PDF. Export the letter as HTML and print it to PDF instead.');
      return;
    }
  } else {
    bytes = new TextEncoder().encode(service.renderLetter(text, picked.format));
  }
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not write ${vscode.workspace.asRelativePath(target)}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const open = await vscode.window.showInformationMessage(`Letter exported to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
  if (open === 'Open') {
    if (picked.format === 'text') await vscode.window.showTextDocument(target);
    else await vscode.env.openExternal(target);
  }
}

export function registerExport(context: vscode.ExtensionContext, preview?: LetterPreview): void {
  const service = createLanguageService();
  context.subscriptions.push(vscode.commands.registerCommand('imr.exportLetter', (uri?: unknown) => exportLetter(service, preview, uri)));
}

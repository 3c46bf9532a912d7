// "IMR: Export Letter…": writes the final determination letter of a case as
// PDF, HTML or plain text. The file name comes from VS Code's save dialog,
// which itself asks before replacing an existing file; nothing is written
// anywhere else. Even a chosen file is refused when it is the case itself or
// a document open with unsaved changes: writing there would lose the case or
// the author's edits. The letter is rendered in the extension host with the same
// language service the preview uses, so the export is exactly what the
// preview shows (without the preview's draft-only criteria table).
//
// A final letter goes out only from a case with no error and no identifying
// text (rules/finalGate.ts): otherwise a modal question names each problem
// and offers a draft, marked DRAFT on every page, or the Problems panel. The
// check runs here on the text being exported, with the same rule settings as
// the server, so a server that is restarting or behind cannot let one by.
// After export the letter opens inside VS Code (text and HTML as documents, a
// PDF in VS Code's own editor) or is revealed in the Explorer; never through
// an external file: link, which ends a browser workbench.
import * as vscode from 'vscode';
import { createLanguageService, type ImrLanguageService } from '../../server/src/service/languageService';
import type { LetterPreview } from './preview/letterPreview';
import { caseForCommand } from './caseForCommand';
import { readLimits } from './limits';
import { LETTER_FORMATS, type LetterFormat } from '../../server/src/service/render/formats';
import { describeBlocking } from '../../server/src/service/rules/finalGate';
import { readSettings } from '../../server/src/adapters/settings';
import type { ImrDiagnostic } from '../../server/src/service/types';

/** The buttons of the finalize question; tests answer it by these words. */
export const EXPORT_DRAFT = 'Export as Draft';
export const SHOW_PROBLEMS = 'Show Problems';
/** How many problems the question names before "and N more". */
const LISTED = 8;

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
  const picked = await vscode.window.showQuickPick(FORMAT_PICKS, { title: 'Export Letter', placeHolder: 'Export the letter as' });
  if (!picked) return;

  const text = { uri: doc.uri.toString(), version: doc.version, text: doc.getText() };
  const blocking = service.getFinalizeProblems(text, ruleSettings(doc));
  if (blocking.length > 0) {
    const go = await vscode.window.showWarningMessage(
      `This case is not ready for a final letter: ${blocking.length} problem${blocking.length === 1 ? '' : 's'} must be fixed first. Export a draft, marked DRAFT on every page?`,
      { modal: true, detail: problemList(blocking) },
      EXPORT_DRAFT,
      SHOW_PROBLEMS,
    );
    if (go === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (go !== EXPORT_DRAFT) return;
  }
  const options = { draft: blocking.length > 0 };

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

  let bytes: Uint8Array;
  if (picked.format === 'pdf') {
    bytes = await service.renderLetter(text, 'pdf', options);
    if (bytes.length === 0) {
      void vscode.window.showErrorMessage('IMR Author could not make the PDF. Export the letter as HTML and print it to PDF instead.');
      return;
    }
  } else {
    bytes = new TextEncoder().encode(service.renderLetter(text, picked.format, options));
  }
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not write ${vscode.workspace.asRelativePath(target)}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  await offerToOpen(target, picked.format, options.draft);
}

/** The service settings of the `imr` section for this case, as the server reads them. */
function ruleSettings(doc: vscode.TextDocument) {
  const imr = vscode.workspace.getConfiguration('imr', doc.uri);
  return readSettings({ rules: imr.get('rules'), preview: imr.get('preview'), limits: imr.get('limits') });
}

/** The blocking problems, one a line, as the question's detail shows them. */
export function problemList(problems: readonly ImrDiagnostic[]): string {
  const lines = problems.slice(0, LISTED).map(describeBlocking);
  if (problems.length > LISTED) lines.push(`… and ${problems.length - LISTED} more in the Problems panel.`);
  return lines.join('\n');
}

/**
 * "Open" shows the letter inside VS Code: text and HTML as documents, a PDF
 * with `vscode.open` (VS Code's own editor for the file, or a PDF viewer
 * extension's); "Reveal in Explorer" when the file is in the workspace. Both
 * work in the desktop and the browser workbench alike.
 */
async function offerToOpen(target: vscode.Uri, format: LetterFormat, draft: boolean): Promise<void> {
  const inWorkspace = !!vscode.workspace.getWorkspaceFolder(target);
  const choices = inWorkspace ? ['Open', 'Reveal in Explorer'] : ['Open'];
  const what = draft ? 'Draft letter (marked DRAFT)' : 'Letter';
  const choice = await vscode.window.showInformationMessage(`${what} exported to ${vscode.workspace.asRelativePath(target)}.`, ...choices);
  if (choice === 'Open') {
    if (format === 'pdf') await vscode.commands.executeCommand('vscode.open', target);
    else await vscode.window.showTextDocument(target);
  } else if (choice === 'Reveal in Explorer') {
    await vscode.commands.executeCommand('revealInExplorer', target);
  }
}

export function registerExport(context: vscode.ExtensionContext, preview?: LetterPreview): void {
  const service = createLanguageService();
  context.subscriptions.push(vscode.commands.registerCommand('imr.exportLetter', (uri?: unknown) => exportLetter(service, preview, uri)));
}

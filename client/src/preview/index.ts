// Registers the letter preview: "IMR: Open Preview" (in place of the editor,
// like Markdown's Ctrl+Shift+V) and "IMR: Open Preview to the Side" (Ctrl+K V,
// and the editor-title button). Commands, keys and menus are declared in
// package.json.
import * as vscode from 'vscode';
import { LetterPreview, PREVIEW_VIEW_TYPE } from './letterPreview';

export { LetterPreview };

/** The .imr document a command should act on: its argument (from the explorer), else the active editor. */
async function targetDocument(preview: LetterPreview, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'imr') return active;
  return preview.previewedDocument;
}

export function registerPreview(context: vscode.ExtensionContext): LetterPreview {
  const preview = new LetterPreview(context.extensionUri);
  const open = async (uri: unknown, toSide: boolean) => {
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await targetDocument(preview, uri instanceof vscode.Uri ? uri : undefined);
    } catch (err) {
      // From the explorer: a file that is gone, or binary, cannot be opened as a case.
      const name = uri instanceof vscode.Uri ? vscode.workspace.asRelativePath(uri) : 'the case';
      void vscode.window.showErrorMessage(`Could not open ${name} to preview its letter: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (!doc) {
      void vscode.window.showInformationMessage('Open an IMR case file (.imr) to preview its letter.');
      return;
    }
    if (toSide) preview.open(doc, vscode.ViewColumn.Beside, true);
    else preview.open(doc, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, false);
  };
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('imr.showPreview', (uri?: unknown) => open(uri, false)),
    vscode.commands.registerCommand('imr.showPreviewToSide', (uri?: unknown) => open(uri, true)),
    // After a window reload VS Code brings the preview back (onWebviewPanel:imr.preview activates us).
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => preview.restore(panel, state) }),
  );
  return preview;
}

export { targetDocument };

// Registers the letter preview: "IMR: Open Preview" (in place of the editor,
// like Markdown's Ctrl+Shift+V) and "IMR: Open Preview to the Side" (Ctrl+K V,
// and the editor-title button). Commands, keys and menus are declared in
// package.json.
import * as vscode from 'vscode';
import { LetterPreview, PREVIEW_VIEW_TYPE } from './letterPreview';
import { caseForCommand } from '../caseForCommand';
import type { ServerPhaseSource } from '../server/supervisor';

export { LetterPreview };

/** The .imr document a command should act on: its argument (from the explorer), else the active editor. */
async function targetDocument(preview: LetterPreview, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'imr') return active;
  return preview.previewedDocument;
}

export function registerPreview(context: vscode.ExtensionContext, server: ServerPhaseSource): LetterPreview {
  const preview = new LetterPreview(context.extensionUri, server);
  const open = async (uri: unknown, toSide: boolean) => {
    const doc = await caseForCommand(() => targetDocument(preview, uri instanceof vscode.Uri ? uri : undefined), uri, 'preview');
    if (!doc) return;
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

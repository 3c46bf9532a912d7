// File > New File… > IMR Case, and the walkthrough's first step: an untitled
// case with the whole-case snippet expanded, so the author starts from every
// part and field the letter needs, tabbing through the placeholders. The
// snippet is the one the snippets file ships (no second copy of a case here),
// and nothing is written to disk until the author saves.
import * as vscode from 'vscode';

export const NEW_CASE_COMMAND = 'imr.newCase';
/** The whole-case snippet's name in snippets/imr.code-snippets. */
export const NEW_CASE_SNIPPET = 'New case';

export function registerNewCase(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_CASE_COMMAND, newCase));
}

async function newCase(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'imr', name: NEW_CASE_SNIPPET });
  return editor;
}

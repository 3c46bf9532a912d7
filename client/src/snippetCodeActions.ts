// Quick-fixes that insert skeletons carry snippet placeholders. LSP 3.17 has no
// snippet edits, so the server sends a plain edit plus the snippet in `data`;
// here, where VS Code supports SnippetTextEdit, the plain edit is swapped for
// the snippet so the author can tab through the placeholders.
import * as vscode from 'vscode';
import type { ProvideCodeActionsSignature } from 'vscode-languageclient/node';
import type { SnippetCodeActionData } from '../../server/src/protocol';

export async function codeActionMiddleware(
  document: vscode.TextDocument,
  range: vscode.Range,
  context: vscode.CodeActionContext,
  token: vscode.CancellationToken,
  next: ProvideCodeActionsSignature,
) {
  const actions = await next(document, range, context, token);
  if (!actions) return actions;
  for (const action of actions) {
    if (!(action instanceof vscode.CodeAction)) continue;
    // The languageclient keeps the server's `data` on its own CodeAction subclass.
    const snippetEdits = (action as unknown as { data?: Partial<SnippetCodeActionData> }).data?.imrSnippetEdits;
    if (!snippetEdits) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      snippetEdits.map((e) => {
        const r = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
        return e.snippet
          ? new vscode.SnippetTextEdit(r, new vscode.SnippetString(e.newText))
          : new vscode.SnippetTextEdit(r, new vscode.SnippetString().appendText(e.newText));
      }),
    );
    action.edit = edit;
  }
  return actions;
}

// The case a command (preview, export) acts on, or a message saying why there
// is none. Shared so both commands word their failures alike.
import * as vscode from 'vscode';

export async function caseForCommand(
  find: () => Thenable<vscode.TextDocument | undefined>,
  uri: unknown,
  purpose: 'preview' | 'export',
): Promise<vscode.TextDocument | undefined> {
  let doc: vscode.TextDocument | undefined;
  try {
    doc = await find();
  } catch (err) {
    // From the explorer: a file that is gone, or binary, cannot be opened as a case.
    const name = uri instanceof vscode.Uri ? vscode.workspace.asRelativePath(uri) : 'the case';
    void vscode.window.showErrorMessage(`Could not open ${name} to ${purpose} its letter: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (!doc) void vscode.window.showInformationMessage(`Open an IMR case file (.imr) to ${purpose} its letter.`);
  return doc;
}

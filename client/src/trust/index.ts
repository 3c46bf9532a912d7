// Workspace trust on the VS Code side. The server is told whether the
// workspace is trusted (initializationOptions, read afresh on every start of
// the client) and when the user grants trust (workspaceTrustNotification); the server
// then reads `.imr/criteria` and checks the open cases again. In Restricted
// Mode, when the workspace has criteria files, the user is told once why they
// do not count, and a status bar item stays until trust is granted.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isCriteriaFileName, MANAGE_TRUST_ACTION, MANAGE_TRUST_COMMAND, restrictedNotice } from './notice';
import { workspaceTrustNotification, type ImrInitializationOptions } from '../../../server/src/protocol';

/** The client's initializationOptions: a function, so a restarted client sends the trust of the moment. */
export function trustInitializationOptions(): Required<ImrInitializationOptions> {
  return { workspaceTrusted: vscode.workspace.isTrusted };
}

/** `.imr/criteria/*.json` of every workspace folder, as paths relative to the folder. */
async function criteriaFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, '.imr', 'criteria'));
      for (const [name, type] of entries) if (type === vscode.FileType.File && isCriteriaFileName(name)) found.push(`.imr/criteria/${name}`);
    } catch {
      // no criteria folder: the usual case
    }
  }
  return found.sort();
}

export function registerWorkspaceTrust(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client()?.sendNotification(workspaceTrustNotification, { trusted: true });
    }),
  );
  if (vscode.workspace.isTrusted) return;
  void criteriaFiles().then((files) => {
    const notice = restrictedNotice(vscode.workspace.isTrusted, files);
    if (!notice) return;
    const item = vscode.window.createStatusBarItem('imr.restricted', vscode.StatusBarAlignment.Left, 99);
    item.name = 'IMR Restricted Mode';
    item.text = notice.status;
    item.tooltip = notice.tooltip;
    item.command = MANAGE_TRUST_COMMAND;
    item.show();
    context.subscriptions.push(
      item,
      vscode.workspace.onDidGrantWorkspaceTrust(() => item.dispose()),
    );
    void vscode.window.showInformationMessage(notice.message, MANAGE_TRUST_ACTION).then((picked) => {
      if (picked === MANAGE_TRUST_ACTION) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
    });
  });
}

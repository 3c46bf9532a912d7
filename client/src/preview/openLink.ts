// Opens a link clicked in the preview, but only after the user agrees in a
// modal dialog; links the preview may not open are refused with the reason
// (see links.ts for the decision).
import * as vscode from 'vscode';
import { decideLink, OPEN_LINK_ACTION } from './links';

export async function openLinkFromPreview(href: unknown): Promise<void> {
  const decision = decideLink(href);
  if (!decision.open) {
    void vscode.window.showWarningMessage(decision.reason);
    return;
  }
  const choice = await vscode.window.showWarningMessage(decision.prompt, { modal: true }, OPEN_LINK_ACTION);
  if (choice === OPEN_LINK_ACTION) await vscode.env.openExternal(vscode.Uri.parse(decision.url, true));
}

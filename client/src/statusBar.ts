// One status bar item for the active case: whether its letter can go out as
// final (no error and no identifying text, the export's own gate in
// rules/finalGate.ts) or is still a draft, and how many problems stand in the
// way. It does not count errors and warnings: VS Code's own status bar does,
// and two counters side by side only make the author compare them. A click
// opens the Problems panel. It reads VS Code's diagnostics, no server call.
// While the language server restarts, or once it has stopped, it says so
// instead: an empty list then would claim "no problems" that nobody checked.
import * as vscode from 'vscode';
import { RESTART_COMMAND, type ServerPhaseSource } from './server/supervisor';
import { blocksFinalLetter } from '../../server/src/service/rules/finalGate';
import type { Severity } from '../../server/src/service/types';

function codeOf(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return String(code ?? '');
}

function severityOf(d: vscode.Diagnostic): Severity {
  switch (d.severity) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Information:
      return 'information';
    default:
      return 'hint';
  }
}

export class ProblemsStatusItem implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('imr.problems', vscode.StatusBarAlignment.Left, 100);
  private subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: ServerPhaseSource) {
    this.item.name = 'IMR case problems';
    this.subscriptions.push(
      server.onDidChangePhase(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  private update() {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'imr') {
      this.item.hide();
      return;
    }
    this.item.show();
    if (this.server.phase === 'restarting') {
      this.item.text = '$(sync~spin) IMR: server restarting';
      this.item.tooltip = 'The IMR language server is restarting; the problems listed may be out of date until it is back.';
      this.item.command = undefined;
      return;
    }
    if (this.server.phase === 'stopped') {
      this.item.text = '$(debug-disconnect) IMR: server stopped';
      this.item.tooltip = 'The IMR language server has stopped, so the case is not being checked. Click to restart it.';
      this.item.command = RESTART_COMMAND;
      return;
    }
    this.item.command = 'workbench.actions.view.problems';
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'imr');
    const blocking = diags.filter((d) => blocksFinalLetter({ code: codeOf(d), severity: severityOf(d) })).length;
    const others = diags.length - blocking;
    const remain = others === 0 ? '' : ` ${others} other finding${others === 1 ? '' : 's'} do${others === 1 ? 'es' : ''} not stop it.`;
    if (blocking === 0) {
      this.item.text = '$(check) IMR: ready for a final letter';
      this.item.tooltip = `No errors and no identifying text: the letter can be exported as final.${remain} Click to open the Problems panel.`;
    } else {
      this.item.text = `$(edit) IMR: draft, ${blocking} to fix`;
      this.item.tooltip = `${blocking} problem${blocking === 1 ? '' : 's'} (errors or identifying text) must be fixed before a final letter; until then an export is a draft, marked DRAFT on every page.${remain} Click to open the Problems panel.`;
    }
  }

  dispose() {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

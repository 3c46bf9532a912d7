// A status bar item with the active case's errors and warnings; a click opens
// the Problems panel. It reads VS Code's diagnostics, so it needs no server call.
// While the language server restarts, or once it has stopped, it says so
// instead: an empty list then would claim "no problems" that nobody checked.
import * as vscode from 'vscode';
import { RESTART_COMMAND, type ServerPhaseSource } from './server/supervisor';

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
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = errors + warnings === 0 ? '$(pass) IMR: no problems' : `$(error) ${errors} $(warning) ${warnings} IMR`;
    this.item.tooltip =
      errors + warnings === 0
        ? 'The case has no errors or warnings.'
        : `The case has ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}. Click to open the Problems panel.`;
  }

  dispose() {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

// A status bar item with the active case's errors and warnings; a click opens
// the Problems panel. It reads VS Code's diagnostics, so it needs no server call.
import * as vscode from 'vscode';

export class ProblemsStatusItem implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('imr.problems', vscode.StatusBarAlignment.Left, 100);
  private subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'IMR case problems';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
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
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'imr');
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = errors + warnings === 0 ? '$(pass) IMR: no problems' : `$(error) ${errors} $(warning) ${warnings} IMR`;
    this.item.tooltip =
      errors + warnings === 0
        ? 'The case has no errors or warnings.'
        : `The case has ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}. Click to open the Problems panel.`;
    this.item.show();
  }

  dispose() {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

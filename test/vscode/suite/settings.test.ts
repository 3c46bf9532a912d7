// A rule set to "off" in the settings stops reporting at once, without a
// reload, and comes back when the setting is removed.
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, freshCopy, openCase, waitForDiagnostics } from './helpers';

describe('rule settings', () => {
  const config = () => vscode.workspace.getConfiguration('imr');
  after(async () => {
    await config().update('rules.unused-label', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('imr.rules.unused-label: "off" removes those diagnostics and they return when it is cleared', async () => {
    const uri = freshCopy('lumbar-mri-upheld.imr');
    await openCase(uri);
    const unused = (d: vscode.Diagnostic[]) => d.filter((x) => codeOf(x) === 'unused-label');
    const before = await waitForDiagnostics(uri, (d) => unused(d).length > 0, 'unused-label diagnostics on the seed letter');
    const others = before.filter((x) => codeOf(x) !== 'unused-label').length;

    await config().update('rules.unused-label', 'off', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (d) => unused(d).length === 0 && d.length === others, 'unused-label to be turned off (and nothing else to change)');

    await config().update('rules.unused-label', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (d) => unused(d).length === unused(before).length, 'unused-label to come back');
  });
});

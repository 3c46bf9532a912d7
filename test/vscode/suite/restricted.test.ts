// Restricted Mode, in the real editor: test/vscode/run.mjs opens a folder VS
// Code does not trust, whose .vscode/settings.json turns `unused-label` off and
// whose .imr/criteria/my-scan.json defines the section `my-scan`. Neither may
// count: the setting is in package.json's restrictedConfigurations, so VS Code
// answers the server's configuration request without it, and the server does
// not read the criteria file. This is the only place the editor's own handling
// of restricted settings is checked. Runs only in that pass (suite/index.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, freshCopy, openCase, waitForDiagnostics, workspaceRoot } from './helpers';

describe('restricted mode (an untrusted folder)', () => {
  it("ignores the folder's rule settings and criteria files, and says so on the criteria file", async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder opened in Restricted Mode');
    const folderSettings = JSON.parse(fs.readFileSync(path.join(workspaceRoot(), '.vscode', 'settings.json'), 'utf8'));
    assert.equal(folderSettings['imr.rules.unused-label'], 'off', 'the folder does set the rule off');
    // VS Code hides a restricted setting's folder value from every extension (and so from the server's configuration request).
    assert.equal(vscode.workspace.getConfiguration('imr').inspect('rules.unused-label')?.workspaceValue, undefined);

    const uri = freshCopy('lumbar-mri-upheld.imr', (t) => t.replace('criteria: low-back-mri', 'criteria: my-scan'));
    await openCase(uri);
    const diags = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'unused-label') && d.some((x) => /"my-scan" is not a guideline section/.test(x.message)),
      'unused-label (the folder\'s "off" ignored) and my-scan unknown (its criteria file unread)',
    );
    assert.ok(diags.length > 0);

    const criteria = vscode.Uri.file(path.join(workspaceRoot(), '.imr', 'criteria', 'my-scan.json'));
    const notice = await waitForDiagnostics(criteria, (d) => d.length > 0, 'the note on the criteria file');
    assert.deepEqual(
      notice.map((d) => [codeOf(d), d.severity]),
      [['untrusted-workspace', vscode.DiagnosticSeverity.Information]],
    );
    assert.match(notice[0].message, /not trusted, so IMR Author does not use this criteria file/);
  });
});

// The light bulb's quick-fixes mend what the diagnostics report.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAction, closeAllEditors, codeOf, freshCopy, openCase, quickFixesFor, waitForDiagnostics } from './helpers';

describe('quick-fixes', () => {
  after(closeAllEditors);

  it('adds a missing field, and its diagnostic goes away', async () => {
    const uri = freshCopy('broken.imr');
    const { document: doc } = await openCase(uri);
    const isLicensure = (d: vscode.Diagnostic) => codeOf(d) === 'missing-field' && /Licensure/.test(d.message);
    const diags = await waitForDiagnostics(uri, (d) => d.some(isLicensure), 'the missing licensure');
    const diag = diags.find(isLicensure)!;

    const fixes = await quickFixesFor(uri, diag);
    // (Actions returned by executeCodeActionProvider lose their `diagnostics`, so the title identifies the fix.)
    const fix = fixes.find((a) => /licensure/.test(a.title));
    assert.ok(fix, `a quick-fix should address the missing licensure; offered: ${fixes.map((a) => a.title).join(' | ')}`);
    await applyAction(fix);

    assert.match(doc.getText(), /^\s+licensure:/m, 'the fix should add a `licensure:` line');
    await waitForDiagnostics(uri, (d) => !d.some(isLicensure), 'the missing-licensure diagnostic to go away');
  });

  it('corrects a misspelled field name to the one it suggests', async () => {
    const uri = freshCopy('broken.imr');
    const { document: doc } = await openCase(uri);
    const isTypo = (d: vscode.Diagnostic) => codeOf(d) === 'unknown-field';
    const diags = await waitForDiagnostics(uri, (d) => d.some(isTypo), 'the misspelled field');
    const fixes = await quickFixesFor(uri, diags.find(isTypo)!);
    const fix = fixes.find((a) => /specialty/.test(a.title));
    assert.ok(fix, `a quick-fix should offer "specialty"; offered: ${fixes.map((a) => a.title).join(' | ')}`);
    await applyAction(fix);
    assert.match(doc.getText(), /^\s+specialty: Emergency Medicine$/m);
    await waitForDiagnostics(uri, (d) => !d.some(isTypo), 'the unknown-field diagnostic to go away');
  });
});

// "IMR: Export Letter…" writes the letter as PDF and as plain text.
//
// The command asks for the format (a quick pick) and the target (a save
// dialog) and has no argument form that skips them, so these tests answer the
// dialogs as the author would: the extension and the tests share one `vscode`
// API object, and the dialogs are replaced for the duration of a test.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, freshCopy, openCase, waitForAnyDiagnostics, workspaceRoot, errorMessagesDuring } from './helpers';

type Window = Record<string, unknown>;

function answerDialogs(format: string, target: vscode.Uri): () => void {
  const w = vscode.window as unknown as Window;
  const saved = { showQuickPick: w.showQuickPick, showSaveDialog: w.showSaveDialog, showInformationMessage: w.showInformationMessage, showWarningMessage: w.showWarningMessage };
  const asked: string[] = [];
  w.showQuickPick = async (items: readonly { format?: string }[] | Thenable<readonly { format?: string }[]>) => {
    asked.push('format');
    return (await items).find((i) => i.format === format);
  };
  w.showSaveDialog = async () => {
    asked.push('target');
    return target;
  };
  w.showInformationMessage = async () => undefined; // "Letter exported…": not opened
  w.showWarningMessage = async () => {
    asked.push('warning');
    return undefined;
  };
  return () => {
    Object.assign(w, saved);
    assert.deepEqual(asked, ['format', 'target'], 'the export asked for the format, then the file (and gave no warning: the case has no errors)');
  };
}

describe('export', () => {
  after(closeAllEditors);

  async function exportAs(format: string, ext: string): Promise<Buffer> {
    const uri = freshCopy('lumbar-mri-upheld.imr');
    await openCase(uri);
    await waitForAnyDiagnostics(uri);
    const target = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', `exported-${format}.${ext}`));
    const restore = answerDialogs(format, target);
    try {
      await vscode.commands.executeCommand('imr.exportLetter', uri);
    } finally {
      restore();
    }
    assert.ok(fs.existsSync(target.fsPath), `the letter should be written to ${path.basename(target.fsPath)}`);
    return fs.readFileSync(target.fsPath);
  }

  it('writes a PDF', async () => {
    const pdf = await exportAs('pdf', 'pdf');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF file starts with %PDF-');
    assert.match(pdf.subarray(-64).toString('latin1'), /%%EOF\s*$/, 'and ends with %%EOF');
    assert.ok(pdf.length > 2000, `a letter's PDF is more than a few bytes (${pdf.length})`);
  });

  it('says so when the case it is given cannot be opened', async () => {
    const missing = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'no-such-case.imr'));
    const errors = await errorMessagesDuring(() => vscode.commands.executeCommand('imr.exportLetter', missing));
    assert.equal(errors.length, 1, 'one error message');
    assert.match(errors[0], /^Could not open .*no-such-case\.imr to export its letter: /);
  });

  it('declines a case over the size limit (imr.limits.maxFileSize) with the reason, before asking anything', async () => {
    // 70 KB: over the default limit of 64 KB. The server shows the same reason as the file's one diagnostic.
    const uri = freshCopy('lumbar-mri-upheld.imr', (t) => `${t}\n-- ${'x'.repeat(70 * 1024 - t.length)}\n`);
    await openCase(uri);
    const w = vscode.window as unknown as Window;
    const savedPick = w.showQuickPick;
    let asked = false;
    w.showQuickPick = async () => {
      asked = true;
      return undefined;
    };
    try {
      const errors = await errorMessagesDuring(() => vscode.commands.executeCommand('imr.exportLetter', uri));
      assert.equal(errors.length, 1, 'one error message');
      assert.match(errors[0], /^IMR Author cannot export this file's letter\. This file is 70(\.\d)? KB; case files over 64 KB are not checked/);
      assert.match(errors[0], /imr\.limits\.maxFileSize/);
    } finally {
      w.showQuickPick = savedPick;
    }
    assert.equal(asked, false, 'no format was asked for a letter that will not be made');
  });

  it('writes the plain-text letter', async () => {
    const text = (await exportAs('text', 'txt')).toString('utf8');
    for (const part of ['Case Number: CM15-0201234', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'Certification(s)/Specialty: Emergency Medicine']) {
      assert.ok(text.includes(part), `the text letter has "${part}"`);
    }
    assert.doesNotMatch(text, /^\s*(case|reviewer|worker|summary|item)\b/m, 'the letter is prose, not the case language');
  });
});

// File > New File… > IMR Case and the walkthrough: a new untitled case with
// every part and field, checked like any case; the rule codes link to the
// rules page inside the extension; the [imr] editor defaults hold.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, codeOf, waitForDiagnostics } from './helpers';

describe('a new case', () => {
  after(closeAllEditors);

  it('IMR: New Case opens an untitled case with every part of the letter, and its diagnostics link to the shipped rules page', async () => {
    await vscode.commands.executeCommand('imr.newCase');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'untitled', 'nothing is written to disk before the author saves');
    assert.equal(doc.languageId, 'imr');
    // Tab indents one level of the case language, two spaces as the snippet writes them.
    assert.equal(editor.options.insertSpaces, true);
    assert.equal(editor.options.tabSize, 2);
    for (const keyword of ['case', 'reviewer', 'worker', 'summary', 'item'])
      assert.match(doc.getText(), new RegExp(`^${keyword}\\b`, 'm'), `the new case has its ${keyword} part`);
    // The snippet's placeholders are still the author's to fill (dates not yet written are errors), but no part is missing.
    // The empty document's own finding may come first: wait for the checked snippet.
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'missing-section'),
      'diagnostics of the expanded new case',
    );
    const linked = diags.find((d) => typeof d.code === 'object');
    assert.ok(linked, 'a diagnostic code carries its link');
    const target = (linked.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'file', 'the rules page is the one inside the extension, not a web page');
    assert.equal(target.fragment, codeOf(linked));
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(target.fsPath.startsWith(ext.extensionUri.fsPath), `${target.fsPath} is inside the extension`);
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), new RegExp(`^### \`${codeOf(linked)}\`$`, 'm'));
  });

  it('an empty case gets one finding that offers every part, not five errors', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: '' });
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length > 0, 'the empty case finding');
    assert.equal(diags.length, 1, diags.map((d) => d.message).join(' | '));
    assert.match(diags[0].message, /^The case file is empty/);
  });

  it('case files wrap their prose, do not suggest words from the text and indent by two spaces', () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'imr' });
    assert.equal(config.get('wordWrap'), 'on');
    assert.equal(config.get('wordBasedSuggestions'), 'off');
    assert.equal(config.get('tabSize'), 2);
    assert.equal(config.get('insertSpaces'), true);
  });
});

// The extension wakes up for a case file and its bundled server answers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, freshCopy, openCase, waitForAnyDiagnostics } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('activates on an .imr file and the server publishes diagnostics for it', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} should be loaded as the development extension`);
    const uri = freshCopy('lumbar-mri-upheld.imr');
    const editor = await openCase(uri);
    assert.equal(editor.document.languageId, 'imr', 'a .imr file should open in the IMR case language');
    // Activation is asynchronous; the diagnostics prove the client started the server.
    const diags = await waitForAnyDiagnostics(uri);
    assert.ok(ext.isActive, 'the extension should be active once an .imr file is open');
    assert.ok(
      diags.every((d) => d.source === 'imr'),
      `every diagnostic should come from the imr server, got sources ${[...new Set(diags.map((d) => d.source))].join(', ')}`,
    );
  });
});

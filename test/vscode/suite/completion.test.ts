// Completion offers what may be written where the cursor stands: the fields of
// the part, and the criteria of the guideline section an item cites.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, freshCopy, openCase, positionOf, waitForAnyDiagnostics } from './helpers';

/** The labels the language server offers at a position (the contributed snippets, offered everywhere, left out). */
async function labelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('completion', () => {
  after(closeAllEditors);

  it('offers the missing fields of the reviewer part on an empty line in it', async () => {
    // An empty, indented line right under `reviewer`.
    const uri = freshCopy('broken.imr', (t) => t.replace(/^reviewer\n/m, 'reviewer\n  \n'));
    const { document: doc } = await openCase(uri);
    await waitForAnyDiagnostics(uri);
    const line = positionOf(doc, '\nreviewer\n').line + 2;
    const labels = await labelsAt(uri, new vscode.Position(line, 2));
    assert.ok(labels.includes('licensure') && labels.includes('specialty'), `licensure and specialty should be offered; got ${labels.join(', ')}`);
    for (const other of ['age', 'decision', 'organization']) {
      assert.ok(!labels.includes(other), `"${other}" belongs to another part and should not be offered; got ${labels.join(', ')}`);
    }
  });

  it('offers a criterion of the cited guideline section that the item has left out', async () => {
    // The seed letter evaluates LMRI-01..06 of low-back-mri; take LMRI-03 out and leave an empty line.
    const uri = freshCopy('lumbar-mri-upheld.imr', (t) => t.replace(/^(\s+)LMRI-03: unknown$/m, '$1'));
    const { document: doc } = await openCase(uri);
    await waitForAnyDiagnostics(uri);
    const at = positionOf(doc, 'LMRI-02');
    const labels = await labelsAt(uri, new vscode.Position(at.line + 1, at.character));
    assert.ok(labels.includes('LMRI-03'), `LMRI-03 should be offered in the criteria block; got ${labels.join(', ') || 'nothing'}`);
    assert.ok(!labels.includes('LMRI-01'), 'a criterion already evaluated should not be offered again');
  });
});

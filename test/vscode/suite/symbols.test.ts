// The outline lists the parts of the letter, each item by its service.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, freshCopy, openCase, positionOf, waitForAnyDiagnostics } from './helpers';

describe('document symbols', () => {
  after(closeAllEditors);

  it('lists case, reviewer, worker, summary and the item in order, with their ranges', async () => {
    const uri = freshCopy('lumbar-mri-upheld.imr');
    const { document: doc } = await openCase(uri);
    await waitForAnyDiagnostics(uri); // the server is up
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols && symbols.length > 0, 'the outline should not be empty');
    const keywords = ['case CM15-0201234', 'reviewer', 'worker', 'summary', 'item MRI of the lumbar spine'];
    assert.equal(symbols.length, keywords.length, `one symbol per part; got ${symbols.map((s) => s.name).join(', ')}`);
    symbols.forEach((s, i) => {
      const start = positionOf(doc, `\n${keywords[i]}`).translate(1, 0);
      assert.equal(s.selectionRange.start.line, start.line, `${s.name} should start at the line of \`${keywords[i]}\``);
      assert.ok(s.range.contains(s.selectionRange), `${s.name}: the range holds the selection range`);
    });
    assert.match(symbols[0].name, /CM15-0201234/, 'the case symbol names the case number');
    assert.match(symbols[4].name, /MRI of the lumbar spine/, 'the item symbol names the service');
    const item = symbols[4];
    assert.ok(item.range.end.line >= positionOf(doc, 'MRI of lumbar spine is not medically necessary').line, 'the item spans its rationale');
  });
});

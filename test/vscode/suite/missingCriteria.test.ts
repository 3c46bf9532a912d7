// An item that leaves out criteria of the guideline section it cites gets a
// missing-criteria warning, and its quick-fix inserts those criteria.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAction, closeAllEditors, codeOf, freshCopy, openCase, quickFixesFor, rangeOf, waitForDiagnostics } from './helpers';

describe('missing-criteria quick-fix', () => {
  after(closeAllEditors);

  it('inserts the criteria of the cited section that the item left out', async () => {
    // The seed letter addresses LMRI-01..06 of low-back-mri; drop two of them.
    const uri = freshCopy('lumbar-mri-upheld.imr', (t) => t.replace(/^\s+LMRI-03:.*\n/m, '').replace(/^\s+LMRI-05:.*\n/m, ''));
    const { document: doc } = await openCase(uri);
    const isMissing = (d: vscode.Diagnostic) => codeOf(d) === 'missing-criteria';
    const diags = await waitForDiagnostics(uri, (d) => d.some(isMissing), 'a missing-criteria warning');
    const diag = diags.find(isMissing)!;
    assert.equal(diag.range.start.line, rangeOf(doc, 'low-back-mri').start.line, 'reported on the criteria line');
    assert.match(diag.message, /LMRI-03/);
    assert.match(diag.message, /LMRI-05/);

    const fixes = await quickFixesFor(uri, diag);
    const fix = fixes.find((a) => a.title.includes('LMRI-03') && a.title.includes('LMRI-05'));
    assert.ok(fix, `a quick-fix should add the missing criteria; offered: ${fixes.map((a) => a.title).join(' | ') || 'nothing'}`);
    await applyAction(fix);

    const text = doc.getText();
    for (const id of ['LMRI-03', 'LMRI-05']) assert.match(text, new RegExp(`^\\s+${id}:`, 'm'), `${id} is back in the criteria block`);
    // Inside the criteria block: after LMRI-02 and before the rationale.
    assert.ok(text.indexOf('LMRI-03') > text.indexOf('LMRI-02') && text.indexOf('LMRI-05') < text.indexOf('  rationale'), 'inserted in the criteria block');
    await waitForDiagnostics(uri, (d) => !d.some(isMissing), 'the missing-criteria warning to go away');
  });
});

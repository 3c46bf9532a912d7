// A broken case shows the problems a careful reader would find, with their
// rule codes and exactly the ranges they are about.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeRange, freshCopy, keywordRange, openCase, rangeOf, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  after(closeAllEditors);

  it('reports a missing field, a misspelled field and an unreadable date with codes and ranges', async () => {
    const uri = freshCopy('broken.imr');
    const { document: doc } = await openCase(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-field'), 'an unknown-field diagnostic');

    const expected: { code: string; range: vscode.Range; severity: vscode.DiagnosticSeverity; says: RegExp }[] = [
      // Reported on the part's keyword line, where the field belongs.
      { code: 'missing-field', range: keywordRange(doc, 'reviewer'), severity: vscode.DiagnosticSeverity.Error, says: /State\(s\) of Licensure/ },
      { code: 'unknown-field', range: rangeOf(doc, 'specality'), severity: vscode.DiagnosticSeverity.Error, says: /did you mean "specialty"/ },
      { code: 'invalid-value', range: rangeOf(doc, '1-32-2014'), severity: vscode.DiagnosticSeverity.Error, says: /"1-32-2014" is not a date/ },
    ];
    for (const e of expected) {
      const found = diags.find((d) => codeOf(d) === e.code && e.says.test(d.message));
      assert.ok(found, `expected a ${e.code} diagnostic matching ${e.says}; got ${diags.map((d) => `${codeOf(d)}@${describeRange(d.range)}`).join(', ')}`);
      assert.equal(describeRange(found.range), describeRange(e.range), `range of ${e.code}`);
      assert.equal(found.severity, e.severity, `severity of ${e.code}`);
    }
    // The seed letter's header is complete: nothing is reported on it.
    const header = rangeOf(doc, 'case CM15-0201234');
    assert.deepEqual(diags.filter((d) => d.range.start.line === header.start.line).map(codeOf), [], 'the complete case header has no diagnostics');
  });
});

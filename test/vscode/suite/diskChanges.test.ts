// A case changed on disk by another program while it is open is not written
// over by any IMR command: every command the extension contributes (read from
// its package.json, so a new one cannot slip by untested) and every quick-fix
// offered for the case is run, with the dialogs answered as the author would,
// and the file must still hold the other program's text, with no save even
// attempted. Export may write only the file its save dialog returned, and
// refuses the case itself and a document open with unsaved changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  applyAction,
  closeAllEditors,
  freshCopy,
  openCase,
  quickFixesFor,
  rangeOf,
  waitForAnyDiagnostics,
  waitForDiagnostics,
  waitForEvent,
  workspaceRoot,
} from './helpers';

type Window = Record<string, unknown>;

/** Dialog answers for one command run; each stub records that it was asked. */
interface Answers {
  format?: string;
  saveTo?: vscode.Uri;
  openFile?: vscode.Uri;
}

let exportCount = 0;

describe('files changed on disk', () => {
  const w = vscode.window as unknown as Window;
  const saved: Window = {};
  const errors: string[] = [];
  const willSave: string[] = [];
  let answers: Answers = {};
  let subscription: vscode.Disposable | undefined;

  before(() => {
    for (const k of ['showQuickPick', 'showSaveDialog', 'showOpenDialog', 'showWarningMessage', 'showInformationMessage', 'showErrorMessage']) saved[k] = w[k];
    w.showQuickPick = async (items: readonly { format?: string }[] | Thenable<readonly { format?: string }[]>) =>
      (await items).find((i) => i.format === answers.format);
    w.showSaveDialog = async () => answers.saveTo;
    w.showOpenDialog = async () => (answers.openFile ? [answers.openFile] : undefined);
    w.showWarningMessage = async (_m: string, ...rest: unknown[]) => (rest.includes('Export as Draft') ? 'Export as Draft' : undefined);
    w.showInformationMessage = async () => undefined;
    w.showErrorMessage = async (m: string) => {
      errors.push(m);
      return undefined;
    };
    subscription = vscode.workspace.onWillSaveTextDocument((e) => willSave.push(e.document.uri.toString()));
  });
  after(async () => {
    Object.assign(w, saved);
    subscription?.dispose();
    await closeAllEditors();
  });

  /** The case's text as another program rewrote it: the same case, one value changed. */
  function changeOnDisk(uri: vscode.Uri): string {
    const external = fs.readFileSync(uri.fsPath, 'utf8').replace('organization: MAXIMUS Federal Services', 'organization: Changed By Another Program');
    fs.writeFileSync(uri.fsPath, external);
    return external;
  }

  function scratch(name: string): vscode.Uri {
    return vscode.Uri.file(path.join(workspaceRoot(), 'scratch', name));
  }

  /** Runs `command` with `given` as the dialogs' answers; returns the error messages it showed. */
  async function run(command: string, given: Answers, ...args: unknown[]): Promise<string[]> {
    answers = given;
    const before = errors.length;
    try {
      await vscode.commands.executeCommand(command, ...args);
    } finally {
      answers = {};
    }
    return errors.slice(before);
  }

  /** Every contributed command, each as the author would run it, while `caseDoc` is open. */
  async function runEveryCommand(caseDoc: vscode.TextDocument, dirtyOther: vscode.TextDocument): Promise<void> {
    const caseUri = caseDoc.uri;
    const runners: Record<string, () => Promise<void>> = {
      'imr.showPreview': async () => {
        await vscode.window.showTextDocument(caseDoc);
        assert.deepEqual(await run('imr.showPreview', {}), []);
      },
      'imr.showPreviewToSide': async () => {
        await vscode.window.showTextDocument(caseDoc);
        assert.deepEqual(await run('imr.showPreviewToSide', {}), []);
      },
      'imr.exportLetter': async () => {
        const target = scratch(`disk-export-${++exportCount}.txt`);
        assert.deepEqual(await run('imr.exportLetter', { format: 'text', saveTo: target }, caseUri), []);
        assert.ok(fs.existsSync(target.fsPath), 'the letter is written where the save dialog said');
        // The author picks the case itself, or a document with unsaved edits, in the save dialog: refused.
        const overCase = await run('imr.exportLetter', { format: 'text', saveTo: caseUri }, caseUri);
        assert.equal(overCase.length, 1, 'exporting over the case is refused with a message');
        assert.match(overCase[0], /^The letter was not exported: .* is the case file itself\./);
        const otherBefore = fs.readFileSync(dirtyOther.uri.fsPath, 'utf8');
        const overDirty = await run('imr.exportLetter', { format: 'text', saveTo: dirtyOther.uri }, caseUri);
        assert.equal(overDirty.length, 1, 'exporting over a document with unsaved changes is refused with a message');
        assert.match(overDirty[0], /is open with unsaved changes\. Save or close it first, or choose another file name\.$/);
        assert.equal(fs.readFileSync(dirtyOther.uri.fsPath, 'utf8'), otherBefore, 'and that file is untouched');
      },
      'imr.importLetter': async () => {
        const letter = scratch(`disk-export-${exportCount}.txt`);
        assert.ok(fs.existsSync(letter.fsPath), 'the exported letter to import');
        // The untitled case the import opens, not one already open (IMR: New Case runs before it).
        const already = new Set(vscode.workspace.textDocuments);
        const opened = waitForEvent(
          vscode.workspace.onDidOpenTextDocument,
          () => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'imr' && !already.has(d)),
          'the imported case',
        );
        assert.deepEqual(await run('imr.importLetter', { openFile: letter }), []);
        const imported = await opened;
        assert.ok(imported.isUntitled, 'the imported case opens untitled: nothing is written until the author saves');
        // Named by its case number in the tab and in Save As, never by its first line (a comment).
        const caseNumber = /^case (CM\d{2}-\d{7})$/m.exec(caseDoc.getText())?.[1];
        assert.ok(caseNumber, 'the exported case has a case number');
        assert.match(path.basename(imported.uri.path), new RegExp(`^${caseNumber}(?:-\\d+)?\\.imr$`));
        await waitForEvent(
          vscode.workspace.onDidChangeTextDocument,
          () => (imported.getText().includes(`case ${caseNumber}`) ? true : undefined),
          'the imported text in the document',
        );
      },
      'imr.newCase': async () => {
        // A new case is untitled: it writes nothing, and the open case on disk stays as it was.
        const before = fs.readFileSync(caseUri.fsPath, 'utf8');
        assert.deepEqual(await run('imr.newCase', {}), []);
        const created = vscode.window.activeTextEditor?.document;
        assert.ok(created && created.isUntitled && created.languageId === 'imr', 'the new case opens untitled');
        assert.equal(fs.readFileSync(caseUri.fsPath, 'utf8'), before);
      },
      'imr.restartServer': async () => {
        assert.deepEqual(await run('imr.restartServer', {}), []);
        await waitForDiagnostics(caseUri, (d) => d.some((x) => x.source === 'imr'), 'the case checked again after the restart');
      },
    };
    const contributed: string[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(
      contributed.filter((c) => !(c in runners)),
      [],
      'every contributed command has a runner here',
    );
    for (const command of contributed) await runners[command]();

    // Every quick-fix offered for the case, applied as from the light bulb (one per diagnostic).
    await vscode.window.showTextDocument(caseDoc);
    const diags = await waitForAnyDiagnostics(caseUri);
    let applied = 0;
    for (const diag of diags) {
      const [fix] = await quickFixesFor(caseUri, diag);
      if (!fix) continue;
      await applyAction(fix);
      applied++;
    }
    assert.ok(applied > 0, 'some quick-fix was offered and applied');
  }

  async function dirtyDocument(name: string): Promise<vscode.TextDocument> {
    const uri = scratch(name);
    fs.writeFileSync(uri.fsPath, 'notes\n');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'unsaved '));
    assert.ok(editor.document.isDirty);
    return editor.document;
  }

  it('an open case with no unsaved edits, changed on disk, is reloaded and never written over', async () => {
    await closeAllEditors();
    const uri = freshCopy('lumbar-mri-upheld.imr', (t) => t.replace('specialty:', 'specality:'));
    const { document: doc } = await openCase(uri);
    await waitForAnyDiagnostics(uri);
    const dirtyOther = await dirtyDocument('disk-other-1.txt');
    willSave.length = 0;

    const external = changeOnDisk(uri);
    await waitForEvent(
      vscode.workspace.onDidChangeTextDocument,
      () => (doc.getText() === external ? true : undefined),
      'VS Code to reload the case changed on disk',
    );
    await runEveryCommand(doc, dirtyOther);

    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), external, "the file still holds the other program's text");
    assert.ok(doc.isDirty, 'the quick-fixes are unsaved edits in the editor');
    assert.deepEqual(willSave, [], 'no command saved any document');
  });

  it('an open case with unsaved edits, changed on disk, keeps both: the edits in the editor, the change on disk', async () => {
    await closeAllEditors();
    const dirtyOther = await dirtyDocument('disk-other-2.txt');
    const uri = freshCopy('lumbar-mri-upheld.imr');
    const editor = await openCase(uri);
    await waitForAnyDiagnostics(uri);
    willSave.length = 0;

    // The author's unsaved edit: a misspelled field (which has a quick-fix).
    await editor.edit((e) => e.replace(rangeOf(editor.document, 'specialty:'), 'specality:'));
    assert.ok(editor.document.isDirty);
    const external = changeOnDisk(uri);
    await runEveryCommand(editor.document, dirtyOther);

    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), external, "the file still holds the other program's text");
    assert.ok(editor.document.isDirty, 'the editor still holds unsaved edits');
    assert.ok(editor.document.getText().includes('MAXIMUS Federal Services'), "the editor keeps the author's text, not the disk's");
    assert.deepEqual(willSave, [], 'no command saved any document');
  });
});

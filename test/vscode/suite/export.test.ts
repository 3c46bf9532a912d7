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
  const saved = {
    showQuickPick: w.showQuickPick,
    showSaveDialog: w.showSaveDialog,
    showInformationMessage: w.showInformationMessage,
    showWarningMessage: w.showWarningMessage,
  };
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
    for (const part of [
      'Case Number: CM15-0201234',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'CLINICAL CASE SUMMARY',
      'Certification(s)/Specialty: Emergency Medicine',
    ]) {
      assert.ok(text.includes(part), `the text letter has "${part}"`);
    }
    assert.doesNotMatch(text, /^\s*(case|reviewer|worker|summary|item)\b/m, 'the letter is prose, not the case language');
  });

  /** Runs Export on `uri` with the dialogs answered: the format, the target, the finalize question and the "exported" message. */
  async function exportWith(uri: vscode.Uri, format: string, target: vscode.Uri, answers: { question?: string; done?: string }) {
    const w = vscode.window as unknown as Window;
    const env = vscode.env as unknown as Record<string, unknown>;
    const saved = {
      showQuickPick: w.showQuickPick,
      showSaveDialog: w.showSaveDialog,
      showInformationMessage: w.showInformationMessage,
      showWarningMessage: w.showWarningMessage,
      openExternal: env.openExternal,
    };
    const seen = { questions: [] as { message: string; detail: string; modal: boolean; buttons: string[] }[], done: [] as string[], external: 0 };
    w.showQuickPick = async (items: readonly { format?: string }[] | Thenable<readonly { format?: string }[]>) =>
      (await items).find((i) => i.format === format);
    w.showSaveDialog = async () => target;
    w.showWarningMessage = async (message: string, options: { modal?: boolean; detail?: string }, ...buttons: string[]) => {
      seen.questions.push({ message, detail: options?.detail ?? '', modal: !!options?.modal, buttons });
      return answers.question;
    };
    w.showInformationMessage = async (message: string, ...buttons: string[]) => {
      seen.done.push(`${message} [${buttons.join(', ')}]`);
      return answers.done;
    };
    env.openExternal = async () => {
      seen.external++;
      return true;
    };
    try {
      await vscode.commands.executeCommand('imr.exportLetter', uri);
    } finally {
      Object.assign(w, {
        showQuickPick: saved.showQuickPick,
        showSaveDialog: saved.showSaveDialog,
        showInformationMessage: saved.showInformationMessage,
        showWarningMessage: saved.showWarningMessage,
      });
      env.openExternal = saved.openExternal;
    }
    return seen;
  }

  it('stops a final letter that names the worker, naming the problem, and exports it only as a draft marked DRAFT', async () => {
    const uri = freshCopy('lumbar-mri-upheld.imr', (t) => t.replace('The injured worker is', 'Mr. Jones is'));
    await openCase(uri);
    const target = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'named-letter.txt'));
    if (fs.existsSync(target.fsPath)) fs.rmSync(target.fsPath);

    const stopped = await exportWith(uri, 'text', target, {});
    assert.equal(stopped.questions.length, 1, 'one question');
    const q = stopped.questions[0];
    assert.ok(q.modal, 'a modal question');
    assert.match(q.message, /not ready for a final letter: 1 problem/);
    assert.match(q.detail, /^Line \d+: .*\(phi\)$/m, `the question names the problem: ${q.detail}`);
    assert.deepEqual(q.buttons, ['Export as Draft', 'Show Problems']);
    assert.ok(!fs.existsSync(target.fsPath), 'dismissed: nothing is written');

    const drafted = await exportWith(uri, 'text', target, { question: 'Export as Draft' });
    const letter = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(letter, /^DRAFT: not a final determination/);
    assert.match(letter.trimEnd(), /DRAFT: not a final determination[^\n]*$/);
    assert.match(drafted.done[0], /^Draft letter \(marked DRAFT\) exported to /);
  });

  it('opens an exported PDF inside VS Code, never through an external link', async () => {
    const uri = freshCopy('lumbar-mri-upheld.imr');
    await openCase(uri);
    await waitForAnyDiagnostics(uri);
    const target = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'opened-letter.pdf'));
    const opened = new Promise<void>((resolve) => {
      const has = () =>
        vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => (t.input as { uri?: vscode.Uri } | undefined)?.uri?.fsPath === target.fsPath));
      if (has()) return resolve();
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (has()) {
          sub.dispose();
          resolve();
        }
      });
    });
    const seen = await exportWith(uri, 'pdf', target, { done: 'Open' });
    assert.deepEqual(seen.questions, [], 'a clean case is not questioned');
    assert.match(seen.done[0], /^Letter exported to .*opened-letter\.pdf\. \[Open, Reveal in Explorer\]$/);
    await opened;
    assert.equal(seen.external, 0, 'no external file: link');
  });
});

// The preview opens beside the case as a webview whose page holds the letter
// under a strict Content-Security-Policy, and it follows the author's typing.
//
// How the page is read: the extension and these tests share one `vscode` API
// object (the extension host gives one per extension, and the tests live in
// the extension's folder), so wrapping window.createWebviewPanel here shows
// the panel the extension creates; its `webview.html` is the page it set and
// `postMessage` carries its updates. No test hook in the extension is needed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, freshCopy, openCase, waitForAnyDiagnostics, waitForEvent, workspaceRoot, errorMessagesDuring } from './helpers';

describe('letter preview', () => {
  const created: vscode.WebviewPanel[] = [];
  const messages: unknown[] = [];
  const posted = new vscode.EventEmitter<void>();
  const original = vscode.window.createWebviewPanel;

  before(() => {
    (vscode.window as { createWebviewPanel: typeof original }).createWebviewPanel = (...args: Parameters<typeof original>) => {
      const panel = original.apply(vscode.window, args);
      const post = panel.webview.postMessage.bind(panel.webview);
      panel.webview.postMessage = (m: unknown) => {
        messages.push(m);
        posted.fire();
        return post(m);
      };
      created.push(panel);
      return panel;
    };
  });
  after(async () => {
    (vscode.window as { createWebviewPanel: typeof original }).createWebviewPanel = original;
    await closeAllEditors();
  });

  it('Open Preview to the Side shows the letter in a webview tab with a CSP, and follows typing', async () => {
    const uri = freshCopy('lumbar-mri-upheld.imr');
    const editor = await openCase(uri);
    await waitForAnyDiagnostics(uri);

    await vscode.commands.executeCommand('imr.showPreviewToSide');
    const tab = await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /imr\.preview$/.test(t.input.viewType)),
      'a tab of the imr.preview webview',
    );
    assert.match(tab.label, /lumbar-mri-upheld/, 'the preview tab is named after the case');
    assert.notEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))?.viewColumn, 'to the side: not in the editor\'s group');
    assert.equal(created.length, 1, 'the extension created its panel through the API the tests see');

    const html = created[0].webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");
    assert.ok(csp, 'the page declares a Content-Security-Policy');
    assert.match(csp, /default-src 'none'/, 'nothing loads unless allowed');
    // Every source the policy allows is the webview's own resource origin or a nonce: no inline code, no eval, no remote host.
    const own = new Set(created[0].webview.cspSource.split(/\s+/));
    for (const directive of csp.split(';').map((d) => d.trim()).filter(Boolean)) {
      const [name, ...sources] = directive.split(/\s+/);
      for (const src of sources) {
        assert.ok(src === "'none'" || /^'nonce-[A-Za-z0-9]+'$/.test(src) || own.has(src), `${name} allows ${src}, which is neither the webview's own origin (${[...own].join(' ')}) nor a nonce`);
      }
    }
    const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'scripts are allowed by nonce');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, new RegExp(`nonce="${nonce}"`), `every script carries the nonce: ${tag}`);

    for (const text of ['CM15-0201234', 'CLINICAL CASE SUMMARY', 'Emergency Medicine', 'MRI of the lumbar spine']) {
      assert.ok(html.includes(text), `the letter in the preview shows "${text}"`);
    }

    // Type into the case: the preview receives the new letter.
    const line = editor.document.getText().split('\n').findIndex((l) => l.trimStart().startsWith('specialty:'));
    const end = editor.document.lineAt(line).range.end;
    await editor.edit((e) => e.insert(end, ', Occupational Medicine'));
    await waitForEvent(posted.event, () => (messages.some((m) => JSON.stringify(m).includes('Emergency Medicine, Occupational Medicine')) ? true : undefined), 'the preview to receive the edited letter');
  });

  it('says so when the case it is given cannot be opened', async () => {
    const missing = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'no-such-case.imr'));
    const errors = await errorMessagesDuring(() => vscode.commands.executeCommand('imr.showPreviewToSide', missing));
    assert.equal(errors.length, 1, 'one error message');
    assert.match(errors[0], /^Could not open .*no-such-case\.imr to preview its letter: /);
  });

  it('a preview hidden behind another tab and shown again shows the letter as typed, not as first opened', async () => {
    await closeAllEditors();
    const uri = freshCopy('lumbar-mri-upheld.imr');
    const editor = await openCase(uri);
    await waitForAnyDiagnostics(uri);
    const before = created.length;
    await vscode.commands.executeCommand('imr.showPreviewToSide');
    const panel = await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => created[before], 'a new preview panel');
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? true : undefined), 'the preview to be visible');

    const line = editor.document.getText().split('\n').findIndex((l) => l.trimStart().startsWith('specialty:'));
    await editor.edit((e) => e.insert(editor.document.lineAt(line).range.end, ', Physical Medicine'));
    await waitForEvent(posted.event, () => (messages.some((m) => JSON.stringify(m).includes('Emergency Medicine, Physical Medicine')) ? true : undefined), 'the preview to receive the edited letter');

    // Another (non-case) file in the preview's group hides the panel; revealing it shows it again.
    const other = path.join(workspaceRoot(), 'scratch', 'notes.txt');
    fs.writeFileSync(other, 'notes\n');
    await vscode.window.showTextDocument(vscode.Uri.file(other), { viewColumn: panel.viewColumn, preview: false });
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? undefined : true), 'the preview to be hidden');
    panel.reveal(undefined, true);
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? true : undefined), 'the preview to be shown again');
    assert.ok(panel.webview.html.includes('Emergency Medicine, Physical Medicine'), 'the page the webview reloads holds the letter as typed');
  });
});

// The preview opens beside the case as a webview whose page holds the letter
// under a strict Content-Security-Policy, and it follows the author's typing.
//
// How the page is read: recordWebviewPanels (helpers.ts) sees the panel the
// extension creates; its `webview.html` is the page it set and `postMessage`
// carries its updates. No test hook in the extension is needed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  EXTENSION_ID,
  freshCopy,
  openCase,
  waitForAnyDiagnostics,
  waitForEvent,
  workspaceRoot,
  errorMessagesDuring,
  recordWebviewPanels,
} from './helpers';

describe('letter preview', () => {
  const recorder = recordWebviewPanels();
  const { created, messages, fromPage } = recorder;

  before(() => recorder.start());
  after(async () => {
    recorder.stop();
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
    assert.notEqual(
      tab.group.viewColumn,
      vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))
        ?.viewColumn,
      "to the side: not in the editor's group",
    );
    assert.equal(created.length, 1, 'the extension created its panel through the API the tests see');

    const html = created[0].webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");
    assert.ok(csp, 'the page declares a Content-Security-Policy');
    assert.match(csp, /default-src 'none'/, 'nothing loads unless allowed');
    // Every source the policy allows is the webview's own resource origin or a nonce: no inline code, no eval, no remote host.
    const own = new Set(created[0].webview.cspSource.split(/\s+/));
    for (const directive of csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)) {
      const [name, ...sources] = directive.split(/\s+/);
      for (const src of sources) {
        assert.ok(
          src === "'none'" || /^'nonce-[A-Za-z0-9]+'$/.test(src) || own.has(src),
          `${name} allows ${src}, which is neither the webview's own origin (${[...own].join(' ')}) nor a nonce`,
        );
      }
    }
    const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'scripts are allowed by nonce');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, new RegExp(`nonce="${nonce}"`), `every script carries the nonce: ${tag}`);

    for (const text of ['CM15-0201234', 'CLINICAL CASE SUMMARY', 'Emergency Medicine', 'MRI of the lumbar spine']) {
      assert.ok(html.includes(text), `the letter in the preview shows "${text}"`);
    }

    // Type into the case: the preview receives the new letter.
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.trimStart().startsWith('specialty:'));
    const end = editor.document.lineAt(line).range.end;
    await editor.edit((e) => e.insert(end, ', Occupational Medicine'));
    await waitForEvent(
      recorder.posted,
      () => (messages.some((m) => m.includes('Emergency Medicine, Occupational Medicine')) ? true : undefined),
      'the preview to receive the edited letter',
    );
  });

  it('says so when the case it is given cannot be opened', async () => {
    const missing = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'no-such-case.imr'));
    const errors = await errorMessagesDuring(() => vscode.commands.executeCommand('imr.showPreviewToSide', missing));
    assert.equal(errors.length, 1, 'one error message');
    assert.match(errors[0], /^Could not open .*no-such-case\.imr to preview its letter: /);
  });

  it('a preview hidden behind another tab and shown again shows the letter as typed, not as first opened', async () => {
    const { editor, panel } = await recorder.openWithPreview('lumbar-mri-upheld.imr');
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? true : undefined), 'the preview to be visible');

    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.trimStart().startsWith('specialty:'));
    await editor.edit((e) => e.insert(editor.document.lineAt(line).range.end, ', Physical Medicine'));
    await waitForEvent(
      recorder.posted,
      () => (messages.some((m) => m.includes('Emergency Medicine, Physical Medicine')) ? true : undefined),
      'the preview to receive the edited letter',
    );

    // Another (non-case) file in the preview's group hides the panel; revealing it shows it again.
    const other = path.join(workspaceRoot(), 'scratch', 'notes.txt');
    fs.writeFileSync(other, 'notes\n');
    await vscode.window.showTextDocument(vscode.Uri.file(other), { viewColumn: panel.viewColumn, preview: false });
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? undefined : true), 'the preview to be hidden');
    panel.reveal(undefined, true);
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? true : undefined), 'the preview to be shown again');
    assert.ok(panel.webview.html.includes('Emergency Medicine, Physical Medicine'), 'the page the webview reloads holds the letter as typed');
  });

  it("the live panel reads only the extension's media folder, runs no command: links, and gets a fresh nonce with each page", async () => {
    const { panel } = await recorder.openWithPreview('lumbar-mri-upheld.imr');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const options = panel.webview.options;
    assert.deepEqual(
      options.localResourceRoots?.map((u) => u.toString()),
      [vscode.Uri.joinPath(extension.extensionUri, 'media').toString()],
      'exactly media/, nothing of the workspace',
    );
    assert.equal(options.enableScripts, true);
    assert.ok(!options.enableCommandUris, 'command: links do not run');
    assert.equal(options.enableForms, false);
    const nonceOf = (html: string) => /'nonce-([A-Za-z0-9]+)'/.exec(html)?.[1];
    const first = nonceOf(panel.webview.html);
    assert.ok(first && first.length >= 32, 'a long nonce');
    // Another case in the preview: a whole new page, with a new nonce.
    const other = freshCopy('physical-therapy-overturned.imr');
    await openCase(other);
    await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => (/physical-therapy/.test(panel.title) ? true : undefined),
      'the preview to follow the other case',
    );
    const second = nonceOf(panel.webview.html);
    assert.ok(second && second !== first, 'each page has its own nonce');
  });

  it('a link in the letter opens in the browser only after the user says Open in a modal question', async () => {
    const address = 'https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html';
    const { panel } = await recorder.openWithPreview('lumbar-mri-upheld.imr', (t) =>
      t.replace(/^ {2}rationale\n/m, `  rationale\n    The guideline is at ${address}.\n`),
    );
    assert.ok(panel.webview.html.includes(`<a class="external" href="${address}">${address}</a>`), 'the address is a link in the preview');
    const listeners = fromPage.get(panel)!;
    assert.ok(listeners.length > 0, 'the extension listens to its page');

    const w = vscode.window as unknown as Record<string, unknown>;
    const env = vscode.env as unknown as Record<string, unknown>;
    const saved = { showWarningMessage: w.showWarningMessage, openExternal: env.openExternal };
    const asked: { message: string; modal: boolean; items: unknown[] }[] = [];
    const opened: string[] = [];
    let answer: string | undefined;
    w.showWarningMessage = async (message: string, ...rest: unknown[]) => {
      const modal = typeof rest[0] === 'object' && rest[0] !== null && (rest[0] as { modal?: boolean }).modal === true;
      asked.push({ message, modal, items: modal ? rest.slice(1) : rest });
      return modal ? answer : undefined;
    };
    env.openExternal = async (target: vscode.Uri) => {
      opened.push(target.toString(true));
      return true;
    };
    assert.equal(vscode.env.openExternal, env.openExternal, "the test sees the extension's openExternal");
    // The page's script posts this when the link is clicked (test/unit/preview-links.test.ts checks the script).
    const click = async (href: string) => {
      for (const l of listeners) l({ type: 'openLink', href });
      await new Promise((r) => setImmediate(r)); // the handler's awaits on the stubs above are settled by now
    };
    try {
      answer = undefined; // Cancel (or Escape)
      await click(address);
      assert.deepEqual(asked, [{ message: `Open ${address} in your browser?`, modal: true, items: ['Open'] }]);
      assert.deepEqual(opened, [], 'cancelled: nothing opened');

      answer = 'Open';
      await click(address);
      assert.equal(asked.length, 2);
      assert.deepEqual(opened, [address], 'opened once, after the user agreed');

      await click('javascript:alert(1)');
      await click('command:workbench.action.terminal.new');
      assert.equal(asked.length, 4);
      assert.deepEqual(
        asked.slice(2).map((a) => a.modal),
        [false, false],
        'refused without asking',
      );
      assert.match(asked[2].message, /not "javascript:" links/);
      assert.deepEqual(opened, [address], 'nothing else opened');
    } finally {
      w.showWarningMessage = saved.showWarningMessage;
      env.openExternal = saved.openExternal;
    }
  });
});

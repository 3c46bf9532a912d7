// What the extension-host tests share: the test workspace, fresh copies of
// case files, and waits on editor events. A wait resolves on the event that
// shows the outcome (diagnostics changed, a tab opened); its timeout only turns
// "never happened" into a failure that says what was awaited.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'imr-author.imr-author';
const WAIT_MS = 30_000;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/vscode/run.mjs opens one)');
  return folder.uri.fsPath;
}

let copies = 0;
/**
 * A new file in the workspace with the contents of `name` (a file of the test
 * workspace, e.g. `broken.imr` or `lumbar-mri-upheld.imr`), so each test edits
 * its own copy and the tests do not depend on each other's order.
 */
export function freshCopy(name: string, edit: (text: string) => string = (t) => t): vscode.Uri {
  const root = workspaceRoot();
  const text = edit(fs.readFileSync(path.join(root, name), 'utf8'));
  const target = path.join(root, 'scratch', `${++copies}-${name}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return vscode.Uri.file(target);
}

export async function openCase(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** A diagnostic's code as a string, whether the client gave `code` or `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

/** Resolves with `what` once `compute` returns a value (checked now and on every `event`). */
export function waitForEvent<T>(event: vscode.Event<unknown>, compute: () => T | undefined, description: string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const finish = (value: T) => {
      clearTimeout(timer);
      sub?.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    sub = event(() => {
      const v = compute();
      if (v !== undefined) finish(v);
    });
    const now = compute();
    if (now !== undefined) finish(now);
  });
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diags: vscode.Diagnostic[]) => boolean, description: string): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diags = vscode.languages.getDiagnostics(uri);
      return accept(diags) ? diags : undefined;
    },
    `diagnostics of ${path.basename(uri.fsPath)}: ${description}`,
  );
}

/** The first diagnostics the server publishes for a document (any, even none, after a change). */
export function waitForAnyDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => d.length > 0, 'the first diagnostics');
}

/** Where `needle` starts in the document (its `nth` occurrence), so expected ranges come from the text, not from counted lines. */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `the test file should contain ${JSON.stringify(needle)}`);
  }
  return doc.positionAt(at);
}

export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const start = positionOf(doc, needle, nth);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** The range of a part's keyword (`reviewer`, `item ...`) at the start of its line. */
export function keywordRange(doc: vscode.TextDocument, keyword: string): vscode.Range {
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.lineAt(line).text.startsWith(keyword)) return new vscode.Range(line, 0, line, keyword.length);
  }
  assert.fail(`the test file should have a line starting with ${JSON.stringify(keyword)}`);
}

export function describeRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Quick-fixes the extension offers for one diagnostic, as the light bulb would list them. */
export async function quickFixesFor(uri: vscode.Uri, diag: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diag.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (all ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof (a as vscode.Command).command === 'string'));
}

/** Applies a code action's edit the way the editor does when the author picks it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `the quick-fix "${action.title}" should carry an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" should apply`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The error messages VS Code is asked to show while `run` runs (the real ones are put back after). */
export async function errorMessagesDuring(run: () => Thenable<unknown>): Promise<string[]> {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = w.showErrorMessage;
  const errors: string[] = [];
  w.showErrorMessage = async (message: string) => {
    errors.push(message);
    return undefined;
  };
  try {
    await run();
  } finally {
    w.showErrorMessage = saved;
  }
  return errors;
}

/**
 * What the preview panels the extension creates show and hear, recorded by
 * wrapping window.createWebviewPanel. The extension and these tests share one
 * `vscode` API object (one per extension; the tests live in its folder), so
 * the wrapper sees the extension's own panels without a test hook in it.
 */
export interface WebviewRecorder {
  /** Every panel created since `start`, in order. */
  readonly created: vscode.WebviewPanel[];
  /** Every message the extension posted to a page, as JSON text. */
  readonly messages: string[];
  /** Fires after each posted message. */
  readonly posted: vscode.Event<void>;
  /** The extension's listeners on each panel's `webview.onDidReceiveMessage`: what its page could send to. */
  readonly fromPage: Map<vscode.WebviewPanel, ((m: unknown) => unknown)[]>;
  /** Closes every editor, opens a fresh copy of an example (edited by `edit`), waits for its diagnostics, and opens its preview beside it. */
  openWithPreview(name: string, edit?: (text: string) => string): Promise<{ editor: vscode.TextEditor; panel: vscode.WebviewPanel }>;
  start(): void;
  stop(): void;
}

export function recordWebviewPanels(): WebviewRecorder {
  const original = vscode.window.createWebviewPanel;
  const posted = new vscode.EventEmitter<void>();
  const recorder: WebviewRecorder = {
    created: [],
    messages: [],
    posted: posted.event,
    fromPage: new Map(),
    async openWithPreview(name, edit) {
      await closeAllEditors();
      const uri = freshCopy(name, edit);
      const editor = await openCase(uri);
      await waitForAnyDiagnostics(uri);
      const before = recorder.created.length;
      await vscode.commands.executeCommand('imr.showPreviewToSide');
      const panel = await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => recorder.created[before], 'a new preview panel');
      return { editor, panel };
    },
    start() {
      (vscode.window as { createWebviewPanel: typeof original }).createWebviewPanel = (...args: Parameters<typeof original>) => {
        const panel = original.apply(vscode.window, args);
        const listeners: ((m: unknown) => unknown)[] = [];
        recorder.fromPage.set(panel, listeners);
        const receive = panel.webview.onDidReceiveMessage;
        Object.defineProperty(panel.webview, 'onDidReceiveMessage', {
          value: (listener: (m: unknown) => unknown, thisArg?: unknown, disposables?: vscode.Disposable[]) => {
            listeners.push(thisArg ? listener.bind(thisArg) : listener);
            return receive(listener, thisArg, disposables);
          },
        });
        const post = panel.webview.postMessage.bind(panel.webview);
        panel.webview.postMessage = (m: unknown) => {
          recorder.messages.push(JSON.stringify(m));
          posted.fire();
          return post(m);
        };
        recorder.created.push(panel);
        return panel;
      };
    },
    stop() {
      (vscode.window as { createWebviewPanel: typeof original }).createWebviewPanel = original;
    },
  };
  return recorder;
}

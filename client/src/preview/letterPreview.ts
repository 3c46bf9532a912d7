// The live letter preview: one webview panel that shows the final
// determination letter of the active .imr editor, like VS Code's Markdown
// preview. It follows the active editor, re-renders as the author types
// (debounced, sent by postMessage so the page keeps its scroll and does not
// flash), keeps editor and preview scrolled together, and jumps to the source
// on double-click or from the banner of errors and warnings.
//
// The letter is rendered here, in the extension host, with the same pure
// LanguageService the server uses (server/src/service, bundled into the
// client): no round trip per keystroke, and the preview always matches the
// exact text in the editor. The banner reads the diagnostics VS Code already
// holds from the server (vscode.languages.getDiagnostics), so it counts exactly
// what the Problems panel shows, with the user's rule settings, and nothing is
// computed twice. While the server restarts after a crash, or once it has
// stopped, a note above the banner says so, and the page is refreshed when the
// server is back.
import * as vscode from 'vscode';
import { createLanguageService } from '../../../server/src/service/languageService';
import { readLimits } from '../limits';
import { makeNonce, previewState, previewWebviewOptions, webviewPage, type BannerProblem } from './webviewHtml';
import { previewBannerHtml } from './serverNote';
import type { ServerPhaseSource } from '../server/supervisor';
import { openLinkFromPreview } from './openLink';
import { readFromPage, type FromPage, type ToPage } from './messages';

export const PREVIEW_VIEW_TYPE = 'imr.preview';

interface PreviewSettings {
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  doubleClickToSwitchToEditor: boolean;
  showCriteria: boolean;
  updateDelay: number;
}

function readSettings(): PreviewSettings {
  const c = vscode.workspace.getConfiguration('imr.preview');
  return {
    scrollPreviewWithEditor: c.get('scrollPreviewWithEditor', true),
    scrollEditorWithPreview: c.get('scrollEditorWithPreview', true),
    doubleClickToSwitchToEditor: c.get('doubleClickToSwitchToEditor', true),
    showCriteria: c.get('showCriteria', false),
    updateDelay: Math.max(0, c.get('updateDelay', 300)),
  };
}

export class LetterPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly service = createLanguageService();
  private readonly disposables: vscode.Disposable[] = [];
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  /** The editor scrolled because the preview asked; don't echo it back. */
  private ignoreEditorScrollUntil = 0;
  /** The panel's visibility and column when the page was last set or the view state last changed. */
  private shownIn: vscode.ViewColumn | undefined;
  private settings = readSettings();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerPhaseSource,
  ) {
    this.disposables.push(
      // Restarting, stopped or back: the note changes, and the letter is sent
      // afresh so the page shows the case as it is now.
      server.onDidChangePhase(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === 'imr' && editor.document !== this.document) this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.scheduleUpdate();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.document?.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.post({ type: 'banner', banner: this.banner() });
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('imr.preview') || e.affectsConfiguration('imr.limits')) {
          this.settings = readSettings();
          if (this.panel && this.document) this.setPage();
        }
      }),
    );
  }

  /** The case the preview shows, for commands such as Export that act on it. */
  get previewedDocument(): vscode.TextDocument | undefined {
    return this.panel ? this.document : undefined;
  }

  get isActive(): boolean {
    return !!this.panel?.active;
  }

  /** Opens (or reveals) the preview for `document`. */
  open(document: vscode.TextDocument, column: vscode.ViewColumn, preserveFocus: boolean): void {
    if (this.panel) {
      this.panel.reveal(column, preserveFocus);
      this.show(document);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      this.title(document),
      { viewColumn: column, preserveFocus },
      {
        ...this.webviewOptions(),
        enableFindWidget: true,
      },
    );
    this.adopt(panel, document);
  }

  /**
   * Takes over the panel VS Code restores after a window reload (the
   * WebviewPanelSerializer of package.json's `onWebviewPanel:imr.preview`):
   * the page's state names the case. Without a case to show, the panel closes.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = previewState(state);
    let document: vscode.TextDocument | undefined;
    try {
      if (saved) document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.resource));
    } catch {
      // The case was moved or deleted since: nothing to restore.
    }
    if (!document || this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    panel.title = this.title(document);
    this.adopt(panel, document);
  }

  private webviewOptions(): vscode.WebviewOptions {
    // The page loads nothing but our own script and stylesheet.
    return previewWebviewOptions(vscode.Uri.joinPath(this.extensionUri, 'media'));
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    this.panel = panel;
    // The panel's own events end with the panel, so these listeners are not
    // kept in `disposables`, which would grow with every preview opened.
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview-icon.svg');
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.document = undefined;
    });
    // A hidden webview is torn down, and showing it again reloads the page
    // from `webview.html`, which holds the letter as of the last setPage,
    // without the updates posted since; so does moving it to another group.
    // So the page is set afresh each time the panel comes back into view or
    // moves (the page script restores the scroll).
    panel.onDidChangeViewState((e) => {
      const shownIn = e.webviewPanel.visible ? e.webviewPanel.viewColumn : undefined;
      if (shownIn !== undefined && shownIn !== this.shownIn) this.setPage();
      this.shownIn = shownIn;
    });
    panel.webview.onDidReceiveMessage((m: unknown) => this.fromPage(readFromPage(m)));
    this.document = document;
    this.setPage();
  }

  private show(document: vscode.TextDocument): void {
    if (!this.panel) return;
    if (document === this.document) return;
    this.document = document;
    this.panel.title = this.title(document);
    // A different case: a fresh page, scrolled to where its editor is.
    this.setPage();
  }

  private title(document: vscode.TextDocument): string {
    const name = document.uri.path.split('/').pop() ?? 'case';
    return `Letter: ${name}`;
  }

  private render(): string {
    const doc = this.document;
    if (!doc) return '';
    const text = { uri: doc.uri.toString(), version: doc.version, text: doc.getText() };
    // A file over the size limit (or binary) shows no letter; the banner shows the server's reason.
    this.service.settings = { ...this.service.settings, limits: readLimits() };
    if (this.service.refusal(text)) return '';
    return this.service.renderLetter(text, 'html', {
      html: 'body',
      links: true,
      showCriteria: this.settings.showCriteria,
    });
  }

  private banner(): string {
    const doc = this.document;
    if (!doc) return '';
    const problems: BannerProblem[] = [];
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.source !== 'imr') continue;
      const severity = d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : undefined;
      if (!severity) continue;
      const code = typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
      problems.push({ severity, message: d.message, code, line: d.range.start.line, character: d.range.start.character });
    }
    problems.sort((a, b) => a.line - b.line || a.character - b.character);
    return previewBannerHtml(this.server.phase, problems);
  }

  /** Sets the whole page: on open, when the case changes, or after the panel was hidden. */
  private setPage(): void {
    if (!this.panel || !this.document) return;
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const editor = this.editorFor(this.document);
    webview.html = webviewPage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      resource: this.document.uri.toString(),
      body: this.render(),
      banner: this.banner(),
      initialLine: editor?.visibleRanges[0]?.start.line,
      settings: this.settings,
    });
    this.shownIn = this.panel.visible ? this.panel.viewColumn : undefined;
  }

  private scheduleUpdate(): void {
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => this.update(), this.settings.updateDelay);
  }

  private update(): void {
    // A hidden panel gets the whole page when it is shown again.
    if (!this.panel?.visible || !this.document) return;
    this.post({ type: 'update', body: this.render(), banner: this.banner() });
  }

  private post(message: ToPage): void {
    if (this.panel?.visible) void this.panel.webview.postMessage(message);
  }

  private editorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === document);
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.settings.scrollPreviewWithEditor || e.textEditor.document !== this.document) return;
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    const first = e.visibleRanges[0];
    if (first) this.post({ type: 'scrollTo', line: first.start.line });
  }

  private fromPage(message: FromPage | undefined): void {
    if (message?.type === 'openLink') {
      void openLinkFromPreview(message.href);
      return;
    }
    const doc = this.document;
    if (!doc || !message) return;
    const line = Math.max(0, Math.min(doc.lineCount - 1, Math.floor(message.line)));
    if (message.type === 'revealLine') {
      const editor = this.editorFor(doc);
      if (!editor) return;
      this.ignoreEditorScrollUntil = Date.now() + 150;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (message.type === 'openLine') {
      const character = Math.max(0, Math.floor(message.character));
      const position = new vscode.Position(line, character);
      const editor = this.editorFor(doc);
      void vscode.window
        .showTextDocument(doc, {
          viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One,
          selection: new vscode.Range(position, position),
          preserveFocus: false,
        })
        .then((ed) => ed.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport));
    }
  }

  dispose(): void {
    clearTimeout(this.updateTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

// The messages between the letter preview's panel (letterPreview.ts, in the
// extension host) and its page script (webview/preview.ts, in the webview),
// both ways, and the settings and state the page keeps. Both sides import
// these types, so neither can send what the other does not read. No `vscode`
// and no DOM here: it is compiled into both.

/** Extension -> page. */
export type ToPage =
  /** A new letter and banner; the page keeps the reader's scroll position and the banner's open state. */
  | { type: 'update'; body: string; banner: string }
  /** A new banner only: the diagnostics changed, the letter did not. */
  | { type: 'banner'; banner: string }
  /** The editor scrolled: show this source line at the top. */
  | { type: 'scrollTo'; line: number };

/** Page -> extension. */
export type FromPage =
  /** The preview scrolled: scroll the editor to this (fractional) source line. */
  | { type: 'revealLine'; line: number }
  /** A double-click on the letter, or a banner link: go to this place in the case file. */
  | { type: 'openLine'; line: number; character: number }
  /** A link in the letter was clicked: the extension decides whether to open it (links.ts). */
  | { type: 'openLink'; href: string | null };

/** What the page reads from its body's data-settings attribute (webviewHtml.ts writes it). */
export interface PageSettings {
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  doubleClickToSwitchToEditor: boolean;
  /** The case's URI: the page's saved state names it, so a line saved for one case never scrolls another. */
  resource: string;
  /** The source line to show first (the editor's top line), or null. */
  initialLine: number | null;
}

/** What the page keeps with vscode.setState: the case it shows and the source line at its top. */
export interface PreviewState {
  resource: string;
  line?: number;
}

/**
 * A message from the page as the extension must take it: the page shows case
 * text and could, in a bug or with injected markup, send anything. Returns the
 * message when it is one of ours with usable values, else undefined.
 */
export function readFromPage(message: unknown): FromPage | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'openLink') return { type: 'openLink', href: typeof m.href === 'string' ? m.href : null };
  if (typeof m.line !== 'number' || !Number.isFinite(m.line)) return undefined;
  if (m.type === 'revealLine') return { type: 'revealLine', line: m.line };
  if (m.type === 'openLine') {
    const character = typeof m.character === 'number' && Number.isFinite(m.character) ? m.character : 0;
    return { type: 'openLine', line: m.line, character };
  }
  return undefined;
}

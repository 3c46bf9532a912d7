// The preview webview's page, built as a string with no `vscode` import so
// the unit tests can check it: a strict Content-Security-Policy (nothing but
// our own media/ files and nonce-tagged script/style), the letter body from
// the renderer, and the banner of the case's errors and warnings. Every piece
// of case text in here has already been escaped (the letter by the renderer,
// the banner by `bannerHtml`).
import { randomBytes } from 'crypto';
import { escapeHtml } from '../../../server/src/service/render/html';
import type { PageSettings, PreviewState } from './messages';

export type { PreviewState };

export interface WebviewPageInput {
  /** `webview.cspSource`: the origin of our media/ files inside the webview. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The letter body (renderLetter(..., 'html', { html: 'body' })). */
  body: string;
  banner: string;
  /** The case's URI. The page keeps it in its state, so a reloaded window can restore the preview, and a saved scroll line is used only for its own case. */
  resource: string;
  /** Source line to scroll to when the page loads (restored state or the editor's top line). */
  initialLine?: number;
  /** Settings the page script needs. */
  settings: Omit<PageSettings, 'resource' | 'initialLine'>;
}

/**
 * A token for the CSP nonce: 32 characters from [A-Za-z0-9], from the
 * system's secure random source (Math.random is predictable, and a guessable
 * nonce would let injected markup run a script).
 */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (const byte of randomBytes(32)) s += chars[byte % chars.length];
  return s;
}

/**
 * Nothing loads unless listed: scripts only by nonce (our one script tag), so
 * markup that slipped past escaping could not run even a file of the
 * webview's own origin; styles, images and fonts from our media/ folder only;
 * no <base> to redirect relative addresses, no form to submit anywhere.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The preview panel's webview options, given the extension's media/ folder
 * (a vscode.Uri in the extension; anything in the tests). The page reads
 * nothing but media/: not the workspace, whose files it never needs (the
 * letter arrives as HTML). Scripts run (scroll sync, links), but command:
 * links do not, and forms are off.
 */
export function previewWebviewOptions<U>(mediaFolder: U): { enableScripts: true; enableCommandUris: false; enableForms: false; localResourceRoots: U[] } {
  return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [mediaFolder] };
}

export function webviewPage(input: WebviewPageInput): string {
  const { cspSource, nonce } = input;
  const pageSettings: PageSettings = {
    scrollPreviewWithEditor: input.settings.scrollPreviewWithEditor,
    scrollEditorWithPreview: input.settings.scrollEditorWithPreview,
    doubleClickToSwitchToEditor: input.settings.doubleClickToSwitchToEditor,
    resource: input.resource,
    initialLine: input.initialLine ?? null,
  };
  const settings = escapeHtml(JSON.stringify(pageSettings));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Quotes in a CSP are single quotes, safe inside this double-quoted attribute.
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(cspSource, nonce).replace(/"/g, '&quot;')}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(input.styleUri)}">`,
    '<title>IMR letter preview</title>',
    '</head>',
    `<body data-settings="${settings}">`,
    `<div id="imr-banner">${input.banner}</div>`,
    `<div id="imr-letter">${input.body}</div>`,
    `<script nonce="${nonce}" src="${escapeHtml(input.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The state VS Code hands back when it restores the preview after a reload; undefined when it is not one of ours. */
export function previewState(state: unknown): PreviewState | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const { resource, line } = state as Record<string, unknown>;
  if (typeof resource !== 'string' || resource === '') return undefined;
  return typeof line === 'number' && Number.isFinite(line) ? { resource, line } : { resource };
}

export interface BannerProblem {
  severity: 'error' | 'warning';
  message: string;
  code?: string;
  line: number;
  character: number;
}

/** Links shown per severity before the banner says "and N more". */
const MAX_LINKS = 20;

/**
 * The banner above the letter: how many errors and warnings the case has, each
 * a link to its place in the case file (the page script posts `reveal`).
 */
export function bannerHtml(problems: BannerProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (errors.length + warnings.length === 0) {
    return '<div class="banner ok" role="status">The case has no errors or warnings.</div>';
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `The case has ${count(errors.length, 'error')} and ${count(warnings.length, 'warning')}. The letter below may be incomplete.`;
  const list = (items: BannerProblem[]) => {
    const shown = items.slice(0, MAX_LINKS);
    const links = shown.map(
      (p) =>
        `<li class="${p.severity}"><a href="#" class="reveal" data-line="${p.line}" data-character="${p.character}">` +
        `<span class="where">Line ${p.line + 1}</span> ${escapeHtml(p.message)}${p.code ? ` <span class="code">(${escapeHtml(p.code)})</span>` : ''}</a></li>`,
    );
    if (items.length > shown.length) links.push(`<li class="more">and ${items.length - shown.length} more in the Problems panel</li>`);
    return links.join('');
  };
  return (
    `<details class="banner ${errors.length ? 'has-errors' : 'has-warnings'}" role="status">` +
    `<summary>${escapeHtml(summary)}</summary><ul>${list(errors)}${list(warnings)}</ul></details>`
  );
}

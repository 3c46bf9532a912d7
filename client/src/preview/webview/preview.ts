// The IMR letter preview's page script. It runs inside the webview under a
// strict CSP (loaded from media/preview.js, which esbuild bundles from this
// file, with a nonce) and talks to the extension only through postMessage,
// in the messages of ../messages.ts.
// No link navigates the page or opens anything by itself: every click on a
// link is stopped here, and the extension asks the user before it opens one.
// Source lines come from the `data-line` attributes the renderer writes; the
// mapping between scroll offset and line interpolates between those blocks,
// as VS Code's Markdown preview does.
import type { FromPage, PageSettings, PreviewState, ToPage } from '../messages';

/** The part of the webview API the page uses (VS Code defines acquireVsCodeApi in every webview). */
interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface Block {
  el: Element;
  line: number;
}

const vscode = acquireVsCodeApi();
const settings = JSON.parse(document.body.dataset.settings || '{}') as Partial<PageSettings>;
// The state (kept across hide/show and window reloads) names its case, so a
// line saved for one case never scrolls another.
const resource = settings.resource ?? '';
// webviewHtml.ts writes both; a page without them is not ours to run.
const letter = document.getElementById('imr-letter') as HTMLElement;
const banner = document.getElementById('imr-banner') as HTMLElement;

/** Blocks with a source line, in page order. */
function blocks(): Block[] {
  const out: Block[] = [];
  for (const el of letter.querySelectorAll('[data-line]')) {
    const line = Number(el.getAttribute('data-line'));
    if (Number.isFinite(line)) out.push({ el, line });
  }
  return out;
}

/** The banner sticks to the top of the page; the letter's visible top is just below it. */
function headerOffset(): number {
  return banner.getBoundingClientRect().height + 4;
}

function top(el: Element): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** The blocks around a source line: the last one at or before it and the first one after it. */
function around(line: number): { previous?: Block; next?: Block } {
  let previous: Block | undefined;
  let next: Block | undefined;
  for (const b of blocks()) {
    if (b.line <= line) previous = b;
    else if (!next && b.line > line) next = b;
  }
  return { previous, next };
}

let ignoreScrollUntil = 0;

function scrollToLine(line: number): void {
  const { previous, next } = around(line);
  let y: number;
  if (!previous) {
    if (!next) return;
    y = top(next.el);
  } else if (!next || next.line === previous.line) y = top(previous.el);
  else {
    const fraction = (line - previous.line) / (next.line - previous.line);
    y = top(previous.el) + fraction * Math.max(0, top(next.el) - top(previous.el));
  }
  ignoreScrollUntil = Date.now() + 80;
  window.scrollTo(0, Math.max(0, y - headerOffset()));
}

/** The source line at the top of the viewport, interpolated between blocks. */
function lineAtTop(): number | undefined {
  const all = blocks();
  if (all.length === 0) return undefined;
  const y = window.scrollY + headerOffset();
  let i = 0;
  while (i + 1 < all.length && top(all[i + 1].el) <= y) i++;
  const current = all[i];
  const next = all[i + 1];
  const start = top(current.el);
  if (!next || y < start) return current.line;
  const span = top(next.el) - start;
  const fraction = span > 0 ? Math.min(1, Math.max(0, (y - start) / span)) : 0;
  return current.line + fraction * (next.line - current.line);
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    const line = lineAtTop();
    if (line !== undefined) vscode.setState({ resource, line });
    if (Date.now() < ignoreScrollUntil || !settings.scrollEditorWithPreview) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      const l = lineAtTop();
      if (l !== undefined) vscode.postMessage({ type: 'revealLine', line: l });
    }, 50);
  },
  { passive: true },
);

document.addEventListener('dblclick', (event) => {
  if (!settings.doubleClickToSwitchToEditor) return;
  const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
  if (!target || !letter.contains(target)) return;
  vscode.postMessage({ type: 'openLine', line: Number(target.getAttribute('data-line')), character: 0 });
});

// Capture phase, on the whole document: runs before any other handler and
// catches every link, whatever it wraps. A middle click is an `auxclick`.
function onLinkClick(event: MouseEvent): void {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link) return;
  event.preventDefault();
  if (link.classList.contains('reveal')) return; // the banner's links, handled below
  if (event.type === 'auxclick' && event.button !== 1) return;
  vscode.postMessage({ type: 'openLink', href: link.getAttribute('href') });
}
document.addEventListener('click', onLinkClick, true);
document.addEventListener('auxclick', onLinkClick, true);

banner.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.reveal') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'openLine', line: Number(link.getAttribute('data-line')), character: Number(link.getAttribute('data-character')) || 0 });
});

/** Replaces the banner, keeping its list open if the reader had opened it. */
function setBanner(html: string): void {
  const open = banner.querySelector('details')?.open;
  banner.innerHTML = html;
  if (open) banner.querySelector('details')?.setAttribute('open', '');
}

window.addEventListener('message', (event: MessageEvent<ToPage | null | undefined>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'update') {
    // Swap the content in one go and put the reader back where they were.
    const y = window.scrollY;
    letter.innerHTML = msg.body;
    setBanner(msg.banner);
    ignoreScrollUntil = Date.now() + 80;
    window.scrollTo(0, y);
  } else if (msg.type === 'banner') {
    setBanner(msg.banner);
  } else if (msg.type === 'scrollTo' && settings.scrollPreviewWithEditor) {
    scrollToLine(msg.line);
  }
});

const state = vscode.getState() as Partial<PreviewState> | undefined;
const initial = state && state.resource === resource && typeof state.line === 'number' ? state.line : settings.initialLine;
vscode.setState({ resource, line: typeof initial === 'number' ? initial : undefined });
if (typeof initial === 'number') window.requestAnimationFrame(() => scrollToLine(initial));

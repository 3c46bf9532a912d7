import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { bannerHtml, contentSecurityPolicy, makeNonce, previewState, webviewPage } from '../../client/src/preview/webviewHtml';
import { readExample, ROOT } from '../helpers/fixtures';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const settings = { scrollPreviewWithEditor: true, scrollEditorWithPreview: true, doubleClickToSwitchToEditor: true };

function page(body: string, banner = '', nonce = makeNonce(), resource = 'file:///cases/seed.imr') {
  return webviewPage({
    cspSource: CSP_SOURCE,
    nonce,
    resource,
    scriptUri: `${CSP_SOURCE}/ext/media/preview.js`,
    styleUri: `${CSP_SOURCE}/ext/media/preview.css`,
    body,
    banner,
    initialLine: 3,
    settings,
  });
}

test('the webview page carries a strict CSP with a nonce on its only script and stylesheet', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(makeNonce(), nonce, 'a fresh nonce each time');
  const random = Math.random;
  Math.random = () => 0.5;
  try {
    assert.notEqual(makeNonce(), makeNonce(), 'the nonce does not come from Math.random, which is predictable');
  } finally {
    Math.random = random;
  }
  const body = new LanguageService().renderLetter({ uri: 'file:///seed.imr', version: 1, text: readExample('lumbar-mri-upheld.imr') }, 'html', { html: 'body' });
  const html = page(body, '', nonce);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  assert.equal(csp, contentSecurityPolicy(CSP_SOURCE, nonce));
  assert.match(csp!, /^default-src 'none'; /);
  assert.match(csp!, new RegExp(`style-src ${CSP_SOURCE.replace(/[.+]/g, '\\$&')} 'nonce-${nonce}'`));
  assert.match(csp!, new RegExp(`script-src ${CSP_SOURCE.replace(/[.+]/g, '\\$&')} 'nonce-${nonce}'`));
  assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval|\*/);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0], new RegExp(`nonce="${nonce}" src="${CSP_SOURCE.replace(/[.+]/g, '\\$&')}/ext/media/preview\\.js"`));
  assert.match(html, new RegExp(`<link rel="stylesheet" nonce="${nonce}"`));
  assert.doesNotMatch(html, /\sstyle="|\son[a-z]+=/i, 'no inline styles or handlers the CSP would have to allow');
  assert.match(html, /<p class="item-title upheld" data-line="\d+">/);
});

test('the banner counts errors and warnings, links each to its place, and escapes messages', () => {
  const html = bannerHtml([
    { severity: 'error', message: 'Missing <decision> & "rationale"', code: 'missing-field', line: 9, character: 2 },
    { severity: 'warning', message: 'Check this', line: 20, character: 0 },
    { severity: 'warning', message: 'And this', line: 21, character: 4 },
  ]);
  assert.match(html, /The case has 1 error and 2 warnings\./);
  assert.match(html, /<a href="#" class="reveal" data-line="9" data-character="2"><span class="where">Line 10<\/span> Missing &lt;decision&gt; &amp; &quot;rationale&quot;/);
  assert.equal((html.match(/class="reveal"/g) ?? []).length, 3);
  assert.doesNotMatch(html, /<decision>/);
  assert.match(bannerHtml([]), /no errors or warnings/);
  const many = bannerHtml(Array.from({ length: 25 }, (_, i) => ({ severity: 'error' as const, message: `e${i}`, line: i, character: 0 })));
  assert.match(many, /25 errors/);
  assert.match(many, /and 5 more in the Problems panel/);
});

test('case text in the preview page is escaped', () => {
  const body = new LanguageService().renderLetter(
    { uri: 'file:///x.imr', version: 1, text: 'summary\n  He wrote "<script>alert(1)</script>" & left.\n' },
    'html',
    { html: 'body' },
  );
  const html = page(body);
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'only our own script tag');
  assert.match(html, /He wrote &quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot; &amp; left\./);
});

test('the page script and stylesheet load nothing from elsewhere', () => {
  const js = fs.readFileSync(path.join(ROOT, 'media', 'preview.js'), 'utf8');
  const css = fs.readFileSync(path.join(ROOT, 'media', 'preview.css'), 'utf8');
  assert.doesNotMatch(js, /https?:|fetch\(|XMLHttpRequest|eval\(|new Function/);
  assert.doesNotMatch(css, /https?:|@import|url\(/);
  assert.match(css, /var\(--vscode-editor-foreground\)/, 'the preview follows the editor theme');
});

test('the page names its case for the state a reloaded window restores the preview from', () => {
  const html = page('', '', makeNonce(), 'file:///cases/a "quoted" & <odd>.imr');
  const attr = /<body data-settings="([^"]*)">/.exec(html)?.[1];
  assert.ok(attr, 'the settings sit in one double-quoted attribute');
  assert.doesNotMatch(attr!, /[<>"]/, 'the case URI is escaped in the attribute');
  const unescaped = attr!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  assert.equal(JSON.parse(unescaped).resource, 'file:///cases/a "quoted" & <odd>.imr');

  assert.deepEqual(previewState({ resource: 'file:///cases/seed.imr', line: 12.5 }), { resource: 'file:///cases/seed.imr', line: 12.5 });
  assert.deepEqual(previewState({ resource: 'untitled:Untitled-1' }), { resource: 'untitled:Untitled-1' });
  assert.deepEqual(previewState({ resource: 'file:///x.imr', line: 'top' }), { resource: 'file:///x.imr' }, 'a line that is not a number is dropped');
  for (const junk of [undefined, null, 'file:///x.imr', {}, { line: 3 }, { resource: '' }, { resource: 7 }]) {
    assert.equal(previewState(junk), undefined, `not a preview state: ${JSON.stringify(junk)}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.ok(manifest.activationEvents.includes('onWebviewPanel:imr.preview'), 'VS Code wakes the extension to restore its preview');
});

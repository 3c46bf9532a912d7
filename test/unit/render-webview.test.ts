import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { bannerHtml, contentSecurityPolicy, makeNonce, previewState, previewWebviewOptions, webviewPage } from '../../client/src/preview/webviewHtml';
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
  const body = new LanguageService().renderLetter({ uri: 'file:///seed.imr', version: 1, text: readExample('lumbar-mri-upheld.imr') }, 'html', {
    html: 'body',
  });
  const html = page(body, '', nonce);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  assert.equal(csp, contentSecurityPolicy(CSP_SOURCE, nonce));
  assert.match(csp!, /^default-src 'none'; /);
  assert.match(csp!, new RegExp(`style-src ${CSP_SOURCE.replace(/[.+]/g, '\\$&')} 'nonce-${nonce}'`));
  assert.match(csp!, new RegExp(`script-src 'nonce-${nonce}'(;|$)`), 'scripts by nonce only, not by origin');
  assert.match(csp!, new RegExp(`img-src ${CSP_SOURCE.replace(/[.+]/g, '\\$&')}(;|$)`), 'images from our media/ folder only');
  assert.match(csp!, /base-uri 'none'/);
  assert.match(csp!, /form-action 'none'/);
  assert.doesNotMatch(
    csp!,
    /unsafe-inline|unsafe-eval|\*|data:|blob:|https?:\/\/(?!file\+\.vscode-resource)/,
    'no inline code, no eval, no wildcard or remote origin',
  );
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
  assert.match(
    html,
    /<a href="#" class="reveal" data-line="9" data-character="2"><span class="where">Line 10<\/span> Missing &lt;decision&gt; &amp; &quot;rationale&quot;/,
  );
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
  const unescaped = attr!
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
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

test("the preview panel reads only the extension's media folder, runs no command: links and submits no form", () => {
  const media = { path: '/ext/media' };
  const options = previewWebviewOptions(media);
  assert.deepEqual(options, { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [media] });
  assert.equal(options.localResourceRoots[0], media, 'exactly the folder it was given');
  // The extension builds its options (new panel and restored panel) through this one function.
  const source = fs.readFileSync(path.join(ROOT, 'client', 'src', 'preview', 'letterPreview.ts'), 'utf8');
  assert.match(source, /previewWebviewOptions\(vscode\.Uri\.joinPath\(this\.extensionUri, 'media'\)\)/);
  assert.doesNotMatch(source, /localResourceRoots|enableScripts|enableCommandUris/, 'no second place that sets webview options');
});

/** Markup a hostile case might try to slip into the page, in every form it could take. */
const HOSTILE = [
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</style><style>body{display:none}</style>',
  'javascript:alert(4)',
  '<a href="javascript:alert(5)">click</a>',
  'https://evil.example/"onmouseover="alert(6)',
  'https://evil.example/x</textarea><iframe src=//evil.example>',
  '&lt;already&gt; &#x3C;script&#x3E;',
  '<!-- --><base href="https://evil.example/">',
].join(' ');

/** Every tag in `html`, with its name and attributes (the page is our markup, so a simple scan reads it). */
function tags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({ name: m[1].toLowerCase(), attrs: m[2] }));
}

test('hostile case text is escaped wherever it lands: letter, banner, links, page settings and update messages', () => {
  // The payload at the end of every line: header fields, worker, summary, item titles, criteria notes, rationale.
  const text = readExample('lumbar-mri-upheld.imr')
    .split('\n')
    .map((line) => (line.trim() === '' || line.startsWith('--') ? line : `${line} ${HOSTILE}`))
    .join('\n');
  const service = new LanguageService();
  const doc = { uri: 'file:///x.imr', version: 1, text };
  const body = service.renderLetter(doc, 'html', { html: 'body', links: true, showCriteria: true });
  const banner = bannerHtml(
    service.getDiagnostics(doc, { rules: {} }).map((d) => ({
      severity: 'error' as const,
      message: `${d.message} ${HOSTILE}`,
      code: d.code,
      line: d.range.start.line,
      character: d.range.start.character,
    })),
  );
  const html = page(body, banner, makeNonce(), `file:///cases/${HOSTILE}.imr`);

  assert.ok(body.includes('alert(1)') && banner.includes('alert(2)'), 'the payload reached the letter and the banner (as text)');
  const found = tags(html);
  const names = new Set(found.map((t) => t.name));
  for (const bad of ['img', 'svg', 'iframe', 'style', 'base', 'textarea', 'object', 'embed', 'form']) assert.ok(!names.has(bad), `no <${bad}> in the page`);
  assert.equal(found.filter((t) => t.name === 'script').length, 1, 'only our own script tag');
  assert.equal((html.match(/<\/script/gi) ?? []).length, 1, 'no script markup from the case');
  assert.doesNotMatch(html, /<!--/, 'no comment markup from the case');
  for (const t of found) {
    // Our attribute values are double-quoted and escaped (no '"' inside): without them, only attribute names are left.
    const names = t.attrs.replace(/="[^"]*"/g, '');
    assert.match(names, /^(\s+[a-z-]+)*\s*$/, `only plain attributes with quoted values: <${t.name}${t.attrs}>`);
    assert.doesNotMatch(names, /\son[a-z]+/i, `no event handler attribute: <${t.name}${t.attrs}>`);
    for (const [, attr, value] of t.attrs.matchAll(/\s(href|src|action|formaction)="([^"]*)"/g)) {
      assert.doesNotMatch(value, /^\s*javascript:/i, `no javascript: address: <${t.name}${t.attrs}>`);
      if (attr === 'href' && t.name === 'a')
        assert.match(value, /^(#|https:\/\/evil\.example\/)/, `links are the banner's or web addresses from the text: ${value}`);
    }
  }
  // The web addresses became links whose href ends where the address does.
  assert.ok(
    found.some((t) => t.name === 'a' && /href="https:\/\/evil\.example\/x"/.test(t.attrs)),
    'an address is cut at the first "<"',
  );
  assert.ok(
    found.some((t) => t.name === 'a' && /href="https:\/\/evil\.example\/"/.test(t.attrs)),
    'an address is cut at the first quote',
  );
  // The page's settings attribute gives back the case URI exactly, as JSON.
  const attr = /<body data-settings="([^"]*)">/.exec(html)![1];
  const json = attr
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  assert.equal(JSON.parse(json).resource, `file:///cases/${HOSTILE}.imr`);
});

test('web addresses are links in the preview only; exported HTML keeps them as text', () => {
  const service = new LanguageService();
  const text = readExample('lumbar-mri-upheld.imr').replace(
    /^ {2}rationale\n/m,
    '  rationale\n    See https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html (the MTUS), or mailto:imr@example.org. Not javascript:alert(1).\n',
  );
  const doc = { uri: 'file:///links.imr', version: 1, text };
  const preview = service.renderLetter(doc, 'html', { html: 'body', links: true });
  assert.match(
    preview,
    /<a class="external" href="https:\/\/www\.dir\.ca\.gov\/dwc\/MTUS\/MTUS-Guidelines\.html">https:\/\/www\.dir\.ca\.gov\/dwc\/MTUS\/MTUS-Guidelines\.html<\/a> \(the MTUS\)/,
  );
  assert.match(
    preview,
    /<a class="external" href="mailto:imr@example\.org">mailto:imr@example\.org<\/a>\. Not javascript:alert\(1\)\./,
    "the full stop is the sentence's; javascript: is no link",
  );
  for (const exported of [service.renderLetter(doc, 'html', { html: 'body' }), service.renderLetter(doc, 'html')]) {
    assert.ok(exported.includes('See https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html (the MTUS)'), 'the address is in the export, as text');
    assert.doesNotMatch(exported, /<a\b/);
  }
});

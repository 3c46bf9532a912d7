import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { escapeHtml } from '../../server/src/service/render/html';
import { readExample } from '../helpers/fixtures';

let version = 0;
const doc = (text: string) => ({ uri: `file:///test/render-html-${++version}.imr`, version: 1, text });

const HOSTILE = [
  'case CM16-<script>alert(1)</script>',
  '  organization: Review "Org" & Sons <b>',
  '  priority: standard',
  'reviewer',
  '  licensure: California & "Nevada"',
  '  specialty: <img src=x onerror=alert(1)>',
  'summary',
  '  The worker said "it hurts" & asked for <script>steal()</script> help.',
  'item MRI <script>x()</script> & "contrast"',
  '  decision: upheld',
  '  claims-administrator: none',
  '  guideline: MTUS "Low Back" & <Neck>',
  '  rationale',
  '    Not medically necessary </p><script>bad()</script> & "quoted".',
].join('\n');

test('escapeHtml escapes the five HTML characters', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('case text with <script>, quotes and & is escaped in the exported HTML and the preview body', () => {
  const service = new LanguageService();
  for (const html of [service.renderLetter(doc(HOSTILE), 'html'), service.renderLetter(doc(HOSTILE), 'html', { html: 'body' })]) {
    assert.doesNotMatch(html, /<script|<img|<b>|<Neck>|onerror=alert\(1\)>/i);
    assert.match(html, /&lt;script&gt;steal\(\)&lt;\/script&gt;/);
    assert.match(html, /The worker said &quot;it hurts&quot; &amp; asked/);
    assert.match(html, /MRI &lt;script&gt;x\(\)&lt;\/script&gt; &amp; &quot;contrast&quot;: <strong>Upheld<\/strong>/);
    assert.match(html, /Review &quot;Org&quot; &amp; Sons &lt;b&gt; sent the complete case file/);
    assert.match(html, /&lt;\/p&gt;&lt;script&gt;bad\(\)/);
    // Ampersands only start entities we wrote.
    assert.doesNotMatch(html.replace(/&(amp|lt|gt|quot|#39);/g, ''), /&/);
  }
});

test('the exported HTML is a self-contained print page with no scripts or remote resources', () => {
  const html = new LanguageService().renderLetter(doc(readExample('lumbar-mri-upheld.imr')), 'html');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  assert.doesNotMatch(html, /<script|<link|src=|url\(|@import|https?:/i);
  assert.match(html, /color: #000; background: #fff/);
  assert.match(html, /<title>IMR Final Determination CM15-0201234<\/title>/);
});

test('every preview block carries the source line it came from', () => {
  const text = readExample('lumbar-mri-upheld.imr');
  const lines = text.split('\n');
  const body = new LanguageService().renderLetter(doc(text), 'html', { html: 'body' });
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
  const attr = (re: RegExp) => Number(re.exec(body)?.[1]);
  assert.equal(attr(/<p class="summary" data-line="(\d+)">The injured worker/), lineOf('The injured worker is a 55'));
  assert.equal(attr(/<p class="item-title upheld" data-line="(\d+)">/), lineOf('item MRI of the lumbar'));
  assert.equal(attr(/data-line="(\d+)"><span class="lead">Decision rationale:/), lineOf('As per ACOEM Guidelines'));
  assert.equal(attr(/data-line="(\d+)"><span class="lead">MAXIMUS guideline:/), lineOf('guideline: MTUS Low Back'));
  assert.doesNotMatch(body, /\[#|LMRI-/);
});

test('a missing decision is shown as a placeholder, not invented', () => {
  const body = new LanguageService().renderLetter(doc('item Knee MRI\n  guideline: MTUS Knee Complaints 2004\n'), 'html', { html: 'body' });
  assert.match(body, /Knee MRI: <span class="missing"[^>]*>\[decision\]<\/span>/);
  assert.doesNotMatch(body, /Upheld|Overturned/);
});

test('a draft HTML letter shows the draft notice and a mark that prints on every page; a final one shows neither', () => {
  const service = new LanguageService();
  const text = readExample('lumbar-mri-upheld.imr');
  const draft = service.renderLetter(doc(text), 'html', { draft: true });
  assert.match(draft, /<div class="draft-mark" aria-hidden="true">DRAFT<\/div>/);
  assert.match(draft, /<p class="draft-notice" role="note">DRAFT: not a final determination/);
  assert.match(draft, /\.draft-mark \{ position: fixed;/, 'fixed: repeated on each printed page');
  const final = service.renderLetter(doc(text), 'html');
  assert.doesNotMatch(final, /class="draft-(mark|notice)"/);
});

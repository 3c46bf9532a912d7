// Links in the letter preview: which addresses the extension may open (and
// how it asks), how web addresses in letter text become links, and that the
// page script stops every click on a link and hands it to the extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { decideLink } from '../../client/src/preview/links';
import { escapeHtmlWithLinks, trimEnd } from '../../server/src/service/render/links';
import { DEFAULT_MAX_FILE_KB } from '../../server/src/service/input/limits';
import { ROOT } from '../helpers/fixtures';
import { prng } from '../helpers/random';
import { returnsWithin } from '../helpers/hangGuard';

test('web and e-mail addresses may be opened, each after a question that shows the exact address', () => {
  assert.deepEqual(decideLink('https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html'), {
    open: true,
    url: 'https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html',
    prompt: 'Open https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html in your browser?',
  });
  assert.equal((decideLink('http://example.org/a?b=1&c=2') as { prompt: string }).prompt, 'Open http://example.org/a?b=1&c=2 in your browser?');
  assert.equal((decideLink('mailto:imr@example.org') as { prompt: string }).prompt, 'Open mailto:imr@example.org in your e-mail program?');
  // The address shown is the one opened: a look-alike host is shown as the browser will reach it.
  const idn = decideLink('https://exаmple.org/') as { url: string; prompt: string }; // Cyrillic "а"
  assert.equal(idn.url, 'https://xn--exmple-4nf.org/');
  assert.ok(idn.prompt.includes(idn.url));
});

test('anything else from the page is refused, with the reason', () => {
  const refused: [unknown, RegExp][] = [
    ['javascript:alert(1)', /only web \(https, http\) and e-mail \(mailto\) links from the preview, not "javascript:" links/],
    ['JavaScript:alert(1)', /not "javascript:" links/],
    ['command:workbench.action.terminal.new', /not "command:" links/],
    ['file:///etc/passwd', /not "file:" links/],
    ['vscode://vscode.git/clone?url=x', /not "vscode:" links/],
    ['data:text/html,<script>alert(1)</script>', /not "data:" links/],
    ['#', /not a complete web address/],
    ['/relative/path', /not a complete web address/],
    ['https://good.example@evil.example/', /user name or password/],
    ['https://a.example/ https://b.example/', /spaces or control characters/],
    ['https://a.example/\u0000', /spaces or control characters/],
    [`https://a.example/${'x'.repeat(3000)}`, /of 3018 characters/],
    ['', /no address/],
    [undefined, /no address/],
    [{ href: 'https://a.example/' }, /no address/],
  ];
  for (const [href, why] of refused) {
    const d = decideLink(href);
    assert.equal(d.open, false, `refused: ${String(href).slice(0, 60)}`);
    assert.match((d as { reason: string }).reason, why);
  }
});

test('web addresses in letter text become links, escaped, ending where the sentence resumes', () => {
  assert.equal(escapeHtmlWithLinks('no address & <b>'), 'no address &amp; &lt;b&gt;');
  assert.equal(
    escapeHtmlWithLinks('See https://a.example/x?y=1&z=2.'),
    'See <a class="external" href="https://a.example/x?y=1&amp;z=2">https://a.example/x?y=1&amp;z=2</a>.',
  );
  assert.equal(
    escapeHtmlWithLinks('(see https://en.example/Wiki_(page)), then'),
    '(see <a class="external" href="https://en.example/Wiki_(page)">https://en.example/Wiki_(page)</a>), then',
  );
  assert.equal(escapeHtmlWithLinks('a https://x"onclick="y'), 'a <a class="external" href="https://x">https://x</a>&quot;onclick=&quot;y');
  assert.equal(escapeHtmlWithLinks('just https:// and mailto: alone'), 'just https:// and mailto: alone');
  assert.equal(escapeHtmlWithLinks('javascript:alert(1) ftp://x'), 'javascript:alert(1) ftp://x');
});

/** The rule as written, one character at a time from the end, recounting the parentheses each time (the oracle). */
function trimEndReference(url: string): string {
  let u = url;
  for (;;) {
    const c = u.at(-1);
    const count = (ch: string) => u.split(ch).length - 1;
    if (c !== undefined && '.,;:!?'.includes(c)) u = u.slice(0, -1);
    else if (c === ')' && count('(') < count(')')) u = u.slice(0, -1);
    else return u;
  }
}

test('the end of an address is trimmed as the rule says, on random tails of parentheses and punctuation', () => {
  const next = prng(1717);
  const alphabet = 'a/().,;:!?';
  for (let n = 0; n < 3000; n++) {
    let url = 'https://x';
    const len = Math.floor(next() * 14);
    for (let i = 0; i < len; i++) url += alphabet[Math.floor(next() * alphabet.length)];
    assert.equal(trimEnd(url), trimEndReference(url), url);
  }
});

test('an address ending in a case-sized run of ")" or ".)" is made a link in one pass (it took a minute per preview update)', async () => {
  const size = DEFAULT_MAX_FILE_KB * 1024 - 100;
  for (const tail of [')', '.)', '(.))']) {
    const text = `See https://a.example/${tail.repeat(Math.floor(size / tail.length))} here`;
    const html = await returnsWithin<string>(require.resolve('../../server/src/service/render/links'), 'escapeHtmlWithLinks', [text], 20_000);
    const url = trimEnd(text.slice(4, text.lastIndexOf(' ')));
    assert.ok(html.startsWith(`See <a class="external" href="${url}">${url}</a>`), tail);
    assert.ok(html.endsWith(' here'));
  }
});

/** A page of the preview with just enough DOM for media/preview.js, and what the script sends. */
function runPageScript() {
  const listeners: { type: string; fn: (e: unknown) => void; capture: boolean }[] = [];
  const posted: unknown[] = [];
  class Element {
    constructor(private readonly anchor: { classes: string[]; href: string } | undefined) {}
    closest(selector: string) {
      return selector === 'a[href]' && this.anchor
        ? { getAttribute: () => this.anchor!.href, classList: { contains: (c: string) => this.anchor!.classes.includes(c) } }
        : null;
    }
  }
  const node = { addEventListener() {}, querySelectorAll: () => [], getBoundingClientRect: () => ({ top: 0, height: 0 }) };
  const context = {
    Element,
    acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m), getState: () => undefined, setState() {} }),
    document: {
      body: { dataset: { settings: '{"resource":"file:///x.imr"}' } },
      getElementById: () => node,
      addEventListener: (type: string, fn: (e: unknown) => void, capture?: boolean) => listeners.push({ type, fn, capture: !!capture }),
    },
    window: { addEventListener() {}, requestAnimationFrame() {}, scrollY: 0, scrollTo() {} },
  };
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, 'media', 'preview.js'), 'utf8'), context);
  /** Dispatches a click (or middle click) on an element; says whether the page's default action was prevented. */
  const click = (anchor: { classes: string[]; href: string } | undefined, type = 'click', button = 0) => {
    let prevented = false;
    const event = { type, button, target: new Element(anchor), preventDefault: () => (prevented = true) };
    for (const l of listeners.filter((x) => x.type === type)) {
      assert.ok(l.capture, `the ${type} listener runs in the capture phase, before anything else`);
      l.fn(event);
    }
    return prevented;
  };
  // The script's objects come from another realm: compare them as JSON.
  return { click, posted: () => JSON.parse(JSON.stringify(posted)) as unknown[] };
}

test('the page script stops every click on a link and asks the extension instead', () => {
  const { click, posted: sent } = runPageScript();
  assert.equal(click({ classes: ['external'], href: 'https://www.dir.ca.gov/' }), true, 'the webview does not follow the link');
  assert.deepEqual(sent(), [{ type: 'openLink', href: 'https://www.dir.ca.gov/' }]);
  assert.equal(click({ classes: ['external'], href: 'javascript:alert(1)' }), true);
  assert.deepEqual(sent()[1], { type: 'openLink', href: 'javascript:alert(1)' }, 'the extension decides, the page only reports');
  assert.equal(click({ classes: ['external'], href: 'https://a.example/' }, 'auxclick', 1), true, 'a middle click too');
  assert.equal(sent().length, 3);
  assert.equal(click({ classes: ['reveal'], href: '#' }), true, 'a banner link does not navigate either');
  assert.equal(sent().length, 3, 'and is no external link');
  assert.equal(click(undefined), false, 'a click elsewhere is left alone');
});

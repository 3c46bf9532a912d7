// Property: the HTML letter escapes every <, >, &, " and ' that comes from
// the case. A marker made of those characters goes into a random place of
// an example (a field value, a title, prose, a criterion note, a comment),
// and the letter is rendered as the exported page and as the preview's body
// (also with web addresses made links, as the live preview shows them).
// Checked: the raw marker never appears; where the letter shows the marker
// (its letter model holds it), the page holds it escaped; and, whatever the
// marker did, every < in the page opens one of the renderer's own tags,
// every & starts an entity, and no text between tags holds a quote. Text the
// letter does not show (comments, an invalid decision, the worker's age) is
// absent by design; the test counts how often the marker did reach the page,
// so the property cannot pass by never rendering it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanguageService } from '../../server/src/service/languageService';
import { EXAMPLE_NAMES, EXAMPLE_TEXTS, noContainedError, settings } from '../helpers/properties';

const SPECIAL = ['<', '>', '&', '"', "'"];
/** A marker: a word no example has, then the characters HTML gives meaning to, with some look-alike entities and tags. */
const marker = fc
  .array(fc.constantFrom(...SPECIAL, '&amp;', '&#39;', '<b>', '</p>', '<script>', 'x', ' ', 'https://a.example/?q=1&r=2', 'mailto:', 'javascript:'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => `Qz${parts.join('')}${SPECIAL.some((c) => parts.join('').includes(c)) ? '' : '<'}q`);

/** Our own escaping, written apart from the renderer's so a mistake there is not copied here. */
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Inserts the marker into line `line` of the text: after the line's content, or in place of one of its words. */
function plant(text: string, line: number, replaceWord: boolean, m: string): string {
  const lines = text.split('\n');
  const i = line % lines.length;
  const words = [...lines[i].matchAll(/[A-Za-z0-9-]+/g)];
  if (replaceWord && words.length) {
    const w = words[line % words.length];
    lines[i] = lines[i].slice(0, w.index) + m + lines[i].slice(w.index! + w[0].length);
  } else lines[i] = lines[i].trimEnd() + (lines[i].trim() ? ' ' : '  ') + m;
  return lines.join('\n');
}

const OUR_TAGS =
  /^<(\/?(article|section|table|thead|tbody|tr|th|td|caption|h2|p|span|strong|em|br|html|head|meta|title|style|body)\b[^<>]*|!DOCTYPE html|a class="external" href="[^"<>]*"|\/a)>/;

/** Fails if a < of the page opens no tag of ours, an & starts no entity, or text between tags holds a quote or >. */
function assertOnlyOurMarkup(html: string): void {
  // The style sheet is ours and holds quotes ("Helvetica Neue").
  const page = html.replace(/<style>[^<]*<\/style>/, '<style></style>');
  for (let i = page.indexOf('<'); i >= 0; i = page.indexOf('<', i + 1)) {
    assert.ok(OUR_TAGS.test(page.slice(i)), `a "<" that opens no tag of the renderer: ${JSON.stringify(page.slice(i, i + 40))}`);
  }
  for (let i = page.indexOf('&'); i >= 0; i = page.indexOf('&', i + 1)) {
    assert.ok(/^&(amp|lt|gt|quot|#39);/.test(page.slice(i)), `an "&" that starts no entity: ${JSON.stringify(page.slice(i, i + 20))}`);
  }
  const textBetweenTags = page.replace(/<[^<>]*>/g, '\n');
  assert.ok(
    !/["'<>]/.test(textBetweenTags),
    `text between tags holds a raw quote or bracket: ${JSON.stringify(/[^\n]*["'<>][^\n]*/.exec(textBetweenTags)?.[0])}`,
  );
}

/** Every string anywhere in the letter model. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

test('property: a marker of < > & " \' planted anywhere in a case appears in the HTML letter only escaped', (t) => {
  let shown = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLE_NAMES), fc.nat(), fc.boolean(), marker, fc.boolean(), (name, line, replaceWord, m, showCriteria) => {
      runs++;
      const text = plant(EXAMPLE_TEXTS.get(name)!, line, replaceWord, m);
      const service = new LanguageService();
      const doc = { uri: 'file:///html-property.imr', version: 1, text };
      noContainedError(() => {
        const model = service.getLetterModel(doc, { showCriteria });
        const inModel = strings(model).some((s) => s.includes(m));
        for (const html of [service.renderLetter(doc, 'html', { showCriteria }), service.renderLetter(doc, 'html', { html: 'body', showCriteria })]) {
          assert.ok(!html.includes(m), 'the raw marker is in the page');
          assertOnlyOurMarkup(html);
          if (inModel) assert.ok(html.includes(escaped(m)), 'the letter shows the marker, but the page does not hold it escaped');
        }
        // The live preview's body makes web addresses links: the marker's text, tags aside, is still all there, escaped.
        const linked = service.renderLetter(doc, 'html', { html: 'body', showCriteria, links: true });
        assert.ok(!linked.includes(m), 'the raw marker is in the preview body');
        assertOnlyOurMarkup(linked);
        if (inModel) assert.ok(linked.replace(/<[^<>]*>/g, '').includes(escaped(m)), 'the preview body does not hold the marker escaped');
        if (inModel) shown++;
      });
    }),
    settings(200),
  );
  t.diagnostic(`the marker reached the letter in ${shown} of ${runs} runs`);
  assert.ok(shown >= runs / 3, `the marker reached the letter in only ${shown} of ${runs} runs: the property barely tests escaping`);
});

test('the renderer marks up nothing of its own in case text: a marker in the summary comes out escaped, once', () => {
  // A plain case of the property, kept as an example of what it checks.
  const m = `Qz<script>alert("x")</script> & 'q'`;
  const text = EXAMPLE_TEXTS.get('lumbar-mri-upheld.imr')!.replace(/^summary\n {2}/m, `summary\n  ${m} `);
  const html = new LanguageService().renderLetter({ uri: 'file:///m.imr', version: 1, text }, 'html');
  assert.ok(html.includes('Qz&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;'));
  assertOnlyOurMarkup(html);
});

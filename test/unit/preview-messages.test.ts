// The preview page's messages as the extension takes them (client/src/preview/messages.ts):
// the page shows case text, so whatever it posts is checked before it moves the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFromPage } from '../../client/src/preview/messages';

test('the extension takes each message the page sends, with its values', () => {
  assert.deepEqual(readFromPage({ type: 'revealLine', line: 12.5 }), { type: 'revealLine', line: 12.5 });
  assert.deepEqual(readFromPage({ type: 'openLine', line: 3, character: 7 }), { type: 'openLine', line: 3, character: 7 });
  assert.deepEqual(readFromPage({ type: 'openLine', line: 3 }), { type: 'openLine', line: 3, character: 0 }, 'no character: the start of the line');
  assert.deepEqual(readFromPage({ type: 'openLink', href: 'https://www.dir.ca.gov/' }), { type: 'openLink', href: 'https://www.dir.ca.gov/' });
});

test('a message that is not one of ours, or has no usable line, moves nothing', () => {
  for (const m of [
    undefined,
    null,
    'revealLine',
    42,
    {},
    { type: 'scrollTo', line: 1 },
    { type: 'revealLine' },
    { type: 'revealLine', line: '3' },
    { type: 'openLine', line: NaN },
    { type: 'openLine', line: Infinity },
  ]) {
    assert.equal(readFromPage(m), undefined, JSON.stringify(m) ?? String(m));
  }
  assert.deepEqual(
    readFromPage({ type: 'openLine', line: 2, character: NaN }),
    { type: 'openLine', line: 2, character: 0 },
    'a character that is no number is the start of the line',
  );
});

test('a link with no address still reaches the extension, which refuses it in words', () => {
  assert.deepEqual(readFromPage({ type: 'openLink' }), { type: 'openLink', href: null });
  assert.deepEqual(readFromPage({ type: 'openLink', href: { toString: 'x' } }), { type: 'openLink', href: null });
});

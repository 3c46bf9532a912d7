// Case text used as a key (issue 17): "organization: constructor" printed
// "function Object() { [native code] }" in the letter, and hover on
// "decision: constructor" or "__proto__" returned a MarkupContent whose value
// was not text. Every look-up of case text reads only a table's own entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { readExample } from '../helpers/fixtures';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
let n = 0;

test('an organization or decision named like an Object property prints as written, in every format', async () => {
  const service = new LanguageService();
  for (const name of NAMES) {
    const text = readExample('lumbar-mri-upheld.imr').replace(/organization: .*/, `organization: ${name}`);
    const doc = { uri: `file:///own/${++n}.imr`, version: 1, text };
    for (const format of ['text', 'html'] as const) {
      const letter = service.renderLetter(doc, format);
      assert.doesNotMatch(letter, /native code|\[object Object\]/, `${name} (${format})`);
      assert.ok(letter.includes(name), `${name} (${format}) is printed as written`);
    }
  }
});

test('hover and completion on a decision named like an Object property answer text or nothing', () => {
  const service = new LanguageService();
  for (const name of NAMES) {
    const text = readExample('lumbar-mri-upheld.imr').replace('decision: upheld', `decision: ${name}`);
    const doc = { uri: `file:///own/${++n}.imr`, version: 1, text };
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(`decision: ${name}`));
    const hover = service.getHover(doc, { line, character: lines[line].indexOf(name) + 1 });
    if (hover) assert.equal(typeof (hover.contents as { value: unknown }).value, 'string', name);
    for (const item of service.getCompletions(doc, { line, character: lines[line].length }) ?? []) {
      const d = (item as { documentation?: unknown }).documentation;
      if (d !== undefined) assert.ok(typeof d === 'string' || typeof (d as { value: unknown }).value === 'string', name);
    }
  }
});

// The parse memo (syntax/parseMemo.ts) lets a parse reuse what unchanged
// paragraphs gave the previous one: the result must be the same as a parse
// without it, after any edit, and it must keep only the latest parse's texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCase } from '../../server/src/service/syntax/parser';
import { ParseMemo } from '../../server/src/service/syntax/parseMemo';
import { readExample } from '../helpers/fixtures';

const EXAMPLES = ['lumbar-mri-upheld.imr', 'multiple-items.imr', 'mistakes-demo.imr', 'physical-therapy-overturned.imr'];

/** Edits a letter may go through between two parses: a word typed, a sentence ended, a paragraph split, a label, a line removed. */
function edits(text: string): string[] {
  const mid = text.indexOf('. ', text.length >> 1);
  const line = text.indexOf('\n', text.length >> 2);
  return [
    text,
    `${text.slice(0, mid)} again${text.slice(mid)}`,
    `${text.slice(0, mid + 1)} Then${text.slice(mid + 1)}`,
    `${text.slice(0, mid + 2)}\n\n  ${text.slice(mid + 2)}`,
    `${text.slice(0, mid)} [#note]${text.slice(mid)}`,
    text.slice(0, line) + text.slice(text.indexOf('\n', line + 1)),
    text,
  ];
}

test('a parse with the memo equals one without it, through a series of edits', () => {
  for (const name of EXAMPLES) {
    const memo = new ParseMemo();
    for (const version of edits(readExample(name))) {
      assert.deepEqual(parseCase(version, memo), parseCase(version), name);
    }
  }
});

test('the memo keeps what the latest parse used and nothing else, and clears', () => {
  const a = readExample('lumbar-mri-upheld.imr');
  const b = readExample('opioids-upheld.imr');
  const memo = new ParseMemo();
  parseCase(a, memo);
  assert.ok(memo.size > 0);
  parseCase(b, memo);
  const alone = new ParseMemo();
  parseCase(b, alone);
  assert.equal(memo.size, alone.size, "nothing of the first case's text stays once a parse did not use it");
  memo.clear();
  assert.equal(memo.size, 0);
});

test("a parse with the memo equals one without it after seeded random edits, and an unchanged block is the last parse's", () => {
  let seed = 20261203;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pieces = [' word', ' not', '.', '. Then', '\n', '\n\n', '\n  ', '  ', ' [#note]', ' 01/02/2016', 'x', ''];
  for (const name of EXAMPLES) {
    const memo = new ParseMemo();
    let text = readExample(name);
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const cut = rnd() < 0.4 ? Math.floor(rnd() * 6) : 0;
      text = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(Math.min(text.length, at + cut));
      assert.deepEqual(parseCase(text, memo), parseCase(text), `${name}, edit ${i}`);
    }
  }
  const text = readExample('multiple-items.imr');
  const memo = new ParseMemo();
  const before = parseCase(text, memo);
  const last = before.items.at(-1)!.rationale!.prose.sentences.at(-1)!;
  const lineStart = text.split('\n').slice(0, last.range.end.line).join('\n').length + 1;
  const at = lineStart + last.range.end.character;
  const after = parseCase(`${text.slice(0, at)} again${text.slice(at)}`, memo);
  assert.equal(after.items[0].rationale!.prose, before.items[0].rationale!.prose, 'an unchanged rationale is reused');
  assert.notEqual(after.items.at(-1)!.rationale!.prose, before.items.at(-1)!.rationale!.prose, 'the edited rationale is built again');
});

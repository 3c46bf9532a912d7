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

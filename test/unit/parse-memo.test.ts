// The parse memo (syntax/parseMemo.ts) lets a parse reuse what unchanged
// paragraphs gave the previous one: the result must be the same as a parse
// without it, after any edit, and it must keep only the latest parse's texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCase } from '../../server/src/service/syntax/parser';
import { ParseMemo } from '../../server/src/service/syntax/parseMemo';
import { splitProse, splitSentences } from '../../server/src/service/text/sentences';
import { synthCase } from '../../bench/synth';
import { readExample } from '../helpers/fixtures';
import { prng } from '../helpers/random';

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
  // The same lines at other columns (a line indented further, its text unchanged) are another block: its ranges move.
  const indented = `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
  parseCase(text, memo);
  assert.deepEqual(parseCase(indented, memo), parseCase(indented), 'a rationale line indented further');
});

// A long summary paragraph (the synthetic 2,000-line case's is 26 KB, one
// paragraph) is split again only around an edit (text/sentences.ts
// splitProse, handed the previous version by the memo). Edits aimed inside
// it: words, sentence ends and joins, list markers (inline and at a line's
// start), bullets, abbreviations, newlines, and a line repeated.
const LONG_PIECES = [
  ' word',
  ' not',
  '.',
  '. Then',
  '. The',
  ': 1. Physical therapy',
  ' 2. Acupuncture',
  ' 3. Massage',
  '\n',
  '\n\n',
  '\n  ',
  '\n  - ',
  '\n  1. Item',
  '\n  2. Next',
  ' • ',
  ' ▪ ',
  'Dr. ',
  ' e.g. ',
  'J. ',
  '? ',
  '! ',
  ' [#note]',
  'x',
  '',
  '  ',
];

function summarySpan(text: string): [number, number] | undefined {
  const summary = parseCase(text).summary;
  if (!summary || summary.prose.segments.length === 0) return undefined;
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const { start, end } = summary.prose.range;
  return [starts[start.line] + start.character, starts[end.line] + end.character];
}

test('a parse with the memo equals one without it after seeded edits inside a long summary paragraph', () => {
  const next = prng(20261203);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  for (const [lines, seed] of [
    [400, 1001],
    [2000, 1002],
  ]) {
    const memo = new ParseMemo();
    let text = synthCase(lines, seed);
    parseCase(text, memo);
    for (let i = 0; i < (lines > 1000 ? 40 : 80); i++) {
      const span = summarySpan(text);
      assert.ok(span, 'the case has a summary');
      const at = span[0] + Math.floor(next() * (span[1] - span[0] + 1));
      if (next() < 0.1) {
        // A line of the summary repeated after the one the edit is in.
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        const lineEnd = text.indexOf('\n', at);
        const copy = text.slice(lineStart, lineEnd);
        text = `${text.slice(0, lineEnd)}\n${copy}${text.slice(lineEnd)}`;
      } else {
        const cut = next() < 0.35 ? Math.floor(next() * 8) : 0;
        text = text.slice(0, at) + pick(LONG_PIECES) + text.slice(Math.min(text.length, at + cut));
      }
      assert.deepEqual(parseCase(text, memo), parseCase(text), `synthetic-${lines}, edit ${i}`);
    }
  }
});

test('splitting a long paragraph again around an edit gives the whole split, checkpoints included', () => {
  const next = prng(4711);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const words = [
    'pain',
    'the',
    'Dr.',
    'e.g.',
    'No.',
    '5',
    'J.',
    'Smith',
    'grade',
    'A.',
    'criteria:',
    '1.',
    '2.',
    '3.',
    'Pain',
    'MRI',
    '•',
    '▪',
    'x?',
    'ok!',
    '"quoted."',
    'i.e.',
    'vs.',
    '4.5',
    'B.',
    ';',
    '1)',
    'a.',
    '-',
    '*',
  ];
  const pieces = [
    ' word',
    '.',
    '. Then',
    ': 1. Physical therapy',
    ' 2. Acupuncture',
    '\n',
    '\n- ',
    '\n1. Item',
    '\n2. Next',
    ' • ',
    'Dr. ',
    '? ',
    'A. ',
    'x',
    '',
    '  \n',
  ];
  for (let t = 0; t < 40; t++) {
    const lines: string[] = [];
    let line = '';
    for (let w = 0; w < 600; w++) {
      const word = pick(words);
      if (line.length + word.length > 60) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    let text = lines.join('\n');
    let split = splitProse(text);
    for (let e = 0; e < 25; e++) {
      const at = Math.floor(next() * (text.length + 1));
      const cut = next() < 0.4 ? Math.floor(next() * 10) : 0;
      const edited = text.slice(0, at) + pick(pieces) + text.slice(Math.min(text.length, at + cut));
      const again = splitProse(edited, { text, split });
      const whole = splitSentences(edited, { layout: 'prose' }).flatMap((s) => [s.start, s.end]);
      assert.deepEqual([...again.bounds], whole, `text ${t}, edit ${e}: sentences`);
      assert.deepEqual([...again.checkpoints], [...splitProse(edited).checkpoints], `text ${t}, edit ${e}: checkpoints`);
      text = edited;
      split = again;
    }
  }
});

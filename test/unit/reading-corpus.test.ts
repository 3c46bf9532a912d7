// The reading layer over the 150 real letters (../shared/corpus/letters):
// every letter splits into sane sentences and every sentence reads without
// a throw. Reports counts only, never letter text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { corpusSkip, SHARED } from '../helpers/fixtures';
import { splitSentences } from '../../server/src/service/text/sentences';
import { createReader } from '../../server/src/service/reading/index';
import { fixtureLexicon } from '../helpers/readingFixture';

const DIR = path.join(SHARED, 'corpus', 'letters');

test('every corpus letter splits into sane sentences, and each reads without a throw', { skip: corpusSkip }, () => {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  assert.ok(files.length >= 150, `expected the 150 letters, found ${files.length}`);
  const reader = createReader(fixtureLexicon());
  let sentences = 0;
  let mentions = 0;
  const insane: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(DIR, f), 'utf8');
    const split = splitSentences(text);
    assert.ok(split.length >= 10, `${f}: only ${split.length} sentences`);
    let prevEnd = 0;
    for (const s of split) {
      // In order, inside the text, each piece the source's own characters.
      assert.ok(s.start >= prevEnd && s.end <= text.length && s.start < s.end, `${f}: sentence out of order at ${s.start}`);
      for (const p of s.pieces) assert.equal(s.text.slice(p.offset, p.offset + p.end - p.start), text.slice(p.start, p.end));
      prevEnd = s.end;
      // A sentence of a letter is not longer than a paragraph: a longer one means a missed boundary.
      if (s.text.length > 1500) insane.push(`${f}@${s.start}: ${s.text.length} characters`);
      // A sentence does not start in the middle of a word, nor with a dose's or grade's second half.
      if (/^[a-z]/.test(s.text) && !/^(e\.g|i\.e|etc|vs)/.test(s.text)) insane.push(`${f}@${s.start}: starts lower-case`);
      if (/^[/+.]/.test(s.text)) insane.push(`${f}@${s.start}: starts with a number's second half`);
      const r = reader.read(s.text);
      mentions += r.mentions.length;
      for (const m of r.mentions) assert.equal(s.text.slice(m.start, m.end), m.text);
    }
    sentences += split.length;
  }
  console.log(`reading corpus: ${files.length} letters, ${sentences} sentences, ${mentions} mentions of the fixture concepts`);
  // A few lower-case starts are the letters' own (a line that begins with a list's continuation); a handful at most.
  assert.ok(insane.length <= Math.ceil(files.length * 0.1), `${insane.length} suspicious sentences:\n${insane.slice(0, 30).join('\n')}`);
});

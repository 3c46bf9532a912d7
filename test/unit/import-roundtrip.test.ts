// The round trip on real letters: import each letter, render the case file as
// text, and compare with the letter after white-space normalization. Where
// they differ, the importer's diagnostics must explain it: each carries the
// letter's words and the words the rendered letter has instead, and applying
// them to the letter must give the rendered text exactly. Independently,
// no word of any letter may be lost: every word is in the rendered letter or
// in a comment of the case file. The figures go to the test report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { importLetter } from '../../server/src/service/import/index';
import { pdfToText } from '../../server/src/service/import/pdfText';
import { parseCase } from '../../server/src/service/syntax/parser';
import { LanguageService } from '../../server/src/service/languageService';
import type { ImportResult } from '../../server/src/service/import/types';
import { corpusSkip, SEED_LETTER, SHARED } from '../helpers/fixtures';

const LETTERS = path.join(SHARED, 'corpus', 'letters');
const PDFS = path.join(SHARED, 'corpus', 'pdf');
const SEED = SEED_LETTER;

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

function render(caseText: string): string {
  return new LanguageService().renderLetter({ uri: 'file:///roundtrip.imr', version: 1, text: caseText }, 'text');
}

type Outcome = 'exact' | 'explained' | 'unexplained';

/** Compares one letter with its round trip; returns the outcome and, if unexplained, where it first differs (an offset, never text). */
function roundTrip(letterText: string, r: ImportResult): { outcome: Outcome; at?: number } {
  const rendered = norm(render(r.text));
  let expected = norm(letterText);
  if (rendered === expected) return { outcome: 'exact' };
  for (const d of r.diagnostics) {
    const from = d.data?.letterText;
    const to = d.data?.renderedText;
    if (typeof from !== 'string' || typeof to !== 'string' || from === '') continue;
    const at = expected.indexOf(from);
    if (at >= 0) expected = norm(expected.slice(0, at) + ' ' + to + ' ' + expected.slice(at + from.length));
  }
  if (rendered === expected) return { outcome: 'explained' };
  let i = 0;
  while (i < rendered.length && rendered[i] === expected[i]) i++;
  return { outcome: 'unexplained', at: i };
}

/** Words of the letter that appear neither in the rendered letter nor in the case file's comments (multiset difference), after the rewordings the diagnostics announce. */
function lostWords(letterText: string, r: ImportResult): string[] {
  let letter = norm(letterText);
  for (const d of r.diagnostics) {
    const from = d.data?.letterText;
    const to = d.data?.renderedText;
    if (typeof from !== 'string' || typeof to !== 'string' || from === '' || to === '') continue;
    const at = letter.indexOf(from);
    if (at >= 0) letter = letter.slice(0, at) + ' ' + to + ' ' + letter.slice(at + from.length);
  }
  const count = new Map<string, number>();
  const comments = parseCase(r.text).comments.map((c) => c.text.replace(/^--\s?/, ''));
  for (const w of norm(render(r.text) + ' ' + comments.join(' ')).split(' ')) count.set(w, (count.get(w) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of norm(letter).split(' ')) {
    const n = count.get(w) ?? 0;
    if (n > 0) count.set(w, n - 1);
    else lost.push(w);
  }
  return lost;
}

function corpusFiles(): string[] {
  return fs
    .readdirSync(LETTERS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

test(
  'every corpus letter and the seed: the case parses, the rendered letter reproduces the letter or the diagnostics explain the difference',
  { skip: corpusSkip },
  (t) => {
    const files = [...corpusFiles().map((f) => path.join(LETTERS, f)), SEED];
    assert.ok(files.length >= 151, 'the corpus is where the brief says');
    const tally: Record<Outcome, number> = { exact: 0, explained: 0, unexplained: 0 };
    const problems: string[] = [];
    for (const file of files) {
      const name = path.basename(file);
      const text = fs.readFileSync(file, 'utf8');
      const r = importLetter(text, { sourceName: name });
      const syntax = parseCase(r.text).problems;
      if (syntax.length) problems.push(`${name}: ${syntax.length} syntax problem(s), first on line ${syntax[0].range.start.line + 1}`);
      const result = roundTrip(text, r);
      tally[result.outcome]++;
      if (result.outcome === 'unexplained')
        problems.push(
          `${name}: differs from its round trip at character ${result.at}, not explained by ${r.diagnostics.map((d) => d.code).join(', ') || 'any diagnostic'}`,
        );
      const lost = lostWords(text, r);
      if (lost.length) problems.push(`${name}: ${lost.length} word(s) of the letter neither rendered nor kept in a comment`);
    }
    t.diagnostic(
      `round trip: ${tally.exact} of ${files.length} letters reproduce exactly after white-space normalization, ${tally.explained} differ only as the importer's diagnostics say, ${tally.unexplained} unexplained`,
    );
    assert.deepEqual(problems, []);
  },
);

test('every item of every corpus letter is found with its decision, both guideline lines and its rationale', { skip: corpusSkip }, () => {
  const incomplete: string[] = [];
  for (const f of corpusFiles()) {
    const text = fs.readFileSync(path.join(LETTERS, f), 'utf8');
    const r = importLetter(text);
    // Each item heading ends in the decision word; the letter has as many "Claims Administrator guideline:" lines.
    const expectedItems = (text.match(/^\s*Claims Administrator guideline:/gm) ?? []).length;
    if (r.recognized.items !== expectedItems || r.recognized.completeItems !== expectedItems) {
      incomplete.push(`${f}: ${r.recognized.completeItems} complete of ${r.recognized.items} found, ${expectedItems} in the letter`);
    }
    if (!r.recognized.header || !r.recognized.credentials || !r.recognized.summary) incomplete.push(`${f}: header, credentials or summary not recognised`);
  }
  assert.deepEqual(incomplete, []);
});

test('PDF letters: the text pdfjs extracts imports and renders back the same, page furniture removed', { skip: corpusSkip }, async (t) => {
  const pdfs = fs
    .readdirSync(PDFS)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  assert.ok(pdfs.length > 0);
  const tally: Record<Outcome, number> = { exact: 0, explained: 0, unexplained: 0 };
  let sameAsText = 0;
  const problems: string[] = [];
  for (const f of pdfs) {
    const extracted = await pdfToText(new Uint8Array(fs.readFileSync(path.join(PDFS, f))));
    assert.ok(extracted.pages >= 1);
    assert.ok(!/^\s*Page \d+ of \d+\s*$/im.test(extracted.text));
    const r = importLetter(extracted.text, { sourceName: f });
    if (parseCase(r.text).problems.length) problems.push(`${f}: syntax problems`);
    const result = roundTrip(extracted.text, r);
    tally[result.outcome]++;
    if (result.outcome === 'unexplained') problems.push(`${f}: differs at character ${result.at}`);
    if (lostWords(extracted.text, r).length) problems.push(`${f}: words lost`);
    // Against the other extractor's text of the same letter: the words the reader sees.
    const txt = path.join(LETTERS, f.replace(/\.pdf$/, '.txt'));
    if (fs.existsSync(txt) && norm(render(r.text)) === norm(fs.readFileSync(txt, 'utf8'))) sameAsText++;
  }
  t.diagnostic(
    `PDF round trip: ${tally.exact} of ${pdfs.length} exact, ${tally.explained} explained, ${tally.unexplained} unexplained; ${sameAsText} of ${pdfs.length} render word for word as the corpus text of the same letter`,
  );
  assert.deepEqual(problems, []);
});

test('a file that is not a PDF is refused with a plain message', async () => {
  await assert.rejects(pdfToText(new TextEncoder().encode('not a pdf at all')), /not a readable PDF/);
});

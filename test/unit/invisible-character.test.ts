// invisible-character: characters that print nothing in the case text, found
// with exact ranges, deleted by a safe fix; the letter prints none of them.
// The importer's own zero-width escapes are not reported, and none of the
// 150 imported letters draws one finding from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import type { ImrDiagnostic } from '../../server/src/service/types';
import { CLEAN_CASE, textAt, variant } from '../helpers/necessityCases';
import { applyEdits } from '../helpers/edits';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusSkip, SEED_LETTER } from '../helpers/fixtures';
import { CORPUS_LETTERS } from '../helpers/necessityCorpus';
import { importLetter } from '../../server/src/service/import/importLetter';

const service = new LanguageService();
let n = 0;
const doc = (text: string) => ({ uri: `file:///invisible/${++n}.imr`, version: 1, text });
const found = (text: string): ImrDiagnostic[] => service.getDiagnostics(doc(text)).filter((d) => d.code === 'invisible-character');

const RLO = '\u202e';
const PDF = '\u202c';
const ZWSP = '\u200b';

test('a bidi override in a rationale is a warning on exactly its characters, and the fix deletes them', () => {
  const text = variant(['MRI of the lumbar spine is medically necessary.', `MRI of the lumbar spine is ${RLO}medically necessary${PDF}.`]);
  const ds = found(text);
  assert.equal(ds.length, 2, ds.map((d) => d.message).join(' | '));
  assert.ok(ds.every((d) => d.severity === 'warning'));
  assert.deepEqual(
    ds.map((d) => textAt(text, d.range)),
    [RLO, PDF],
  );
  assert.match(ds[0].message, /U\+202E RIGHT-TO-LEFT OVERRIDE/);
  assert.match(ds[0].message, /order in which the text around it is shown/);
  let fixed = text;
  for (const d of [...ds].reverse()) {
    const [action] = service.getCodeActions(doc(fixed), d.range, [d]);
    assert.ok(action?.isPreferred, 'deleting what prints nothing is the one safe fix');
    fixed = applyEdits(fixed, action.edits!);
  }
  assert.equal(fixed, CLEAN_CASE);
  assert.deepEqual(found(fixed), []);
});

test('a zero-width space inside a word is information; a run of invisible characters is one finding', () => {
  const text = variant(['physical therapy', `physi${ZWSP}cal therapy`], ['consider surgery', `consider${ZWSP}\u2060\u00ad surgery`]);
  const ds = found(text);
  assert.deepEqual(
    ds.map((d) => [d.severity, textAt(text, d.range)]),
    [
      ['information', ZWSP],
      ['information', `${ZWSP}\u2060\u00ad`],
    ],
  );
  assert.match(ds[1].message, /^3 invisible characters \(U\+200B ZERO WIDTH SPACE, U\+2060 WORD JOINER, U\+00AD SOFT HYPHEN\)/);
});

test("the importer's escapes are not reported: a letter's own '[#' and a prose line opening with '--'", () => {
  const text = variant(
    ['without lasting relief [#pt-failed].', `without lasting relief [#pt-failed]. The note read [${ZWSP}#4].`],
    ['  worker would consider surgery', `  ${ZWSP}-- worker would consider surgery`],
  );
  assert.deepEqual(found(text), []);
  // The same character elsewhere is reported.
  assert.equal(found(text.replace('The note read', `The${ZWSP} note read`)).length, 1);
});

test('the letter prints none of them, in text, HTML and PDF alike, and gives back what the importer escaped', async () => {
  const text = variant(
    ['MRI of the lumbar spine is medically necessary.', `MRI of the lumbar ${RLO}spine${PDF} is medically necessary.`],
    ['without lasting relief [#pt-failed].', `without lasting relief [#pt-failed]. The note read [${ZWSP}#4].`],
  );
  const letterText = service.renderLetter(doc(text), 'text');
  const html = service.renderLetter(doc(text), 'html');
  for (const out of [letterText, html]) {
    assert.doesNotMatch(out, /\p{Cf}/u);
    assert.match(out, /MRI\s+of\s+the\s+lumbar\s+spine\s+is\s+medically\s+necessary\./);
    assert.match(out, /The\s+note\s+read\s+\[#4\]\./);
  }
  const model = service.getLetterModel(doc(text));
  assert.doesNotMatch(JSON.stringify(model), /\\u202[a-e]|\\u200b|[\u202a-\u202e\u200b]/);
});

test('on the 150 imported letters the importer escapes draw no finding', { skip: corpusSkip || undefined }, () => {
  const files = fs.readdirSync(CORPUS_LETTERS).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 150);
  for (const f of files) {
    const text = importLetter(fs.readFileSync(path.join(CORPUS_LETTERS, f), 'utf8')).text;
    assert.deepEqual(
      found(text).map((d) => d.message),
      [],
      f,
    );
  }
});

test('a letter whose prose holds its own "[#" and a line opening with "--" imports with escapes that draw no finding', () => {
  const letter = fs.readFileSync(SEED_LETTER, 'utf8');
  const i = letter.indexOf('CLINICAL CASE SUMMARY');
  const j = letter.indexOf('\n', letter.indexOf('.', i + 200)) + 1;
  assert.ok(i > 0 && j > i);
  const odd = letter.slice(0, j) + '-- as the note [#2] put it, see above.\n' + letter.slice(j);
  const text = importLetter(odd).text;
  assert.ok(text.includes(`[${ZWSP}#2]`), 'the importer escapes the bracket');
  assert.deepEqual(found(text), []);
});

// The lexicon's one-pass phrase matcher (reading/matcher.ts) and the
// tokenizer under it: the phrase syntax of lexicon.schema.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseMatcher, PhraseError, leftmostLongest, phraseVariants, phraseVariantsByTokens } from '../../server/src/service/reading/matcher';
import { tokenize } from '../../server/src/service/reading/tokens';
import { LEXICON_FILES } from '../../server/src/service/reading/lexiconFiles';

function found(phrases: string[], text: string): string[] {
  const m = new PhraseMatcher<string>();
  for (const p of phrases) m.add(p, p);
  return m.match(text).map((h) => `${h.payload}=${text.slice(h.start, h.end)}`);
}

test('tokens keep digits with / + . inside a word, and abbreviations with their full stops', () => {
  assert.deepEqual(
    tokenize('4+/5, 10/325mg 5.5 q.d. e.g. L4-5').map((t) => t.norm),
    ['4+/5', ',', '10/325mg', '5.5', 'qd', 'eg', 'l4', '5'],
  );
  assert.deepEqual(
    tokenize("doesn't and patient's").map((t) => t.norm),
    ['does', "n't", 'and', "patient's"],
  );
  assert.deepEqual(
    tokenize('EMG/NCS he/she').map((t) => t.norm),
    ['emg', '/', 'ncs', 'he', '/', 'she'],
  );
  assert.deepEqual(
    tokenize('pain.The end').map((t) => t.norm),
    ['pain', '.', 'the', 'end'],
  );
});

test('whole words only, case-insensitive', () => {
  assert.deepEqual(found(['pt'], 'PT was done; the patient and the apt'), ['pt=PT']);
  assert.deepEqual(found(['mri'], 'An MRI; MRIs; mri'), ['mri=MRI', 'mri=mri']);
});

test('* at the end of a word matches the rest of that word only', () => {
  assert.deepEqual(found(['radicul*'], 'radiculopathy, radicular pain, radicul'), ['radicul*=radiculopathy', 'radicul*=radicular', 'radicul*=radicul']);
  assert.deepEqual(found(['straight leg rais*'], 'straight leg raising test'), ['straight leg rais*=straight leg raising']);
  assert.deepEqual(found(['radicul*'], 'the xradiculopathy'), []);
});

test('a hyphen, a blank or nothing between words are the same', () => {
  assert.deepEqual(found(['x-ray'], 'x-ray, x ray, xray, X-Ray'), ['x-ray=x-ray', 'x-ray=x ray', 'x-ray=xray', 'x-ray=X-Ray']);
  assert.deepEqual(found(['low back'], 'low-back and lowback and low back'), ['low back=low-back', 'low back=lowback', 'low back=low back']);
});

test('grades, doses and dotted abbreviations match as written', () => {
  assert.deepEqual(found(['4+/5', 'q.d.', 'hydrocodone/apap'], 'graded 4+/5, Norco qd and hydrocodone/APAP q.d.'), [
    '4+/5=4+/5',
    'q.d.=qd',
    'hydrocodone/apap=hydrocodone/APAP',
    'q.d.=q.d.',
  ]);
  assert.deepEqual(found(['4/5'], '4+/5 and 14/5'), []);
});

test('punctuation between words breaks a phrase', () => {
  assert.deepEqual(found(['no evidence of'], 'no, evidence of'), []);
});

test('every overlapping match is found, leftmost-longest keeps the longest', () => {
  const m = new PhraseMatcher<string>();
  for (const p of ['no', 'no evidence of', 'evidence']) m.add(p, p);
  const hits = m.match('There is no evidence of weakness');
  assert.deepEqual(
    hits.map((h) => h.payload),
    ['no evidence of', 'no', 'evidence'],
  );
  assert.deepEqual(
    leftmostLongest(hits).map((h) => h.payload),
    ['no evidence of'],
  );
});

test('* elsewhere than a word end, or a phrase with no words, is refused', () => {
  const m = new PhraseMatcher<string>();
  assert.throws(() => m.add('*itis', 'x'), PhraseError);
  assert.throws(() => m.add('ra*dic', 'x'), PhraseError);
  assert.throws(() => m.add('   ', 'x'), PhraseError);
});

test('one pass is linear in the text: a 1 MB text against many phrases', () => {
  const m = new PhraseMatcher<number>();
  for (let i = 0; i < 3000; i++) m.add(`term${i} word${i % 7}*`, i);
  m.add('a a a a a a a a', -1);
  const text = 'a '.repeat(500000);
  const t0 = Date.now();
  const hits = m.match(text);
  assert.ok(hits.length > 0);
  assert.ok(Date.now() - t0 < 3000, `matching took ${Date.now() - t0} ms`);
});

test('a plain phrase (lower-case words between single spaces, each perhaps ending in *) splits as the tokenizer splits it, for every string of the lexicon', () => {
  const strings: string[] = [];
  const collect = (x: unknown): void => {
    if (typeof x === 'string') strings.push(x);
    else if (Array.isArray(x)) x.forEach(collect);
    else if (x && typeof x === 'object') Object.values(x).forEach(collect);
  };
  collect(LEXICON_FILES);
  // And the forms the shortcut must leave to the tokenizer.
  strings.push(
    'x-ray',
    'radicul*',
    'radicul* pain',
    'low back* pain*',
    '*',
    'a**',
    'a*b',
    '*ache',
    "don't know",
    'q.d.',
    'Low Back',
    ' lumbar  spine ',
    '4+/5',
    'l5 s1',
    'a b c d e',
    '',
  );
  let plain = 0;
  for (const p of strings) {
    const by = (f: typeof phraseVariants) => {
      try {
        return f(p);
      } catch (e) {
        return e instanceof PhraseError ? `PhraseError: ${e.message}` : e;
      }
    };
    assert.deepEqual(by(phraseVariants), by(phraseVariantsByTokens), p);
    if (/^[a-z0-9]+\*?(?: [a-z0-9]+\*?)*$/.test(p)) plain++;
  }
  assert.ok(plain > 12000, `${plain} plain phrases`);
});

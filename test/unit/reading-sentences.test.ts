// The sentence splitter shared by the case language, the importer and the
// reader (server/src/service/text/sentences.ts): what ends a sentence in a
// letter and what does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SENTENCE, splitSentences, sourceOffset } from '../../server/src/service/text/sentences';

const texts = (t: string, layout?: 'pdf' | 'prose') => splitSentences(t, { layout }).map((s) => s.text);

test('a full stop before a capital ends a sentence; ? and ! too', () => {
  assert.deepEqual(texts('He has pain. She has none? Yes! Done'), ['He has pain.', 'She has none?', 'Yes!', 'Done']);
});

test('abbreviations do not end a sentence', () => {
  assert.deepEqual(texts('Dr. Smith saw him. Mr. Jones and Ms. Lee agree.'), ['Dr. Smith saw him.', 'Mr. Jones and Ms. Lee agree.']);
  assert.deepEqual(texts('Conservative care, e.g. PT, failed. Another, i.e. Norco, helped.'), [
    'Conservative care, e.g. PT, failed.',
    'Another, i.e. Norco, helped.',
  ]);
  assert.deepEqual(texts('Surgery vs. Injection was weighed. It took approx. 6 weeks.'), ['Surgery vs. Injection was weighed.', 'It took approx. 6 weeks.']);
  assert.deepEqual(texts('See Table No. 5 of the chapter. Then stop.'), ['See Table No. 5 of the chapter.', 'Then stop.']);
});

test('a dosing abbreviation goes on before a lower-case word and ends the sentence before a new one', () => {
  assert.deepEqual(texts('Norco 10/325 mg b.i.d. with food. Ibuprofen q.d. as needed.'), ['Norco 10/325 mg b.i.d. with food.', 'Ibuprofen q.d. as needed.']);
  assert.deepEqual(texts('He takes Norco 10/325 mg b.i.d. The request is for 60 tablets.'), [
    'He takes Norco 10/325 mg b.i.d.',
    'The request is for 60 tablets.',
  ]);
});

test('decimals, doses, grades and scores hold no sentence end', () => {
  assert.deepEqual(texts('Strength was 4+/5 and pain 7/10 on 5.5 mg of a 10/325 tablet. Next.'), [
    'Strength was 4+/5 and pain 7/10 on 5.5 mg of a 10/325 tablet.',
    'Next.',
  ]);
});

test('a full stop inside closing quotes ends the sentence after the quote', () => {
  assert.deepEqual(texts('The note says "no radiculopathy." The MRI is normal.'), ['The note says "no radiculopathy."', 'The MRI is normal.']);
  assert.deepEqual(texts('It is “not recommended.” Therefore upheld.'), ['It is “not recommended.”', 'Therefore upheld.']);
});

test('a full stop before a lower-case word does not end a sentence', () => {
  assert.deepEqual(texts('The patient had 12 visits. of PT overall.'), ['The patient had 12 visits. of PT overall.']);
});

test('line breaks inside a paragraph join; a blank line ends a sentence', () => {
  assert.deepEqual(texts('The injured worker\ncomplained of low back\npain.\n\nNew paragraph'), [
    'The injured worker complained of low back pain.',
    'New paragraph',
  ]);
});

test('numbered and bulleted items are sentences of their own, without their full stops', () => {
  assert.deepEqual(texts('Criteria:\n1. Failure of conservative care\n2. Radicular findings\n• A bullet\n- A dash item'), [
    'Criteria:',
    '1. Failure of conservative care',
    '2. Radicular findings',
    '• A bullet',
    '- A dash item',
  ]);
  assert.deepEqual(texts('The criteria are: 1. Physical therapy 2. Acupuncture 3. Home exercise.'), [
    'The criteria are: 1. Physical therapy',
    '2. Acupuncture',
    '3. Home exercise.',
  ]);
});

test('a sentence that a page break and page furniture cut in two reads whole, without the furniture', () => {
  const t = 'The MRI of the lumbar spine showed a disc\n\nPage 2 of 5\nCase Number: CM16-0000001\n\nprotrusion at L4-5. Physical therapy was completed.';
  assert.deepEqual(texts(t), ['The MRI of the lumbar spine showed a disc protrusion at L4-5.', 'Physical therapy was completed.']);
  const withNumber = 'He was prescribed physical therapy for the\n\n3\n\nlow back. Next sentence.';
  assert.deepEqual(texts(withNumber), ['He was prescribed physical therapy for the low back.', 'Next sentence.']);
});

test('a running header repeated on every page is furniture; a paragraph after it that starts a sentence stays apart', () => {
  const t = 'IMR FINAL DETERMINATION\nFirst page text.\n\nIMR FINAL DETERMINATION\nSecond page starts here.';
  assert.deepEqual(texts(t), ['First page text.', 'Second page starts here.']);
});

test('a heading in capitals is a sentence of its own', () => {
  assert.deepEqual(texts('CLINICAL CASE SUMMARY\nThe expert reviewer developed the summary.'), [
    'CLINICAL CASE SUMMARY',
    'The expert reviewer developed the summary.',
  ]);
});

test('prose layout keeps numbers and capitals that pdf layout would drop as furniture', () => {
  assert.deepEqual(texts('He had\n3\nvisits.', 'prose'), ['He had 3 visits.']);
  assert.deepEqual(texts('LUMBAR SPINE MRI\nshowed a disc bulge.', 'prose'), ['LUMBAR SPINE MRI showed a disc bulge.']);
});

test('pieces map every character of a sentence back to the source', () => {
  const t = 'The disc\n\nPage 2\n\nprotrusion was seen.  Next one.';
  for (const s of splitSentences(t)) {
    for (const p of s.pieces) assert.equal(s.text.slice(p.offset, p.offset + (p.end - p.start)), t.slice(p.start, p.end));
    for (let i = 0; i < s.text.length; i++) if (s.text[i] !== ' ') assert.equal(t[sourceOffset(s, i)], s.text[i]);
  }
});

test('empty, blank and punctuation-only texts give no crash', () => {
  assert.deepEqual(texts(''), []);
  assert.deepEqual(texts('\n\n  \n'), []);
  assert.deepEqual(texts('...'), ['...']);
  assert.ok(texts('. . . ! ?').join(' ').length > 0);
});

test('a long text without any full stop splits in linear time', () => {
  const long = 'word '.repeat(200000);
  const t0 = Date.now();
  const out = splitSentences(long);
  // No sentence end: read as sentences of at most MAX_SENTENCE characters (docs/limits.md), nothing lost.
  assert.ok(out.every((s) => s.text.length <= MAX_SENTENCE));
  assert.equal(out.map((s) => s.text).join(' '), long.trim());
  assert.ok(Date.now() - t0 < 2000, 'splitting 1 MB took too long');
  const dots = 'a. '.repeat(100000);
  const t1 = Date.now();
  splitSentences(dots);
  assert.ok(Date.now() - t1 < 2000, 'splitting many short pieces took too long');
});

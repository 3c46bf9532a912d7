// pieceAt maps an offset of a joined text back to the piece it came from:
// the sentence splitter (around page furniture) and the case language's
// prose (around line breaks) both rely on it for exact ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pieceAt } from '../../server/src/service/text/pieces';
import { sourceOffset, splitSentences } from '../../server/src/service/text/sentences';

test('pieceAt: the last piece starting at or before the offset, clamped at both ends', () => {
  const pieces = [{ offset: 0 }, { offset: 5 }, { offset: 12 }, { offset: 30 }];
  const at = (o: number) => pieceAt(pieces, o);
  assert.deepEqual([-3, 0, 4, 5, 11, 12, 29, 30, 1000].map(at), [0, 0, 0, 1, 1, 2, 2, 3, 3]);
  assert.equal(pieceAt([{ offset: 7 }], 2), 0, 'one piece takes every offset');
});

test('a sentence cut by page furniture maps each of its words back to where it stands in the letter', () => {
  const letter = 'The patient reports low back pain radiating to the\nPage 2 of 5\nleft leg. Strength is 4/5.';
  const [first] = splitSentences(letter, { layout: 'pdf' });
  assert.ok(first.pieces.length > 1, 'the page line splits the sentence into pieces');
  for (const word of ['patient', 'radiating', 'left', 'leg']) {
    const inSentence = first.text.indexOf(word);
    assert.equal(letter.slice(sourceOffset(first, inSentence), sourceOffset(first, inSentence) + word.length), word);
  }
});

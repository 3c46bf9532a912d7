// The necessity analysis against the 150 real letters: the conclusion matcher
// must find a conclusion in (nearly) every rationale, and its polarity must
// agree with the item's Upheld/Overturned in every one (no corpus item
// contradicts its decision). Reports counts only, never letter text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, readCorpus } from '../helpers/necessityCorpus';
import { itemConclusion } from '../../server/src/service/necessity/conclusions';
import { corpusSkip } from '../helpers/fixtures';

test('conclusion polarity agrees with the decision in every corpus item', { skip: corpusSkip }, () => {
  assert.ok(corpusAvailable(), 'the corpus of real letters (../shared/corpus/letters) is needed for this test');
  const letters = readCorpus();
  let items = 0;
  let found = 0;
  let agree = 0;
  const missing: string[] = [];
  const disagree: string[] = [];
  for (const letter of letters) {
    letter.items.forEach((item, i) => {
      items++;
      const c = itemConclusion(item.rationale.sentences);
      if (!c) {
        missing.push(`${letter.name}#${i + 1}`);
        return;
      }
      found++;
      const expected = item.decision === 'upheld' ? 'not-necessary' : 'necessary';
      if (c.match.polarity === expected) agree++;
      else disagree.push(`${letter.name}#${i + 1}`);
    });
  }
  console.log(`necessity corpus: ${letters.length} letters, ${items} items; conclusion found in ${found}/${items}; polarity agrees ${agree}/${found}`);
  if (missing.length) console.log(`  no conclusion: ${missing.join(', ')}`);
  if (disagree.length) console.log(`  polarity disagrees: ${disagree.join(', ')}`);
  assert.ok(items >= 300, `expected the corpus's items, read ${items}`);
  assert.deepEqual(disagree, []);
  assert.ok(found >= items - Math.ceil(items * 0.01), `a conclusion should be found in nearly every rationale (${found}/${items})`);
});

// The record checks over the corpus are measured against the hand labels by the quality floor
// (test/unit/quality-floor.test.ts, `npm run eval`), which replaced the list of letters read by hand.

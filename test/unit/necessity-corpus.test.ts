// The necessity analysis against the 150 real letters: the conclusion matcher
// must find a conclusion in (nearly) every rationale, and its polarity must
// agree with the item's Upheld/Overturned in every one (no corpus item
// contradicts its decision). Reports counts only, never letter text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, readCorpus } from '../helpers/necessityCorpus';
import { itemConclusion } from '../../server/src/service/necessity/conclusions';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS_LETTERS } from '../helpers/necessityCorpus';
import { corpusSkip } from '../helpers/fixtures';
import { importLetter } from '../../server/src/service/import/importLetter';
import { LanguageService } from '../../server/src/service/languageService';

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

// Letters where the record checks fire, each read by hand and judged right
// (the denial or the claimed record really is at odds with the summary).
// A hit in any other letter fails the test until someone has read it.
const REVIEWED: Record<string, string[]> = {
  'contradicts-record': ['CM16-0248698', 'CM17-0016311'],
  'unsupported-record-claim': ['CM16-0237844', 'CM16-0238676', 'CM16-0239190', 'CM16-0240900', 'CM17-0018485'],
};

test('record checks over every imported corpus letter fire only where a reader agrees', { skip: corpusSkip }, () => {
  const service = new LanguageService();
  const hits: Record<string, Set<string>> = { 'contradicts-record': new Set(), 'unsupported-record-claim': new Set() };
  const counts: Record<string, number> = {};
  const files = fs.readdirSync(CORPUS_LETTERS).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const imported = importLetter(fs.readFileSync(path.join(CORPUS_LETTERS, f), 'utf8'));
    const uri = `file:///corpus/${f}.imr`;
    for (const d of service.getDiagnostics({ uri, version: 1, text: imported.text })) {
      counts[d.code] = (counts[d.code] ?? 0) + 1;
      if (d.code in hits) hits[d.code].add(f.replace(/\.txt$/, ''));
    }
    service.forget(uri);
  }
  for (const code of Object.keys(hits)) {
    console.log(`${code}: ${counts[code] ?? 0} diagnostics in ${hits[code].size}/${files.length} letters (${REVIEWED[code].length} reviewed by hand as right)`);
    const unreviewed = [...hits[code]].filter((n) => !REVIEWED[code].includes(n));
    assert.deepEqual(unreviewed, [], `${code} fires in letters nobody has reviewed`);
  }
  assert.equal(files.length, 150);
});

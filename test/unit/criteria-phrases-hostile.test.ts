// Hostile phrases in workspace criteria (issue 17): "a****…q" compiled to a
// pattern that backtracked without end, so `imr check` never finished and the
// server stopped answering. Phrases are now checked against the documented
// syntax before anything is compiled (a criteria-data diagnostic names the
// reason), and what compiles has no two quantifiers that meet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { MAX_PHRASE_LENGTH, phraseProblem, PhraseSet } from '../../server/src/service/necessity/phrases';
import { BUILT_IN_FILES, validateCriteriaData } from '../../server/src/service/necessity/library';
import { returnsWithin } from '../helpers/hangGuard';
import { prng } from '../helpers/random';

const section = (match: string[][], exclude?: string[]) => ({
  sections: [
    {
      id: 'ws-section',
      title: 'T',
      source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
      match,
      ...(exclude ? { exclude } : {}),
      criteria: [{ id: 'WS-01', text: 't', sourceNote: 'n' }],
    },
  ],
});

const STARS = `a${'*'.repeat(40)}q`;

test('a phrase with a * inside a word, a run of stars or a bare star is a criteria-data diagnostic on that phrase', () => {
  const service = new LanguageService();
  try {
    for (const bad of [STARS, 'a*b', '**radicul', 'radicul**', 'straight * raise']) {
      const file = { uri: 'file:///ws/.imr/criteria/bad.json', text: JSON.stringify(section([['mri', bad]]), null, 2) };
      const d = service.setWorkspaceCriteria([file]).get(file.uri)!;
      assert.equal(d.length, 1, bad);
      assert.equal(d[0].code, 'criteria-data');
      assert.match(d[0].message, /\* that is not at the start or the end of a word/);
      // The range is the phrase's own line in the file.
      assert.ok(file.text.split('\n')[d[0].range.start.line].includes(JSON.stringify(bad)), bad);
    }
  } finally {
    service.setWorkspaceCriteria([]);
  }
});

test('a phrase longer than a few words is refused by its length, and the message does not repeat it whole', () => {
  const long = 'word '.repeat(2000).trim();
  const problems = validateCriteriaData(section([['x']], [long]));
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, new RegExp(`is ${long.length} characters long; .* at most ${MAX_PHRASE_LENGTH}`));
  assert.ok(problems[0].message.length < 200);
});

test('the documented forms pass: * at either end of a word, hyphens, punctuation', () => {
  for (const ok of ['radicul*', '*itis', 'straight leg rais*', 'x-ray', "n't", '4+/5', 'cream base']) assert.equal(phraseProblem(ok), undefined, ok);
  for (const [name, f] of Object.entries(BUILT_IN_FILES)) assert.deepEqual(validateCriteriaData(f), [], name);
});

test('whatever reaches the compiler matches in one pass: star runs and separator runs on a hostile text return', async () => {
  const text = `${'a'.repeat(5000)} ${'- '.repeat(5000)}x`;
  const phrases = [STARS, 'a*a*a*a*a*a*a*b', `a${' -'.repeat(30)} b`, 'a - - - - - - - - - - c'];
  const found = await returnsWithin<unknown[]>(require.resolve('../helpers/phraseProbe'), 'phraseMatches', [phrases, text], 20_000);
  assert.deepEqual(found, []);
});

test('compiling by words keeps what the phrases matched: star ends, hyphen joints, plurals', () => {
  const set = new PhraseSet(['radicul*', '*algia', 'x-ray', 'straight leg raise', 'nsaid'], { plurals: true });
  const phrases = (t: string) => set.matches(t).map((m) => t.slice(m.start, m.end));
  assert.deepEqual(phrases('Radiculopathy and myalgia; an xray, X ray and x-rays; straight-leg  raise; NSAIDs'), [
    'Radiculopathy',
    'myalgia',
    'xray',
    'X ray',
    'x-rays',
    'straight-leg  raise',
    'NSAIDs',
  ]);
  // Random texts of the phrases' letters never stop the scan (and each match is a whole-word one).
  const next = prng(17);
  for (let n = 0; n < 300; n++) {
    const t = Array.from({ length: 60 }, () => 'ax- r*y'[Math.floor(next() * 7)]).join('');
    for (const m of set.matches(t)) assert.ok(m.end > m.start);
  }
});

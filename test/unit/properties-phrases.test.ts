// Property: whatever phrase a workspace criteria file holds, it is refused
// by the documented syntax with a reason, or it compiles to a matcher that
// finds the phrase's own words and returns on hostile text. The targeted
// tests (criteria-phrases-hostile.test.ts) hold the shapes found so far (a
// run of stars, separator runs); here phrases are drawn from the characters
// that make patterns backtrack (stars, hyphens, spaces, letters, the
// punctuation clinical phrases use) and run against text made of the same
// characters, in a worker that is ended if it does not return.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alternation, phraseProblem, phraseSource, MAX_PHRASE_LENGTH, PhraseIndex, PhraseSet } from '../../server/src/service/necessity/phrases';
import { returnsWithin } from '../helpers/hangGuard';
import { settings } from '../helpers/properties';

/** Phrases as a hostile or careless file writes them: mostly a few letters, with stars, hyphens and spaces anywhere. */
const phrase = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'a', 'b', 'q', '*', '-', ' ', "'", '+', '/', '4', '.'), minLength: 1, maxLength: 40 }),
  fc
    .tuple(fc.constantFrom('a', 'ab', 'x-ray', 'radicul'), fc.constantFrom('*', '**', ' -', '- ', '*-*'), fc.integer({ min: 1, max: 60 }))
    .map(([w, run, n]) => `${w}${run.repeat(n)}${w}`),
  fc.constantFrom('word '.repeat(60).trim(), 'a'.repeat(MAX_PHRASE_LENGTH + 1)),
);

test('property: a workspace phrase is refused with a reason, or matches its own words and returns on hostile text', { timeout: 120_000 }, async () => {
  const accepted = new Set<string>();
  let refused = 0;
  fc.assert(
    fc.property(phrase, (p) => {
      const problem = phraseProblem(p);
      if (problem !== undefined) {
        refused++;
        // The reason names what is wrong, not the phrase again (a long one would flood the Problems panel).
        assert.ok(problem.length < 200 && !problem.includes(p.length > 20 ? p : '\u0000'), problem);
        return;
      }
      accepted.add(p);
      // A phrase of plain words finds itself written out (stars stand for any letters, so "a*" finds "a").
      const written = p.replace(/\*/g, '');
      if (/[a-z0-9]/.test(written)) {
        const found = new PhraseSet([p], { plurals: true }).matches(` ${written} `);
        assert.ok(found.length > 0, `${JSON.stringify(p)} does not find ${JSON.stringify(written)}`);
      }
    }),
    settings(400),
  );
  assert.ok(refused > 0 && accepted.size > 0, `refused ${refused}, accepted ${accepted.size}`);
  // Every accepted phrase at once, over text of their own characters: one linear pass, never a backtracking hang.
  const alphabet = "aabq*- '+/4.";
  let seed = 7;
  const text = Array.from({ length: 60_000 }, () => alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length]).join('');
  const found = await returnsWithin<unknown[]>(require.resolve('../helpers/phraseProbe'), 'phraseMatches', [[...accepted], text], 30_000);
  assert.ok(Array.isArray(found));
});

/** Every match of a global pattern in `text`, as PhraseSet's scan takes them (an empty match moves on one). */
function scanAll(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(m.index, m.index + m[0].length);
  }
  return out;
}

test("property: a set's alternation, with the lookarounds a run of phrases shares written once, matches as the alternation of the phrases' patterns", () => {
  // Phrases that start or end with a word character (whole-word lookarounds) or with punctuation (none), in any order,
  // and text made of them (stars written as letters, some in capitals) and of what may stand next to them.
  const listed = fc.array(fc.string({ unit: fc.constantFrom('a', 'a', 'b', 's', '*', '-', ' ', "'", '/'), minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 10,
  });
  const picks = fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.constantFrom('', ' ', '-', 'a', 's', 'es', "'", '/', '4', '\u00e9')), { maxLength: 12 });
  fc.assert(
    fc.property(listed, picks, fc.boolean(), (phrases, chosen, plurals) => {
      const sources = phrases
        .map((p) => p.trim().toLowerCase())
        .filter((p) => p && phraseProblem(p) === undefined)
        .map((p) => phraseSource(p, plurals));
      if (sources.length === 0) return;
      const text = chosen
        .map(([k, upper, next]) => {
          const written = phrases[k % phrases.length].replace(/\*/g, 'b') + next;
          return upper ? written.toUpperCase() : written;
        })
        .join('');
      const plain = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gi');
      assert.deepEqual(scanAll(new RegExp(alternation(sources), 'gi'), text), scanAll(plain, text), alternation(sources));
    }),
    settings(1000),
  );
});

test('property: a phrase index never rules out a set that matches the text', () => {
  const word = fc.constantFrom('a', 'ab', 'x', 'ray', 'mri', 'radicul', '4', 'q');
  const setPhrase = fc
    .tuple(fc.constantFrom('', '*'), fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', ' - '), fc.constantFrom('', '*', "'s", '+'))
    .map(([lead, words, sep, tail]) => `${lead}${words.join(sep)}${tail}`)
    .filter((p) => phraseProblem(p) === undefined);
  const text = fc.string({
    unit: fc.constantFrom('a', 'A', 'b', 'x', 'X', 'r', 'y', 'm', 'i', 'R', 'd', 'c', 'u', 'l', '4', 'q', ' ', '-', "'", 's', '+', '\u212a', '\u0130'),
    maxLength: 40,
  });
  fc.assert(
    fc.property(fc.array(fc.array(setPhrase, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.boolean(), text, (lists, plurals, t) => {
      const sets = lists.map((l) => new PhraseSet(l, { plurals }));
      const candidates = new PhraseIndex(sets).candidates(t);
      for (const set of sets) if (!candidates.has(set)) assert.equal(set.first(t), undefined, JSON.stringify([set.leads, t]));
    }),
    settings(1000),
  );
});

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
import { phraseProblem, MAX_PHRASE_LENGTH, PhraseSet } from '../../server/src/service/necessity/phrases';
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

// Property: whatever characters that print nothing are planted in an example
// (bidi controls, zero-width characters, soft hyphens, runs of them, anywhere:
// inside words, fields, prose, comments), the letter in text and HTML holds
// none of them, every one of them in the case is inside an
// `invisible-character` finding, and their fixes delete exactly them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanguageService } from '../../server/src/service/languageService';
import { EXAMPLE_NAMES, EXAMPLE_TEXTS, INVISIBLE_PIECES, noContainedError, settings } from '../helpers/properties';
import { offsetAt, computeLineStarts } from '../../server/src/service/syntax/positions';
import { applyEdits } from '../helpers/edits';

const service = new LanguageService();
let n = 0;
const FORMAT = /\p{Cf}/gu;

const planted = fc
  .tuple(
    fc.constantFrom(...EXAMPLE_NAMES),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.constantFrom(...INVISIBLE_PIECES), { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([name, plants]) => {
    let text = EXAMPLE_TEXTS.get(name)!;
    for (const [f, chars] of plants) {
      const at = Math.floor((f / 10_001) * text.length);
      text = text.slice(0, at) + chars.join('') + text.slice(at);
    }
    return { name, text };
  });

test('property: planted invisible characters are each found, never printed, and their fixes remove exactly them', () => {
  fc.assert(
    fc.property(planted, ({ name, text }) => {
      noContainedError(() => {
        const doc = { uri: `file:///invisible/${++n}.imr`, version: 1, text };
        const found = service.getDiagnostics(doc).filter((d) => d.code === 'invisible-character');
        const starts = computeLineStarts(text);
        const covered = new Set<number>();
        for (const d of found) {
          const from = offsetAt(starts, text, d.range.start);
          const to = offsetAt(starts, text, d.range.end);
          assert.ok(to > from, `${name}: an empty range`);
          for (let k = from; k < to; k++) {
            assert.match(text[k], /\p{Cf}/u, `${name}: the range holds only invisible characters`);
            covered.add(k);
          }
        }
        // The examples hold no escapes of the importer, so every planted character is reported.
        for (const m of text.matchAll(FORMAT)) assert.ok(covered.has(m.index), `${name}: U+${m[0].codePointAt(0)!.toString(16)} at ${m.index} reported`);
        for (const out of [service.renderLetter(doc, 'text'), service.renderLetter(doc, 'html')]) assert.doesNotMatch(out, FORMAT, `${name}: printed`);
        // Each finding's fix, applied from the end of the text back, deletes exactly the invisible characters.
        const edits = found.flatMap((d) =>
          service
            .getCodeActions(doc, d.range, [d])
            .filter((a) => a.isPreferred)
            .flatMap((a) => a.edits ?? []),
        );
        assert.equal(edits.length, found.length, `${name}: one preferred fix a finding`);
        assert.equal(applyEdits(text, edits), text.replace(FORMAT, ''), `${name}: the fixes delete the invisible characters and nothing else`);
        assert.ok(service.getFixAll(doc), `${name}: Fix All is offered`);
      });
    }),
    settings(60),
  );
});

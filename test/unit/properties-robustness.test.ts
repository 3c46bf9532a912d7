// Property: whatever the text (random code units, bytes read as a file, case
// files built from the language's own parts, the examples with lines
// deleted, duplicated, swapped, bytes inserted or the file cut short), the
// parser, the rules, every editor feature, the letter renderers and the
// importer answer without throwing and without falling back on their
// catch-alls, and every range they return lies inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { importLetter } from '../../server/src/service/import/index';
import type { ImrDocument, Position } from '../../server/src/service/types';
import {
  anyCaseText,
  assertRangesInside,
  collectRanges,
  lineLengths,
  noContainedError,
  noContainedErrorAsync,
  settings,
  unicodeText,
  bytesAsText,
  mutatedExample,
} from '../helpers/properties';

let n = 0;
const doc = (text: string): ImrDocument => ({ uri: `file:///properties/${++n}.imr`, version: 1, text });

/** Places to ask features about: chosen by the property (fractions of the line count and line length), always inside the text. */
const places = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 });
function positionsIn(text: string, picks: [number, number][]): Position[] {
  const lengths = lineLengths(text);
  return picks.map(([l, c]) => {
    const line = l % lengths.length;
    return { line, character: c % (lengths[line] + 1) };
  });
}

function exercise(text: string, picks: [number, number][]): void {
  const service = new LanguageService();
  const d = doc(text);
  noContainedError(() => {
    const file = parseCase(text);
    assertRangesInside(text, collectRanges(file), 'parse tree');
    const diagnostics = service.getDiagnostics(d);
    assertRangesInside(
      text,
      diagnostics.flatMap((x) => [x.range, ...(x.relatedInformation ?? []).map((r) => r.range)]),
      'diagnostics',
    );
    for (const x of diagnostics) assert.ok(typeof x.code === 'string' && x.code !== '' && x.message.trim() !== '', 'a diagnostic has a code and a message');
    assertRangesInside(text, collectRanges(service.getDocumentSymbols(d)), 'symbols');
    for (const f of service.getFoldingRanges(d))
      assertRangesInside(text, [{ start: { line: f.startLine, character: 0 }, end: { line: f.endLine, character: 0 } }], 'folding');
    for (const diagnostic of diagnostics) {
      for (const action of service.getCodeActions(d, diagnostic.range, [diagnostic]))
        assertRangesInside(
          text,
          action.edits.map((e) => e.range),
          `code action "${action.title}"`,
        );
    }
    for (const p of positionsIn(text, picks)) {
      const items = service.getCompletions(d, p, new Date(2017, 0, 15));
      assertRangesInside(
        text,
        items.flatMap((i) => (i.textEdit ? [i.textEdit.range] : [])),
        'completion',
      );
      const h = service.getHover(d, p);
      if (h) assertRangesInside(text, [h.range], 'hover');
      const def = service.getDefinition(d, p);
      if (def) assertRangesInside(text, [def.range], 'definition');
      assertRangesInside(
        text,
        service.getReferences(d, p, true).map((l) => l.range),
        'references',
      );
      const prep = service.prepareRename(d, p);
      if (prep) {
        assertRangesInside(text, [prep.range], 'prepare rename');
        assertRangesInside(
          text,
          (service.rename(d, p, 'renamed-label') ?? []).map((e) => e.range),
          'rename',
        );
      }
      for (const action of service.getCodeActions(d, { start: p, end: p }, diagnostics))
        assertRangesInside(
          text,
          action.edits.map((e) => e.range),
          `code action "${action.title}"`,
        );
    }
    const model = service.getLetterModel(d, { showCriteria: true });
    for (const l of collectLines(model)) assert.ok(l >= 0 && l < lineLengths(text).length, `letter line ${l} outside the document`);
    assert.equal(typeof service.renderLetter(d, 'text'), 'string');
    assert.equal(typeof service.renderLetter(d, 'html'), 'string');
    assert.equal(typeof service.renderLetter(d, 'html', { html: 'body', showCriteria: true }), 'string');
    // The importer reads any text; what it writes parses cleanly and its notes point into it.
    const imported = importLetter(text);
    assert.deepEqual(
      parseCase(imported.text).problems.map((p) => p.message),
      [],
      'the imported case parses',
    );
    assertRangesInside(
      imported.text,
      imported.diagnostics.map((x) => x.range),
      'import notes',
    );
  });
}

/** The source lines (`line`) the letter model's paragraphs point at. */
function collectLines(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) collectLines(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'line' && typeof v === 'number') out.push(v);
      else collectLines(v, out);
    }
  }
  return out;
}

test('property: mutated examples and case-shaped text: no throw, no catch-all, every range inside the document', () => {
  fc.assert(
    fc.property(anyCaseText, places, (text, picks) => exercise(text, picks)),
    settings(300),
  );
});

test('property: mutated examples, many more of them: the parser and the rules alone never throw, every range inside the document', () => {
  // The cheap half of the check above, run often: most broken input an author
  // makes is a good case with a few lines gone wrong.
  fc.assert(
    fc.property(mutatedExample, (text) => {
      noContainedError(() => {
        assertRangesInside(text, collectRanges(parseCase(text)), 'parse tree');
        const diagnostics = new LanguageService().getDiagnostics(doc(text));
        assertRangesInside(
          text,
          diagnostics.flatMap((x) => [x.range, ...(x.relatedInformation ?? []).map((r) => r.range)]),
          'diagnostics',
        );
      });
    }),
    settings(800),
  );
});

test('property: random code units and bytes: no throw, no catch-all, every range inside the document', () => {
  fc.assert(
    fc.property(fc.oneof(unicodeText, bytesAsText), places, (text, picks) => exercise(text, picks)),
    settings(100),
  );
});

test('property: the PDF letter of a mutated example is a PDF, never an error', async () => {
  await fc.assert(
    fc.asyncProperty(mutatedExample, async (text) => {
      const bytes = await noContainedErrorAsync(() => new LanguageService().renderLetter(doc(text), 'pdf', { creationDate: new Date(0) }));
      assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    }),
    settings(15),
  );
});

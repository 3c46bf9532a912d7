// Property: whatever bytes arrive as a PDF, import answers with a letter's
// text or a refusal in our own words, within its time budget. The targeted
// tests (import-pdf-limits.test.ts) hold each hostile shape on its own; here
// the shapes are cut, overwritten, spliced and given lying counts at random,
// starting from PDFs this project makes and, when the corpus is present, the
// published letters' own PDFs. A read that resolves gives text the importer
// turns into a case without throwing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readPdf } from '../../server/src/adapters/pdfReader';
import { PdfLimitError } from '../../server/src/service/import/pdfLimits';
import { importLetter } from '../../server/src/service/import/index';
import { claimedPagesPdf, pagesPdf } from '../helpers/hostilePdf';
import { ROOT, SHARED } from '../helpers/fixtures';
import { noContainedError, settings } from '../helpers/properties';

const WORKER = path.join(ROOT, 'dist', 'pdf-worker.js');
/** The only messages a failed read may carry besides a limit's: pdf.js's own never cross back (they can quote the file). */
const PLAIN = new Set(['The file is not a readable PDF.', 'The PDF is password-protected; open it and save an unprotected copy first.']);

const corpusPdfDir = path.join(SHARED, 'corpus', 'pdf');
const corpusPdfs = fs.existsSync(corpusPdfDir)
  ? fs
      .readdirSync(corpusPdfDir)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .slice(0, 4)
      .map((f) => fs.readFileSync(path.join(corpusPdfDir, f)))
  : [];
const BASES: Buffer[] = [pagesPdf(2), claimedPagesPdf(5), ...corpusPdfs];

type Damage =
  | { kind: 'cut'; at: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'splice'; from: number; length: number; to: number }
  | { kind: 'count'; count: number }
  | { kind: 'length'; length: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({
    kind: fc.constant('splice' as const),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 4096 }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  // A page tree or a stream that lies about its size: the counts a hostile file changes first.
  fc.record({ kind: fc.constant('count' as const), count: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(2_147_483_647), fc.constant(-1)) }),
  fc.record({ kind: fc.constant('length' as const), length: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(999_999_999)) }),
);

function damaged(base: Buffer, d: Damage): Buffer {
  const at = (x: number) => Math.min(base.length, Math.floor(x * base.length));
  switch (d.kind) {
    case 'cut':
      return base.subarray(0, at(d.at));
    case 'overwrite': {
      const out = Buffer.from(base);
      Buffer.from(d.bytes).copy(out, Math.min(at(d.at), Math.max(0, out.length - 1)));
      return out;
    }
    case 'splice': {
      const piece = base.subarray(at(d.from), at(d.from) + d.length);
      return Buffer.concat([base.subarray(0, at(d.to)), piece, base.subarray(at(d.to))]);
    }
    case 'count':
      return Buffer.from(base.toString('latin1').replace(/\/Count \d+/g, `/Count ${d.count}`), 'latin1');
    case 'length':
      return Buffer.from(base.toString('latin1').replace(/\/Length \d+/g, `/Length ${d.length}`), 'latin1');
  }
}

test('property: a damaged or lying PDF is read as text the importer takes, or refused in our words, within its time budget', { timeout: 300_000 }, async () => {
  assert.ok(fs.existsSync(WORKER), 'the PDF worker is built (npm run build)');
  let read = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...BASES.keys()), fc.array(damage, { minLength: 1, maxLength: 3 }), async (which, damages) => {
      const bytes = damages.reduce(damaged, BASES[which]);
      const started = Date.now();
      try {
        const result = await readPdf(new Uint8Array(bytes), { script: WORKER, budgets: { maxSeconds: 5 } });
        read++;
        assert.equal(typeof result.text, 'string');
        assert.ok(result.pages >= 0);
        const imported = noContainedError(() => importLetter(result.text, { sourceName: 'damaged.pdf', unreadablePages: result.unreadablePages }));
        assert.equal(typeof imported.text, 'string');
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        refused++;
        assert.ok(err instanceof Error, `a refusal is an Error: ${String(err)}`);
        assert.ok(err instanceof PdfLimitError || PLAIN.has(err.message), `a refusal in our own words, not pdf.js's: ${err.message.slice(0, 120)}`);
      }
      // The worker's own clock and the reader's timer stop a read at 5 s; a little slack for a loaded machine.
      assert.ok(Date.now() - started < 20_000, `settled in ${Date.now() - started} ms`);
    }),
    settings(30),
  );
  // Both answers occur, or the damage is not reaching the reader.
  assert.ok(read > 0 && refused > 0, `read ${read}, refused ${refused}`);
});

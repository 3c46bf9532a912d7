// Hostile PDFs in import (issue 17): a page tree claiming a million pages, a
// content stream deflated twice, more pages than a letter has, a read that
// runs out of time, a file too large. Each is refused by the budget it
// exhausts, named in the refusal, and never reported as a letter "with no
// text"; the PDF is read off the calling thread, so the extension host and
// the CLI keep running meanwhile. The worker bundle is the built one
// (dist/pdf-worker.js), with pdf.js patched for the decoded-size budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPdf } from '../../server/src/adapters/pdfReader';
import { pdfToText } from '../../server/src/service/import/pdfText';
import { MAX_PDF_DECODED_BYTES, MAX_PDF_FILE_BYTES, MAX_PDF_PAGES, PdfLimitError } from '../../server/src/service/import/pdfLimits';
import { claimedPagesPdf, deflateBombPdf, pagesPdf } from '../helpers/hostilePdf';
import { ROOT } from '../helpers/fixtures';

const WORKER = path.join(ROOT, 'dist', 'pdf-worker.js');
const BIN = path.join(ROOT, 'bin', 'imr.js');
const LONG = { timeout: 120_000 };

function tempFile(name: string, bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-pdf-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function imrImport(file: string) {
  return spawnSync(process.execPath, [BIN, 'import', file], { encoding: 'utf8', timeout: 110_000 });
}

async function refusal(p: Promise<unknown>): Promise<PdfLimitError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof PdfLimitError, `expected a limit refusal, got ${String(err)}`);
    return err;
  }
  assert.fail('the PDF was read');
}

test('a 12 KB PDF whose page tree claims 1,000,000 pages is refused by the page limit at once, by imr import', LONG, () => {
  const bytes = claimedPagesPdf(1_000_000);
  assert.ok(bytes.length < 16 * 1024);
  const r = imrImport(tempFile('claims.pdf', bytes));
  assert.equal(r.signal, null, 'imr import finished');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /claims\.pdf: the PDF has 1,000,000 pages; .*at most 200/);
  assert.doesNotMatch(r.stderr, /no text/);
  assert.equal(r.stdout, '');
});

test('a content stream deflated twice is refused by the decoded-size limit, never reported as a letter with no text', LONG, async () => {
  const mb = Math.ceil((MAX_PDF_DECODED_BYTES * 1.5) / 1024 / 1024);
  const bytes = await deflateBombPdf(mb);
  assert.ok(bytes.length < 512 * 1024, `the bomb is small on disk (${bytes.length} bytes)`);
  const r = imrImport(tempFile('bomb.pdf', bytes));
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /bomb\.pdf: .*expands to more than 128 MB.*limit on decoded size/);
  assert.doesNotMatch(r.stderr, /no text|OCR|recognition/);
});

test('the same stream under the decoded-size budget is read', LONG, async () => {
  const text = await readPdf(await deflateBombPdf(4), { script: WORKER });
  assert.match(text.text, /Summary of the case/);
});

test('one page more than the page limit is refused naming the count; a few pages are read', LONG, async () => {
  const err = await refusal(readPdf(pagesPdf(MAX_PDF_PAGES + 1), { script: WORKER }));
  assert.equal(err.limit, 'pages');
  assert.match(err.message, new RegExp(`has ${MAX_PDF_PAGES + 1} pages`));
  const ok = await readPdf(pagesPdf(3), { script: WORKER });
  assert.equal(ok.pages, 3);
  assert.match(ok.text, /Page 2 of the letter/);
});

test('the page limit holds in the service too, before any page is visited', LONG, async () => {
  const err = await refusal(pdfToText(claimedPagesPdf(1_000_000)));
  assert.equal(err.limit, 'pages');
});

test('a page tree that claims fewer than one page is not a readable PDF, never a letter with no text to recognise', LONG, async () => {
  for (const claimed of [-1, 0]) {
    const err = await readPdf(claimedPagesPdf(claimed), { script: WORKER }).then(
      () => assert.fail(`a PDF claiming ${claimed} pages was read`),
      (e: unknown) => e,
    );
    assert.ok(err instanceof Error && !(err instanceof PdfLimitError));
    assert.equal(err.message, 'The file is not a readable PDF.');
  }
});

test('a read that outlasts its time budget is stopped and refused by the time limit', LONG, async () => {
  const err = await refusal(readPdf(pagesPdf(150), { script: WORKER, budgets: { maxSeconds: 0.05 } }));
  assert.equal(err.limit, 'time');
  assert.match(err.message, /time limit/);
});

test('a file over the size cap is refused before any reading starts', async () => {
  const err = await refusal(readPdf(new Uint8Array(MAX_PDF_FILE_BYTES + 1), { script: path.join(ROOT, 'no-such-worker.js') }));
  assert.equal(err.limit, 'file-size');
  assert.match(err.message, /at most 20 MB/);
});

test('the PDF is read off the calling thread: timers keep firing while a long PDF is read', LONG, async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 2);
  const started = Date.now();
  try {
    await readPdf(pagesPdf(MAX_PDF_PAGES), { script: WORKER });
  } finally {
    clearInterval(timer);
  }
  const elapsed = Date.now() - started;
  // Reading on this thread would let no timer run until the end; here the loop is free throughout.
  assert.ok(ticks >= Math.min(5, elapsed / 20), `${ticks} timer ticks in ${elapsed} ms`);
});

test('a missing worker bundle is a clear error, not a silent read on the calling thread', async () => {
  await assert.rejects(readPdf(pagesPdf(1), { script: path.join(ROOT, 'no-such-worker.js') }), /PDF reader \(no-such-worker\.js\) is missing/);
});

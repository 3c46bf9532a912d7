// Reads a PDF letter for `imr import` and *IMR: Import Letter…* off the
// calling thread. pdf.js is synchronous inside a page, so a hostile file
// (a page tree that claims a million pages, a content stream deflated twice
// into gigabytes) would otherwise freeze the extension host, and every
// extension with it, or hold a CI job for minutes. In a worker thread every
// budget of pdfLimits.ts is enforced from outside: the time limit by
// terminating the thread, the heap by the thread's resource limits, the
// decoded size by the patched pdf.js inside it. Whatever the worker prints
// (pdf.js warnings) is dropped: stdout may be the imported case.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PdfBudgets, PdfText } from '../service/import/pdfText';
import { MAX_PDF_FILE_BYTES, MAX_PDF_HEAP_MB, MAX_PDF_SECONDS, pdfLimitError, PdfLimitError, type PdfLimit } from '../service/import/pdfLimits';

export type FromPdfWorker = { ok: true; result: PdfText } | { ok: false; limit?: PdfLimit; message: string };

export interface PdfReadOptions {
  /** The worker bundle; by default dist/pdf-worker.js beside the calling bundle. */
  script?: string;
  /** Smaller budgets (tests); the defaults are pdfLimits.ts's. */
  budgets?: Partial<PdfBudgets>;
}

/** The worker bundle next to the bundle that is running (dist/cli.js, dist/client.js). */
export const defaultPdfWorker = (): string => path.join(__dirname, 'pdf-worker.js');

/** The letter text of a PDF, or a rejection whose message is ours: a PdfLimitError naming the budget, or a plain "not a readable PDF". */
export function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  if (bytes.byteLength > MAX_PDF_FILE_BYTES) return Promise.reject(pdfLimitError('file-size', bytes.byteLength));
  const seconds = options.budgets?.maxSeconds ?? MAX_PDF_SECONDS;
  const script = options.script ?? defaultPdfWorker();
  // Never a silent fallback to reading on the calling thread.
  if (!fs.existsSync(script))
    return Promise.reject(new Error(`The PDF reader (${path.basename(script)}) is missing from this installation; rebuild it (npm run build).`));
  return new Promise<PdfText>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(script, {
      workerData: { budgets: options.budgets ?? {} },
      resourceLimits: { maxOldGenerationSizeMb: MAX_PDF_HEAP_MB, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (err: Error | undefined, result?: PdfText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (err) reject(err);
      else resolve(result!);
    };
    // The worker checks the clock between pages; this catches a page that never ends.
    const timer = setTimeout(() => finish(pdfLimitError('time')), seconds * 1000 + 250);
    worker.on('message', (m: FromPdfWorker) => {
      if (m.ok) finish(undefined, m.result);
      else finish(m.limit ? new PdfLimitError(m.limit, m.message) : new Error(m.message));
    });
    worker.on('error', (err: NodeJS.ErrnoException) => {
      // The error's message is never passed on: it may come from inside pdf.js.
      finish(err?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? pdfLimitError('memory') : new Error('The file is not a readable PDF.'));
    });
    worker.on('exit', () => finish(new Error('The file is not a readable PDF.')));
    const copy = new Uint8Array(bytes);
    worker.postMessage(copy, [copy.buffer]);
  });
}

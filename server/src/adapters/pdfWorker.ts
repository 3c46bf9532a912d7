// The thread that reads a PDF (bundled alone as dist/pdf-worker.js, with
// pdf.js patched to charge its decompression buffers to the decoded-size
// budget, see esbuild.mjs). It reads one document and answers once: the text,
// or a refusal in our own words. pdf.js's messages can quote the file, so they
// never cross back.
import { parentPort, workerData } from 'node:worker_threads';
import { pdfToText, PDF_BUDGETS, type PdfBudgets } from '../service/import/pdfText';
import { PdfLimitError } from '../service/import/pdfLimits';
import type { FromPdfWorker } from './pdfReader';

const PLAIN = new Set(['The file is not a readable PDF.', 'The PDF is password-protected; open it and save an unprotected copy first.']);

const port = parentPort;
if (port) {
  const budgets: PdfBudgets = { ...PDF_BUDGETS, ...((workerData as { budgets?: Partial<PdfBudgets> } | undefined)?.budgets ?? {}) };
  port.once('message', (bytes: Uint8Array) => {
    pdfToText(bytes, budgets).then(
      (result) => port.postMessage({ ok: true, result } satisfies FromPdfWorker),
      (err: unknown) => {
        const limit = err instanceof PdfLimitError ? err.limit : undefined;
        const message = err instanceof Error && (limit || PLAIN.has(err.message)) ? err.message : 'The file is not a readable PDF.';
        port.postMessage({ ok: false, limit, message } satisfies FromPdfWorker);
      },
    );
  });
}

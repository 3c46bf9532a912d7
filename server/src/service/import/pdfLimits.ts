// What the importer will read of a PDF. A determination letter is a few pages
// of text (the corpus: 2 to 9 pages, under 100 KB); a PDF is a program of
// compressed streams and page trees that can claim a million pages from a
// 12 KB file or inflate 7 KB into gigabytes. Each budget below is far above
// any letter and far below what would stall a reviewer's editor or CI job,
// and each refusal names the budget that ran out, so an exhausted budget is
// never reported as "the letter has no text".

/** Bytes of the PDF file itself (the CLI and the editor refuse larger files before reading them). */
export const MAX_PDF_FILE_BYTES = 20 * 1024 * 1024;
/** Pages: a letter is a few; pdf.js's per-page cost grows with the page count. */
export const MAX_PDF_PAGES = 200;
/** Bytes pdf.js may decompress for one document (content streams, fonts, object streams), counted as its buffers grow. */
export const MAX_PDF_DECODED_BYTES = 128 * 1024 * 1024;
/** Wall-clock time for one document. */
export const MAX_PDF_SECONDS = 20;
/** Heap of the thread that reads the PDF. */
export const MAX_PDF_HEAP_MB = 512;

export type PdfLimit = 'file-size' | 'pages' | 'decoded-size' | 'time' | 'memory';

/** A PDF refused because one of the budgets above ran out. Its message says which, in the words of a letter, never quoting the file. */
export class PdfLimitError extends Error {
  constructor(
    readonly limit: PdfLimit,
    message: string,
  ) {
    super(message);
    this.name = 'PdfLimitError';
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The refusal for each budget; `found` is what the file has where it is known (its pages, its size). */
export function pdfLimitMessage(limit: PdfLimit, found?: number): string {
  switch (limit) {
    case 'file-size':
      return `too large to be a letter (${mb(found ?? 0)}; the importer reads PDFs of at most ${mb(MAX_PDF_FILE_BYTES)})`;
    case 'pages':
      return `the PDF has ${(found ?? 0).toLocaleString('en-US')} pages; a letter has a few, and the importer reads at most ${MAX_PDF_PAGES}: import the letter's own pages (split the file)`;
    case 'decoded-size':
      return `the PDF's compressed content expands to more than ${mb(MAX_PDF_DECODED_BYTES)}, far more than a letter holds; reading stopped (limit on decoded size)`;
    case 'time':
      return `reading the PDF took longer than ${MAX_PDF_SECONDS} s, far longer than a letter takes; reading stopped (time limit)`;
    case 'memory':
      return `reading the PDF needed more than ${MAX_PDF_HEAP_MB} MB of memory, far more than a letter does; reading stopped (memory limit)`;
  }
}

export function pdfLimitError(limit: PdfLimit, found?: number): PdfLimitError {
  return new PdfLimitError(limit, pdfLimitMessage(limit, found));
}

/**
 * The decoded-size budget is charged by pdf.js itself: the bundle that reads
 * PDFs (dist/pdf-worker.js, see esbuild.mjs) patches pdf.js's one place where
 * a decompression buffer grows to call this hook, which refuses growth past
 * the budget. Keyed by a registered symbol so the patched library and this
 * module meet without importing each other.
 */
export const DECODE_HOOK = Symbol.for('imr-author.pdf.decodeBudget');

export interface DecodeBudget {
  /** Charges `bytes` of new buffer; false once the document is over budget (the buffer is then not allocated). */
  (bytes: number): boolean;
}

// The text of a PDF letter, laid out the way the importer reads a text letter:
// one line per printed line, a line holding a single blank between
// paragraphs, and page headers, footers and page numbers removed. Uses
// pdfjs-dist (bundled; no worker thread, no fonts, nothing fetched): the PDF
// bytes never leave the process. Loaded only when a PDF is imported, so the
// language server does not carry it. The CLI and the extension call it in a
// worker thread (server/src/adapters/pdfReader.ts), so that the budgets of
// pdfLimits.ts hold even where pdf.js itself would not return.
import { DECODE_HOOK, MAX_PDF_DECODED_BYTES, MAX_PDF_PAGES, MAX_PDF_SECONDS, PdfLimitError, pdfLimitError, type DecodeBudget } from './pdfLimits';

export interface PdfText {
  text: string;
  pages: number;
  /** Header, footer and page-number lines removed (count only). */
  furnitureRemoved: number;
  /** Pages (1-based) that could not be read and were skipped; the rest of the letter is kept. */
  unreadablePages: number[];
}

interface Piece {
  str: string;
  /** The PDF ends the line after this piece. */
  eol: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PageLine {
  y: number;
  height: number;
  text: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/** Loads pdfjs once, with its worker code in this thread, keeping its load-time canvas warnings off the console (they would end up in `imr import` output). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const saved = { log: console.log, warn: console.warn };
    console.log = () => undefined;
    console.warn = () => undefined;
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return pdfjs;
    } finally {
      console.log = saved.log;
      console.warn = saved.warn;
    }
  })();
  return loading;
}

export interface PdfBudgets {
  maxPages: number;
  maxDecodedBytes: number;
  maxSeconds: number;
}

export const PDF_BUDGETS: PdfBudgets = { maxPages: MAX_PDF_PAGES, maxDecodedBytes: MAX_PDF_DECODED_BYTES, maxSeconds: MAX_PDF_SECONDS };

/**
 * Installs the decoded-size budget for one document (see DECODE_HOOK): the
 * patched pdf.js asks before each buffer grows. Returns whether the budget ran
 * out, since pdf.js catches errors inside a page's content and carries on.
 */
function chargeDecoding(maxBytes: number): { exceeded: () => boolean; remove: () => void } {
  let used = 0;
  let over = false;
  const hook: DecodeBudget = (bytes) => {
    used += bytes;
    if (used > maxBytes) over = true;
    return !over;
  };
  const g = globalThis as unknown as Record<symbol, DecodeBudget | undefined>;
  g[DECODE_HOOK] = hook;
  return {
    exceeded: () => over,
    remove: () => {
      if (g[DECODE_HOOK] === hook) g[DECODE_HOOK] = undefined;
    },
  };
}

/**
 * Extracts the letter text. Rejects with a plain message for a file that is
 * not a readable PDF, and with a PdfLimitError naming the budget for one that
 * has too many pages, expands too far or takes too long.
 */
export async function pdfToText(data: Uint8Array, budgets: PdfBudgets = PDF_BUDGETS): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  const started = Date.now();
  const decoding = chargeDecoding(budgets.maxDecodedBytes);
  try {
    return await extract(pdfjs, data, budgets, started, decoding.exceeded);
  } finally {
    decoding.remove();
  }
}

async function extract(pdfjs: PdfJs, data: Uint8Array, budgets: PdfBudgets, started: number, overDecoded: () => boolean): Promise<PdfText> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    if (overDecoded()) throw pdfLimitError('decoded-size');
    const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
    throw new Error(
      name === 'PasswordException' ? 'The PDF is password-protected; open it and save an unprotected copy first.' : 'The file is not a readable PDF.',
      { cause: err },
    );
  }
  try {
    // The page tree's count is read without visiting the pages: a file that
    // claims a million is refused before pdf.js walks any of them.
    if (doc.numPages > budgets.maxPages) throw pdfLimitError('pages', doc.numPages);
    // A count below one (pdf.js passes "/Count -1" through) would read no page
    // and report a letter "with no text", as if it were a scan to recognise.
    if (!Number.isInteger(doc.numPages) || doc.numPages < 1) throw new Error('no page');
    const pages: { lines: PageLine[]; height: number }[] = [];
    const unreadablePages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      if (Date.now() - started > budgets.maxSeconds * 1000) throw pdfLimitError('time');
      // One damaged page (a broken content stream) costs that page, not the letter.
      const read = await readPage(doc, p);
      if (overDecoded()) throw pdfLimitError('decoded-size');
      if (read) pages.push(read);
      else unreadablePages.push(p);
    }
    if (unreadablePages.length === doc.numPages) throw new Error('no page readable');
    const { kept, removed } = removeFurniture(pages);
    return { text: layOut(kept), pages: doc.numPages, furnitureRemoved: removed, unreadablePages };
  } catch (err) {
    if (err instanceof PdfLimitError) throw err;
    if (overDecoded()) throw pdfLimitError('decoded-size');
    // pdfjs's own message may quote what it choked on, and callers show the
    // message: a damaged page gets the same plain words as a damaged file.
    throw new Error('The file is not a readable PDF.', { cause: err });
  } finally {
    await doc.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** One page's printed lines, or undefined when pdfjs cannot read the page. */
async function readPage(doc: PdfDocument, p: number): Promise<{ lines: PageLine[]; height: number } | undefined> {
  try {
    const page = await doc.getPage(p);
    try {
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        if (item.str === '') {
          if (item.hasEOL && pieces.length) pieces[pieces.length - 1].eol = true;
          continue;
        }
        pieces.push({
          eol: item.hasEOL,
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          height: item.height || Math.abs(item.transform[3]) || 10,
        });
      }
      return { lines: toLines(pieces), height: viewport.height };
    } finally {
      page.cleanup();
    }
  } catch {
    // pdfjs's message may quote what it choked on: the caller reports the page number only.
    return undefined;
  }
}

/**
 * Groups text pieces into printed lines in the order the PDF draws them (the
 * order a reader follows, and the one other extractors use: the header's
 * two-line "Application / Received:" cell comes before its date). A new line
 * starts where the PDF ends one or the baseline moves.
 */
function toLines(pieces: Piece[]): PageLine[] {
  const lines: { y: number; height: number; pieces: Piece[] }[] = [];
  let current: { y: number; height: number; pieces: Piece[] } | undefined;
  let endOfLine = false;
  for (const p of pieces) {
    const moved = current && Math.abs(current.y - p.y) > Math.max(2, p.height * 0.3);
    if (!current || endOfLine || moved) {
      current = { y: p.y, height: p.height, pieces: [] };
      lines.push(current);
    }
    current.pieces.push(p);
    current.height = Math.max(current.height, p.height);
    endOfLine = p.eol;
  }
  return lines
    .map((l) => {
      let text = '';
      let end = -Infinity;
      for (const p of l.pieces) {
        // A gap wider than a fraction of the font size (or a step back) is a space the PDF did not spell out.
        const gap = p.x - end;
        if (text && (gap > p.height * 0.2 || gap < -p.height) && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
        text += p.str;
        end = p.x + p.width;
      }
      return { y: l.y, height: l.height, text: text.replace(/\s+$/, '') };
    })
    .filter((l) => l.text.trim() !== '');
}

const PAGE_NUMBER = /^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$|^-\s*\d{1,3}\s*-$/i;

/**
 * Lines in the top or bottom margin band that are page numbers, or that
 * repeat (digits aside) on several pages, are page furniture.
 */
function removeFurniture(pages: { lines: PageLine[]; height: number }[]): { kept: PageLine[][]; removed: number } {
  const band = (line: PageLine, height: number) => line.y > height * 0.92 || line.y < height * 0.08;
  const shape = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const seen = new Map<string, number>();
  for (const page of pages) {
    const shapes = new Set(page.lines.filter((l) => band(l, page.height)).map((l) => shape(l.text)));
    for (const s of shapes) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  let removed = 0;
  const kept = pages.map((page) =>
    page.lines.filter((l) => {
      if (!band(l, page.height)) return true;
      const furniture = PAGE_NUMBER.test(l.text.trim()) || (pages.length >= 2 && (seen.get(shape(l.text)) ?? 0) >= 2);
      if (furniture) removed++;
      return !furniture;
    }),
  );
  return { kept, removed };
}

/** Joins pages into text: a blank-space line where the vertical gap is wider than ordinary line spacing. */
function layOut(pages: PageLine[][]): string {
  const out: string[] = [];
  for (const lines of pages) {
    const gaps = lines
      .slice(1)
      .map((l, i) => lines[i].y - l.y)
      .filter((g) => g > 0);
    const spacing = median(gaps) || 14;
    lines.forEach((l, i) => {
      if (i > 0 && lines[i - 1].y - l.y > spacing * 1.6) out.push(' ');
      out.push(l.text);
    });
  }
  return out.join('\n') + '\n';
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

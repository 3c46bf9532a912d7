// The letter as a PDF: US letter, one-inch margins, selectable text in the
// standard Helvetica fonts (no font files embedded, nothing fetched; text
// passes through pdfText, as those fonts draw only WinAnsi characters), and a
// footer on every page with the case number and "Page n of m". pdfkit reads
// the fonts' metric files from its data/ folder; esbuild.mjs copies that
// folder next to the bundles so dist/*.js finds it too.
import { paragraphText, type LetterModel, type LetterParagraph } from './letterModel';
import { pdfText } from './pdfCharacters';
import { reportContained } from '../contained';

const INCH = 72;
const MARGIN = INCH;
const FOOTER_GAP = 0.5 * INCH;
const BODY_SIZE = 10.5;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

type PdfKit = typeof import('pdfkit');
let pdfkit: PdfKit | undefined;

/**
 * pdfkit, loaded when the first PDF is made rather than with this module: `imr check` never makes one, and
 * loading pdfkit and its fonts' code cost each process and each worker thread about 50 ms at start-up.
 */
function PdfDocument(): PdfKit {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which `import X = require()` is not
  return (pdfkit ??= require('pdfkit') as PdfKit);
}

export interface PdfOptions {
  /** Fixed creation date, for byte-identical output in tests; defaults to now. */
  creationDate?: Date;
}

export function renderPdf(letter: LetterModel, options: PdfOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve) => {
    try {
      const title = letter.caseNumber ? `IMR Final Determination ${letter.caseNumber}` : 'IMR Final Determination';
      const doc = new (PdfDocument())({
        size: 'LETTER',
        margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP / 2 },
        bufferPages: true,
        info: { Title: title, Creator: 'IMR Author', CreationDate: options.creationDate ?? new Date() },
        lang: 'en-US',
      });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', (err: unknown) => {
        reportContained(err, 'pdf letter');
        resolve(new Uint8Array());
      });
      draw(doc, letter);
      footers(doc, letter);
      if (letter.draft) draftMarks(doc, letter.draft);
      doc.end();
    } catch (err) {
      reportContained(err, 'pdf letter');
      resolve(new Uint8Array());
    }
  });
}

type Doc = PDFKit.PDFDocument;

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function draw(doc: Doc, letter: LetterModel): void {
  const left = doc.page.margins.left;
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor('black');
  // Header block: two columns, label bold, as the letters print it.
  const column = width(doc) / 2;
  for (const row of letter.header) {
    const y = doc.y;
    let maxY = y;
    row.forEach((f, i) => {
      doc
        .font(BOLD)
        .text(pdfText(`${f.label} `), left + i * column, y, { continued: true, width: column - 6 })
        .font(REGULAR)
        .text(pdfText(f.value));
      maxY = Math.max(maxY, doc.y);
    });
    doc.x = left;
    doc.y = maxY;
  }
  for (const section of letter.sections) {
    doc.moveDown(1);
    keepWithNext(doc, 4);
    doc
      .font(BOLD)
      .fontSize(BODY_SIZE + 0.5)
      .text(pdfText(section.heading), left, doc.y, { width: width(doc) });
    doc.font(REGULAR).fontSize(BODY_SIZE).moveDown(0.6);
    section.paragraphs.forEach((p, i) => {
      if (i > 0 && !p.tight) doc.moveDown(0.6);
      paragraph(doc, p);
    });
  }
}

/** Starts a new page when fewer than `lines` lines are left, so a heading is not stranded at a page foot. */
function keepWithNext(doc: Doc, lines: number): void {
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + lines * doc.currentLineHeight(true) > bottom) doc.addPage();
}

function paragraph(doc: Doc, p: LetterParagraph): void {
  const left = doc.page.margins.left;
  const w = width(doc);
  if (p.kind === 'criteria') return criteria(doc, p);
  if (p.kind === 'item-title') {
    doc.moveDown(0.4);
    keepWithNext(doc, 4);
    doc
      .font(BOLD)
      .text(pdfText(paragraphText(p)), left, doc.y, { width: w })
      .font(REGULAR);
    return;
  }
  const pieces: { text: string; bold: boolean }[] = [];
  if (p.lead) pieces.push({ text: pdfText(`${p.lead} `), bold: true });
  for (const r of p.runs) pieces.push({ text: pdfText(r.missing ? `[${r.text}]` : r.text), bold: !!r.strong });
  const merged = pieces.filter((x) => x.text !== '');
  if (merged.length === 0) return;
  merged.forEach((piece, i) => {
    doc.font(piece.bold ? BOLD : REGULAR).text(piece.text, i === 0 ? left : undefined, i === 0 ? doc.y : undefined, {
      width: w,
      continued: i < merged.length - 1,
      lineGap: 1.5,
    });
  });
  doc.font(REGULAR);
}

function criteria(doc: Doc, p: LetterParagraph): void {
  const left = doc.page.margins.left;
  const w = width(doc);
  doc.moveDown(0.4);
  doc
    .font(BOLD)
    .fontSize(BODY_SIZE - 1)
    .text(pdfText(paragraphText(p)), left, doc.y, { width: w });
  doc.font(REGULAR);
  for (const r of p.rows ?? []) {
    const evidence = r.evidence.length ? ` Evidence: ${r.evidence.join(' ')}` : '';
    const note = r.note ? ` Note: ${r.note}` : '';
    doc
      .font(BOLD)
      .text(pdfText(`${r.id}: `), left + 12, doc.y, { width: w - 12, continued: true })
      .font(REGULAR)
      .text(pdfText(`${r.status}.${evidence}${note}`));
  }
  doc.fontSize(BODY_SIZE);
}

function footers(doc: Doc, letter: LetterModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would add a page; lift the margin while drawing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + FOOTER_GAP / 2 - 4;
    const w = width(doc);
    doc.font(REGULAR).fontSize(8.5).fillColor('black');
    if (letter.caseNumber) doc.text(pdfText(`Case Number: ${letter.caseNumber}`), doc.page.margins.left, y, { width: w, align: 'left', lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, doc.page.margins.left, y, { width: w, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** A draft's mark across every page and its notice above the footer: a page printed alone still says it is not final. */
function draftMarks(doc: Doc, draft: NonNullable<LetterModel['draft']>): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const w = width(doc);
    doc.save();
    doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc.font(BOLD).fontSize(110).fillColor('#000000', 0.12);
    doc.text(pdfText(draft.mark), 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.restore();
    doc.font(BOLD).fontSize(8.5).fillColor('black', 1);
    doc.text(pdfText(draft.notice), doc.page.margins.left, doc.page.height - MARGIN + FOOTER_GAP / 2 - 16, { width: w, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

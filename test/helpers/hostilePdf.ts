// PDFs built byte by byte for the importer's limits: a well-formed file of a
// few pages, a page tree that claims far more pages than it holds, and a
// content stream compressed twice that expands a thousandfold. Each is a
// valid PDF (header, objects, cross-reference table, trailer), so pdf.js reads
// it the way it reads a letter, and only the budgets stop it.
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';

type Body = string | Buffer;

/** A PDF of the given objects (object i+1 is objects[i]; object 1 is the catalog). */
export function pdfOf(objects: Body[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o), Buffer.from('\nendobj\n')]);
    parts.push(b);
    length += b.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

export function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const text = (line: string) => Buffer.from(`BT /F1 12 Tf 72 720 Td (${line}) Tj ET`);

/** `pages` distinct pages, each printing one line. */
export function pagesPdf(pages: number, line = (p: number) => `Page ${p} of the letter`): Buffer {
  // 1 catalog, 2 pages node, 3 font, then a page and its content for each page.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects: Body[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, FONT];
  for (let p = 1; p <= pages; p++) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * (p - 1)} 0 R >>`);
    objects.push(stream('', text(line(p))));
  }
  return pdfOf(objects);
}

/** A 12 KB file whose page tree claims `claimed` pages: 1,000 references to one node of 1,000 references to one page. */
export function claimedPagesPdf(claimed = 1_000_000): Buffer {
  const fan = Math.round(Math.sqrt(claimed));
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${'3 0 R '.repeat(fan)}] /Count ${claimed} >>`,
    `<< /Type /Pages /Kids [${'4 0 R '.repeat(fan)}] /Count ${fan} /Parent 2 0 R >>`,
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>',
    FONT,
    stream('', text('One page, claimed many times')),
  ]);
}

/** One page whose content stream is a line of text and then `expandedMb` MB of spaces, deflated twice (a few hundred bytes on disk). */
export async function deflateBombPdf(expandedMb: number): Promise<Buffer> {
  // Deflated as a stream so the test never holds the expanded content in memory.
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  async function* content() {
    yield text('Summary of the case');
    for (let i = 0; i < expandedMb; i++) yield spaces;
  }
  const once: Buffer[] = [];
  for await (const chunk of Readable.from(content()).pipe(zlib.createDeflate({ level: 9 }))) once.push(chunk as Buffer);
  const twice = zlib.deflateSync(Buffer.concat(once), { level: 9 });
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    FONT,
    stream('/Filter [/FlateDecode /FlateDecode]', twice),
  ]);
}

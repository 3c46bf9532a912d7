// `imr import`: determination letters (plain text or PDF) into case files.
// One letter goes to stdout or -o FILE, with the importer's notes on stderr;
// a directory of letters goes to an output directory, one .imr per letter,
// with a summary of what was recognised. Messages name files and counts,
// never the letters' text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../command';
import { describeFsError } from '../fsErrors';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { ImportResult, LetterLayout } from '../../../server/src/service/import/types';
import { noteKind } from '../../../server/src/service/import/noteKinds';
import { MAX_PDF_FILE_BYTES, pdfLimitMessage } from '../../../server/src/service/import/pdfLimits';
import { readPdf } from '../../../server/src/adapters/pdfReader';
import { checkFile, type FileResult } from '../check/checkFile';
import { formatText } from '../check/format/text';
import { codeTable, summaryLine, totals } from '../check/format/summary';
import { escapeControls } from '../terminalText';

const HELP = `Usage: imr import LETTER [-o FILE] [--force] [--check]
       imr import DIR -o OUTDIR [--force] [--check]

Imports determination letters (.txt as a PDF text extractor gives it, or
.pdf) into IMR case files. Prose is kept word for word, header dates are
normalized, summary sentences with findings get [#labels], and text that has
no place in the case file is kept in -- comments. What the importer could not
place or find is listed as notes on standard error: the case file, line,
column and kind of each, never the letter's words (open the case at that line
to read it). Each case is marked \`imported-from:\` and checked as an audit of
a published letter (see docs/import.md).

Options:
  -o, --output PATH   LETTER: write the case file to PATH instead of stdout
                      DIR: write one CASE.imr per letter into the directory PATH
      --force         replace case files that already exist
      --check         check the imported cases too, as imr check does, with
                      its findings and a per-code table (LETTER needs -o)
  -q, --quiet         DIR: print only the summary, not a line per letter
  -h, --help          show this help

Exit codes: 0 imported; 1 some letter could not be divided into parts (its
text is kept as comments), or with --check a case has errors; 2 usage error
or a file that could not be read or written.

Examples:
  imr import letter.pdf -o case.imr
  imr import letters/ -o cases/
  imr import letters/ -o cases/ --check
`;

/** A letter is a few pages; anything far larger is not one (the same cap as a PDF's, pdfLimits.ts). */
const MAX_LETTER_BYTES = MAX_PDF_FILE_BYTES;
const LETTER_EXTENSIONS = new Set(['.txt', '.pdf']);
const LAYOUT_ORDER: LetterLayout[] = ['current', 'notice-2013', 'medical-professional-review', 'unknown'];

type Loaded = { ok: true; text: string; pdf: boolean; unreadablePages?: number[] } | { ok: false; reason: string };

/** Reads a letter: a PDF through pdfjs, text as UTF-16 when it starts with a byte order mark, else UTF-8 (or Windows-1252 when it is not valid UTF-8). */
export async function loadLetter(file: string): Promise<Loaded> {
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > MAX_LETTER_BYTES) return { ok: false, reason: pdfLimitMessage('file-size', st.size) };
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, reason: `cannot read: ${describeFsError(err)}` };
  }
  const isPdf = bytes.subarray(0, 1024).includes('%PDF-');
  if (isPdf) {
    try {
      // In a worker thread with page, decoded-size, time and memory budgets: a hostile PDF is refused, never a hang.
      const extracted = await readPdf(new Uint8Array(bytes));
      return { ok: true, text: extracted.text, pdf: true, unreadablePages: extracted.unreadablePages };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : 'not a readable PDF' };
    }
  }
  if (path.extname(file).toLowerCase() === '.pdf') return { ok: false, reason: 'named .pdf but not a PDF' };
  // Windows "Unicode" text (UTF-16 with its byte order mark) is full of NUL
  // bytes but is a text letter all the same.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes), pdf: false };
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes), neither a text letter nor a PDF' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), pdf: false };
}

/** The notes as stderr shows them: where (case file, line, column) and what kind, never the letter's words. */
function notes(r: ImportResult, caseName: string): string[] {
  return r.diagnostics.map(
    (d) => `${escapeControls(caseName)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${noteKind(d.code)}`,
  );
}

/** Skipped PDF pages, by number only. */
function pageNotes(shown: string, loaded: Loaded): string[] {
  const pages = loaded.ok ? (loaded.unreadablePages ?? []) : [];
  return pages.length
    ? [
        `imr import: ${escapeControls(shown)}: ${pages.length === 1 ? 'page' : 'pages'} ${pages.join(', ')} could not be read and ${pages.length === 1 ? 'was' : 'were'} skipped; the rest is imported`,
      ]
    : [];
}

/** `--check`: the written cases checked as \`imr check\` checks them, its report, per-code table and summary on stdout. */
function checkWritten(caseFiles: string[], io: CliIO): number {
  const started = performance.now();
  const service = createLanguageService();
  const results: FileResult[] = caseFiles.map((f) => checkFile(service, shownPath(io.cwd, f), io.cwd));
  const t = totals(results);
  io.stdout.write(formatText(results) + codeTable(results) + summaryLine(t, performance.now() - started) + '\n');
  return t.errors > 0 || t.skipped > 0 ? 1 : 0;
}

function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function write(target: string, text: string, force: boolean): string | undefined {
  try {
    fs.writeFileSync(target, text, { flag: force ? 'w' : 'wx' });
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EEXIST' ? 'already exists; use --force to replace it' : `cannot write: ${describeFsError(err, 'write')}`;
  }
}

function hasErrors(r: ImportResult): boolean {
  return r.diagnostics.some((d) => d.severity === 'error');
}

async function importOne(input: string, shown: string, output: string | undefined, force: boolean, check: boolean, io: CliIO): Promise<number> {
  const loaded = await loadLetter(input);
  if (!loaded.ok) {
    io.stderr.write(`imr import: ${escapeControls(shown)}: ${loaded.reason}\n`);
    return 2;
  }
  for (const line of pageNotes(shown, loaded)) io.stderr.write(line + '\n');
  const r = createLanguageService().importLetter(loaded.text, { sourceName: path.basename(input), unreadablePages: loaded.unreadablePages });
  const caseName = output ?? `${path.basename(input).replace(/\.[^.]+$/, '')}.imr`;
  if (output) {
    const problem = write(path.resolve(io.cwd, output), r.text, force);
    if (problem) {
      io.stderr.write(`imr import: ${escapeControls(output)}: ${problem}\n`);
      return 2;
    }
  } else io.stdout.write(r.text);
  for (const line of notes(r, caseName)) io.stderr.write(line + '\n');
  const checked = check && output ? checkWritten([path.resolve(io.cwd, output)], io) : 0;
  return hasErrors(r) || checked ? 1 : 0;
}

interface Tally {
  letters: number;
  pdfs: number;
  layouts: Record<string, number>;
  items: number;
  completeItems: number;
  facts: number;
  withNotes: number;
  unplaced: number;
  failed: number;
  unreadable: number;
}

async function importDir(dir: string, shownDir: string, outDir: string, force: boolean, quiet: boolean, check: boolean, io: CliIO): Promise<number> {
  const service = createLanguageService();
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => LETTER_EXTENSIONS.has(path.extname(n).toLowerCase()))
      .sort();
  } catch {
    io.stderr.write(`imr import: ${escapeControls(shownDir)}: cannot read the directory\n`);
    return 2;
  }
  if (names.length === 0) {
    io.stderr.write(`imr import: ${escapeControls(shownDir)}: no .txt or .pdf letters in it\n`);
    return 2;
  }
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (err) {
    io.stderr.write(`imr import: cannot create the output directory ${path.relative(io.cwd, outDir) || outDir}: ${describeFsError(err, 'write')}\n`);
    return 2;
  }
  // Two letters with the same name (a.txt, a.pdf) would write one case file: the PDF wins, the text is reported.
  const byCase = new Map<string, string>();
  for (const n of names) {
    const base = n.replace(/\.[^.]+$/, '');
    const prior = byCase.get(base);
    if (!prior || n.toLowerCase().endsWith('.pdf')) byCase.set(base, n);
  }
  const tally: Tally = { letters: 0, pdfs: 0, layouts: {}, items: 0, completeItems: 0, facts: 0, withNotes: 0, unplaced: 0, failed: 0, unreadable: 0 };
  let ioTrouble = false;
  const written: string[] = [];
  for (const n of names) {
    const base = n.replace(/\.[^.]+$/, '');
    if (byCase.get(base) !== n) {
      io.stderr.write(`imr import: ${escapeControls(path.join(shownDir, n))}: skipped, ${byCase.get(base)} has the same name\n`);
      continue;
    }
    const loaded = await loadLetter(path.join(dir, n));
    if (!loaded.ok) {
      io.stderr.write(`imr import: ${escapeControls(path.join(shownDir, n))}: ${loaded.reason}\n`);
      tally.unreadable++;
      ioTrouble = true;
      continue;
    }
    for (const line of pageNotes(path.join(shownDir, n), loaded)) io.stderr.write(line + '\n');
    const r = service.importLetter(loaded.text, { sourceName: n, unreadablePages: loaded.unreadablePages });
    const caseFile = `${base}.imr`;
    const problem = write(path.join(outDir, caseFile), r.text, force);
    if (problem) {
      io.stderr.write(`imr import: ${escapeControls(caseFile)}: ${problem}\n`);
      ioTrouble = true;
      continue;
    }
    written.push(path.join(outDir, caseFile));
    tally.letters++;
    if (loaded.pdf) tally.pdfs++;
    const rec = r.recognized;
    tally.layouts[rec.layout] = (tally.layouts[rec.layout] ?? 0) + 1;
    tally.items += rec.items;
    tally.completeItems += rec.completeItems;
    tally.facts += rec.facts;
    tally.unplaced += rec.unplaced;
    const warnings = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    if (warnings.length) tally.withNotes++;
    if (hasErrors(r)) tally.failed++;
    if (!quiet) {
      const parts = [
        rec.layout,
        `header ${rec.headerFields.length}/7`,
        `${rec.completeItems}/${rec.items} item${rec.items === 1 ? '' : 's'} complete`,
        `${rec.facts} fact${rec.facts === 1 ? '' : 's'}`,
        warnings.length ? `${warnings.length} note${warnings.length === 1 ? '' : 's'}: ${[...new Set(warnings.map((d) => d.code))].join(', ')}` : 'no notes',
      ];
      io.stdout.write(`${escapeControls(n)} -> ${escapeControls(caseFile)}: ${parts.join('; ')}\n`);
    }
  }
  const layouts = LAYOUT_ORDER.filter((k) => tally.layouts[k])
    .map((k) => `${tally.layouts[k]} ${k}`)
    .join(', ');
  const rel = path.relative(io.cwd, outDir);
  const shownOut = !rel ? '.' : rel.startsWith('..') ? outDir : rel;
  io.stdout.write(
    `Imported ${tally.letters} letter${tally.letters === 1 ? '' : 's'} (${tally.pdfs} PDF) into ${shownOut}: ${layouts || 'none'}; ` +
      `${tally.completeItems} of ${tally.items} items complete; ${tally.facts} facts labelled; ` +
      `${tally.withNotes} with notes to review${tally.unplaced ? ` (${tally.unplaced} passage${tally.unplaced === 1 ? '' : 's'} kept as comments)` : ''}` +
      `${tally.failed ? `; ${tally.failed} not divided into parts` : ''}${tally.unreadable ? `; ${tally.unreadable} unreadable` : ''}.\n`,
  );
  const checked = check ? checkWritten(written, io) : 0;
  return ioTrouble ? 2 : tally.failed || checked ? 1 : 0;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    check: { type: 'boolean' },
  });
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? 'import one letter or one directory at a time' : 'name the letter (or directory of letters) to import');
  const input = path.resolve(io.cwd, positionals[0]);
  const output = values.output as string | undefined;
  const force = values.force === true;
  const check = values.check === true;
  let isDir = false;
  try {
    isDir = fs.statSync(input).isDirectory();
  } catch {
    // Reported by the reader below as "no such file".
  }
  if (isDir) {
    if (!output) throw new UsageError('importing a directory needs -o OUTDIR for the case files');
    return importDir(input, positionals[0], path.resolve(io.cwd, output), force, values.quiet === true, check, io);
  }
  // The check report would share stdout with the case itself.
  if (check && !output) throw new UsageError('--check needs -o FILE for the case file');
  return importOne(input, positionals[0], output, force, check, io);
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import determination letters (.txt or .pdf) into case files',
  help: HELP,
  run,
};

// "IMR: Import Letter…": turns an existing determination letter (.txt or
// .pdf, or the text pasted into the current untitled editor) into a case file,
// opened as a new untitled .imr document so nothing is written until the
// author saves. The importer runs here in the extension host; a PDF is read by
// the bundled pdfjs in a worker thread of this process (dist/pdf-worker.js),
// with page, size, time and memory budgets, so a hostile PDF cannot freeze
// the extension host. Nothing is logged or sent.
// The importer's own notes (text it could not place, parts the letter lacks)
// are shown in the Problems panel next to the language server's checks.
import * as vscode from 'vscode';
import { createLanguageService } from '../../server/src/service/languageService';
import { caseFileName } from '../../server/src/service/import/caseName';
import type { ImportResult } from '../../server/src/service/import/types';
import { readPdf } from '../../server/src/adapters/pdfReader';
import { MAX_PDF_FILE_BYTES, pdfLimitMessage } from '../../server/src/service/import/pdfLimits';

const NOTES_SOURCE = 'imr import';

interface Letter {
  text: string;
  name: string;
  /** PDF pages that could not be read and were skipped. */
  unreadablePages?: number[];
}

/** Reads a letter file: a PDF through pdfjs, text as UTF-8 (Windows-1252 when not valid UTF-8). */
async function readLetter(uri: vscode.Uri): Promise<Letter> {
  const name = uri.path.split('/').pop() ?? 'letter';
  // Decided from the size before the file is read: a huge file is never loaded.
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > MAX_PDF_FILE_BYTES) throw new Error(`${name} is ${pdfLimitMessage('file-size', size)}.`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    const pdf = await readPdf(bytes);
    return { text: pdf.text, name, unreadablePages: pdf.unreadablePages };
  }
  if (/\.pdf$/i.test(name)) throw new Error(`${name} is named .pdf but is not a PDF.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return { text, name };
}

/** Where the letter comes from: the explorer's file, the current untitled text, or a file the author picks. */
async function chooseLetter(arg: unknown): Promise<Letter | undefined> {
  if (arg instanceof vscode.Uri) return readLetter(arg);
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.isUntitled && active.languageId !== 'imr' && active.getText().trim()) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Import the current untitled document', source: 'editor' as const },
        { label: 'Choose a letter file (.txt or .pdf)…', source: 'file' as const },
      ],
      { title: 'Import Letter' },
    );
    if (!pick) return undefined;
    if (pick.source === 'editor') return { text: active.getText(), name: active.uri.path.split('/').pop() ?? 'untitled letter' };
  }
  const picked = await vscode.window.showOpenDialog({
    title: 'Import Letter',
    openLabel: 'Import',
    canSelectMany: false,
    filters: { 'Determination letters': ['txt', 'pdf'], 'All files': ['*'] },
  });
  return picked?.[0] ? readLetter(picked[0]) : undefined;
}

function toDiagnostic(d: ImportResult['diagnostics'][number], uri: vscode.Uri): vscode.Diagnostic {
  const r = d.range;
  const severity =
    d.severity === 'error'
      ? vscode.DiagnosticSeverity.Error
      : d.severity === 'warning'
        ? vscode.DiagnosticSeverity.Warning
        : d.severity === 'information'
          ? vscode.DiagnosticSeverity.Information
          : vscode.DiagnosticSeverity.Hint;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message, severity);
  diagnostic.code = d.code;
  diagnostic.source = NOTES_SOURCE;
  // Where else the note points (the summary sentence a missing diagnosis was looked for in).
  if (d.relatedInformation?.length) {
    diagnostic.relatedInformation = d.relatedInformation.map(
      (ri) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(uri, new vscode.Range(ri.range.start.line, ri.range.start.character, ri.range.end.line, ri.range.end.character)),
          ri.message,
        ),
    );
  }
  return diagnostic;
}

function summary(name: string, r: ImportResult): string {
  const rec = r.recognized;
  const notes = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length;
  const items = `${rec.items} disputed item${rec.items === 1 ? '' : 's'}`;
  const facts = `${rec.facts} fact${rec.facts === 1 ? '' : 's'} labelled`;
  return `Imported ${name}: ${items}, ${facts}.${notes ? ` ${notes} note${notes === 1 ? '' : 's'} to review in the Problems panel.` : ''}`;
}

/**
 * An untitled document named for the case (`CM16-0213037.imr`), in the first
 * workspace folder so Save As offers that name there. A name already open
 * gets a number (`CM16-0213037-2.imr`): importing the letter twice gives two
 * cases, never one overwritten.
 */
function untitledCaseUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const at = (file: string) => (folder ? vscode.Uri.joinPath(folder, file).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: file }));
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let uri = at(name);
  for (let n = 2; open.has(uri.toString()); n++) uri = at(name.replace(/\.imr$/, `-${n}.imr`));
  return uri;
}

/** Opens the imported case as an unsaved document named for its case number; returns the version that holds the import. */
async function openImported(result: ImportResult, letterName: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(untitledCaseUri(caseFileName(result.text, letterName)));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.languageId !== 'imr') await vscode.languages.setTextDocumentLanguage(doc, 'imr');
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), result.text));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor.document;
}

export function registerImport(context: vscode.ExtensionContext): void {
  const notes = vscode.languages.createDiagnosticCollection(NOTES_SOURCE);
  // The version of each imported document its notes were made for.
  const noteVersions = new Map<string, number>();
  context.subscriptions.push(
    notes,
    // The notes point at lines of the imported text; once the author edits or
    // closes the document they would point at the wrong place, so they go.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      const version = noteVersions.get(key);
      if (e.contentChanges.length && version !== undefined && e.document.version > version) {
        notes.delete(e.document.uri);
        noteVersions.delete(key);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      notes.delete(doc.uri);
      noteVersions.delete(doc.uri.toString());
    }),
    vscode.commands.registerCommand('imr.importLetter', async (arg?: unknown) => {
      let letter: Letter | undefined;
      try {
        letter = await chooseLetter(arg);
      } catch (err) {
        void vscode.window.showErrorMessage(`Could not read the letter: ${err instanceof Error ? err.message : 'unreadable file'}`);
        return;
      }
      if (!letter) return;
      const result = createLanguageService().importLetter(letter.text, { sourceName: letter.name, unreadablePages: letter.unreadablePages });
      const doc = await openImported(result, letter.name);
      noteVersions.set(doc.uri.toString(), doc.version);
      notes.set(
        doc.uri,
        result.diagnostics.map((d) => toDiagnostic(d, doc.uri)),
      );
      void vscode.window.showInformationMessage(summary(letter.name, result));
    }),
  );
}

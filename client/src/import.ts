// "IMR: Import Letter…": turns an existing determination letter (.txt or
// .pdf, or the text pasted into the current untitled editor) into a case file,
// opened as a new untitled .imr document so nothing is written until the
// author saves. The importer runs here in the extension host, the PDF is read
// in this process by the bundled pdfjs, and nothing is logged or sent.
// The importer's own notes (text it could not place, parts the letter lacks)
// are shown in the Problems panel next to the language server's checks.
import * as vscode from 'vscode';
import { importLetter } from '../../server/src/service/import/index';
import type { ImportResult } from '../../server/src/service/import/types';

const NOTES_SOURCE = 'imr import';

interface Letter {
  text: string;
  name: string;
}

/** Reads a letter file: a PDF through pdfjs, text as UTF-8 (Windows-1252 when not valid UTF-8). */
async function readLetter(uri: vscode.Uri): Promise<Letter> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  const name = uri.path.split('/').pop() ?? 'letter';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    const { pdfToText } = await import('../../server/src/service/import/pdfText');
    return { text: (await pdfToText(bytes)).text, name };
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

function toDiagnostic(d: ImportResult['diagnostics'][number]): vscode.Diagnostic {
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
  return diagnostic;
}

function summary(name: string, r: ImportResult): string {
  const rec = r.recognized;
  const notes = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length;
  const items = `${rec.items} disputed item${rec.items === 1 ? '' : 's'}`;
  const facts = `${rec.facts} fact${rec.facts === 1 ? '' : 's'} labelled`;
  return `Imported ${name}: ${items}, ${facts}.${notes ? ` ${notes} note${notes === 1 ? '' : 's'} to review in the Problems panel.` : ''}`;
}

export function registerImport(context: vscode.ExtensionContext): void {
  const notes = vscode.languages.createDiagnosticCollection(NOTES_SOURCE);
  context.subscriptions.push(
    notes,
    // The notes point at lines of the imported text; once the author edits or
    // closes the document they would point at the wrong place, so they go.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && notes.has(e.document.uri)) notes.delete(e.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => notes.delete(doc.uri)),
    vscode.commands.registerCommand('imr.importLetter', async (arg?: unknown) => {
      let letter: Letter | undefined;
      try {
        letter = await chooseLetter(arg);
      } catch (err) {
        void vscode.window.showErrorMessage(`Could not read the letter: ${err instanceof Error ? err.message : 'unreadable file'}`);
        return;
      }
      if (!letter) return;
      const result = importLetter(letter.text, { sourceName: letter.name });
      const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: result.text });
      await vscode.window.showTextDocument(doc, { preview: false });
      notes.set(doc.uri, result.diagnostics.map(toDiagnostic));
      void vscode.window.showInformationMessage(summary(letter.name, result));
    }),
  );
}

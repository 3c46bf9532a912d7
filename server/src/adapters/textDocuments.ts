// The server's copy of each open document, kept in step with the editor's by
// applying its incremental changes. vscode-languageserver-textdocument's own
// update keeps its line table incrementally, and gets it wrong when an edit
// joins a "\r" and a "\n" (or splits them): the next edit then lands a line
// off, and the server checks text the author never wrote (it reported a
// clean case that had two errors). VS Code normalizes line endings, so it
// never sends such an edit; Neovim and other clients do. Here each change is
// applied to the plain text with positions read from a line table built from
// that text, so every change sees exactly the lines the client saw.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';

/** The text after applying `changes` in order, each with positions in the text the previous one left. */
export function applyChanges(uri: string, languageId: string, text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  let current = text;
  for (const change of changes) {
    if (!('range' in change) || change.range === undefined) {
      current = change.text;
      continue;
    }
    // A fresh line table for this text: built whole, so "\r\n" is one line end however it came to be.
    const lines = TextDocument.create(uri, languageId, 0, current);
    let start = lines.offsetAt(change.range.start);
    let end = lines.offsetAt(change.range.end);
    if (end < start) [start, end] = [end, start];
    current = current.slice(0, start) + change.text + current.slice(end);
  }
  return current;
}

/** What TextDocuments stores: the library's documents, updated through applyChanges. */
export const lineSafeTextDocument: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
  update: (document, changes, version) =>
    TextDocument.create(document.uri, document.languageId, version, applyChanges(document.uri, document.languageId, document.getText(), changes)),
};

// Incremental text-document sync (issue 17): the server's copy of a document
// must equal the client's after any sequence of incremental changes, whatever
// the line endings ("\n", "\r\n", a lone "\r"). A differential test: random
// edits applied to a reference (the client's text, with lines as LSP defines
// them) and to the server's document store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineSafeTextDocument } from '../../server/src/adapters/textDocuments';
import { prng } from '../helpers/random';

type Pos = { line: number; character: number };

/** The client's view: the offset of each line start, lines ending at "\r\n", "\r" or "\n". */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

/** Length of a line without its line end. */
function lineLength(text: string, starts: number[], line: number): number {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  let len = end - starts[line];
  if (line + 1 < starts.length) len -= text.slice(end - 2, end) === '\r\n' ? 2 : 1;
  return len;
}

function randomText(next: () => number, n: number): string {
  const parts = ['a', 'b', ' ', '\r', '\n', '\r\n'];
  let s = '';
  for (let i = 0; i < n; i++) s += parts[Math.floor(next() * parts.length)];
  return s;
}

function randomPos(next: () => number, text: string, starts: number[]): Pos {
  const line = Math.floor(next() * starts.length);
  return { line, character: Math.floor(next() * (lineLength(text, starts, line) + 1)) };
}

const offset = (starts: number[], p: Pos) => starts[p.line] + p.character;

/** One random change against `text`, and the text after it as the client has it. */
function randomChange(next: () => number, text: string): { change: TextDocumentContentChangeEvent; after: string } {
  const starts = lineStarts(text);
  let a = randomPos(next, text, starts);
  let b = randomPos(next, text, starts);
  if (offset(starts, b) < offset(starts, a)) [a, b] = [b, a];
  const insert = randomText(next, Math.floor(next() * 4));
  return { change: { range: { start: a, end: b }, text: insert }, after: text.slice(0, offset(starts, a)) + insert + text.slice(offset(starts, b)) };
}

test("random incremental edits, lone CR included, leave the server's text equal to the client's", () => {
  const next = prng(4242);
  for (let run = 0; run < 400; run++) {
    let client = randomText(next, Math.floor(next() * 20));
    let doc = lineSafeTextDocument.create('file:///t.imr', 'imr', 1, client);
    for (let step = 0; step < 25; step++) {
      // Sometimes several changes in one notification, each against the text the previous left.
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) {
        const { change, after } = randomChange(next, client);
        changes.push(change);
        client = after;
      }
      doc = lineSafeTextDocument.update(doc, changes, doc.version + 1);
      assert.equal(doc.getText(), client, `run ${run}, step ${step}`);
      assert.equal(doc.lineCount, lineStarts(client).length);
      // The line table kept through the changes is the one built from the text: every position reads the same.
      const fresh = TextDocument.create('file:///t.imr', 'imr', 1, client);
      for (let offset = -1; offset <= client.length + 1; offset++) {
        assert.deepEqual(doc.positionAt(offset), fresh.positionAt(offset), `run ${run}, step ${step}, offset ${offset}`);
      }
      for (let line = -1; line <= fresh.lineCount; line++) {
        for (let character = -1; character <= 4; character++) {
          assert.equal(doc.offsetAt({ line, character }), fresh.offsetAt({ line, character }), `run ${run}, step ${step}, ${line}:${character}`);
        }
      }
    }
  }
});

test('the library\'s own incremental update goes a line off when an edit joins "\\r" and "\\n" (why the store is replaced)', () => {
  const changes: TextDocumentContentChangeEvent[] = [
    // "a\rb\nc": delete "b", which joins the lone "\r" with the "\n" into one line end.
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' },
    // Now "a\r\nc": line 1 is "c"; put "X" before it.
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'X' },
  ];
  const theirs = TextDocument.update(TextDocument.create('file:///t.imr', 'imr', 1, 'a\rb\nc'), changes, 2);
  const ours = lineSafeTextDocument.update(lineSafeTextDocument.create('file:///t.imr', 'imr', 1, 'a\rb\nc'), changes, 2);
  assert.equal(ours.getText(), 'a\r\nXc');
  assert.notEqual(theirs.getText(), 'a\r\nXc', 'the library got this right: the replacement store may no longer be needed');
});

// The language server and the health information in a case: it makes no
// network request, and nothing it logs (window/logMessage, shown messages,
// telemetry, traces, stderr) carries case text, even when handlers fail or the
// editor sends malformed messages. One server runs every feature on a case
// holding a made-up name, with every network API made to throw and record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Trace } from 'vscode-jsonrpc/node';
import { readExample } from '../helpers/fixtures';
import { TestLspClient } from '../helpers/lspClient';
import { networkLog, describeAttempts, type NetworkLog } from '../helpers/networkGuard';

/** A name no rule, message or library would write by itself: if it shows up in a log, it came from the case. */
const MARKER = 'Quixotewick';
const markerCase = readExample('lumbar-mri-upheld.imr')
  .replace(/^  licensure: California\r?\n/m, '') // a missing-field with a quick-fix
  .replace('The injured worker is a 55 year old female', `Ms. Zelda ${MARKER} is a 55 year old female`)
  .replace('Patient does not meet any of these criteria.', `Ms. ${MARKER} does not meet any of these criteria.`);

let server: TestLspClient;
let net: NetworkLog;
let workspace: string;
const caseUri = 'file:///cases/privacy.imr';
const lines = markerCase.split('\n');
const citeLine = lines.findIndex((l) => /LMRI-02: not met \[#conservative-care\]/.test(l));
const cite = { line: citeLine, character: lines[citeLine].indexOf('[#') + 3 };

before(async () => {
  assert.ok(markerCase.includes(MARKER) && citeLine > 0 && !/licensure:/.test(markerCase), 'the fixture carries the marker and a cited label');
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-privacy-ws-'));
  fs.mkdirSync(path.join(workspace, '.imr', 'criteria'), { recursive: true });
  // A broken criteria file whose text holds the marker: JSON.parse quotes what it cannot read.
  fs.writeFileSync(path.join(workspace, '.imr', 'criteria', 'broken.json'), `{ "${MARKER}": [ `);
  net = networkLog(workspace);
  server = new TestLspClient({ rules: {} }, { env: net.env });
});

after(async () => {
  await server?.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

/** The client side of the trace, as vscode-languageclient writes it for imr.trace.server (same JSON-RPC library). */
const trace: { level: string; line: string }[] = [];
let traceLevel = 'messages';

test('every server feature answers with the network made to throw', async () => {
  server.connection.trace(
    Trace.Messages,
    { log: (message: string, data?: string) => trace.push({ level: traceLevel, line: `${message}\n${data ?? ''}` }) },
    false,
  );
  const init = await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { completion: { completionItem: { snippetSupport: true } } },
    },
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
  });
  assert.ok(init.capabilities.hoverProvider);
  await server.notify('initialized', {});
  // The editor may turn on the server's trace: the server must still log no case text.
  await server.notify('$/setTrace', { value: 'verbose' });

  const criteriaUri = pathToFileURL(path.join(workspace, '.imr', 'criteria', 'broken.json')).href;
  const criteria = await server.diagnostics(criteriaUri, (p) => p.diagnostics.length > 0);
  assert.ok(
    criteria.diagnostics.some((d) => d.code === 'criteria-data'),
    'the broken workspace criteria file was read and reported',
  );

  await server.notify('textDocument/didOpen', { textDocument: { uri: caseUri, languageId: 'imr', version: 1, text: markerCase } });
  const published = await server.diagnostics(caseUri, (p) => p.version === 1);
  const missing = published.diagnostics.find((d) => d.code === 'missing-field' && /Licensure/.test(d.message));
  assert.ok(missing, `diagnostics: ${published.diagnostics.map((d) => d.code).join(', ')}`);

  const doc = { textDocument: { uri: caseUri } };
  const hover = await server.request('textDocument/hover', { ...doc, position: cite });
  assert.ok(hover?.contents, 'hover on a cited label');
  const completion = await server.request('textDocument/completion', {
    ...doc,
    position: { line: lines.findIndex((l) => l.startsWith('  priority')), character: 2 },
  });
  assert.ok((Array.isArray(completion) ? completion : completion.items).length > 0, 'completion');
  const symbols = await server.request<unknown[]>('textDocument/documentSymbol', doc);
  assert.ok(symbols.length > 0, 'symbols');
  const folding = await server.request<unknown[]>('textDocument/foldingRange', doc);
  assert.ok(folding.length > 0, 'folding');
  const definition = await server.request('textDocument/definition', { ...doc, position: cite });
  assert.ok(definition, 'definition of a cited label');
  const references = await server.request<unknown[]>('textDocument/references', { ...doc, position: cite, context: { includeDeclaration: true } });
  assert.ok(references.length >= 2, 'references: the definition and the citation');
  assert.ok(await server.request('textDocument/prepareRename', { ...doc, position: cite }), 'prepare rename');
  const rename = await server.request('textDocument/rename', { ...doc, position: cite, newName: 'prior-care' });
  assert.ok(rename.changes[caseUri].length >= 2, 'rename edits the definition and the citation');
  // VS Code's client logs a refused request's reason: it must not repeat the name typed (here a person's).
  await assert.rejects(
    server.request('textDocument/rename', { ...doc, position: cite, newName: `Ms ${MARKER}` }),
    (err: Error) => /cannot name a fact/.test(err.message) && !err.message.includes(MARKER),
    'a refused rename answers with its reason, without the name',
  );
  const actions = await server.request<any[]>('textDocument/codeAction', {
    ...doc,
    range: missing.range,
    context: { diagnostics: [{ ...missing, source: 'imr' }] },
  });
  assert.ok(
    actions.some((a) => /licensure/i.test(a.title)),
    'a quick-fix',
  );

  await server.notify('textDocument/didChange', {
    textDocument: { uri: caseUri, version: 2 },
    contentChanges: [{ text: markerCase.replace('decision: upheld', 'decision: maybe') }],
  });
  const changed = await server.diagnostics(caseUri, (p) => p.version === 2);
  assert.ok(
    changed.diagnostics.some((d) => d.code === 'invalid-value'),
    'the edit was checked',
  );
  await server.notify('workspace/didChangeConfiguration', { settings: { imr: { rules: { 'missing-field': 'off' } } } });
  await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: criteriaUri, type: 2 }] });
  await server.notify('textDocument/didOpen', { textDocument: { uri: criteriaUri, languageId: 'json', version: 1, text: `{ "${MARKER}": true` } });
  await server.diagnostics(criteriaUri, (p) => p.diagnostics.length > 0);
  await server.notify('textDocument/didClose', { textDocument: { uri: criteriaUri } });
  await server.notify('textDocument/didClose', { textDocument: { uri: caseUri } });
  const closed = await server.diagnostics(caseUri, (p) => p.diagnostics.length === 0);
  assert.equal(closed.diagnostics.length, 0, 'closing clears the diagnostics');
});

test('imr.trace.server "messages" traces no case text; "verbose" does, as its description warns', async () => {
  const messages = trace.filter((t) => t.level === 'messages');
  assert.ok(
    messages.some((t) => /textDocument\/hover/.test(t.line)) && messages.some((t) => /Request failed: The new name cannot name a fact/.test(t.line)),
    'the trace saw the exchange, refusals included',
  );
  assert.equal(
    messages.some((t) => t.line.includes(MARKER)),
    false,
    messages
      .filter((t) => t.line.includes(MARKER))
      .map((t) => t.line)
      .join('\n'),
  );
  traceLevel = 'verbose';
  server.connection.trace(
    Trace.Verbose,
    { log: (message: string, data?: string) => trace.push({ level: traceLevel, line: `${message}\n${data ?? ''}` }) },
    false,
  );
  await server.notify('textDocument/didOpen', { textDocument: { uri: 'file:///cases/traced.imr', languageId: 'imr', version: 1, text: markerCase } });
  await server.diagnostics('file:///cases/traced.imr');
  await server.notify('textDocument/didClose', { textDocument: { uri: 'file:///cases/traced.imr' } });
  server.connection.trace(Trace.Off, { log: () => undefined }, false);
  assert.ok(
    trace.some((t) => t.level === 'verbose' && t.line.includes(MARKER)),
    'a verbose trace carries the case text (the search above would have found it)',
  );
});

test("every handler's failure path answers its fallback and logs only the error kind and place", async () => {
  await server.notify('textDocument/didOpen', { textDocument: { uri: caseUri, languageId: 'imr', version: 3, text: markerCase } });
  await server.diagnostics(caseUri, (p) => p.version === 3);
  // Each request is missing what its handler reads, so the handler throws.
  const broken = { textDocument: null, position: null, context: null, note: MARKER };
  const handlers: [string, string, unknown][] = [
    ['textDocument/documentSymbol', 'symbols', []],
    ['textDocument/foldingRange', 'folding', []],
    ['textDocument/completion', 'completion', []],
    ['textDocument/hover', 'hover', null],
    ['textDocument/definition', 'definition', null],
    ['textDocument/references', 'references', []],
    ['textDocument/prepareRename', 'prepare rename', null],
    ['textDocument/rename', 'rename', null],
    ['textDocument/formatting', 'formatting', []],
  ];
  for (const [method, , fallback] of handlers) assert.deepEqual(await server.request(method, broken), fallback, method);
  assert.deepEqual(
    await server.request('textDocument/codeAction', { textDocument: { uri: caseUri }, range: null, context: { diagnostics: MARKER } }),
    [],
    'codeAction',
  );
  handlers.push(['textDocument/codeAction', 'code actions', []]);
  // A document whose text is not text: analysis fails inside the scheduler.
  await server.notify('textDocument/didOpen', { textDocument: { uri: 'file:///cases/not-text.imr', languageId: 'imr', version: 1, text: { note: MARKER } } });
  await server.request('textDocument/hover', { textDocument: { uri: caseUri }, position: cite }); // a round trip, so the failures are logged by now
  const logged = server.said.filter((s) => s.method === 'window/logMessage').map((s) => (s.params as { message: string }).message);
  for (const [, name] of handlers) {
    assert.ok(
      logged.some((m) => m.startsWith(`imr: ${name} failed: TypeError`)),
      `the ${name} failure was logged by kind: ${logged.join(' | ')}`,
    );
  }
});

test('malformed messages from the editor are not echoed into the log', async () => {
  const before = server.said.length;
  // The JSON-RPC library logs a message it cannot classify whole, and a response
  // without an id with its error: both would carry the marker without the guard.
  server.writeRaw(JSON.stringify({ jsonrpc: '2.0', params: { text: `Ms. ${MARKER} has back pain` } }));
  server.writeRaw(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: `about ${MARKER}` } }));
  server.writeRaw(JSON.stringify({ jsonrpc: '2.0', method: 'imr/unknownNotification', params: { text: MARKER } }));
  await assert.rejects(server.request('imr/unknownRequest', { text: MARKER }));
  const logged = server.said
    .slice(before)
    .filter((s) => s.method === 'window/logMessage')
    .map((s) => (s.params as { message: string }).message);
  assert.ok(
    logged.some((m) => m.startsWith('Received message which is neither a response nor a notification message (details withheld')),
    `the library's complaint is logged without its payload: ${logged.join(' | ')}`,
  );
  assert.ok(
    logged.some((m) => m.startsWith('Received response message without id (details withheld')),
    logged.join(' | '),
  );
});

test('nothing the server logged, showed, traced or wrote to stderr holds case text', () => {
  const said = server.logText();
  assert.ok(server.said.length > 0, 'the server did log (the failures above), so the search is not over nothing');
  assert.equal(
    said.includes(MARKER),
    false,
    `case text in the server's log:\n${said
      .split('\n')
      .filter((l) => l.includes(MARKER))
      .join('\n')}`,
  );
  assert.deepEqual(
    server.said.filter((s) => s.method !== 'window/logMessage').map((s) => s.method),
    [],
    'the server shows no messages and sends no telemetry or traces',
  );
});

test('the server made no network attempt, with the guard loaded', async () => {
  assert.equal(await server.shutdown(), 0, `the server exits cleanly; stderr: ${server.stderr}`);
  assert.equal(net.loads().length, 1, 'the guard loaded in the server process');
  assert.equal(net.loads()[0].pid, server.child.pid);
  assert.deepEqual(net.attempts(), [], describeAttempts(net.attempts()));
});

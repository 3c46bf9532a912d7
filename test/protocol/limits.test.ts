// The server on files it declines (issue 8): a 10 MB case gets one clear
// diagnostic, feature requests on it answer empty, and the server answers
// requests on other cases right after. The limit comes from the settings.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestLspClient } from '../helpers/lspClient';
import { readExample } from '../helpers/fixtures';

const seed = readExample('lumbar-mri-upheld.imr');
let client: TestLspClient;

before(async () => {
  client = new TestLspClient();
  await client.initialize();
});
after(async () => client.shutdown());

test('a 10 MB case gets one file-too-large diagnostic, features answer empty, and the server answers right after', async () => {
  const uri = 'file:///cases/ten-megabytes.imr';
  const line = '  The injured worker reported pain in the lower back on most days.\n';
  const big = seed + line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
  await client.open(uri, big);
  const published = await client.diagnostics(uri, () => true, 60_000);
  assert.equal(published.diagnostics.length, 1);
  const [d] = published.diagnostics;
  assert.equal(d.code, 'file-too-large');
  assert.equal(d.severity, 1);
  assert.match(d.message, /This file is 10\.\d MB; case files over 64 KB are not checked/);
  assert.match(d.message, /imr\.limits\.maxFileSize/);
  assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

  const at = { textDocument: { uri }, position: { line: 20, character: 4 } };
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
  assert.deepEqual(await client.request('textDocument/completion', at), []);
  assert.equal(await client.request('textDocument/hover', at), null);
  assert.equal(await client.request('textDocument/prepareRename', at), null);
  assert.deepEqual(
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at.position, end: at.position }, context: { diagnostics: [] } }),
    [],
  );

  // A normal case opened after it is checked and answered as usual.
  const other = 'file:///cases/after-the-big-one.imr';
  await client.open(other, seed);
  const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: other } });
  assert.ok(symbols.length > 0);
  const diags = await client.diagnostics(other);
  assert.ok(diags.diagnostics.length > 0 && !diags.diagnostics.some((x) => x.code === 'file-too-large'));
});

test('imr.limits.maxFileSize sets the limit: a 2 KB limit declines the 3 KB seed case, and raising it checks the case', async () => {
  // The client answers workspace/configuration with this object, so changing it and notifying the server changes the setting.
  const settings = { limits: { maxFileSize: 2 } };
  const small = new TestLspClient(settings);
  try {
    await small.initialize();
    const uri = 'file:///cases/seed.imr';
    await small.open(uri, seed);
    const declined = await small.diagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'file-too-large'), 10_000);
    assert.equal(declined.diagnostics.length, 1);
    assert.match(declined.diagnostics[0].message, /case files over 2 KB are not checked/);
    assert.deepEqual(await small.request('textDocument/documentSymbol', { textDocument: { uri } }), []);

    settings.limits.maxFileSize = 64;
    await small.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const checked = await small.diagnostics(uri, (p) => !p.diagnostics.some((x) => x.code === 'file-too-large'), 10_000);
    assert.ok(checked.diagnostics.length > 0, 'the case is checked in full');
    const symbols: any[] = await small.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
  } finally {
    await small.shutdown();
  }
});

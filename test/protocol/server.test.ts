// Starts the bundled server (dist/server.js) over stdio, as an editor would,
// and checks the protocol answers on real cases.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TestLspClient } from '../helpers/lspClient';
import { readExample } from '../helpers/fixtures';
import { LanguageService } from '../../server/src/service/languageService';

let client: TestLspClient;
const seedUri = 'file:///cases/lumbar-mri-upheld.imr';
const seed = readExample('lumbar-mri-upheld.imr');

before(async () => {
  client = new TestLspClient({ rules: { 'unused-label': 'off' } });
});
after(async () => client.shutdown());

test('initialize announces the features the extension relies on', async () => {
  const result = await client.initialize();
  const caps = result.capabilities;
  assert.ok(caps.completionProvider);
  assert.equal(caps.hoverProvider, true);
  assert.equal(caps.inlayHintProvider, true);
  assert.equal(caps.documentSymbolProvider, true);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.codeActionProvider);
  assert.equal(caps.documentFormattingProvider, true);
});

test('a broken case gets diagnostics with codes and exact ranges', async () => {
  const uri = 'file:///cases/broken.imr';
  const broken = seed.replace(/^  licensure: California\r?\n/m, '');
  assert.notEqual(broken, seed, 'the fixture must lose its licensure line');
  await client.open(uri, broken);
  const published = await client.diagnostics(uri);
  const missing = published.diagnostics.find((d) => d.code === 'missing-field' && /State\(s\) of Licensure/.test(d.message));
  assert.ok(missing, `expected a missing-field diagnostic naming State(s) of Licensure, got ${published.diagnostics.map((d) => d.code).join(', ')}`);
  assert.equal(missing.severity, 1);
  const reviewerLine = broken.split(/\r?\n/).findIndex((l) => l.startsWith('reviewer'));
  assert.deepEqual(missing.range.start, { line: reviewerLine, character: 0 });
  // The code links to its section of the rules page that ships with the extension, never to a web page.
  const href = (missing as { codeDescription?: { href: string } }).codeDescription?.href ?? '';
  assert.match(href, /^file:\/\/.*\/docs\/rules\.md#missing-field$/);
  const doc = fileURLToPath(href.replace(/#.*/, ''));
  assert.match(fs.readFileSync(doc, 'utf8'), /^### `missing-field`$/m, 'the section the link names is in the page');
});

test('the settings turn a rule off: unused-label is never published', async () => {
  const uri = 'file:///cases/labels.imr';
  await client.open(uri, seed.replace('[#no-prior-imaging]', '[#never-cited]'));
  const published = await client.diagnostics(uri);
  assert.ok(!published.diagnostics.some((d) => d.code === 'unused-label'));
});

test('editing the document republishes diagnostics for the new version', async () => {
  const uri = 'file:///cases/edit.imr';
  await client.open(uri, seed, 1);
  await client.diagnostics(uri, (p) => p.version === 1);
  await client.change(uri, 2, seed.replace('decision: upheld', 'decision: maybe'));
  const after = await client.diagnostics(uri, (p) => p.version === 2);
  const invalid = after.diagnostics.find((d) => d.code === 'invalid-value');
  assert.ok(invalid, 'an unknown decision word is an invalid-value');
  assert.match(invalid.message, /upheld or overturned/);
});

test('a burst of changes that arrive together is analysed once the server has read them all, not once per change', async () => {
  // vscode-jsonrpc hands the server one queued message per turn of its event
  // loop: an analysis started on the next turn would read one more change each
  // time, and a burst faster than the analyses would queue ever longer.
  const uri = 'file:///cases/burst.imr';
  await client.open(uri, seed, 1);
  await client.diagnostics(uri, (p) => p.version === 1);
  const versions: number[] = [];
  const listen = (p: { uri: string; version?: number }) => {
    if (p.uri === uri) versions.push(p.version ?? -1);
  };
  client.publishListeners.push(listen);
  const last = 41;
  for (let v = 2; v <= last; v++) void client.change(uri, v, seed.replace('decision: upheld', `decision: upheld${'x'.repeat(v)}`));
  const final = await client.diagnostics(uri, (p) => p.version === last);
  client.publishListeners.splice(client.publishListeners.indexOf(listen), 1);
  assert.ok(
    final.diagnostics.some((d) => d.code === 'invalid-value'),
    'the last text is the one analysed',
  );
  assert.ok(versions.length <= 5, `${last - 1} changes sent together were analysed ${versions.length} times (versions ${versions.join(', ')})`);
});

test('document symbols outline the case and each item with its decision', async () => {
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: seedUri } }).catch(() => null);
  // The seed is not open yet: open it, then ask again.
  await client.open(seedUri, seed);
  const result: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
  assert.ok(symbols === null || Array.isArray(symbols));
  const names = result.map((s) => s.name);
  assert.ok(
    names.some((n) => /CM15-0201234/.test(n)),
    `case symbol missing in ${names.join(' | ')}`,
  );
  const item = result.find((s) => /MRI of the lumbar spine/.test(s.name));
  assert.ok(item, 'the disputed item is in the outline');
  assert.match(item.detail ?? '', /upheld/i);
});

test('completion offers field names in a section', async () => {
  const uri = 'file:///cases/complete.imr';
  const text = 'case CM16-0000001\n  \n';
  await client.open(uri, text);
  const result: any = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
  const items = Array.isArray(result) ? result : result.items;
  const labels = items.map((i: any) => i.label);
  for (const f of ['organization', 'priority', 'received', 'ur-date']) assert.ok(labels.includes(f), `completion lacks ${f}: ${labels.join(', ')}`);
});

test('a quick-fix for a missing field inserts it and the diagnostic goes away', async () => {
  const uri = 'file:///cases/fix.imr';
  const broken = seed.replace(/^  licensure: California\r?\n/m, '');
  await client.open(uri, broken, 1);
  const published = await client.diagnostics(uri, (p) => p.version === 1);
  const missing = published.diagnostics.find((d) => d.code === 'missing-field' && /Licensure/.test(d.message))!;
  const actions: any[] = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: missing.range,
    context: { diagnostics: [{ ...missing, source: 'imr' }] },
  });
  const fix = actions.find((a) => /licensure/i.test(a.title));
  assert.ok(fix, `no quick-fix offered: ${actions.map((a) => a.title).join(' | ')}`);
  const fixed = applyEdits(broken, fix.edit.changes[uri]);
  assert.match(fixed, /licensure: /);
  await client.change(uri, 2, fixed);
  const after = await client.diagnostics(uri, (p) => p.version === 2);
  assert.ok(!after.diagnostics.some((d) => d.code === 'missing-field' && /Licensure/.test(d.message)));
});

test('Fix All (source.fixAll) mends a mistyped field name and leaves a reversed decision alone', async () => {
  const uri = 'file:///cases/fix-all.imr';
  const text = seed.replace(/^(\s+)licensure:/m, '$1licensur:').replace(/^(\s+decision:\s*)upheld\s*$/m, '$1overturned');
  await client.open(uri, text, 1);
  await client.diagnostics(uri, (p) => p.version === 1);
  const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const actions: any[] = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: whole,
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
  assert.equal(actions[0].kind, 'source.fixAll.imr');
  const fixed = applyEdits(text, actions[0].edit.changes[uri]);
  assert.match(fixed, /^\s+licensure:/m);
  assert.match(fixed, /^\s+decision:\s*overturned\s*$/m);
  const none: any[] = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: whole,
    context: { diagnostics: [], only: ['source.organizeImports'] },
  });
  assert.deepEqual(none, []);
});

test('Draft rationale from the criteria is a refactor action: offered to the Refactor menu and the light bulb, not to a quick-fix request', async () => {
  const uri = 'file:///cases/draft.imr';
  // The seed's rationale removed, the `rationale` keyword kept.
  const lines = seed.split('\n');
  const at = lines.findIndex((l) => /^\s+rationale\s*$/.test(l));
  let end = at + 1;
  while (end < lines.length && /^\s{4}\S/.test(lines[end])) end++;
  const text = [...lines.slice(0, at + 1), ...lines.slice(end)].join('\n');
  await client.open(uri, text, 1);
  await client.diagnostics(uri, (p) => p.version === 1);
  const itemLine = lines.findIndex((l) => l.startsWith('item '));
  const ask = (only?: string[]) =>
    client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: itemLine, character: 0 }, end: { line: itemLine, character: 0 } },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
  for (const only of [undefined, ['refactor']]) {
    const draft = (await ask(only)).find((a) => a.title === 'Draft rationale from the criteria');
    assert.ok(draft, `offered for only=${JSON.stringify(only)}`);
    assert.equal(draft.kind, 'refactor');
    const drafted = applyEdits(text, draft.edit.changes[uri]);
    assert.match(drafted.replace(/\s+/g, ' '), /The request for MRI of the lumbar spine without contrast as a outpatient is not medically necessary\./);
  }
  assert.ok(!(await ask(['quickfix'])).some((a) => a.title === 'Draft rationale from the criteria'));
});

test('textDocument/formatting answers edits that leave the words and make a second format a no-op', async () => {
  const uri = 'file:///cases/format.imr';
  const text = seed.replace(/^( +)(licensure:.*)$/m, '$1$2   ').replace(/\n\n/g, '\n\n\n');
  await client.open(uri, text, 1);
  const edits: any[] = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  assert.ok(edits.length > 0);
  const formatted = applyEdits(text, edits);
  assert.ok(!formatted.includes('\n\n\n') && !/ +$/m.test(formatted));
  const words = (t: string) => t.split(/\s+/).filter(Boolean).sort();
  assert.deepEqual(words(formatted), words(text));
  await client.change(uri, 2, formatted);
  assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
});

test('rename of a fact label edits its definition and every citation', async () => {
  const text = seed.replace('LMRI-01: not met', 'LMRI-01: not met [#neuro-findings]');
  const uri = 'file:///cases/rename.imr';
  await client.open(uri, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('[#neuro-findings]'));
  const character = lines[line].indexOf('[#neuro-findings]') + 3;
  const edit: any = await client.request('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName: 'motor-sensory' });
  const edits = edit.changes[uri];
  assert.equal(edits.length, 2);
  const renamed = applyEdits(text, edits);
  assert.equal((renamed.match(/\[#motor-sensory\]/g) ?? []).length, 2);
  assert.ok(!renamed.includes('[#neuro-findings]'));
});

test('a refused rename answers with the reason the author reads, not a silent nothing', async () => {
  const uri = 'file:///cases/rename-refused.imr';
  await client.open(uri, seed);
  const lines = seed.split(/\r?\n/);
  const line = lines.findIndex((l) => /^\s+LMRI-\S+:.*\[#/.test(l));
  assert.ok(line > 0, 'the seed cites a fact in its criteria');
  const character = lines[line].indexOf('[#') + 3;
  const taken = [...seed.matchAll(/\[#([\w.-]+)\]/g)].map((m) => m[1]).find((n) => !lines[line].includes(`[#${n}]`));
  assert.ok(taken, 'the seed has a second label');
  for (const [newName, reason] of [
    [taken, /already used/],
    ['two words', /cannot name a fact/],
  ] as const) {
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName }),
      (err: any) => reason.test(err.message),
      newName,
    );
  }
});

test('a request on a document the server never saw answers empty, not an error', async () => {
  const result = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.imr' }, position: { line: 0, character: 0 } });
  assert.equal(result, null);
});

function applyEdits(text: string, edits: { range: any; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('a binary document gets one clear diagnostic and the server keeps answering', async () => {
  const uri = 'file:///cases/binary.imr';
  await client.open(uri, 'PK\u0003\u0004\u0000\u0000garbage\u0000');
  const published = await client.diagnostics(uri);
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['binary-file'],
  );
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, []);
});

test('each quick-fix names only the diagnostic it mends, when two share a line', async () => {
  const uri = 'file:///cases/two-missing.imr';
  const broken = seed.replace(/^  licensure: California\r?\n/m, '').replace(/^  specialty: Emergency Medicine\r?\n/m, '');
  await client.open(uri, broken, 1);
  const published = await client.diagnostics(uri, (p) => p.version === 1);
  const missing = published.diagnostics.filter((d) => d.code === 'missing-field' && /Licensure|Specialty/.test(d.message));
  assert.equal(missing.length, 2);
  const actions: any[] = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: missing[0].range,
    context: { diagnostics: missing.map((d) => ({ ...d, source: 'imr' })) },
  });
  const licensure = actions.find((a) => /licensure/i.test(a.title));
  assert.ok(licensure);
  assert.equal(licensure.diagnostics.length, 1);
  assert.match(licensure.diagnostics[0].message, /Licensure/);
});

test('a case opened while the settings are still on their way is checked again with them', async () => {
  // VS Code opens the files of the last session right after `initialized`,
  // before the server's request for the settings has been answered.
  const slow = new TestLspClient();
  try {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    slow.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      await answered;
      return params.items.map(() => ({ rules: { 'unused-label': 'off' } }));
    });
    await slow.initialize();
    const uri = 'file:///cases/early.imr';
    await slow.open(uri, seed.replace('[#no-prior-imaging]', '[#never-cited]'));
    const early = await slow.diagnostics(uri);
    assert.ok(
      early.diagnostics.some((d) => d.code === 'unused-label'),
      'checked with the defaults before the settings arrive',
    );
    answer();
    const later = await slow.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unused-label'), 5000);
    assert.ok(later.diagnostics.length > 0, 'the other diagnostics stay');
  } finally {
    await slow.shutdown();
  }
});

test('inlay hints show what a request adds up to, within the asked range', async () => {
  const uri = 'file:///cases/hints.imr';
  const text = readExample('opioids-upheld.imr').replace('item Norco 10/325 mg #120', 'item Norco 10/325 mg one tablet every 6 hours');
  await client.open(uri, text);
  await client.diagnostics(uri);
  const lines = text.split(/\r?\n/);
  const all = (await client.request('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
  })) as { label: string; position: { line: number } }[];
  const expected = new LanguageService().getInlayHints({ uri, version: 1, text });
  assert.deepEqual(
    all.map((h) => [h.position.line, h.label]),
    expected.map((h) => [h.position.line, h.label]),
  );
  // The request's total on its line, then what each criterion requires at the end of its line.
  assert.equal(all[0].label, '40 mg MED a day');
  assert.ok(all.length > 1);
  assert.ok(
    all.slice(1).every((h) => /^\s+[A-Z]+-\d+:/.test(lines[h.position.line])),
    'the other hints are on criteria lines',
  );
  const none = (await client.request('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
  })) as unknown[];
  assert.deepEqual(none, [], 'nothing outside the asked range');
});

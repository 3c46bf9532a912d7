// Workspace trust over the protocol: the real server, a workspace folder with
// a criteria file, and a client that says the workspace is (not) trusted, as
// the VS Code client does from `vscode.workspace.isTrusted`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestLspClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { readExample } from '../helpers/fixtures';
import { workspaceTrustNotification } from '../../server/src/protocol';

/** A workspace whose .imr/criteria defines the section `my-scan`, which the built-in library lacks. */
function workspaceWithCriteria(): { root: string; criteriaUri: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-trust-'));
  const dir = path.join(root, '.imr', 'criteria');
  fs.mkdirSync(dir, { recursive: true });
  const section = {
    id: 'my-scan',
    title: 'A scan',
    source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
    match: [['scan']],
    criteria: [{ id: 'SCAN-01', text: 'The scan is needed.', sourceNote: 'n' }],
  };
  const file = path.join(dir, 'my-scan.json');
  fs.writeFileSync(file, JSON.stringify({ sections: [section] }, null, 2));
  return { root, criteriaUri: pathToFileURL(file).toString() };
}

const unknownSection = (p: PublishedDiagnostics) => p.diagnostics.some((d) => /"my-scan" is not a guideline section/.test(d.message));

test("an untrusted workspace's criteria files are ignored, each says why, until the user trusts it", async () => {
  const { root, criteriaUri } = workspaceWithCriteria();
  const client = new TestLspClient();
  try {
    await client.initialize(pathToFileURL(root).toString(), { workspaceTrusted: false });
    // The criteria file's own diagnostic shows the server has looked at the workspace.
    const notice = await client.diagnostics(criteriaUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      notice.diagnostics.map((d) => [d.code, d.severity, d.message, d.range]),
      [
        [
          'untrusted-workspace',
          3,
          'This workspace is not trusted, so IMR Author does not use this criteria file. Trust the workspace (Manage Workspace Trust) to use it.',
          { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        ],
      ],
    );
    const uri = pathToFileURL(path.join(root, 'case.imr')).toString();
    const text = readExample('lumbar-mri-upheld.imr').replace('criteria: low-back-mri', 'criteria: my-scan');
    assert.ok(text.includes('criteria: my-scan'), 'the case cites the workspace section');
    await client.open(uri, text);
    const untrusted = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(unknownSection(untrusted), 'without trust the workspace section does not exist');

    await client.connection.sendNotification(workspaceTrustNotification, { trusted: true });
    const trusted = await client.diagnostics(uri, (p) => !unknownSection(p));
    assert.ok(trusted.diagnostics.length > 0, 'the case is checked again, with the workspace section');
    await client.diagnostics(criteriaUri, (p) => p.diagnostics.length === 0);
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("a client that says nothing about trust (Neovim, the CLI's editors) gets the workspace criteria as before", async () => {
  const { root } = workspaceWithCriteria();
  const client = new TestLspClient();
  try {
    await client.initialize(pathToFileURL(root).toString());
    const uri = pathToFileURL(path.join(root, 'case.imr')).toString();
    await client.open(uri, readExample('lumbar-mri-upheld.imr').replace('criteria: low-back-mri', 'criteria: my-scan'));
    // The first diagnostics may come before the criteria are read (the open races `initialized`); the later ones have them.
    const withCriteria = await client.diagnostics(uri, (p) => p.diagnostics.length > 0 && !unknownSection(p));
    assert.ok(!unknownSection(withCriteria));
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('an open criteria file of an untrusted workspace is not validated until trust is granted', async () => {
  const { root, criteriaUri } = workspaceWithCriteria();
  const client = new TestLspClient();
  try {
    await client.initialize(pathToFileURL(root).toString(), { workspaceTrusted: false });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: criteriaUri, languageId: 'json', version: 1, text: '{ "sections": [ { "id": 5 } ] }' },
    });
    const untrusted = await client.diagnostics(criteriaUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      untrusted.diagnostics.map((d) => d.code),
      ['untrusted-workspace'],
      'only the notice, no validation of the text',
    );

    await client.connection.sendNotification(workspaceTrustNotification, { trusted: true });
    const trusted = await client.diagnostics(criteriaUri, (p) => p.diagnostics.some((d) => d.code === 'criteria-data'));
    assert.ok(!trusted.diagnostics.some((d) => d.code === 'untrusted-workspace'), 'once trusted, the broken file is validated, and the notice is gone');
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('an open document whose uri has a malformed % escape does not stop the workspace criteria from loading', async () => {
  const { root, criteriaUri } = workspaceWithCriteria();
  const client = new TestLspClient();
  try {
    await client.initialize(pathToFileURL(root).toString());
    // "%zz" and a cut UTF-8 escape: decodeURIComponent throws on both.
    await client.open(`${pathToFileURL(root).toString()}/notes-%zz.txt`, 'plain text');
    await client.open(`${pathToFileURL(root).toString()}/case-%E0%A4%A.imr`, readExample('lumbar-mri-upheld.imr'));
    // The criteria file breaks on disk; its diagnostic must still come.
    fs.writeFileSync(new URL(criteriaUri), '{ "sections": [ { "id": "x", } ] }');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: criteriaUri, type: 2 }] });
    const broken = await client.diagnostics(criteriaUri, (p) => p.diagnostics.some((d) => d.code === 'criteria-data'));
    assert.match(broken.diagnostics[0].message, /not valid JSON/);
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

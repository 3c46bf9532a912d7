// Criteria files a repository can plant (issue 17): a link to /dev/zero once
// made `imr check` allocate until it aborted; a link out of the workspace
// echoed another file's keys into diagnostics and SARIF. A criteria file is
// read only when it is a regular file inside its workspace folder, with a
// bounded read, and each refusal is a criteria-data diagnostic naming the
// reason, never the content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CriteriaFolders } from '../../server/src/adapters/criteriaFolder';
import { MAX_CRITERIA_FILE_BYTES } from '../../server/src/service/necessity/criteriaSource';
import { readExample, ROOT } from '../helpers/fixtures';

const BIN = path.join(ROOT, 'bin', 'imr.js');
const MARKER = 'ZEBRA-OUTSIDE-WORKSPACE-KEY';

function workspace(): { root: string; dir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-ws-'));
  const dir = path.join(root, '.imr', 'criteria');
  fs.mkdirSync(dir, { recursive: true });
  return { root, dir };
}

const validSection = JSON.stringify({
  sections: [
    {
      id: 'ws-scan',
      title: 'Scan',
      source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
      match: [['scan']],
      criteria: [{ id: 'WSS-01', text: 't', sourceNote: 'n' }],
    },
  ],
});

test('a criteria file that links to a device is refused as not a regular file, and imr check finishes with that diagnostic', () => {
  const { root, dir } = workspace();
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
  fs.writeFileSync(path.join(root, 'case.imr'), readExample('lumbar-mri-upheld.imr'));
  const r = spawnSync(process.execPath, [BIN, 'check', 'case.imr', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.signal, null, 'imr check finished');
  assert.equal(r.status, 1, r.stderr);
  const zero = JSON.parse(r.stdout).find((f: { file: string }) => f.file.endsWith('zero.json'));
  assert.deepEqual(
    zero.diagnostics.map((d: { code: string; message: string }) => [d.code, d.message]),
    [['criteria-data', 'This criteria file is not read: it is not a regular file (a device, a pipe or a folder).']],
  );
});

test('a named pipe and a folder named .json are refused without blocking', async () => {
  const { root, dir } = workspace();
  const made = spawnSync('mkfifo', [path.join(dir, 'pipe.json')]);
  assert.equal(made.status, 0, 'mkfifo made the pipe');
  fs.mkdirSync(path.join(dir, 'folder.json'));
  const files = await new CriteriaFolders([root]).read();
  assert.deepEqual(
    files.map((f) => [path.basename(new URL(f.uri).pathname), f.refused]),
    [
      ['folder.json', 'it is not a regular file (a device, a pipe or a folder)'],
      ['pipe.json', 'it is not a regular file (a device, a pipe or a folder)'],
    ],
  );
});

test('a link to a file outside the workspace is refused, and nothing of that file reaches the report', async () => {
  const { root, dir } = workspace();
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-elsewhere-'));
  fs.writeFileSync(path.join(elsewhere, 'secret.json'), JSON.stringify({ [MARKER]: MARKER }));
  fs.symlinkSync(path.join(elsewhere, 'secret.json'), path.join(dir, 'out.json'));
  const [file] = await new CriteriaFolders([root]).read();
  assert.equal(file.refused, 'it is a link to a file outside the workspace folder');
  assert.equal(file.text, '');
  fs.writeFileSync(path.join(root, 'case.imr'), readExample('lumbar-mri-upheld.imr'));
  for (const format of ['text', 'json', 'sarif']) {
    const r = spawnSync(process.execPath, [BIN, 'check', 'case.imr', '--format', format], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes(MARKER) && !r.stderr.includes(MARKER), format);
    assert.match(r.stdout, /outside the workspace folder/);
  }
});

test('links that stay inside the workspace are read; so is the criteria folder reached through one', async () => {
  const { root, dir } = workspace();
  fs.mkdirSync(path.join(root, 'shared'));
  fs.writeFileSync(path.join(root, 'shared', 'scan.json'), validSection);
  fs.symlinkSync(path.join('..', '..', 'shared', 'scan.json'), path.join(dir, 'scan.json'));
  const [file] = await new CriteriaFolders([root]).read();
  assert.equal(file.refused, undefined);
  assert.equal(file.text, validSection);
  // The workspace folder itself opened through a link.
  const alias = `${root}-alias`;
  fs.symlinkSync(root, alias);
  const [viaAlias] = await new CriteriaFolders([alias]).read();
  assert.equal(viaAlias.text, validSection);
});

test('a regular file over the limit is listed as too large and not read', async () => {
  const { root, dir } = workspace();
  fs.writeFileSync(path.join(dir, 'big.json'), Buffer.alloc(MAX_CRITERIA_FILE_BYTES + 10, 0x20));
  const [file] = await new CriteriaFolders([root]).read();
  assert.equal(file.tooLarge, true);
  assert.equal(file.text, '');
});

// A file the command line cannot read or write is named with what went wrong
// in words (cli/src/fsErrors.ts), never an errno code alone or the error's
// message, and the command ends with exit code 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../cli/src/main';
import { describeFsError } from '../../cli/src/fsErrors';
import { EXAMPLES, SEED_LETTER } from '../helpers/fixtures';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function imr(args: string[], cwd: string) {
  const stdout = new Sink();
  const stderr = new Sink();
  const status = await runCli(args, { stdout, stderr, env: {}, cwd });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

const errno = (code: string, message = `${code}: a message naming /some/path`) => Object.assign(new Error(message), { code });
const CASE = path.join(EXAMPLES, 'lumbar-mri-upheld.imr');

test('describeFsError says a failure in words, by whether the file was read or written', () => {
  assert.equal(describeFsError(errno('ENOENT')), 'no such file');
  assert.equal(describeFsError(errno('ENOENT'), 'write'), 'its folder does not exist');
  assert.equal(describeFsError(errno('EACCES'), 'write'), 'permission denied');
  assert.equal(describeFsError(errno('EISDIR')), 'is a directory');
  assert.equal(describeFsError(errno('ENOSPC'), 'write'), 'no space left on the device');
  // A code without words is named as a code; an error without a code by its kind, never by its message.
  assert.equal(describeFsError(errno('EXDEV'), 'write'), 'error EXDEV');
  assert.equal(describeFsError(new TypeError('text of the case')), 'unexpected TypeError');
  assert.equal(describeFsError('text of the case'), 'unexpected error');
});

for (const [name, args] of [
  ['imr check -o', ['check', CASE, '-o', path.join('missing-folder', 'report.txt')]],
  ['imr render -o', ['render', CASE, '-o', path.join('missing-folder', 'letter.txt')]],
  ['imr import -o', ['import', SEED_LETTER, '-o', path.join('missing-folder', 'case.imr')]],
] as const) {
  test(`${name} into a folder that does not exist says so, with exit code 2`, async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-fserr-'));
    const r = await imr([...args], cwd);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /missing-folder[/\\]\w+\.(txt|imr): .*its folder does not exist/);
    assert.doesNotMatch(r.stderr, /ENOENT/);
    assert.equal(fs.existsSync(path.join(cwd, 'missing-folder')), false);
  });
}

test('imr import DIR -o OUTDIR where OUTDIR cannot be made says why', async () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-fserr-'));
  const letters = path.join(cwd, 'letters');
  fs.mkdirSync(letters);
  fs.copyFileSync(SEED_LETTER, path.join(letters, 'seed.txt'));
  // A file where the output folder's parent should be: no folder can be made under it.
  fs.writeFileSync(path.join(cwd, 'taken'), 'a file');
  const r = await imr(['import', letters, '-o', path.join('taken', 'cases')], cwd);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /cannot create the output directory taken[/\\]cases: a part of the path is not a folder/);
});

// `imr check … | true` and `imr render … | true` (issue 17): the reader
// closes the pipe before the output is written. The command then ends
// quietly, with the exit code it would have had, not Node's EPIPE stack trace
// and exit 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { EXAMPLES, ROOT } from '../helpers/fixtures';

const BIN = path.join(ROOT, 'bin', 'imr.js');

/** Runs imr with its stdout a pipe whose reading end is closed at once. */
function withClosedPipe(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

for (const args of [
  ['check', path.join(EXAMPLES, 'lumbar-mri-upheld.imr'), path.join(EXAMPLES, 'physical-therapy-overturned.imr')],
  ['check', EXAMPLES, '--format', 'sarif'],
  ['render', path.join(EXAMPLES, 'lumbar-mri-upheld.imr')],
  ['render', path.join(EXAMPLES, 'lumbar-mri-upheld.imr'), '--format', 'html'],
]) {
  test(`imr ${args.filter((a) => !a.startsWith('/')).join(' ')} into a closed pipe ends quietly with its own exit code`, async () => {
    const normal = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    assert.ok(normal.stdout.length > 0, 'the command writes to stdout');
    const piped = await withClosedPipe(args);
    const untimed = (s: string) => s.replace(/ in \d+(\.\d+)? m?s$/gm, '');
    assert.equal(untimed(piped.stderr), untimed(normal.stderr), 'no stack trace, nothing but what the command says anyway');
    assert.doesNotMatch(piped.stderr, /EPIPE|at .*\(node:/);
    assert.equal(piped.status, normal.status);
  });
}

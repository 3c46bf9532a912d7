// The CLI's small parts, in process: glob matching and the progress bar's
// decision to draw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp } from '../../cli/src/check/glob';
import { createProgress } from '../../cli/src/check/progress';
import { decodeCase } from '../../cli/src/check/readCase';

test('globToRegExp: *, **, ?, [], {} and dot files', () => {
  const m = (g: string, p: string) => globToRegExp(g).test(p);
  assert.ok(m('*.imr', 'a.imr'));
  assert.ok(!m('*.imr', 'dir/a.imr'));
  assert.ok(!m('*.imr', '.a.imr'));
  assert.ok(m('**/*.imr', 'a.imr'));
  assert.ok(m('**/*.imr', 'x/y/a.imr'));
  assert.ok(!m('**/*.imr', 'x/.y/a.imr'));
  assert.ok(m('x/**', 'x/y/z'));
  assert.ok(m('c?se.imr', 'case.imr'));
  assert.ok(!m('c?se.imr', 'c/se.imr'));
  assert.ok(m('[ab].imr', 'b.imr'));
  assert.ok(!m('[!ab].imr', 'b.imr'));
  assert.ok(m('{one,two}.imr', 'two.imr'));
  assert.ok(!m('{one,two}.imr', 'three.imr'));
  assert.ok(m('a+b(1).imr', 'a+b(1).imr'));
});

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 80, chunks, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WritableStream & {
    isTTY: boolean;
    chunks: string[];
  };
}

test('progress: drawn on a terminal, cleared at the end; never when piped or under CI', () => {
  const tty = fakeStream(true);
  const p = createProgress(tty, {});
  p.update(5, 10);
  p.update(10, 10);
  p.clear();
  assert.match(tty.chunks.join(''), /\r\[#+-*\] 10\/10 files/);
  assert.ok(tty.chunks[tty.chunks.length - 1].includes('\x1b[K'));
  for (const [stream, env] of [
    [fakeStream(false), {}],
    [fakeStream(true), { CI: 'true' }],
  ] as const) {
    const q = createProgress(stream, env);
    q.update(10, 10);
    q.clear();
    assert.deepEqual(stream.chunks, []);
  }
});

test('decodeCase: BOM dropped, NUL and invalid UTF-8 refused', () => {
  assert.deepEqual(decodeCase(Buffer.from('\ufeffcase X', 'utf8')), { ok: true, text: 'case X' });
  assert.equal(decodeCase(Buffer.from([0x61, 0, 0x62])).ok, false);
  assert.equal(decodeCase(Buffer.from([0xc3, 0x28])).ok, false);
  assert.deepEqual(decodeCase(Buffer.from('é', 'utf8')), { ok: true, text: 'é' });
});

test('a malformed glob is a usage error that says what is wrong, never "internal error: SyntaxError"', async () => {
  const { UsageError } = await import('../../cli/src/command');
  const { runCli } = await import('../../cli/src/main');
  assert.throws(
    () => globToRegExp('[z-a].imr'),
    (e: unknown) => e instanceof UsageError && /'\[z-a\]\.imr' is not a valid glob: a \[\.\.\.\] range runs backwards/.test(e.message),
  );
  assert.throws(
    () => globToRegExp('{a,b.imr'),
    (e: unknown) => e instanceof UsageError && /a \{ has no closing \}/.test(e.message),
  );
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) => ({ write: (s: string) => (add(String(s)), true) }) as unknown as NodeJS.WritableStream;
  const status = await runCli(['check', 'cases/[z-a].imr'], { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), env: {}, cwd: process.cwd() });
  assert.equal(status, 2);
  assert.match(err, /^imr check: the pattern '\[z-a\]\.imr' is not a valid glob/);
  assert.doesNotMatch(err, /internal error|SyntaxError/);
  assert.equal(out, '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toLspDiagnostic, fromLspDiagnostic } from '../../server/src/adapters/lspConvert';
import { checkReadable, DEFAULT_LIMITS } from '../../server/src/service/input/limits';
import { describeError } from '../../server/src/adapters/errors';

test('diagnostics keep code, range, tags and related information across the LSP conversion', () => {
  const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };
  const lsp = toLspDiagnostic(
    { code: 'unused-label', severity: 'hint', message: 'm', range, tags: ['unnecessary'], relatedInformation: [{ range, message: 'r' }] },
    'file:///a.imr',
  );
  assert.equal(lsp.code, 'unused-label');
  assert.equal(lsp.severity, 4);
  assert.deepEqual(lsp.tags, [1]);
  assert.equal(lsp.relatedInformation![0].location.uri, 'file:///a.imr');
  const back = fromLspDiagnostic(lsp);
  assert.equal(back.severity, 'hint');
  assert.deepEqual(back.range, range);
});

test('binary and oversized text get one clear diagnostic; a case does not', () => {
  assert.equal(checkReadable('case CM16-0000001\n'), undefined);
  assert.equal(checkReadable('x\u0000y')?.code, 'binary-file');
  assert.equal(checkReadable('a'.repeat(DEFAULT_LIMITS.maxFileSize + 1))?.code, 'file-too-large');
});

test('a failed handler is logged by kind and place, never by a message that may quote case text', () => {
  let err: unknown;
  try {
    JSON.parse('The injured worker is a 55 year old female');
  } catch (e) {
    err = e;
  }
  assert.match(String((err as Error).message), /The injure/, 'the premise: this message quotes its input');
  const logged = describeError(err);
  assert.match(logged, /^SyntaxError at /);
  assert.doesNotMatch(logged, /injure/);
  assert.equal(describeError('a string'), 'unknown error');
});

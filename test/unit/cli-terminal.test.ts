// Terminal and CI-log injection (issue 17): control characters in case text
// and file names reached the terminal raw (a window title, a line erase that
// hid a finding, an OSC 8 link), and a newline in a file name forged a
// `::error file=…::` line that GitHub Actions turned into an annotation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { escapeControls, escapeControlsKeepingLines } from '../../cli/src/terminalText';
import { readExample, ROOT } from '../helpers/fixtures';

const BIN = path.join(ROOT, 'bin', 'imr.js');
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('control, C1 and bidi characters are escaped; plain text is untouched', () => {
  assert.equal(escapeControls('\x1b]0;owned\x07'), '\\x1b]0;owned\\x07');
  assert.equal(escapeControls('a\n::error file=x::b'), 'a\\x0a::error file=x::b');
  assert.equal(escapeControls('not\u202e yassecen'), 'not\\u202e yassecen');
  assert.equal(escapeControls('\x9b2K'), '\\x9b2K');
  assert.equal(escapeControlsKeepingLines('one\r\ntwo\n'), 'one\\x0d\ntwo\n');
  assert.equal(escapeControls('lumbar-mri-upheld.imr: Tramadol 50 mg, ≥ 6 weeks'), 'lumbar-mri-upheld.imr: Tramadol 50 mg, ≥ 6 weeks');
});

test('imr check: a newline in a file name cannot forge a line, and escape sequences in case text never reach the output raw', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-term-'));
  const name = 'a\n::error file=forged.imr,line=1::forged\x1b[2K.imr';
  const text = readExample('lumbar-mri-upheld.imr').replace('decision: upheld', 'decision: \x1b]8;;https://evil.example\x07upheld\x1b]8;;\x07\x1b[2K');
  fs.writeFileSync(path.join(dir, name), text);
  const r = spawnSync(process.execPath, [BIN, 'check', '.'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.length > 1 && lines.every((l) => !l.startsWith('::')), r.stdout);
  assert.ok(
    lines.some((l) => l.startsWith('a\\x0a::error file=forged.imr,line=1::forged\\x1b[2K.imr:')),
    'the name is shown, escaped',
  );
  assert.doesNotMatch(r.stdout, RAW);
  assert.doesNotMatch(r.stderr, RAW);
});

test('imr import and imr render name a file with escape sequences escaped on stderr', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-term-'));
  const letter = 'letter\x1b]0;owned\x07.pdf';
  fs.writeFileSync(path.join(dir, letter), 'not a pdf');
  const imported = spawnSync(process.execPath, [BIN, 'import', letter], { cwd: dir, encoding: 'utf8' });
  assert.equal(imported.status, 2);
  assert.match(imported.stderr, /letter\\x1b\]0;owned\\x07\.pdf: named \.pdf but not a PDF/);
  assert.doesNotMatch(imported.stderr, RAW);
  const rendered = spawnSync(process.execPath, [BIN, 'render', 'missing\x1b[2K.imr'], { cwd: dir, encoding: 'utf8' });
  assert.equal(rendered.status, 2);
  assert.match(rendered.stderr, /missing\\x1b\[2K\.imr/);
  assert.doesNotMatch(rendered.stderr, RAW);
});

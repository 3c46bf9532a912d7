// A second, independent LSP client: Neovim's. The server must work for any
// client, not only VS Code's. Runs headless Neovim on the bundled server
// (dist/server.js) and checks what Neovim itself received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

/** Runs the Lua client on a copy of `fixture` and returns what Neovim got. */
function runNeovim(fixture) {
  const dir = mkdtempSync(join(tmpdir(), 'imr-nvim-'));
  try {
    const caseFile = join(dir, 'case.imr');
    copyFileSync(fixture, caseFile);
    const out = join(dir, 'result.json');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(HERE, 'client.lua')}`], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        IMR_SERVER: join(ROOT, 'dist', 'server.js'),
        IMR_CASE: caseFile,
        IMR_ROOT: dir,
        IMR_OUT: out,
        // Neovim's state and logs go to the throwaway folder, not the home folder.
        XDG_STATE_HOME: dir,
        XDG_CACHE_HOME: dir,
        XDG_DATA_HOME: dir,
        XDG_CONFIG_HOME: dir,
      },
    });
    assert.equal(r.error, undefined, `nvim could not run: ${r.error?.message}`);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    return { result, lines: readFileSync(caseFile, 'utf8').split('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 0-based line and byte column of the first line where `needle` occurs (at the start when `atStart`). */
function locate(lines, needle, atStart = false) {
  const lnum = lines.findIndex((l) => (atStart ? l.startsWith(needle) : l.includes(needle)));
  assert.ok(lnum >= 0, `the fixture should contain ${needle}`);
  return { lnum, col: lines[lnum].indexOf(needle), end_col: lines[lnum].indexOf(needle) + needle.length };
}

const broken = runNeovim(join(ROOT, 'test', 'vscode', 'fixtures', 'broken.imr'));

test('Neovim receives the diagnostics with their codes and positions', () => {
  const { result, lines } = broken;
  assert.deepEqual(result.errors, [], 'the Lua client reported problems');
  const diags = result.diagnostics;
  const expected = [
    { code: 'missing-field', at: locate(lines, 'reviewer', true), says: /Licensure/ },
    { code: 'unknown-field', at: locate(lines, 'specality'), says: /did you mean "specialty"/ },
    { code: 'invalid-value', at: locate(lines, '1-32-2014'), says: /is not a date/ },
  ];
  for (const e of expected) {
    const d = diags.find((x) => x.code === e.code && e.says.test(x.message));
    assert.ok(d, `expected ${e.code}; Neovim got ${diags.map((x) => `${x.code}@${x.lnum}:${x.col}`).join(', ')}`);
    assert.deepEqual(
      { lnum: d.lnum, col: d.col, end_lnum: d.end_lnum, end_col: d.end_col },
      { lnum: e.at.lnum, col: e.at.col, end_lnum: e.at.lnum, end_col: e.at.end_col },
      `position of ${e.code}`,
    );
    assert.equal(d.severity, 1, `${e.code} is an error (vim.diagnostic.severity.ERROR)`);
    assert.equal(d.source, 'imr');
  }
});

test('Neovim gets the outline of the case from the same server', () => {
  const { result, lines } = broken;
  assert.ok(Array.isArray(result.symbols), 'documentSymbol should answer a list');
  const keywords = ['case', 'reviewer', 'worker', 'summary', 'item'];
  assert.deepEqual(
    result.symbols.map((s) => s.selectionRange.start.line),
    keywords.map((k) => locate(lines, k + (k === 'case' || k === 'item' ? ' ' : ''), true).lnum),
    'one symbol per part, at its keyword line',
  );
});

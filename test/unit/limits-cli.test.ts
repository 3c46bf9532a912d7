// The CLI on files it must decline or decode (issue 8): over the size limit,
// binary, not UTF-8, and UTF-16 or UTF-8 with a byte order mark. Runs the built
// bundle as a user does (npm test builds first); messages name the file and
// never quote it; exit code 2 is "a file could not be read" (imr check --help).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, readExample } from '../helpers/fixtures';
import { DEFAULT_MAX_FILE_KB } from '../../server/src/service/input/limits';

const BIN = path.join(ROOT, 'bin', 'imr.js');
const seed = readExample('lumbar-mri-upheld.imr');
/** A word of the case that must never appear in an error message. */
const SECRET = 'Zebulonia';

function imr(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dir(files: Record<string, string | Buffer>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-limits-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(d, name), content);
  return d;
}

/** The seed case with a comment that makes it `kb` KB long. */
function largeCase(kb: number): string {
  return `${seed}\n-- ${SECRET} ${'x'.repeat(kb * 1024 - Buffer.byteLength(seed) - SECRET.length - 6)}\n`;
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { file: string; diagnostics: unknown[] }[];

test('check and render decline a case over the limit by name, size and limit, with exit 2; --max-size lets it through', () => {
  const d = dir({ 'big.imr': largeCase(200) });
  const check = imr(['check', 'big.imr'], d);
  assert.equal(check.status, 2);
  assert.match(
    check.stderr,
    new RegExp(
      `^imr check: skipped big\\.imr: too large for a case file \\(200 KB; the limit is ${DEFAULT_MAX_FILE_KB} KB\\): split it into one case per file, or raise the limit with --max-size KB$`,
      'm',
    ),
  );
  assert.ok(!check.stderr.includes(SECRET) && !check.stdout.includes(SECRET));
  const render = imr(['render', 'big.imr'], d);
  assert.equal(render.status, 2);
  assert.match(render.stderr, /^imr render: big\.imr: too large for a case file \(200 KB/m);
  assert.equal(render.stdout, '');

  const allowed = imr(['check', 'big.imr', '--max-size', '256', '--format', 'json'], d);
  assert.notEqual(allowed.status, 2, allowed.stderr);
  assert.equal(json(allowed)[0].file, 'big.imr');
  assert.ok(json(allowed)[0].diagnostics.length > 0, 'checked: the seed case has findings');
  const rendered = imr(['render', 'big.imr', '--max-size', '256'], d);
  assert.equal(rendered.status, 0, rendered.stderr);
  assert.match(rendered.stdout, /CM15-0201234/);
  // Below the file's size, the option declines what the default would accept.
  assert.equal(imr(['check', 'big.imr', '--max-size', '199'], d).status, 2);
});

test('worker threads decline by the same --max-size as the main thread', () => {
  const files: Record<string, string> = { 'big.imr': largeCase(DEFAULT_MAX_FILE_KB + 22) };
  for (let i = 0; i < 3; i++) files[`small-${i}.imr`] = seed;
  const d = dir(files);
  const declined = imr(['check', '.', '--jobs', '2', '--format', 'json'], d);
  assert.equal(declined.status, 2);
  assert.match(declined.stderr, /skipped big\.imr: too large/);
  const allowed = imr(['check', '.', '--jobs', '2', '--format', 'json', '--max-size', '200'], d);
  assert.doesNotMatch(allowed.stderr, /skipped/);
  assert.equal(json(allowed).length, 4);
});

test('--max-size must be a positive number of KB', () => {
  const d = dir({ 'a.imr': seed });
  for (const bad of ['0', '-1', 'abc', '1MB', '99999999']) {
    const r = imr(['check', 'a.imr', '--max-size', bad], d);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /--max-size/);
  }
});

test('binary and invalid UTF-8 files get a one-line reason naming the file (and the line of the bad byte), exit 2', () => {
  const latin1 = Buffer.from(seed.replace('licensure: California', `licensure: Californi\u00e9 ${SECRET}`), 'latin1');
  const line = seed.split('\n').findIndex((l) => l.includes('licensure: California')) + 1;
  const column = Buffer.byteLength('  licensure: Californi') + 1;
  const d = dir({ 'zip.imr': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]), 'latin1.imr': latin1 });
  const zip = imr(['check', 'zip.imr'], d);
  assert.equal(zip.status, 2);
  assert.match(zip.stderr, /^imr check: skipped zip\.imr: binary file \(contains NUL bytes\), not a case file$/m);
  const bad = imr(['check', 'latin1.imr'], d);
  assert.equal(bad.status, 2);
  assert.match(
    bad.stderr,
    new RegExp(
      `^imr check: skipped latin1\\.imr: not UTF-8 text \\(the first invalid byte is on line ${line}, byte ${column}\\); save the case file as UTF-8$`,
      'm',
    ),
  );
  assert.ok(!bad.stderr.includes(SECRET));
  const render = imr(['render', 'latin1.imr'], d);
  assert.equal(render.status, 2);
  assert.match(render.stderr, /^imr render: latin1\.imr: not UTF-8 text/m);
});

test('UTF-8 with a byte order mark and UTF-16 (LE or BE) with one are checked exactly like plain UTF-8', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  const d = dir({ 'plain.imr': seed, 'bom.imr': '\ufeff' + seed, 'le.imr': le, 'be.imr': be });
  const reports = ['plain', 'bom', 'le', 'be'].map((n) => {
    const r = imr(['check', `${n}.imr`, '--format', 'json'], d);
    assert.notEqual(r.status, 2, `${n}: ${r.stderr}`);
    return JSON.stringify(json(r)[0].diagnostics);
  });
  assert.ok(JSON.parse(reports[0]).length > 0);
  for (const r of reports.slice(1)) assert.equal(r, reports[0]);
});

test('UTF-16 that is not valid UTF-16 is declined as such', () => {
  // A lone low surrogate (DC00) after the byte order mark.
  const d = dir({ 'broken.imr': Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xdc, 0x62, 0x00]) });
  const r = imr(['check', 'broken.imr'], d);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /skipped broken\.imr: not valid UTF-16LE text; save the case file as UTF-8/);
});

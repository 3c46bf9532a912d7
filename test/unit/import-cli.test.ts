// `imr import`, run in-process through runCli with captured output, and once
// through the built bundle (bin/imr.js) to show that PDF import survives
// bundling. The output files are checked by parsing and rendering them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../cli/src/main';
import { parseCase } from '../../server/src/service/syntax/parser';
import { LanguageService } from '../../server/src/service/languageService';
import { corpusSkip, ROOT, SEED_LETTER, SHARED } from '../helpers/fixtures';

const SEED = SEED_LETTER;
const PDF_DIR = path.join(SHARED, 'corpus', 'pdf');

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function imr(args: string[], cwd = ROOT) {
  const stdout = new Sink();
  const stderr = new Sink();
  const status = await runCli(['import', ...args], { stdout, stderr, env: {}, cwd });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'imr-import-'));
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

test("imr import LETTER writes the case to stdout and the importer's notes to stderr", async () => {
  const r = await imr([SEED]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^-- Imported from the letter imr-final-determination-lumbar-mri\.txt/);
  assert.deepEqual(parseCase(r.stdout).problems, []);
  assert.match(r.stderr, /^imr-final-determination-lumbar-mri\.imr:\d+:\d+: warning import-missing-part: the letter lacks a part; add it from the case file$/m);
  // Where and what kind, never the letter's words: no run of four words of the letter is on stderr.
  const words = (t: string) => t.toLowerCase().match(/[a-z]+/g) ?? [];
  const letter = words(fs.readFileSync(SEED, 'utf8'));
  const runs = new Set(letter.slice(3).map((_, i) => letter.slice(i, i + 4).join(' ')));
  const said = words(r.stderr);
  const quoted = said
    .slice(3)
    .map((_, i) => said.slice(i, i + 4).join(' '))
    .filter((run) => runs.has(run));
  assert.deepEqual(quoted, []);
  const rendered = new LanguageService().renderLetter({ uri: 'file:///seed.imr', version: 1, text: r.stdout }, 'text');
  assert.equal(norm(rendered), norm(fs.readFileSync(SEED, 'utf8')));
});

test('imr import LETTER -o FILE writes the file and will not replace it without --force', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'seed.imr');
  assert.equal((await imr([SEED, '-o', out])).status, 0);
  const first = fs.readFileSync(out, 'utf8');
  assert.deepEqual(parseCase(first).problems, []);
  fs.writeFileSync(out, 'kept');
  const again = await imr([SEED, '-o', out]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already exists; use --force/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'kept');
  assert.equal((await imr([SEED, '-o', out, '--force'])).status, 0);
  assert.equal(fs.readFileSync(out, 'utf8'), first);
});

test('imr import DIR -o OUTDIR imports every letter and sums up what it recognised', { skip: corpusSkip }, async () => {
  const src = tempDir();
  fs.copyFileSync(SEED, path.join(src, 'seed.txt'));
  fs.copyFileSync(path.join(SHARED, 'corpus', 'older-format', '2013-frp-aftercare-partial.txt'), path.join(src, 'older.txt'));
  fs.writeFileSync(path.join(src, 'notes.md'), 'not a letter');
  fs.writeFileSync(path.join(src, 'odd.txt'), 'Nothing here looks like a letter.\n');
  const out = path.join(tempDir(), 'cases');
  const r = await imr([src, '-o', out]);
  assert.equal(r.status, 1, r.stderr); // odd.txt could not be divided into parts
  assert.deepEqual(fs.readdirSync(out).sort(), ['odd.imr', 'older.imr', 'seed.imr']);
  for (const f of fs.readdirSync(out)) assert.deepEqual(parseCase(fs.readFileSync(path.join(out, f), 'utf8')).problems, [], f);
  assert.match(r.stdout, /^seed\.txt -> seed\.imr: current; header 0\/7; 1\/1 item complete; \d+ facts; 1 note: import-missing-part$/m);
  assert.match(r.stdout, /^older\.txt -> older\.imr: notice-2013;/m);
  assert.match(r.stdout, /^Imported 3 letters \(0 PDF\) into .*: 1 current, 1 notice-2013, 1 unknown; 1 of 3 items complete; .*; 1 not divided into parts\.$/m);
});

test('imr import --check imports and checks in one step, with a per-code table; LETTER --check needs -o', async () => {
  const src = tempDir();
  fs.copyFileSync(SEED, path.join(src, 'a.txt'));
  fs.copyFileSync(SEED, path.join(src, 'b.txt'));
  const out = path.join(tempDir(), 'cases');
  const r = await imr([src, '-o', out, '--check']);
  assert.match(r.stdout, /^Imported 2 letters/m);
  // The findings of the checked cases, as imr check prints them, then the table and the summary.
  assert.match(r.stdout, /a\.imr:\d+:\d+ (?:error|warning) contradicts-record /);
  assert.match(r.stdout, /^Findings by code:\n {2}code +errors +warnings +other +files\n/m);
  assert.match(r.stdout, /^ {2}contradicts-record +\d+ +\d+ +\d+ +2$/m);
  assert.match(r.stdout, /^Checked 2 files: /m);
  // The seed's header is missing from the letter, so its imported case has errors.
  assert.equal(r.status, 1, r.stderr);
  const noOut = await imr([SEED, '--check']);
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /--check needs -o FILE/);
});

test('imr import refuses what it cannot read, with exit code 2', async () => {
  const dir = tempDir();
  const fake = path.join(dir, 'fake.pdf');
  fs.writeFileSync(fake, 'plain text named .pdf');
  const bad = await imr([fake]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /fake\.pdf: named \.pdf but not a PDF/);
  const missing = await imr([path.join(dir, 'absent.txt')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file/);
  const noOut = await imr([dir]);
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /needs -o OUTDIR/);
});

test('a letter saved as Windows "Unicode" (UTF-16 with a byte order mark) imports like its UTF-8 copy', async () => {
  const dir = tempDir();
  const text = fs.readFileSync(SEED, 'utf8');
  fs.writeFileSync(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  fs.writeFileSync(path.join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  const utf8 = await imr([SEED]);
  for (const name of ['le.txt', 'be.txt']) {
    const r = await imr([path.join(dir, name)]);
    assert.equal(r.status, utf8.status, r.stderr);
    assert.equal(r.stdout, utf8.stdout.replace(/imr-final-determination-lumbar-mri\.txt/g, name));
  }
});

test('the built imr imports a PDF letter (pdfjs bundled), with nothing but the case on stdout', { skip: corpusSkip }, () => {
  const bin = path.join(ROOT, 'bin', 'imr.js');
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'npm test builds dist/cli.js first');
  const pdf = fs.readdirSync(PDF_DIR).find((f) => f.endsWith('.pdf'))!;
  const r = spawnSync(process.execPath, [bin, 'import', path.join(PDF_DIR, pdf)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^-- Imported from the letter /);
  assert.deepEqual(parseCase(r.stdout).problems, []);
  assert.match(r.stdout, new RegExp(`^case ${pdf.replace(/\.pdf$/, '')}$`, 'm'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { EXAMPLES, ROOT } from '../helpers/fixtures';
import { LETTER_FORMATS } from '../../server/src/service/render/formats';

// These run the bundled CLI (dist/cli.js, made by `npm run build`, which
// `npm test` runs first): the bundle must find pdfkit's fonts without node_modules beside it.
const CLI = path.join(ROOT, 'bin', 'imr.js');
const SEED = path.join(EXAMPLES, 'lumbar-mri-upheld.imr');
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

function imr(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'buffer' });
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'imr-render-'));
}

test('the bundled CLI was built', () => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first (npm test does)');
});

test('imr render writes the text letter to stdout', () => {
  const r = imr(['render', SEED], tmpdir());
  assert.equal(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString('utf8');
  assert.match(out, /^Case Number: CM15-0201234\n/);
  assert.match(out, /\nMRI of the lumbar spine without contrast as a outpatient: Upheld\n/);
});

test('the bundled CLI makes a real PDF, and never overwrites without --force', async () => {
  const dir = tmpdir();
  // Run from an unrelated folder so nothing is found through the working directory.
  const r = imr(['render', SEED, '-o', 'letter.pdf'], dir);
  assert.equal(r.status, 0, r.stderr.toString());
  const bytes = fs.readFileSync(path.join(dir, 'letter.pdf'));
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const pdfjs = await importEsm(path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'));
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const page = await pdf.getPage(1);
  const text = (await page.getTextContent()).items.map((i: { str?: string }) => i.str ?? '').join(' ');
  await pdf.destroy();
  assert.match(text.replace(/\s+/g, ' '), /HOW THE IMR FINAL DETERMINATION WAS MADE/);

  fs.writeFileSync(path.join(dir, 'keep.pdf'), 'signed');
  const again = imr(['render', SEED, '-o', 'keep.pdf'], dir);
  assert.equal(again.status, 2);
  assert.match(again.stderr.toString(), /already exists; use --force/);
  assert.equal(fs.readFileSync(path.join(dir, 'keep.pdf'), 'utf8'), 'signed');
  const forced = imr(['render', SEED, '-o', 'keep.pdf', '--force'], dir);
  assert.equal(forced.status, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'keep.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
});

test('imr render picks the format from the output name and rejects unknown formats', () => {
  const dir = tmpdir();
  assert.equal(imr(['render', SEED, '-o', 'letter.html'], dir).status, 0);
  assert.match(fs.readFileSync(path.join(dir, 'letter.html'), 'utf8'), /^<!DOCTYPE html>/);
  const bad = imr(['render', SEED, '--format', 'docx'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr.toString(), /unknown format 'docx'/);
  assert.equal(imr(['render'], dir).status, 2);
  const missing = imr(['render', 'nope.imr'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr.toString(), /no such file/);
});

test('imr render knows every format of the letter-format registry, by name and by every extension', () => {
  const dir = tmpdir();
  const help = imr(['render', '--help'], dir).stdout.toString('utf8');
  for (const f of LETTER_FORMATS) {
    assert.ok(help.includes(`${f.id}: `) && help.includes(f.description), `--help describes ${f.id}`);
    for (const ext of f.extensions) {
      const out = `letter-${f.id}.${ext.toUpperCase()}`;
      const r = imr(['render', SEED, '-o', out], dir);
      assert.equal(r.status, 0, r.stderr.toString());
      const head = fs.readFileSync(path.join(dir, out)).subarray(0, 15).toString('latin1');
      const expected = { pdf: /^%PDF-/, html: /^<!DOCTYPE html>/, text: /^Case Number: / }[f.id];
      assert.match(head, expected, `.${ext.toUpperCase()} makes ${f.id}`);
    }
    assert.equal(imr(['render', SEED, '--format', f.id, '-o', `named.${f.id}.out`], dir).status, 0);
  }
  assert.match(imr(['render', SEED, '--format', 'docx'], dir).stderr.toString(), new RegExp(`use one of ${LETTER_FORMATS.map((f) => f.id).join(', ')}`));
});

test('imr render refuses a final letter while the case has an error or identifying text, naming each; --allow-draft marks it DRAFT', () => {
  const dir = tmpdir();
  const seed = fs.readFileSync(SEED, 'utf8');
  // A name in the summary: phi is a warning while drafting, and blocks a final letter.
  fs.writeFileSync(path.join(dir, 'named.imr'), seed.replace('The injured worker is', 'Mr. Jones is'));
  const refused = imr(['render', 'named.imr', '-o', 'letter.txt'], dir);
  assert.equal(refused.status, 1, refused.stderr.toString());
  const why = refused.stderr.toString();
  assert.match(why, /not rendered, 1 problem blocks a final letter/);
  assert.match(why, /named\.imr:\d+:\d+: phi: /);
  assert.doesNotMatch(why, /Jones/, 'stderr names the problem, not the case text');
  assert.match(why, /--allow-draft/);
  assert.ok(!fs.existsSync(path.join(dir, 'letter.txt')), 'nothing written');
  assert.equal(refused.stdout.length, 0);

  const draft = imr(['render', 'named.imr', '-o', 'letter.txt', '--allow-draft'], dir);
  assert.equal(draft.status, 0, draft.stderr.toString());
  assert.match(draft.stderr.toString(), /rendered as a DRAFT/);
  const lines = fs.readFileSync(path.join(dir, 'letter.txt'), 'utf8').trimEnd().split('\n');
  assert.match(lines[0], /^DRAFT: not a final determination/);
  assert.match(lines[lines.length - 1], /^DRAFT: not a final determination/);

  // An error blocks as well; a clean case renders final, with no mark.
  fs.writeFileSync(path.join(dir, 'broken.imr'), seed.replace(/^\s+licensure:.*\n/m, ''));
  assert.equal(imr(['render', 'broken.imr'], dir).status, 1);
  const final = imr(['render', SEED], dir);
  assert.equal(final.status, 0);
  assert.doesNotMatch(final.stdout.toString(), /DRAFT/);
});

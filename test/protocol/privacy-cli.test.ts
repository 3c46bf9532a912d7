// The `imr` CLI and the health information it handles: every command runs
// with the network made to throw (test/helpers/noNetwork.cjs, inherited by
// the check workers), writes only the file the user named (nothing in the
// working directory, next to the case, in the home directory or in the temp
// directory), and keeps case text off stderr, which is for notes and errors.
// stdout is the command's output and holds case text by design (the letter,
// the imported case, diagnostics that quote the case).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SEED_LETTER, readExample } from '../helpers/fixtures';
import { networkLog, describeAttempts, type NetworkLog } from '../helpers/networkGuard';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const MARKER = 'Quixotewick';

let top: string;
let net: NetworkLog;
/** Every directory the CLI could write to on its own: its working directory, the cases', the letters', HOME and TMPDIR. */
const dirs = { cwd: '', cases: '', letters: '', home: '', tmp: '' };
let runs = 0;

before(() => {
  top = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-privacy-cli-'));
  for (const k of Object.keys(dirs) as (keyof typeof dirs)[]) {
    dirs[k] = path.join(top, k);
    fs.mkdirSync(dirs[k]);
  }
  const markerCase = readExample('lumbar-mri-upheld.imr')
    .replace(/^  licensure: California\r?\n/m, '')
    .replace('The injured worker is a 55 year old female', `Ms. Zelda ${MARKER} is a 55 year old female`);
  assert.ok(markerCase.includes(MARKER));
  fs.writeFileSync(path.join(dirs.cases, 'marker.imr'), markerCase);
  fs.writeFileSync(path.join(dirs.cases, 'opioids.imr'), readExample('opioids-upheld.imr'));
  const letter = fs.readFileSync(SEED_LETTER, 'utf8').replace(/The injured worker is/, `Ms. Zelda ${MARKER} is`);
  assert.ok(letter.includes(MARKER), 'the letter carries the marker');
  fs.writeFileSync(path.join(dirs.letters, 'letter.txt'), letter);
  net = networkLog(top);
});

after(() => fs.rmSync(top, { recursive: true, force: true }));

type Snapshot = Map<string, string>;

/** Every file under the test's directories with its size and modification time. */
function snapshot(): Snapshot {
  const files: Snapshot = new Map();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (p === net.file) continue;
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        files.set(path.relative(top, p), `${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(top);
  return files;
}

/** Files created, changed or removed between two snapshots. */
function changes(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  for (const [f, s] of b) if (a.get(f) !== s) out.push(f);
  for (const f of a.keys()) if (!b.has(f)) out.push(`${f} (removed)`);
  return out.sort();
}

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
  written: string[];
}

/** Runs `imr ARGS` from dirs.cwd, guarded, with HOME and TMPDIR pointed into the test's directories. */
function imr(...args: string[]): Run {
  const before = snapshot();
  const attemptsBefore = net.attempts().length;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dirs.cwd,
    env: {
      ...process.env,
      ...net.env,
      HOME: dirs.home,
      USERPROFILE: dirs.home,
      TMPDIR: dirs.tmp,
      TMP: dirs.tmp,
      TEMP: dirs.tmp,
      XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
      XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
      NO_COLOR: '1',
    },
    timeout: 60000,
  });
  runs++;
  const run = { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8'), written: changes(before, snapshot()) };
  assert.deepEqual(
    net.attempts().slice(attemptsBefore),
    [],
    `imr ${args.join(' ')} tried to reach the network:\n${describeAttempts(net.attempts().slice(attemptsBefore))}`,
  );
  assert.equal(run.stderr.includes(MARKER), false, `imr ${args.join(' ')}: case text on stderr:\n${run.stderr}`);
  return run;
}

const rel = (...p: string[]) => path.join(...p);

test('imr check (text, JSON, SARIF to a file, worker threads) reports, and writes only the report it was told to', () => {
  const text = imr('check', path.join(dirs.cases, 'marker.imr'));
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout.toString(), /missing-field/);
  assert.deepEqual(text.written, []);

  const json = imr('check', '--format', 'json', dirs.cases);
  assert.equal(JSON.parse(json.stdout.toString()).length, 2, 'both cases checked');
  assert.deepEqual(json.written, []);

  const sarif = imr('check', '--format', 'sarif', '-o', 'report.sarif', path.join(dirs.cases, 'marker.imr'));
  assert.equal(sarif.status, 1, sarif.stderr);
  assert.deepEqual(sarif.written, [rel('cwd', 'report.sarif')]);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dirs.cwd, 'report.sarif'), 'utf8')).version, '2.1.0');

  const workers = imr('check', '--jobs', '2', dirs.cases);
  assert.equal(workers.status, 1, workers.stderr);
  assert.deepEqual(workers.written, []);
  assert.ok(
    net.loads().some((l) => l.thread !== 0),
    'the guard also loaded in the check worker threads',
  );
});

test('imr render writes the letter to stdout, or to the one file named, as text, HTML and PDF', () => {
  // The case has an error and a name: no final letter, and the refusal names each problem by place and rule, never by its text.
  const stopped = imr('render', path.join(dirs.cases, 'marker.imr'), '-o', 'stopped.txt');
  assert.equal(stopped.status, 1, stopped.stderr);
  assert.match(stopped.stderr, /marker\.imr:\d+:\d+: phi: /);
  assert.deepEqual(stopped.written, []);

  const text = imr('render', path.join(dirs.cases, 'marker.imr'), '--allow-draft');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout.toString(), /CLINICAL CASE SUMMARY/);
  assert.match(text.stderr, /rendered as a DRAFT \(\d+ problems? blocks? a final letter/, 'the note names the file and a count, not the case');
  assert.deepEqual(text.written, []);

  const html = imr('render', path.join(dirs.cases, 'marker.imr'), '-f', 'html', '-o', 'letter.html', '--allow-draft');
  assert.equal(html.status, 0, html.stderr);
  assert.deepEqual(html.written, [rel('cwd', 'letter.html')]);
  // Opened in a browser, the letter must load nothing (a remote image or style would tell a server it was read).
  const page = fs.readFileSync(path.join(dirs.cwd, 'letter.html'), 'utf8');
  assert.match(page, /CLINICAL CASE SUMMARY/);
  assert.doesNotMatch(page, /\b(?:src|href|action|srcset)\s*=\s*["']?\s*(?:[a-z][\w+.-]*:)?\/\/|@import|url\(\s*["']?\s*(?:[a-z][\w+.-]*:)?\/\//i);

  const pdf = imr('render', path.join(dirs.cases, 'marker.imr'), '-o', path.join(dirs.letters, 'rendered.pdf'), '--allow-draft');
  assert.equal(pdf.status, 0, pdf.stderr);
  assert.deepEqual(pdf.written, [rel('letters', 'rendered.pdf')], 'pdfkit writes no temporary files');
  assert.equal(fs.readFileSync(path.join(dirs.letters, 'rendered.pdf')).subarray(0, 5).toString(), '%PDF-');

  const refused = imr('render', path.join(dirs.cases, 'marker.imr'), '-o', 'letter.html', '--allow-draft');
  assert.equal(refused.status, 2);
  assert.deepEqual(refused.written, [], 'an existing letter is not replaced without --force');
});

test('imr import reads text and PDF letters and writes only the case files asked for', () => {
  const txt = imr('import', path.join(dirs.letters, 'letter.txt'), '-o', 'imported.imr');
  assert.ok(txt.status === 0 || txt.status === 1, txt.stderr);
  assert.deepEqual(txt.written, [rel('cwd', 'imported.imr')]);
  assert.ok(fs.readFileSync(path.join(dirs.cwd, 'imported.imr'), 'utf8').includes(MARKER), "the case keeps the letter's words");

  const pdf = imr('import', path.join(dirs.letters, 'rendered.pdf'));
  assert.ok(pdf.status === 0 || pdf.status === 1, pdf.stderr);
  assert.match(pdf.stdout.toString(), /^case CM15-0201234$/m, 'the PDF (read by pdfjs with fetch made to throw) was imported');
  assert.deepEqual(pdf.written, []);

  const all = imr('import', dirs.letters, '-o', 'cases-out', '--quiet');
  assert.deepEqual(all.written, [rel('cwd', 'cases-out', 'letter.imr'), rel('cwd', 'cases-out', 'rendered.imr')]);
});

test('a letter pdfjs cannot read is refused in plain words, not with what pdfjs choked on', () => {
  fs.writeFileSync(path.join(dirs.letters, 'damaged.pdf'), `%PDF-1.7\n1 0 obj << /Title (${MARKER}) >> endobj\n${MARKER} stream garbage\n%%EOF\n`);
  const r = imr('import', path.join(dirs.letters, 'damaged.pdf'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /damaged\.pdf: The file is not a readable PDF\./);
  assert.deepEqual(r.written, []);
});

test('no command made a network attempt, and the guard was loaded in every one', () => {
  assert.deepEqual(net.attempts(), [], describeAttempts(net.attempts()));
  const mainThreads = new Set(
    net
      .loads()
      .filter((l) => l.thread === 0)
      .map((l) => l.pid),
  );
  assert.equal(mainThreads.size, runs, 'one guarded process per run');
  assert.ok(runs >= 12, `${runs} runs: every command above ran`);
});

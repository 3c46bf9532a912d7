// Exports are written only where the user chose. Every place in our sources
// that can write a file is listed here with the choice it writes to; a new one
// fails this test until it is added with its reason. (The CLI's writes are also
// run and checked in test/protocol/privacy-cli.test.ts; the editor's export by
// the extension-host suite.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/fixtures';

/** A write through fs (or fs.promises, or VS Code's workspace.fs), a destructured sync/stream write, or the temp directory. */
const FS_WRITE =
  'writeFile|appendFile|createWriteStream|mkdir|mkdtemp|copyFile|cp|rename|symlink|link|truncate|rm|rmdir|unlink|open|write|writev|createDirectory|copy|delete';
const WRITES = new RegExp(
  `\\b(?:fs|fsp|promises)\\.(?:${FS_WRITE})(?:Sync)?\\s*\\(|(?<![.\\w])(?:writeFileSync|appendFileSync|mkdirSync|mkdtempSync|copyFileSync|cpSync|renameSync|rmSync|unlinkSync|openSync|createWriteStream)\\s*\\(|\\btmpdir\\s*\\(`,
);

const ALLOWED: { file: string; call: RegExp; why: string }[] = [
  {
    file: 'client/src/export.ts',
    call: /vscode\.workspace\.fs\.writeFile\(target, bytes\)/,
    why: 'IMR: Export Letter… writes to the file picked in the save dialog (which asks before replacing), nothing else',
  },
  {
    file: 'cli/src/commands/render.ts',
    call: /fs\.writeFileSync\(target, content/,
    why: 'imr render -o OUT: the file named by -o, not replaced without --force',
  },
  {
    file: 'cli/src/commands/check.ts',
    call: /fs\.writeFileSync\(path\.resolve\(io\.cwd, output\), report/,
    why: 'imr check -o FILE: the report file named by -o',
  },
  {
    file: 'cli/src/commands/import.ts',
    call: /fs\.writeFileSync\(target, text/,
    why: 'imr import -o: the case file named, or one CASE.imr per letter in the output directory named',
  },
  {
    file: 'server/src/adapters/criteriaFolder.ts',
    call: /fs\.promises\.open\(real, fs\.constants\.O_RDONLY \| \(fs\.constants\.O_NONBLOCK \?\? 0\)\)/,
    why: 'opens a criteria file read-only (never created or written), so its size is checked on the handle it is read from',
  },
  {
    file: 'cli/src/commands/import.ts',
    call: /fs\.mkdirSync\(outDir, \{ recursive: true \}\)/,
    why: 'imr import DIR -o OUTDIR creates the output directory named',
  },
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

test('every file write in the extension, the server and the CLI goes where the user chose', () => {
  const found: string[] = [];
  for (const root of ['client/src', 'server/src', 'cli/src']) {
    for (const file of sources(path.join(ROOT, root))) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line) || !WRITES.test(line)) return;
          if (!ALLOWED.some((a) => a.file === rel && a.call.test(line))) found.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  assert.deepEqual(found, [], 'a new place that writes files: make it write only where the user chose, and list it in ALLOWED');
});

test('every listed write still exists (the list describes the code)', () => {
  for (const a of ALLOWED) assert.match(fs.readFileSync(path.join(ROOT, a.file), 'utf8'), a.call, `${a.file}: ${a.why}`);
});

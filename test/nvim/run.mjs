// Runs the Neovim client test (installing Debian's neovim when missing) and
// prints `N passed, N failed` last. Builds dist/ first unless given --no-build
// (test/vscode/run.mjs, which has just built, passes it).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebPackages } from '../vscode/runtime.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
let summary = { passed: 0, failed: 1 };
try {
  if (!process.argv.includes('--no-build')) execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: `npm run build` makes it');
  ensureDebPackages(['neovim']);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', join(HERE, 'nvim.test.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(r.stdout);
  const count = (what) => Number(new RegExp(`ℹ ${what} (\\d+)`).exec(r.stdout)?.[1] ?? NaN);
  const passed = count('pass');
  const failed = count('fail');
  summary = Number.isNaN(passed) || Number.isNaN(failed) ? { passed: 0, failed: 1 } : { passed, failed: failed + (r.status !== 0 && failed === 0 ? 1 : 0) };
} catch (err) {
  console.error(`Neovim test could not run: ${err instanceof Error ? err.message : err}`);
}
console.log(`Neovim: ${summary.passed} passed, ${summary.failed} failed`);
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.failed > 0 ? 1 : 0);

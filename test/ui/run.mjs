// The UI walk-through: a person's session in the VS Code server of
// code-server, driven through headless Chromium with Playwright. It installs
// the packaged .vsix with `--install-extension` into a fresh
// extensions folder, opens a workspace of the examples, and walks through
// test/ui/walkthrough.mjs, saving a screenshot after each step into a folder it
// prints. Prints `N passed, N failed` last. It runs `npm run package` first,
// so the .vsix tested is the one users get.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CODE_SERVER_BIN, ROOT, ensureCodeServer } from '../vscode/runtime.mjs';
import { CHROMIUM_ARGS, startCodeServer } from '../vscode/launcher/codeServer.mjs';
import { STEPS } from './walkthrough.mjs';

const RUNTIME = join(ROOT, 'test', 'ui', '.runtime');
const shots = join(RUNTIME, 'screenshots', new Date().toISOString().replace(/[:.]/g, '-'));
let passed = 0;
let failed = 0;
let server;
let browser;
const base = mkdtempSync(join(tmpdir(), 'imr-ui-'));

try {
  ensureCodeServer();
  mkdirSync(shots, { recursive: true });
  const vsix = packagedExtension();
  const extensionsDir = join(base, 'extensions');
  const userDataDir = join(base, 'user-data');
  // Installed as a user would: the packaged .vsix, by code-server's own CLI.
  // (XDG_CONFIG_HOME keeps code-server from writing a config file into the home folder.)
  execFileSync(process.execPath, [CODE_SERVER_BIN, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], {
    stdio: 'inherit',
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: join(base, 'config') },
  });

  const workspace = join(base, 'workspace');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'examples'))) cpSync(join(ROOT, 'examples', name), join(workspace, name), { recursive: true });
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify(
      { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'editor.wordBasedSuggestions': 'off', 'files.autoSave': 'off' },
      null,
      2,
    ),
  );

  // The user's settings: no welcome page or walkthrough over the editor.
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      { 'workbench.startupEditor': 'none', 'workbench.welcomePage.walkthroughs.openOnInstall': false, 'telemetry.telemetryLevel': 'off' },
      null,
      2,
    ),
  );
  // Dialogs on: the walk-through answers the export's modal question as a person does.
  server = await startCodeServer({ userDataDir, serverDataDir: join(base, 'server-data'), extensionsDir, dialogs: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);

  // `shot(name)`: a picture a step takes of what it shows at that moment (the README's pictures are two of them).
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) }).catch(() => {});
  const ctx = { page, workspace, state: {}, shot };
  let broken = false;
  for (const [i, step] of STEPS.entries()) {
    const name = `${String(i + 1).padStart(2, '0')}-${step.id}`;
    if (broken) {
      failed++;
      console.log(`  ✖ ${step.title} (not reached)`);
      continue;
    }
    try {
      await step.run(ctx);
      passed++;
      console.log(`  ✔ ${step.title}`);
    } catch (err) {
      failed++;
      broken = !step.observes; // later steps build on this one, unless it only looked
      console.log(`  ✖ ${step.title}\n      ${err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n      ') : err}`);
    }
    await page.screenshot({ path: join(shots, `${name}.png`) }).catch(() => {});
  }
  console.log(`Screenshots: ${shots}`);
} catch (err) {
  failed = Math.max(failed, 1);
  console.error(`The walk-through could not run: ${err instanceof Error ? err.stack : err}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** The .vsix users get: `npm run package` (unless --no-package, then the last one made). */
function packagedExtension() {
  if (!process.argv.includes('--no-package')) {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
  }
  const vsix = join(ROOT, 'dist', 'imr-author.vsix');
  if (!existsSync(vsix)) throw new Error('dist/imr-author.vsix is missing: `npm run package` makes it');
  return vsix;
}

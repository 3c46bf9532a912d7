#!/usr/bin/env node
// A stand-in for the `code` executable that @vscode/test-electron's runTests()
// spawns (vscodeExecutablePath). Desktop VS Code cannot be downloaded on every
// machine, so this runs the same extension tests in the VS Code server of
// code-server: it starts server-main.js, opens the workbench in headless
// Chromium with the extension-development and tests paths in the URL payload
// (the mechanism @vscode/test-web uses), forwards the test output, and exits
// with the code the workbench reports through codeAutomationExit.
//
// Understood arguments (the ones runTests passes): --extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir=, and one folder to
// open. Electron-only flags (--no-sandbox, --disable-updates, ...) are ignored.
// IMR_TEST_WORKSPACE_TRUST=1 leaves workspace trust on (runTests always asks
// for it off), so the folder opens in Restricted Mode.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { CHROMIUM } from '../runtime.mjs';
import { CHROMIUM_ARGS, startCodeServer } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.IMR_LAUNCHER_TIMEOUT_MS || 10 * 60 * 1000);

function parseArgs(argv) {
  const opts = { devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') ? [a.slice(2).split('=')[0], a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined] : [undefined, undefined];
    const value = () => inline ?? argv[++i];
    if (name === 'extensionDevelopmentPath') opts.devPaths.push(resolve(value()));
    else if (name === 'extensionTestsPath') opts.testsPath = resolve(value());
    else if (name === 'user-data-dir') opts.userDataDir = resolve(value());
    else if (name === 'extensions-dir') opts.extensionsDir = resolve(value());
    else if (!name) opts.folder = resolve(a);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.testsPath || opts.devPaths.length === 0) {
  console.error('launcher: expected --extensionDevelopmentPath and --extensionTestsPath');
  process.exit(2);
}
const base = opts.userDataDir ?? join(process.cwd(), '.vscode-test', 'user-data');
const serverDataDir = join(base, 'server-data');
const extensionsDir = opts.extensionsDir ?? join(base, 'extensions');
mkdirSync(base, { recursive: true });

const verbose = process.env.IMR_LAUNCHER_VERBOSE === '1';
const server = await startCodeServer({
  userDataDir: join(base, 'user'),
  serverDataDir,
  extensionsDir,
  workspaceTrust: process.env.IMR_TEST_WORKSPACE_TRUST === '1',
  log: (line) => {
    if (verbose) console.error(`[server] ${line}`);
  },
});

let browser;
let exitCode = 1;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let resolveExit;
  const done = new Promise((res, reject) => {
    resolveExit = res;
    page.on('crash', () => reject(new Error('the workbench page crashed')));
    setTimeout(() => reject(new Error(`no result from the workbench after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref();
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The workbench forwards console calls as (format string, ...values).
    const line = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  if (verbose) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [...opts.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(opts.testsPath)]];
  const url = new URL(server.origin);
  if (opts.folder) url.searchParams.set('folder', opts.folder);
  url.searchParams.set('payload', JSON.stringify(payload));
  await page.goto(url.toString());
  exitCode = await done;
} catch (err) {
  console.error(`launcher: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
}
process.exit(exitCode);

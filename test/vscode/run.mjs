// Runs the extension-host suite (test/vscode/suite) with @vscode/test-electron's
// runTests, then its restricted-mode suite in a folder VS Code does not trust
// (code-server only), then the Neovim client test, and prints
// `N passed, N failed` last.
//
// Which editor:
//   IMR_TEST_EDITOR=code-server, or --code-server: the VS Code server of
//     code-server, through our launcher (test/vscode/launcher/code.mjs);
//   IMR_TEST_EDITOR=desktop, or --desktop: desktop VS Code, downloaded by
//     runTests as usual (needs internet, and a display or xvfb-run);
//   otherwise desktop when it can be downloaded, else code-server.
// It first builds dist/ (npm run build) and compiles the suite (tsc -p
// test/vscode), unless given --no-build, so a build failure still ends in the
// summary line.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, ensureCodeServer } from './runtime.mjs';

const args = process.argv.slice(2);
const requested = args.includes('--code-server') ? 'code-server' : args.includes('--desktop') ? 'desktop' : process.env.IMR_TEST_EDITOR || 'auto';
const skipNvim = args.includes('--no-nvim');
const LAUNCHER = join(ROOT, 'test', 'vscode', 'launcher', 'code.mjs');
// IMR_EXTENSION_DIR runs the suite against another copy of the extension (its
// package.json, dist/, media/ and out/vscode-test/), e.g. one with a
// deliberately broken dist/server.js, to see the suite fail.
const EXTENSION = process.env.IMR_EXTENSION_DIR ? resolve(process.env.IMR_EXTENSION_DIR) : ROOT;
const TESTS = join(EXTENSION, 'out', 'vscode-test', 'suite', 'index.js');

try {
  if (!args.includes('--no-build')) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'test', 'vscode')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  for (const f of [join(EXTENSION, 'dist', 'client.js'), join(EXTENSION, 'dist', 'server.js'), TESTS]) {
    if (!existsSync(f)) throw new Error(`${f} is missing`);
  }
} catch (err) {
  console.error(`Could not build the extension or compile the suite: ${err instanceof Error ? err.message : err}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** A throwaway workspace: the examples and the test fixtures, with settings that keep the welcome page away. */
function makeWorkspace(base) {
  const ws = join(base, 'workspace');
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  for (const dir of [join(ROOT, 'examples'), join(ROOT, 'test', 'vscode', 'fixtures')]) {
    for (const name of readdirSync(dir)) cpSync(join(dir, name), join(ws, name), { recursive: true });
  }
  writeFileSync(
    join(ws, '.vscode', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'files.autoSave': 'off', 'editor.wordBasedSuggestions': 'off' }, null, 2),
  );
  return ws;
}

async function chooseExecutable() {
  if (requested === 'code-server') return { kind: 'code-server', path: await prepareLauncher() };
  try {
    return { kind: 'desktop', path: await downloadAndUnzipVSCode() };
  } catch (err) {
    if (requested === 'desktop') throw err;
    console.log(`Desktop VS Code is not available (${err instanceof Error ? err.message.split('\n')[0] : err}); using the VS Code server of code-server.`);
    return { kind: 'code-server', path: await prepareLauncher() };
  }
}

async function prepareLauncher() {
  ensureCodeServer();
  chmodSync(LAUNCHER, 0o755); // runTests spawns it directly, as it would spawn `code`
  return LAUNCHER;
}

/**
 * The restricted-mode workspace: a folder VS Code does not trust, whose own
 * settings turn a rule off and whose .imr/criteria defines a section. The
 * restricted suite checks that neither counts.
 */
function makeRestrictedWorkspace(base) {
  const ws = makeWorkspace(base);
  const settings = JSON.parse(readFileSync(join(ws, '.vscode', 'settings.json'), 'utf8'));
  writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ ...settings, 'imr.rules.unused-label': 'off' }, null, 2));
  mkdirSync(join(ws, '.imr', 'criteria'), { recursive: true });
  const section = {
    id: 'my-scan',
    title: 'A scan',
    source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
    match: [['scan']],
    criteria: [{ id: 'SCAN-01', text: 'The scan is needed.', sourceNote: 'n' }],
  };
  writeFileSync(join(ws, '.imr', 'criteria', 'my-scan.json'), JSON.stringify({ sections: [section] }, null, 2));
  return ws;
}

async function runExtensionHost({ restricted = false } = {}) {
  const base = mkdtempSync(join(tmpdir(), 'imr-vscode-'));
  const results = join(base, 'results.json');
  let counts = { passed: 0, failed: 0, failures: [] };
  try {
    const exe = await chooseExecutable();
    if (restricted && exe.kind !== 'code-server') {
      // runTests always starts desktop VS Code with --disable-workspace-trust.
      console.log('Restricted Mode tests need the code-server launcher (desktop VS Code is started with workspace trust off): not run; use --code-server.');
      return counts;
    }
    console.log(
      `Extension-host tests${restricted ? ' in Restricted Mode (an untrusted folder)' : ''} in ${exe.kind === 'desktop' ? 'desktop VS Code' : 'code-server (VS Code server)'}`,
    );
    const workspace = restricted ? makeRestrictedWorkspace(base) : makeWorkspace(base);
    await runTests({
      vscodeExecutablePath: exe.path,
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: TESTS,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(base, 'user-data')}`, `--extensions-dir=${join(base, 'extensions')}`],
      extensionTestsEnv: { IMR_TEST_HOOKS: '1', IMR_TEST_RESULTS: results, ...(restricted ? { IMR_TEST_RESTRICTED: '1', IMR_TEST_WORKSPACE_TRUST: '1' } : {}) },
    }).catch((err) => console.error(`VS Code reported: ${err instanceof Error ? err.message : err}`));
    if (existsSync(results)) counts = JSON.parse(readFileSync(results, 'utf8'));
    else counts.failed = Math.max(1, counts.failed); // the suite never finished
  } catch (err) {
    console.error(`Could not run the extension-host tests: ${err instanceof Error ? err.stack : err}`);
    counts.failed = Math.max(1, counts.failed);
  } finally {
    if (!process.env.IMR_KEEP_TEST_DIR) rmSync(base, { recursive: true, force: true });
  }
  for (const f of counts.failures ?? []) console.log(`  failed: ${f}`);
  console.log(`Extension host${restricted ? ' (Restricted Mode)' : ''}: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
}

function runNvim() {
  const r = spawnSync(process.execPath, [join(ROOT, 'test', 'nvim', 'run.mjs'), '--no-build'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(r.stdout ?? '');
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 1 };
}

const host = await runExtensionHost();
const restrictedHost = await runExtensionHost({ restricted: true });
const nvim = skipNvim ? { passed: 0, failed: 0 } : runNvim();
const passed = host.passed + restrictedHost.passed + nvim.passed;
const failed = host.failed + restrictedHost.failed + nvim.failed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

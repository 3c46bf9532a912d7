// Installs and locates what the real-editor tests need, outside the
// extension's own dependencies:
//  - Debian packages (chromium to drive the workbench, ripgrep for code-server's
//    install, neovim for the second LSP client, headers for native modules),
//    installed with apt-get only when missing;
//  - code-server@4.100.3 (VS Code 1.100.3's server, the newest on Node 20) in
//    test/vscode/.runtime/ with its own package.json, so a second run reuses it.
// Used by test/vscode/run.mjs, test/ui/run.mjs and test/nvim/run.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RUNTIME = join(ROOT, 'test', 'vscode', '.runtime');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = join(RUNTIME, 'node_modules', 'code-server');
export const SERVER_MAIN = join(CODE_SERVER_DIR, 'lib', 'vscode', 'out', 'server-main.js');
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.IMR_CHROMIUM || '/usr/bin/chromium';

function log(msg) {
  console.log(`[runtime] ${msg}`);
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function hasDebPackage(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** apt-get install the packages that are missing; needs root (CI runs as root). */
export function ensureDebPackages(pkgs) {
  if (!hasCommand('dpkg-query')) {
    log(`not a Debian system: make sure these are installed: ${pkgs.join(' ')}`);
    return;
  }
  const missing = pkgs.filter((p) => !hasDebPackage(p));
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages (install them as root): apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache
 * (a folder under os.tmpdir()) already holds the tarball; Debian's rg fills it.
 */
function seedRipgrepCache() {
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg']);
}

/** Install code-server into test/vscode/.runtime unless it is already there. */
export function ensureCodeServer() {
  ensureDebPackages(['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'pkg-config', 'ripgrep', 'chromium', 'python3', 'make', 'g++']);
  const pkgJson = join(CODE_SERVER_DIR, 'package.json');
  if (existsSync(SERVER_MAIN) && existsSync(pkgJson) && JSON.parse(readFileSync(pkgJson, 'utf8')).version === CODE_SERVER_VERSION) {
    return;
  }
  mkdirSync(RUNTIME, { recursive: true });
  const own = join(RUNTIME, 'package.json');
  if (!existsSync(own)) {
    writeFileSync(
      own,
      JSON.stringify(
        { name: 'imr-author-test-runtime', private: true, description: 'code-server for the real-editor tests; not an extension dependency' },
        null,
        2,
      ) + '\n',
    );
  }
  seedRipgrepCache();
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${RUNTIME} (about a minute)`);
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--save-exact', `code-server@${CODE_SERVER_VERSION}`], { cwd: RUNTIME, stdio: 'inherit', env });
  if (!existsSync(SERVER_MAIN)) throw new Error(`code-server installed but ${SERVER_MAIN} is missing`);
}

// `node test/vscode/runtime.mjs` installs everything up front (e.g. in CI).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer();
  ensureDebPackages(['neovim']);
  log('ready');
}

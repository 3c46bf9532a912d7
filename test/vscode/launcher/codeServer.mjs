// Starts the VS Code server inside code-server (server-main.js) on a free
// loopback port and stops it again. Shared by the extension-host launcher
// (./code.mjs) and the UI walk-through (test/ui/run.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { SERVER_MAIN } from '../runtime.mjs';

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ userDataDir: string, serverDataDir: string, extensionsDir: string, workspaceTrust?: boolean, dialogs?: boolean, env?: NodeJS.ProcessEnv, log?: (line: string) => void }} opts
 *   workspaceTrust: leave VS Code's workspace trust on, so a folder opens in
 *   Restricted Mode (the restricted-mode pass of test/vscode/run.mjs).
 *   dialogs: let modal dialogs show. The extension-host suites run with the
 *   smoke-test driver, under which the workbench refuses every dialog (a modal
 *   left open would hang a suite; those tests answer the question in the API);
 *   the UI walk-through must see the question a person sees, so it passes true.
 * @returns {Promise<{ port: number, origin: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(opts) {
  for (const d of [opts.userDataDir, opts.serverDataDir, opts.extensionsDir]) mkdirSync(d, { recursive: true });
  const port = await freePort();
  const args = [
    SERVER_MAIN,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(opts.dialogs ? [] : ['--enable-smoke-test-driver']),
    '--disable-telemetry',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    opts.userDataDir,
    '--server-data-dir',
    opts.serverDataDir,
    '--extensions-dir',
    opts.extensionsDir,
  ];
  // An empty gallery: the editor never asks a marketplace about extensions.
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', ...opts.env };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = opts.log ?? (() => {});
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );

  await new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      const s = d.toString();
      for (const line of s.split('\n')) if (line.trim()) log(line);
      out += s;
      if (out.includes('listening on')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`VS Code server exited with ${code} before listening`)));
  });

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 5000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/**
 * Chromium flags: headless, no network services of its own, and every host
 * name but the loopback server resolves to nothing, so no page can reach out.
 */
export const CHROMIUM_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

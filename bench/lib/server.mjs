// The language server as the editor sees it: dist/server.js over stdio,
// spoken to with vscode-jsonrpc (the protocol layer vscode-languageclient
// uses). Measures didChange -> publishDiagnostics latency while typing, and
// the server process's resident memory from /proc/<pid>/status.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { summarize, round } from './stats.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

// The synthetic 2,000- and 20,000-line cases are over the default size limit
// (64 KB): raise it to its maximum so the server analyses them (typingLatency
// refuses to measure a case answered with file-too-large).
const SETTINGS = { imr: { limits: { maxFileSize: 65536 } } };

/**
 * The Node flags VS Code's client starts the server with (client/src/extension.ts), so the server measured here is
 * the one an author runs; none for a tree that has no such file (an older build).
 */
export function editorNodeArgs(root) {
  const file = path.join(root, 'client', 'src', 'serverExecArgv.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
}

/** `nodeArgs` lets a profiling run pass e.g. --cpu-prof to the server process. */
export async function startServer(root, nodeArgs = [], env = {}) {
  const proc = spawn(process.execPath, [...editorNodeArgs(root), ...nodeArgs, path.join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const listeners = new Set();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    for (const l of listeners) l(p, at);
  });
  // Answer the server's own requests (configuration, registration) so it never waits on us.
  conn.onRequest((method) => (method === 'workspace/configuration' ? [SETTINGS.imr] : null));
  conn.onNotification(() => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  conn.sendNotification('initialized', {});
  conn.sendNotification('workspace/didChangeConfiguration', { settings: SETTINGS });
  return {
    proc,
    conn,
    onDiagnostics(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), sleep(2000)]);
        conn.sendNotification('exit');
      } catch {}
      await Promise.race([new Promise((r) => proc.once('exit', r)), sleep(2000)]);
      if (proc.exitCode === null) proc.kill();
      conn.dispose();
    },
  };
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resident set size of a process in MB, from the kernel's own accounting. */
export function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? round(Number(m[1]) / 1024, 1) : NaN;
}

function waitForVersion(server, uri, version, timeoutMs = 10000) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(null);
    }, timeoutMs);
    const off = server.onDiagnostics((p, at) => {
      if (p.uri === uri && (p.version === undefined || p.version >= version)) {
        clearTimeout(timer);
        off();
        resolve(at);
      }
    });
  });
}

/**
 * Types `edits` characters one at a time, one every `intervalMs` (a fast
 * typist is ~100 ms a key; shorter intervals load the server harder), into
 * the middle of the summary. Latency of keystroke v is the time from sending
 * it to the first diagnostics for version v or later: what the author sees,
 * debouncing included.
 */
export async function typingLatency(server, text, { edits = 500, intervalMs = 20, uri = 'file:///bench/typing.imr' } = {}) {
  const lines = text.split('\n');
  const summaryStart = lines.findIndex((l) => l.startsWith('summary'));
  const line = summaryStart + Math.max(1, Math.floor(lines.slice(summaryStart).findIndex((l, i) => i > 0 && !l.startsWith('  ')) / 2));
  let character = lines[line].length;
  let version = 1;
  let declined = false;
  const watchOpen = server.onDiagnostics((p) => {
    if (p.uri === uri && p.diagnostics.some((d) => d.code === 'file-too-large' || d.code === 'binary-file')) declined = true;
  });
  const opened = waitForVersion(server, uri, 1);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version, text } });
  await opened;
  watchOpen();
  if (declined) throw new Error('the server declined the benchmark case, so its typing latency would measure the refusal');
  const typed = ' and the injured worker reported increased pain after lifting boxes at work';
  const sentAt = new Map();
  const latencies = new Array(edits).fill(null);
  let nextUnanswered = 2;
  const off = server.onDiagnostics((p, at) => {
    if (p.uri !== uri) return;
    const v = p.version ?? version;
    for (; nextUnanswered <= v && nextUnanswered <= edits + 1; nextUnanswered++) {
      latencies[nextUnanswered - 2] = at - sentAt.get(nextUnanswered);
    }
  });
  const start = performance.now();
  for (let i = 0; i < edits; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    version++;
    const ch = typed[i % typed.length];
    sentAt.set(version, performance.now());
    server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    character++;
  }
  await waitForVersion(server, uri, version);
  off();
  server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const answered = latencies.filter((x) => x !== null);
  return { edits, intervalMs, ...summarize(answered), unanswered: edits - answered.length };
}

/** RSS at rest, with `cases` open (all diagnosed), and again after closing them all. */
/** Heap figures (MB) after a forced collection, when the server runs with gc-on-signal.cjs and $IMR_BENCH_MEMFILE. */
async function heapAfterGc(server, memFile) {
  if (!memFile) return undefined;
  fs.rmSync(memFile, { force: true });
  server.proc.kill('SIGUSR2');
  for (let i = 0; i < 50 && !fs.existsSync(memFile); i++) await sleep(100);
  if (!fs.existsSync(memFile)) return undefined;
  const m = JSON.parse(fs.readFileSync(memFile, 'utf8'));
  return {
    heapUsedMb: round(m.heapUsed / 1048576, 1),
    heapTotalMb: round(m.heapTotal / 1048576, 1),
    externalMb: round(m.external / 1048576, 1),
    rssMb: round(m.rss / 1048576, 1),
  };
}

export async function memoryProfile(server, cases, memFile) {
  // The baseline is a server that has checked one case (term tables compiled, code warmed up), at rest.
  const warm = 'file:///bench/warm-up.imr';
  const warmed = waitForVersion(server, warm, 1, 30000);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: warm, languageId: 'imr', version: 1, text: cases[0] } });
  await warmed;
  const warmClosed = waitForVersion(server, warm, 0, 30000);
  server.conn.sendNotification('textDocument/didClose', { textDocument: { uri: warm } });
  await warmClosed;
  await sleep(1000);
  const baseline = rssMb(server.proc.pid);
  const baselineHeap = await heapAfterGc(server, memFile);
  const uris = cases.map((_, i) => `file:///bench/open-${i}.imr`);
  const diagnosed = uris.map((u) => waitForVersion(server, u, 1, 30000));
  cases.forEach((text, i) => server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uris[i], languageId: 'imr', version: 1, text } }));
  await Promise.all(diagnosed);
  await sleep(500);
  const open = rssMb(server.proc.pid);
  const openHeap = await heapAfterGc(server, memFile);
  const cleared = uris.map((u) => waitForVersion(server, u, 0, 30000));
  for (const uri of uris) server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await Promise.all(cleared);
  // Give V8 time to collect what the closed documents held, as an idle editor would.
  const samples = [];
  for (let i = 0; i < 10; i++) {
    await sleep(1000);
    samples.push(rssMb(server.proc.pid));
  }
  const closed = samples[samples.length - 1];
  const closedHeap = await heapAfterGc(server, memFile);
  const afterGc = rssMb(server.proc.pid);
  return {
    cases: cases.length,
    baselineMb: baseline,
    openMb: open,
    closedMb: closed,
    closedAfterGcMb: afterGc,
    closedSamplesMb: samples,
    heapAfterGc: { baseline: baselineHeap, open: openHeap, closed: closedHeap },
  };
}

// The bundled language server over stdio, watched: every message it sends
// that ends up in an editor's log or on screen (window/logMessage,
// window/showMessage(Request), telemetry/event, $/logTrace) and everything it
// writes to stderr (editors show that in the output channel too) is kept, so a
// test can search them for case text. Optionally runs with the no-network
// guard preloaded.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from './fixtures';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: { code: string; message: string; range: any; source?: string; data?: unknown }[];
}

export interface Said {
  method: string;
  params: unknown;
}

export class WatchedServer {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  /** What the server said that an editor logs or shows. */
  readonly said: Said[] = [];
  stderr = '';
  readonly published = new Map<string, Published>();
  private waiters: { uri: string; pred: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(opts: { env?: Record<string, string>; settings?: unknown } = {}) {
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString('utf8')));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    for (const method of ['window/logMessage', 'window/showMessage', 'telemetry/event', '$/logTrace']) {
      this.connection.onNotification(method, (params: unknown) => this.said.push({ method, params }));
    }
    this.connection.onRequest('window/showMessageRequest', (params: unknown) => {
      this.said.push({ method: 'window/showMessageRequest', params });
      return null;
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => (w.uri === p.uri && w.pred(p) ? (w.resolve(p), false) : true));
    });
    const settings = opts.settings ?? {};
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  request<T = any>(method: string, params?: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Writes a raw JSON-RPC frame, for messages the typed connection cannot send (malformed ones). */
  writeRaw(body: string): void {
    this.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  diagnostics(uri: string, pred: (p: Published) => boolean = () => true, timeoutMs = 15000): Promise<Published> {
    const have = this.published.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Everything an editor would log or show from this server, as one text to search. */
  logText(): string {
    return this.said.map((s) => `${s.method} ${JSON.stringify(s.params)}`).join('\n') + '\n' + this.stderr;
  }

  /** Shuts down as an editor does; resolves to the exit code. */
  async shutdown(): Promise<number | null> {
    try {
      await this.request('shutdown');
      await this.notify('exit');
    } catch {
      // already gone: the exit code says how
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.child.kill();
      return null;
    }
    return code;
  }
}

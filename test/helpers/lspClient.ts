// A minimal LSP client over stdio for protocol tests: starts the bundled
// server exactly as an editor would and speaks JSON-RPC to it. It keeps
// everything the server sends that an editor logs or shows
// (window/logMessage, window/showMessage(Request), telemetry/event, $/logTrace)
// and everything it writes to stderr, so a test can search them for case text.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from './fixtures';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string; severity: number; message: string; range: any; relatedInformation?: any[] }[];
}

/** A message the server sent that an editor logs or shows. */
export interface Said {
  method: string;
  params: unknown;
}

/** How to start the server: extra node flags (before the script) and environment variables. */
export interface ServerLaunch {
  nodeArgs?: string[];
  env?: Record<string, string>;
}

export class TestLspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  private waiters: { uri: string; pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  readonly published = new Map<string, PublishedDiagnostics>();
  /** Called for every publishDiagnostics, in the order received. */
  readonly publishListeners: ((p: PublishedDiagnostics) => void)[] = [];
  /** What the server said that an editor logs or shows, in the order received. */
  readonly said: Said[] = [];
  /** Everything the server wrote to stderr. */
  stderr = '';
  /** Settles when the server process ends, with how it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(settings: Record<string, unknown> = {}, launch: ServerLaunch = {}) {
    this.child = spawn(process.execPath, [...(launch.nodeArgs ?? []), path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: launch.env ? { ...process.env, ...launch.env } : process.env,
    });
    // Read stderr even when nobody looks at it: a full pipe would block the server.
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.set(p.uri, p);
      for (const listen of this.publishListeners) listen(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    for (const method of ['window/logMessage', 'window/showMessage', 'telemetry/event', '$/logTrace']) {
      this.connection.onNotification(method, (params: unknown) => this.said.push({ method, params }));
    }
    this.connection.onRequest('window/showMessageRequest', (params: unknown) => {
      this.said.push({ method: 'window/showMessageRequest', params });
      return null;
    });
    this.connection.listen();
  }

  /** What the server logged through window/logMessage. */
  get logs(): { type: number; message: string }[] {
    return this.said.filter((s) => s.method === 'window/logMessage').map((s) => s.params as { type: number; message: string });
  }

  /** Everything an editor would log or show from this server, as one text to search. */
  logText(): string {
    return this.said.map((s) => `${s.method} ${JSON.stringify(s.params)}`).join('\n') + '\n' + this.stderr;
  }

  /** Writes a raw JSON-RPC frame, for messages the typed connection cannot send (malformed ones). */
  writeRaw(body: string): void {
    this.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  /** The server process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async initialize(rootUri: string | null = null, initializationOptions?: unknown) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { codeDescriptionSupport: true } },
      },
      workspaceFolders: null,
    });
    await this.connection.sendNotification('initialized', {});
    return result as any;
  }

  open(uri: string, text: string, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version, text } });
  }

  change(uri: string, version: number, text: string) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (or the current ones, if they already do). */
  diagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const have = this.published.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  request<T = any>(method: string, params?: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Shuts down as an editor does; resolves to the exit code (null if it had to be killed or died by a signal). */
  async shutdown(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone: its exit says how
    }
    const ended = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    this.connection.dispose();
    if (ended === 'timeout') {
      this.child.kill();
      return null;
    }
    return ended.code;
  }
}

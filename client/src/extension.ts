// The VS Code side of IMR Author: starts the language server, and registers
// the commands and views. Everything about the case itself is answered by the
// server (or, for the preview, by the same language service).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { codeActionMiddleware } from './snippetCodeActions';
import { ProblemsStatusItem } from './statusBar';
import { registerPreview } from './preview/index';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerNewCase } from './newCase';
import { ServerSupervisor } from './server/supervisor';
import { registerWorkspaceTrust, trustInitializationOptions } from './trust/index';
/**
 * Node flags of the language server (bench/lib/server.mjs starts it with the same). A young generation of at most
 * 2 x 4 MB instead of V8's 2 x 16 MB: the server's work is many short analyses, whose garbage dies young either way,
 * and the larger space only stayed resident (about 8 MB at rest and 18 MB with 200 cases open), with no measurable
 * gain in analysis time or typing latency (bench/notes.md, issue 12).
 */
import SERVER_EXEC_ARGV from './serverExecArgv.json';

/**
 * The language client, except that it never forces a notification of its own:
 * a start that fails ("couldn't create connection to server") is told to the
 * author by the supervisor, with a Restart button, and two messages for one
 * failure teach the author to close them unread. The line still goes to the
 * output channel.
 */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

let client: LanguageClient | undefined;
let supervisor: ServerSupervisor | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  supervisor = new ServerSupervisor();
  context.subscriptions.push(supervisor);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'imr' },
      { scheme: 'untitled', language: 'imr' },
      { scheme: 'file', pattern: '**/.imr/criteria/*.json' },
    ],
    synchronize: {
      configurationSection: 'imr',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.imr/criteria/*.json'),
    },
    middleware: { provideCodeActions: codeActionMiddleware },
    // Whether the server may read the workspace's .imr/criteria (see trust/).
    initializationOptions: trustInitializationOptions,
    // Case files hold health information: the server's output channel carries
    // errors only, never document text.
    outputChannelName: 'IMR Author',
    // Restarts the server after a crash, within a budget, and tells the author what is going on.
    errorHandler: supervisor.errorHandler,
    initializationFailedHandler: supervisor.initializationFailedHandler,
  };
  client = new QuietLanguageClient('imr', 'IMR Author', serverOptions, clientOptions);
  supervisor.attach(client);
  context.subscriptions.push(new ProblemsStatusItem(supervisor));
  registerExport(context, registerPreview(context, supervisor));
  registerImport(context);
  registerNewCase(context);
  registerWorkspaceTrust(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await supervisor?.stop();
  client = undefined;
  supervisor = undefined;
}

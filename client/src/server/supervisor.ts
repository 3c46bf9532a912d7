// Keeps the language server running and tells the author when it is not.
// It is the language client's error handler: after a crash the client starts
// the server again (it re-opens every open case on the new server, so their
// diagnostics come back without typing) until the crash budget is spent; then
// the author gets a message with a "Restart Server" button, and the
// `imr.restartServer` command can start it again at any time. The preview and
// the status bar listen to `onDidChangePhase` to say what is going on.
// No message here carries case text: only the server's state.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClient,
} from 'vscode-languageclient/node';
import { RestartBudget } from './restartBudget';
import { INITIAL_PHASE, nextPhase, type PhaseState, type ServerEvent, type ServerPhase } from './serverPhase';

export const RESTART_COMMAND = 'imr.restartServer';
export const RESTART_BUTTON = 'Restart Server';
const OUTPUT_BUTTON = 'Show Output';

/** What the preview and the status bar need to know about the server. */
export interface ServerPhaseSource {
  readonly phase: ServerPhase;
  readonly onDidChangePhase: vscode.Event<ServerPhase>;
}

export class ServerSupervisor implements ServerPhaseSource, vscode.Disposable {
  private state: PhaseState = INITIAL_PHASE;
  private readonly budget = new RestartBudget();
  private readonly changed = new vscode.EventEmitter<ServerPhase>();
  readonly onDidChangePhase = this.changed.event;
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Set while the extension deactivates: the server stopping then is no news. */
  private deactivating = false;

  get phase(): ServerPhase {
    return this.state.phase;
  }

  /** The language client's error handler (pass as `clientOptions.errorHandler`). */
  readonly errorHandler: ErrorHandler = {
    // A server that dies leaves writes failing (EPIPE) before its channel
    // reports closed. The client's default would pop up "connection to server
    // is erroring" for each, and after three would shut the client down, which
    // races with `closed` and can leave the server stopped without a restart.
    // So errors are only logged, and the close decides.
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
    closed: (): CloseHandlerResult => {
      const decision = this.budget.crashed(Date.now());
      this.apply({ kind: 'crash', decision });
      // `handled`: the client only logs these lines; the preview, the status bar and our own message tell the author.
      return decision === 'restart'
        ? { action: CloseAction.Restart, message: 'The IMR language server stopped unexpectedly; starting it again.', handled: true }
        : {
            action: CloseAction.DoNotRestart,
            message: 'The IMR language server stopped unexpectedly too often; it will not be restarted until you ask.',
            handled: true,
          };
    },
  };

  /**
   * The language client's initialization-failed handler (pass as
   * `clientOptions.initializationFailedHandler`). A server that dies while it
   * initializes fails the initialize request; the client's default would then
   * pop up the request's error ("Pending response rejected since connection
   * got disposed") and "Server initialization failed." beside the close, which
   * the crash handler above already decides and the author is told of once.
   * No retry here: a restart is the close handler's decision.
   */
  readonly initializationFailedHandler = (error: unknown): boolean => {
    this.client?.outputChannel.appendLine(`The IMR language server failed to initialize: ${error instanceof Error ? error.name : 'error'}`);
    return false;
  };

  /** Follows `client`'s state; call once, before `client.start()`. */
  attach(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(
      client.onDidChangeState((e) => {
        const state = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
        this.apply({ kind: 'client', state });
      }),
      vscode.commands.registerCommand(RESTART_COMMAND, () => this.restart()),
    );
  }

  /** "IMR: Restart Language Server", and the button of the message: earlier crashes no longer count. */
  async restart(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.budget.reset();
    this.apply({ kind: 'restart-requested' });
    try {
      if (client.state === State.Running) await client.restart();
      else await client.start();
    } catch (err) {
      // The client has logged why; its state change has told the author it stopped.
      client.outputChannel.appendLine(`Restarting the IMR language server failed: ${err instanceof Error ? err.name : 'error'}`);
      this.apply({ kind: 'start-failed' });
    }
  }

  /** Stops the server for good (extension deactivation), without telling the author it stopped. */
  async stop(): Promise<void> {
    this.deactivating = true;
    if (this.client?.needsStop()) await this.client.stop();
  }

  private apply(event: ServerEvent): void {
    const before = this.state.phase;
    this.state = nextPhase(this.state, event);
    if (this.state.phase === before) return;
    this.changed.fire(this.state.phase);
    if (this.state.phase === 'stopped' && !this.deactivating) void this.tellStopped();
  }

  private async tellStopped(): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      'The IMR language server stopped unexpectedly and was not started again, so your cases are not being checked. ' +
        'Restart it to check them again (the output channel "IMR Author" says what went wrong).',
      RESTART_BUTTON,
      OUTPUT_BUTTON,
    );
    if (choice === RESTART_BUTTON) await this.restart();
    else if (choice === OUTPUT_BUTTON) this.client?.outputChannel.show(true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// What the IMR language server and its clients say to each other beyond the
// Language Server Protocol, in one place: the method names with the types of
// their params and results, the initializationOptions, and the `data` the
// server puts on a code action for the clients that can use it. The server
// (server.ts, adapters/) and the VS Code client (client/src) both import this
// file, so a renamed method or a changed field is a type error on whichever
// side did not follow, instead of a message the other side silently drops.
//
// Every method here lives under `imr/`. Neovim and other editors speak plain
// LSP: nothing here is required for diagnostics, completion or code actions.
import { NotificationType, RequestType0 } from 'vscode-jsonrpc';
import type { TextEdit } from './service/types';

/**
 * `initialize`'s initializationOptions from the VS Code client. Another client
 * may send none; only an explicit `workspaceTrusted: false` (VS Code's
 * Restricted Mode) keeps the server from reading the workspace's
 * `.imr/criteria` files.
 */
export interface ImrInitializationOptions {
  workspaceTrusted?: boolean;
}

/** Client -> server: the user trusted the workspace, so its criteria files count from now on. */
export interface WorkspaceTrustParams {
  trusted: boolean;
}
export const workspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('imr/workspaceTrust');

/**
 * Test -> server: the server's memory and bookkeeping (numbers only, never a
 * document's name or text). Registered only when the server runs with
 * IMR_SERVER_DIAGNOSTICS=1 (the stress test), so no editor ever sees it.
 */
export interface ServerState {
  /** Whether garbage was collected before measuring (node ran with --expose-gc). */
  collected: boolean;
  memory: { heapUsed: number; heapTotal: number; rss: number; external: number; arrayBuffers: number };
  /** Sizes of the server's per-document tables; all zero once every document is closed. */
  tables: Record<string, number>;
}
export const serverStateRequest = new RequestType0<ServerState, void>('imr/serverState');

/**
 * The `data` of a code action whose edits hold snippet placeholders. LSP 3.17
 * has no snippet edits in a workspace edit, so the action's `edit` carries the
 * plain text and this carries the snippet; the VS Code client swaps one for
 * the other (client/src/snippetCodeActions.ts). Other clients apply the plain edit.
 */
export interface SnippetCodeActionData {
  imrSnippetEdits: TextEdit[];
}

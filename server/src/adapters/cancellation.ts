// Requests the editor cancels before the server has started on them are
// answered "cancelled" at once instead of being computed: while an author
// types, the editor cancels most hovers and completions it asked for a
// keystroke ago, and those pile up behind the edits. A request already
// running finishes (the handlers are synchronous and short).
import { LSPErrorCodes, type ConnectionOptions, type RequestMessage } from 'vscode-languageserver/node';

export const connectionOptions: ConnectionOptions = {
  connectionStrategy: {
    cancelUndispatched: (message) => ({
      jsonrpc: '2.0',
      id: (message as RequestMessage).id,
      error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled.' },
    }),
  },
};

// A request that reports the server's own memory and bookkeeping, for the
// stress test (test/stress). It exists only when the server is started with
// IMR_SERVER_DIAGNOSTICS=1, so an editor never sees it. With node's
// --expose-gc it collects garbage first, so two calls compare live memory,
// not whatever the collector has not got round to yet. It reports numbers
// only, never a document's name or text.
import type { Connection } from 'vscode-languageserver/node';
import { serverStateRequest, type ServerState } from '../protocol';

export function registerServerState(connection: Connection, tables: () => Record<string, number>): void {
  if (process.env.IMR_SERVER_DIAGNOSTICS !== '1') return;
  connection.onRequest(serverStateRequest, (): ServerState => {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Twice: the first pass can leave garbage that only the second finds
    // (objects kept alive by finalizers and weak references).
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    return {
      collected: !!gc,
      memory: { heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers },
      tables: tables(),
    };
  });
}

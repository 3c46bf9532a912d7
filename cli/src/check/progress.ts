// A progress bar on stderr for long batches. Only on a terminal: piped output,
// CI logs and redirected files get none, so they stay clean.
export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

const NONE: Progress = { update() {}, clear() {} };

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): Progress {
  if (!stream.isTTY || env.CI) return NONE;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      // Redrawing on every file would cost more than checking it.
      if (done !== total && now - last < 80) return;
      last = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

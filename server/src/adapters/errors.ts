// What the server may write to its log when a handler fails.

/**
 * An error's kind and where it was thrown, never its message: messages can
 * quote their input (JSON.parse quotes the text it could not read), and the
 * input here is case text.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const frame = err.stack
    ?.split('\n')
    .find((l) => /^\s+at /.test(l))
    ?.trim();
  return frame ? `${err.name} ${frame}` : err.name;
}

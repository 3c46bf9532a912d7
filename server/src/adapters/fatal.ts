// What the server writes when something escapes every handler. Node's default
// would print the error's message and stack to stderr, which the editor shows
// in the output channel, and a message can quote case text (see errors.ts).
// The server still stops, as Node would, so the client can restart it.
import { describeError } from './errors';

type Fatal = 'uncaughtException' | 'unhandledRejection';

export interface FatalHost {
  on(event: Fatal, listener: (err: unknown) => void): unknown;
  exit(code: number): void;
}

/** The one line written for an error nothing caught: its kind and place, never its message. */
export function fatalLine(err: unknown): string {
  return `imr: the language server stopped on an unexpected ${describeError(err)}\n`;
}

/** Installs handlers that write fatalLine to `write` and stop the process with exit code 1. */
export function exitQuietlyOnFatal(host: FatalHost, write: (line: string) => void): void {
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    host.on(event, (err) => {
      try {
        write(fatalLine(err));
      } finally {
        host.exit(1);
      }
    });
  }
}

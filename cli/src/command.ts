// What a subcommand of `imr` is. Each subcommand lives in cli/src/commands/
// and is listed once in commands/index.ts; main.ts only dispatches, prints
// help and maps failures to exit codes, so commands stay independent.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes. Tests and workers can swap these; commands never touch process.stdout directly. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  /** The word after `imr`, e.g. `check`. */
  name: string;
  /** One line for `imr --help`. */
  summary: string;
  /** The full text of `imr <name> --help` (usage line, options, examples). */
  help: string;
  /** Runs the command with the arguments after its name; resolves to the exit code (0 ok, 1 findings, 2 usage or I/O trouble). */
  run(argv: string[], io: CliIO): Promise<number> | number;
}

/** A mistake in how the command was called: main.ts prints it with a hint to --help and exits 2. */
export class UsageError extends Error {}

export type ParsedArgs = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

/**
 * util.parseArgs with strict checking, turning its errors into UsageError so
 * every command reports a bad flag the same way.
 */
export function parseCommandArgs(argv: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(err));
  }
}

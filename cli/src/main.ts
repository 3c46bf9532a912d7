// The `imr` command line: dispatches to the subcommands in commands/index.ts.
// The same bundle (dist/cli.js) also runs as a worker thread for batch
// checking, so the worker needs no separate file to find at run time.
import { isMainThread, workerData } from 'node:worker_threads';
import { COMMANDS } from './commands/index';
import { UsageError, type CliCommand, type CliIO } from './command';
import { runWorker, WORKER_TAG } from './check/worker';
import { workerEntry } from './check/pool';
import { VERSION } from './version';
import { describeError } from '../../server/src/adapters/errors';
import { escapeControls, escapeControlsKeepingLines, escapingStream } from './terminalText';
import { describeFsError } from './fsErrors';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: imr <command> [options]',
    '',
    "Write and check California workers' compensation IMR final determinations.",
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    "  -h, --help     show this help, or a command's help with `imr <command> --help`",
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/** Runs the CLI with the arguments after `imr`; resolves to the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const named = first === 'help' ? rest[0] : undefined;
    const cmd = named ? COMMANDS.find((c) => c.name === named) : undefined;
    io.stdout.write(cmd ? withNewline(cmd.help) : mainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cmd: CliCommand | undefined = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    io.stderr.write(`imr: unknown command '${escapeControls(first)}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See \`imr --help\`.\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(withNewline(cmd.help));
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`imr ${cmd.name}: ${escapeControlsKeepingLines(err.message)}\nSee \`imr ${cmd.name} --help\`.\n`);
      return 2;
    }
    // An unexpected failure: its kind and place only, since an error's message
    // can quote the case or letter it failed on (see describeError).
    io.stderr.write(`imr ${cmd.name}: internal error: ${describeError(err)}\n`);
    return 2;
  }
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}

/**
 * A reader that stops early (`imr check … | head`, `| true`) closes the pipe.
 * The rest of the output then has nowhere to go: it is dropped, and the
 * command still ends with its own exit code, instead of dying on EPIPE with
 * Node's stack trace. Any other failure to write is one line on stderr
 * saying what went wrong (cli/src/fsErrors.ts), and exit code 2.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    if (stream !== process.stderr) process.stderr.write(`imr: cannot write to ${name}: ${describeFsError(err, 'write')}\n`);
    process.exitCode = 2;
  });
}

if (!isMainThread && workerData && workerData[WORKER_TAG]) {
  void runWorker();
} else if (require.main === module || process.argv[1]?.endsWith('imr.js') || require.main?.filename?.endsWith('imr.js')) {
  workerEntry.script = __filename;
  endQuietlyOnClosedPipe(process.stdout, 'standard output');
  endQuietlyOnClosedPipe(process.stderr, 'standard error');
  // On a terminal, stdout never carries a raw control character of the case
  // (a letter or case printed there); to a file or pipe it is data and left
  // exact. stderr's messages escape the names and values they quote where
  // they are written (the progress bar draws with \r and ESC of its own).
  const io: CliIO = {
    stdout: process.stdout.isTTY ? escapingStream(process.stdout) : process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    // A write failure other than a closed pipe has already set 2.
    process.exitCode = process.exitCode === 2 ? 2 : code;
  });
}

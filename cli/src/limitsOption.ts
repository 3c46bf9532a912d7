// `--max-size KB`, shared by `imr check` and `imr render`: the same limit as
// the editor's imr.limits.maxFileSize setting, with the same default, so a
// file the editor declines is declined here too unless asked otherwise.
import { UsageError } from './command';
import { DEFAULT_LIMITS, DEFAULT_MAX_FILE_KB, limitsFromKb, MAX_MAX_FILE_KB, type InputLimits } from '../../server/src/service/input/limits';

/** The option's lines for a command's help, its description starting at `column` like the command's other options. */
export function maxSizeHelp(column: number): string {
  const flag = '      --max-size KB'.padEnd(column);
  return `${flag}decline case files over KB kilobytes (default: ${DEFAULT_MAX_FILE_KB},\n${' '.repeat(column)}as the editor's imr.limits.maxFileSize)`;
}

export function parseMaxSize(v: unknown): InputLimits {
  if (v === undefined) return DEFAULT_LIMITS;
  const s = String(v);
  const kb = Number(s);
  if (!/^\d+(\.\d+)?$/.test(s) || kb <= 0) throw new UsageError(`--max-size needs a size in KB greater than 0, not '${s}'`);
  if (kb > MAX_MAX_FILE_KB) throw new UsageError(`--max-size is at most ${MAX_MAX_FILE_KB} KB (${MAX_MAX_FILE_KB / 1024} MB)`);
  return limitsFromKb(kb);
}

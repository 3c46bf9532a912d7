// `imr check`: checks case files the way the editor does and prints what it
// finds as text, JSON or SARIF. Exit code 0 when clean, 1 on errors (or too
// many warnings), 2 when the command was misused or a file could not be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../command';
import { resolveTargets } from '../check/targets';
import { autoJobs, checkFiles } from '../check/pool';
import { createProgress } from '../check/progress';
import { formatText } from '../check/format/text';
import { formatJson } from '../check/format/json';
import { formatSarif } from '../check/format/sarif';
import { codeTable, summaryLine, totals } from '../check/format/summary';
import { VERSION } from '../version';
import { readWorkspaceCriteria, serviceWithCriteria } from '../check/workspaceCriteria';
import { maxSizeHelp, parseMaxSize } from '../limitsOption';
import { escapeControls } from '../terminalText';
import { describeFsError } from '../fsErrors';
import { rulesDocPath } from '../../../server/src/adapters/rulesDoc';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: imr check FILE|DIR|GLOB... [options]

Checks IMR case files (.imr) and reports what the editor would: missing
fields, invalid dates, unsupported rationales. Directories are searched for
*.imr files; quote globs ('cases/**/*.imr') so the shell leaves them to imr.

Options:
  -f, --format text|json|sarif  output format (default: text)
                                text:  file:line:col severity code message
                                json:  [{file, diagnostics: [{code, severity, message, range}]}], zero-based
                                sarif: SARIF 2.1.0 for code-scanning tools
      --max-warnings N          exit 1 when there are more than N warnings
  -o, --output FILE             write the report to FILE instead of stdout
      --force                   replace FILE if it already exists
  -j, --jobs N|auto             worker threads for large batches (default: auto)
      --no-workspace-criteria   check against the built-in criteria only
${maxSizeHelp(32)}
  -h, --help                    show this help

Criteria in .imr/criteria/*.json under the working directory add to or
override the built-in criteria library, as in a trusted VS Code workspace:
running imr in a folder is trusting it. To check a folder you do not trust
(a pull request in CI), use --no-workspace-criteria: its criteria files could
otherwise redefine a guideline section and hide problems.

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage error or a file
that could not be read (binary, not UTF-8 or UTF-16, over --max-size, missing).

Examples:
  imr check examples/lumbar-mri-upheld.imr
  imr check cases/ --format sarif -o imr.sarif
  imr check 'cases/2015/**/*.imr' --max-warnings 0
`;

function parseFormat(v: unknown): Format {
  const f = (v ?? 'text') as string;
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}'; use one of ${FORMATS.join(', ')}`);
  return f as Format;
}

function parseCount(v: unknown, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d+$/.test(s)) throw new UsageError(`${flag} needs a whole number, not '${s}'`);
  return Number(s);
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    'max-warnings': { type: 'string' },
    output: { type: 'string', short: 'o' },
    jobs: { type: 'string', short: 'j' },
    force: { type: 'boolean' },
    'no-workspace-criteria': { type: 'boolean' },
    'max-size': { type: 'string' },
  });
  const format = parseFormat(values.format);
  const limits = parseMaxSize(values['max-size']);
  const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');
  const jobsArg = values.jobs === undefined || values.jobs === 'auto' ? undefined : parseCount(values.jobs, '--jobs');
  if (jobsArg === 0) throw new UsageError('--jobs needs at least 1');
  if (positionals.length === 0) throw new UsageError('name at least one case file, directory or glob to check');
  const output = values.output as string | undefined;
  // As with render and import: an existing file (a case file named by mistake,
  // or last week's report) is replaced only on request. Devices such as
  // /dev/null are not files anyone keeps.
  const replace = values.force === true || !output || !isRegularFile(path.resolve(io.cwd, output));
  if (!replace) {
    io.stderr.write(`imr check: ${escapeControls(output)} already exists; use --force to replace it\n`);
    return 2;
  }

  const started = performance.now();
  const { files, problems } = resolveTargets(positionals, io.cwd);
  for (const p of problems) io.stderr.write(`imr check: ${escapeControls(p.target)}: ${p.reason}\n`);

  // Workspace criteria (.imr/criteria/*.json here) apply to every case, as in
  // the editor; their own problems are reported with the cases'. Left unread
  // with --no-workspace-criteria (the CLI's Restricted Mode, see docs/trust.md).
  const criteria = values['no-workspace-criteria'] === true ? [] : await readWorkspaceCriteria(io.cwd);
  const criteriaResults = (await serviceWithCriteria(criteria)).results.filter((r) => r.diagnostics.length > 0);
  const progress = createProgress(io.stderr, io.env);
  const caseResults = await checkFiles(files, {
    jobs: jobsArg ?? autoJobs(files.length),
    cwd: io.cwd,
    criteria,
    limits,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.clear();
  const results = [...criteriaResults, ...caseResults];
  for (const r of results) if (r.skipped) io.stderr.write(`imr check: skipped ${escapeControls(r.file)}: ${r.skipped}\n`);

  const report =
    format === 'json'
      ? formatJson(results)
      : format === 'sarif'
        ? formatSarif(results, { version: VERSION, cwd: io.cwd, rulesDoc: sarifRulesDoc() })
        : formatText(results);
  const t = totals(results);
  // The per-code table belongs to the human-readable summary, never inside JSON or SARIF.
  const summary = codeTable(results) + summaryLine(t, performance.now() - started) + '\n';
  if (output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, output), report, { flag: values.force === true || !isRegularFile(path.resolve(io.cwd, output)) ? 'w' : 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      io.stderr.write(
        `imr check: ${code === 'EEXIST' ? `${output} already exists; use --force to replace it` : `cannot write ${output}: ${describeFsError(err, 'write')}`}\n`,
      );
      return 2;
    }
    io.stderr.write(summary);
  } else {
    io.stdout.write(report);
    // Keep machine-readable stdout parseable: the summary goes beside it.
    (format === 'text' ? io.stdout : io.stderr).write(summary);
  }

  if (problems.length > 0 || t.skipped > 0) return 2;
  if (t.errors > 0) return 1;
  if (maxWarnings !== undefined && t.warnings > maxWarnings) {
    io.stderr.write(`imr check: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The text of docs/rules.md of the installed package, whose sections SARIF carries as each rule's help (none if it is missing). */
function sarifRulesDoc(): string | undefined {
  const doc = rulesDocPath();
  if (!doc) return undefined;
  try {
    return fs.readFileSync(doc, 'utf8');
  } catch {
    return undefined;
  }
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check case files and report problems (text, JSON or SARIF)',
  help: HELP,
  run,
};

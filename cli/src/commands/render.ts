// `imr render`: the final determination letter from a case file, as plain
// text, a self-contained HTML page or a PDF. Text goes to stdout unless -o is
// given; an existing output file is only replaced with --force, because a
// letter someone already signed off must not vanish by accident.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../command';
import { readCase } from '../check/readCase';
import { describeFsError } from '../fsErrors';
import { maxSizeHelp, parseMaxSize } from '../limitsOption';
import { createLanguageService } from '../../../server/src/service/languageService';
import { LETTER_FORMATS, letterFormat, letterFormatOfExtension, type LetterFormat } from '../../../server/src/service/render/formats';
import { DEFAULT_SETTINGS } from '../../../server/src/service/types';
import { ruleFor } from '../../../server/src/service/rules/registry';
import { escapeControls } from '../terminalText';

const FORMAT_NAMES = LETTER_FORMATS.map((f) => f.id);

const HELP = `Usage: imr render FILE [--format ${FORMAT_NAMES.join('|')}] [-o OUT] [options]

Renders the final determination letter of an IMR case file (.imr) as the
person who receives the determination reads it.

Options:
  -f, --format ${FORMAT_NAMES.join('|').padEnd(15)}output format (default: text, or the extension of OUT)
${LETTER_FORMATS.map((f) => `${' '.repeat(30)}${`${f.id}:`.padEnd(6)}${f.description}`).join('\n')}
  -o, --output OUT            write to OUT instead of stdout (a PDF needs -o on a terminal)
      --force                 replace OUT if it already exists
      --allow-draft           render a case that still has errors or identifying text
                              (phi), marked DRAFT on every page
      --criteria              add the "criteria applied" table (drafts only)
      --wrap N                text only: wrap lines at N characters, 0 for none (default: 96)
${maxSizeHelp(30)}
  -h, --help                  show this help

A final letter is rendered only from a case with no error and no
identifying text (phi): otherwise imr render lists each problem and writes
nothing. With --allow-draft it renders the letter anyway, marked DRAFT on
every page, with [placeholders] for what is missing.
Exit codes: 0 rendered, 1 not rendered: the case has problems that block a
final letter (see the list, or \`imr check\`), 2 usage error or a file that
could not be read or written (binary, not UTF-8 or UTF-16, over --max-size,
missing).

Examples:
  imr render examples/lumbar-mri-upheld.imr
  imr render case.imr -o letter.pdf
  imr render case.imr --format html -o letter.html --force
  imr render draft.imr --allow-draft -o draft.pdf
`;

function formatFrom(value: unknown, output: string | undefined): LetterFormat {
  if (value !== undefined) {
    const f = String(value);
    const named = letterFormat(f);
    if (!named) throw new UsageError(`unknown format '${f}'; use one of ${FORMAT_NAMES.join(', ')}`);
    return named.id;
  }
  return (output ? letterFormatOfExtension(path.extname(output))?.id : undefined) ?? 'text';
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'allow-draft': { type: 'boolean' },
    criteria: { type: 'boolean' },
    wrap: { type: 'string' },
    'max-size': { type: 'string' },
  });
  const limits = parseMaxSize(values['max-size']);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'render one case file at a time' : 'name the case file to render');
  const output = values.output as string | undefined;
  const format = formatFrom(values.format, output);
  let wrap: number | undefined;
  if (values.wrap !== undefined) {
    if (!/^\d+$/.test(String(values.wrap))) throw new UsageError(`--wrap needs a whole number, not '${values.wrap}'`);
    wrap = Number(values.wrap);
  }
  if (format === 'pdf' && !output && io.stdout.isTTY) throw new UsageError('a PDF is not for the terminal; give -o letter.pdf (or redirect stdout)');

  const file = positionals[0];
  const read = readCase(path.resolve(io.cwd, file), limits);
  if (!read.ok) {
    io.stderr.write(`imr render: ${escapeControls(file)}: ${read.reason}\n`);
    return 2;
  }
  const service = createLanguageService({ settings: { ...DEFAULT_SETTINGS, limits } });
  const doc = { uri: `file://${path.resolve(io.cwd, file)}`, version: 1, text: read.text };
  const blocking = service.getFinalizeProblems(doc);
  if (blocking.length > 0 && values['allow-draft'] !== true) {
    // stderr holds no case text (docs/privacy.md): each problem by place, code and the rule's summary; \`imr check\` prints the messages.
    io.stderr.write(
      `imr render: ${escapeControls(file)}: not rendered, ${blocking.length} problem${blocking.length === 1 ? '' : 's'} block${blocking.length === 1 ? 's' : ''} a final letter:\n` +
        blocking.map((d) => `  ${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code}: ${ruleFor(d.code)?.summary ?? ''}\n`).join('') +
        `See \`imr check ${escapeControls(file)}\` for each message. Fix ${blocking.length === 1 ? 'it' : 'them'}, or render a draft marked DRAFT on every page with --allow-draft.\n`,
    );
    return 1;
  }
  const options = { showCriteria: values.criteria === true, wrap, draft: blocking.length > 0 };
  const content: string | Uint8Array = format === 'pdf' ? await service.renderLetter(doc, 'pdf', options) : service.renderLetter(doc, format, options);
  if (format === 'pdf' && content.length === 0) {
    io.stderr.write(`imr render: ${escapeControls(file)}: could not make the PDF (pdfkit failed); try --format html and print it\n`);
    return 2;
  }
  if (blocking.length > 0)
    io.stderr.write(
      `imr render: ${escapeControls(file)}: rendered as a DRAFT (${blocking.length} problem${blocking.length === 1 ? '' : 's'} block${blocking.length === 1 ? 's' : ''} a final letter; see \`imr check ${escapeControls(file)}\`)\n`,
    );

  if (!output) {
    io.stdout.write(content);
    return 0;
  }
  const target = path.resolve(io.cwd, output);
  try {
    // 'wx' fails if the file exists, so two runs can never race past the check.
    fs.writeFileSync(target, content, { flag: values.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr.write(`imr render: ${output} already exists; use --force to replace it\n`);
    } else {
      io.stderr.write(`imr render: cannot write ${output}: ${describeFsError(err, 'write')}\n`);
    }
    return 2;
  }
  return 0;
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'render the final determination letter as text, HTML or PDF',
  help: HELP,
  run,
};

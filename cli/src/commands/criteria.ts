// `imr criteria check`: the audit of the criteria library (built-in, plus the
// working directory's .imr/criteria/*.json unless --no-workspace-criteria):
// criteria without a source, sources it cannot find, unverified criteria,
// editions whose dates overlap or leave a gap. Exit 1 when a criterion has
// no source or a source is missing or dates clash; unverified criteria are
// listed but are no failure (they are marked as such for the reader).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../command';
import { readWorkspaceCriteria } from '../check/workspaceCriteria';
import { BUILT_IN_LIBRARY, libraryWith, validateCriteriaData } from '../../../server/src/service/necessity/library';
import { auditLibrary, auditSummary } from '../../../server/src/service/necessity/audit';

const HELP = `Usage: imr criteria check [--json] [--corpus DIR] [--no-workspace-criteria]

Audits the criteria library: every criterion whose note names no source,
every corpus letter a note cites that is not in the corpus, every edition
named that the editions file lacks, editions whose dates overlap or leave a
gap, and (listed, not failing) every criterion marked unverified.

Options:
      --json                   print the findings as JSON
      --corpus DIR             the folder of corpus letters (CMxx.txt) that
                               notes cite as [L:CMxx]; default: the
                               IMR_SHARED_DIR or ../shared corpus if present
      --no-workspace-criteria  audit the built-in criteria only
  -h, --help                   show this help

Exit codes: 0 no problem (unverified criteria may be listed), 1 problems
found, 2 usage error.
`;

function corpusDir(io: CliIO, given: string | undefined): string | undefined {
  const candidates = given
    ? [path.resolve(io.cwd, given)]
    : [io.env.IMR_SHARED_DIR ? path.join(io.env.IMR_SHARED_DIR, 'corpus', 'letters') : '', path.resolve(io.cwd, '..', 'shared', 'corpus', 'letters')].filter(
        Boolean,
      );
  return candidates.find((d) => fs.existsSync(d));
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'check') throw new UsageError(sub ? `unknown subcommand '${sub}'; the only one is 'check'` : "say what to do: 'imr criteria check'");
  const { values, positionals } = parseCommandArgs(rest, {
    json: { type: 'boolean' },
    corpus: { type: 'string' },
    'no-workspace-criteria': { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const files = values['no-workspace-criteria'] === true ? [] : await readWorkspaceCriteria(io.cwd);
  const valid = files.filter((f) => {
    try {
      return validateCriteriaData(JSON.parse(f.text)).length === 0;
    } catch {
      return false;
    }
  });
  const skipped = files.length - valid.length;
  const library = valid.length ? libraryWith(valid.map((f) => ({ uri: f.uri, data: JSON.parse(f.text) }))) : BUILT_IN_LIBRARY;
  const dir = corpusDir(io, values.corpus as string | undefined);
  if (values.corpus !== undefined && !dir) throw new UsageError(`no such folder: ${values.corpus}`);
  const letters = dir
    ? new Set(
        fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => f.slice(0, -4)),
      )
    : undefined;
  const findings = auditLibrary(library, { letterExists: letters ? (n) => letters.has(n) : undefined });
  const counts = auditSummary(findings);
  const failing = counts['no-source'] + counts['missing-source'] + counts['unknown-edition'] + counts['edition-dates'];
  if (values.json === true) {
    io.stdout.write(
      JSON.stringify({ sections: library.sections.size, corpus: dir ? 'checked' : 'not found', skippedWorkspaceFiles: skipped, counts, findings }, null, 2) +
        '\n',
    );
  } else {
    for (const f of findings) if (f.kind !== 'unverified') io.stdout.write(`${f.kind}: ${f.where}: ${f.message}\n`);
    const unverified = findings.filter((f) => f.kind === 'unverified');
    if (unverified.length) io.stdout.write(`unverified (${unverified.length}): ${unverified.map((f) => f.criterion).join(', ')}\n`);
    io.stdout.write(
      `${library.sections.size} sections; ${counts['no-source']} without a source, ${counts['missing-source']} missing sources${dir ? '' : ' (corpus not found: letters not looked up)'}, ${counts['unknown-edition']} unknown editions, ${counts['edition-dates']} edition date problems, ${counts.unverified} unverified criteria${skipped ? `; ${skipped} workspace file(s) with errors left out (see imr check)` : ''}.\n`,
    );
  }
  return failing ? 1 : 0;
}

export const criteriaCommand: CliCommand = { name: 'criteria', summary: 'audit the criteria library (imr criteria check)', help: HELP, run };

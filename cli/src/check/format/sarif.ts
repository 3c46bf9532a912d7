// SARIF 2.1.0 output, for code-scanning dashboards and editors that read it.
// Each diagnostic code becomes a rule with the rule catalog's summary and
// default severity, and its full text from docs/rules.md as the rule's help.
// The help is carried in the report rather than linked: a report is read on
// another machine (a quality team's dashboard), where a file: link to this
// installation's docs would name a folder of this machine and open nothing.
import * as path from 'node:path';
import type { FileResult } from '../checkFile';
import type { Severity } from '../../../../server/src/service/types';
import { ruleFor } from '../../../../server/src/service/rules/registry';

export interface SarifOptions {
  version: string;
  cwd: string;
  /** The text of docs/rules.md, whose sections become the rules' help; none when the page is not installed. */
  rulesDoc?: string;
}

/** The section of the rules page for one code: from its `### \`code\`` heading to the next heading of that level or above. */
export function ruleSection(doc: string, code: string): string | undefined {
  const lines = doc.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `### \`${code}\``);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && !/^#{1,3} /.test(lines[end])) end++;
  return lines.slice(start, end).join('\n').trim();
}

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/**
 * Every file relative to %SRCROOT% (the directory the run started in), named
 * as an absolute path or not: a report uploaded from CI then names no
 * directory of the machine it ran on, and viewers resolve it against the
 * checkout. A file outside that directory is reached with "../".
 */
function uriFor(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

export function formatSarif(results: FileResult[], opts: SarifOptions): string {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    // Codes outside the catalog (the importer's notes, say) still get a description.
    const rule = ruleFor(code);
    const text = rule?.summary ?? `Diagnostic \`${code}\` of the IMR case checker.`;
    const section = opts.rulesDoc ? ruleSection(opts.rulesDoc, code) : undefined;
    return {
      id: code,
      name: code.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
      shortDescription: { text },
      ...(rule ? { defaultConfiguration: { level: level(rule.severity) } } : {}),
      help: section
        ? { text: `${text} (docs/rules.md, "${code}", has the full text.)`, markdown: section }
        : { text: `${text} See docs/rules.md#${code} for what the rule checks and how to fix it.` },
    };
  });
  const sarifResults = results.flatMap((r) => {
    const artifactLocation = { uri: uriFor(r.file, opts.cwd), uriBaseId: '%SRCROOT%' };
    const region = (range: (typeof r.diagnostics)[number]['range']) => ({
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    });
    return r.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: level(d.severity),
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
      // The other places a finding points to, such as the summary sentence a rationale contradicts.
      ...(d.relatedInformation?.length
        ? {
            relatedLocations: d.relatedInformation.map((rel, id) => ({
              id,
              message: { text: rel.message },
              physicalLocation: { artifactLocation, region: region(rel.range) },
            })),
          }
        : {}),
    }));
  });
  // Files that could not be checked are tool notifications, not findings.
  const notifications = results
    .filter((r) => r.skipped)
    .map((r) => ({
      level: 'error',
      message: { text: `Skipped: ${r.skipped}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriFor(r.file, opts.cwd), uriBaseId: '%SRCROOT%' } } }],
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'imr',
            fullName: 'IMR Author case checker',
            version: opts.version,
            rules,
          },
        },
        // Left for the viewer to resolve (the checkout): an absolute file: URI here would name the machine's directories.
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory imr check ran in (the root of the checkout).' } } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

// SARIF 2.1.0 output, for code-scanning dashboards and editors that read it.
// Each diagnostic code becomes a rule with the rule catalog's summary and
// default severity and a link to its full text in docs/rules.md.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileResult } from '../checkFile';
import type { Severity } from '../../../../server/src/service/types';
import { ruleFor } from '../../../../server/src/service/rules/registry';

export interface SarifOptions {
  version: string;
  cwd: string;
  /** Where docs/rules.md lives; rule links point into it. */
  rulesDoc: string;
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
  const docUri = pathToFileURL(opts.rulesDoc).href;
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    // Codes outside the catalog (the importer's notes, say) still get a description and a link.
    const rule = ruleFor(code);
    const text = rule?.summary ?? `Diagnostic \`${code}\` of the IMR case checker.`;
    return {
      id: code,
      name: code.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
      shortDescription: { text },
      ...(rule ? { defaultConfiguration: { level: level(rule.severity) } } : {}),
      helpUri: `${docUri}#${code}`,
      help: { text: `${text} See docs/rules.md#${code} for what the rule checks and how to fix it.` },
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
            informationUri: docUri,
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

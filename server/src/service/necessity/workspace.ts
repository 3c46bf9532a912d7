// Workspace criteria (.imr/criteria/*.json): read as data, never executed,
// checked like the built-in files, and merged into the library the rules
// use. Each problem becomes a diagnostic on the exact place in that file.
import type { ImrDiagnostic } from '../types';
import { parseJsonLocated, rangeForPath, JsonSyntaxError, type Located } from './jsonLocate';
import { BUILT_IN_LIBRARY, libraryWith, validateCriteriaData, type CriteriaFile, type CriteriaLibrary } from './library';
import { MAX_CRITERIA_FILE_BYTES, type CriteriaFileText } from './criteriaSource';
import { formatSize, utf8Size } from '../input/limits';

export type WorkspaceFile = CriteriaFileText;

export interface WorkspaceResult {
  library: CriteriaLibrary;
  /** Every file given, with its problems (an empty list clears earlier ones). */
  diagnostics: Map<string, ImrDiagnostic[]>;
}

export function loadWorkspaceCriteria(files: WorkspaceFile[]): WorkspaceResult {
  const diagnostics = new Map<string, ImrDiagnostic[]>();
  const accepted: { uri: string; data: unknown }[] = [];
  const sectionOwner = new Map<string, string>();
  const criterionOwner = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.uri.localeCompare(b.uri))) {
    const out: ImrDiagnostic[] = [];
    diagnostics.set(file.uri, out);
    if (file.refused) {
      out.push(problem(`This criteria file is not read: ${file.refused}.`, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
      continue;
    }
    if (file.tooLarge || utf8Size(file.text, MAX_CRITERIA_FILE_BYTES) > MAX_CRITERIA_FILE_BYTES) {
      out.push(
        problem(`This criteria file is too large to load (over ${formatSize(MAX_CRITERIA_FILE_BYTES)}).`, {
          start: { line: 0, character: 0 },
          end: { line: 0, character: 0 },
        }),
      );
      continue;
    }
    if (!file.text.trim()) {
      out.push(
        problem('This criteria file is empty. Write a JSON object with "sections" (see docs/criteria.md).', {
          start: { line: 0, character: 0 },
          end: { line: 0, character: 0 },
        }),
      );
      continue;
    }
    let located: Located;
    try {
      located = parseJsonLocated(file.text);
    } catch (e) {
      if (e instanceof JsonSyntaxError) out.push(problem(`This is not valid JSON: ${e.message}`, e.range));
      else out.push(problem('This criteria file could not be read as JSON.', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
      continue;
    }
    for (const p of validateCriteriaData(located.value)) out.push(problem(p.message, rangeForPath(located, p.path, p.onKey || isMissingProperty(p.message))));
    if (out.length) continue;
    // Ids must stay unique across files: a workspace section may replace a
    // built-in section with the same id, but may not reuse another section's criterion ids.
    const data = located.value as CriteriaFile;
    data.sections.forEach((s, si) => {
      const other = sectionOwner.get(s.id);
      if (other) out.push(problem(`Section "${s.id}" is also defined in ${other}; keep one definition.`, rangeForPath(located, ['sections', si, 'id'])));
      sectionOwner.set(s.id, file.uri);
    });
    data.sections.forEach((s, si) =>
      s.criteria.forEach((c, ci) => {
        const id = c.id.toUpperCase();
        const builtIn = BUILT_IN_LIBRARY.criterion(id);
        const otherFile = criterionOwner.get(id);
        if (builtIn && builtIn.section.id !== s.id && !sectionOwner.has(builtIn.section.id)) {
          out.push(
            problem(
              `Criterion id ${c.id} already belongs to the built-in section "${builtIn.section.id}"; choose a new id, or override "${builtIn.section.id}" as a whole.`,
              rangeForPath(located, ['sections', si, 'criteria', ci, 'id']),
            ),
          );
        } else if (otherFile && otherFile !== `${file.uri}#${s.id}`) {
          out.push(
            problem(
              `Criterion id ${c.id} is also defined in another workspace section; criterion ids must be unique.`,
              rangeForPath(located, ['sections', si, 'criteria', ci, 'id']),
            ),
          );
        }
        criterionOwner.set(id, `${file.uri}#${s.id}`);
      }),
    );
    if (!out.length) accepted.push({ uri: file.uri, data });
  }
  return { library: accepted.length ? libraryWith(accepted) : BUILT_IN_LIBRARY, diagnostics };
}

function isMissingProperty(message: string): boolean {
  return /is not a known property/.test(message);
}

function problem(message: string, range: ImrDiagnostic['range']): ImrDiagnostic {
  return { code: 'criteria-data', severity: 'error', message, range };
}

// The rule registry: every rule that produces diagnostics, run in one place
// so severity settings and suppression comments apply to all of them alike.
import type { CaseFile } from '../syntax/ast';
import type { ImrDiagnostic, ServiceSettings } from '../types';
import type { CaseModel } from '../model/caseModel';
import type { Rule } from './rule';
import { structureRules } from './structure';
import { necessityRules } from '../necessity/rules/index';
import { withPhraseMemo } from '../necessity/phrases';
import { phi } from '../phi/rule';
import { reportContained } from '../contained';

const RULES: readonly Rule[] = [...structureRules, ...necessityRules, phi];

export function runRules(file: CaseFile, model: CaseModel, settings: ServiceSettings): ImrDiagnostic[] {
  // The rules of one run share their phrase matches (each item reads the same summary).
  return withPhraseMemo(() => runAll(file, model, settings));
}

function runAll(file: CaseFile, model: CaseModel, settings: ServiceSettings): ImrDiagnostic[] {
  const out: ImrDiagnostic[] = file.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, range: p.range }));
  for (const rule of RULES) {
    try {
      out.push(...rule({ file, model }));
    } catch (err) {
      // A rule bug must not cost the author the other diagnostics. Tests (the
      // property tests) observe contained errors, so a crashing rule still fails them.
      reportContained(err, `rule ${rule.name}`);
    }
  }
  return applySettings(file, out, settings);
}

function applySettings(file: CaseFile, diagnostics: ImrDiagnostic[], settings: ServiceSettings): ImrDiagnostic[] {
  const result: ImrDiagnostic[] = [];
  for (const d of diagnostics) {
    const setting = settings.rules[d.code];
    if (setting === 'off') continue;
    const suppressed = file.suppressions.some(
      (s) => s.targetLine >= d.range.start.line && s.targetLine <= d.range.end.line && (s.codes.length === 0 || s.codes.includes(d.code)),
    );
    if (suppressed) continue;
    result.push(setting ? { ...d, severity: setting } : d);
  }
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

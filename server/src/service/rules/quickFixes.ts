// The catalog's quick-fixes as one code-action contributor: each diagnostic
// the editor sends back goes to the fixes defined beside its rule. Actions
// come family by family (the order the families are documented in), then in
// the order of the diagnostics, so the editor's list reads the same each time.
import type { CodeAction, ImrDiagnostic } from '../types';
import { FAMILIES, type RuleContext } from './defineRule';
import { ruleFor } from './registry';
import { reportContained } from '../contained';

const FAMILY_ORDER = Object.keys(FAMILIES);

export function catalogQuickFixes(ctx: RuleContext, diagnostics: readonly ImrDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const family of FAMILY_ORDER) {
    for (const d of diagnostics) {
      const rule = ruleFor(d.code);
      if (!rule?.fixes || rule.family !== family) continue;
      try {
        // A loop, not push(...): the same care as runRules takes with many findings.
        for (const action of rule.fixes(ctx, d)) out.push(action);
      } catch (err) {
        // One fix's bug must not hide the other fixes.
        reportContained(err, `quick-fix ${rule.code}`);
      }
    }
  }
  return out;
}

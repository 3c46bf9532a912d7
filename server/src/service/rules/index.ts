// Runs the catalog's checks (rules/catalog/) in one place, so severity
// settings and suppression comments apply to all of them alike.
import type { CaseFile, Suppression } from '../syntax/ast';
import type { ImrDiagnostic, ServiceSettings } from '../types';
import type { CheckedRule, RuleContext } from './defineRule';
import { CATALOG } from './catalog/index';
import { withPhraseMemo, type PhraseMemo } from '../necessity/phrases';
import { reportContained } from '../contained';
import { applyAuditView } from './auditView';
import { RuleCache, type RunStats } from './engine';
import { mapPacked } from '../text/packed';

export { RuleCache, type RunStats };

/** The codes with a check, in catalog order; the others are reported by the parser, the input limits or the workspace loader. */
const CHECKED = CATALOG.filter((r): r is CheckedRule => r.check !== undefined);

/**
 * The parser's problems and every check's findings, with the settings and
 * suppressions applied. `memo` is the calling service's; `cache` is the
 * document's findings of its last run (rules/engine.ts), which this run
 * reuses where a rule's inputs did not change, and replaces.
 */
export function runRules(ctx: RuleContext, settings: ServiceSettings, memo?: PhraseMemo, cache: RuleCache = new RuleCache()): ImrDiagnostic[] {
  // The rules of one run share their phrase matches (each item reads the same summary).
  return withPhraseMemo(() => runAll(ctx, settings, cache), memo);
}

/**
 * The checks to run: a rule the author turned off (`imr.rules.<code>: off`) is not run at all, so a reviewer who
 * turns off a reasoning rule does not wait for it on every keystroke. No check reads another's findings, and the
 * cache keeps only the rules it ran, so turning the rule on again checks it afresh.
 */
function checksOn(settings: ServiceSettings): readonly CheckedRule[] {
  const { rules } = settings;
  for (const r of CHECKED) if (rules[r.code] === 'off') return CHECKED.filter((c) => rules[c.code] !== 'off');
  return CHECKED;
}

function runAll(ctx: RuleContext, settings: ServiceSettings, cache: RuleCache): ImrDiagnostic[] {
  const { file } = ctx;
  const out: ImrDiagnostic[] = mapPacked(file.problems, (p) => ({ code: p.code, severity: p.severity, message: p.message, range: p.range }));
  cache.run(
    ctx,
    checksOn(settings),
    // One push per finding, not push(...found): spreading a rule's 100,000+ findings (a huge
    // case with the limit raised) overflows the call stack and would lose them all.
    (rule, f) => out.push({ code: rule.code, severity: rule.severity, ...f } as ImrDiagnostic),
    // A rule bug must not cost the author the other diagnostics. Tests (the
    // property tests) observe contained errors, so a crashing rule still fails them.
    (rule, err) => reportContained(err, `rule ${rule.code}`),
  );
  return applySettings(file, applyAuditView(file, out), settings);
}

function applySettings(file: CaseFile, diagnostics: ImrDiagnostic[], settings: ServiceSettings): ImrDiagnostic[] {
  const result: ImrDiagnostic[] = [];
  const isSuppressed = suppressionLookup(file.suppressions);
  for (const d of diagnostics) {
    const setting = settings.rules[d.code];
    if (setting === 'off') continue;
    if (isSuppressed(d)) continue;
    result.push(setting ? { ...d, severity: setting } : d);
  }
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * Whether a `-- imr-disable-next-line` comment targets a line of the
 * diagnostic's range with its code (or with no codes). The suppressions are
 * sorted by line once and searched by bisection, so a case with thousands of
 * suppressions and thousands of diagnostics costs n log n, not n times m.
 */
export function suppressionLookup(suppressions: readonly Suppression[]): (d: ImrDiagnostic) => boolean {
  if (suppressions.length === 0) return () => false;
  const sorted = [...suppressions].sort((a, b) => a.targetLine - b.targetLine);
  return (d) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].targetLine < d.range.start.line) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i].targetLine <= d.range.end.line; i++) {
      const s = sorted[i];
      if (s.codes.length === 0 || s.codes.includes(d.code)) return true;
    }
    return false;
  };
}

// Property: every quick-fix the service offers does what its title says. For
// each diagnostic of a case (an example changed at random, or a case built
// from the language's parts), ask for the code actions on its range, apply
// each quick-fix's edits as an editor without snippets would (placeholders
// become their default text), and check the result with checkQuickFixes:
// no new syntax problem, and the targeted diagnostic is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { caseText, mutatedExample, settings } from '../helpers/properties';
import { checkQuickFixes } from '../helpers/quickFixCheck';

test('property: applying any offered quick-fix adds no syntax problem and removes the diagnostic it targets', (t) => {
  let applied = 0;
  const byRule = new Map<string, number>();
  fc.assert(
    fc.property(fc.oneof(mutatedExample, caseText), (text) => {
      applied += checkQuickFixes(text, byRule);
    }),
    settings(100),
  );
  t.diagnostic(
    `${applied} quick-fixes applied and checked: ${[...byRule]
      .sort()
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}`,
  );
  assert.ok(applied > 0, 'the inputs offered quick-fixes at all');
});

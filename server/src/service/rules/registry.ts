// Look-ups over the rule catalog: a code's definition, a family's codes.
import type { Family, RuleDefinition } from './defineRule';
import { CATALOG } from './catalog/index';

const BY_CODE = new Map<string, RuleDefinition>(CATALOG.map((r) => [r.code, r]));

export function ruleFor(code: string): RuleDefinition | undefined {
  return BY_CODE.get(code);
}

/** The codes of one family, in catalog order (the tests' code lists). */
export function codesOf(family: Family): string[] {
  return CATALOG.filter((r) => r.family === family).map((r) => r.code);
}

export { CATALOG };

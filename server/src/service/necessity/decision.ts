// A section's decision logic: which criteria, met together or as
// alternatives, make the service medically necessary. Guidelines say things
// like "a red flag, or (objective nerve compromise and failed conservative
// care and a worker who would consider surgery)": a tree of all-of and any-of
// groups over criterion ids. A section without a tree decides as before: each
// decisive criterion must be met, decisive criteria sharing an `anyOf` group
// are alternatives.

export type DecisionNode = string | { allOf: DecisionNode[] } | { anyOf: DecisionNode[] };

/** A criterion's status as the case marks it; undefined when not listed. */
export type CriterionStatus = 'met' | 'not met' | 'unknown' | 'not applicable' | undefined;

/** true: the criteria favour the request; false: they rule it out; undefined: not yet known. */
export type Truth = boolean | undefined;

export interface Evaluation {
  value: Truth;
  /** The criteria that decide the value: the met branch when true, every not-met criterion that closes a branch when false. */
  deciding: string[];
  /** The branch that decides, in words ("LMRI-05", "LMRI-01 and LMRI-02 and LMRI-03"). */
  branch: string;
}

/** The tree of a section: its own `decides`, else the one its decisive criteria and `anyOf` groups imply. */
// Only the fields the tree is built from: the library's Criterion has them, and
// naming them here keeps decision.ts below library.ts (which imports it).
export function decisionTree(section: {
  criteria: readonly { id: string; decisive?: boolean; anyOf?: string }[];
  decides?: DecisionNode;
}): DecisionNode | undefined {
  if (section.decides) return section.decides;
  const groups = new Map<string, string[]>();
  for (const c of section.criteria) {
    if (!c.decisive) continue;
    const key = c.anyOf ? `group:${c.anyOf}` : c.id;
    groups.set(key, [...(groups.get(key) ?? []), c.id]);
  }
  if (!groups.size) return undefined;
  const parts: DecisionNode[] = [...groups.values()].map((ids) => (ids.length === 1 ? ids[0] : { anyOf: ids }));
  return parts.length === 1 ? parts[0] : { allOf: parts };
}

export function leaves(node: DecisionNode): string[] {
  if (typeof node === 'string') return [node];
  return ('allOf' in node ? node.allOf : node.anyOf).flatMap(leaves);
}

export function describe(node: DecisionNode, top = true): string {
  if (typeof node === 'string') return node;
  const all = 'allOf' in node;
  const text = (all ? node.allOf : node.anyOf).map((n) => describe(n, false)).join(all ? ' and ' : ' or ');
  return top ? text : `(${text})`;
}

/**
 * Three-valued evaluation: met and not applicable count as true, not met as
 * false, unknown or unlisted as not known. An all-of group is false when any
 * member is false; an any-of group is true when any member is true.
 */
export function evaluate(node: DecisionNode, status: (id: string) => CriterionStatus): Evaluation {
  if (typeof node === 'string') {
    const s = status(node);
    const value = s === 'met' || s === 'not applicable' ? true : s === 'not met' ? false : undefined;
    return { value, deciding: value === undefined ? [] : [node], branch: node };
  }
  const all = 'allOf' in node;
  const parts = (all ? node.allOf : node.anyOf).map((n) => ({ node: n, e: evaluate(n, status) }));
  if (all) {
    const failed = parts.filter((p) => p.e.value === false);
    if (failed.length) return { value: false, deciding: failed.flatMap((p) => p.e.deciding), branch: failed.map((p) => describe(p.node, false)).join(' and ') };
    if (parts.every((p) => p.e.value === true)) return { value: true, deciding: parts.flatMap((p) => p.e.deciding), branch: describe(node) };
    return { value: undefined, deciding: [], branch: describe(node) };
  }
  const met = parts.find((p) => p.e.value === true);
  if (met) return { value: true, deciding: met.e.deciding, branch: describe(met.node) };
  if (parts.every((p) => p.e.value === false)) return { value: false, deciding: parts.flatMap((p) => p.e.deciding), branch: describe(node) };
  return { value: undefined, deciding: [], branch: describe(node) };
}

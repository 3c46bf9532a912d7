// The visit allowances of the MTUS sections an item's guideline line cites: the
// criteria library's `limits` of visits, sessions or treatments. Shared by
// guideline-mismatch (an allowance the cited section does not set) and
// evidence-hierarchy (an unnamed guideline's allowance where the cited MTUS
// section sets others).
import type { CriteriaLibrary, LibrarySection, Limit } from '../../necessity/library';
import type { ItemView } from '../../necessity/itemView';

const ALLOWANCE_LIMITS: ReadonlySet<string> = new Set(['visits', 'sessions', 'treatments']);

/** The MTUS sections of the library that the item's guideline line names and its service matches. */
export function citedOwnSections(v: ItemView, library: CriteriaLibrary): LibrarySection[] {
  const line = v.item.guideline?.value.toLowerCase();
  if (!line) return [];
  const own = new Set(library.matchService(v.item.service).map((s) => s.id));
  return [...library.sections.values()].filter(
    (s) => s.source.mtus && own.has(s.id) && (s.source.sections ?? []).some((name) => name.length > 3 && line.includes(name.toLowerCase())),
  );
}

/** The cited sections and their allowances, where every criterion that sets one is verified; undefined where none does. */
export function citedAllowances(v: ItemView, library: CriteriaLibrary): { sections: LibrarySection[]; limits: Limit[] } | undefined {
  const sections = citedOwnSections(v, library);
  const counted = sections.flatMap((s) => s.criteria).filter((c) => (c.limits ?? []).some((l) => ALLOWANCE_LIMITS.has(l.what)));
  if (!counted.length || counted.some((c) => c.unverified)) return undefined;
  return { sections, limits: counted.flatMap((c) => (c.limits ?? []).filter((l) => ALLOWANCE_LIMITS.has(l.what))) };
}

/** The allowances as a letter writes them: "9-10 visits (myalgia or myositis); 24 visits (CRPS)". */
export function allowanceList(limits: readonly Limit[]): string {
  return [
    ...new Set(
      limits.map(
        (l) =>
          `${l.min !== undefined && l.max !== undefined && l.min !== l.max ? `${l.min}-${l.max}` : String(l.max ?? l.min)} ${l.what}${l.when ? ` (${l.when})` : ''}`,
      ),
    ),
  ].join('; ');
}

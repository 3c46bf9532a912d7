// An audit of the criteria data, for the clinical editor who keeps it:
// criteria whose note names no source, sources the audit cannot find (a
// corpus letter that is not there, an edition the editions file lacks), what
// is still unverified, and editions whose dates overlap or leave a gap.
// Pure: whoever runs it says which corpus letters exist.
import type { CriteriaLibrary } from './library';
import { allEditions, edition, validateEditions } from './editions';

export type AuditKind = 'no-source' | 'missing-source' | 'unknown-edition' | 'edition-dates' | 'unverified';

export interface AuditFinding {
  kind: AuditKind;
  /** Section id, or edition id for edition-dates. */
  where: string;
  criterion?: string;
  message: string;
}

// A note names a source when it points at a corpus letter, a guideline or
// regulation, or a page; "From memory" alone is not one.
const NAMES_A_SOURCE =
  /\[L:|\bMTUS\b|\bACOEM\b|\bODG\b|\bCPMTG\b|\bCCR\b|\b9792\.|guideline|\.com\b|\.gov\b|\.org\b|American College|as TA-|as CMRI-|as LXR-|corpus/i;
const LETTER_REFS = /\[L:([^\]]+)\]/g;

export interface AuditOptions {
  /** Whether a corpus letter exists (undefined: the corpus is not at hand, so letters are not looked up). */
  letterExists?: (name: string) => boolean;
}

export function auditLibrary(library: CriteriaLibrary, options: AuditOptions = {}): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const s of library.sections.values()) {
    if (s.edition && !edition(s.edition))
      out.push({ kind: 'unknown-edition', where: s.id, message: `${s.id} names edition "${s.edition}", which the editions file does not have.` });
    for (const c of s.criteria) {
      const note = c.sourceNote ?? '';
      if (!NAMES_A_SOURCE.test(`${note} ${c.source ?? ''}`))
        out.push({ kind: 'no-source', where: s.id, criterion: c.id, message: `${c.id}: the note names no source ("${note}").` });
      if (options.letterExists) {
        for (const m of note.matchAll(LETTER_REFS)) {
          for (const name of m[1].split(/\s*,\s*/)) {
            const letter = name.trim();
            if (letter && !options.letterExists(letter))
              out.push({ kind: 'missing-source', where: s.id, criterion: c.id, message: `${c.id} cites corpus letter ${letter}, which is not in the corpus.` });
          }
        }
      }
      if (c.unverified) out.push({ kind: 'unverified', where: s.id, criterion: c.id, message: `${c.id} is unverified: ${note}` });
    }
  }
  for (const p of validateEditions({ editions: allEditions() })) {
    const i = typeof p.path[1] === 'number' ? p.path[1] : -1;
    out.push({ kind: 'edition-dates', where: allEditions()[i]?.id ?? 'editions', message: p.message });
  }
  return out;
}

/** Counts by kind, for a one-line summary. */
export function auditSummary(findings: AuditFinding[]): Record<AuditKind, number> {
  const counts: Record<AuditKind, number> = { 'no-source': 0, 'missing-source': 0, 'unknown-edition': 0, 'edition-dates': 0, unverified: 0 };
  for (const f of findings) counts[f.kind]++;
  return counts;
}

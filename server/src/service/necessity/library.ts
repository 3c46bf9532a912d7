// The criteria library: guideline sections and their criteria, loaded from
// data/criteria/*.json (bundled), checked against the JSON Schema and for
// sense (unique ids, known concepts), and merged with a workspace's
// .imr/criteria/*.json. Workspace files are data only: never executed.
import imaging from '../data/criteria/imaging.json';
import physicalMedicine from '../data/criteria/physical-medicine.json';
import medications from '../data/criteria/medications.json';
import injections from '../data/criteria/injections.json';
import criteriaSchema from '../data/schema/criteria.schema.json';
import { validateAgainstSchema, type SchemaError } from './jsonSchema';
import { PhraseSet } from './phrases';
import { CONCEPTS } from './terms';

export type LimitKind = 'visits' | 'sessions' | 'treatments' | 'times-per-week' | 'weeks' | 'months' | 'days' | 'per-year' | 'mg-med-per-day' | 'levels' | 'years-of-age';

export interface Limit {
  what: LimitKind;
  min?: number;
  max?: number;
  overWeeks?: number;
  when?: string;
}

export interface Criterion {
  id: string;
  text: string;
  decisive?: boolean;
  anyOf?: string;
  unverified?: boolean;
  source?: string;
  sourceNote: string;
  concepts?: string[];
  /** Concepts whose documented presence means the criterion is met: "not met" then denies the record. */
  requires?: string[];
  limits?: Limit[];
}

export interface GuidelineSource {
  guideline: 'MTUS' | 'ODG' | 'ACOEM' | 'other';
  mtus: boolean;
  document: string;
  sections?: string[];
  citation: string;
}

export interface GuidelineSection {
  id: string;
  title: string;
  source: GuidelineSource;
  match: string[][];
  exclude?: string[];
  criteria: Criterion[];
  /** Where the section came from: a built-in file name or a workspace uri. */
  origin: string;
}

export interface CriteriaFile {
  sections: Omit<GuidelineSection, 'origin'>[];
}

export const BUILT_IN_FILES: Record<string, unknown> = {
  'imaging.json': imaging,
  'physical-medicine.json': physicalMedicine,
  'medications.json': medications,
  'injections.json': injections,
};

export const CRITERIA_SCHEMA = criteriaSchema as Record<string, unknown>;

export interface DataProblem extends SchemaError {
  /** Put the problem on the property name rather than the value. */
  onKey?: boolean;
}

/** Schema errors plus the checks a schema cannot express. */
export function validateCriteriaData(data: unknown, known: { sectionIds?: Set<string> } = {}): DataProblem[] {
  const problems: DataProblem[] = validateAgainstSchema(data, CRITERIA_SCHEMA);
  if (problems.length) return problems;
  const file = data as CriteriaFile;
  const ids = new Map<string, string>();
  const sectionIds = new Set<string>();
  file.sections.forEach((section, si) => {
    if (sectionIds.has(section.id)) problems.push({ path: ['sections', si, 'id'], message: `Section id "${section.id}" is used twice in this file; give each section its own id.` });
    sectionIds.add(section.id);
    section.criteria.forEach((c, ci) => {
      const first = ids.get(c.id);
      if (first) problems.push({ path: ['sections', si, 'criteria', ci, 'id'], message: `Criterion id ${c.id} is already used in section "${first}"; criterion ids must be unique.` });
      else ids.set(c.id, section.id);
      for (const [key, list] of [['concepts', c.concepts], ['requires', c.requires]] as const) {
        (list ?? []).forEach((concept, k) => {
          if (!CONCEPTS.has(concept)) {
            problems.push({ path: ['sections', si, 'criteria', ci, key, k], message: `"${concept}" is not a term-list concept; known: ${[...CONCEPTS.keys()].join(', ')}.` });
          }
        });
      }
      if (c.anyOf && !c.decisive) problems.push({ path: ['sections', si, 'criteria', ci, 'anyOf'], message: `anyOf groups alternatives among decisive criteria; mark ${c.id} "decisive": true or drop "anyOf".`, onKey: true });
      for (const [li, l] of (c.limits ?? []).entries()) {
        if (l.min !== undefined && l.max !== undefined && l.min > l.max) problems.push({ path: ['sections', si, 'criteria', ci, 'limits', li], message: `This limit's min (${l.min}) is above its max (${l.max}).` });
      }
    });
  });
  void known;
  return problems;
}

/** A section with its service terms compiled. */
export interface LibrarySection extends GuidelineSection {
  matchSets: PhraseSet[];
  excludeSet: PhraseSet;
}

export class CriteriaLibrary {
  readonly sections: ReadonlyMap<string, LibrarySection>;
  private readonly byCriterion = new Map<string, { section: LibrarySection; criterion: Criterion }>();

  constructor(sections: GuidelineSection[]) {
    const map = new Map<string, LibrarySection>();
    for (const s of sections) {
      map.set(s.id, { ...s, matchSets: s.match.map((g) => new PhraseSet(g)), excludeSet: new PhraseSet(s.exclude ?? []) });
    }
    this.sections = map;
    for (const section of map.values()) for (const criterion of section.criteria) this.byCriterion.set(criterion.id.toUpperCase(), { section, criterion });
  }

  section(id: string | undefined): LibrarySection | undefined {
    return id ? this.sections.get(id.trim().toLowerCase()) : undefined;
  }

  criterion(id: string): { section: LibrarySection; criterion: Criterion } | undefined {
    return this.byCriterion.get(id.trim().toUpperCase());
  }

  /** Sections whose service terms match the disputed service's name ("MRI of the lumbar spine" -> low-back-mri). */
  matchService(service: string): LibrarySection[] {
    const text = service.toLowerCase();
    return [...this.sections.values()].filter((s) => !s.excludeSet.test(text) && s.matchSets.every((g) => g.test(text)));
  }
}

function sectionsOf(data: unknown, origin: string): GuidelineSection[] {
  return (data as CriteriaFile).sections.map((s) => ({ ...s, origin }));
}

function builtInSections(): GuidelineSection[] {
  const out: GuidelineSection[] = [];
  for (const [name, data] of Object.entries(BUILT_IN_FILES)) out.push(...sectionsOf(data, name));
  return out;
}

export const BUILT_IN_LIBRARY = new CriteriaLibrary(builtInSections());

/**
 * The library with workspace sections merged in: a workspace section with a
 * built-in id replaces it; others are added. Files must already be valid.
 */
export function libraryWith(workspace: { uri: string; data: unknown }[]): CriteriaLibrary {
  const byId = new Map<string, GuidelineSection>();
  for (const s of builtInSections()) byId.set(s.id, s);
  for (const w of workspace) for (const s of sectionsOf(w.data, w.uri)) byId.set(s.id, s);
  return new CriteriaLibrary([...byId.values()]);
}

// The library the rules use. One per process: the server serves one
// workspace, and the CLI loads a workspace's criteria before checking.
let active: CriteriaLibrary = BUILT_IN_LIBRARY;

export function activeLibrary(): CriteriaLibrary {
  return active;
}

export function setActiveLibrary(library: CriteriaLibrary): void {
  active = library;
}

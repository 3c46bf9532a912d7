// The criteria library: guideline sections and their criteria, loaded from
// data/criteria/*.json (bundled), checked against the JSON Schema and for
// sense (unique ids, known concepts), and merged with a workspace's
// .imr/criteria/*.json. Workspace files are data only: never executed.
import imaging from '../data/criteria/imaging.json';
import physicalMedicine from '../data/criteria/physical-medicine.json';
import medications from '../data/criteria/medications.json';
import injections from '../data/criteria/injections.json';
import surgery from '../data/criteria/surgery.json';
import equipment from '../data/criteria/equipment.json';
import evaluations from '../data/criteria/evaluations.json';
import criteriaSchema from '../data/schema/criteria.schema.json';
import { validateAgainstSchema, type SchemaError } from './jsonSchema';
import { PhraseIndex, PhraseSet, TextMemo, phraseProblem } from './phrases';
import { CONCEPTS } from './terms';
import { allEditions, edition } from './editions';
import { leaves, type DecisionNode } from './decision';
import { formularyDrug } from './formulary';
import { mapPacked } from '../text/packed';

export type LimitKind =
  | 'visits'
  | 'sessions'
  | 'treatments'
  | 'times-per-week'
  | 'hours-per-week'
  | 'weeks'
  | 'months'
  | 'days'
  | 'per-year'
  | 'mg-med-per-day'
  | 'levels'
  | 'years-of-age';

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

/** How a drug is given: a section on oral NSAIDs does not judge a topical NSAID gel. */
export type DrugForm = 'oral' | 'topical' | 'transdermal' | 'injectable' | 'compounded';

/**
 * What a section is about, as ids a rule can compare: the body sites (ids of
 * the lexicon's sites.json), the kind of service and the drug forms. A
 * section applied to an item of another site, service or form is the wrong
 * guideline (`guideline-mismatch`). An empty or absent list covers anything.
 */
export interface Coverage {
  sites?: string[];
  services?: string[];
  forms?: DrugForm[];
}

export interface GuidelineSection {
  id: string;
  title: string;
  source: GuidelineSource;
  /** Id of the guideline edition (editions.json) the section's criteria come from. */
  edition?: string;
  covers?: Coverage;
  /** How the criteria decide the request: nested all-of / any-of groups of criterion ids. */
  decides?: DecisionNode;
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
  'surgery.json': surgery,
  'equipment.json': equipment,
  'evaluations.json': evaluations,
};

export const CRITERIA_SCHEMA = criteriaSchema as Record<string, unknown>;

export interface DataProblem extends SchemaError {
  /** Put the problem on the property name rather than the value. */
  onKey?: boolean;
}

/** Schema errors plus the checks a schema cannot express. */
/** A phrase as a message names it: whole when short, else its start (a 10,000-character phrase is not repeated back). */
function quotePhrase(phrase: string): string {
  return phrase.length <= 40 ? `"${phrase}"` : `"${phrase.slice(0, 30)}…"`;
}

export function validateCriteriaData(data: unknown, known: { sectionIds?: Set<string> } = {}): DataProblem[] {
  const problems: DataProblem[] = validateAgainstSchema(data, CRITERIA_SCHEMA);
  if (problems.length) return problems;
  const file = data as CriteriaFile;
  const ids = new Map<string, string>();
  const sectionIds = new Set<string>();
  file.sections.forEach((section, si) => {
    if (sectionIds.has(section.id))
      problems.push({ path: ['sections', si, 'id'], message: `Section id "${section.id}" is used twice in this file; give each section its own id.` });
    sectionIds.add(section.id);
    // The phrase syntax, checked before any phrase is compiled (a * inside a word backtracked without end).
    section.match.forEach((group, gi) =>
      group.forEach((phrase, pi) => {
        const wrong = phraseProblem(phrase);
        if (wrong) problems.push({ path: ['sections', si, 'match', gi, pi], message: `The phrase ${quotePhrase(phrase)} ${wrong}.` });
      }),
    );
    (section.exclude ?? []).forEach((phrase, pi) => {
      const wrong = phraseProblem(phrase);
      if (wrong) problems.push({ path: ['sections', si, 'exclude', pi], message: `The phrase ${quotePhrase(phrase)} ${wrong}.` });
    });
    if (section.edition && !edition(section.edition))
      problems.push({
        path: ['sections', si, 'edition'],
        message: `"${section.edition}" is not a guideline edition; known: ${allEditions()
          .map((e) => e.id)
          .join(', ')}.`,
      });
    if (section.decides) {
      const own = new Map(section.criteria.map((c) => [c.id, c]));
      const inTree = new Set(leaves(section.decides));
      for (const id of inTree) {
        if (!own.has(id))
          problems.push({
            path: ['sections', si, 'decides'],
            message: `The decision logic names ${id}, which is not a criterion of ${section.id}.`,
            onKey: true,
          });
        else if (!own.get(id)!.decisive)
          problems.push({ path: ['sections', si, 'decides'], message: `The decision logic names ${id}; mark it "decisive": true.`, onKey: true });
      }
      section.criteria.forEach((c, ci) => {
        if (c.decisive && !inTree.has(c.id))
          problems.push({
            path: ['sections', si, 'criteria', ci, 'decisive'],
            message: `${c.id} is decisive but not in the section's decision logic ("decides"); add it there or drop "decisive".`,
            onKey: true,
          });
        if (c.anyOf)
          problems.push({
            path: ['sections', si, 'criteria', ci, 'anyOf'],
            message: `With "decides", alternatives are any-of groups there; drop "anyOf" from ${c.id}.`,
            onKey: true,
          });
      });
    }
    section.criteria.forEach((c, ci) => {
      const first = ids.get(c.id);
      if (first)
        problems.push({
          path: ['sections', si, 'criteria', ci, 'id'],
          message: `Criterion id ${c.id} is already used in section "${first}"; criterion ids must be unique.`,
        });
      else ids.set(c.id, section.id);
      for (const [key, list] of [
        ['concepts', c.concepts],
        ['requires', c.requires],
      ] as const) {
        (list ?? []).forEach((concept, k) => {
          if (!CONCEPTS.has(concept)) {
            problems.push({
              path: ['sections', si, 'criteria', ci, key, k],
              message: `"${concept}" is not a term-list concept; known: ${[...CONCEPTS.keys()].join(', ')}.`,
            });
          }
        });
      }
      if (c.anyOf && !c.decisive)
        problems.push({
          path: ['sections', si, 'criteria', ci, 'anyOf'],
          message: `anyOf groups alternatives among decisive criteria; mark ${c.id} "decisive": true or drop "anyOf".`,
          onKey: true,
        });
      for (const [li, l] of (c.limits ?? []).entries()) {
        if (l.min !== undefined && l.max !== undefined && l.min > l.max)
          problems.push({ path: ['sections', si, 'criteria', ci, 'limits', li], message: `This limit's min (${l.min}) is above its max (${l.max}).` });
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
  /** Which sections' service terms a name can match (most match nothing of a given name, and are not scanned); made on the first name asked. */
  private serviceIndex: PhraseIndex | undefined;
  /** matchService's answers by service name (frozen: callers share them). */
  private readonly serviceMemo = new TextMemo((service) => Object.freeze(this.findService(service)) as LibrarySection[]);

  constructor(sections: GuidelineSection[]) {
    const map = new Map<string, LibrarySection>();
    for (const s of sections) {
      map.set(s.id, {
        ...s,
        matchSets: s.match.map((g) => new PhraseSet(g, { plurals: true })),
        excludeSet: new PhraseSet(s.exclude ?? [], { plurals: true }),
      });
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

  /**
   * Sections whose service terms match the disputed service's name ("MRI of
   * the lumbar spine" -> low-back-mri), the likeliest first. A section whose
   * drug forms exclude the item's ("Cyclobenzaprine 5% cream" is topical, not
   * an oral muscle relaxant) does not match. Among several, the one whose
   * terms come first in the name wins: a reviewer names the service before
   * what goes with it ("Acupuncture with capsaicin patch", "Chiropractic
   * physiotherapy", "Lumbar epidural injection with pain consult").
   */
  matchService(service: string): LibrarySection[] {
    // The library never changes once built, and every item's view and several rules ask about
    // the same service names on each keystroke: within a rules run (and the next one, for a name
    // an edit left alone) the answer is looked up in the run's memo, which forgets a closed case.
    return this.serviceMemo.get(service);
  }

  private findService(service: string): LibrarySection[] {
    const text = service.toLowerCase();
    const forms = serviceForms(text);
    const hits: { section: LibrarySection; at: number; length: number; order: number }[] = [];
    let order = 0;
    // A set the index rules out has no match in the name; the others are asked as before.
    const candidates = (this.serviceIndex ??= new PhraseIndex([...this.sections.values()].flatMap((s) => s.matchSets))).candidates(text);
    // Each set is asked once per service name (serviceMemo remembers the answer), so through `first`, not the
    // phrase memo: a run would otherwise make a map for each of some 500 sets.
    for (const s of this.sections.values()) {
      order++;
      if (forms.length && s.covers?.forms?.length && !forms.some((f) => s.covers!.forms!.includes(f))) continue;
      let at = Infinity;
      let length = 0;
      let all = true;
      for (const g of s.matchSets) {
        const m = candidates.has(g) ? g.first(text) : undefined;
        if (!m) {
          all = false;
          break;
        }
        at = Math.min(at, m.start);
        length += m.end - m.start;
      }
      // The exclusions last: most sections' terms are not in the name, and then whether an exclusion is does not matter.
      if (all && !s.excludeSet.has(text)) hits.push({ section: s, at, length, order });
    }
    hits.sort((a, b) => a.at - b.at || b.length - a.length || a.order - b.order);
    if (!hits.length) {
      // A drug the section terms do not list: the formulary knows its class.
      const drug = formularyDrug(text);
      const section = drug && this.sections.get(drug.section);
      if (
        section &&
        !section.excludeSet.test(text) &&
        !(forms.length && section.covers?.forms?.length && !forms.some((f) => section.covers!.forms!.includes(f)))
      )
        return [section];
    }
    return hits.map((h) => h.section);
  }

  /**
   * Whether `section`, cited for an item named `service`, covers another body
   * site, kind of service or drug form than the item: the axis that differs
   * and both sides' ids, or undefined when they agree or the item's name says
   * too little. The item's coverage is that of the sections its name matches
   * (with the sites and forms its name states), so an item the library does
   * not know is never called a mismatch.
   */
  coverageConflict(service: string, section: LibrarySection): CoverageConflict | undefined {
    const matches = this.matchService(service);
    if (!matches.length || matches.some((m) => m.id === section.id)) return undefined;
    const cited = section.covers ?? {};
    const forms = serviceForms(service.toLowerCase());
    for (const axis of ['services', 'sites', 'forms'] as const) {
      const theirs = cited[axis] ?? [];
      if (!theirs.length) continue;
      const item = new Set<string>(axis === 'forms' && forms.length ? forms : matches.flatMap((m) => m.covers?.[axis] ?? []));
      if (!item.size) continue;
      if (![...item].some((id) => (theirs as string[]).includes(id))) return { axis, item: [...item], section: [...theirs] };
    }
    return undefined;
  }
}

export interface CoverageConflict {
  axis: 'sites' | 'services' | 'forms';
  /** The item's ids on that axis. */
  item: string[];
  /** The cited section's ids on that axis. */
  section: string[];
}

// How a drug's name says its form. Strength as a percentage or per gram is a
// cream, gel or patch; "oral suspension" is a compounded kit ("Synapryn 10mg/1ml
// oral suspension") and oral as well; tablets and "by mouth" are oral.
const FORM_TERMS: [DrugForm, PhraseSet][] = [
  [
    'topical',
    new PhraseSet(['cream', 'gel', 'ointment', 'lotion', 'topical', 'patch', 'pad', 'cream base', 'transdermal', 'roll-on', 'spray'], { plurals: true }),
  ],
  ['compounded', new PhraseSet(['compound*', 'cream base', 'oral suspension', 'suspension'])],
  ['injectable', new PhraseSet(['injection', 'injected', 'intra-articular', 'im', 'iv', 'intramuscular', 'intravenous'], { plurals: true })],
  [
    'oral',
    new PhraseSet(['tab', 'tabs', 'tablet', 'capsule', 'cap', 'caps', 'by mouth', 'orally', 'po', 'oral', 'oral suspension', 'er', 'xr', 'sr', 'dr'], {
      plurals: true,
    }),
  ],
];

/** The drug forms an item's name states (none when it does not say). */
export function serviceForms(text: string): DrugForm[] {
  // `has`, not `test`: callers ask a service name as it is written or lowercased, a few times a run, and counted over
  // 100 batch cases the sets' memo entries were never asked again (about 1,300 look-ups, 0 hits).
  const out: DrugForm[] = mapPacked(
    FORM_TERMS.filter(([, set]) => set.has(text)),
    ([f]) => f,
  );
  if (/\d\s*%|\d\s*(?:mg|mcg)\s*\/\s*(?:g|gm|gram)\b|\d\s*(?:grams?|gm)\b/i.test(text) && !out.includes('topical')) out.push('topical');
  return out;
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

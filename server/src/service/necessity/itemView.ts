// What the necessity rules ask of one disputed item: its conclusion, the
// guideline it cites, the guideline section it is judged by, and ranges
// inside its prose. Computed from the syntax tree and model, never stored.
import type { CriteriaBlock, ItemSection, Prose, Range, Sentence } from '../syntax/ast';
import type { ItemModel } from '../model/caseModel';
import { getField } from '../model/caseModel';
import { proseRange } from '../syntax/prose';
import { itemConclusion, type ItemConclusion } from './conclusions';
import type { CriteriaLibrary, LibrarySection } from './library';

export type GuidelineKind = 'mtus' | 'non-mtus' | 'none' | 'other';

/** How the item's guideline line is grounded: an MTUS chapter, a non-MTUS citation, or none. */
export function guidelineKind(value: string | undefined): GuidelineKind {
  const v = (value ?? '').trim();
  if (!v || /did not cite any (medical )?evidence|no medical evidence|not cite any/i.test(v)) return 'none';
  const withoutNon = v.replace(/non[\s-]*mtus/gi, '');
  if (/\bMTUS\b/i.test(withoutNon)) return 'mtus';
  if (/non[\s-]*mtus|official disability|\bODG\b|outside (of )?the mtus/i.test(v)) return 'non-mtus';
  return 'other';
}

export interface ItemView {
  item: ItemModel;
  section: ItemSection;
  criteria?: CriteriaBlock;
  /** The section the item is judged by: `criteria: <id>` if known, else a match on the service name. */
  librarySection?: LibrarySection;
  /** Sections the service name matches. */
  serviceMatches: LibrarySection[];
  conclusion?: ItemConclusion<Sentence>;
  guideline: GuidelineKind;
  dependsOn: boolean;
}

// Several rules view the same item on every keystroke; the view depends only on
// the item (a new object for each analysis) and the library, so it is computed
// once per analysis. Matching the service name and finding the conclusion are
// the costly parts.
const views = new WeakMap<ItemModel, { library: CriteriaLibrary; view: ItemView }>();

/**
 * The conclusion of a rationale's sentences: a new item model each parse, but
 * an unchanged rationale keeps its sentences (syntax/parseMemo.ts), so the
 * next keystroke's view finds it here.
 */
const conclusions = new WeakMap<readonly Sentence[], ItemConclusion<Sentence> | undefined>();

function conclusionOf(sentences: readonly Sentence[]): ItemConclusion<Sentence> | undefined {
  if (conclusions.has(sentences)) return conclusions.get(sentences);
  const found = itemConclusion(sentences);
  conclusions.set(sentences, found);
  return found;
}

export function viewItem(item: ItemModel, library: CriteriaLibrary): ItemView {
  const hit = views.get(item);
  if (hit && hit.library === library) return hit.view;
  const view = computeView(item, library);
  views.set(item, { library, view });
  return view;
}

function computeView(item: ItemModel, library: CriteriaLibrary): ItemView {
  const section = item.section;
  const serviceMatches = library.matchService(item.service);
  const named = library.section(section.criteria?.section?.value);
  const sentences = section.rationale?.prose.sentences ?? [];
  return {
    item,
    section,
    criteria: section.criteria,
    librarySection: named ?? (section.criteria?.section ? undefined : serviceMatches[0]),
    serviceMatches,
    conclusion: conclusionOf(sentences),
    guideline: guidelineKind(item.guideline?.value),
    dependsOn: !!getField(section, 'depends-on')?.value.trim(),
  };
}

/** Source range of [start, end) within a sentence of a prose block. */
export function sentenceSpan(prose: Prose, sentence: Sentence, start: number, end: number): Range {
  return proseRange(prose, sentence.start + start, sentence.start + end);
}

/** The indentation of the item's fields, for lines a quick-fix inserts. */
export function itemIndent(section: ItemSection): string {
  const col =
    section.fields[0]?.keyRange.start.character ?? section.criteria?.keywordRange.start.character ?? section.rationale?.keywordRange.start.character ?? 2;
  return ' '.repeat(col);
}

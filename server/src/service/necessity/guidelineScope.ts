// What a guideline passage, a cited MTUS chapter or a disputed item is about
// (body region, kind of care), and how a rationale names its guidelines: the
// reading that evidence-hierarchy and the prose checks of
// unsupported-necessity-claim share. The words are data
// (data/terms/guideline-scope.json).
import scopeData from '../data/terms/guideline-scope.json';
import { PhraseIndex, PhraseSet, TextMemo, type PhraseMatch } from './phrases';

/** A region, kind of care, drug class or therapy of the scope data, with its words. */
export interface ScopeEntry {
  id: string;
  title: string;
  terms: PhraseSet;
}

export interface MtusChapter {
  id: string;
  title: string;
  names: PhraseSet;
  regions: ReadonlySet<string>;
  services: ReadonlySet<string>;
}

const entries = (list: { id: string; title: string; terms: string[] }[]): ScopeEntry[] =>
  list.map((e) => ({ id: e.id, title: e.title, terms: new PhraseSet(e.terms) }));

export const SCOPE = {
  regions: entries(scopeData.regions),
  services: entries(scopeData.services),
  notService: new PhraseSet(scopeData.notService),
  chapters: scopeData.mtusChapters.map((c): MtusChapter => ({
    id: c.id,
    title: c.title,
    names: new PhraseSet(c.names),
    regions: new Set(c.regions),
    services: new Set(c.services),
  })),
  mtusNames: new PhraseSet(scopeData.mtusNames),
  nonMtusNames: new PhraseSet(scopeData.nonMtusNames),
  silent: new PhraseSet(scopeData.silent),
  reasons: new PhraseSet(scopeData.reasons),
  patientCues: new PhraseSet(scopeData.patientCues),
  notPatient: new PhraseSet(scopeData.notPatient),
  guidelineCues: new PhraseSet(scopeData.guidelineCues),
  causeCues: new PhraseSet(scopeData.causeCues),
  drugClasses: entries(scopeData.drugClasses),
  therapies: entries(scopeData.therapies),
  drugClassConflicts: scopeData.drugClassConflicts as [string, string][],
};

export const SCOPE_DATA = scopeData;

/** The body regions a text names, by id. */
export function regionsIn(text: string): Set<string> {
  return new Set(REGIONS_OF.get(text));
}

/**
 * The ids of the regions a text names, remembered for the run: several rules ask it of the same service names and
 * sentences. Only the regions a PhraseIndex leaves are scanned (most texts name one region or none), through
 * `has`, since this answer is the one remembered.
 */
const REGIONS_OF = new TextMemo((text: string): readonly string[] => {
  const named = (regionIndex ??= new PhraseIndex(SCOPE.regions.map((r) => r.terms))).candidates(text);
  return Object.freeze(SCOPE.regions.filter((r) => named.has(r.terms) && r.terms.has(text)).map((r) => r.id));
});
let regionIndex: PhraseIndex | undefined;

export function regionTitle(id: string): string {
  return SCOPE.regions.find((r) => r.id === id)?.title ?? id;
}

/** The kinds of care a text names ("associated surgical service: cold therapy" is not surgery). */
export function servicesIn(text: string): Set<string> {
  const hidden = SCOPE.notService.matches(text);
  const out = new Set<string>();
  for (const s of SCOPE.services) {
    if (shown(s.terms.matches(text), hidden).length) out.add(s.id);
  }
  return out;
}

export function serviceTitle(id: string): string {
  return SCOPE.services.find((s) => s.id === id)?.title ?? id;
}

/**
 * The MTUS body chapters a guideline line cites: the part before "Non-MTUS
 * Citation" (what follows it is another guideline, whatever its title says:
 * "Non-MTUS Citation ACOEM: Low back disorders" is the updated ACOEM).
 */
export function citedMtusChapters(line: string): MtusChapter[] {
  const mtusPart = line.split(/non[\s-]*mtus/i)[0];
  if (!/\bMTUS\b/i.test(mtusPart)) return [];
  // Only the chapters a PhraseIndex leaves are scanned: a citation names one chapter or two.
  const named = (chapterIndex ??= new PhraseIndex(SCOPE.chapters.map((c) => c.names))).candidates(mtusPart);
  return SCOPE.chapters.filter((c) => named.has(c.names) && c.names.test(mtusPart));
}
let chapterIndex: PhraseIndex | undefined;

/** The cited chapter that addresses a service of these regions and kinds, if any. */
export function chapterCovering(chapters: readonly MtusChapter[], regions: ReadonlySet<string>, services: ReadonlySet<string>): MtusChapter | undefined {
  return chapters.find((c) => [...regions].some((r) => c.regions.has(r)) && [...services].some((s) => c.services.has(s)));
}

/** Where a sentence says a guideline does not address the request: the silence cue and the guideline it speaks of. */
export interface SilenceClaim {
  cue: PhraseMatch;
  /** 'mtus' when the sentence names the MTUS (or its ACOEM chapters) as silent; 'guidelines' for "the guidelines are silent". */
  subject: 'mtus' | 'guidelines';
}

/**
 * A sentence that calls the MTUS (or "the guidelines") silent on the request.
 * "The clinical note does not address ..." is about the record, not a guideline:
 * a guideline must be named before the cue in the same clause.
 */
export function silenceClaim(sentence: string): SilenceClaim | undefined {
  for (const cue of SCOPE.silent.matches(sentence)) {
    const clauseStart = Math.max(0, ...[';', ':', '. ', '(', ', but', ', however'].map((b) => sentence.lastIndexOf(b, cue.start)));
    const before = sentence.slice(clauseStart, cue.start);
    // Something else named as silent in the same breath ("MTUS and ODG do not address") is no claim that the MTUS alone is.
    if (SCOPE.nonMtusNames.test(before)) continue;
    // A guideline that says nothing of "specifically" this request, or one MTUS
    // document named as silent ("the Chronic Pain guidelines are silent"), may
    // be right while another MTUS chapter addresses it: no claim about the MTUS.
    if (/\bspecific(ally)?\b|chronic pain|acupuncture|post-?surgical|opioid/i.test(sentence.slice(clauseStart, cue.end + 12))) continue;
    // "ACOEM guidelines do not address" alone speaks of the ACOEM chapters, which the MTUS's other guidelines complement.
    if (SCOPE.mtusNames.test(before)) return { cue, subject: 'mtus' };
    if (/\bguidelines?\b/i.test(before) && !/\b(note|notes|record|records|report|physician|provider|documentation)\b/i.test(before))
      return { cue, subject: 'guidelines' };
  }
  return undefined;
}

/** The sentence names the MTUS as its source (not as silent). */
export function reliesOnMtus(sentence: string): boolean {
  return SCOPE.mtusNames.test(sentence) && !silenceClaim(sentence);
}

/** Where the sentence names a guideline outside the MTUS ("ODG", "Official Disability Guidelines"). */
export function nonMtusName(sentence: string): PhraseMatch | undefined {
  return SCOPE.nonMtusNames.matches(sentence)[0];
}

/** A sentence about this worker or this record, rather than about what a guideline says. */
export function aboutPatient(sentence: string): boolean {
  const cues = SCOPE.patientCues.matches(sentence);
  if (!cues.length) return false;
  // "Case reports", "studies report": the literature, not the patient reporting.
  const literature = SCOPE.notPatient.matches(sentence);
  return cues.some((c) => !literature.some((l) => l.start <= c.start && c.end <= l.end));
}

/** A sentence that states what a guideline says or names a criterion. */
export function guidelineStatement(sentence: string): boolean {
  return SCOPE.guidelineCues.test(sentence);
}

/** The drug classes a text names, by id, with where. */
export function drugClassesIn(text: string): Map<string, PhraseMatch> {
  const out = new Map<string, PhraseMatch>();
  for (const c of SCOPE.drugClasses) {
    const m = c.terms.matches(text)[0];
    if (m) out.set(c.id, m);
  }
  return out;
}

export function drugClassTitle(id: string): string {
  return SCOPE.drugClasses.find((c) => c.id === id)?.title ?? id;
}

/** Where a text names a region, each match with its region id. */
export function regionMatches(text: string): { id: string; m: PhraseMatch }[] {
  return SCOPE.regions.flatMap((r) => r.terms.matches(text).map((m) => ({ id: r.id, m })));
}

/** Where a text names a kind of care, each match with its id (look-alikes hidden). */
export function serviceMatches(text: string): { id: string; m: PhraseMatch }[] {
  const hidden = SCOPE.notService.matches(text);
  return SCOPE.services.flatMap((s) => shown(s.terms.matches(text), hidden).map((m) => ({ id: s.id, m })));
}

/**
 * Where a text names one kind of care of SCOPE.services, look-alikes hidden: serviceMatches' matches of that kind,
 * in order. For a caller that asks a few kinds of each sentence, not all five; the look-alikes are read only where
 * the kind is named.
 */
export function kindMatches(kind: ScopeEntry, text: string): readonly PhraseMatch[] {
  const found = kind.terms.matches(text);
  return found.length ? shown(found, SCOPE.notService.matches(text)) : found;
}

/** The matches that overlap no look-alike ("associated surgical service" is not surgery). */
function shown(found: readonly PhraseMatch[], hidden: readonly PhraseMatch[]): readonly PhraseMatch[] {
  return hidden.length ? found.filter((m) => !hidden.some((h) => h.start < m.end && m.start < h.end)) : found;
}

/** The kinds of treatment (therapies) a text names, each match with its id. */
export function therapyMatches(text: string): { id: string; m: PhraseMatch }[] {
  return SCOPE.therapies.flatMap((t) => t.terms.matches(text).map((m) => ({ id: t.id, m })));
}

export function therapyTitle(id: string): string {
  return SCOPE.therapies.find((t) => t.id === id)?.title ?? id;
}

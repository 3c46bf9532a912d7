// guideline-mismatch: the rationale applies the criteria of a guideline
// section written for another body part, service or drug form than the item's
// (shoulder MRI criteria for an elbow MRI, topical NSAID guidance for an oral
// NSAID, PPI guidance for an H2 blocker). What each section covers is the
// criteria library's data (`covers`: sites, services, forms).
import type { RelatedInformation } from '../../../types';
import type { Prose, Sentence } from '../../../syntax/ast';
import type { Reader } from '../../../reading/reader';
import type { Mention } from '../../../reading/types';
import { substitutedReason, unweighedCriterion } from '../../support/unweighedCriteria';
import { ACUTE_DAYS, acutePhase, chronicGuidance, phaseDuration } from '../../support/phaseOfCare';
import { excessClaim, givenVisits, initialRequest, quotedAllowances, surgeryDone, type Allowance } from '../../support/visitAllowance';
import { requestedVisits } from '../../../necessity/quantities';
import { supplyDays } from '../../../necessity/dose';
import { allowanceList, citedAllowances, citedOwnSections } from '../../support/sectionAllowances';
import { getField } from '../../../model/caseModel';
import type { CaseModel } from '../../../model/caseModel';
import { daysBetween, formatUs } from '../../../syntax/dates';
import { defineRule, type Finding } from '../../defineRule';
import type { CoverageConflict, CriteriaLibrary } from '../../../necessity/library';
import { sentenceSpan, viewItem, type ItemView } from '../../../necessity/itemView';
import { serviceForms } from '../../../necessity/library';
import {
  citedMtusChapters,
  drugClassesIn,
  drugClassTitle,
  kindMatches,
  regionMatches,
  regionsIn,
  regionTitle,
  SCOPE,
  type ScopeEntry,
  servicesIn,
  serviceTitle,
  therapyMatches,
  therapyTitle,
} from '../../../necessity/guidelineScope';
import { PhraseSet, type PhraseMatch } from '../../../necessity/phrases';
import { aboutPatient, guidelineStatement, SCOPE_DATA } from '../../../necessity/guidelineScope';
import { oneLine } from '../../../text/words';

export interface MismatchData {
  /** What differs: the body part, the service, or the drug form; `weighed`: a condition stated and never weighed; `phase`: guidance for chronic pain in the acute phase; `visits`: a visit allowance quoted and never compared with the request. */
  axis: CoverageConflict['axis'] | 'weighed' | 'phase' | 'visits' | 'continuation' | 'first-line' | 'supply';
  /** For `visits`: the visits asked for (with those already given) and the allowance compared. */
  visits?: number;
  allowed?: number;
  /** The reader's concept of the condition left unweighed. */
  condition?: string;
  /** The library section a criteria block names, and the one for the item, where known. */
  section?: string;
  replacement?: string;
  /** The body region, service or drug class the rationale's criteria are written for. */
  region?: string;
  applied?: string;
  drugClass?: string;
}

type MismatchFinding = Finding<MismatchData>;

const AXIS_WORDS: Record<CoverageConflict['axis'], string> = { sites: 'body part', services: 'service', forms: 'drug form' };

function ids(list: string[]): string {
  return list.map((x) => x.replace(/-/g, ' ')).join(' or ');
}

export default defineRule<MismatchData>({
  code: 'guideline-mismatch',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['header', 'summary'] },
  summary: "The rationale applies criteria written for another body part, service or drug form than the item's.",
  *checkItem({ file, model, library, reader }, item) {
    const diagnosis = getField(file.worker, 'diagnosis')?.value;
    const v = viewItem(item, library);
    const found =
      criteriaBlockMismatch(v, library) ??
      proseMismatch(v, library, diagnosis) ??
      chapterMismatch(v, reader) ??
      regionConditionMismatch(v, reader) ??
      sectionAllowanceMismatch(v, library, reader) ??
      firstLineForFirstLine(v, reader) ??
      shortCourseUnweighed(v, model, file.summary?.prose, reader) ??
      exclusionNotSet(v, library) ??
      // Another service judged (an evaluation by a course of care's criteria) comes before the phase of that care's guidance.
      evaluationAsTreatment(v, reader) ??
      chronicForAcute(v, model, reader) ??
      visitAllowanceMismatch(v, file.summary?.prose, reader) ??
      stimulationMismatch(v, reader, library) ??
      continuationForFirstUse(v, reader) ??
      priorCourseForFirstRequest(v, file.summary?.prose, reader) ??
      unspecifiedSiteApplied(v, reader) ??
      otherConditionEvidence(v, file.summary?.prose, diagnosis, reader) ??
      signsUnweighed(v, file.summary?.prose, reader) ??
      repeatForFirstStudy(v, file.summary?.prose, reader) ??
      unweighed(v, file.summary?.prose, reader);
    if (found) yield found;
  },
});

/** A `criteria:` block that names a section for another site, service or form. */
function criteriaBlockMismatch(v: ItemView, library: CriteriaLibrary): MismatchFinding | undefined {
  const named = v.criteria?.section;
  const section = library.section(named?.value);
  if (!named || !section) return undefined;
  const conflict = library.coverageConflict(v.item.service, section);
  if (!conflict) return undefined;
  const own = library.matchService(v.item.service)[0];
  return {
    message: `The item is "${v.item.service.trim()}", but its criteria are those of ${section.title} (${section.source.citation}), written for another ${AXIS_WORDS[conflict.axis]} (${ids(conflict.section)}, not ${ids(conflict.item)}). Apply the criteria of the section for this request${own ? ` (${own.id}: ${own.title})` : ''}.`,
    range: named.range,
    data: { axis: conflict.axis, section: section.id, ...(own ? { replacement: own.id } : {}) },
  };
}

/**
 * A prose rationale that states the criteria of a guideline for another body
 * part of the same kind of care ("does not meet criteria for a shoulder MRI"
 * for an elbow MRI), or of another drug class ("proton pump inhibitors are
 * recommended for ..." for famotidine, topical NSAID guidance for naproxen).
 */
function proseMismatch(v: ItemView, library: CriteriaLibrary, diagnosis: string | undefined): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose || v.criteria) return undefined;
  const service = v.item.service;
  const itemServices = servicesIn(service);
  const itemTherapies = therapyMatches(service).map((t) => t.id);
  const itemKinds = new Set([...itemServices, ...itemTherapies]);
  // A therapy whose name gives no body part treats the parts the worker's diagnoses name ("manual therapy" for a hip injury).
  const named = regionsIn(service);
  const fromDiagnosis = !named.size && itemTherapies.length > 0 && !!diagnosis;
  const itemRegions = fromDiagnosis ? regionsIn(diagnosis) : named;
  // What each check looks for in a sentence is the item's: a check that can find nothing for this item reads no sentence.
  const sites = siteScope(itemRegions, itemKinds);
  const services = serviceScope(itemServices, new Set(itemTherapies));
  const drugs = drugScope(drugClassesIn(service));
  if (!sites && !services && !drugs) return undefined;
  for (const s of prose.sentences) {
    if (!CRITERIA_CUES.test(s.text)) continue;
    const site = sites && otherSite(s.text, sites);
    if (site) {
      return finding(
        v,
        s,
        `criteria for ${kindTitle(site.service)} of ${regionTitle(site.region)}`,
        `another body part (${regionTitle(site.region)}, not ${[...itemRegions].map(regionTitle).join(' or ')}${fromDiagnosis ? ", the body part of the worker's diagnoses" : ''})`,
        library,
        { axis: 'sites', region: site.region },
      );
    }
    const other = services && otherService(s.text, services);
    if (other) {
      return finding(v, s, `the criteria for ${other.applied}`, `another service (${other.item})`, library, { axis: 'services', applied: other.applied });
    }
    const drug = drugs && otherDrugClass(s.text, drugs);
    if (drug) {
      return finding(
        v,
        s,
        `guidance on ${drugClassTitle(drug.applied)}`,
        `another drug class (${drugClassTitle(drug.item)} are not ${drugClassTitle(drug.applied)})`,
        library,
        { axis: 'forms', drugClass: drug.applied },
      );
    }
  }
  return undefined;
}

/**
 * The reviewer's guideline line cites only MTUS body chapters for other body
 * parts than the item's (Low Back Complaints for a knee MRI): the rationale
 * applies that chapter's criteria. The finding is on the first rationale
 * sentence that states a guideline's criteria (else the guideline line).
 */
function chapterMismatch(v: ItemView, reader: Reader): MismatchFinding | undefined {
  const guideline = v.item.guideline;
  if (!guideline || v.criteria) return undefined;
  const itemRegions = regionsIn(v.item.service);
  const chapters = citedMtusChapters(guideline.value);
  if (!itemRegions.size || !chapters.length) return undefined;
  if (chapters.some((c) => [...c.regions].some((r) => itemRegions.has(r)))) return undefined;
  // A chapter for a region the request also names ("lumbar and knee") is no mismatch.
  if (!SCOPE.chapters.some((c) => [...c.regions].some((r) => itemRegions.has(r)))) return undefined;
  const prose = v.section.rationale?.prose;
  // A rationale whose guideline sentences speak of the requested body part applies that part's criteria: only the citation is off.
  // A sentence in which the reader finds nothing said of patients in general ("it was indicated the patient had left knee pain") is no guideline sentence.
  const general = (text: string): boolean => {
    const r = reader.read(text);
    return r.generic || r.mentions.some((m) => m.assertion === 'generic' || m.assertion === 'hypothetical');
  };
  if (prose?.sentences.some((x) => CRITERIA_CUES.test(x.text) && [...regionsIn(x.text)].some((r) => itemRegions.has(r)) && general(x.text))) return undefined;
  const s = prose?.sentences.find((x) => CRITERIA_CUES.test(x.text));
  const cited = chapters.map((c) => c.title).join(' and ');
  const message = `The guideline line cites MTUS ${cited}, written for ${[...new Set(chapters.flatMap((c) => [...c.regions]))].map(regionTitle).join(' or ')}, for "${v.item.service.trim()}" (${[...itemRegions].map(regionTitle).join(' or ')}). Apply the MTUS chapter for the body part requested and weigh the record against its criteria.`;
  return {
    message,
    range: s && prose ? sentenceSpan(prose, s, 0, s.text.length) : guideline.valueRange,
    relatedInformation: s ? [{ range: guideline.valueRange, message: 'The guideline the decision is based on' }] : undefined,
    data: { axis: 'sites' },
  };
}

/** Words that make a sentence a statement of a guideline's criteria. */
const CRITERIA_CUES = new PhraseSet([
  'criteria',
  'criterion',
  'guideline*',
  'mtus',
  'odg',
  'acoem',
  'recommend*',
  'indicated',
  'indication*',
  'supported for',
  'not supported',
]);

/** What otherSite looks for: the item's own regions, and its kinds of care (services, then therapies, in the scope data's order) with where a text names each. */
interface SiteScope {
  ownRegions: readonly ScopeEntry[];
  kinds: readonly { id: string; matches: (text: string) => readonly PhraseMatch[] }[];
}

/** Undefined when the item names no region or no kind of care: otherSite finds nothing then. */
function siteScope(itemRegions: ReadonlySet<string>, itemKinds: ReadonlySet<string>): SiteScope | undefined {
  if (!itemRegions.size || !itemKinds.size) return undefined;
  const kinds: SiteScope['kinds'][number][] = [];
  for (const k of SCOPE.services) if (itemKinds.has(k.id)) kinds.push({ id: k.id, matches: (text) => kindMatches(k, text) });
  for (const t of SCOPE.therapies) if (itemKinds.has(t.id)) kinds.push({ id: t.id, matches: (text) => t.terms.matches(text) });
  return { ownRegions: SCOPE.regions.filter((r) => itemRegions.has(r.id)), kinds };
}

/**
 * The sentence names the item's kind of care (MRI, EMG, surgery) for a body
 * region the item is not about, within a few words ("a shoulder MRI", "MRI of
 * the shoulder"), and names none of the item's regions. The item's kinds and
 * its own regions are a set or two each, so they are asked before every
 * region's set: most sentences name none of the kinds.
 */
function otherSite(text: string, scope: SiteScope): { region: string; service: string } | undefined {
  if (!scope.kinds.some((k) => k.matches(text).length > 0)) return undefined;
  if (scope.ownRegions.some((r) => r.terms.test(text))) return undefined;
  const regions = regionMatches(text);
  if (!regions.length) return undefined;
  // The kinds' matches in the order serviceMatches then therapyMatches give them: the first near a region is the finding's.
  for (const k of scope.kinds) {
    for (const m of k.matches(text)) {
      const near = regions.find((r) => wordsBetween(text, r.m, m) <= 3);
      if (near) return { region: near.id, service: k.id };
    }
  }
  return undefined;
}

function kindTitle(id: string): string {
  return SCOPE.services.some((x) => x.id === id) ? serviceTitle(id) : therapyTitle(id);
}

/** Words between two matches, not counting a parenthesis ("manipulation (manual medicine) for chronic low back pain"). */
function wordsBetween(text: string, a: PhraseMatch, b: PhraseMatch): number {
  const [x, y] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
  if (y < x) return 0;
  return (
    text
      .slice(x, y)
      .replace(/\([^()]*\)/g, ' ')
      .match(/[A-Za-z0-9]+/g) ?? []
  ).length;
}

/**
 * The sentence states what a guideline requires of another kind of care than
 * the item: an imaging request judged by the criteria for an epidural
 * injection or a surgical referral ("guidelines for epidural steroid
 * injection recommend ...", "referral for surgical consultation may be
 * indicated"), infrared heat by acupuncture or thermography guidance. The
 * other service must be the subject of the guideline statement (criteria
 * for it, it recommended or not), and the sentence must name nothing of the
 * item's own kind. Therapy tried before a study ("after physical therapy")
 * is a criterion of imaging, not another service.
 */
function otherService(text: string, scope: ServiceScope): { applied: string; item: string } | undefined {
  if (scope.ownTherapies.some((t) => t.terms.test(text))) return undefined;
  // Most sentences name no other service: that is asked before where the item's own kinds are named.
  if (!scope.subjects.some((x) => x.matches(text).length > 0)) return undefined;
  // The item's kind named before the other service is the sentence's subject; after it, one of that service's criteria ("corroborated by imaging").
  let ownAt = Infinity;
  for (const k of scope.ownServices) {
    const first = kindMatches(k, text)[0];
    if (first && first.start < ownAt) ownAt = first.start;
  }
  // A therapy item's own kind named anywhere makes the sentence about it.
  if (scope.therapy && ownAt !== Infinity) return undefined;
  for (const x of scope.subjects) {
    for (const m of x.matches(text)) {
      if (ownAt < m.start) continue;
      if (subjectOfGuideline(text, m)) return { applied: x.title, item: scope.itemKind };
    }
  }
  return undefined;
}

/**
 * What otherService looks for, from the item: its own kinds of care, and the
 * services that may be the subject of another guideline (a surgical referral
 * or an injection for an imaging item; a therapy, as well, for a therapy
 * item), in the order a sentence's matches are tried (services, then
 * therapies, in the scope data's order, each left to right).
 */
interface ServiceScope {
  itemKind: string;
  therapy: boolean;
  ownTherapies: readonly ScopeEntry[];
  ownServices: readonly ScopeEntry[];
  subjects: readonly { title: string; matches: (text: string) => readonly PhraseMatch[] }[];
}

/** The services another guideline's criteria may be written for. */
const SUBJECT_SERVICES: ReadonlySet<string> = new Set(['injection', 'surgery', 'consultation']);

/** Undefined when no sentence can judge the item by another service: an item that is neither a therapy nor a study. */
function serviceScope(itemServices: ReadonlySet<string>, itemTherapies: ReadonlySet<string>): ServiceScope | undefined {
  const therapy = itemTherapies.size > 0;
  const itemKind = therapy ? therapyTitle([...itemTherapies][0]) : itemServices.size ? serviceTitle([...itemServices][0]) : undefined;
  if (!itemKind) return undefined;
  // A surgical referral or injection judged for an imaging item; a therapy for another therapy.
  if (!therapy && !(itemServices.has('imaging') || itemServices.has('electrodiagnostics'))) return undefined;
  const other = (id: string): boolean => !itemServices.has(id) && !itemTherapies.has(id);
  const subjects: ServiceScope['subjects'][number][] = [];
  for (const k of SCOPE.services)
    if (SUBJECT_SERVICES.has(k.id) && other(k.id)) subjects.push({ title: serviceTitle(k.id), matches: (text) => kindMatches(k, text) });
  if (therapy) for (const t of SCOPE.therapies) if (other(t.id)) subjects.push({ title: therapyTitle(t.id), matches: (text) => t.terms.matches(text) });
  return {
    itemKind,
    therapy,
    ownTherapies: SCOPE.therapies.filter((t) => itemTherapies.has(t.id)),
    ownServices: SCOPE.services.filter((k) => itemServices.has(k.id)),
    subjects,
  };
}

/** "guidelines for X", "criteria for X", "referral for X", "X is (not) recommended / indicated / supported". */
function subjectOfGuideline(text: string, m: PhraseMatch): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const after = text.slice(m.end, m.end + 50);
  if (/\b(guidelines?|criteria|indications?|referral|recommend(s|ed)?|request)\s+(for|regarding|on|of)\s+(an?\s+|the\s+)?([a-z-]+\s+){0,2}$/i.test(before))
    return true;
  return /^\s*(\([^)]*\)\s*)?(treatment\s+|therapy\s+|visits\s+)?(is|are|may be|has been|have been)\s+(not\s+)?(recommended|indicated|supported|considered)\b/i.test(
    after,
  );
}

/** What otherDrugClass looks for: the item's drug classes, and the classes whose guidance does not apply to them (in the scope data's order). */
interface DrugScope {
  own: readonly ScopeEntry[];
  conflicts: readonly { item: string; applied: string; terms: readonly ScopeEntry[] }[];
}

/** Undefined when the item names no drug class whose guidance another class's could be mistaken for. */
function drugScope(itemDrugs: ReadonlyMap<string, PhraseMatch>): DrugScope | undefined {
  const conflicts: DrugScope['conflicts'][number][] = [];
  for (const [item, applied] of SCOPE.drugClassConflicts)
    if (itemDrugs.has(item)) conflicts.push({ item, applied, terms: SCOPE.drugClasses.filter((c) => c.id === applied) });
  return conflicts.length ? { own: SCOPE.drugClasses.filter((c) => itemDrugs.has(c.id)), conflicts } : undefined;
}

/**
 * The sentence states guidance on a drug class whose guidance does not apply to the item's class, and never names
 * the item's class. The other class is asked first: most sentences name none.
 */
function otherDrugClass(text: string, scope: DrugScope): { item: string; applied: string } | undefined {
  const hit = scope.conflicts.find((c) => c.terms.some((t) => t.terms.test(text)));
  if (!hit || scope.own.some((c) => c.terms.test(text))) return undefined;
  return { item: hit.item, applied: hit.applied };
}

function finding(v: ItemView, s: Sentence, applied: string, why: string, library: CriteriaLibrary, data: MismatchData): MismatchFinding {
  const prose = v.section.rationale!.prose;
  const own = library.matchService(v.item.service)[0];
  return {
    message: `The rationale applies ${applied} ("${quoted(s.text)}") to "${v.item.service.trim()}", which is about ${why}. Apply the criteria for this request${own ? ` (${own.title}, ${own.source.citation})` : ''}, and weigh the record against them.`,
    range: sentenceSpan(prose, s, 0, s.text.length),
    data,
  };
}

/**
 * A denial decided by guidance for chronic pain while the header dates the
 * injury within the acute phase before the utilization review
 * (rules/support/phaseOfCare.ts).
 */
function chronicForAcute(v: ItemView, model: CaseModel, reader: Reader): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  const injury = model.dates.injuryDate;
  const review = model.dates.urDate;
  if (!prose || v.criteria || v.item.decision !== 'upheld' || !injury || !review) return undefined;
  const days = daysBetween(injury.date, review.date);
  const related = [
    { range: injury.field.valueRange, message: 'The injury date' },
    { range: review.field.valueRange, message: "The utilization review's date" },
  ];
  // Guidance the rationale scopes to pain lasting longer than the case has ("beyond 1 month following onset" 18 days after the injury).
  const later = days >= 0 ? phaseDuration(reader, prose) : undefined;
  if (later && later.days > days) {
    return {
      message: `The rationale applies guidance for pain that has lasted beyond ${later.text} ("${quoted(later.sentence.text)}") to an injury of ${formatUs(injury.date)}, ${days} days before the utilization review of ${formatUs(review.date)}: the case has not reached that phase. Weigh the request by the criteria for its phase of care, or say why the later phase's criteria apply.`,
      range: sentenceSpan(prose, later.sentence, later.start, later.end),
      relatedInformation: related,
      data: { axis: 'phase' },
    };
  }
  if (!acutePhase(days)) return undefined;
  const g = chronicGuidance(reader, prose);
  if (!g) return undefined;
  return {
    message: `The rationale applies guidance written for chronic pain ("${quoted(g.sentence.text)}") to an injury of ${formatUs(injury.date)}, ${days} days before the utilization review of ${formatUs(review.date)}: the case is within its first ${ACUTE_DAYS} days, not in a chronic phase. Weigh the request by the criteria for its phase of care, or say why the chronic-pain criteria apply.`,
    range: sentenceSpan(prose, g.sentence, g.mention.start, g.mention.end),
    relatedInformation: related,
    data: { axis: 'phase', condition: g.mention.concept.id },
  };
}

/** The related information that points at the item's guideline line, which the decision is based on. */
function basedOn(v: ItemView): RelatedInformation[] | undefined {
  return v.item.guideline ? [{ range: v.item.guideline.valueRange, message: 'The guideline the decision is based on' }] : undefined;
}

/**
 * The rationale of a denial written as prose, with no criteria block: the
 * checks below read what the reviewer wrote, and a criteria block marks each
 * criterion itself.
 */
function proseDenial(v: ItemView): Prose | undefined {
  const prose = v.section.rationale?.prose;
  return prose && !v.criteria && v.item.decision === 'upheld' ? prose : undefined;
}

/**
 * A denial whose rationale states a guideline's condition that the summary
 * documents, and never weighs it (rules/support/unweighedCriteria.ts). Read
 * only in a prose rationale: a criteria block marks each criterion itself.
 */
function unweighed(v: ItemView, summary: Prose | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose) return undefined;
  const service = reader.read(v.item.service);
  const itemSites = [...new Set([...service.attributes.sites, ...service.mentions.flatMap((m) => m.attributes.sites)])];
  // The denial may rest on conservative care tried and failed, which the guideline it quotes does not set: the finding is then on that reason,
  // and what the guideline says a requested test is used for counts as the condition it does set.
  const instead = substitutedReason(reader, prose);
  const test = !!instead && service.mentions.some((m) => m.concept.kind === 'study');
  const u = unweighedCriterion(reader, prose, summary, itemSites, { test });
  if (!u) return undefined;
  const condition = u.criterion.text;
  const fact = u.fact.text;
  const criterionRange = sentenceSpan(prose, u.sentence, u.criterion.start, u.criterion.end);
  if (instead) {
    return {
      message: `The rationale denies the request for want of conservative care ("${quoted(instead.sentence.text)}"), a condition the guideline it quotes does not set, and never weighs the condition that guideline does set, "${condition}" ("${quoted(u.sentence.text)}"), which the summary documents: "${fact}" ("${quoted(u.factSentence.text)}"). Say whether what the summary documents meets the guideline's condition, or cite the guideline that requires conservative care first.`,
      range: sentenceSpan(prose, instead.sentence, instead.mention.start, instead.mention.end),
      relatedInformation: [
        { range: criterionRange, message: `The guideline's condition: "${condition}"` },
        { range: u.factRange, message: `The summary documents "${fact}"` },
      ],
      data: { axis: 'weighed', condition: u.criterion.concept.id },
    };
  }
  return {
    message: `The rationale states the guideline's condition "${condition}" ("${quoted(u.sentence.text)}") but never weighs the record against it, and the summary documents "${fact}" ("${quoted(u.factSentence.text)}"). Say whether what the summary documents meets the condition, and why the request is denied.`,
    range: criterionRange,
    relatedInformation: [{ range: u.factRange, message: `The summary documents "${fact}"` }],
    data: { axis: 'weighed', condition: u.criterion.concept.id },
  };
}

/**
 * A visit allowance the rationale quotes and never compares with the request
 * (rules/support/visitAllowance.ts): a denial that calls the request in
 * excess of the guideline while the visits asked for, with those the record
 * counts as given, are within every allowance it quotes; an approval of more
 * visits than the allowance it quotes for this phase (an initial trial for a
 * first request), with no word on why.
 */
function visitAllowanceMismatch(v: ItemView, summary: Prose | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose || v.criteria || !v.item.decision) return undefined;
  const service = reader.read(v.item.service);
  const therapy = service.mentions.find((m) => m.concept.kind === 'therapy');
  if (!therapy) return undefined;
  // The whole course asked for: the original request where UR authorized part of it.
  const original = getField(v.section, 'request')?.value;
  const asked = (original ? requestedVisits(original) : undefined) ?? requestedVisits(v.item.service);
  if (!asked) return undefined;
  const quotedAll = quotedAllowances(reader, prose);
  const allowances = quotedAll.filter((a) => !a.phase);
  if (!allowances.length) return undefined;
  const itemSites = [...new Set([...service.attributes.sites, ...therapy.attributes.sites])];
  const up = (x: string): string[] => [x, ...(reader.lexicon.sites.get(x)?.partOf ?? [])];
  const agree = (sites: readonly string[]): boolean =>
    !sites.length || !itemSites.length || sites.some((x) => itemSites.some((y) => up(x).includes(y) || up(y).includes(x)));
  const given = givenVisits(reader, summary ? [summary, prose] : [prose], { own: therapy.concept.id, concepts: therapy.concepts }, agree);
  const total = asked.visits + (given?.visits ?? 0);
  const counted = given ? `${asked.how}, with the ${given.visits} already given: ${total}` : asked.how;
  const related = given
    ? [{ range: sentenceSpan(given.prose, given.sentence, 0, given.sentence.text.length), message: `${given.visits} visits already given` }]
    : [];
  const allowanceText = (a: Allowance): string => a.count.text;
  if (v.item.decision === 'upheld') {
    const claim = excessClaim(prose);
    if (!claim) return undefined;
    // Therapy after a surgery the record documents, judged by the non-surgical allowance while the post-surgical one it quotes allows the visits asked for.
    const postSurgical = quotedAll.filter((a) => a.phase === 'surgical');
    const surgery = postSurgical.length ? surgeryDone(reader, summary ? [summary, prose] : [prose]) : undefined;
    const most = postSurgical.length ? postSurgical.reduce((a, b) => (b.count.value > a.count.value ? b : a)) : undefined;
    if (surgery && most && total <= most.count.value) {
      return {
        message: `The rationale says the request exceeds the guideline ("${quoted(claim.sentence.text)}") by an allowance for care without surgery, but the record documents surgery ("${quoted(surgery.sentence.text)}"), and the post-surgical allowance it quotes, "${allowanceText(most)}", covers the visits asked for (${counted}). Weigh the request by the allowance for post-surgical care.`,
        range: sentenceSpan(prose, claim.sentence, claim.start, claim.end),
        relatedInformation: [
          { range: sentenceSpan(prose, most.sentence, most.count.start, most.count.end), message: 'The post-surgical allowance the rationale quotes' },
          { range: sentenceSpan(surgery.prose, surgery.sentence, surgery.start, surgery.end), message: 'The surgery' },
          ...related,
        ],
        data: { axis: 'phase', visits: total, allowed: most.count.value },
      };
    }
    const least = allowances.reduce((a, b) => (b.count.value < a.count.value ? b : a));
    if (total > least.count.value) return undefined;
    return {
      message: `The rationale says the request exceeds the guideline ("${quoted(claim.sentence.text)}"), but the visits asked for (${counted}) are within every allowance it quotes, the least of them "${allowanceText(least)}" ("${quoted(least.sentence.text)}"), and ${given ? 'the record counts no more' : 'neither the rationale nor the summary counts visits already given'}. Say which allowance applies to this worker and how the visits given and asked for exceed it, or weigh the request on another criterion.`,
      range: sentenceSpan(prose, claim.sentence, claim.start, claim.end),
      relatedInformation: [
        { range: sentenceSpan(prose, least.sentence, least.count.start, least.count.end), message: 'The allowance the rationale quotes' },
        ...related,
      ],
      data: { axis: 'visits', visits: total, allowed: least.count.value },
    };
  }
  // An approval: the allowance for this phase of care is the initial trial's when the request is a first one and the rationale quotes a trial.
  const initial = !given && initialRequest(v.item.service);
  const trials = allowances.filter((a) => a.trial);
  const course = allowances.filter((a) => !a.trial);
  const pool = initial && trials.length ? trials : course.length ? course : allowances;
  const most = pool.reduce((a, b) => (b.count.value > a.count.value ? b : a));
  if (total <= most.count.value || excessClaim(prose)) return undefined;
  const phase = initial && trials.length ? 'the initial trial' : 'the course';
  return {
    message: `The rationale quotes "${allowanceText(most)}" for ${phase} ("${quoted(most.sentence.text)}") and approves ${counted} visits, more than that, without saying why more are medically necessary. Weigh the visits asked for against the allowance, or approve the part within it.`,
    range: sentenceSpan(prose, most.sentence, most.count.start, most.count.end),
    relatedInformation: related,
    data: { axis: 'visits', visits: total, allowed: most.count.value },
  };
}

const STIMULATION = SCOPE_DATA.stimulation;
const HOME_TRIAL = new PhraseSet(STIMULATION.homeTrial);
const DEVICE_WORDS = new PhraseSet(STIMULATION.device);
const MUSCLE_STIMULATION = new PhraseSet(STIMULATION.muscle);
const TENS_WORDS = new PhraseSet(STIMULATION.tens);

/**
 * Electrical stimulation judged by the criteria of another form of it. The
 * MTUS TENS criteria are for a home unit (a one-month home-based trial as an
 * adjunct to functional restoration, then rental or purchase); stimulation
 * given in clinic sessions ("electrical stimulation 2 times a week for 4
 * weeks", a date of service) is a passive modality of physical medicine. And
 * neuromuscular (muscle) stimulation has its own MTUS section, so TENS
 * guidance does not decide it.
 */
function stimulationMismatch(v: ItemView, reader: Reader, library: CriteriaLibrary): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose || v.criteria) return undefined;
  const service = v.item.service;
  const read = reader.read(service);
  const stim = read.mentions.find((m) => m.concept.kind === 'therapy' && m.concepts.includes(STIMULATION.concept));
  if (!stim || read.mentions.some((m) => m.concept.kind === 'device') || DEVICE_WORDS.test(service)) return undefined;
  // "TENS" named alone is the home unit; other stimulation, or TENS counted in sessions, is given in clinic.
  const inClinic = !stim.concepts.includes(STIMULATION.tensConcept) || !!requestedVisits(service);
  if (!inClinic) return undefined;
  const own = library.matchService(service)[0];
  const apply = `Apply the criteria for this request${own ? ` (${own.title}, ${own.source.citation})` : ''}, and weigh the record against them.`;
  const trials = prose.sentences.filter((s) => HOME_TRIAL.test(s.text));
  if (trials.length) {
    // Where the rationale weighs the home-unit criteria against this worker: a sentence with the trial that is no guideline statement,
    // else one about the worker that names the stimulation; else the guideline's.
    const onWorker =
      trials.find((s) => !guidelineStatement(s.text)) ??
      prose.sentences.find((s) => !guidelineStatement(s.text) && reader.read(s.text).mentions.some((m) => m.concepts.includes(STIMULATION.concept)));
    const s = onWorker ?? trials[0];
    return {
      message: `The rationale applies the TENS criteria for a home unit's trial ("${quoted(trials[0].text)}") to "${service.trim()}", electrical stimulation given in clinic sessions, not a unit for use at home. ${apply}`,
      range: sentenceSpan(prose, s, 0, s.text.length),
      data: { axis: 'services', applied: 'a home TENS trial' },
    };
  }
  const guideline = v.item.guideline?.value ?? '';
  if (MUSCLE_STIMULATION.test(service) && TENS_WORDS.test(guideline) && !MUSCLE_STIMULATION.test(guideline)) {
    const s =
      prose.sentences.find((x) => guidelineStatement(x.text) && reader.read(x.text).mentions.some((m) => m.concepts.includes(STIMULATION.concept))) ??
      prose.sentences[0];
    if (!s) return undefined;
    return {
      message: `The rationale judges "${service.trim()}", muscle stimulation, by the TENS guidance its guideline line cites ("${quoted(s.text)}"); the MTUS addresses neuromuscular electrical stimulation in a section of its own. ${apply}`,
      range: sentenceSpan(prose, s, 0, s.text.length),
      relatedInformation: basedOn(v),
      data: { axis: 'services', applied: 'TENS' },
    };
  }
  return undefined;
}

const CONTINUATION = SCOPE_DATA.continuation;
const UNCLEAR_START = new PhraseSet(CONTINUATION.unclear);
const FIRST_USE = new PhraseSet(CONTINUATION.start);
const ONGOING_USE = new PhraseSet(CONTINUATION.ongoing);

/**
 * A denial that concedes it cannot tell a first prescription from ongoing
 * care ("it is unclear if this is a first time prescription or ongoing
 * management") and still rests on the benefit the treatment has not shown:
 * documented benefit is a criterion for continuing a treatment, which a
 * first prescription cannot meet. The benefit the rationale finds lacking is
 * the reader's (a response to treatment asserted absent).
 */
function continuationForFirstUse(v: ItemView, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose) return undefined;
  const concession = prose.sentences.find((s) => {
    const u = UNCLEAR_START.matches(s.text)[0];
    return !!u && FIRST_USE.matches(s.text, u.end).length > 0 && ONGOING_USE.matches(s.text, u.end).length > 0;
  });
  if (!concession) return undefined;
  const after = prose.sentences.slice(prose.sentences.indexOf(concession) + 1);
  const before = prose.sentences.slice(0, prose.sentences.indexOf(concession));
  for (const s of [...after, ...before]) {
    const m = reader.read(s.text).mentions.find((x) => x.concept.kind === 'response' && x.assertion === 'negated');
    if (!m) continue;
    return {
      message: `The rationale cannot tell whether "${v.item.service.trim()}" is a first prescription or ongoing care ("${quoted(concession.text)}"), yet denies it for a benefit not documented ("${quoted(s.text)}"): a benefit shown is a criterion for continuing a treatment, not for starting one. Say from the record whether it was given before, and weigh the request by the criteria for its phase.`,
      range: sentenceSpan(prose, s, m.start, m.end),
      relatedInformation: [
        { range: sentenceSpan(prose, concession, 0, concession.text.length), message: 'The rationale cannot tell a first prescription from ongoing care' },
      ],
      data: { axis: 'continuation', condition: m.concept.id },
    };
  }
  return undefined;
}

const PRIOR_COURSE = new PhraseSet(CONTINUATION.priorCourse);
const LACKING = new PhraseSet(CONTINUATION.lacking);
const UMBRELLA: ReadonlySet<string> = new Set(CONTINUATION.umbrella);

/**
 * A denial that finds lacking the course of a therapy given to date ("did not
 * note the number of sessions completed to date and outcome") while the
 * summary never shows that therapy given (a request or plan for it is no
 * course given) and the request asks for no more: the count and outcome of
 * sessions to date are criteria for continuing a therapy, which a first
 * request cannot meet. A concept shared only through an umbrella
 * (conservative care) is not the therapy given; one that the requested
 * modality shares with physical therapy is.
 */
function priorCourseForFirstRequest(v: ItemView, summary: Prose | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose || !summary || v.criteria || v.item.decision !== 'upheld') return undefined;
  const original = getField(v.section, 'request')?.value ?? v.item.service;
  if (!initialRequest(original)) return undefined;
  const therapy = reader.read(v.item.service).mentions.find((m) => m.concept.kind === 'therapy');
  if (!therapy) return undefined;
  const own = therapy.concepts.filter((id) => !UMBRELLA.has(id));
  const given = (m: Mention): boolean =>
    m.concept.kind === 'therapy' && (m.assertion === 'affirmed' || m.assertion === 'historical') && m.concepts.some((id) => own.includes(id));
  for (const x of [summary, prose]) {
    for (const s of x.sentences) {
      const r = reader.read(s.text);
      if (!r.generic && r.mentions.some(given)) return undefined;
    }
  }
  for (const s of prose.sentences) {
    const course = PRIOR_COURSE.matches(s.text)[0];
    if (!course || !LACKING.matches(s.text, 0, course.start).length || reader.read(s.text).generic) continue;
    return {
      message: `The rationale denies "${v.item.service.trim()}" for want of the course given to date ("${quoted(s.text)}"), but neither the summary nor the rationale shows ${therapy.concept.title} given before: the sessions completed and their outcome are criteria for continuing a therapy, not for a first request. Say from the record whether it was given before, and weigh the request by the criteria for an initial trial.`,
      range: sentenceSpan(prose, s, course.start, course.end),
      data: { axis: 'continuation', condition: therapy.concept.id },
    };
  }
  return undefined;
}

const UNSPECIFIED = new PhraseSet(SCOPE_DATA.unspecifiedSite.unspecified);
const SITE_WORDS = new PhraseSet(SCOPE_DATA.unspecifiedSite.where);

/**
 * A denial that says the request names no body part ("it is unclear what
 * body part the shockwave therapy is for") and then decides it by guidance
 * written for one body part ("not recommended for the low back"): the
 * guidance of an unknown body part cannot be chosen, so the rationale rests
 * on a site the record does not give for this request. The item's name must
 * name no site either; the site the guidance names is the reader's.
 */
function unspecifiedSiteApplied(v: ItemView, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose) return undefined;
  const service = reader.read(v.item.service);
  const kind = service.mentions.find((m) => m.concept.kind === 'therapy' || m.concept.kind === 'procedure' || m.concept.kind === 'study');
  if (!kind || service.attributes.sites.length || service.mentions.some((m) => m.attributes.sites.length)) return undefined;
  const at = prose.sentences.findIndex((s) => UNSPECIFIED.test(s.text) && SITE_WORDS.test(s.text) && !reader.read(s.text).generic);
  if (at < 0) return undefined;
  const concession = prose.sentences[at];
  for (const s of prose.sentences.slice(at + 1)) {
    const m = reader.read(s.text).mentions.find((x) => x.concepts.includes(kind.concept.id) && x.assertion === 'generic');
    if (!m) continue;
    // The body part is the reader's site of the mention, else the region a guideline names ("for the back": ODG's low back chapter).
    const regions = m.attributes.sites.length ? [] : [...regionsIn(s.text)];
    if (!m.attributes.sites.length && !regions.length) continue;
    const site = m.attributes.sites.length
      ? m.attributes.sites.map((x) => reader.lexicon.sites.get(x)?.title ?? x).join(' and ')
      : regions.map(regionTitle).join(' and ');
    return {
      message: `The rationale says the request names no body part ("${quoted(concession.text)}"), then decides "${v.item.service.trim()}" by guidance for ${site} ("${quoted(s.text)}"). Say which body part the request is for, from the record, and apply that part's criteria.`,
      range: sentenceSpan(prose, s, 0, s.text.length),
      relatedInformation: [{ range: sentenceSpan(prose, concession, 0, concession.text.length), message: 'The rationale says the body part is not given' }],
      data: { axis: 'sites', region: m.attributes.sites[0] ?? regions[0] },
    };
  }
  return undefined;
}

const OTHER_CONDITION = SCOPE_DATA.otherCondition;
const POPULATION = new PhraseSet(OTHER_CONDITION.population);
const POSITIVE = new PhraseSet(OTHER_CONDITION.positive);
const RESTRICTIVE = new PhraseSet(OTHER_CONDITION.restrictive);
const CONDITION_KINDS: ReadonlySet<string> = new Set(OTHER_CONDITION.kinds);

/**
 * A denial that quotes a treatment's efficacy for a condition the case never
 * documents ("manipulation has been described as effective for patients with
 * frozen shoulders" for shoulder sprains; PRP "in patients with chronic
 * refractory patellar tendinopathy" for plantar fasciitis): evidence for
 * another condition than the worker's, which neither supports nor decides
 * the request. Only a plain statement of efficacy (no word that limits or
 * contrasts it: "only", "not", "rather than"), only where the worker's
 * diagnoses are given, and only for a condition neither the summary, the
 * diagnoses, the item nor what the rationale says of the worker names, in
 * the reader's words for it or a narrower one, and named alone (a list of
 * conditions sorts a guideline's allowances).
 */
function otherConditionEvidence(v: ItemView, summary: Prose | undefined, diagnosis: string | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose || !summary || !diagnosis || v.criteria || v.item.decision !== 'upheld') return undefined;
  const condition = (m: Mention): boolean => CONDITION_KINDS.has(m.concept.kind) && m.value === 'abnormal';
  // The sentences that may weigh such evidence are found before what the case documents (every summary sentence read): most rationales have none.
  const candidates = prose.sentences.filter(
    (s) => POSITIVE.test(s.text) && !RESTRICTIVE.test(s.text) && POPULATION.test(s.text) && reader.read(s.text).mentions.some(condition),
  );
  if (!candidates.length) return undefined;
  const documented = new Set<string>();
  const note = (text: string, ofWorker: (m: Mention) => boolean): void => {
    for (const m of reader.read(text).mentions) if (condition(m) && ofWorker(m)) for (const id of m.concepts) documented.add(id);
  };
  const worker = (m: Mention): boolean => m.assertion !== 'generic' && m.assertion !== 'hypothetical' && m.assertion !== 'other-person';
  note(diagnosis, () => true);
  note(v.item.service, () => true);
  for (const s of summary.sentences) note(s.text, worker);
  for (const s of prose.sentences) note(s.text, worker);
  for (const s of candidates) {
    const cues = POPULATION.matches(s.text);
    // A list of the conditions a guideline addresses ("neuralgia, neuritis, and radiculitis ... or myalgia") sorts its allowances; one condition is the evidence applied.
    const others = reader.read(s.text).mentions.filter((m) => condition(m) && !documented.has(m.concept.id));
    if (others.length !== 1) continue;
    for (const m of others) {
      const cue = cues.find((q) => q.end <= m.start && (s.text.slice(q.end, m.start).match(/[A-Za-z]+/g) ?? []).length <= 2);
      if (!cue) continue;
      return {
        message: `The rationale weighs evidence for ${m.concept.title} ("${quoted(s.text)}"), a condition the summary and the worker's diagnoses ("${quoted(diagnosis)}") never document. Apply the criteria for the worker's own condition, and weigh the record against them.`,
        range: sentenceSpan(prose, s, m.start, m.end),
        data: { axis: 'weighed', condition: m.concept.id },
      };
    }
  }
  return undefined;
}

const EVALUATION = new PhraseSet(SCOPE_DATA.evaluation.words);
const COURSE = new PhraseSet(SCOPE_DATA.evaluation.treatment);

/**
 * A request for an evaluation or re-examination by a provider of a kind of
 * care ("Re-exam with chiropractor for the lumbar spine flare-up",
 * "Chiropractic evaluation") denied by the criteria for a course of that
 * care: the benefit of prior treatment, visits beyond the guideline, what
 * manipulation is recommended for. An evaluation is an office visit (the
 * MTUS manual therapy section itself calls for re-evaluation on a flare-up),
 * so the rationale judges another service than the one requested. Only where
 * no sentence of the rationale speaks of an evaluation beyond the item's own
 * name; the finding is on the last sentence that judges the care.
 */
function evaluationAsTreatment(v: ItemView, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose) return undefined;
  const service = v.item.service;
  const therapy = reader.read(service).mentions.find((m) => m.concept.kind === 'therapy');
  if (!therapy || !EVALUATION.test(service) || COURSE.test(service) || requestedVisits(service)) return undefined;
  const name = service.trim().toLowerCase();
  const own = (text: string): string => (name ? text.toLowerCase().split(name).join(' ') : text);
  if (prose.sentences.some((s) => EVALUATION.test(own(s.text)))) return undefined;
  const judged = prose.sentences.filter((s) => reader.read(s.text).mentions.some((m) => m.concepts.includes(therapy.concept.id)));
  const s = judged[judged.length - 1];
  if (!s) return undefined;
  return {
    message: `"${service.trim()}" asks for an evaluation, an office visit, but the rationale judges it by the criteria for a course of ${therapy.concept.title} ("${quoted(s.text)}") and never speaks of the evaluation. Weigh the request by the criteria for an evaluation or office visit (the reason for it in the record), and say why it is or is not needed.`,
    range: sentenceSpan(prose, s, 0, s.text.length),
    data: { axis: 'services', applied: `a course of ${therapy.concept.id}` },
  };
}

function quoted(text: string): string {
  return oneLine(text.trim(), 90);
}

const REGION_CONDITIONS = SCOPE_DATA.regionConditions;

/**
 * A denial of care for one body region judged by a condition the guidelines
 * for that region do not set: imaging of the head by a period of
 * conservative care first ("imaging after at least 1 month of conservative
 * therapy"), the spine's and the limbs' condition for imaging. Only where the
 * item names that region alone and the condition is stated of patients in
 * general (the reader's generic or hypothetical mention), as a guideline's.
 */
function regionConditionMismatch(v: ItemView, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose) return undefined;
  const regions = regionsIn(v.item.service);
  const services = servicesIn(v.item.service);
  const rc = REGION_CONDITIONS.find((x) => regions.size === 1 && regions.has(x.region) && services.has(x.service));
  if (!rc) return undefined;
  for (const s of prose.sentences) {
    const r = reader.read(s.text);
    if (!r.generic && !guidelineStatement(s.text)) continue;
    const m = r.mentions.find((x) => (x.assertion === 'generic' || x.assertion === 'hypothetical') && x.concepts.some((id) => rc.notSet.includes(id)));
    if (!m) continue;
    return {
      message: `The rationale judges "${v.item.service.trim()}", ${rc.title}, by ${m.concept.title} ("${quoted(s.text)}"), a condition the guidelines set for ${rc.setFor}, not for ${rc.title}. Apply the criteria for ${rc.title}, and weigh the record against them.`,
      range: sentenceSpan(prose, s, m.start, m.end),
      data: { axis: 'sites', region: rc.region, condition: m.concept.id },
    };
  }
  return undefined;
}

const ALLOWANCE_UNITS: ReadonlySet<string> = new Set(SCOPE_DATA.visitAllowance.units);

/**
 * A visit allowance the rationale attributes to a guideline that the only
 * guideline its guideline line cites does not set: "up to 10 visits" of
 * manipulation under the MTUS manual therapy section, whose allowances are a
 * 6-visit trial and up to 18 visits with functional improvement. The cited
 * section's allowances are the library's (`limits` of visits, sessions or
 * treatments, every one verified); an allowance agrees with one when it is
 * its upper or lower end or lies within its range. Only where the guideline
 * line cites the MTUS alone and the allowance's sentence names no other
 * guideline and no other kind of care than the item's.
 */
function sectionAllowanceMismatch(v: ItemView, library: CriteriaLibrary, reader: Reader): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  const line = v.item.guideline?.value ?? '';
  if (!prose || v.criteria || !v.item.decision || /non-mtus/i.test(line) || SCOPE.nonMtusNames.test(line)) return undefined;
  const cited = citedAllowances(v, library);
  if (!cited) return undefined;
  const { sections, limits } = cited;
  const agrees = (n: number): boolean =>
    limits.some((l) => l.max === n || l.min === n || (l.min !== undefined && l.max !== undefined && l.min <= n && n <= l.max));
  const itemTherapies = new Set(therapyMatches(v.item.service).map((t) => t.id));
  for (const a of quotedAllowances(reader, prose)) {
    if (a.phase || !ALLOWANCE_UNITS.has(a.count.unit)) continue;
    const text = a.sentence.text;
    // The guideline's allowance for the item's own kind of care, named in the sentence ("up to 10 visits of chiropractic treatment"), not a count the
    // worker was given or authorized, and not another guideline's.
    const kinds = therapyMatches(text);
    if (SCOPE.nonMtusNames.test(text) || aboutPatient(text) || !kinds.length || kinds.some((t) => !itemTherapies.has(t.id))) continue;
    if (agrees(a.count.value) || (a.count.low !== undefined && agrees(a.count.low))) continue;
    const set = allowanceList(limits);
    const titles = sections.map((s) => `${s.title} (${s.source.citation})`).join(' and ');
    return {
      message: `The rationale quotes "${a.count.text}" as the guideline's allowance ("${quoted(text)}"), but the section its guideline line cites, ${titles}, allows ${set}: the allowance is not that guideline's. Weigh the visits asked for against the allowances the cited section sets, or cite the guideline that sets this one.`,
      range: sentenceSpan(prose, a.sentence, a.count.start, a.count.end),
      relatedInformation: basedOn(v),
      data: { axis: 'visits', allowed: a.count.value },
    };
  }
  return undefined;
}

const FIRST_LINE = SCOPE_DATA.firstLine;
const FIRST_LINE_WORDS = new PhraseSet(FIRST_LINE.words);
const FIRST_LINE_FAILED = new PhraseSet(FIRST_LINE.failed);
const NOT_FIRST_LINE = new PhraseSet(FIRST_LINE.not);

/**
 * A denial of a drug of a first-line class (an oral NSAID, which the MTUS
 * calls the traditional first line of treatment) for want of first-line
 * treatment tried and failed ("no evidence of failure of first-line
 * medications"): that is a criterion for a second-line drug, which the item
 * is not. The sentence is about the worker (not a guideline's), and says
 * first-line treatment and its failure are lacking (a negated mention).
 */
function firstLineForFirstLine(v: ItemView, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose) return undefined;
  const service = v.item.service;
  const classes = drugClassesIn(service);
  const cls = FIRST_LINE.classes.find((c) => classes.has(c));
  // A topical, compounded or injected form of the drug is not the first-line oral drug.
  if (!cls || NOT_FIRST_LINE.test(service) || serviceForms(service).some((f) => f !== 'oral')) return undefined;
  for (const s of prose.sentences) {
    const words = FIRST_LINE_WORDS.matches(s.text);
    if (!words.length || !FIRST_LINE_FAILED.test(s.text) || !aboutPatient(s.text)) continue;
    const r = reader.read(s.text);
    if (r.generic || !r.mentions.some((m) => m.assertion === 'negated')) continue;
    const w = words[0];
    return {
      message: `The rationale denies "${service.trim()}" (${drugClassTitle(cls)}) for want of first-line treatment tried and failed ("${quoted(s.text)}"), but the guidelines take ${drugClassTitle(cls)} as a first-line treatment: the failure of first-line treatment is a criterion for a second-line drug. Weigh the request by the criteria for its own class.`,
      range: sentenceSpan(prose, s, w.start, w.end),
      data: { axis: 'first-line', drugClass: cls },
    };
  }
  return undefined;
}

const SHORT_TERM = SCOPE_DATA.shortTermUse;
const SHORT_CUES = new PhraseSet(SHORT_TERM.cues);
const DURATION_WEIGHED = new PhraseSet(SHORT_TERM.weighed);
const NOT_TAKEN = new PhraseSet(SHORT_TERM.notTaken);
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
/** A course the guideline limits ("limit use to 4 weeks", "not recommended for longer than 2 to 3 weeks"): the upper end, with its unit. */
const LIMIT = /\b(?:limits?|limited)\s+(?:(?:its|their)\s+)?(?:use\s+)?to|\b(?:longer|less|more)\s+than|\bno\s+more\s+than|\bup\s+to/gi;
const LIMIT_COUNT = /^\s+(?:a\s+)?(\d+|one|two|three|four|five|six)(?:\s*(?:-|to|or)\s*(\d+|two|three|four|five|six))?[\s-]*(weeks?|days?)\b/i;
const DENIAL_WORDS = /\b(?:not|no|lack|lacks|without|unable|insufficient|fails?|failed)\b/i;

function numberOf(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** The shortest course the guideline sentences limit use to, in days, or undefined where they give none. */
function statedLimit(sentences: readonly Sentence[]): number | undefined {
  let least: number | undefined;
  for (const s of sentences) {
    for (const m of s.text.matchAll(LIMIT)) {
      const c = LIMIT_COUNT.exec(s.text.slice(m.index + m[0].length));
      if (!c) continue;
      const days = numberOf(c[2] ?? c[1]) * (/^week/i.test(c[3]) ? 7 : 1);
      if (days >= 7) least = least === undefined ? days : Math.min(least, days);
    }
  }
  return least;
}

/**
 * A denial of a drug the guidelines allow for short-term use only (a muscle
 * relaxant, a benzodiazepine) whose rationale states that short-term use
 * ("indicated for short-term use", "most guidelines limit use to 4 weeks")
 * and never weighs the request against it, while the request is a short
 * course: its quantity lasts no longer than the limit the guideline sentences
 * state (else the class's), the case is in its acute phase, and the summary
 * records no use of the drug before the request. The denial rests on another
 * reason instead; the finding is on the first sentence after the guideline's
 * that denies something (else on the guideline's), with the short-term
 * sentence as related information.
 */
function shortCourseUnweighed(v: ItemView, model: CaseModel, summary: Prose | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  const injury = model.dates.injuryDate;
  const review = model.dates.urDate;
  if (!prose || !summary || !injury || !review) return undefined;
  const days = daysBetween(injury.date, review.date);
  if (!acutePhase(days)) return undefined;
  const service = v.item.service;
  if (serviceForms(service).some((f) => f !== 'oral')) return undefined;
  const drug = reader.read(service).mentions.find((m) => m.concept.kind === 'medication' && SHORT_TERM.classes.some((c) => m.concepts.includes(c.class)));
  const cls = drug && SHORT_TERM.classes.find((c) => drug.concepts.includes(c.class));
  const supply = supplyDays(service);
  if (!drug || !cls || !supply) return undefined;
  // The guideline's sentences: the first that sets short-term use, and those that state what a guideline says, not what the worker has.
  const general = (text: string) => /["\u201c]/.test(text) || (guidelineStatement(text) && !aboutPatient(text));
  const at = prose.sentences.findIndex((s) => SHORT_CUES.test(s.text) && general(s.text));
  if (at < 0) return undefined;
  const guidance = prose.sentences.filter((s, i) => i >= at && general(s.text));
  const stated = statedLimit(guidance);
  const limit = stated ?? cls.days;
  if (supply.days > limit) return undefined;
  // A rationale that speaks of how long the worker has used the drug, or will, weighs it.
  if (prose.sentences.some((s) => !guidance.includes(s) && DURATION_WEIGHED.test(s.text))) return undefined;
  // The worker already taking the drug: the request continues a course.
  for (const s of summary.sentences) {
    if (NOT_TAKEN.test(s.text)) continue;
    const r = reader.read(s.text);
    if (r.mentions.some((m) => m.concept.id === drug.concept.id && m.assertion === 'affirmed')) return undefined;
  }
  const shortTerm = prose.sentences[at];
  const conclusion = v.conclusion?.sentence;
  const instead = prose.sentences.find(
    (s, i) => i > at && s !== conclusion && !/["\u201c]/.test(s.text) && !/medically necessary|\bmet\b/i.test(s.text) && DENIAL_WORDS.test(s.text),
  );
  const target = instead ?? shortTerm;
  return {
    message: `The rationale says ${cls.title} are for short-term use ("${quoted(shortTerm.text)}") but never weighs the request against it: "${service.trim()}" is ${supply.how}, within ${stated ? `the ${limit} days the guideline sentences give` : `${limit} days, the longest short course the guidelines give ${cls.title}`}, ${days} days after the injury, and the summary records no use of ${drug.concept.title} before the request.${instead ? ` The denial rests instead on "${quoted(instead.text).replace(/[.;:]$/, '')}".` : ''} Say whether the supply requested fits the short-term use the guideline allows, and why the request is denied.`,
    range: sentenceSpan(prose, target, 0, target.text.length),
    relatedInformation: instead ? [{ range: sentenceSpan(prose, shortTerm, 0, shortTerm.text.length), message: "The guideline's short-term use" }] : undefined,
    data: { axis: 'supply', drugClass: cls.class },
  };
}

const EXCLUSIONS = SCOPE_DATA.sectionExclusions;
const AGAINST = new PhraseSet(EXCLUSIONS.negative);

/**
 * A rationale that calls the item's care not recommended for a body part the
 * section its guideline line cites does not exclude ("chiropractic treatment
 * is not recommended for the elbow" under the MTUS manual therapy section,
 * which names the ankle and foot, the forearm, wrist and hand, and the knee):
 * an exclusion the guideline does not set. Only where the guideline line
 * cites the MTUS alone, in a sentence that names the care, no other
 * guideline and nothing of the worker; the body parts are those named after
 * the words against it.
 */
function exclusionNotSet(v: ItemView, library: CriteriaLibrary): MismatchFinding | undefined {
  const prose = v.section.rationale?.prose;
  const line = v.item.guideline?.value ?? '';
  if (!prose || v.criteria || !v.item.decision || /non-mtus/i.test(line) || SCOPE.nonMtusNames.test(line)) return undefined;
  const cited = new Set(citedOwnSections(v, library).map((s) => s.id));
  for (const ex of EXCLUSIONS.sections) {
    if (!cited.has(ex.section)) continue;
    const section = library.section(ex.section);
    for (const s of prose.sentences) {
      const text = s.text;
      if (SCOPE.nonMtusNames.test(text) || aboutPatient(text) || !therapyMatches(text).some((t) => t.id === ex.therapy)) continue;
      const against = AGAINST.matches(text)[0];
      if (!against) continue;
      const other = regionMatches(text).find((r) => r.m.start >= against.end && !ex.regions.includes(r.id));
      if (!other) continue;
      return {
        message: `The rationale says ${therapyTitle(ex.therapy)} is not recommended for ${regionTitle(other.id)} ("${quoted(text)}"), but the section its guideline line cites${section ? `, ${section.title} (${section.source.citation}),` : ''} does not exclude it: it names ${listed(ex.regions.map(regionTitle))}. Weigh the request by the criteria the section sets for this body part, or cite the guideline that excludes it.`,
        range: sentenceSpan(prose, s, other.m.start, other.m.end),
        relatedInformation: basedOn(v),
        data: { axis: 'sites', region: other.id },
      };
    }
  }
  return undefined;
}

const SIGNS = SCOPE_DATA.diagnosisSigns;
const SIGNS_LACKING = new PhraseSet(SIGNS.lacking);
const SIGNS_OF = new PhraseSet(SIGNS.signsOf);

/**
 * A denial that finds the signs of a diagnosis lacking in the worker ("not
 * exhibiting enough signs and symptoms of CRPS") while the summary documents
 * at least as many of the signs by which it is made (for CRPS, the Budapest
 * criteria's allodynia, color or temperature change, swelling, trophic
 * change) at the request's body part, and the rationale names none of them:
 * the diagnostic criterion is stated and the facts are never weighed against
 * it. The signs are data (`diagnosisSigns`); the facts are the reader's
 * affirmed abnormal mentions.
 */
function signsUnweighed(v: ItemView, summary: Prose | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose || !summary) return undefined;
  const service = reader.read(v.item.service);
  const itemSites = [...new Set([...service.attributes.sites, ...service.mentions.flatMap((m) => m.attributes.sites)])];
  const up = (x: string): string[] => [x, ...(reader.lexicon.sites.get(x)?.partOf ?? [])];
  const atItem = (sites: readonly string[]): boolean =>
    !sites.length || !itemSites.length || sites.some((x) => itemSites.some((y) => up(x).includes(y) || up(y).includes(x)));
  const readings = prose.sentences.map((s) => ({ s, r: reader.read(s.text) }));
  const ofWorker = (m: Mention): boolean => m.assertion !== 'generic' && m.assertion !== 'hypothetical' && m.assertion !== 'other-person';
  for (const dx of SIGNS.diagnoses) {
    const isSign = (m: Mention): boolean => m.concepts.some((id) => dx.signs.includes(id));
    if (readings.some(({ r }) => r.mentions.some((m) => isSign(m) && ofWorker(m)))) continue;
    for (const { s, r } of readings) {
      if (r.generic) continue;
      // The diagnosis after words of its signs ("signs and symptoms of CRPS"), which words of lack precede.
      const lacking = r.mentions
        .filter((x) => x.concepts.includes(dx.diagnosis) && x.assertion !== 'generic' && x.assertion !== 'hypothetical')
        .map((x) => ({
          m: x,
          cue: SIGNS_OF.matches(s.text, Math.max(0, x.start - 40), x.start).find((q) => (s.text.slice(q.end, x.start).match(/[A-Za-z]+/g) ?? []).length <= 1),
        }))
        .map((x) => ({ ...x, lack: x.cue ? SIGNS_LACKING.matches(s.text, Math.max(0, x.cue.start - 60), x.cue.start)[0] : undefined }))
        .find((x) => !!x.cue && !!x.lack);
      if (!lacking?.cue || !lacking.lack) continue;
      const { m, cue, lack } = lacking;
      const facts: { m: Mention; s: Sentence }[] = [];
      for (const x of summary.sentences) {
        const read = reader.read(x.text);
        if (read.generic) continue;
        for (const f of read.mentions)
          if (
            f.assertion === 'affirmed' &&
            f.value === 'abnormal' &&
            isSign(f) &&
            atItem(f.attributes.sites) &&
            !facts.some((y) => y.m.concept.id === f.concept.id)
          )
            facts.push({ m: f, s: x });
      }
      if (facts.length < dx.least) continue;
      const titles = facts.map((f) => `"${f.s.text.slice(f.m.start, f.m.end)}"`).join(', ');
      return {
        message: `The rationale finds the signs of ${m.concept.title} lacking ("${quoted(s.text.slice(lack.start, m.end))}"), but the summary documents ${titles}, signs by which it is diagnosed, and the rationale never weighs them. Say whether what the summary documents meets the criteria for the diagnosis, and why the request is denied.`,
        range: sentenceSpan(prose, s, cue.start, m.end),
        relatedInformation: facts.map((f) => ({
          range: sentenceSpan(summary, f.s, f.m.start, f.m.end),
          message: `The summary documents "${f.s.text.slice(f.m.start, f.m.end)}"`,
        })),
        data: { axis: 'weighed', condition: dx.diagnosis },
      };
    }
  }
  return undefined;
}

/** "a, b and c". */
function listed(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const REPEAT = SCOPE_DATA.repeatStudy;
const CHANGE = new PhraseSet(REPEAT.change);
const CHANGE_LACKING = new PhraseSet(REPEAT.lacking);
const REPEAT_ITEM = new PhraseSet(REPEAT.repeat);

/**
 * A denial of a study for want of a change in the worker's condition or
 * symptoms ("no findings to suggest a change in the patient's condition"),
 * the criterion for repeating a study, while neither the summary nor the
 * rationale shows a study of that kind done before at the request's body part
 * (a study of another part is not this one; one with no body part given may
 * be). The item must name its body part and not call itself a repeat; the
 * studies, their sites and assertions are the reader's.
 */
function repeatForFirstStudy(v: ItemView, summary: Prose | undefined, reader: Reader): MismatchFinding | undefined {
  const prose = proseDenial(v);
  if (!prose || !summary || REPEAT_ITEM.test(v.item.service)) return undefined;
  const service = reader.read(v.item.service);
  const study = service.mentions.find((m) => m.concept.kind === 'study');
  const itemSites = [...new Set([...service.attributes.sites, ...service.mentions.flatMap((m) => m.attributes.sites)])];
  if (!study || !itemSites.length) return undefined;
  const up = (x: string): string[] => [x, ...(reader.lexicon.sites.get(x)?.partOf ?? [])];
  const here = (sites: readonly string[]): boolean => !sites.length || sites.some((x) => itemSites.some((y) => up(x).includes(y) || up(y).includes(x)));
  const done = (m: Mention): boolean =>
    m.concepts.includes(study.concept.id) && (m.assertion === 'affirmed' || m.assertion === 'historical') && here(m.attributes.sites);
  for (const x of [summary, prose]) for (const s of x.sentences) if (reader.read(s.text).mentions.some(done)) return undefined;
  for (const s of prose.sentences) {
    // What the worker's record lacks, not the guideline's own statement of the repeat criterion ("repeat MRI ... should be reserved for a significant change").
    if (reader.read(s.text).generic || REPEAT_ITEM.test(s.text) || (guidelineStatement(s.text) && !aboutPatient(s.text))) continue;
    const change = CHANGE.matches(s.text)[0];
    if (!change || !CHANGE_LACKING.matches(s.text, 0, change.start).length) continue;
    return {
      message: `The rationale denies "${v.item.service.trim()}" for want of a change in the worker's condition ("${quoted(s.text)}"), a criterion for repeating a study, but neither the summary nor the rationale shows ${study.concept.title} of this body part done before. Weigh the request by the criteria for a first study.`,
      range: sentenceSpan(prose, s, change.start, change.end),
      data: { axis: 'continuation', condition: study.concept.id },
    };
  }
  return undefined;
}

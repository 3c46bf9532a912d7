// evidence-hierarchy: the decision must rest on the MTUS where the MTUS
// addresses the service; another guideline may decide only with a stated
// reason (8 CCR 9792.21.1, 9792.25.1). Three ways a case breaks that: a
// rationale calls the MTUS silent while the letter cites an MTUS chapter that
// addresses the request; an imported letter's rationale rests on a non-MTUS
// guideline alone (the MTUS never applied); a case written in the language
// cites a non-MTUS guideline on its `guideline:` line with no
// `non-mtus-reason:`. The fixes cite the MTUS section, or add
// `non-mtus-reason:` for the reviewer to fill in.
import type { Range } from '../../../syntax/ast';
import type { CodeAction } from '../../../types';
import { defineRule, type Finding } from '../../defineRule';
import { at, fix } from '../../fixes';
import { isImportedCase } from '../../auditView';
import { getField } from '../../../model/caseModel';
import type { LibrarySection } from '../../../necessity/library';
import { sentenceSpan, viewItem, type ItemView } from '../../../necessity/itemView';
import { conclusionsInSentence } from '../../../necessity/conclusions';
import {
  aboutPatient,
  chapterCovering,
  citedMtusChapters,
  guidelineStatement,
  nonMtusName,
  regionsIn,
  therapyMatches,
  regionTitle,
  reliesOnMtus,
  SCOPE,
  servicesIn,
  serviceTitle,
  silenceClaim,
} from '../../../necessity/guidelineScope';
import { eolOf, lineText } from '../../../syntax/layout';
import { oneLine } from '../../../text/words';
import type { Reader } from '../../../reading/reader';
import type { CriteriaLibrary, Limit } from '../../../necessity/library';
import { quotedAllowances } from '../../support/visitAllowance';
import { allowanceList, citedAllowances } from '../../support/sectionAllowances';

export interface HierarchyData {
  /** Which break: the MTUS called silent, or a non-MTUS guideline relied on. */
  kind: 'silent' | 'non-mtus';
  /** The MTUS section that covers the service, and its citation (a library section only). */
  section?: string;
  citation?: string;
  /** The guideline line's value, which the citation fix replaces: only where the finding is on that line. */
  citationRange?: Range;
  /** The guideline field's line and indentation, to find it again and add a line below. */
  line?: number;
  indent?: string;
}

type HierarchyFinding = Finding<HierarchyData>;

export default defineRule<HierarchyData>({
  code: 'evidence-hierarchy',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['header'], absolutePositions: true },
  summary: 'A non-MTUS guideline used where the MTUS covers the service, with no reason given.',
  *checkItem({ file, library, reader }, item) {
    // A case written in the language declares its basis on the `guideline:`
    // line; an imported letter's rationale shows which guideline it applies.
    const imported = isImportedCase(file);
    const v = viewItem(item, library);
    const found = silentMtus(v) ?? (imported ? nonMtusAlone(v) : nonMtusLine(v)) ?? unnamedAllowance(v, library, reader);
    if (found) yield found;
  },
  fixes(ctx, d) {
    const data = d.data ?? {};
    const out: CodeAction[] = [];
    // The citation replaces the guideline line, and only where the finding is on that line: a rationale that quotes another guideline is not fixed by a new citation.
    if (typeof data.citation === 'string' && data.citationRange && sameRange(data.citationRange, d.range)) {
      out.push(fix(`Base the decision on the MTUS: ${data.citation}`, d, [{ range: d.range, newText: data.citation }], false));
    }
    if (typeof data.line === 'number') {
      const item = ctx.model.items.find((i) => i.guideline && i.guideline.range.start.line === data.line);
      if (item && item.guideline && !getField(item.section, 'non-mtus-reason')) {
        // After the guideline line, with its own whitespace: the line below may not exist (the file's last line).
        const line = item.guideline.range.start.line;
        const text = lineText(ctx.file, line);
        const indent = text.slice(0, item.guideline.keyRange.start.character);
        out.push(
          fix(
            'Add non-mtus-reason: why the MTUS does not apply',
            d,
            [
              {
                range: at({ line, character: text.length }),
                newText: `${eolOf(ctx.file)}${indent}non-mtus-reason: \${1:The MTUS does not address this service.}`,
                snippet: true,
              },
            ],
            false,
          ),
        );
      }
    }
    return out;
  },
});

function sameRange(a: Range, b: Range): boolean {
  return a.start?.line === b.start.line && a.start?.character === b.start.character && a.end?.line === b.end.line && a.end?.character === b.end.character;
}

/** A case written in the language: its `guideline:` line names a non-MTUS guideline for a service the MTUS addresses, with no `non-mtus-reason:`. */
function nonMtusLine(v: ItemView): HierarchyFinding | undefined {
  const guideline = v.item.guideline;
  if (!guideline) return undefined;
  const citedNonMtus = v.guideline === 'non-mtus' || (v.guideline !== 'mtus' && v.librarySection && !v.librarySection.source.mtus && !!v.criteria?.section);
  if (!citedNonMtus) return undefined;
  const mtus = v.serviceMatches.find((s) => s.source.mtus);
  if (!mtus) return undefined;
  if (getField(v.section, 'non-mtus-reason')?.value.trim()) return undefined;
  const text = v.section.rationale?.prose.text ?? '';
  if (SCOPE.reasons.test(text) || (v.section.rationale?.prose.sentences ?? []).some((s) => silenceClaim(s.text))) return undefined;
  return {
    message: `This decision rests on a guideline outside the MTUS, but the MTUS covers ${mtus.title.toLowerCase()} (${mtus.source.document}). Base the decision on the MTUS, or say why it does not apply with \`non-mtus-reason:\` (8 CCR 9792.21.1 and 9792.25.1).`,
    range: guideline.valueRange,
    data: {
      kind: 'non-mtus',
      section: mtus.id,
      citation: mtus.source.citation,
      citationRange: guideline.valueRange,
      line: guideline.range.start.line,
      indent: ' '.repeat(guideline.keyRange.start.character),
    },
  };
}

interface Coverage {
  /** How the MTUS source is named in the message. */
  title: string;
  /** The letter's line that cites it, for related information. */
  cited?: { range: Range; label: string };
  /** A library section, for the quick-fix that cites it. */
  section?: LibrarySection;
}

/** The MTUS chapter or section that addresses the item's service: one the letter cites first, else the criteria library's. */
function mtusCoverage(v: ItemView, citedOnly: boolean): Coverage | undefined {
  const regions = regionsIn(v.item.service);
  const services = servicesIn(v.item.service);
  const lines: [string, string][] = [
    ['guideline', 'The guideline the decision is based on'],
    ['claims-administrator', "The claims administrator's guideline"],
  ];
  const addresses = (chapter: { title: string; regions: ReadonlySet<string>; services: ReadonlySet<string> }): string =>
    `MTUS ${chapter.title}, which addresses ${[...services].filter((s) => chapter.services.has(s)).map(serviceTitle)[0]} of ${[...regions].filter((r) => chapter.regions.has(r)).map(regionTitle)[0]}`;
  for (const [key, label] of lines) {
    const field = getField(v.section, key);
    if (!field) continue;
    const chapter = chapterCovering(citedMtusChapters(field.value), regions, services);
    if (chapter) return { title: addresses(chapter), cited: { range: field.valueRange, label } };
  }
  // A library section is a general MTUS guideline (Chronic Pain's manipulation, say) that may be silent on one body part: it contradicts no claim of silence.
  if (citedOnly) return undefined;
  const section = v.serviceMatches.find((s) => s.source.mtus);
  if (section) return { title: `${section.source.document}, which addresses ${section.title.toLowerCase()}`, section };
  const chapter = chapterCovering(SCOPE.chapters, regions, services);
  if (chapter) return { title: addresses(chapter) };
  return undefined;
}

/** "MTUS treatment guidelines are silent" while the letter cites an MTUS chapter that addresses the request. */
function silentMtus(v: ItemView): HierarchyFinding | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose) return undefined;
  for (const s of prose.sentences) {
    const claim = silenceClaim(s.text);
    if (!claim) continue;
    // "The guidelines are silent" speaks of the guidelines the reviewer cites:
    // only the reviewer's own MTUS citation can contradict it.
    const coverage = mtusCoverage(v, true);
    if (!coverage || (claim.subject === 'guidelines' && coverage.cited?.label.startsWith('The claims'))) continue;
    const said = s.text.slice(0, claim.cue.end);
    return {
      message: `The rationale says "${oneLine(said, 90)}", but ${coverage.cited ? 'the letter cites ' : 'the MTUS has '}${coverage.title}. Apply the MTUS to this request, or say why it does not govern it (8 CCR 9792.21.1 and 9792.25.1).`,
      range: sentenceSpan(prose, s, 0, s.text.length),
      relatedInformation: coverage.cited ? [{ range: coverage.cited.range, message: coverage.cited.label }] : undefined,
      data: { kind: 'silent', ...(v.item.guideline ? { line: v.item.guideline.range.start.line } : {}) },
    };
  }
  return undefined;
}

/** The rationale rests on a guideline outside the MTUS, never applies the MTUS, and gives no reason, where the MTUS addresses the service. */
function nonMtusAlone(v: ItemView): HierarchyFinding | undefined {
  const guideline = v.item.guideline;
  if (getField(v.section, 'non-mtus-reason')?.value.trim()) return undefined;
  const prose = v.section.rationale?.prose;
  const sentences = prose?.sentences ?? [];
  const text = prose?.text ?? '';
  // "ACOEM" is the MTUS's own ACOEM 2004 chapters unless the reviewer cites ACOEM as a non-MTUS guideline (the updated ACOEM).
  const acoemIsMtus = !/non[\s-]*mtus.*\bacoem\b/i.test(guideline?.value ?? '');
  const appliesMtus = (t: string): boolean => reliesOnMtus(t) || (acoemIsMtus && /\bacoem\b/i.test(t) && !silenceClaim(t));
  if (sentences.some((s) => appliesMtus(s.text) || silenceClaim(s.text)) || SCOPE.reasons.test(text)) return undefined;
  // The reviewer's guideline line names the MTUS: a rationale that quotes only another guideline still needs a reason, but an MTUS line with no guideline named in the prose is read as applied.
  const lineKind = v.guideline;
  const named = sentences.find((s) => nonMtusName(s.text));
  const lineNonMtus = lineKind === 'non-mtus' || (lineKind !== 'mtus' && !!v.librarySection && !v.librarySection.source.mtus && !!v.criteria?.section);
  if (!named && !lineNonMtus) return undefined;
  if (!named && lineKind === 'mtus') return undefined;
  const coverage = mtusCoverage(v, false);
  if (!coverage) return undefined;
  // Where the rationale leans on the other guideline: the sentence that names it, else its first statement of what "guidelines" say.
  const target =
    named ??
    sentences.find((s) => /\bguidelines?\b/i.test(s.text) && guidelineStatement(s.text) && !aboutPatient(s.text)) ??
    sentences.find((s) => guidelineStatement(s.text) && !aboutPatient(s.text) && conclusionsInSentence(s.text).every((c) => c.strength === 'weak'));
  const fixData = guideline ? { line: guideline.range.start.line, indent: ' '.repeat(guideline.keyRange.start.character) } : {};
  const where = `${coverage.cited ? 'the letter cites ' : 'the MTUS has '}${coverage.title}`;
  if (target && prose) {
    const other = nonMtusName(target.text);
    return {
      message: `The rationale rests on ${other ? `the ${target.text.slice(other.start, other.end)}` : 'a guideline outside the MTUS'} ("${oneLine(target.text, 90)}") and never applies the MTUS, although ${where}. Base the decision on the MTUS, or say why it does not govern this request (8 CCR 9792.21.1 and 9792.25.1).`,
      range: sentenceSpan(prose, target, 0, target.text.length),
      relatedInformation: [
        ...(guideline ? [{ range: guideline.valueRange, message: 'The guideline the decision is based on' }] : []),
        ...(coverage.cited && coverage.cited.range !== guideline?.valueRange ? [{ range: coverage.cited.range, message: coverage.cited.label }] : []),
      ],
      data: { kind: 'non-mtus', ...fixData },
    };
  }
  if (!guideline) return undefined;
  return {
    message: `This decision rests on a guideline outside the MTUS, but ${where}. Base the decision on the MTUS, or say why it does not apply with \`non-mtus-reason:\` (8 CCR 9792.21.1 and 9792.25.1).`,
    range: guideline.valueRange,
    relatedInformation:
      coverage.cited && coverage.cited.range !== guideline.valueRange ? [{ range: coverage.cited.range, message: coverage.cited.label }] : undefined,
    data: { kind: 'non-mtus', section: coverage.section?.id, citation: coverage.section?.source.citation, citationRange: guideline.valueRange, ...fixData },
  };
}

/** Words that make a count the most a guideline allows ("up to 8 sessions", "a maximum of 6 visits"). */
const AT_MOST = /\b(?:up to|a maximum of|maximum of|no more than|not to exceed)\s*$/i;
/** A sentence that speaks of guidelines without naming one ("Current guidelines recommend ..."). */
const UNNAMED = /\bguidelines?\b/i;

/**
 * A visit allowance the rationale gives from guidelines it does not name ("Current guidelines recommend up to 8
 * sessions for the claimant's condition") where the MTUS section its guideline line cites, alone, sets other
 * allowances (physical medicine: 9-10 visits for myalgia, 8-10 for neuralgia, 24 for CRPS). A figure that agrees
 * with none of them comes from a guideline outside the MTUS, applied without naming it or saying why the MTUS does
 * not govern. "Up to N" states the most allowed: it agrees with an allowance whose upper end is N. Only where every
 * allowance of the cited section is verified, the sentence names no guideline and no other kind of care than the
 * item's, and the guideline line names no guideline outside the MTUS.
 */
function unnamedAllowance(v: ItemView, library: CriteriaLibrary, reader: Reader): HierarchyFinding | undefined {
  const prose = v.section.rationale?.prose;
  const guideline = v.item.guideline;
  if (!prose || !guideline || v.criteria || !v.item.decision || /non-mtus/i.test(guideline.value) || SCOPE.nonMtusNames.test(guideline.value)) return undefined;
  if (getField(v.section, 'non-mtus-reason')?.value.trim() || SCOPE.reasons.test(prose.text)) return undefined;
  const cited = citedAllowances(v, library);
  if (!cited) return undefined;
  const itemTherapies = new Set(therapyMatches(v.item.service).map((t) => t.id));
  for (const a of quotedAllowances(reader, prose)) {
    const text = a.sentence.text;
    if (a.phase || !UNNAMED.test(text) || SCOPE.nonMtusNames.test(text) || reliesOnMtus(text)) continue;
    if (therapyMatches(text).some((t) => !itemTherapies.has(t.id))) continue;
    const atMost = AT_MOST.test(text.slice(Math.max(0, a.count.start - 20), a.count.start));
    const agrees = (n: number, l: Limit): boolean =>
      atMost ? (l.max ?? l.min) === n : l.max === n || l.min === n || (l.min !== undefined && l.max !== undefined && l.min <= n && n <= l.max);
    if (cited.limits.some((l) => agrees(a.count.value, l) || (a.count.low !== undefined && agrees(a.count.low, l)))) continue;
    const titles = cited.sections.map((s) => `${s.title} (${s.source.citation})`).join(' and ');
    return {
      message: `The rationale gives "${a.count.text}" as what guidelines allow ("${oneLine(text, 90)}") without naming the guideline, but the MTUS section its guideline line cites, ${titles}, allows ${allowanceList(cited.limits)}: the figure is not the MTUS's. Name the guideline it comes from and say why the MTUS does not govern this request, or weigh the request by the MTUS allowances (8 CCR 9792.21.1 and 9792.25.1).`,
      range: sentenceSpan(prose, a.sentence, a.count.start, a.count.end),
      relatedInformation: [{ range: guideline.valueRange, message: 'The guideline the decision is based on' }],
      data: { kind: 'non-mtus', line: guideline.range.start.line, indent: ' '.repeat(guideline.keyRange.start.character) },
    };
  }
  return undefined;
}

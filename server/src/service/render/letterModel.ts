// The letter as data: what the reader of the determination sees, in order,
// with no case-language markup left in it. Every renderer (text, HTML, PDF,
// the live preview) draws this one model, so they cannot disagree. Each
// paragraph keeps the zero-based source line it came from, which the preview
// uses to keep editor and letter scrolled together.
import { ownValue } from '../text/own';
import type { AnalysedCase } from '../model/caseModel';
import type { CriterionStatus, Field } from '../syntax/ast';
import { getField, getFields, type DatedField, type ItemModel } from '../model/caseModel';
import { formatUs, parseDate } from '../syntax/dates';
import { guidelineSentence } from './guidelineLine';
import { fill, LETTER_TEXT } from './letterText';
import { reportContained } from '../contained';

export interface LetterOptions {
  /** Add a "criteria applied" table after each item (drafts only). */
  showCriteria?: boolean;
  /**
   * Mark the letter as a draft on every page: it is exported while the case
   * still has problems that block a final letter (render/finalize.ts), so no
   * one may take it for the determination.
   */
  draft?: boolean;
}

/** A piece of text; `missing` names what the author has not written yet (a placeholder is shown). */
export interface Run {
  text: string;
  missing?: boolean;
  /** Bold in HTML and PDF (the decision word, labels). */
  strong?: boolean;
}

export type ParagraphKind = 'boilerplate' | 'credential' | 'summary' | 'item-title' | 'guideline' | 'rationale' | 'criteria' | 'document';

export interface CriteriaRow {
  id: string;
  status: string;
  /** The summary sentences cited as evidence, as the letter words them. */
  evidence: string[];
  note?: string;
  line: number;
}

export interface LetterParagraph {
  kind: ParagraphKind;
  /** A lead-in such as "Decision rationale:", printed before the runs. */
  lead?: string;
  runs: Run[];
  /** Zero-based line in the case file; undefined for fixed wording. */
  line?: number;
  /** Printed right under the previous paragraph, without a blank line (the credential lines). */
  tight?: boolean;
  /** For `criteria`: the table rows. */
  rows?: CriteriaRow[];
  /** For `item-title`: the decision, for styling. */
  decision?: 'upheld' | 'overturned';
}

export interface LetterSection {
  heading: string;
  line?: number;
  paragraphs: LetterParagraph[];
}

export interface HeaderField {
  label: string;
  value: string;
  line: number;
}

export interface LetterModel {
  caseNumber?: string;
  /** The draft notice every page carries, when the letter is a draft (LetterOptions.draft). */
  draft?: { mark: string; notice: string };
  /** Header rows as the letter prints them: the case number alone, then pairs. */
  header: HeaderField[][];
  sections: LetterSection[];
}

const T = LETTER_TEXT;

/** Builds the letter model. Never throws: a broken case yields what can be shown. */
export function buildLetterModel(analysed: AnalysedCase, options: LetterOptions = {}): LetterModel {
  try {
    return build(analysed, options);
  } catch (err) {
    reportContained(err, 'letter model');
    return { header: [], sections: [] };
  }
}

function build({ file, model }: AnalysedCase, options: LetterOptions): LetterModel {
  const header = file.header;
  const caseNumber = header?.caseNumber?.value.trim() || undefined;
  const org = getField(header, 'organization');
  const orgName = org?.value.trim() ?? '';

  const rows: HeaderField[][] = [];
  if (caseNumber && header?.caseNumber) rows.push([{ label: T.header.caseNumber, value: caseNumber, line: header.caseNumber.range.start.line }]);
  const pair = (...fields: (HeaderField | undefined)[]) => {
    const row = fields.filter((f): f is HeaderField => !!f);
    if (row.length) rows.push(row);
  };
  const priority = getField(header, 'priority');
  pair(
    dateField(T.header.assigned, getField(header, 'assigned'), model.dates.assigned),
    dateField(T.header.injuryDate, getField(file.worker, 'injury-date'), model.dates.injuryDate),
  );
  pair(
    dateField(T.header.decisionDate, getField(header, 'decision-date'), model.dates.decisionDate),
    dateField(T.header.urDate, getField(header, 'ur-date'), model.dates.urDate),
  );
  pair(
    priority && priority.value.trim() ? { label: T.header.priority, value: priorityWord(priority.value), line: priority.range.start.line } : undefined,
    dateField(T.header.received, getField(header, 'received'), model.dates.received),
  );

  const sections: LetterSection[] = [];

  // HOW THE IMR FINAL DETERMINATION WAS MADE, with the reviewer's credentials.
  const howMade: LetterParagraph[] = [
    {
      kind: 'boilerplate',
      runs: orgName
        ? splitTemplate(T.howMade, 'organization', { text: orgName })
        : splitTemplate(T.howMade, 'organization', { text: T.missing.organization, missing: true }),
      line: org?.range.start.line,
    },
  ];
  const reviewer = file.reviewer;
  howMade.push({ kind: 'credential', runs: [{ text: T.credentialsIntro }], line: reviewer?.keywordRange.start.line });
  for (const [label, key] of [
    [T.licensureLabel, 'licensure'],
    [T.specialtyLabel, 'specialty'],
  ] as const) {
    const fields = getFields(reviewer, key).filter((f) => f.value.trim());
    howMade.push({
      kind: 'credential',
      lead: label,
      runs: [fields.length ? { text: fields.map((f) => f.value.trim()).join(', ') } : { text: T.missing[key], missing: true }],
      line: fields[0]?.range.start.line ?? reviewer?.keywordRange.start.line,
      tight: true,
    });
  }
  sections.push({ heading: T.headings.howMade, line: header?.keywordRange.start.line, paragraphs: howMade });

  // CLINICAL CASE SUMMARY: the fixed opening, then the author's prose as written.
  const summary = file.summary;
  const summaryParas: LetterParagraph[] = [{ kind: 'boilerplate', runs: [{ text: T.summaryIntro }], line: summary?.keywordRange.start.line }];
  for (const p of summary?.prose?.paragraphs ?? []) {
    summaryParas.push({ kind: 'summary', runs: [{ text: p.text }], line: p.range.start.line });
  }
  if (summaryParas.length === 1)
    summaryParas.push({ kind: 'summary', runs: [{ text: T.missing.summary, missing: true }], line: summary?.keywordRange.start.line });
  sections.push({ heading: T.headings.summary, line: summary?.keywordRange.start.line, paragraphs: summaryParas });

  // DOCUMENTS REVIEWED (8 CCR 9792.10.6(d)), when the case lists them: each
  // document with its source and dates, as written, one a line.
  const documents = file.documents;
  if (documents && documents.entries.length) {
    sections.push({
      heading: T.headings.documents,
      line: documents.keywordRange.start.line,
      paragraphs: [
        { kind: 'boilerplate', runs: [{ text: T.documentsIntro }], line: documents.keywordRange.start.line },
        ...documents.entries.map((e, i): LetterParagraph => ({
          kind: 'document',
          runs: [{ text: e.parts.map((p) => p.value).join(', ') }],
          line: e.range.start.line,
          tight: i > 0,
        })),
      ],
    });
  }

  // IMR ISSUES, DECISIONS AND RATIONALES: one block per disputed item.
  const shortName = organizationShortName(orgName);
  const issues: LetterParagraph[] = [{ kind: 'boilerplate', runs: [{ text: T.issuesIntro }], line: model.items[0]?.section.keywordRange.start.line }];
  for (const item of model.items) issues.push(...itemParagraphs(item, shortName, analysedFacts(model.facts), options));
  sections.push({ heading: T.headings.issues, line: model.items[0]?.section.keywordRange.start.line, paragraphs: issues });

  return { caseNumber, ...(options.draft ? { draft: { mark: T.draftMark, notice: T.draftNotice } } : {}), header: rows, sections };
}

function analysedFacts(facts: Map<string, { sentence: { text: string } }[]>): (name: string) => string | undefined {
  return (name) => facts.get(name)?.[0]?.sentence.text;
}

function itemParagraphs(item: ItemModel, shortName: string, factText: (name: string) => string | undefined, options: LetterOptions): LetterParagraph[] {
  const section = item.section;
  const out: LetterParagraph[] = [];
  const service = item.service.trim();
  const serviceRun: Run = service ? { text: service } : { text: T.missing.service, missing: true };
  const decisionRun: Run = item.decision ? { text: T.decisionWords[item.decision], strong: true } : { text: T.missing.decision, missing: true };
  const request = valueOf(getField(section, 'request'));
  const authorized = valueOf(getField(section, 'authorized'));
  const template = request && authorized ? T.partialItemTitle : T.itemTitle;
  out.push({
    kind: 'item-title',
    runs: expandTemplate(template, { service: serviceRun, decision: decisionRun, request: { text: request ?? '' }, authorized: { text: authorized ?? '' } }),
    line: section.keywordRange.start.line,
    decision: item.decision,
  });

  const ca = guidelineSentence(item.claimsAdministrator?.value, T.guidelineSubjects.claimsAdministrator);
  out.push({
    kind: 'guideline',
    lead: T.claimsAdministratorLabel,
    runs: [ca ? { text: ca.text } : { text: T.missing.guideline, missing: true }],
    line: item.claimsAdministrator?.range.start.line ?? section.keywordRange.start.line,
  });
  const own = guidelineSentence(item.guideline?.value, T.guidelineSubjects.reviewer);
  // The law's parts of the guideline paragraph (8 CCR 9792.10.6, Labor Code
  // 4610.5(c)(2)): why the MTUS was left, and the standard the decision rests
  // on, each printed after the guideline sentence when the case states it.
  const reason = valueOf(getField(section, 'non-mtus-reason'));
  const standard = standardSentence(valueOf(getField(section, 'standard')));
  out.push({
    kind: 'guideline',
    lead: fill(T.organizationGuidelineLabel, { shortName }),
    runs: [
      own ? { text: own.text } : { text: T.missing.guideline, missing: true },
      ...(reason ? [{ text: ` ${sentence(reason)}` }] : []),
      ...(standard ? [{ text: ` ${standard}` }] : []),
    ],
    line: item.guideline?.range.start.line ?? section.keywordRange.start.line,
  });

  const paragraphs = section.rationale?.prose?.paragraphs ?? [];
  if (paragraphs.length === 0) {
    out.push({
      kind: 'rationale',
      lead: T.rationaleLabel,
      runs: [{ text: T.missing.rationale, missing: true }],
      line: section.rationale?.keywordRange.start.line ?? section.keywordRange.start.line,
    });
  }
  paragraphs.forEach((p, i) => {
    out.push({ kind: 'rationale', lead: i === 0 ? T.rationaleLabel : undefined, runs: [{ text: p.text }], line: p.range.start.line });
  });

  if (options.showCriteria && section.criteria) {
    const c = section.criteria;
    out.push({
      kind: 'criteria',
      lead: T.headings.criteria,
      runs: c.section ? [{ text: c.section.value }] : [],
      line: c.keywordRange.start.line,
      rows: c.entries.map((e) => ({
        id: e.id.value,
        status: statusWord(e.status, e.statusText?.value),
        evidence: e.evidence.map((l) => factText(l.name) ?? `#${l.name}`),
        note: e.note?.value,
        line: e.range.start.line,
      })),
    });
  }
  return out;
}

/** A value printed as a sentence: its first letter capitalised, a final period added when it has none. */
function sentence(value: string): string {
  const v = value.charAt(0).toUpperCase() + value.slice(1);
  return /[.!?]["')\]]*$/.test(v) ? v : `${v}.`;
}

/** The standard of Labor Code 4610.5(c)(2) as the letter says it; undefined for a value that is not one (invalid-value reports it). */
function standardSentence(value: string | undefined): string | undefined {
  const s = value ? (T.standards as Record<string, { letter: string; text: string } | undefined>)[value.toLowerCase()] : undefined;
  return s ? fill(T.standardSentence, { letter: s.letter, standard: s.text }) : undefined;
}

function statusWord(status: CriterionStatus | undefined, written: string | undefined): string {
  if (status) return T.criteriaStatus[status];
  return written?.trim() || '?';
}

function valueOf(field: Field | undefined): string | undefined {
  const v = field?.value.trim();
  return v ? v : undefined;
}

/** Header dates as the corpus prints them (11/23/2016); a date that does not parse is shown as written. */
function dateField(label: string, field: Field | undefined, dated: DatedField | undefined): HeaderField | undefined {
  if (!field || !field.value.trim()) return undefined;
  const date = dated?.date ?? parseDate(field.value);
  return { label, value: date ? formatUs(date) : field.value.trim(), line: field.range.start.line };
}

function priorityWord(value: string): string {
  const v = value.trim().toLowerCase();
  return v === 'standard' || v === 'expedited' ? T.priority[v] : value.trim();
}

/** "MAXIMUS Federal Services" signs its guideline line "MAXIMUS guideline:". */
export function organizationShortName(name: string): string {
  const n = name.trim();
  if (!n) return T.missing.organization.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase());
  const known = ownValue(T.organizationShortNames as Record<string, string>, n);
  if (known) return known;
  return n.split(/\s+/)[0];
}

function splitTemplate(template: string, name: string, run: Run): Run[] {
  return expandTemplate(template, { [name]: run });
}

/** Cuts a template into runs so a placeholder can carry its own styling (missing, strong). */
function expandTemplate(template: string, values: Record<string, Run>): Run[] {
  const runs: Run[] = [];
  const re = /\{([A-Za-z]+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template))) {
    if (m.index > last) runs.push({ text: template.slice(last, m.index) });
    runs.push(values[m[1]] ?? { text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < template.length) runs.push({ text: template.slice(last) });
  return runs.filter((r) => r.text !== '' || r.missing);
}

/** The plain text of a paragraph, with placeholders in square brackets. */
export function paragraphText(p: LetterParagraph): string {
  const body = p.runs.map((r) => (r.missing ? `[${r.text}]` : r.text)).join('');
  return p.lead ? (body ? `${p.lead} ${body}` : p.lead) : body;
}

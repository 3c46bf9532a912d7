// Imports a determination letter (its text, as a PDF extractor gives it) into
// a case file. Prose is kept word for word, line for line; dates in the
// header are normalized; summary sentences with recognisable findings get
// fact labels; anything that has no place in the case language is kept in a
// `--` comment and reported. Never throws: on any failure the whole letter
// comes back as comments with one diagnostic saying so.
import { LETTER_TEXT } from '../render/letterText';
import { organizationShortName } from '../render/letterModel';
import { CaseWriter } from './caseWriter';
import { markImported } from './importMarker';
import { joinBrokenSentences } from './sentences';
import { restsOnAnotherItem } from './dependency';
import { readHeader } from './header';
import { readHowMade } from './howMade';
import { splitItems, partLines, partText, type LetterItem } from './items';
import { joinLines, normalizeSpace, toLetterLines, type LetterLine } from './letterLines';
import { splitCurrentLayout, stripLeading } from './letterSections';
import { detectLayout, LAYOUT_NAMES } from './layout';
import { labelSummary } from './summaryLabels';
import { readWorker } from './worker';
import { guidelineValue } from './guidelineValue';
import { importNotice2013 } from './notice2013';
import type { ImportOptions, ImportRecognition, ImportResult, LetterLayout } from './types';
import { reportContained } from '../contained';
import { truncate } from '../text/words';

export function importLetter(text: string, options: ImportOptions = {}): ImportResult {
  const source = typeof text === 'string' ? text : '';
  try {
    return importAny(source, options);
  } catch (err) {
    reportContained(err, 'import');
    return fallback(source, options);
  }
}

export function emptyRecognition(layout: LetterLayout): ImportRecognition {
  return { layout, header: false, headerFields: [], boilerplate: false, credentials: false, summary: false, items: 0, completeItems: 0, facts: 0, unplaced: 0 };
}

function importAny(text: string, options: ImportOptions): ImportResult {
  const { lines, furnitureRemoved } = toLetterLines(text);
  const layout = detectLayout(lines);
  const w = new CaseWriter();
  const rec = emptyRecognition(layout);
  const name = options.sourceName ? `${options.sourceName} ` : '';
  const top = w.comment(0, [`Imported from the letter ${name}by IMR Author (${LAYOUT_NAMES[layout]}).`]);
  const skipped = (options.unreadablePages ?? []).filter((p) => Number.isInteger(p) && p > 0);
  if (skipped.length) {
    const pages = `${skipped.length === 1 ? 'Page' : 'Pages'} ${skipped.join(', ')}`;
    const r = w.comment(0, [
      `${pages} of the PDF could not be read and ${skipped.length === 1 ? 'was' : 'were'} skipped: ${skipped.length === 1 ? 'its' : 'their'} text is missing below.`,
    ]);
    w.note(
      'import-page-unreadable',
      'warning',
      `${pages} of the PDF could not be read (a damaged page) and ${skipped.length === 1 ? 'was' : 'were'} skipped; the rest of the letter is imported. Copy the missing text from the original letter.`,
      r,
      { pages: skipped },
    );
  }
  if (furnitureRemoved > 0) {
    w.note(
      'import-page-furniture',
      'information',
      `Removed ${furnitureRemoved} page header, footer or page-number line${furnitureRemoved === 1 ? '' : 's'} ("Page 2 of 3") from the letter; they are not part of the determination.`,
      top,
    );
  }
  if (layout === 'current') importCurrent(lines, w, rec, options);
  else if (layout === 'notice-2013') importNotice2013(lines, w, rec, options);
  else keepAll(lines, w, rec, top);
  return { text: w.text(), diagnostics: w.diagnostics, recognized: rec };
}

/** Letters in a layout the importer cannot read: every line kept as a comment. */
function keepAll(lines: LetterLine[], w: CaseWriter, rec: ImportRecognition, top: ReturnType<CaseWriter['comment']>) {
  const content = lines.filter((l) => !l.blank);
  if (content.length === 0) {
    w.note(
      'import-empty',
      'error',
      'The letter has no text. If it is a scanned PDF, it holds images only: run text recognition (OCR) on it first, then import again.',
      top,
    );
    return;
  }
  const where = w.comment(
    0,
    content.map((l) => l.text),
  );
  rec.unplaced++;
  const message =
    rec.layout === 'medical-professional-review'
      ? 'This letter uses the "MEDICAL PROFESSIONAL REVIEW" layout (ISSUE AT DISPUTE, CASE SUMMARY, DOCUMENTS REVIEWED ...), which the importer recognises but cannot yet divide into parts. Its text is kept here as comments: copy it into case, reviewer, worker, summary and item parts.'
      : "The importer did not recognise this letter's layout: it has none of the headings HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY or IMR ISSUES, DECISIONS AND RATIONALES. Its text is kept here as comments: copy it into case, reviewer, worker, summary and item parts.";
  w.note('import-unknown-layout', 'error', message, where);
}

function fallback(text: string, options: ImportOptions): ImportResult {
  const w = new CaseWriter();
  const top = w.comment(0, [`Imported from the letter ${options.sourceName ? options.sourceName + ' ' : ''}by IMR Author.`]);
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
  if (lines.length) w.comment(0, lines);
  w.note(
    'import-failed',
    'error',
    'The importer could not divide this letter into parts; its text is kept as comments. Please report this with a copy of the letter (without patient details).',
    top,
  );
  return { text: w.text(), diagnostics: w.diagnostics, recognized: { ...emptyRecognition('unknown'), unplaced: lines.length ? 1 : 0 } };
}

function unplaced(w: CaseWriter, rec: ImportRecognition, depth: number, lines: LetterLine[], where: string) {
  const content = lines.filter((l) => !l.blank);
  if (content.length === 0) return;
  const r = w.comment(
    depth,
    content.map((l) => l.text.trim()),
  );
  rec.unplaced++;
  w.note(
    'import-unplaced',
    'warning',
    `This text from the letter (${where}) has no place in the case file, so it is kept here as a comment and the rendered letter will not show it. Move it into the part it belongs to, or delete it.`,
    r,
    difference(joinLines(content), ''),
  );
}

function importCurrent(lines: LetterLine[], w: CaseWriter, rec: ImportRecognition, options: ImportOptions) {
  const parts = splitCurrentLayout(lines);

  // ---- header ----
  const headerLines = parts.header.filter((l) => !l.blank);
  const header = headerLines.length ? readHeader(joinLines(headerLines)) : undefined;
  const hv = header?.values ?? {};
  rec.header = !!header && Object.keys(hv).length > 0;
  rec.headerFields = Object.keys(hv);
  const how = parts.blocks.howMade ? readHowMade(parts.blocks.howMade) : undefined;

  w.blank();
  const caseLine = w.line(hv['case-number'] ? `case ${hv['case-number']}` : 'case');
  markImported(w, options);
  if (how?.organization) w.field(1, 'organization', how.organization);
  const fieldLines: Record<string, ReturnType<CaseWriter['field']>> = {};
  if (hv.priority) fieldLines.priority = w.field(1, 'priority', hv.priority);
  for (const key of ['received', 'assigned', 'ur-date', 'decision-date'] as const) {
    if (hv[key]) fieldLines[key] = w.field(1, key, hv[key]!);
  }
  if (!header || !rec.header) {
    w.note(
      'import-missing-part',
      'warning',
      'The letter has no header block (Case Number, Date Assigned, Date of Injury, Decision Date, UR Denial Date, Priority, Application Received). Add the case number after `case` and the dates from the case file; the rendered letter prints a header only for what is filled in.',
      caseLine,
      { part: 'header' },
    );
    // Lines before the first heading that are not a header (a letter cut at the top) are still the letter's text.
    unplaced(w, rec, 1, headerLines, 'before the first heading');
  } else {
    const missing = (['case-number', 'assigned', 'injury-date', 'decision-date', 'ur-date', 'priority', 'received'] as const).filter((k) => !hv[k]);
    if (missing.length) {
      w.note(
        'import-missing-part',
        'warning',
        `The letter's header does not give ${missing.map(headerName).join(', ')}${header.unreadable.length ? ' in a form the importer can read' : ''}. Add ${missing.length === 1 ? 'it' : 'them'} from the case file.`,
        caseLine,
        { part: 'header', fields: missing },
      );
    }
    for (const r of header.rewritten) {
      // The Date of Injury is written under worker, and reported there.
      const where = r.key === 'injury-date' ? undefined : fieldLines[r.key];
      if (where) dateNormalized(w, r, where);
    }
    if (header.leftover) unplaced(w, rec, 1, [{ index: -1, text: header.leftover, blank: false }], 'in the header block');
  }
  if (how) {
    rec.boilerplate = how.standard;
    if (!how.organization) {
      w.note(
        'import-missing-part',
        'warning',
        'The letter does not say which organization sent the case file to the reviewer ("MAXIMUS Federal Services sent the complete case file ..."). Add `organization:` to the case header.',
        caseLine,
        { part: 'organization' },
      );
    }
    if (!how.standard && how.paragraph.length) {
      const r = w.comment(
        1,
        how.paragraph.map((l) => l.text.trim()),
      );
      rec.unplaced++;
      w.note(
        'import-boilerplate',
        'warning',
        `The letter describes how the determination was made in words that differ from the standard paragraph (from "${how.departsAt}"). The rendered letter prints the standard paragraph; the letter's own wording is kept here as a comment.`,
        r,
        difference(joinLines(how.paragraph), LETTER_TEXT.howMade.replace('{organization}', how.organization ?? LETTER_TEXT.missing.organization)),
      );
    }
  } else {
    w.note(
      'import-missing-part',
      'warning',
      "The letter has no part HOW THE IMR FINAL DETERMINATION WAS MADE, so neither the review organization nor the reviewer's credentials could be read. The rendered letter prints that part from the case file.",
      caseLine,
      { part: 'howMade' },
    );
  }

  // ---- reviewer ----
  w.blank();
  const reviewerLine = w.line('reviewer');
  if (how?.licensure) w.field(1, 'licensure', how.licensure);
  if (how?.specialty) w.field(1, 'specialty', how.specialty);
  rec.credentials = !!how?.licensure && !!how?.specialty;
  if (how && (!how.licensure || !how.specialty)) {
    const which = [!how.licensure && 'State(s) of Licensure', !how.specialty && 'Certification(s)/Specialty'].filter(Boolean).join(' and ');
    w.note(
      'import-missing-part',
      'warning',
      `The letter does not give the reviewer's ${which}. Add ${!how.licensure ? '`licensure:`' : ''}${!how.licensure && !how.specialty ? ' and ' : ''}${!how.specialty ? '`specialty:`' : ''} under reviewer.`,
      reviewerLine,
      { part: 'credentials' },
    );
  }
  if (how && !how.credentialsIntro && (how.licensure || how.specialty)) {
    w.note(
      'import-missing-part',
      'information',
      `The letter does not introduce the credentials with "${LETTER_TEXT.credentialsIntro}"; the rendered letter does.`,
      reviewerLine,
      { part: 'credentialsIntro' },
    );
  }
  for (const group of how?.unplaced ?? []) unplaced(w, rec, 1, group, "with the reviewer's credentials");

  // ---- summary text (read now: the worker facts come from it) ----
  let summaryLines: LetterLine[] = [];
  let summaryIntro = false;
  let pageBreaksJoined = 0;
  if (parts.blocks.summary) {
    const stripped = stripLeading(parts.blocks.summary, LETTER_TEXT.summaryIntro);
    summaryIntro = stripped.found;
    // A page break inside a sentence is joined before the worker is read or a fact labelled.
    const joined = joinBrokenSentences(stripped.rest);
    summaryLines = joined.lines;
    pageBreaksJoined = joined.joined;
  }
  const summaryText = joinLines(summaryLines);

  // ---- worker ----
  w.blank();
  const workerLine = w.line('worker');
  const worker = readWorker(summaryText);
  if (worker.age) w.field(1, 'age', worker.age);
  if (worker.sex) w.field(1, 'sex', worker.sex);
  if (hv['injury-date']) {
    const where = w.field(1, 'injury-date', hv['injury-date']);
    const rewritten = header?.rewritten.find((r) => r.key === 'injury-date');
    if (rewritten) dateNormalized(w, rewritten, where);
  } else if (worker.injuryDate) {
    // Not filled in: the rendered header would print a Date of Injury the letter does not have.
    w.comment(1, [`injury-date: ${worker.injuryDate}   (the date the summary gives; the letter's header does not state it)`]);
  }
  for (const d of worker.diagnoses) w.field(1, 'diagnosis', d);
  const notRead = [!worker.age && 'age', !worker.sex && 'sex', !worker.diagnoses.length && 'diagnosis'].filter(Boolean) as string[];

  // ---- summary ----
  w.blank();
  const summaryLine = w.line('summary');
  if (!parts.blocks.summary) {
    w.note(
      'import-missing-part',
      'warning',
      "The letter has no CLINICAL CASE SUMMARY heading, so no summary was imported. Write the reviewer's account of the records under summary.",
      summaryLine,
      { part: 'summary' },
    );
  } else {
    if (!summaryIntro) {
      w.note(
        'import-missing-part',
        'information',
        `The letter's summary does not open with "${LETTER_TEXT.summaryIntro}"; the rendered letter does.`,
        summaryLine,
        { part: 'summaryIntro' },
      );
    }
    const written = w.prose(
      1,
      summaryLines.map((l) => ({ text: l.text, blank: l.blank })),
    );
    rec.summary = written.some((n) => n >= 0);
    if (pageBreaksJoined) {
      w.note(
        'import-sentence-joined',
        'information',
        `${pageBreaksJoined} paragraph break${pageBreaksJoined === 1 ? '' : 's'} of the letter fell inside a sentence of the summary (a page break), so the sentence is kept whole.`,
        summaryLine,
      );
    }
    if (notRead.length && summaryText) notFound(w, workerLine, notRead, lineOfOffset(summaryLines, written, worker.diagnosisLookedAt));
    rec.facts = labelSummary(
      w,
      written.filter((n) => n >= 0),
    );
    if (!rec.summary)
      w.note(
        'import-missing-part',
        'warning',
        "The letter's CLINICAL CASE SUMMARY is empty. Write the reviewer's account of the records under summary.",
        summaryLine,
        { part: 'summary' },
      );
  }

  // ---- items ----
  const issues = parts.blocks.issues;
  if (!issues) {
    w.blank();
    const r = w.comment(0, ['No disputed items: the letter has no part IMR ISSUES, DECISIONS AND RATIONALES.']);
    w.note(
      'import-missing-part',
      'error',
      'The letter has no part IMR ISSUES, DECISIONS AND RATIONALES, so no disputed item was imported. Add an `item` for each disputed service.',
      r,
      { part: 'issues' },
    );
    return;
  }
  const stripped = stripLeading(issues, LETTER_TEXT.issuesIntro);
  const split = splitItems(stripped.rest);
  const shortName = organizationShortName(how?.organization ?? '');
  w.blank();
  if (!stripped.found) {
    const r = w.comment(0, ['The letter does not open its decisions with the standard sentence.']);
    w.note('import-missing-part', 'information', `The letter's decisions part does not open with "${LETTER_TEXT.issuesIntro}"; the rendered letter does.`, r, {
      part: 'issuesIntro',
    });
  }
  unplaced(w, rec, 0, split.before, 'before the first disputed item');
  if (split.items.length === 0) {
    const r = w.comment(0, ['No disputed item found: no heading ends in ": Upheld" or ": Overturned".']);
    w.note(
      'import-missing-part',
      'error',
      'No disputed item was found: the importer looks for a line ending in ": Upheld" or ": Overturned" followed by the guideline lines. Add an `item` for each disputed service.',
      r,
      { part: 'items' },
    );
  }
  // A dependent item ("the requested ancillary service") names the nearest earlier item that is not itself dependent.
  let primary: string | undefined;
  for (const item of split.items) {
    const dependent = !!item.rationale && restsOnAnotherItem(partText(item.rationale));
    const service = itemTitle(item.heading).service;
    writeItem(w, rec, item, shortName, dependent ? primary : undefined);
    if (!dependent) primary = service;
  }
}

function writeItem(w: CaseWriter, rec: ImportRecognition, item: LetterItem, shortName: string, dependsOn: string | undefined) {
  w.blank();
  const title = itemTitle(item.heading);
  const line = w.line(title.service ? `item ${title.service}` : 'item');
  rec.items++;
  if (title.request) w.field(1, 'request', title.request);
  if (title.authorized) w.field(1, 'authorized', title.authorized);
  if (item.decision) w.field(1, 'decision', item.decision);
  if (dependsOn) w.field(1, 'depends-on', dependsOn);
  if (/\s:\s*(Upheld|Overturned)\b[^:]*$/i.test(joinLines(item.headingLines))) {
    w.note(
      'import-spacing',
      'information',
      `The letter puts a space before the colon ("${shortText(title.service, 30)} : ${item.decisionText ?? ''}"); the rendered letter writes "${shortText(title.service, 30)}: ${item.decisionText ?? ''}".`,
      line,
      difference(`${title.service} : ${item.decisionText ?? ''}`, `${title.service}: ${item.decisionText ?? ''}`),
    );
  }
  const missing: string[] = [];
  if (!item.decision) missing.push('its decision (Upheld or Overturned)');
  const guideline = (part: LetterItem['claimsAdministrator'], key: string, subject: string, label: string) => {
    if (!part) {
      missing.push(`the line "${label}"`);
      return;
    }
    const text = partText(part);
    if (!text) {
      missing.push(`the text after "${label}"`);
      return;
    }
    const g = guidelineValue(text, subject);
    const r = w.field(1, key, g.value);
    if (!g.faithful) {
      w.note(
        'import-guideline-form',
        'information',
        `The rendered letter will print this line as "${g.rendered ?? ''}", not exactly as the letter has it ("${text}").`,
        r,
        difference(text, g.rendered ?? ''),
      );
    }
  };
  guideline(item.claimsAdministrator, 'claims-administrator', LETTER_TEXT.guidelineSubjects.claimsAdministrator, LETTER_TEXT.claimsAdministratorLabel);
  guideline(item.guideline, 'guideline', LETTER_TEXT.guidelineSubjects.reviewer, `${shortName} guideline:`);
  // Compared as written: "MAXIMUS guideline:" under an organization written "MAXIMUs" renders another word.
  if (item.guideline && normalizeSpace(item.guideline.label) !== `${shortName} guideline:`) {
    const r = w.comment(1, [`The letter labels this line "${item.guideline.label}".`]);
    w.note(
      'import-label-differs',
      'information',
      `The letter labels the reviewer's guideline line "${item.guideline.label}"; the rendered letter labels it "${shortName} guideline:" after the organization.`,
      r,
      difference(item.guideline.label, `${shortName} guideline:`),
    );
  }
  for (const group of item.unplaced) unplaced(w, rec, 1, group, `in the item "${shortText(title.service)}"`);
  if (item.rationale) {
    w.line('  rationale');
    const body = joinBrokenSentences(partLines(item.rationale)).lines;
    if (body.length === 0) missing.push('the text of its "Decision rationale:"');
    else w.prose(2, body);
  } else missing.push('its "Decision rationale:"');
  if (missing.length === 0) rec.completeItems++;
  else {
    w.note(
      'import-missing-part',
      'warning',
      `The letter's item "${shortText(title.service)}" lacks ${missing.join(', ')}. Add ${missing.length === 1 ? 'it' : 'them'} to the item.`,
      line,
      { part: 'item' },
    );
  }
}

/**
 * What the importer could not read about the worker. A missing diagnosis
 * names the summary sentence the importer looked at (by its line, in related
 * information) rather than quoting it, and proposes no diagnosis: only the
 * author can say which condition the letter treats.
 */
function notFound(w: CaseWriter, workerLine: ReturnType<CaseWriter['line']>, notRead: string[], lookedAt: number | undefined): void {
  const fields = notRead.map((k) => `\`${k}:\``).join(', ');
  const diagnosis = notRead.includes('diagnosis');
  const where =
    diagnosis && lookedAt !== undefined
      ? ` The summary names no diagnosis in the words reviewers use ("Diagnoses include", "is undergoing treatment for", "was diagnosed with"); the sentence introducing the worker is on line ${lookedAt + 1}.`
      : '';
  const related =
    diagnosis && lookedAt !== undefined
      ? [
          {
            range: { start: { line: lookedAt, character: 2 }, end: { line: lookedAt, character: w.lineText(lookedAt).length } },
            message: 'The sentence that introduces the worker, where letters name the diagnosis',
          },
        ]
      : undefined;
  w.note(
    'import-not-found',
    'warning',
    `The importer could not read the worker's ${notRead.join(', ')} from the summary's sentences.${where} Add ${fields} under worker, as the records state ${notRead.length === 1 ? 'it' : 'them'}.`,
    workerLine,
    undefined,
    related,
  );
}

/** The case-file line holding a character offset of the joined summary text (the lines joined by single spaces). */
function lineOfOffset(lines: LetterLine[], written: number[], offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  let at = 0;
  let last: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].blank) continue;
    const len = normalizeSpace(lines[i].text).length;
    // A line the writer joined to the one before (it began with "--") is on that line.
    if (written[i] >= 0) last = written[i];
    if (offset < at + len + 1) return last;
    at += len + 1;
  }
  return last;
}

/**
 * The item's heading as the case file holds it. A partly authorized request
 * ("X was the original request. Y was authorized by the Claims Administrator.
 * The remaining IMR eligible portion of the original request, Z is") becomes
 * `request:`, `authorized:` and the service Z, but only when the renderer's
 * template gives the heading back word for word; otherwise the heading stays
 * whole as the service.
 */
export function itemTitle(heading: string): { service: string; request?: string; authorized?: string } {
  const h = normalizeSpace(heading);
  const m =
    /^(.+?) was the original request\. (.+?) was authorized by the Claims Administrator\. The remaining IMR eligible portion of the original request,? (.+?)(?: is)?$/.exec(
      h,
    );
  if (m) {
    const [, request, authorized, service] = m;
    const back = LETTER_TEXT.partialItemTitle
      .replace('{request}', request)
      .replace('{authorized}', authorized)
      .replace('{service}', service)
      .replace(/\s*:?\s*\{decision\}$/, '');
    if (normalizeSpace(back) === h) return { service, request, authorized };
  }
  return { service: h };
}

/**
 * What a diagnostic tells about the rendered letter: the letter's words and
 * the words the rendered letter has instead (white space collapsed). The
 * round-trip test applies these to the letter to explain every difference.
 */
function dateNormalized(w: CaseWriter, r: { key: string; from: string; to: string }, where: ReturnType<CaseWriter['field']>): void {
  w.note(
    'import-date-normalized',
    'information',
    `The letter writes the ${headerName(r.key)} as ${r.from}; the case file and the rendered letter write it ${r.to}.`,
    where,
    difference(r.from, r.to),
  );
}

function difference(letter: string, rendered: string): Record<string, unknown> {
  return { letterText: normalizeSpace(letter), renderedText: normalizeSpace(rendered) };
}

function headerName(key: string): string {
  const names: Record<string, string> = {
    'case-number': 'Case Number',
    assigned: 'Date Assigned',
    'injury-date': 'Date of Injury',
    'decision-date': 'Decision Date',
    'ur-date': 'UR Denial Date',
    priority: 'Priority',
    received: 'Application Received date',
  };
  return names[key] ?? key;
}

function shortText(s: string, n = 50): string {
  return truncate(s, n);
}

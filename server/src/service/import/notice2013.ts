// The 2013 layout, "Notice of Independent Medical Review Determination": a
// dated notice, numbered findings ("1) MAXIMUS Federal Services, Inc. has
// determined the request for X is not medically necessary and appropriate"),
// the application and UR dates in a sentence, "Medical Qualifications of the
// Expert Reviewer" in prose, and a "Case Summary" taken from the UR denial.
// It has no guideline lines and no rationale per item. The importer takes what
// it can into fields and items, keeps the summary as prose, keeps every other
// line as a comment, and reports the parts this layout does not have.
import { formatUs, parseDate } from '../syntax/dates';
import type { CaseWriter } from './caseWriter';
import { joinLines, type LetterLine } from './letterLines';
import { labelSummary } from './summaryLabels';
import { readWorker } from './worker';
import type { ImportOptions, ImportRecognition } from './types';
import { markImported } from './importMarker';

const DATE = '(\\d{1,2}/\\d{1,2}/\\d{2,4})';

function date(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  const d = m && parseDate(m[1]);
  return d ? formatUs(d) : undefined;
}

export function importNotice2013(lines: LetterLine[], w: CaseWriter, rec: ImportRecognition, options: ImportOptions = {}): void {
  const summaryAt = lines.findIndex((l) => /^\s*Case\s+Summary\s*:/i.test(l.text));
  const before = summaryAt >= 0 ? lines.slice(0, summaryAt) : lines;
  const text = joinLines(before);

  const decisionDate = date(new RegExp(`Dated:?\\s*${DATE}`, 'i'), text);
  const received = date(new RegExp(`application for Independent Medical Review was filed on\\s*${DATE}`, 'i'), text);
  const urDate = date(new RegExp(`Utilization Review (?:Denial|decision)s? dated\\s*${DATE}`, 'i'), text);
  const assigned = date(new RegExp(`Notice of Assignment.*?provided to the above parties on\\s*${DATE}`, 'i'), text);
  const organization = /\bMAXIMUS\s+Federal\s+Services\b/i.test(text) ? 'MAXIMUS Federal Services' : undefined;
  const specialty = /Board Certified in ([A-Z][A-Za-z &/,-]+?)(?: and | is |\.|,)/.exec(text)?.[1];
  const licensure = /licensed to practice in ([A-Z][A-Za-z ]+?)(?:\.|,| and )/.exec(text)?.[1];

  // Findings, each once (the notice lists them twice).
  const findings: { service: string; decision: 'upheld' | 'overturned' }[] = [];
  const re = /\d+\)\s*.*?has determined the request for (.+?) is (not\s*|)medically necessary/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const service = m[1].trim();
    if (findings.some((f) => f.service.toLowerCase() === service.toLowerCase())) continue;
    findings.push({ service, decision: m[2].trim() ? 'upheld' : 'overturned' });
  }

  rec.header = !!(decisionDate || received || urDate);
  rec.headerFields = [decisionDate && 'decision-date', received && 'received', urDate && 'ur-date', assigned && 'assigned'].filter((x): x is string => !!x);
  rec.credentials = !!(specialty && licensure);

  w.blank();
  const layoutNote = w.comment(0, [
    'The letter as written, apart from its case summary (kept for reference; the rendered letter uses the current layout):',
    ...lines
      .slice(0, summaryAt >= 0 ? summaryAt + 1 : lines.length)
      .filter((l) => !l.blank)
      .map((l) => l.text.trim()),
  ]);
  rec.unplaced++;
  w.note(
    'import-older-layout',
    'information',
    'This is a 2013 "Notice of Independent Medical Review Determination". Its dates, findings, reviewer qualifications and case summary were imported; its other text is kept here as comments. The rendered letter uses the current layout, so it will read differently.',
    layoutNote,
  );

  w.blank();
  const caseLine = w.line('case');
  markImported(w, options);
  if (organization) w.field(1, 'organization', organization);
  if (received) w.field(1, 'received', received);
  if (assigned) w.field(1, 'assigned', assigned);
  if (urDate) w.field(1, 'ur-date', urDate);
  if (decisionDate) w.field(1, 'decision-date', decisionDate);
  w.note(
    'import-missing-part',
    'warning',
    'The 2013 notice gives no case number and no priority. Add them: `case CMyy-nnnnnnn` and `priority: standard` or `expedited`.',
    caseLine,
    { part: 'header' },
  );

  w.blank();
  const reviewerLine = w.line('reviewer');
  if (licensure) w.field(1, 'licensure', licensure);
  if (specialty) w.field(1, 'specialty', specialty);
  if (!licensure || !specialty)
    w.note(
      'import-missing-part',
      'warning',
      "The reviewer's qualifications do not say in a form the importer can read where the reviewer is licensed and in what specialty. Add `licensure:` and `specialty:`.",
      reviewerLine,
      { part: 'credentials' },
    );

  const summaryLines = summaryAt >= 0 ? lines.slice(summaryAt + 1) : [];
  const worker = readWorker(joinLines(summaryLines));
  w.blank();
  w.line('worker');
  if (worker.age) w.field(1, 'age', worker.age);
  if (worker.sex) w.field(1, 'sex', worker.sex);
  if (worker.injuryDate) w.field(1, 'injury-date', worker.injuryDate);
  for (const d of worker.diagnoses) w.field(1, 'diagnosis', d);

  w.blank();
  const summaryLine = w.line('summary');
  if (summaryAt < 0) {
    w.note('import-missing-part', 'warning', 'The notice has no "Case Summary:"; write the reviewer\'s account of the records under summary.', summaryLine, {
      part: 'summary',
    });
  } else {
    const written = w.prose(
      1,
      summaryLines.map((l) => ({ text: l.text, blank: l.blank })),
    );
    rec.summary = written.some((n) => n >= 0);
    rec.facts = labelSummary(
      w,
      written.filter((n) => n >= 0),
    );
    if (!/\.["”']?\s*$/.test(summaryLines.filter((l) => !l.blank).pop()?.text ?? '')) {
      w.note(
        'import-missing-part',
        'warning',
        "The case summary stops in mid-sentence: the letter appears to be cut off. Everything after this point (the rest of the summary and each finding's rationale) is missing.",
        summaryLine,
        { part: 'truncated' },
      );
    }
  }

  for (const f of findings) {
    w.blank();
    const line = w.line(`item ${f.service}`);
    w.field(1, 'decision', f.decision);
    rec.items++;
    w.note(
      'import-missing-part',
      'warning',
      `The 2013 notice gives no guideline lines and no rationale for "${f.service}" in the part imported. Add \`claims-administrator:\`, \`guideline:\` and \`rationale\`.`,
      line,
      { part: 'item' },
    );
  }
  if (findings.length === 0) {
    const r = w.comment(0, ['No numbered finding ("1) ... has determined the request for ...") was found.']);
    w.note('import-missing-part', 'error', "No disputed item was found in the notice's numbered findings. Add an `item` for each disputed service.", r, {
      part: 'items',
    });
  }
}

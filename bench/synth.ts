// Deterministic synthetic case files for the benchmark. A fixed-seed PRNG
// picks from realistic parts (summary sentences with dates and fact labels,
// disputed items with guideline lines, criteria and rationales), so every run
// measures the same texts and sizes can be scaled without copying a letter.
// No text here comes from the corpus letters.

export { prng } from '../test/helpers/random';
import { prng } from '../test/helpers/random';

export interface CriteriaSet {
  id: string;
  criteria: string[];
  service: string;
  guideline: string;
}

/** Used when the project's criteria data is not there yet; ids as in examples/lumbar-mri-upheld.imr. */
export const DEFAULT_SETS: CriteriaSet[] = [
  {
    id: 'low-back-mri',
    criteria: ['LMRI-01', 'LMRI-02', 'LMRI-03', 'LMRI-04', 'LMRI-05', 'LMRI-06'],
    service: 'MRI of the lumbar spine without contrast as an outpatient',
    guideline: 'MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary',
  },
];

const COMPLAINTS = [
  'increasing low back pain with radiation down the left lower extremity',
  'neck pain radiating to both shoulders with intermittent numbness of the hands',
  'right knee pain with swelling after prolonged standing',
  'persistent right shoulder pain with limited overhead reach',
  'constant low back pain rated 7 out of 10, worse with sitting',
  'headaches and neck stiffness that interfere with sleep',
];
const EXAMS = [
  'The physical examination documented decreased lumbar range of motion and tenderness over the paraspinal muscles.',
  'Straight leg raise was positive on the left at 45 degrees.',
  'Sensation was decreased in the L5 dermatome on the left.',
  'Motor strength was 5 out of 5 in all muscle groups of the lower extremities.',
  'There was tenderness over the anterior joint line without effusion.',
  'Spurling test was negative bilaterally and reflexes were symmetric.',
];
const TREATMENTS = [
  'Treatments to date include activity modification, NSAID and PPI, and physical therapy.',
  'She completed twelve sessions of physical therapy with temporary relief.',
  'He has received chiropractic care and acupuncture without lasting improvement.',
  'Medications include ibuprofen, cyclobenzaprine and topical lidocaine.',
  'A home exercise program was recommended and reportedly followed.',
];
const PLANS = [
  'The plan of care included a request to obtain a lumbar spine MRI.',
  'The treating physician requested additional physical therapy, two times a week for four weeks.',
  'The request was for a follow-up consultation with a pain management specialist.',
  'The appeal requested authorization for the requested service.',
];
const RATIONALE = [
  'As per ACOEM Guidelines, imaging studies should be ordered in the event of red flag signs or symptoms, signs of new neurologic dysfunction, clarification of anatomy prior to an invasive procedure or failure to progress in a therapy program.',
  'The documentation does not show objective functional improvement with prior sessions.',
  'There are no documented red flag findings in the complaints or the examination.',
  'The records do not indicate how many sessions have been completed to date.',
  'Guidelines support a short course of treatment when objective findings are documented.',
  'The medical records provided for review do not establish failure of conservative care.',
];
const STATUSES = ['met', 'not met', 'unknown', 'not applicable'];
const DECISIONS = ['upheld', 'overturned'];

/** Wraps prose at about 76 columns with the given indent, as an author would type it. */
function wrap(text: string, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 76) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A case of about `targetLines` lines: a header, a summary taking about a
 * fifth of the lines (with dated visits and fact labels), then disputed items
 * of ~35 lines each until the size is reached.
 */
export function synthCase(targetLines: number, seed: number, sets: CriteriaSet[] = DEFAULT_SETS): string {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const caseNo = `CM${pad(15 + Math.floor(rnd() * 5))}-${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
  const lines: string[] = [
    '-- A synthetic case for the benchmark (bench/synth.ts).',
    '',
    `case ${caseNo}`,
    '  organization: MAXIMUS Federal Services',
    '  priority: standard',
    '  received: 10/14/2015',
    '  assigned: 10/16/2015',
    '  ur-date: 10-2-15',
    '  decision-date: 11/06/2015',
    '',
    'reviewer',
    '  licensure: California',
    '  specialty: Physical Medicine and Rehabilitation',
    '',
    'worker',
    `  age: ${30 + Math.floor(rnd() * 35)}`,
    `  sex: ${rnd() < 0.5 ? 'female' : 'male'}`,
    '  injury-date: 1-30-2014',
    '  diagnosis: lumbar sprain-strain',
    '',
    'summary',
  ];
  const labels: string[] = [];
  const summaryLines = Math.max(8, Math.floor(targetLines / 5));
  const summary: string[] = [];
  let visit = 0;
  while (summary.length < summaryLines) {
    visit++;
    const month = 1 + (visit % 9);
    const label = `fact-${visit}`;
    labels.push(label);
    const para = [
      `On ${month}-${1 + (visit % 27)}-15, the injured worker complained of ${pick(COMPLAINTS)} [#${label}].`,
      pick(EXAMS),
      pick(TREATMENTS),
      pick(PLANS),
    ].join(' ');
    summary.push(...wrap(para, '  '));
  }
  lines.push(...summary, '');
  let item = 0;
  while (lines.length < targetLines - 10) {
    item++;
    const set = sets[item % sets.length];
    lines.push(`item ${set.service} (request ${item})`);
    const decision = pick(DECISIONS);
    lines.push(`  decision: ${decision}`);
    lines.push('  claims-administrator: The Claims Administrator based its decision on the MTUS.');
    lines.push(`  guideline: ${set.guideline}`);
    lines.push(`  criteria: ${set.id}`);
    set.criteria.forEach((c, ci) => {
      // Statuses agree with the decision: an upheld denial has a criterion not met, an overturn has none.
      const status = decision === 'upheld' ? (ci === 0 ? 'not met' : pick(STATUSES)) : pick(['met', 'not applicable']);
      const cite = status === 'met' || status === 'not met' ? ` [#${pick(labels)}]` : '';
      lines.push(`    ${c}: ${status}${cite}`);
    });
    lines.push('  rationale');
    const sentences: string[] = [];
    const n = 8 + Math.floor(rnd() * 10);
    for (let i = 0; i < n; i++) sentences.push(pick(RATIONALE));
    // The conclusion agrees with the decision, as in a sound letter.
    sentences.push(`The requested service is ${decision === 'upheld' ? 'not ' : ''}medically necessary.`);
    lines.push(...wrap(sentences.join(' '), '    '));
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

/** The same text as a Markdown document (headings for sections, lists for fields), for the markdownlint comparison. */
export function asMarkdown(caseText: string): string {
  const out: string[] = ['# Case', ''];
  for (const line of caseText.split('\n')) {
    if (line.startsWith('--')) continue;
    if (/^\S/.test(line)) out.push(`## ${line}`, '');
    else if (/^ {2,4}[a-z0-9-]+: /i.test(line) && !/^ {2}[A-Z]/.test(line)) out.push(`- ${line.trim()}`);
    else if (line.trim()) out.push(line.trim());
    else out.push('');
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

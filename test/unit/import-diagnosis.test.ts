// How the importer reads the diagnoses under treatment from a summary: the
// forms reviewers write them in, a full stop inside closing quotes, and what
// it says (and does not propose) when a letter names none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWorker } from '../../server/src/service/import/worker';
import { importLetter } from '../../server/src/service/import/index';
import { parseCase } from '../../server/src/service/syntax/parser';
import { LETTER_TEXT } from '../../server/src/service/render/letterText';

const OPENING = 'The injured worker is a 51 year old female who sustained an industrial injury on 3-2-2016.';

const FORMS: [string, string | undefined][] = [
  ['Diagnoses include left knee sprain and chondromalacia patella.', 'left knee sprain and chondromalacia patella'],
  ['The current diagnoses are documented as tinnitus and sensorineural hearing loss.', 'tinnitus and sensorineural hearing loss'],
  ['Diagnoses, and-or impressions, were noted to include: major depressive disorder.', 'major depressive disorder'],
  ['A review of the records indicates the worker is undergoing treatment for a right foot sprain.', 'a right foot sprain'],
  ['Records show she is undergoing treatments for cervical strain, thoracic strain.', 'cervical strain, thoracic strain'],
  ['She is being treated for plantar fasciitis of the left foot.', 'plantar fasciitis of the left foot'],
  ['She was diagnosed with "lumbar radiculopathy."', 'lumbar radiculopathy'],
  ['She was diagnosed as having carpal tunnel syndrome, bilateral.', 'carpal tunnel syndrome, bilateral'],
  ['The applicant has filed a claim for neck and wrist pain reportedly associated with an industrial injury of May 1, 2016.', 'neck and wrist pain'],
  // Abbreviations do not end the sentence the diagnosis is in.
  [
    'Diagnoses include s/p left knee arthroscopy vs. meniscal tear, etc. and knee effusion.',
    's/p left knee arthroscopy vs. meniscal tear, etc. and knee effusion',
  ],
  // A duration after "treated for" is no diagnosis.
  ['She was treated for 6 weeks with physical therapy.', undefined],
  // Procedure words are not a diagnosis list.
  ['The treatment and diagnostic testing to date has included physical therapy.', undefined],
];

test('diagnoses are read in the forms reviewers write them, up to the end of their sentence', () => {
  for (const [sentence, expected] of FORMS) {
    const w = readWorker(`${OPENING} ${sentence} On 4-1-2016 she reported pain.`);
    assert.deepEqual(w.diagnoses, expected ? [expected] : [], sentence);
  }
});

test('a diagnosis list is preferred to "treatment for", which is preferred to the condition of the claim', () => {
  const w = readWorker(
    `The applicant has filed a claim for back pain reportedly associated with an industrial injury. She is undergoing treatment for lumbar strain. Diagnoses include lumbar disc protrusion.`,
  );
  assert.deepEqual(w.diagnoses, ['lumbar disc protrusion']);
  const t = readWorker(
    `The applicant has filed a claim for back pain reportedly associated with an industrial injury. She is undergoing treatment for lumbar strain.`,
  );
  assert.deepEqual(t.diagnoses, ['lumbar strain']);
});

function letterWith(summaryLines: string[]): string {
  return [
    ' ',
    'Case Number: CM16-0000002  ',
    'Date Assigned: 11/23/2016 Date of Injury:  10/16/2016 ',
    'Decision Date: 12/21/2016 UR Denial Date:  10/20/2016 ',
    'Priority:  Standard Application ',
    'Received:  ',
    '11/15/2016 ',
    ' ',
    LETTER_TEXT.headings.summary + ' ',
    LETTER_TEXT.summaryIntro + ' ',
    ' ',
    ...summaryLines.map((l) => l + ' '),
    ' ',
  ].join('\n');
}

test('a letter that names no diagnosis gets a warning naming the sentence looked at, and no proposed diagnosis', () => {
  const r = importLetter(
    letterWith([
      'The first line of the summary says nothing of the worker.',
      'The injured worker is a 40 year old male who',
      'sustained an industrial injury on 10-16-2016. He reported pain.',
    ]),
  );
  const file = parseCase(r.text);
  assert.ok(!file.worker?.fields.some((f) => f.key === 'diagnosis'));
  const note = r.diagnostics.find((d) => d.code === 'import-not-found');
  assert.ok(note, JSON.stringify(r.diagnostics));
  assert.equal(note.severity, 'warning');
  // It names the line of the sentence that introduces the worker (the second summary line), not its words.
  const lines = r.text.split('\n');
  const introLine = lines.findIndex((l) => l.includes('The injured worker is a 40 year old male who'));
  assert.ok(introLine > 0);
  assert.match(note.message, new RegExp(`on line ${introLine + 1}\\b`));
  assert.equal(note.relatedInformation?.[0]?.range.start.line, introLine);
  assert.ok(!/40 year old|reported pain/.test(note.message), note.message);
  assert.ok(!/diagnosis: \w/.test(note.message), 'proposes no diagnosis');
});

test('a letter whose diagnosis is read gets no import-not-found note', () => {
  const r = importLetter(
    letterWith([
      'The injured worker is a 40 year old male who sustained an industrial injury on 10-16-2016.',
      'He is undergoing treatment for a right elbow contusion.',
    ]),
  );
  assert.equal(parseCase(r.text).worker?.fields.find((f) => f.key === 'diagnosis')?.value, 'a right elbow contusion');
  assert.ok(!r.diagnostics.some((d) => d.code === 'import-not-found'), JSON.stringify(r.diagnostics));
});

// The rationale read against the summary on the reading layer:
// contradicts-record both ways, unsupported-record-claim, and the
// detail-mismatch checks that compare with the summary (count, kind, side).
// Each case is written from how reviewers write, with the nearby sentence
// that must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CASE, necessityDiagnostics, textAt } from '../helpers/necessityCases';
import { readExample } from '../helpers/fixtures';
import type { ImrDiagnostic } from '../../server/src/service/types';

const codes = (text: string, code: string): ImrDiagnostic[] => necessityDiagnostics(text).filter((d) => d.code === code);
const RATIONALE_END = 'He would consider surgery.';
const SUMMARY_END = 'The Utilization Review dated\n  10/2/2016 denied the request.';

/** The clean case with sentences added to the summary and the rationale. */
function withText(summary: string, rationale: string): string {
  let text = CLEAN_CASE;
  if (summary) text = text.replace(SUMMARY_END, `${summary}\n  ${SUMMARY_END}`);
  if (rationale) text = text.replace(RATIONALE_END, `${rationale} ${RATIONALE_END}`);
  return text;
}

test('the clean case and the clean examples give no record finding', () => {
  for (const code of ['contradicts-record', 'unsupported-record-claim', 'detail-mismatch'])
    assert.deepEqual(
      codes(CLEAN_CASE, code).map((d) => d.message),
      [],
      code,
    );
  for (const name of ['acupuncture-partial.imr', 'cervical-mri-expedited.imr', 'multiple-items.imr', 'opioids-upheld.imr', 'physical-therapy-overturned.imr']) {
    const found = necessityDiagnostics(readExample(name)).filter((d) => ['contradicts-record', 'unsupported-record-claim', 'detail-mismatch'].includes(d.code));
    assert.deepEqual(
      found.map((d) => `${d.code}: ${d.message}`),
      [],
      name,
    );
  }
});

/** The clean case without its NSAIDs: a summary that names no drug. */
const NO_DRUGS = 'physical therapy\n  and NSAIDs without';
const withoutDrugs = (text: string) => text.replace(NO_DRUGS, 'physical therapy\n  without');

test('contradicts-record: the rationale says medications are not documented over a summary that names the drug', () => {
  assert.ok(CLEAN_CASE.includes(NO_DRUGS));
  const text = withoutDrugs(withText('Current medications include Norco 10/325 mg twice a day.', 'Medications are not documented.'));
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /Medications are not/);
  assert.match(d[0].message, /summary documents .*"Norco"/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /Current medications include Norco/);
  // With no drug in the summary the denial is right.
  assert.equal(codes(withoutDrugs(withText('', 'Medications are not documented.')), 'contradicts-record').length, 0);
});

test('contradicts-record: a denial that is about something else than the thing, or echoes the summary, is not flagged', () => {
  // The summary itself says the list is missing: the rationale echoes it.
  assert.equal(codes(withText('The current medication regimen was not provided.', 'The medication regimen was not provided.'), 'contradicts-record').length, 0);
  // A drug that is only planned is no record that the worker takes one.
  assert.equal(
    codes(withoutDrugs(withText('The treatment plan included a prescription for Norco.', 'Medications are not documented.')), 'contradicts-record').length,
    0,
  );
  // "no improvement in pain" denies the improvement, not the pain.
  assert.equal(codes(withText('He rated his low back pain 7/10.', 'There is no documented improvement in low back pain.'), 'contradicts-record').length, 0);
  // A guideline's "not recommended" is no denial of the record.
  assert.equal(
    codes(
      withText('An EMG on 5/1/2016 showed left L5 radiculopathy.', 'Electromyography is not recommended for clinically obvious radiculopathy.'),
      'contradicts-record',
    ).length,
    0,
  );
  // "no physical therapy notes" denies the notes, not the treatment.
  assert.equal(codes(withText('', 'There are no physical therapy notes submitted for review.'), 'contradicts-record').length, 0);
});

test('contradicts-record: the rationale asserts weakness over a summary that records full strength', () => {
  const base = CLEAN_CASE.replace(
    'decreased sensation in the left L5 dermatome and 4/5 strength of the left\n  extensor hallucis longus',
    'intact sensation and motor strength of 5/5 in both lower extremities',
  );
  const text = base.replace(RATIONALE_END, `He has objective weakness of the left leg. ${RATIONALE_END}`);
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'weakness');
  assert.match(d[0].message, /summary says otherwise/);
  // When the summary also records the weakness (a later visit), the record changed: no contradiction.
  const changed = text.replace(SUMMARY_END, `On 9/1/2016 there was 4/5 weakness of the left leg.\n  ${SUMMARY_END}`);
  assert.equal(codes(changed, 'contradicts-record').length, 0);
});

test('contradicts-record: the rationale asserts a finding the summary records as absent', () => {
  const text = withText('There was no paraspinal muscle spasm.', 'He has lumbar muscle spasm on examination.');
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'muscle spasm');
  assert.equal(codes(withText('There was paraspinal muscle spasm.', 'He has lumbar muscle spasm on examination.'), 'contradicts-record').length, 0);
});

test('unsupported-record-claim: a treatment the rationale says was done, which the summary never mentions or only requests', () => {
  const never = withText('', 'The patient has completed 12 sessions of chiropractic care.');
  const d = codes(never, 'unsupported-record-claim');
  assert.equal(d.length, 1);
  assert.match(textAt(never, d[0].range), /chiropractic/);
  assert.match(d[0].message, /never mentions/);
  const requested = withText('The physician requested chiropractic care for the low back.', 'The patient has completed 12 sessions of chiropractic care.');
  const r = codes(requested, 'unsupported-record-claim');
  assert.equal(r.length, 1);
  assert.match(r[0].message, /only a request or plan/);
  assert.match(textAt(requested, r[0].relatedInformation![0].range), /requested chiropractic/);
  // Documented: no finding.
  assert.equal(
    codes(
      withText('He completed 12 sessions of chiropractic care without benefit.', 'The patient has completed 12 sessions of chiropractic care.'),
      'unsupported-record-claim',
    ).length,
    0,
  );
});

test('unsupported-record-claim: no claim in a guideline sentence, a hedge, a plan or a denial', () => {
  for (const sentence of [
    'Chiropractic care is recommended for up to 18 visits in patients with chronic low back pain.',
    'It is unclear whether the patient may have had chiropractic care.',
    'The patient is expected to start chiropractic care.',
    'There is no indication the patient is on an opioid.',
  ]) {
    assert.deepEqual(
      codes(withText('', sentence), 'unsupported-record-claim').map((d) => d.message),
      [],
      sentence,
    );
  }
});

test('detail-mismatch: the rationale counts a course otherwise than the summary', () => {
  const text = withText('', 'The patient has completed 8 sessions of physical therapy.');
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '8 sessions');
  assert.match(d[0].message, /summary gives 12/);
  assert.equal(codes(withText('', 'The patient has completed 12 sessions of physical therapy.'), 'detail-mismatch').length, 0);
});

test('unsupported-record-claim: a count the summary does not give', () => {
  const text = CLEAN_CASE.replace('12 sessions of physical therapy', 'physical therapy').replace(
    RATIONALE_END,
    `The patient has completed 8 sessions of physical therapy. ${RATIONALE_END}`,
  );
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '8 sessions');
  assert.match(d[0].message, /without a number of visits/);
});

test('detail-mismatch: occupational therapy where the summary records physical therapy', () => {
  const text = withText('', 'He has completed a course of occupational therapy.');
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'occupational therapy');
  assert.match(d[0].message, /records "physical therapy" instead/);
});

test('detail-mismatch: the rationale names the other side than the summary', () => {
  const text = withText('He complained of right knee pain with swelling.', 'The left knee pain has not improved.');
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /on the left, but the clinical case summary names the knee only on the right/);
  assert.equal(codes(withText('He complained of bilateral knee pain.', 'The left knee pain has not improved.'), 'detail-mismatch').length, 0);
  assert.equal(
    codes(withText('He complained of right knee pain and left knee swelling.', 'The left knee pain has not improved.'), 'detail-mismatch').length,
    0,
  );
});

test('contradicts-record: a response is weighed against the response to the same treatment', () => {
  const denial = 'There is no documentation of pain relief with Norco.';
  // (The clean summary's "without lasting relief" would echo the denial.)
  const at = (summary: string, rationale: string) => withText(summary, rationale).replace(' without lasting relief', '');
  // Relief from rest says nothing of the drug's effect.
  assert.equal(codes(at('He reported pain was alleviated with rest.', denial), 'contradicts-record').length, 0);
  // Relief the summary records for the drug itself contradicts the denial.
  const text = at('He reported pain relief with Norco, from 8/10 to 4/10.', denial);
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /no documentation of pain relief/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /pain relief with Norco/);
  // A response named with no treatment at all cannot be matched to one: nothing is said.
  assert.equal(codes(at('He reported pain relief.', 'There is no documentation of pain relief.'), 'contradicts-record').length, 0);
});

test('contradicts-record: a complaint the worker reports is not contradicted by a normal examination', () => {
  const base = CLEAN_CASE.replace(
    'decreased sensation in the left L5 dermatome and 4/5 strength of the left\n  extensor hallucis longus',
    'intact sensation and motor strength of 5/5 in both lower extremities',
  );
  const text = base.replace(RATIONALE_END, `The patient states he has weakness of the left leg. ${RATIONALE_END}`);
  assert.equal(codes(text, 'contradicts-record').length, 0);
});

test('unsupported-record-claim: examples in a parenthetical list are not claims about the patient', () => {
  const sentence = 'Radiculopathy must be initially unresponsive to conservative treatment (exercises, physical methods, NSAIDs and chiropractic care).';
  assert.deepEqual(
    codes(withText('', sentence), 'unsupported-record-claim').map((d) => d.message),
    [],
  );
});

test('detail-mismatch: a treatment done at another body part than the summary records', () => {
  const text = withText(
    'He underwent open reduction internal fixation of the left wrist in 2015.',
    'The patient underwent an open reduction internal fixation of the right ankle.',
  );
  const d = codes(text, 'detail-mismatch').filter((x) => /body part/.test(x.message));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'open reduction internal fixation');
  assert.match(d[0].message, /of the right ankle.*another body part|another body part.*of the right ankle/);
  assert.match(d[0].message, /of the left wrist/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /left wrist/);
  assert.equal(codes(text, 'unsupported-record-claim').length, 0);
});

test('detail-mismatch: the reports of a treatment count its visits; a requested number is no count of visits done', () => {
  const summary = 'The medical records included 7 physical therapy reports. The physician requested 8 physical therapy sessions.';
  const noCount = (t: string) => t.replace('12 sessions of physical therapy', 'physical therapy');
  const text = noCount(withText(summary, 'The patient has undergone 8 sessions of physical therapy.'));
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '8 sessions');
  assert.match(d[0].message, /summary gives 7/);
  assert.equal(codes(noCount(withText(summary, 'The patient has undergone 7 sessions of physical therapy.')), 'detail-mismatch').length, 0);
});

test('contradicts-record: a fall from standing is no red flag that "no red flags" denies', () => {
  assert.equal(codes(withText('The mechanism of injury was a slip and fall.', 'There is no evidence of red flags.'), 'contradicts-record').length, 0);
  const text = withText('He fell from a ladder at work.', 'There is no evidence of red flags.');
  assert.equal(codes(text, 'contradicts-record').length, 1);
});

test('contradicts-record: "no red flag conditions" is a denial of every red flag, and a fall from a ladder is one', () => {
  const text = withText('The mechanism of injury is detailed as an 8 foot fall off a ladder.', 'There are no red flag conditions noted.');
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'no red flag');
  assert.match(textAt(text, d[0].relatedInformation![0].range), /fall off a ladder/);
  // The summary says so too: the rationale agrees with it.
  assert.equal(
    codes(withText('He fell off a ladder. There were no red flags on examination.', 'There are no red flag conditions noted.'), 'contradicts-record').length,
    0,
  );
});

test('contradicts-record: "there is no RFA" over a request for authorization the summary dates', () => {
  const text = withText(
    'The Request for Authorization dated 9/20/2016 included an MRI of the lumbar spine.',
    'There is no RFA in the medical records provided.',
  );
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /no RFA$/);
  // Record words that name the records in general are no denial of a document.
  assert.equal(
    codes(
      withText('The Request for Authorization dated 9/20/2016 included an MRI.', 'There were no exceptional factors to warrant the request.'),
      'contradicts-record',
    ).length,
    0,
  );
});

test('contradicts-record: "no physical exam findings" is weighed against the signs the summary records, unless it says which', () => {
  const noSigns = (t: string) =>
    t.replace('decreased sensation in the left L5 dermatome and 4/5 strength of the left\n  extensor hallucis longus', 'no focal deficit');
  // (The clean rationale's "objective findings of specific nerve compromise" is then contrary to the summary: left aside.)
  const onUmbrella = (t: string) => codes(t, 'contradicts-record').filter((x) => /physical exam findings/.test(textAt(t, x.range)));
  const text = noSigns(withText('On examination there was lumbar paraspinal muscle spasm.', 'There is a lack of physical exam findings.'));
  const d = onUmbrella(text);
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /lack of physical exam findings/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /muscle spasm/);
  assert.equal(
    onUmbrella(noSigns(withText('On examination there was lumbar paraspinal muscle spasm.', 'There are no physical exam findings of a fracture.'))).length,
    0,
  );
});

test('contradicts-record: a treatment said to have lasted longer than the claim is old', () => {
  // The clean case: injury 1/30/2015, UR 10/2/2016 (611 days).
  const text = withText('', 'The patient has been on chronic opioid treatment for at least 3 years.');
  const d = codes(text, 'contradicts-record');
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /opioid treatment for at least 3 years/);
  assert.match(d[0].message, /date of injury is 01\/30\/2015, 611 days before the UR date/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /injury-date/);
  // Within the claim's time, a time rather than a duration, or a duration the summary gives: nothing.
  assert.equal(codes(withText('', 'The patient has been on chronic opioid treatment for at least 6 months.'), 'contradicts-record').length, 0);
  assert.equal(codes(withText('', 'The patient had physical therapy 3 years ago.'), 'contradicts-record').length, 0);
  assert.equal(
    codes(withText('He has taken Norco for 4 years for an earlier injury.', 'The patient has been on Norco for 3 years.'), 'contradicts-record').length,
    0,
  );
});

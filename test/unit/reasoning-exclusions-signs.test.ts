// guideline-mismatch: an exclusion the cited section does not set (care called
// not recommended for a body part the section does not name), and the signs of
// a diagnosis found lacking while the summary documents them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const found = (summary: string, it: ImportedItem) => {
  const text = importedCase(summary, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};

const SHOULDER = 'The injured worker is a 48 year old male with right shoulder pain after lifting boxes. The plan included chiropractic care for the shoulder.';
const MANUAL = 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Manual therapy & manipulation';
const chiro = (rationale: string, guideline = MANUAL): ImportedItem => ({
  service: 'Chiropractic care 2 times a week for 3 weeks for the right shoulder',
  decision: 'upheld',
  guideline,
  rationale: `${rationale} The request is not medically necessary.`,
});
const exclusion = (x: { d: { message: string }[] }) => x.d.filter((f) => /does not exclude it/.test(f.message));

test('guideline-mismatch: manipulation called not recommended for a body part the cited section does not exclude', () => {
  const { text, d } = found(SHOULDER, chiro('Chiropractic manipulation is not recommended for the shoulder or the knee.'));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'shoulder');
  assert.match(d[0].message, /chiropractic manipulation is not recommended for the shoulder/);
  assert.match(d[0].message, /it names the ankle or foot, the forearm, wrist or hand and the knee/);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), MANUAL);
});

test('guideline-mismatch: no exclusion finding for a part the section excludes, another guideline, or a sentence about the worker', () => {
  assert.deepEqual(exclusion(found(SHOULDER, chiro('Chiropractic manipulation is not recommended for the knee or the wrist.'))), []);
  assert.deepEqual(
    exclusion(
      found(
        SHOULDER,
        chiro('Chiropractic manipulation is not recommended for the shoulder.', `${MANUAL}. Non-MTUS Citation Official Disability Guidelines (ODG) Shoulder`),
      ),
    ),
    [],
  );
  assert.deepEqual(exclusion(found(SHOULDER, chiro('The patient was told chiropractic care is not recommended for the shoulder by a prior provider.'))), []);
});

const FOOT =
  'The injured worker is a 38 year old male with left foot pain after a crush injury. Examination showed swelling of the left foot with redness, and the left foot was hypersensitive to touch. The provider requested a bone scan to rule out complex regional pain syndrome.';
const scan = (rationale: string): ImportedItem => ({
  service: 'Three phase bone scan of the left foot',
  decision: 'upheld',
  rationale: `The MTUS recommends a three-phase bone scan for select patients in early stages to help confirm CRPS. ${rationale} The request is not medically necessary.`,
});

test('guideline-mismatch: the signs of CRPS found lacking while the summary documents them', () => {
  const { text, d } = found(FOOT, scan('The worker does not show enough signs of CRPS to justify the study.'));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'signs of CRPS');
  assert.match(d[0].message, /finds the signs of complex regional pain syndrome lacking \("not show enough signs of CRPS"\)/);
  assert.match(d[0].message, /documents "swelling", "redness", "hypersensitive to touch"/);
  assert.deepEqual(
    d[0].relatedInformation!.map((r) => textAt(text, r.range)),
    ['swelling', 'redness', 'hypersensitive to touch'],
  );
});

test('guideline-mismatch: no signs finding when the rationale weighs a sign, the summary documents fewer than two, or nothing says they lack', () => {
  assert.deepEqual(found(FOOT, scan('The swelling is mild, and the worker does not show enough signs of CRPS to justify the study.')).d, []);
  const oneSign = 'The injured worker is a 38 year old male with left foot pain after a crush injury. Examination showed swelling of the left foot.';
  assert.deepEqual(found(oneSign, scan('The worker does not show enough signs of CRPS to justify the study.')).d, []);
  assert.deepEqual(found(FOOT, scan('The bone scan has a low specificity for CRPS.')).d, []);
});

const FALL =
  'The injured worker is a 51 year old female who fell from a ladder. She reports pain in both buttocks with prolonged sitting. An x-ray of the right wrist was taken on the day of the fall. The plan included an x-ray of the pelvis.';
const pelvis = (rationale: string, service = 'X-ray of the pelvis'): ImportedItem => ({
  service,
  decision: 'upheld',
  rationale: `The ODG recommends radiographs of the pelvis after a severe injury. ${rationale} The request is not medically necessary.`,
});
const repeat = (x: { d: { message: string }[] }) => x.d.filter((f) => /a criterion for repeating a study/.test(f.message));

test('guideline-mismatch: a first study denied for want of a change in the condition', () => {
  const { text, d } = found(FALL, pelvis("No examination findings show a change in the patient's condition since the fall."));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), "change in the patient's condition");
  assert.match(d[0].message, /neither the summary nor the rationale shows an x-ray of this body part done before/);
});

test('guideline-mismatch: no repeat-study finding after a study of the same body part, for a repeat request, or with no body part', () => {
  const before = FALL.replace('of the right wrist', 'of the pelvis');
  assert.deepEqual(repeat(found(before, pelvis("No examination findings show a change in the patient's condition since the fall."))), []);
  assert.deepEqual(
    repeat(found(FALL, pelvis("No examination findings show a change in the patient's condition since the fall.", 'Repeat x-ray of the pelvis'))),
    [],
  );
  assert.deepEqual(repeat(found(FALL, pelvis("No examination findings show a change in the patient's condition since the fall.", 'X-rays'))), []);
});

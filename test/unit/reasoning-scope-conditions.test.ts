// guideline-mismatch: criteria the guideline for this request does not set.
// Head imaging judged by the spine's period of conservative care; a visit
// allowance the cited MTUS section does not give; a first-line drug denied for
// want of failed first-line treatment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const found = (summary: string, it: ImportedItem) => {
  const text = importedCase(summary, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};
const flat = (s: string): string => s.replace(/\s+/g, ' ');

const HEAD_SUMMARY =
  'The injured worker is a 48 year old male who struck his head on a beam. He reports headaches and dizziness since the injury. The plan included an MRI of the brain.';
const HEAD_GUIDE =
  'Per the ODG, imaging of the head is supported after at least 4 weeks of conservative therapy, sooner for a progressive neurologic deficit. Nothing in the notes shows such a deficit. The request is not medically necessary.';

test('guideline-mismatch: a brain MRI judged by a period of conservative care before imaging', () => {
  const { text, d } = found(HEAD_SUMMARY, {
    service: 'MRI of the brain without contrast',
    decision: 'upheld',
    guideline: 'Non-MTUS Citation Official Disability Guidelines (ODG) Head, MRI',
    rationale: HEAD_GUIDE,
  });
  assert.equal(d.length, 1);
  assert.equal(flat(textAt(text, d[0].range)), 'conservative therapy');
  assert.match(d[0].message, /"MRI of the brain without contrast", imaging of the head, by conservative care/);
  assert.match(d[0].message, /set for imaging of the spine and the limbs, not for imaging of the head/);
});

test('guideline-mismatch: no head-imaging finding for a lumbar MRI, a head MRI decided on neurologic findings, or an approval', () => {
  assert.deepEqual(
    found(HEAD_SUMMARY, { service: 'MRI of the lumbar spine', decision: 'upheld', rationale: HEAD_GUIDE }).d.filter((x) =>
      /a condition the guidelines set for/.test(x.message),
    ),
    [],
  );
  assert.deepEqual(
    found(HEAD_SUMMARY, {
      service: 'MRI of the brain without contrast',
      decision: 'upheld',
      rationale:
        'The ODG supports an MRI of the head for a neurologic deficit a CT scan does not explain. No deficit is recorded on examination. The request is not medically necessary.',
    }).d,
    [],
  );
  assert.deepEqual(found(HEAD_SUMMARY, { service: 'MRI of the brain without contrast', decision: 'overturned', rationale: HEAD_GUIDE }).d, []);
});

const BACK_SUMMARY =
  'The injured worker is a 48 year old male with low back pain after lifting a crate. He has not had manipulation before. The plan included chiropractic care.';
const MANUAL = 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Manual therapy & manipulation';

test('guideline-mismatch: a manipulation allowance the cited MTUS section does not give', () => {
  const { text, d } = found(BACK_SUMMARY, {
    service: 'Chiropractic manipulation 2 times a week for 6 weeks for the lumbar spine',
    decision: 'upheld',
    guideline: MANUAL,
    rationale:
      'The guidelines allow up to 12 visits of chiropractic care for low back pain. No functional deficits are described on the last examination. The request is not medically necessary.',
  });
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '12 visits');
  assert.match(d[0].message, /quotes "12 visits" as the guideline's allowance/);
  assert.match(d[0].message, /allows 6 visits \(initial low back trial\); 18 visits/);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), MANUAL);
});

test('guideline-mismatch: no section-allowance finding for an allowance the section gives, an ODG citation, or a count given to the worker', () => {
  const item = (rationale: string, guideline = MANUAL): ImportedItem => ({
    service: 'Chiropractic manipulation 2 times a week for 6 weeks for the lumbar spine',
    decision: 'upheld',
    guideline,
    rationale: `${rationale} No functional deficits are described on the last examination. The request is not medically necessary.`,
  });
  const allowance = (x: { d: { message: string }[] }) => x.d.filter((f) => /as the guideline's allowance/.test(f.message));
  assert.deepEqual(allowance(found(BACK_SUMMARY, item('The guidelines allow a trial of 6 visits of chiropractic care over 2 weeks.'))), []);
  assert.deepEqual(
    allowance(
      found(
        BACK_SUMMARY,
        item(
          'The guidelines allow up to 12 visits of chiropractic care for low back pain.',
          `${MANUAL}. Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Manipulation`,
        ),
      ),
    ),
    [],
  );
  assert.deepEqual(allowance(found(BACK_SUMMARY, item('The patient was authorized a trial of 12 visits of chiropractic care by the prior reviewer.'))), []);
});

const NSAID_SUMMARY =
  'The injured worker is a 48 year old male with right knee pain after a fall. He takes no medication. The plan included naproxen 500 mg twice a day.';
const FIRST_LINE_DENIAL =
  'NSAIDs are recommended at the lowest dose for the shortest period. There is no documentation that the patient has tried and failed first-line medications. The request is not medically necessary.';

test('guideline-mismatch: an oral NSAID denied for want of failed first-line treatment', () => {
  const { text, d } = found(NSAID_SUMMARY, { service: 'Naproxen 500mg #60', decision: 'upheld', rationale: FIRST_LINE_DENIAL });
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'first-line');
  assert.match(d[0].message, /denies "Naproxen 500mg #60" \(oral NSAIDs\) for want of first-line treatment tried and failed/);
});

test('guideline-mismatch: no first-line finding for a second-line drug, a topical NSAID, a COX-2 inhibitor or a guideline sentence', () => {
  for (const service of ['Tramadol 50mg #60', 'Ketoprofen 10% cream 120 grams', 'Celecoxib 200mg #30'])
    assert.deepEqual(found(NSAID_SUMMARY, { service, decision: 'upheld', rationale: FIRST_LINE_DENIAL }).d, [], service);
  assert.deepEqual(
    found(NSAID_SUMMARY, {
      service: 'Naproxen 500mg #60',
      decision: 'upheld',
      rationale:
        'Anti-inflammatory drugs are a first-line treatment and should be tried before other analgesics fail. The notes give no dose or frequency. The request is not medically necessary.',
    }).d,
    [],
  );
});

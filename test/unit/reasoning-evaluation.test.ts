// guideline-mismatch: a request for an evaluation or re-examination by a
// provider of a kind of care, denied by the criteria for a course of that care.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY =
  'The injured worker is a 48 year old male with low back pain after lifting. He had chiropractic care in November. On 01/04/2017 he reported a flare-up of low back pain, and the plan was a re-exam with the chiropractor.';
const found = (it: ImportedItem) => {
  const text = importedCase(SUMMARY, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};
const COURSE =
  'The MTUS recommends manipulation for chronic pain caused by musculoskeletal conditions, with 4 to 6 treatments to produce effect. There is no documentation of an objective decrease in pain or an increase in function from prior chiropractic treatment.';

test('guideline-mismatch: a re-exam with the chiropractor judged by the benefit of a course of chiropractic care', () => {
  const { text, d } = found({
    service: 'Re-exam with chiropractor for the lumbar spine flare-up',
    decision: 'upheld',
    rationale: `${COURSE} Therefore, the request for the re-exam with chiropractor for the lumbar spine flare-up is not medically necessary.`,
  });
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range).replace(/\s+/g, ' '), /^Therefore, the request for the re-exam with chiropractor/);
  assert.match(d[0].message, /asks for an evaluation, an office visit, but the rationale judges it by the criteria for a course of chiropractic care/);
});

test('guideline-mismatch: a chiropractic evaluation denied for want of exceptional factors for additional treatment', () => {
  const { text, d } = found({
    service: 'Chiropractic evaluation, lumbar spine',
    decision: 'upheld',
    rationale: `${COURSE} The documentation does not provide any exceptional factors to support additional chiropractic treatment. The request is not medically necessary.`,
  });
  assert.equal(d.length, 1);
  assert.match(
    textAt(text, d[0].range).replace(/\s+/g, ' '),
    /^The documentation does not provide any exceptional factors to support additional chiropractic treatment/,
  );
});

test('guideline-mismatch: no evaluation finding where the rationale speaks of the evaluation, or the item asks for the care itself', () => {
  // The rationale weighs the re-evaluation the guideline calls for on a flare-up.
  assert.deepEqual(
    found({
      service: 'Re-exam with chiropractor for the lumbar spine flare-up',
      decision: 'upheld',
      rationale: `The MTUS calls for re-evaluation of treatment success on a flare-up. ${COURSE} The request is not medically necessary.`,
    }).d,
    [],
  );
  // A course of care, or an evaluation with treatment.
  for (const service of ['Chiropractic treatment for the lumbar spine', 'Chiropractic evaluation and treatment, 6 sessions']) {
    assert.deepEqual(found({ service, decision: 'upheld', rationale: `${COURSE} The request is not medically necessary.` }).d, [], service);
  }
  // An approval.
  assert.deepEqual(
    found({ service: 'Chiropractic evaluation, lumbar spine', decision: 'overturned', rationale: `${COURSE} The request is medically necessary.` }).d,
    [],
  );
});

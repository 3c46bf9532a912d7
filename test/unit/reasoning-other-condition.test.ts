// guideline-mismatch: a denial that quotes a treatment's efficacy for a
// condition the case never documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY =
  'The injured worker is a 58 year old female with repetitive trauma. The current diagnoses are right and left shoulder joint sprain. The plan was chiropractic manipulation.';
const withDiagnosis = (diagnosis: string, it: ImportedItem, summary = SUMMARY) => {
  const text = importedCase(summary, it).replace('  injury-date: 10/15/2016\n', `  injury-date: 10/15/2016\n  diagnosis: ${diagnosis}\n`);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};
const manipulation = (rationale: string): ImportedItem => ({
  service: 'Chiropractic joint manipulation times 6',
  decision: 'upheld',
  guideline: 'MTUS Shoulder Complaints 2004, Section(s): Initial Care',
  rationale,
});
const FROZEN = 'The ACOEM Guidelines note that manipulation by manual therapy has been described as effective for patients with frozen shoulders.';
const REST = 'Additional visits would not be indicated until the results of the initial set are known. The request is not medically necessary.';

test('guideline-mismatch: efficacy for a condition the case never documents (frozen shoulder for shoulder sprains)', () => {
  const { text, d } = withDiagnosis('right and left shoulder joint sprain', manipulation(`${FROZEN} ${REST}`));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'frozen shoulders');
  assert.match(d[0].message, /weighs evidence for adhesive capsulitis .* a condition the summary and the worker's diagnoses .* never document/);
});

test("guideline-mismatch: no other-condition finding for the worker's own condition, a restricted or listed indication, or without diagnoses", () => {
  // The worker has it.
  assert.deepEqual(withDiagnosis('adhesive capsulitis of the right shoulder', manipulation(`${FROZEN} ${REST}`)).d, []);
  // An indication the guideline limits the treatment to: the worker's lack of it is a reason to deny.
  assert.deepEqual(
    withDiagnosis('right and left shoulder joint sprain', manipulation(`Manipulation is effective only for patients with frozen shoulders. ${REST}`)).d,
    [],
  );
  // A list of conditions that sorts a guideline's allowances.
  assert.deepEqual(
    withDiagnosis(
      'right and left shoulder joint sprain',
      manipulation(`Physical medicine is recommended in the treatment of neuralgia, neuritis, and radiculitis to promote functional improvement. ${REST}`),
    ).d,
    [],
  );
  // No diagnoses given: nothing to compare.
  assert.deepEqual(
    necessityDiagnostics(importedCase(SUMMARY, manipulation(`${FROZEN} ${REST}`))).filter((d) => d.code === 'guideline-mismatch'),
    [],
  );
});

// unsupported-necessity-claim on an imported letter: a verdict on the
// guidelines that names no criterion while no sentence weighs the worker's
// record against one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 48 year old male who had pinning of a wrist fracture on 11/09/2016. Norco was prescribed after surgery.';
const GUIDE = 'The MTUS recommends that opioids after surgery not be extended beyond two to three weeks for less extensive procedures.';
const item = (rationale: string, decision: 'upheld' | 'overturned' = 'upheld'): ImportedItem => ({
  service: 'Norco 10/325mg #60',
  decision,
  guideline: 'MTUS Opioid Treatment 2016, Section(s): Opioids for Post-operative Pain',
  rationale,
});
const found = (it: ImportedItem) => {
  const text = importedCase(SUMMARY, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'unsupported-necessity-claim') };
};

test('unsupported-necessity-claim: "the guidelines have not been met" and nothing about the worker weighed', () => {
  const { text, d } = found(item(`${GUIDE} In this case the notes show that the MTUS guidelines have not been met. The request is not medically necessary.`));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range).replace(/\s+/g, ' '), 'In this case the notes show that the MTUS guidelines have not been met.');
  assert.match(d[0].message, /says the guidelines are not met .* but names no criterion/);
});

test('unsupported-necessity-claim: an approval that says circumstances meet the guidelines and names none', () => {
  const { d } = found(
    item(`${GUIDE} The treating physician details circumstances that would meet guidelines. The request is medically necessary.`, 'overturned'),
  );
  assert.equal(d.length, 1);
});

test('unsupported-necessity-claim: no verdict finding where a sentence weighs the record or the verdict names its criterion', () => {
  // The record's lack is weighed: pain and function are not documented.
  assert.deepEqual(
    found(
      item(
        `${GUIDE} The notes do not document the patient's pain level or function on Norco. The MTUS guidelines have not been met. The request is not medically necessary.`,
      ),
    ).d,
    [],
  );
  // The verdict names what is unmet.
  assert.deepEqual(
    found(item(`${GUIDE} The patient does not meet the guidelines, with no documented improvement in pain. The request is not medically necessary.`)).d,
    [],
  );
});

// A guideline passage quoted at length: its sentences speak of patients, studies and case reports, not of this worker.
const QUOTED =
  'ODG states "Initial trial of 3-4 visits over 2 weeks. Acupuncture is superior to conventional massage for improving active range of motion and pain, as documented in trials of patients with chronic neck pain. Physical medicine modalities are often employed based on anecdotal or case reports alone."';

test('unsupported-necessity-claim: a quoted guideline passage does not weigh the record for a verdict that names no criterion', () => {
  const { text, d } = found(
    item(`${QUOTED} The treating physician does detail circumstances that would meet guidelines. The request is medically necessary.`, 'overturned'),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range).replace(/\s+/g, ' '), 'The treating physician does detail circumstances that would meet guidelines.');
});

test('unsupported-necessity-claim: a quotation of the record, or a sentence after the quotation that weighs the record, still counts', () => {
  // The treating physician's words are the record's.
  assert.deepEqual(
    found(
      item(
        `The provider stated "the patient reports pain improved from 8/10 to 4/10 with better sitting tolerance." The treating physician does detail circumstances that would meet guidelines. The request is medically necessary.`,
        'overturned',
      ),
    ).d,
    [],
  );
  // After the quotation closes, the rationale weighs the worker's record.
  assert.deepEqual(
    found(
      item(
        `${QUOTED} The patient reports pain improved from 8/10 to 4/10 with better sitting tolerance. The treating physician does detail circumstances that would meet guidelines. The request is medically necessary.`,
        'overturned',
      ),
    ).d,
    [],
  );
});

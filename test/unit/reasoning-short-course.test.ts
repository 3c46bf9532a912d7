// guideline-mismatch, a short-term-use criterion never weighed: a denial of a
// muscle relaxant or a benzodiazepine whose rationale says the drug is for
// short-term use, while the quantity asked for is a short course, first
// prescribed a few weeks after the injury.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

// The helper's header: utilization review 12/12/2016; the tests date the injury 11/21/2016 (21 days before) unless told.
const SUMMARY =
  'The injured worker is a 40 year old male who sustained an industrial injury to the low back. Treatment has included ibuprofen and physical therapy. Examination showed lumbar tenderness and spasm. The utilization review denied a request for the medication.';
const relaxant = (rationale: string, service = 'Methocarbamol 750mg one tablet three times a day #30'): ImportedItem => ({
  service,
  decision: 'upheld',
  guideline: 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain)',
  rationale: `Muscle relaxants are recommended for short-term treatment of acute exacerbations of low back pain. ${rationale} Therefore, the request is not medically necessary.`,
});
const REASON = 'There is no documentation that the patient has failed other first-line treatments.';
const found = (it: ImportedItem, summary = SUMMARY, injury = '11/21/2016') => {
  const text = importedCase(summary, it).replace('injury-date: 10/15/2016', `injury-date: ${injury}`);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch' && /short-term use/.test(d.message)) };
};

test('guideline-mismatch: a short course of a muscle relaxant denied on another ground, its short-term use never weighed', () => {
  const { text, d } = found(relaxant(REASON));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), REASON);
  assert.match(d[0].message, /muscle relaxants are for short-term use \("Muscle relaxants are recommended for short-term treatment/);
  assert.match(
    d[0].message,
    /is #30 at 3 a day = 10 days, within 21 days, the longest short course the guidelines give muscle relaxants, 21 days after the injury/,
  );
  assert.match(d[0].message, /no use of methocarbamol \(Robaxin\) before the request/);
  assert.equal(
    textAt(text, d[0].relatedInformation![0].range),
    'Muscle relaxants are recommended for short-term treatment of acute exacerbations of low back pain.',
  );
});

test('guideline-mismatch: a benzodiazepine with no schedule is at most one day a unit, against the limit the guideline states', () => {
  const it: ImportedItem = {
    service: 'Diazepam 5mg #14',
    decision: 'upheld',
    rationale:
      'The MTUS states that benzodiazepines are not recommended for long-term use, and most guidelines limit use to 4 weeks. Diazepam is not indicated for muscle spasm without anxiety. The request is not medically necessary.',
  };
  const { text, d } = found(it);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'Diazepam is not indicated for muscle spasm without anxiety.');
  assert.match(d[0].message, /"Diazepam 5mg #14" is #14, at one or more a day, at most 14 days of use, within the 28 days the guideline sentences give/);
});

test('guideline-mismatch: no short-course finding past the limit, for a drug already taken, a weighed duration, a chronic case, or an approval', () => {
  // #90 three times a day lasts 30 days, past a 2-3 week course.
  assert.deepEqual(found(relaxant(REASON, 'Methocarbamol 750mg one tablet three times a day #90')).d, []);
  // The stated limit is shorter than the supply: "no longer than 1 week" for 10 days.
  assert.deepEqual(found(relaxant(`The guidelines do not recommend use for longer than 1 week. ${REASON}`)).d, []);
  // The summary records the worker taking the drug: the request continues a course.
  assert.deepEqual(found(relaxant(REASON), SUMMARY.replace('ibuprofen and', 'ibuprofen, methocarbamol and')).d, []);
  // The rationale weighs how long the drug has been or will be used.
  assert.deepEqual(found(relaxant(`The requested quantity would be beyond a short course. ${REASON}`)).d, []);
  // 58 days after the injury: past the acute phase.
  assert.deepEqual(found(relaxant(REASON), SUMMARY, '10/15/2016').d, []);
  // A topical form is not the oral drug the guidance speaks of.
  assert.deepEqual(found(relaxant(REASON, 'Cyclobenzaprine 10mg gel three times a day #30')).d, []);
  // An approval.
  assert.deepEqual(found({ ...relaxant(REASON), decision: 'overturned' }).d, []);
  // A drug the guidelines do not limit to short-term use.
  assert.deepEqual(found(relaxant(REASON, 'Gabapentin 300mg one tablet three times a day #30')).d, []);
});

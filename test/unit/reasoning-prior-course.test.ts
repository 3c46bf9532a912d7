// guideline-mismatch: a denial that finds lacking the course of a therapy
// given to date, for a therapy the record never shows given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const FIRST =
  'The injured worker is a 46 year old male injured in a motor vehicle accident. Past treatment included work restrictions. The treatment plan included acupuncture and imaging.';
const found = (summary: string, it: ImportedItem) => {
  const text = importedCase(summary, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};
const acupuncture = (service: string): ImportedItem => ({
  service,
  decision: 'upheld',
  guideline: 'MTUS Acupuncture Treatment 2007',
  rationale:
    'The MTUS recommends acupuncture when pain medication is reduced or not tolerated. The clinical documentation submitted for review did not note the number of sessions completed to date and outcome. The request is not medically necessary.',
});

test('guideline-mismatch: the sessions completed to date demanded for a therapy the record never shows given', () => {
  const { text, d } = found(FIRST, acupuncture('Acupuncture for the cervical spine two times a week times three weeks'));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'number of sessions');
  assert.match(d[0].message, /neither the summary nor the rationale shows acupuncture given before/);
});

test('guideline-mismatch: no prior-course finding where the record shows the therapy given, or the request continues it', () => {
  // Given before: the course to date is the record's to count.
  assert.deepEqual(
    found(`${FIRST} He had six acupuncture sessions in November with some relief.`, acupuncture('Acupuncture two times a week times three weeks')).d,
    [],
  );
  // The rationale says prior sessions were given and weighs their outcome: a claim of its own, not a demand for the course to date.
  assert.deepEqual(
    found(FIRST, {
      ...acupuncture('Acupuncture two times a week times three weeks'),
      rationale:
        'The MTUS recommends acupuncture when pain medication is reduced. There is no documentation of functional improvement from prior sessions. The request is not medically necessary.',
    }).d,
    [],
  );
  // The request itself continues a course.
  assert.deepEqual(found(FIRST, acupuncture('Additional acupuncture two times a week times three weeks')).d, []);
  // A modality of physical therapy after physical therapy given: the course is physical medicine's.
  assert.deepEqual(
    found('The injured worker is a 55 year old male with hip pain. The patient had prior physical therapy.', {
      service: 'Four sessions of electrical stimulation two times a week times 2 weeks',
      decision: 'upheld',
      rationale:
        'The MTUS recommends physical medicine with fading of treatment frequency. There was lack of documentation indicating the total number of sessions completed to date. The request is not medically necessary.',
    }).d,
    [],
  );
});

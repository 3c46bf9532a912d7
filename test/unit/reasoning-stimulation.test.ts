// guideline-mismatch, electrical stimulation judged by another form's
// criteria: the home TENS unit's one-month trial for stimulation given in
// clinic sessions, and TENS guidance for muscle stimulation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 48 year old male with low back pain after a fall. He attends chiropractic care with modalities.';
const TENS_TRIAL =
  'The MTUS does not recommend TENS as a primary treatment modality, but a one-month home-based TENS trial may be considered as an adjunct to a program of functional restoration.';
const stim = (service: string, rationale: string, guideline = 'MTUS Chronic Pain Medical Treatment 2016, Section(s): TENS, chronic pain'): ImportedItem => ({
  service,
  decision: 'upheld',
  guideline,
  rationale,
});
const found = (it: ImportedItem) => {
  const text = importedCase(SUMMARY, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};

test('guideline-mismatch: home TENS trial criteria for electrical stimulation in clinic sessions', () => {
  const { text, d } = found(
    stim('Electrical stimulation 2 times a week for 4 weeks for the low back', `${TENS_TRIAL} The request is not medically necessary.`),
  );
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range).replace(/\s+/g, ' '), /^The MTUS does not recommend TENS/);
  assert.match(
    d[0].message,
    /TENS criteria for a home unit's trial .* to "Electrical stimulation 2 times a week for 4 weeks for the low back", electrical stimulation given in clinic sessions/,
  );
});

test('guideline-mismatch: the finding sits where the rationale weighs the home trial against the worker', () => {
  const { text, d } = found(
    stim(
      'Retrospective e-stim (date of service 12/29/16)',
      `${TENS_TRIAL} There is no documentation of a 30-day home trial with e-stim. The request is not medically necessary.`,
    ),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range).replace(/\s+/g, ' '), 'There is no documentation of a 30-day home trial with e-stim.');
});

test('guideline-mismatch: no stimulation finding for a TENS unit, a unit rental, or a trial criterion about TENS itself', () => {
  assert.deepEqual(found(stim('TENS unit purchase for the low back', `${TENS_TRIAL} No trial is documented. The request is not medically necessary.`)).d, []);
  assert.deepEqual(found(stim('Interferential unit rental for 30 days', `${TENS_TRIAL} The request is not medically necessary.`)).d, []);
  assert.deepEqual(found(stim('TENS for the low back', `${TENS_TRIAL} The request is not medically necessary.`)).d, []);
});

test('guideline-mismatch: muscle stimulation judged by the TENS section the guideline line cites', () => {
  const rationale =
    'According to the MTUS, electrical muscle stimulation is not recommended as a primary treatment modality, but may be used as an adjunct to functional restoration. There is no functional restoration program. The request is not medically necessary.';
  const { text, d } = found(stim('Electrical muscle stimulation 2 times a week for 4 weeks', rationale));
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range).replace(/\s+/g, ' '), /^According to the MTUS, electrical muscle stimulation is not recommended/);
  assert.match(d[0].message, /muscle stimulation, by the TENS guidance/);
  // The guideline line that cites the muscle stimulation section is no mismatch.
  assert.deepEqual(
    found(
      stim(
        'Electrical muscle stimulation 2 times a week for 4 weeks',
        rationale,
        'MTUS Chronic Pain Medical Treatment 2016, Section(s): Neuromuscular electrical stimulation (NMES devices)',
      ),
    ).d,
    [],
  );
});

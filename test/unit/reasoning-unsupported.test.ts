// unsupported-necessity-claim on imported letters: only a rationale that
// weighs no criterion against the record (a guideline recital and a
// conclusion) is unsupported; a prose rationale that weighs the record is not,
// though it has no criteria block to mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 48 year old male who sustained an industrial injury on 10-15-16. He reported low back pain radiating to the left leg.';
const unsupported = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'unsupported-necessity-claim');
const item = (rationale: string) => ({
  service: 'MRI of the lumbar spine',
  decision: 'upheld' as const,
  guideline: 'MTUS Low Back Complaints 2004, Section(s): Special Studies',
  rationale,
});

test('unsupported-necessity-claim: a guideline recital and a conclusion, nothing weighed', () => {
  const text = importedCase(
    SUMMARY,
    item(
      'The ACOEM guidelines recommend an MRI of the lumbar spine for red flags or clear objective findings of nerve compromise. The request for an MRI of the lumbar spine is not medically necessary.',
    ),
  );
  const d = unsupported(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'The request for an MRI of the lumbar spine is not medically necessary.');
  assert.match(d[0].message, /no sentence weighs this worker's record against a criterion/);
  assert.match(d[0].message, /"The ACOEM guidelines recommend an MRI/);
});

test('unsupported-necessity-claim: none where a prose rationale weighs the record or carries a reason', () => {
  assert.deepEqual(
    unsupported(
      importedCase(
        SUMMARY,
        item(
          'The ACOEM guidelines recommend an MRI for red flags. There were no red flag symptoms and no plan for surgery. The request for an MRI of the lumbar spine is not medically necessary.',
        ),
      ),
    ),
    [],
  );
  assert.deepEqual(
    unsupported(
      importedCase(
        SUMMARY,
        item(
          'The guidelines recommend an MRI for nerve compromise. The physical examination did not reveal any neurological deficit. The MRI is not medically necessary.',
        ),
      ),
    ),
    [],
  );
  // A dependent item: the conclusion gives its reason.
  assert.deepEqual(
    unsupported(
      importedCase(SUMMARY, {
        ...item('As the requested surgical intervention is not medically necessary, the requested ancillary service is not medically necessary.'),
        service: 'Associated surgical service: cold therapy unit',
      }),
    ),
    [],
  );
  // A guideline that excludes the service at the requested site decides on its own.
  assert.deepEqual(
    unsupported(
      importedCase(SUMMARY, {
        ...item('Manipulation is not recommended for the knee. The request for chiropractic care for the right knee is not medically necessary.'),
        service: 'Chiropractic care for the right knee',
      }),
    ),
    [],
  );
});

test('unsupported-necessity-claim: a case written in the language still needs its criteria marked', () => {
  const text = importedCase(SUMMARY, item('There were no red flag symptoms. The request is not medically necessary.')).replace(/^  imported-from: .*\n/m, '');
  assert.equal(unsupported(text).length, 1);
  assert.match(unsupported(text)[0].message, /evaluates no criteria/);
});

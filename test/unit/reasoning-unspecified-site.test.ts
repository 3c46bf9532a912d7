// guideline-mismatch: a denial that says the request names no body part and
// then decides it by guidance written for one body part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 48 year old male with neck, hip and knee pain after a fall. The plan included shockwave therapy.';
const found = (it: ImportedItem) => {
  const text = importedCase(SUMMARY, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};
const CONCLUDE =
  'Since the guidelines do not recommend shockwave therapy for the low back, the request is not supported. The request is not medically necessary.';

test('guideline-mismatch: body part unknown, then low back guidance decides', () => {
  const { text, d } = found({
    service: 'Shockwave therapy, unspecified sessions',
    decision: 'upheld',
    rationale: `The ODG does not recommend shockwave therapy for back pain. The request does not specify the body part to be treated. ${CONCLUDE}`,
  });
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range).replace(/\s+/g, ' '), /^Since the guidelines do not recommend shockwave therapy for the low back/);
  assert.match(d[0].message, /names no body part .* by guidance for the lumbar spine/);
  assert.match(textAt(text, d[0].relatedInformation![0].range).replace(/\s+/g, ' '), /^The request does not specify the body part/);
});

test('guideline-mismatch: no unspecified-site finding when the item names its body part or the rationale never says it is unknown', () => {
  assert.deepEqual(
    found({
      service: 'Shockwave therapy for the lumbar spine',
      decision: 'upheld',
      rationale: `The request does not specify the body part to be treated. ${CONCLUDE}`,
    }).d,
    [],
  );
  assert.deepEqual(
    found({ service: 'Shockwave therapy, unspecified sessions', decision: 'upheld', rationale: `The number of sessions is not given. ${CONCLUDE}` }).d,
    [],
  );
});

test('guideline-mismatch: "for the back" after the rationale says the body part is not given is guidance for the low back', () => {
  const { text, d } = found({
    service: 'Extracorporeal shockwave therapy',
    decision: 'upheld',
    rationale:
      'The requested service did not specify the location for the shockwave therapy. However, given that the guidelines do not recommend shockwave therapy for the back, the request is not supported. The request is not medically necessary.',
  });
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range).replace(/\s+/g, ' '), /^However, given that the guidelines do not recommend shockwave therapy for the back/);
  assert.match(d[0].message, /by guidance for the low back/);
  // The guidance names no body part at all: nothing to say it was another's.
  assert.deepEqual(
    found({
      service: 'Extracorporeal shockwave therapy',
      decision: 'upheld',
      rationale:
        'The requested service did not specify the location for the shockwave therapy. However, given that the guidelines do not recommend shockwave therapy, the request is not supported. The request is not medically necessary.',
    }).d,
    [],
  );
});

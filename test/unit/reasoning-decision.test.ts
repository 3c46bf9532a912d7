// decision-contradicts-rationale on every conclusion and every "the criteria
// are (not) met" statement of a rationale, not only its last conclusion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 52 year old female who sustained an industrial injury on 10-15-16. She fractured the left ankle and uses crutches.';
const contradictions = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'decision-contradicts-rationale');
const scooter = (rationale: string, decision: 'upheld' | 'overturned' = 'upheld') =>
  importedCase(SUMMARY, { service: '1 knee scooter', decision, guideline: 'MTUS General Approaches 2004', rationale });

test('decision-contradicts-rationale: a statement that the record supports the request, then an upheld decision', () => {
  const text = scooter(
    'The guidelines indicate that specialized treatments require a rationale for their use. According to the documents available for review, there is rationale provided to support the request for 1 knee scooter. Therefore the requirements for treatment have not been met and it is not medically necessary.',
  );
  const d = contradictions(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'support the request');
  assert.match(
    d[0].message,
    /^The rationale says the criteria are met \("According to the documents available for review, there is rationale provided to support the request/,
  );
  assert.match(d[0].message, /yet the decision is Upheld/);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), 'upheld');
  assert.match(textAt(text, d[0].relatedInformation![1].range), /^Therefore the requirements/);
});

test('decision-contradicts-rationale: an earlier conclusion of necessity under Upheld; none where it is a condition, a concession or another request', () => {
  const earlier = scooter(
    'The knee scooter is medically necessary for the fracture. There is no documentation of the fracture healing. The request is not medically necessary.',
  );
  assert.equal(contradictions(earlier).length, 1);
  for (const rationale of [
    'There is no rationale provided to support the request for 1 knee scooter. The request is not medically necessary.',
    'There is a lack of rationale provided by the physician as to the medical necessity for this device. The request is not medically necessary.',
    'A knee scooter would be medically necessary if the worker could not bear weight. She uses crutches. The request is not medically necessary.',
    'Although crutches were medically necessary after the fracture, she now walks. The request is not medically necessary.',
    'The rental of crutches was authorized as medically necessary. The request for the scooter is not medically necessary.',
    'The guidelines support the request for mobility devices for patients who cannot bear weight. She walks with crutches. The request is not medically necessary.',
  ]) {
    assert.deepEqual(contradictions(scooter(rationale)), [], rationale);
  }
});

test('decision-contradicts-rationale: an overturn whose rationale says the record lacks the condition the guideline sets', () => {
  const item = (rationale: string) =>
    importedCase(SUMMARY, { service: 'Initial acupuncture for the neck', decision: 'overturned', guideline: 'MTUS Acupuncture Treatment 2007', rationale });
  const text = item(
    'The MTUS states that "acupuncture is used as an option when pain medication is reduced or not tolerated." The medical records do not indicate that pain medication is reduced or not tolerated. The request for acupuncture is medically necessary.',
  );
  const d = contradictions(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'The medical records do not indicate that pain medication is reduced or not tolerated.');
  assert.match(textAt(text, d[0].relatedInformation![0].range), /^The MTUS states that "acupuncture is used/);
  // The same denial with the reason that outweighs it, or under Upheld, is consistent.
  assert.deepEqual(
    contradictions(
      item(
        'The MTUS states that "acupuncture is used as an option when pain medication is reduced or not tolerated." The medical records do not indicate that pain medication is reduced or not tolerated. However, it is an adjunct to her ongoing rehabilitation, which the guideline also allows. The request for acupuncture is medically necessary.',
      ),
    ),
    [],
  );
  assert.deepEqual(
    contradictions(
      item(
        'The MTUS states that "acupuncture is used as an option when pain medication is reduced or not tolerated." The medical records do not indicate that pain medication is reduced or not tolerated. The request for acupuncture is not medically necessary.',
      ).replace('decision: overturned', 'decision: upheld'),
    ),
    [],
  );
  // A denial of something the guideline does not ask for is no contradiction.
  assert.deepEqual(
    contradictions(
      item(
        'The MTUS states that "acupuncture is used as an option when pain medication is reduced or not tolerated." The records do not document any prior acupuncture sessions. The request for acupuncture is medically necessary.',
      ),
    ),
    [],
  );
});

// Decision logic: a section says which criteria, together or as alternatives,
// make the service medically necessary. Lumbar MRI is a red flag, or
// objective nerve compromise with failed conservative care in a worker who
// would consider surgery: an MRI overturned for suspected cauda equina
// syndrome is not contradicted by the conservative-care branch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionTree, describe, evaluate, type CriterionStatus } from '../../server/src/service/necessity/decision';
import { BUILT_IN_LIBRARY, validateCriteriaData } from '../../server/src/service/necessity/library';
import { necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';

const statuses = (m: Record<string, CriterionStatus>) => (id: string) => m[id];

test('nested groups evaluate in three values and say which branch decides', () => {
  const tree = { anyOf: ['A-01', { allOf: ['B-01', 'B-02'] }] };
  assert.equal(describe(tree), 'A-01 or (B-01 and B-02)');
  assert.deepEqual(evaluate(tree, statuses({ 'A-01': 'met', 'B-01': 'not met' })), { value: true, deciding: ['A-01'], branch: 'A-01' });
  assert.equal(evaluate(tree, statuses({ 'A-01': 'not met', 'B-01': 'met', 'B-02': 'not applicable' })).branch, 'B-01 and B-02');
  const fails = evaluate(tree, statuses({ 'A-01': 'not met', 'B-01': 'met', 'B-02': 'not met' }));
  assert.equal(fails.value, false);
  assert.deepEqual(fails.deciding, ['A-01', 'B-02']);
  assert.equal(evaluate(tree, statuses({ 'A-01': 'not met', 'B-01': 'unknown', 'B-02': 'met' })).value, undefined, 'an unknown member leaves the branch open');
  assert.equal(evaluate(tree, statuses({ 'A-01': 'not met' })).value, undefined, 'an unlisted criterion is not known');
});

test('low-back-mri and knee-mri carry the red-flag alternative; sections without a tree keep the anyOf groups', () => {
  assert.equal(describe(decisionTree(BUILT_IN_LIBRARY.section('low-back-mri')!)!), 'LMRI-05 or (LMRI-01 and LMRI-02 and LMRI-03)');
  assert.equal(describe(decisionTree(BUILT_IN_LIBRARY.section('knee-mri')!)!), 'KMRI-04 or (KMRI-01 and KMRI-03)');
  assert.equal(describe(decisionTree(BUILT_IN_LIBRARY.section('cervical-mri')!)!), 'CMRI-01 or CMRI-02 or CMRI-03 or CMRI-04');
  const cm5 = BUILT_IN_LIBRARY.criterion('CMRI-05')!.criterion;
  assert.deepEqual(
    cm5.limits?.map((l) => [l.min, l.max]),
    [[3, 4]],
    'the neck chapter waits three or four weeks',
  );
  assert.doesNotMatch(
    BUILT_IN_LIBRARY.criterion('LMRI-05')!.criterion.text,
    /invasive procedure|therapy program|strengthening/,
    'no neck or shoulder criteria in the low back',
  );
});

test('a lumbar MRI overturned for suspected cauda equina syndrome gives no error', () => {
  const text = variant(
    ['LMRI-01: met [#neuro-deficit]', 'LMRI-01: not met no nerve root finding yet'],
    ['LMRI-02: met [#pt-failed]', 'LMRI-02: not met no conservative care, the findings are new'],
    ['LMRI-03: met [#surgery]', 'LMRI-03: not met not yet discussed'],
    ['LMRI-05: met [#neuro-deficit]', 'LMRI-05: met [#saddle]'],
    [
      'worker would consider surgery [#surgery].',
      'worker would consider surgery [#surgery]. He reported new saddle anesthesia and urinary retention [#saddle].',
    ],
  );
  const errors = necessityDiagnostics(text).filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.code}: ${d.message}`),
    [],
  );
});

test('overturned with no branch met is a contradiction on each criterion that closes a branch', () => {
  const text = variant(['LMRI-02: met [#pt-failed]', 'LMRI-02: not met no therapy tried'], ['LMRI-05: met [#neuro-deficit]', 'LMRI-05: not met no red flag']);
  const d = necessityDiagnostics(text).filter((x) => x.code === 'decision-contradicts-rationale');
  assert.deepEqual(d.map((x) => textAt(text, x.range)).sort(), ['not met', 'not met']);
  assert.match(d[0].message, /low-back-mri needs LMRI-05 or \(LMRI-01 and LMRI-02 and LMRI-03\), and no branch of it is met/);
  // Conservative care alone no longer decides: with a red flag met, LMRI-02 not met is no contradiction.
  const redFlag = variant(['LMRI-02: met [#pt-failed]', 'LMRI-02: not met no therapy tried']);
  assert.deepEqual(
    necessityDiagnostics(redFlag).filter((x) => x.code === 'decision-contradicts-rationale'),
    [],
  );
});

test("the logic must name the section's own decisive criteria", () => {
  const base = { id: 'x', title: 'x', source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' }, match: [['x']] };
  const wrongId = { sections: [{ ...base, decides: { anyOf: ['XX-01', 'XX-09'] }, criteria: [{ id: 'XX-01', text: 't', sourceNote: 'n', decisive: true }] }] };
  assert.match(
    validateCriteriaData(wrongId)
      .map((p) => p.message)
      .join('\n'),
    /XX-09, which is not a criterion/,
  );
  const notInTree = {
    sections: [
      {
        ...base,
        decides: 'XX-01',
        criteria: [
          { id: 'XX-01', text: 't', sourceNote: 'n', decisive: true },
          { id: 'XX-02', text: 't', sourceNote: 'n', decisive: true },
        ],
      },
    ],
  };
  assert.match(
    validateCriteriaData(notInTree)
      .map((p) => p.message)
      .join('\n'),
    /XX-02 is decisive but not in the section's decision logic/,
  );
  const badShape = { sections: [{ ...base, decides: { someOf: ['XX-01'] }, criteria: [{ id: 'XX-01', text: 't', sourceNote: 'n', decisive: true }] }] };
  assert.ok(validateCriteriaData(badShape).length > 0);
});

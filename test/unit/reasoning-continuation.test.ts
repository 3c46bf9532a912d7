// guideline-mismatch, continuation criteria for what may be a first
// prescription: a denial that cannot tell a new prescription from ongoing care
// and still rests on the benefit the treatment has not shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 48 year old male with neck pain and numbness in the right hand. The plan included duloxetine.';
const drug = (rationale: string, decision: 'upheld' | 'overturned' = 'upheld'): ImportedItem => ({
  service: 'Duloxetine 30mg #30',
  decision,
  guideline: 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Antidepressants for chronic pain',
  rationale,
});
const found = (it: ImportedItem) => {
  const text = importedCase(SUMMARY, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};
const GUIDE = 'The MTUS recommends antidepressants as a first line option for neuropathic pain.';

test('guideline-mismatch: unclear whether a first prescription, yet denied for no documented benefit', () => {
  const { text, d } = found(
    drug(
      `${GUIDE} It is not clear whether this is a new prescription or a refill. There is no documentation of pain relief with the medication. The request is not medically necessary.`,
    ),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'pain relief');
  assert.match(d[0].message, /cannot tell whether "Duloxetine 30mg #30" is a first prescription or ongoing care/);
  assert.match(textAt(text, d[0].relatedInformation![0].range).replace(/\s+/g, ' '), /^It is not clear whether this is a new prescription or a refill\.$/);
});

test('guideline-mismatch: no continuation finding without the concession, without a benefit denied, or for an approval', () => {
  assert.deepEqual(found(drug(`${GUIDE} There is no documentation of pain relief with the medication. The request is not medically necessary.`)).d, []);
  assert.deepEqual(
    found(
      drug(
        `${GUIDE} It is unclear if this is a first time prescription or ongoing management. No neuropathic pain is documented. The request is not medically necessary.`,
      ),
    ).d,
    [],
  );
  assert.deepEqual(
    found(
      drug(
        `${GUIDE} It is unclear if this is a first time prescription or ongoing management. There is no documentation of pain relief. The request is medically necessary.`,
        'overturned',
      ),
    ).d,
    [],
  );
});

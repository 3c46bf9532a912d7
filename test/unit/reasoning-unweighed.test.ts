// guideline-mismatch, a criterion stated and never weighed: the rationale
// quotes the guideline's condition for the service, the summary documents that
// condition, and no sentence about the worker speaks of it, yet the request is
// denied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';
import { sharedLexicon } from '../../server/src/service/reading/lexiconFiles';
import { SCOPE_DATA } from '../../server/src/service/necessity/guidelineScope';

const SUMMARY =
  'The injured worker is a 48 year old male who sustained an industrial injury on 10-15-16. He reported neck pain radiating to the left arm. On examination there was decreased sensation in the left C6 dermatome and 4/5 strength of the left biceps.';
const GUIDELINE =
  'The ACOEM guidelines recommend an MRI of the cervical spine for unequivocal objective findings of nerve compromise on the neurologic examination.';
const item = (rationale: string, over: Partial<ImportedItem> = {}): ImportedItem => ({
  service: 'MRI of the cervical spine',
  decision: 'upheld',
  guideline: 'MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies',
  rationale,
  ...over,
});
const unweighed = (summary: string, it: ImportedItem) => {
  const text = importedCase(summary, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};

test('guideline-mismatch: the condition the quoted guideline sets is documented and never weighed', () => {
  const { text, d } = unweighed(
    SUMMARY,
    item(`${GUIDELINE} There is no documentation of a failed course of physical therapy. The MRI is not medically necessary.`),
  );
  assert.equal(d.length, 1);
  // On the guideline's words for the condition, with the summary's fact as related information.
  assert.match(textAt(text, d[0].range), /nerve compromise/);
  assert.match(
    d[0].message,
    /states the guideline's condition ".*nerve compromise.*" .* never weighs the record against it, and the summary documents "decreased sensation"/,
  );
  assert.equal(d[0].relatedInformation?.length, 1);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), 'decreased sensation');
  assert.equal((d[0].data as { axis?: string }).axis, 'weighed');
});

test('guideline-mismatch: no finding where the rationale weighs the condition, or nothing documents it', () => {
  const denial = `${GUIDELINE} There is no documentation of a failed course of physical therapy. The MRI is not medically necessary.`;
  // Weighed: present, absent or judged, in any words the reader knows for it or a broader or narrower condition.
  for (const weighing of [
    'The examination documents decreased sensation, but no failed course of physical therapy.',
    'There are no objective neurologic deficits on the examination.',
    'The patient has normal strength and sensation.',
  ]) {
    assert.deepEqual(unweighed(SUMMARY, item(`${GUIDELINE} ${weighing} The MRI is not medically necessary.`)).d, [], weighing);
  }
  // Overturned: the documented condition supports the decision.
  assert.deepEqual(unweighed(SUMMARY, item(denial, { decision: 'overturned', rationale: `${GUIDELINE} The MRI is medically necessary.` })).d, []);
  // The summary documents no deficit.
  assert.deepEqual(unweighed('The injured worker is a 48 year old male. He reported neck pain. Sensation and strength were intact.', item(denial)).d, []);
  // A deficit in the leg does not meet a cervical criterion.
  assert.deepEqual(
    unweighed('The injured worker is a 48 year old male. He reported neck pain. There was decreased sensation in the left foot.', item(denial)).d,
    [],
  );
  // What a test is used for sets no condition: "... for localizing neurological symptoms ... when performed by trained physicians".
  const emg = item(
    'Electrodiagnostic studies are well established for localizing the source of neurological symptoms when testing is performed by trained physicians. There is no documentation of a failed course of physical therapy. The study is not medically necessary.',
    {
      service: 'EMG of the left upper extremity',
    },
  );
  assert.deepEqual(unweighed(SUMMARY, emg).d, []);
});

test('guideline-mismatch: a neurologic condition of the neck is documented in the arm its nerve roots supply', () => {
  const summary = 'The injured worker is a 48 year old male. He reported neck pain. Reflexes were decreased in the left biceps and triceps.';
  const { d } = unweighed(summary, item(`${GUIDELINE} There is no documentation of a failed course of physical therapy. The MRI is not medically necessary.`));
  assert.equal(d.length, 1);
  assert.match(d[0].message, /reflexes were decreased|decreased/i);
});

test('the criteria data name concepts and sites the lexicon has', () => {
  const lexicon = sharedLexicon();
  const c = SCOPE_DATA.criteria;
  for (const id of [...c.roots, ...c.neurologic, ...c.tooBroad]) assert.ok(lexicon.concepts.has(id), `concept ${id}`);
  for (const [region, limbs] of Object.entries(c.nerveReach)) for (const id of [region, ...limbs]) assert.ok(lexicon.sites.has(id), `site ${id}`);
});

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
  const { text, d } = unweighed(SUMMARY, item(`${GUIDELINE} There is no documentation of a surgical plan. The MRI is not medically necessary.`));
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
  for (const id of [...c.roots, ...c.neurologic, ...c.tooBroad, c.conservative]) assert.ok(lexicon.concepts.has(id), `concept ${id}`);
  for (const [region, limbs] of Object.entries(c.nerveReach)) for (const id of [region, ...limbs]) assert.ok(lexicon.sites.has(id), `site ${id}`);
});

test('guideline-mismatch: a denial for want of conservative care the quoted guideline does not require is reported on that reason', () => {
  const { text, d } = unweighed(
    SUMMARY,
    item(`${GUIDELINE} There is no documentation of a failed course of physical therapy. The MRI is not medically necessary.`),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'physical therapy');
  assert.match(
    d[0].message,
    /denies the request for want of conservative care .* a condition the guideline it quotes does not set, and never weighs .*nerve compromise/,
  );
  assert.deepEqual(
    d[0].relatedInformation!.map((r) => textAt(text, r.range)),
    ['nerve compromise', 'decreased sensation'],
  );
});

test('guideline-mismatch: no substituted reason where a guideline sentence sets conservative care itself', () => {
  const { text, d } = unweighed(
    SUMMARY,
    item(
      'The ACOEM guidelines recommend an MRI of the cervical spine after a failed course of conservative care, for unequivocal objective findings of nerve compromise. There is no documentation of a failed course of physical therapy. The MRI is not medically necessary.',
    ),
  );
  // The guideline's own condition is still reported as unweighed, on its words.
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /nerve compromise/);
  assert.doesNotMatch(d[0].message, /for want of conservative care/);
});

const SHOULDER =
  'The injured worker is a 46 year old male treated for a left shoulder labral tear. He complained of left shoulder pain with overhead activity. The plan included an MRI of the left shoulder.';
const shoulderMri = (rationale: string): ImportedItem =>
  item(rationale, { service: 'MRI of the left shoulder', guideline: 'MTUS Shoulder Complaints 2004, Section(s): Special Studies' });

test('guideline-mismatch: a diagnosis the guideline asks to be suspected is a condition the documented diagnosis meets', () => {
  const { text, d } = unweighed(
    SHOULDER,
    shoulderMri(
      'The ODG states that an MRI of the shoulder is indicated for suspected instability or labral tear. There is no discussion of a surgical plan. The MRI is not medically necessary.',
    ),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'labral tear');
  assert.equal(textAt(text, d[0].relatedInformation![0].range), 'labral tear');
});

test('guideline-mismatch: a diagnosis that names the population, or one the rationale weighs, is no unweighed condition', () => {
  // The population the guideline is written for, not a suspicion it asks for.
  assert.deepEqual(
    unweighed(
      SHOULDER,
      shoulderMri(
        'The ODG recommends an MRI of the shoulder in patients with a labral tear after surgery. There is no discussion of a surgical plan. The MRI is not medically necessary.',
      ),
    ).d,
    [],
  );
  // Weighed: the rationale says what the record shows of it.
  assert.deepEqual(
    unweighed(
      SHOULDER,
      shoulderMri(
        'The ODG states that an MRI of the shoulder is indicated for suspected instability or labral tear. The labral tear is already documented by the prior study. The MRI is not medically necessary.',
      ),
    ).d,
    [],
  );
});

const NUMB = 'The injured worker is a 40 year old female. She complained of increased numbness in the left hand. Six chiropractic visits have helped.';
const emgItem = (rationale: string): ImportedItem =>
  item(rationale, {
    service: 'EMG of the left upper extremity',
    guideline: 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Electrodiagnostic testing (EMG/NCS)',
  });
const USE = 'The MTUS notes electrodiagnostic studies are widely used for localizing the source of neurological symptoms.';

test('guideline-mismatch: what a requested test is used for is the condition a denial for want of conservative care leaves unweighed', () => {
  const { text, d } = unweighed(
    NUMB,
    emgItem(
      `${USE} There is no documentation that conservative treatment has failed, so the requested study would not be supported. The request is not medically necessary.`,
    ),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'conservative treatment');
  assert.equal(textAt(text, d[0].relatedInformation![0].range), 'neurological symptoms');
});

test('guideline-mismatch: what a test is used for sets no condition of its own where the denial rests on something else', () => {
  assert.deepEqual(unweighed(NUMB, emgItem(`${USE} The request does not say which nerves are to be tested. The request is not medically necessary.`)).d, []);
});

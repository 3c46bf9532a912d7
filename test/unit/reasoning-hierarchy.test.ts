// evidence-hierarchy on imported letters: the rationale calls the MTUS silent
// while the letter cites an MTUS chapter that addresses the request, or rests
// on a non-MTUS guideline alone where the MTUS addresses the service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY =
  'The injured worker is a 48 year old male who sustained an industrial injury on 10-15-16. He reported right elbow pain. Tinel sign was negative at the elbow.';
const hierarchy = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'evidence-hierarchy');

test('evidence-hierarchy: "the MTUS is silent" while the letter cites the MTUS chapter that addresses the study', () => {
  const text = importedCase(SUMMARY, {
    service: 'MRI without contrast of the right elbow',
    decision: 'upheld',
    claimsAdministrator: 'MTUS Elbow Complaints 2007',
    guideline: 'Non-MTUS Citation Official Disability Guidelines (ODG) Elbow, MRI',
    rationale:
      'MTUS treatment guidelines are silent with regards to the above request. Guidelines state that MRI may be useful to exclude a ligament tear in refractory cases. There are no red flags documented. The MRI of the elbow is not medically necessary.',
  });
  const d = hierarchy(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'MTUS treatment guidelines are silent with regards to the above request.');
  assert.match(d[0].message, /says "MTUS treatment guidelines are silent"/);
  assert.match(d[0].message, /MTUS Elbow Complaints, which addresses imaging of the elbow/);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), 'MTUS Elbow Complaints 2007');
});

test('evidence-hierarchy: no finding where the MTUS really is silent, or the sentence is about the record', () => {
  const hip = importedCase(SUMMARY, {
    service: 'X-rays of right hip',
    decision: 'upheld',
    claimsAdministrator: 'Non-MTUS Citation Official Disability Guidelines (ODG), Hip and Pelvis',
    guideline: 'Non-MTUS Citation Official Disability Guidelines (ODG) Hip & Pelvis, X-Ray',
    rationale:
      'The California MTUS and ACOEM Guidelines do not address. The ODG recommends plain films of the hip for osteoarthritis. He has no hip complaints. The x-rays are not medically necessary.',
  });
  assert.deepEqual(hierarchy(hip), []);
  const note = importedCase(SUMMARY, {
    service: 'MRI without contrast of the right elbow',
    decision: 'upheld',
    claimsAdministrator: 'MTUS Elbow Complaints 2007',
    guideline: 'MTUS Elbow Complaints 2007',
    rationale:
      'The ACOEM guidelines support elbow imaging when a red flag is present. The clinical note does not address the indication for imaging. The MRI of the elbow is not medically necessary.',
  });
  assert.deepEqual(hierarchy(note), []);
  // One MTUS document (Chronic Pain) named as silent may be right while a body chapter addresses the request.
  const chronic = importedCase(SUMMARY, {
    service: 'MRI without contrast of the right elbow',
    decision: 'upheld',
    claimsAdministrator: 'MTUS Elbow Complaints 2007',
    guideline: 'MTUS Elbow Complaints 2007',
    rationale:
      'The MTUS Chronic Pain Medical Treatment Guidelines are silent on elbow imaging, while the ACOEM Elbow chapter supports imaging for red flags. No red flags are documented. The MRI of the elbow is not medically necessary.',
  });
  assert.deepEqual(hierarchy(chronic), []);
});

test('evidence-hierarchy: a rationale that rests on ODG alone for a shoulder MRI the MTUS addresses', () => {
  const item = {
    service: 'MRI of the left shoulder without contrast',
    decision: 'upheld' as const,
    claimsAdministrator: 'MTUS Shoulder Complaints 2004, Section(s): Special Studies',
    guideline: 'MTUS Shoulder Complaints 2004, Section(s): Special Studies. Non-MTUS Citation Official Disability Guidelines (ODG) MRI shoulder',
    rationale:
      'The ODG states that an MRI of the shoulder is indicated for acute shoulder trauma and a suspected rotator cuff tear. There is no documentation of the response to conservative therapy. The MRI is not medically necessary.',
  };
  const text = importedCase(SUMMARY, item);
  const d = hierarchy(text);
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /^The ODG states that an MRI of the shoulder/);
  assert.match(d[0].message, /rests on the ODG .* never applies the MTUS, although the letter cites MTUS Shoulder Complaints/);
  // The MTUS applied alongside the ODG: the hierarchy is kept.
  const both = importedCase(SUMMARY, {
    ...item,
    rationale: 'The ACOEM Guidelines indicate that imaging is not needed until after a period of conservative care. ' + item.rationale,
  });
  assert.deepEqual(hierarchy(both), []);
  // A reason for leaving the MTUS.
  const reason = importedCase(SUMMARY, {
    ...item,
    rationale: item.rationale + ' The MTUS presumption is rebutted by more recent evidence on shoulder imaging.',
  });
  assert.deepEqual(hierarchy(reason), []);
  // A service no MTUS chapter addresses (a cervical pillow): the ODG may decide.
  const pillow = importedCase(SUMMARY, {
    ...item,
    service: 'Cervical pillow',
    claimsAdministrator: 'Non-MTUS Citation ODG',
    guideline: 'Non-MTUS Citation Official Disability Guidelines (ODG) Neck, Pillow',
    rationale:
      'The ODG recommends a cervical pillow together with a daily exercise program. There is no exercise program documented. The pillow is not medically necessary.',
  });
  assert.deepEqual(hierarchy(pillow), []);
});

test('evidence-hierarchy: an allowance from unnamed guidelines that the cited MTUS section does not set', () => {
  const therapy = (rationale: string, guideline = 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment') =>
    importedCase(SUMMARY, {
      service: 'Physical therapy 2 times a week for 6 weeks for the right elbow',
      decision: 'upheld',
      claimsAdministrator: 'MTUS Elbow Complaints 2007',
      guideline,
      rationale: `The MTUS supports active therapy with documented benefit. He has completed 6 visits with benefit. ${rationale} The additional 12 visits are not medically necessary.`,
    });
  const text = therapy('Present guidelines allow up to 7 visits for this condition.');
  const d = hierarchy(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), '7 visits');
  assert.match(d[0].message, /without naming the guideline/);
  assert.match(d[0].message, /9-10 visits \(myalgia or myositis\)/);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment');
  // "Up to" is the most allowed: the lower end of an MTUS range is not an allowance of "up to" that many.
  assert.equal(hierarchy(therapy('Present guidelines allow up to 8 visits for this condition.')).length, 1);
  for (const quiet of [
    // An MTUS figure, however the sentence names the guideline.
    therapy('Present guidelines allow up to 10 visits for this condition.'),
    therapy('Present guidelines allow 8-10 visits over 4 weeks for neuralgia.'),
    // The guideline named: the other checks weigh it.
    therapy('The ODG allows up to 7 visits for this condition.'),
    // A guideline line that names the non-MTUS guideline.
    therapy('Present guidelines allow up to 7 visits for this condition.', 'Non-MTUS Citation Official Disability Guidelines (ODG) Elbow, Physical therapy'),
  ]) {
    assert.deepEqual(
      hierarchy(quiet).map((x) => x.message),
      [],
    );
  }
});

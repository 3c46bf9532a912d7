// guideline-mismatch: the rationale applies criteria written for another body
// part, service or drug form than the item's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';

const SUMMARY = 'The injured worker is a 48 year old male who sustained an industrial injury on 10-15-16. He reported right elbow pain and heartburn.';
const mismatch = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch');
const one = (item: ImportedItem) => {
  const text = importedCase(SUMMARY, item);
  return { text, d: mismatch(text) };
};

test('guideline-mismatch: shoulder MRI criteria applied to an elbow MRI', () => {
  const { text, d } = one({
    service: 'MRI without contrast of the right elbow',
    decision: 'upheld',
    guideline: 'MTUS Elbow Complaints 2007',
    rationale:
      'The patient does not meet criteria for a shoulder MRI including red flag symptoms or neurological dysfunction. The MRI of the elbow is not medically necessary.',
  });
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'The patient does not meet criteria for a shoulder MRI including red flag symptoms or neurological dysfunction.');
  assert.match(d[0].message, /applies criteria for imaging of the shoulder .* another body part \(the shoulder, not the elbow\)/);
  // The elbow's own criteria, or a sentence that names both: no finding.
  assert.deepEqual(
    one({
      service: 'MRI without contrast of the right elbow',
      decision: 'upheld',
      guideline: 'MTUS Elbow Complaints 2007',
      rationale: 'The guidelines recommend an elbow MRI to exclude a ligament tear in refractory cases. The MRI is not medically necessary.',
    }).d,
    [],
  );
  assert.deepEqual(
    one({
      service: 'MRI without contrast of the right elbow',
      decision: 'upheld',
      guideline: 'MTUS Elbow Complaints 2007',
      rationale: 'The guidelines for MRI of the shoulder and elbow require red flags. The MRI is not medically necessary.',
    }).d,
    [],
  );
});

test('guideline-mismatch: proton pump inhibitor guidance for an H2 blocker, topical NSAID guidance for an oral NSAID', () => {
  const pepcid = one({
    service: 'Pepcid 20mg #60',
    decision: 'upheld',
    guideline: 'MTUS Chronic Pain Medical Treatment 2016',
    rationale:
      'Proton pump inhibitors are recommended for patients at intermediate or high risk for gastrointestinal events. There is no documentation of such risk. Pepcid is not medically necessary.',
  });
  assert.equal(pepcid.d.length, 1);
  assert.match(pepcid.d[0].message, /H2 blockers are not proton pump inhibitors/);
  // Guidance that names the item's own class is no mismatch.
  assert.deepEqual(
    one({
      service: 'Pepcid 20mg #60',
      decision: 'upheld',
      guideline: 'MTUS Chronic Pain Medical Treatment 2016',
      rationale:
        'H2 blockers, like proton pump inhibitors, are recommended for patients at risk for gastrointestinal events. There is no such risk documented. Pepcid is not medically necessary.',
    }).d,
    [],
  );
  const naproxen = one({
    service: 'Naproxen 550mg #60',
    decision: 'upheld',
    guideline: 'MTUS Chronic Pain Medical Treatment 2016',
    rationale:
      'The guidelines recommend topical NSAIDs for osteoarthritis pain in joints that lend themselves to topical treatment. He has low back pain. Naproxen is not medically necessary.',
  });
  assert.equal(naproxen.d.length, 1);
  assert.match(naproxen.d[0].message, /oral NSAIDs are not topical NSAIDs/);
});

test('guideline-mismatch: another service judged by its criteria; a prerequisite therapy is no mismatch', () => {
  const heat = one({
    service: 'Infrared heat to the low back',
    decision: 'upheld',
    guideline: 'MTUS Chronic Pain Medical Treatment 2016',
    rationale: 'Thermography (infrared stress thermography) is not recommended. The infrared heat is not medically necessary.',
  });
  assert.equal(heat.d.length, 1);
  assert.match(heat.d[0].message, /the criteria for thermography .* another service \(heat or cold therapy\)/);
  const esi = one({
    service: 'MRI of the lumbar spine',
    decision: 'upheld',
    guideline: 'MTUS Low Back Complaints 2004',
    rationale:
      'The guidelines for epidural steroid injection recommend documentation of failed conservative treatment and radiculopathy corroborated by imaging. The MRI is not medically necessary.',
  });
  assert.equal(esi.d.length, 1);
  assert.match(esi.d[0].message, /the criteria for injections/);
  // Physical therapy as a criterion of imaging.
  assert.deepEqual(
    one({
      service: 'MRI of the lumbar spine',
      decision: 'upheld',
      guideline: 'MTUS Low Back Complaints 2004',
      rationale: 'The guidelines recommend imaging after failure of physical therapy when red flags are present. The MRI is not medically necessary.',
    }).d,
    [],
  );
});

test('guideline-mismatch: a criteria block of a section for another body part (a case written in the language)', () => {
  const text = variant(
    ['item MRI of the lumbar spine', 'item MRI of the right knee'],
    ['guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies', 'guideline: MTUS Knee Complaints 2004, Section(s): Special Studies'],
  );
  const d = mismatch(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'low-back-mri');
  assert.match(d[0].message, /another body part/);
});

test("a guideline line citing another body part's chapter: guideline-mismatch when the rationale applies that chapter, guideline-citation when it applies the requested part's", () => {
  const citation = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'guideline-citation');
  // The rationale states imaging criteria without naming the knee: it applies the cited low back chapter.
  const applied = one({
    service: 'MRI of the right knee',
    decision: 'upheld',
    guideline: 'MTUS Low Back Complaints 2004',
    rationale: 'The guidelines recommend imaging when there are red flags or progressive neurologic deficits. The MRI is not medically necessary.',
  });
  assert.equal(applied.d.length, 1);
  assert.equal(textAt(applied.text, applied.d[0].range), 'The guidelines recommend imaging when there are red flags or progressive neurologic deficits.');
  assert.deepEqual(citation(applied.text), []);
  // The rationale applies the knee's own criteria: only the citation is wrong, and the finding is on it.
  const knee =
    'Guidelines recommend a knee MRI when there is mechanical locking or an unstable knee after a trial of conservative care. The MRI is not medically necessary.';
  const cited = one({ service: 'MRI of the right knee', decision: 'upheld', guideline: 'MTUS Low Back Complaints 2004', rationale: knee });
  assert.deepEqual(cited.d, [], 'no misapplied criteria');
  const c = citation(cited.text);
  assert.equal(c.length, 1);
  assert.equal(textAt(cited.text, c[0].range), 'MTUS Low Back Complaints 2004');
  assert.match(
    c[0].message,
    /cites MTUS Low Back Complaints.*"MRI of the right knee" and its rationale are about the knee\. Cite the guideline the rationale applies\./,
  );
  assert.ok(textAt(cited.text, c[0].relatedInformation![0].range).startsWith('Guidelines recommend a knee MRI'));
  // The right chapter cited: nothing.
  const right = one({ service: 'MRI of the right knee', decision: 'upheld', guideline: 'MTUS Knee Complaints 2004', rationale: knee });
  assert.deepEqual([...right.d, ...citation(right.text)], []);
});

test('guideline-mismatch: surgical-consultation criteria applied to a knee MRI', () => {
  const knee = (rationale: string) =>
    one({ service: 'MRI of the right knee', decision: 'upheld', guideline: 'MTUS Knee Complaints 2004, Section(s): Special Studies', rationale });
  const { text, d } = knee(
    'ACOEM Guidelines indicate referral for surgical consultation may be indicated for patients who have activity limitation for more than one month and failure of an exercise program. The MRI of the knee is not medically necessary.',
  );
  assert.equal(d.length, 1);
  assert.match(textAt(text, d[0].range), /^ACOEM Guidelines indicate referral for surgical consultation/);
  assert.match(d[0].message, /the criteria for a specialist consultation/);
  // Imaging criteria that name surgery as one of their conditions: no finding.
  assert.deepEqual(knee('An MRI of the knee is recommended when surgery is being considered. The MRI of the knee is not medically necessary.').d, []);
});

test("guideline-mismatch: the requested body part named only in what the record says of the worker does not make the cited chapter's criteria the part's own", () => {
  // "It was indicated the patient had right knee pain" is the record's, not a knee criterion: the imaging criteria stated are the cited low back chapter's.
  const worker = one({
    service: 'MRI of the right knee',
    decision: 'upheld',
    guideline: 'MTUS Low Back Complaints 2004, Section(s): Special Studies',
    rationale:
      'According to ACOEM Guidelines, imaging is not needed until after a period of conservative care and observation. In this case, it was indicated the patient had right knee pain. The MRI is not medically necessary.',
  });
  assert.equal(worker.d.length, 1);
  assert.equal(
    textAt(worker.text, worker.d[0].range).replace(/\s+/g, ' '),
    'According to ACOEM Guidelines, imaging is not needed until after a period of conservative care and observation.',
  );
  // A guideline sentence that speaks of knee complaints applies the knee's criteria: no misapplied criteria.
  const knee = one({
    service: 'MRI of the right knee',
    decision: 'upheld',
    guideline: 'MTUS Low Back Complaints 2004, Section(s): Special Studies',
    rationale:
      'ACOEM Guidelines state that special studies are not needed to evaluate most knee complaints until after a period of conservative care and observation. In this case, it was indicated the patient had right knee pain. The MRI is not medically necessary.',
  });
  assert.deepEqual(knee.d, []);
});

test("guideline-mismatch: a therapy whose name gives no body part treats the parts of the worker's diagnoses; low back criteria for a hip", () => {
  const withDiagnosis = (diagnosis: string, rationale: string) => {
    const text = importedCase(SUMMARY, { service: 'Four sessions of manual therapy two times a week times 2 weeks', decision: 'upheld', rationale }).replace(
      '  injury-date: 10/15/2016\n',
      `  injury-date: 10/15/2016\n  diagnosis: ${diagnosis}\n`,
    );
    return { text, d: mismatch(text) };
  };
  const rationale =
    'The MTUS guidelines recommend chiropractic manipulation (manual medicine) for chronic low back pain if the pain is caused by musculoskeletal conditions. The request is not medically necessary.';
  const hip = withDiagnosis('injury of the muscle, fascia and tendon of the right hip', rationale);
  assert.equal(hip.d.length, 1);
  assert.match(textAt(hip.text, hip.d[0].range), /^The MTUS guidelines recommend chiropractic manipulation/);
  assert.match(hip.d[0].message, /another body part \(the low back, not the hip or pelvis, the body part of the worker's diagnoses\)/);
  // A low back among the diagnoses: the low back criteria are the worker's own.
  assert.deepEqual(withDiagnosis('lumbar strain and right hip strain', rationale).d, []);
  // No diagnosis given: nothing to compare.
  assert.deepEqual(one({ service: 'Four sessions of manual therapy two times a week times 2 weeks', decision: 'upheld', rationale }).d, []);
});

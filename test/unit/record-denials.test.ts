// contradicts-record on denials as reviewers write them: the verbs that deny
// the records show a thing ("has not documented", "failed to provide", "did
// not have"), lists the negation governs, umbrella words over the specific
// findings the summary records. Each case has the nearby wording that must
// stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CASE, necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';
import type { ImrDiagnostic } from '../../server/src/service/types';

const EXAM = `On examination there was
  decreased sensation in the left L5 dermatome and 4/5 strength of the left
  extensor hallucis longus [#neuro-deficit].`;
const RATIONALE_END = 'He would consider surgery.';

/** The clean case with its examination sentence replaced (the label kept) and a sentence added to the rationale. */
function withExam(exam: string, rationale: string): string {
  assert.ok(CLEAN_CASE.includes(EXAM));
  return CLEAN_CASE.replace(EXAM, `${exam} [#neuro-deficit].`).replace(RATIONALE_END, `${rationale} ${RATIONALE_END}`);
}

const contradicts = (text: string): ImrDiagnostic[] => necessityDiagnostics(text).filter((d) => d.code === 'contradicts-record');

test('contradicts-record: "has not documented" an examination sign over the sign the summary records', () => {
  const denial = 'The treating physician has not documented physical exam evidence indicative of radiculopathy.';
  const text = withExam('On examination there was decreased sensation in the left L5 dermatome', denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /has not documented/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /decreased sensation in the left L5/);
  // The same words over a normal examination are right.
  assert.deepEqual(
    contradicts(withExam('On examination sensation was intact and strength was 5/5 in both lower extremities', denial)).map((x) => x.message),
    [],
  );
});

test('contradicts-record: "did not have nerve deficits on exam" over a dermatomal sensory loss, not over a normal examination', () => {
  const denial = 'This patient did not have significant nerve deficits on exam.';
  assert.equal(contradicts(withExam('On examination there was decreased sensation in the left L5 dermatome', denial)).length, 1);
  assert.equal(contradicts(withExam('On examination sensation was intact and reflexes were 2+ and symmetric', denial)).length, 0);
});

test('contradicts-record: "failed to provide any complaints or physical examination findings" denies each item of its list', () => {
  const denial = 'The documentation failed to provide any complaints or physical examination findings regarding the lumbar spine.';
  const text = withExam('On examination there was tenderness to palpation over the lumbar paraspinal muscles', denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /failed to provide/);
  assert.match(d[0].message, /tenderness/);
  // "failed to provide" is the records' failure, not a treatment's: no finding over a normal examination.
  assert.equal(contradicts(withExam('On examination the lumbar spine was nontender with full range of motion', denial)).length, 0);
});

test('contradicts-record: a negation that names something else first does not reach past it', () => {
  // "no indication for surgery of the lumbar spine based on findings": the negation governs the indication.
  assert.equal(
    contradicts(withExam('On examination there was decreased sensation in the left L5 dermatome', 'There is no indication for surgery given the findings.'))
      .length,
    0,
  );
});

test('contradicts-record: "no motor or sensory deficits" over an intact examination is right, and misspelled deficits are still read', () => {
  // A denied examination of no verdict ("motor", "sensory") denies its abnormality: intact sensation agrees with it.
  assert.equal(contradicts(withExam('On examination sensation was intact to light touch', 'No motor or sensory defecits were reported.')).length, 0);
  const text = withExam('On examination there was decreased sensation in the left L5 dermatome', 'There are no neurological defecits.');
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].relatedInformation![0].range), /decreased sensation in the left L5/);
});

/** The clean case with a sentence added to its summary (before the review's) and one to the rationale. */
function withSummary(summary: string, rationale: string): string {
  const end = 'The Utilization Review dated\n  10/2/2016 denied the request.';
  assert.ok(CLEAN_CASE.includes(end));
  return CLEAN_CASE.replace(end, `${summary}\n  ${end}`).replace(RATIONALE_END, `${rationale} ${RATIONALE_END}`);
}

test('contradicts-record: "no radicular complaints" over numbness or radiating pain in a limb, not in the back alone nor in the other limb', () => {
  const denial = 'There is no documentation of radicular complaints.';
  const text = withSummary('She reported right leg pain associated with numbness and occasional paresthesia.', denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /numbness|paresthesia/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /right leg pain associated with numbness/);
  // Numbness of the low back is no radicular complaint.
  assert.equal(contradicts(withSummary('She reported numbness over the lower back.', denial)).length, 0);
  // Arm symptoms are asked for: numbness in the leg does not answer them.
  assert.equal(
    contradicts(withSummary('She reported low back pain radiating to the left leg.', 'The records fail to document radicular-type arm symptoms.')).length,
    0,
  );
});

test('contradicts-record: "no radicular pain" and "no radiating pain" over pain radiating down a leg, not over axial pain nor pain referred to the buttock', () => {
  const down = 'She reported low back pain radiating down the left leg to the foot with numbness.';
  for (const denial of ['There is no evidence of radicular pain.', 'The patient does not have radiating symptoms.', 'There is no radiating pain.']) {
    const text = withSummary(down, denial);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${denial}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].relatedInformation![0].range), /radiating down the left leg/);
    // Pain of the back alone, without radiation, is what these sentences say.
    assert.equal(contradicts(withSummary('She reported low back pain without radiation.', denial)).length, 0, denial);
    assert.equal(contradicts(withSummary('She reported non-radiating low back pain.', denial)).length, 0, denial);
  }
  // Pain referred to the buttock is as often a facet's or a sacroiliac joint's as a nerve root's: it is no radicular pain
  // or radicular complaint, though it radiates.
  const buttock = 'She reported low back pain radiating to the left buttock.';
  assert.equal(contradicts(withSummary(buttock, 'There is no evidence of radicular pain.')).length, 0);
  assert.equal(contradicts(withSummary(buttock, 'There is no documentation of radicular complaints.')).length, 0);
  assert.equal(contradicts(withSummary(buttock, 'There is no radiating pain.')).length, 1);
  // The summary's own words for the complaint answer its denial, as a narrower kind of it would.
  assert.equal(contradicts(withSummary('She reported radicular symptoms in the left leg.', 'No radicular symptoms were reported.')).length, 1);
});

test('contradicts-record: "no objective findings of radiculopathy on exam such as ..." lists what it denies, over the signs the examination records', () => {
  const denial = 'There were no objective findings of radiculopathy on exam such as dermatomal sensory loss, motor weakness or reflex changes.';
  const text = withExam('On examination there was decreased sensation in the left L5 dermatome and 4/5 strength of the left extensor hallucis longus', denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /denies neurologic findings/);
  // Over a normal examination the sentence is right, whatever the worker reports.
  const normal = 'On examination sensation was intact, strength was 5/5 and reflexes were 2+ and symmetric';
  assert.equal(contradicts(withExam(normal, denial)).length, 0);
  assert.equal(
    contradicts(
      withExam(normal, denial).replace('The Utilization Review dated', 'She reported low back pain radiating down the left leg. The Utilization Review dated'),
    ).length,
    0,
  );
  // "such as" without a negation over it is a guideline's list, which denies nothing.
  assert.equal(
    contradicts(
      withExam(
        'On examination there was decreased sensation in the left L5 dermatome',
        'Imaging is considered for objective findings such as dermatomal sensory loss.',
      ),
    ).length,
    0,
  );
});

test('contradicts-record: a complaint of its own kind is read when denied; complaints as a whole in a guideline sentence are not', () => {
  const text = withSummary('He complained of anxiety, insomnia and depression.', 'There was no documentation that the patient had insomnia.');
  assert.equal(contradicts(text).length, 1);
  assert.equal(
    contradicts(
      withSummary('He complained of low back pain and insomnia.', 'Imaging has a false positive rate of 30% in patients over age 30 who do not have symptoms.'),
    ).length,
    0,
  );
});

test('contradicts-record: "objective functional deficits on physical examination" are the signs the examination records', () => {
  const denial = 'There was a lack of documentation of objective functional deficits found on physical examination.';
  const text = withExam('On examination there was limited range of motion of the lumbar spine', denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /limited range of motion/);
  assert.equal(contradicts(withExam('On examination the lumbar spine had full range of motion and was nontender', denial)).length, 0);
});

test('contradicts-record: "there is no discussion of a lumbar MRI" is answered by the request the summary records', () => {
  const text = withSummary(
    'The request for authorization dated 9/20/2016 included a request for an MRI of the lumbar spine.',
    'There is no discussion of a lumbar MRI in the records.',
  );
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /no discussion of a lumbar MRI/);
  // With no MRI anywhere in the summary the statement is right.
  assert.equal(contradicts(withSummary('', 'There is no discussion of a cervical MRI in the records.')).length, 0);
});

const LUMBAR_EXAM =
  'On examination there was tenderness over the lumbar paraspinal muscles, lumbar flexion was limited to 40 degrees and painful, and there was decreased sensation in the left L5 dermatome';

test('contradicts-record: "only paraspinal tenderness is noted on exam" over other abnormal signs the summary records', () => {
  const claim = 'Only paraspinal tenderness is noted on physical exam.';
  const text = withExam(LUMBAR_EXAM, claim);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /tenderness/);
  assert.match(d[0].message, /nothing else/);
  // The summary's examination found the tenderness alone: the rationale is right.
  assert.equal(contradicts(withExam('On examination there was tenderness over the lumbar paraspinal muscles', claim)).length, 0);
  // "not only" adds to the findings; it does not exclude the others.
  assert.equal(contradicts(withExam(LUMBAR_EXAM, 'Not only tenderness but also limited motion is noted on physical exam.')).length, 0);
});

test('contradicts-record: "the exam was benign except for tenderness" over other abnormal signs the summary records', () => {
  const claim = 'The physical exam was relatively benign except for diffuse tenderness.';
  assert.equal(contradicts(withExam(LUMBAR_EXAM, claim)).length, 1);
  assert.equal(contradicts(withExam('On examination there was tenderness over the lumbar paraspinal muscles', claim)).length, 0);
  // An exception that is no benign examination ("tender except at L5") says nothing of the other signs.
  assert.equal(contradicts(withExam(LUMBAR_EXAM, 'The physical exam showed limited motion except for tenderness.')).length, 0);
});

test('contradicts-record: "does not document a lumbar physical exam" over the lumbar examination the summary records', () => {
  const claim = 'The progress note does not document a lumbar physical exam.';
  const text = withExam(LUMBAR_EXAM, claim);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /does not document a lumbar physical exam/);
  // A newer examination asked for, an examination of another place, or a normal one: no contradiction.
  assert.equal(contradicts(withExam(LUMBAR_EXAM, 'There is no recent physical exam of the lumbar spine.')).length, 0);
  assert.equal(contradicts(withExam(LUMBAR_EXAM, 'The progress note does not document a knee physical exam.')).length, 0);
  assert.equal(contradicts(withExam('On examination the lumbar spine was nontender with full range of motion', claim)).length, 0);
  // "objective" names the evidence asked for, not an examination said to be missing.
  assert.equal(contradicts(withExam(LUMBAR_EXAM, 'There is no objective evidence of functional improvement with therapy.')).length, 0);
});

const TREATMENT = `Treatment to date has included 12 sessions of physical therapy
  and NSAIDs without lasting relief [#pt-failed].`;

/** The clean case with its treatment sentence replaced (the label kept) and a sentence added to the rationale. */
function withTreatment(treatment: string, rationale: string): string {
  assert.ok(CLEAN_CASE.includes(TREATMENT));
  return CLEAN_CASE.replace(TREATMENT, `${treatment} [#pt-failed].`).replace(RATIONALE_END, `${rationale} ${RATIONALE_END}`);
}

const TRIED = 'Treatment to date has included physical therapy and naproxen. At the last visit he reported being no better at all';

test('contradicts-record: a denial that conservative care failed, over treatments the summary records with no benefit', () => {
  const denial = 'There is no documentation that the claimant has failed conservative treatment.';
  const text = withTreatment(TRIED, denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /no documentation that the claimant has failed conservative treatment/);
  assert.match(d[0].message, /no better/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /no better at all/);
  // The same denial where the treatments helped, or where one drug alone did not (a failed trial, not failed care).
  assert.equal(contradicts(withTreatment('Treatment to date has included physical therapy and naproxen with good relief', denial)).length, 0);
  assert.equal(contradicts(withTreatment('Treatment to date has included naproxen, which was not effective', denial)).length, 0);
  // A sentence that weighs the outcome itself.
  assert.equal(contradicts(withTreatment(TRIED, 'Although he is no better with therapy, there is no documented failure of conservative care.')).length, 0);
});

test('contradicts-record: failure of conservative care denied in the other forms reviewers write it', () => {
  for (const denial of [
    'Nor has there been a documented failure of more classic conservative therapies.',
    'The patient has not failed an adequate conservative course of treatment.',
    'There is a lack of clear evidence to support failure of first-line treatments.',
  ])
    assert.equal(contradicts(withTreatment(TRIED, denial)).length, 1, denial);
  // A failure said of the disputed service, or a treatment said to have failed: no denial.
  assert.equal(contradicts(withTreatment(TRIED, 'The patient has failed conservative treatment.')).length, 0);
  // The treatments the sentence names must be those the summary records with the outcome.
  assert.equal(contradicts(withTreatment(TRIED, 'There is no documentation that the claimant has failed acupuncture.')).length, 0);
});

test('contradicts-record: a course of response the summary contradicts ("progression" over "essentially unchanged")', () => {
  const unchanged = 'Treatment to date has included physical therapy. He stated that his low back symptoms were essentially unchanged with time';
  const claim = 'The patient has had progression of his low back symptoms.';
  const text = withTreatment(unchanged, claim);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /progression/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /essentially unchanged/);
  // The summary also records the course the rationale gives: a changing record, not a contradiction.
  assert.equal(contradicts(withTreatment(`${unchanged}. Later his low back pain worsened`, claim)).length, 0);
  // Pain that persists says nothing of its course.
  assert.equal(contradicts(withTreatment('Treatment to date has included physical therapy. He has persistent low back pain', claim)).length, 0);
  // A response the rationale weighs rather than gives the worker.
  assert.equal(contradicts(withTreatment(unchanged, 'Continued care calls for follow up regarding progression of symptoms.')).length, 0);
});

test('contradicts-record: "improving with physical therapy" over a summary where he is no better with it', () => {
  const claim = 'The patient is improving with physical therapy.';
  assert.equal(contradicts(withTreatment(TRIED, claim)).length, 1);
  assert.equal(contradicts(withTreatment('Treatment to date has included physical therapy with good improvement', claim)).length, 0);
});

test('contradicts-record: "no physical examination findings to warrant imaging" names a purpose, not which findings', () => {
  const denial = 'The documentation failed to provide any physical examination findings to warrant the need of imaging of the lumbar spine.';
  const text = withExam(LUMBAR_EXAM, denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /tenderness/);
  // Words that say which findings ("to suggest instability") leave them to be read as their own denial.
  assert.equal(contradicts(withExam(LUMBAR_EXAM, 'There were no physical examination findings to suggest instability.')).length, 0);
  // Over a normal examination the denial is right.
  assert.equal(contradicts(withExam('On examination the lumbar spine was nontender with full range of motion', denial)).length, 0);
});

test('contradicts-record: "not noted what functional improvement he had" is answered by any response the summary records to it', () => {
  const denial = 'It is also not noted what functional improvement he had with physical therapy.';
  const text = withTreatment('He tried physical therapy in the past with no improvement', denial);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].relatedInformation![0].range), /no improvement/);
  // No response recorded, or one to another treatment: the question stands.
  assert.equal(contradicts(withTreatment('He tried physical therapy in the past', denial)).length, 0);
  assert.equal(contradicts(withTreatment('He tried physical therapy in the past. Acupuncture later gave no improvement', denial)).length, 0);
  // Without the question, a denial of improvement is not answered by no improvement.
  assert.equal(
    contradicts(withTreatment('He tried physical therapy in the past with no improvement', 'There is no functional improvement with physical therapy.')).length,
    0,
  );
});

test('contradicts-record: a study called normal over the lesion the summary gives as its result', () => {
  const ct = (result: string) => `Treatment to date has included physical therapy. A CT scan of the lumbar spine revealed ${result}`;
  for (const claim of ['There are no significant findings on CT of the lumbar spine.', 'The lumbar CT was unremarkable.']) {
    const text = withTreatment(ct('a pars defect at L5'), claim);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${claim}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].relatedInformation![0].range), /pars defect/);
  }
  // A result the summary calls mild, a rationale that says which findings it means, or another study: no contradiction.
  assert.equal(contradicts(withTreatment(ct('mild degenerative change'), 'The lumbar CT was unremarkable.')).length, 0);
  assert.equal(contradicts(withTreatment(ct('a pars defect at L5'), 'There were no acute findings on the lumbar CT.')).length, 0);
  assert.equal(contradicts(withTreatment(ct('a pars defect at L5'), 'The lumbar MRI was unremarkable.')).length, 0);
});

test('contradicts-record: "no neurological dysfunction" after a head injury over the cognitive complaints the summary records', () => {
  const denial = 'There was no evidence of neurological dysfunction from the head injury.';
  // (The clean case's examination, a sensory loss at L5, is made normal: only the complaints answer the denial.)
  const normalExam = (t: string) => t.replace(EXAM, 'On examination sensation was intact and strength was 5/5 [#neuro-deficit].');
  const text = normalExam(withTreatment('After he struck his head he reported disorientation and memory problems', denial));
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /disorientation/);
  // Memory problems with no head named (a drug's effect, mood) say nothing of neurologic dysfunction.
  assert.equal(contradicts(normalExam(withTreatment('He reported memory problems since starting gabapentin', denial))).length, 0);
});

test('contradicts-record: "no clear evidence the patient has had conservative treatment" over the treatment the summary records', () => {
  const text = withTreatment(
    'Treatment to date has included physical therapy and naproxen',
    'There is no clear evidence the patient has had conservative treatment for the lumbar spine.',
  );
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /physical therapy/);
  // A denial of how long the treatment lasted is not answered by the treatment alone.
  assert.equal(
    contradicts(
      withTreatment(
        'Treatment to date has included physical therapy and naproxen',
        'The physician failed to document if the patient has completed conservative treatment for 3 months.',
      ),
    ).length,
    0,
  );
});

/** The clean case with two dated examinations of the right knee added to its summary and a denial to its rationale. */
function twoVisits(first: string, second: string, denial: string): string {
  return withSummary(`On 3/1/2016 ${first} The plan was physical therapy for the knee. At the follow-up visit on 5/2/2016 ${second}`, denial);
}
const measured = (text: string) => contradicts(text).filter((d) => /measures/.test(d.message));

test('contradicts-record: "no objective functional improvement" over more motion measured at a later visit, under the treatment given between', () => {
  const denial = 'There was no documentation of objective functional improvement with physical therapy.';
  const text = twoVisits('right knee flexion measured 85 degrees.', 'right knee flexion was 125°.', denial);
  const d = measured(text);
  assert.equal(
    d.length,
    1,
    contradicts(text)
      .map((x) => x.message)
      .join('\n'),
  );
  assert.match(textAt(text, d[0].range), /no documentation of objective functional improvement/);
  assert.match(d[0].message, /"flexion measured 85 degrees" .* "flexion was 125°"/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /85 degrees/);
  assert.match(textAt(text, d[0].relatedInformation![1].range), /125°/);
  // A restricted motion then a normal range of motion at the same place is a gain too, and the last item of a
  // list the negation governs is denied with it.
  const list = 'There is lack of documentation of the number of visits attended or any measurable improvement with physical therapy.';
  assert.equal(measured(twoVisits('right knee flexion measured 85 degrees.', 'the right knee had full range of motion.', list)).length, 1);
});

test('contradicts-record: measured motion is quiet when it did not grow, when the denial is not of objective improvement, or is of another treatment', () => {
  const denial = 'There was no documentation of objective functional improvement with physical therapy.';
  // A few degrees are within what a goniometer varies by; less motion later is no gain.
  assert.equal(measured(twoVisits('right knee flexion measured 85 degrees.', 'right knee flexion was 90°.', denial)).length, 0);
  assert.equal(measured(twoVisits('right knee flexion measured 125 degrees.', 'right knee flexion was 85°.', denial)).length, 0);
  // The same visit measured twice is no course.
  assert.equal(measured(withSummary('On 3/1/2016 right knee flexion measured 85 degrees and, after warm-up, right knee flexion was 125°.', denial)).length, 0);
  // Functional improvement as the MTUS defines it (activities, work) is not a range of motion.
  const functional = 'There was no documentation of functional improvement with physical therapy.';
  assert.equal(measured(twoVisits('right knee flexion measured 85 degrees.', 'right knee flexion was 125°.', functional)).length, 0);
  // The gain came under physical therapy; a denial about acupuncture is not answered by it.
  const other = 'There was no documentation of objective functional improvement with acupuncture.';
  assert.equal(measured(twoVisits('right knee flexion measured 85 degrees.', 'right knee flexion was 125°.', other)).length, 0);
  // Another body part's motion does not answer a denial about the knee.
  const elsewhere = 'There was no documentation of objective functional improvement of the shoulder with physical therapy.';
  assert.equal(measured(twoVisits('right knee flexion measured 85 degrees.', 'right knee flexion was 125°.', elsewhere)).length, 0);
});

test('contradicts-record: "there is not any record of failure of conservative treatment" over two treatments without relief', () => {
  // The clean case records physical therapy and NSAIDs without lasting relief.
  const text = CLEAN_CASE.replace(RATIONALE_END, `There is not any record of failure of conservative treatment. ${RATIONALE_END}`);
  const d = contradicts(text);
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(textAt(text, d[0].range), /is not any record of failure of conservative treatment/);
  // The same auxiliary before a response that the record agrees with denies no treatment.
  assert.equal(contradicts(CLEAN_CASE.replace(RATIONALE_END, `He has not improved with physical therapy. ${RATIONALE_END}`)).length, 0);
});

test('contradicts-record: "unclear how many sessions" of a treatment the summary counts, not one it names without a count', () => {
  // The clean case records 12 sessions of physical therapy.
  const asks = 'It is unclear how many sessions of physical therapy he has had.';
  const text = CLEAN_CASE.replace(RATIONALE_END, `${asks} ${RATIONALE_END}`);
  const d = contradicts(text).filter((x) => /counts/.test(x.message));
  assert.equal(
    d.length,
    1,
    contradicts(text)
      .map((x) => x.message)
      .join('\n'),
  );
  assert.match(textAt(text, d[0].range), /unclear how many sessions/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /12 sessions of physical therapy/);
  const counted = (t: string) => contradicts(t).filter((x) => /counts/.test(x.message)).length;
  // The summary names the therapy with no count: the question is fair.
  assert.equal(counted(variant(['12 sessions of physical therapy', 'physical therapy'], [RATIONALE_END, `${asks} ${RATIONALE_END}`])), 0);
  // A count of physical therapy does not answer a question about acupuncture.
  assert.equal(counted(CLEAN_CASE.replace(RATIONALE_END, `It is unclear how many sessions of acupuncture he has had. ${RATIONALE_END}`)), 0);
  // A guideline's number of visits is no question about the record.
  assert.equal(counted(CLEAN_CASE.replace(RATIONALE_END, `The guidelines do not state the number of sessions completed before a review. ${RATIONALE_END}`)), 0);
});

const extent = (text: string) => contradicts(text).filter((d) => /under the normal range/.test(d.message));

test('contradicts-record: "only mild loss of motion" over a joint measured at two-thirds of its normal range or less at the latest visit', () => {
  const claim = 'The physician documents only mild restriction of range of motion of the knee.';
  const text = twoVisits('right knee flexion measured 60 degrees.', 'right knee flexion was 80 degrees.', claim);
  const d = extent(text);
  assert.equal(
    d.length,
    1,
    contradicts(text)
      .map((x) => x.message)
      .join('\n'),
  );
  assert.match(textAt(text, d[0].range), /mild restriction of range of motion/);
  assert.match(d[0].message, /"flexion was 80 degrees"/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /80 degrees/);
  // Deficits in general words are answered by the measure too.
  assert.equal(
    extent(twoVisits('right knee flexion measured 60 degrees.', 'right knee flexion was 80 degrees.', 'The patient has minimal deficits at this time.')).length,
    1,
  );
});

test('contradicts-record: an extent word is quiet over a near-normal measure, an earlier measure, the summary\'s own "mild", or other deficits', () => {
  const claim = 'The physician documents only mild restriction of range of motion of the knee.';
  // 120 of 135 degrees is a mild loss; the worse motion was an earlier visit's.
  assert.equal(extent(twoVisits('right knee flexion measured 60 degrees.', 'right knee flexion was 120 degrees.', claim)).length, 0);
  // The summary calls the loss mild itself.
  assert.equal(extent(withSummary('On 3/1/2016 there was mildly limited motion of the right knee, with flexion measured 85 degrees.', claim)).length, 0);
  // Deficits of another kind ("minimal neurologic deficits") are not answered by a range of motion; nor is a guideline's extent.
  const neuro = 'The patient has minimal neurologic deficits at this time.';
  assert.equal(extent(twoVisits('right knee flexion measured 60 degrees.', 'right knee flexion was 80 degrees.', neuro)).length, 0);
  const generic = 'Guidelines support therapy for patients with mild deficits of motion.';
  assert.equal(extent(twoVisits('right knee flexion measured 60 degrees.', 'right knee flexion was 80 degrees.', generic)).length, 0);
  // "not minimal" agrees with the measure.
  const denied = 'The patient has deficits that are not minimal.';
  assert.equal(extent(twoVisits('right knee flexion measured 60 degrees.', 'right knee flexion was 80 degrees.', denied)).length, 0);
});

const NORMAL_NEURO = 'On examination strength was 5/5, sensation was intact and reflexes were normal in both lower extremities';
const umbrella = (text: string) => contradicts(text).filter((d) => /strength, sensation and reflexes as normal/.test(d.message));

test('contradicts-record: an examination "indicative of nerve compromise" over normal strength, sensation and reflexes', () => {
  const claim = 'The physical examination of the lumbar spine shows findings indicative of nerve root compromise.';
  const text = withExam(NORMAL_NEURO, claim);
  const d = umbrella(text);
  assert.equal(
    d.length,
    1,
    contradicts(text)
      .map((x) => x.message)
      .join('\n'),
  );
  assert.match(textAt(text, d[0].range), /nerve root compromise/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /reflexes were normal/);
  // A positive straight leg raise is a tension sign, no deficit of strength, sensation or reflexes.
  // (The clean rationale's own "specific nerve compromise" then cites the tension sign's sentence, not the normal one.)
  const tension = withExam(`${NORMAL_NEURO}. Straight leg raise was positive on the left`, claim);
  assert.equal(umbrella(tension).filter((x) => /nerve root compromise/.test(textAt(tension, x.range))).length, 1);
});

test("contradicts-record: nerve compromise is quiet over a documented deficit, an incomplete examination, or in a guideline's words", () => {
  const claim = 'The physical examination of the lumbar spine shows findings indicative of nerve root compromise.';
  assert.equal(
    umbrella(withExam('On examination strength was 5/5, reflexes were normal and there was decreased sensation in the left L5 dermatome', claim)).length,
    0,
  );
  // Reflexes never examined: the summary does not say the whole examination was normal.
  assert.equal(umbrella(withExam('On examination strength was 5/5 and sensation was intact in both lower extremities', claim)).length, 0);
  assert.equal(umbrella(withExam(NORMAL_NEURO, 'Guidelines support imaging when examination findings are indicative of nerve root compromise.')).length, 0);
});

const SEVERE_AFTER = 'Treatment to date has included physical therapy and naproxen. At the last visit his pain was rated 8/10';
const severe = (text: string) => contradicts(text).filter((d) => /pain rated/.test(d.message));

test('contradicts-record: "has not failed conservative care" over severe pain after the treatments the summary lists', () => {
  const denial = 'The patient has not failed a course of conservative treatment.';
  const text = withTreatment(SEVERE_AFTER, denial);
  const d = severe(text);
  assert.equal(
    d.length,
    1,
    contradicts(text)
      .map((x) => x.message)
      .join('\n'),
  );
  assert.match(textAt(text, d[0].range), /has not failed/);
  assert.match(d[0].message, /8\/10/);
});

test('contradicts-record: severe pain is quiet before the treatments, under a mild score, for one drug step, or over a duration', () => {
  const denial = 'The patient has not failed a course of conservative treatment.';
  assert.equal(
    severe(withTreatment('His pain was rated 8/10 at the first visit. Treatment to date has included physical therapy and naproxen', denial)).length,
    0,
  );
  assert.equal(
    severe(withTreatment('Treatment to date has included physical therapy and naproxen. At the last visit his pain was rated 3/10', denial)).length,
    0,
  );
  // First-line drugs are a step of a ladder, and a demanded duration is not answered by a score.
  assert.equal(severe(withTreatment(SEVERE_AFTER, 'There is no documentation the patient has failed first-line therapy.')).length, 0);
  assert.equal(severe(withTreatment(SEVERE_AFTER, 'There is no evidence the patient has failed 6 weeks of conservative care.')).length, 0);
});

const NO_SPASM = 'On examination there was no paraspinal muscle spasm';

test('contradicts-record: a finding asserted under a pronoun subject ("It was ...") speaks of the worker the sentence before names', () => {
  const text = withExam(NO_SPASM, 'He was examined for low back pain. It was a paraspinal muscle spasm.');
  const d = contradicts(text).filter((x) => /says otherwise/.test(x.message));
  assert.equal(
    d.length,
    1,
    contradicts(text)
      .map((x) => x.message)
      .join('\n'),
  );
  assert.match(textAt(text, d[0].range), /muscle spasm/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /no paraspinal muscle spasm/);
});

test('contradicts-record: a pronoun subject is quiet after a guideline sentence, with a hedge or verb of its own, or when the summary agrees', () => {
  const otherwise = (text: string) => contradicts(text).filter((x) => /says otherwise/.test(x.message));
  assert.equal(otherwise(withExam(NO_SPASM, 'Guidelines support imaging for patients with red flags. It was a paraspinal muscle spasm.')).length, 0);
  assert.equal(otherwise(withExam(NO_SPASM, 'He was examined for low back pain. It is unclear whether this was a muscle spasm.')).length, 0);
  assert.equal(otherwise(withExam(NO_SPASM, 'He was examined for low back pain. It is known to cause muscle spasm.')).length, 0);
  assert.equal(
    otherwise(withExam('On examination there was paraspinal muscle spasm', 'He was examined for low back pain. It was a paraspinal muscle spasm.')).length,
    0,
  );
});

test('contradicts-record: "no findings consistent with" a deficit denies it; a plain "with" still ends the negation', () => {
  const deficit = 'On examination there was decreased sensation in the left L5 dermatome and 4/5 strength of the left extensor hallucis longus';
  const normal = 'On examination sensation was intact and strength was 5/5 in both lower extremities';
  for (const denial of [
    'There were no objective findings consistent with radiculopathy.',
    'The documentation did not include findings consistent with nerve root compromise.',
    'There were no clinical signs compatible with a focal neurologic deficit.',
  ]) {
    const text = withExam(deficit, denial);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${denial}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), denial);
    // Over a normal examination the same words are right.
    assert.deepEqual(
      contradicts(withExam(normal, denial)).map((x) => x.message),
      [],
      denial,
    );
  }
  // "no tenderness, with positive straight leg raise": the "with" starts what is affirmed, so nothing is denied.
  assert.equal(contradicts(withExam(deficit, 'There was no tenderness with a positive straight leg raise and radiculopathy.')).length, 0);
});

test('contradicts-record: a denial of one named study, drug or therapy is answered by the summary naming it, though it has narrower kinds', () => {
  // An MRI has MR arthrograms under it, tramadol its extended-release forms, acupuncture electroacupuncture: each still
  // names one thing, and the summary's word for it documents it.
  for (const [summary, denial] of [
    ['An MRI of the lumbar spine on 5/1/2016 showed an L4-5 disc protrusion', 'No prior MRI of the lumbar spine was documented.'],
    ['An EMG of the lower extremities on 6/2/2016 showed a left L5 radiculopathy', 'There is no documentation of an EMG.'],
    ['He takes tramadol 50 mg twice daily', 'There is no documentation of tramadol use.'],
    ['He completed 6 sessions of acupuncture', 'There is no documentation of acupuncture.'],
  ]) {
    const text = withExam(summary, denial);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${denial}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].range), /^(?:No prior MRI|There is no documentation of)/);
    assert.match(textAt(text, d[0].relatedInformation![0].range), new RegExp(summary.split(' ').slice(0, 3).join(' ')));
  }
  // Requested, planned or at another place, the thing is not documented.
  for (const [summary, denial] of [
    ['An MRI of the lumbar spine was requested', 'No prior MRI of the lumbar spine was documented.'],
    ['The plan is to obtain an EMG of the lower extremities', 'There is no documentation of an EMG.'],
    ['Tramadol was recommended', 'There is no documentation of tramadol use.'],
    ['An MRI of the cervical spine on 5/1/2016 showed a C5-6 disc protrusion', 'No prior MRI of the lumbar spine was documented.'],
  ])
    assert.deepEqual(
      contradicts(withExam(summary, denial)).map((x) => x.message),
      [],
      `${summary} / ${denial}`,
    );
});

test('contradicts-record: a denied consultation or referral denies no treatment', () => {
  // "Surgical consultation" reads as surgery in the lexicon (a referral the rules read as requested); denied, it is the
  // visit that is missing, which a past operation does not answer.
  for (const denial of ['There is no documentation of a surgical consultation.', 'There is no documentation of a physical therapy referral.'])
    assert.deepEqual(
      contradicts(withExam('He had a lumbar laminectomy in 2015', denial)).map((x) => x.message),
      [],
      denial,
    );
  // The treatment itself denied is still read.
  assert.equal(contradicts(withExam('He had a lumbar laminectomy in 2015', 'There is no documentation of prior surgery.')).length, 1);
});

test('contradicts-record: a complaint with kinds under it is read when denied, unless it is complaints as a whole', () => {
  // Depression has major depressive disorder under it, GI symptoms nausea, neurological symptoms numbness: each is still
  // one complaint a rationale can wrongly deny.
  for (const [summary, denial] of [
    ['He was diagnosed with major depressive disorder and takes sertraline', 'There is no evidence of depression.'],
    ['He reports dyspepsia with ibuprofen', 'There is no documentation of dyspepsia.'],
    ['He reports numbness and tingling in the left foot', 'There were no neurological symptoms.'],
  ])
    assert.equal(contradicts(withExam(summary, denial)).length, 1, `${summary} / ${denial}`);
  // Denied in the summary too, nothing is contradicted; and "pain" as a whole is still read only through its kinds.
  for (const [summary, denial] of [
    ['He denies depression', 'There is no evidence of depression.'],
    ['He denies GI upset', 'There is no documentation of GI symptoms.'],
    ['He denies numbness or tingling in the legs', 'There were no neurological symptoms.'],
  ])
    assert.deepEqual(
      contradicts(withExam(summary, denial)).map((x) => x.message),
      [],
      `${summary} / ${denial}`,
    );
});

const SITED_TREATMENT = 'Treatment to date has included 12 sessions of physical therapy for the lumbar spine and naproxen';

test('contradicts-record: "has not had physical therapy", "physical therapy has not been tried" deny a treatment the summary records', () => {
  for (const [denial, span] of [
    ['The patient has not had physical therapy.', /^has not had physical therapy$/],
    ['He has not undergone physical therapy.', /^has not undergone physical therapy$/],
    ['He has not yet had any formal physical therapy.', /^has not yet had any formal physical therapy$/],
    ['He has not participated in physical therapy.', /^has not participated in physical therapy$/],
    ['He did not receive physical therapy.', /not receive physical therapy$/],
    ['The patient has not been treated with NSAIDs.', /^has not been treated with NSAIDs$/],
    ['Physical therapy has not been tried.', /^Physical therapy has not/],
    ['NSAIDs have not been attempted.', /^NSAIDs have not/],
    ['There is no documentation that the patient has tried physical therapy.', /no documentation that the patient has tried physical therapy/],
  ] as const) {
    const text = withTreatment(SITED_TREATMENT, denial);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${denial}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].range), span, denial);
  }
  // The same denials where the summary records no such treatment are right.
  assert.equal(contradicts(withTreatment('Treatment to date has included acupuncture', 'The patient has not had physical therapy.')).length, 0);
  assert.equal(contradicts(withTreatment('Treatment to date has included acupuncture', 'Physical therapy has not been tried.')).length, 0);
});

test('contradicts-record: a "has not" that weighs, dates or plans a treatment the summary records does not deny it', () => {
  for (const quiet of [
    // A failure or a response is another claim than the treatment's existence.
    'The patient has not failed physical therapy.',
    'The patient has not had improvement with physical therapy.',
    'Physical therapy has not been tried and failed.',
    // A newer, further or adequate course, or a course to its end, is not the one the summary records.
    'He has not had recent physical therapy.',
    'He has not had physical therapy since 2015.',
    'He has not had physical therapy this year.',
    'He has not had additional physical therapy.',
    'He has not had an adequate trial of physical therapy.',
    'He has not completed physical therapy.',
    // An approval, a guideline, a condition, another treatment or another body part.
    'Physical therapy has not been authorized.',
    'Physical therapy is not recommended.',
    'If the patient has not had physical therapy, a trial is recommended.',
    'He has not tried a home exercise program.',
    'He has not had physical therapy for the shoulder.',
  ])
    assert.deepEqual(
      contradicts(withTreatment(SITED_TREATMENT, quiet)).map((x) => x.message),
      [],
      quiet,
    );
  // A therapy the summary only plans is not one the worker had.
  const planned = 'Treatment to date has included naproxen. Physical therapy was requested';
  assert.equal(contradicts(withTreatment(planned, 'He has not yet started physical therapy.')).length, 0);
  assert.equal(contradicts(withTreatment(planned, 'Physical therapy has not been started.')).length, 0);
});

const WEAK_GRADES = 'On examination there was 4/5 strength of the left extensor hallucis longus and 4-/5 strength of the left ankle dorsiflexors';

test('contradicts-record: a strength graded below 5/5 is the weakness a denial of weakness denies, not full strength nor a grade given to pain', () => {
  for (const denial of ['There is no documented weakness.', 'There was no motor weakness on examination.', 'Strength was not documented to be decreased.']) {
    const text = withExam(WEAK_GRADES, denial);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${denial}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(d[0].message, /"4\/5 strength" and "4-\/5 strength"/);
    assert.match(textAt(text, d[0].relatedInformation![0].range), /4\/5 strength of the left extensor/);
  }
  // The other written forms of a grade below 5/5.
  for (const exam of ['Motor strength was 4 out of 5 in the left lower extremity', 'Motor strength of the left lower extremity was 5-/5'])
    assert.equal(contradicts(withExam(exam, 'There is no documented weakness.')).length, 1, exam);
  // Quiet over full strength, a grade given to pain or to an earlier time, a pain score, and a sentence that weighs the grade.
  const denial = 'There is no documented weakness.';
  for (const exam of [
    'On examination strength was 5/5 in both lower extremities',
    'On examination there was full strength in both lower extremities',
    'On examination motor strength was intact in both lower extremities',
    'Motor strength was 4/5 in the left lower extremity, limited by pain',
    'Previously, motor strength was 4/5 in the left lower extremity',
    'On examination pain was rated 4/10 in the left lower extremity',
  ])
    assert.deepEqual(
      contradicts(withExam(exam, denial)).map((x) => x.message),
      [],
      exam,
    );
  // "Although strength was 4/5, ...": the sentence names the grade it weighs.
  assert.equal(contradicts(withExam(WEAK_GRADES, 'Although strength was 4/5, there is no documented weakness.')).length, 0);
});

test('contradicts-record: "the neurological examination did not demonstrate any deficits" denies the examination\'s abnormal signs', () => {
  const denial = 'The neurological examination did not demonstrate any deficits.';
  for (const exam of ['On examination there was decreased sensation in the left L5 dermatome', 'Motor strength was 4/5 in the left lower extremity']) {
    const text = withExam(exam, denial);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${exam}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].range), /neurological examination did not demonstrate any deficits/);
  }
  assert.equal(contradicts(withExam('Motor strength was 4/5 in the left lower extremity', 'The motor exam revealed no deficits.')).length, 1);
  // A normal examination agrees; "significant" weighs the deficits; the physical examination's bare deficits may be functional ones.
  const normal = 'On examination sensation was intact and strength was 5/5 in both lower extremities';
  assert.deepEqual(
    [denial, 'The motor examination did not show any deficits.'].flatMap((t) => contradicts(withExam(normal, t)).map((x) => x.message)),
    [],
  );
  assert.equal(contradicts(withExam(WEAK_GRADES, 'The neurological examination did not demonstrate any significant deficits.')).length, 0);
  assert.equal(contradicts(withExam(WEAK_GRADES, 'The physical examination did not demonstrate any deficits.')).length, 0);
});

test('contradicts-record: "has not had an MRI", "x-rays have not been obtained" deny a study the summary records; a newer one is asked for', () => {
  const studies =
    'An MRI of the lumbar spine on 5/1/2016 showed an L4-5 disc protrusion, and x-rays of the lumbar spine on 4/1/2016 showed degenerative changes';
  for (const denial of ['The patient has not had an MRI of the lumbar spine.', 'Lumbar x-rays have not been obtained.']) {
    const d = contradicts(withExam(studies, denial));
    assert.equal(d.length, 1, `${denial}\n${d.map((x) => x.message).join('\n')}`);
  }
  // A repeat or updated study is another one than the summary records; a study of another region is not the one it records.
  for (const denial of [
    'The patient has not had a repeat MRI of the lumbar spine.',
    'There is no updated MRI of the lumbar spine.',
    'The patient has not had an MRI of the cervical spine.',
  ])
    assert.deepEqual(
      contradicts(withExam(studies, denial)).map((x) => x.message),
      [],
      denial,
    );
});

test('contradicts-record: a study the summary says is scheduled is not documented as done', () => {
  // "He is scheduled for an MRI": the reader reads a study scheduled as requested, as it does "an MRI is scheduled".
  for (const summary of ['He is scheduled for an MRI of the lumbar spine', 'An MRI of the lumbar spine is scheduled'])
    assert.deepEqual(
      contradicts(withExam(summary, 'No prior MRI of the lumbar spine was documented.')).map((x) => x.message),
      [],
      summary,
    );
});

test('contradicts-record: a work status the rationale asserts of the worker over the opposite one the summary records', () => {
  const cases: [summary: string, rationale: string, said: RegExp, recorded: RegExp][] = [
    ['He remains temporarily totally disabled.', 'The patient has returned to full duty.', /returned to full duty/, /temporarily totally disabled/],
    ['He is off work.', 'The patient is working full duty.', /is working full duty/, /off work/],
    ['He is working full duty without restrictions.', 'The patient is not working.', /not working/, /working full duty/],
    [
      'He was placed on modified duty with no lifting over 10 pounds.',
      'The patient was released to regular work without restrictions.',
      /regular work/,
      /modified duty/,
    ],
  ];
  for (const [summary, rationale, said, recorded] of cases) {
    const text = withSummary(summary, rationale);
    const d = contradicts(text);
    assert.equal(d.length, 1, `${rationale} over ${summary}: ${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].range), said);
    assert.match(textAt(text, d[0].relatedInformation![0].range), recorded);
  }
  // The same status as the summary's, and a status the summary also records among others ("was off work, then returned").
  assert.equal(contradicts(withSummary('He is off work.', 'The patient remains off work.')).length, 0);
  assert.equal(contradicts(withSummary('He was off work, then returned to modified duty.', 'The patient is off work.')).length, 0);
  assert.equal(contradicts(withSummary('He was off work, then returned to modified duty.', 'The patient has returned to full duty.')).length, 1);
});

test("contradicts-record: a work status planned, worked toward, of the injury's time or a guideline's is no claim of the worker's status", () => {
  const quiet = [
    'Return to full duty is expected.',
    'The patient is expected to return to full duty.',
    'He should return to modified duty.',
    'This would allow the patient to return to work.',
    'The goal is to return to full duty.',
    'His goal is to return to full duty.',
    'Patients who return to work have better outcomes.',
    'The patient was working full duty when he fell.',
    'He returned to work for two weeks but was taken off work again.',
    'The Utilization Review noted that the patient had returned to full duty.',
    'The patient is retired.',
    'The patient is permanent and stationary.',
  ];
  // The worker's own status is read beside them ...
  assert.equal(contradicts(withSummary('He remains temporarily totally disabled.', 'The patient has returned to full duty.')).length, 1);
  // ... and these are not.
  for (const rationale of quiet)
    assert.deepEqual(
      contradicts(withSummary('He remains temporarily totally disabled.', rationale)).map((x) => x.message),
      [],
      rationale,
    );
  // A bare "without restrictions" is no work status: a full range of motion without restrictions says nothing of work.
  assert.equal(contradicts(withSummary('He has full range of motion without restrictions.', 'The patient is off work.')).length, 0);
});

test('contradicts-record: a denied relief of a stated size is answered only by as much; "significant relief" weighs it', () => {
  const injection = (relief: string) => withExam(`He had a lumbar epidural steroid injection on 7/1/2016 with ${relief} relief for 2 weeks`, '');
  const denial = (text: string, rationale: string) => text.replace(RATIONALE_END, `${rationale} ${RATIONALE_END}`);
  // 20% relief does not answer "no documentation of 50% relief"; 70% does.
  assert.equal(contradicts(denial(injection('20%'), 'There is no documentation of 50% relief from the injection.')).length, 0);
  assert.equal(contradicts(denial(injection('70%'), 'There is no documentation of 50% relief from the injection.')).length, 1);
  // "significant relief" is the guideline's threshold the reviewer weighs the recorded relief against.
  assert.equal(contradicts(denial(injection('20%'), 'There is no documentation of significant relief from the injection.')).length, 0);
  // A plain denial of any relief is still answered by the relief the summary records.
  assert.equal(contradicts(denial(injection('20%'), 'There was no documented relief from the prior epidural injection.')).length, 1);
});

// The claim and detail checks added on the reading layer: the rationale rules
// on another number of visits than the disputed item (detail-mismatch), and
// examination signs the rationale reads with a verdict that the summary never
// records (unsupported-record-claim). Each case has its quiet neighbours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CASE, necessityDiagnostics, textAt } from '../helpers/necessityCases';
import { applyEdits } from '../helpers/edits';
import { LanguageService } from '../../server/src/service/languageService';
import type { ImrDiagnostic } from '../../server/src/service/types';

const codes = (text: string, code: string): ImrDiagnostic[] => necessityDiagnostics(text).filter((d) => d.code === code);

/** A chiropractic item whose review authorized part of the request: the IMR decides the rest. */
function chiroCase(rationale: string, service = '5 sessions of chiropractic treatment for the left elbow'): string {
  return `case CM16-0000002
  organization: MAXIMUS Federal Services
  priority: standard
  received: 10/14/2016
  ur-date: 10/02/2016
  decision-date: 11/06/2016

worker
  age: 51
  sex: female
  injury-date: 1/30/2015
  diagnosis: left lateral epicondylitis

summary
  The injured worker is a 51 year old female who sustained an industrial injury
  on 1/30/2015. She has pain of the left elbow with tenderness over the lateral
  epicondyle. The Utilization Review dated 10/2/2016 authorized 3 of 8 requested
  chiropractic sessions.

item ${service}
  request: Chiropractic treatment 2 times a week for 4 weeks (8 sessions) for the left elbow
  authorized: Chiropractic treatment for 3 sessions
  decision: upheld
  guideline: MTUS Chronic Pain Medical Treatment Guidelines 2009, Manual therapy and manipulation
  rationale
    ${rationale}
`;
}

test('detail-mismatch: the rationale rules on the original request rather than the part still disputed', () => {
  const text = chiroCase(
    'Manipulation is not recommended for the elbow. Therefore, the request for 8 chiropractic visits for the left elbow is not medically necessary.',
  );
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), '8 chiropractic visits');
  assert.match(d[0].message, /weighs "8 chiropractic visits".*disputed item is "5 sessions of chiropractic treatment for the left elbow"/);
  // Related information points at the item and at the request it was cut from.
  assert.ok(d[0].relatedInformation!.some((r) => /^5 sessions of chiropractic/.test(textAt(text, r.range))));
  assert.ok(d[0].relatedInformation!.some((r) => /^request: /.test(textAt(text, r.range))));
  // The fix writes the item's number, leaving the author's words around it.
  const service = new LanguageService();
  const doc = { uri: 'file:///claims/fix.imr', version: 1, text };
  const found = service.getDiagnostics(doc).find((x) => x.code === 'detail-mismatch')!;
  const sent = JSON.parse(JSON.stringify(found));
  const action = service.getCodeActions(doc, sent.range, [sent]).find((a) => a.diagnostics?.some((x) => x.code === 'detail-mismatch'));
  assert.ok(action, 'a fix');
  assert.match(applyEdits(text, action.edits), /the request for 5 chiropractic visits for the left elbow/);
});

test('detail-mismatch: "an additional N sessions" and "the N sessions" of the original request are weighed too', () => {
  const more = chiroCase('A request for an additional 8 sessions exceeds what is recommended.');
  assert.equal(codes(more, 'detail-mismatch').length, 1);
  const definite = chiroCase('In addition, the 8 sessions are excessive without a re-evaluation.');
  assert.equal(codes(definite, 'detail-mismatch').length, 1);
});

test('detail-mismatch: counts that are not the disputed request are not compared with the item', () => {
  for (const rationale of [
    // The review's numbers, said as such.
    'The original request for 8 sessions was modified to 3 sessions. The remaining 5 sessions are not medically necessary.',
    'The Utilization Review authorized 3 sessions of the 8 requested.',
    // The item's number is in the sentence: the rationale knows which part is disputed.
    'Of the 8 sessions requested, 5 sessions remain in dispute and are not medically necessary.',
    // A guideline's allowance, a course done before.
    'Guidelines allow a trial of 6 visits over 2 weeks.',
    'She has had 6 prior sessions of chiropractic care.',
    'Up to 6-8 visits may be needed for a trial.',
  ]) {
    const text = chiroCase(rationale);
    assert.deepEqual(
      codes(text, 'detail-mismatch').map((d) => d.message),
      [],
      rationale,
    );
  }
  // An item that names no number gives nothing to compare with.
  const uncounted = chiroCase('Therefore, the request for 8 chiropractic visits is not medically necessary.', 'Chiropractic treatment for the left elbow');
  assert.deepEqual(
    codes(uncounted, 'detail-mismatch').map((d) => d.message),
    [],
  );
});

/** The clean case's summary without its examination: it records no strength, sensation or special test. */
const EXAM =
  ' On examination there was\n  decreased sensation in the left L5 dermatome and 4/5 strength of the left\n  extensor hallucis longus [#neuro-deficit].';
function withoutExam(rationale: string): string {
  assert.ok(CLEAN_CASE.includes(EXAM));
  return CLEAN_CASE.replace(EXAM, '')
    .replace(/ +LMRI-0[15]: met \[#neuro-deficit\]\n/g, '')
    .replace(' [#neuro-deficit]', '')
    .replace('He would consider surgery.', `${rationale} He would consider surgery.`);
}

test('unsupported-record-claim: examination signs with a verdict that the summary never records', () => {
  const text = withoutExam('Muscle strength and sensation are unremarkable.');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'Muscle strength');
  assert.match(d[0].message, /relies on "Muscle strength", which the clinical case summary never mentions/);
  // A record of the chart that speaks of the patient carries its findings.
  const chart = withoutExam("Physical examination findings included a negative Spurling's test.");
  assert.equal(codes(chart, 'unsupported-record-claim').length, 1);
});

test('unsupported-record-claim: signs the summary records (with another verdict too), a definition, the examination as a whole', () => {
  // The summary records strength and sensation: a normal verdict over its abnormal one is a contradiction, not a claim it never makes.
  const recorded = CLEAN_CASE.replace('He would consider surgery.', 'Muscle strength and sensation are unremarkable. He would consider surgery.');
  assert.deepEqual(
    codes(recorded, 'unsupported-record-claim').map((d) => d.message),
    [],
  );
  // "strength was 5 out of 5" records the full strength the examination is said to document.
  const graded = withoutExam('The examination documents full strength of the legs.').replace(
    'Treatment to date',
    'On examination strength was 5 out of 5 in all muscle groups of the legs. Treatment to date',
  );
  assert.deepEqual(
    codes(graded, 'unsupported-record-claim').map((d) => d.message),
    [],
  );
  const ungraded = withoutExam('The examination documents full strength of the legs.');
  assert.equal(codes(ungraded, 'unsupported-record-claim').length, 1);
  for (const rationale of [
    // A guideline's definition names a range of motion in general.
    'Manipulation is manual therapy that moves a joint beyond the physiologic range of motion.',
    // The examination as a whole: the summary answers it with the findings it is made of.
    'The neurological exam is unremarkable.',
  ]) {
    const text = withoutExam(rationale);
    assert.deepEqual(
      codes(text, 'unsupported-record-claim').map((d) => d.message),
      [],
      rationale,
    );
  }
});

/** The clean case, whose summary records physical therapy "without lasting relief" and NSAIDs, with a rationale sentence added. */
const withRationale = (sentence: string, summary = CLEAN_CASE) => summary.replace('He would consider surgery.', `${sentence} He would consider surgery.`);
/** The clean case's summary without the response to its treatments. */
const noResponse = CLEAN_CASE.replace(' without lasting relief', '');

test('unsupported-record-claim: a response to a treatment that the summary never records', () => {
  for (const [sentence, at] of [
    ['The injured worker is responding to physical therapy.', 'responding to'],
    ['The patient had decreased pain with NSAIDs.', 'decreased pain'],
    ['He was previously treated with physical therapy but without improvement.', 'without improvement'],
    ['The patient has completed a trial of physical therapy with no improvement.', 'with no improvement'],
  ]) {
    const text = withRationale(sentence, noResponse);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}: ${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), at, sentence);
    assert.match(d[0].message, /the clinical case summary records no response to/);
  }
});

test('unsupported-record-claim: responses the summary records, denials, guideline definitions and failure words are no such claim', () => {
  for (const [sentence, summary] of [
    // The summary records the response ("without lasting relief") to the same treatment.
    ['The injured worker is responding to physical therapy.', CLEAN_CASE],
    // A denial of the record, not a response claimed.
    ['There is no documentation of functional improvement with physical therapy.', noResponse],
    // A guideline's definition of a treatment's goal.
    ['The intended goal of manual therapy is measurable gains in function for the patient.', noResponse],
    // "Failed conservative care" is said in a summary's own words ("persistent pain despite").
    ['The patient has failed physical therapy.', noResponse],
    // A condition.
    ['If the patient has functional improvement with physical therapy, more visits may be considered.', noResponse],
  ]) {
    const text = withRationale(sentence, summary);
    assert.deepEqual(
      codes(text, 'unsupported-record-claim').map((d) => d.message),
      [],
      sentence,
    );
  }
  // A response the summary gives in the sentence after the treatment's.
  const next = noResponse.replace(' [#pt-failed]. On examination', ' [#pt-failed]. His pain improved somewhat. On examination');
  assert.deepEqual(
    codes(withRationale('The injured worker is responding to physical therapy.', next), 'unsupported-record-claim').map((d) => d.message),
    [],
  );
});

test('unsupported-record-claim: a record or an event dated with a date the letter gives nowhere else', () => {
  for (const [sentence, at] of [
    ['According to the 9/12/2016 progress report, his pain was worse.', '9/12/2016'],
    ['The patient has utilized NSAIDs since 10/18/2016.', '10/18/2016'],
    ['On 12/01/16 the cast was removed.', '12/01/16'],
  ]) {
    const text = withRationale(sentence);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}: ${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), at, sentence);
    assert.match(d[0].message, /a date the clinical case summary and the case header never give/);
  }
});

test('unsupported-record-claim: dates the letter gives, the review, the injury and a guideline edition are no undated record', () => {
  const dated = CLEAN_CASE.replace('On examination there was', 'On examination dated September\n  12, 2016 there was');
  for (const [sentence, summary] of [
    // The summary gives the date (in another form, over a line break).
    ['According to the 9/12/16 progress report, his pain was worse.', dated],
    // Header dates: the injury, the review (detail-mismatch compares those).
    ['The patient was injured on 1/30/2015 while lifting.', CLEAN_CASE],
    ['The UR dated 10/1/2016 denied the request.', CLEAN_CASE],
    // A guideline's edition.
    ['The ODG Low Back chapter, updated 12/02/2016, was applied to the request.', CLEAN_CASE],
  ]) {
    const text = withRationale(sentence, summary);
    assert.deepEqual(
      codes(text, 'unsupported-record-claim').map((d) => d.message),
      [],
      sentence,
    );
  }
});

test('detail-mismatch: the rationale rules on one part of an item that holds two courses and never weighs the other', () => {
  const service = 'two chiropractic sessions for the left elbow and eight chiropractic sessions for the left wrist';
  const text = chiroCase('Functional improvement should be documented first. Therefore, the additional two sessions are not necessary.', service);
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'two sessions');
  assert.match(d[0].message, /also holds 8 visits, which the rationale never weighs/);
  // A rationale that weighs both parts gives each its reason.
  const both = chiroCase('The additional two sessions for the elbow are not necessary, and eight sessions for the wrist exceed the guidelines.', service);
  assert.deepEqual(
    codes(both, 'detail-mismatch').map((x) => x.message),
    [],
  );
});

test('a sign on the side the summary never names is a side slip (detail-mismatch), not a record the summary lacks', () => {
  const text = chiroCase('The examination found decreased range of motion of the right elbow. Chiropractic care is not recommended for the elbow.');
  const details = codes(text, 'detail-mismatch').filter((d) => d.data && (d.data as { detail?: string }).detail === 'side');
  assert.equal(details.length, 1, details.map((x) => x.message).join('\n'));
  assert.match(details[0].message, /on the right, but the clinical case summary names the elbow only on the left/);
  assert.deepEqual(
    codes(text, 'unsupported-record-claim').map((d) => d.message),
    [],
  );
  // On the summary's side, the same sign is a record the summary never gives.
  const same = chiroCase('The examination found decreased range of motion of the left elbow. Chiropractic care is not recommended for the elbow.');
  assert.equal(codes(same, 'unsupported-record-claim').length, 1);
  assert.equal(codes(same, 'detail-mismatch').filter((d) => (d.data as { detail?: string }).detail === 'side').length, 0);
});

/** The clean case (a lumbar MRI) with a second item, physical therapy for the neck, and its rationale. */
function neckItem(rationale: string, summaryAddition = ''): string {
  return CLEAN_CASE.replace('The Utilization Review dated', `${summaryAddition}The Utilization Review dated`).replace(
    /\n$/,
    `
item Physical therapy, 6 sessions, cervical spine
  decision: upheld
  guideline: MTUS Chronic Pain Medical Treatment Guidelines 2009, Physical medicine
  rationale
    ${rationale}
`,
  );
}

test("detail-mismatch: a rationale that weighs only the complaints of another item's body part", () => {
  const text = neckItem(
    'The guidelines recommend up to 10 sessions of physical therapy for myalgia. The clinical information indicated the patient complained of continued pain of the lumbar spine. The request is not medically necessary.',
  );
  const d = codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'site');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'complained of continued pain of the lumbar spine');
  assert.match(d[0].message, /rationale for "Physical therapy, 6 sessions, cervical spine" weighs .*a body part of another item \("MRI of the lumbar spine"\)/);
  assert.ok(d[0].relatedInformation!.some((r) => /^item MRI of the lumbar spine/.test(text.split('\n')[r.range.start.line].trim())));
});

test("detail-mismatch: complaints of the item's body part, of no body part, or of a part no other item is for are weighed as written", () => {
  for (const [rationale, note] of [
    [
      'The patient complained of continued pain of the lumbar spine. She also reported neck pain with spasm. The request is not medically necessary.',
      'the neck is weighed too',
    ],
    ['The patient complained of continued pain. The request is not medically necessary.', 'no body part named'],
    ['The patient complained of continued pain of the left knee. The request is not medically necessary.', 'no item for the knee'],
  ]) {
    const text = neckItem(rationale);
    assert.deepEqual(
      codes(text, 'detail-mismatch')
        .filter((x) => (x.data as { detail?: string }).detail === 'site')
        .map((x) => x.message),
      [],
      note,
    );
  }
});

test('unsupported-record-claim: terse notes name the patient without an article ("Patient is also on ...")', () => {
  const text = withRationale('Patient is also on tramadol with no benefit.');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'tramadol');
  // A drug the summary records (NSAIDs) is supported, however the patient is named.
  assert.deepEqual(
    codes(withRationale('Patient is also on NSAIDs.'), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
  // "patient" in a guideline's words names no one.
  assert.deepEqual(
    codes(withRationale('Opioids are recommended when the patient has failed first-line medications such as tramadol.'), 'unsupported-record-claim').map(
      (x) => x.message,
    ),
    [],
  );
});

test('unsupported-record-claim: an approval of a treatment that the summary never records', () => {
  const text = withRationale('The patient was previously approved for 8 sessions of physical therapy.');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'approved');
  assert.match(d[0].message, /says "approved for 8 sessions of physical therapy", but the clinical case summary records no approval of "physical therapy"/);
  assert.ok(d[0].relatedInformation!.some((r) => /physical therapy/.test(textAt(text, r.range))));
  // A study approved by the review, in the words letters use.
  assert.equal(codes(withRationale('There is a noted approved X-ray of the lumbar spine by Utilization Review.'), 'unsupported-record-claim').length, 1);
});

test("unsupported-record-claim: approvals the summary or an item records, denials, hedges and a drug's FDA approval are no such claim", () => {
  const certified = CLEAN_CASE.replace(
    'The Utilization Review dated\n  10/2/2016 denied the request.',
    'The Utilization Review dated\n  10/2/2016 denied the request. An earlier review certified 8 sessions of physical therapy.',
  );
  for (const [sentence, summary] of [
    ['The patient was previously approved for 8 sessions of physical therapy.', certified],
    ['The request for 8 sessions of physical therapy was non-certified by the utilization review.', CLEAN_CASE],
    ['Physical therapy was not approved by the utilization review.', CLEAN_CASE],
    ['The patient would be approved for more physical therapy if functional improvement were shown.', CLEAN_CASE],
    ['The NSAIDs the patient takes are FDA approved for musculoskeletal pain.', CLEAN_CASE],
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence, summary), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
  // An item's authorized part records the approval.
  const authorized = withRationale('The patient was previously approved for 6 sessions of physical therapy.').replace(
    '  decision: overturned',
    '  authorized: Six sessions of physical therapy\n  decision: overturned',
  );
  assert.deepEqual(
    codes(authorized, 'unsupported-record-claim').map((x) => x.message),
    [],
  );
});

test('unsupported-record-claim: a study read by its result, also a negative one, that the summary records only as requested', () => {
  const summary = CLEAN_CASE.replace(
    'The Utilization Review dated',
    'Diagnostics to date have included radiographic imaging. The physician requested a CT of the lumbar spine. The Utilization Review dated',
  );
  const text = withRationale('CT does not show nerve compression.', summary);
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'CT');
  assert.match(d[0].message, /relies on "CT" as done, but the clinical case summary records only a request or plan for it/);
  // Not a kind mismatch with the x-ray the summary records as done: the summary names the CT, as requested.
  assert.equal(codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'kind').length, 0);
  // A CT the summary records as done supports it.
  const done = CLEAN_CASE.replace('The Utilization Review dated', 'A CT of the lumbar spine showed disc protrusion at L4-5. The Utilization Review dated');
  assert.deepEqual(
    codes(withRationale('CT does not show nerve compression.', done), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
  // "Diagnostics" in general supports a particular study only where its sentence does not say which one was done.
  const general = CLEAN_CASE.replace(
    'The Utilization Review dated',
    'Diagnostics to date have included imaging. The physician requested a CT of the lumbar spine. The Utilization Review dated',
  );
  assert.deepEqual(
    codes(withRationale('CT does not show nerve compression.', general), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
});

test('unsupported-record-claim: an abnormal sign found at a place ("There is tenderness ...") that the summary never records', () => {
  const text = withRationale('There is tenderness over the lumbar paraspinal muscles.');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'tenderness');
  // Recorded in the summary at that place: supported.
  const tender = CLEAN_CASE.replace('The Utilization Review dated', 'There was tenderness of the lumbar spine. The Utilization Review dated');
  assert.deepEqual(
    codes(withRationale('There is tenderness over the lumbar paraspinal muscles.', tender), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
  // A guideline's criterion listed on its own names no place: no examination of this worker.
  assert.deepEqual(
    codes(withRationale('Physiologic evidence of tissue insult or neurologic dysfunction.'), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
});

test('detail-mismatch: an effusion called edema; unsupported-record-claim: swelling answered by the effusion', () => {
  const knee = CLEAN_CASE.replace('The Utilization Review dated', 'The right knee had a 2+ effusion. The Utilization Review dated');
  const text = withRationale('There was 2+ edema of the right knee.', knee);
  const d = codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'kind');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'edema');
  assert.match(d[0].message, /says "edema", but the clinical case summary records "effusion" instead\. Name the finding the summary records/);
  // An effusion is a swelling of the joint: it supports "swollen".
  assert.deepEqual(
    codes(withRationale('The right knee was swollen.', knee), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
  // Without the effusion, swelling is a sign the summary never records.
  assert.equal(codes(withRationale('The right knee was swollen.'), 'unsupported-record-claim').length, 1);
});

test('detail-mismatch: a reflex grade on the side the summary grades otherwise (sides swapped)', () => {
  const summary = CLEAN_CASE.replace(
    'The Utilization Review dated',
    'Left ankle deep tendon reflex was 2+, right ankle deep tendon reflex 1+. The Utilization Review dated',
  );
  const text = withRationale('Ankle reflexes were +2 on the right and +1 on the left.', summary);
  const d = codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'reflex');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), '+2 on the right');
  assert.match(d[0].message, /grades it 1\+ \("right ankle deep tendon reflex 1\+"\), and gives 2\+ to the left side: the sides may be swapped/);
  for (const rationale of [
    // The summary's grades, in another form.
    'Ankle reflexes were 1+ on the right and 2+ on the left.',
    // Another reflex, or a grade with no side.
    'Patellar reflexes were +2 on the right.',
    'Ankle reflexes were 2+ and symmetric.',
  ]) {
    assert.deepEqual(
      codes(withRationale(rationale, summary), 'detail-mismatch')
        .filter((x) => (x.data as { detail?: string }).detail === 'reflex')
        .map((x) => x.message),
      [],
      rationale,
    );
  }
});

test('detail-mismatch: a diagnosis on one side that the summary records on both', () => {
  const summary = CLEAN_CASE.replace('The Utilization Review dated', 'She was diagnosed with left and right sided sciatica. The Utilization Review dated');
  const text = withRationale('The worker has low back pain and right sided sciatica.', summary);
  const d = codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'side');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'sciatica');
  assert.match(d[0].message, /"sciatica" on the right, but the clinical case summary records it on both sides/);
  for (const rationale of ['The worker has bilateral sciatica.', 'The worker has right sided sciatica, worse than the left.']) {
    assert.deepEqual(
      codes(withRationale(rationale, summary), 'detail-mismatch')
        .filter((x) => (x.data as { detail?: string }).detail === 'side')
        .map((x) => x.message),
      [],
      rationale,
    );
  }
  // The summary also gives the right side alone.
  const right = summary.replace('The Utilization Review dated', 'The right sided sciatica was worse. The Utilization Review dated');
  assert.deepEqual(
    codes(withRationale('The worker has low back pain and right sided sciatica.', right), 'detail-mismatch')
      .filter((x) => (x.data as { detail?: string }).detail === 'side')
      .map((x) => x.message),
    [],
  );
});

test('unsupported-record-claim: a plan or request the records hold that the summary never mentions', () => {
  const text = withRationale('The treatment plan contains a request for Norco 5/325 mg.');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'Norco');
  assert.match(d[0].message, /the records plan or request "Norco", which the clinical case summary never mentions/);
  for (const [sentence, summary] of [
    // Requested in the summary too.
    [
      'The treatment plan contains a request for Norco 5/325 mg.',
      CLEAN_CASE.replace('The Utilization Review dated', 'The physician requested Norco. The Utilization Review dated'),
    ],
    // The disputed item itself.
    ['The treatment plan contains a request for an MRI of the lumbar spine.', CLEAN_CASE],
    // A guideline's words, no record of this case.
    ['Guidelines recommend a request for Norco only after failure of first-line drugs.', CLEAN_CASE],
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence, summary), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('unsupported-record-claim: a plan written after what it plans ("is being considered") that the summary never mentions', () => {
  for (const [sentence, at] of [
    ['An epidural steroid injection is being considered for the radiating leg pain.', 'epidural steroid injection'],
    ['Acupuncture is contemplated once the imaging has been reviewed.', 'Acupuncture'],
  ]) {
    const text = withRationale(sentence);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), at);
    assert.match(d[0].message, /the records plan or request/);
  }
  for (const [sentence, summary] of [
    // The summary records the plan.
    [
      'A lumbar epidural steroid injection is being considered for the radiating leg pain.',
      CLEAN_CASE.replace('The Utilization Review dated', 'An epidural steroid injection was discussed as the next step. The Utilization Review dated'),
    ],
    // The summary's own plan, in other words ("would consider surgery").
    ['Surgery is being considered if the imaging shows a surgical lesion.', CLEAN_CASE],
    // A condition, not a plan of this case.
    ['If an epidural steroid injection is being considered, imaging of the spine is reasonable.', CLEAN_CASE],
    // A doubt before it.
    ['It is unclear whether an epidural steroid injection is being considered.', CLEAN_CASE],
    // The disputed item itself.
    ['An MRI of the lumbar spine is being considered to plan further care.', CLEAN_CASE],
    // A guideline's words.
    ['Per the guidelines, imaging is appropriate when an epidural steroid injection is being considered.', CLEAN_CASE],
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence, summary), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

/** The clean case ruling on a drug instead of the MRI, with a summary that lists "medications" without naming any. */
const drugItem = (item: string, sentence: string) =>
  withRationale(
    sentence,
    CLEAN_CASE.replace('item MRI of the lumbar spine', `item ${item}`).replace(
      '12 sessions of physical therapy\n  and NSAIDs',
      'physical therapy\n  and medications',
    ),
  );

test('unsupported-record-claim: a drug that only shares a class with the disputed drug is no name of the service', () => {
  // NSAIDs and oxycodone/acetaminophen are both analgesics: the NSAIDs are another drug the summary never names.
  for (const [item, sentence] of [
    ['Percocet 5/325 mg #60', 'The patient has failed physical therapy and NSAIDs.'],
    ['Norco 10/325 mg #60', 'The patient tolerates NSAIDs well.'],
  ]) {
    const text = drugItem(item, sentence);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), 'NSAIDs');
  }
  for (const [item, sentence] of [
    // Another brand of the disputed drug names the service, spoken of as requested.
    ['Norco 10/325 mg #60', 'The patient tolerates Vicodin well.'],
    // The broader word for the disputed drug, not said to be done.
    ['Norco 10/325 mg #60', 'The patient tolerates opioids well.'],
    // A requirement written in the subjunctive is a guideline's words.
    ['Norco 10/325 mg #60', 'A consultation with pain management as well as a urine drug screen be performed prior to an opioid trial.'],
  ]) {
    assert.deepEqual(
      codes(drugItem(item, sentence), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('unsupported-record-claim: a review of systems or a peer-to-peer discussion the summary never mentions', () => {
  for (const [sentence, at] of [
    ['The review of systems was positive for poor sleep.', 'review of systems'],
    ['A peer-to-peer conversation took place between the reviewer and the treating physician.', 'peer-to-peer conversation'],
  ]) {
    const text = withRationale(sentence);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), at);
    assert.match(d[0].message, /relies on a (review of systems|peer-to-peer discussion) \(/);
  }
  for (const [sentence, summary] of [
    // The summary mentions it.
    [
      'The review of systems was positive for poor sleep.',
      CLEAN_CASE.replace('The Utilization Review dated', 'His review of systems noted poor sleep. The Utilization Review dated'),
    ],
    [
      'A peer-to-peer conversation took place between the reviewer and the treating physician.',
      CLEAN_CASE.replace('The Utilization Review dated', 'A peer to peer call was held with the treating physician. The Utilization Review dated'),
    ],
    // A guideline's words, a doubt.
    ['A peer to peer discussion is recommended before a request is modified.', CLEAN_CASE],
    ['It is unclear whether a peer-to-peer call was attempted.', CLEAN_CASE],
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence, summary), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('detail-mismatch: a normal sign named for another sign the summary gives the same verdict at the same place', () => {
  const arms = CLEAN_CASE.replace('The Utilization Review dated', 'Sensation was intact in both upper extremities. The Utilization Review dated');
  const text = withRationale('His reflexes are intact in the upper extremities.', arms);
  const d = codes(text, 'detail-mismatch');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'reflexes are intact');
  assert.match(d[0].message, /records "Sensation was intact" instead/);
  assert.deepEqual(codes(text, 'unsupported-record-claim'), []);
  // Another verdict, or a grade of its own: a sign the summary never records, not a misnamed one.
  for (const sentence of ['His reflexes are diminished in the upper extremities.', 'His strength is 5/5 in the upper extremities.']) {
    const other = withRationale(sentence, arms);
    assert.deepEqual(
      codes(other, 'detail-mismatch').map((x) => x.message),
      [],
      sentence,
    );
    assert.equal(codes(other, 'unsupported-record-claim').length, 1, sentence);
  }
  // No sibling sign in the summary: the claim is unsupported.
  assert.equal(codes(withRationale('His reflexes are intact in the upper extremities.'), 'unsupported-record-claim').length, 1);
});

test('unsupported-record-claim: a complaint that persists after a list of treatments is no response to them', () => {
  const sentence = 'The patient has completed a trial of physical therapy with no improvement.';
  // Right after the sentence that lists the treatments.
  const after = noResponse.replace('[#pt-failed].', '[#pt-failed]. He has persistent low back pain.');
  const text = withRationale(sentence, after);
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /records no response to "physical therapy"/);
  // Beside its treatment the persistence is the response.
  const despite = noResponse.replace('[#pt-failed].', '[#pt-failed]. He has persistent low back pain despite physical therapy.');
  assert.deepEqual(
    codes(withRationale(sentence, despite), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
});

test('a number right before a treatment counts its visits ("6 prior physical therapy completed")', () => {
  // The summary counts 12 sessions: another number is a detail-mismatch.
  const text = withRationale('Progress notes have noted 6 prior physical therapy completed thus far.');
  const d = codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'count');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), '6');
  // A summary that gives no count: the count is a record it does not show.
  const uncounted = CLEAN_CASE.replace('12 sessions of physical therapy', 'physical therapy');
  const u = codes(withRationale('Progress notes have noted 6 prior physical therapy completed thus far.', uncounted), 'unsupported-record-claim');
  assert.equal(u.length, 1, u.map((x) => x.message).join('\n'));
  assert.match(u[0].message, /counts "6" of "physical therapy", but the clinical case summary records it without a number of visits done/);
  // The summary's own number.
  assert.deepEqual(
    codes(withRationale('Progress notes have noted 12 prior physical therapy completed thus far.'), 'detail-mismatch')
      .filter((x) => (x.data as { detail?: string }).detail === 'count')
      .map((x) => x.message),
    [],
  );
});

test('unsupported-record-claim: a complaint the worker denied that the summary never mentions', () => {
  const text = withRationale('He denied bowel or bladder incontinence.');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /says "denied bowel or bladder incontinence", but the clinical case summary never mentions/);
  for (const [sentence, summary] of [
    // The summary names the complaint, denied or not.
    [
      'He denied bowel or bladder incontinence.',
      CLEAN_CASE.replace('The Utilization Review dated', 'There was no bowel or bladder incontinence. The Utilization Review dated'),
    ],
    // A guideline's words.
    ['Imaging is recommended when the patient has not denied incontinence.', CLEAN_CASE],
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence, summary), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('unsupported-record-claim: a denial that takes a treatment as done ("the response to the prior usage of Norco")', () => {
  const text = withRationale("There was a lack of documentation regarding the patient's objective response to the prior usage of Norco.");
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'Norco');
  // The summary records the Norco: the denial weighs it (contradicts-record's to judge), no claim the summary lacks.
  const norco = CLEAN_CASE.replace('and NSAIDs', 'Norco and NSAIDs');
  assert.deepEqual(
    codes(
      withRationale("There was a lack of documentation regarding the patient's objective response to the prior usage of Norco.", norco),
      'unsupported-record-claim',
    ).map((x) => x.message),
    [],
  );
  // A denial that does not take it as done.
  assert.deepEqual(
    codes(withRationale('There was no documentation that the patient has used Norco.'), 'unsupported-record-claim').map((x) => x.message),
    [],
  );
});

test('unsupported-record-claim: a study inside a note quoted from a chart record, whatever colons split the note', () => {
  const text = withRationale('The latest progress report reads, "diagnostics: radiographs: lumbar spine obtained."');
  const d = codes(text, 'unsupported-record-claim');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.equal(textAt(text, d[0].range), 'radiographs');
  // The summary records the x-ray: the note is supported.
  const xray = CLEAN_CASE.replace('The physician documented', 'Lumbar radiographs were obtained. The physician documented');
  assert.deepEqual(
    codes(withRationale('The latest progress report reads, "diagnostics: radiographs: lumbar spine obtained."', xray), 'unsupported-record-claim').map(
      (x) => x.message,
    ),
    [],
  );
  // A guideline quoted, not a chart record, and a quotation closed before the study: no record speaks.
  for (const sentence of [
    'The MTUS states, "imaging: radiographs: for red flags only."',
    'The note is titled "follow-up": radiographs are advised when red flags appear.',
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('unsupported-record-claim: a complaint at a body part the letter names nowhere but the rationale', () => {
  for (const [sentence, at] of [
    ['The progress report notes that the worker complains of right shoulder pain.', 'shoulder pain'],
    ['The worker also reported pain in the left wrist and difficulty sleeping.', 'pain'],
    ['He has numbness in the right hand.', 'numbness'],
  ]) {
    const text = withRationale(sentence);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), at);
    assert.match(d[0].message, /never mention the (?:shoulder|wrist|hand)/);
  }
  // The summary, the worker's diagnosis or the disputed service names the part: the complaint has a place in the letter.
  const shoulder = 'The progress report notes that the worker complains of right shoulder pain.';
  for (const summary of [
    CLEAN_CASE.replace('The physician documented', 'He also had a right shoulder strain. The physician documented'),
    CLEAN_CASE.replace('diagnosis: lumbar radiculopathy', 'diagnosis: lumbar radiculopathy; right shoulder impingement'),
  ]) {
    assert.deepEqual(
      codes(withRationale(shoulder, summary), 'unsupported-record-claim').map((x) => x.message),
      [],
    );
  }
  // A guideline's words, a hedge, a denial, a complaint felt at no body part.
  for (const sentence of [
    'Imaging is recommended for patients with shoulder pain after trauma.',
    'The worker may have shoulder pain as well.',
    'There is no documentation of shoulder pain.',
    'The worker has difficulty sleeping and anxiety.',
  ]) {
    assert.deepEqual(
      codes(withRationale(sentence), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('unsupported-record-claim: a study said to be repeated where the summary records it once', () => {
  const once = CLEAN_CASE.replace('The physician documented', 'A CT of the lumbar spine on 3/2/2015 showed spondylosis. The physician documented');
  const twice = CLEAN_CASE.replace(
    'The physician documented',
    'A CT of the lumbar spine on 3/2/2015 showed spondylosis, and a CT on 9/1/2016 showed no change. The physician documented',
  );
  for (const [sentence, at] of [
    ['A repeat CT of the lumbar spine was performed in 2016.', 'CT'],
    ['He underwent a second lumbar CT scan in June.', 'CT scan'],
  ]) {
    const text = withRationale(sentence, once);
    const d = codes(text, 'unsupported-record-claim');
    assert.equal(d.length, 1, `${sentence}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), at);
    assert.match(d[0].message, /records one "CT"/);
    assert.equal(textAt(text, d[0].relatedInformation![0].range), 'A CT of the lumbar spine on 3/2/2015 showed spondylosis.');
    // Two CTs of two dates in the summary: the repeat is recorded.
    assert.deepEqual(
      codes(withRationale(sentence, twice), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
  // A guideline on repeat studies, and the first study itself.
  for (const sentence of ['A repeat CT is not recommended without a change in findings.', 'The worker had a CT of the lumbar spine in 2015.']) {
    assert.deepEqual(
      codes(withRationale(sentence, once), 'unsupported-record-claim').map((x) => x.message),
      [],
      sentence,
    );
  }
});

test('unsupported-record-claim: a sign said normal where the summary records it abnormal is a contradiction only', () => {
  // The summary records decreased sensation and 4/5 strength: "the patient's sensation is intact", "the patient has
  // 5/5 strength" contradict it (contradicts-record), and the summary does mention the sign, so no claim it never makes.
  for (const rationale of ["The patient's sensation is intact in the lower extremities.", 'The patient has 5/5 strength.']) {
    const text = CLEAN_CASE.replace('He would consider surgery.', `${rationale} He would consider surgery.`);
    assert.deepEqual(
      codes(text, 'unsupported-record-claim').map((d) => d.message),
      [],
      rationale,
    );
    assert.equal(codes(text, 'contradicts-record').length, 1, rationale);
  }
  // Where the summary records no such sign at all, the claim is still unsupported.
  assert.equal(codes(withoutExam("The patient's sensation is intact in the lower extremities."), 'unsupported-record-claim').length, 1);
  // A complaint the worker reports is not answered by the examination: over 5/5 strength it is still a claim to support.
  const reported = withoutExam('The patient states she has decreased strength in her legs.').replace(
    'Treatment to date',
    'On examination strength was 5/5 in both lower extremities. Treatment to date',
  );
  assert.equal(codes(reported, 'unsupported-record-claim').length, 1);
});

test('detail-mismatch: a drug at a strength the summary and the items never give it', () => {
  const summary = CLEAN_CASE.replace(
    'The Utilization Review dated',
    'He takes Norco 5/325 mg twice daily. Current medications include gabapentin 300 mg three times daily and a fentanyl patch 25 mcg/hr. The Utilization Review dated',
  ).replace('item MRI of the lumbar spine', 'item Norco 5/325 mg #60');
  const doses = (text: string) => codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'dose');
  for (const [rationale, written, recorded] of [
    [
      'The patient takes Norco 10/325 mg.',
      '10/325 mg',
      /gives "Norco" as "10\/325 mg".*summary records "Norco 5\/325 mg" and the request is for "Norco 5\/325 mg"/,
    ],
    // Brand and generic alike, and the other drug's strength is the one compared.
    ['He takes hydrocodone/APAP 10/325 mg.', '10/325 mg', /summary records "Norco 5\/325 mg"/],
    ['Gabapentin 600 mg three times daily has not helped.', '600 mg', /gives "Gabapentin" as "600 mg".*summary records "gabapentin 300 mg"\./],
    ['He uses a fentanyl patch 50 mcg/hr.', '50 mcg/hr', /summary records "fentanyl patch 25 mcg\/hr"/],
  ] as const) {
    const text = withRationale(rationale, summary);
    const d = doses(text);
    assert.equal(d.length, 1, `${rationale}\n${d.map((x) => x.message).join('\n')}`);
    assert.equal(textAt(text, d[0].range), written);
    assert.match(d[0].message, recorded);
    assert.match(textAt(text, d[0].relatedInformation![0].range), /^He takes Norco|^Current medications/);
  }
  for (const rationale of [
    // The summary's strength, the requested one, or the same regimen as a daily total.
    'The patient takes Norco 5/325 mg.',
    'He takes gabapentin 300 mg three times daily.',
    'He takes gabapentin 900 mg per day.',
    'He takes gabapentin 150 mg, 2 capsules three times daily.',
    // A strength the summary gives another drug, or a drug the summary gives no strength.
    'He takes Norco and gabapentin 300 mg.',
    'He takes Norco and Xanax 1 mg.',
    // Guidelines, thresholds, plans and hypotheticals weigh a dose; they do not record the one taken.
    'Doses above 120 mg MED are not recommended.',
    'Gabapentin is recommended up to 3600 mg/day.',
    'The maximum dose of gabapentin is 3600 mg.',
    'A trial of gabapentin 100 mg could be considered.',
    'Norco should be weaned to Norco 2.5/325 mg.',
    'He previously took Norco 10/325 mg.',
  ]) {
    assert.deepEqual(
      doses(withRationale(rationale, summary)).map((x) => x.message),
      [],
      rationale,
    );
  }
  // A topical's percent is compared with the same form's: a 4% cream is another product than a 5% patch.
  const patch = summary.replace('He takes Norco 5/325 mg twice daily.', 'He takes Norco 5/325 mg twice daily and uses a lidocaine 5% patch.');
  assert.equal(doses(withRationale('He uses a lidocaine 4% patch.', patch)).length, 1);
  assert.deepEqual(doses(withRationale('He uses lidocaine 4% cream.', patch)), []);
  // A summary that gives both strengths is consistent with either; one that gives none has nothing to compare.
  const both = summary.replace('He takes Norco 5/325 mg twice daily.', 'He takes Norco 5/325 mg twice daily and Norco 10/325 mg at night.');
  assert.deepEqual(doses(withRationale('The patient takes Norco 10/325 mg.', both)), []);
  const none = summary.replace('He takes Norco 5/325 mg twice daily.', 'He takes Norco twice daily.').replace('item Norco 5/325 mg #60', 'item Norco #60');
  assert.deepEqual(doses(withRationale('The patient takes Norco 10/325 mg.', none)), []);
});

test('detail-mismatch: a percent of relief from a treatment that the summary gives it otherwise', () => {
  const summary = CLEAN_CASE.replace(
    'The Utilization Review dated',
    'He had an epidural steroid injection on 7/1/2016 with 20% relief. Acupuncture gave him 40-50% pain relief. The Utilization Review dated',
  );
  const relief = (text: string) => codes(text, 'detail-mismatch').filter((x) => (x.data as { detail?: string }).detail === 'relief');
  for (const [rationale, recorded] of [
    ['The patient reported 50% relief from the injection.', /relief from "injection" as "50%".*summary records "20%" from "epidural steroid injection"/],
    ['The prior ESI provided 60% pain relief.', /relief from "ESI" as "60%"/],
    ['He reported 70% improvement in pain after acupuncture.', /summary records "40-50%" from "Acupuncture"/],
  ] as const) {
    const text = withRationale(rationale, summary);
    const d = relief(text);
    assert.equal(d.length, 1, `${rationale}\n${d.map((x) => x.message).join('\n')}`);
    assert.match(textAt(text, d[0].range), /^\d+%$/);
    assert.match(d[0].message, recorded);
    assert.match(textAt(text, d[0].relatedInformation![0].range), /^He had an epidural|^Acupuncture gave/);
  }
  for (const rationale of [
    // The summary's percent, or one inside its range.
    'The patient reported 20% relief from the injection.',
    'Acupuncture provided 50% relief.',
    // A guideline's threshold, a denial, a measure of function, a treatment the summary gives no percent.
    'Guidelines require at least 50% relief for six to eight weeks after an epidural injection.',
    'There is no documentation of 50% relief from the injection.',
    'The ESI provided 50% functional improvement.',
    'Physical therapy provided 50% relief.',
    // Two treatments: which one the percent is said of is not told.
    'The injection and acupuncture provided 70% relief.',
  ]) {
    assert.deepEqual(
      relief(withRationale(rationale, summary)).map((x) => x.message),
      [],
      rationale,
    );
  }
  // "The injection" where the summary also records an injection of another kind with no percent: which one is meant is not said.
  const two = summary.replace('The Utilization Review dated', 'He also had a trigger point injection. The Utilization Review dated');
  assert.deepEqual(relief(withRationale('The injection provided 50% relief.', two)), []);
  // One injection named in two words ("transforaminal epidural" and "steroid injection") is one kind.
  const one = CLEAN_CASE.replace(
    'The Utilization Review dated',
    'He underwent a right L4-5 transforaminal epidural steroid injection on 3/2/2016 with 60% relief for 6 weeks. The Utilization Review dated',
  );
  assert.equal(relief(withRationale('The injection provided 50% relief.', one)).length, 1);
});

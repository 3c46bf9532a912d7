// The reader (reading/reader.ts): assertion by ConText cues and their scope,
// values of neutral findings, attributes, and the memo an analysis keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLexicon, fixtureReader } from '../helpers/readingFixture';
import { bundledLexicon, createReader, type SentenceReading } from '../../server/src/service/reading/index';

const reader = fixtureReader();
const read = (s: string) => reader.read(s);
/** concept id -> assertion of its first mention. */
function assertionOf(r: SentenceReading, id: string): string | undefined {
  return r.mentions.find((m) => m.concept.id === id)?.assertion;
}
const of = (s: string, id: string) => assertionOf(read(s), id);

test('a plain statement is affirmed', () => {
  assert.equal(of('The injured worker has radicular pain in the left leg.', 'radiculopathy'), 'affirmed');
  assert.equal(of('An MRI of the lumbar spine was performed on 10/01/2016.', 'lumbar-mri'), 'affirmed');
});

test('denials read as negated, in the forms reviewers write them', () => {
  assert.equal(of('There is no evidence of specific nerve compromise.', 'nerve-compromise'), 'negated');
  assert.equal(of('There is lack of documentation of objective functional deficits.', 'functional-deficit'), 'negated');
  assert.equal(of('There is no noted new neurologic dysfunction.', 'neurologic-dysfunction'), 'negated');
  assert.equal(of('He denies weakness, numbness or tingling.', 'paresthesia'), 'negated');
  assert.equal(of('Radiculopathy was ruled out.', 'radiculopathy'), 'negated');
  assert.equal(of('The patient does not have diabetes.', 'diabetes'), 'negated');
  assert.equal(of('Radicular pain is absent.', 'radiculopathy'), 'negated');
});

test('a judgment word stays on the denial as a flag; it does not cancel it', () => {
  const r = read('There are no significant neurologic deficits on exam.');
  const m = r.mentions.find((x) => x.concept.id === 'neurologic-dysfunction');
  assert.equal(m?.assertion, 'negated');
  assert.equal(m?.cues[0].judgment?.text, 'significant');
  const plain = read('There are no neurologic deficits on exam.').mentions[0];
  assert.equal(plain.cues[0].judgment, undefined);
});

test('a negation ends at a terminator: "no weakness, but tingling"', () => {
  const r = read('There is no weakness but there is tingling in the hand.');
  assert.equal(assertionOf(r, 'motor-weakness'), 'negated');
  assert.equal(assertionOf(r, 'paresthesia'), 'affirmed');
});

test('a negation reaches only its window of words', () => {
  assert.equal(of('No history was given by the patient at the visit today about any radiculopathy.', 'radiculopathy'), 'affirmed');
});

test('pseudo-cues are no cues: "no change", "not only"', () => {
  assert.equal(of('There has been no change in the radicular pain.', 'radiculopathy'), 'affirmed');
  assert.equal(of('He has not only radiculopathy but also tingling.', 'radiculopathy'), 'affirmed');
});

test('uncertain: possible, suspected, rule out', () => {
  assert.equal(of('Possible lumbar radiculopathy.', 'radiculopathy'), 'uncertain');
  assert.equal(of('EMG to rule out radiculopathy was requested.', 'radiculopathy'), 'hypothetical');
  assert.equal(of('Radiculopathy is suspected.', 'radiculopathy'), 'uncertain');
});

test('hypothetical: if, when, should, unless', () => {
  assert.equal(of('If there is weakness, an MRI may be considered.', 'motor-weakness'), 'hypothetical');
  assert.equal(of('An EMG is appropriate when radiculopathy is unclear.', 'radiculopathy'), 'hypothetical');
});

test('historical: history of, prior, status post', () => {
  assert.equal(of('He has a history of diabetes.', 'diabetes'), 'historical');
  assert.equal(of('A prior MRI showed a disc protrusion.', 'mri'), 'historical');
});

test('requested or planned is not done: a request, an RFA, a UR decision, a plan, a recommendation', () => {
  assert.equal(of('The request for an MRI of the lumbar spine was non-certified.', 'lumbar-mri'), 'requested');
  assert.equal(of('An RFA for 12 sessions of physical therapy was submitted.', 'physical-therapy'), 'requested');
  assert.equal(of('Physical therapy was requested on 11/01/2016.', 'physical-therapy'), 'requested');
  assert.equal(of('The treatment plan included acupuncture.', 'acupuncture'), 'requested');
  assert.equal(of('The physician recommended an EMG of the lower extremities.', 'emg'), 'requested');
  assert.equal(of('Additional physical therapy is requested.', 'physical-therapy'), 'requested');
  // A request governs what is asked for, not the complaint it is asked for.
  assert.equal(of('The request for an MRI was made because of radicular pain.', 'radiculopathy'), 'affirmed');
});

test('other person: family history, a relative', () => {
  assert.equal(of('Family history of diabetes.', 'diabetes'), 'other-person');
  assert.equal(of('His mother has diabetes.', 'diabetes'), 'other-person');
});

test('generic: what a guideline says; the patient in the same sentence stays the patient', () => {
  const r = read('Guidelines recommend MRI when there is weakness, and this patient has 4/5 strength.');
  assert.equal(assertionOf(r, 'mri'), 'generic');
  assert.equal(assertionOf(r, 'motor-weakness'), 'generic');
  assert.equal(assertionOf(r, 'motor-strength'), 'affirmed');
  assert.equal(r.mentions.find((m) => m.concept.id === 'motor-strength')?.value, 'abnormal');
  assert.equal(r.generic, false, 'a mixed sentence is not generic as a whole');
  const g = read('The MTUS recommends an EMG for patients with radicular pain.');
  assert.equal(g.generic, true);
  assert.equal(assertionOf(g, 'radiculopathy'), 'generic');
});

test('a neutral finding takes its value from a qualifier or a grade', () => {
  const v = (s: string, id: string) => read(s).mentions.find((m) => m.concept.id === id)?.value;
  assert.equal(v('Decreased sensation in the L5 dermatome.', 'sensation'), 'abnormal');
  assert.equal(v('Reflexes are intact and symmetric.', 'reflexes'), 'normal');
  assert.equal(v('Motor strength 5/5 in all groups.', 'motor-strength'), 'normal');
  assert.equal(v('Strength was 4+ over 5 in the quadriceps.', 'motor-strength'), 'abnormal');
  assert.equal(v('He has 5 of 5 muscle strength.', 'motor-strength'), 'normal');
  assert.equal(v('Strength is five out of five.', 'motor-strength'), 'normal');
  assert.equal(v('Sensation was tested.', 'sensation'), 'neutral');
  // The concept's own polarity holds for a non-neutral concept.
  assert.equal(v('Weakness of the left leg.', 'motor-weakness'), 'abnormal');
  // "reflexes absent": the qualifier decides the value; it is not a denial of the reflexes.
  const r = read('Achilles reflexes were absent.').mentions[0];
  assert.deepEqual([r.value, r.assertion], ['abnormal', 'affirmed']);
});

test('a misspelling is a mention of its concept; an exclusion is not', () => {
  assert.equal(of('She reports parasthesias of both hands.', 'paresthesia'), 'affirmed');
  assert.equal(of('Rotator cuff weakness was noted.', 'motor-weakness'), undefined);
});

test('a mention counts for every broader concept', () => {
  const m = read('He takes Norco 10/325 mg three times a day.').mentions[0];
  assert.deepEqual(m.concepts, ['norco', 'hydrocodone-apap', 'opioid']);
  assert.deepEqual(
    m.attributes.doses.map((d) => [d.amount, d.unit, d.perDay]),
    [[[10, 325], 'mg', 3]],
  );
});

test('sites and sides: the clause first, then the concept, then the sentence', () => {
  const m = read('An MRI of the right knee was done.').mentions[0];
  assert.deepEqual([m.attributes.sites, m.attributes.side], [['knee'], 'right']);
  assert.deepEqual(read('The lumbar MRI was reviewed.').mentions[0].attributes.sites, ['lumbar']);
  const two = read('Left hip pain; right knee MRI.');
  assert.deepEqual(
    two.mentions.map((x) => [x.concept.id, x.attributes.sites.join(), x.attributes.side]),
    [
      ['pain', 'hip', 'left'],
      ['mri', 'knee', 'right'],
    ],
  );
});

test('counts with their units, attached to what they count', () => {
  const r = read('He completed 6 sessions of physical therapy and twelve visits of acupuncture.');
  assert.deepEqual(
    r.attributes.counts.map((c) => [c.value, c.unit]),
    [
      [6, 'session'],
      [12, 'visit'],
    ],
  );
  assert.deepEqual(
    r.mentions.map((m) => [m.concept.id, m.attributes.counts.map((c) => c.value)]),
    [
      ['physical-therapy', [6]],
      ['acupuncture', [12]],
    ],
  );
  assert.deepEqual(
    read('Tramadol #60 tablets were dispensed.').attributes.counts.map((c) => [c.value, c.unit]),
    [[60, 'tablet']],
  );
  assert.deepEqual(
    read('Physical therapy sessions x 8 were requested.').attributes.counts.map((c) => [c.value, c.unit]),
    [[8, 'session']],
  );
  assert.deepEqual(
    read('He had 6 prior PT sessions over 3 weeks.').attributes.counts.map((c) => [c.value, c.unit]),
    [
      [6, 'session'],
      [3, 'week'],
    ],
  );
  // A grade, a date or a score is no count.
  assert.deepEqual(read('Strength 4/5 on 11/15/2016 with pain 7/10.').attributes.counts, []);
});

test('doses and frequencies: tid, q6h, prn', () => {
  const doses = (s: string) => read(s).attributes.doses.map((d) => ({ amount: d.amount, unit: d.unit, perDay: d.perDay, asNeeded: d.asNeeded }));
  assert.deepEqual(doses('Tramadol 50mg q6h prn.'), [{ amount: [50], unit: 'mg', perDay: 4, asNeeded: undefined }]);
  assert.deepEqual(doses('Norco 7.5/325 mg tid, tramadol 50 mg as needed.'), [
    { amount: [7.5, 325], unit: 'mg', perDay: 3, asNeeded: undefined },
    { amount: [50], unit: 'mg', perDay: undefined, asNeeded: true },
  ]);
  assert.deepEqual(doses('Trezix 320.5 mg.'), [{ amount: [320.5], unit: 'mg', perDay: undefined, asNeeded: undefined }]);
});

test('dates in every usual form normalize to ISO', () => {
  const iso = (s: string) => read(s).attributes.dates.map((d) => d.iso);
  assert.deepEqual(iso('UR on 11/15/2016, seen 11-15-16, and November 15, 2016.'), ['2016-11-15', '2016-11-15', '2016-11-15']);
  assert.deepEqual(iso('Seen Nov. 3 2016 and 3 December 2016; an MRI in March 2015.'), ['2016-11-03', '2016-12-03', '2015-03']);
  assert.deepEqual(iso('He may return. Strength 4/5; 10/325 mg; 13/45/2016.'), []);
});

test('strength grades in every written form', () => {
  const g = (s: string) => read(s).attributes.grades.map((x) => x.value);
  assert.deepEqual(g('4/5, 4+/5, 4-/5, 4+ over 5, 5 of 5, five out of five, 4 out of 5.'), [4, 4.3, 3.7, 4.3, 5, 5, 4]);
  assert.deepEqual(g('He attended 2 of 5 sessions.'), []);
});

test('pain scores: rated 7-8 out of 10, VAS 6/10, pain level of 5', () => {
  const p = (s: string) => read(s).attributes.painScores.map((x) => [x.low, x.high]);
  assert.deepEqual(p('Pain was rated 7-8 out of 10.'), [[7, 8]]);
  assert.deepEqual(p('VAS 6/10 today.'), [[6, 6]]);
  assert.deepEqual(p('Pain level of 5 and pain 3/10 with medication.'), [
    [5, 5],
    [3, 3],
  ]);
  assert.deepEqual(p('Grade 4/5 strength.'), []);
});

test('percent change and direction: improved, worse, unchanged, "no better"', () => {
  const r = read('Pain improved by 50% with physical therapy.');
  assert.deepEqual(
    r.attributes.percents.map((x) => x.value),
    [50],
  );
  assert.equal(r.attributes.direction, 'improved');
  assert.equal(read('She reported being no better after acupuncture.').attributes.direction, 'unchanged');
  assert.equal(read('The pain is worse since the injury.').attributes.direction, 'worse');
  assert.equal(read('Function is unchanged.').mentions[0].attributes.direction, 'unchanged');
});

test("the worker's sex from pronouns and nouns; he/she tells nothing", () => {
  assert.equal(read('He had normal strength.').sex, 'male');
  assert.equal(read('The injured worker is a 45-year-old female.').sex, 'female');
  assert.equal(read('He/she has been in practice for five years.').sex, undefined);
});

test('an analysis keeps the readings it made or reused, and forgets the rest', () => {
  const r = createReader(fixtureLexicon());
  const a = 'No weakness.';
  const b = 'Decreased sensation.';
  const first = r.analysis(() => [r.read(a), r.read(a), r.read(b)]);
  assert.equal(first[0], first[1], 'the second read of a text reuses the reading');
  assert.equal(r.remembered(), 2);
  const second = r.analysis(() => r.read(a));
  assert.equal(second, first[0], 'an unchanged sentence is not read again');
  assert.equal(r.remembered(), 1, 'a text the latest analysis did not read is forgotten');
  r.analysis(() => undefined);
  assert.equal(r.remembered(), 0);
  // Outside an analysis nothing is remembered.
  r.read(a);
  assert.equal(r.remembered(), 0);
});

test('reading never throws and stays linear on hostile text', () => {
  for (const s of ['', ' ', '...', 'no no no no', '4/5/5/5/5', '#'.repeat(1000), 'x-'.repeat(1000), "n't".repeat(100), '\u0000\uffff', '(((((']) {
    assert.doesNotThrow(() => read(s), JSON.stringify(s.slice(0, 20)));
  }
  const long = 'no weakness or numbness and if radicular pain, '.repeat(4000);
  const t0 = Date.now();
  const r = read(long);
  assert.ok(r.mentions.length > 4000);
  assert.ok(Date.now() - t0 < 4000, `took ${Date.now() - t0} ms`);
});

test('a denial reaches every item of the list it governs', () => {
  const r = read('There is no weakness, tingling, radicular pain, diminished reflexes or decreased sensation in either lower extremity.');
  assert.deepEqual(
    r.mentions.map((m) => [m.concept.id, m.assertion]),
    [
      ['motor-weakness', 'negated'],
      ['paresthesia', 'negated'],
      ['radiculopathy', 'negated'],
      ['reflexes', 'negated'],
      ['sensation', 'negated'],
    ],
  );
});

test('"denied" denies a complaint, not a record: a UR that denied a request is no denial of the UR', () => {
  assert.equal(of('The utilization review dated 11/16/2016 denied the request.', 'utilization-review'), 'affirmed');
  assert.equal(of('She denied tingling in the hands.', 'paresthesia'), 'negated');
});

test('"as needed" is how a current medication is taken, not a condition', () => {
  const m = read('Current medications include tramadol 50 mg as needed.').mentions.find((x) => x.concept.id === 'tramadol');
  assert.equal(m?.assertion, 'affirmed');
  assert.equal(m?.attributes.doses[0].asNeeded, true);
});

test('a conclusion on a service reads it as requested, not as denied; "without contrast" is no negation', () => {
  assert.equal(of('Therefore, an MRI of the lumbar spine is not medically necessary.', 'lumbar-mri'), 'requested');
  assert.equal(of('Proceeding with an EMG is not indicated.', 'emg'), 'requested');
  assert.equal(of('The MRI without contrast was reviewed by the utilization review.', 'utilization-review'), 'affirmed');
  assert.equal(of('He returned to modified duty and completed physical therapy in June 2016.', 'physical-therapy'), 'affirmed');
});

test('a plan governs a long list of what it plans', () => {
  const r = read('The treatment plan included decreasing tramadol to 50 mg every 12 hours and starting Norco 10/325 mg as needed.');
  assert.equal(assertionOf(r, 'tramadol'), 'requested');
  assert.equal(assertionOf(r, 'norco'), 'requested');
});

test('counts: a number repeated in brackets, a range', () => {
  const c = (s: string) => read(s).attributes.counts.map((x) => [x.low, x.value, x.unit]);
  assert.deepEqual(c('He had at least five (5) physical therapy sessions.'), [[undefined, 5, 'session']]);
  assert.deepEqual(c('Guidelines allow 8-10 visits over 4-8 weeks.'), [
    [8, 10, 'visit'],
    [4, 8, 'week'],
  ]);
  assert.deepEqual(c('Guidelines allow 6 to 8 sessions.'), [[6, 8, 'session']]);
});

test('one span that two phrases of a concept match is one mention', () => {
  assert.equal(read('Radiculopathy.').mentions.length, 1);
});

test('a denial stops at a comma stretch with a verdict of its own, and a backward cue does not reach over a list', () => {
  const r = read('Exam noted decreased sensation, no radicular pain, straight leg raise is negative, and weakness.');
  assert.equal(assertionOf(r, 'motor-weakness'), 'affirmed');
  assert.equal(assertionOf(r, 'sensation'), 'affirmed');
  assert.equal(assertionOf(r, 'radiculopathy'), 'negated');
  const list = read('Sensation, reflexes and strength were not tested.');
  assert.deepEqual(
    list.mentions.map((m) => m.assertion),
    ['negated', 'negated', 'negated'],
  );
  const far = read('There was weakness of the left leg with an antalgic gait on the visit, and the reflexes were absent.');
  assert.equal(assertionOf(far, 'motor-weakness'), 'affirmed');
});

test('a bare "negative" is a test\'s value, not a denial of what follows it', () => {
  const r = read('Negative straight leg raise testing and full strength without radicular pain.');
  assert.equal(r.mentions.find((m) => m.concept.id === 'motor-strength')?.assertion, 'affirmed');
  assert.equal(assertionOf(r, 'radiculopathy'), 'negated');
  assert.equal(of('Imaging was negative for radiculopathy.', 'radiculopathy'), 'negated');
});

test('a list that repeats its denial in each stretch ends at a stretch without one', () => {
  const r = read('There was no weakness, no tingling, decreased sensation at the left foot, and diminished reflexes.');
  assert.equal(assertionOf(r, 'motor-weakness'), 'negated');
  assert.equal(assertionOf(r, 'paresthesia'), 'negated');
  assert.equal(assertionOf(r, 'sensation'), 'affirmed');
  assert.equal(assertionOf(r, 'reflexes'), 'affirmed');
  // One denial over the whole list, or a denial repeated in every stretch, still governs every item.
  const once = read('There was no weakness, tingling, radicular pain or diminished reflexes.');
  assert.deepEqual(
    once.mentions.map((m) => m.assertion),
    ['negated', 'negated', 'negated', 'negated'],
  );
  const each = read('There was no weakness, no tingling, and no radicular pain.');
  assert.deepEqual(
    each.mentions.map((m) => m.assertion),
    ['negated', 'negated', 'negated'],
  );
});

test('a "negative" that is the value of the test after it does not deny the findings listed before it', () => {
  const r = read('Exam showed decreased sensation, weakness and negative straight leg raise.');
  assert.equal(assertionOf(r, 'sensation'), 'affirmed');
  assert.equal(assertionOf(r, 'motor-weakness'), 'affirmed');
  assert.equal(r.mentions.find((m) => m.concept.id === 'straight-leg-raise')?.value, 'normal');
  // After the findings, "negative" still reaches back over its window.
  const after = read('Weakness and radicular pain were negative.');
  assert.equal(assertionOf(after, 'motor-weakness'), 'negated');
  assert.equal(assertionOf(after, 'radiculopathy'), 'negated');
});

test('a qualifier before "and" belongs to the previous item when the mention has its own', () => {
  const r = read('Sensation is intact and reflexes are 1+ at the ankles.');
  assert.deepEqual(
    r.mentions.map((m) => [m.concept.id, m.value]),
    [
      ['sensation', 'normal'],
      ['reflexes', 'abnormal'],
    ],
  );
  assert.equal(read('Decreased sensation and strength in the left leg.').mentions.find((m) => m.concept.id === 'motor-strength')?.value, 'abnormal');
});

test('a measure in degrees belongs to the motion it follows, or to the motion named after it with "of"', () => {
  const bundled = createReader(bundledLexicon());
  const degreesOf = (s: string) =>
    bundled
      .read(s)
      .mentions.filter((m) => m.attributes.counts.some((c) => c.unit === 'degree'))
      .map((m) => `${m.text}=${m.attributes.counts.map((c) => c.value).join('/')}`);
  // Written with the degree sign and with no comma between two measures: each goes to its own motion, not to the
  // examination named first nor to the motion right after it.
  assert.deepEqual(degreesOf('Examination of the left shoulder showed abduction at 95°, flexion 120° external rotation of 40 degrees.'), [
    'abduction=95',
    'flexion=120',
    'external rotation=40',
  ]);
  assert.deepEqual(degreesOf('He had 70 degrees of flexion of the knee.'), ['degrees of flexion=70']);
  // A measure with no motion before it in its clause is left to the general rule: a count of the nearest mention.
  assert.deepEqual(degreesOf('The brace was set at 30 degrees.'), ['brace=30']);
});

test('a copula or auxiliary with "not" denies what it governs as well as what it follows', () => {
  const bundled = createReader(bundledLexicon());
  const assertionIn = (s: string, id: string) => bundled.read(s).mentions.find((m) => m.concepts.includes(id))?.assertion;
  assert.equal(assertionIn('She has not tried acupuncture for the neck.', 'acupuncture'), 'negated');
  assert.equal(assertionIn('There is not mention of an MRI of the knee.', 'mri'), 'negated');
  assert.equal(assertionIn('He was not taking any opioids at that visit.', 'opioid'), 'negated');
  // Backward as before: "the Spurling test was not positive".
  assert.equal(assertionIn("The Spurling's test was not positive.", 'special-test'), 'negated');
  // Where a pseudo phrase begins at its "not" ("not improved", "not only"), it governs nothing after it.
  assert.equal(assertionIn('She has not improved with chiropractic care.', 'chiropractic'), 'affirmed');
});

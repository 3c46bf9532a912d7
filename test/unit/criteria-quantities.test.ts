// What a request adds up to: visits read from an item's name and from the
// summary, and visit-limit when an overturned request passes the guideline's
// course or the 24 visits per injury of Labor Code 4604.5(c)(1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priorVisits, requestedVisits } from '../../server/src/service/necessity/quantities';
import { necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';

test('requested visits as letters write them', () => {
  const cases: [string, number | undefined][] = [
    ['Eight (8) physical therapy sessions', 8],
    ['Physical therapy 2 times a week for 6 weeks', 12],
    ['Physical therapy 2-3 times a week for 6 weeks', 18],
    ['Acupuncture 3 times a week for 2 weeks, neck', 6],
    ['Chiropractic care to the low back two times a week for four weeks', 8],
    ['Twelve physical therapy visits for the Cervical Spine', 12],
    ['Chiropractic joint manipulation times 12', 12],
    ['Referral to chiropractor for evaluation of low back pain, twice a week for 3 weeks', 6],
    ['Physical therapy 6 sessions was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Physical therapy 6 sessions is', 6],
    ['Nine sessions of physical therapy of the right knee was the original request. Six sessions of physical therapy of the right knee was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Three sessions of physical therapy of the right knee is', 3],
    ['TENS unit', undefined],
    ['Physical therapy evaluation, cervical and thoracic spine', undefined],
  ];
  for (const [service, n] of cases) assert.equal(requestedVisits(service)?.visits, n, service);
});

test('visits already given, as the summary states them, and not the ones requested', () => {
  const s = (...t: string[]) => t.map((text) => ({ text }));
  assert.equal(priorVisits(s('Treatment to date has included 12 sessions of physical therapy and NSAIDs.'), 'physical-therapy')?.visits, 12);
  const chiro = priorVisits(s('She has had 6 sessions of chiropractic care.', 'She has completed 18 chiropractic visits to date.'), 'chiropractic');
  assert.deepEqual(chiro, { visits: 18, sentence: 1 }, 'the largest count, not the sum of restatements');
  assert.equal(priorVisits(s('He attended 6 PT visits.'), 'physical-therapy')?.visits, 6);
  assert.equal(priorVisits(s('The provider requested 8 additional sessions of physical therapy.'), 'physical-therapy'), undefined);
  assert.equal(priorVisits(s('He has had 12 sessions of physical therapy.'), 'chiropractic'), undefined, 'another therapy');
});

const PT = (service: string, prior = 'Treatment to date has included 12 sessions of physical therapy') =>
  variant(
    ['item MRI of the lumbar spine', `item ${service}`],
    ['criteria: low-back-mri', 'criteria: physical-therapy'],
    ['Treatment to date has included 12 sessions of physical therapy', prior],
  ).replace(/ {4}LMRI-0\d: [^\n]*\n/g, '') .replace('  criteria: physical-therapy\n', '  criteria: physical-therapy\n    PT-01: met [#pt-failed]\n    PT-02: not applicable\n    PT-03: met [#neuro-deficit]\n    PT-04: not applicable\n    PT-05: met [#pt-failed]\n');

test('visit-limit: an overturned request past the 24-visit cap, counting the visits already given', () => {
  const text = PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy');
  const [d] = necessityDiagnostics(text).filter((x) => x.code === 'visit-limit');
  assert.ok(d, JSON.stringify(necessityDiagnostics(text).map((x) => x.code)));
  assert.equal(textAt(text, d.range), 'Physical therapy 3 times a week for 4 weeks');
  assert.match(d.message, /comes to 30 physical therapy visits \(3 a week for 4 weeks = 12, plus the 18 already given: 30\)/);
  assert.match(d.message, /24 physical therapy visits per injury that Labor Code 4604\.5\(c\)\(1\) allows/);
  assert.match(d.message, /PT-04: at most 24/);
  assert.match(textAt(text, d.relatedInformation![0].range), /18 sessions of physical therapy/);
});

test('visit-limit: within the limits, upheld, or an injury before 2004: no diagnostic for the cap', () => {
  const none = (t: string) => necessityDiagnostics(t).filter((x) => x.code === 'visit-limit');
  assert.deepEqual(none(PT('Physical therapy 2 times a week for 4 weeks')), [], '8 + 12 = 20');
  assert.deepEqual(none(PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy').replace('decision: overturned', 'decision: upheld')), []);
  const before2004 = PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy').replace('injury-date: 1/30/2015', 'injury-date: 1/30/2003');
  const [d] = none(before2004);
  assert.ok(d, 'the guideline course still applies');
  assert.doesNotMatch(d.message, /Labor Code/);
});
